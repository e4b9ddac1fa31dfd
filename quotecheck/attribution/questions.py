"""Read a question put to a source: "Asked whether …, X said", "X was asked about …".

News copy reports an interview answer together with the question that drew it, and the
question is no claim of the writer's: it is what the asker put to the source. The asker is
named after "by" ("when asked by a reporter whether …"), or is left unnamed (the reporter, a
moderator); the answer is read by the ordinary cue of its own clause ("X said"). Like the other
readers, this one looks only at a bounded window around its cue, so it stays linear.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.attribution.content import Doc, Link, trim, word_count
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.sources import Mention, Token, grammar_words, phrase_after, tokens
from quotecheck.kinds import CUE_QUESTION, SOURCE_DOCUMENT, SOURCE_VAGUE
from quotecheck.models import Stance
from quotecheck.text.cues import CueRecord

__all__ = ["SURVEY_ASKER", "UNNAMED_ASKER", "clause_start", "question_link"]

UNNAMED_ASKER: Final = "an unnamed questioner"
"""The descriptor of the vague source a question is credited to when the text names no asker."""
SURVEY_ASKER: Final = "the survey"
"""The descriptor of the document source a survey's question is credited to ("Asked whether
…, 46 percent said yes"; "Voters were asked which …") when the text names no asker."""

# The participles that put a question to their clause's subject: "Asked whether …", "when
# questioned about …"; "asking" and "asks" have the asker as their subject.
_PARTICIPLES: Final = frozenset(["asked", "questioned"])
# Words that may stand before an agentless "asked": "When asked …", "after being asked …".
_PARTICIPLE_LEADS: Final = grammar_words("question_lead")
# The passive's auxiliary: "X was asked …", "has been asked …", "got asked …".
_PASSIVE_LEADS: Final = frozenset(["is", "are", "was", "were", "be", "been", "being", "got", "get"])
# Words that open the question itself: "whether …", "about …", "what …", "to …".
_OPENERS: Final = grammar_words("question_opener")
# How many words (a time, a place, an adverb) may stand between the cue, or its agent, and
# the question's first word: "Asked in Iowa recently whether …".
_GAP_WORDS: Final = 6
# Where a question ends: its first comma (a closing quote mark may follow it), or a clause
# mark; what follows is the answer's clause or an aside ("…, which were developed in 2014").
_QUESTION_END_RE: Final = regex.compile(r",[”’\"']?|[;:—–]|[ \t]-[ \t]")


def question_link(doc: Doc, cue: CueRecord, c_start: int, c_end: int) -> Link | None:
    """Read an agentless "Asked whether …", "when asked about …" or passive "X was asked if
    …": the question is credited to whoever "by" names, or to an unnamed questioner."""
    text = doc.text
    if text[c_start:c_end].lower() not in _PARTICIPLES:
        return None  # "asking them to …", "asks": the clause's subject is the asker
    si = doc.sentence_at(c_start)
    s_start, s_end = doc.starts[si], doc.ends[si]
    if not _asked_without_subject(text, s_start, c_start):
        return None  # "Reporters asked Smith whether …": the verb's own reader takes it
    hi = doc.next_quote_start(c_end, min(s_end, c_end + doc.right_reach))
    words = tokens(text, c_end, hi)
    agent, k = _agent(text, words)
    opener = _opener(words, k)
    if opener is None:
        return None  # "was asked to the White House", "asked a day later": no question
    start = opener.start
    end = _question_end(doc, start, s_end)
    content = trim(text, start, end)
    if word_count(text, content) < 2:
        return None
    listener = None if agent is not None else _listener(text, s_start, c_start)
    if agent is not None:
        mention = agent
        who = f"'by' names the asker {text[agent.start : agent.end]!r}"
    elif listener is not None:
        mention = listener
        who = f"the answer was told to {text[listener.start : listener.end]!r}, who asked"
    elif _surveyed(text, s_start, c_start, end):
        mention = Mention(c_start, c_end, SOURCE_DOCUMENT, descriptor=SURVEY_ASKER)
        who = "the answers are a survey's shares or respondents, so the survey asked"
    else:
        mention = Mention(c_start, c_end, SOURCE_VAGUE, descriptor=UNNAMED_ASKER)
        who = "no one is named as the asker"
    reasons = [
        f"{cue.text!r} puts a question to the source; {who}",
        "content: the question, up to the clause that answers it",
    ]
    return Link(
        -1,
        (c_start, c_end),
        CUE_QUESTION,
        Stance.asking,
        content,
        si,
        reasons=reasons,
        mention=mention,
    )


# The forms of "tell" whose listener put the question a trailing "when asked" answers.
_TOLD: Final = frozenset(["told", "tells", "telling", "tell"])
# How far before the cue the answer's "told X" is looked for.
_LISTENER_REACH: Final = 80


def _listener(text: str, s_start: int, c_start: int) -> Mention | None:
    """The listener of "X told the Herald on Thursday when asked …": who was told the answer
    asked the question. None unless "told" and its listener stand just before the question's
    clause, with at most a time phrase between."""
    lo = max(s_start, c_start - _LISTENER_REACH)
    if not any(text.find(form, lo, c_start) >= 0 for form in ("told", "tell")):
        return None  # most questions follow no "told": a find is cheaper than tokenising
    before = tokens(text, lo, c_start)
    lead = len(before)
    while lead and (
        before[lead - 1].text.lower() in _CLAUSE_LEADS or _adverb(before[lead - 1].text)
    ):
        lead -= 1
    verb = next((i for i in range(lead - 1, -1, -1) if before[i].text in _TOLD), -1)
    if verb < 0 or verb == lead - 1:
        return None
    phrase = phrase_after(before[verb + 1 : lead])
    rest = before[verb + 1 + len(phrase) : lead]
    if not phrase or len(rest) > 3 or (rest and rest[0].text not in _GAP_OPENERS):
        return None  # the listener must end the clause: at most "on Thursday" after it
    mention = classify(text, phrase)
    return None if mention is None or mention.pronoun is not None else mention


