"""find_flags(...) -> tuple[Flag, ...]: what a fact-checker should look at first."""

from __future__ import annotations

from .attribution import Sourcing
from .models import Claim, Flag, FlagKind, Severity, Span

__all__ = ["find_flags"]


def find_flags(
    text: str, claims: tuple[Claim, ...], sourcing: Sourcing, unbalanced: tuple[Span, ...]
) -> tuple[Flag, ...]:
    """Flag unbalanced quote marks (STUB: other flags come with the claims stage)."""
    return tuple(
        Flag(
            kind=FlagKind.unbalanced_quote_marks,
            span=span,
            message="this quote mark has no partner; the quote's extent is a guess",
            severity=Severity.low,
        )
        for span in unbalanced
    )
