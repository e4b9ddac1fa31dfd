"""classify_claims(text, paragraphs, sourcing) -> tuple[Claim, ...]: one claim per sentence.

A sentence is labelled by its parts. Attribution contents (and the quotes they credit) are its
*sourced* parts; the cue words, the source's mentions and "when" phrases are sourcing apparatus;
what is left is the writer's own *unsourced* text. Framing signals in the writer's own text (not
inside a quote, not inside a credited content) make the sentence ``editorial`` once their weights
reach :data:`EDITORIAL_THRESHOLD`; otherwise the best-sourced attribution decides the kind, and a
sentence with none is ``unattributed``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar, cast

import regex

from .attribution import Sourcing
from .checkable import Marks, checkable_reason, first_in, scan_marks
from .framing import find_all_signals, signal_weight
from .models import (
    Attribution,
    Claim,
    ClaimKind,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SentenceRole,
    Signal,
    SignalKind,
    Source,
    SourceKind,
    Span,
)
from .offsets import span_fields

__all__ = [
    "EDITORIAL_THRESHOLD",
    "FIGURE_BONUS",
    "PARAPHRASE_FACTOR",
    "classify_claims",
    "is_question",
]

EDITORIAL_THRESHOLD = 1.0
"""Summed weight of the writer's own framing signals that makes a sentence editorial."""

FIGURE_BONUS = 0.5
"""Extra weight needed when the writer's text states a specific figure: figures mark reporting."""

PARAPHRASE_FACTOR = 0.5
"""Share of a signal's weight that counts when it sits in a credited paraphrase (indirect speech,
not a quote): the source's claim, but in words the writer chose."""

_MIN_UNSOURCED_WORDS = 3  # "on Wednesday" or "in May" left after a cue is not a claim

_CLAUSE_MARK_RE = regex.compile(r"[;:—–]|\s-\s")  # where a partial quote's clause starts
_TRIM = " \t\r\n,;:.!?—–-()[]\"'“”‘’«»„"


# Per source id: its mentions' sorted starts, their (start, end) pairs, the longest one's length.
_MentionIndex = dict[str, tuple[list[int], list[tuple[int, int]], int]]


class _Context(NamedTuple):
    """Lookup tables shared by every sentence of one text."""

    text: str
    sources: dict[str, Source]
    mentions: _MentionIndex
    marks: Marks


def classify_claims(
    text: str, paragraphs: tuple[Paragraph, ...], sourcing: Sourcing
) -> tuple[Claim, ...]:
    """Label every sentence by how it is sourced, with its sourced/unsourced parts and reasons.

    >>> from quotecheck.segment import segment
    >>> from quotecheck.attribution import Sourcing
    >>> t = "Critics are clearly desperate to smear the so-called reform."
    >>> [c.kind.value for c in classify_claims(t, segment(t), Sourcing((), (), ()))]
    ['editorial']
    """
    quotes = tuple(sorted(sourcing.quotes, key=lambda q: q.marks.start))
    atts = tuple(sorted(sourcing.attributions, key=lambda a: a.content.start))
    ctx = _Context(
        text=text,
        sources={s.id: s for s in sourcing.sources},
        mentions=_mention_index(sourcing.sources),
        marks=scan_marks(text),
    )
    sentences = [s for p in paragraphs for s in p.sentences]
    spans = [s.span for s in sentences]
    signals = find_all_signals(text, spans, quotes)
    quotes_at = _per_sentence(spans, quotes, _quote_extent)
    atts_at = _per_sentence(spans, atts, _attribution_extent)
    return tuple(
        _classify(ctx, s, sig, q, [a for a in at if _in_sentence(a, s.span)] if at else at)
        for s, sig, q, at in zip(sentences, signals, quotes_at, atts_at, strict=True)
    )


_T = TypeVar("_T")


