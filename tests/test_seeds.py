"""Every seeds/*.txt against its *.expected.json: the project's first acceptance test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import quotecheck as qc
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.expected.json"))
SOURCED = {qc.ClaimKind.quoted, qc.ClaimKind.attributed, qc.ClaimKind.anonymous, qc.ClaimKind.vague}


def _load(expected_path: Path) -> tuple[str, dict[str, Any], qc.Analysis]:
    expected = json.loads(expected_path.read_text("utf-8"))
    text = (expected_path.parent / expected["document"]).read_text("utf-8")
    return text, expected, qc.analyze(text, doc_id=expected["document"])


@pytest.fixture(params=SEED_FILES, ids=lambda p: p.name.split(".")[0], scope="module")
def seed(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], qc.Analysis]:
    """The seed text, its expected reading and quotecheck's analysis of it."""
    return _load(request.param)


def _attribution_covering(a: qc.Analysis, start: int, end: int) -> qc.Attribution | None:
    """The attribution whose content covers [start, end) (or lies inside it)."""
    for at in a.attributions:
        c = at.content
        if (c.start <= start and end <= c.end + 2) or (start <= c.start and c.end <= end):
            return at
    return None


def _claim_at(text: str, a: qc.Analysis, prefix: str) -> qc.Claim:
    position = text.index(prefix)
    return next(c for c in a.claims if c.span.start <= position < c.span.end)


def test_segmentation_matches(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """The headline is its own segment, followed by the expected paragraphs and sentences."""
    _, expected, a = seed
    first = a.paragraphs[0].sentences
    assert len(first) == 1
    assert first[0].role is qc.SentenceRole.headline
    assert first[0].span.text == expected["headline"]
    body = a.paragraphs[1:]
    assert len(body) == expected["paragraphs_after_headline"]
    assert sum(len(p.sentences) for p in body) == expected["sentences_after_headline"]


def test_exactly_the_expected_quotes(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """Quotecheck finds exactly the expected quotes, with the same spans and kinds."""
    text, expected, a = seed
    got = [(q.span.start, q.span.end, q.kind.value) for q in a.quotes]
    want = [(q["span"][0], q["span"][1], q["kind"]) for q in expected["quotes"]]
    assert got == want
    assert all(text[q.span.start : q.span.end] == q.span.text for q in a.quotes)


def test_quote_speakers(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """Every quote is credited to the expected speaker with the expected source kind and role."""
    _, expected, a = seed
    sources = {s.id: s for s in a.sources}
    by_span = {(q.span.start, q.span.end): q for q in a.quotes}
    for want in expected["quotes"]:
        quote = by_span[tuple(want["span"])]
        if want["speaker"] is None:
            assert quote.attribution_id is None, want["text"]
            continue
        at = next(x for x in a.attributions if x.id == quote.attribution_id)
        source = sources[at.source_id]
        assert source.kind.value == want["source_kind"], want["text"]
        assert want["speaker"] in {source.name, source.descriptor}, want["text"]
        if want.get("speaker_role"):
            assert source.role == want["speaker_role"]
        assert at.cue is not None
        assert at.cue.text == want["cue"]


def test_attributed_statements(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """Every reported statement is credited to its expected source, through the expected cue."""
    _, expected, a = seed
    sources = {s.id: s for s in a.sources}
    for want in expected["attributed_statements"]:
        at = _attribution_covering(a, *want["span"])
        assert at is not None, want["content"]
        source = sources[at.source_id]
        assert source.kind.value == want["source_kind"], want["content"]
        if want["source"]:
            assert want["source"] in {source.name, source.descriptor}, want["content"]
        assert at.cue is not None, want["content"]
        assert at.cue.text == want["cue"], want["content"]
        if want.get("via"):
            assert at.via_source_id is not None
            assert sources[at.via_source_id].name == want["via"].removeprefix("the ")


def test_sentence_kinds(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """Unattributed and editorial sentences get their kinds; sourced ones are not unattributed."""
    text, expected, a = seed
    unattributed = {qc.ClaimKind.unattributed, qc.ClaimKind.editorial}
    for prefix in expected["unattributed_sentences"]:
        assert _claim_at(text, a, prefix).kind in unattributed, prefix
    for prefix in expected["editorial_sentences"]:
        assert _claim_at(text, a, prefix).kind is qc.ClaimKind.editorial, prefix
    quoted_or_attributed = [q["text"][:20] for q in expected["quotes"] if q["speaker"]]
    for prefix in quoted_or_attributed:
        claim = _claim_at(text, a, prefix)
        assert claim.kind in SOURCED | {qc.ClaimKind.editorial, qc.ClaimKind.unattributed}
        assert claim.attribution_ids, prefix


def test_every_span_indexes_the_seed(seed: tuple[str, dict[str, Any], qc.Analysis]) -> None:
    """Every Span in the seed's analysis satisfies text[start:end] == span.text."""
    text, _, a = seed

    def walk(value: object) -> None:
        if isinstance(value, qc.Span):
            assert text[value.start : value.end] == value.text
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)

    walk(a)
