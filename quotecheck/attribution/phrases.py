"""Phrases next to a cue that are not what was said: when, the channel, "in a statement".

"said on Wednesday", "told reporters", "said in a statement", "in an interview with CNN", "on
condition of anonymity": :func:`after_core` steps over them after a cue and returns what they
say (:class:`AfterCue`); :func:`fronted_when` reads a time phrase that opens the sentence;
:func:`phrase_follows` tells whether one starts a text. Every pattern is matched in a window of
at most ``AnalyzerConfig.attribution_phrase_reach`` characters, and a channel's name ("with
CNN") is read in at most ``Doc.window``.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from quotecheck.attribution.content import Doc
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.sources import Mention, phrase_after, quoted, tokens
from quotecheck.kinds import SOURCE_MEDIA

__all__ = ["AfterCue", "after_core", "fronted_when", "phrase_follows"]


_WHEN_RE: Final = regex.compile(
    r"""
    [ \t]*,?[ \t]*                                         # optional comma before it
    (?P<when>
        (?:(?:on|late|early)\ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
            (?:\ (?:morning|afternoon|evening|night))?      # "on Wednesday night"
      | (?:in|during|since|until)\ (?:early\ |late\ |mid-)?
            (?:January|February|March|April|May|June|July|August|September|October|
               November|December)(?:\ \d{4})?               # "in May", "in late June 2015"
      | on\ (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\ \d{1,2}(?:,\ \d{4})?
      | on\ (?:January|February|March|April|May|June|July|August|September|October|
               November|December)\ \d{1,2}(?:,\ \d{4})?     # "on November 18, 2015"
      | (?:(?:earlier|later)\ )?(?:last|this|next)\ (?:week|month|year|weekend|spring|
               summer|fall|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|
               Sunday)                                       # "last week", "earlier this month"
      | (?:earlier|later)\ (?:this|that)\ (?:week|month|year|day)
      | (?:in|during)\ (?:\d{4})                             # "in 2015"
      | yesterday | today | tonight | earlier | recently | previously
    )
    (?![\w])
    """,
    regex.VERBOSE,
)


_CHANNEL_RE: Final = regex.compile(
    r"""
    [ \t]*,?[ \t]*
    (?:to\ reporters|to\ journalists|to\ the\ press|to\ supporters|to\ a\ crowd|
       on\ Twitter|on\ Facebook|on\ Instagram|on\ social\ media|on\ television|on\ TV|
       in\ a\ [a-z\-]+\ post|in\ remarks|in\ (?:a|an|his|her)\ (?:speech|appearance|address)
       (?:\ (?:on|at|to)\ [A-Z][\w.’'\-]*(?:\ [A-Z][\w.’'\-]*){0,3})?)  # "in a speech at X"
    (?![\w])
    """,
    regex.VERBOSE,
)


_WITH_RE: Final = regex.compile(r"[ \t]*(?:with|to)\ ")  # "in an interview with CNN"

# Every phrase above opens (after the same optional comma) with one of these words: a cheap
# look at the first word skips the four patterns after most cues, where no such phrase follows.
_LEAD_WORDS: Final = frozenset(
    """on late early in during since until last this next earlier later to yesterday today
    tonight recently previously Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()  # noqa: SIM905
)
# The first word after the optional comma, in ASCII letters: the run ends where each
# pattern's first word ends, whatever either engine counts as a word character.
_LEAD_WORD_RE: Final = re.compile(r"[ \t]*,?[ \t]*([A-Za-z]+)")


def _may_open_phrase(text: str, pos: int, endpos: int) -> bool:
    """Tell whether a time, channel or statement phrase may start at ``pos``: False only when
    none of the patterns can match there, so they need not be tried."""
    m = _LEAD_WORD_RE.match(text, pos, endpos)
    return m is not None and m[1] in _LEAD_WORDS


class AfterCue:
    """What the phrases after a cue say: where they end, when, whether the cue is a statement,
    and the channel it went through (with the reasons for the channel)."""

    __slots__ = ("channel", "end", "reasons", "statement", "when")

    def __init__(
        self,
        end: int,
        when: tuple[int, int] | None,
        statement: bool,
        channel: Mention | None,
        reasons: list[str],
    ) -> None:
        self.end = end  # where the cue's core ends: after the last phrase stepped over
        self.when = when  # the last time phrase ("on Wednesday"), if any
        self.statement = statement  # "in a statement", "in an interview": a statement cue
        self.channel = channel  # the last media channel named ("in an interview with CNN")
        self.reasons = reasons  # one per channel named, in text order


