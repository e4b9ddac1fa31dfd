"""Classify a noun phrase next to a cue as a source mention: who or what it names.

:func:`classify` turns the words that :mod:`sources` found into a :class:`Mention`:
a person (name and role split at the last title or role word), an organisation, a news outlet, a
document, an anonymous source (its descriptor kept) or a vague one, or a pronoun.
"""

from __future__ import annotations

from typing import Final

from quotecheck.attribution.sources import (
    ANONYMITY,
    BODY_WORDS,
    CONNECTORS,
    DETERMINERS,
    DOCUMENTS,
    MEDIA,
    MEDIA_HEADS,
    METONYMS,
    MODIFIERS,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NAMES,
    ORG_SUFFIXES,
    PLACES,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_CLASSES,
    ROLE_NOUNS,
    TITLES,
    UNNAMED_HEADS,
    VAGUE_GROUPS,
    Mention,
    Token,
    capitalised,
    grammar_words,
)
from quotecheck.kinds import (
    SOURCE_ANONYMOUS,
    SOURCE_DOCUMENT,
    SOURCE_MEDIA,
    SOURCE_ORGANIZATION,
    SOURCE_PERSON,
    SOURCE_VAGUE,
)

__all__ = ["classify", "loose_group", "survey_share"]


def classify(text: str, words: list[Token]) -> Mention | None:
    """Classify a noun phrase as a source mention, or None when it cannot be a source.

    Organisations and media get their canonical name without a leading article ("the Pentagon"
    is named "Pentagon"); the mention keeps the words as written.
    """
    mention = _classify(text, words)
    if mention is not None and mention.name and mention.kind in _ARTICLE_FREE:
        name = mention.name
        if name[:4] in ("the ", "The "):
            bare = mention.copy()
            bare.name = name[4:]
            return bare
    return mention


def loose_group(m: Mention) -> bool:
    """Tell whether a mention is a loose vague group ("many", "some", "critics", "others"):
    too loose to be the subject that a relative pronoun or a participle reaches back to, where
    "security experts" and "Other Republicans" still are."""
    return m.kind is SOURCE_VAGUE and (m.descriptor or "").lower() in _LOOSE_GROUPS


_ARTICLE_FREE: Final = (SOURCE_ORGANIZATION, SOURCE_MEDIA)
# Capitalised only because they open a sentence: never an organisation's name ("The", "An").
_OPENERS: Final = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "one"])
_LOOSE_GROUPS: Final = VAGUE_GROUPS | QUANTIFIERS
# Lower-case openers that describe an unnamed member of a group ("a Democrat", "one Republican").
_INDEFINITE: Final = frozenset(["a", "an", "another", "one"])


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
    if any(a in low for a in ANONYMITY):  # a plain substring test, cheaper than one search
        return Mention(start, end, SOURCE_ANONYMOUS, descriptor=phrase, plural=_plural(words))
    if low in VAGUE_GROUPS or (first in QUANTIFIERS and low.split(" ", 1)[-1] in VAGUE_GROUPS):
        return Mention(start, end, SOURCE_VAGUE, descriptor=phrase, plural=True)
    if _share(words) or survey_share(words):  # "one in four", "42%": poll respondents
        return Mention(start, end, SOURCE_VAGUE, descriptor=phrase, plural=True)
    bare = phrase[4:] if first == "the" else phrase
    owner = bare.removesuffix("’s").removesuffix("'s")  # "CNN’s": a possessive, not "Economists"
    if bare in MEDIA or (owner != bare and owner in MEDIA and first != "the" and len(words) == 1):
        return Mention(start, end, SOURCE_MEDIA, name=phrase)
    head = _head(words)
    head_low = head.text.lower()
    if not capitalised(head.text) or _group_word(words, head):
        return _common_noun_mention(text, words, head, start, end)
    if (
        words[0].text.lower() in _INDEFINITE and len(words) > 1
    ):  # "another New Hampshire Republican"
        return Mention(start, end, SOURCE_ANONYMOUS, descriptor=phrase, plural=_plural(words))
    if low in METONYMS or low in ORG_NAMES or bare.lower() in ORG_NAMES or bare.lower() in PLACES:
        return Mention(start, end, SOURCE_ORGANIZATION, name=phrase)
    if head_low in TITLES and len(words) <= 3 and first == "the":  # "the Prime Minister"
        return _title_alone(phrase, start, end, head_low)
    return _proper_mention(text, words, start, end)


