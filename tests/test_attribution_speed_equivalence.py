"""Fast paths of the attribution stage give what the patterns they stand in for give."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.content import _ASCII_WORD, _PLAIN_NON_WORD, _four_words, word_count

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
