"""Bisection on sorted lists of ints, compiled with the pipeline.

The stages bisect at every cue, quote and sentence. From mypyc-compiled code a call into the
standard library's ``bisect`` module costs a module look-up and a generic Python call, several
times the search itself; these are the same searches, compiled here (tests/test_sortedints.py
compares them with the module's).
"""

from __future__ import annotations

__all__ = ["bisect_left", "bisect_right", "covered"]


def bisect_right(a: list[int], x: int, lo: int = 0, hi: int | None = None) -> int:
    """``bisect.bisect_right(a, x, lo, hi)`` on a sorted list of ints."""
    top = len(a) if hi is None else hi
    while lo < top:
        mid = (lo + top) // 2
        if x < a[mid]:
            top = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(a: list[int], x: int, lo: int = 0, hi: int | None = None) -> int:
    """``bisect.bisect_left(a, x, lo, hi)`` on a sorted list of ints."""
    top = len(a) if hi is None else hi
    while lo < top:
        mid = (lo + top) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            top = mid
    return lo


def covered(starts: list[int], ends: list[int], pos: int) -> bool:
    """True when ``pos`` lies in one of the ranges ``starts[i]:ends[i]`` (sorted, none
    overlapping): the quote regions of the cue scan, the labels of a transcript's turns."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]
