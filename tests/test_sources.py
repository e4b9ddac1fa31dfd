"""Sources: classifying a mention (person, organisation, media, document, anonymous, vague)
and resolving later mentions (surname, role, pronoun) to the source introduced earlier."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.attribution.coref import SourceBook
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.sources import (
    _TOKEN_RE,
    Mention,
    TokenWindows,
    phrase_after,
    subject_before,
    tokens,
)
from quotecheck.models import SourceKind

MENTIONS: list[tuple[str, dict[str, Any]]] = [
    (
        "US Deputy Defense Press Secretary Gordon Trowbridge",
        {
            "kind": "person",
            "name": "Gordon Trowbridge",
            "role": "US Deputy Defense Press Secretary",
        },
    ),
    ("Gen. Joseph Dunford", {"kind": "person", "name": "Joseph Dunford", "role": "Gen."}),
    ("General Khalifa Hafter", {"kind": "person", "name": "Khalifa Hafter", "role": "General"}),
    (
        "Secretary of State John Kerry",
        {"kind": "person", "name": "John Kerry", "role": "Secretary of State"},
    ),
    ("Hillary Clinton", {"kind": "person", "name": "Hillary Clinton", "role": None}),
    ("the Pentagon", {"kind": "organization", "name": "Pentagon"}),
    ("AFRICOM", {"kind": "organization", "name": "AFRICOM"}),
    ("the State Department", {"kind": "organization"}),
    ("Washington", {"kind": "organization", "name": "Washington"}),
    ("the Washington Post", {"kind": "media", "name": "Washington Post"}),
    ("Reuters", {"kind": "media", "name": "Reuters"}),
    ("the conservative-leaning newspaper", {"kind": "media"}),
    (
        "a retired US Special Operations Command officer",
        {"kind": "anonymous", "descriptor": "a retired US Special Operations Command officer"},
    ),
    (
        "unnamed Defense Department sources",
        {"kind": "anonymous", "descriptor": "unnamed Defense Department sources"},
    ),
    ("people familiar with the matter", {"kind": "anonymous"}),
    ("a senior administration official", {"kind": "anonymous"}),
    ("two Navy officials", {"kind": "anonymous"}),
    ("critics", {"kind": "vague", "descriptor": "critics"}),
    ("some experts", {"kind": "vague"}),
    ("the report", {"kind": "document", "name": "the report"}),
    ("the new study", {"kind": "document"}),
    ("he", {"kind": "person", "pronoun": "he"}),
]


@pytest.mark.parametrize(("phrase", "want"), MENTIONS, ids=[m[0] for m in MENTIONS])
def test_classify_before_a_cue(phrase: str, want: dict[str, Any]) -> None:
    """A phrase standing before "said" is read as the expected kind of source."""
    text = f"{phrase} said"
    mention = classify(text, subject_before(tokens(text, 0, len(phrase))))
    assert mention is not None
    assert text[mention.start : mention.end] == phrase
    assert mention.kind.value == want.pop("kind")
    for field, value in want.items():
        assert getattr(mention, field) == value, field


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("said Tom Reyes, a spokesman", "Tom Reyes"),
        ("told the Washington Post in May", "the Washington Post"),
        ("said of the Clintons", None),
    ],
    ids=["inverted", "channel", "preposition"],
)
def test_phrase_after_a_cue(text: str, want: str | None) -> None:
    """The phrase after a cue stops at commas and time phrases; a preposition is no speaker."""
    start = text.index(" ") + 1
    words = phrase_after(tokens(text, start, len(text)))
    got = text[words[0].start : words[-1].end] if words else None
    if want is not None and got != want:
        pytest.fail(f"{got!r} != {want!r}")
    assert want is not None or got is None


def _mention(text: str, phrase: str, start_at: int = 0) -> Mention:
    start = text.index(phrase, start_at)
    words = subject_before(tokens(text, start, start + len(phrase)))
    mention = classify(text, words)
    assert mention is not None
    return mention


def test_surname_role_and_pronoun_resolve_to_one_source() -> None:
    """A surname, "the spokesman" and "he" all join the person introduced first."""
    text = "Pentagon spokesman Peter Cook said x. Cook said y. The spokesman said z. He said w."
    book = SourceBook(text)
    first, _ = book.add(_mention(text, "Pentagon spokesman Peter Cook"))
    for phrase in ("Cook", "The spokesman", "He"):
        index, reason = book.add(_mention(text, phrase, text.index(". ")))
        assert index == first, phrase
        assert reason
    sources, _ = book.sources([first])
    assert sources[0].name == "Peter Cook"
    assert sources[0].role == "Pentagon spokesman"
    assert [text[a:b] for a, b in sources[0].mentions] == [
        "Pentagon spokesman Peter Cook",
        "Cook",
        "The spokesman",
        "He",
    ]


def test_different_people_stay_apart() -> None:
    """Two people with different surnames are two sources; the same outlet twice is one."""
    text = "Ash Carter said a. John Kerry said b. The Post said c. The Post said d."
    book = SourceBook(text)
    a, _ = book.add(_mention(text, "Ash Carter"))
    b, _ = book.add(_mention(text, "John Kerry"))
    c, _ = book.add(_mention(text, "The Post"))
    d, _ = book.add(_mention(text, "The Post", text.index("c.")))
    assert len({a, b, c}) == 3
    assert c == d


def test_unresolved_pronoun_is_kept_as_an_unnamed_speaker() -> None:
    """ "He said" with no earlier person becomes an anonymous source described as "he"."""
    text = "He said it."
    book = SourceBook(text)
    index, reason = book.add(_mention(text, "He"))
    sources, _ = book.sources([index])
    assert sources[0].kind is SourceKind.anonymous
    assert "no earlier" in reason


def test_tokens_are_words_and_marks_with_absolute_offsets() -> None:
    """A window's tokens carry their offsets in the whole text, inner apostrophes kept."""
    text = "Well, al-Sisi’s aide said: “No.”"
    got = [tuple(t) for t in tokens(text, 6, 26)]
    assert got == [("al-Sisi’s", 6, 15), ("aide", 16, 20), ("said", 21, 25), (":", 25, 26)]
    assert all(text[a:b] == word for word, a, b in got)


