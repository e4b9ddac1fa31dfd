"""Cues: the reporting-verb lexicon and the words that introduce reported content."""

from __future__ import annotations

import pytest

from quotecheck.lexicons import load_rows
from quotecheck.models import CueKind, QuoteKind, Stance
from quotecheck.offsets import make_span
from quotecheck.text.cues import VERB_FORMS, find_cues
from quotecheck.text.quotes import ScannedQuote


def _quote(text: str, start: int, end: int) -> ScannedQuote:
    """Build a closed depth-0 quote whose marks are text[start:end]."""
    span, marks = make_span(text, start + 1, end - 1), make_span(text, start, end)
    return ScannedQuote("q1", span, marks, QuoteKind.direct, 0, 0, True, (), start, end)


def test_lexicon_has_150_verbs_each_with_a_stance_and_its_forms() -> None:
    """speech_verbs.txt lists at least 150 verbs, every form, and a valid Stance for each."""
    rows = load_rows("speech_verbs")
    assert len(rows) >= 150
    for lemma, forms, stance in rows:
        assert Stance(stance)
        assert lemma.split()[0] in forms
        assert len(forms.split(",")) >= 2
    assert VERB_FORMS["said"].lemma == "say"
    assert VERB_FORMS["conceded"].stance is Stance.admitting
    assert VERB_FORMS["denies"].stance is Stance.denying
    assert VERB_FORMS["insisted"].stance is Stance.assertive


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("Prices rose, the minister said.", "said", CueKind.speech_verb),
        ("The mayor says the bridge is safe.", "says", CueKind.speech_verb),
        ("She pointed out that the vote was close.", "pointed out", CueKind.speech_verb),
        ("Exports fell, according to the ministry.", "according to", CueKind.according_to),
        ("AFRICOM said in a statement that it struck.", "in a statement", CueKind.statement),
        ("The rebels have reportedly seized the port.", "reportedly", CueKind.vague),
        ("It is believed that the painting was stolen.", "It is believed", CueKind.vague),
    ],
    ids=["said", "says", "phrasal", "according-to", "statement", "reportedly", "passive"],
)
def test_cue_shapes(text: str, cue: str, kind: CueKind) -> None:
    """Each cue shape is found with its exact span and kind."""
    cues = find_cues(text, (), ())
    match = [c for c in cues if c.text == cue]
    assert match, [c.text for c in cues]
    assert match[0].kind is kind
    assert text[match[0].start : match[0].end] == cue


def test_said_inside_a_quote_is_not_a_cue() -> None:
    """A reporting verb inside quote marks belongs to the speaker, not the writer."""
    text = "“Critics said it could not be done,” Lee said."
    cues = find_cues(text, (), (_quote(text, 0, 36),))
    assert [c.start for c in cues] == [text.rindex("said")]


def test_colon_before_a_quote_is_a_cue() -> None:
    """ "X: “…”" gives a colon cue at the colon."""
    text = "Kerr: “We need a plan.”"
    cues = find_cues(text, (), (_quote(text, 6, len(text)),))
    assert [(c.kind, c.text) for c in cues] == [(CueKind.colon, ":")]


@pytest.mark.parametrize(
    "text",
    [
        "The United States sent aid.",
        "The Washington Post is a newspaper.",
        "The state of the economy is a concern.",
        "Saying nothing, Sayers left.",
    ],
    ids=["united-states", "washington-post", "state-noun", "prefix-words"],
)
def test_nouns_and_names_are_not_cues(text: str) -> None:
    """Mostly-noun forms, parts of names and look-alike words are no cues."""
    assert [c.text for c in find_cues(text, (), ()) if c.kind is CueKind.speech_verb] == []
