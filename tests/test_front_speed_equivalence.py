"""Fast paths of the front stages give what the patterns and library calls they replace give."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel

from quotecheck.config import DEFAULT_CONFIG
from quotecheck.models import Cue, CueKind, Span
from quotecheck.text.cues import (
    _CANDIDATE_RE,
    _NAME_COLON_RE,
    _colon_gap_start,
    _name_colons,
    find_cues,
)
from quotecheck.text.nonprose import (
    _OPENER_RE,
    _OPENER_WORDS,
    _opens_like_a_label,
)
from quotecheck.text.quotes import _VISIBLE_RE, _merge_runs, _merge_runs_plainly, find_quotes
from quotecheck.text.segment import (
    _BOUNDARY_IN_RUN_RE,
    _BOUNDARY_RE,
    _GLUED_OPEN_RE,
    _LINE_RE,
    _STOPS,
    _boundaries,
    _boundaries_by_pattern,
    _gap_start,
    _glued_openings,
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
@example("999999999999?? 9", 13, 16)
def test_boundaries_are_the_unguarded_patterns_matches(text: str, start: int, end: int) -> None:
    """_boundaries finds what finditer of the pattern without its look-behind finds, run by run."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    unguarded = _BOUNDARY_IN_RUN_RE.finditer(text, start, end)
    expected = [(m.start(), m.end() - 1) for m in unguarded]
    assert _boundaries(text, start, end) == expected
    assert _boundaries_by_pattern(text, start, end) == expected


@given(
    st.text(alphabet='".!?aAZ \n“', max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
@example('x."A"B."C', 0, 9)
@example('"a."B', 1, 5)
def test_glued_openings_are_the_patterns_matches_after_an_even_count(
    text: str, start: int, end: int
) -> None:
    """_glued_openings finds each _GLUED_OPEN_RE match whose mark has an even number of
    straight double marks before it in the range."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = [
        (m.start(), m.end() - 1)
        for m in _GLUED_OPEN_RE.finditer(text, start, end)
        if text.count('"', start, m.end() - 1) % 2 == 0
    ]
    assert _glued_openings(text, start, end) == expected


_OPENER_ALPHABET = "aeiloprstwbyAEPT@-(1 \t\xa0İſK.“é٣_#©"


@given(
    st.one_of(
        st.text(alphabet=_OPENER_ALPHABET, max_size=10),
        st.builds(
            lambda word, cut, rest: word[:cut] + rest,
            st.sampled_from([w.replace("\\s", " ").replace("\\b", "") for w in _OPENER_WORDS]),
            st.integers(min_value=0, max_value=14),
            st.text(alphabet=_OPENER_ALPHABET, max_size=4),
        ).map(lambda t: t.replace("?", "")),
    )
)
@example("The council")
@example("press@acme.com")
@example("E-mail: x")
@example("ſtory by Jane")
@example("“We")
@example("A man")
@example("He said")
@example("AP photo")
@example("© Reuters 2024")
@example("All rights reserved.")
def test_opener_test_is_the_patterns_match(text: str) -> None:
    """nonprose._opens_like_a_label says what _OPENER_RE.match says, case-insensitively."""
    for variant in (text, text.upper(), text.title()):
        expected = _OPENER_RE.match(variant, 0, len(variant)) is not None
        assert _opens_like_a_label(variant, 0, len(variant)) == expected


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
    spans = [span for q in quotes for span in (q.span, q.marks)]
    models: list[BaseModel] = [*paragraphs, *sentences, *spans]
    assert quotes
    assert cues  # plain records (text.cues.CueRecord), not models: see the test below
    assert len(sentences) > len(paragraphs)
    for model in models:
        assert list(model.__dict__) == list(type(model).model_fields)
        assert model.model_fields_set == set(type(model).model_fields)


def test_cue_records_hold_the_fields_of_the_cue_model() -> None:
    """Each cue record carries what a Cue model would: its words with their offsets in the
    text, its kind, lemma and stance; the model built from one validates."""
    text = "“We won’t,” Mr. Smith said.\n\nLynch: No. It was odd, she reportedly said."
    paragraphs = segment(text)
    cues = find_cues(text, paragraphs, find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes)
    assert {c.kind for c in cues} == {CueKind.speech_verb, CueKind.colon, CueKind.vague}
    for c in cues:
        assert text[c.start : c.end] == c.text
        span = Span(start=c.start, end=c.end, text=c.text)
        Cue(span=span, kind=c.kind, lemma=c.lemma, stance=c.stance)


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


@given(
    st.text(alphabet="“”\"' \t\n\x1c\x1fa", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 3)), max_size=12),
)
def test_merged_mark_runs_are_the_plain_forms(text: str, marks: list[tuple[int, int]]) -> None:
    """quotes._merge_runs gives what its plain reference form gives, repeated marks included."""
    marks = [(min(s, len(text)), min(s + w, len(text))) for s, w in marks]
    assert _merge_runs(text, marks) == _merge_runs_plainly(text, marks)
