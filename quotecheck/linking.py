"""Read one cue in its sentence: who is the source, what is the content, when, and through whom.

Used by :mod:`quotecheck.attribution`. Each ``*_link`` function looks only at a bounded window
around its cue (the cue's sentence, a few hundred characters at most), so the whole stage stays
linear in the length of the text. Quote marks are hard boundaries for a source's name: a name
never runs into a quote.
"""

from __future__ import annotations

import regex

from .content import Doc, Link, introduces, set_content
from .coref import SourceBook
from .cues import VERB_FORMS
from .models import Cue, CueKind, SourceKind
from .sources import (
    STOPWORDS,
    Mention,
    Token,
    classify,
    grammar_words,
    opening_subject,
    phrase_after,
    subject_before,
    tokens,
)

__all__ = ["WINDOW", "after_core", "file_link", "verb_link"]

WINDOW = 240  # characters to look at on either side of a cue for its source
_NEAR = 120  # how far a time, channel or statement phrase may reach
_LEFT = 160  # a source before its verb: at most this many characters back
_RIGHT = 100  # a source or listener after the verb: at most this many characters on

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
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_AUX = grammar_words("auxiliary")
_NOUN_BEFORE = grammar_words("noun_marker")
_OBJECT_VERBS = grammar_words("object_verb")
_WEAK_VERBS = grammar_words("weak_verb")
_SUBJECT_END = grammar_words("subject_end")
_LABEL_VERBS = grammar_words("label_verb")
# Words that never stand inside a speaker's description ("The plan relies on what the city").
_NOT_IN_NAMES = frozenset(["what", "which", "whom", "whose", "on", "in", "at", "to", "by"])
_LABEL_REACH = 100  # "called Ford’s plans to open a plant in Mexico “an absolute disgrace”"
_NOT_FINITE = _NOUN_BEFORE | {"to"}  # "the report", "his remarks", "decision to tell"
CLAUSE_OPENERS = frozenset(["But", "And", "Yet", "So", "Still", "Now", "Then"])


# --------------------------------------------------------------------------- speech verbs


def verb_link(doc: Doc, cue: Cue, sentence_links: list[Link]) -> Link | None:
    """Read a reporting verb: its subject (before or after it), its object, and its content."""
    text = doc.text
    si = doc.sentence_at(cue.span.start)
    sent = doc.sentences[si].span
    lo = doc.last_quote_end(max(sent.start, cue.span.start - _LEFT), cue.span.start)
    left = tokens(text, lo, cue.span.start)
    if left and (left[-1].text.lower() in _NOT_FINITE or _possessive(left[-1].text)):
        return None  # "the report", "his remarks", "decision to tell": not a finite verb
    j = len(left)
    while (
        j > len(left) - 4 and j and (left[j - 1].text.lower() in _AUX or _adverb(left[j - 1].text))
    ):
        j -= 1
    progressive = cue.span.text.endswith("ing")
    if j and left[j - 1].text.lower() in _BE and not progressive:
        return None  # passive: "was told", "is said to": the subject is not the speaker
    hi = doc.next_quote_start(cue.span.end, min(sent.end, cue.span.end + _RIGHT))
    right = _Lazy(text, cue.span.end, hi)
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
        comma = (left and left[-1].text == ",") or text[max(0, lo - 2) : lo].startswith(",")
        earlier = _participle_subject(cue, bool(comma) and j == len(left), sentence_links)
        if earlier is None:
            return None
        link.source = earlier.source
        reasons.append("the participle continues the sentence's earlier attribution")
    form = VERB_FORMS.get(cue.span.text) or VERB_FORMS.get(cue.span.text.lower())
    if not inverted and form is not None and form.lemma in _OBJECT_VERBS:
        obj = classify(text, phrase_after(right.get()))
        if obj is not None:
            core_end = max(core_end, obj.end)
            if obj.kind is SourceKind.media:
                link.via_mention = obj
                reasons.append(
                    f"{cue.span.text} {text[obj.start : obj.end]}: the channel it went through"
                )
    core_end = after_core(doc, link, core_end, sent.end)
    subject_start = mention.start if mention is not None and not inverted else cue.span.start
    if not set_content(doc, link, sent.start, subject_start, core_end, sent.end, inverted):
        return None
    labelled = form is not None and form.lemma in _LABEL_VERBS and not inverted
    labelled = labelled and _label_content(doc, link, core_end)
    weak = form is not None and form.lemma in _WEAK_VERBS and not labelled
    if weak and not _weak_ok(doc, link, core_end):
        return None
    if _place_phrase(doc, link) and not _skip_to_quote(doc, link):
        return None  # "whispering in his ear", "assisting in Iraq": no words reported
    if link.when is None:
        link.when = _fronted_when(text, sent.start, subject_start)
    return link


