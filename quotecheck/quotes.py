"""find_quotes(text, paragraphs) -> QuoteScan: paired quote marks with exact offsets."""

from __future__ import annotations

from typing import NamedTuple

from .config import AnalyzerConfig
from .models import Paragraph, Quote, Span

__all__ = ["QuoteScan", "find_quotes"]


class QuoteScan(NamedTuple):
    """The quotes found in a text, and the quote marks that could not be paired."""

    quotes: tuple[Quote, ...]
    unbalanced: tuple[Span, ...]


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...], config: AnalyzerConfig) -> QuoteScan:
    """Pair the quote marks of ``text`` into quotes (STUB: finds none yet)."""
    return QuoteScan((), ())
