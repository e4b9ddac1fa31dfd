"""find_quotes(text, paragraphs, config) -> QuoteScan: paired quote marks with exact offsets.

One left-to-right pass over the quote-mark characters with a small stack, so time is linear in
the text whatever the marks. Curly, straight, guillemet, low-9 („ ‚) and corner (「 」) marks are
paired, with one level of nesting kept (‘…’ inside “…”). Apostrophes (don’t, the country’s,
’90s, rock ’n’ roll) are told from closing single quotes by the characters around them. A quote
that runs over several paragraphs (an opening mark on each paragraph, one closing mark at the end)
is one quote. A mark that cannot be paired is reported in ``unbalanced`` and the scan goes on.
Each quote is a slotted :class:`ScannedQuote` (its two Spans, a provisional kind and why), which
the cue and attribution stages read; the public ``Quote`` model is built once, at the end.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple, TypeVar, final

import regex

from quotecheck.config import AnalyzerConfig
from quotecheck.kinds import QUOTE_DIRECT, QUOTE_PARTIAL
from quotecheck.models import Paragraph, QuoteKind, Span
from quotecheck.offsets import OPENING_MARKS, QUOTE_OPENERS, clamp, make_span, rstrip_end

__all__ = ["QuoteScan", "ScannedQuote", "SoupRun", "find_quotes"]

_CLOSING_MARKS = "”’»›」』\"'"
# What may stand right before an opening mark or right after a closing mark.
_OPEN_CONTEXT = "([{—–-/" + OPENING_MARKS
_CLOSE_CONTEXT = ".,;:!?)]}—–-…" + "”’»›」』\"'"
# The marks that are always returned by _MARK_RE; ’ and ' only when they may open or close.
_SINGLE_MARKS = '“”„‘‚«»‹›「」『』"'
# After a ’ or ': is there white space, a bracket or a dash before it, or white space or
# punctuation after it? Otherwise it can only be an apostrophe (don’t, O’Brien). In the stdlib
# ``re``, \s is exactly what str.isspace() accepts.
_MAY_QUOTE = rf"""(?:
    (?<! [^\s{re.escape(_OPEN_CONTEXT)}] [’'] )   # at the start, or after a space or opener
    | (?! [^\s{re.escape(_CLOSE_CONTEXT)}] )      # at the end, or before a space or closer
)"""

# Every character that may open or close a quote; apostrophes inside words (a third of all
# marks in news text) are not even returned. Each alternative starts with one literal character,
# so that the stdlib ``re`` skips from mark to mark in C: twice as fast as ``regex`` here.
_MARK_RE = re.compile(
    rf"""
    ''|``                         # doubled apostrophes or backticks: one double mark (NYT style)
    | ‘‘|’’                       # doubled single curly marks typed for double ones
    | ,,(?=\S)                    # two commas typed for a low-9 opening mark („)
    | ″                           # a double prime typed for a straight double mark
    | {"|".join(map(re.escape, _SINGLE_MARKS))}   # every other single-character mark
    | ’{_MAY_QUOTE} | '{_MAY_QUOTE}               # a single mark that is no apostrophe
    """,
    re.VERBOSE,
)
# The doubled marks stand for a straight double quote (''...'') or an opening curly one (``...''),
# doubled curly singles for curly doubles (‘‘…’’), two commas for „; the double prime is a ".
_DOUBLED = {"''": '"', "``": "“", "‘‘": "“", "’’": "”", ",,": "„", "″": '"'}
# Look-alikes that are no quote mark where they stand: "1,,2" (a typo), 12″ (inches).
_LOOKALIKES: Final = frozenset([",,", "″"])

# For each opening mark, the marks that may close it. „ closes with “ (German) or ” (Polish);
# straight and curly double marks close each other, since typing often mixes them.
_CLOSERS: dict[str, str] = {
    "“": '”"',
    "„": "“”",
    "‘": "’",
    "‚": "‘’",
    "«": "»",
    "‹": "›",
    "「": "」",
    "『": "』",
    '"': '"”',
    "'": "'",
    "»": "«",
    "›": "‹",
    "”": "”",
}
# Marks of one family: a new opener of an open quote's family means that quote was never closed.
_FAMILY: dict[str, str] = {
    "“": "double",
    "„": "double",
    '"': "double",
    "”": "double",
    "‘": "single",
    "‚": "single",
    "'": "single",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "angle",
    "›": "angle",
    "「": "corner",
    "『": "corner",
}
# Elisions written with an apostrophe in front: 'em, 'til, 'cause, 'n', 'tis, '90s, and the
# Dutch article in names ("Sophie in 't Veld"), lower case only (not "'T is for Texas'").
_ELISION_RE = regex.compile(
    r"(?:em|til|cause|n[’']|tis|twas|(?-i:t)|bout|round)\b|\d\d", regex.IGNORECASE
)
# A single closing-quote candidate: ’ or ' after a non-space, before a space, punctuation or end.
_SINGLE_CLOSE_RE = regex.compile(r"(?<=\S)[’'](?=[\s.,;:!?)\]}—–…”\"]|$)")
_VISIBLE_RE = regex.compile(r"\S")  # is there anything but white space between two marks?
# A single opening-quote candidate: ‘ or ' after a space or bracket, before a letter.
_SINGLE_OPEN_RE = regex.compile(r"(?:(?<=[\s(\[{—–“\"])|^)[‘'](?=\p{L})")
_FIRST_MARK_RE = regex.compile(r"\s*(\S)")  # the first character of the next paragraph
_NEXT_LETTER_RE = regex.compile(r"\s+(\p{L})")  # the first letter of the next word
_NEXT_DOUBLE_RE = regex.compile(r"[“”„\"]")  # the next double mark of any kind
_TERMINAL_INSIDE = ",.!?…;:—–-"
_MAX_DEPTH = 2  # an outer quote and one quote nested in it; deeper marks are reported
_UNCLOSED: Final = "no closing mark: runs to the break"


@final
class ScannedQuote:
    """One quote as the scanner cut it: its Spans, provisional kind, paragraph, depth and why.

    A slotted record, not the ``Quote`` model: the cue and attribution stages read it, and
    attribution settles its kind and speaker into a ``QuoteRecord``; the public ``Quote`` is
    built once, at the end of :func:`quotecheck.analyze`, holding the same two Spans.
    """

    __slots__ = (
        "closed",
        "depth",
        "end",
        "id",
        "kind",
        "marks",
        "paragraph",
        "reasons",
        "span",
        "start",
    )

    def __init__(
        self,
        id: str,
        span: Span,
        marks: Span,
        kind: QuoteKind,
        paragraph: int,
        depth: int,
        closed: bool,
        reasons: tuple[str, ...],
        start: int,
        end: int,
    ) -> None:
        self.id = id  # "q1", "q2", ... in document order
        self.span = span  # the quoted words, between the marks
        self.marks = marks  # the quote with its marks
        self.kind = kind  # direct or partial: whether it is a scare quote is attribution's call
        self.paragraph = paragraph  # where the quote opens
        self.depth = depth  # 0 for an outer quote, 1 nested in one
        self.closed = closed  # False when no closing mark was found
        self.reasons = reasons  # why it got its kind
        self.start = start  # marks.start and marks.end as ints: what the later stages sweep by
        self.end = end


@final
class SoupRun:
    """A long run of tiny quotes read as plain text ("quote soup"): its span and its quotes."""

    __slots__ = ("quotes", "span")

    def __init__(self, span: Span, quotes: int) -> None:
        self.span = span  # from the run's first opening mark to its last quote's end
        self.quotes = quotes  # how many quotes (not counting quotes nested in them) it held


class QuoteScan(NamedTuple):
    """The quotes found in a text, the quote marks that could not be paired, and the runs of
    quote soup whose marks were left as plain text."""

    quotes: tuple[ScannedQuote, ...]
    unbalanced: tuple[Span, ...]
    soup: tuple[SoupRun, ...] = ()


@final
class _Open:
    """An opening mark waiting for its closer.

    A plain class, not a dataclass: mypyc builds it with a native call, where a dataclass's
    generated ``__init__`` runs as interpreted Python.
    """

    __slots__ = ("depth", "mark", "paragraph", "start", "width")

    def __init__(self, start: int, mark: str, width: int, paragraph: int, depth: int) -> None:
        self.start = start  # offset of the opening mark
        self.mark = mark
        self.width = width  # characters in the mark: 2 for '' and ``
        self.paragraph = paragraph
        self.depth = depth


# A paired (or unclosed) opener: its start, minus the end of its marks (so that plain tuple order
# is the document order _build_quotes wants: by start, the longer first), the end of its content,
# the opener's width, paragraph and depth.
_Pair = tuple[int, int, int, int, int, int]
_T = TypeVar("_T", bound=tuple[int, ...])  # a pair or an unpaired mark: its start comes first


def _pair(opener: _Open, content_end: int, marks_end: int) -> _Pair:
    """One pair as plain ints: see _Pair."""
    return (opener.start, -marks_end, content_end, opener.width, opener.paragraph, opener.depth)


class _Pairing:
    """State of one pass: the stack of open marks, the pairs found, the unpaired marks."""

    def __init__(self, text: str, paragraphs: tuple[Paragraph, ...], run_on_chars: int) -> None:
        self.text = text
        self.run_on_chars = run_on_chars  # AnalyzerConfig.quote_run_on_chars, read once
        self.ends = [p.span.end for p in paragraphs]
        self.last = len(self.ends) - 1  # the last paragraph's index
        self.stack: list[_Open] = []
        # Each pair as plain ints (see _pair): such a tuple is untracked by the garbage collector
        # at its first collection, where one holding the _Open stays in every later full pass.
        self.pairs: list[_Pair] = []
        # (start, end) of each stray mark; the openers of unclosed pairs are read off the pairs
        # at the end (see _unclosed_openers), so that a run of quote soup never holds them.
        self.unpaired: list[tuple[int, int]] = []
        self.skip: set[int] = set()  # continuation marks of multi-paragraph quotes
        self.paragraph = 0  # the paragraph of the latest mark
        self._next_single_close = -1
        self._run_on_close = -1  # the closing mark a run-on statement was found to end at
        self._next_single_open = -1

    def reach(self, position: int) -> None:
        """Move on to the paragraph holding ``position``, ending each paragraph passed."""
        while self.paragraph < self.last and position >= self.ends[self.paragraph]:
            self.end_paragraph(self.paragraph)
            self.paragraph += 1

    def close_unclosed(self, opener: _Open, end: int) -> None:
        """Record ``opener`` as a quote that runs to ``end`` without a closing mark (its opening
        mark is unpaired: see _unclosed_openers); with nothing before ``end``, as a stray mark."""
        if end <= opener.start + opener.width:
            self.add_stray(opener.start, opener.start + opener.width)  # no quote: no pair kept
        else:
            self.pairs.append(_pair(opener, end, end))

    def add_stray(self, start: int, end: int) -> None:
        """Record an unpaired mark; one that starts where the last ends extends it instead (a
        run of marks side by side is one span of QuoteScan.unbalanced, and holds one tuple)."""
        if self.unpaired and self.unpaired[-1][1] == start:
            self.unpaired[-1] = (self.unpaired[-1][0], end)
        else:
            self.unpaired.append((start, end))

    def end_paragraph(self, paragraph: int) -> None:
        """Close what is still open at a paragraph's end, unless the next one continues it."""
        if not self.stack:
            return
        end = self.ends[paragraph]
        outer = self.stack[0]
        continuation = self._continuation_mark(paragraph + 1, outer)
        runs_on = continuation is None and len(self.stack) == 1 and self._closes_later(outer, end)
        keep = 1 if continuation is not None or runs_on else 0
        while len(self.stack) > keep:
            self.close_unclosed(self.stack.pop(), end)
        if continuation is not None:
            self.skip.add(continuation)

    def _closes_later(self, outer: _Open, end: int) -> bool:
        """Tell whether a double quote left open at a paragraph's end runs on through paragraphs
        with no marks to a closing mark that ends a later paragraph (a press release's statement:
        one opening mark, one closing mark, none between). Reads at most ``run_on_chars``."""
        if _FAMILY[outer.mark] != "double" or outer.width != 1:
            return False
        if self._run_on_close > end:
            return True  # found from an earlier paragraph's end: each stretch is read once
        stop = min(len(self.text), end + self.run_on_chars)
        m = _NEXT_DOUBLE_RE.search(self.text, end, stop)
        if m is None or m.group() not in _CLOSERS[outer.mark]:
            return False
        at = m.end()
        if at < len(self.text) and not self.text[at].isspace():
            return False  # a closing mark ends the paragraph it closes
        line_end = self.text.find("\n", at)
        if self.text[at : len(self.text) if line_end < 0 else line_end].strip() != "":
            return False
        self._run_on_close = m.start()
        return True

    def _continuation_mark(self, paragraph: int, outer: _Open) -> int | None:
        """Offset of the opening mark that continues ``outer`` at the start of ``paragraph``."""
        if paragraph >= len(self.ends):
            return None
        start = self.ends[paragraph - 1]
        first = _FIRST_MARK_RE.match(self.text, start)
        if first is None:
            return None
        at = first.start(1)
        mark = _DOUBLED.get(self.text[at : at + 2], _DOUBLED.get(first.group(1), first.group(1)))
        same = _FAMILY.get(mark) == _FAMILY[outer.mark] and mark in QUOTE_OPENERS
        return first.start(1) if same and mark != "'" else None

    def opens_single_before_close(self, position: int) -> bool:
        """True when a new single quote opens before the next closing candidate after ``position``.

        Then the later candidate belongs to that new quote, so this mark closes the open one:
        ‘hopeless’ and walked out. ‘We are done,’ ...
        """
        if self._next_single_open <= position:
            found = _SINGLE_OPEN_RE.search(self.text, position + 1)
            self._next_single_open = found.start() if found else len(self.text) + 1
        return self._next_single_open < self._next_single_close

    def has_later_single_close(self, position: int, limit: int) -> bool:
        """True when another closing single quote may follow ``position`` before ``limit``."""
        if self._next_single_close <= position:
            found = _SINGLE_CLOSE_RE.search(self.text, position + 1)
            self._next_single_close = found.start() if found else len(self.text) + 1
        return self._next_single_close < limit


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...], config: AnalyzerConfig) -> QuoteScan:
    """Pair the quote marks of ``text`` into quotes, in document order.

    >>> from quotecheck.text.segment import segment
    >>> from quotecheck.config import DEFAULT_CONFIG
    >>> t = '“We don’t know,” she said of the ‘plan’.'
    >>> [q.span.text for q in find_quotes(t, segment(t), DEFAULT_CONFIG).quotes]
    ['We don’t know,', 'plan']
    """
    state = _Pairing(text, paragraphs, config.quote_run_on_chars)
    end = 0
    for match in _MARK_RE.finditer(text):
        position, end = match.span()
        if state.paragraph < state.last and position >= state.ends[state.paragraph]:
            state.reach(position)  # tested here first: most marks stay in their paragraph
        if position not in state.skip:
            _take_mark(state, position, end - position, state.paragraph)
    # Apostrophes inside words are skipped by _MARK_RE, but the paragraphs before the last one
    # are still closed (later ones are closed together at the end, as if one paragraph).
    state.reach(max(text.rfind("’", end), text.rfind("'", end)))
    if paragraphs:
        state.end_paragraph(len(paragraphs) - 1)
    state.pairs.sort()  # by start, the longer first: no two pairs share a start
    soup = _soup_runs(text, state.pairs, config)
    pairs, stray = state.pairs, state.unpaired
    if soup:
        pairs = _outside(pairs, soup)
        stray = _outside(sorted(stray), soup)
    unpaired = stray + _unclosed_openers(pairs)
    quotes = _build_quotes(text, paragraphs, pairs, config)
    runs = tuple(SoupRun(make_span(text, start, end), count) for start, end, count in soup)
    return QuoteScan(quotes, _merge_runs(text, unpaired), runs)