def _label_content(doc: Doc, link: Link, core_end: int) -> bool:
    """For "called Ford’s plans “an absolute disgrace”" or "thanked him for “stepping up”", the
    content is the verb's object up to the quote put on it; False when no quote follows."""
    start, end = link.content
    if start < core_end or doc.quote_at(start) is not None:
        return False  # the content is before the cue, or is already the quote
    q = doc.next_quote_start(start, min(end, start + _LABEL_REACH))
    quote = doc.quote_at(q)
    if quote is None or any(c in doc.text[start:q] for c in ".;:!?"):
        return False
    link.content = (start, quote.span.end)
    link.reasons.append("the quote is what the verb's object was called or credited with")
    return True


def _place_phrase(doc: Doc, link: Link) -> bool:
    """Tell whether a content after its cue is a prepositional phrase rather than a statement."""
    start = link.content[0]
    if link.cue is None or start < link.cue[1] or doc.quote_at(start) is not None:
        return False
    first = doc.text[start : start + 12].split(None, 1)
    return bool(first) and first[0] in _PLACE_PREPOSITIONS


def _skip_to_quote(doc: Doc, link: Link) -> bool:
    """For "asks at Western High School, “…”" or "said on Fox News Sunday that …", start the
    content at the quote or after "that"; False when there is neither."""
    start, end = link.content
    q = doc.next_quote_start(start, end)
    if q >= end:
        that = _THAT_RE.search(doc.text, start, min(end, start + 80))
        if that is None:
            return False
        link.content = (that.end(), end)  # "said on Fox News Sunday that …"
        return True
    quote = doc.quote_at(q)
    if quote is None:
        link.content = (q, end)
    elif quote.marks.end >= end - 2:  # the quote is all that is left
        link.content = (quote.span.start, quote.span.end)
    else:
        link.content = (quote.span.start, end)
    link.reasons.append("the words before the quote only say where or when")
    return True


_THAT_RE = regex.compile(r"\bthat\s+")
_PLACE_PREPOSITIONS = frozenset(["in", "at", "on", "with", "into", "from", "during", "by", "for"])


def _possessive(word: str) -> bool:
    """Tell "Maher’s rant" (a possessive before a noun) from "he’s said" (he has said)."""
    if not word.endswith(("’s", "'s")):
        return False
    return word[:-2].lower() not in ("he", "she", "it", "that", "who", "there", "what", "one")


def _weak_ok(doc: Doc, link: Link, core_end: int) -> bool:
    """Accept a weak verb ("continued") only when its content is a quote or "that …"."""
    return doc.quote_at(link.content[0]) is not None or introduces(doc.text, core_end)


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


class _Lazy:
    """The words after a cue, tokenised only if a reading needs them (most cues do not)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.args = (text, start, end)
        self.words: list[Token] | None = None

    def get(self) -> list[Token]:
        """Tokenise once, on first use."""
        if self.words is None:
            self.words = tokens(*self.args)
        return self.words


def _find_subject(
    text: str, left: list[Token], lazy: _Lazy, cue: Cue, reasons: list[str], opens: bool
) -> tuple[Mention | None, int, bool]:
    """Find the source: "X said", "said X", "X, who …, said"; return it, core end, inverted."""
    before = classify(text, subject_before(left)) or _short_subject(text, left, opens)
    if before is not None:
        reasons.append(f"{text[before.start : cue.span.end]!r}: the source stands before the cue")
        return before, cue.span.end, False
    right = lazy.get()
    after_words = phrase_after(right)
    after = classify(text, after_words) or _described(text, after_words)
    after_quote = len(left) <= 1  # "“…,” said X": only a quote (and a comma) before the cue
    if after is not None and after_quote:
        after = _with_tail(text, after)
    if (
        after is not None
        and (not left or left[-1].text in ",”\"’'—–-(")
        and _ends(text, after, after_quote)
    ):
        reasons.append(f"{text[cue.span.start : after.end]!r}: inverted cue, source after the verb")
        return after, _appositive_end(text, right, after.end), True
    if left and left[-1].text == ",":
        m = _opening_name(text, left) if opens else None
        if m is not None:
            reasons.append("the source opens the clause; what follows it in commas describes it")
            return m, cue.span.end, False
        nested = _skip_clause(left[:-1])
        if nested is not None:
            m = classify(text, subject_before(nested))
            if m is not None:
                reasons.append("the source is separated from its verb by a clause in commas")
                return m, cue.span.end, False
    return None, cue.span.end, False


_APPOSITIVE_WORDS = 30  # "“…,” Scott Pruitt, the attorney general of Oklahoma, …, said"


def _opening_name(text: str, left: list[Token]) -> Mention | None:
    """Read "“…,” Senate Majority Leader Mitch McConnell, R-Ky., said": after a quote, the words
    up to the first comma name the source when all of them make one name or description."""
    words = left[1:] if left and left[0].text == "," else left
    comma = next((i for i, w in enumerate(words) if w.text == ","), None)
    if not comma or len(words) > _APPOSITIVE_WORDS:
        return None
    first = words[:comma]
    if subject_before(first) != first:
        return None
    return classify(text, first)


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
        (not w.text[0].isalnum() and w.text not in "-’'.%")
        or w.text.lower() in STOPWORDS
        or w.text.lower() in _NOT_IN_NAMES
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


_TAIL_RE = regex.compile(r"(?:[ \t]+\p{Ll}[\p{L}\-]*){1,2}(?=[,.;:!?)]|\s*$)")


def _with_tail(text: str, mention: Mention) -> Mention:
    """Extend "said Robert Antonacci of the New York" over "delegation." to the clause's end."""
    m = _TAIL_RE.match(text, mention.end, mention.end + 40)
    return mention._replace(end=m.end()) if m else mention


