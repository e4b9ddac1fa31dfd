"""Who is the source of a reporting verb.

Before it ("Trowbridge said"), after it ("said Trowbridge", "said Al From, who …"), past a
description in commas ("“…,” Mitch McConnell, R-Ky., said"), a short description after a quote
("“…,” the gambling tycoon told"), or the subject of the clause the verb continues ("X emailed
supporters saying …", :func:`opening_subject`). Speakers only described ("the announcer
said") or reached through "who"/"which" are read by :mod:`described`. Used by
:mod:`linking` and :mod:`shapes`; every reader looks at a bounded run of
words next to the cue.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.attribution.anonymity import alias_after
from quotecheck.attribution.content import Doc
from quotecheck.attribution.described import (
    CONJUNCTION_OPENERS,
    RELATIVE_PRONOUNS,
    antecedent,
    described,
    relative_who,
    short_subject,
    unknown_noun_after,
    unknown_noun_before,
)
from quotecheck.attribution.mentions import classify, loose_group
from quotecheck.attribution.phrases import phrase_follows
from quotecheck.attribution.sources import (
    CONNECTORS,
    QUANTIFIERS,
    Mention,
    Token,
    TokenWindows,
    abbreviation,
    grammar_words,
    phrase_after,
    quoted,
    subject_before,
    tokens,
)
from quotecheck.kinds import SOURCE_DOCUMENT, SOURCE_PERSON
from quotecheck.offsets import QUOTE_OPENERS
from quotecheck.text.cues import VERB_FORMS, CueRecord

__all__ = ["LazyTokens", "clause_subject", "find_subject", "opening_subject"]


_SUBJECT_END: Final = grammar_words("subject_end")
_AUX: Final = grammar_words("auxiliary")
_OBJECT_VERBS: Final = grammar_words("object_verb")


class LazyTokens:
    """The words after a cue, tokenised only if a reading needs them (most cues do not)."""

    def __init__(self, windows: TokenWindows, start: int, end: int) -> None:
        self.windows, self.start, self.end = windows, start, end
        self.words: list[Token] | None = None

    def get(self) -> list[Token]:
        """Tokenise once, on first use."""
        if self.words is None:
            self.words = self.windows.read(self.start, self.end)
        return self.words


# Prepositions after which a name is the object of a relative clause ("who worked with X").
_OBJECT_PREPOSITIONS: Final = frozenset(
    ["with", "for", "under", "alongside", "against", "near", "beside", "to", "about"]
)


def _people_who(text: str, left: list[Token], phrase: list[Token], reach: int) -> Mention | None:
    """For "Executives who have worked with Lachlan Murdoch say": the name ends a relative
    clause (its "who" at most ``reach`` words before the name) as its object, so the speakers
    are the people the clause describes. None when the words before the name are not such a
    clause."""
    if not phrase:
        return None
    k = len(left) - len(phrase)
    if k < 3 or left[k - 1].text not in _OBJECT_PREPOSITIONS:
        return None
    for w in range(k - 2, max(0, k - 1 - reach), -1):
        word = left[w].text
        if word in (",", ".", ";", ":", "“", "”", '"'):
            return None  # the clause must run unbroken from "who" to the name
        if word == "who":
            people = classify(text, subject_before(left[:w]))
            if people is None or people.name is not None:
                return None  # "Smith, who worked with Jones": a named antecedent speaks
            m = people.copy()
            m.end = phrase[-1].end
            m.descriptor = text[m.start : m.end]
            return m
    return None


def find_subject(
    doc: Doc, left: list[Token], lazy: LazyTokens, cue: CueRecord, reasons: list[str], opens: bool
) -> tuple[Mention | None, int, bool]:
    """Find the source: "X said", "said X", "X, who …, said"; return it, core end, inverted."""
    text = doc.text
    c_end = cue.end
    left = _without_participle(
        _without_interrupter(_without_time(left), doc.aside_words), doc.participle_words
    )  # "WHO this week said", "Officials, though, say", "A poll published on Sunday showed"
    if left and left[-1].text in RELATIVE_PRONOUNS:
        mention = antecedent(text, left[:-1], cue, reasons, left[-1].text)
        if mention is not None:  # the source is mentioned here by "who", as by a pronoun
            mention = mention.copy()
            mention.start, mention.end = left[-1].start, left[-1].end
        return mention, c_end, False
    phrase = subject_before(left)
    before = classify(text, phrase) or short_subject(text, left, opens)
    if before is not None and before.kind is SOURCE_PERSON and before.name is not None:
        # "Players who trained with Smith"
        before = _people_who(text, left, phrase, doc.relative_words) or before
    if before is not None:
        reasons.append(f"{quoted(text[before.start : c_end])}: the source stands before the cue")
        return before, c_end, False
    right = lazy.get()
    after_words = phrase_after(right)
    after = (
        classify(text, after_words)
        or described(text, after_words)
        or unknown_noun_after(text, right, doc.unknown_noun_words)
    )
    bare = len(left) <= 1  # "“…,” said X" or "Says X": at most a comma before the cue
    if after is not None and bare:
        after = _with_tail(text, after)
    if after is not None:
        after = _with_alias(text, after)  # "said the base chief known as Bob"
    # "“…,” X, founder of Y, tells Breitbart News": after words before it, a listener
    listener = cue.lemma in _OBJECT_VERBS and len(left) > 1
    if (
        after is not None
        and not listener
        and (not left or left[-1].text in ",”\"’'—–-(")
        and _ends(text, after, bare or (left[-1].text == "," and _relative_follows(text, after)))
    ):
        reasons.append(
            f"{quoted(text[cue.start : after.end])}: inverted cue, source after the verb"
        )
        named = _inverted_appositive(text, right, after, doc.appositive_name_words)
        if named is not None:
            reasons.append(f"the name after it in commas names {quoted(named.name)}")
            return named, named.end, True
        return after, _appositive_end(text, right, after.end), True
    if left and left[-1].text == ",":
        m = _opening_name(doc, left) if opens else None
        if m is not None:
            reasons.append("the source opens the clause; what follows it in commas describes it")
            return m, c_end, False
        nested = _skip_clause(left[:-1])
        if nested is not None:
            m = classify(text, subject_before(nested))
            if m is not None:
                reasons.append("the source is separated from its verb by a clause in commas")
                return m, c_end, False
    long = _long_subject(text, left, doc.placing_words) if opens else None
    if long is not None:
        reasons.append(
            f"{quoted(text[long.start : long.end])} opens the sentence; what follows it up to "
            "the cue only says where it belongs"
        )
        return long, c_end, False
    unknown = unknown_noun_before(text, left)
    if unknown is not None:
        reasons.append(f"{quoted(text[unknown.start : c_end])}: the source stands before the cue")
        return unknown, c_end, False
    who = relative_who(left, doc.relative_clause_words)
    if who is not None:
        m = classify(text, subject_before(left[:who]))
        if m is not None and m.kind is not SOURCE_DOCUMENT:
            reasons.append("the source is followed by a relative clause ('who …') before its verb")
            return m, c_end, False
    return None, c_end, False


# A time phrase between a subject and its verb ("The World Health Organization this week
# said", "Police on Tuesday night said"): no part of the source's name.
_DAY_PARTS: Final = frozenset(["morning", "afternoon", "evening", "night"])
_TIME_NOUNS: Final = _DAY_PARTS | frozenset(
    "week weekend month year monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
_TIME_LEADS: Final = frozenset(["this", "last", "next", "on", "late", "early", "that"])
_TIME_WORDS: Final = frozenset(["yesterday", "today", "tonight", "earlier", "later"])


def _without_time(left: list[Token]) -> list[Token]:
    """Drop a time phrase that ends the words before a cue, when words remain before it."""
    n = len(left)
    if n > 1 and left[-1].text.lower() in _TIME_WORDS:
        return left[:-1]
    k = n - 1 if n > 2 and left[-1].text in _DAY_PARTS else n  # "on Tuesday night"
    if (
        k > 2
        and left[k - 1].text.lower() in _TIME_NOUNS
        and left[k - 2].text.lower() in _TIME_LEADS
    ):
        k -= 2
        if k > 1 and left[k - 1].text.lower() in ("earlier", "later"):  # "earlier this week"
            k -= 1
        return left[:k]
    return left


# A past participle phrase between a subject and its verb ("Figures released on Friday showed",
# "One MP elected in 2019 has said"): the participle, then at most a short phrase opened by a
# preposition or a time word.
_PARTICIPLES: Final = grammar_words("reduced_participle")
_PARTICIPLE_LEADS: Final = frozenset(
    "in on at by for from to last this earlier over during with after before since under".split()  # noqa: SIM905
)
_NOT_BEFORE_PARTICIPLE: Final = frozenset(
    "was were is are be been being has have had and or not who which that".split()  # noqa: SIM905
)


def _without_participle(left: list[Token], most: int) -> list[Token]:
    """Drop a participle phrase (the participle and at most ``most`` - 1 words after it) that
    ends the words before a cue ("a poll published on Sunday")."""
    n = len(left)
    for k in range(n - 1, max(0, n - 1 - most), -1):
        word = left[k].text
        if not word.isalnum():
            return left  # a comma or a mark: not one phrase
        if word in _PARTICIPLES:
            before = left[k - 1].text
            lead = k + 1 == n or left[k + 1].text.lower() in _PARTICIPLE_LEADS
            if lead and before.isalnum() and before.lower() not in _NOT_BEFORE_PARTICIPLE:
                return left[:k]
            return left
    return left


# Words that open an aside between a subject and its verb ("Officials, though, say").
_INTERRUPTERS: Final = frozenset(
    [
        "though",
        "however",
        "meanwhile",
        "too",
        "also",
        "instead",
        "nonetheless",
        "nevertheless",
        "in",
        "for",
        "by",
        "separately",
        "privately",
        "publicly",
        "likewise",
        "similarly",
        "then",
    ]
)


def _without_interrupter(left: list[Token], most: int) -> list[Token]:
    """Drop an aside in commas of at most ``most`` words just before the cue (", though,",
    ", for their part,")."""
    if len(left) < 4 or left[-1].text != ",":
        return left
    for k in range(len(left) - 2, max(0, len(left) - 3 - most), -1):
        if left[k].text == ",":
            aside = left[k + 1 : -1]
            plain = all(t.text.isalpha() and t.text.islower() for t in aside)
            if aside and plain and aside[0].text in _INTERRUPTERS and k > 0:
                return left[:k]
            return left
    return left


# Prepositions that open a phrase placing a subject ("officials in both parties",
# "researchers at the university", "residents across the region").
_PLACING: Final = frozenset(
    ["in", "at", "from", "of", "for", "on", "with", "across", "around", "inside", "within"]
)
_NO_PLACE: Final = frozenset(["who", "which", "that", "whose", "and", "or", "but"])


def _long_subject(text: str, left: list[Token], most: int) -> Mention | None:
    """Read "Former senior officials in both parties say": a source phrase opens the sentence,
    and only a phrase placing it ("in both parties", "at the ministry"; at most ``most`` words)
    stands before the cue."""
    words = left[1:] if left and left[0].text in CONJUNCTION_OPENERS else left
    phrase = phrase_after(words)
    rest = words[len(phrase) :]
    if not phrase or not rest or len(rest) > most or rest[0].text not in _PLACING:
        return None
    for t in rest:
        low = t.text.lower()
        if not t.text[0].isalnum() or low in _NO_PLACE or low in VERB_FORMS or low in _AUX:
            return None  # a clause or a verb of its own: not a placing phrase
    mention = classify(text, phrase)
    return mention if mention is not None and mention.pronoun is None else None


_AFTER_ADVERB: Final = CONNECTORS | {"after", "before", "since", "when", "as", "following"}


def _opening_name(doc: Doc, left: list[Token]) -> Mention | None:
    """Read "“…,” Senate Majority Leader Mitch McConnell, R-Ky., said": after a quote, the words
    up to the first comma name the source when all of them make one name or description."""
    text = doc.text
    words = left[1:] if left and left[0].text == "," else left
    comma = next((i for i, w in enumerate(words) if w.text == ","), None)
    if not comma or len(words) > doc.appositive_words:
        return None
    first = words[:comma]
    if subject_before(first) == first:
        described = classify(text, first)
        if described is not None and described.name is not None:
            return described  # "Senate Majority Leader Mitch McConnell, R-Ky.,": named already
        return _appositive_name(text, words, comma) or described  # "The spokeswoman, Jane Roe,"
    if first[0].text.lower() in ("the", "a", "an") and len(first) <= 3:
        return _appositive_name(text, words, comma)  # "the assailant, John McGraw,"
    if len(first) <= doc.role_words and first[-1].text.isalpha() and first[-1].text.islower():
        return _appositive_name(text, words, comma)  # "Labour's shadow chancellor, Tom Hughes,"
    return None


# Words before a role that are no part of it: "the", "her lawyer", "Labour's shadow chancellor"
_ROLE_LEADS: Final = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "my"])


def _appositive_name(text: str, words: list[Token], comma: int) -> Mention | None:
    """Read "the assailant, John McGraw, told": a name set off by commas after a description."""
    nxt = next((i for i in range(comma + 1, len(words)) if words[i].text == ","), None)
    name = words[comma + 1 : nxt] if nxt is not None and nxt + 1 == len(words) else []
    if not name or subject_before(name) != name:
        return None
    mention = classify(text, name)
    if mention is None or mention.kind is not SOURCE_PERSON:
        return None
    lead = words[0].text
    skip = lead.lower() in _ROLE_LEADS or lead.endswith(("’s", "'s"))
    role = text[words[int(skip)].start : words[comma - 1].end] if comma > int(skip) else None
    named = mention.copy()
    named.start, named.role = words[0].start, mention.role or role
    if lead.endswith(("’s", "'s")) and lead[:1].isupper() and named.affiliation is None:
        named.affiliation = lead[:-2]  # "Labour's shadow chancellor": the party it belongs to
    return named


_TAIL_RE: Final = regex.compile(r"(?:[ \t]+\p{Ll}[\p{L}\-]*){1,2}(?=[,.;:!?)]|\s*$)")


def _with_tail(text: str, mention: Mention) -> Mention:
    """Extend "said Robert Antonacci of the New York" over "delegation." to the clause's end."""
    m = _TAIL_RE.match(text, mention.end, mention.end + 40)
    if m is None or (m.end() < len(text) and (text[m.end()].isalpha() or text[m.end()] == "-")):
        return mention  # no tail, or the window cut a word in two
    longer = mention.copy()
    longer.end = m.end()
    return longer


