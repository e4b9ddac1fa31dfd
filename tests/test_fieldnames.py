"""FieldNames: the read-only set of field names that complete assembled models share."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from quotecheck.assemble import assemble, text_span
from quotecheck.fieldnames import FieldNames
from quotecheck.models import Quote, QuoteKind, Span
from quotecheck.pipeline import analyze

TEXT = "“We will stay,” the minister said on Monday."

CHANGES: list[tuple[str, Callable[[set[str]], Any]]] = [
    ("add", lambda s: s.add("x")),
    ("clear", lambda s: s.clear()),
    ("discard", lambda s: s.discard("start")),
    ("pop", lambda s: s.pop()),
    ("remove", lambda s: s.remove("start")),
    ("update", lambda s: s.update({"x"})),
    ("difference_update", lambda s: s.difference_update({"start"})),
    ("intersection_update", lambda s: s.intersection_update({"start"})),
    ("symmetric_difference_update", lambda s: s.symmetric_difference_update({"x"})),
    ("|=", lambda s: s.__ior__({"x"})),
    ("&=", lambda s: s.__iand__({"start"})),
    ("-=", lambda s: s.__isub__({"start"})),
    ("^=", lambda s: s.__ixor__({"x"})),
]


def _quote(start: int = 1) -> Quote:
    """A Quote given every field, as the quotes stage builds one."""
    fields = {
        "id": "q1",
        "span": text_span(TEXT, start, 14),
        "marks": text_span(TEXT, 0, 15),
        "kind": QuoteKind.direct,
        "attribution_id": None,
        "paragraph": 0,
        "depth": 0,
        "closed": True,
        "reasons": (),
    }
    assert list(fields) == list(Quote.model_fields)  # every field, so the shared set is used
    return assemble(Quote, fields)


@pytest.mark.parametrize(("name", "change"), CHANGES, ids=[n for n, _ in CHANGES])
def test_every_change_is_refused_and_nothing_changes(
    name: str, change: Callable[[set[str]], Any]
) -> None:
    """Each changing method raises a TypeError that says how to get a changeable copy."""
    names = FieldNames(("start", "end", "text"))
    with pytest.raises(TypeError, match=r"cannot change; take a copy first: set\("):
        change(names)
    assert names == {"start", "end", "text"}


def test_reads_like_a_set() -> None:
    """Membership, equality, set algebra and isinstance work as for a plain set."""
    names = FieldNames(("start", "end", "text"))
    assert isinstance(names, set)
    assert "start" in names
    assert "x" not in names
    assert names == {"start", "end", "text"}
    assert len(names) == 3
    assert names - {"text"} == {"start", "end"}
    assert type(names | {"x"}) is set  # a new, plain set: the shared one stays as it is
    assert names <= {"start", "end", "text", "x"}


def test_copies_and_pickles_are_plain_changeable_sets() -> None:
    """copy, deepcopy and pickle give a plain set of the same names, free to change."""
    names = FieldNames(("start", "end", "text"))
    for other in (copy.copy(names), copy.deepcopy(names), pickle.loads(pickle.dumps(names))):
        assert type(other) is set
        assert other == names
        other.add("x")
    assert names == {"start", "end", "text"}


def test_complete_models_share_one_set_and_it_never_changes() -> None:
    """Two complete Quotes share one FieldNames; model_copy, deepcopy and pickle leave it be."""
    one, two = _quote(1), _quote(2)
    shared = one.model_fields_set
    assert type(shared) is FieldNames
    assert two.model_fields_set is shared
    assert shared == set(Quote.model_fields)
    copied = one.model_copy(update={"attribution_id": "a1"})
    assert copied.attribution_id == "a1"
    assert one.attribution_id is None
    assert type(copied.model_fields_set) is set
    assert copied.model_fields_set == shared
    for other in (copy.deepcopy(one), pickle.loads(pickle.dumps(one))):
        assert other == one
        assert type(other.model_fields_set) is set
    assert shared == set(Quote.model_fields)
    assert two.model_fields_set is shared


def test_spans_share_one_set_and_dump_as_set_fields() -> None:
    """text_span's Spans share one set; exclude_unset dumps still hold every field."""
    a, b = text_span(TEXT, 0, 3), text_span(TEXT, 4, 8)
    assert a.model_fields_set is b.model_fields_set == {"start", "end", "text"}
    assert a.model_dump(exclude_unset=True) == a.model_dump() == Span(**a.model_dump()).model_dump()


def test_an_analysis_dumps_the_same_with_exclude_unset() -> None:
    """Every model of an analysis was given all its fields or says which: exclude_unset keeps
    the values that were computed, and the whole analysis survives copy and pickle."""
    a = analyze(TEXT + " “Never,” she added.")
    assert a.quotes[0].model_dump(exclude_unset=True) == a.quotes[0].model_dump()
    assert copy.deepcopy(a) == a == pickle.loads(pickle.dumps(a))
