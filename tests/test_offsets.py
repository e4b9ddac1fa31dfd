"""Properties of analyze() on arbitrary text: it never raises and every offset is exact."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel

import quotecheck
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.errors import InputTypeError, QuotecheckError
from quotecheck.models import Analysis, Quote, Span
from quotecheck.offsets import clamp, make_span
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment
from tests.strategies import (
    QUOTE_CHARS,
    QuotedArticle,
    apostrophe_text,
    messy_text,
    multi_paragraph_quote,
    quoted_article,
    unbalanced_text,
)

ADVERSARIAL = (
    QUOTE_CHARS * 40,
    "“" * 500,
    "”" * 500,
    "'" * 300 + '"' * 301,
    "“a ‘b “c ‘d " * 50,
    "word " * 400,
    ". " * 300,
    "\n" * 50 + "“x" + "\n\n“" * 30,
    "…" * 100 + "..." * 100,
)


def iter_spans(node: object) -> Iterator[Span]:
    """Yield every Span inside a model, walking fields, tuples, lists and dicts recursively."""
    if isinstance(node, Span):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_spans(getattr(node, name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from iter_spans(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from iter_spans(item)


def assert_unbalanced_runs(text: str, runs: tuple[Span, ...]) -> None:
    """Each unbalanced span is a run of quote marks separated only by white space, in order."""
    previous_end = 0
    for run in runs:
        assert text[run.start : run.end] == run.text
        assert run.start >= previous_end
        previous_end = run.end
        assert run.text[0] in QUOTE_CHARS
        assert run.text[-1] in QUOTE_CHARS
        assert all(ch in QUOTE_CHARS or ch.isspace() for ch in run.text), run.text


def _nested(inner: Quote, outer: Quote) -> bool:
    return outer.marks.start <= inner.marks.start and inner.marks.end <= outer.marks.end


def assert_offset_invariants(text: str, a: Analysis) -> None:
    """Check every property the contract promises about offsets, sentences and quotes."""
    assert a.length == len(text)
    for span in iter_spans(a):
        assert text[span.start : span.end] == span.text, span

    sentences = a.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    covered = [False] * len(text)
    previous_end = 0
    for s in sentences:
        assert s.span.start >= previous_end, "sentences overlap or are out of order"
        assert s.span.text, "empty sentence"
        assert s.span.text == s.span.text.strip(), "sentence keeps surrounding white space"
        previous_end = s.span.end
        covered[s.span.start : s.span.end] = [True] * (s.span.end - s.span.start)
    uncovered = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not uncovered, f"characters in no sentence at {uncovered[:5]}"

    assert [c.span for c in a.claims] == [s.span for s in sentences], "one claim per sentence"

    quotes = a.quotes
    assert [q.marks.start for q in quotes] == sorted(q.marks.start for q in quotes)
    for i, q in enumerate(quotes):
        assert q.marks.start < q.span.start <= q.span.end <= q.marks.end
        for later in quotes[i + 1 :]:
            disjoint = q.marks.end <= later.marks.start
            assert disjoint or _nested(later, q), f"{q.id} and {later.id} cross"
            if _nested(later, q):
                assert later.depth > q.depth
        if not any(_nested(q, other) for other in quotes if other is not q):
            assert q.depth == 0, f"{q.id} is nested in nothing but has depth {q.depth}"


# --------------------------------------------------------------------------- properties


@given(messy_text())
@example("")
@example("“")
@example("‘’’‘")
@example("«»‹›„‚「」\"'")
@example("“a\n\n“b\n\n“c")
@example("\r\n“x”\r\n")
def test_analyze_never_raises_and_offsets_are_exact(text: str) -> None:
    """On arbitrary text, analyze returns and every Span, sentence and quote is consistent."""
    assert_offset_invariants(text, quotecheck.analyze(text))


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_adversarial_inputs(text: str) -> None:
    """Runs of quote marks, unclosed quotes and punctuation keep every invariant."""
    assert_offset_invariants(text, quotecheck.analyze(text))


@given(messy_text())
def test_json_round_trip(text: str) -> None:
    """An Analysis survives model_dump_json / model_validate_json unchanged."""
    a = quotecheck.analyze(text, doc_id="doc")
    assert Analysis.model_validate_json(a.model_dump_json()) == a


@given(st.one_of(quoted_article(), multi_paragraph_quote()))
def test_well_formed_quotes_are_found_exactly(article: QuotedArticle) -> None:
    """In well-formed news text every quote of every style is found with its exact span."""
    scan = find_quotes(article.text, segment(article.text), DEFAULT_CONFIG)
    got = [(q.span.start, q.span.end, q.depth) for q in scan.quotes]
    assert got == article.quotes
    assert scan.unbalanced == ()


@given(apostrophe_text())
def test_apostrophes_are_never_quote_marks(text: str) -> None:
    """Apostrophes (don’t, the country’s, ’90s, rock ’n’ roll, O’Brien) open or close nothing."""
    scan = find_quotes(text, segment(text), DEFAULT_CONFIG)
    assert scan.quotes == ()
    assert scan.unbalanced == ()


@given(unbalanced_text())
def test_unbalanced_marks_are_reported(text: str) -> None:
    """Unpaired marks are reported as runs of quote marks (and white space), flagged by analyze."""
    scan = find_quotes(text, segment(text), DEFAULT_CONFIG)
    assert_unbalanced_runs(text, scan.unbalanced)
    closers = {q.marks.end - 1 for q in scan.quotes if q.closed}
    stray = {i for m in scan.unbalanced for i in range(m.start, m.end)}
    assert not closers & stray, "a mark is both a closing mark and unpaired"
    flagged = [f.span for f in quotecheck.analyze(text).flags if f.kind == "unbalanced_quote_marks"]
    assert flagged == list(scan.unbalanced)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"text")], ids=["bytes", "bytearray"])
def test_bytes_input_says_decode(value: object) -> None:
    """Bytes raise InputTypeError, a QuotecheckError and TypeError, telling the caller to decode."""
    with pytest.raises(InputTypeError, match="decode") as info:
        quotecheck.analyze(value)  # type: ignore[arg-type]
    assert isinstance(info.value, QuotecheckError)
    assert isinstance(info.value, TypeError)
    assert info.value.got is type(value)


@pytest.mark.parametrize("value", [123, None, ["text"]], ids=["int", "None", "list"])
def test_non_text_input_says_what_to_pass(value: object) -> None:
    """Other non-str values raise InputTypeError naming the type that was passed."""
    with pytest.raises(InputTypeError, match=type(value).__name__):
        quotecheck.analyze(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("doc_id", [7, b"id", ("a",)], ids=["int", "bytes", "tuple"])
def test_non_str_doc_id_says_what_to_pass(doc_id: object) -> None:
    """A doc_id that is not a str raises InputTypeError up front, naming its type."""
    with pytest.raises(
        InputTypeError, match=rf"doc_id must be a str or None, got {type(doc_id).__name__}"
    ):
        quotecheck.analyze("Prices rose.", doc_id=doc_id)  # type: ignore[arg-type]
    assert quotecheck.analyze("Prices rose.", doc_id=str(doc_id)).doc_id == str(doc_id)


def test_empty_string_gives_empty_analysis() -> None:
    """The empty string is valid input and yields an Analysis with nothing in it."""
    a = quotecheck.analyze("")
    assert a == Analysis(length=0, summary=a.summary)
    assert a.sentences == ()
    assert a.summary.sentences == 0


@given(st.text(max_size=20), st.integers(-30, 30), st.integers(-30, 30))
def test_clamp_gives_the_offsets_of_make_spans_span(text: str, start: int, end: int) -> None:
    """clamp moves offsets inside the text and in order, as make_span does to build its Span."""
    first, last = clamp(text, start, end)
    span = make_span(text, start, end)
    assert (span.start, span.end) == (first, last)
    assert 0 <= first <= last <= len(text)
    if 0 <= start <= end <= len(text):
        assert (first, last) == (start, end)
