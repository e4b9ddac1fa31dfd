"""Framing signals: lexicon matches with kinds, spans, in-quote marking, and the lexicons' form."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.claims.framing import (
    _ASCII_TOKENS_RE,
    _TABLES,
    _TOKEN_RE,
    _TOKENS_RE,
    _glued,
    _lexicon_tokens,
    _lower,
    _Phrase,
    _phrase_matches,
    find_signals,
    signal_weight,
    speech_like,
)
from quotecheck.lexicons import load_rows
from quotecheck.models import Quote, QuoteKind, Signal, SignalKind, Span

FRAMING_LEXICONS = (
    "evaluative",
    "subjective",
    "valence",
    "not_evaluative",
    "presupposition",
    "intent",
    "speculation",
    "intensifiers",
    "voice",
    "allegation",
    "figurative",
)


def _signals(text: str, quotes: tuple[Quote, ...] = ()) -> tuple[Signal, ...]:
    return find_signals(text, Span(start=0, end=len(text), text=text), quotes)


def _found(text: str) -> set[tuple[str, str]]:
    return {(s.kind.value, s.span.text) for s in _signals(text)}


@pytest.mark.parametrize("name", FRAMING_LEXICONS)
def test_lexicon_has_provenance_header_and_loads(name: str) -> None:
    """Every framing lexicon opens with a comment naming its provenance, and parses."""
    raw = resources.files("quotecheck.lexicons").joinpath(f"{name}.txt").read_text("utf-8")
    header = "\n".join(line for line in raw.splitlines()[:12] if line.startswith("#"))
    assert "Provenance:" in header
    assert len(load_rows(name)) >= 20


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("The regime's thugs beat the marchers.", "evaluative", "thugs"),
        ("She slammed the decision.", "evaluative", "slammed"),
        ("It was an outrageously partisan move.", "evaluative", "outrageously"),
        ("The so-called reform failed.", "presupposition", "so-called"),
        ("Under the pretext of security, roads closed.", "presupposition", "Under the pretext of"),
        ("The party aims to win the north.", "intent", "aims to"),
        ("The allies are eager to rebuild.", "intent", "are eager to"),
        ("Troops massed in preparation for an assault.", "speculation", "in preparation for"),
        ("The firm is poised to expand.", "speculation", "is poised to"),
        ("This is clearly wrong.", "intensifier", "clearly"),
        ("Of course the plan failed.", "intensifier", "Of course"),
        ("We must act now.", "voice", "We"),
        ("Tell us what happened.", "voice", "us"),
    ],
)
def test_each_kind_is_found_with_its_span(text: str, kind: str, words: str) -> None:
    """A lexicon entry yields a signal of its kind whose span is exactly the matched words."""
    assert (kind, words) in _found(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("US troops left the base.", "US"),  # the country, not the pronoun
        ("The Central Intelligence Agency declined to comment.", "Intelligence"),  # a name
        ("The Justice Department opened an inquiry.", "Justice"),
        ("Three people were killed in the attack.", "killed"),  # names an event
        ("The latest figures are final.", "latest"),  # describes, does not judge
        ("The slammedoor opened.", "slammed"),  # not a whole word
    ],
)
def test_no_signal_where_the_words_do_not_judge(text: str, words: str) -> None:
    """Names, the country 'US', event words and word fragments are not framing signals."""
    assert all(s.span.text != words for s in _signals(text))


def test_title_case_headline_keeps_its_signals() -> None:
    """In a title-case headline, capitalised loaded words still count."""
    assert ("evaluative", "Madness") in _found("The Beginning of Liberal Madness in Congress")


def test_signal_inside_a_quote_is_the_speakers() -> None:
    """Framing inside quote marks is marked in_quote and weighs nothing for the writer."""
    text = "“This so-called reform is a disgrace,” Lind said."
    inner = text.index("This")
    quote = Quote(
        id="q1",
        span=Span(start=inner, end=text.index("”"), text=text[inner : text.index("”")]),
        marks=Span(start=0, end=text.index("”") + 1, text=text[: text.index("”") + 1]),
        kind=QuoteKind.direct,
        paragraph=0,
    )
    signals = _signals(text, (quote,))
    so_called = next(s for s in signals if s.span.text == "so-called")
    assert so_called.in_quote
    assert signal_weight(so_called) == 0.0
    assert all(s.in_quote for s in signals)


def test_scare_quote_term_is_a_signal_but_speech_is_not() -> None:
    """A short term in scare quotes is a writer's signal; a speech-like scare quote is not."""
    text = "The “reform” passed, and “we will fight it all the way” was heard."
    quotes = tuple(
        Quote(
            id=f"q{i}",
            span=Span(start=a + 1, end=b - 1, text=text[a + 1 : b - 1]),
            marks=Span(start=a, end=b, text=text[a:b]),
            kind=QuoteKind.scare,
            paragraph=0,
        )
        for i, (a, b) in enumerate(
            [(text.index("“reform”"), text.index("”") + 1), (text.index("“we"), len(text) - 11)]
        )
    )
    scare = [s.span.text for s in _signals(text, quotes) if s.kind is SignalKind.scare_quote]
    assert scare == ["“reform”"]


