"""How a text's genre weighs a sentence's framing signals, and what it adds to them.

:class:`Policy` holds what the genre changes: the threshold at which the writer's own signals
make a sentence editorial (lower in a column or a letter, where unsourced assertions are the
writer's argument), factual vocabulary that weighs nothing in news ("injured", "charged",
"crisis", and the feelings a report ascribes to people: "anger among tenants"), "we" and "you"
that are an issuer's, a speaker's or an audience's and not the writer's (press releases,
transcripts, reviews). :func:`weigh_sentence` applies it to one
sentence, upgrades scare quotes that keep the writer's distance from a term ('its "reform"')
and weighs nothing for those around a name ('the "Green Streets Plan"'), raises a weak judgment
the writer ascribes to an actor ("the minister's arrogant reply"), adds a signal for a
rhetorical question, and says in notes what the genre and the sentence's shape changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, final

import regex

from quotecheck.assemble import assemble, text_span
from quotecheck.config import AnalyzerConfig
from quotecheck.lexicons import load, load_rows
from quotecheck.models import Genre, GenreKind, Signal, SignalKind, Span
from quotecheck.offsets import fold

__all__ = ["Policy", "Weighed", "weigh_sentence"]

Weighed = tuple[Sequence[tuple[Signal, ...]], Sequence[list[float]]]
"""Framing signals per sentence, and each signal's weight alongside."""

_NEWS_LITERAL: Final = frozenset(e.lower() for e in load("news_literal"))
_AUDIENCE: Final = frozenset(
    [
        "we",
        "We",
        "we're",
        "We're",
        "we've",
        "We've",
        "we'd",
        "We'd",
        "us",
        "our",
        "Our",
        "ours",
        "ourselves",
        "let's",
        "Let's",
        "you",
        "You",
        "your",
        "Your",
        "you're",
        "You're",
        "yourself",
    ]
)
_OPINION: Final = frozenset([GenreKind.opinion, GenreKind.letter])
_AUDIENCE_GENRES: Final = frozenset(
    [GenreKind.press_release, GenreKind.transcript, GenreKind.review]
)
_NEIGHBOUR_GENRES: Final = frozenset(
    [GenreKind.opinion, GenreKind.letter, GenreKind.analysis, GenreKind.review]
)
_DETERMINERS: Final = frozenset(
    [
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "the",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "such",
    ]
)
_DEGREE: Final = frozenset(e.lower() for e in load("degree"))
_FEELINGS: Final = frozenset(e.lower() for e in load("feelings"))
# Figures of speech (lexicons/figurative.txt) weigh as evaluative terms; a note names them so
# the reasons say an image, not a loaded word, carried the verdict.
_FIGURATIVE: Final = frozenset(" ".join(fold(e).lower().split()) for e in load("figurative"))
_DEGREE_REACH: Final = 1 + max(len(e) for e in _DEGREE)  # characters looked back for one
_EVALUATIVE: Final = SignalKind.evaluative
_INTENSIFIER: Final = SignalKind.intensifier
# Weak intensifiers: entries listed with a weight under 1 ("even", "only", "never"); alone they
# weigh little, beside the writer's own judgment they press it (_emphasised). Those marked
# "verity" ("in fact", "indeed") assert that a statement is true, not how much: never pressed.
_WEAK_INTENSIFIERS: Final = frozenset(
    fold(row[0]).lower()
    for row in load_rows("intensifiers")
    if len(row) > 1 and float(row[1]) < 1 and row[2:] != ("verity",)
)
_WORD_BEFORE_RE: Final = regex.compile(r"([\w'’]+)\W*$")


def _rhetorical_pattern() -> regex.Pattern[str]:
    """Whole-word, case-insensitive alternation of the rhetorical markers, longest first."""
    entries = sorted(load("rhetorical"), key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(w) for w in e.split()) for e in entries)
    return regex.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", regex.IGNORECASE)


_RHETORICAL_RE: Final = _rhetorical_pattern()
_QUOTE_OPENERS: Final = "\"“‘'«„"


