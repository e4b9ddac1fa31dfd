"""Source mentions: find the noun phrase that names a source next to a cue, and classify it.

``subject_before`` walks back from a cue over the words that can make up a source's name or
description ("US Deputy Defense Press Secretary Gordon Trowbridge", "a retired US Special
Operations Command officer", "people familiar with the matter"); ``phrase_after`` reads one
forwards ("said Trowbridge", "according to the Pentagon", "told the Washington Post").
``classify`` turns the words into a :class:`Mention`: person (name and role split at the last
title word), organisation, media, document, anonymous (descriptor kept) or vague.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicons import load, load_rows
from .models import SourceKind

__all__ = [
    "Mention",
    "Token",
    "classify",
    "grammar_words",
    "opening_subject",
    "phrase_after",
    "subject_before",
    "tokens",
]


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the text."""

    text: str
    start: int
    end: int


class Mention(NamedTuple):
    """A classified mention of a source: what it is and what the text says about it."""

    start: int
    end: int
    kind: SourceKind
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    descriptor: str | None = None
    pronoun: str | None = None  # "he", "she", "they", "it" for a pronoun mention
    plural: bool = False
    definite_role: bool = False  # "the spokesman": refers back to an earlier source


# The standard library's engine: the same matches as `regex` here, and faster for this scan.
_TOKEN_RE = re.compile(
    r"""
    \w+(?:[’'\-&./]\w+)*       # a word, with inner apostrophes, hyphens, dots, slashes ("U.S",
                               # "al-Sisi", "9/11")
    | [^\w\s]                  # or one punctuation mark
    """,
    re.VERBOSE,
)


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokenise ``text[start:end]`` into words and punctuation with absolute offsets."""
    return [Token(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(entry.lower() for entry in load(name))


TITLES = _lower_set("titles")
ROLE_NOUNS = {row[0]: row[1] == "plural" for row in load_rows("person_roles")}
ANONYMITY = tuple(load("anonymity"))
# One search for any anonymity descriptor inside a lower-cased phrase (a plain substring test).
_ANONYMITY_RE = re.compile("|".join(re.escape(a) for a in sorted(ANONYMITY, key=len, reverse=True)))
MEDIA = frozenset(load("media"))
DOCUMENTS = _lower_set("documents")
ORG_HEADS = frozenset(r[0] for r in load_rows("organizations") if r[1] == "head")
ORG_NAMES = frozenset(r[0] for r in load_rows("organizations") if r[1] == "name")
METONYMS = frozenset(r[0] for r in load_rows("organizations") if r[1] == "metonym")
MEDIA_HEADS = frozenset(
    "newspaper paper magazine network outlet broadcaster tabloid website channel station".split()  # noqa: SIM905
)
VAGUE_GROUPS = frozenset(r[0] for r in load_rows("vague_cues") if r[1] == "group")
PRONOUNS = {row[0]: (row[1], row[2] == "plural") for row in load_rows("pronouns")}


def grammar_words(word_class: str) -> frozenset[str]:
    """Return the words of one class of lexicons/source_grammar.txt."""
    return frozenset(row[0] for row in load_rows("source_grammar") if row[1] == word_class)


DETERMINERS = frozenset(["the", "a", "an"])
QUANTIFIERS = grammar_words("quantifier")
CONNECTORS = grammar_words("connector")
# Lower-case modifiers that may stand inside a source's description.
MODIFIERS = grammar_words("modifier")
# Capitalised words that start a clause rather than a name: the walk back stops before them.
CLAUSE_WORDS = grammar_words("clause")
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())  # noqa: SIM905
STOPWORDS = grammar_words("stop")
_MAX_WORDS = 14


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _np_word(tok: Token, lowered: str) -> bool:
    """Tell whether a word can stand inside a source's name or description."""
    if _capitalised(tok.text):
        return tok.text not in CLAUSE_WORDS or tok.text in ("May",)
    return (
        lowered in ROLE_NOUNS
        or lowered in MEDIA_HEADS
        or lowered in MODIFIERS
        or lowered in CONNECTORS
        or lowered in DETERMINERS
        or lowered in QUANTIFIERS
        or lowered in DOCUMENTS
        or lowered in ORG_HEADS
        or lowered in VAGUE_GROUPS
        or lowered[:1].isdigit()  # "9/11 widow Terry Strada", "the 46-year-old"
        or "-" in lowered  # "the 46-year-old", "the conservative-leaning newspaper"
    )


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
        low = tok.text.lower()
        if tok.text == "." and i > 0 and _abbreviation(toks[i - 1].text):
            out.append(tok)
        elif tok.text == "." or not (tok.text[0].isalnum()):
            break
        elif not out and low in PRONOUNS:
            return [tok]
        elif not out and low.endswith(("’s", "'s")) and low[:-2] in PRONOUNS:
            return [Token(tok.text[:-2], tok.start, tok.end - 2)]  # "he’s said": he has said
        elif (
            not _np_word(tok, low)
            and not _adjective_before_head(toks, i, out)
            and not _knowing(toks[max(0, i - 4) : i])
        ) or (tok.text == "May" and out):
            break
        else:
            out.append(tok)
        i -= 1
    out.reverse()
    return _trim_phrase(out)


