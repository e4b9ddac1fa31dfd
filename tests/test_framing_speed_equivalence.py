"""Fast paths of the framing and checkable scans give what the patterns they stand in for give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.claims.checkable import _DIGITS_RE, _LETTERS_RE, _figures, _letter_runs
from quotecheck.claims.framing import (
    _ASCII_KEYS_ONLY,
    _KINDS,
    _NON_ASCII_WORD_RE,
    _WEIGHTS,
    _lexicon_tokens,
    _lexicon_weight,
    _lower,
    _pattern_tokens,
    kind_weights,
)
from quotecheck.claims.signaltables import ASCII_TOKENS, CASE_SENSITIVE, TABLES
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.models import SignalKind
from quotecheck.offsets import fold

# Pieces of text of every kind the token scan meets: lexicon words and their possessives,
# ASCII marks that do and do not join a token, digits before and inside words, and characters
# beyond ASCII: letters, digits (decimal and not), combining marks, spaces, dashes, quotes.
_PIECES = [
    *("regime", "regime's", "so-called", "clearly", "us", "we", "eager", "thugs", "slammed"),
    *("the", "a", "x", "3rd", "'tis", "--well", "_a", "covid-19", "2011", "ab1-c_d'"),
    *(" ", "  ", ".", ",", "'", "-", "_", "?", "\t", "\n", '"', "(", "A", "Z"),
    *("é", "İ", "ß", "Ж", "中", "٣", "²", "½", "\u0301", "\xa0", "\u2019", "—", "…", "\ufeff"),
    *("\x01", "\x7f", "\x80", "rd", "s"),
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_lexicon_tokens_match_the_pattern(pieces: list[str]) -> None:
    """The bytes scan finds the (start, form) pairs the token pattern finds, in order."""
    low = _lower(fold("".join(pieces)))
    assert _lexicon_tokens(low) == _pattern_tokens(low)


@given(st.text(max_size=40))
def test_lexicon_tokens_match_the_pattern_on_any_text(text: str) -> None:
    """The same for any text at all (surrogates and controls included)."""
    low = _lower(fold(text))
    assert _lexicon_tokens(low) == _pattern_tokens(low)


def test_non_ascii_word_characters() -> None:
    """The pattern that sends a text to the token pattern finds exactly \\w beyond ASCII."""
    word = re.compile(r"\w")
    for c in map(chr, range(0x80, 0x3000)):
        assert bool(_NON_ASCII_WORD_RE.match(c)) == bool(word.match(c)), c


def test_ascii_token_table_holds_the_ascii_tokens() -> None:
    """The bytes table is the token table's ASCII part, every key a whole token."""
    token = re.compile(r"[a-z][a-z0-9_'-]*")
    assert _ASCII_KEYS_ONLY  # so a text with word characters beyond ASCII is scanned as bytes
    assert {k.decode("ascii") for k in ASCII_TOKENS} == {k for k in TABLES.tokens if k.isascii()}
    assert all(token.fullmatch(k.decode("ascii")) for k in ASCII_TOKENS)
    assert all(ASCII_TOKENS[k.encode()] is forms for k, forms in TABLES.tokens.items())


@given(
    st.sampled_from(list(SignalKind)),
    st.sampled_from(sorted({e for _, e in _WEIGHTS} | {"Regime", "US", "Us", "İ", "x"})),
)
def test_lexicon_weight_matches_the_table(kind: SignalKind, lexicon: str) -> None:
    """Finding the kind by identity gives what a look-up by the enum member gives."""
    key = lexicon if kind in CASE_SENSITIVE else lexicon.lower()
    factors = kind_weights(DEFAULT_CONFIG)
    expected = _WEIGHTS.get((kind, key), 0.0) * factors.get(str(kind), 0.0)
    assert _lexicon_weight(kind, lexicon, factors) == expected
    assert [k for k, _, _ in _KINDS] == list(SignalKind)


_MARK_ALPHABET = "ab zZ09١²½.,-'_?\n\u0130\u212aéß中"  # letters, digits, marks; some beyond ASCII
_MARK_TEXT = st.text(alphabet=_MARK_ALPHABET, max_size=40) | st.text(max_size=40)


@given(_MARK_TEXT)
def test_letter_runs_match_the_pattern(text: str) -> None:
    """The bytes split finds the runs of ASCII letters the pattern finds, in lower-cased text."""
    low = text.replace("\u0130", "I").lower()
    assert _letter_runs(low) == {run.encode("ascii") for run in _LETTERS_RE.findall(low)}


@given(_MARK_TEXT)
def test_figures_match_the_pattern(text: str) -> None:
    """The split finds the figures a scan for matches finds, at the same offsets."""
    want = [(m.start(), m.end(), m.group().rstrip(".,")) for m in _DIGITS_RE.finditer(text)]
    assert _figures(text) == want