@final
class Policy:
    """What one text's genre changes in the weighing of its sentences."""

    __slots__ = (
        "answer_reason",
        "argue_reason",
        "audience",
        "audience_factor",
        "base",
        "emphasis_factor",
        "figure_bonus",
        "kind",
        "label",
        "lean_reason",
        "leans",
        "min_unsourced_words",
        "neighbour_weight",
        "neighbours",
        "news",
        "news_factor",
        "no_comment",
        "paraphrase_factor",
        "question_weight",
        "scare_weight",
        "transcript",
        "unsourced_threshold",
    )

    def __init__(self, genre: Genre | None, config: AnalyzerConfig) -> None:
        kind = GenreKind.unknown
        if genre is not None and (genre.given or genre.confidence >= config.genre_min_confidence):
            kind = genre.kind
        self.kind = kind
        self.label = f"genre {kind.value}" + (
            "" if genre is None or genre.given else f" ({genre.confidence:.2f})"
        )
        # Every field the sentences need, read once per text (a pydantic field read is slow in
        # the compiled build).
        base = config.editorial_threshold
        self.base = base
        self.figure_bonus = config.figure_bonus
        self.paraphrase_factor = config.paraphrase_factor
        self.min_unsourced_words = config.min_unsourced_words
        self.no_comment = (config.no_comment_max_chars, config.no_comment_asked_words)
        self.news = kind is GenreKind.news
        self.transcript = kind is GenreKind.transcript
        self.leans = kind in _OPINION and config.opinion_editorial_threshold <= 0.0
        self.audience = kind in _AUDIENCE_GENRES
        self.neighbours = kind in _NEIGHBOUR_GENRES
        self.neighbour_weight = config.neighbour_weight
        self.news_factor = config.news_literal_factor
        self.audience_factor = config.audience_voice_factor
        self.scare_weight = config.scare_distance_weight
        self.question_weight = config.rhetorical_question_weight
        # A text read as news, however unsure the reading, keeps its weak intensifiers weak:
        # there "only", "even" and "never" mostly state facts (_emphasised).
        read_as_news = genre is not None and genre.kind is GenreKind.news
        self.emphasis_factor = 1.0 if read_as_news else config.emphasis_factor
        if kind in _OPINION:
            self.unsourced_threshold = config.opinion_editorial_threshold
        elif kind is GenreKind.review:
            self.unsourced_threshold = config.review_editorial_threshold
        else:
            self.unsourced_threshold = base
        self.answer_reason = (
            f"an answer in a question-and-answer piece: the interviewee's words ({self.label})"
        )
        self.lean_reason = f"the writer's own assertion, unsourced, in a piece of {self.label}"
        self.argue_reason = (
            f"the writer's own framed clause beside a reported one, in a piece of {self.label}"
        )

    def threshold(self, credited: bool) -> float:
        """The weight the writer's signals must reach; a sentence with a source keeps the base."""
        return self.base if credited else self.unsourced_threshold


def weigh_sentence(
    text: str,
    span: Span,
    signals: tuple[Signal, ...],
    weights: list[float],
    policy: Policy,
) -> tuple[tuple[Signal, ...], list[float], list[str]]:
    """One sentence's signals and weights as its genre reads them, and notes on the changes.

    >>> from quotecheck.config import AnalyzerConfig
    >>> t = "Does anyone actually read these reports?"
    >>> s, w, notes = weigh_sentence(t, Span(start=0, end=len(t), text=t), (), [],
    ...                              Policy(None, AnalyzerConfig()))
    >>> [(x.kind.value, x.span.text, weight) for x, weight in zip(s, w)]
    [('rhetorical_question', 'anyone', 1.0)]
    """
    notes: list[str] = []
    if signals and (policy.news or policy.audience or _has_scare(signals)):
        weights = _reweigh(text, signals, weights, policy, notes)
    if signals:
        weights = _graded(text, signals, weights, policy, notes)
        weights = _figures(span, signals, weights, notes)
        if len(signals) > 1 and policy.emphasis_factor != 1.0:
            weights = _emphasised(signals, weights, policy, notes)
    if signals and ('"' in span.text or "\u201d" in span.text):
        weights = _quotation_tail(span, signals, weights, notes)
    if not policy.transcript and span.text.rstrip(" \"'”’»)]").endswith("?"):
        signals, weights = _rhetorical(text, span, signals, weights, policy)
    return signals, weights, notes


