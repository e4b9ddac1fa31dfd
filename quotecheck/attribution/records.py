"""The attribution stage's output as plain records, and the one step that makes them models.

The stages after attribution (the passes over non-prose, transcript turns and interviews,
framing, genre, claims, flags, summary) read who said what many times over; they exchange these
small slotted records, whose fields are plain offsets, ids and labels, and each pass returns new
records instead of changing the ones it was given. The frozen pydantic ``Quote``, ``Source`` and
``Attribution`` of the public contract are built once, at the end of :func:`quotecheck.analyze`,
by :func:`sourcing_models`.

Offsets are ``(start, end)`` pairs (:data:`Range`) into the text the stages read; a quote keeps
the ``Span`` models the quote scanner cut for it (its final model holds the same two).
"""

from __future__ import annotations

from typing import NamedTuple

from quotecheck.assemble import instance
from quotecheck.fieldnames import FieldNames
from quotecheck.kinds import CUE_TURN
from quotecheck.models import (
    Attribution,
    CueKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Span,
    Stance,
)
from quotecheck.offsets import make_span
from quotecheck.sortedints import bisect_left

__all__ = [
    "WRITER_ROLE",
    "AttributionRecord",
    "QuoteRecord",
    "Range",
    "SourceRecord",
    "Sourcing",
    "sourcing_models",
]

Range = tuple[int, int]


# The role of the source "I" or "we" stands for outside quotes when no earlier speaker can be
# meant: the writer. Such an attribution records the writer's own words; the claims stage
# reads the sentence as the writer's, not as sourced.
WRITER_ROLE = "the writer"


class QuoteRecord:
    """One quote with its settled kind and speaker: a ``Quote``'s fields, its marks' offsets."""

    __slots__ = (
        "attribution_id",
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
        attribution_id: str | None,
        paragraph: int,
        depth: int,
        closed: bool,
        reasons: tuple[str, ...],
    ) -> None:
        self.id = id
        self.span = span
        self.marks = marks
        self.kind = kind
        self.attribution_id = attribution_id
        self.paragraph = paragraph
        self.depth = depth
        self.closed = closed
        self.reasons = reasons
        # where the quote's marks lie: what the later stages sweep by
        self.start: int = marks.start
        self.end: int = marks.end

    def credited(self, attribution_id: str | None) -> QuoteRecord:
        """The same quote pointing at ``attribution_id`` (a new record)."""
        return QuoteRecord(
            self.id,
            self.span,
            self.marks,
            self.kind,
            attribution_id,
            self.paragraph,
            self.depth,
            self.closed,
            self.reasons,
        )


