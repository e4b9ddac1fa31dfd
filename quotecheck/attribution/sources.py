"""Source mentions: find the noun phrase that names a source next to a cue.

``subject_before`` walks back from a cue over the words that can make up a source's name or
description ("US Deputy Defense Press Secretary Gordon Trowbridge", "a retired US Special
Operations Command officer", "people familiar with the matter"); ``phrase_after`` reads one
forwards ("said Trowbridge", "according to the Pentagon", "told the Washington Post").
:func:`mentions.classify` then says what the words name. The lexicons both read
(titles, roles, anonymity descriptors, media, documents, organisations) are loaded here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, final

from quotecheck.lexicons import load, load_rows
from quotecheck.models import SourceKind
from quotecheck.text.cues import VERB_FORMS

__all__ = [
    "Mention",
    "Token",
    "TokenWindows",
    "abbreviation",
    "capitalised",
    "grammar_words",
    "phrase_after",
    "quoted",
    "subject_before",
    "tokens",
]


@final
class Token:
    """A word or punctuation mark with its offsets in the text.

    A plain class rather than a NamedTuple: mypyc builds one with a direct native call, where a
    NamedTuple goes through a Python-level ``__new__``; the tokenisers build thousands per text.
    Tokens are compared by identity, which is how the readers compare them (two tokens of one
    text never share their offsets).
    """

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __iter__(self) -> Iterator[str | int]:
        """The text, start and end, as the NamedTuple this class replaced gave them."""
        return iter((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start}, end={self.end})"


@final
class Mention:
    """A classified mention of a source: what it is and what the text says about it.

    A plain class rather than a NamedTuple, as :class:`Token` is: mypyc builds one with a
    direct native call instead of the NamedTuple's Python-level ``__new__``. A reader that
    changes a mention changes a :meth:`copy`, so a mention once made is never altered.
    """

    __slots__ = (
        "affiliation",
        "definite_role",
        "descriptor",
        "end",
        "kind",
        "name",
        "plural",
        "pronoun",
        "role",
        "start",
    )

    def __init__(
        self,
        start: int,
        end: int,
        kind: SourceKind,
        name: str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        descriptor: str | None = None,
        pronoun: str | None = None,  # "he", "she", "they", "it" for a pronoun mention
        plural: bool = False,
        definite_role: bool = False,  # "the spokesman": refers back to an earlier source
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.role = role
        self.affiliation = affiliation
        self.descriptor = descriptor
        self.pronoun = pronoun
        self.plural = plural
        self.definite_role = definite_role

    def copy(self) -> Mention:
        """A new mention with the same fields, for a reader to change."""
        return Mention(
            self.start,
            self.end,
            self.kind,
            self.name,
            self.role,
            self.affiliation,
            self.descriptor,
            self.pronoun,
            self.plural,
            self.definite_role,
        )

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in _MENTION_FIELDS)
        return f"Mention({fields})"


_MENTION_FIELDS: Final = (
    "start",
    "end",
    "kind",
    "name",
    "role",
    "affiliation",
    "descriptor",
    "pronoun",
    "plural",
    "definite_role",
)


# The standard library's engine: the same matches as `regex` here, and faster for this scan.
# Keep _MARKS in sync with the class of combining marks in _TOKEN_RE.
_TOKEN_RE: Final = re.compile(
    r"""
    [\w\u0300-\u036f]+        # a word; combining accents belong to it ("José" decomposed)
    (?:(?:[’'\-&./]            # with inner apostrophes, hyphens, dots, slashes ("U.S",
                               # "al-Sisi", "9/11"),
      | (?<=[ÃÂ\u0302\u0303])[\x80-\xbf]  # or the second byte of a letter decoded twice,
      )[\w\u0300-\u036f]+)*    # read as Latin-1 ("FranÃ§ois" for "François"): one name still
    | [^\w\s]                  # or one punctuation mark
    """,
    re.VERBOSE,
)
_MARKS: Final = ("\u0300", "\u036f")  # combining accents: part of the word they follow


# The same tokens as the odd pieces of a split: plain strings, not a match object per token,
# each offset found from the lengths of the pieces before it.
_TOKEN_SPLIT_RE: Final = re.compile(f"({_TOKEN_RE.pattern})", re.VERBOSE)


def tokens(text: str, start: int, end: int) -> list[Token]:
    r"""Tokenise ``text[start:end]`` into words and punctuation with absolute offsets.

    No token holds white space and every other character belongs to one, so each run between
    white space is tokenised alone: ``str.split`` finds the runs, and the pattern is tried only
    on runs that are not one plain word ("said", "Clinton") or a word and one mark ("Rep.",
    "Thursday,"). ``str.split`` and ``str.isalnum`` agree with the pattern's ``\s`` and ``\w``
    (``\w`` is ``isalnum`` or "_"; a combining accent ending a run keeps it on the pattern's
    path), so the tokens are those the pattern finds in the whole span.
    """
    start = max(start, 0)  # clamped as a regex's pos and endpos are, before slicing
    found: list[Token] = []
    at = start
    for run in text[start : max(start, end)].split():
        # The run starts at the first character after ``at`` that is not white space: at ``at``
        # itself, or, past the usual single space, at the next; a search only past more space.
        first = run[0]
        if text[at] != first:
            at = at + 1 if text[at + 1] == first else text.find(run, at)
        after = at + len(run)
        if len(run) == 1 or run.isalnum():
            found.append(Token(run, at, after))
        elif run[:-1].isalnum() and run[-1] != "_" and not _MARKS[0] <= run[-1] <= _MARKS[1]:
            # "Rep.", "Thursday,": a word, then a mark (not an accent that belongs to the word)
            found.append(Token(run[:-1], at, after - 1))
            found.append(Token(run[-1], after - 1, after))
        else:
            _split_run(run, at, found)
        at = after
    return found


@final
class TokenWindows:
    """:func:`tokens` over one text for a reader whose windows move forward through it, each
    reusing the words of the last window where the two overlap.

    Cues close together (two in one sentence; one every few words on hostile text) read nearly
    the same words before each of them. Runs between white space are tokenised alone, so the
    runs two windows share are the same tokens; only a run the new window cuts at its start
    is read again, and the words past the last window's end are read for the first time.
    """

    __slots__ = ("hi", "lo", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = self.hi = -1
        self.words: list[Token] = []

    def read(self, lo: int, hi: int) -> list[Token]:
        """``tokens(text, lo, hi)``: a new list, whose tokens may be the last window's."""
        text = self.text
        last_lo, last_hi = self.lo, self.hi
        if 0 <= last_lo <= lo < last_hi <= hi and _run_edge(text, last_hi, hi):
            found = self._tail_from(lo)
            found.extend(tokens(text, last_hi, hi))
        else:
            found = tokens(text, lo, hi)
        self.lo, self.hi, self.words = lo, hi, found
        return found[:]

    def _tail_from(self, lo: int) -> list[Token]:
        """The last window's tokens from ``lo`` on, the run cut at ``lo`` (if any) read again."""
        text, words = self.text, self.words
        head: list[Token] = []
        cut = lo
        if lo > self.lo and not _run_edge(text, lo, self.hi):
            # the window opens inside a run: read that run's part alone, as tokens() would
            while cut < self.hi and not text[cut].isspace():
                cut += 1
            head = tokens(text, lo, cut)
        k = 0
        while k < len(words) and words[k].start < cut:
            k += 1
        head.extend(words[k:])
        return head


def _run_edge(text: str, at: int, end: int) -> bool:
    """Tell whether ``at`` splits no run: white space on either side, or the window's end."""
    if at >= end or at >= len(text):
        return True
    return text[at].isspace() or (at > 0 and text[at - 1].isspace())


def _split_run(run: str, at: int, found: list[Token]) -> None:
    """Tokenise one run without white space that starts at ``at``, adding to ``found``."""
    pieces = _TOKEN_SPLIT_RE.split(run)
    at += len(pieces[0])
    for i in range(1, len(pieces), 2):
        word = pieces[i]
        after = at + len(word)
        found.append(Token(word, at, after))
        at = after + len(pieces[i + 1])


def quoted(value: object) -> str:
    """``repr(value)``, for the reasons' f-strings: mypyc compiles ``{x!r}`` to a call of
    ``str.format``, several times slower than ``repr``, and the reasons quote words at every cue."""
    return repr(value)


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(entry.lower() for entry in load(name))


TITLES: Final = _lower_set("titles")
ROLE_NOUNS: Final = {row[0]: row[1] == "plural" for row in load_rows("person_roles")}
# How an editor reads each role noun without a name: "office", "member" or "generic" (the
# lexicon's header explains each; docs/concepts.md gives the taxonomy).
ROLE_CLASSES: Final = {row[0]: row[2] for row in load_rows("person_roles")}
ANONYMITY: Final = tuple(load("anonymity"))
MEDIA: Final = frozenset(load("media"))
DOCUMENTS: Final = _lower_set("documents")
ORG_HEADS: Final = frozenset(
    r[0] for r in load_rows("organizations") if r[1] in ("head", "unnamed")
)
UNNAMED_HEADS: Final = frozenset(r[0] for r in load_rows("organizations") if r[1] == "unnamed")
ORG_NAMES: Final = frozenset(r[0] for r in load_rows("organizations") if r[1] == "name")
METONYMS: Final = frozenset(r[0] for r in load_rows("organizations") if r[1] == "metonym")
ORG_SUFFIXES: Final = frozenset(r[0] for r in load_rows("organizations") if r[1] == "suffix")
BODY_WORDS: Final = frozenset(r[0] for r in load_rows("organizations") if r[1] == "body")
# Countries and states: their names stand for their governments ("Norway denies the plan").
PLACES: Final = frozenset(load("places"))
MEDIA_HEADS: Final = frozenset(
    "newspaper paper magazine network outlet broadcaster tabloid website channel station".split()  # noqa: SIM905
)
VAGUE_GROUPS: Final = frozenset(r[0] for r in load_rows("vague_cues") if r[1] == "group")
PRONOUNS: Final = {row[0]: (row[1], row[2] == "plural") for row in load_rows("pronouns")}


def grammar_words(word_class: str) -> frozenset[str]:
    """Return the words of one class of lexicons/source_grammar.txt."""
    return frozenset(row[0] for row in load_rows("source_grammar") if row[1] == word_class)


DETERMINERS: Final = frozenset(["the", "a", "an"])
QUANTIFIERS: Final = grammar_words("quantifier")
CONNECTORS: Final = grammar_words("connector")
# Lower-case modifiers that may stand inside a source's description.
MODIFIERS: Final = grammar_words("modifier")
# Capitalised words that start a clause rather than a name: the walk back stops before them.
CLAUSE_WORDS: Final = grammar_words("clause")
_MONTHS: Final = frozenset(
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
_DAYS: Final = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())  # noqa: SIM905
_CALENDAR: Final = _MONTHS | _DAYS
STOPWORDS: Final = grammar_words("stop")
_MAX_WORDS: Final = 14


def capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter."""
    return word[:1].isupper()


# Every listed lower-case word that may stand inside a source's name: one lookup, not nine.
_NP_WORDS: Final = (
    frozenset(ROLE_NOUNS)
    | MEDIA_HEADS
    | MODIFIERS
    | CONNECTORS
    | DETERMINERS
    | QUANTIFIERS
    | DOCUMENTS
    | ORG_HEADS
    | VAGUE_GROUPS
    | grammar_words("share_noun")  # "a majority of voters", "nearly half"
)


def _np_word(tok: Token, lowered: str) -> bool:
    """Tell whether a word can stand inside a source's name or description."""
    if tok.text[:1].isupper():
        if _contraction(tok.text):
            return False  # "It’s", "I'm", "There’s": a clause's start, not a name
        return tok.text not in CLAUSE_WORDS or tok.text == "May"
    return (
        lowered in _NP_WORDS
        or lowered[:1].isdigit()  # "9/11 widow Terry Strada", "the 46-year-old"
        or "-" in lowered  # "the 46-year-old", "the conservative-leaning newspaper"
    )


def _contraction(word: str) -> bool:
    """Tell whether a capitalised word is a pronoun or clause word with a verb clipped on."""
    cut = max(word.find("’"), word.find("'"))
    if cut <= 0:
        return False
    base = word[:cut]
    if word[cut + 1 :] == "s":  # "Thursday’s meeting" is a possessive; "It’s", "There’s" are not
        return base.lower() in PRONOUNS or base in _EXPLETIVES
    return base in CLAUSE_WORDS or base.lower() in PRONOUNS


_EXPLETIVES: Final = frozenset(["It", "There", "That", "Here", "What", "Who", "Where", "How"])


def subject_before(toks: list[Token]) -> list[Token]:
    """Return the noun phrase that ends ``toks`` (the words just before a cue), or []."""
    out: list[Token] = []
    i = len(toks) - 1
    if i > 1 and toks[i].text == "," and toks[i - 1].text == ")":  # "Gov. X (R-OH), said"
        i -= 1
    if i > 0 and toks[i].text == ")":  # "Rep. Jim Clyburn (D-S.C.) said": skip the party tag
        opening = [k for k in range(max(0, i - 8), i) if toks[k].text == "("]
        i = opening[-1] - 1 if opening else -1
    while i >= 0 and len(out) < _MAX_WORDS:
        tok = toks[i]
        word = tok.text
        if word == ".":
            if i == 0 or not abbreviation(toks[i - 1].text):
                break
        elif _percent_sign(toks, i):
            pass  # "42% say …", "42% of Republicans say …": the share's sign
        elif not word[0].isalnum():
            break
        elif out:
            if word == "May" or not _np_or_described(toks, i, out, word.lower()):
                break
        else:
            low = word.lower()
            if low in _OBJECT_PRONOUNS:
                break  # "the voters who backed him said": an object is not the speaker
            if low in PRONOUNS:
                return [tok]
            if low.endswith(("’s", "'s")) and low[:-2] in PRONOUNS:
                return [Token(word[:-2], tok.start, tok.end - 2)]  # "he’s said": he has said
            surname = _surname_may(toks[:i], tok)  # "Al From said": the name's last word
            if not (surname or _np_or_described(toks, i, out, low) or _share_of(toks, i)):
                break
        out.append(tok)
        i -= 1
    out.reverse()
    return _trim_phrase(out)


def _percent_sign(toks: list[Token], i: int) -> bool:
    """Tell whether ``toks[i]`` is the sign of a percentage ("42%"), a share's last word."""
    return toks[i].text == "%" and i > 0 and toks[i - 1].text[:1].isdigit()


def _share_of(toks: list[Token], i: int) -> bool:
    """Tell whether a plural noun closes a share of a group ("eight in 10 tenants")."""
    if i < 3 or toks[i - 2].text != "in" or not toks[i].text.endswith("s"):
        return False
    first, second = toks[i - 3].text.lower(), toks[i - 1].text.lower()
    return (first.isdigit() or first in QUANTIFIERS) and (second.isdigit() or second in QUANTIFIERS)


def _np_or_described(toks: list[Token], i: int, out: list[Token], low: str) -> bool:
    """Walking back: tell whether ``toks[i]`` still belongs to the source's phrase."""
    return (
        _np_word(toks[i], low)
        or _adjective_before_head(toks, i, out)
        or _compound_before_role(toks, i, out)
        or _role_before_full_name(toks, i, out)
        or _knowing(toks[max(0, i - 4) : i])
        or (low in _KNOWING and _people(toks[max(0, i - 1) : i]))  # "people briefed on …"
    )


_AUXILIARIES: Final = grammar_words("auxiliary")
_OBJECT_PRONOUNS: Final = frozenset(["him", "her", "them", "us", "me"])
_KNOWING: Final = frozenset(["familiar", "close", "knowledge", "aware", "briefed", "involved"])


def _knowing(words: list[Token]) -> bool:
    """Tell whether a phrase describes someone by what they know ("familiar with the talks")."""
    return any(w.text.lower() in _KNOWING for w in words)


def _people(words: list[Token]) -> bool:
    """Tell whether a phrase so far ends in a noun for people ("two people", "an official")."""
    if not words:
        return False
    low = words[-1].text.lower()
    return low in ROLE_NOUNS or low in VAGUE_GROUPS


def phrase_after(toks: list[Token]) -> list[Token]:
    """Return the noun phrase that starts ``toks`` (the words just after a cue), or []."""
    out: list[Token] = []
    if toks and toks[0].text.lower() in CONNECTORS and not _opens_name(toks, 0):
        return out  # "said of the Clintons": a preposition, not a speaker
    for i, tok in enumerate(toks):
        low = tok.text.lower()
        if len(out) >= _MAX_WORDS:
            break
        if tok.text == "." and out and abbreviation(out[-1].text):
            nxt = toks[i + 1].text if i + 1 < len(toks) else ""
            # "a U.S. official", "the U.N. envoy": a known noun after an initialism goes on too
            if capitalised(nxt) or ("." in out[-1].text and nxt.lower() in _NP_WORDS):
                out.append(tok)
                continue
            break
        if not tok.text[0].isalnum():
            break
        if not out and low in PRONOUNS:
            return [tok]
        if tok.text in _MONTHS or tok.text in _DAYS:
            if out and out[-1].text.lower() in DETERMINERS:
                out.append(tok)  # "a Wednesday editorial", "the Sunday paper"
                continue
            if not _surname_may(out, tok):
                break
        if out and tok.text in _AUXILIARIES and not _ordinal_after_owner(out, low):
            # lower case only: "Theresa May", "Will Smith"
            break  # "Trump then appears …", "Smith has said": the name has ended
        if _surname_may(out, tok) and _phrase_closes(toks, i):
            out.append(tok)  # "said Al From, who …": a surname spelled like a connector
            continue
        knowing = _knowing(out) or (low in _KNOWING and _people(out))  # "people briefed on"
        if not _np_word(tok, low) and not _adjective_after(toks, i, out) and not knowing:
            break
        if low in ("in", "on", "at") and not _next_capitalised(toks, i) and not _knowing(out):
            break  # "told reporters in the room", not "people briefed on the talks"
        out.append(tok)
    return _trim_phrase(out)


def _ordinal_after_owner(out: list[Token], low: str) -> bool:
    """Tell "Obama's first five questioners" (an ordinal after an owner) from "Trump first
    said" (the adverb that ends a name)."""
    return low == "first" and out[-1].text.lower().endswith(("’s", "'s"))


def _phrase_closes(toks: list[Token], i: int) -> bool:
    """Tell whether ``toks[i]`` is the phrase's last word: punctuation or nothing follows it."""
    return i + 1 == len(toks) or not toks[i + 1].text[0].isalnum()


def _head_noun(word: str) -> bool:
    low = word.lower()
    return low in ROLE_NOUNS or low in ORG_HEADS or low in DOCUMENTS or low in MEDIA_HEADS


def _adjective_before_head(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking back: accept an unknown lower-case word between a determiner and a head noun
    ("the gambling commission", "a former campaign aide")."""
    if not out or not _head_noun(out[0].text) or not toks[i].text.islower():
        return False
    if toks[i].text in STOPWORDS:
        return False  # "denied the report but officials said": "but" opens a new clause
    return any(t.text.lower() in _COUNTING for t in toks[max(0, i - 2) : i])


_COUNTING: Final = DETERMINERS | QUANTIFIERS  # "the gambling commission", "two campaign aides"


def _compound_before_role(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking back: accept a lower-case noun that makes a compound with the role after it
    ("portfolio manager Bonnie Baha", "DoubleLine Capital portfolio manager …") when what comes
    before it is an edge (a quote, a comma, the start) or a name."""
    word = toks[i].text
    # ``out`` is built walking back: its last word is the one just after ``word``
    if not out or out[-1].text.lower() not in ROLE_NOUNS:
        return False
    if not _plain_word(word) or word in CONNECTORS:
        return False
    before = toks[i - 1].text if i else ""
    # "… but league officials said": a conjunction opens the new clause as an edge does
    return i == 0 or not before[0].isalnum() or capitalised(before) or before in _CLAUSE_JOINS


_CLAUSE_JOINS: Final = frozenset(["but", "and", "while", "as", "because", "although", "though"])


def _plain_word(word: str) -> bool:
    """Tell whether a word is a lower-case content word: no function word, article or
    reporting verb, so it may be part of a role ("portfolio manager", "speechwriter")."""
    if not (word.isalpha() and word.islower()):
        return False
    return word not in STOPWORDS and word not in VERB_FORMS and word not in DETERMINERS


# Lower-case particles inside names ("Charles de Gaulle", "Osama bin Laden"): never a role.
NAME_PARTICLES: Final = grammar_words("name_particle")


def _role_before_full_name(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking back: accept an unlisted lower-case role right before a full name ("former Bush
    speechwriter Noam Neusner") when a name or a modifier stands before it too."""
    word = toks[i].text
    if len(out) < 2 or not all(capitalised(t.text) for t in out[-2:]):
        return False
    if not _plain_word(word) or word in NAME_PARTICLES or word in CONNECTORS:
        return False
    return i > 0 and (capitalised(toks[i - 1].text) or toks[i - 1].text.lower() in MODIFIERS)


def _adjective_after(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking forwards: accept an unknown lower-case word when a head noun follows it closely
    ("according to the national statistics office", "said county engineer Paul Dressler")."""
    word = toks[i].text
    if not word.islower() or (not out and (word in STOPWORDS or word in CONNECTORS)):
        return False
    if word in VERB_FORMS:
        return False  # "Boreing said the members …": a reporting verb ends the name
    if out and word.endswith("ed") and (capitalised(out[-1].text) or _head_noun(out[-1].text)):
        return False  # "Trump issued a statement", "Democrats controlled the Senate": a verb
    after_article = out and out[-1].text.lower() in DETERMINERS and i + 1 < len(toks)
    if after_article and capitalised(toks[i + 1].text) and word.endswith(_ADJECTIVE_ENDINGS):
        return True  # "said the younger Mr. Trump", not "told the audience Obama had lied"
    if all(t.text.islower() for t in out) and _role_then_name(toks, i - len(out)):
        return True  # "said master of ceremonies Asab Al-Tabchi"
    return any(_head_noun(t.text) for t in toks[i + 1 : i + 3]) or _names_then_head(toks, i + 1)


def _names_then_head(toks: list[Token], i: int) -> bool:
    """Tell whether capitalised words from ``i`` lead to a head noun ("unaligned Florida
    Republican strategist", "senior Ministry of Defence official"): the adjective before them
    belongs to the description."""
    for tok in toks[i : i + 4]:
        if _head_noun(tok.text):
            return True
        if not capitalised(tok.text) or tok.text in CLAUSE_WORDS:
            return False
    return False


def _role_then_name(toks: list[Token], i: int) -> bool:
    """Tell whether lower-case words from ``i`` are a person's role right before a two-word
    name: "master of ceremonies Asab Al-Tabchi", "campaign organizer Ana Ruiz"."""
    k = i
    while k < min(len(toks) - 1, i + 3) and not capitalised(toks[k].text):
        word = toks[k].text
        joins = k > i and word in ("of", "for")
        if not joins and not _plain_word(word):
            return False
        k += 1
    if k == i or k + 1 >= len(toks) or not capitalised(toks[k + 1].text):
        return False
    first = toks[i].text
    return first in ROLE_NOUNS or first.endswith(_PERSON_ENDINGS)  # "master", "organizer"


_PERSON_ENDINGS: Final = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")


# Endings of English adjectives ("younger", "printed", "prominent", "famous", "local").
_ADJECTIVE_ENDINGS: Final = (
    "er",
    "ed",
    "ent",
    "ant",
    "ous",
    "ive",
    "al",
    "ful",
    "ic",
    "ible",
    "able",
)


def _next_capitalised(toks: list[Token], i: int) -> bool:
    nxt = toks[i + 1 : i + 3]
    words = [t.text for t in nxt if t.text.lower() not in DETERMINERS]
    return bool(words) and capitalised(words[0]) and words[0] not in _CALENDAR


def abbreviation(word: str) -> bool:
    """Tell whether a word followed by a full stop is an abbreviation ("Gen", "U.S", "J")."""
    return (len(word) == 1 and word.isupper()) or "." in word or word.lower() in _ABBREVIATED


_ABBREVIATED: Final = TITLES | {"jr", "sr"}


def _trim_phrase(words: list[Token]) -> list[Token]:
    """Drop connectors and clause words at the edges of a phrase."""
    while words and (words[0].text.lower() in CONNECTORS or words[0].text in CLAUSE_WORDS):
        if _opens_name(words, 0):
            break
        words = words[1:]
    while words and (words[-1].text.lower() in _LOOSE_ENDS or words[-1].text in CLAUSE_WORDS):
        if _surname_may(words[:-1], words[-1]):
            break
        words = words[:-1]
    return words


def _opens_name(words: list[Token], i: int) -> bool:
    """Tell whether a capitalised name particle opens a name ("Al Gore", "De Niro", "Van
    Morrison"): a given name or a surname's first part, not a connector like "al-" or "of"."""
    word = words[i].text
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.lower() in NAME_PARTICLES
        and i + 1 < len(words)
        and capitalised(words[i + 1].text)
    )


_LOOSE_ENDS: Final = CONNECTORS | DETERMINERS  # never the last word of a name: "the", "of"


def _surname_may(before: list[Token], tok: Token) -> bool:
    """Tell a surname spelled like a month or connector ("Theresa May", "Al From") from the
    word itself ("in May", "officials from"): title case, right after a capitalised name."""
    word = tok.text
    if not before or not (word[:1].isupper() and word[1:].islower()):
        return False
    if word != "May" and word.lower() not in CONNECTORS:
        return False
    prev = before[-1].text
    if not capitalised(prev) or prev.lower() in TITLES or prev in CLAUSE_WORDS:
        return False
    # a connector ends a name only right after its given name ("strategist Al From"), not
    # a capitalised run of any length ("The Gap Goes On" in a headline)
    return word == "May" or len(before) == 1 or not _given_name_opens(before[-2].text)


def _given_name_opens(word: str) -> bool:
    """Tell whether a word before a given name may belong to the same name (not a title)."""
    return capitalised(word) and word.lower() not in TITLES
