"""Claims weighing: how a sentence's own structure changes what its framing signals weigh.

A degree word grading an evaluative term, a weak intensifier pressing the writer's judgment, the
tail of a quotation whose opening mark the sentence does not hold, and a capitalised "We"/"Our"
inside a name. The golden sentences for these rules are in tests/cases/claims.json (labels
voice-capital-*, quote-tail-*, degree-*, emphasis-*); the tests here check the pieces and that
the reasons name what decided.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.attribution.attribute import Sourcing
from quotecheck.claims.classify import classify_claims
from quotecheck.claims.framing import find_signals, find_weighted_signals
from quotecheck.claims.signaltables import TABLES
from quotecheck.claims.weighing import (
    _WEAK_INTENSIFIERS,
    Policy,
    _titled,
    _unopened_close,
    weigh_sentence,
)
from quotecheck.config import AnalyzerConfig
from quotecheck.lexicons import load, load_rows
from quotecheck.models import ClaimKind, Genre, GenreKind, Signal, SignalKind, Span
from quotecheck.text.segment import segment


def _claim(text: str) -> qc.Claim:
    """The last claim of ``text`` read with no sourcing (the writer's own words throughout)."""
    return classify_claims(text, segment(text), Sourcing((), (), ()))[-1]


def _whole(text: str) -> Span:
    return Span(start=0, end=len(text), text=text)


# --------------------------------------------------------------------------- degree words


def test_a_degree_word_grades_a_weak_term_and_the_reason_says_so() -> None:
    """'so arrogant': the weak term weighs the threshold, and the reasons name the pair."""
    claim = _claim("The minister's reply to the inquiry was so arrogant.")
    assert claim.kind is ClaimKind.editorial
    assert "a degree word grades an evaluative term: so arrogant" in claim.reasons
    assert "evaluative terms: arrogant" in claim.reasons


def test_the_weak_term_alone_stays_below_the_threshold() -> None:
    """Without the degree word the same term is too weak to make the sentence editorial."""
    claim = _claim("The minister's reply to the inquiry was arrogant.")
    assert claim.kind is ClaimKind.unattributed
    assert not any("degree word" in r for r in claim.reasons)


def test_a_stance_adverb_does_not_grade() -> None:
    """'clearly eager': 'clearly' says how sure the writer is, not how much; no grading."""
    claim = _claim("Ministers were clearly eager to bury the report.")
    assert not any("degree word" in r for r in claim.reasons)


def test_a_degree_word_must_stand_right_before_the_term() -> None:
    """'so, arguably, arrogant' is not one graded phrase: the comma breaks it."""
    claim = _claim("The reply was so, arguably, arrogant.")
    assert not any("degree word" in r for r in claim.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "The river was very high on Tuesday morning.",
        "Water levels were extremely low across the region.",
        "The road was too narrow for the lorries.",
    ],
)
def test_a_degree_word_before_a_plain_word_judges_nothing(text: str) -> None:
    """Hard news: a degree word grading a measurement is not framing."""
    assert _claim(text).kind is ClaimKind.unattributed


def test_degree_words_are_not_evaluative_terms_of_their_own() -> None:
    """Every degree word is kept out of the evaluative table (it only grades)."""
    for word in load("degree"):
        assert (SignalKind.evaluative.value, word.lower()) not in TABLES.weights


# A verb's or noun's other forms that judge where the listed form names ("interesting" beside
# "interest", "promising" beside "promise"): these stay evaluative on purpose.
_JUDGING_FORMS = frozenset(
    {"interesting", "promising", "striking", "damaging", "caring", "pleased", "pleasing",
     "poisons", "riches", "positives", "successes", "hearts", "conflicting", "blasted", "cute",
     "diseased", "pained", "paining", "terrors", "promise"}
)  # fmt: skip
# Forms the derived lists carry that are no English words: they never match a text.
_NOT_WORDS = frozenset(
    {"cutes", "faithed", "winned", "weaponed", "threating", "welling", "winnings"}
)


