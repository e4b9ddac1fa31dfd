"""at_position: the same matches as regex.compile, without a look-ahead that reads to endpos."""

from __future__ import annotations

import time

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.matching import at_position

_PATTERNS = [
    (r"[ \t]+(?:who|whom)\b", 0),
    (r"[ \t]*,?[ \t]*(?P<on>on)\ (?:the\ )?condition", 0),
    (
        r"""
        [ \t]+        # white space
        (that|which)  # a relative word
        \b            # then a word end""",
        regex.VERBOSE,
    ),
]


@given(st.text(alphabet=" \twhomatcinodeWHO,", max_size=40), st.integers(0, 40))
def test_same_matches_as_the_plain_pattern(text: str, pos: int) -> None:
    """Every pattern matches where, and as, the plain compiled pattern does, groups included."""
    for pattern, flags in _PATTERNS:
        plain = regex.compile(pattern, flags).match(text, pos)
        fast = at_position(pattern, flags).match(text, pos)
        assert (plain is None) == (fast is None)
        if plain is not None and fast is not None:
            assert plain.span() == fast.span()
            assert plain.groups() == fast.groups()
            assert plain.groupdict() == fast.groupdict()


def test_a_verbose_pattern_ending_in_a_comment_still_compiles() -> None:
    """The closing of the wrapper is not swallowed by a comment on the pattern's last line."""
    pattern = at_position(r"[ \t]+ who  # a relative pronoun", regex.VERBOSE)
    assert pattern.match(" who").group() == " who"  # type: ignore[union-attr]


def test_a_match_does_not_read_to_the_end_of_a_long_text() -> None:
    """A match at the start of 4 MB lacking the pattern's literal costs about what it costs on
    400 characters (the plain pattern reads all 4 MB first: hundreds of times longer)."""
    text = "according to officials, " * 170_000
    fast = at_position(r"[ \t]+(?:who|whom)\b")

    def seconds(t: str) -> float:
        start = time.perf_counter()
        for _ in range(200):
            fast.match(t, 12)
        return time.perf_counter() - start

    assert seconds(text) < 20 * max(seconds(text[:400]), 1e-4)