def after_core(doc: Doc, pos: int, end: int) -> AfterCue:
    """Step over time, channel and "in a statement" phrases after the cue; say what they hold."""
    text = doc.text
    when: tuple[int, int] | None = None
    statement = False
    channel: Mention | None = None
    reasons: list[str] = []
    reach = doc.phrase_reach  # how far a time, channel or statement phrase may reach
    for _ in range(4):
        near = min(end, pos + reach)  # the regex module scans for literals up to endpos
        if not _may_open_phrase(text, pos, near):
            break
        m = _WHEN_RE.match(text, pos, near)
        if m:
            when = (m.start("when"), m.end("when"))
            pos = m.end()
            continue
        m = _ANONYMITY_RE.match(text, pos, near)
        if m:
            pos = m.end()  # "said on condition of anonymity": how, not what
            continue
        m = _CHANNEL_RE.match(text, pos, near) or _STATEMENT_AT_RE.match(text, pos, near)
        if m:
            if m.group().strip(" ,").lower().startswith(("in a statement", "in an interview")):
                statement = True
            pos, media = _via_after(doc, m.end(), end)
            if media is not None:
                channel = media
                said = quoted(text[media.start : media.end])
                reasons.append(f"{said} is the channel it went through")
            pos = _past_relative(text, pos, min(end, pos + reach))  # "… that was published …"
            continue
        break
    return AfterCue(pos, when, statement, channel, reasons)


_ANONYMITY_RE: Final = regex.compile(
    r"""[ \t]*,?[ \t]*on\ (?:the\ )?condition\ (?:of\ anonymity
        |that\ (?:he|she|they|it)\ (?:not\ be|remain|was\ not|were\ not)\ (?:named|identified))
        (?![\w])""",
    regex.VERBOSE,
)


_STATEMENT_AT_RE: Final = regex.compile(
    r"""[ \t]*,?[ \t]*in\ (?:a|an|the|his|her|its|their)\ (?:[a-z\-]+\ ){0,2}?
        (?:statement|interview|press\ release|news\ conference|press\ conference|letter|
           speech|memo|filing|testimony|tweet|email)(?![\w])""",
    regex.VERBOSE,
)


# A relative clause on the statement or channel, not what was said: "that was published",
# "which was posted", "that has since been deleted".
_RELATIVE_RE: Final = regex.compile(
    r"[ \t]*(?:which\b|that\ (?:was|were|is|are|had|has|have)\b)"
    r"[^,;:.!?“”\"]*?(?=[ \t]+that\b|[,;:.!?“”\"]|$)"  # up to a "that" opening what was said
)


def _past_relative(text: str, pos: int, end: int) -> int:
    """Step over a relative clause on a statement phrase, up to the next punctuation (or
    ``end``)."""
    m = _RELATIVE_RE.match(text, pos, end)
    return m.end() if m else pos


def _via_after(doc: Doc, pos: int, end: int) -> tuple[int, Mention | None]:
    """After "in an interview", read "with CNN": where the name ends, and the channel if it is
    a media outlet."""
    m = _WITH_RE.match(doc.text, pos, min(end, pos + doc.phrase_reach))
    if not m:
        return pos, None
    words = phrase_after(tokens(doc.text, m.end(), min(end, m.end() + doc.window)))
    channel = classify(doc.text, words)
    if channel is None:
        return pos, None
    return channel.end, channel if channel.kind is SOURCE_MEDIA else None


def fronted_when(text: str, start: int, subject_start: int, reach: int) -> tuple[int, int] | None:
    """A time phrase opening the sentence ("On Wednesday, X said") within ``reach`` characters."""
    near = min(subject_start, start + reach)
    m = _WHEN_RE.match(text, start, near) if _may_open_phrase(text, start, near) else None
    if m and text[m.end() : m.end() + 1] == ",":
        return (m.start("when"), m.end("when"))
    return None


def phrase_follows(rest: str) -> bool:
    """Tell whether ``rest`` opens with a time, statement or channel phrase ("on Tuesday", …)."""
    if not _may_open_phrase(rest, 0, len(rest)):
        return False
    return bool(_WHEN_RE.match(rest) or _STATEMENT_AT_RE.match(rest) or _CHANNEL_RE.match(rest))