def _unclosed_openers(pairs: list[_Pair]) -> list[tuple[int, int]]:
    """(start, end) of the opening mark of each pair that no mark closed (its marks end where
    its content does): unpaired marks, like the strays."""
    return [(p[0], p[0] + p[3]) for p in pairs if -p[1] == p[2]]


@final
class _Mark:
    """One quote-mark character (or doubled mark) and what stands around it.

    A plain class, not a NamedTuple: mypyc builds it with a native call and reads its fields
    directly, where a NamedTuple goes through a Python-level ``__new__``; one is made per mark.
    """

    __slots__ = ("mark", "paragraph", "position", "spaced_after", "spaced_before")

    def __init__(
        self, mark: str, position: int, paragraph: int, spaced_before: bool, spaced_after: bool
    ) -> None:
        self.mark = mark  # the mark, '' read as " and `` as “
        self.position = position
        self.paragraph = paragraph
        self.spaced_before = spaced_before  # white space, a bracket or a dash before it: may open
        self.spaced_after = spaced_after  # white space or punctuation after it: it may close


def _take_mark(state: _Pairing, position: int, width: int, paragraph: int) -> None:
    """Classify one mark as opener, closer or apostrophe and update the pairing."""
    text = state.text
    mark = _DOUBLED.get(text[position : position + width], text[position])
    before = text[position - 1] if position > 0 else " "
    after = text[position + width] if position + width < len(text) else " "
    spaced_before = before.isspace() or before in _OPEN_CONTEXT
    spaced_after = after.isspace() or after in _CLOSE_CONTEXT
    lookalike = mark != text[position] and text[position : position + width] in _LOOKALIKES
    if lookalike and ((text[position] == "," and not spaced_before) or before.isdigit()):
        return  # "1,,2" or a 12″ record: a typo or a unit, not a quote mark
    role = _role(state, _Mark(mark, position, paragraph, spaced_before, spaced_after))
    if role == "open":
        _open(state, mark, position, width, paragraph)
    elif role == "close":
        _close(state, mark, position, width)
    elif role == "stray":
        state.add_stray(position, position + width)