def _with_alias(text: str, mention: Mention) -> Mention:
    """Extend "said the base chief" over "known as Bob": the stand-in name is the source's name
    (a source so named is anonymous: :meth:`coref.SourceBook.kind`)."""
    found = alias_after(text, mention.end) if mention.name is None else None
    if found is None:
        return mention
    named = mention.copy()
    named.end, named.name = found[1], text[found[0] : found[1]]
    return named


def _ends(text: str, mention: Mention, bare: bool) -> bool:
    """Tell whether an inverted subject ends its clause ("said Smith." / "said Smith, a …").

    With nothing before the cue (a quote, a comma, the sentence start: ``bare``), a relative or
    participial clause may follow the name too ("said Al From, who …"); after other words that
    would too often be a listener ("X, a lawyer, told CNN before …").
    """
    rest = text[mention.end : mention.end + 40]
    after = rest.lstrip(" \xa0")
    return (
        not after
        or after[0] in ",.;:!?()—–\n"
        or (bare and _subject_end(after))
        or phrase_follows(rest)
    )


def _relative_follows(text: str, mention: Mention) -> bool:
    """Tell whether "who" or "which" follows an inverted source ("…, said a diplomat who asked
    not to be identified"): a clause describing the source, not a listener."""
    word = text[mention.end : mention.end + 8].split(None, 1)
    return bool(word) and word[0] in RELATIVE_PRONOUNS