# Words that may make a count approximate ("nearly eight in 10", "about one in five").
_APPROXIMATORS: Final = frozenset(["nearly", "almost", "about", "roughly", "around", "just"])


def _share(words: list[Token]) -> bool:
    """Tell whether a phrase opens with a share of a group: a count, "in", a count."""
    i = 1 if words[0].text.lower() in _APPROXIMATORS else 0
    if len(words) < i + 3 or words[i + 1].text != "in":
        return False
    return _count(words[i].text) and _count(words[i + 2].text)


# The share words of a poll's answer ("half", "a majority", "two-thirds"), lexicons/source_grammar.
_SHARE_NOUNS: Final = grammar_words("share_noun")


def survey_share(words: list[Token]) -> bool:
    """Tell whether a phrase opens with a share of the people a poll asked: a percentage
    ("42%", "some 42 per cent of voters") or a share noun ("Nearly half", "A majority of her
    backers", "two-thirds"): a vague source, never a person; a share of unnamed members of a
    group ("two-thirds of the insiders") stays with them."""
    i = 0
    while i < len(words) - 1 and words[i].text.lower() in _SHARE_LEADS:
        i += 1  # "Some", "Nearly", "more than", "At least"
    if i < len(words) and words[i].text.lower() in _INDEFINITE_ONE:
        i += 1  # "a majority", "a third"
    if i >= len(words):
        return False
    word = words[i].text
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else ""
    if ROLE_CLASSES.get(words[-1].text.lower()) == "member":
        return False  # "Two-thirds of Democratic insiders": unnamed members, anonymous
    if word[:1].isdigit() and word.replace(".", "").replace(",", "").isdigit():
        return nxt in ("%", "percent", "per")
    return word.lower() in _SHARE_NOUNS


_SHARE_LEADS: Final = _APPROXIMATORS | frozenset(
    ["some", "only", "over", "more", "fewer", "less", "than", "at", "least", "up", "to", "almost"]
)
_INDEFINITE_ONE: Final = frozenset(["a", "one"])


def _count(word: str) -> bool:
    """Tell whether a word is a number ("10", "four")."""
    return word.isdigit() or (word.lower() in QUANTIFIERS and word.lower() not in _NOT_COUNTS)


_NOT_COUNTS: Final = frozenset(["some", "many", "several", "few", "other", "others", "various"])


def _group_word(words: list[Token], head: Token) -> bool:
    """Tell whether a capitalised head is a role or group noun, not a name: "Democrats" (listed
    capitalised), or "Officials" / "Analysts" capitalised only because they open the sentence."""
    if head.text in ROLE_NOUNS:
        return True
    low = head.text.lower()
    if _acronym_role(head.text) and all(_describes(w.text) for w in words[: words.index(head)]):
        return True  # "the Conservative MP for Bath", "a Fianna Fáil TD": a role, written short
    opening = head is words[0] and head.text[1:].islower()  # not "Secretary of State John Kerry"
    return opening and (
        ROLE_NOUNS.get(low, False)
        or low in VAGUE_GROUPS
        or low in DOCUMENTS
        or low in UNNAMED_HEADS
    )


def _describes(word: str) -> bool:
    """Tell whether a word may stand before a role's head ("a senior Tory", not "gave")."""
    low = word.lower()
    return capitalised(word) or low in DETERMINERS or low in QUANTIFIERS or low in MODIFIERS


def _acronym_role(word: str) -> bool:
    """Tell whether a word is a role noun written as capitals ("MP", "MEPs", "TD")."""
    letters = word[:-1] if word[-1:] == "s" else word
    return len(letters) > 1 and letters.isupper() and word.lower() in ROLE_NOUNS


def _pronoun_mention(start: int, end: int, pronoun: str) -> Mention:
    plural = PRONOUNS[pronoun][1]
    kind = SOURCE_ORGANIZATION if pronoun == "it" else SOURCE_PERSON
    return Mention(start, end, kind, pronoun=pronoun, plural=plural)


def _plural(words: list[Token]) -> bool:
    head = _head(words).text.lower()
    return ROLE_NOUNS.get(head, head.endswith("s") and not head.endswith("ss"))


_POST_MODIFIERS: Final = frozenset(
    [
        *("of", "for", "at", "with", "from", "close", "familiar", "in", "on", "by"),
        *("briefed", "involved", "knowledgeable", "aware"),  # "two people briefed on the talks"
    ]
)  # words that open what follows a head noun


