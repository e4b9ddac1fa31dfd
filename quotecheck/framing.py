"""find_signals(text, span, quotes) -> tuple[Signal, ...]: framing evidence in one sentence.

Each signal comes from a lexicon shipped as data (``quotecheck/lexicons/*.txt``, see
docs/lexicons.md) or from a scare quote, and carries a weight (:func:`signal_weight`) so that the
claims stage can decide, audibly, when a writer's own words amount to editorial framing.
Matching is one scan of the text's words with a compiled token regex and a dictionary look-up
per word; a multi-word entry is searched for only in a short window around each word of it that
occurs (its anchor). The tables (:mod:`quotecheck.signaltables`) are built once at import from
the lexicons, so the cost does not grow with the size of the lists.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

import regex

from .assemble import assemble, text_span
from .models import Quote, QuoteKind, Signal, SignalKind, Span
from .offsets import fold
from .signaltables import CASE_SENSITIVE as _CASE_SENSITIVE
from .signaltables import TABLES as _TABLES
from .signaltables import TOKEN_RE as _TOKEN_RE
from .signaltables import Phrase as _Phrase
from .signaltables import glued as _glued

__all__ = [
    "SCARE_MAX_WORDS",
    "find_all_signals",
    "find_signals",
    "find_weighted_signals",
    "signal_weight",
    "speech_like",
]


SCARE_MAX_WORDS = 6
"""A speakerless quote of more words than this (or with a verb or pronoun) reads like speech."""

SCARE_QUOTE_WEIGHT = 0.5
"""Weight of a term in scare quotes: distance, but also how titles and slogans are written."""

_SPEECHY_RE = regex.compile(
    r"""
    (?<![\w-])                          # whole words only
    (?:I|we|you|he|she|they|it|us|our|my|your   # a speaker talking in person
      |is|are|was|were|will|would|can|could|must|should|have|has|had|do|does|did
      |am|'m|'re|'ve|'ll|n't)           # or a finite verb: a clause, not a term
    (?![\w-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# The same words in lower-cased ASCII-only text, by plain character ranges (cheaper to test).
# Tokens as the odd pieces of a split: re.split hands back plain strings, no match object per
# token, and the even pieces (the gaps) give each token's offset by their lengths.
_ASCII_TOKENS_RE = re.compile(r"([a-z][a-z0-9_'-]*)")
_TOKENS_RE = re.compile(f"({_TOKEN_RE.pattern})")
_WORD_BEFORE_RE = regex.compile(r"\w")  # some word precedes: not the first word
_LOWER_OR_UPPER_RE = regex.compile(r"\b\p{L}{4,}")  # longer words, to tell title case
_WORD_RE = regex.compile(r"[\w'’-]+")  # a word, for counting


def _lower(folded: str) -> str:
    """Lower-case without moving offsets: U+0130 (İ) is the one character that lower() lengthens."""
    return folded.replace("\u0130", "I").lower()


_WEIGHTS = _TABLES.weights


def signal_weight(signal: Signal) -> float:
    """How much evidence of editorial framing one signal is (0 for the speaker's own words)."""
    if signal.in_quote:
        return 0.0
    if signal.kind is SignalKind.scare_quote:
        return SCARE_QUOTE_WEIGHT
    return _WEIGHTS.get((signal.kind, _key(signal)), 0.0)


def _key(signal: Signal) -> str:
    """The weight-table key of a lexicon signal: its entry, folded and (mostly) lower-cased."""
    entry = signal.lexicon or ""
    return entry if signal.kind in _CASE_SENSITIVE else entry.lower()


def speech_like(text: str) -> bool:
    """True when quoted words read like an utterance (a clause, a long run), not a term."""
    words = _WORD_RE.findall(text)
    return len(words) > SCARE_MAX_WORDS or (len(words) >= 3 and bool(_SPEECHY_RE.search(text)))


def find_signals(text: str, span: Span, quotes: tuple[Quote, ...] = ()) -> tuple[Signal, ...]:
    """Find the framing signals of the sentence ``span`` of ``text``, in text order.

    Signals inside a quote are the speaker's (``in_quote=True``); a scare quote that reads as a
    term (not as speech) is itself a signal of the writer's.

    >>> s = find_signals("A so-called reform.", Span(start=0, end=19, text="A so-called reform."))
    >>> [(x.kind.value, x.span.text) for x in s]
    [('presupposition', 'so-called')]
    """
    return find_all_signals(text, (span,), quotes)[0]


def find_all_signals(
    text: str, spans: Sequence[Span], quotes: Sequence[Quote] = ()
) -> tuple[tuple[Signal, ...], ...]:
    """Find the framing signals of every sentence in ``spans`` (sorted, not overlapping) at once.

    One scan covers the stretch from the first sentence to the last, so the cost is per text,
    not per sentence; each signal is then filed under the sentence holding it.
    """
    return find_weighted_signals(text, spans, quotes)[0]


def find_weighted_signals(
    text: str, spans: Sequence[Span], quotes: Sequence[Quote] = ()
) -> tuple[tuple[tuple[Signal, ...], ...], list[list[float]]]:
    """:func:`find_all_signals`, with each signal's :func:`signal_weight` alongside it.

    The weight is known when the signal is made (its kind, entry and place), so the claims
    stage need not look it up again from the signal's fields.
    """
    if not spans:
        return (), []
    lo = spans[0].start
    folded = fold(text[lo : spans[-1].end])
    starts = [s.start - lo for s in spans]
    ends = [s.end - lo for s in spans]
    title_cases: dict[int, bool] = {}

    def in_name(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        if i < 0 or at >= ends[i]:
            i = -1
        if i not in title_cases:
            title_cases[i] = _title_case(folded[starts[i] : ends[i]])
        return _in_name(folded, at, title_cases[i], starts[i])

    hits = sorted(_hits(folded, in_name), key=itemgetter(1, 2))
    found, weights = _file_hits(text, lo, hits, starts, ends, _QuotedStretches(quotes))
    _add_scare_quotes(spans, quotes, found, weights)
    return tuple(map(tuple, found)), weights


def _file_hits(
    text: str,
    lo: int,
    hits: list[_Hit],
    starts: list[int],
    ends: list[int],
    quoted: _QuotedStretches,
) -> tuple[list[list[Signal]], list[list[float]]]:
    """Each hit (offsets from ``lo``, in text order) as a signal and its weight, per sentence."""
    found: list[list[Signal]] = [[] for _ in starts]
    weights: list[list[float]] = [[] for _ in starts]
    covers = quoted.covers if quoted.starts else None
    for kind, a, b, lexicon in hits:
        i = bisect_right(starts, a) - 1
        if i < 0 or a >= ends[i] or b > ends[i]:
            continue  # between sentences, or running over a sentence's end
        start, end = lo + a, lo + b
        in_quote = covers is not None and covers(start, end)
        span = text_span(text, start, end)
        fields = {"kind": kind, "span": span, "lexicon": lexicon, "in_quote": in_quote}
        found[i].append(assemble(Signal, fields))
        weights[i].append(0.0 if in_quote else _lexicon_weight(kind, lexicon))
    return found, weights


def _lexicon_weight(kind: SignalKind, lexicon: str) -> float:
    """The weight of a lexicon signal outside quotes (what :func:`signal_weight` returns)."""
    return _WEIGHTS.get((kind, lexicon if kind in _CASE_SENSITIVE else lexicon.lower()), 0.0)


def _add_scare_quotes(
    spans: Sequence[Span],
    quotes: Sequence[Quote],
    found: list[list[Signal]],
    weights: list[list[float]],
) -> None:
    """File each scare quote that reads as a term under its sentence, keeping text order."""
    starts = [s.start for s in spans]
    lo, hi = spans[0].start, spans[-1].end
    scared: set[int] = set()  # sentences with a scare quote, appended out of order
    for q in quotes:
        if not lo <= q.marks.start < hi:
            continue
        i = bisect_right(starts, q.marks.start) - 1
        if q.marks.start < spans[i].end and _within(q.marks, spans[i]) and _scare_term(q):
            fields = {
                "kind": SignalKind.scare_quote,
                "span": q.marks,
                "lexicon": None,
                "in_quote": False,
            }
            found[i].append(assemble(Signal, fields))
            weights[i].append(SCARE_QUOTE_WEIGHT)
            scared.add(i)
    for i in scared:
        pairs = sorted(
            zip(found[i], weights[i], strict=True), key=lambda p: (p[0].span.start, p[0].span.end)
        )
        found[i] = [s for s, _ in pairs]
        weights[i] = [w for _, w in pairs]


# A lexicon match: kind, start, end, and its entry as the signal's lexicon (white space single).
_Hit = tuple[SignalKind, int, int, str]


def _hits(folded: str, in_name: Callable[[int], bool]) -> list[_Hit]:
    """Every lexicon match in ``folded``: (kind, start, end, entry)."""
    low = _lower(folded)
    found = _lexicon_tokens(low)
    anchors: dict[str, list[int]] = {}
    for start, form in found:
        if form in _TABLES.phrases:
            anchors.setdefault(form, []).append(start)
    hits = [
        (k, a, b, " ".join(folded[a:b].split()))
        for anchor in sorted(anchors)
        for k, a, b in _phrase_hits(folded, low, anchor, anchors[anchor])
    ]
    hits += _word_hits(folded, low, found, {(k, a) for k, a, _, _ in hits}, in_name)
    return hits


def _lexicon_tokens(low: str) -> list[tuple[int, str]]:
    """(start, form) of every token of ``low`` standing for a one-word entry or a phrase anchor.

    One pass over the tokens with one dictionary look-up each: the table already knows the
    possessives ("regime's" stands for "regime").
    """
    table = _TABLES.tokens
    pieces = (_ASCII_TOKENS_RE if low.isascii() else _TOKENS_RE).split(low)
    found: list[tuple[int, str]] = []
    at = len(pieces[0])
    for i in range(1, len(pieces), 2):
        token = pieces[i]
        if token in table:
            found.extend((at, form) for form in table[token])
        at += len(token) + len(pieces[i + 1])
    return found


class _QuotedStretches:
    """The stretches of text inside quote marks, merged, for fast 'is this quoted?' checks."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((q.marks.start, q.marks.end) for q in quotes):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def covers(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies inside one stretch."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


# A search around one anchor costs about as much as a whole-text scan of this many characters.
_WINDOW_COST = 1000


def _phrase_hits(
    folded: str, low: str, anchor: str, at: list[int]
) -> Iterable[tuple[SignalKind, int, int]]:
    """Matches of the multi-word entries filed under ``anchor``, which starts words at ``at``."""
    for phrase in _TABLES.phrases[anchor]:
        haystack = folded if phrase.kind in _CASE_SENSITIVE else low
        # Both find the same matches; a whole-text scan is cheaper once the anchor is common.
        if len(at) * _WINDOW_COST > len(haystack):
            matches: Iterable[re.Match[str]] = phrase.pattern.finditer(haystack)
        else:
            matches = _phrase_matches(phrase, haystack, at)
        for m in matches:
            if m.start() == 0 or not _glued(haystack[m.start() - 1]):
                yield phrase.kind, m.start(), m.end()


def _phrase_matches(phrase: _Phrase, haystack: str, at: list[int]) -> Iterable[re.Match[str]]:
    """The matches of ``phrase`` a whole-text scan finds that may open a word (and maybe more).

    A match opening a word holds its anchor as a word of its own, so a short search around each
    of the anchor's words finds it: its start lies a known distance before, and the search stops
    one character past its greatest length, so the look-ahead at its end sees the real text.
    """
    if phrase.window is None:
        yield from phrase.pattern.finditer(haystack)
        return
    least, most, longest = phrase.window
    seen: set[int] = set()
    for anchor_at in at:
        first, last = max(0, anchor_at - most), anchor_at - least
        for m in phrase.pattern.finditer(haystack, first, min(len(haystack), last + longest + 1)):
            if m.start() <= last and m.start() not in seen:
                seen.add(m.start())
                yield m


def _word_hits(
    folded: str,
    low: str,
    found: list[tuple[int, str]],
    taken: set[tuple[SignalKind, int]],
    in_name: Callable[[int], bool],
) -> list[_Hit]:
    """Matches of one-word entries among the ``found`` tokens, skipping kinds a phrase took there.

    A token glued to what precedes it ("3rd", "'tis") is not a word of its own.
    """
    hits = []
    for start, word in found:
        if word not in _TABLES.single or (start and _glued(low[start - 1])):
            continue
        end = start + len(word)
        entry = folded[start:end]  # a token: no white space to collapse
        kinds = list(_TABLES.exact.get(entry, ()))
        # A capitalised word inside the sentence is part of a name ("Justice Department").
        if word in _TABLES.words and not (folded[start].isupper() and in_name(start)):
            kinds += _TABLES.words[word]
        hits += [(k, start, end, entry) for k in kinds if (k, start) not in taken]
    return hits


def _in_name(folded: str, at: int, title_case: bool, sentence_start: int = 0) -> bool:
    """True when a match at ``at`` is capitalised, not the first word, in a sentence-case text."""
    return (
        not title_case
        and folded[at].isupper()
        and bool(_WORD_BEFORE_RE.search(folded, sentence_start, at))
    )


def _title_case(folded: str) -> bool:
    """True for a headline in title case, where capitals say nothing about names."""
    words = _LOWER_OR_UPPER_RE.findall(folded)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 > len(words) * 3


def _within(part: Span, span: Span) -> bool:
    """True when ``part`` lies inside ``span``."""
    return span.start <= part.start and part.end <= span.end


def _scare_term(q: Quote) -> bool:
    """A scare quote that reads as a term: the writer holding a word at a distance."""
    return q.kind is QuoteKind.scare and q.depth == 0 and not speech_like(q.span.text)
