"""Interview copy: the "A:" turns take the one interviewee the heading or introduction names."""

from __future__ import annotations

import time

import pytest

from quotecheck.models import SpeakerMatch
from quotecheck.verification import verify_quote
from quotecheck.verification.interviewee import INTRO_CHARS, interviewee
from quotecheck.verification.turns import find_turns, same_speaker, shown, speaker_from_text

_QA = "\n\nQ: Will waiting lists fall?\n\nA: Not this year, and I won't pretend otherwise.\n"


@pytest.mark.parametrize(
    ("intro", "name", "role"),
    [
        ("Interview: Dr Grace Okafor, Health Secretary", "Grace Okafor", "Health Secretary"),
        ("INTERVIEW — Grace Okafor", "Grace Okafor", None),
        ("Q&A: Professor Amal Haddad on flood defences", "Amal Haddad", "Professor"),
        (
            "This is an interview with Lena Hoffmann, founder of the food bank.",
            "Lena Hoffmann",
            "founder of the food bank",
        ),
        (
            "Grace Okafor, the Health Secretary, spoke to us on Friday.",
            "Grace Okafor",
            "Health Secretary",
        ),
        (
            "Reporter Tom Reid interviewed Health Secretary Grace Okafor.",
            "Grace Okafor",
            "Health Secretary",
        ),
        (
            "Lena Hoffmann runs the food bank. Hoffmann talked to us in March.",
            "Lena Hoffmann",
            None,
        ),
        ("Dr Grace Okafor became Health Secretary in May.", "Grace Okafor", None),
    ],
)
def test_interviewee_named(intro: str, name: str, role: str | None) -> None:
    """A heading, a cue phrase or one titled person names the interviewee, with any role."""
    text = intro + _QA
    found = interviewee(text, len(intro))
    assert found is not None
    assert (found.name, found.role) == (name, role)
    assert text[found.start : found.start + len(found.name)] == found.name


@pytest.mark.parametrize(
    "intro",
    [
        "",
        "Tom Reid spoke to Grace Okafor about the winter.",
        "An interview with Priya Nair and Marcus Webb.",
        "In this podcast Tom Reid talks to Priya Nair, the shadow chancellor.",
        "When Grace Okafor took office, the lists were growing.",
        "Recorded at the Royal Free Hospital in New York on 3 March.",
        "Interview: the Health Secretary",
    ],
)
def test_interviewee_not_guessed(intro: str) -> None:
    """No one, two people, or an untitled name without a cue: the answers stay anonymous."""
    assert interviewee(intro + _QA, len(intro)) is None
    answer = find_turns(intro + _QA).turns[-1]
    assert (answer.kind, answer.name, shown(answer)) == ("answer", None, "A")


def test_answers_compare_through_the_interviewee() -> None:
    """An answer is the interviewee's by name and role; another person is someone else."""
    text = "Interview: Dr Grace Okafor, Health Secretary" + _QA
    answer = find_turns(text).turns[-1]
    assert shown(answer) == "A (Grace Okafor, Health Secretary)"
    assert same_speaker(speaker_from_text("Okafor"), answer) is True
    assert same_speaker(speaker_from_text("the Health Secretary"), answer) is True
    assert same_speaker(speaker_from_text("Samuel Adeyemi"), answer) is False
    # A role the introduction does not give neither matches nor contradicts it.
    assert same_speaker(speaker_from_text("the chief nurse"), answer) is None


def test_verify_credits_answers_to_the_interviewee() -> None:
    """verify_quote reports same for her, different for another person, unknown without a name."""
    text = "Interview: Dr Grace Okafor, Health Secretary" + _QA
    quote = "Not this year"
    assert verify_quote(quote, text, speaker="Grace Okafor").speaker_match is SpeakerMatch.same
    v = verify_quote(quote, text, speaker="Tom Reid")
    assert v.misattributed
    assert v.source_speaker == "A (Grace Okafor, Health Secretary)"
    anonymous = verify_quote(quote, _QA.lstrip(), speaker="Grace Okafor")
    assert anonymous.speaker_match is SpeakerMatch.unknown
    assert anonymous.source_speaker == "A"


def test_only_the_start_is_read() -> None:
    """A megabyte of introduction is read only up to INTRO_CHARS, quickly."""
    intro = "Dr Grace Okafor, Health Secretary. " + "Tom Reid wrote this. " * 50_000
    started = time.process_time()
    found = interviewee(intro + _QA, len(intro))
    assert time.process_time() - started < 2.0
    assert found is None  # "Tom Reid" is named within the first INTRO_CHARS too
    assert len(intro) > INTRO_CHARS
    far = "Dr Grace Okafor, Health Secretary. " + "x " * INTRO_CHARS + "Tom Reid wrote this."
    found = interviewee(far + _QA, len(far))
    assert found is not None
    assert found.name == "Grace Okafor"
