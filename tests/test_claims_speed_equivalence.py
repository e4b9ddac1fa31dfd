"""Fast paths of the claims stage give what the plainer code they stand in for gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.claimparts import in_text_order, per_sentence

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
    assert per_sentence(kept, bounds, bounds) == expected