def _regular_forms(word: str) -> set[str]:
    """The regular inflections of ``word`` (plural or third person, past, -ing, and back)."""
    stem = word[:-1] if word.endswith("e") else word
    forms = {word + "s", word + "es", word + "d", word + "ed", stem + "ing"}
    for ending in ("ed", "ing", "s"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            forms |= {base, base + "e", base + "s", base + "ed", base + "ing"}
    return forms - {word}


def test_an_excluded_word_is_excluded_in_its_other_forms_too() -> None:
    """not_evaluative.txt drops a word class from the derived lists, so each listed verb or noun
    is dropped in every regular form they carry ("criticized" and "criticize", "murder" and
    "murdered"), except forms that judge on their own (_JUDGING_FORMS)."""
    excluded = {row.lower() for row in load("not_evaluative")}
    derived = {row[0].lower() for name in ("valence", "subjective") for row in load_rows(name)}
    missing = sorted(
        form
        for word in excluded
        for form in _regular_forms(word)
        if form in derived and form not in excluded | _JUDGING_FORMS | _NOT_WORDS
    )
    assert missing == []


def test_inflections_of_event_verbs_do_not_make_news_editorial() -> None:
    """'criticizes', 'threatens', 'destroy' name events as 'criticized' does."""
    for text in (
        "The union criticizes the plan and threatens a strike in May.",
        "Floods could destroy the harvest, the ministry said on Monday.",
    ):
        assert _claim(text).kind is not ClaimKind.editorial, text


# --------------------------------------------------------------------------- emphasis


def test_a_weak_intensifier_presses_the_writers_judgment_and_the_reason_says_so() -> None:
    """'always problematic': the intensifier weighs emphasis_factor times as much beside the
    writer's evaluative term, and the reasons name it."""
    claim = _claim("The new timetable is always problematic for shift workers.")
    assert claim.kind is ClaimKind.editorial
    assert "an intensifier presses the writer's judgment (x3): always" in claim.reasons
    assert "evaluative terms: problematic" in claim.reasons


def test_an_emphasis_factor_of_one_leaves_the_intensifier_weak() -> None:
    """AnalyzerConfig.emphasis_factor is read: at 1 the same sentence stays below the threshold."""
    text = "The new timetable is always problematic for shift workers."
    off = AnalyzerConfig(emphasis_factor=1.0)
    claims = classify_claims(text, segment(text), Sourcing((), (), ()), config=off)
    assert claims[-1].kind is ClaimKind.unattributed
    assert not any("presses" in r for r in claims[-1].reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Only 40 of the 200 seats changed hands.",
        "Even after the storm, the ferry ran on time.",
        "The ferry was only slightly delayed by the storm.",
    ],
)
def test_a_weak_intensifier_beside_no_judgment_stays_weak(text: str) -> None:
    """Hard news: 'only' before a figure, 'even' in a plain report press nothing."""
    claim = _claim(text)
    assert claim.kind is ClaimKind.unattributed
    assert not any("presses" in r for r in claim.reasons)


def test_an_intensifier_inside_a_quote_is_the_speakers() -> None:
    """A quoted 'always problematic' weighs nothing for the writer, emphasis or not."""
    a = qc.analyze("\u201cThe new timetable is always problematic,\u201d the union leader said.")
    assert a.claims[-1].kind is ClaimKind.quoted
    assert not any("presses" in r for r in a.claims[-1].reasons)


@pytest.mark.parametrize(("kind", "confidence"), [("news", 0.3), ("news", 0.9), ("analysis", 0.9)])
def test_a_text_read_as_news_keeps_its_weak_intensifiers_weak(kind: str, confidence: float) -> None:
    """In news, however unsure the reading, 'only' and 'even' mostly state facts: factor 1 there;
    other genres (and a sentence read alone) keep the configured factor."""
    genre = Genre(kind=GenreKind(kind), confidence=confidence)
    policy = Policy(genre, AnalyzerConfig())
    assert policy.emphasis_factor == (1.0 if kind == "news" else 3.0)


def test_a_news_report_given_as_news_is_not_pressed() -> None:
    """The same sentence, analysed as news, stays below the threshold and names no emphasis."""
    text = "The new timetable is always problematic for shift workers."
    claim = qc.analyze(text, genre="news").claims[-1]
    assert claim.kind is ClaimKind.unattributed
    assert not any("presses" in r for r in claim.reasons)


