"""Attribution shapes across genres: golden sentences for appositive names, asides, passives,
trailing clauses, nested reports, quote-mark look-alikes and one flag per problem (issue #21)."""

from __future__ import annotations

from typing import Any

import pytest

from quotecheck.models import Analysis, Attribution, Source
from quotecheck.pipeline import analyze
from tests.conftest import case_params, load_cases

CASES = load_cases("shapes_genres")


def _said_by(source: Source) -> str:
    """The words a case may name a source by: its name and its descriptor."""
    return " ".join(filter(None, [source.name, source.descriptor]))


def _find(a: Analysis, want: dict[str, Any]) -> Attribution:
    """The attribution with the expected content (and cue), failing with what was found."""
    found = [x for x in a.attributions if x.content.text == want["content"]]
    if "cue" in want:
        found = [x for x in found if x.cue is not None and x.cue.text == want["cue"]]
    assert found, f"no attribution like {want}; got {[x.content.text for x in a.attributions]}"
    return found[0]


def _check(a: Analysis, att: Attribution, want: dict[str, Any]) -> None:
    """Compare one attribution's source (kind, words, name, role) and channel with a case's."""
    sources = {s.id: s for s in a.sources}
    source = sources[att.source_id]
    assert source.kind.value == want["source_kind"], _said_by(source)
    if "source" in want:
        assert want["source"] in _said_by(source)
    if "name" in want:
        assert source.name == want["name"]
    if "role" in want:
        assert source.role == want["role"]
    if "via_source" in want:
        assert att.via_source_id is not None
        assert want["via_source"] in _said_by(sources[att.via_source_id])
    assert att.reasons, "every attribution explains itself"


@pytest.mark.parametrize("case", case_params("shapes_genres"))
def test_shape_case(case: dict[str, Any]) -> None:
    """Each golden passage yields the expected attributions, quotes and flag counts."""
    expected = case["expected"]
    a = analyze(case["input"])
    if "count" in expected:
        assert len(a.attributions) == expected["count"], [x.content.text for x in a.attributions]
    found = []
    for want in expected["attributions"]:
        att = _find(a, want)
        _check(a, att, want)
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


def test_cases_cover_the_genres() -> None:
    """The golden file keeps at least 100 cases, negatives among them."""
    assert len(CASES) >= 100
    assert sum(c["provenance"] == "negative" for c in CASES) >= 15
    assert len({c["label"] for c in CASES}) == len(CASES)
