"""Segmentation: paragraphs and sentences with exact offsets, against tests/cases/segment.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from quotecheck.models import Paragraph, SentenceRole
from quotecheck.text.segment import segment
from tests.conftest import SEEDS, case_params, load_cases

CASES = load_cases("segment")


def _texts(paragraphs: tuple[Paragraph, ...]) -> list[list[str]]:
    return [[s.span.text for s in p.sentences] for p in paragraphs]


def _expected_texts(expected: list[list[Any]]) -> list[list[str]]:
    return [[s if isinstance(s, str) else s["text"] for s in p] for p in expected]


def _assert_well_numbered(text: str, paragraphs: tuple[Paragraph, ...]) -> None:
    """Indices run 0..n-1, sentences know their paragraph, and every span slices ``text``."""
    sentences = [s for p in paragraphs for s in p.sentences]
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for p in paragraphs:
        assert text[p.span.start : p.span.end] == p.span.text
        for s in p.sentences:
            assert s.paragraph == p.index
            assert text[s.span.start : s.span.end] == s.span.text
            assert p.span.start <= s.span.start <= s.span.end <= p.span.end


def test_cases_are_well_formed() -> None:
    """Every golden case has the schema of tests/cases/README.md and a unique label."""
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))
    for case in CASES:
        assert set(case) == {"label", "provenance", "comment", "input", "expected", "expect"}
        assert case["provenance"] in {"synthetic", "negative", "bugs caught"}
        assert case["expect"] in {"pass", "fail"}


@pytest.mark.parametrize("case", case_params("segment"))
def test_segment_case(case: dict[str, Any]) -> None:
    """segment() splits the case's input into exactly the expected paragraphs and sentences."""
    text = case["input"]
    paragraphs = segment(text)
    assert _texts(paragraphs) == _expected_texts(case["expected"])
    _assert_well_numbered(text, paragraphs)
    for got, want in zip(paragraphs, case["expected"], strict=True):
        for sentence, spec in zip(got.sentences, want, strict=True):
            if isinstance(spec, dict):
                assert sentence.role == SentenceRole(spec["role"]), spec["text"]


# --------------------------------------------------------------------------- the seed article

# The opening words of every sentence of the seed, paragraph by paragraph (headline first).
SEED_OPENINGS = [
    ["US Special Forces coordinating operations in Libya"],
    ["American ground troops were involved"],
    ["“US forces have gone in and out of Libya"],
    ["The US Special Forces operating in Libya"],
    ["US Africa Command (AFRICOM) plans"],
    ["The Pentagon established", "US Special Operations forces are using"],
    ["These operations, though justified"],
    ["US forces are backing", "Washington intends to develop"],
    ["Beyond Libya, US military-intelligence", "Under the pretext of", "The US-backed African"],
    ["A new scramble for Africa", "The European powers"],
    ["France’s military is involved"],
]


def test_seed_segmentation() -> None:
    """The seed is one headline plus 10 paragraphs holding 15 sentences, each split correctly."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    expected = json.loads((SEEDS / "libya-special-forces.expected.json").read_text("utf-8"))
    paragraphs = segment(text)
    _assert_well_numbered(text, paragraphs)

    headline, body = paragraphs[0], paragraphs[1:]
    assert [s.span.text for s in headline.sentences] == [expected["headline"]]
    assert headline.sentences[0].role == SentenceRole.headline
    assert len(body) == expected["paragraphs_after_headline"] == 10
    body_sentences = [s for p in body for s in p.sentences]
    assert len(body_sentences) == expected["sentences_after_headline"] == 15
    assert all(s.role == SentenceRole.body for s in body_sentences)
    assert all(s.span.text.endswith(".") for s in body_sentences)
    for p, openings in zip(paragraphs, SEED_OPENINGS, strict=True):
        assert len(p.sentences) == len(openings), p.span.text[:60]
        for s, opening in zip(p.sentences, openings, strict=True):
            assert s.span.text.startswith(opening), (s.span.text[:60], opening)
