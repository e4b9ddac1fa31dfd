"""Read one cue in its sentence: who is the source, what is the content, when, and through whom.

Used by :mod:`quotecheck.attribution`. Each ``*_link`` function looks only at a bounded window
around its cue (the cue's sentence, a few hundred characters at most), so the whole stage stays
linear in the length of the text. Quote marks are hard boundaries for a source's name: a name
never runs into a quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from .coref import SourceBook
from .cues import VERB_FORMS
from .models import Cue, CueKind, Quote, Sentence, SourceKind, Stance
from .sources import (
    STOPWORDS,
    Mention,
    Token,
    classify,
    grammar_words,
    phrase_after,
    subject_before,
    tokens,
)

__all__ = [
    "Doc",
    "Link",
    "according_link",
    "colon_link",
    "file_link",
    "vague_link",
    "verb_link",
]

_WINDOW = 240  # characters to look at on either side of a cue for its source

_WHEN_RE = regex.compile(
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

_CHANNEL_RE = regex.compile(
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
_WITH_RE = regex.compile(r"[ \t]*(?:with|to)\ ")  # "in an interview with CNN"
# What may sit between a cue and the content that follows it.
_LEAD_IN_RE = regex.compile(r"[\s,:;\-–—]*(?:that\b)?[\s,:]*")
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_AUX = grammar_words("auxiliary")
_NOUN_BEFORE = grammar_words("noun_marker")
_OBJECT_VERBS = grammar_words("object_verb")
_WEAK_VERBS = grammar_words("weak_verb")
CLAUSE_OPENERS = frozenset(["But", "And", "Yet", "So", "Still", "Now", "Then"])
_CONJUNCTIONS = frozenset(["and", "but", "or", "so", "while", "as"])


@dataclass
class Link:
    """A provisional attribution: content credited to a source index through a cue."""

    source: int
    cue: tuple[int, int] | None
    cue_kind: CueKind
    stance: Stance
    content: tuple[int, int]
    sentence: int
    via: int | None = None
    when: tuple[int, int] | None = None
    reasons: list[str] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)
    mention: Mention | None = None  # the source's mention, filed in the book once the link holds
    via_mention: Mention | None = None


class Doc:
    """The text with its sentences and outer quotes indexed for quick position lookups."""

    def __init__(self, text: str, sentences: list[Sentence], quotes: tuple[Quote, ...]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.span.start for s in sentences]
        outer: list[Quote] = []
        for q in sorted(quotes, key=lambda q: q.marks.start):
            if not outer or q.marks.start >= outer[-1].marks.end:
                outer.append(q)
        self.outer = outer
        self.q_starts = [q.marks.start for q in outer]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the nearest one before it)."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def quote_at(self, pos: int) -> Quote | None:
        """The outer quote whose marks contain ``pos``, if any."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and pos < self.outer[i].marks.end:
            return self.outer[i]
        return None

    def last_quote_end(self, lo: int, hi: int) -> int:
        """End of the last outer quote that closes in ``[lo, hi)``, or ``lo``."""
        i = bisect.bisect_right(self.q_starts, hi) - 1
        while i >= 0 and self.outer[i].marks.end > hi:
            i -= 1
        if i >= 0 and self.outer[i].marks.end > lo:
            return self.outer[i].marks.end
        return lo

    def next_quote_start(self, lo: int, hi: int) -> int:
        """Start of the first outer quote opening in ``[lo, hi)``, or ``hi``."""
        i = bisect.bisect_left(self.q_starts, lo)
        if i < len(self.outer) and self.outer[i].marks.start < hi:
            return self.outer[i].marks.start
        return hi


# --------------------------------------------------------------------------- speech verbs


