"""Attribution shapes across genres: golden sentences for appositive names, asides, passives,
trailing clauses, nested reports, quote-mark look-alikes and one flag per problem (issue #21)."""

from __future__ import annotations

from typing import Any

import pytest

from quotecheck.pipeline import analyze
from tests.attribution_expect import check_attribution, find_attribution
from tests.conftest import case_params, load_cases

CASES = load_cases("shapes_genres")


@pytest.mark.parametrize("case", case_params("shapes_genres"))
def test_shape_case(case: dict[str, Any]) -> None:
    """Each golden passage yields the expected attributions, quotes and flag counts."""
    expected = case["expected"]
    a = analyze(case["input"])
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


def test_cases_cover_the_genres() -> None:
    """The golden file keeps at least 100 cases, negatives among them."""
    assert len(CASES) >= 100
    assert sum(c["provenance"] == "negative" for c in CASES) >= 15
    assert len({c["label"] for c in CASES}) == len(CASES)
