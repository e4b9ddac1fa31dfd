"""Hostile shapes of input take linear time and never multiply the text in their results.

benchmarks/bench_adversarial.py measures MB/s and peak memory per character at 100 KB to 1.6 MB;
these tests keep the properties that made those numbers, at sizes a test run can afford.
"""

from __future__ import annotations

import gc
import itertools
import sys
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.attribution import shapes
from quotecheck.claims import framing
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
    """All the Spans of an analysis quote the text a bounded number of times over (news: 5-7;
    a run-on sentence of 'according to' cues about 9, each crediting the clause after it up to
    AnalyzerConfig.attribution_max_clause, so their contents overlap).

    'Reportedly, the mayor resigned; ' * n copied its whole sentence into every attribution:
    hundreds of times the text, 0.98 GB of memory for 100 KB.
    """
    text = SHAPES[shape](20_000)
    assert _span_chars(qc.analyze(text)) <= 10 * len(text)


def _cpu_seconds(make: Callable[[int], str], size: int) -> float:
    """The least CPU time of three analyses of ``make(size)``.

    The objects the test process already holds are frozen first: a full collection that comes
    due during one run would otherwise walk the whole process's heap, a cost that has nothing
    to do with the size of this text (it failed this test once in a long suite run).
    """
    text = make(size)
    times = []
    gc.collect()
    gc.freeze()
    try:
        for _ in range(3):
            start = time.process_time()
            qc.analyze(text)
            times.append(time.process_time() - start)
    finally:
        gc.unfreeze()
    return min(times)


@pytest.mark.slow
@pytest.mark.parametrize(
    "shape",
    [
        "officials said, ",
        "He said “hi” there. ",
        "Reportedly, …; ",
        "transcript turns",
        "according to",
        "Q/A turns",
        "label lines",
        "a man who said, ",
        "colon quotes",
        "in a statement",
    ],
)
def test_time_grows_linearly(shape: str) -> None:
    """Eight times the text takes well under 64 times as long (a quadratic step would).

    The anonymous-source flag scanned every mention of its source for each attribution:
    'officials said, ' * n took 1.6 s at 100 KB and 188 s at 1.6 MB; a transcript of two
    speakers' turns, 1.4 s at 216 KB and 14 s at 864 KB.
    """
    small = _cpu_seconds(SHAPES[shape], 8_000)
    large = _cpu_seconds(SHAPES[shape], 64_000)
    assert large < 20 * max(small, 0.005), (small, large)


def test_a_report_in_an_overlong_sentence_stays_by_its_cue() -> None:
    """In a sentence longer than the clause reach, each report's content stands next to its
    own cue, and the run keeps one report in two ('officials said, ' * n).

    The reading of ", X said," inside one statement took the left side as far back as the
    reach allowed, over every earlier report: each cue got a content a thousand characters
    before it, and the run twice the attributions (0.47 -> 0.24 MB/s, 111 -> 232 bytes per
    character at 100 KB).
    """
    text = SHAPES["officials said, "](20_000)
    analysis = qc.analyze(text)
    for a in analysis.attributions:
        assert a.cue is not None
        assert 0 <= a.content.start - a.cue.end <= 2 or 0 <= a.cue.start - a.content.end <= 2, a
    assert len(analysis.attributions) < 0.6 * text.count("said")


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


# --------------------------------------------------------------------------- per-quote regex calls
# A text dense with quotes ('"a ' * n: a quote every three characters) paid a call into
# ``regex`` per quote in places where a look at a character or a length settles the answer.
# These checks show each shortcut refuses only what its pattern could never match.

_PIECES = ["a", "I", "we", "is", "Sonya", " ", "  ", "\t", "\u00a0", "\n", "\r\n", "-", "—", "―"]
_PIECES += ["'", "’", "é", "1", ".", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.integers(0, 4))
def test_the_short_text_shortcut_of_speech_like_is_exact(pieces: list[str], most: int) -> None:
    """speech_like answers as its two patterns do, with or without the length shortcut."""
    text = "".join(pieces)
    words = framing._WORD_RE.findall(text)
    expected = len(words) > most or (len(words) >= 3 and bool(framing._SPEECHY_RE.search(text)))
    assert framing.speech_like(text, most) is expected


_AFTER_QUOTE = [" ", "\t", "\u00a0", "\n", "\r\n", "\r", "\u2028", "—", "–", "―", "-", "Sonya", "a"]


