"""summarize(claims, sourcing) -> SourcingSummary: how an article is sourced, in numbers."""

from __future__ import annotations

from .attribution import Sourcing
from .models import Claim, SourcingSummary

__all__ = ["summarize"]


def summarize(claims: tuple[Claim, ...], sourcing: Sourcing) -> SourcingSummary:
    """Count sentences, quotes and attributions by kind (STUB)."""
    return SourcingSummary(sentences=len(claims))
