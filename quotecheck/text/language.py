"""read_input(text) -> InputReading: is this English prose, or markup or another language?

quotecheck's lexicons and shapes are English, and it reads plain text. Two cheap, offline,
explainable tests say when a text is neither, so the caller is warned instead of handed a
confident reading of nonsense:

- **language**: the share of the words that are common function words of each of a few languages
  (lexicon ``function_words``: "the", "of", "said" for English; "le", "des" for French …) and the
  share of letters that are ASCII. English news runs at about two in five words from its list;
  the language whose words are most common wins when it reaches :data:`MIN_SHARE`;
- **markup**: HTML tags (``<p>``, ``</div>``) and character entities (``&amp;``, ``&#8217;``);
  :data:`MIN_MARKUP` of them make the text HTML.

Only the first :data:`SAMPLE_CHARS` characters are read: a language does not change halfway
through an article, and the cost stays flat on long input.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Final, NamedTuple

from quotecheck.lexicons import load_rows

__all__ = ["MIN_MARKUP", "MIN_SHARE", "MIN_WORDS", "SAMPLE_CHARS", "InputReading", "read_input"]

SAMPLE_CHARS: Final = 1_200
"""How much of the text the tests read."""
MIN_WORDS: Final = 12
"""Fewer words than this and no language is named: too little to tell."""
MIN_SHARE: Final = 0.12
"""Share of words from one language's list needed to name that language."""
MIN_ASCII_SHARE: Final = 0.5
"""Below this share of ASCII letters a text is not English, whatever its function words."""
MIN_MARKUP: Final = 2
"""Tags or entities that make a text HTML (one stray "&amp;" does not)."""

_MARKUP_RE: Final = re.compile(
    r"""
    </? [A-Za-z][A-Za-z0-9]{0,15} (?: \s [^<>\n]{0,300} )? /? >   # a tag: <p>, </div>, <a href=…>
    | & (?: [A-Za-z]{2,8} | \#\d{1,7} | \#[xX][0-9A-Fa-f]{1,6} ) ;   # an entity: &amp; &#8217;
    """,
    re.VERBOSE,
)


class InputReading(NamedTuple):
    """What the input tests found: the language and the markup, with the numbers behind them."""

    language: str | None  # ISO 639-1 code, None when too short or no list fits
    english_share: float  # share of words that are English function words
    ascii_share: float  # share of letters that are ASCII
    words: int  # words read
    markup: tuple[tuple[int, int], ...]  # the first MIN_MARKUP tags or entities (start, end)

    @property
    def not_english(self) -> bool:
        """True when enough words were read and they read as another language, or are mostly
        in another script (a short English caption may match no list well: that is no alarm)."""
        if self.words < MIN_WORDS or self.language == "en":
            return False
        return self.language is not None or self.ascii_share < MIN_ASCII_SHARE


@cache
def _languages() -> dict[str, str]:
    """Function word -> its language."""
    return {row[0]: row[1] for row in load_rows("function_words")}


def read_input(text: str) -> InputReading:
    """Read the language and the markup of ``text`` (its first SAMPLE_CHARS characters).

    >>> read_input("The council said on Monday that it would close the library in May.").language
    'en'
    >>> read_input("Le conseil a dit lundi qu'il fermerait la bibliothèque et les écoles.").language
    'fr'
    >>> read_input("<p>Hello &amp; welcome</p>").markup
    ((0, 3), (9, 14))
    """
    sample = text[:SAMPLE_CHARS]
    languages = _languages()
    # Words split at white space, in C (a letter pattern costs four times as much): a function
    # word with a comma after it ("said,") is missed, which the shares can afford.
    found = sample.lower().split()
    words = len(found)
    counts: Counter[str] = Counter()
    for word in found:
        language = languages.get(word)
        if language is not None:
            counts[language] += 1
    letters = len(sample) - sample.count(" ") - sample.count("\n")
    # Characters beyond ASCII, counted in C; nearly all of them are letters in a text of words.
    beyond = len(sample) - len(sample.encode("ascii", "ignore"))
    ascii_share = max(0.0, 1.0 - beyond / letters) if letters else 1.0
    english = counts["en"] / words if words else 0.0
    return InputReading(
        language=_language(counts, words, ascii_share),
        english_share=round(english, 3),
        ascii_share=round(ascii_share, 3),
        words=words,
        markup=_markup(sample),
    )


def _language(counts: Counter[str], words: int, ascii_share: float) -> str | None:
    """The language whose function words are most common, if they are common enough."""
    if words < MIN_WORDS or not counts:
        return None
    best, hits = counts.most_common(1)[0]
    if hits / words < MIN_SHARE:
        return None
    if best == "en" and ascii_share < MIN_ASCII_SHARE:
        return None  # English words in a text mostly written in another script
    return best


def _markup(sample: str) -> tuple[tuple[int, int], ...]:
    """The first MIN_MARKUP tags or entities, or () when there are fewer."""
    if "<" not in sample and "&" not in sample:
        return ()
    found: list[tuple[int, int]] = []
    for match in _MARKUP_RE.finditer(sample):
        found.append(match.span())
        if len(found) >= MIN_MARKUP:
            return tuple(found)
    return ()
