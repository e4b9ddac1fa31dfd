"""Speaker turns in transcripts and interview copy: who says which stretch of a source.

:func:`find_turns` reads speaker labels at the start of a line ("MR. HALVORSEN:", "GRACE
OKAFOR, HEALTH SECRETARY:", "Q:", "A:", "Okafor:", or a capitalised label alone on its line)
into :class:`Turn` records with offsets into the source, and stage directions ("[Applause]",
"(LAUGHTER)", "(inaudible 00:12:03)") into spans that belong to no one. :func:`same_speaker`
says whether a turn's label names the speaker an article credits, comparing names the way
:mod:`quotecheck.attribution.coref` joins mentions: by surname, or by role ("the Health Secretary").

Everything here is a pure function over the caller's text; offsets index it exactly.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

import regex

from quotecheck.attribution.coref import surname
from quotecheck.attribution.sources import ROLE_NOUNS, TITLES
from quotecheck.lexicons import load, load_rows
from quotecheck.verification.interviewee import HONORIFICS, interviewee

__all__ = [
    "Speaker",
    "Transcript",
    "Turn",
    "TurnKind",
    "find_turns",
    "same_speaker",
    "shown",
    "speaker_from_text",
]

TurnKind = Literal["named", "question", "answer", "generic"]

_LABEL_WORDS = 7  # most words a speaker label has before its role
_ROLE_WORDS = 8  # most words of a role after the comma ("GRACE OKAFOR, HEALTH SECRETARY")
_MIN_SHARE = 0.2  # labels must start this share of a document's non-blank lines (or its first)
_SHORT_DOCUMENT = 1_000  # lines: a document this short whose first line is a label has turns
_LABEL_CHARS = 160  # a colon this far into a line is too late to end a speaker label

# A speaker label that ends with a colon at the start of a line. Words are separated by single
# spaces and each starts with a capital (or a digit: "SPEAKER 2"), so there is one way to match
# a line and no backtracking to speak of; the role after the comma may use small connectors.
_LABEL_RE = regex.compile(
    r"""
    [ \t]*                                             # the start of a line (matched per line)
    (?P<label>
        (?P<words>
            [\p{Lu}\d][\p{L}\d.'’\-]*                  # a capitalised word or a number
            (?:[ ](?:[\p{Lu}\d][\p{L}\d.'’\-]*|of|for|the|and|de|van|von|da|al|bin|le|la)){0,6}
        )
        (?:,[ ](?P<role>                               # ", HEALTH SECRETARY": a role
            [\p{Lu}][\p{L}.'’\-]*
            (?:[ ](?:[\p{Lu}][\p{L}.'’\-]*|of|for|the|and|on|at|in|to)){0,7}
        ))?
        (?:[ ]\((?P<aside>[^()\n]{1,40})\))?           # "(D-NM)": an aside kept in the label
    )
    [ \t]*:(?=[ \t]|\r?$)                              # the colon, then a space or the line end
    """,
    regex.VERBOSE,
)

# A label alone on its line with no colon ("GRACE OKAFOR"): upper-case words only, and counted
# only when a document has several (a single such line is more likely a title).
_OWN_LINE_RE = regex.compile(
    r"""
    [ \t]*                                             # the start of a line (matched per line)
    (?P<label>
        \p{Lu}[\p{Lu}.'’\-]*                           # an upper-case word
        (?:[ ]\p{Lu}[\p{Lu}.'’\-]*){0,5}               # up to five more
        (?:,[ ]\p{Lu}[\p{Lu}.'’\-]*(?:[ ]\p{Lu}[\p{Lu}.'’\-]*){0,5})?   # ", ROLE"
    )
    [ \t]*\r?$                                         # nothing else on the line
    """,
    regex.VERBOSE,
)

# Text in square brackets or parentheses; a stage direction when it opens with a listed word.
# Short upper-case lines (Latin letters), where an own-line label may stand: a cheap first scan.
# The text is scanned with a newline put in front, so that the first line is a line too.
_CAPS_LINE_RE = re.compile(r"\n[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .,'’\-]{0,58}(?=\r?\n|\Z)")

_BRACKETED_RE = re.compile(
    r"""
    \[ [ \t]* (?P<square>[^\[\]\n]{1,80}) [ \t]* \]   # [Applause]
    | \( [ \t]* (?P<round>[^()\n]{1,80}) [ \t]* \)    # (LAUGHTER)
    """,
    re.VERBOSE,
)
_WORD_RE = regex.compile(r"[\p{L}\-]+")
_SPACE_RE = re.compile(r"\s*")  # white space before a document's first line


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's stretch of a source: its label and the words after it, up to the next."""

    label: str  # the label as written, e.g. "GRACE OKAFOR, HEALTH SECRETARY" or "Q"
    # The name in the label ("GRACE OKAFOR"), None for "Q" or "THE PRESIDENT"; for an "A:" turn,
    # the interviewee the introduction names, if it names one (interviewee.py).
    name: str | None
    role: str | None  # the role in the label ("HEALTH SECRETARY", "DIRECTOR"), if any
    kind: TurnKind  # named, question (an asker), answer ("A:") or generic ("SPEAKER 2")
    label_start: int  # offset of the label's first character
    start: int  # offset of the turn's first character after the label
    end: int  # offset one past its last non-space character


@dataclass(frozen=True, slots=True)
class Transcript:
    """The turns and stage directions of one source document, in text order."""

    turns: tuple[Turn, ...]
    directions: tuple[tuple[int, int], ...]  # (start, end) of each stage direction
    label_starts: tuple[int, ...]  # each turn's label_start, for bisection

    def turn_at(self, offset: int) -> Turn | None:
        """Return the turn holding character ``offset``, or None outside every turn."""
        n = bisect_right(self.label_starts, offset) - 1
        if n < 0 or offset >= self.turns[n].end:
            return None
        return self.turns[n]

    def in_direction(self, offset: int) -> bool:
        """True when character ``offset`` lies inside a stage direction."""
        n = bisect_right(self.directions, (offset, len(self.directions) + offset + 1)) - 1
        return n >= 0 and self.directions[n][0] <= offset < self.directions[n][1]

    def labels_between(self, start: int, end: int) -> tuple[Turn, ...]:
        """Return the turns whose label starts inside characters ``start:end``."""
        lo = bisect_right(self.label_starts, start - 1)
        hi = bisect_right(self.label_starts, end - 1)
        return self.turns[lo:hi]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who an article credits with a quote, reduced to what a label can be compared with."""

    name: str | None  # "Grace Okafor"
    role: str | None  # "Health Secretary"
    shown: str  # how to show them, e.g. "Grace Okafor, Health Secretary"


_NO_TURNS = Transcript((), (), ())

# ---------------------------------------------------------------------------- lexicons


@cache
def _label_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in load_rows("transcript_labels")}


@cache
def _directions() -> frozenset[str]:
    return load("stage_directions")


def _label_key(label: str) -> str:
    bare = label.replace(".", "").replace("'", "").replace("’", "").lower()
    return " ".join(_WORD_RE.findall(bare))


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in text.split() if w.strip(".")]


# ---------------------------------------------------------------------------- parsing


def find_turns(text: str) -> Transcript:
    """Read the speaker turns and stage directions of a source document.

    A document has turns when its labels start at least a fifth of its non-blank lines, or the
    first line of a short one: news copy with the odd "The Latest:" or upper-case subhead has none.

    >>> text = "Q: Will you stay?\\nGRACE OKAFOR, HEALTH SECRETARY: We will. [Applause]"
    >>> t = find_turns(text)
    >>> [(turn.label, turn.kind, turn.role) for turn in t.turns]
    [('Q', 'question', None), ('GRACE OKAFOR, HEALTH SECRETARY', 'named', 'HEALTH SECRETARY')]
    >>> [text[s:e] for s, e in t.directions]
    ['[Applause]']
    """
    colon, own_line = _label_lines(text)
    if not colon and not own_line and "[" not in text and "(" not in text:
        return _NO_TURNS  # most prose: nothing to read
    found = _colon_labels(colon) + _own_line_labels(own_line)
    if found:  # the lines are counted only when there are labels to weigh against them
        found.sort(key=lambda f: f[0])
        blank = _SPACE_RE.match(text)
        first = blank.end() if blank else 0
        if _too_few_labels(text, len(found), found[0][0] == first):
            found = []
    turns: list[Turn] = []
    for n, (label_start, label_end, start, label, role) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(text)
        end = len(text[start:stop].rstrip()) + start
        if label_end > stop:
            continue
        turns.append(_turn(label, role, label_start, start, max(start, end)))
    if any(t.kind == "answer" for t in turns):
        turns = _answers_named(text, turns)
    starts = tuple(t.label_start for t in turns)
    return Transcript(tuple(turns), tuple(_find_directions(text)), starts)


def _too_few_labels(text: str, labels: int, first: bool) -> bool:
    """True when ``labels`` labels are too few for the lines of ``text`` to make it a transcript.

    The labels must start a fifth of the lines, or the first line of a document of at most
    ``_SHORT_DOCUMENT`` lines (``first``). Lines are counted as a line break that is not a blank
    line. They are counted on a growing prefix and the answer is given as soon as the prefix
    alone has lines enough to say "too few": a prefix never has more lines than the whole text
    (a character added adds a line break at most once more than it adds a blank line), and "too
    few" stays true as lines are added, so on news copy with a few hundred colons in 10 MB only
    the first few hundred kilobytes are counted, with the same answer as counting all of it.
    """
    size = 1 << 16
    while True:
        end = min(size, len(text))
        lines = text.count("\n", 0, end) + 1 - text.count("\n\n", 0, end)
        few = labels < _MIN_SHARE * lines and not (first and lines <= _SHORT_DOCUMENT)
        if few or end == len(text):
            return few
        size *= 4


def _label_lines(text: str) -> tuple[list[regex.Match[str]], list[regex.Match[str]]]:
    """Return the matches of colon labels and of labels alone on their line.

    Linear and cheap on long documents: colon labels are looked for only on lines with a colon
    near their start, own-line labels only on short upper-case lines found by one scan.
    """
    colon: list[regex.Match[str]] = []
    done = -1
    at = text.find(":")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if start != done and at - start <= _LABEL_CHARS:
            done = start
            end = text.find("\n", at)
            m = _LABEL_RE.match(text, start, len(text) if end < 0 else end)
            if m is not None:
                colon.append(m)
        at = text.find(":", at + 1)
    own_line = []
    head = "\n" + text[: text.find("\n") + 1] if not text.startswith("\n") else ""
    starts = [(m.start(), m.end() - 1) for m in _CAPS_LINE_RE.finditer(head)]  # the first line
    starts += [(m.start() + 1, m.end()) for m in _CAPS_LINE_RE.finditer(text)]
    for start, end in starts:
        m = _OWN_LINE_RE.match(text, start, end)
        if m is not None:
            own_line.append(m)
    return colon, own_line


def _colon_labels(matches: list[regex.Match[str]]) -> list[tuple[int, int, int, str, str | None]]:
    """Return (label start, label end, turn start, label, role) for every "LABEL:" line."""
    out = []
    counts: Counter[str] = Counter()
    candidates = []
    for m in matches:
        key = _label_key(m.group("words"))
        kind = _label_kinds().get(key)
        if kind == "header" or not any(c.isalpha() for c in m.group("label")):
            continue
        counts[key] += 1
        candidates.append((m, key, kind))
    for m, key, kind in candidates:
        caps = m.group("words") == m.group("words").upper()
        # A title-case "Okafor:" is a label only when it recurs (or is Q/A): "Update:" is not.
        if not caps and kind is None and counts[key] < 2:
            continue
        text = m.string
        start = m.end()
        while start < len(text) and text[start] in " \t":
            start += 1
        out.append((m.start("label"), m.end("label"), start, m.group("label"), m.group("role")))
    return out


def _own_line_labels(
    matches: list[regex.Match[str]],
) -> list[tuple[int, int, int, str, str | None]]:
    """Return labels standing alone on their line ("GRACE OKAFOR"), when there are several."""
    found = []
    for m in matches:
        label = m.group("label")
        key = _label_key(label)
        if _label_kinds().get(key) == "header" or len(key) < 2 or label.endswith("."):
            continue
        text = m.string
        nxt = text.find("\n", m.end())
        body_start = nxt + 1 if nxt >= 0 else len(text)
        if not text[body_start : body_start + 200].strip():
            continue  # a label is followed by what the speaker says
        role = label.split(", ", 1)[1] if ", " in label else None
        found.append((m.start("label"), m.end("label"), body_start, label, role))
    return found if len(found) >= 2 else []


def _turn(label: str, role: str | None, label_start: int, start: int, end: int) -> Turn:
    key = _label_key(label.split(",", 1)[0].split("(", 1)[0])
    kind = _label_kinds().get(key) or _label_kinds().get(" ".join(key.split()[:-1]))
    if kind in ("question", "answer", "generic"):
        return Turn(label, None, role, kind, label_start, start, end)  # type: ignore[arg-type]
    head = label.split(",", 1)[0].split(" (", 1)[0]
    name, title = _split_name(head)
    return Turn(label, name, role or title, "named", label_start, start, end)


def _answers_named(text: str, turns: list[Turn]) -> list[Turn]:
    """Give the "A:" turns the name and role of the one interviewee the introduction presents."""
    who = interviewee(text, turns[0].label_start)
    if who is None:
        return turns  # no one, or several: the answers stay anonymous
    return [replace(t, name=who.name, role=who.role) if t.kind == "answer" else t for t in turns]


def _split_name(words_text: str) -> tuple[str | None, str | None]:
    """Split "HEALTH SECRETARY GRACE OKAFOR" into name and role at the last title word."""
    words = words_text.split()
    lows = [w.lower().strip(".") for w in words]
    last = -1
    for i, low in enumerate(lows):
        if low in TITLES or low in ROLE_NOUNS or low in HONORIFICS or low == "the":
            last = i
    role_words = [
        w for w, low in zip(words[: last + 1], lows, strict=False) if low not in HONORIFICS
    ]
    if role_words and role_words[0].lower() == "the":
        role_words = role_words[1:]
    name = " ".join(words[last + 1 :]) or None
    return name, " ".join(role_words) or None


def _find_directions(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _brackets(text):
        body = (m.group("square") or m.group("round") or "").lower()
        words = _WORD_RE.findall(body)
        if any(" ".join(words[:n]) in _directions() for n in (1, 2, 3) if len(words) >= n):
            out.append(m.span())
    return out


@cache
def _direction_heads() -> frozenset[str]:
    return frozenset(entry[:3] for entry in _directions())


def _brackets(text: str) -> list[re.Match[str]]:
    """Return the bracketed stretches of ``text`` that may be stage directions.

    Matched only where a bracket opens on the first three letters of a listed word: most
    brackets in news copy ("(Reuters)", "(D-NM)") are passed over without a regex.
    """
    found = []
    heads = _direction_heads()
    for mark in "[(":
        at = text.find(mark)
        while at >= 0:
            if text[at + 1 : at + 6].lstrip(" \t")[:3].lower() in heads:
                m = _BRACKETED_RE.match(text, at)
                if m is not None:
                    found.append(m)
            at = text.find(mark, at + 1)
    found.sort(key=lambda m: m.start())
    return found


# ---------------------------------------------------------------------------- comparison


def speaker_from_text(text: str) -> Speaker:
    """Read a speaker given as text ("Grace Okafor", "the Health Secretary") into a Speaker."""
    bare = " ".join(text.split())
    head, _, after = bare.partition(",")
    name, role = _split_name(head)
    if after.strip():
        role = after.strip().removeprefix("the ").strip() or role
    if name is not None and name[:1].islower():
        name, role = None, bare.removeprefix("the ")  # "the health secretary"
    return Speaker(name, role, bare)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _role_key(role: str | None) -> str:
    if not role:
        return ""
    words = [_fold(w) for w in _words(role) if _fold(w) not in ("the", "a", "an")]
    return " ".join(words)


def identity(turn: Turn) -> str:
    """Return a key that two labels of one speaker share ("MR. HALVORSEN", "HALVORSEN")."""
    if turn.name:
        return "name:" + _fold(surname(turn.name))
    return "label:" + _label_key(turn.label)


def shown(turn: Turn) -> str:
    """Return how to show a turn's speaker: its label, and for an answer whom it is from.

    >>> text = "Interview with Lena Hoffmann, founder of the food bank.\\nQ: Why?\\nA: Need."
    >>> [shown(t) for t in find_turns(text).turns]
    ['Q', 'A (Lena Hoffmann, founder of the food bank)']
    """
    if turn.kind != "answer" or not turn.name:
        return turn.label
    who = f"{turn.name}, {turn.role}" if turn.role else turn.name
    return f"{turn.label} ({who})"


def _same_name(credited: str, label: str) -> bool | None:
    """Compare names by surname; a given name alone on one side ("DAVE" for Dave Moss) is None."""
    mine, theirs = _fold(surname(credited)), _fold(surname(label))
    if mine == theirs:
        return True
    words = [[_fold(w) for w in _words(n) if _fold(w) not in HONORIFICS] for n in (credited, label)]
    if (len(words[1]) == 1 and theirs in words[0]) or (len(words[0]) == 1 and mine in words[1]):
        return None  # one side gives a first name only: the same person, or another Dave
    return False


def same_speaker(credited: Speaker, turn: Turn) -> bool | None:
    """Say whether a turn is the credited speaker's: True, False, or None when it cannot tell.

    An "A:" turn is compared through the interviewee the introduction names; without one it
    names no one (None).

    >>> okafor = find_turns("GRACE OKAFOR, HEALTH SECRETARY: Hello.").turns[0]
    >>> [same_speaker(speaker_from_text(s), okafor) for s in ("Okafor", "the Health Secretary")]
    [True, True]
    >>> same_speaker(speaker_from_text("Tom Reid"), okafor)
    False
    """
    if turn.kind == "question":
        asker = _role_key(credited.role or credited.shown).split()
        return (
            bool(asker) and asker[-1] in _label_kinds() and _label_kinds()[asker[-1]] == "question"
        )
    if turn.kind == "generic" or (turn.kind == "answer" and not turn.name):
        return None
    if credited.name and turn.name:
        return _same_name(credited.name, turn.name)
    mine, theirs = _role_key(credited.role), _role_key(turn.role)
    if not (mine and theirs):
        return None  # a name against a bare role, or nothing to compare
    # "the secretary" is the Health Secretary when the label's role ends with it, as a definite
    # role joins the latest source with that role in coref.
    same = mine == theirs or (len(mine.split()) == 1 and theirs.split()[-1] == mine)
    # An introduction words a role loosely ("founder of the food bank"): no match proves nothing.
    return same if same or turn.kind == "named" else None