def test_a_strong_intensifier_is_not_pressed() -> None:
    """'clearly' (a full entry) keeps its weight: only the weak entries are multiplied."""
    text = "Ministers were clearly stubborn about the levy."
    signals = find_signals(text, _whole(text))
    weights = [0.5 if s.kind is SignalKind.intensifier else 0.42 for s in signals]
    _, out, notes = weigh_sentence(
        text, _whole(text), signals, weights, Policy(None, AnalyzerConfig())
    )
    assert out == weights
    assert not notes


def test_the_weak_intensifiers_are_the_lexicons_entries_weighing_under_one() -> None:
    """The set is read from lexicons/intensifiers.txt, not written in code: the entries weighing
    under 1, less those marked as asserting truth ("verity")."""
    rows = load_rows("intensifiers")
    weak = {row[0].lower() for row in rows if len(row) > 1 and float(row[1]) < 1}
    verity = {row[0].lower() for row in rows if row[2:] == ("verity",)}
    assert verity == {"in fact", "indeed", "actually", "really"}
    assert weak - verity == _WEAK_INTENSIFIERS
    assert {"even", "only", "never", "once again"} <= _WEAK_INTENSIFIERS
    assert "clearly" not in _WEAK_INTENSIFIERS


def test_a_verity_adverb_does_not_press_a_judgment() -> None:
    """'In fact' asserts that a statement is true, not how much: the weak term stays weak."""
    claim = _claim("In fact, the new timetable is problematic for shift workers.")
    assert claim.kind is ClaimKind.unattributed
    assert not any("presses" in r for r in claim.reasons)


def test_just_after_have_is_temporal_not_emphasis() -> None:
    """'has just endured' means recently: 'just' is no signal there, so nothing is pressed."""
    text = "The club has just endured a chaotic week."
    assert "just" not in {s.span.text for s in find_signals(text, _whole(text))}
    assert _claim(text).kind is ClaimKind.unattributed
    other = "The club just endured a chaotic week."
    assert "just" in {s.span.text for s in find_signals(other, _whole(other))}


_WEAK = sorted(_WEAK_INTENSIFIERS)


@given(
    st.lists(
        st.sampled_from([*_WEAK, "the", "report", "was", "problematic", "late", "clearly"]),
        max_size=12,
    ),
    st.floats(min_value=1.0, max_value=5.0),
)
def test_emphasis_never_lowers_a_weight_and_needs_a_judgment(
    words: list[str], factor: float
) -> None:
    """Property: the rule only raises weights, and only when an evaluative term of the writer's
    is in the sentence."""
    text = " ".join(words) + "."
    signals = find_signals(text, _whole(text))
    weights = [0.25 if s.kind is SignalKind.intensifier else 0.47 for s in signals]
    policy = Policy(None, AnalyzerConfig(emphasis_factor=factor))
    _, out, _ = weigh_sentence(text, _whole(text), signals, list(weights), policy)
    assert all(b >= a for a, b in zip(weights, out, strict=False))
    if not any(s.kind is SignalKind.evaluative for s in signals):
        assert out[: len(weights)] == weights


# --------------------------------------------------------------------------- quotation tails


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was a betrayal.\u201d", 18),
        ("It was a betrayal,\u201d she said.", 18),
        ('It was a betrayal," she said.', 18),
        ("\u201cIt was a betrayal,\u201d she said.", -1),
        ('"It was a betrayal," she said.', -1),
        ('He called it a "betrayal" today.', -1),
        ('It was a "historic" day," she said.', -1),
        ("No quote marks at all.", -1),
        ("\u201d", -1),
    ],
)
def test_unopened_close_finds_a_closing_mark_nothing_opened(sentence: str, expected: int) -> None:
    """A closing mark before any opening one is found; balanced or opening marks are not."""
    assert _unopened_close(sentence) == expected


@given(st.text(alphabet='ab \u201c\u201d",.', max_size=30))
def test_unopened_close_points_at_a_quote_mark(sentence: str) -> None:
    """Whatever the text, the answer is -1 or the offset of a double quote mark in it."""
    at = _unopened_close(sentence)
    assert at == -1 or sentence[at] in '\u201d"'