def _ends(text: str, mention: Mention, after_quote: bool) -> bool:
    """Tell whether an inverted subject ends its clause ("said Smith." / "said Smith, a …").

    After a quote, a relative or participial clause may follow the name too ("said Al From, who
    …"); elsewhere that would too often be a listener ("X, a lawyer, told CNN before …").
    """
    rest = text[mention.end : mention.end + 40]
    after = rest.lstrip(" \xa0")
    return (
        not after
        or after[0] in ",.;:!?()—–\n"
        or (after_quote and _subject_end(after))
        or bool(_WHEN_RE.match(rest) or _STATEMENT_AT_RE.match(rest) or _CHANNEL_RE.match(rest))
    )


def _subject_end(after: str) -> bool:
    """Tell whether the words after an inverted source leave its name: "said Al From, who …",
    "said a source involved in …", "asked the boy, wearing …", "said Kunin during …"."""
    word = after.split(None, 1)[0].rstrip(",.;:")
    return word in _SUBJECT_END or (word.islower() and word.endswith(("ing", "ed")))


def _clause_subject(
    doc: Doc, start: int, cue: Cue, reasons: list[str]
) -> tuple[Mention | None, int, bool]:
    """For "X emailed supporters saying …" the source is the clause's subject, X."""
    lo = doc.last_quote_end(start, cue.span.start)
    if lo != start:
        return None, cue.span.end, False
    words = tokens(doc.text, start, min(cue.span.start, start + WINDOW))
    mention = opening_subject(doc.text, words)
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


def _participle_subject(cue: Cue, after_comma: bool, links: list[Link]) -> Link | None:
    """For ", adding that …" (the comma may close a quote: "“Morning Joe,” adding …") return
    the sentence's earlier link, whose source continues."""
    if cue.span.text.endswith("ing") and after_comma and links:
        return links[-1]
    return None


def after_core(doc: Doc, link: Link, pos: int, end: int) -> int:
    """Step over time, channel and "in a statement" phrases after the cue; record them."""
    text = doc.text
    for _ in range(4):
        near = min(end, pos + _NEAR)  # the regex module scans for literals up to endpos
        m = _WHEN_RE.match(text, pos, near)
        if m:
            link.when = (m.start("when"), m.end("when"))
            pos = m.end()
            continue
        m = _ANONYMITY_RE.match(text, pos, near)
        if m:
            pos = m.end()  # "said on condition of anonymity": how, not what
            continue
        m = _CHANNEL_RE.match(text, pos, near) or _STATEMENT_AT_RE.match(text, pos, near)
        if m:
            if m.group().strip(" ,").lower().startswith(("in a statement", "in an interview")):
                link.cue_kind = CueKind.statement
            pos = _via_after(doc, link, m.end(), end)
            continue
        break
    return pos


_ANONYMITY_RE = regex.compile(
    r"""[ \t]*,?[ \t]*on\ (?:the\ )?condition\ (?:of\ anonymity
        |that\ (?:he|she|they|it)\ (?:not\ be|remain|was\ not|were\ not)\ (?:named|identified))
        (?![\w])""",
    regex.VERBOSE,
)
_STATEMENT_AT_RE = regex.compile(
    r"""[ \t]*,?[ \t]*in\ (?:a|an|the|his|her|its|their)\ (?:[a-z\-]+\ ){0,2}?
        (?:statement|interview|press\ release|news\ conference|press\ conference|letter|
           speech|memo|filing|testimony|tweet|email)(?![\w])""",
    regex.VERBOSE,
)


def _via_after(doc: Doc, link: Link, pos: int, end: int) -> int:
    """After "in an interview", read "with CNN" as the channel the statement came through."""
    m = _WITH_RE.match(doc.text, pos, min(end, pos + _NEAR))
    if not m:
        return pos
    words = phrase_after(tokens(doc.text, m.end(), min(end, m.end() + WINDOW)))
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
    m = _WHEN_RE.match(text, start, min(subject_start, start + _NEAR))
    if m and text[m.end() : m.end() + 1] == ",":
        return (m.start("when"), m.end("when"))
    return None
