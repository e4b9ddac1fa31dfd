"""Fast paths of the front stages give what the patterns and library calls they replace give."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel

from quotecheck.claims.genre import _LABEL_LEAD_RE, _Q_TURN_RE, _label_lead
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.text.cues import (
    _CANDIDATE_RE,
    _NAME_COLON_RE,
    _colon_gap_start,
    _name_colons,
    find_cues,
)
from quotecheck.text.nonprose import (
    _CAPTION_TAIL_RE,
    _CONTACT_DETAIL_RE,
    _OPENER_RE,
    _caption_tail,
    _contact_detail,
    _may_open,
)
from quotecheck.text.quotes import _VISIBLE_RE, find_quotes
from quotecheck.text.segment import (
    _BOUNDARY_IN_RUN_RE,
    _BOUNDARY_RE,
    _LINE_RE,
    _STOPS,
    _boundaries,
    _gap_start,
    _lines,
    segment,
)

# The white space between a colon and its quote, as find_cues searched for it before the loop.
_COLON_GAP_RE = regex.compile(r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*){0,2}\Z")

# White space of every kind the gap patterns meet (and the separators \x1c-\x1f they leave out),
# the marks around a sentence end, and a few ordinary characters.
_ALPHABET = " \t\n\r\xa0\u2009\u3000\x1c\x1f\x85:.!?…\"'”’»)]aZ9“"


@given(st.text(alphabet=_ALPHABET, max_size=14), st.integers(min_value=0, max_value=14))
def test_colon_gap_start_is_where_the_pattern_matches(text: str, start: int) -> None:
    """_colon_gap_start finds the start of _COLON_GAP_RE's search in the 8 characters before."""
    start = min(start, len(text))
    before = text[max(0, start - 8) : start]
    gap = _COLON_GAP_RE.search(before)
    expected = start - (len(gap.group()) if gap else 0)
    assert _colon_gap_start(text, start) == expected


@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_boundary_groups_follow_from_the_match_bounds(text: str) -> None:
    """segment reads the groups off a boundary's span: gap start, next character, stop."""
    for m in _BOUNDARY_RE.finditer(text):
        start, end = m.span()
        assert m.start("next") == end - 1
        assert _gap_start(text, end - 1) == m.start("gap")
        alone = text[start] == "." and text[start + 1] not in _STOPS
        assert alone == (m.group("stop") == ".")


