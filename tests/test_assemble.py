"""assemble and text_span: models built without validation equal the validated ones."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from quotecheck import assemble as assemble_module
from quotecheck.assemble import assemble, instance, text_span
from quotecheck.errors import AssemblyError, QuotecheckError
from quotecheck.models import (
    Claim,
    ClaimKind,
    Quote,
    QuoteKind,
    Sentence,
    SentenceRole,
    SourcingSummary,
    Span,
)

TEXT = "“We will stay,” the minister said on Monday."


def test_assembled_claim_equals_the_validated_one() -> None:
    """An assembled Claim has the values, defaults and JSON of Claim(...) with those fields."""
    span = text_span(TEXT, 0, len(TEXT))
    fields = {"index": 0, "span": span, "kind": ClaimKind.quoted, "reasons": ("quotes x",)}
    built, validated = assemble(Claim, fields), Claim(**fields)
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.role is SentenceRole.body  # a default filled in
    assert built.model_fields_set == validated.model_fields_set == set(fields)
    assert list(built.__dict__) == list(Claim.model_fields)  # declaration order, as pydantic's


def test_assembled_model_is_frozen_and_pickles() -> None:
    """An assembled model refuses assignment and survives pickle and model_copy like any other."""
    q = assemble(
        Quote,
        {
            "id": "q1",
            "span": text_span(TEXT, 1, 14),
            "marks": text_span(TEXT, 0, 15),
            "kind": QuoteKind.direct,
            "paragraph": 0,
        },
    )
    with pytest.raises(ValidationError, match="frozen"):
        q.kind = QuoteKind.scare  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(q)) == q
    assert q.model_copy(update={"attribution_id": "a1"}).attribution_id == "a1"


def test_default_factory_gives_a_fresh_value() -> None:
    """A field with a default factory gets a new object per model, never a shared one."""
    one = assemble(SourcingSummary, {"sentences": 1})
    two = assemble(SourcingSummary, {"sentences": 2})
    assert one.claims_by_kind == {}
    assert one.claims_by_kind is not two.claims_by_kind


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"index": 0, "kind": ClaimKind.quoted}, "required field 'span'"),
        ({"index": 0, "span": None, "kind": ClaimKind.quoted, "colour": 1}, "no field colour"),
    ],
    ids=["missing", "unknown"],
)
def test_wrong_fields_raise(fields: dict[str, object], message: str) -> None:
    """A missing required field or an unknown one is a bug, reported as AssemblyError."""
    with pytest.raises(AssemblyError, match=message) as caught:
        assemble(Claim, fields)
    assert isinstance(caught.value, QuotecheckError)
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, len(TEXT) + 1)])
def test_text_span_refuses_offsets_outside_the_text(start: int, end: int) -> None:
    """text_span never builds a Span that could break text[start:end] == span.text."""
    with pytest.raises(AssemblyError, match="does not lie inside"):
        text_span(TEXT, start, end)


@given(st.text(max_size=40), st.data())
def test_text_span_equals_the_validated_span(text: str, data: st.DataObject) -> None:
    """For any offsets inside any text, text_span gives what Span(...) validation gives."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    built = text_span(text, start, end)
    validated = Span(start=start, end=end, text=text[start:end])
    assert built == validated
    assert built.model_dump() == validated.model_dump()
    assert text[built.start : built.end] == built.text


@pytest.mark.parametrize("order", [1, -1], ids=["declared-order", "reversed"])
def test_fields_in_any_order_are_stored_in_declaration_order(order: int) -> None:
    """Every field given, in declaration order or not, is stored in pydantic's own order."""
    span = text_span(TEXT, 0, 5)
    given = {"index": 0, "paragraph": 0, "span": span, "role": SentenceRole.body}
    fields = dict(list(given.items())[::order])
    built = assemble(Sentence, fields)
    assert list(built.__dict__) == list(Sentence.model_fields)
    assert built.model_dump_json() == Sentence(**given).model_dump_json()
    assert built.model_fields_set == set(given)


def test_the_build_is_told_apart_by_the_module_file() -> None:
    """instance() takes the compiled route exactly when mypyc built the module."""
    compiled = not assemble_module.__file__.endswith(".py")  # a shared library when compiled
    assert compiled is assemble_module._COMPILED


def test_an_instance_holds_its_values_given_set_and_no_extras() -> None:
    """Either route fills the four slots pydantic reads: values, fields set, extra, private."""
    given = {"start", "end", "text"}
    span = instance(Span, {"start": 0, "end": 2, "text": "Hi"}, given)
    assert span == Span(start=0, end=2, text="Hi")
    assert span.model_fields_set is given
    assert span.__pydantic_extra__ is None
    assert span.__pydantic_private__ is None
    assert span.model_dump_json() == '{"start":0,"end":2,"text":"Hi"}'
