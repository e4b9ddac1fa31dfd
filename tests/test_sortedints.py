"""quotecheck.sortedints: the compiled bisections find what the bisect module finds."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.sortedints import bisect_left, bisect_right, covered


@given(st.lists(st.integers(-5, 30)), st.integers(-10, 40), st.data())
def test_bisections_match_the_bisect_module(xs: list[int], x: int, data: st.DataObject) -> None:
    """Left and right, over the whole list and between any bounds."""
    xs.sort()
    assert bisect_left(xs, x) == bisect.bisect_left(xs, x)
    assert bisect_right(xs, x) == bisect.bisect_right(xs, x)
    lo = data.draw(st.integers(0, len(xs)))
    hi = data.draw(st.integers(lo, len(xs)))
    assert bisect_left(xs, x, lo, hi) == bisect.bisect_left(xs, x, lo, hi)
    assert bisect_right(xs, x, lo, hi) == bisect.bisect_right(xs, x, lo, hi)


@given(st.lists(st.integers(0, 6), max_size=12), st.integers(-2, 80))
def test_covered_is_membership_in_the_ranges(gaps: list[int], pos: int) -> None:
    """Ranges laid end to start with gaps between: covered says what a scan of them says."""
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for n, gap in enumerate(gaps):
        if n % 2:
            starts.append(at)
            ends.append(at + gap)
        at += gap
    scanned = any(a <= pos < b for a, b in zip(starts, ends, strict=True))
    assert covered(starts, ends, pos) == scanned
