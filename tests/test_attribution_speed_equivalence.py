"""Fast paths of the attribution stage give what the patterns they stand in for give."""

from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.attribution.content import (
    _ASCII_WORD,
    _LEAD_IN_RE,
    _PLAIN_NON_WORD,
    _four_words,
    _lead_in_end,
    word_count,
)
from quotecheck.attribution.phrases import _LEAD_WORDS, _may_open_phrase

# Characters of every kind word_count meets: ASCII, the typographic marks it reads itself, and
# letters, digits and combining marks outside ASCII that it hands to the pattern.
_ALPHABET = "ab Z9_ .,;:'\"-\t\n\xa0“”‘’—–…é\u0301²ßЖ中"


def test_plain_characters_split_as_the_regex_module_does() -> None:
    """word_count decides a character alone only where its class agrees with the pattern's."""
    word = regex.compile(r"\w")
    assert not _ASCII_WORD & _PLAIN_NON_WORD
    assert all(word.match(c) for c in _ASCII_WORD)
    assert not any(word.match(c) for c in _PLAIN_NON_WORD)
    assert {chr(c) for c in range(128)} <= _ASCII_WORD | _PLAIN_NON_WORD


@given(
    st.text(alphabet=_ALPHABET, max_size=40),
    st.integers(min_value=-3, max_value=45),
    st.integers(min_value=-3, max_value=45),
)
def test_word_count_matches_the_pattern(text: str, start: int, end: int) -> None:
    """word_count counts the words the four-word pattern counts, for any span."""
    assert word_count(text, (start, end)) == _four_words(text, (start, end))


_LEAD_WORD_RE = re.compile(r"[ \t]*,?[ \t]*([A-Za-z]+)")  # what _may_open_phrase reads by hand


@given(
    st.lists(st.sampled_from([" ", "\t", ",", "\n", "on", "in", "Monday", "x", "ón", "1", "’"])),
    st.integers(min_value=-2, max_value=30),
    st.integers(min_value=-2, max_value=30),
)
def test_may_open_phrase_matches_the_pattern(parts: list[str], pos: int, endpos: int) -> None:
    """_may_open_phrase reads the lead word the pattern it replaced read."""
    text = "".join(parts)
    m = _LEAD_WORD_RE.match(text, pos, endpos)
    want = m is not None and m[1] in _LEAD_WORDS
    assert _may_open_phrase(text, pos, endpos) == want


_LEAD_PIECES = [" ", "\t", "\n", ",", ":", ";", "-", "–", "—", "that", "thats", "that’s", "é"]


@given(
    st.lists(st.sampled_from([*_LEAD_PIECES, "a", "\xa0", "\u2009", "“", "_", "1", "\x1c"])),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_lead_in_end_matches_the_pattern(parts: list[str], pos: int, endpos: int) -> None:
    """_lead_in_end ends where the lead-in pattern's match ends."""
    text = "".join(parts)
    m = _LEAD_IN_RE.match(text, pos, endpos)
    assert _lead_in_end(text, pos, endpos) == (m.end() if m else pos)