def _head(words: list[Token]) -> Token:
    """Return the head word: the last word before a post-modifier ("spokesman for the agency")."""
    for i in range(1, len(words)):
        low = words[i].text.lower()
        if low in _POST_MODIFIERS:
            before = words[i - 1].text
            prev = before.lower()
            if prev in ROLE_NOUNS or prev in DOCUMENTS or prev in VAGUE_GROUPS:
                return words[i - 1]
            if low != "of" and not capitalised(before):
                return words[i - 1]
    if len(words) > 1 and words[-1].text == ".":
        return words[-2]  # "James B. Comey Jr.": the abbreviation's full stop is not the head
    return words[-1]


def _common_noun_mention(
    text: str, words: list[Token], head: Token, start: int, end: int
) -> Mention | None:
    """Classify a phrase headed by a common noun: a role, a group, a document, an organisation."""
    phrase = text[start:end]
    head_low = head.text.lower()
    first = words[0].text.lower()
    affiliation = None if _group_word(words, head) else _affiliation(text, words)
    if head_low in VAGUE_GROUPS and (len(words) == 1 or first in QUANTIFIERS) and not affiliation:
        return Mention(start, end, SOURCE_VAGUE, descriptor=phrase, plural=True)
    if head_low in ROLE_NOUNS or head.text in ROLE_NOUNS or head_low in VAGUE_GROUPS:
        return _role_mention(text, words, head, affiliation)
    if head_low in MEDIA_HEADS:
        return Mention(start, end, SOURCE_MEDIA, name=phrase, affiliation=affiliation)
    if head_low in DOCUMENTS:
        return Mention(start, end, SOURCE_DOCUMENT, name=phrase, affiliation=affiliation)
    if head_low in UNNAMED_HEADS and (len(words) == 1 or (len(words) == 2 and first == "the")):
        # "authorities said": officials nobody names ("German authorities" names a government)
        return Mention(start, end, SOURCE_ANONYMOUS, descriptor=phrase, plural=True)
    if head_low in ORG_HEADS:
        return Mention(start, end, SOURCE_ORGANIZATION, name=phrase, plural=True)
    if first in ("a", "an") and head_low.endswith(_PERSON_ENDINGS) and head_low.isalpha():
        # "a producer for Yahoo Studios", "a maintenance guy": one unnamed person, unlisted noun
        return Mention(start, end, SOURCE_ANONYMOUS, descriptor=phrase, role=head.text)
    return None


# Endings of nouns for people that no lexicon lists ("producer", "guy", "technician").
_PERSON_ENDINGS: Final = ("er", "or", "ist", "ian", "man", "woman", "person", "guy")


def _role_mention(text: str, words: list[Token], head: Token, affiliation: str | None) -> Mention:
    """Read a description headed by a role noun as an editor does (docs/concepts.md).

    A generic plural ("analysts", "many economists") is vague; a role that one person holds,
    given without an indefinite article ("the mayor", "its director", "the company's chief
    executive"), is that person, unnamed here; any other description ("a spokesman", "the
    official", "a senior Tory MP", "two aides") is an unnamed member of a group: anonymous.
    """
    start, end = words[0].start, words[-1].end
    phrase = text[start:end]
    head_low = head.text.lower()
    plural = _plural(words)
    role_class = ROLE_CLASSES.get(head.text) or ROLE_CLASSES.get(head_low)
    role_class = role_class or ("generic" if head_low in VAGUE_GROUPS else "office")
    if (
        role_class == "member"
        and not plural
        and _HEADS_SOMETHING.intersection(phrase.lower().split())
    ):
        role_class = "office"  # "the chief financial officer", "its head spokesman": one person
    if head_low == "general" and _general_office(words, head):
        role_class = "office"  # "the attorney general": one office, not an army's general
    if plural and role_class == "generic":
        return Mention(start, end, SOURCE_VAGUE, descriptor=phrase, plural=True)
    opener = words[0].text.lower()
    lead = 1 if (opener in _DEFINITE or opener in ("a", "an")) and len(words) > 1 else 0
    owner = _possessive(words)
    if owner is not None and words[owner].start < head.start:  # "the company's chief executive"
        affiliation = affiliation or _owner_name(text, words[lead : owner + 1])
        lead = owner + 1
    role = text[words[lead].start : head.end]
    if not plural and role_class == "office" and not _indefinite(words):
        return Mention(
            start,
            end,
            SOURCE_PERSON,
            role=role,
            affiliation=affiliation,
            descriptor=phrase,
            definite_role=True,
        )
    definite = words[0].text.lower() == "the" and not plural and len(words) <= 4
    return Mention(
        start,
        end,
        SOURCE_ANONYMOUS,
        descriptor=phrase,
        role=role,
        affiliation=affiliation,
        plural=plural,
        definite_role=definite,
    )