def _role(state: _Pairing, m: _Mark) -> str:
    """Return 'open', 'close', 'stray' (an unpairable mark) or 'apostrophe' for one mark."""
    mark, position, spaced_before, spaced_after = (
        m.mark,
        m.position,
        m.spaced_before,
        m.spaced_after,
    )
    if mark in "’'":
        return _single_role(state, m)
    can_close = _closable(state, mark)
    if mark in "”»›」』":
        if can_close:
            return "close"
        return "open" if mark in "”»›" and spaced_before and not spaced_after else "stray"
    if mark in "“‘":  # openers, but also the closers of „ and ‚
        if can_close and (spaced_after or not spaced_before):
            return "close"
        if mark == "‘" and _ELISION_RE.match(state.text, position + 1):
            return "apostrophe"
        return "open" if mark == "“" or spaced_before else "apostrophe"
    if mark == '"':
        if spaced_before and not spaced_after:
            return "open"
        if can_close:
            return "close"
        return "open" if spaced_before or _glued_opener(state.text, position) else "stray"
    if mark in "«‹" and can_close and not spaced_before:
        return "close"  # »Wir bleiben hier«: German reversed guillemets
    return "open"  # „ ‚ « ‹ 「 『


def _glued_opener(text: str, position: int) -> bool:
    """Tell a straight double mark typed with no space after a colon or full stop and before
    a capital ('Clinton:"We learned', 'authorities."We got') when nothing is open: it opens."""
    return (
        0 < position < len(text) - 1 and text[position - 1] in ":." and text[position + 1].isupper()
    )