class SourceRecord:
    """One source: a ``Source``'s fields, its mentions and anonymity reason as offsets."""

    __slots__ = (
        "affiliation",
        "anonymity_reason",
        "descriptor",
        "id",
        "kind",
        "mentions",
        "name",
        "role",
    )

    def __init__(
        self,
        id: str,
        kind: SourceKind,
        name: str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        descriptor: str | None = None,
        mentions: tuple[Range, ...] = (),
        anonymity_reason: Range | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.name = name
        self.role = role
        self.affiliation = affiliation
        self.descriptor = descriptor
        self.mentions = mentions
        self.anonymity_reason = anonymity_reason

    def changed(self, id: str, mentions: tuple[Range, ...]) -> SourceRecord:
        """The same source with another id and mentions (a new record)."""
        return SourceRecord(
            id,
            self.kind,
            self.name,
            self.role,
            self.affiliation,
            self.descriptor,
            mentions,
            self.anonymity_reason,
        )


class AttributionRecord:
    """One attribution: an ``Attribution``'s fields, its cue, content and "when" as offsets.

    ``start`` and ``end`` are where the content and the cue lie together: what a sentence must
    overlap to hold the attribution.
    """

    __slots__ = (
        "content",
        "cue",
        "cue_kind",
        "end",
        "id",
        "quote_ids",
        "reasons",
        "source_id",
        "stance",
        "start",
        "turn",
        "via_source_id",
        "when",
    )

    def __init__(
        self,
        id: str,
        source_id: str,
        cue: Range | None,
        cue_kind: CueKind,
        stance: Stance,
        content: Range,
        quote_ids: tuple[str, ...] = (),
        via_source_id: str | None = None,
        when: Range | None = None,
        reasons: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.source_id = source_id
        self.cue = cue
        self.cue_kind = cue_kind
        self.stance = stance
        self.content = content
        self.quote_ids = quote_ids
        self.via_source_id = via_source_id
        self.when = when
        self.reasons = reasons
        # A transcript turn is the speaker's own words, as a quote is, without the marks.
        self.turn: bool = cue_kind is CUE_TURN
        start, end = content
        if cue is not None:
            start, end = min(start, cue[0]), max(end, cue[1])
        self.start: int = start
        self.end: int = end

    def renamed(self, id: str, source_id: str, via_source_id: str | None) -> AttributionRecord:
        """The same attribution under new ids (a new record)."""
        return AttributionRecord(
            id,
            source_id,
            self.cue,
            self.cue_kind,
            self.stance,
            self.content,
            self.quote_ids,
            via_source_id,
            self.when,
            self.reasons,
        )

    def in_sentence(self, start: int, end: int) -> bool:
        """True when the content overlaps the sentence ``start:end``, or the cue lies inside."""
        if self.content[0] < end and start < self.content[1]:
            return True
        return self.cue is not None and start <= self.cue[0] < end


class Sourcing(NamedTuple):
    """Quotes (with kinds and attribution ids settled), sources and attributions of a text."""

    quotes: tuple[QuoteRecord, ...]
    sources: tuple[SourceRecord, ...]
    attributions: tuple[AttributionRecord, ...]


# Each model below is given every field, in declaration order: one shared set of names.
_QUOTE_FIELDS = FieldNames(Quote.model_fields)
_SOURCE_FIELDS = FieldNames(Source.model_fields)
_ATTRIBUTION_FIELDS = FieldNames(Attribution.model_fields)


def sourcing_models(
    text: str, sourcing: Sourcing
) -> tuple[tuple[Quote, ...], tuple[Source, ...], tuple[Attribution, ...]]:
    """The public models of a Sourcing over ``text``: built once, at the end of the pipeline.

    Not validated again (see :mod:`quotecheck.assemble`): every value is the pipeline's own,
    every Span is cut from ``text``; tests/test_outputs_revalidate.py proves them valid.
    """
    quotes = tuple([_quote(q) for q in sourcing.quotes])
    sources = tuple([_source(text, s) for s in sourcing.sources])
    inner = _InnerSpans(sourcing.quotes) if sourcing.attributions else None
    attributions = tuple([_attribution(text, a, inner) for a in sourcing.attributions])
    return quotes, sources, attributions


class _InnerSpans:
    """The quotes' inner Spans by start: a content that is exactly a quote's words holds that
    quote's Span, one object for both (a sorted list, not a dict of pairs: no object per quote)."""

    __slots__ = ("spans", "starts")

    def __init__(self, quotes: tuple[QuoteRecord, ...]) -> None:
        self.spans = [q.span for q in quotes]
        self.starts = [span.start for span in self.spans]  # in text order, as the quotes are

    def get(self, content: Range) -> Span | None:
        """The quote Span with exactly these offsets, if any."""
        i = bisect_left(self.starts, content[0])
        if i < len(self.starts) and self.starts[i] == content[0]:
            span = self.spans[i]
            return span if span.end == content[1] else None
        return None


def _quote(q: QuoteRecord) -> Quote:
    """One quote's model."""
    fields = {
        "id": q.id,
        "span": q.span,
        "marks": q.marks,
        "kind": q.kind,
        "attribution_id": q.attribution_id,
        "paragraph": q.paragraph,
        "depth": q.depth,
        "closed": q.closed,
        "reasons": q.reasons,
    }
    return instance(Quote, fields, _QUOTE_FIELDS)


def _source(text: str, s: SourceRecord) -> Source:
    """One source's model."""
    why = s.anonymity_reason
    fields = {
        "id": s.id,
        "kind": s.kind,
        "name": s.name,
        "role": s.role,
        "affiliation": s.affiliation,
        "descriptor": s.descriptor,
        "mentions": tuple([make_span(text, a, b) for a, b in s.mentions]),
        "anonymity_reason": make_span(text, why[0], why[1]) if why is not None else None,
    }
    return instance(Source, fields, _SOURCE_FIELDS)


def _attribution(text: str, a: AttributionRecord, inner: _InnerSpans | None) -> Attribution:
    """One attribution's model."""
    cue, when = a.cue, a.when
    content = inner.get(a.content) if inner is not None else None
    fields = {
        "id": a.id,
        "source_id": a.source_id,
        "cue": make_span(text, cue[0], cue[1]) if cue is not None else None,
        "cue_kind": a.cue_kind,
        "stance": a.stance,
        "content": content if content is not None else make_span(text, a.content[0], a.content[1]),
        "quote_ids": a.quote_ids,
        "via_source_id": a.via_source_id,
        "when": make_span(text, when[0], when[1]) if when is not None else None,
        "reasons": a.reasons,
    }
    return instance(Attribution, fields, _ATTRIBUTION_FIELDS)