# After a question, the share of a survey's respondents that answered it ("…, 46 percent said").
_SHARE_AFTER_RE: Final = regex.compile(
    r",[”’\"']?[ \t]+(?:(?:about|nearly|almost|just|only|over|more[ \t]+than|fewer[ \t]+than|"
    r"less[ \t]+than)[ \t]+)?(?:\d{1,3}(?:\.\d{1,2})?[ \t]?(?:%|percent\b|per[ \t]cent\b)|"
    r"[Aa][ \t]+majority\b|[Hh]alf[ \t]+of\b)"
)
_RESPONDENTS: Final = grammar_words("respondent")


def _surveyed(text: str, s_start: int, c_start: int, end: int) -> bool:
    """Tell whether a survey put the question: a share of respondents answers it ("Asked
    whether …, 46 percent said yes") or respondents were asked it ("Voters were asked …")."""
    if _SHARE_AFTER_RE.match(text, end, end + 40) is not None:
        return True
    before = tokens(text, max(s_start, c_start - 30), c_start)
    k = len(before)
    while k and (_adverb(before[k - 1].text) or before[k - 1].text in _PASSIVE_LEADS):
        k -= 1  # "were also asked": back to the passive's subject
    return k < len(before) and k > 0 and before[k - 1].text.lower() in _RESPONDENTS


def _asked_without_subject(text: str, s_start: int, c_start: int) -> bool:
    """Tell whether the cue is a participle opening its clause ("Asked …", "When asked …",
    "…, asked about …") or a passive ("X was asked …"): no asker stands before it."""
    before = tokens(text, max(s_start, c_start - 40), c_start)
    k = len(before)
    while k and _adverb(before[k - 1].text):
        k -= 1  # "When later asked", "was also asked"
    if k == 0:
        return c_start - s_start < 40  # the clause opens the sentence
    word = before[k - 1].text
    return word.lower() in _PARTICIPLE_LEADS or word in _PASSIVE_LEADS or word == ","


def clause_start(text: str, lo: int, cue_start: int) -> int:
    """Where the clause of a question's participle starts: at the word that leads it ("when
    asked", "after being asked"), or at the cue itself; never before ``lo``."""
    before = tokens(text, max(lo, cue_start - 40), cue_start)
    k = len(before)
    while k and _adverb(before[k - 1].text):
        k -= 1
    while k and before[k - 1].text.lower() in _CLAUSE_LEADS:
        k -= 1  # "after being asked": both words lead it
    return before[k].start if k < len(before) else cue_start


# The words that lead a question's clause ("when asked", "after being asked").
_CLAUSE_LEADS: Final = _PARTICIPLE_LEADS | {"after", "before", "while"}


_ADVERBS: Final = frozenset(["also", "later", "again", "once", "then", "repeatedly", "first"])


def _adverb(word: str) -> bool:
    """Tell whether a word may stand between "asked" and what opens its clause."""
    return word in _ADVERBS or (word.endswith("ly") and word.islower() and len(word) > 4)


def _agent(text: str, words: list[Token]) -> tuple[Mention | None, int]:
    """The asker named by "by" right after the cue ("asked by a reporter"), and the index of
    the first word after it; (None, 0) when the cue has no agent, and (None, index) when the
    agent is a few words that name no source ("by the panel's chair") or a pronoun."""
    if not words or words[0].text != "by":
        return None, 0
    stop = 1  # the agent ends before the question opens: "by a reporter whether …"
    while stop < len(words) and words[stop].text.lower() not in _OPENERS:
        stop += 1
    phrase = phrase_after(words[1:stop])
    mention = classify(text, phrase) if phrase else None
    if mention is None or mention.pronoun is not None:
        plain = all(t.text[0].isalnum() for t in words[1:stop])
        return None, (stop if plain and stop <= _GAP_WORDS else 0)
    k = 1 + len(phrase)
    return mention, k


def _opener(words: list[Token], k: int) -> Token | None:
    """The word that opens the question at ``k``, or after a time or place phrase there ("in
    Iowa recently whether …"), or None: a participle takes no object before its question, so
    "asked Mook if …" is a finite verb with its subject before it, not a question put to one."""
    gap = words[k : k + _GAP_WORDS + 1]
    if gap and gap[0].text.lower() not in _OPENERS:
        first = gap[0].text
        if first not in _GAP_OPENERS and not _adverb(first):
            return None
    for tok in gap:
        low = tok.text.lower()
        if low in _OPENERS:
            return tok
        if not tok.text[0].isalnum() or low == "not":
            return None  # a comma or a mark before any question: a time or place phrase only
    return None


# Words that open a time or place phrase between the participle and its question.
_GAP_OPENERS: Final = frozenset(
    ["in", "on", "at", "during", "after", "before", "last", "this", "earlier", "later", "again"]
)


def _question_end(doc: Doc, start: int, s_end: int) -> int:
    """Where the question that opens at ``start`` ends: before the clause that answers it, or
    at the sentence's end (at most doc.max_clause characters on)."""
    hi = min(s_end, start + doc.max_clause)
    m = _QUESTION_END_RE.search(doc.text, start, hi)
    return m.start() if m is not None else hi
