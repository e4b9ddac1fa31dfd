"""Attribution shapes across genres: golden sentences for appositive names, asides, passives,
trailing clauses, nested reports, quote-mark look-alikes and one flag per problem (issue #21)."""

from __future__ import annotations

from typing import Any

import pytest

from quotecheck.pipeline import analyze
from tests.attribution_expect import check_case
from tests.conftest import case_params, load_cases

CASES = load_cases("shapes_genres")


@pytest.mark.parametrize("case", case_params("shapes_genres"))
def test_shape_case(case: dict[str, Any]) -> None:
    """Each golden passage yields the expected attributions, quotes and flag counts."""
    check_case(analyze(case["input"]), case["expected"])


def test_cases_cover_the_genres() -> None:
    """The golden file keeps at least 100 cases, negatives among them."""
    assert len(CASES) >= 100
    assert sum(c["provenance"] == "negative" for c in CASES) >= 15
    assert len({c["label"] for c in CASES}) == len(CASES)
