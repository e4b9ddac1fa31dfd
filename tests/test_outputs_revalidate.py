"""Every Analysis the pipeline returns is exactly what pydantic validation would build.

The pipeline may build its own models without validation (``model_construct``-style) for speed.
This module is the safety net: it re-validates each analysis from its dump and walks the two
trees side by side, demanding the same type (a tuple, not a list; a ``QuoteKind``, not a plain
``str``; an ``int``, not a ``float`` or ``bool``) and the same value at every node, spans that
index the caller's text, untouched pydantic bookkeeping, frozen models and working copies.
"""

from __future__ import annotations

import copy
import gzip
import itertools
import json
import pickle
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from quotecheck import analyze
from quotecheck.models import (
    Analysis,
    ClaimKind,
    Paragraph,
    Quote,
    Sentence,
    SourcingSummary,
    Span,
)
from tests.conftest import CASES, SEEDS, SHARED_EVAL
from tests.strategies import QuotedArticle, messy_text, quoted_article

POLNEAR = SHARED_EVAL / "polnear-dev.jsonl.gz"
POLNEAR_ARTICLES = 60

# --------------------------------------------------------------------------- the checker


def _short(value: Any) -> str:
    """A repr cut to a readable length for failure messages."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class _Walk:
    """Compare a pipeline tree with its re-validated twin, node by node, and collect models."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.first_of_type: dict[type[BaseModel], tuple[str, BaseModel]] = {}

    def compare(self, got: Any, want: Any, path: str) -> None:
        """Assert ``got`` has the type and value validation gives (``want``), recursively."""
        where = path or "analysis"
        assert type(got) is type(want), (
            f"{where}: {type(got).__name__} {_short(got)} where validation gives "
            f"{type(want).__name__} {_short(want)}"
        )
        if isinstance(got, BaseModel):
            self._compare_model(got, want, path)
        elif isinstance(got, tuple | list):
            assert len(got) == len(want), f"{where}: {len(got)} items, validation gives {len(want)}"
            for i, (g, w) in enumerate(zip(got, want, strict=True)):
                self.compare(g, w, f"{path}[{i}]")
        elif isinstance(got, dict):
            assert list(got) == list(want), f"{where}: keys {list(got)} != {list(want)}"
            for (gk, gv), (wk, wv) in zip(got.items(), want.items(), strict=True):
                self.compare(gk, wk, f"{path}[{gk!r}] (key)")
                self.compare(gv, wv, f"{path}[{gk!r}]")
        else:
            assert got == want, f"{where}: {_short(got)} where validation gives {_short(want)}"

    def _compare_model(self, got: BaseModel, want: BaseModel, path: str) -> None:
        _check_bookkeeping(got, path or "analysis")
        self.first_of_type.setdefault(type(got), (path or "analysis", got))
        if isinstance(got, Span):
            _check_span(got, self.text, path)
        for name in type(got).model_fields:
            self.compare(got.__dict__[name], want.__dict__[name], _join(path, name))


def _check_bookkeeping(model: BaseModel, where: str) -> None:
    """Assert the model holds exactly its fields and pydantic's own attributes are sane."""
    fields = set(type(model).model_fields)
    present = set(model.__dict__)
    assert present == fields, (
        f"{where}: {type(model).__name__} is missing {sorted(fields - present)} "
        f"and has unexpected {sorted(present - fields)}"
    )
    assert model.__pydantic_extra__ is None, f"{where}: __pydantic_extra__ is not None"
    assert model.__pydantic_private__ is None, f"{where}: __pydantic_private__ is not None"
    fields_set = model.__pydantic_fields_set__
    assert isinstance(fields_set, set), f"{where}: fields set is a {type(fields_set).__name__}"
    assert fields_set <= fields, f"{where}: fields set has unknown {sorted(fields_set - fields)}"


def _check_span(span: Span, text: str, path: str) -> None:
    """Assert the span lies inside ``text`` and its text is exactly the characters it covers."""
    assert 0 <= span.start <= span.end <= len(text), (
        f"{path}: span {span.start}..{span.end} outside a text of {len(text)} characters"
    )
    assert text[span.start : span.end] == span.text, (
        f"{path}: span text {span.text!r} but the document has "
        f"{text[span.start : span.end]!r} at {span.start}..{span.end}"
    )


