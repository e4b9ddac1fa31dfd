"""Speakers described rather than named, and speakers reached through a relative pronoun.

Used by :mod:`subjects` when no listed name or role stands next to a cue: "the
announcer said", "said the designer, who …", "a staffer in the room wondered", "said Beck, who
added …", "a sign that read “…”". Each reader looks at a few words only.
"""

from __future__ import annotations

from typing import Final

from quotecheck.attribution.mentions import classify, loose_group, survey_share
from quotecheck.attribution.sources import (
    CONNECTORS,
    QUANTIFIERS,
    STOPWORDS,
    Mention,
    Token,
    quoted,
    subject_before,
)
from quotecheck.kinds import SOURCE_ANONYMOUS, SOURCE_DOCUMENT, SOURCE_VAGUE
from quotecheck.text.cues import VERB_FORMS, CueRecord

__all__ = [
    "CONJUNCTION_OPENERS",
    "RELATIVE_PRONOUNS",
    "antecedent",
    "described",
    "relative_who",
    "short_subject",
    "unknown_noun_after",
    "unknown_noun_before",
]


# Relative pronouns that stand for a source named just before them ("said Beck, who said …").
RELATIVE_PRONOUNS: Final = frozenset(["who", "which", "that"])

# Words that open a clause before its subject ("But Sanders said", "As X put it"): skipped.
CONJUNCTION_OPENERS: Final = frozenset(
    ["But", "And", "Yet", "So", "Or", "Then", "Now", "Still", "Also", "As"]
)


# Words that never stand inside a speaker's description ("The plan relies on what the city").
_NOT_IN_NAMES: Final = frozenset(["what", "which", "whom", "whose", "on", "in", "at", "to", "by"])


def antecedent(
    text: str, left: list[Token], cue: CueRecord, reasons: list[str], pronoun: str
) -> Mention | None:
    """For "said Beck, who added …" or "a sign that read “…”": the source that the relative
    pronoun stands for, named just before it ("who" for people, "which"/"that" for documents)."""
    words = left[:-1] if left and left[-1].text in (",", "—", "–", "-") else left
    phrase = subject_before(words)
    articles = [k for k, w in enumerate(phrase) if w.text.lower() in ("the", "a", "an")]
    if articles and articles[-1] > 0 and phrase[articles[-1] - 1].text.lower() not in CONNECTORS:
        phrase = phrase[articles[-1] :]  # "A teenager hoisted a sign that read": the sign
    mention = classify(text, phrase)
    if mention is None or loose_group(mention):
        return None
    if (mention.kind is SOURCE_DOCUMENT) != (pronoun != "who"):
        return None  # "the report, which said" and "the senator, who said", not the other way
    said = text[mention.start : mention.end]
    reasons.append(f"'{pronoun} {cue.text}': '{pronoun}' is {quoted(said)}, named just before")
    return mention


_CLAUSE_EDGES: Final = frozenset(["and", "but", "as", "when", "while", "then", "so", "because"])


def unknown_noun_before(text: str, left: list[Token]) -> Mention | None:
    """Read "As a phone rang, the announcer said": an article and one or two lower-case words
    that open a clause right before the cue describe the speaker, listed noun or not."""
    for size in (2, 3):
        if len(left) < size:
            return None
        article, words = left[-size], left[-size + 1 :]
        if article.text.lower() not in ("the", "a", "an"):
            continue
        before = left[-size - 1].text if len(left) > size else ""
        edge = not before or not before[0].isalnum() or before.lower() in _CLAUSE_EDGES
        plain = all(w.text.isalpha() and w.text.islower() for w in words)
        ordinary = not any(
            w.text in STOPWORDS
            or w.text in VERB_FORMS
            or w.text in QUANTIFIERS
            or w.text in CONNECTORS
            or w.text.endswith(_NOT_NOUN_ENDINGS)
            for w in words
        )  # not "the most elaborate", "the number of", "a potentially hazardous [claim]"
        if edge and plain and ordinary:
            phrase = text[article.start : words[-1].end]
            return Mention(article.start, words[-1].end, SOURCE_ANONYMOUS, descriptor=phrase)
    return None


