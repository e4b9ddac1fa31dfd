"""classify_claims(text, paragraphs, sourcing) -> tuple[Claim, ...]: one claim per sentence."""

from __future__ import annotations

from .attribution import Sourcing
from .models import Claim, ClaimKind, Paragraph

__all__ = ["classify_claims"]


def classify_claims(
    text: str, paragraphs: tuple[Paragraph, ...], sourcing: Sourcing
) -> tuple[Claim, ...]:
    """Label every sentence by how it is sourced (STUB: all unattributed)."""
    return tuple(
        Claim(index=s.index, span=s.span, kind=ClaimKind.unattributed, role=s.role)
        for p in paragraphs
        for s in p.sentences
    )
