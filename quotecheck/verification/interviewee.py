"""Who answers an interview's "A:" turns: the one person its heading or introduction names.

Interview copy labels the answers "A:" and says once, before the first turn, whom the interview
is with: a heading ("Interview: Dr Grace Okafor, Health Secretary"), a phrase of the introduction
("an interview with Lena Hoffmann, founder of …", "Okafor spoke to us on Monday"), or simply the
one person it presents ("Dr Grace Okafor became Health Secretary in May."). :func:`interviewee`
reads that person; :func:`~quotecheck.verification.turns.find_turns` gives the answers their
name and role, so a quote credited to her can be matched as ``same`` (or ``different``).

Nobody is guessed: when the introduction names no one, or two people who could be answering
("Tom Reid spoke to Grace Okafor", "an interview with Okafor and Adeyemi"), the answers stay
anonymous and the speaker match stays ``unknown``. The reading is linear in the introduction,
which is cut at :data:`INTRO_CHARS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import regex

from quotecheck.attribution.coref import surname
from quotecheck.attribution.sources import ORG_HEADS, ORG_NAMES, PLACES, ROLE_NOUNS, TITLES
from quotecheck.lexicons import load, load_rows

__all__ = ["HONORIFICS", "INTRO_CHARS", "Interviewee", "interviewee"]

INTRO_CHARS: Final = 3_000  # the introduction read for the interviewee (the text's start)
HONORIFICS: Final = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam"]
)
"""Words of address before a name, never part of a role (lower case, no dot)."""
_CALENDAR: Final = frozenset(
    [
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday"),
    ]
)

# A run of capitalised words: a name, maybe after its title ("Health Secretary Grace Okafor",
# "Dr. Lena Hoffmann", "José de la Cruz"). Words are separated by single spaces, so a run is
# matched one way only.
_NAME = r"""
    (?P<run>
        \p{Lu}[\p{L}'’\-]*\.?                          # a capitalised word or initial
        (?:[ ](?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|da|del|al|bin|la|le)){0,6}   # more words
    )
"""
# A role after the name, up to the next comma, full stop or line end ("…, founder of the
# Riverside Food Bank,"); kept only when it holds a role word.
_ROLE = r"""
    (?:,[ \t]+(?P<role>[^,.;:!?\n()]{1,80}))?          # ", the Health Secretary"
"""
# Right after the name: a second person joined by "and" ("Okafor and Adeyemi") means two.
_AND_RE: Final = regex.compile(r"[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+\p{Lu}")
_NAME_RE: Final = regex.compile(_NAME + _ROLE, regex.VERBOSE)
# The name ending right before a cue: "Grace Okafor, the Health Secretary, spoke to us".
_NAME_BEFORE_RE: Final = regex.compile(
    _NAME + r"(?:,[ \t]+(?P<role>[^,\n]{1,80}),)?[ \t]*\Z", regex.VERBOSE
)
# What may follow "spoke to" when the name stands before it: the piece's own people.
_US_RE: Final = regex.compile(r"[ \t]+(?:us|me|our|this|the[ \t]+\p{Ll})", regex.IGNORECASE)
_CAPITALISED_RUN_RE: Final = regex.compile(_NAME + _ROLE, regex.VERBOSE)


@dataclass(frozen=True, slots=True)
class Interviewee:
    """The person an interview is with, as its introduction names them."""

    name: str  # "Grace Okafor" (titles and honorifics left out)
    role: str | None  # "Health Secretary", if the introduction gives one
    start: int  # offset of the name in the text
    presented: bool = False  # a title, honorific or role goes with the name ("Dr", ", founder of")


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    """Return the cue phrases of the lexicon by where the name stands (heading/after/before)."""
    out: dict[str, list[str]] = {"heading": [], "after": [], "before": []}
    for phrase, where in load_rows("verify_interview_cues"):
        out[where].append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(r"[ \t]+".join(regex.escape(w) for w in p.split()) for p in phrases)


@cache
def _heading_re() -> regex.Pattern[str]:
    return regex.compile(
        r"^[ \t]*(?:" + _alternation(_cues()["heading"]) + r")[ \t]*[:|\-–—][ \t]*",
        regex.IGNORECASE | regex.MULTILINE,
    )


@cache
def _after_re() -> regex.Pattern[str]:
    return regex.compile(r"\b(?:" + _alternation(_cues()["after"]) + r")[ \t]+", regex.IGNORECASE)


@cache
def _before_re() -> regex.Pattern[str]:
    return regex.compile(r"\b(?:" + _alternation(_cues()["before"]) + r")\b", regex.IGNORECASE)


@cache
def _starters() -> frozenset[str]:
    return frozenset(load("sentence_starters"))


def _person(run: str, role: str | None, start: int, *, cued: bool = False) -> Interviewee | None:
    """Read a capitalised run as a person ("Dr Grace Okafor"), or None when it is not one.

    A surname alone is a person only where a cue presents it ("Okafor spoke to us").
    """
    words = run.split()
    if words and len(words[-1]) > 2 and words[-1].endswith("."):
        words[-1] = words[-1][:-1]  # a sentence's full stop, not an initial's ("J.")
    while words and words[0].lower().strip(".") in _starters():
        start += len(words[0]) + 1
        words = words[1:]  # "When Grace Okafor …": the sentence's first word is no name
    lows = [w.lower().strip(".") for w in words]
    last = -1
    for i, low in enumerate(lows):
        if low in TITLES or low in ROLE_NOUNS or low in HONORIFICS:
            last = i
    name_words = words[last + 1 :]
    names = lows[last + 1 :]
    titled = last >= 0
    if not name_words or (len(name_words) < 2 and not (titled or cued)):
        return None  # one capitalised word alone: a sentence's first word, a place
    if any(w in ORG_HEADS or w in ORG_NAMES or w in PLACES or w in _CALENDAR for w in names):
        return None
    if " ".join(names) in PLACES:
        return None
    titles = zip(words[: last + 1], lows, strict=False)
    title = " ".join(w for w, low in titles if low not in HONORIFICS)
    appositive = _role(role)
    presented = titled or appositive is not None
    at = start + sum(len(w) + 1 for w in words[: last + 1])
    return Interviewee(" ".join(name_words), appositive or title or None, at, presented)


def _role(text: str | None) -> str | None:
    """Return an appositive as a role when it holds a role word ("the Health Secretary")."""
    if not text:
        return None
    words = text.split()
    if not any(w.lower() in ROLE_NOUNS or w.lower() in TITLES for w in words):
        return None
    return " ".join(words[1:] if words[0].lower() in ("the", "a", "an") else words)


def _named_at(text: str, at: int) -> tuple[Interviewee | None, bool]:
    """Return the person named at ``at`` and whether a second one is joined to them by "and"."""
    m = _NAME_RE.match(text, at)
    if m is None:
        return None, False
    person = _person(m.group("run"), m.group("role"), m.start("run"), cued=True)
    two = _AND_RE.match(text, m.end("run")) is not None
    return person, two


def _cued(intro: str) -> tuple[list[Interviewee], bool]:
    """Return the people the introduction's cue phrases present, and whether it names two."""
    found: list[Interviewee] = []
    several = False
    for m in (*_heading_re().finditer(intro), *_after_re().finditer(intro)):
        person, two = _named_at(intro, m.end())
        several = several or two
        if person is not None:
            found.append(person)
    for m in _before_re().finditer(intro):
        phrase = m.group().lower()
        if not phrase.endswith(("by", "from")) and _US_RE.match(intro, m.end()) is None:
            continue  # "Reid spoke to Okafor": who answers is not said
        before = _NAME_BEFORE_RE.search(intro, max(0, m.start() - 160), m.start())
        if before is not None:
            run, role = before.group("run"), before.group("role")
            person = _person(run, role, before.start("run"), cued=True)
            if person is not None:
                found.append(person)
    return found, several


def _people(intro: str) -> list[Interviewee]:
    """Return every person the introduction names, presented or not."""
    found = []
    for m in _CAPITALISED_RUN_RE.finditer(intro):
        person = _person(m.group("run"), m.group("role"), m.start("run"))
        if person is not None:
            found.append(person)
    return found


def _one(people: list[Interviewee]) -> Interviewee | None:
    """Return the one person of ``people`` (by surname), in their fullest mention, or None."""
    by_surname: dict[str, list[Interviewee]] = {}
    for p in people:
        by_surname.setdefault(surname(p.name).casefold(), []).append(p)
    if len(by_surname) != 1:
        return None
    mentions = next(iter(by_surname.values()))
    fullest = max(mentions, key=lambda p: len(p.name))
    role = next((p.role for p in mentions if p.role), None)
    presented = any(p.presented for p in mentions)
    return Interviewee(fullest.name, role, fullest.start, presented)


def interviewee(text: str, intro_end: int) -> Interviewee | None:
    """Return the one person the text's introduction (``text[:intro_end]``) presents, if one.

    >>> intro = "Interview: Dr Grace Okafor, Health Secretary\\n\\n"
    >>> interviewee(intro + "Q: Will lists fall?\\nA: No.", len(intro))
    Interviewee(name='Grace Okafor', role='Health Secretary', start=14, presented=True)
    >>> interviewee("Tom Reid spoke to Grace Okafor.\\nQ: Why?\\nA: Because.", 32) is None
    True
    """
    intro = text[: min(intro_end, INTRO_CHARS)]
    if not intro.strip():
        return None
    cued, several = _cued(intro)
    if several:
        return None
    if cued:
        one = _one(cued)  # then its fullest mention: "Hoffmann spoke to us" after "Lena Hoffmann"
        key = surname(one.name).casefold() if one is not None else ""
        return _one([*cued, *(p for p in _people(intro) if surname(p.name).casefold() == key)])
    # No cue: the one person named, when the introduction presents them with a title or role
    # ("Dr Grace Okafor became …", "Lena Hoffmann, founder of …"); a bare "New York" is no one.
    found = _one(_people(intro))
    return found if found is not None and found.presented else None
