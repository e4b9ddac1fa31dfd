"""Shared checks for the attribution golden files (attribution.json, shapes_genres.json)."""

from __future__ import annotations

from typing import Any

from quotecheck.models import Analysis, Attribution, Source


def said_by(source: Source) -> str:
    """The words a case may name a source by: its name and its descriptor."""
    return " ".join(filter(None, [source.name, source.descriptor]))


def find_attribution(a: Analysis, want: dict[str, Any]) -> Attribution:
    """The attribution with the expected content (and cue), failing with what was found."""
    found = [
        x for x in a.attributions if "content" not in want or x.content.text == want["content"]
    ]
    if "cue" in want:
        found = [x for x in found if x.cue is not None and x.cue.text == want["cue"]]
    assert found, f"no attribution like {want}; got {[x.content.text for x in a.attributions]}"
    return found[0]


def check_attribution(a: Analysis, att: Attribution, want: dict[str, Any]) -> None:
    """Compare one attribution and its source (kind, words, name, role, cue, when, via)."""
    sources = {s.id: s for s in a.sources}
    source = sources[att.source_id]
    assert source.kind.value == want["source_kind"], said_by(source)
    if "source" in want:
        assert want["source"] in said_by(source)
    if "name" in want:
        assert source.name == want["name"]
    if "role" in want:
        assert source.role == want["role"]
    if "cue_kind" in want:
        assert att.cue_kind.value == want["cue_kind"]
    if "when" in want:
        assert att.when is not None
        assert att.when.text == want["when"]
    if "via" in want:  # a news outlet the source spoke through, by name
        assert att.via_source_id is not None
        via = sources[att.via_source_id]
        assert via.kind.value == "media"
        assert via.name == want["via"]
    if "via_source" in want:  # any source the report came through, by its words
        assert att.via_source_id is not None
        assert want["via_source"] in said_by(sources[att.via_source_id])
    assert att.reasons, "every attribution explains itself"


def check_case(a: Analysis, expected: dict[str, Any]) -> None:
    """Check a golden case's expectations: attribution count, each attribution, shared sources,
    contents that must not appear, quote kinds and speakers, and flag counts."""
    if "count" in expected:
        assert len(a.attributions) == expected["count"], [x.content.text for x in a.attributions]
    found = []
    for want in expected["attributions"]:
        att = find_attribution(a, want)
        check_attribution(a, att, want)
        found.append(att)
    for i, j in expected.get("same_source", []):
        assert found[i].source_id == found[j].source_id
    contents = {x.content.text for x in a.attributions}
    assert contents.isdisjoint(expected.get("absent", []))
    for want_q in expected.get("quotes", []):
        quote = next(q for q in a.quotes if q.span.text == want_q["text"])
        if "kind" in want_q:
            assert quote.kind.value == want_q["kind"]
        if "attributed" in want_q:
            assert (quote.attribution_id is not None) == want_q["attributed"]
    for kind, n in expected.get("flags", {}).items():
        assert sum(f.kind.value == kind for f in a.flags) == n, kind
