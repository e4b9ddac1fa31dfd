"""Attribution: golden cases for every cue shape and source type, plus invariants over any text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.models import QuoteKind
from quotecheck.pipeline import analyze
from tests.attribution_expect import check_case
from tests.conftest import case_params, load_cases

CASES = load_cases("attribution")


@pytest.mark.parametrize("case", case_params("attribution"))
def test_attribution_case(case: dict[str, Any]) -> None:
    """Each golden sentence yields the expected attributions, sources and quote kinds."""
    check_case(analyze(case["input"]), case["expected"])


def test_seed_sources_and_channel() -> None:
    """The seed's speakers resolve as an editor reads them, with the Post as the channel."""
    from tests.conftest import SEEDS

    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    a = analyze(text)
    by_name = {s.name: s for s in a.sources if s.name}
    trowbridge = by_name["Gordon Trowbridge"]
    assert trowbridge.role == "US Deputy Defense Press Secretary"
    assert [m.text for m in trowbridge.mentions].count("Trowbridge") == 2
    assert by_name["Joseph Dunford"].role == "US General"
    anonymous = {s.descriptor for s in a.sources if s.kind.value == "anonymous"}
    assert "unnamed Defense Department sources" in anonymous
    post = by_name["Washington Post"]
    assert any(x.via_source_id == post.id for x in a.attributions)
    scare = [q for q in a.quotes if q.kind is QuoteKind.scare]
    assert [q.span.text for q in scare] == ["war against the Islamic State,"]


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "“We will stay,” ",
        "said ",
        "Trowbridge ",
        "the spokesman ",
        "he ",
        "told the Washington Post ",
        "according to officials, ",
        "reportedly ",
        "Gen. Joseph Dunford ",
        ": ",
        "“",
        "”",
        '"',
        "'",
        ", ",
        ". ",
        "\n\n",
        "the report said ",
        "who spoke on condition of anonymity ",
        "in a statement ",
        "on Wednesday ",
        "Critics say ",
        "x ",
        # shapes and white space the readers added later must survive too
        "\r\n",
        "\t",
        "\u00a0",
        " ― ",
        "— ",
        "Ann Lee ",
        "called ",
        "saying, ",
        "barked ",
        "the younger Mr. ",
        "(R-OH), ",
        "who ",
        "on Monday, ",
        # shapes read since: relative pronouns, suffixes, surnames, poll shares, lists
        "which ",
        "that read ",
        "James B. Comey Jr., ",
        "Theresa May ",
        "21 percent ",
        "another",
        " - ",
        "and added: ",
        "went on to say, ",
        "a message reading ",
        "Calif. ",
        "the announcer ",
        "someone in the room ",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_id_resolves_and_every_span_indexes_the_text(text: str) -> None:
    """Every source id and quote attribution id resolves; every mention and content is a Span."""
    a = analyze(text)
    source_ids = {s.id for s in a.sources}
    attribution_ids = {x.id for x in a.attributions}
    for x in a.attributions:
        assert x.source_id in source_ids
        assert x.via_source_id is None or x.via_source_id in source_ids
        for span in (x.content, x.cue, x.when):
            assert span is None or text[span.start : span.end] == span.text
        assert set(x.quote_ids) <= {q.id for q in a.quotes}
    for q in a.quotes:
        assert q.attribution_id is None or q.attribution_id in attribution_ids
        assert q.attribution_id is not None or q.kind is QuoteKind.scare
    for s in a.sources:
        assert s.mentions
        for m in s.mentions:
            assert text[m.start : m.end] == m.text


@given(st.text(alphabet=st.sampled_from("ab AB “”\"'.,:\n\r\t―—-"), max_size=200))
def test_arbitrary_marks_never_break_attribution(text: str) -> None:
    """Any mix of letters, quote marks and punctuation analyses without error."""
    a = analyze(text)
    assert all(x.source_id in {s.id for s in a.sources} for x in a.attributions)