def _revalidated(analysis: Analysis, text: str) -> tuple[Analysis, Analysis]:
    """The analysis rebuilt through validation from its Python dump and from its JSON."""
    try:
        from_python = Analysis.model_validate(analysis.model_dump(warnings=False))
        from_json = Analysis.model_validate_json(analysis.model_dump_json(warnings=False))
    except ValidationError as error:
        # Walk the tree against itself first: a missing field or a bad span gets its path.
        _Walk(text).compare(analysis, analysis, "")
        msg = f"the analysis does not survive a dump and re-validation: {error}"
        raise AssertionError(msg) from error
    return from_python, from_json


def _check_serializes_cleanly(analysis: Analysis) -> None:
    """Assert dumping raises no serializer warning (a value of the wrong type for its field)."""
    # warnings="error" needs pydantic 2.7; the package supports 2.6, so turn the warning into an
    # error here instead.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            analysis.model_dump()
            analysis.model_dump_json()
    except (UserWarning, PydanticSerializationError) as error:
        msg = f"the analysis dumps with serializer warnings: {error}"
        raise AssertionError(msg) from error


def _check_frozen(model: BaseModel, where: str) -> None:
    """Assert assigning a field (its own value) raises pydantic's frozen_instance error."""
    name = next(iter(type(model).model_fields))
    try:
        setattr(model, name, getattr(model, name))
    except ValidationError as error:
        kinds = [e["type"] for e in error.errors()]
        assert kinds == ["frozen_instance"], f"{where}: assignment failed with {kinds}"
    else:
        msg = f"{where}: {type(model).__name__}.{name} could be assigned; the model is not frozen"
        raise AssertionError(msg)


def _check_copies(analysis: Analysis, text: str) -> None:
    """Assert deepcopy, pickle and model_copy give equal models with the same node types."""
    for how, twin in (
        ("deepcopy", copy.deepcopy(analysis)),
        ("pickle", pickle.loads(pickle.dumps(analysis))),
    ):
        assert twin == analysis, f"{how} of the analysis is not equal to it"
        _Walk(text).compare(twin, analysis, "")
    for quote in analysis.quotes[:1]:
        same = quote.model_copy(update={"closed": quote.closed, "reasons": quote.reasons})
        assert same == quote, "quotes[0].model_copy(update=<same values>) is not equal to it"
        assert copy.deepcopy(quote) == quote, "deepcopy of quotes[0] is not equal to it"
        assert pickle.loads(pickle.dumps(quote)) == quote, "pickle of quotes[0] is not equal"


def assert_revalidates(analysis: Analysis, text: str) -> None:
    """Assert ``analysis`` is node for node what validation builds, with spans indexing ``text``."""
    assert type(analysis) is Analysis, f"analyze returned a {type(analysis).__name__}"
    _check_bookkeeping(analysis, "analysis")
    assert analysis.length == len(text), f"length {analysis.length} for {len(text)} characters"
    walk = _Walk(text)
    for again in _revalidated(analysis, text):
        walk.compare(analysis, again, "")
    _check_serializes_cleanly(analysis)
    for where, model in walk.first_of_type.values():
        _check_frozen(model, where)
    _check_copies(analysis, text)


# --------------------------------------------------------------------------- inputs


def _case_texts() -> Iterator[Any]:
    """Every string input (or dict input's ``text``) of the golden case files, as params."""
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text("utf-8"))["cases"]:
            given_input = case["input"]
            text = given_input.get("text") if isinstance(given_input, dict) else given_input
            if isinstance(text, str):
                yield pytest.param(text, id=f"{path.stem}:{case['label']}")


CASE_TEXTS = list(_case_texts())


@pytest.fixture(scope="module")
def polnear_texts() -> list[tuple[str, str]]:
    """The (id, text) of the first PolNeAR dev articles; skip when the eval data is absent."""
    if not POLNEAR.exists():
        pytest.skip(f"evaluation data not found at {POLNEAR}")
    with gzip.open(POLNEAR, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, POLNEAR_ARTICLES)]
    return [(str(r.get("id")), r["text"]) for r in records]


# --------------------------------------------------------------------------- the pipeline's outputs


def test_seed_article_revalidates() -> None:
    """The seed article's analysis is exactly what validation builds."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    assert_revalidates(analyze(text, doc_id="libya-special-forces"), text)


def test_golden_inputs_found() -> None:
    """The golden case files yield inputs to check, so the parametrized test cannot be empty."""
    assert len(CASE_TEXTS) >= 100


@pytest.mark.parametrize("text", CASE_TEXTS)
def test_golden_input_revalidates(text: str) -> None:
    """Each golden case input's analysis is exactly what validation builds."""
    assert_revalidates(analyze(text), text)


@settings(max_examples=80, deadline=None)
@given(text=messy_text())
def test_messy_text_revalidates(text: str) -> None:
    """Arbitrary text with every quote mark gives an analysis exactly as validation builds it."""
    assert_revalidates(analyze(text), text)