def _general_office(words: list[Token], head: Token) -> bool:
    """Tell whether the word before "general" names an office ("attorney general")."""
    i = words.index(head)
    return i > 0 and words[i - 1].text.lower() in _GENERAL_OFFICES


_GENERAL_OFFICES: Final = grammar_words("general_office")
# Words that turn a member's noun into one person's office ("chief financial officer").
_HEADS_SOMETHING: Final = frozenset(["chief", "head", "lead", "principal", "senior-most"])
# Words that make a description definite: it picks out one holder of the role.
_DEFINITE: Final = frozenset(["the", "his", "her", "its", "their", "our", "my", "your", "this"])
# Words that make it indefinite: one of several ("a senator", "one minister", "another aide").
_INDEFINITE_WORDS: Final = frozenset(["a", "an", "one", "another", "some", "any", "each", "every"])


def _owner_name(text: str, words: list[Token]) -> str | None:
    """The owner named by a possessive ("Labour's" -> "Labour"), or None for a pronoun."""
    name = text[words[0].start : words[-1].end - 2]
    return name if name[:1].isupper() else None


def _indefinite(words: list[Token]) -> bool:
    """Tell whether a description opens with an indefinite article or a count."""
    first = words[0].text.lower()
    return first in _INDEFINITE_WORDS or first in QUANTIFIERS or first[:1].isdigit()


def _affiliation(text: str, words: list[Token]) -> str | None:
    """Return the capitalised organisation in a description ("US Special Operations Command")."""
    caps = [
        t
        for t in words
        if capitalised(t.text) and t.text.lower() not in TITLES and t.text.lower() not in _OPENERS
    ]
    if not caps:
        return None
    return text[caps[0].start : caps[-1].end]


def _proper_mention(text: str, words: list[Token], start: int, end: int) -> Mention:
    """Classify a capitalised phrase: a titled person, a bare name, an organisation."""
    phrase = text[start:end]
    lows = [w.text.lower().rstrip(".") for w in words]
    possessive = _possessive(words)
    owner = None
    if possessive is not None and possessive + 1 < len(words):
        owner = words[possessive].text[:-2]
        words = words[possessive + 1 :]
        lows = lows[possessive + 1 :]
    named = len(lows) - _suffix_words(lows)  # "King Jr.": a suffix after a title is no name
    last_title = _last_title(lows, named)
    if last_title == named - 1 and named < len(lows):
        last_title = _last_title(lows, named - 1)
    last_title = max(last_title, _role_before_name(words))
    org = _org_headed(lows) or (last_title == -1 and not ORG_HEADS.isdisjoint(lows))
    org = org or (last_title == -1 and _named_body(words, lows))
    if org or (last_title == -1 and _acronym(words)):
        return Mention(start, end, SOURCE_ORGANIZATION, name=phrase, plural=True)
    name_from = last_title + 1
    if 0 <= last_title < len(words) - 1 and lows[name_from] == "of":
        name_from = max(name_from + 2, len(words) - 2)  # "Secretary of State John Kerry"
    name_words = [w for w in words[name_from:] if w.text != "."]
    of = next((i for i, w in enumerate(name_words) if i and w.text == "of"), None)
    if of is not None and owner is None and last_title == -1:  # "Robert Antonacci of the …"
        owner = text[name_words[of + 1].start : end] if of + 1 < len(name_words) else None
        name_words = name_words[:of]
    if not name_words:  # a title alone: "President", "the Secretary of State"
        return _title_alone(phrase, start, end, lows[-1])
    if (
        last_title >= 0
        and name_words[0].text.islower()
        and name_words[0].text not in NAME_PARTICLES
    ):
        # "The health secretary gave MPs …": a verb, not a name, follows the title
        title_end = words[last_title].end
        return _title_alone(text[start:title_end], start, title_end, lows[last_title])
    name = text[name_words[0].start : name_words[-1].end]
    title_end = last_title + (last_title + 1 < len(words) and words[last_title + 1].text == ".")
    role = text[words[0].start : words[title_end].end] if last_title >= 0 else None
    if name_from > last_title + 1 and last_title >= 0:
        role = text[words[0].start : words[name_from - 1].end]
    if role and role.lower().startswith("the "):
        role = role[4:]
    if role and role.lower().startswith(("a ", "an ")):
        role = role.split(" ", 1)[1]
    return Mention(start, end, SOURCE_PERSON, name=name, role=role or None, affiliation=owner)


