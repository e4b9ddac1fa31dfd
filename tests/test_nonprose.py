"""Copy that is not prose, transcripts and input checks, against tests/cases/nonprose.json.

Each case runs through the whole pipeline. ``expected`` may hold:

- ``roles``: sentence text -> SentenceRole value, for every sentence with that exact text;
- ``kinds``: sentence text -> ClaimKind value of its claim;
- ``flags``: the exact set of flag kinds; ``flags_include`` / ``flags_exclude``: kinds that must
  (not) be among them;
- ``turns``: transcript turns that must be attributions with cue kind ``turn``: their
  ``content`` and ``cue`` texts and the source's ``name`` and ``role`` (when given);
- ``attributions`` / ``quotes``: the exact number of them;
- ``language``: ``Analysis.language``;
- ``same_as_without_bom``: the claims' kinds and texts match those of the text without its BOM.

Every case also checks the invariants of the issue: a sentence of a non-prose role is a claim of
kind ``other``, and no flag but the input warnings lies inside one.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.attribution.nonprose import non_prose_ranges
from quotecheck.models import Analysis, ClaimKind, CueKind, FlagKind, SentenceRole
from quotecheck.text.language import read_input
from quotecheck.text.nonprose import NON_PROSE, paragraph_roles, sentence_role
from quotecheck.text.segment import segment
from quotecheck.text.turns import turn_labels
from tests.conftest import case_params, load_cases

CASES = load_cases("nonprose")
_INPUT_FLAGS = {FlagKind.not_prose_input, FlagKind.language}


def _roles(a: Analysis) -> dict[str, set[str]]:
    """Sentence text -> the roles of the sentences with that text."""
    found: dict[str, set[str]] = {}
    for s in a.sentences:
        found.setdefault(s.span.text, set()).add(s.role.value)
    return found


def _check_turns(a: Analysis, turns: list[dict[str, Any]]) -> None:
    """Each expected turn is an attribution with cue kind turn, content, cue and speaker."""
    sources = {s.id: s for s in a.sources}
    made = [x for x in a.attributions if x.cue_kind is CueKind.turn]
    for turn in turns:
        match = [x for x in made if x.content.text == turn["content"]]
        assert match, (turn, [x.content.text for x in made])
        x = match[0]
        assert x.cue is not None
        assert x.cue.text == turn["cue"]
        source = sources[x.source_id]
        assert source.kind.value == "person"
        if "name" in turn:
            assert source.name == turn["name"]
        if "role" in turn:
            assert source.role == turn["role"]


@pytest.mark.parametrize("case", case_params("nonprose"))
def test_nonprose_case(case: dict[str, Any]) -> None:
    """Each golden passage gets the expected roles, claim kinds, turns and flags."""
    text = case["input"]
    a = qc.analyze(text)
    expected = case["expected"]
    roles = _roles(a)
    for sentence, role in expected.get("roles", {}).items():
        assert roles.get(sentence) == {role}, (sentence, roles)
    kinds = {c.span.text: c.kind.value for c in a.claims}
    for sentence, kind in expected.get("kinds", {}).items():
        assert kinds.get(sentence) == kind, (sentence, kinds)
    flag_kinds = {f.kind.value for f in a.flags}
    if "flags" in expected:
        assert flag_kinds == set(expected["flags"])
    assert set(expected.get("flags_include", [])) <= flag_kinds
    assert flag_kinds.isdisjoint(expected.get("flags_exclude", []))
    _check_turns(a, expected.get("turns", []))
    if "attributions" in expected:
        assert len(a.attributions) == expected["attributions"]
    if "quotes" in expected:
        assert len(a.quotes) == expected["quotes"]
    if "language" in expected:
        assert a.language == expected["language"]
    if expected.get("same_as_without_bom"):
        plain = qc.analyze(text.lstrip("\ufeff"))
        assert [(c.kind, c.role, c.span.text) for c in a.claims] == [
            (c.kind, c.role, c.span.text) for c in plain.claims
        ]
        assert [(f.kind, f.span.text) for f in a.flags] == [
            (f.kind, f.span.text) for f in plain.flags
        ]
    _check_invariants(text, a)


def _check_invariants(text: str, a: Analysis) -> None:
    """Non-prose sentences are claims of kind other, flagged only by input warnings."""
    for c in a.claims:
        assert text[c.span.start : c.span.end] == c.span.text
        if c.role in NON_PROSE:
            assert c.kind is ClaimKind.other, c
            for f in a.flags:
                if f.kind not in _INPUT_FLAGS:
                    assert not c.span.start <= f.span.start < c.span.end, (f, c)


def test_enough_cases_across_roles() -> None:
    """The golden file has >= 60 cases, negatives among them, and covers every non-prose role."""
    assert len(CASES) >= 60
    assert sum(c["provenance"] == "negative" for c in CASES) >= 15
    seen = {role for c in CASES for role in c["expected"].get("roles", {}).values()}
    assert {r.value for r in NON_PROSE} <= seen


def test_sentence_role_reads_credits_and_prose() -> None:
    """sentence_role names a credit and a photo credit, and leaves prose alone."""
    credit = "(Reporting by Jane Doe; Editing by John Roe)"
    assert sentence_role(credit, 0, len(credit)) is SentenceRole.credit
    photo = "Photo: Jane Doe/PA"
    assert sentence_role(photo, 0, len(photo)) is SentenceRole.caption
    prose = "Reporting by the BBC revealed that the deal was off."
    assert sentence_role(prose, 0, len(prose)) is None


def test_paragraph_roles_blocks_run_on() -> None:
    """A contact block runs while its lines are contact-like; boilerplate runs to the end."""
    text = "Body text here.\n\nMedia contact:\n\nJane Doe\n\nThe plant employs 400 people in Hull."
    bounds = [(0, 15), (17, 31), (33, 41), (43, len(text))]
    assert [text[s:e] for s, e in bounds][1] == "Media contact:"
    roles = paragraph_roles(text, bounds)
    assert roles == [None, SentenceRole.contact, SentenceRole.contact, None]


def test_turn_labels_need_a_transcript() -> None:
    """One 'X:' paragraph is no transcript; Q and A together are."""
    one = "Brexit: what next"
    assert turn_labels(one, [(0, len(one))]) == [None]
    qa = "Q: Why?\nA: Because."
    assert turn_labels(qa, [(0, 7), (8, len(qa))]) == [(0, 2), (8, 10)]


def test_non_prose_ranges_merge_neighbours() -> None:
    """Adjacent non-prose sentences form one range; prose breaks it."""
    text = "By Jane Doe\n\nPhoto: Sam Roe\n\nThe council met."
    ranges = non_prose_ranges(segment(text))
    assert [text[s:e] for s, e in ranges] == ["By Jane Doe\n\nPhoto: Sam Roe"]


def test_read_input_numbers_explain_the_verdict() -> None:
    """read_input reports the shares behind its language call."""
    reading = read_input("The mayor said that the council would not raise taxes this year at all.")
    assert reading.language == "en"
    assert reading.english_share > 0.3
    assert reading.ascii_share == 1.0
    assert not reading.not_english


def test_language_flag_message_gives_the_numbers() -> None:
    """The language flag says what the text reads as and the shares behind it."""
    text = "Der Bundestag hat am Donnerstag das Gesetz beschlossen, und die Opposition ist froh."
    flags = [f for f in qc.analyze(text).flags if f.kind is FlagKind.language]
    assert len(flags) == 1
    assert "'de'" in flags[0].message
    assert "0% of its words" in flags[0].message


def test_html_flag_points_at_the_first_tag() -> None:
    """The HTML flag's span is the first tag, exactly."""
    text = "Intro <div class='x'>The council met.</div>"
    flag = next(f for f in qc.analyze(text).flags if f.kind is FlagKind.not_prose_input)
    assert flag.span.text == "<div class='x'>"