def _single_role(state: _Pairing, m: _Mark) -> str:
    """Tell a closing or opening single quote from an apostrophe."""
    mark, position, spaced_before, spaced_after = (
        m.mark,
        m.position,
        m.spaced_before,
        m.spaced_after,
    )
    text = state.text
    if not spaced_before and not spaced_after:
        return "apostrophe"  # don’t, O’Brien, rock’n’roll
    if spaced_before:
        if spaced_after or _ELISION_RE.match(text, position + 1):
            return "apostrophe"  # ’90s, ’em, rock ’n’ roll
        return "open" if mark == "'" else "apostrophe"
    if not _closable(state, mark):
        return "apostrophe"
    if text[position - 1] in "sS" and _lowercase_follows(text, position):
        limit = state.ends[m.paragraph]
        if state.has_later_single_close(position, limit) and not state.opens_single_before_close(
            position
        ):
            return "apostrophe"  # the students’ union ... ’
    return "close"


def _lowercase_follows(text: str, position: int) -> bool:
    """True when the next word after ``position`` starts with a lower-case letter."""
    found = _NEXT_LETTER_RE.match(text, position + 1)
    return bool(found) and found.group(1).islower()


def _closable(state: _Pairing, mark: str) -> bool:
    """True when some open mark on the stack can be closed by ``mark``."""
    return any(mark in _CLOSERS[o.mark] for o in state.stack)


