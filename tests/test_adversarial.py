"""Hostile shapes of input take linear time and never multiply the text in their results.

benchmarks/bench_adversarial.py measures MB/s and peak memory per character at 100 KB to 1.6 MB;
these tests keep the properties that made those numbers, at sizes a test run can afford.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pytest

import quotecheck as qc
from quotecheck.models import Span
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_adversarial import SHAPES  # the benchmark's own shapes, not copies


def _span_chars(value: object) -> int:
    """The characters held by every Span nested in a model (shared Spans counted each time)."""
    if isinstance(value, Span):
        return len(value.text)
    if isinstance(value, tuple):
        return sum(_span_chars(item) for item in value)
    if hasattr(value, "__pydantic_fields__"):
        return sum(_span_chars(item) for item in value.__dict__.values())
    return 0


@pytest.mark.parametrize("shape", list(SHAPES))
def test_results_do_not_multiply_the_text(shape: str) -> None:
    """All the Spans of an analysis quote the text a bounded number of times over (news: 5-7).

    'Reportedly, the mayor resigned; ' * n copied its whole sentence into every attribution:
    hundreds of times the text, 0.98 GB of memory for 100 KB.
    """
    text = SHAPES[shape](20_000)
    assert _span_chars(qc.analyze(text)) <= 8 * len(text)


def _cpu_seconds(make: Callable[[int], str], size: int) -> float:
    """The least CPU time of two analyses of ``make(size)``."""
    text = make(size)
    times = []
    for _ in range(2):
        start = time.process_time()
        qc.analyze(text)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["officials said, ", "He said “hi” there. ", "Reportedly, …; "])
def test_time_grows_linearly(shape: str) -> None:
    """Eight times the text takes well under 64 times as long (a quadratic step would).

    The anonymous-source flag scanned every mention of its source for each attribution:
    'officials said, ' * n took 1.6 s at 100 KB and 188 s at 1.6 MB.
    """
    small = _cpu_seconds(SHAPES[shape], 8_000)
    large = _cpu_seconds(SHAPES[shape], 64_000)
    assert large < 20 * max(small, 0.005), (small, large)


@pytest.mark.parametrize("stop", [".", "!", "?", "…"])
def test_a_run_of_stops_is_read_once(stop: str) -> None:
    """400,000 stops with no space after them take well under a few seconds (they took hours:
    '.' * 20_000 took 9 s, and the boundary pattern was quadratic in the run)."""
    start = time.process_time()
    analysis = qc.analyze(stop * 400_000 + " Then it ended.")
    assert time.process_time() - start < 5
    assert [s.span.text for s in analysis.sentences][-1] == "Then it ended."


def test_analyze_leaves_the_garbage_collector_alone() -> None:
    """analyze never switches the caller's cyclic garbage collector off (or on)."""
    import gc

    was = gc.isenabled()
    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            qc.analyze("“We will stay,” the minister said.")
            assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
