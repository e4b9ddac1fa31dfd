"""Unlabelled Q&A interviews and continuation quotes, against tests/cases/interview.json.

Each case runs through the whole pipeline. ``expected`` may hold:

- ``answers``: the exact list of interview answers (attributions of cue kind ``turn`` with no
  cue), each as ``[content text, speaker name]``; ``[]`` where the text is no interview;
- ``credited``: content text -> the name of the source an attribution with that content has;
- ``uncredited``: content texts no attribution may have;
- ``kinds``: sentence text -> ClaimKind value of its claim.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotecheck as qc
from quotecheck.attribution.attribute import attribute
from quotecheck.attribution.interview import credit_interview
from quotecheck.attribution.records import Sourcing
from quotecheck.attribution.turns import presented_source
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.models import Analysis, CueKind
from quotecheck.text.cues import find_cues
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment

_CASES = json.loads((Path(__file__).parent / "cases" / "interview.json").read_text("utf-8"))[
    "cases"
]

MIN_EXCHANGES = DEFAULT_CONFIG.interview_min_exchanges


def _params() -> list[Any]:
    """The cases as pytest params, known failures as strict xfails."""
    return [
        pytest.param(
            c,
            id=c["label"],
            marks=[pytest.mark.xfail(strict=True, reason=c["comment"])]
            if c["expect"] == "fail"
            else [],
        )
        for c in _CASES
    ]


def _sourcing(text: str) -> Sourcing:
    """What the attribution stage hands on for ``text``: its records."""
    paragraphs = segment(text)
    quotes = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    cues = find_cues(text, paragraphs, quotes)
    return attribute(text, paragraphs, quotes, cues, DEFAULT_CONFIG)


def _names(a: Analysis) -> dict[str, str | None]:
    return {s.id: s.name for s in a.sources}


@pytest.mark.parametrize("case", _params())
def test_interview_case(case: dict[str, Any]) -> None:
    text = case["input"]
    expected = case["expected"]
    a = qc.analyze(text)
    names = _names(a)
    for x in a.attributions:
        assert text[x.content.start : x.content.end] == x.content.text
    if "answers" in expected:
        got = [
            [x.content.text, names[x.source_id]]
            for x in a.attributions
            if x.cue_kind is CueKind.turn and x.cue is None
        ]
        assert got == expected["answers"]
    by_content = {x.content.text: names[x.source_id] for x in a.attributions}
    for content, name in expected.get("credited", {}).items():
        assert by_content.get(content) == name, (content, by_content)
    for content in expected.get("uncredited", []):
        assert content not in by_content
    kinds = {c.span.text: c.kind.value for c in a.claims}
    for sentence, kind in expected.get("kinds", {}).items():
        assert kinds[sentence] == kind


def test_cases_are_many_and_both_ways() -> None:
    labels = [c["label"] for c in _CASES]
    assert len(labels) == len(set(labels)) >= 20
    assert sum(1 for c in _CASES if c["expected"].get("answers")) >= 8
    assert sum(1 for c in _CASES if c["expected"].get("answers") == []) >= 8


def test_credit_interview_leaves_text_without_questions_alone() -> None:
    text = "Mayor Jo Hart said the bridge would reopen.\n\nWork starts in May."
    sourcing = _sourcing(text)
    assert sourcing.attributions
    assert credit_interview(text, segment(text), sourcing) is sourcing


def test_fewer_exchanges_than_the_least_is_no_interview() -> None:
    pairs = "\n\n".join(
        f"Question {n} for you?\n\nI answer it, number {n}." for n in range(MIN_EXCHANGES - 1)
    )
    a = qc.analyze("Coach Ben Ode said his side was ready.\n\n" + pairs)
    assert not [x for x in a.attributions if x.cue_kind is CueKind.turn]
    more = "\n\n".join(
        f"Question {n} for you?\n\nI answer it, number {n}." for n in range(MIN_EXCHANGES)
    )
    b = qc.analyze("Coach Ben Ode said his side was ready.\n\n" + more)
    assert len([x for x in b.attributions if x.cue_kind is CueKind.turn]) == MIN_EXCHANGES


def test_presented_source_picks_the_most_mentioned_named_person() -> None:
    text = "Jo Hart said it would work. Hart said more. Sam Lee said no.\n\nWhy?"
    sources = list(_sourcing(text).sources)
    chosen = presented_source(sources, text.index("Why?"))
    assert chosen is not None
    assert {s.id: s.name for s in sources}[chosen] == "Jo Hart"
    assert presented_source(sources, 0) is None