def _open(state: _Pairing, mark: str, position: int, width: int, paragraph: int) -> None:
    """Push an opening mark, closing an unclosed quote of the same family first."""
    family = _FAMILY[mark]
    for index, opener in enumerate(state.stack):
        if _FAMILY[opener.mark] == family:
            while len(state.stack) > index:
                state.close_unclosed(state.stack.pop(), position)
            break
    if len(state.stack) >= _MAX_DEPTH:
        state.add_stray(position, position + width)
        return
    state.stack.append(_Open(position, mark, width, paragraph, len(state.stack)))


def _close(state: _Pairing, mark: str, position: int, width: int) -> None:
    """Pop the innermost opener that ``mark`` closes; openers above it were never closed."""
    for index in range(len(state.stack) - 1, -1, -1):
        if mark in _CLOSERS[state.stack[index].mark]:
            while len(state.stack) > index + 1:
                state.close_unclosed(state.stack.pop(), position)
            state.pairs.append(_pair(state.stack.pop(), position, position + width))
            return


def _build_quotes(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    pairs: list[_Pair],
    config: AnalyzerConfig,
) -> tuple[ScannedQuote, ...]:
    """Turn pairs, sorted, into quotes in document order, skipping empty ones."""
    starts = [s.span.start for p in paragraphs for s in p.sentences]
    quotes: list[ScannedQuote] = []
    containers: list[tuple[int, int]] = []  # content ranges of quotes that may contain later ones
    for opener_start, minus_marks_end, content_end, width, paragraph, depth in pairs:
        marks_end = -minus_marks_end
        closed = marks_end > content_end
        content_start = opener_start + width
        if not closed:
            content_end = rstrip_end(text, content_start, content_end)
        if not _visible(text, content_start, content_end):
            continue
        # The offsets of the Spans, kept as ints: a pydantic model's field is a slow read.
        content_start, content_end = clamp(text, content_start, content_end)
        marks_start, marks_end = clamp(text, opener_start, marks_end if closed else content_end)
        content = make_span(text, content_start, content_end)
        marks = make_span(text, marks_start, marks_end)
        clause_start = _clause_start(starts, containers, opener_start)
        bounds = (content_start, content_end, marks_start, marks_end)
        kind, reason = _provisional_kind(text, clause_start, bounds, closed, config)
        reasons = (reason,) if closed else (reason, _UNCLOSED)
        quote_id = f"q{len(quotes) + 1}"
        quotes.append(
            ScannedQuote(
                quote_id,
                content,
                marks,
                kind,
                paragraph,
                depth,
                closed,
                reasons,
                marks_start,
                marks_end,
            )
        )
        containers.append((content_start, content_end))
    return tuple(quotes)


