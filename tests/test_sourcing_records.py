"""Plain records inside, the contract once: the stages exchange records.

The quote scanner hands on ``ScannedQuote`` records, the attribution stage a
:class:`~quotecheck.attribution.records.Sourcing` (quote, source and attribution records), the
claims stage one ``ClaimRecord`` per sentence; every later pass returns new records; the public
``Quote``, ``Source``, ``Attribution`` and ``Claim`` models are built once, by
``sourcing_models`` and ``claim_models``, at the end of ``analyze``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.attribution.attribute import attribute
from quotecheck.attribution.interview import credit_interview
from quotecheck.attribution.nonprose import without_nonprose
from quotecheck.attribution.records import (
    AttributionRecord,
    QuoteRecord,
    SourceRecord,
    Sourcing,
    sourcing_models,
)
from quotecheck.attribution.turns import credit_turns
from quotecheck.claims.classify import claim_records, classify_claims
from quotecheck.claims.records import ClaimRecord, claim_models
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.flags import FlagRecord, flag_models, flag_records
from quotecheck.models import Attribution, Claim, Flag, Quote, Source
from quotecheck.text.cues import find_cues
from quotecheck.text.quotes import ScannedQuote, find_quotes
from quotecheck.text.segment import segment
from tests.conftest import slots_of, sourcing_of

PACKAGE = Path(__file__).resolve().parent.parent / "quotecheck"

NEWS = (
    "“We will not back down,” Mayor Jo Hart said on Monday. Hart added that the budget was "
    "sound. A council official, who spoke on condition of anonymity because he was not "
    "authorised to speak, said the vote was close. The plan is reportedly delayed.\n\n"
    "Critics called it a “slush fund”."
)
TRANSCRIPT = "Q: Why now?\n\nA: Because it is time.\n\nQ: And then?\n\nA: We wait."
TEXTS = (NEWS, TRANSCRIPT, "", "No quotes, no sources here.", '"a ' * 50)


def _stages(text: str) -> list[Sourcing]:
    """The Sourcing after attribution and after each pass over it, as the pipeline runs them."""
    paragraphs = segment(text)
    quotes = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    cues = find_cues(text, paragraphs, quotes)
    found = [attribute(text, paragraphs, quotes, cues, DEFAULT_CONFIG)]
    found.append(without_nonprose(paragraphs, found[-1]))
    found.append(credit_turns(text, paragraphs, found[-1]))
    found.append(credit_interview(text, paragraphs, found[-1], DEFAULT_CONFIG))
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_the_stages_hand_on_records_not_models(text: str) -> None:
    """Attribution and the passes after it hand on records, never the contract's models."""
    for sourcing in _stages(text):
        assert all(type(q) is QuoteRecord for q in sourcing.quotes)
        assert all(type(s) is SourceRecord for s in sourcing.sources)
        assert all(type(a) is AttributionRecord for a in sourcing.attributions)


def test_a_pass_returns_new_records_and_leaves_its_input_alone() -> None:
    """credit_turns renumbers into new records; the records it was given keep their values."""
    found = _stages(TRANSCRIPT)
    before, after = found[1], found[2]
    assert after.attributions  # the turns were credited
    seen = [(a.id, a.source_id, a.content) for a in before.attributions]
    credit_turns(TRANSCRIPT, segment(TRANSCRIPT), before)
    assert [(a.id, a.source_id, a.content) for a in before.attributions] == seen
    assert not {id(a) for a in after.attributions} & {id(a) for a in before.attributions}


@pytest.mark.parametrize("text", TEXTS)
def test_sourcing_models_builds_what_analyze_returns(text: str) -> None:
    """The final assembly of the pipeline's last Sourcing gives analyze's very models."""
    analysis = qc.analyze(text)
    built = sourcing_models(text, _stages(text)[-1])
    assert built == (analysis.quotes, analysis.sources, analysis.attributions)
    assert [type(x) for x in built[0]] == [Quote] * len(built[0])


@pytest.mark.parametrize("text", TEXTS)
def test_records_of_the_models_assemble_back_to_the_same_models(text: str) -> None:
    """Every field of Quote, Source and Attribution goes through a record and back unchanged."""
    a = qc.analyze(text)
    records = sourcing_of(a.quotes, a.sources, a.attributions)
    assert sourcing_models(text, records) == (a.quotes, a.sources, a.attributions)


def test_a_content_that_is_a_quote_shares_its_span() -> None:
    """An attribution whose content is exactly a quote's words holds that quote's Span."""
    a = qc.analyze(NEWS)
    (said,) = [x for x in a.attributions if x.quote_ids == ("q1",)]
    assert said.content is a.quotes[0].span


