"""Where a sentence's sourced, apparatus and unsourced parts lie, as (start, end) ranges.

Attribution contents (and the quotes they credit) are a sentence's *sourced* parts; the cue
words, the source's mentions and "when" phrases are sourcing apparatus; the gaps left between
them, trimmed of punctuation, are the writer's own text. Used by :mod:`classify`, which
turns the ranges into spans once per sentence.

The stage reads the attribution stage's records (:mod:`quotecheck.attribution.records`), whose
offsets are plain ints: a sentence goes through its attributions and quotes several times.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Final, TypeVar

import regex

from quotecheck.attribution.records import AttributionRecord, QuoteRecord, SourceRecord
from quotecheck.kinds import QUOTE_PARTIAL
from quotecheck.sortedints import bisect_left

__all__ = [
    "MentionIndex",
    "Range",
    "gaps",
    "in_text_order",
    "inside",
    "mention_index",
    "merge",
    "parts",
    "per_sentence",
    "trim",
]

Range = tuple[int, int]

# Per source id: its mentions' sorted starts, their (start, end) pairs, the longest one's length.
MentionIndex = dict[str, tuple[list[int], list[Range], int]]

# Where a partial quote's clause starts: after one of these marks, or a hyphen with white space
# on both sides (the pattern ``[;:—–]|\s-\s``, which the tests compare _clause_starts with).
_CLAUSE_MARKS: Final = (";", ":", "—", "–", "-")
_SPACE_RE: Final = regex.compile(r"\s")
_TRIM: Final = " \t\r\n,;:.!?—–-()[]\"'“”‘’«»„"
_FAR: Final = 1 << 62  # sorts after every end offset

_T = TypeVar("_T")


def in_text_order(items: list[_T], starts: list[int], ties: list[int]) -> list[_T]:
    """``items`` sorted by ``starts``, then ``ties``, then their order in ``items``: one sort
    of plain tuples, where sorting twice by a key function would call it once per item."""
    keyed = sorted([(starts[i], ties[i], i) for i in range(len(items))])
    return [items[i] for _, _, i in keyed]


def per_sentence(
    sentences: list[Range], items: list[_T], bounds: list[Range]
) -> Iterator[list[_T]]:
    """Items overlapping each sentence, by one sweep over both in text order.

    ``items`` are sorted by the start of their ``bounds``. A quote or content may run over many
    sentences (a multi-paragraph quote), so no fixed window would do; the sweep keeps the items
    still open at the current sentence. Each sentence's list is given as the reader reaches the
    sentence, so no more than one is kept at a time (a list per sentence, held to the end of
    the stage, was one more tracked object a sentence for the collector to visit).
    """
    active: list[int] = []  # positions in ``items``, in order
    i, n = 0, len(items)
    for start, end in sentences:
        while i < n and bounds[i][0] < end:
            active.append(i)
            i += 1
        if active:
            active = [j for j in active if bounds[j][1] > start]
        yield [items[j] for j in active] if active else []


def parts(
    text: str,
    mentions: MentionIndex,
    sentence: Range,
    credits: list[AttributionRecord],
    quotes: list[QuoteRecord],
) -> tuple[list[Range], list[Range]]:
    """The sentence's sourced ranges, and those with the sourcing apparatus, each merged."""
    sourced = merge(_sourced_ranges(text, sentence, credits, quotes))
    return sourced, merge(sourced + _apparatus_ranges(mentions, sentence, credits))


def _sourced_ranges(
    text: str, sentence: Range, credits: list[AttributionRecord], quotes: list[QuoteRecord]
) -> list[Range]:
    """Credited contents and attributed quotes, clipped to the sentence."""
    ranges = [c.content for c in credits]
    credited = {qid for c in credits for qid in c.quote_ids}
    clause_starts: list[int] | None = None  # found once per sentence, only when needed
    for q in quotes:
        if q.attribution_id is not None or q.id in credited:
            ranges.append((q.start, q.end))
            if q.kind is QUOTE_PARTIAL:
                if clause_starts is None:
                    clause_starts = _clause_starts(text, sentence)
                i = bisect_right(clause_starts, q.start)
                ranges.append((clause_starts[i - 1] if i else sentence[0], q.end))
    return _clip(ranges, sentence)


def _clip(ranges: list[Range], sentence: Range) -> list[Range]:
    """The ranges overlapping the sentence, cut to it."""
    lo, hi = sentence
    return [(max(a, lo), min(b, hi)) for a, b in ranges if a < hi and b > lo]


