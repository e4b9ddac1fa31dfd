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

from typing import Any, Final, TypeVar, get_args

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
    """``model`` with every nested Span's text ``text[span.start:span.end]``.

    The models were built from a same-length view of ``text``: offsets stay, only the characters
    each Span quotes are taken from the original again. A part of ``model`` whose Spans already
    quote ``text`` is kept as it is, the very same object (a view differs from the original at a
    few format characters, so almost every part is); other fields are kept as they are.
    """
    restored: M = _restored(model, text)
    return restored


def _restored(value: Any, text: str) -> Any:
    """``value`` with its Spans cut from ``text``: what changed is rebuilt, the rest kept."""
    if isinstance(value, Span):
        if text.startswith(value.text, value.start):
            return value
        return text_span(text, value.start, value.end)
    if isinstance(value, BaseModel):
        fields = value.__dict__
        changed: dict[str, Any] | None = None
        for name in _span_fields(type(value)):
            field = fields[name]
            new = _restored(field, text)
            if new is not field:
                if changed is None:
                    changed = dict(fields)
                changed[name] = new
        if changed is None:
            return value
        return instance(type(value), changed, value.__pydantic_fields_set__)
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            new = _restored(item, text)
            if new is not item:
                return (*value[:i], new, *[_restored(rest, text) for rest in value[i + 1 :]])
    return value


def _span_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose type names a model (a Span or one that may hold Spans)."""
    names = _SPAN_FIELDS.get(cls)
    if names is None:
        names = tuple(
            name for name, info in cls.model_fields.items() if _names_model(info.annotation)
        )
        _SPAN_FIELDS[cls] = names
    return names


def _names_model(annotation: Any) -> bool:
    """True when a type annotation is, or is built from, a pydantic model class."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_names_model(arg) for arg in get_args(annotation))


_SPAN_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}