def test_the_tail_of_a_quotation_is_the_speakers_and_the_reason_says_so() -> None:
    """Loaded words before an unopened closing mark weigh nothing; the reasons name them."""
    claim = _claim("The hearing ended at noon. It was a shameful and cynical betrayal.\u201d")
    assert claim.kind is ClaimKind.unattributed
    assert any(
        r.startswith("before a closing quote mark with no opening one") for r in claim.reasons
    )
    assert {s.span.text for s in claim.framing} >= {"shameful", "cynical", "betrayal"}


def test_the_writers_words_after_the_tail_still_count() -> None:
    """Only what stands before the closing mark is the speaker's."""
    claim = _claim("It was over,\u201d she said of the shameful and cynical betrayal.")
    assert claim.kind is ClaimKind.editorial


# --------------------------------------------------------------------------- voice inside names


@pytest.mark.parametrize(
    ("text", "voiced"),
    [
        ("Volunteers from Feeding Our Future delivered meals.", False),
        ("The banner read Who We Are Now in red letters.", False),
        ("The message was plain: We will not accept another delay.", True),
        ("Our city deserves better.", True),
        ("The plan, she wrote, is \u201cWe first, everyone else later\u201d.", True),
        ("Everyone knows our city deserves better.", True),
    ],
)
def test_a_capitalised_we_inside_a_sentence_is_part_of_a_name(text: str, voiced: bool) -> None:
    """'Our' or 'We' with a capital inside a sentence is a name's, unless a clause opens there."""
    signals = find_signals(text, _whole(text))
    assert any(s.kind is SignalKind.voice for s in signals) is voiced


def test_i_is_the_writers_wherever_it_stands() -> None:
    """'I' is written with a capital everywhere: inside a sentence it is still the writer."""
    text = "After the vote I think the council lost its way."
    assert any(s.kind is SignalKind.voice for s in find_signals(text, _whole(text)))


# --------------------------------------------------------------------------- titles in quote marks


@pytest.mark.parametrize(
    ("marks", "titled"),
    [
        ("\u201cGreen Streets Plan\u201d", True),
        ("\u201cRooftop Solar for All\u201d", True),
        ("\u201cKaren\u201d", True),
        ("\u201creform\u201d", False),
        ("\u201cgreen streets\u201d", False),
        ("\u201cFair Deal for tenants\u201d", False),
        ("\u201c\u201d", False),
        ("\u201c2024\u201d", False),
    ],
)
def test_a_title_in_quote_marks_is_every_longer_word_capitalised(marks: str, titled: bool) -> None:
    """A name in quote marks has a capital on each longer word; a term held at a distance not."""
    assert _titled(marks) is titled


def test_a_title_in_quote_marks_weighs_nothing_and_the_reason_says_so() -> None:
    """The scare quote around a name weighs 0, and the claim's reasons name it."""
    text = "The mayor unveiled the \u201cGreen Streets Plan\u201d, a dramatic change."
    _, weights, notes = _weighed(text)
    assert weights[0] == 0.0
    assert "a name or title in quote marks, not distance: \u201cGreen Streets Plan\u201d" in notes


def _weighed(text: str) -> tuple[tuple[Signal, ...], list[float], list[str]]:
    """The signals of ``text`` (one sentence, no quotes read), weighed with no genre."""
    a = qc.analyze(text)
    span = _whole(text)
    found, weights = find_weighted_signals(text, [span], a.quotes)
    return weigh_sentence(text, span, found[0], weights[0], Policy(None, AnalyzerConfig()))


# --------------------------------------------------------------------------- owned judgments


def test_an_owned_judgment_weighs_the_threshold_and_the_reason_says_so() -> None:
    """'the minister's arrogant reply': the weak term weighs the base; the reasons say why."""
    claim = _claim("The minister's arrogant reply reached the inquiry late.")
    assert claim.kind is ClaimKind.editorial
    assert "an evaluative term ascribed to an actor: arrogant" in claim.reasons


@pytest.mark.parametrize(
    "text",
    [
        "The fans voiced their frustration as the players left.",  # a feeling, reported
        "He's arrogant about the budget.",  # he is, not his
        "Their rigged count was posted online.",  # a participle: what was done, not a vice
        "The council's report was arrogant.",  # not right after the owner
    ],
)
def test_what_is_not_an_owned_judgment(text: str) -> None:
    """Feelings, contractions, participles and terms apart from the owner are not raised."""
    claim = _claim(text)
    assert not any("ascribed to an actor" in r for r in claim.reasons)


