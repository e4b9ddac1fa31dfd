"""find_cues(text, paragraphs, quotes) -> tuple[CueRecord, ...]: speech verbs, "according to",
colons.

A cue is the word or phrase that ties reported content to a source: a reporting verb ("said",
"told", "insisted"), "according to", "in a statement", a colon before a quote, or a vague-sourcing
phrase ("reportedly", "it is believed"). Cues inside quote marks are the speaker's words, not the
writer's, so they are never cues. Every regex runs once over the whole text, in linear time.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

import regex

from quotecheck.kinds import CUE_COLON, CUE_SPEECH_VERB, CUE_VAGUE, STANCE_NEUTRAL, STANCE_TENTATIVE
from quotecheck.lexicons import load_rows
from quotecheck.models import CueKind, Paragraph, Stance
from quotecheck.sortedints import covered
from quotecheck.text.quotes import ScannedQuote

__all__ = ["VERB_FORMS", "CueRecord", "VerbForm", "find_cues", "quote_regions"]


class CueRecord:
    """One cue: its offsets and words, its kind, lemma and stance (the fields of the contract's
    ``Cue``, its Span as plain offsets).

    A plain slotted record rather than the ``Cue`` model: the attribution stage reads every
    field of every cue, and a model with its own Span costs two tracked objects with a dict
    each (652 bytes a cue; a text with a cue every few words held 130 bytes a character in them).
    """

    __slots__ = ("end", "kind", "lemma", "stance", "start", "text")

    def __init__(
        self, start: int, end: int, text: str, kind: CueKind, lemma: str, stance: Stance
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.lemma = lemma
        self.stance = stance

    def __repr__(self) -> str:
        return f"CueRecord({self.start}, {self.end}, {self.text!r}, {self.kind!s})"


class VerbForm(NamedTuple):
    """What a reporting-verb form stands for."""

    lemma: str
    stance: Stance


def _verb_forms() -> dict[str, VerbForm]:
    """Map every inflected form in speech_verbs.txt to its lemma and stance."""
    forms: dict[str, VerbForm] = {}
    for lemma, inflections, stance in load_rows("speech_verbs"):
        for form in inflections.split(","):
            forms.setdefault(form.strip(), VerbForm(lemma, Stance(stance)))
    return forms


VERB_FORMS: dict[str, VerbForm] = _verb_forms()
"""Every inflected reporting-verb form -> (lemma, stance), from ``lexicons/speech_verbs.txt``."""

# Forms that are far more often nouns (or parts of names such as "United States", "Washington
# Post") than verbs; the past tense and -ing forms of the same verbs stay cues.
_NOUN_FORMS: Final = frozenset(
    row[0] for row in load_rows("source_grammar") if row[1] == "noun_form"
)
_CUE_VERBS: Final = sorted(f for f in VERB_FORMS if f not in _NOUN_FORMS)
# Headlines capitalise verbs ("Trump Says …"); only the commonest are safe to take capitalised.
# "Citing", "Adding" open a sentence as participles ("Citing “…,” the spokeswoman told …").
_CAPITALISED: Final = [
    f.capitalize()
    for f in (
        *("say", "says", "said", "tells", "told", "warns", "claims", "asked", "questioned"),
        *("citing", "adding"),  # sentence-opening participles: "Citing “…,” X told", "Adding, “…”"
    )
]


def _trie(words: list[str]) -> str:
    """Return a regex alternation of ``words`` factored as a trie, so matching never backtracks."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """Render one trie node: its branches in a group, optional when a word may end here."""
    branches = [regex.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_VAGUE: Final = [row[0] for row in load_rows("vague_cues") if row[1] in ("adverb", "passive")]
_OWNERS: Final = ("a", "an", "the", "his", "her", "its", "their")  # in a / his / their statement

# One pass finds every cue word. The word lists come from lexicons/speech_verbs.txt and
# lexicons/vague_cues.txt, factored into tries: each character is tried once per position.
_CUE_RE: Final = regex.compile(
    rf"""
    \b
    (?:
        (?P<speech_verb>{_trie(_CUE_VERBS + _CAPITALISED)})   # "said", "told", "insisted"
      | (?P<according_to>[Aa]ccording\ to)                    # "according to X"
      | (?P<vague>{_trie(_VAGUE + [v.capitalize() for v in _VAGUE])})  # "reportedly"
      | (?P<statement>                                        # "in a statement"
            [Ii]n\ (?:{"|".join(_OWNERS)})\ (?:[a-z\-]+\ ){{0,2}}?
            (?:statement|interview|press\ release|news\ release|press\ conference|
               news\ conference|letter|speech|memo|op-ed|column|essay|blog\ post|
               tweet|email|video|podcast|filing|testimony)
        )
    )
    (?![\w’'\-])                                            # ends a word
    """,
    regex.VERBOSE,
)

# Every word that can start a cue: only at these does _CUE_RE get tried (one pass over the text
# finds them, far cheaper than letting _CUE_RE try its alternatives at every position).
_FIRST_WORDS: Final = frozenset(
    entry.split(" ", 1)[0]
    for entry in _CUE_VERBS + _CAPITALISED + _VAGUE + [v.capitalize() for v in _VAGUE]
) | {"according", "According", "in", "In"}
# How every cue can begin, word for word ("it is believed", "in their "): _CUE_RE without
# its word-end checks, so wherever _CUE_RE matches, one of these does too.
_LEADS: Final = [
    *_CUE_VERBS,
    *_CAPITALISED,
    *_VAGUE,
    *[v.capitalize() for v in _VAGUE],
    "according to",
    "According to",
    *[f"{i}n {owner} " for i in "Ii" for owner in _OWNERS],
]
# A cue starts at a whole run of ASCII letters that is one of _FIRST_WORDS (other first words,
# with hyphens or apostrophes, never start one) and that begins one of _LEADS. The stdlib ``re``
# is used here because it skips letters in C, about five times faster than ``regex`` on this
# pattern; the character before the word is consumed so that the scan only stops at non-letters.
_LEAD_LETTERS: Final = re.escape("".join(sorted({lead[0] for lead in _LEADS})))
_ASCII_FIRST_WORDS: Final = sorted(w for w in _FIRST_WORDS if w.isascii() and w.isalpha())
_CANDIDATE_RE: Final = re.compile(
    rf"""
    [^A-Za-z0-9_'\-]                   # the character before: no ASCII letter, digit, ' or -
    (?=[{_LEAD_LETTERS}])               # one set lookup rules out most places, before ...
    (?={_trie(_LEADS)})                 # ... the words of a cue ahead ...
    ({_trie(_ASCII_FIRST_WORDS)})       # ... from a word that can start one ...
    (?![A-Za-z])                        # ... as a whole run of letters
    """,
    re.VERBOSE,
)
# The same words at the very start of the text, where no character stands before them.
_FIRST_WORD_RE: Final = re.compile(rf"(?:{_trie(_ASCII_FIRST_WORDS)})(?![A-Za-z])")
_GLUE_RE: Final = regex.compile(r"[\w’'\-]")  # a character that joins a word to the one before it
_KINDS: Final = {kind.value: kind for kind in CueKind}  # a dict lookup, cheaper than CueKind(...)
# The longest cue phrase ("in a newly released written statement") fits in this.
_CUE_REACH: Final = 80

# "Lynch: No outside influence …", "FALLIN: Well, I think …": a name opening a line, then a colon.
_NAME_COLON_RE: Final = regex.compile(
    r"""
    ^[ \t]*                                   # a line start
    (?:[A-Z][\w.’'\-]*[ \t]+){0,4}            # up to four more capitalised words
    [A-Z][\w.’'\-]*                           # the name's last word
    [ \t]*(:)[ \t]+(?=\S)                     # the colon, then the words said
    """,
    regex.VERBOSE | regex.MULTILINE,
)


def quote_regions(quotes: tuple[ScannedQuote, ...]) -> tuple[list[int], list[int]]:
    """Return the starts and ends of the outermost quotes' marks, sorted, for fast lookup."""
    starts: list[int] = []
    ends: list[int] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if starts and q.start < ends[-1]:
            continue  # nested inside the previous outer quote
        starts.append(q.start)
        ends.append(q.end)
    return starts, ends


def _inside(regions: tuple[list[int], list[int]], pos: int) -> bool:
    """Tell whether ``pos`` falls inside one of the quote regions."""
    starts, ends = regions
    return covered(starts, ends, pos)


def find_cues(
    text: str, paragraphs: tuple[Paragraph, ...], quotes: tuple[ScannedQuote, ...]
) -> tuple[CueRecord, ...]:
    """Find the words that introduce reported content, in text order, outside quote marks.

    >>> [c.text for c in find_cues('Prices rose, the minister said.', (), ())]
    ['said']
    """
    regions = quote_regions(quotes)
    cues: list[CueRecord] = []
    for start in _word_starts(text):
        if _inside(regions, start):
            continue
        m = _CUE_RE.match(text, start, min(len(text), start + _CUE_REACH))
        if m is not None:
            cues.append(_word_cue(text, m))
    colons = _colons(text, regions)
    for colon in colons:
        cues.append(_cue(text, colon, colon + 1, CUE_COLON, ":", STANCE_NEUTRAL))
    seen = set(colons)
    for colon in _name_colons(text):
        if colon not in seen and not _inside(regions, colon):
            cues.append(_cue(text, colon, colon + 1, CUE_COLON, ":", STANCE_NEUTRAL))
    cues.sort(key=lambda c: c.start)
    return tuple(cues)


def _name_colons(text: str) -> list[int]:
    """The colon of every match of _NAME_COLON_RE ("Lynch: No outside influence"), in order.

    Each match lies within one line (its ^ follows a \\n, and none of its characters is one)
    and holds a colon, so the pattern is tried only at the start of the lines with a colon:
    the same matches, without its scan over every line (tests compare the two).
    """
    colons: list[int] = []
    colon = text.find(":")
    while colon >= 0:
        line_start = text.rfind("\n", 0, colon) + 1
        m = _NAME_COLON_RE.match(text, line_start)
        if m is not None:
            colons.append(m.start(1))
        line_end = text.find("\n", colon)
        if line_end < 0:
            break
        colon = text.find(":", line_end)
    return colons


def _word_starts(text: str) -> list[int]:
    """Return the start of every word that may begin a cue: a first word not glued to another."""
    # A list, not a generator: from compiled code each step of a generator is a helper call.
    starts = [0] if _FIRST_WORD_RE.match(text) else []
    for m in _CANDIDATE_RE.finditer(text):
        at = m.start()  # the one character before the word: the word (group 1) starts after it
        before = text[at]
        # A non-ASCII character before the word (’, é) is checked here: an ASCII-only set in
        # _CANDIDATE_RE is tested faster, and ``regex`` decides what is a word character.
        if before.isascii() or not _GLUE_RE.match(before):
            starts.append(at + 1)
    return starts


def _word_cue(text: str, m: regex.Match[str]) -> CueRecord:
    """The cue for one match of _CUE_RE: a speech verb, vague or fixed phrase."""
    kind = _KINDS[m.lastgroup]
    start, end = m.span()
    words = text[start:end]
    if kind is CUE_SPEECH_VERB:
        form = VERB_FORMS.get(words) or VERB_FORMS[words.lower()]
        return _cue(text, start, end, kind, form.lemma, form.stance)
    if kind is CUE_VAGUE:
        return _cue(text, start, end, kind, words.lower(), STANCE_TENTATIVE)
    return _cue(text, start, end, kind, str(kind).replace("_", " "), STANCE_NEUTRAL)


def _cue(text: str, start: int, end: int, kind: CueKind, lemma: str, stance: Stance) -> CueRecord:
    """The cue on ``text[start:end]``."""
    return CueRecord(start, end, text[start:end], kind, lemma, stance)


def _colons(text: str, regions: tuple[list[int], list[int]]) -> list[int]:
    """Return the colon before every outer quote introduced by one ("X: “…”"), in order."""
    colons = []
    for start in regions[0]:
        colon = _colon_gap_start(text, start) - 1
        if colon >= 0 and text[colon] == ":" and not _inside(regions, colon):
            colons.append(colon)
    return colons


def _colon_gap_start(text: str, start: int) -> int:
    """Where the white space between a colon and the quote at ``start`` begins (or ``start``).

    The pattern ``[ \\t\\u00a0]*(?:\\r?\\n[ \\t\\u00a0]*){0,2}\\Z`` searched in the 8 characters
    before ``start`` (a blank line may stand between them), read by hand.

    Spaces, tabs and no-break spaces, with at most two line breaks (\\n or \\r\\n) among
    them, read backwards: the pattern's search finds its leftmost match, and any ending of a
    match is one too, so that is the longest such run before ``start``. A loop here instead of
    the search, which cost ~17k instructions a quote (tests compare the two).
    """
    floor = max(0, start - 8)
    gap = start
    breaks = 0
    while gap > floor:
        ch = text[gap - 1]
        if ch in " \t\u00a0":
            gap -= 1
        elif ch == "\n" and breaks < 2:
            breaks += 1
            gap -= 1
            if gap > floor and text[gap - 1] == "\r":
                gap -= 1
        else:
            break
    return gap
