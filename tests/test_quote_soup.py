"""Quote soup (#20): a long run of tiny quotes in one paragraph is read as plain text.

Real copy with many short quotes (a list of scare-quoted terms, a transcript of short replies, a
chant, a lyric) keeps every quote: see the negative cases of tests/cases/quotes.json. Text such
as '"a "a "a …' gave one quote, one unbalanced mark and about 2 KB of models per three characters;
now such a run gives no quote and one ``quote_soup`` flag naming its span and the config field
that reads it anyway.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.cli import main
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.models import FlagKind, Severity
from quotecheck.text.quotes import (
    _WORD_RE,
    QuoteScan,
    ScannedQuote,
    find_quotes,
    more_words_re,
)
from quotecheck.text.segment import segment
from tests.test_offsets import assert_offset_invariants

LIMIT = DEFAULT_CONFIG.quote_soup_max_run


def scan(text: str, config: AnalyzerConfig = DEFAULT_CONFIG) -> QuoteScan:
    """Run find_quotes the way the pipeline does."""
    return find_quotes(text, segment(text, config), config)


def _soup(scanned: QuoteScan) -> list[tuple[int, int, int]]:
    """Each run of soup as (start, end, quotes)."""
    return [(r.span.start, r.span.end, r.quotes) for r in scanned.soup]


# --------------------------------------------------------------------------- the limits


def test_a_run_longer_than_the_limit_is_soup_and_one_as_long_is_not() -> None:
    """quote_soup_max_run quotes in a row are read; one more makes the whole run soup."""
    kept = scan('"a ' * LIMIT)
    assert len(kept.quotes) == LIMIT
    assert kept.soup == ()
    text = '"a ' * (LIMIT + 1)
    skipped = scan(text)
    assert skipped.quotes == ()
    assert skipped.unbalanced == ()  # the run's marks are plain text, not stray marks
    assert _soup(skipped) == [(0, len(text) - 1, LIMIT + 1)]
    assert skipped.soup[0].span.text == text[:-1]


def test_every_adversarial_quote_shape_is_soup() -> None:
    """Unclosed, closed, side-by-side, nested and listed tiny quotes all make runs of soup."""
    for unit in ('"a ', "“a” ", "“a”", "“a ‘b ", "‘x’, ", "«oui» et ", "“U-S-A!” "):
        text = unit * 100
        scanned = scan(text)
        assert scanned.quotes == (), unit
        assert [r.quotes for r in scanned.soup] == [100], unit


def test_a_longer_quote_a_longer_gap_or_a_new_paragraph_ends_a_run() -> None:
    """The run is cut by a quote of more than quote_soup_quote_words words, a gap of more than
    quote_soup_gap_words words, or a paragraph break; each part is then judged alone."""
    half = "“no” " * 30
    for cut in ("“four words in here” ", "and then ", "\n\n"):
        scanned = scan(half + cut + half)
        assert scanned.soup == (), repr(cut)
        assert len(scanned.quotes) == 60 + cut.count("“"), repr(cut)


def test_quotes_outside_a_run_keep_their_order_and_kinds() -> None:
    """Quotes before and after a run are read as without it; ids stay q1, q2, … in order."""
    before = "“We will rebuild the bridge,” the mayor said.\n\n"
    after = "\n\n“It is done,” she said, and “‘soon’ means soon” he added."
    alone = scan(before + after)
    scanned = scan(before + "“x” " * 50 + after)
    assert [q.id for q in scanned.quotes] == [q.id for q in alone.quotes]
    shift = 50 * 4
    assert [(q.span.text, q.kind, q.depth, q.closed) for q in scanned.quotes] == [
        (q.span.text, q.kind, q.depth, q.closed) for q in alone.quotes
    ]
    assert [q.marks.start for q in scanned.quotes][1:] == [
        q.marks.start + shift for q in alone.quotes
    ][1:]


def test_words_are_letters_and_digits_joined_by_apostrophes_and_hyphens() -> None:
    """The soup limits count words as runs of letters and digits; punctuation is no word."""
    assert [m.group() for m in _WORD_RE.finditer("don’t U-S-A, U.S. — 9/11 !! rock'n'roll")] == [
        "don’t",
        "U-S-A",
        "U",
        "S",
        "9",
        "11",
        "rock'n'roll",
    ]


@given(st.text(alphabet="ab1_ -’',.—\n“", max_size=30), st.integers(0, 4))
@example("a-b", 1)
@example("a--b", 1)
@example("'a' -", 0)
def test_the_limit_pattern_counts_the_words_of_the_word_pattern(piece: str, limit: int) -> None:
    """more_words_re(n) matches a piece (also read inside a longer text) exactly when _WORD_RE
    finds more than n words in it: its atomic groups never split a word in two."""
    more = len(_WORD_RE.findall(piece)) > limit
    assert (more_words_re(limit).match(piece) is not None) == more
    framed = f"xy{piece}zz"
    assert (more_words_re(limit).match(framed, 2, 2 + len(piece)) is not None) == more


def test_attributed_short_replies_are_never_soup() -> None:
    """'“Yes,” he said.' has two words between quotes: a transcript of any length stays quotes."""
    text = "“Yes,” he said. “No,” she said. " * 40
    assert len(scan(text).quotes) == 80
    assert scan(text).soup == ()


def test_a_long_lyric_of_four_word_lines_stays_quotes() -> None:
    """Quoted lines of four words or more are never tiny, however many follow in a row."""
    text = "They sang " + "“hold the line tonight,” " * 40 + "and went home."
    assert len(scan(text).quotes) == 40


# --------------------------------------------------------------------------- what the caller gets


def test_analyze_flags_each_run_once_and_builds_nothing_from_it() -> None:
    """One medium quote_soup flag per run, naming the field to raise; no quote or attribution."""
    first, second = "“a” " * 40, '"b "b ' * 25
    text = f"{first}\n\nThe council met on Monday.\n\n{second}"
    a = qc.analyze(text)
    assert a.quotes == ()
    assert a.attributions == ()
    soup = [f for f in a.flags if f.kind is FlagKind.quote_soup]
    assert [(f.span.text, f.severity) for f in soup] == [
        (first.rstrip(), Severity.medium),
        (second.rstrip(), Severity.medium),
    ]
    assert "40 quotes in a row" in soup[0].message
    assert "AnalyzerConfig.quote_soup_max_run" in soup[0].message
    assert "to 40 or more" in soup[0].message
    assert all(f.kind is not FlagKind.unbalanced_quote_marks for f in a.flags)


def test_raising_the_limit_reads_the_run_as_quotes() -> None:
    """The flag's advice works: with quote_soup_max_run raised to the run's length, it is read."""
    text = "“a” " * 40
    a = qc.analyze(text, config=AnalyzerConfig(quote_soup_max_run=40))
    assert len(a.quotes) == 40
    assert all(f.kind is not FlagKind.quote_soup for f in a.flags)


def test_the_command_line_warns_of_soup_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """analyze and flag say on stderr, one line per run, what was read as plain text."""
    path = tmp_path / "soup.txt"
    path.write_text("The crowd:\n\n" + "“na” " * 40 + "\n", "utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"quotecheck: warning: {path}: 40 quotes in a row")
    assert "quote_soup_max_run" in err[0]
    assert main(["flag", str(path)]) == 0
    assert "quote_soup" in capsys.readouterr().out


# --------------------------------------------------------------------------- the definition


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _outer(quotes: tuple[ScannedQuote, ...]) -> list[ScannedQuote]:
    """The quotes nested in no other quote (pairwise: the definition, not the scanner's pass)."""
    return [
        q
        for q in quotes
        if not any(o is not q and o.marks.start <= q.marks.start < o.marks.end for o in quotes)
    ]


def soup_by_definition(text: str, config: AnalyzerConfig) -> list[list[ScannedQuote]]:
    """The runs of soup as the config fields describe them, over the quotes read without it."""
    everything = config.model_copy(update={"quote_soup_max_run": len(text) + 1})
    runs: list[list[ScannedQuote]] = []
    current: list[ScannedQuote] = []
    for q in _outer(scan(text, everything).quotes):
        tiny = _words(q.span.text) <= config.quote_soup_quote_words
        if current and tiny and q.paragraph == current[-1].paragraph:
            gap = text[current[-1].marks.end : q.marks.start]
            if _words(gap) <= config.quote_soup_gap_words:
                current.append(q)
                continue
        if len(current) > config.quote_soup_max_run:
            runs.append(current)
        current = [q] if tiny else []
    if len(current) > config.quote_soup_max_run:
        runs.append(current)
    return runs


_PIECES = (
    "“a” ",
    "“no”",
    '"a ',
    "‘b’ ",
    "“a ‘b ",
    "c’ d” ",
    "“two words” ",
    "“one two three four” ",
    ", ",
    " and ",
    " he said. ",
    "word ",
    "\n\n",
    "“",
    "”",
    "'",
    " ",
    "“ ” ",
)


@given(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.integers(0, 3),
    st.integers(0, 3),
    st.integers(0, 2),
)
@example('"a "a "a ', 1, 3, 1)
@example("“a ‘b “a ‘b c’ d” c’ d” ", 0, 3, 1)
def test_the_scanner_finds_the_runs_the_definition_gives(
    text: str, longest: int, words: int, gap: int
) -> None:
    """The one-pass scanner skips exactly the runs of the definition, keeps every other quote
    as it was, and reports no unbalanced mark inside a run."""
    config = AnalyzerConfig(
        quote_soup_max_run=longest, quote_soup_quote_words=words, quote_soup_gap_words=gap
    )
    runs = soup_by_definition(text, config)
    scanned = scan(text, config)
    assert _soup(scanned) == [(r[0].marks.start, r[-1].marks.end, len(r)) for r in runs]
    everything = scan(text, config.model_copy(update={"quote_soup_max_run": len(text) + 1}))

    def inside(start: int) -> bool:
        return any(r[0].marks.start <= start < r[-1].marks.end for r in runs)

    kept = [q for q in everything.quotes if not inside(q.marks.start)]
    assert [(q.marks, q.span, q.kind, q.depth, q.closed) for q in scanned.quotes] == [
        (q.marks, q.span, q.kind, q.depth, q.closed) for q in kept
    ]
    for mark in scanned.unbalanced:
        assert not any(r[0].marks.start < mark.end and mark.start < r[-1].marks.end for r in runs)
    for run in scanned.soup:
        assert text[run.span.start : run.span.end] == run.span.text
    assert_offset_invariants(text, qc.analyze(text, config=config))