def verb_link(doc: Doc, cue: Cue, sentence_links: list[Link]) -> Link | None:
    """Read a reporting verb: its subject (before or after it), its object, and its content."""
    text = doc.text
    si = doc.sentence_at(cue.span.start)
    sent = doc.sentences[si].span
    lo = doc.last_quote_end(max(sent.start, cue.span.start - _WINDOW), cue.span.start)
    left = tokens(text, lo, cue.span.start)
    if left and left[-1].text.lower() in _NOUN_BEFORE | {"to"}:
        return None  # "the report", "his remarks", "decision to tell": not a finite verb
    j = len(left)
    while (
        j > len(left) - 4 and j and (left[j - 1].text.lower() in _AUX or _adverb(left[j - 1].text))
    ):
        j -= 1
    progressive = cue.span.text.endswith("ing")
    if j and left[j - 1].text.lower() in _BE and not progressive:
        return None  # passive: "was told", "is said to": the subject is not the speaker
    hi = doc.next_quote_start(cue.span.end, min(sent.end, cue.span.end + _WINDOW))
    right = tokens(text, cue.span.end, hi)
    reasons: list[str] = []
    coordinated = j and left[j - 1].text == "and"  # "X praised Y and said …"
    if coordinated or (progressive and not (j and left[j - 1].text.lower() in _BE)):
        mention, core_end, inverted = _clause_subject(doc, sent.start, cue, reasons)
    else:
        opens = lo == sent.start or doc.quote_at(lo - 1) is not None
        mention, core_end, inverted = _find_subject(text, left[:j], right, cue, reasons, opens)
    link = Link(
        -1,
        (cue.span.start, cue.span.end),
        CueKind.speech_verb,
        cue.stance,
        (0, 0),
        si,
        mention=mention,
        reasons=reasons,
    )
    if mention is None:
        earlier = _participle_subject(cue, left[:j], sentence_links)
        if earlier is None:
            return None
        link.source = earlier.source
        reasons.append("the participle continues the sentence's earlier attribution")
    form = VERB_FORMS.get(cue.span.text) or VERB_FORMS.get(cue.span.text.lower())
    if not inverted and form is not None and form.lemma in _OBJECT_VERBS:
        obj = classify(text, phrase_after(right))
        if obj is not None:
            core_end = max(core_end, obj.end)
            if obj.kind is SourceKind.media:
                link.via_mention = obj
                reasons.append(
                    f"{cue.span.text} {text[obj.start : obj.end]}: the channel it went through"
                )
    core_end = _after_core(doc, link, core_end, sent.end)
    subject_start = mention.start if mention is not None and not inverted else cue.span.start
    if not _set_content(doc, link, sent.start, subject_start, core_end, sent.end, inverted):
        return None
    if form is not None and form.lemma in _WEAK_VERBS and not _weak_ok(doc, link, core_end):
        return None
    if link.when is None:
        link.when = _fronted_when(text, sent.start, subject_start)
    return link


def _weak_ok(doc: Doc, link: Link, core_end: int) -> bool:
    """Accept a weak verb ("continued") only when its content is a quote or "that …"."""
    return doc.quote_at(link.content[0]) is not None or _introduces(doc.text, core_end)


def file_link(book: SourceBook, link: Link) -> Link:
    """Enter a finished link's source and channel mentions in the book; return the link."""
    if link.mention is not None:
        link.source, why = book.add(link.mention)
        said = book.text[link.mention.start : link.mention.end]
        link.reasons.insert(0, f"source {said!r}: {why}")
    if link.via_mention is not None:
        link.via, why = book.add(link.via_mention)
    return link


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word.islower() and len(word) > 4


def _find_subject(
    text: str, left: list[Token], right: list[Token], cue: Cue, reasons: list[str], opens: bool
) -> tuple[Mention | None, int, bool]:
    """Find the source: "X said", "said X", "X, who …, said"; return it, core end, inverted."""
    before = classify(text, subject_before(left)) or _short_subject(text, left, opens)
    if before is not None:
        reasons.append(f"{text[before.start : cue.span.end]!r}: the source stands before the cue")
        return before, cue.span.end, False
    after_words = phrase_after(right)
    after = classify(text, after_words) or _described(text, after_words)
    if after is not None and (not left or left[-1].text in ",”\"’'—–-(") and _ends(text, after):
        reasons.append(f"{text[cue.span.start : after.end]!r}: inverted cue, source after the verb")
        return after, _appositive_end(text, right, after.end), True
    if left and left[-1].text == ",":
        nested = _skip_clause(left[:-1])
        if nested is not None:
            m = classify(text, subject_before(nested))
            if m is not None:
                reasons.append("the source is separated from its verb by a clause in commas")
                return m, cue.span.end, False
    return None, cue.span.end, False


def _short_subject(text: str, left: list[Token], opens: bool) -> Mention | None:
    """Read "“…,” the gambling tycoon told" or "The billionaire businessman says": all the words
    between a quote (or the sentence start) and the cue, when they are few and name someone."""
    words = left[1:] if left and left[0].text == "," else left
    if words and words[0].text in CLAUSE_OPENERS:
        words = words[1:]
    if not opens or not 1 <= len(words) <= 7:
        return None
    first = words[0].text
    if not (first.lower() in ("the", "a", "an") or first[:1].isupper() or first[:1].isdigit()):
        return None
    if any(
        (not w.text[0].isalnum() and w.text not in "-’'.%") or w.text.lower() in STOPWORDS
        for w in words
    ):
        return None
    phrase = text[words[0].start : words[-1].end]
    return Mention(words[0].start, words[-1].end, SourceKind.anonymous, descriptor=phrase)