# A word, for the quote-soup limits: letters and digits, an apostrophe or hyphen inside one
# joining it (don’t, U-S-A); punctuation alone (", ", " — ") is no word.
_WORD = r"\w+(?:[’'\-]\w+)*"
_WORD_RE = re.compile(_WORD)


def more_words_re(limit: int) -> re.Pattern[str]:
    """A pattern that matches at the start of a piece holding more than ``limit`` words.

    Each word with the non-words before it is an atomic group: it is never split again to find
    more words, so the count is _WORD_RE's and a piece is read once (one call per piece, where
    counting ``finditer`` matches took three Python-level calls). ``re`` caches the compiled form.
    """
    return re.compile(rf"(?>\W*(?>{_WORD})){{{limit + 1}}}")


def _soup_runs(text: str, pairs: list[_Pair], config: AnalyzerConfig) -> list[tuple[int, int, int]]:
    """The runs of quote soup among ``pairs`` (sorted): (start, end, quotes) of each.

    Quote soup is more than ``config.quote_soup_max_run`` quotes in a row inside one paragraph,
    each of at most ``quote_soup_quote_words`` words, with at most ``quote_soup_gap_words``
    words between neighbours: a list of scare-quoted terms or a short lyric stays well under the
    limit, while generated or broken text ('"a "a "a …') gives one quote per few characters.
    One pass over the outer quotes (a quote nested in another goes with it; an empty one is
    passed over), each quote's and gap's words counted once: linear in the text. Only the
    paragraphs where more marks than the limit were paired are read at all (in news, none).
    """
    longest = config.quote_soup_max_run
    crowded = _crowded_paragraphs(pairs, longest)
    if not crowded:
        return []
    long_quote = more_words_re(config.quote_soup_quote_words)
    long_gap = more_words_re(config.quote_soup_gap_words)
    runs: list[tuple[int, int, int]] = []
    run_start = run_end = -1  # the open run's first start and last end, or -1
    count = paragraph = 0  # the open run's quotes and paragraph
    outer_end = -1  # the end of the last outer quote: a pair opening before it is nested
    for opener_start, minus_marks_end, content_end, width, opened_in, _depth in pairs:
        if opener_start < outer_end:
            continue
        marks_end = -minus_marks_end
        outer_end = marks_end
        content_start = opener_start + width
        if not _visible(text, content_start, content_end):
            continue  # no quote is made of it: neither counted nor breaking the run
        if marks_end == content_end:  # unclosed: it ends at its last visible character
            marks_end = rstrip_end(text, content_start, content_end)
        tiny = opened_in in crowded and long_quote.match(text, content_start, content_end) is None
        joins = (
            tiny
            and run_end >= 0
            and opened_in == paragraph
            and long_gap.match(text, run_end, opener_start) is None
        )
        if joins:
            run_end = marks_end
            count += 1
            continue
        if count > longest:
            runs.append((run_start, run_end, count))
        run_start, run_end, count, paragraph = (
            (opener_start, marks_end, 1, opened_in) if tiny else (-1, -1, 0, 0)
        )
    if count > longest:
        runs.append((run_start, run_end, count))
    return runs


