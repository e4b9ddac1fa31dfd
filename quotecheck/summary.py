"""summarize(claims, sourcing) -> SourcingSummary: how an article is sourced, in numbers."""

from __future__ import annotations

from collections import Counter

from quotecheck.attribution.records import Sourcing
from quotecheck.claims.records import ClaimRecord
from quotecheck.models import ClaimKind, SentenceRole, SourceKind, SourcingSummary

__all__ = ["summarize"]

_NAMED_SOURCES = frozenset(
    {SourceKind.person, SourceKind.organization, SourceKind.media, SourceKind.document}
)
_NAMED_CLAIMS = frozenset({ClaimKind.quoted, ClaimKind.attributed})
_UNSOURCED_CLAIMS = frozenset({ClaimKind.unattributed, ClaimKind.editorial})


def summarize(claims: tuple[ClaimRecord, ...], sourcing: Sourcing) -> SourcingSummary:
    """Count body sentences by kind, quotes by kind and attributions by source kind.

    Shares are over body sentences (headlines, datelines and bylines are not claims).

    >>> from quotecheck.models import Span
    >>> span = Span(start=0, end=3, text="Hi.")
    >>> c = ClaimRecord(0, span, ClaimKind.editorial, SentenceRole.body, (), (), (), (), False, ())
    >>> summarize((c,), Sourcing((), (), ())).unattributed_share
    1.0
    """
    body = [c for c in claims if c.role is SentenceRole.body]
    # str() of a StrEnum member is its value, read in C; .value goes through a Python property.
    by_kind = Counter(str(c.kind) for c in body)
    kinds = {s.id: s.kind for s in sourcing.sources}
    attributions = Counter(
        str(kinds[a.source_id]) for a in sourcing.attributions if a.source_id in kinds
    )
    named = {
        a.source_id
        for a in sourcing.attributions
        if a.source_id in kinds and kinds[a.source_id] in _NAMED_SOURCES
    }
    total = len(body)

    def share(selected: frozenset[ClaimKind]) -> float:
        return round(sum(by_kind[str(k)] for k in selected) / total, 4) if total else 0.0

    return SourcingSummary(
        sentences=total,
        claims_by_kind=dict(sorted(by_kind.items())),
        quotes_by_kind=dict(sorted(Counter(str(q.kind) for q in sourcing.quotes).items())),
        attributions_by_source_kind=dict(sorted(attributions.items())),
        named_share=share(_NAMED_CLAIMS),
        anonymous_share=share(frozenset({ClaimKind.anonymous})),
        vague_share=share(frozenset({ClaimKind.vague})),
        unattributed_share=share(_UNSOURCED_CLAIMS),
        distinct_named_sources=len(named),
    )