def _described(text: str, words: list[Token]) -> Mention | None:
    """Read "said the 46-year-old": a described but unnamed speaker after an inverted cue."""
    if len(words) < 2 or words[0].text.lower() not in ("the", "a", "an"):
        return None
    phrase = text[words[0].start : words[-1].end]
    return Mention(words[0].start, words[-1].end, SourceKind.anonymous, descriptor=phrase)


def _ends(text: str, mention: Mention) -> bool:
    """Tell whether an inverted subject ends its clause ("said Smith." / "said Smith, a …")."""
    rest = text[mention.end : mention.end + 40]
    after = rest.lstrip(" ")
    return (
        not after
        or after[0] in ",.;:!?()—–\n"
        or bool(_WHEN_RE.match(rest) or _STATEMENT_AT_RE.match(rest) or _CHANNEL_RE.match(rest))
    )


def _clause_subject(
    doc: Doc, start: int, cue: Cue, reasons: list[str]
) -> tuple[Mention | None, int, bool]:
    """For "X emailed supporters saying …" the source is the clause's subject, X."""
    lo = doc.last_quote_end(start, cue.span.start)
    if lo != start:
        return None, cue.span.end, False
    words = tokens(doc.text, start, min(cue.span.start, start + _WINDOW))
    if words and words[0].text in ("But", "And", "Yet", "So"):
        words = words[1:]
    mention = classify(doc.text, phrase_after(words))
    if mention is not None:
        reasons.append(f"{cue.span.text!r} continues the clause whose subject is the source")
    return mention, cue.span.end, False


def _skip_clause(left: list[Token]) -> list[Token] | None:
    """Return the words before ", who …," or ", a spokesman for X," ending ``left``, or None."""
    for k in range(len(left) - 1, max(-1, len(left) - 25), -1):
        if left[k].text == ",":
            return left[:k] if k + 1 < len(left) else None
        if left[k].text in '.;:“”"()':
            return None
    return None


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
    return right[-1].end


def _participle_subject(cue: Cue, left: list[Token], links: list[Link]) -> Link | None:
    """For ", adding that …" return the sentence's earlier link, whose source continues."""
    if cue.span.text.endswith("ing") and left and left[-1].text == "," and links:
        return links[-1]
    return None


def _after_core(doc: Doc, link: Link, pos: int, end: int) -> int:
    """Step over time, channel and "in a statement" phrases after the cue; record them."""
    text = doc.text
    for _ in range(4):
        m = _WHEN_RE.match(text, pos, end)
        if m:
            link.when = (m.start("when"), m.end("when"))
            pos = m.end()
            continue
        m = _CHANNEL_RE.match(text, pos, end) or _STATEMENT_AT_RE.match(text, pos, end)
        if m:
            if m.group().strip(" ,").lower().startswith(("in a statement", "in an interview")):
                link.cue_kind = CueKind.statement
            pos = _via_after(doc, link, m.end(), end)
            continue
        break
    return pos


_STATEMENT_AT_RE = regex.compile(
    r"""[ \t]*,?[ \t]*in\ (?:a|an|the|his|her|its|their)\ (?:[a-z\-]+\ ){0,2}?
        (?:statement|interview|press\ release|news\ conference|press\ conference|letter|
           speech|memo|filing|testimony|tweet|email)(?![\w])""",
    regex.VERBOSE,
)


def _via_after(doc: Doc, link: Link, pos: int, end: int) -> int:
    """After "in an interview", read "with CNN" as the channel the statement came through."""
    m = _WITH_RE.match(doc.text, pos, end)
    if not m:
        return pos
    words = phrase_after(tokens(doc.text, m.end(), min(end, m.end() + _WINDOW)))
    channel = classify(doc.text, words)
    if channel is None:
        return pos
    if channel.kind is SourceKind.media:
        link.via_mention = channel
        link.reasons.append(
            f"{doc.text[channel.start : channel.end]!r} is the channel it went through"
        )
    return channel.end


def _fronted_when(text: str, start: int, subject_start: int) -> tuple[int, int] | None:
    """A time phrase opening the sentence ("On Wednesday, X said")."""
    m = _WHEN_RE.match(text, start, subject_start)
    if m and text[m.end() : m.end() + 1] == ",":
        return (m.start("when"), m.end("when"))
    return None