@given(
    # white space and marks beyond ASCII too: str.split and the pattern must agree on them
    st.text(alphabet="ab ’'-&./,9\n“é_\t\xa0\u2009\x1c\x85\u0301²Ж", max_size=40),
    st.integers(min_value=-3, max_value=45),
    st.integers(min_value=-3, max_value=45),
)
def test_tokens_match_the_token_pattern_in_any_window(text: str, start: int, end: int) -> None:
    """tokens(text, start, end) finds what the token pattern finds between pos and endpos."""
    expected = [(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]
    assert [tuple(t) for t in tokens(text, start, end)] == expected


_WINDOW_PIECES = [
    "said",
    "U.S.",
    "Rep.",
    " ",
    "  ",
    "\n",
    "\u00a0",
    ",",
    "“",
    "’",
    "é",
    "a\u0301",
    "—",
    "42",
]


@given(
    st.lists(st.sampled_from(_WINDOW_PIECES), max_size=30),
    st.lists(st.tuples(st.integers(-4, 12), st.integers(0, 40)), max_size=8),
)
def test_token_windows_read_what_tokens_reads(
    pieces: list[str], moves: list[tuple[int, int]]
) -> None:
    """A reader of forward-moving windows gives each window the very tokens tokens() gives,
    wherever a window cuts a run, however it overlaps the last (sharing the tokens it reuses)."""
    text = "".join(pieces)
    reader = TokenWindows(text)
    lo = 0
    for step, width in moves:
        lo = max(0, min(lo + step, len(text)))
        hi = min(lo + width, len(text))
        got = reader.read(lo, hi)
        assert [tuple(t) for t in got] == [tuple(t) for t in tokens(text, lo, hi)], (lo, hi)


def test_token_windows_reuse_the_words_two_windows_share() -> None:
    """The words two overlapping windows share are read once: the same Token objects."""
    text = "the minister said the mayor said the council said"
    reader = TokenWindows(text)
    first = reader.read(0, 17)
    second = reader.read(4, 27)
    assert second[0] is first[1]  # "minister"
    assert [t.text for t in second] == ["minister", "said", "the", "mayor"]