def _per_sentence(
    spans: Sequence[Span], items: Sequence[_T], extent: Callable[[_T], tuple[int, int]]
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
        found.append([ordered[j] for j in active])
    return found


def _quote_extent(q: Quote) -> tuple[int, int]:
    """Where a quote's marks lie."""
    return q.marks.start, q.marks.end


def _attribution_extent(a: Attribution) -> tuple[int, int]:
    """Where an attribution's content and cue lie, together."""
    if a.cue is None:
        return a.content.start, a.content.end
    return min(a.content.start, a.cue.start), max(a.content.end, a.cue.end)


def _in_sentence(a: Attribution, span: Span) -> bool:
    """True when the content overlaps the sentence, or the cue lies inside it."""
    content_in = a.content.start < span.end and span.start < a.content.end
    return content_in or (a.cue is not None and span.start <= a.cue.start < span.end)


def _classify(
    ctx: _Context,
    sentence: Sentence,
    signals: tuple[Signal, ...],
    quotes: list[Quote],
    atts: list[Attribution],
) -> Claim:
    """Build the claim of one sentence from its signals, quotes and attributions."""
    span = sentence.span
    sourced, covered = _parts(ctx, span, atts, quotes)
    unsourced = [
        r for r in _gaps(span, covered) if _word_count(ctx.text, r) >= _MIN_UNSOURCED_WORDS
    ]
    weighted = _writer_signals(signals, sourced, atts)
    figure = first_in(ctx.marks.figures, unsourced) if unsourced else None
    editorial = bool(weighted) and _is_editorial(weighted, figure is not None)
    kind, reasons = _sourced_kind(ctx, atts, quotes) if atts else (ClaimKind.unattributed, [])
    if editorial:
        kind, reasons = ClaimKind.editorial, [*_framing_reasons([x for x, _ in weighted]), *reasons]
    elif kind is ClaimKind.unattributed:
        reasons = ["no source"]
    why_checkable = checkable_reason(ctx.text, ctx.marks, unsourced, figure) if unsourced else ""
    checkable = bool(why_checkable) and sentence.role is SentenceRole.body
    checkable = checkable and not is_question(span.text)
    if why_checkable and kind in (ClaimKind.unattributed, ClaimKind.editorial):
        reasons.append(why_checkable)
    if atts and unsourced:
        reasons.append("unsourced part: " + _quote_excerpt(ctx.text, unsourced[0]))
    # A signal inside a quote lies in one of the quotes overlapping the sentence.
    speakers = [s for s in signals if s.in_quote] if quotes else []
    if speakers:
        reasons.append("framing inside quotes is the speaker's: " + _entries(speakers))
    # One validation call for the claim and its new spans: the same checks as Claim(...).
    fields = {
        "index": sentence.index,
        "span": span,
        "kind": kind,
        "role": sentence.role,
        "attribution_ids": tuple(a.id for a in atts) if atts else (),
        "sourced": [span_fields(ctx.text, a, b) for a, b in sourced],
        "unsourced": [span_fields(ctx.text, a, b) for a, b in unsourced],
        "framing": signals,
        "checkable": checkable,
        "reasons": tuple(reasons),
    }
    return cast(Claim, _validate_claim(fields))


_validate_claim = Claim.__pydantic_validator__.validate_python


def is_question(sentence: str) -> bool:
    """True when a sentence ends with a question mark (closing quotes and brackets aside)."""
    return sentence.rstrip(" \"'”’»)]").endswith("?")


# --------------------------------------------------------------------------- parts


def _parts(
    ctx: _Context, span: Span, atts: Sequence[Attribution], quotes: Sequence[Quote]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence's sourced ranges, and those with the sourcing apparatus, each merged."""
    if not atts and not quotes:
        return [], []  # most sentences: all the writer's own
    sourced = _merge(_sourced_ranges(ctx, span, atts, quotes))
    return sourced, _merge(sourced + _apparatus_ranges(ctx, span, atts))


def _sourced_ranges(
    ctx: _Context, span: Span, atts: Sequence[Attribution], quotes: Sequence[Quote]
) -> list[tuple[int, int]]:
    """Credited contents and attributed quotes, clipped to the sentence."""
    ranges = [(a.content.start, a.content.end) for a in atts]
    credited = {qid for a in atts for qid in a.quote_ids}
    clause_starts: list[int] | None = None  # found once per sentence, only when needed
    for q in quotes:
        if q.attribution_id is not None or q.id in credited:
            ranges.append((q.marks.start, q.marks.end))
            if q.kind is QuoteKind.partial:
                if clause_starts is None:
                    clause_starts = _clause_starts(ctx.text, span)
                i = bisect_right(clause_starts, q.marks.start)
                ranges.append((clause_starts[i - 1] if i else span.start, q.marks.end))
    return [
        (max(a, span.start), min(b, span.end)) for a, b in ranges if a < span.end and b > span.start
    ]


def _clause_starts(text: str, span: Span) -> list[int]:
    """Where clauses start in a sentence (after ";", ":", a dash): the clause holding a partial
    quote, the writer's paraphrase of the speaker, starts at the last one before the quote."""
    return [m.end() for m in _CLAUSE_MARK_RE.finditer(text, span.start, span.end)]


def _apparatus_ranges(
    ctx: _Context, span: Span, atts: Sequence[Attribution]
) -> list[tuple[int, int]]:
    """Cue words, source mentions and "when" phrases: sourcing, not claims."""
    ranges: list[tuple[int, int]] = []
    for a in atts:
        for part in (a.cue, a.when):
            if part is not None:
                ranges.append((part.start, part.end))
    for sid in {sid for a in atts for sid in (a.source_id, a.via_source_id) if sid}:
        ranges += _mentions_in(ctx, sid, span)
    return [
        (max(a, span.start), min(b, span.end)) for a, b in ranges if a < span.end and b > span.start
    ]


def _mentions_in(ctx: _Context, source_id: str, span: Span) -> list[tuple[int, int]]:
    """A source's mentions overlapping the sentence, by bisection over its sorted mentions."""
    found = ctx.mentions.get(source_id)
    if found is None:
        return []
    starts, bounds, longest = found
    hi = bisect_left(starts, span.end)  # mentions starting before the sentence ends
    lo = bisect_left(starts, span.start - longest, 0, hi)  # the earliest that can reach into it
    return [(a, b) for a, b in bounds[lo:hi] if b > span.start]


def _mention_index(sources: Iterable[Source]) -> _MentionIndex:
    """Each source's mentions as sorted starts, (start, end) pairs and the longest length."""
    index: _MentionIndex = {}
    for source in sources:
        bounds = sorted((m.start, m.end) for m in source.mentions)
        longest = max((b - a for a, b in bounds), default=0)
        index[source.id] = ([a for a, _ in bounds], bounds, longest)
    return index


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        elif b > a:
            merged.append((a, b))
    return merged


def _gaps(span: Span, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
        piece = text[a - offset : b - offset]
        lead = len(piece) - len(piece.lstrip(_TRIM))
        tail = len(piece.rstrip(_TRIM))
        if tail > lead:
            trimmed.append((a + lead, a + tail))
    return trimmed


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    """True when ``span`` lies within one of ``ranges`` (sorted and merged: one bisection)."""
    i = bisect_right(ranges, (span.start, _FAR)) - 1
    return i >= 0 and span.end <= ranges[i][1]


_FAR = 1 << 62  # sorts after every end offset


def _word_count(text: str, r: tuple[int, int]) -> int:
    """How many words ``text[r]`` has, counted up to one past _MIN_UNSOURCED_WORDS."""
    return len(text[r[0] : r[1]].split(None, _MIN_UNSOURCED_WORDS))


# --------------------------------------------------------------------------- kinds and reasons


_RANK = {
    ClaimKind.quoted: 0,
    ClaimKind.attributed: 1,
    ClaimKind.anonymous: 2,
    ClaimKind.vague: 3,
    ClaimKind.unattributed: 4,
}


def _sourced_kind(
    ctx: _Context, atts: Sequence[Attribution], quotes: Sequence[Quote]
) -> tuple[ClaimKind, list[str]]:
    """The best-sourced attribution's kind, and one reason per attribution."""
    best, reasons = ClaimKind.unattributed, []
    quoted = {q.attribution_id for q in quotes if q.attribution_id is not None}
    for a in atts:
        source = ctx.sources.get(a.source_id)
        kind = _attribution_kind(a, source, quoted)
        reasons.append(_attribution_reason(ctx, a, source, kind))
        best = min(best, kind, key=_RANK.__getitem__)
    return best, reasons


def _attribution_kind(a: Attribution, source: Source | None, quoted: set[str]) -> ClaimKind:
    """Kind of claim one attribution supports (``quoted``: ids some quote points at)."""
    if source is None or source.kind is SourceKind.vague:
        return ClaimKind.vague
    if source.kind is SourceKind.anonymous:
        return ClaimKind.anonymous
    is_quoted = bool(a.quote_ids) or a.id in quoted
    return ClaimKind.quoted if is_quoted else ClaimKind.attributed


def _attribution_reason(
    ctx: _Context, a: Attribution, source: Source | None, kind: ClaimKind
) -> str:
    """One readable line: who, through which words, by which channel."""
    cue = f" via '{a.cue.text}'" if a.cue is not None else " (continues their quote)"
    name = _source_label(source)
    via = ctx.sources.get(a.via_source_id or "")
    through = f" through {_source_label(via)}" if via is not None else ""
    if kind is ClaimKind.quoted:
        return f"quotes {name}{cue}{through}"
    if kind is ClaimKind.attributed:
        return f"reported by {name}{cue}{through}"
    if kind is ClaimKind.anonymous:
        return f"credited to an unnamed source ({name}){cue}{through}"
    return f"vague sourcing{cue}{through}"


def _source_label(source: Source | None) -> str:
    """How to name a source in a reason."""
    if source is None:
        return "an unknown source"
    return (
        source.name
        or source.descriptor
        or (source.mentions[0].text if source.mentions else source.id)
    )


_KIND_LABEL = {
    SignalKind.evaluative: "evaluative terms",
    SignalKind.presupposition: "presupposing phrases",
    SignalKind.intent: "claims about intent",
    SignalKind.speculation: "speculation",
    SignalKind.intensifier: "intensifiers",
    SignalKind.scare_quote: "scare quotes",
    SignalKind.voice: "the writer's own voice",
}


def _framing_reasons(signals: Sequence[Signal]) -> list[str]:
    """One reason per signal kind: 'evaluative terms: imperialist, neocolonial predations'."""
    by_kind: dict[SignalKind, list[Signal]] = {}
    for s in signals:
        by_kind.setdefault(s.kind, []).append(s)
    return [f"{_KIND_LABEL[k]}: {_entries(v)}" for k, v in by_kind.items()]


def _entries(signals: Sequence[Signal]) -> str:
    """Distinct signal texts, in order, comma-separated."""
    return ", ".join(dict.fromkeys(s.span.text for s in signals))


def _writer_signals(
    signals: Sequence[Signal], sourced: list[tuple[int, int]], atts: Sequence[Attribution]
) -> list[tuple[Signal, float]]:
    """The writer's own signals, then those in a credited paraphrase (not a quote), weighted."""
    own: list[tuple[Signal, float]] = []
    paraphrase: list[tuple[Signal, float]] = []
    if not signals:
        return own
    cues = _merge((a.cue.start, a.cue.end) for a in atts if a.cue is not None)
    for s in signals:
        weight = signal_weight(s)
        if weight <= 0:
            continue  # inside a quote: the speaker's words
        # Cue words are the writer's choice even inside a partial quote's clause ("blasted").
        if not _inside(s.span, sourced) or _inside(s.span, cues):
            own.append((s, weight))
        else:
            paraphrase.append((s, weight * PARAPHRASE_FACTOR))
    return own + paraphrase


def _is_editorial(weighted: Sequence[tuple[Signal, float]], figure: bool) -> bool:
    """Weights reach the threshold; with a figure, weak signals must add up to more."""
    weight = _total_weight(weighted)
    strongest = max((w for _, w in weighted), default=0.0)
    if figure and strongest < EDITORIAL_THRESHOLD:
        return weight >= EDITORIAL_THRESHOLD + FIGURE_BONUS
    return weight >= EDITORIAL_THRESHOLD


def _total_weight(weighted: Sequence[tuple[Signal, float]]) -> float:
    """Sum of weights: overlapping signals count as their heaviest, a repeated term once."""
    best: dict[str, float] = {}
    end, key = -1, ""
    for s, w in sorted(weighted, key=lambda pair: pair[0].span.start):
        if s.span.start >= end:  # a new stretch of words
            key = s.span.text.lower()
        end = max(end, s.span.end)
        best[key] = max(best.get(key, 0.0), w)
    return sum(best.values())


def _quote_excerpt(text: str, r: tuple[int, int], limit: int = 60) -> str:
    """'first words…' of a range, for a reason."""
    piece = text[r[0] : r[1]]
    return f"'{piece}'" if len(piece) <= limit else f"'{piece[:limit].rstrip()}…'"
