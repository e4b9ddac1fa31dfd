"""Quote verification: golden cases, properties, a naive reference matcher, and bad input."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from quotecheck.errors import InputError, InputTypeError, SourceDocumentError
from quotecheck.models import Analysis, Quote, Span, Verification, VerificationStatus
from quotecheck.verification import index as index_module
from quotecheck.verification.quotetext import TOKEN_RE, text_keys, token_offsets
from quotecheck.verification.verifier import SourceIndex, verify, verify_quote
from tests.conftest import CASES, case_params, load_cases

_DOCUMENTS: dict[str, str] = json.loads((CASES / "verify.json").read_text("utf-8"))["documents"]


def _assert_spans(v: Verification, sources: dict[str, str]) -> None:
    """Every span of a verification indexes the source (or the quote) it points into."""
    if v.source_span is not None:
        assert v.source_name is not None
        text = sources[v.source_name]
        assert text[v.source_span.start : v.source_span.end] == v.source_span.text
    for edit in v.edits:
        if edit.quote_span is not None:
            span = edit.quote_span
            assert v.quote[span.start : span.end] == span.text == edit.quote_words
        if edit.source_span is not None:
            span = edit.source_span
            assert any(t[span.start : span.end] == span.text for t in sources.values())
            assert span.text == edit.source_words


# ---------------------------------------------------------------------------- golden cases


@pytest.mark.parametrize("case", case_params("verify"))
def test_verify_case(case: dict[str, Any]) -> None:
    """Each hand-written quote gets the verdict, meaning flags and source written for it."""
    sources = {name: _DOCUMENTS[name] for name in case["input"]["sources"]}
    v = SourceIndex(sources).verify_quote(case["input"]["quote"])
    expected = case["expected"]
    assert v.status.value == expected["status"], v.reasons
    if "meaning" in expected:
        assert sorted({m for e in v.edits for m in e.meaning}) == expected["meaning"], v.reasons
    if "source_name" in expected:
        assert v.source_name == expected["source_name"]
    if "source_text" in expected:
        assert v.source_span is not None
        assert v.source_span.text == expected["source_text"]
    _assert_spans(v, sources)


def test_golden_file_is_large_enough() -> None:
    """The golden table has at least 30 cases and covers every status."""
    cases = load_cases("verify")
    assert len(cases) >= 30
    assert {c["expected"]["status"] for c in cases} == {s.value for s in VerificationStatus}


# ---------------------------------------------------------------------------- properties

# Made-up words of consonant-vowel syllables: no function words, no two share a stem or differ
# only by a British/American ending, so every change the tests make is a content change.
_CONSONANTS = "bdfgklmnprtv"
_SYLLABLES = [c + v for c in _CONSONANTS for v in "aeiou"]
_VOCAB = sorted({a + b for a in _SYLLABLES for b in _SYLLABLES[::7]})
_OTHER = "xq"  # letters no vocabulary word has: words made of them are never in a source


@st.composite
def _source(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_VOCAB), min_size=12, max_size=60, unique=True))
    out = []
    for n, word in enumerate(words):
        sep = draw(st.sampled_from([" ", " ", " ", ", ", ". ", " — ", "\n"])) if n else ""
        out.append(sep + (word.capitalize() if sep == ". " else word))
    return "".join(out)


def _slice(text: str, first: int, last: int) -> str:
    starts, ends = token_offsets(text)
    return text[starts[first] : ends[last]]


def _words(text: str, first: int, last: int) -> list[str]:
    starts, ends = token_offsets(text)
    return [text[starts[k] : ends[k]] for k in range(first, last + 1)]


@st.composite
def _source_and_slice(draw: st.DrawFn, min_words: int = 1) -> tuple[str, int, int]:
    text = draw(_source())
    n = len(TOKEN_RE.findall(text))
    first = draw(st.integers(0, n - min_words))
    last = draw(st.integers(first + min_words - 1, min(n - 1, first + 30)))
    return text, first, last


@given(_source_and_slice())
def test_substring_is_exact(data: tuple[str, int, int]) -> None:
    """A run of whole words copied from the source is exact, at that very place."""
    text, first, last = data
    quote = _slice(text, first, last)
    v = verify_quote(quote, text, source_name="doc")
    assert v.status is VerificationStatus.exact
    assert v.source_span is not None
    assert v.source_span.text == quote
    _assert_spans(v, {"doc": text})


@given(_source_and_slice(min_words=2), st.data())
def test_case_and_punctuation_changes_are_normalized(
    data: tuple[str, int, int], draw: st.DataObject
) -> None:
    """The same words with other case, punctuation or quote marks are normalized."""
    text, first, last = data
    quote = _slice(text, first, last)
    change = draw.draw(st.sampled_from(["upper", "title", "punct", "curly"]))
    second = token_offsets(quote)[0][1]
    changed = {
        "upper": quote.upper(),
        "title": quote.title(),
        "punct": quote.replace(",", "").replace(" ", ", ", 1),
        "curly": f"{quote[:second]}‘{quote[second:]}’",
    }[change]
    assume(changed != quote)
    v = verify_quote(changed, text, source_name="doc")
    assert v.status is VerificationStatus.normalized, v.reasons
    _assert_spans(v, {"doc": text})


@st.composite
def _two_pieces(draw: st.DrawFn) -> tuple[str, str, str]:
    text = draw(_source())
    n = len(TOKEN_RE.findall(text))
    cuts = sorted(draw(st.lists(st.integers(0, n), min_size=4, max_size=4, unique=True)))
    assume(cuts[1] - cuts[0] >= 3 and cuts[3] - cuts[2] >= 3)
    return text, _slice(text, cuts[0], cuts[1] - 1), _slice(text, cuts[2], cuts[3] - 1)


@given(_two_pieces(), st.sampled_from([" … ", " ... ", " [...] ", "…"]))
def test_pieces_in_order_are_ellipsis(data: tuple[str, str, str], mark: str) -> None:
    """Two pieces of the source joined with an ellipsis, in source order, are ellipsis."""
    text, a, b = data
    v = verify_quote(a + mark + b, text, source_name="doc")
    assert v.status is VerificationStatus.ellipsis, v.reasons
    _assert_spans(v, {"doc": text})


@given(_two_pieces())
def test_pieces_swapped_are_spliced(data: tuple[str, str, str]) -> None:
    """The same two pieces in the opposite order are spliced."""
    text, a, b = data
    v = verify_quote(b + " … " + a, text, source_name="doc")
    assert v.status is VerificationStatus.spliced, v.reasons
    _assert_spans(v, {"doc": text})


@given(_source_and_slice(min_words=4), st.data())
def test_one_content_word_replaced_is_altered(
    data: tuple[str, int, int], draw: st.DataObject
) -> None:
    """Replacing one word with a word the source does not have is altered."""
    text, first, last = data
    words = _words(text, first, last)
    at = draw.draw(st.integers(0, len(words) - 1))
    words[at] = draw.draw(st.text(_OTHER, min_size=3, max_size=8))
    v = verify_quote(" ".join(words), text, source_name="doc")
    assert v.status is VerificationStatus.altered, v.reasons
    _assert_spans(v, {"doc": text})


@given(_source(), st.lists(st.text(_OTHER + "aeiou", min_size=3, max_size=9), min_size=1))
def test_random_text_is_not_found(text: str, words: list[str]) -> None:
    """Words the source does not have are not found."""
    v = verify_quote(" ".join(words), text)
    assert v.status is VerificationStatus.not_found
    assert v.source_span is None


@given(st.text(max_size=300))
def test_keys_and_offsets_agree_on_any_text(text: str) -> None:
    """The fast whole-document keys and the offsets tokenise any text into the same words."""
    starts, ends = token_offsets(text)
    assert len(text_keys(text)) == len(starts) == len(ends)


@given(st.text(min_size=1, max_size=200), st.text(min_size=1, max_size=60))
def test_any_input_gives_a_verdict_with_valid_spans(source: str, quote: str) -> None:
    """Arbitrary text never crashes the verifier, and every span it returns is valid."""
    assume(source.strip() and quote.strip())
    v = verify_quote(quote, source, source_name="doc")
    _assert_spans(v, {"doc": source})


# ---------------------------------------------------------------------------- reference matcher


def _reference_distance(quote: str, source: str) -> int:
    """The fewest word edits between the quote and any stretch of the source: tries them all."""
    q, s = text_keys(quote), text_keys(source)
    n = len(s)
    return min(Levenshtein.distance(q, s[i:j]) for i in range(n) for j in range(i + 1, n + 1))


@settings(max_examples=60)
@given(_source_and_slice(min_words=6), st.data())
def test_fast_path_matches_the_naive_reference(
    data: tuple[str, int, int], draw: st.DataObject
) -> None:
    """The indexed verifier finds a passage as close to the quote as exhaustive search does."""
    text, first, last = data
    words = _words(text, first, last)
    for _ in range(draw.draw(st.integers(0, 1))):
        at = draw.draw(st.integers(1, len(words) - 2))
        op = draw.draw(st.sampled_from(["replace", "delete", "insert"]))
        if op == "replace":
            words[at] = "xqx"
        elif op == "delete":
            del words[at]
        else:
            words.insert(at, "qxq")
    quote = " ".join(words)
    v = verify_quote(quote, text)
    assert v.source_span is not None, v.reasons
    found = Levenshtein.distance(text_keys(quote), text_keys(v.source_span.text))
    assert found == _reference_distance(quote, text)


# ---------------------------------------------------------------------------- several documents


def test_verify_checks_every_quote_of_an_analysis() -> None:
    """verify() returns one verdict per quote, in order, naming the document each came from."""
    article = "“We will stay,” she said. “Prices fell by 4 percent,” he said."
    quotes = (
        Quote(
            id="q1",
            span=Span(start=1, end=13, text="We will stay"),
            marks=Span(start=0, end=15, text=article[0:15]),
            kind="direct",
            paragraph=0,
        ),
        Quote(
            id="q2",
            span=Span(start=27, end=51, text="Prices fell by 4 percent"),
            marks=Span(start=26, end=53, text=article[26:53]),
            kind="direct",
            paragraph=0,
        ),
    )
    analysis = Analysis(length=len(article), quotes=quotes)
    sources = {"a.txt": "Well, we will stay. That is final.", "b.txt": "Prices fell by 3 percent."}
    results = verify(analysis, sources, text=article)
    assert [v.quote_id for v in results] == ["q1", "q2"]
    assert [v.source_name for v in results] == ["a.txt", "b.txt"]
    assert [v.status.value for v in results] == ["normalized", "altered"]
    assert results[1].meaning_changed
    with pytest.raises(InputError):
        verify(analysis, sources, text="something else entirely, long enough to slice")


def test_index_is_reusable_and_finds_the_right_document() -> None:
    """One SourceIndex answers many quotes and names the document each is in."""
    sources = {f"doc{n}": f"Speaker {n} said the bridge number {n} opens soon." for n in range(50)}
    sources["target"] = "The harbour project will create 400 jobs in this town."
    index = SourceIndex(sources)
    assert index.verify_quote("create 400 jobs in this town").source_name == "target"
    assert index.verify_quote("the bridge number 17 opens soon").source_name == "doc17"
    assert index.names[-1] == "target"


def test_words_from_two_documents_are_spliced() -> None:
    """A quote run together from the end of one document and the start of another is spliced."""
    sources = {
        "council": "The council voted to close the old bridge on Monday.",
        "budget": "Repairs will cost the city four million dollars next year.",
    }
    quote = "close the old bridge on Monday, repairs will cost the city"
    v = SourceIndex(sources).verify_quote(quote)
    assert v.status is VerificationStatus.spliced
    assert any("different documents" in r for r in v.reasons)
    _assert_spans(v, sources)


def test_far_apart_pieces_are_spliced() -> None:
    """An ellipsis joining pieces hundreds of words apart is a splice, not an omission."""
    filler = " ".join(f"{w} lorem" for w in _VOCAB[:200])
    source = f"We will build the bridge this year. {filler}. The money is already there."
    quote = "We will build the bridge … the money is already there"
    v = verify_quote(quote, source)
    assert v.status is VerificationStatus.spliced
    assert any("words apart" in r for r in v.reasons)


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_non_text_quote_or_source_raises_type_error(bad: object) -> None:
    """A quote or source that is not a str raises InputTypeError (also a TypeError)."""
    with pytest.raises(InputTypeError):
        verify_quote(bad, "We will stay.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        verify_quote("We will stay", bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("quote", ["", "   ", "\n"])
def test_empty_quote_raises(quote: str) -> None:
    """An empty quote is a caller mistake and raises InputError saying so."""
    with pytest.raises(InputError, match="quote is empty"):
        verify_quote(quote, "We will stay.")


@pytest.mark.parametrize("source", ["", "  \n "])
def test_empty_source_raises(source: str) -> None:
    """An empty source document raises SourceDocumentError saying so."""
    with pytest.raises(SourceDocumentError, match="empty"):
        verify_quote("We will stay", source)


@pytest.mark.parametrize("sources", [["a list"], {}, {"a": b"bytes"}, {1: "text"}, "just a string"])
def test_bad_sources_mapping_raises(sources: object) -> None:
    """Anything but a non-empty mapping of str names to str texts raises SourceDocumentError."""
    with pytest.raises(SourceDocumentError):
        SourceIndex(sources)  # type: ignore[arg-type]


def test_quote_longer_than_source_is_not_found() -> None:
    """A quote far longer than its source is not_found, not an error."""
    quote = "We will stay the course and we will build the bridge and open the port " * 5
    v = verify_quote(quote, "We will stay.")
    assert v.status is VerificationStatus.not_found


def test_quote_without_words_is_not_found() -> None:
    """A quote of marks only (an ellipsis) has nothing to find: not_found, not an error."""
    assert verify_quote("…", "We will stay.").status is VerificationStatus.not_found
    assert verify_quote("we stay", "!!! ???").status is VerificationStatus.not_found


def test_source_name_is_reported_only_when_given() -> None:
    """verify_quote reports source_name as given, and None when it was not given."""
    assert verify_quote("will stay", "We will stay.").source_name is None
    assert verify_quote("will stay", "We will stay.", source_name="t.txt").source_name == "t.txt"


@given(
    st.lists(st.sampled_from(_VOCAB[:12]), min_size=20, max_size=80),
    st.integers(0, 60),
    st.integers(2, 12),
    st.sampled_from(["", "not", "kaba"]),
)
def test_index_with_colliding_ids_finds_what_the_exact_index_finds(
    words: list[str], first: int, length: int, swap: str
) -> None:
    """With too few bits per word id, ids collide in the packed entries; checking the words at
    each hit must then give the verdicts an index without collisions gives."""
    source = " ".join(words)
    piece = words[first : first + length] or words[:length]
    if swap:
        piece = [*piece[:1], swap, *piece[2:]]
    quote = " ".join(piece)
    exact = SourceIndex({"doc": source})
    assert exact._index._exact
    # Word ids packed in one bit each: every pair shares its packed prefix with others.
    bits = exact._index._mask_pos.bit_length() + 2
    with patch.object(index_module, "_ENTRY_BITS", bits):
        colliding = SourceIndex({"doc": source})
    assert not colliding._index._exact
    assert colliding.verify_quote(quote) == exact.verify_quote(quote)


@settings(max_examples=200)
@given(
    st.text(st.sampled_from(list("ab1,.'’ \n\t—“”$%")), max_size=300),
    st.integers(1, 40),
)
def test_offsets_read_chunk_by_chunk_equal_those_of_the_whole_text(text: str, chunk: int) -> None:
    """Cut at white space, chunks of any size give the words and offsets of the whole text."""
    with patch.object(index_module, "_CHUNK", chunk):
        index = index_module.ShingleIndex({"doc": text})
    starts, ends = token_offsets(text)
    assert len(starts) == index.doc_length(0)
    assert [index.word(i) for i in index.doc_ids(0)] == text_keys(text)
    offsets = index.offsets(0)
    with patch.object(index_module, "_CHUNK", chunk):
        assert [offsets.start(k) for k in range(len(starts))] == starts
        assert [offsets.end(k) for k in range(len(ends))] == ends