_KNOWING = frozenset(["familiar", "close", "knowledge", "aware", "briefed", "involved"])


def _knowing(words: list[Token]) -> bool:
    """Tell whether a phrase describes someone by what they know ("familiar with the talks")."""
    return any(w.text.lower() in _KNOWING for w in words)


def phrase_after(toks: list[Token]) -> list[Token]:
    """Return the noun phrase that starts ``toks`` (the words just after a cue), or []."""
    out: list[Token] = []
    if toks and toks[0].text.lower() in CONNECTORS:
        return out  # "said of the Clintons": a preposition, not a speaker
    for i, tok in enumerate(toks):
        low = tok.text.lower()
        if len(out) >= _MAX_WORDS:
            break
        if tok.text == "." and out and _abbreviation(out[-1].text):
            if i + 1 < len(toks) and _capitalised(toks[i + 1].text):
                out.append(tok)
                continue
            break
        if not tok.text[0].isalnum():
            break
        if not out and low in PRONOUNS:
            return [tok]
        if tok.text in _MONTHS or tok.text in _DAYS:
            break
        if not _np_word(tok, low) and not _adjective_after(toks, i, out) and not _knowing(out):
            break
        if low in ("in", "on", "at") and not _next_capitalised(toks, i):
            break
        out.append(tok)
    return _trim_phrase(out)


_OPENER_WORDS = 20  # a fronted phrase ("At Sunday night’s debate,") is at most this long


def opening_subject(text: str, words: list[Token], documents: bool = False) -> Mention | None:
    """The subject of the clause that ``words`` open, past conjunctions and a fronted phrase.

    Reads "Sanders stepped up …", "But Sanders …", "At Sunday night’s debate, Sanders …" and
    "In a statement released Thursday, Rep. Hakeem Jeffries reacted …" alike; None when no
    source-like phrase opens the clause with a predicate after it. A document ("The email goes
    on to say") counts only when ``documents`` is set.
    """
    while words and (words[0].text in _CONJUNCTION_OPENERS or not words[0].text[0].isalnum()):
        words = words[1:]  # "But", "As", or a list marker ("~", "-", "•")
    mention = _clause_opener(text, words, documents)
    if mention is None:  # a fronted phrase first: "At Sunday night’s debate, Sanders …"
        comma = next((i for i, w in enumerate(words[:_OPENER_WORDS]) if w.text == ","), None)
        mention = _clause_opener(text, words[comma + 1 :], documents) if comma else None
    return mention


def _clause_opener(text: str, words: list[Token], documents: bool) -> Mention | None:
    """The source-like phrase opening ``words`` when a predicate follows it, or None."""
    phrase = phrase_after(words)
    if not phrase or len(phrase) == len(words):
        return None  # no predicate after the phrase: not a clause's subject
    mention = classify(text, phrase)
    if mention is None or mention.kind is SourceKind.vague:
        return None
    if mention.kind is SourceKind.document and not documents:
        return None
    return mention


_CONJUNCTION_OPENERS = frozenset(
    ["But", "And", "Yet", "So", "Or", "Then", "Now", "Still", "Also", "As"]
)


def _head_noun(word: str) -> bool:
    low = word.lower()
    return low in ROLE_NOUNS or low in ORG_HEADS or low in DOCUMENTS or low in MEDIA_HEADS


