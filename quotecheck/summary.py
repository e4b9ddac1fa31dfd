"""summarize(claims, sourcing) -> SourcingSummary: how an article is sourced, in numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar, cast

from .attribution import Sourcing
from .models import Claim, ClaimKind, SentenceRole, SourceKind, SourcingSummary

__all__ = ["summarize"]

_K = TypeVar("_K", bound=StrEnum)

_NAMED_SOURCES = frozenset(
    {SourceKind.person, SourceKind.organization, SourceKind.media, SourceKind.document}
)
# Called with a dict: the same checks as ``SourcingSummary(...)`` without the keyword-argument
# __init__ wrapper (this runs once per text, so its fixed cost counts for short texts).
_validate_summary = SourcingSummary.__pydantic_validator__.validate_python


def summarize(claims: tuple[Claim, ...], sourcing: Sourcing) -> SourcingSummary:
    """Count body sentences by kind, quotes by kind and attributions by source kind.

    Shares are over body sentences (headlines, datelines and bylines are not claims).

    >>> from quotecheck.models import Span
    >>> c = Claim(index=0, span=Span(start=0, end=3, text="Hi."), kind=ClaimKind.editorial)
    >>> summarize((c,), Sourcing((), (), ())).unattributed_share
    1.0
    """
    body = _count([c.kind for c in claims if c.role is SentenceRole.body])
    total = sum(body.values())
    kinds = {s.id: s.kind for s in sourcing.sources}
    credited = [kinds[a.source_id] for a in sourcing.attributions if a.source_id in kinds]
    named = {
        a.source_id
        for a in sourcing.attributions
        if a.source_id in kinds and kinds[a.source_id] in _NAMED_SOURCES
    }
    get = body.get
    fields = {
        "sentences": total,
        "claims_by_kind": _by_value(body),
        "quotes_by_kind": _by_value(_count([q.kind for q in sourcing.quotes])),
        "attributions_by_source_kind": _by_value(_count(credited)),
        "named_share": _share(get(ClaimKind.quoted, 0) + get(ClaimKind.attributed, 0), total),
        "anonymous_share": _share(get(ClaimKind.anonymous, 0), total),
        "vague_share": _share(get(ClaimKind.vague, 0), total),
        "unattributed_share": _share(
            get(ClaimKind.unattributed, 0) + get(ClaimKind.editorial, 0), total
        ),
        "distinct_named_sources": len(named),
    }
    return cast(SourcingSummary, _validate_summary(fields))


def _share(count: int, total: int) -> float:
    """``count`` as a share of ``total`` body sentences, to four places; 0.0 for no sentences."""
    if count == 0 or count == total:
        return float(count > 0)  # what round() gives, without its costly decimal conversion
    return round(count / total, 4)


def _count(kinds: Iterable[_K]) -> dict[_K, int]:
    """How often each kind occurs (a plain dict: Counter's set-up costs more on short texts)."""
    counts: dict[_K, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _by_value(counts: Mapping[_K, int]) -> dict[str, int]:
    """The counts keyed by each kind's value, in value order."""
    # str() of a StrEnum member is its value, read in C; .value goes through a Python property.
    return {str(kind): n for kind, n in sorted(counts.items())}
