"""read_input(text, config) -> InputReading: is this English prose, or markup or another language?

quotecheck's lexicons and shapes are English, and it reads plain text. Two cheap, offline,
explainable tests say when a text is neither, so the caller is warned instead of handed a
confident reading of nonsense:

- **language**: the share of the words that are common function words of each of a few languages
  (lexicon ``function_words``: "the", "of", "said" for English; "le", "des" for French …) and the
  share of letters that are ASCII. English news runs at about two in five words from its list;
  the language whose words are most common wins when it reaches
  ``AnalyzerConfig.language_min_share``;
- **markup**: HTML tags (``<p>``, ``</div>``) and character entities (``&amp;``, ``&#8217;``);
  ``AnalyzerConfig.markup_min_marks`` of them make the text HTML.

Only the first ``AnalyzerConfig.language_sample_chars`` characters are read: a language does not
change halfway through an article, and the cost stays flat on long input.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Final, NamedTuple

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.lexicons import load_rows

__all__ = ["InputReading", "read_input"]

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
    markup: tuple[tuple[int, int], ...]  # the first markup_min_marks tags or entities (start, end)
    # True when enough words were read and they read as another language, or are mostly in
    # another script (a short English caption may match no list well: that is no alarm).
    not_english: bool


@cache
def _languages() -> dict[str, str]:
    """Function word -> its language."""
    return {row[0]: row[1] for row in load_rows("function_words")}


def read_input(text: str, config: AnalyzerConfig = DEFAULT_CONFIG) -> InputReading:
    """Read the language and the markup of ``text`` (its first language_sample_chars characters).

    >>> read_input("The council said on Monday that it would close the library in May.").language
    'en'
    >>> read_input("Le conseil a dit lundi qu'il fermerait la bibliothèque et les écoles.").language
    'fr'
    >>> read_input("<p>Hello &amp; welcome</p>").markup
    ((0, 3), (9, 14))
    """
    sample = text[: config.language_sample_chars]
    min_words, min_ascii = config.language_min_words, config.language_min_ascii_share
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
    language = _language(counts, words, ascii_share, config)
    ascii_share = round(ascii_share, 3)
    foreign = words >= min_words and language != "en"
    return InputReading(
        language=language,
        english_share=round(english, 3),
        ascii_share=ascii_share,
        words=words,
        markup=_markup(sample, config.markup_min_marks),
        not_english=foreign and (language is not None or ascii_share < min_ascii),
    )


def _language(
    counts: Counter[str], words: int, ascii_share: float, config: AnalyzerConfig
) -> str | None:
    """The language whose function words are most common, if they are common enough."""
    if words < config.language_min_words or not counts:
        return None
    best, hits = counts.most_common(1)[0]
    if hits / words < config.language_min_share:
        return None
    if best == "en" and ascii_share < config.language_min_ascii_share:
        return None  # English words in a text mostly written in another script
    return best


def _markup(sample: str, least: int) -> tuple[tuple[int, int], ...]:
    """The first ``least`` tags or entities, or () when there are fewer."""
    if "<" not in sample and "&" not in sample:
        return ()
    found: list[tuple[int, int]] = []
    for match in _MARKUP_RE.finditer(sample):
        found.append(match.span())
        if len(found) >= least:
            return tuple(found)
    return ()