def _subject_end(after: str) -> bool:
    """Tell whether the words after an inverted source leave its name: "said Al From, who …",
    "said a source involved in …", "asked the boy, wearing …", "said Kunin during …"."""
    parts = after.split(None, 1)
    if not parts:
        return True  # only white space follows ("said John Smith\r\n"): the name ends there
    word = parts[0].rstrip(",.;:")
    return word in _SUBJECT_END or (word.islower() and word.endswith(("ing", "ed")))


def clause_subject(
    doc: Doc, start: int, cue: CueRecord, reasons: list[str], before: list[Token] | None = None
) -> tuple[Mention | None, int, bool]:
    """For "X emailed supporters saying …" the source is the clause's subject, X.

    The subject opens the sentence, before any quote in it ("Kerpen needled the CNN “reporter,”
    saying, “…”"); a sentence that opens with a quote has no such subject. ``before``, when
    given, holds the words from ``start`` up to the cue, already tokenised by the caller.
    """
    end = doc.next_quote_start(start, min(cue.start, start + doc.window))
    words = before if before is not None and end == cue.start else tokens(doc.text, start, end)
    mention = opening_subject(doc.text, words, doc.opener_words)
    if mention is not None:
        reasons.append(f"{quoted(cue.text)} continues the clause whose subject is the source")
    return mention, cue.end, False