def _has_scare(signals: tuple[Signal, ...]) -> bool:
    """True when one of the signals is a scare quote."""
    return any(s.kind is SignalKind.scare_quote for s in signals)


def _reweigh(
    text: str,
    signals: tuple[Signal, ...],
    weights: list[float],
    policy: Policy,
    notes: list[str],
) -> list[float]:
    """The weights after the genre's discounts and the scare-quote upgrade, with notes."""
    out = list(weights)
    news: list[str] = []
    felt: list[str] = []
    audience: list[str] = []
    scare: list[str] = []
    titles: list[str] = []
    for n, s in enumerate(signals):
        if out[n] <= 0:
            continue  # the speaker's words, inside a quote
        entry = s.lexicon or ""
        if policy.news and entry.lower() in _NEWS_LITERAL:
            out[n] *= policy.news_factor
            news.append(s.span.text)
        elif policy.news and entry.lower() in _FEELINGS:
            out[n] *= policy.news_factor
            felt.append(s.span.text)
        elif policy.audience and s.kind is SignalKind.voice and entry in _AUDIENCE:
            out[n] *= policy.audience_factor
            audience.append(s.span.text)
        elif s.kind is SignalKind.scare_quote and _distancing(text, s.span):
            out[n] = max(out[n], policy.scare_weight)
            scare.append(s.span.text)
        elif s.kind is SignalKind.scare_quote and _titled(s.span.text):
            out[n] = 0.0
            titles.append(s.span.text)
    factor = f"{policy.news_factor:g} ({policy.label})"
    _note(notes, f"factual vocabulary in news weighs {factor}", news)
    _note(notes, f"a feeling reported in news weighs {factor}", felt)
    _note(notes, f"'we'/'you' are not the writer's here ({policy.label})", audience)
    if scare:
        notes.append(f"scare quotes keep the writer's distance: {', '.join(scare)}")
    if titles:
        notes.append(f"a name or title in quote marks, not distance: {', '.join(titles)}")
    return out


def _note(notes: list[str], why: str, words: list[str]) -> None:
    """Add "why: word, word" to ``notes`` when ``words`` holds any, each word named once."""
    if words:
        notes.append(f"{why}: {', '.join(dict.fromkeys(words))}")


def _titled(marks: str) -> bool:
    """True when every longer word inside the quote marks opens with a capital: the name of a
    plan, an event or a slogan ('the “Rooney Rule”', '“Million MAGA March”'), not a term held
    at a distance."""
    return _title_case(marks[1:-1], short_too=False)


def _title_case(words: str, *, short_too: bool) -> bool:
    """True when every word of more than three letters opens with a capital; with
    ``short_too``, a phrase of short words only is judged by all of them ("Hot Air")."""
    longer = [w for w in words.split() if len(w) > 3 and w[0].isalpha()]
    if not longer and short_too:
        longer = words.split()
    return bool(longer) and all(w[0].isupper() for w in longer)


def _graded(
    text: str, signals: tuple[Signal, ...], weights: list[float], policy: Policy, notes: list[str]
) -> list[float]:
    """A weak evaluative term the sentence's shape makes the writer's verdict weighs at least
    the base threshold: graded by a degree word right before it ("so laughable", "deeply
    cynical"), or owned by an actor (:func:`_owned_at`: "the minister's arrogant reply")."""
    out = weights
    base = policy.base
    graded: list[str] = []
    owned: list[str] = []
    for n, weight in enumerate(weights):
        if not 0.0 < weight < base:
            continue  # weighs nothing (a quote) or enough already: most signals stop here
        s = signals[n]
        at = s.span.start
        if at < 2 or text[at - 1] != " " or s.kind is not _EVALUATIVE:
            continue
        lo = max(0, at - _DEGREE_REACH)
        word = text[text.rfind(" ", lo, at - 1) + 1 or lo : at - 1]
        if word.lower() in _DEGREE:
            graded.append(f"{word} {s.span.text}")
        elif _ascribed(s.span.text) and _owned_at(text, at):
            owned.append(s.span.text)
        else:
            continue
        if out is weights:
            out = list(weights)
        out[n] = base
    if graded:
        notes.append(f"a degree word grades an evaluative term: {', '.join(graded)}")
    if owned:
        notes.append(f"an evaluative term ascribed to an actor: {', '.join(owned)}")
    return out


