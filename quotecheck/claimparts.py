"""Where a sentence's sourced, apparatus and unsourced parts lie, as (start, end) ranges.

Attribution contents (and the quotes they credit) are a sentence's *sourced* parts; the cue
words, the source's mentions and "when" phrases are sourcing apparatus; the gaps left between
them, trimmed of punctuation, are the writer's own text. Used by :mod:`quotecheck.claims`, which
turns the ranges into spans once per sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import regex

from .models import Attribution, Quote, QuoteKind, Source, Span

__all__ = [
    "MentionIndex",
    "Range",
    "attribution_extent",
    "gaps",
    "in_sentence",
    "inside",
    "mention_index",
    "merge",
    "parts",
    "per_sentence",
    "quote_extent",
    "trim",
]

Range = tuple[int, int]

# Per source id: its mentions' sorted starts, their (start, end) pairs, the longest one's length.
MentionIndex = dict[str, tuple[list[int], list[Range], int]]

_CLAUSE_MARK_RE = regex.compile(r"[;:—–]|\s-\s")  # where a partial quote's clause starts
_TRIM = " \t\r\n,;:.!?—–-()[]\"'“”‘’«»„"
_FAR = 1 << 62  # sorts after every end offset

_T = TypeVar("_T")


def per_sentence(
    spans: Sequence[Span], items: Sequence[_T], extent: Callable[[_T], Range]
) -> list[list[_T]]:
    """Items overlapping each sentence, by one sweep over both in text order.

    A quote or content may run over many sentences (a multi-paragraph quote), so no fixed
    window would do; the sweep keeps the items still open at the current sentence.
    """
    ordered = sorted(items, key=lambda x: extent(x)[0])
    bounds = [extent(x) for x in ordered]
    found: list[list[_T]] = []
    active: list[int] = []  # positions in ``ordered``, in order
    i = 0
    for span in spans:
        while i < len(ordered) and bounds[i][0] < span.end:
            active.append(i)
            i += 1
        if active:
            active = [j for j in active if bounds[j][1] > span.start]
        found.append([ordered[j] for j in active] if active else [])
    return found


def quote_extent(q: Quote) -> Range:
    """Where a quote's marks lie."""
    return q.marks.start, q.marks.end


def attribution_extent(a: Attribution) -> Range:
    """Where an attribution's content and cue lie, together."""
    if a.cue is None:
        return a.content.start, a.content.end
    return min(a.content.start, a.cue.start), max(a.content.end, a.cue.end)


def in_sentence(a: Attribution, span: Span) -> bool:
    """True when the content overlaps the sentence, or the cue lies inside it."""
    content_in = a.content.start < span.end and span.start < a.content.end
    return content_in or (a.cue is not None and span.start <= a.cue.start < span.end)


def parts(
    text: str,
    mentions: MentionIndex,
    span: Span,
    atts: Sequence[Attribution],
    quotes: Sequence[Quote],
) -> tuple[list[Range], list[Range]]:
    """The sentence's sourced ranges, and those with the sourcing apparatus, each merged."""
    sourced = merge(_sourced_ranges(text, span, atts, quotes))
    return sourced, merge(sourced + _apparatus_ranges(mentions, span, atts))


def _sourced_ranges(
    text: str, span: Span, atts: Sequence[Attribution], quotes: Sequence[Quote]
) -> list[Range]:
    """Credited contents and attributed quotes, clipped to the sentence."""
    ranges = [(a.content.start, a.content.end) for a in atts]
    credited = {qid for a in atts for qid in a.quote_ids}
    clause_starts: list[int] | None = None  # found once per sentence, only when needed
    for q in quotes:
        if q.attribution_id is not None or q.id in credited:
            ranges.append((q.marks.start, q.marks.end))
            if q.kind is QuoteKind.partial:
                if clause_starts is None:
                    clause_starts = _clause_starts(text, span)
                i = bisect_right(clause_starts, q.marks.start)
                ranges.append((clause_starts[i - 1] if i else span.start, q.marks.end))
    return _clip(ranges, span)


def _clip(ranges: list[Range], span: Span) -> list[Range]:
    """The ranges overlapping the sentence, cut to it."""
    lo, hi = span.start, span.end
    return [(max(a, lo), min(b, hi)) for a, b in ranges if a < hi and b > lo]


def _clause_starts(text: str, span: Span) -> list[int]:
    """Where clauses start in a sentence (after ";", ":", a dash): the clause holding a partial
    quote, the writer's paraphrase of the speaker, starts at the last one before the quote."""
    return [m.end() for m in _CLAUSE_MARK_RE.finditer(text, span.start, span.end)]


def _apparatus_ranges(
    mentions: MentionIndex, span: Span, atts: Sequence[Attribution]
) -> list[Range]:
    """Cue words, source mentions and "when" phrases: sourcing, not claims."""
    ranges: list[Range] = []
    for a in atts:
        for part in (a.cue, a.when):
            if part is not None:
                ranges.append((part.start, part.end))
    for sid in {sid for a in atts for sid in (a.source_id, a.via_source_id) if sid}:
        ranges += _mentions_in(mentions, sid, span)
    return _clip(ranges, span)


def _mentions_in(mentions: MentionIndex, source_id: str, span: Span) -> list[Range]:
    """A source's mentions overlapping the sentence, by bisection over its sorted mentions."""
    found = mentions.get(source_id)
    if found is None:
        return []
    starts, bounds, longest = found
    hi = bisect_left(starts, span.end)  # mentions starting before the sentence ends
    lo = bisect_left(starts, span.start - longest, 0, hi)  # the earliest that can reach into it
    return [(a, b) for a, b in bounds[lo:hi] if b > span.start]


def mention_index(sources: Iterable[Source]) -> MentionIndex:
    """Each source's mentions as sorted starts, (start, end) pairs and the longest length."""
    index: MentionIndex = {}
    for source in sources:
        bounds = sorted((m.start, m.end) for m in source.mentions)
        longest = max((b - a for a, b in bounds), default=0)
        index[source.id] = ([a for a, _ in bounds], bounds, longest)
    return index


def merge(ranges: Iterable[Range]) -> list[Range]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[Range] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        elif b > a:
            merged.append((a, b))
    return merged


def gaps(span: Span, covered: list[Range]) -> list[Range]:
    """The parts of ``span`` outside ``covered``, trimmed of white space and punctuation."""
    text, offset = span.text, span.start
    pieces, at = [], span.start
    for a, b in covered:
        if a > at:
            pieces.append((at, a))
        at = max(at, b)
    if span.end > at:
        pieces.append((at, span.end))
    trimmed = []
    for a, b in pieces:
        piece = trim(text[a - offset : b - offset], a)
        if piece is not None:
            trimmed.append(piece)
    return trimmed


def trim(piece: str, start: int) -> Range | None:
    """The range of ``piece`` (which starts at ``start``) without white space and punctuation
    at either end; None when nothing is left."""
    lead = len(piece) - len(piece.lstrip(_TRIM))
    tail = len(piece.rstrip(_TRIM))
    return (start + lead, start + tail) if tail > lead else None


def inside(start: int, end: int, ranges: list[Range]) -> bool:
    """True when ``start:end`` lies within one of ``ranges`` (sorted and merged: one bisection)."""
    i = bisect_right(ranges, (start, _FAR)) - 1
    return i >= 0 and end <= ranges[i][1]
