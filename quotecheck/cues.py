"""find_cues(text, paragraphs, quotes) -> tuple[Cue, ...]: speech verbs, "according to", colons."""

from __future__ import annotations

from .models import Cue, Paragraph, Quote

__all__ = ["find_cues"]


def find_cues(
    text: str, paragraphs: tuple[Paragraph, ...], quotes: tuple[Quote, ...]
) -> tuple[Cue, ...]:
    """Find the words that introduce reported content (STUB: finds none yet)."""
    return ()