def test_the_dash_shortcut_of_dash_link_is_exact() -> None:
    """No text the dash test refuses could have matched the signature-dash pattern (every
    sequence of up to four pieces after a quote, then a name)."""
    matched = 0
    for size in range(5):
        for pieces in itertools.product(_AFTER_QUOTE, repeat=size):
            text = "“Yes,”" + "".join(pieces) + "Sonya"
            if shapes._DASH_RE.match(text, 6, 6 + 12) is not None:
                matched += 1
                assert shapes._dash_ahead(text, 6, 6 + 12), repr(text)
    assert matched > 100  # the pieces do make signatures


def test_a_signature_dash_still_signs_its_quote() -> None:
    """The dash after a quote, on its line or the next, still names the speaker."""
    for gap in (" ", "\u00a0", "\n", "\r\n \t"):
        analysis = qc.analyze(f"“Best town on the coast.”{gap}— Sonya Herridge")
        assert [a.cue_kind.value for a in analysis.attributions] == ["dash"], gap


def test_the_peak_of_analyze_is_little_more_than_its_result() -> None:
    """On a text dense with quotes, analyze's peak memory stays near the size of its result.

    The first reading of every quote (a second Quote per quote, replaced by attribution) was
    kept to the end of the pipeline: the peak was 1.27 times the result ('"a ' * n, 850 against
    667 bytes per character), and is 1.07 times now. The run is read as quotes, not as quote
    soup (quote_soup_max_run raised), so that every one of its quotes is built.
    """
    import tracemalloc

    text = SHAPES['"a '](30_000)
    every_quote = qc.AnalyzerConfig(quote_soup_max_run=len(text))
    qc.analyze(text[:100], config=every_quote)  # lexicons and patterns load outside the count
    tracemalloc.start()
    try:
        analysis = qc.analyze(text, config=every_quote)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(analysis.quotes) == 10_000
    assert peak < 1.15 * kept, (peak, kept)


# --------------------------------------------------------------------------- transcript turns
def _turn_stage_seconds(turns: int) -> float:
    """CPU seconds of the transcript stage alone on ``turns`` alternating speakers' turns."""
    from quotecheck.attribution.attribute import attribute
    from quotecheck.attribution.turns import credit_turns
    from quotecheck.config import DEFAULT_CONFIG
    from quotecheck.text.cues import find_cues
    from quotecheck.text.quotes import find_quotes
    from quotecheck.text.segment import segment

    text = "SMITH: Yes, we agreed to it.\n\nJONES: No, we did not.\n\n" * (turns // 2)
    paragraphs = segment(text, DEFAULT_CONFIG)
    quotes = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    sourcing = attribute(
        text, paragraphs, quotes, find_cues(text, paragraphs, quotes), DEFAULT_CONFIG
    )
    times = []
    gc.collect()
    gc.freeze()  # as in _cpu_seconds: a full collection would walk the whole test process
    try:
        for _ in range(3):
            start = time.process_time()
            credited = credit_turns(text, paragraphs, sourcing)
            times.append(time.process_time() - start)
            assert len(credited.attributions) == turns
    finally:
        gc.unfreeze()
    return min(times)


def test_transcript_turns_are_credited_in_linear_time() -> None:
    """Eight times the turns cost well under 64 times as long: each turn once sorted all its
    speaker's mentions again and sought its label among all the others (864 KB took 14 s)."""
    small = _turn_stage_seconds(1_000)
    large = _turn_stage_seconds(8_000)
    assert large < 20 * max(small, 0.002), (small, large)


def _spans(value: object, found: list[Span]) -> list[Span]:
    """Every Span nested in a model, each time it is held."""
    if isinstance(value, Span):
        found.append(value)
    elif isinstance(value, tuple):
        for item in value:
            _spans(item, found)
    elif hasattr(value, "__pydantic_fields__"):
        for item in value.__dict__.values():
            _spans(item, found)
    return found


@pytest.mark.parametrize("shape", ["Q/A turns", "transcript turns", "colon quotes", "label lines"])
def test_equal_offsets_share_one_span(shape: str) -> None:
    """A turn's label and words are its attribution's cue and content and its claims' sourced
    parts; a colon quote's marks are its claim's sourced part: one Span each, not copies (a
    Q/A turn held 14 Spans for 8 places, each a tracked object the result keeps)."""
    spans = _spans(qc.analyze(SHAPES[shape](5_000)), [])
    objects = {id(span) for span in spans}
    places = {(span.start, span.end) for span in spans}
    assert len(objects) == len(places)
