"""The claims stage's output as plain records, and the one step that makes them models.

:func:`~quotecheck.claims.classify.claim_records` gives one :class:`ClaimRecord` per sentence;
the flags and the summary read those, and the frozen ``Claim`` models of the public contract are
built from them once, at the end of :func:`quotecheck.analyze`, by :func:`claim_models`. A
claim's sourced and unsourced parts are ``(start, end)`` pairs into the text until then; its
sentence Span and framing Signals are the models the segmenter and the framing stage made.
"""

from __future__ import annotations

from quotecheck.assemble import instance
from quotecheck.fieldnames import FieldNames
from quotecheck.models import Claim, ClaimKind, SentenceRole, Signal, Span
from quotecheck.offsets import SpanShelf

__all__ = ["ClaimRecord", "claim_models"]

Range = tuple[int, int]


class ClaimRecord:
    """One sentence's claim: a ``Claim``'s fields, its parts as offsets."""

    __slots__ = (
        "attribution_ids",
        "checkable",
        "framing",
        "index",
        "kind",
        "reasons",
        "role",
        "sourced",
        "span",
        "unsourced",
    )

    def __init__(
        self,
        index: int,
        span: Span,
        kind: ClaimKind,
        role: SentenceRole,
        attribution_ids: tuple[str, ...],
        sourced: tuple[Range, ...],
        unsourced: tuple[Range, ...],
        framing: tuple[Signal, ...],
        checkable: bool,
        reasons: tuple[str, ...],
    ) -> None:
        self.index = index
        self.span = span
        self.kind = kind
        self.role = role
        self.attribution_ids = attribution_ids
        self.sourced = sourced
        self.unsourced = unsourced
        self.framing = framing
        self.checkable = checkable
        self.reasons = reasons

    def relabelled(self, kind: ClaimKind, reasons: tuple[str, ...]) -> ClaimRecord:
        """The same claim with another kind and reasons (a new record)."""
        return ClaimRecord(
            self.index,
            self.span,
            kind,
            self.role,
            self.attribution_ids,
            self.sourced,
            self.unsourced,
            self.framing,
            self.checkable,
            reasons,
        )


# Each Claim is given every field, in declaration order: one shared set of names.
_CLAIM_FIELDS = FieldNames(Claim.model_fields)


def claim_models(
    text: str, claims: tuple[ClaimRecord, ...], shelf: SpanShelf | None = None
) -> tuple[Claim, ...]:
    """The public Claim models of ``claims`` over ``text``, built once (not validated again:
    see :mod:`quotecheck.assemble`; tests/test_outputs_revalidate.py proves them valid).

    A part with the offsets of a Span on ``shelf`` (its sentence's, an attribution's content, a
    quote's marks) holds that Span rather than a copy."""
    shelf = shelf or SpanShelf(text)
    return tuple([_claim(shelf, c) for c in claims])


def _claim(shelf: SpanShelf, c: ClaimRecord) -> Claim:
    """One claim's model."""
    fields = {
        "index": c.index,
        "span": c.span,
        "kind": c.kind,
        "role": c.role,
        "attribution_ids": c.attribution_ids,
        "sourced": tuple([shelf.span(a, b) for a, b in c.sourced]),
        "unsourced": tuple([shelf.span(a, b) for a, b in c.unsourced]),
        "framing": c.framing,
        "checkable": c.checkable,
        "reasons": c.reasons,
    }
    return instance(Claim, fields, _CLAIM_FIELDS)