def test_weights_rank_strong_signals_above_weak_ones() -> None:
    """A presupposition weighs a full point; a lone intensifier only part of one."""
    by_text = {s.span.text: signal_weight(s) for s in _signals("Clearly, the so-called plan.")}
    assert by_text["so-called"] == 1.0
    assert 0 < by_text["Clearly"] < 1.0


@pytest.mark.parametrize(
    ("words", "speech"),
    [
        ("war against the Islamic State,", False),
        ("smart meters", False),
        ("we will not leave until the water is safe", True),
        ("it is over", True),
        ("one two three four five six seven", True),
    ],
)
def test_speech_like(words: str, speech: bool) -> None:
    """Quoted words read like speech when they form a clause or run long."""
    assert speech_like(words) is speech


def test_signals_are_in_text_order_and_index_the_text() -> None:
    """Signals come sorted by position and every span slices the original text."""
    text = "Clearly the regime, so-called, aims to crush dissent; we should resist."
    signals = _signals(text)
    assert [s.span.start for s in signals] == sorted(s.span.start for s in signals)
    assert all(text[s.span.start : s.span.end] == s.span.text for s in signals)


_PHRASES = [(anchor, phrase) for anchor, phrases in _TABLES.phrases.items() for phrase in phrases]
_PIECES = st.sampled_from([" ", "  ", "\n", "\t ", "x", "3", "-", "'", ".", ",", "the", "of", "in"])


def _whole_text_starts(phrase: _Phrase, text: str) -> list[int]:
    """Starts of the phrase's word-opening matches, by a scan of the whole text."""
    found = phrase.pattern.finditer(text)
    return [m.start() for m in found if m.start() == 0 or not _glued(text[m.start() - 1])]


@settings(max_examples=300)
@given(st.data())
def test_phrase_search_around_anchors_finds_what_a_whole_text_scan_finds(
    data: st.DataObject,
) -> None:
    """Searching near the anchor's words keeps exactly the matches a whole-text scan keeps."""
    anchor, phrase = data.draw(st.sampled_from(_PHRASES))
    entry = phrase.pattern.pattern.split("(?!")[0].replace(r"\s{1,4}", " ").replace("\\", "")
    parts = data.draw(st.lists(st.one_of(_PIECES, st.just(entry)), min_size=1, max_size=12))
    text = _lower(
        "".join(w.replace(" ", data.draw(st.sampled_from([" ", "  ", "\n "]))) for w in parts)
    )
    at = [
        m.start() for m in _TOKEN_RE.finditer(text) if anchor in _TABLES.tokens.get(m.group(), ())
    ]
    starts = {m.start() for m in _phrase_matches(phrase, text, at)}
    kept = sorted(s for s in starts if s == 0 or not _glued(text[s - 1]))
    assert kept == _whole_text_starts(phrase, text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_token_pattern_finds_the_same_words_in_ascii_text(text: str) -> None:
    """The ASCII-only token pattern splits lower-cased ASCII text into the same pieces."""
    low = _lower(text)
    assert _ASCII_TOKENS_RE.split(low) == _TOKENS_RE.split(low)


_TOKEN_PIECES = ["clearly", "regime's", "so-called", "you", "Desperate", "ab", "é", "İ", "9"]


@given(st.lists(st.sampled_from([*_TOKEN_PIECES, " ", "’", "-", "_", ".", "\n"]), max_size=30))
def test_lexicon_tokens_are_the_table_hits_of_every_token(pieces: list[str]) -> None:
    """_lexicon_tokens lists each token found in the table, at its offset, with its forms."""
    low = _lower("".join(pieces))
    table = _TABLES.tokens
    expected = [
        (m.start(), form)
        for m in _TOKEN_RE.finditer(low)
        if m.group() in table
        for form in table[m.group()]
    ]
    assert _lexicon_tokens(low) == expected


@pytest.mark.parametrize(
    ("text", "kind", "kept", "dropped"),
    [
        ("The plan is likely to fail by the spring.", "speculation", "is likely to", "likely to"),
        ("It was the very thing they feared.", "intensifier", "the very", "very"),
    ],
)
def test_one_signal_per_phrase_and_kind(text: str, kind: str, kept: str, dropped: str) -> None:
    """A lexicon match inside a longer match of the same kind is not a second signal."""
    signals = find_signals(text, Span(start=0, end=len(text), text=text))
    same = [s.span.text for s in signals if s.kind.value == kind]
    assert kept in same
    assert dropped not in same