# Heads of every label test of text.nonprose, and text that opens no label: _OPENER_RE must
# match wherever one of those tests can (paragraph_roles skips them when it does not).
_LABEL_PIECES = [
    "By ",
    "BY ",
    "Reviewed by ",
    "Interview by ",
    "Story by ",
    "Reporting by ",
    "Editing by ",
    "Photo: ",
    "Photograph: ",
    "Image caption, ",
    "Credit: ",
    "Courtesy ",
    "File photo ",
    "(Getty Images)",
    "REUTERS/Jane Doe",
    "AP Photo/Jo Roe",
    "AFP/",
    "Media contacts",
    "Press ",
    "For further information, please contact ",
    "Contact: ",
    "Journalists, please contact ",
    "Notes to editors:",
    "Editors' notes",
    "Editor's note: ",
    "(Editor’s note:",
    "- ENDS -",
    "ends",
    "###",
    "-30-",
    "Forward-looking statements",
    "Safe harbor statement",
    "Cautionary note",
    "About Acme",
    "About the University of Leeds",
    "Tel: +44 20 7946 0000",
    "jane@example.org",
    "www.example.org",
    "Q: ",
    "A: ",
    "SMITH: ",
    "Mayor: ",
    "The council ",
    "We said no.",
    "Why?",
    " ",
    "\t",
    "'",
    "“",
    ",",
    ":",
    "1",
    "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), min_size=1, max_size=6))
def test_the_opener_precheck_holds_every_label_test(pieces: list[str]) -> None:
    """Where _OPENER_RE finds no label at a (trimmed) paragraph's start, no label test can
    match there."""
    from quotecheck.text import nonprose as n

    text = "".join(pieces)
    start, end = n._trimmed(text, 0, len(text))  # as paragraph_roles reads a paragraph
    if start == end or n._OPENER_RE.match(text, start, end):
        return
    anchored = [
        n._BYLINE_HEAD_RE.match(text, start, end),
        n._CREDIT_HEAD_RE.match(text, start, end),
        n._CAPTION_LABEL_RE.match(text, start, end),
        n._AGENCY_CREDIT_RE.fullmatch(text, start, end),
        n._CONTACT_HEAD_RE.match(text, start, end),
        n._BOILERPLATE_BLOCK_RE.match(text, start, end),
        n._ABOUT_RE.fullmatch(text, start, end),
        n._EDITORS_NOTE_RE.match(text, start, end),
    ]
    assert anchored == [None] * len(anchored), text


def test_transcript_turns_keep_their_roles_without_the_label_tests() -> None:
    """A Q/A transcript's turns open no label the tests know: they stay plain body copy."""
    text = "Q: Why now?\n\nA: Because it is time.\n\nSMITH: We agreed.\n\n"
    paragraphs = segment(text)
    roles = [s.role for p in paragraphs for s in p.sentences]
    assert SentenceRole.byline not in roles
    assert SentenceRole.caption not in roles
    assert SentenceRole.speaker in roles


_TAIL_PIECES = [
    "Photo: Jane Doe",
    "PHOTOS : AP",
    "Picture: x",
    "Image:",
    "credit: Getty",
    "(Getty Images)",
    "(AFP)",
    "( pool )",
    "Tel: +44 20 7946 0000",
    "tel 555 010 0199",
    "+1 (555) 010-0199",
    "jane@example.org",
    "https://x.org/a",
    "WWW.example.org",
    "Q: ",
    "A: Because.",
    "SMITH: ",
    "We said no.",
    "12",
    "1",
    "@",
    "+",
    ")",
    "(",
    ":",
    " ",
    "\n",
    "x",
    "é",
    "ſ",
    "٣",
    "Ｐhoto:",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_PIECES), min_size=1, max_size=6))
def test_the_tail_prechecks_hold_their_patterns(pieces: list[str]) -> None:
    """Wherever the caption-tail or contact pattern matches, its precheck says it may."""
    from quotecheck.text import nonprose as n

    text = "".join(pieces)
    if n._CAPTION_TAIL_RE.search(text):
        assert n._may_end_in_caption(text), text
    if n._CONTACT_DETAIL_RE.search(text):
        assert n._may_hold_contact(text), text
