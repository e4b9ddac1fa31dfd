"""Fast paths of the claims stage give what the plainer code they stand in for gives."""

from __future__ import annotations

import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.claims.classify import _entries
from quotecheck.claims.parts import (
    _TRIM,
    _clause_starts,
    _is_space,
    in_text_order,
    merge,
    per_sentence,
    trim,
)

_ITEMS = st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=25)


@given(_ITEMS)
def test_in_text_order_sorts_stably_by_start_then_tie(keys: list[tuple[int, int]]) -> None:
    """One sort of (start, tie, position) tuples is a stable sort by tie, then by start."""
    items = [object() for _ in keys]
    by_tie = sorted(range(len(items)), key=lambda i: keys[i][1])
    expected = [items[i] for i in sorted(by_tie, key=lambda i: keys[i][0])]
    starts, ties = [k[0] for k in keys], [k[1] for k in keys]
    assert in_text_order(items, starts, ties) == expected


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10)), max_size=12),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=12),
)
def test_per_sentence_finds_every_overlap(
    sentences: list[tuple[int, int]], items: list[tuple[int, int]]
) -> None:
    """The sweep gives each sentence the items overlapping it, in text order, as a scan would."""
    sentence_bounds = sorted((a, a + n) for a, n in sentences)
    # Sentences do not overlap one another: keep each one that starts after the last ends.
    kept: list[tuple[int, int]] = []
    for a, b in sentence_bounds:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    bounds = sorted((a, a + n) for a, n in items)
    expected = [[r for r in bounds if r[0] < b and r[1] > a] for a, b in kept]
    assert list(per_sentence(kept, bounds, bounds)) == expected


# Where a partial quote's clause starts, as _clause_starts had it: the pattern it stands in for.
_CLAUSE_MARK_RE = regex.compile(r"[;:—–]|\s-\s")

# Characters the clause scan meets: its marks, white space of every kind (the separators
# U+001C-U+001F are str.isspace() but not \s), letters and other punctuation.
_CLAUSE_ALPHABET = ';:—–-‒― \t\n\x0b\x1c\x1f\x85\xa0\u2028\u3000\u180e\u200bab,."“'


@given(st.text(alphabet=_CLAUSE_ALPHABET, max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_clause_starts_match_the_pattern(text: str, start: int, end: int) -> None:
    """The str.find scan gives the ends of the pattern's matches within the sentence."""
    expected = [m.end() for m in _CLAUSE_MARK_RE.finditer(text, start, end)]
    assert _clause_starts(text, (start, end)) == expected


def test_white_space_of_the_pattern_is_str_white_space() -> None:
    """Every character \\s matches is str.isspace(), so isspace() may rule characters out."""
    space = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(sys.maxunicode + 1) if space.match(chr(c)))
    assert all(_is_space(c) is bool(space.match(c)) for c in _CLAUSE_ALPHABET)


@given(st.lists(st.sampled_from(["brutal", "regime", "Regime", "so-called", "", "a, b"])))
def test_entries_keep_each_text_once_in_order(texts: list[str]) -> None:
    """The scan of kept texts joins what dict.fromkeys would."""
    assert _entries(texts) == ", ".join(dict.fromkeys(texts))


def _strip_trim(piece: str, start: int) -> tuple[int, int] | None:
    """The strip-based trim the in-place scan stands in for."""
    lead = len(piece) - len(piece.lstrip(_TRIM))
    tail = len(piece.rstrip(_TRIM))
    return (start + lead, start + tail) if tail > lead else None


@given(st.text(alphabet=_TRIM + "ab é\xa0\u2009…", max_size=20), st.data())
def test_trim_leaves_what_strip_leaves(text: str, data: st.DataObject) -> None:
    """Looking at the ends in place gives the range str.strip(_TRIM) leaves of the slice."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert trim(text, start, end) == _strip_trim(text[start:end], start)


def _list_merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The merge that rewrote its last range in the list at every overlap."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        elif b > a:
            merged.append((a, b))
    return merged


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=12))
def test_merge_keeps_the_open_range_in_locals(ranges: list[tuple[int, int]]) -> None:
    """Merging with the open range held in two ints gives the list-rewriting merge's ranges,
    empty and reversed ranges included."""
    assert merge(ranges) == _list_merge(ranges)
