"""Sources across genres (#21): the taxonomy editors use, and why anonymous sources are unnamed.

Golden cases in tests/cases/sources_genres.json (schema in tests/cases/README.md), written for
these tests across UK/Irish, wire, press-release, science, court, sports, business, interview,
opinion and obituary copy. Known failures run as strict xfails.
"""

from __future__ import annotations

from typing import Any

import pytest

from quotecheck.models import Analysis, Source
from quotecheck.pipeline import analyze
from tests.conftest import case_params, load_cases

CASES = load_cases("sources_genres")


def _matches(source: Source, want: dict[str, Any]) -> bool:
    """Tell whether a source has every field an expected source names."""
    if source.kind.value != want["kind"]:
        return False
    if "name" in want and source.name != want["name"]:
        return False
    if "role" in want and source.role != want["role"]:
        return False
    if "descriptor" in want and want["descriptor"] not in (source.descriptor or ""):
        return False
    if "reason" in want:
        got = source.anonymity_reason.text if source.anonymity_reason is not None else None
        if got != want["reason"]:
            return False
    return True


def _sources(a: Analysis) -> list[Source]:
    """The sources some attribution credits (a listener or channel alone is not checked)."""
    credited = {x.source_id for x in a.attributions}
    return [s for s in a.sources if s.id in credited]


def _summary(a: Analysis) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [
        (
            s.kind.value,
            s.name,
            s.role,
            s.descriptor,
            s.anonymity_reason.text if s.anonymity_reason else None,
        )
        for s in a.sources
    ]


@pytest.mark.parametrize("case", case_params("sources_genres"))
def test_sources_genre_case(case: dict[str, Any]) -> None:
    """Each case yields sources of the expected kinds, names, roles, descriptors and reasons."""
    expected = case["expected"]
    a = analyze(case["input"])
    sources = _sources(a)
    for want in expected["sources"]:
        assert any(_matches(s, want) for s in sources), f"no source like {want}: {_summary(a)}"
    for kind in expected.get("no_kinds", []):
        assert all(s.kind.value != kind for s in sources), _summary(a)
    flag_kinds = {f.kind.value for f in a.flags}
    for kind in expected.get("no_flags", []):
        assert kind not in flag_kinds, [f.message for f in a.flags]
    if "flag_says" in expected:
        messages = [f.message for f in a.flags if f.kind.value == "anonymous_source"]
        assert any(expected["flag_says"] in m for m in messages), messages
    claim_kinds = {c.kind.value for c in a.claims}
    for kind in expected.get("no_claims", []):
        assert kind not in claim_kinds, [(c.kind.value, c.span.text) for c in a.claims]
    if "count" in expected:
        assert len(a.attributions) == expected["count"], [x.content.text for x in a.attributions]
    if expected.get("one_source") or expected.get("same_source"):  # coreference joined them
        assert len({x.source_id for x in a.attributions}) == 1, _summary(a)
    if expected.get("same_source"):
        assert len(a.attributions) >= 2


def test_cases_cover_ten_genres() -> None:
    """The golden file spans at least ten genres, with positive and negative cases."""
    genres = {c["genre"] for c in CASES}
    assert len(genres) >= 10, genres
    assert len(CASES) >= 100
    assert any(c["label"].startswith("neg-") for c in CASES)


def test_anonymity_reason_offsets_index_the_text() -> None:
    """An anonymity reason is a Span of the caller's text, like every other span."""
    text = (
        "A diplomat, who asked not to be named because of the sensitivity of the talks, "
        "said the envoy had left."
    )
    a = analyze(text)
    reasons = [s.anonymity_reason for s in a.sources if s.anonymity_reason is not None]
    assert reasons
    for span in reasons:
        assert text[span.start : span.end] == span.text


def test_anonymity_reason_round_trips_through_json() -> None:
    """The new field survives model_dump_json / model_validate_json."""
    a = analyze("Speaking on condition of anonymity, a senior aide said the budget would be cut.")
    again = Analysis.model_validate_json(a.model_dump_json())
    assert again.sources == a.sources
    assert again.sources[0].anonymity_reason is not None


def test_every_anonymity_phrase_holds_a_keyword() -> None:
    """The fast keyword scan can find every phrase of lexicons/anonymity_reasons.txt."""
    from quotecheck.attribution.anonymity import KEYWORDS
    from quotecheck.lexicons import load_rows

    phrases = [row[0] for row in load_rows("anonymity_reasons") if row[1] != "alias"]
    assert phrases
    for phrase in phrases:
        assert any(key in phrase for key in KEYWORDS), phrase


def test_reason_found_wherever_its_keyword_sits() -> None:
    """A phrase whose keyword sits far into it ("on condition that they not be named") is found."""
    text = "A soldier, who spoke on condition that they not be named, said the gate was shut."
    a = analyze(text)
    assert a.sources[0].anonymity_reason is not None
    assert "on condition that they not be named" in a.sources[0].anonymity_reason.text