@given(
    st.text(alphabet=_ALPHABET + "....!!??……", max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
@example("a. ... B", 0, 8)
@example("a. .. B c. d", 0, 12)
def test_boundaries_are_the_unguarded_patterns_matches(text: str, start: int, end: int) -> None:
    """_boundaries finds what finditer of the pattern without its look-behind finds, run by run."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    unguarded = _BOUNDARY_IN_RUN_RE.finditer(text, start, end)
    assert _boundaries(text, start, end) == [(m.start(), m.end() - 1) for m in unguarded]


# Line breaks of every kind, and the letters, marks and spaces a speaker's name line is made of.
_LINE_ALPHABET = "\n\r\u2028\u2029\x85\x0b \t:.’'-aZB"


@given(st.text(alphabet=_LINE_ALPHABET, max_size=40))
def test_lines_are_the_line_patterns_matches(text: str) -> None:
    """segment._lines gives the spans of _LINE_RE's matches, with and without \\r or U+2028."""
    assert _lines(text) == [m.span() for m in _LINE_RE.finditer(text)]


@given(st.text(alphabet=_LINE_ALPHABET, max_size=40))
@example("B Z: a\nZ: Z: a\r\n\tBa-Z’B:  Z\n :a")
def test_name_colons_are_the_name_patterns_matches(text: str) -> None:
    """cues._name_colons finds the colon of every _NAME_COLON_RE match, trying line starts only."""
    assert _name_colons(text) == [m.start(1) for m in _NAME_COLON_RE.finditer(text)]


def test_front_models_hold_every_field_in_order() -> None:
    """The models the front stages make directly hold all their fields, in declaration order."""
    text = "WASHINGTON (AP) — “We won’t,” Mr. Smith said.\n\nLynch: No. It was ‘odd’, she said."
    paragraphs = segment(text)
    quotes = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    cues = find_cues(text, paragraphs, quotes)
    sentences = [s for p in paragraphs for s in p.sentences]
    models: list[BaseModel] = [*paragraphs, *sentences, *quotes, *cues]
    assert quotes
    assert cues
    assert len(sentences) > len(paragraphs)
    for model in models:
        assert list(model.__dict__) == list(type(model).model_fields)
        assert model.model_fields_set == set(type(model).model_fields)


def test_what_isspace_refuses_the_visible_pattern_takes() -> None:
    """quotes._visible may skip _VISIBLE_RE when str.isspace() refuses the first character."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    refused = "".join(ch for ch in everything if not ch.isspace())
    assert all(_VISIBLE_RE.match(ch) for ch in refused)


@given(st.text(alphabet="saidtoldin ‘’'-é\n(“", max_size=30))
def test_candidate_words_start_one_character_into_the_match(text: str) -> None:
    """cues._word_starts takes a candidate word to start one character after its match."""
    for m in _CANDIDATE_RE.finditer(text):
        assert m.start(1) == m.start() + 1


# Every word an alternative of nonprose._OPENER_RE opens with, as the pattern spells it.
_OPENER_WORDS = [
    "by",
    "reviewed",
    "written",
    "words",
    "interview",
    "interviews",
    "posted",
    "story",
    "text",
    "report",
    "additional",
    "further",
    "extra",
    "with",
    "and",
    "reporting",
    "writing",
    "editing",
    "edited",
    "research",
    "compiled",
    "produced",
    "graphics",
    "translat",
    "fact-checking",
    "photo",
    "production",
    "contribut",
    "reported",
    "file",
    "main",
    "top",
    "lead",
    "header",
    "feature",
    "pic",
    "image",
    "caption",
    "illustration",
    "graphic",
    "video",
    "credit",
    "courtesy",
    "media",
    "press",
    "investor",
    "pr",
    "news",
    "editorial",
    "for",
    "contact",
    "journalist",
    "tel",
    "phone",
    "mob",
    "cell",
    "fax",
    "office",
    "email",
    "e-mail",
    "www",
    "http",
    "notes",
    "note",
    "editor",
    "ends",
    "end",
    "forward",
    "safe",
    "cautionary",
    "about",
    "reuters",
    "ap",
    "afp",
    "epa",
    "efe",
    "pa",
    "aap",
    "ani",
    "pti",
    "xinhua",
    "bloomberg",
    "getty",
    "sportsfile",
    "inpho",
]


def test_opener_guard_agrees_with_the_pattern_on_every_letter_pair() -> None:
    """nonprose._may_open skips _OPENER_RE only where it cannot match: every pair of ASCII
    letters, in three casings, followed by the rest of every opener word and by other words."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    tails = {word[2:] + " Jane Doe" for word in _OPENER_WORDS} | {"e council met", " a@b.c x"}
    for a in letters:
        for b in letters:
            for pair in (a + b, (a + b).upper(), a.upper() + b):
                for tail in tails:
                    text = pair + tail
                    expected = _OPENER_RE.match(text, 0, len(text)) is not None
                    assert _may_open(text, 0, len(text)) == expected, text


@given(
    st.text(alphabet="aBpPhH @.-(1:é\n", max_size=12),
    st.sampled_from(["", *_OPENER_WORDS]),
    st.integers(0, 4),
    st.integers(0, 30),
)
def test_opener_guard_agrees_with_the_pattern(text: str, word: str, start: int, end: int) -> None:
    """nonprose._may_open is _OPENER_RE.match as a bool, at any start and end."""
    text = word + text
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert _may_open(text, start, end) == (_OPENER_RE.match(text, start, end) is not None)


@given(
    st.text(alphabet="tel: +44 20(1)-./@wW.ex:/hps 9٣\n", max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
@example("Tel: +44 20 7946 0000", 0, 21)
@example("jane@example.org", 0, 16)
@example("see WWW.x.org", 0, 13)
@example("https://x.org", 0, 13)
def test_contact_guard_agrees_with_the_pattern(text: str, start: int, end: int) -> None:
    """nonprose._contact_detail is _CONTACT_DETAIL_RE.search as a bool."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = _CONTACT_DETAIL_RE.search(text, start, end) is not None
    assert _contact_detail(text, start, end) == expected


@given(
    st.text(alphabet="Photo: credit(Getty) AFP.x\n", max_size=50),
    st.integers(0, 50),
    st.integers(0, 50),
)
@example("Flood waters in Leeds. (Getty Images)", 0, 37)
@example("Flood waters. Photo: Jane Doe", 0, 29)
def test_caption_tail_guard_agrees_with_the_pattern(text: str, start: int, end: int) -> None:
    """nonprose._caption_tail is _CAPTION_TAIL_RE.search as a bool."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = _CAPTION_TAIL_RE.search(text, start, end) is not None
    assert _caption_tail(text, start, end) == expected


@given(st.text(alphabet="Opinion |:-–—Q.Anwer \n&'x", max_size=30))
@example("Opinion: the council")
@example("Review — The Long Tide")
@example("Q: Why?")
@example("Question - Why?")
def test_genre_guards_agree_with_their_patterns(text: str) -> None:
    """genre._label_lead is _LABEL_LEAD_RE.match; a Q/A turn opens with "Q" or not at all."""
    lead, expected = _label_lead(text), _LABEL_LEAD_RE.match(text)
    assert (lead and lead.span()) == (expected and expected.span())
    if _Q_TURN_RE.match(text):
        assert text[:1] == "Q"
