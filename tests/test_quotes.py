"""Quote detection: pairs of marks with exact offsets, against tests/cases/quotes.json."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from quotecheck.config import DEFAULT_CONFIG
from quotecheck.models import QuoteKind
from quotecheck.text.quotes import QuoteScan, find_quotes
from quotecheck.text.segment import segment
from tests.conftest import SEEDS, case_params, load_cases
from tests.strategies import QUOTE_CHARS

CASES = load_cases("quotes")
OPTIONAL_KEYS = ("kind", "depth", "closed", "paragraph")


def scan(text: str) -> QuoteScan:
    """Run find_quotes the way the pipeline does."""
    return find_quotes(text, segment(text), DEFAULT_CONFIG)


def _assert_consistent(text: str, result: QuoteScan) -> None:
    """Ids run q1..qn in order, spans slice ``text``, marks wrap spans, kinds are provisional."""
    assert [q.id for q in result.quotes] == [f"q{i}" for i in range(1, len(result.quotes) + 1)]
    assert [q.marks.start for q in result.quotes] == sorted(q.marks.start for q in result.quotes)
    for q in result.quotes:
        assert text[q.span.start : q.span.end] == q.span.text
        assert text[q.marks.start : q.marks.end] == q.marks.text
        assert q.marks.start < q.span.start <= q.span.end <= q.marks.end
        assert q.marks.text[0] in QUOTE_CHARS + ","  # ",," typed for „
        if q.closed:  # one closing mark, or a doubled one ('' ’’)
            assert q.marks.end - q.span.end in (1, 2)
            assert q.marks.text[-1] in QUOTE_CHARS
        assert q.kind in {QuoteKind.direct, QuoteKind.partial}  # scare is attribution's call
    for mark in result.unbalanced:
        assert text[mark.start : mark.end] == mark.text
        assert mark.text[0] in QUOTE_CHARS
        assert mark.text[-1] in QUOTE_CHARS


def test_cases_are_well_formed() -> None:
    """Every golden case has the schema of tests/cases/README.md and a unique label."""
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))
    for case in CASES:
        assert set(case) == {"label", "provenance", "comment", "input", "expected", "expect"}
        assert case["provenance"] in {"synthetic", "negative", "bugs caught"}
        assert {"quotes", "unbalanced"} <= set(case["expected"]) <= {"quotes", "unbalanced", "soup"}
        for quote in case["expected"]["quotes"]:
            assert set(quote) <= {"text", *OPTIONAL_KEYS}
            assert quote["text"] in case["input"]


@pytest.mark.parametrize("case", case_params("quotes"))
def test_quotes_case(case: dict[str, Any]) -> None:
    """find_quotes() returns exactly the expected quotes, in order, and unbalanced marks."""
    text = case["input"]
    result = scan(text)
    want = case["expected"]["quotes"]
    assert [q.span.text for q in result.quotes] == [w["text"] for w in want]
    for quote, spec in zip(result.quotes, want, strict=True):
        got = {
            "kind": quote.kind.value,
            "depth": quote.depth,
            "closed": quote.closed,
            "paragraph": quote.paragraph,
        }
        assert {k: got[k] for k in spec if k != "text"} == {
            k: v for k, v in spec.items() if k != "text"
        }, spec["text"]
    assert len(result.unbalanced) == case["expected"]["unbalanced"], result.unbalanced
    assert len(result.soup) == case["expected"].get("soup", 0)
    _assert_consistent(text, result)


def test_seed_quotes() -> None:
    """The seed article has exactly the six quotes of its expected file, with the same spans."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    expected = json.loads((SEEDS / "libya-special-forces.expected.json").read_text("utf-8"))
    result = scan(text)
    got = [(q.span.start, q.span.end, q.span.text) for q in result.quotes]
    want = [(q["span"][0], q["span"][1], q["text"]) for q in expected["quotes"]]
    assert got == want
    assert result.unbalanced == ()
    assert all(q.depth == 0 and q.closed for q in result.quotes)
    _assert_consistent(text, result)


def test_seed_quote_kinds() -> None:
    """Seed quotes get the expected provisional kinds; the scare one may be direct or partial."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    expected = json.loads((SEEDS / "libya-special-forces.expected.json").read_text("utf-8"))
    result = scan(text)
    assert len(result.quotes) == len(expected["quotes"])
    for quote, spec in zip(result.quotes, expected["quotes"], strict=True):
        if spec["kind"] != "scare":
            assert quote.kind.value == spec["kind"], spec["text"]


_WHITE_SPACE = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]


@pytest.mark.parametrize("space", _WHITE_SPACE, ids=[f"U+{ord(c):04X}" for c in _WHITE_SPACE])
def test_single_quotes_open_and_close_at_every_kind_of_white_space(space: str) -> None:
    """Every character str.isspace() accepts lets a ' open or close a quote (so does _MARK_RE)."""
    text = f"She called it{space}'hopeless'{space}today."
    assert [q.span.text for q in scan(text).quotes] == ["hopeless"]


@pytest.mark.parametrize("glue", ["a", "5", "\u200b", "\u00ad", "\u2060", "\x1b"])
def test_single_marks_between_non_space_characters_are_apostrophes(glue: str) -> None:
    """A ' with no white space, bracket or punctuation on either side never opens a quote."""
    text = f"She called it{glue}'hopeless'{glue}today."
    assert scan(text).quotes == ()
    assert scan(text).unbalanced == ()