def _figures(
    span: Span, signals: tuple[Signal, ...], weights: list[float], notes: list[str]
) -> list[float]:
    """Note the writer's figures of speech among the signals ("spread like wildfire", "a house
    of cards"): an image that casts a matter as a disaster, a disease or a con. One written as
    a name inside the sentence, every word capitalised ("the Hot Air blog", "House of Cards"),
    is a title and weighs nothing."""
    out = weights
    figures: list[str] = []
    names: list[str] = []
    for n, s in enumerate(signals):
        if weights[n] <= 0 or s.kind is not _EVALUATIVE:
            continue
        if (s.lexicon or "").lower() not in _FIGURATIVE:
            continue
        if s.span.start > span.start and _capitalised(s.span.text):
            if out is weights:
                out = list(weights)
            out[n] = 0.0
            names.append(s.span.text)
        else:
            figures.append(s.span.text)
    _note(notes, "a figure of speech carries a verdict", figures)
    _note(notes, "a figure of speech written as a name", names)
    return out


def _capitalised(words: str) -> bool:
    """True when every word of more than three letters opens with a capital ("Hot Air",
    "House of Cards"): a title, not the figure."""
    return _title_case(words, short_too=True)


def _ascribed(term: str) -> bool:
    """True for a term that, owned by an actor, is a vice or virtue the writer ascribes: not a
    participle ("their rigged count": what was done), an adverb, or a noun of feeling
    (lexicons/feelings.txt: "voiced their frustration", a state of mind reported)."""
    low = term.lower()
    return not low.endswith(("ed", "ing", "ly")) and low not in _FEELINGS


_OWNER_REACH: Final = 40  # characters looked back for the owner and the word between
# Words ending in 's that are a contraction ("he's" is "he is"), not an owner.
_NOT_OWNERS: Final = frozenset(
    f"{w}{mark}s"
    for w in ("he", "she", "it", "that", "there", "here", "what", "who", "where", "how", "let")
    for mark in "'\u2019"
)
_OWNER_PRONOUNS: Final = frozenset(["his", "her", "their"])
_OPENERS: Final = "\"'\u201c\u2018([\u2014-"  # what may stand glued before a word
_BETWEEN_RE: Final = regex.compile(r"[\w-]+")  # the one word an owner and its term may have between


def _owner(word: str) -> bool:
    """True for a possessive ("minister's", "Trump’s") or an owner's pronoun (his, her, their)."""
    low = word.lower().lstrip(_OPENERS)
    if low in _OWNER_PRONOUNS:
        return True
    if not low.endswith(("'s", "\u2019s")) or low in _NOT_OWNERS:
        return False
    stem = low[:-2]
    at = len(stem)
    while at and (stem[at - 1].isalnum() or stem[at - 1] == "_"):
        at -= 1
    return at < len(stem)  # some word characters right before the 's


def _owned_at(text: str, at: int) -> bool:
    """True when the term starting at ``at`` follows an owner ("the minister's arrogant reply",
    "their most ardent fans"), with at most one word between; words split at single spaces,
    found by rfind (no slicing of the whole reach)."""
    if at < 2 or text[at - 1] != " ":
        return False
    lo = max(0, at - _OWNER_REACH)
    gap = text.rfind(" ", lo, at - 1)
    if gap < 0 and lo > 0:
        return False
    word = text[gap + 1 : at - 1]
    if _owner(word):
        return True
    if gap < 1 or _BETWEEN_RE.fullmatch(word) is None:
        return False
    start = text.rfind(" ", lo, gap)
    if start < 0 and lo > 0:
        return False  # a longer word than the reach: no owner
    return _owner(text[start + 1 : gap])


