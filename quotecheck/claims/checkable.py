"""What makes a writer's sentence a specific, checkable claim: an allegation, a figure, a name.

:func:`scan_marks` finds allegations ("was charged with"), figures ("30", "1,200", "three
million") and capitalised names once per text; :func:`checkable_reason` says, for the writer's
own parts of a sentence, which of them makes it checkable. Used by :mod:`classify`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

import regex

from quotecheck.claims.signaltables import anchor
from quotecheck.lexicons import load

__all__ = ["Marks", "checkable_reason", "first_in", "no_comment", "scan_marks"]

# The standard library's engine for the whole-text scans below: faster here than `regex`. Each
# pattern opens with a character class or literal (no look-behind), so the engine can skip
# ahead; the word boundary before a match is checked by the caller (_opens).
# Figures as the odd pieces of a split: plain strings, no match object per figure, and the even
# pieces (the text between) give each figure's offset by their lengths.
_DIGITS_RE: Final = re.compile(r"(\d[\d.,]*)")  # 30, 2011, 1,200, 4.1
_LETTERS_RE = re.compile(r"[a-z]+")  # runs of ASCII letters, in lower-cased text
# The same runs as the pieces of a bytes split: every byte but an ASCII letter becomes a space
# ("?" stands for each character beyond ASCII), a C-level scan with no pattern to try.
_LETTER_BYTES: Final = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
# Each number word alone, searched for only when the text holds it as a whole run of letters
# (_needs): a fast literal scan per number word the text has costs less than trying an
# alternation of all of them at every letter. Matches opening a word are kept (_opens), as for
# the allegations.
_NUMBER_WORDS = (
    *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    *("hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion"),
    *("billions", "trillion", "trillions", "dozen", "dozens", "percent", "per cent", "half"),
)
_NUMBER_WORD_PATTERNS: Final = {
    word: re.compile(rf"{re.escape(word)}(?![\w-])") for word in _NUMBER_WORDS
}
_NAME_RE: Final = re.compile(
    r"""
    [A-ZÀ-ÖØ-Þ][\w'’.-]*                # a capitalised word: Washington, CIA, Trowbridge
    (?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,5}   # and the rest of a multi-word name
    """,
    re.VERBOSE,
)
_NAME_AFTER: Final = frozenset(" \t\r\n(,;:—–-")  # a name counts after these (not as a first word)
_CALENDAR_RE: Final = regex.compile(
    r"""
    (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday      # days and months are
      |January|February|March|April|May|June|July|August|September  # capitalised, but no
      |October|November|December)(?:\s+\p{Lu}\S*)*                  # actor does anything
    """,
    regex.VERBOSE,
)
# A date in the writer's words: a weekday or a month. A report dates its events; an argument
# seldom does. "May" and "March" are left out (the modal verb, the walk: "May we ask"; a day's
# number after them is a figure anyway); case-sensitive, so "august" the adjective is no date.
_DATE_WORDS: Final = (
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January"),
    *("February", "April", "June", "July", "August", "September", "October", "November"),
    "December",
)
_DATE_RE: Final = re.compile(rf"(?:{'|'.join(_DATE_WORDS)})(?![\w'’-])")
_DATE_NEEDS: Final = tuple(w.lower().encode("ascii") for w in _DATE_WORDS)
# What a calendar name opens with: only names that do are tried against _CALENDAR_RE.
_CALENDAR_WORDS = (
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January"),
    *("February", "March", "April", "May", "June", "July", "August", "September", "October"),
    *("November", "December"),
)


def _phrase_table(entries: Iterable[str]) -> dict[str, list[re.Pattern[str]]]:
    """Patterns of lower-cased lexicon phrases, filed under the word a text must hold for one to
    match: the phrase's anchor (its longest uncommon word), rarer than a first word like "in".

    Searched in lower-cased text, with no IGNORECASE flag and no leading look-behind so the
    engine keeps its fast literal path; the caller checks the word boundary before a match.
    """
    table: dict[str, list[re.Pattern[str]]] = {}
    for entry in sorted(entries):
        body = re.escape(entry.lower()).replace(r"\ ", r"\s{1,4}")
        table.setdefault(anchor(entry.lower()), []).append(re.compile(rf"{body}(?![\w-])"))
    return table


def _needs(words: Iterable[str]) -> dict[str, tuple[bytes, ...]]:
    """Each word with the runs of ASCII letters a text must hold as whole runs for it to match.

    A match opens a word and ends one (no letter, digit, underscore or hyphen on either side),
    and the word's own spaces and hyphens are no letters either: so each run of letters in the
    word is a whole run of letters in the text. A word with no ASCII letter needs nothing.
    """
    return {
        word: tuple(run.encode("ascii") for run in _LETTERS_RE.findall(word))
        for word in sorted(set(words))
    }


def _letter_runs(low: str) -> set[bytes]:
    """The runs of ASCII letters in ``low`` (what ``_LETTERS_RE.findall`` finds), as bytes."""
    return set(low.encode("ascii", "replace").translate(_LETTER_BYTES).split())


def _present(runs: set[bytes], needs: dict[str, tuple[bytes, ...]]) -> list[str]:
    """The words of a needs table (see :func:`_needs`) whose runs of letters all occur in a text
    with the set of letter runs ``runs``: every word that can match there, and maybe a few more."""
    return [word for word, needed in needs.items() if runs.issuperset(needed)]


_ALLEGATIONS: Final = _phrase_table(load("allegation"))
_ALLEGATION_NEEDS: Final = _needs(_ALLEGATIONS)
_NUMBER_NEEDS: Final = _needs(_NUMBER_WORDS)
_STARTERS: Final = frozenset(w.lower() for w in load("sentence_starters"))


class Marks(NamedTuple):
    """Checkable details found in one scan of the whole text.

    Allegations and figures are (start, end, text), sorted; capitals are every _NAME_RE match in
    text order (their starts alongside, for bisection), told apart from first words, starters
    and dates only where a sentence asks for a name (_names_in), as few sentences get that far.
    """

    allegations: list[tuple[int, int, str]]
    figures: list[tuple[int, int, str]]
    dates: list[tuple[int, int, str]]  # weekdays and months (_DATE_RE), in order
    capitals: list[re.Match[str]]
    capital_starts: list[int]


def scan_marks(text: str) -> Marks:
    """Find allegations, figures and capitalised names once per text."""
    low = text.replace("\u0130", "I").lower()  # same length as text: offsets stay put
    figures = _figures(text)
    # One set of the text's runs of letters rules out most entries at once: a set look-up per
    # entry instead of a substring search through the whole text per entry.
    runs = _letter_runs(low)
    figures += _number_words(low, runs)
    figures.sort()
    capitals = list(_NAME_RE.finditer(text))
    dates = _dates(text, runs)
    return Marks(_allegations(low, runs), figures, dates, capitals, [m.start() for m in capitals])


def _dates(text: str, runs: set[bytes]) -> list[tuple[int, int, str]]:
    """Weekdays and months named in ``text`` (whose lower-cased letter runs are ``runs``):
    searched for only when the text holds one of their words."""
    if runs.isdisjoint(_DATE_NEEDS):
        return []
    return [
        (m.start(), m.end(), m.group())
        for m in _DATE_RE.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-")
    ]


def _figures(text: str) -> list[tuple[int, int, str]]:
    """Runs of digits (with their points and commas) in ``text``: (start, end, figure), in order;
    the figure without the points and commas that end the run."""
    pieces = _DIGITS_RE.split(text)
    figures: list[tuple[int, int, str]] = []
    at = len(pieces[0])
    for i in range(1, len(pieces), 2):
        run = pieces[i]
        end = at + len(run)
        figures.append((at, end, run.rstrip(".,")))
        at = end + len(pieces[i + 1])
    return figures


def _allegations(low: str, runs: set[bytes]) -> list[tuple[int, int, str]]:
    """Allegation phrases in the lower-cased text (whose letter runs are ``runs``), sorted."""
    found = [
        (m.start(), m.end(), m.group())
        for word in _present(runs, _ALLEGATION_NEEDS)  # most entries are absent from most texts
        for pattern in _ALLEGATIONS[word]
        for m in pattern.finditer(low)
        if _opens(low, m)
    ]
    found.sort()
    return found


def _number_words(low: str, runs: set[bytes]) -> list[tuple[int, int, str]]:
    """Number words ("three", "million", "per cent") standing as whole words in ``low`` (whose
    letter runs are ``runs``)."""
    return [
        (m.start(), m.end(), m.group())
        for word in _present(runs, _NUMBER_NEEDS)
        for m in _NUMBER_WORD_PATTERNS[word].finditer(low)
        if _opens(low, m)
    ]


def _is_name(text: str, m: re.Match[str]) -> bool:
    """True for a capitalised run that names an actor: not a first word, a starter or a date."""
    start = m.start()
    if start and text[start - 1] not in _NAME_AFTER:
        return False
    name = m.group()
    if name.lower() in _STARTERS:
        return False
    return not (name.startswith(_CALENDAR_WORDS) and _CALENDAR_RE.fullmatch(name))


def _names_in(text: str, marks: Marks, ranges: list[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """(start, name) of the names lying inside one of ``ranges``, range by range."""
    capitals, starts = marks.capitals, marks.capital_starts
    for a, b in ranges:
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            m = capitals[i]
            if m.end() <= b and _is_name(text, m):
                yield starts[i], m.group()
            i += 1


def _opens(low: str, m: re.Match[str]) -> bool:
    """True when the match starts a word: no letter, digit, underscore or hyphen before it."""
    before = low[m.start() - 1] if m.start() else " "
    return not (before.isalnum() or before in "_-")


def first_in(hits: list[tuple[int, int, str]], ranges: list[tuple[int, int]]) -> str | None:
    """Text of the first hit lying inside one of ``ranges``."""
    for a, b in ranges:
        i = bisect_left(hits, (a,))
        while i < len(hits) and hits[i][0] < b:
            if hits[i][1] <= b:
                return hits[i][2]
            i += 1
    return None


# A request for comment the report records as unanswered: the phrase, then at most a few words
# with no comma (what about, when) and the sentence's end.
_NO_COMMENT_PHRASES: Final = sorted(map(regex.escape, load("no_comment")), key=len, reverse=True)
_NO_COMMENT_RE: Final = regex.compile(
    r"\b(?:" + "|".join(_NO_COMMENT_PHRASES) + r")\b(?:[ \t]+[\w’'-]+){0,8}[.!)\]”\"’' \t]*$",
    regex.IGNORECASE,
)


def no_comment(sentence: str, longest: int, asked_words: int) -> bool:
    """True for a report's note that a request for comment got no answer ("A Pentagon spokesman
    declined to comment on Monday."): a record of asking, no claim to source. ``longest`` and
    ``asked_words`` are AnalyzerConfig.no_comment_max_chars and no_comment_asked_words."""
    if len(sentence) > longest:
        return False
    m = _NO_COMMENT_RE.search(sentence)
    return m is not None and len(sentence[: m.start()].split()) <= asked_words


def checkable_reason(
    text: str, marks: Marks, unsourced: list[tuple[int, int]], figure: str | None
) -> str:
    """Why the writer's own text is a specific, checkable claim ('' when it is not)."""
    allegation = first_in(marks.allegations, unsourced)
    if allegation:
        return f"contains an allegation ('{allegation}')"
    if figure:
        return f"contains a specific figure ('{figure}')"
    opening = {a for a, _ in unsourced}
    for start, name in _names_in(text, marks, unsourced):
        if start in opening:
            # The writer's text opens with it, capitalised anyway: keep the rest of the name.
            rest = name.split(None, 1)[1:]
            if not rest or not rest[0][:1].isupper():
                continue
            name = rest[0]
        return f"names an actor ({name})"
    return ""