def _adjective_before_head(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking back: accept an unknown lower-case word between a determiner and a head noun
    ("the gambling commission", "a former campaign aide")."""
    if not out or not _head_noun(out[0].text) or not toks[i].text.islower():
        return False
    return any(t.text.lower() in DETERMINERS | QUANTIFIERS for t in toks[max(0, i - 2) : i])


def _adjective_after(toks: list[Token], i: int, out: list[Token]) -> bool:
    """Walking forwards: accept an unknown lower-case word when a head noun follows it closely
    ("according to the national statistics office", "said county engineer Paul Dressler")."""
    word = toks[i].text
    if not word.islower() or (not out and (word in STOPWORDS or word in CONNECTORS)):
        return False
    after_article = out and out[-1].text.lower() in DETERMINERS and i + 1 < len(toks)
    if after_article and _capitalised(toks[i + 1].text):
        return True  # "said the younger Mr. Trump"
    return any(_head_noun(t.text) for t in toks[i + 1 : i + 3])


def _next_capitalised(toks: list[Token], i: int) -> bool:
    nxt = toks[i + 1 : i + 3]
    words = [t.text for t in nxt if t.text.lower() not in DETERMINERS]
    return bool(words) and _capitalised(words[0]) and words[0] not in _MONTHS | _DAYS


def _abbreviation(word: str) -> bool:
    """Tell whether a word followed by a full stop is an abbreviation ("Gen", "U.S", "J")."""
    return (
        (len(word) == 1 and word.isupper()) or "." in word or word.lower() in TITLES | {"jr", "sr"}
    )


def _trim_phrase(words: list[Token]) -> list[Token]:
    """Drop connectors and clause words at the edges of a phrase."""
    while words and (words[0].text.lower() in CONNECTORS or words[0].text in CLAUSE_WORDS):
        words = words[1:]
    while words and (
        words[-1].text.lower() in CONNECTORS | DETERMINERS or words[-1].text in CLAUSE_WORDS
    ):
        words = words[:-1]
    return words


def classify(text: str, words: list[Token]) -> Mention | None:
    """Classify a noun phrase as a source mention, or None when it cannot be a source.

    Organisations and media get their canonical name without a leading article ("the Pentagon"
    is named "Pentagon"); the mention keeps the words as written.
    """
    mention = _classify(text, words)
    if mention is not None and mention.name and mention.kind in _ARTICLE_FREE:
        name = mention.name
        if name[:4] in ("the ", "The "):
            return mention._replace(name=name[4:])
    return mention


_ARTICLE_FREE = (SourceKind.organization, SourceKind.media)
# Lower-case openers that describe an unnamed member of a group ("a Democrat", "one Republican").
_INDEFINITE = frozenset(["a", "an", "another", "one"])


def _classify(text: str, words: list[Token]) -> Mention | None:
    """Classify without settling the canonical name."""
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    phrase = text[start:end]
    low = phrase.lower()
    first = words[0].text.lower()
    if len(words) == 1 and first in PRONOUNS:
        return _pronoun_mention(start, end, first)
    if _ANONYMITY_RE.search(low):
        return Mention(start, end, SourceKind.anonymous, descriptor=phrase, plural=_plural(words))
    if low in VAGUE_GROUPS or (first in QUANTIFIERS and low.split(" ", 1)[-1] in VAGUE_GROUPS):
        return Mention(start, end, SourceKind.vague, descriptor=phrase, plural=True)
    bare = phrase[4:] if first == "the" else phrase
    if bare in MEDIA or (bare.rstrip("’'s") in MEDIA and first != "the" and len(words) == 1):
        return Mention(start, end, SourceKind.media, name=phrase)
    head = _head(words)
    head_low = head.text.lower()
    if not _capitalised(head.text):
        return _common_noun_mention(text, words, head, start, end)
    if words[0].text in _INDEFINITE and len(words) > 1:  # "another New Hampshire Republican"
        return Mention(start, end, SourceKind.anonymous, descriptor=phrase, plural=_plural(words))
    if low in METONYMS or low in ORG_NAMES or bare.lower() in ORG_NAMES:
        return Mention(start, end, SourceKind.organization, name=phrase)
    if head_low in TITLES and len(words) <= 3 and first == "the":
        return Mention(
            start, end, SourceKind.anonymous, descriptor=phrase, role=phrase[4:], definite_role=True
        )
    return _proper_mention(text, words, start, end)


def _pronoun_mention(start: int, end: int, pronoun: str) -> Mention:
    plural = PRONOUNS[pronoun][1]
    kind = SourceKind.organization if pronoun == "it" else SourceKind.person
    return Mention(start, end, kind, pronoun=pronoun, plural=plural)


def _plural(words: list[Token]) -> bool:
    head = _head(words).text.lower()
    return ROLE_NOUNS.get(head, head.endswith("s") and not head.endswith("ss"))


def _head(words: list[Token]) -> Token:
    """Return the head word: the last word before a post-modifier ("spokesman for the agency")."""
    for i, tok in enumerate(words):
        low = tok.text.lower()
        if i and low in ("of", "for", "at", "with", "from", "close", "familiar", "in", "on", "by"):
            prev = words[i - 1].text.lower()
            if prev in ROLE_NOUNS or prev in DOCUMENTS or prev in VAGUE_GROUPS:
                return words[i - 1]
            if low != "of" and not _capitalised(words[i - 1].text):
                return words[i - 1]
    return words[-1]


def _common_noun_mention(
    text: str, words: list[Token], head: Token, start: int, end: int
) -> Mention | None:
    """Classify a phrase headed by a common noun: a role, a group, a document, an organisation."""
    phrase = text[start:end]
    head_low = head.text.lower()
    first = words[0].text.lower()
    affiliation = _affiliation(text, words)
    if head_low in VAGUE_GROUPS and (len(words) == 1 or first in QUANTIFIERS) and not affiliation:
        return Mention(start, end, SourceKind.vague, descriptor=phrase, plural=True)
    if head_low in ROLE_NOUNS or head_low in VAGUE_GROUPS:
        definite = first == "the" and not ROLE_NOUNS.get(head_low, True) and len(words) <= 4
        role = text[words[1].start if first == "the" else start : head.end]
        return Mention(
            start,
            end,
            SourceKind.anonymous,
            descriptor=phrase,
            role=role,
            affiliation=affiliation,
            plural=_plural(words),
            definite_role=definite,
        )
    if head_low in MEDIA_HEADS:
        return Mention(start, end, SourceKind.media, name=phrase, affiliation=affiliation)
    if head_low in DOCUMENTS:
        return Mention(start, end, SourceKind.document, name=phrase, affiliation=affiliation)
    if head_low in ORG_HEADS:
        return Mention(start, end, SourceKind.organization, name=phrase, plural=True)
    return None


def _affiliation(text: str, words: list[Token]) -> str | None:
    """Return the capitalised organisation in a description ("US Special Operations Command")."""
    caps = [t for t in words if _capitalised(t.text) and t.text.lower() not in TITLES]
    if not caps:
        return None
    return text[caps[0].start : caps[-1].end]


def _proper_mention(text: str, words: list[Token], start: int, end: int) -> Mention:
    """Classify a capitalised phrase: a titled person, a bare name, an organisation."""
    phrase = text[start:end]
    lows = [w.text.lower().rstrip(".") for w in words]
    possessive = next((i for i, w in enumerate(words) if w.text.endswith(("’s", "'s"))), None)
    owner = None
    if possessive is not None and possessive + 1 < len(words):
        owner = words[possessive].text[:-2]
        words = words[possessive + 1 :]
        lows = lows[possessive + 1 :]
    last_title = max((i for i, w in enumerate(lows) if w in TITLES), default=-1)
    last_title = max(last_title, _role_before_name(words))
    if last_title == -1 and (set(lows) & ORG_HEADS or _acronym(words)):
        return Mention(start, end, SourceKind.organization, name=phrase, plural=True)
    name_from = last_title + 1
    if 0 <= last_title < len(words) - 1 and lows[name_from] == "of":
        name_from = max(name_from + 2, len(words) - 2)  # "Secretary of State John Kerry"
    name_words = [w for w in words[name_from:] if w.text != "."]
    of = next((i for i, w in enumerate(name_words) if i and w.text == "of"), None)
    if of is not None and owner is None and last_title == -1:  # "Robert Antonacci of the …"
        owner = text[name_words[of + 1].start : end] if of + 1 < len(name_words) else None
        name_words = name_words[:of]
    if not name_words:  # a title alone: "President", "the Secretary of State"
        return Mention(
            start, end, SourceKind.anonymous, descriptor=phrase, role=phrase, definite_role=True
        )
    name = text[name_words[0].start : name_words[-1].end]
    title_end = last_title + (last_title + 1 < len(words) and words[last_title + 1].text == ".")
    role = text[words[0].start : words[title_end].end] if last_title >= 0 else None
    if name_from > last_title + 1 and last_title >= 0:
        role = text[words[0].start : words[name_from - 1].end]
    if role and role.lower().startswith("the "):
        role = role[4:]
    if role and role.lower().startswith(("a ", "an ")):
        role = role.split(" ", 1)[1]
    return Mention(start, end, SourceKind.person, name=name, role=role or None, affiliation=owner)


def _role_before_name(words: list[Token]) -> int:
    """Index of a lower-case role noun that a name follows ("Cruz constituent Dan Golvach",
    "Republican party boss Reince Priebus"): it ends the role as a title would; -1 if none."""
    return max(
        (
            i
            for i, w in enumerate(words[:-1])
            if w.text.islower() and w.text in ROLE_NOUNS and _capitalised(words[i + 1].text)
        ),
        default=-1,
    )


def _acronym(words: list[Token]) -> bool:
    """Tell whether a phrase is a single upper-case acronym such as "AFRICOM" or "NATO"."""
    return len(words) == 1 and len(words[0].text) >= 2 and words[0].text.isupper()