def _skip_clause(left: list[Token]) -> list[Token] | None:
    """Return the words before ", who …," or ", a spokesman for X," ending ``left``, or None."""
    for k in range(len(left) - 1, max(-1, len(left) - 25), -1):
        if left[k].text == ",":
            return left[:k] if k + 1 < len(left) else None
        if left[k].text == "." and k and abbreviation(left[k - 1].text):
            continue  # "asked about journalists under Mr. Putin": an abbreviation's full stop
        if left[k].text in '.;:“”"()':
            return None
    return None


_HONORIFICS: Final = frozenset(["mr", "ms", "mrs", "miss", "mx", "dr"])  # "the minister, Ms Frost"


def _inverted_appositive(
    text: str, right: list[Token], after: Mention, most: int
) -> Mention | None:
    """Read "said the minister, Angela Frost.": a role after the verb, then in commas the name
    (of at most ``most`` words) of the one person it describes; the person, named, with the
    role kept."""
    if after.name is not None or after.role is None or after.plural:
        return None
    idx = next((i for i, t in enumerate(right) if t.start >= after.end), None)
    if idx is None or right[idx].text != ",":
        return None
    name: list[Token] = []
    for t in right[idx + 1 : idx + 2 + most]:
        if t.text in ",.;:!?)":
            break
        name.append(t)
    stop = idx + 1 + len(name)
    ends = stop >= len(right) or right[stop].text in ",.;:!?)"
    if not name or len(name) > most or not ends:
        return None
    if subject_before(name) != name or not all(t.text[:1].isupper() for t in name):
        return None
    mention = classify(text, name)
    if mention is None or mention.kind is not SOURCE_PERSON or mention.name is None:
        return None
    named = mention.copy()
    honorific = mention.role is not None and mention.role.rstrip(".").lower() in _HONORIFICS
    named.start = after.start
    named.role = after.role if honorific or mention.role is None else mention.role
    named.affiliation = mention.affiliation or after.affiliation
    return named


