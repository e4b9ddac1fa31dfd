"""Invisible format characters read as white space, with every offset kept.

A byte-order mark (U+FEFF), a zero-width space or joiner, a soft hyphen, a bidi mark (U+200E,
U+202E…) or any other character of Unicode category Cf is invisible to a reader, yet a stage that
asks "is this white space?" or "does a word start here?" of it would answer as if a letter stood
there: ``"\\ufeff“Hi,” she said."`` read its quote as one with no speaker. :func:`analyze` makes
its decisions on :func:`decision_view`, the text with each such character replaced by one
space (one character for one, so every offset is the same), and then cuts every Span's text
from the caller's original string again with :func:`restore_spans`.

>>> decision_view("\\ufeffHi") == " Hi"
True
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

import regex
from pydantic import BaseModel

from quotecheck.assemble import instance, text_span
from quotecheck.models import Span

__all__ = ["decision_view", "restore_spans"]

M = TypeVar("M", bound=BaseModel)

# One format character (general category Cf); each is replaced by exactly one space.
_FORMAT_RE: Final = regex.compile(r"\p{Cf}")


def decision_view(text: str) -> str:
    """``text`` with every format character (category Cf) replaced by a space, or ``text`` itself.

    The result has the same length as ``text``; when ``text`` has no format character the very
    same object is returned, so ``decision_view(t) is t`` tells whether a view was needed.
    """
    if _FORMAT_RE.search(text) is None:
        return text
    view: str = _FORMAT_RE.sub(" ", text)
    return view


def restore_spans(model: M, text: str) -> M:
    """A copy of ``model`` in which every nested Span's text is ``text[span.start:span.end]``.

    The models were built from a same-length view of ``text``: offsets stay, only the characters
    each Span quotes are taken from the original again. Other fields are kept as they are.
    """
    restored: M = _restored(model, text)
    return restored


def _restored(value: Any, text: str) -> Any:
    """``value`` with its Spans cut from ``text``: models and tuples rebuilt, the rest kept."""
    if isinstance(value, Span):
        return text_span(text, value.start, value.end)
    if isinstance(value, BaseModel):
        fields = {name: _restored(field, text) for name, field in value.__dict__.items()}
        return instance(type(value), fields, value.__pydantic_fields_set__)
    if isinstance(value, tuple):
        return tuple(_restored(item, text) for item in value)
    return value