@settings(max_examples=60, deadline=None)
@given(article=quoted_article())
def test_quoted_article_revalidates(article: QuotedArticle) -> None:
    """Constructed news with well-formed quotes gives an analysis exactly as validation builds."""
    assert_revalidates(analyze(article.text, doc_id="generated"), article.text)


def test_polnear_articles_revalidate(polnear_texts: list[tuple[str, str]]) -> None:
    """The first PolNeAR dev articles' analyses are exactly what validation builds."""
    assert polnear_texts, "no articles read from the evaluation file"
    for doc_id, text in polnear_texts:
        try:
            assert_revalidates(analyze(text, doc_id=doc_id), text)
        except AssertionError as error:
            msg = f"article {doc_id}: {error}"
            raise AssertionError(msg) from error


# --------------------------------------------------------------------------- the checker can fail

SAMPLE = (
    "Officials met in the capital on Monday.\n\n"
    "“We will stay until the job is done,” the minister said. "
    "The army reportedly moved troops to the border."
)


def _sample() -> Analysis:
    analysis = analyze(SAMPLE)
    assert analysis.quotes, "the sample text needs a quote for the self-tests"
    assert len(analysis.claims) >= 2, "the sample text needs two claims for the self-tests"
    assert any(c.sourced for c in analysis.claims), "the sample needs a claim with a sourced part"
    return analysis


def _with(analysis: Analysis, field: str, index: int, item: BaseModel) -> Analysis:
    """The analysis with ``field[index]`` replaced, built without validation."""
    items = list(getattr(analysis, field))
    items[index] = item
    return analysis.model_copy(update={field: tuple(items)})


def _sourced_claim(analysis: Analysis) -> int:
    return next(i for i, c in enumerate(analysis.claims) if c.sourced)


def _sourced_as_list(a: Analysis) -> Analysis:
    i = _sourced_claim(a)
    return _with(
        a, "claims", i, a.claims[i].model_copy(update={"sourced": list(a.claims[i].sourced)})
    )


def _kind_as_str(a: Analysis) -> Analysis:
    return _with(a, "quotes", 0, a.quotes[0].model_copy(update={"kind": "direct"}))


def _span_text_wrong(a: Analysis) -> Analysis:
    span = a.claims[0].span
    bad = Span.model_construct(start=span.start, end=span.end, text="x" * len(span.text))
    return _with(a, "claims", 0, a.claims[0].model_copy(update={"span": bad}))


def _span_shifted(a: Analysis) -> Analysis:
    i = _sourced_claim(a)
    first = a.claims[i].sourced[0]
    moved = Span(start=first.start + 1, end=first.end + 1, text=first.text)
    sourced = (moved, *a.claims[i].sourced[1:])
    return _with(a, "claims", i, a.claims[i].model_copy(update={"sourced": sourced}))


def _index_as_float(a: Analysis) -> Analysis:
    return _with(a, "claims", 1, a.claims[1].model_copy(update={"index": 1.0}))


def _paragraph_as_bool(a: Analysis) -> Analysis:
    first = a.paragraphs[0]
    sentence = first.sentences[0].model_copy(update={"paragraph": False})
    paragraph = first.model_copy(update={"sentences": (sentence, *first.sentences[1:])})
    return _with(a, "paragraphs", 0, paragraph)


def _marks_missing(a: Analysis) -> Analysis:
    quote = a.quotes[0]
    values = {k: v for k, v in quote.__dict__.items() if k != "marks"}
    return _with(a, "quotes", 0, Quote.model_construct(**values))


def _reasons_as_list(a: Analysis) -> Analysis:
    return _with(
        a, "quotes", 0, a.quotes[0].model_copy(update={"reasons": list(a.quotes[0].reasons)})
    )


def _share_as_int(a: Analysis) -> Analysis:
    return a.model_copy(update={"summary": a.summary.model_copy(update={"named_share": 0})})


def _summary_key_as_enum(a: Analysis) -> Analysis:
    counts = {ClaimKind(k): v for k, v in a.summary.claims_by_kind.items()}
    return a.model_copy(update={"summary": a.summary.model_copy(update={"claims_by_kind": counts})})


def _negative_start(a: Analysis) -> Analysis:
    bad = Span.model_construct(start=-1, end=0, text="x")
    return _with(a, "claims", 0, a.claims[0].model_copy(update={"span": bad}))


def _id_none(a: Analysis) -> Analysis:
    return _with(a, "quotes", 0, a.quotes[0].model_copy(update={"id": None}))