def _crowded_paragraphs(pairs: list[_Pair], longest: int) -> set[int]:
    """The paragraphs where more than ``longest`` pairs (sorted, so by paragraph) open: only
    there can a run of more than ``longest`` quotes stand."""
    crowded: set[int] = set()
    paragraph, count = -1, 0
    for pair in pairs:
        if pair[4] != paragraph:
            paragraph, count = pair[4], 0
        count += 1
        if count > longest:
            crowded.add(paragraph)
    return crowded


def _outside(items: list[_T], runs: list[tuple[int, int, int]]) -> list[_T]:
    """The ``items`` (sorted tuples, a start first) that start outside every run (sorted)."""
    kept: list[_T] = []
    index = 0
    for item in items:
        start = item[0]
        while index < len(runs) and runs[index][1] <= start:
            index += 1
        if index == len(runs) or start < runs[index][0]:
            kept.append(item)
    return kept


def _visible(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a character matching _VISIBLE_RE (not white space)."""
    # Nearly every quote opens on a visible character: what str.isspace() refuses, regex's \S
    # takes (tests check every code point), so the call into ``regex`` is made only for the rest.
    if start >= end:
        return False  # an empty quote (two marks side by side): no call into ``regex``
    if not text[start].isspace():
        return True
    return _VISIBLE_RE.search(text, start, end) is not None


def _blank(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is empty or white space only (what ``str.strip`` removes)."""
    # Not _visible: regex's \S takes the separators \x1c-\x1f, which str.isspace() counts as
    # space. Most gaps between unpaired marks open on a visible character: no copy is made.
    if start >= end:
        return True  # marks side by side, or overlapping
    if not text[start].isspace():
        return False
    return not text[start:end].strip()


def _clause_start(starts: list[int], containers: list[tuple[int, int]], position: int) -> int:
    """Where the clause holding ``position`` begins: its sentence, or its enclosing quote."""
    index = bisect.bisect_right(starts, position) - 1
    clause = starts[index] if index >= 0 else 0
    for start, end in reversed(containers[-4:]):
        if start <= position < end:
            return max(clause, start)
    return clause


def _provisional_kind(
    text: str,
    clause_start: int,
    bounds: tuple[int, int, int, int],
    closed: bool,
    config: AnalyzerConfig,
) -> tuple[QuoteKind, str]:
    """Direct when the quote stands as its own clause; partial when woven into a sentence.

    ``bounds`` are the start and end of the quote's content, then of its marks.
    """
    content_start, content_end, marks_start, marks_end = bounds
    lead = _last_visible(text, clause_start, marks_start)
    opens_clause = not lead or lead in ":,—–("
    limit = config.partial_max_words
    words = len(text[content_start:content_end].split(maxsplit=limit))
    after = text[marks_end : marks_end + 1] if closed else ""
    ends_clause = (
        not closed
        or _last_visible(text, content_start, content_end, skip=_CLOSING_MARKS) in _TERMINAL_INSIDE
        or (after != "" and after in _TERMINAL_INSIDE)  # „Wir schaffen das“, sagte sie.
    )
    if opens_clause and (ends_clause or words > limit):
        return QUOTE_DIRECT, "stands as its own clause"
    if lead:
        return QUOTE_PARTIAL, "woven into the writer's sentence"
    return QUOTE_PARTIAL, "a short fragment that the sentence goes on from"


def _last_visible(text: str, start: int, end: int, skip: str = "") -> str:
    """The last character of ``text[start:end]`` that is not space or in ``skip``, or ""."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in skip):
        end -= 1
    return text[end - 1] if end > start else ""


def _merge_runs(text: str, marks: list[tuple[int, int]]) -> tuple[Span, ...]:
    """Merge unpaired marks separated only by white space into one span each."""
    # The fast form of _merge_runs_plainly (tests check they agree): 9.3% fewer instructions of
    # analyze on 50 KB of opening marks, pure build (callgrind). One run open at a time, as two
    # ints: no list per run, no copy of the text between marks.
    # A mark listed twice starts at or before the run's end, so it merges into the run unchanged.
    spans: list[Span] = []
    run_start = run_end = -1
    for start, end in sorted(marks):
        if run_end >= 0 and _blank(text, run_end, start):
            run_end = max(run_end, end)
            continue
        if run_end >= 0:
            spans.append(make_span(text, run_start, run_end))
        run_start, run_end = start, end
    if run_end >= 0:
        spans.append(make_span(text, run_start, run_end))
    return tuple(spans)


def _merge_runs_plainly(text: str, marks: list[tuple[int, int]]) -> tuple[Span, ...]:
    """The reference form of :func:`_merge_runs`: a list per run, the gap's text stripped."""
    runs: list[list[int]] = []
    for start, end in sorted(set(marks)):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return tuple(make_span(text, start, end) for start, end in runs)