# --------------------------------------------------------------------------- content


def _set_content(
    doc: Doc, link: Link, s_start: int, subj_start: int, core_end: int, s_end: int, inverted: bool
) -> bool:
    """Choose the content: the clause before the cue, after it, or a quote; False if none."""
    text = doc.text
    q = doc.quote_at(s_start)
    left = _trim(text, q.marks.start if q is not None else s_start, subj_start)
    m = _LEAD_IN_RE.match(text, core_end, s_end)
    right_lo = m.end() if m else core_end
    right = _trim(text, right_lo, _extend_over_quote(doc, right_lo, s_end))
    left_words, right_words = _words(text, left), _words(text, right)
    right_ok = right_words >= 2 and not _continuation(text, right, text[core_end:right_lo])
    left_quote = _only_quote(doc, left) if left_words else _quote_just_before(doc, s_start)
    right_quote = doc.quote_at(right[0]) if right_words else _quote_after_colon(doc, core_end)
    if left_quote is not None and right_quote is not None:
        link.content = (left_quote[0], right_quote.span.end)
        link.reasons.append("content: the quote, which resumes after the cue")
    elif left_quote is not None and (inverted or not right_ok or not _introduces(text, core_end)):
        link.content = left_quote
        link.reasons.append("content: the quote before the cue")
    elif (
        right_quote is not None
        and (right_words == 0 or right_quote.marks.start == right[0])
        and (_quote_ends(doc, right_quote))
    ):
        link.content = (right_quote.span.start, right_quote.span.end)
        link.reasons.append("content: the quote after the cue")
    elif left_words >= 2 and (
        inverted or _clause_before(text, subj_start, left_words, right_words)
    ):
        link.content = left
        link.reasons.append("content: the clause before the cue")
    elif right_ok:
        link.content = right
        link.reasons.append("content: the clause after the cue")
    elif left_words >= 3:
        link.content = left
        link.reasons.append("content: the clause before the cue")
    else:
        return False
    return True


def _clause_before(text: str, subj_start: int, left_words: int, right_words: int) -> bool:
    """Tell whether ", X said" closes a reported clause ("A, X said", not "In May, X said B")."""
    comma = text[max(0, subj_start - 3) : subj_start].rstrip()[-1:] in ',”"’'
    return comma and left_words >= 4 and right_words < 4


def _introduces(text: str, core_end: int) -> bool:
    """Tell whether the cue introduces what follows it ("said that …", "said: …")."""
    ahead = text[core_end : core_end + 8].lstrip(" ,")
    return ahead.startswith(("that ", ":", "“", '"'))


def _quote_just_before(doc: Doc, s_start: int) -> tuple[int, int] | None:
    """The quote ending just before this sentence, on the same line ("“…?” Trump said.")."""
    before = doc.text[max(0, s_start - 4) : s_start]
    q = doc.quote_at(s_start - 1 - (len(before) - len(before.rstrip(" \t")))) if s_start else None
    gap = doc.text[q.marks.end : s_start] if q is not None else "\n"
    if q is not None and gap.strip(" \t") == "" and q.span.end > q.span.start:
        return (q.span.start, q.span.end)
    return None


def _quote_after_colon(doc: Doc, pos: int) -> Quote | None:
    """The quote opening the next paragraph after "X said:" with nothing else after it."""
    rest = doc.text[pos : pos + 12]
    stripped = rest.lstrip(" \t")
    if not stripped.startswith(":"):
        return None
    offset = pos + len(rest) - len(stripped) + 1
    ahead = doc.text[offset : offset + 8]
    return doc.quote_at(offset + len(ahead) - len(ahead.lstrip()))


def _quote_ends(doc: Doc, q: Quote) -> bool:
    """Tell whether a quote after a cue is the whole content (nothing but a new clause follows)."""
    after = doc.text[q.marks.end : q.marks.end + 2].lstrip(" ")
    return not after or after[0] in ",.;:!?)\n—–" or q.span.text[-1:] in ",.!?"


def _continuation(text: str, right: tuple[int, int], tail: str) -> bool:
    """Tell whether the words after the cue start a new clause (", and has launched …")."""
    if "," not in tail:
        return False
    first = text[right[0] : right[0] + 12].split(" ", 1)[0].lower()
    return first in _CONJUNCTIONS or first.endswith("ing") or first in ("according", "who", "which")