def relative_who(left: list[Token], reach: int) -> int | None:
    """Index of the "who" opening a relative clause that runs up to the cue, if any, among the
    last ``reach`` words ("a White House official who spoke anonymously to discuss … said")."""
    for k in range(len(left) - 1, max(0, len(left) - reach) - 1, -1):
        if left[k].text == "who":
            return k if k > 0 else None
        if not left[k].text[0].isalnum():
            return None
    return None


def short_subject(text: str, left: list[Token], opens: bool) -> Mention | None:
    """Read "“…,” the gambling tycoon told" or "The billionaire businessman says": all the words
    between a quote (or the sentence start) and the cue, when they are few and name someone."""
    words = left[1:] if left and left[0].text == "," else left
    if words and words[0].text in CONJUNCTION_OPENERS:
        words = words[1:]
    elif len(words) > 1 and words[0].text in ("When", "While") and words[1].text in _SOMEONE:
        words = words[1:]  # "When someone in the crowd yelled, “…”", not "While the report …"
    if not opens or not 1 <= len(words) <= 7:
        return None
    first = words[0].text
    if not (first.lower() in _SHORT_OPENERS or first[:1].isupper() or first[:1].isdigit()):
        return None
    head = words[: _place_modifier(words)]  # "a staffer in the room": the room is no name
    if any(
        (not w.text[0].isalnum() and w.text not in "-’'.%")
        or w.text.lower() in STOPWORDS
        or w.text.lower() in _NOT_IN_NAMES
        for w in head
    ):
        return None
    phrase = text[words[0].start : words[-1].end]
    if survey_share(words):  # "42% say …", "Nearly half said …": a poll's respondents
        return Mention(words[0].start, words[-1].end, SOURCE_VAGUE, descriptor=phrase, plural=True)
    return Mention(words[0].start, words[-1].end, SOURCE_ANONYMOUS, descriptor=phrase)


_SOMEONE: Final = frozenset(["someone", "somebody", "a", "an", "one", "another"])
# Endings of adjectives and adverbs that no role noun has ("a potentially hazardous claim"):
# before one of them, the cue is a noun.
_NOT_NOUN_ENDINGS: Final = ("ous", "ful", "able", "ible", "ly")
_SHORT_OPENERS: Final = frozenset(
    ["the", "a", "an", "this", "that", "one", "another", "someone", "somebody", "everyone"]
)


def _place_modifier(words: list[Token]) -> int:
    """Where a closing "in the room" / "at the back" / "from the crowd" starts, or the length."""
    if (
        len(words) >= 4
        and words[-3].text in ("in", "at", "from")
        and words[-2].text
        in (
            "the",
            "a",
        )
    ):
        last = words[-1].text
        if last.isalpha() and last.islower():
            return len(words) - 3
    return len(words)


def described(text: str, words: list[Token]) -> Mention | None:
    """Read "said the 46-year-old": a described but unnamed speaker after an inverted cue."""
    if len(words) < 2 or words[0].text.lower() not in ("the", "a", "an"):
        return None
    phrase = text[words[0].start : words[-1].end]
    return Mention(words[0].start, words[-1].end, SOURCE_ANONYMOUS, descriptor=phrase)


def unknown_noun_after(text: str, right: list[Token], most: int) -> Mention | None:
    """Read "said the designer, who …": an article and a few (at most ``most``) lower-case
    words that end at a comma or a full stop describe an unnamed speaker, even when no lexicon
    knows the noun ("said the retired schoolteacher.")."""
    if len(right) > 1 and right[0].text in ("another", "one") and right[1].text == ".":
        start, end = right[0].start, right[0].end  # "“…,” tweeted another."
        return Mention(start, end, SOURCE_ANONYMOUS, descriptor=text[start:end])
    if not right or right[0].text.lower() not in ("the", "a", "an"):
        return None
    for i, tok in enumerate(right[1 : most + 2], start=1):
        if tok.text in (",", ".", ";") and i > 1:
            return Mention(
                right[0].start,
                right[i - 1].end,
                SOURCE_ANONYMOUS,
                descriptor=text[right[0].start : right[i - 1].end],
            )
        if not (tok.text.isalpha() and tok.text.islower()) or tok.text in STOPWORDS:
            return None
    return None
