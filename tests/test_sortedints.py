"""quotecheck.sortedints: the compiled bisections find what the bisect module finds."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.sortedints import bisect_left, bisect_right


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