def _emphasised(
    signals: tuple[Signal, ...], weights: list[float], policy: Policy, notes: list[str]
) -> list[float]:
    """A weak intensifier ("even", "only", "never", "once again") of the writer's in a sentence
    that also holds an evaluative term of the writer's presses that judgment ("they never came
    up with a plan, only excuses"): it weighs ``emphasis_factor`` times as much. Beside plain
    facts ("only 40 of the 200 seats") it keeps its small weight; in a text read as news,
    even unsurely, the factor is 1 (:class:`Policy`): there "only", "even" and "never" mostly
    state facts ("even though the jet burns $10,000 an hour", "equipment never delivered")."""
    judged = False
    for n, s in enumerate(signals):
        if s.kind is _EVALUATIVE and weights[n] > 0:
            judged = True
            break
    if not judged:
        return weights
    out = weights
    pressed: list[str] = []
    for n, s in enumerate(signals):
        if s.kind is not _INTENSIFIER or weights[n] <= 0:
            continue  # most signals; an intensifier inside a quote is the speaker's
        if (s.lexicon or "").lower() in _WEAK_INTENSIFIERS:
            if out is weights:
                out = list(weights)
            out[n] = weights[n] * policy.emphasis_factor
            pressed.append(s.span.text)
    _note(
        notes,
        f"an intensifier presses the writer's judgment (x{policy.emphasis_factor:g})",
        pressed,
    )
    return out


def _quotation_tail(
    span: Span, signals: tuple[Signal, ...], weights: list[float], notes: list[str]
) -> list[float]:
    """Weigh nothing for the signals before a closing quote mark that no mark in the sentence
    opened: those words end a quotation opened earlier ('I just find it absurd," said Ruiz.'),
    the speaker's, not the writer's, even where the opening mark was lost."""
    close = _unopened_close(span.text)
    if close < 0:
        return weights
    at = span.start + close
    out = list(weights)
    tail = [n for n, s in enumerate(signals) if out[n] > 0 and s.span.end <= at]
    if not tail:
        return weights
    for n in tail:
        out[n] = 0.0
    notes.append(
        "before a closing quote mark with no opening one: the end of a quotation, the "
        f"speaker's words: {', '.join(dict.fromkeys(signals[n].span.text for n in tail))}"
    )
    return out


def _unopened_close(sentence: str) -> int:
    """Where the sentence's first double quote mark closes a quotation it did not open, or -1.

    A curly closing mark before any opening one; or a straight mark that closes (after a word
    or punctuation, before a space, punctuation or the end) when the sentence holds an odd
    number of straight marks, so none opened it.
    """
    curly_open, curly_close = sentence.find("\u201c"), sentence.find("\u201d")
    straight = sentence.find('"')
    opened = 0 <= curly_open < curly_close
    if curly_close > 0 and not opened and (straight < 0 or curly_close < straight):
        return curly_close
    if straight <= 0 or (0 <= curly_open < straight) or sentence.count('"') % 2 == 0:
        return -1
    before, after = sentence[straight - 1], sentence[straight + 1 : straight + 2]
    if before.isspace() or (after and not (after.isspace() or after in ",.;:!?)]-")):
        return -1
    return straight


def _distancing(text: str, marks: Span) -> bool:
    """True for a scare-quoted lower-case term after a determiner or possessive ('its "reform"')."""
    inner = marks.text[1:-1].strip()
    if not inner or not inner[0].islower():
        return False
    m = _WORD_BEFORE_RE.search(text, max(0, marks.start - 30), marks.start)
    return m is not None and m.group(1).lower() in _DETERMINERS


def _rhetorical(
    text: str, span: Span, signals: tuple[Signal, ...], weights: list[float], policy: Policy
) -> tuple[tuple[Signal, ...], list[float]]:
    """Add a rhetorical-question signal to a writer's question: on its marker ("anyone",
    "really"), or, in an opinion piece, on the question mark at half weight."""
    sentence = span.text
    if sentence.lstrip()[:1] in _QUOTE_OPENERS or any(s.in_quote for s in signals):
        return signals, weights  # a quoted question is the speaker's
    m = _RHETORICAL_RE.search(sentence)
    if m is not None:
        start, end, weight = span.start + m.start(), span.start + m.end(), policy.question_weight
    elif policy.leans:
        at = sentence.rstrip().rfind("?")
        start, end, weight = span.start + at, span.start + at + 1, policy.question_weight / 2
    else:
        return signals, weights
    piece = text_span(text, start, end)
    fields = {
        "kind": SignalKind.rhetorical_question,
        "span": piece,
        "lexicon": piece.text.lower(),
        "in_quote": False,
    }
    signal = assemble(Signal, fields)
    at = sum(1 for s in signals if s.span.start <= start)
    return (*signals[:at], signal, *signals[at:]), [*weights[:at], weight, *weights[at:]]