def _extend_over_quote(doc: Doc, lo: int, end: int) -> int:
    """If a quote opens in ``[lo, end)`` and runs past ``end``, extend to its close."""
    i = bisect.bisect_left(doc.q_starts, lo)
    while i < len(doc.outer) and doc.outer[i].marks.start < end:
        end = max(end, doc.outer[i].marks.end)
        i += 1
    return end


def _only_quote(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """If ``span`` is just one quote (and punctuation), return the quote's inner span."""
    q = doc.quote_at(span[0])
    if q is None or span[0] != q.marks.start:
        return None
    rest = doc.text[q.marks.end : span[1]]
    if rest.strip(" ,.;:—–-\n") == "":
        return (q.span.start, q.span.end)
    return None


_EDGE = " \t\r\n,;:—–-"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and clause punctuation from both ends (and a final full stop)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    return start, end


_WORD_RE = regex.compile(r"\w+")


def _words(text: str, span: tuple[int, int]) -> int:
    """Count words in a span, stopping at four (all the decisions need)."""
    n = 0
    for _ in _WORD_RE.finditer(text, span[0], span[1]):
        n += 1
        if n >= 4:
            break
    return n


# --------------------------------------------------------------------------- other cue shapes


def according_link(doc: Doc, cue: Cue) -> Link | None:
    """Read "according to X": X is the source; the content is the rest of the sentence."""
    text = doc.text
    si = doc.sentence_at(cue.span.start)
    sent = doc.sentences[si].span
    hi = doc.next_quote_start(cue.span.end, min(sent.end, cue.span.end + _WINDOW))
    mention = classify(text, phrase_after(tokens(text, cue.span.end, hi)))
    if mention is None:
        return None
    link = Link(
        -1,
        (cue.span.start, cue.span.end),
        CueKind.according_to,
        cue.stance,
        (0, 0),
        si,
        mention=mention,
        reasons=["'according to' names the source"],
    )
    core_end = _after_core(doc, link, mention.end, sent.end)
    if not _set_content(doc, link, sent.start, cue.span.start, core_end, sent.end, False):
        return None
    return link


_CLAUSE_EDGE = ",;:()—–"


def vague_link(doc: Doc, cue: Cue) -> Link | None:
    """Read "reportedly" or "it is believed": the clause around it, credited to no one."""
    text = doc.text
    si = doc.sentence_at(cue.span.start)
    sent = doc.sentences[si].span
    lo = doc.last_quote_end(sent.start, cue.span.start)
    start = max(lo, max(text.rfind(c, lo, cue.span.start) for c in _CLAUSE_EDGE) + 1)
    stop = doc.next_quote_start(cue.span.end, sent.end)
    ends = [i for i in (text.find(c, cue.span.end, stop) for c in _CLAUSE_EDGE) if i >= 0]
    end = min(ends, default=stop)
    content = _trim(text, start, end)
    if _words(text, content) < 4:
        content = _trim(text, sent.start, sent.end)
    mention = Mention(cue.span.start, cue.span.end, SourceKind.vague, descriptor=cue.lemma)
    reason = f"{cue.span.text!r} credits the clause to no identifiable source"
    return Link(
        -1,
        (cue.span.start, cue.span.end),
        CueKind.vague,
        Stance.tentative,
        content,
        si,
        mention=mention,
        reasons=[reason],
    )


def colon_link(doc: Doc, cue: Cue) -> Link | None:
    """Read "X: “…”": the name before the colon speaks the quote after it."""
    text = doc.text
    after = (
        cue.span.end
        + len(text[cue.span.end : cue.span.end + 8])
        - len(text[cue.span.end : cue.span.end + 8].lstrip())
    )
    quote = doc.quote_at(after)
    if quote is None:
        return None
    si = doc.sentence_at(cue.span.start)
    sent = doc.sentences[si].span
    lo = doc.last_quote_end(max(sent.start, cue.span.start - _WINDOW), cue.span.start)
    left = tokens(text, lo, cue.span.start)
    if not left or left[-1].text.lower() in VERB_FORMS:
        return None  # "X said:" is read by the verb itself
    words = subject_before(left)
    if not words or len(left) - len(words) > 2:
        return None  # the name must open the sentence: "Trump: “…”", not "The point is: …"
    mention = classify(text, words)
    if mention is None or mention.kind is SourceKind.document:
        return None
    return Link(
        -1,
        (cue.span.start, cue.span.end),
        CueKind.colon,
        cue.stance,
        (quote.span.start, quote.span.end),
        si,
        mention=mention,
        reasons=["a colon introduces the quote"],
    )
