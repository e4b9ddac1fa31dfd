"""Fast paths of the attribution stage give what the patterns they replace give."""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from quotecheck.attribution.content import (
    _KNOWN_GAP,
    _KNOWN_WORD,
    _word_count_plainly,
    word_count,
)

# Letters, digits, spaces and punctuation that both engines read alike, and characters they do
# not: a combining acute, ½ and ², the zero-width joiner, an unassigned code point.
_ALPHABET = "ab Zé9_ .,’'—-“”\n\u0301½²\u200d\u0378\u00ad"


@given(st.text(alphabet=_ALPHABET, max_size=16), st.integers(0, 16), st.integers(0, 16))
@example("re\u0301sume\u0301 now", 0, 12)
@example("½ of all", 0, 8)
@example("a b c d e", 0, 9)
def test_word_count_is_its_reference(text: str, start: int, end: int) -> None:
    """word_count (stdlib re over the known characters) counts as _word_count_plainly does."""
    span = (min(start, len(text)), min(max(start, end), len(text)))
    assert word_count(text, span) == _word_count_plainly(text, span)


def test_the_known_classes_mean_the_same_in_both_engines() -> None:
    """Every character of _KNOWN_WORD is \\w, and every one of _KNOWN_GAP \\W, in re and regex."""
    word, gap = re.compile(f"[{_KNOWN_WORD}]"), re.compile(f"[{_KNOWN_GAP}]")
    re_word, regex_word = re.compile(r"\w"), regex.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if word.match(c):
            assert re_word.match(c), hex(code)
            assert regex_word.match(c), hex(code)
        elif gap.match(c):
            assert not re_word.match(c), hex(code)
            assert not regex_word.match(c), hex(code)
