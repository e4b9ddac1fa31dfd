"""classify_claims(text, paragraphs, sourcing) -> tuple[Claim, ...]: one claim per sentence.

A sentence is labelled by its parts. Attribution contents (and the quotes they credit) are its
*sourced* parts; the cue words, the source's mentions and "when" phrases are sourcing apparatus;
what is left is the writer's own *unsourced* text. Framing signals in the writer's own text (not
inside a quote, not inside a credited content) make the sentence ``editorial`` once their weights
reach :data:`EDITORIAL_THRESHOLD`; otherwise the best-sourced attribution decides the kind, and a
sentence with none is ``unattributed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .assemble import assemble, text_span
from .attribution import Sourcing
from .checkable import Marks, checkable_reason, first_in, scan_marks
from .claimparts import (
    MentionIndex,
    Range,
    attribution_extent,
    gaps,
    in_sentence,
    inside,
    mention_index,
    merge,
    parts,
    per_sentence,
    quote_extent,
    trim,
)
from .framing import find_weighted_signals
from .models import (
    Attribution,
    Claim,
    ClaimKind,
    Paragraph,
    Quote,
    Sentence,
    SentenceRole,
    Signal,
    SignalKind,
    Source,
    SourceKind,
)

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


class _Context(NamedTuple):
    """Lookup tables shared by every sentence of one text."""

    text: str
    sources: dict[str, Source]
    mentions: MentionIndex
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
        mentions=mention_index(sourcing.sources),
        marks=scan_marks(text),
    )
    sentences = [s for p in paragraphs for s in p.sentences]
    spans = [s.span for s in sentences]
    signals, weights = find_weighted_signals(text, spans, quotes)
    quotes_at = per_sentence(spans, quotes, quote_extent)
    atts_at = per_sentence(spans, atts, attribution_extent)
    return tuple(
        _classify(ctx, s, sig, w, q, [a for a in at if in_sentence(a, s.span)] if at else at)
        for s, sig, w, q, at in zip(sentences, signals, weights, quotes_at, atts_at, strict=True)
    )


def _classify(
    ctx: _Context,
    sentence: Sentence,
    signals: tuple[Signal, ...],
    weights: list[float],
    quotes: list[Quote],
    atts: list[Attribution],
) -> Claim:
    """Build the claim of one sentence from its signals (and their weights), quotes and
    attributions."""
    span, text = sentence.span, ctx.text
    if atts or quotes:
        sourced, covered = parts(text, ctx.mentions, span, atts, quotes)
        unsourced = [r for r in gaps(span, covered) if _enough_words(text, r)]
    else:  # most sentences: all the writer's own
        sourced, whole = [], trim(span.text, span.start)
        unsourced = [whole] if whole is not None and _enough_words(text, whole) else []
    weighted = _writer_signals(signals, weights, sourced, atts) if signals else []
    figure = first_in(ctx.marks.figures, unsourced) if unsourced else None
    editorial = bool(weighted) and _is_editorial(weighted, figure is not None)
    kind, reasons = _sourced_kind(ctx, atts, quotes) if atts else (ClaimKind.unattributed, [])
    if editorial:
        kind, reasons = ClaimKind.editorial, [*_framing_reasons([x for x, _ in weighted]), *reasons]
    elif kind is ClaimKind.unattributed:
        reasons = ["no source"]
    why_checkable = checkable_reason(text, ctx.marks, unsourced, figure) if unsourced else ""
    checkable = bool(why_checkable) and sentence.role is SentenceRole.body
    checkable = checkable and not is_question(span.text)
    if why_checkable and kind in (ClaimKind.unattributed, ClaimKind.editorial):
        reasons.append(why_checkable)
    if atts and unsourced:
        reasons.append("unsourced part: " + _quote_excerpt(text, unsourced[0]))
    # A signal inside a quote lies in one of the quotes overlapping the sentence.
    speakers = [s for s in signals if s.in_quote] if quotes else []
    if speakers:
        reasons.append("framing inside quotes is the speaker's: " + _entries(speakers))
    fields = {
        "index": sentence.index,
        "span": span,
        "kind": kind,
        "role": sentence.role,
        "attribution_ids": tuple(a.id for a in atts) if atts else (),
        "sourced": tuple(text_span(text, a, b) for a, b in sourced),
        "unsourced": tuple(text_span(text, a, b) for a, b in unsourced),
        "framing": signals,
        "checkable": checkable,
        "reasons": tuple(reasons),
    }
    return assemble(Claim, fields)


def is_question(sentence: str) -> bool:
    """True when a sentence ends with a question mark (closing quotes and brackets aside)."""
    return sentence.rstrip(" \"'”’»)]").endswith("?")


def _enough_words(text: str, r: Range) -> bool:
    """True when ``text[r]`` has at least _MIN_UNSOURCED_WORDS words (counted no further)."""
    return len(text[r[0] : r[1]].split(None, _MIN_UNSOURCED_WORDS)) >= _MIN_UNSOURCED_WORDS


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
    signals: Sequence[Signal],
    weights: Sequence[float],
    sourced: list[Range],
    atts: Sequence[Attribution],
) -> list[tuple[Signal, float]]:
    """The writer's own signals, then those in a credited paraphrase (not a quote), weighted."""
    pairs = zip(signals, weights, strict=True)
    if not sourced:  # nothing credited: every signal outside quotes is the writer's
        return [(s, w) for s, w in pairs if w > 0]
    own: list[tuple[Signal, float]] = []
    paraphrase: list[tuple[Signal, float]] = []
    cues: list[Range] | None = None  # merged once per sentence, only when needed
    for s, weight in pairs:
        if weight <= 0:
            continue  # inside a quote: the speaker's words
        start, end = s.span.start, s.span.end
        if not inside(start, end, sourced):
            own.append((s, weight))
            continue
        if cues is None:
            cues = merge((a.cue.start, a.cue.end) for a in atts if a.cue is not None)
        # Cue words are the writer's choice even inside a partial quote's clause ("blasted").
        if inside(start, end, cues):
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