def _extra_set(a: Analysis) -> Analysis:
    summary = a.summary.model_copy()
    object.__setattr__(summary, "__pydantic_extra__", {"stray": 1})
    return a.model_copy(update={"summary": summary})


def _fields_set_unknown(a: Analysis) -> Analysis:
    sentence = a.paragraphs[0].sentences[0].model_copy()
    object.__setattr__(sentence, "__pydantic_fields_set__", {"index", "nonsense"})
    rest = a.paragraphs[0].sentences[1:]
    paragraph = a.paragraphs[0].model_copy(update={"sentences": (sentence, *rest)})
    return _with(a, "paragraphs", 0, paragraph)


def _fields_set_frozen(a: Analysis) -> Analysis:
    summary = SourcingSummary.model_construct(**a.summary.__dict__)
    object.__setattr__(summary, "__pydantic_fields_set__", frozenset())
    return a.model_copy(update={"summary": summary})


def _wrong_length(a: Analysis) -> Analysis:
    return a.model_copy(update={"length": a.length + 1})


def _paragraph_sentences_list(a: Analysis) -> Analysis:
    first = a.paragraphs[0]
    values: dict[str, Any] = {**first.__dict__, "sentences": list(first.sentences)}
    return _with(a, "paragraphs", 0, Paragraph.model_construct(**values))


def _sentence_role_str(a: Analysis) -> Analysis:
    first = a.paragraphs[0]
    sentence = Sentence.model_construct(**{**first.sentences[0].__dict__, "role": "body"})
    paragraph = first.model_copy(update={"sentences": (sentence, *first.sentences[1:])})
    return _with(a, "paragraphs", 0, paragraph)


BROKEN: list[Any] = [
    pytest.param(_sourced_as_list, r"claims\[\d+\]\.sourced: list", id="claim-sourced-list"),
    pytest.param(_kind_as_str, r"quotes\[0\]\.kind: str", id="quote-kind-plain-str"),
    pytest.param(_span_text_wrong, r"claims\[0\]\.span: span text", id="span-text-mismatch"),
    pytest.param(_span_shifted, r"claims\[\d+\]\.sourced\[0\]: span", id="span-shifted"),
    pytest.param(_index_as_float, r"claims\[1\]\.index: float", id="claim-index-float"),
    pytest.param(
        _paragraph_as_bool,
        r"paragraphs\[0\]\.sentences\[0\]\.paragraph: bool",
        id="sentence-paragraph-bool",
    ),
    pytest.param(_marks_missing, r"quotes\[0\]: Quote is missing \['marks'\]", id="missing-field"),
    pytest.param(_reasons_as_list, r"quotes\[0\]\.reasons: list", id="default-replaced-by-list"),
    pytest.param(_share_as_int, r"summary\.named_share: int", id="float-field-int"),
    pytest.param(_summary_key_as_enum, r"claims_by_kind.*\(key\)", id="dict-key-enum"),
    pytest.param(
        _negative_start, r"claims\[0\]\.span: span -1\.\.0 outside", id="span-negative-start"
    ),
    pytest.param(_id_none, "re-validation", id="required-str-none"),
    pytest.param(_extra_set, r"summary: __pydantic_extra__", id="extra-set"),
    pytest.param(_fields_set_unknown, r"fields set has unknown", id="fields-set-unknown"),
    pytest.param(_fields_set_frozen, r"summary: fields set is a frozenset", id="fields-set-type"),
    pytest.param(_wrong_length, r"length \d+ for", id="wrong-length"),
    pytest.param(
        _paragraph_sentences_list, r"paragraphs\[0\]\.sentences: list", id="sentences-list"
    ),
    pytest.param(
        _sentence_role_str, r"paragraphs\[0\]\.sentences\[0\]\.role: str", id="role-plain-str"
    ),
]


def test_checker_accepts_the_sample() -> None:
    """The unmodified sample analysis passes, so every failure below is due to its one defect."""
    assert_revalidates(_sample(), SAMPLE)


@pytest.mark.parametrize(("breaker", "where"), BROKEN)
def test_checker_catches(breaker: Callable[[Analysis], Analysis], where: str) -> None:
    """A deliberately wrong analysis fails the checker with a message naming the bad node."""
    with pytest.raises(AssertionError, match=where):
        assert_revalidates(breaker(_sample()), SAMPLE)


def test_checker_catches_an_unfrozen_model() -> None:
    """A model that accepts assignment fails the frozen check."""

    class Loose(BaseModel):
        value: int = 0

    with pytest.raises(AssertionError, match="not frozen"):
        _check_frozen(Loose(), "loose")
