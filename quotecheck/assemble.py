"""assemble(cls, fields) -> model: the pipeline's own models, built without validating them again.

Pydantic validation is the gate for data from outside: a caller's ``Span(...)``, a dict, JSON read
back with ``Analysis.model_validate_json``. The models :func:`quotecheck.analyze` builds are
different: every value is computed by the pipeline itself, every Span is cut from the caller's
text (``text[start:end]``), every tuple is a tuple and every label an enum member. Validating
them again cost more than a tenth of ``analyze``'s instructions (docs/benchmarks.md), so the
stages build them here instead.

Each instance is made the way pydantic's own ``model_construct`` makes one (the object, its
``__dict__`` in declaration order, the set of fields given, no extra, no private values), without
its per-field Python loop. A model given every field shares its class's one read-only set of
field names (:class:`~quotecheck.fieldnames.FieldNames`) instead of holding a set of its own.

What stays checked, here and in the tests:
- :func:`text_span` refuses offsets outside the text or reversed, so the offsets contract holds
  by construction;
- :func:`assemble` refuses a missing required field or an unknown one;
- tests/test_outputs_revalidate.py validates every analysis of the seed, the golden cases,
  hypothesis text and real articles again and demands the very same types and values.
"""

from __future__ import annotations

from types import FunctionType
from typing import Any, Final, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from quotecheck.errors import AssemblyError
from quotecheck.fieldnames import FieldNames
from quotecheck.models import Span

__all__ = ["assemble", "instance", "text_span"]

M = TypeVar("M", bound=BaseModel)

_REQUIRED: Final = PydanticUndefined


class _Layout:
    """One model class's fields in declaration order, with defaults."""

    def __init__(self, cls: type[BaseModel]) -> None:
        fields = cls.model_fields
        # Declaration order: pydantic serialises a model's __dict__ in its own order.
        self.template: dict[str, Any] = {
            name: _REQUIRED if info.is_required() else info.get_default(call_default_factory=True)
            for name, info in fields.items()
        }
        self.required = tuple(name for name, info in fields.items() if info.is_required())
        self.factories = tuple(n for n, info in fields.items() if info.default_factory is not None)
        self.names = list(fields)
        # Every field given: one set for all such instances, which cannot change (fieldnames).
        self.everything = FieldNames(fields)


_LAYOUTS: dict[type[BaseModel], _Layout] = {}
_SPAN_FIELDS = FieldNames(("start", "end", "text"))


def _probe() -> None:
    """A function defined here only to tell how this module runs (see _COMPILED)."""


# Whether mypyc compiled this module: its functions are then built-in functions, not Python ones.
_COMPILED: Final = not isinstance(_probe, FunctionType)
# The setters of BaseModel's four slots, which instance() fills in the interpreter.
_SET_DICT: Final = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET: Final = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA: Final = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE: Final = BaseModel.__dict__["__pydantic_private__"].__set__


def assemble(cls: type[M], fields: dict[str, Any]) -> M:
    """A ``cls`` holding ``fields``, each missing one at its default, not validated again.

    The values must be what validation would give: tuples for tuple fields, enum members for
    enum fields, models for nested models.
    """
    layout = _LAYOUTS.get(cls)
    if layout is None:
        layout = _LAYOUTS[cls] = _Layout(cls)
    # Most stages give every field, in declaration order: that dict can be the model's own.
    if len(fields) == len(layout.names) and list(fields) == layout.names:
        return instance(cls, fields, layout.everything)
    values = {**layout.template, **fields}
    if len(values) != len(layout.names):
        unknown = sorted(set(fields) - layout.everything)
        msg = f"{cls.__name__} has no field {', '.join(unknown)}"
        raise AssemblyError(msg)
    for name in layout.required:
        if values[name] is _REQUIRED:
            msg = f"{cls.__name__} needs its required field {name!r}"
            raise AssemblyError(msg)
    for name in layout.factories:  # a fresh default each time, never a shared mutable one
        if name not in fields:
            values[name] = cls.model_fields[name].get_default(call_default_factory=True)
    return instance(cls, values, set(fields))


def text_span(text: str, start: int, end: int) -> Span:
    """The Span ``text[start:end]``; its offsets must lie inside ``text``, in order."""
    if not 0 <= start <= end <= len(text):
        msg = f"span {start}:{end} does not lie inside a text of {len(text)} characters"
        raise AssemblyError(msg)
    fields = {"start": start, "end": end, "text": text[start:end]}
    return instance(Span, fields, _SPAN_FIELDS)


def instance(cls: type[M], values: dict[str, Any], given: set[str]) -> M:
    """A new ``cls`` object holding ``values`` as they are, with ``given`` as its fields set.

    What :func:`assemble` ends in, for a stage whose one dict literal gives every field in
    declaration order and so needs none of assemble's checks; ``given`` is then the class's one
    :class:`~quotecheck.fieldnames.FieldNames`. Nothing here is checked:
    tests/test_outputs_revalidate.py validates such a stage's models again.
    """
    model = object.__new__(cls)  # BaseModel has no __new__ of its own
    if _COMPILED:
        # object.__setattr__ passes a frozen model's __setattr__, as pydantic itself does; spelt
        # out in full, mypyc calls it directly (a third cheaper than through an alias).
        object.__setattr__(model, "__dict__", values)
        object.__setattr__(model, "__pydantic_fields_set__", given)
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
    else:
        # The interpreter calls the slots' own setters: 6.0k instructions a model instead of
        # 9.0k through object.__setattr__'s look-up (-3% of analyze's, pure; compiled, these
        # calls go through the generic object protocol and cost 1.2k more than the branch above).
        _SET_DICT(model, values)
        _SET_FIELDS_SET(model, given)
        _SET_EXTRA(model, None)
        _SET_PRIVATE(model, None)
    return model
