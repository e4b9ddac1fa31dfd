"""The attribution stage's shortcuts give exactly what the long way gives.

``explains_anonymity`` rules a cue out on its first two letters before trying the phrase regex
(added for cue-dense input, issue #20); these tests hold it to the full pattern.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.attribution import anonymity
from quotecheck.attribution.anonymity import explains_anonymity

_PHRASES = [row[0] for row in anonymity._ROWS if row[1] != "alias"]

# Letters that fold unusually under IGNORECASE ('ſ' is an s, the Kelvin sign a k, the dotted
# and dotless i), other scripts, white space of every kind, and pieces of real phrases.
_ODD = ["ſ", "\u212a", "İ", "ı", "ß", "ẞ", "Σ", "ς", "ﬀ", "\u00a0", "\t", "\n", "\u2028", "’", "'"]
_PIECES = st.one_of(
    st.sampled_from(_PHRASES),
    st.sampled_from(_PHRASES).map(str.upper),
    st.sampled_from(_PHRASES).map(str.title),
    st.sampled_from(_ODD),
    st.sampled_from(["said ", "told ", "Spoke ", "ASKED ", "declined ", " ", ", "]),
    st.text(max_size=4),
)


def _by_regex(text: str, at: int) -> bool:
    """The answer the phrase pattern alone gives, as before the pre-check."""
    return anonymity._MARKER_RE.match(text, at, at + anonymity._PHRASE_REACH) is not None


def _odd_spelling(phrase: str) -> str:
    """``phrase`` with every s as 'ſ' and every k as the Kelvin sign: the regex folds both."""
    return phrase.replace("s", "ſ").replace("k", "\u212a")


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_precheck_answers_as_the_pattern_at_every_position(pieces: list[str]) -> None:
    text = "".join(pieces)
    for at in range(len(text) + 1):
        assert explains_anonymity(text, at) == _by_regex(text, at), (text, at)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PHRASES), st.text(max_size=3), st.booleans())
def test_phrases_in_odd_spellings_are_still_found(phrase: str, before: str, odd: bool) -> None:
    spelled = _odd_spelling(phrase) if odd else phrase.upper()
    text = before + spelled + " because"
    assert explains_anonymity(text, len(before)) == _by_regex(text, len(before))


def test_kelvin_and_long_s_reach_the_pattern() -> None:
    # "ſpoke …": the regex finds it (ſ folds to s), so the pre-check must let it through.
    text = "ſpoke on condition of anonymity"
    assert _by_regex(text, 0)
    assert explains_anonymity(text, 0)
    text = "an aide, who \u212anew it, ASKED not to be named"
    assert explains_anonymity(text, text.index("ASKED"))
    assert _by_regex(text, text.index("ASKED"))
    text = "she tal\u212aed on condition of anonymity"  # the Kelvin sign folds to k
    assert _by_regex(text, 4)
    assert explains_anonymity(text, 4)


def test_every_phrase_opens_with_a_known_head() -> None:
    heads = anonymity._HEADS
    assert heads is not None  # the lexicon's phrases all open with two ASCII letters
    for phrase in _PHRASES:
        assert explains_anonymity(phrase, 0)
        assert explains_anonymity(phrase.upper(), 0)
    assert not explains_anonymity("said on condition of anonymity", 0)


def test_ascii_folds_only_to_its_own_letter() -> None:
    # What makes the ASCII rule exact: under IGNORECASE an ASCII character matches a letter of
    # the phrases only when it is that letter in either case.
    letters = sorted({c for phrase in _PHRASES for c in phrase if c.isascii() and c.isalpha()})
    for code in range(128):
        char = chr(code)
        for letter in letters:
            matched = regex.match(regex.escape(letter), char, regex.IGNORECASE) is not None
            assert matched == (char.lower() == letter), (char, letter)