def _title_alone(phrase: str, start: int, end: int, head: str) -> Mention:
    """A capitalised title with no name: the one holder of an office ("the Prime Minister",
    "the Secretary of State") is a person; a member's title ("the Spokesman") stays anonymous."""
    role = phrase[4:] if phrase[:4].lower() == "the " else phrase
    if ROLE_CLASSES.get(head, "office") == "member":
        return Mention(
            start, end, SOURCE_ANONYMOUS, descriptor=phrase, role=role, definite_role=True
        )
    return Mention(start, end, SOURCE_PERSON, role=role, descriptor=phrase, definite_role=True)


_SUFFIXES: Final = frozenset(["jr", "sr", "ii", "iii", "iv", ""])
_ORG_OF_REACH: Final = 4  # "Department of Justice", "Office for National Statistics"


def _org_headed(lows: list[str]) -> bool:
    """Tell whether a capitalised phrase is headed by an organisation noun even though it holds
    a title word: "The Justice Department", "the Department of Justice" (not "the Bank of
    England governor Andrew Bailey", whose head is the person)."""
    if lows[-1] in ORG_HEADS:
        return True
    joins = [i for i, w in enumerate(lows) if i and w in ("of", "for")]
    return bool(joins) and lows[joins[0] - 1] in ORG_HEADS and len(lows) - joins[0] <= _ORG_OF_REACH


def _named_body(words: list[Token], lows: list[str]) -> bool:
    """Tell whether a capitalised phrase names a club or a public body by its shape: a place or
    name and a club word ("Leeds United"), or a body word or acronym before a country or nation
    ("Statistics Canada", "NHS England")."""
    if len(lows) < 2 or lows[0] == "the":
        return False
    if lows[-1] in ORG_SUFFIXES:
        return True
    if lows[-1] not in PLACES:
        return False
    return all(w in BODY_WORDS or _acronym(words[i : i + 1]) for i, w in enumerate(lows[:-1]))


def _possessive(words: list[Token]) -> int | None:
    """Index of the first possessive word ("Trump’s"), if any."""
    for i, w in enumerate(words):
        if w.text.endswith(("’s", "'s")):
            return i
    return None


def _last_title(lows: list[str], n: int) -> int:
    """Index of the last title among the first ``n`` lower-cased words, or -1."""
    for i in range(n - 1, -1, -1):
        if lows[i] in TITLES:
            return i
    return -1


def _suffix_words(lows: list[str]) -> int:
    """How many words at the end of a name are suffixes ("Jr.", "III") or their full stops."""
    n = 0
    while n < len(lows) - 1 and lows[-1 - n] in _SUFFIXES:
        n += 1
    return n


def _role_before_name(words: list[Token]) -> int:
    """Index of a lower-case role noun that a name follows ("Cruz constituent Dan Golvach",
    "Republican party boss Reince Priebus"): it ends the role as a title would; -1 if none."""
    for i in range(len(words) - 2, -1, -1):  # the last one counts: walk back from the end
        w = words[i].text
        if (
            (w.islower() or _acronym_role(w))
            and words[i + 1].text[:1].isupper()
            and (w in ROLE_NOUNS or _unlisted_role(words, i))
        ):
            return i
    return -1


def _unlisted_role(words: list[Token], i: int) -> bool:
    """Tell whether a lower-case word between a name or title and a full name is a role
    ("Bush speechwriter Noam Neusner"), not a particle of the name ("Charles de Gaulle")."""
    w = words[i].text
    if not w.isalpha() or w in NAME_PARTICLES or w in CONNECTORS or w in DETERMINERS:
        return False  # "Secretary of State John Kerry": "of" joins a title
    if i + 2 >= len(words):
        return False  # "said therapist Ann Okafor" (i == 0): the role before a full name
    return capitalised(words[i + 2].text)


def _acronym(words: list[Token]) -> bool:
    """Tell whether a phrase is a single upper-case acronym such as "AFRICOM" or "NATO", with
    or without "the" before it ("the NHS", "the CBI")."""
    if len(words) == 2 and words[0].text in ("The", "the"):
        words = words[1:]
    return len(words) == 1 and len(words[0].text) >= 2 and words[0].text.isupper()
