"""FieldNames: one read-only set of field names, shared by every complete model of a class.

Pydantic gives each model instance a ``set`` of the fields it was given
(``model_fields_set``). The models :func:`quotecheck.assemble.assemble` builds are mostly given
every field, so each would hold an equal set: one more object to allocate, free and have the
garbage collector visit, for each of the few hundred models of an article. Shared instead, one
per class, that set costs nothing per model (docs/benchmarks.md).

A shared set must not change, so this one refuses to. Pydantic never changes a frozen model's
set: ``model_copy`` and ``copy.deepcopy`` work on a copy, which is a plain ``set``, and so is
what a pickled model holds once loaded.

This module stays pure Python (it is not in the wheel's mypyc ``compile`` list): compiled
classes cannot subclass ``set``.
"""

from __future__ import annotations

from typing import Any, NoReturn

__all__ = ["FieldNames"]


class FieldNames(set[str]):
    """A set of field names that many models share: reads like a ``set``, refuses every change."""

    __slots__ = ()

    def __copy__(self) -> set[str]:
        """A plain, changeable ``set`` of the same names (what ``model_copy`` then updates)."""
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        """A plain ``set`` of the same names, as for a shallow copy."""
        return set(self)

    def __reduce__(self) -> tuple[type[set[str]], tuple[list[str]]]:
        """Pickle as a plain ``set``: each loaded model gets a set of its own."""
        return (set, (sorted(self),))


def _refuse_change(self: FieldNames, *args: object) -> NoReturn:
    """Every changing method of a shared FieldNames: say why it cannot change, and what to do."""
    msg = (
        "this set of field names is shared by many quotecheck models and cannot change; "
        "take a copy first: set(model.model_fields_set)"
    )
    raise TypeError(msg)


for _change in (
    "add",
    "clear",
    "discard",
    "pop",
    "remove",
    "update",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
    "__ior__",
    "__iand__",
    "__isub__",
    "__ixor__",
):
    setattr(FieldNames, _change, _refuse_change)