def test_owned_raising_never_lowers_a_weight() -> None:
    """A term already heavier than the base ('their reckless plan') keeps its weight."""
    _, before, _ = _weighed("A reckless plan.")
    _, after, _ = _weighed("Their reckless plan.")
    assert max(after) == max(before) >= 1.0


def test_the_feelings_are_lower_case_single_words() -> None:
    """lexicons/feelings.txt holds nouns of feeling, one lower-case word a line."""
    feelings = load("feelings")
    assert len(feelings) >= 50
    assert all(f == f.lower() and " " not in f for f in feelings)


# --------------------------------------------------------------------------- the new word classes


@pytest.mark.parametrize(
    "entry",
    [
        "railed",
        "lambasted",
        "pontificated",
        "feckless",
        "bumbling",
        "wingnuts",
        "job-killing",
        "climate deniers",
        "anti-vaxxers",
        "race-baiting",
    ],
)
def test_the_new_evaluative_classes_are_signals(entry: str) -> None:
    """Entries of the classes added for issue 22 are evaluative signals of full weight."""
    assert TABLES.weights[(SignalKind.evaluative.value, entry)] == 1.0


@pytest.mark.parametrize(("genre", "kind"), [("news", "unattributed"), ("opinion", "editorial")])
def test_a_feeling_reported_in_news_weighs_nothing(genre: str, kind: str) -> None:
    """In news, feelings ascribed to people ('fury and outrage among tenants') are reported and
    the reasons say so; in an opinion piece the same words stay the writer's framing."""
    text = "The ruling sparked fury and outrage among tenants of the estate."
    claim = qc.analyze(text, genre=genre).claims[-1]
    assert claim.kind.value == kind
    reported = any(r.startswith("a feeling reported in news") for r in claim.reasons)
    assert reported is (genre == "news")


# --------------------------------------------------------------------------- figures of speech


def test_a_figure_of_speech_is_named_in_the_reasons() -> None:
    """A figure from lexicons/figurative.txt makes the sentence editorial, and the reasons say
    that an image carried the verdict, naming it."""
    claim = _claim("The pension reform is a house of cards built on hopeful forecasts.")
    assert claim.kind is ClaimKind.editorial
    assert "a figure of speech carries a verdict: house of cards" in claim.reasons


def test_a_loaded_word_is_not_called_a_figure() -> None:
    """An evaluative term that is no figure of speech gets no figure note."""
    claim = _claim("The feckless cabinet ignored the pension reform.")
    assert claim.kind is ClaimKind.editorial
    assert not any(r.startswith("a figure of speech") for r in claim.reasons)


def test_figures_have_no_adverbs() -> None:
    """Figures are images, not adjectives: no -ly form is made for them ('nightmarely')."""
    assert TABLES.weights[(SignalKind.evaluative.value, "nightmare")] == 1.0
    assert (SignalKind.evaluative.value, "nightmarely") not in TABLES.weights
    assert (SignalKind.evaluative.value, "shamblesly") not in TABLES.weights


@pytest.mark.parametrize("entry", sorted(load("figurative")))
def test_every_figure_is_a_full_weight_signal(entry: str) -> None:
    """Each entry of lexicons/figurative.txt is found in a sentence of its own as an
    evaluative signal (a multi-word figure as one signal)."""
    text = f"Critics of the plan call it {entry} at every meeting."
    found = {(s.kind, s.span.text.lower()) for s in find_signals(text, _whole(text))}
    assert (SignalKind.evaluative, entry.lower()) in found


def test_a_figure_written_as_a_name_weighs_nothing() -> None:
    """A figure inside the sentence with every longer word capitalised is a title ('House of
    Cards', the series): it weighs nothing, and the reasons say why."""
    claim = qc.analyze("He watched House of Cards all weekend.").claims[-1]
    assert claim.kind is not ClaimKind.editorial
    assert "a figure of speech written as a name: House of Cards" in claim.reasons
    opening = qc.analyze("House of cards, the critics called the budget.").claims[-1]
    assert any(r.startswith("a figure of speech carries") for r in opening.reasons)