def _clause_starts(text: str, sentence: Range) -> list[int]:
    r"""Where clauses start in a sentence (after ";", ":", a dash): the clause holding a partial
    quote, the writer's paraphrase of the speaker, starts at the last one before the quote.

    The ends of the matches of ``[;:—–]|\s-\s``, found from its marks by str.find: the regex
    module costs tens of thousands of instructions per sentence here
    (tests/test_claims_speed_equivalence checks the two agree).
    """
    start, end = sentence[0], min(sentence[1], len(text))  # as the pattern clips endpos
    hits: list[int] = []
    for mark in _CLAUSE_MARKS:
        i = text.find(mark, start, end)
        while i >= 0:
            hits.append(i)
            i = text.find(mark, i + 1, end)
    if not hits:
        return []
    hits.sort()
    found: list[int] = []
    at = start  # where the next match may begin: matches do not overlap
    for i in hits:
        if text[i] != "-":
            found.append(i + 1)
            at = i + 1
        # " - " as \s-\s: white space on both sides, the one before not taken by a match.
        elif at < i < end - 1 and _is_space(text[i - 1]) and _is_space(text[i + 1]):
            found.append(i + 2)
            at = i + 2
    return found


def _is_space(char: str) -> bool:
    """True when _SPACE_RE (the regex module's \\s) matches ``char``; str.isspace() first, as it
    holds for every character \\s matches and is cheap (checked by a test)."""
    return char.isspace() and _SPACE_RE.match(char) is not None


def _apparatus_ranges(
    mentions: MentionIndex, sentence: Range, credits: list[AttributionRecord]
) -> list[Range]:
    """Cue words, source mentions and "when" phrases: sourcing, not claims."""
    ranges: list[Range] = []
    source_ids: set[str] = set()
    for c in credits:
        if c.cue is not None:
            ranges.append(c.cue)
        if c.when is not None:
            ranges.append(c.when)
        if c.source_id:
            source_ids.add(c.source_id)
        if c.via_source_id:
            source_ids.add(c.via_source_id)
    for sid in source_ids:  # the order is lost in merge(), which sorts
        ranges += _mentions_in(mentions, sid, sentence)
    return _clip(ranges, sentence)


def _mentions_in(mentions: MentionIndex, source_id: str, sentence: Range) -> list[Range]:
    """A source's mentions overlapping the sentence, by bisection over its sorted mentions."""
    found = mentions.get(source_id)
    if found is None:
        return []
    starts, bounds, longest = found
    start, end = sentence
    hi = bisect_left(starts, end)  # mentions starting before the sentence ends
    lo = bisect_left(starts, start - longest, 0, hi)  # the earliest that can reach into it
    return [(a, b) for a, b in bounds[lo:hi] if b > start]


def mention_index(sources: Iterable[SourceRecord]) -> MentionIndex:
    """Each source's mentions as sorted starts, (start, end) pairs and the longest length."""
    index: MentionIndex = {}
    for source in sources:
        bounds = list(source.mentions)
        why = source.anonymity_reason  # "who spoke on condition of anonymity": sourcing too
        if why is not None:
            bounds.append(why)
        bounds.sort()
        longest = max([b - a for a, b in bounds], default=0)
        index[source.id] = ([a for a, _ in bounds], bounds, longest)
    return index


def merge(ranges: list[Range]) -> list[Range]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[Range] = []
    lo, hi = 0, -1  # the range being merged; none while hi < lo
    for a, b in sorted(ranges) if len(ranges) > 1 else ranges:  # one range needs no sort
        if hi >= lo and a <= hi:
            hi = max(hi, b)
        elif b > a:
            if hi >= lo:
                merged.append((lo, hi))
            lo, hi = a, b
    if hi >= lo:
        merged.append((lo, hi))
    return merged


def gaps(text: str, sentence: Range, covered: list[Range]) -> list[Range]:
    """The parts of the sentence outside ``covered``, trimmed of white space and punctuation."""
    at, end = sentence
    trimmed = []
    for a, b in covered:
        if a > at:
            piece = trim(text, at, a)
            if piece is not None:
                trimmed.append(piece)
        at = max(at, b)
    if end > at:
        piece = trim(text, at, end)
        if piece is not None:
            trimmed.append(piece)
    return trimmed


def trim(text: str, start: int, end: int) -> Range | None:
    """The range ``start:end`` of ``text`` without white space and punctuation at either end;
    None when nothing is left.

    What str.strip(_TRIM) leaves of the slice, found by looking at its ends in place: no slice
    and no stripped copy are made (tests/test_claims_speed_equivalence checks the two agree).
    """
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def inside(start: int, end: int, ranges: list[Range]) -> bool:
    """True when ``start:end`` lies within one of ``ranges`` (sorted and merged: one bisection)."""
    i = bisect_right(ranges, (start, _FAR)) - 1
    return i >= 0 and end <= ranges[i][1]