@pytest.mark.parametrize(
    ("room", "record", "model"),
    [
        ("attribution", "QuoteRecord", Quote),
        ("attribution", "SourceRecord", Source),
        ("attribution", "AttributionRecord", Attribution),
        ("claims", "ClaimRecord", Claim),
        ("flags.py", "FlagRecord", Flag),
    ],
)
def test_each_record_holds_every_field_of_its_model(room: str, record: str, model: type) -> None:
    """A field added to the contract must be added to its record (and to the assembly)."""
    path = PACKAGE / room if room.endswith(".py") else PACKAGE / room / "records.py"
    slots = slots_of(path, record)
    assert set(model.model_fields) <= slots


# Where the contract's sourcing and claim models may be made: the final assemblies, and the
# stages outside the pipeline.
_BUILDERS = {"attribution/records.py", "claims/records.py"}
_PIPELINE = ("text", "attribution", "claims", "flags.py", "summary.py", "pipeline.py")


def _model_builds(path: Path) -> list[str]:
    """Calls in a module that make a Quote, Source, Attribution or Claim model (or copy one)."""
    names = {"Quote", "Source", "Attribution", "Claim", "Flag"}
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = ast.unparse(node.func)
        first = ast.unparse(node.args[0]) if node.args else ""
        builds = func in names or (func.endswith(("assemble", "instance")) and first in names)
        builds = builds and not (path.name == "flags.py" and func.endswith("instance"))
        copies = func.endswith(".model_copy") and path.parent.name in ("attribution", "claims")
        if builds or copies:
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:60]}")
    return found


def test_only_the_final_assembly_builds_the_sourcing_models() -> None:
    """No stage, the quote scanner included, builds or copies a Quote, Source, Attribution or
    Claim: only the final assemblies do."""
    offenders = []
    for part in _PIPELINE:
        target = PACKAGE / part
        for path in sorted(target.rglob("*.py") if target.is_dir() else [target]):
            if path.relative_to(PACKAGE).as_posix() not in _BUILDERS:
                offenders += _model_builds(path)
    assert offenders == []
    assert _model_builds(PACKAGE / "attribution" / "records.py")  # the check sees a build
    assert _model_builds(PACKAGE / "claims" / "records.py")


@pytest.mark.parametrize("text", TEXTS)
def test_the_scanners_quotes_are_records_settled_into_the_final_quotes(text: str) -> None:
    """find_quotes hands on ScannedQuotes; analyze's Quotes hold their ids, Spans (the same
    objects), paragraphs, depths and closedness, and their reasons as a prefix."""
    paragraphs = segment(text)
    scanned = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    assert all(type(q) is ScannedQuote for q in scanned)
    assert [(q.start, q.end) for q in scanned] == [(q.marks.start, q.marks.end) for q in scanned]
    cues = find_cues(text, paragraphs, scanned)
    settled = attribute(text, paragraphs, scanned, cues, DEFAULT_CONFIG).quotes
    assert len(settled) == len(scanned)
    for q, s in zip(scanned, settled, strict=True):
        assert (s.id, s.paragraph, s.depth, s.closed) == (q.id, q.paragraph, q.depth, q.closed)
        assert s.span is q.span
        assert s.marks is q.marks
        assert s.reasons[: len(q.reasons)] == q.reasons
        assert s.kind is q.kind or s.attribution_id is None
    final = qc.analyze(text).quotes
    assert [(q.id, q.span, q.marks) for q in final] == [(q.id, q.span, q.marks) for q in scanned]


@pytest.mark.parametrize("text", TEXTS)
def test_claims_are_records_until_the_end(text: str) -> None:
    """The claims stage hands on records; claim_models gives analyze's Claims from them, and
    classify_claims (the stage as models) gives the same."""
    analysis = qc.analyze(text)
    paragraphs = segment(text)
    sourcing = _stages(text)[-1]
    records = claim_records(text, paragraphs, sourcing, analysis.genre)
    assert all(type(c) is ClaimRecord for c in records)
    assert claim_models(text, records) == analysis.claims
    assert classify_claims(text, paragraphs, sourcing, analysis.genre) == analysis.claims


@pytest.mark.parametrize("text", TEXTS)
def test_flags_are_records_until_the_end(text: str) -> None:
    """The flags stage hands on records; flag_models gives analyze's Flags from them."""
    analysis = qc.analyze(text)
    paragraphs = segment(text)
    sourcing = _stages(text)[-1]
    claims = claim_records(text, paragraphs, sourcing, analysis.genre)
    scan = find_quotes(text, paragraphs, DEFAULT_CONFIG)
    records = flag_records(
        text, claims, sourcing, scan.unbalanced, analysis.genre, DEFAULT_CONFIG, soup=scan.soup
    )
    assert all(type(f) is FlagRecord for f in records)
    # analyze's flags less the input-reading ones (not asked for here)
    assert flag_models(records) == tuple(
        f for f in analysis.flags if f.kind.value not in ("not_prose_input", "language")
    )
