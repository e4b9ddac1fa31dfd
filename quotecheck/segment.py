"""segment(text) -> tuple[Paragraph, ...]: paragraphs and sentences with offsets."""

from __future__ import annotations

import regex

from .models import Paragraph, Sentence
from .offsets import make_span

__all__ = ["segment"]

_PARAGRAPH_RE = regex.compile(r"[^\n]+")


def segment(text: str) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs, one sentence each (STUB)."""
    paragraphs = []
    for p_index, m in enumerate(m for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()):
        span = make_span(text, m.start(), m.end())
        sentence = Sentence(index=p_index, paragraph=p_index, span=span)
        paragraphs.append(Paragraph(index=p_index, span=span, sentences=(sentence,)))
    return tuple(paragraphs)