def _appositive_end(text: str, right: list[Token], end: int) -> int:
    """Extend an inverted subject over ", a spokesman for the agency," to the next comma."""
    idx = next((i for i, t in enumerate(right) if t.start >= end), None)
    if idx is None or right[idx].text != "," or idx + 1 >= len(right):
        return end
    nxt = right[idx + 1].text.lower()
    if nxt not in ("a", "an", "the", "who"):
        return end
    for t in right[idx + 1 :]:
        if t.text in ",.;:":
            return t.start
    if text[right[-1].end : right[-1].end + 3].lstrip()[:1] in QUOTE_OPENERS:
        return end  # "said Beck, who said there were “…”": the clause runs into a quote
    return right[-1].end


def opening_subject(
    text: str, words: list[Token], opener_words: int, documents: bool = False
) -> Mention | None:
    """The subject of the clause that ``words`` open, past conjunctions and a fronted phrase
    (ended by a comma within its first ``opener_words`` words).

    Reads "Sanders stepped up …", "But Sanders …", "At Sunday night’s debate, Sanders …" and
    "In a statement released Thursday, Rep. Hakeem Jeffries reacted …" alike; None when no
    source-like phrase opens the clause with a predicate after it. A document ("The email goes
    on to say") counts only when ``documents`` is set.
    """
    while words and (words[0].text in CONJUNCTION_OPENERS or not words[0].text[0].isalnum()):
        words = words[1:]  # "But", "As", or a list marker ("~", "-", "•")
    opener = words[0].text if words else ""
    participle = opener[:1].isupper() and opener.endswith("ing")  # "Appearing before …, X said"
    mention = None if participle else _clause_opener(text, words, documents)
    # Fronted phrases first: "At Sunday night’s debate, Sanders …", "Thursday, after …, Warren"
    commas = [i for i, w in enumerate(words[:opener_words]) if w.text == ","][:2]
    for comma in commas:
        if mention is not None:
            break
        mention = _clause_opener(text, words[comma + 1 :], documents)
    return mention


def _clause_opener(text: str, words: list[Token], documents: bool) -> Mention | None:
    """The source-like phrase opening ``words`` when a predicate follows it, or None."""
    phrase = phrase_after(words)
    if not phrase or len(phrase) == len(words):
        return None  # no predicate after the phrase: not a clause's subject
    nxt = words[len(phrase)].text
    if len(phrase) == 1 and phrase[0].text.endswith("ly") and (nxt == "," or nxt in _AFTER_ADVERB):
        return None  # "Immediately after the attacks, …": a fronted adverb, not a name
    if len(phrase) == 1 and phrase[0].text.lower() in QUANTIFIERS:
        return None  # "Eight years ago, he …": a count opens a time phrase, not a name
    mention = classify(text, phrase)
    if mention is None or loose_group(mention):
        return None
    if mention.kind is SOURCE_DOCUMENT and not documents:
        return None
    return mention
