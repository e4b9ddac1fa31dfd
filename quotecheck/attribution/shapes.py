"""The cue shapes other than a reporting verb: "according to X", "X: …", "“…” ― X", vague sourcing.

Like :mod:`linking`, each reader looks only at a bounded window around its cue.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.attribution.content import (
    Doc,
    Link,
    choose_content,
    report_end,
    trim,
    word_count,
)
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.phrases import after_core
from quotecheck.attribution.sources import (
    DOCUMENTS,
    STOPWORDS,
    Mention,
    Token,
    grammar_words,
    phrase_after,
    subject_before,
    tokens,
)
from quotecheck.attribution.subjects import opening_subject
from quotecheck.kinds import CUE_COLON, CUE_STATEMENT, ROLE_HEADLINE
from quotecheck.lexicons import load
from quotecheck.matching import at_position
from quotecheck.models import CueKind, SourceKind, Stance
from quotecheck.text.cues import VERB_FORMS, CueRecord
from quotecheck.text.quotes import ScannedQuote

__all__ = [
    "according_link",
    "chant_link",
    "colon_link",
    "comma_link",
    "dash_link",
    "headline_source_link",
    "hearing_links",
    "noun_verb_tag_link",
    "share_links",
    "statement_link",
    "vague_link",
    "words_link",
]

_LABELS: Final = grammar_words("label")  # "EXCLUSIVE:" opens a line but names no speaker


def according_link(doc: Doc, cue: CueRecord) -> Link | None:
    """Read "according to X": X is the source; the content is the rest of the sentence."""
    text = doc.text
    si = doc.sentence_at(cue.start)
    sent = doc.sentences[si].span
    hi = doc.next_quote_start(cue.end, min(sent.end, cue.end + doc.window))
    # tokens(text, cue.end, hi), reusing the words the last cue's window shares with this one
    # (a run-on sentence of "according to" cues read each window whole: -13.6 % instructions)
    words = doc.after_cues.read(cue.end, hi)
    mention = classify(text, phrase_after(words)) or _named_thing(text, words)
    if mention is None:
        return None
    reasons = ["'according to' names the source"]
    described_end = _relative_clause_end(text, mention.end, sent.end)
    if described_end > mention.end:
        reasons.append("the relative clause after the source describes it")
    after = after_core(doc, described_end, sent.end)
    reasons.extend(after.reasons)
    # ", according to X, …": the clause before is the report, whatever follows the source
    # ("…, according to a new poll that shows …", "…, according to data released Friday")
    closes = text[max(sent.start, cue.start - 3) : cue.start].rstrip()[-1:] in ',”"’'
    chosen = choose_content(doc, after.channel, sent.start, cue.start, after.end, sent.end, closes)
    if chosen is None:
        return None
    reasons.append(chosen[1])
    kind = CUE_STATEMENT if after.statement else CueKind.according_to
    cue_at = (cue.start, cue.end)
    return Link(
        -1,
        cue_at,
        kind,
        cue.stance,
        chosen[0],
        si,
        None,
        after.when,
        reasons,
        mention,
        after.channel,
    )


_RELATIVE_RE: Final = at_position(r"[ \t]+(?:who|whom)\b")
_PARTICIPLE_AFTER_RE: Final = regex.compile(r"[ \t]+([a-z]+)\b")
_REDUCED_PARTICIPLES: Final = grammar_words("reduced_participle")


def _relative_clause_end(text: str, end: int, sent_end: int) -> int:
    """Where "according to a person who attended the dinner" ends: a clause on who the source
    is, up to the next comma or the sentence's end, describes the source and is never what it
    reported; ``end`` itself when no such clause follows."""
    if _RELATIVE_RE.match(text, end, sent_end) is None:
        participle = _PARTICIPLE_AFTER_RE.match(text, end, sent_end)
        if participle is None or participle.group(1) not in _REDUCED_PARTICIPLES:
            return end  # "according to a poll conducted for the network": the poll's description
    stops = [i for i in (text.find(c, end, sent_end) for c in ",;") if i >= 0]
    return min(stops, default=sent_end)


_CLAUSE_EDGE: Final = ",;:()—–"


def vague_link(doc: Doc, cue: CueRecord, floor: int = 0) -> Link | None:
    """Read "reportedly" or "it is believed": the clause around it, credited to no one.

    The content starts at ``floor`` or later (the end of the previous vague content) and lies
    within doc.max_clause of the cue, so the contents of many vague cues in one long sentence never
    overlap and never copy the sentence once per cue.
    """
    text = doc.text
    si = doc.sentence_at(cue.start)
    sent = doc.sentences[si].span
    lo = doc.last_quote_end(sent.start, cue.start)
    lo = max(lo, cue.start - doc.max_clause, floor)
    start = max(lo, max(text.rfind(c, lo, cue.start) for c in _CLAUSE_EDGE) + 1)
    stop = doc.next_quote_start(cue.end, min(sent.end, cue.end + doc.max_clause))
    ends = [i for i in (text.find(c, cue.end, stop) for c in _CLAUSE_EDGE) if i >= 0]
    end = min(ends, default=stop)
    content = trim(text, start, end)
    if word_count(text, content) < 4:  # too short a clause: the sentence around the cue
        first = max(sent.start, cue.start - doc.max_clause, floor)
        content = trim(text, first, min(sent.end, cue.end + doc.max_clause))
    mention = Mention(cue.start, cue.end, SourceKind.vague, descriptor=cue.lemma)
    reason = f"{cue.text!r} credits the clause to no identifiable source"
    return Link(
        -1,
        (cue.start, cue.end),
        CueKind.vague,
        Stance.tentative,
        content,
        si,
        mention=mention,
        reasons=[reason],
    )


def _named_thing(text: str, words: list[Token]) -> Mention | None:
    """Read "according to a count by The Associated Press": the phrase up to the next comma."""
    phrase: list[Token] = []
    for w in words[:12]:
        if not w.text[0].isalnum() and w.text not in "-’'.":
            break
        phrase.append(w)
    while phrase and not phrase[-1].text[0].isalnum():
        phrase.pop()
    if not phrase or phrase[0].text.lower() in STOPWORDS:
        return None
    name = text[phrase[0].start : phrase[-1].end]
    return Mention(phrase[0].start, phrase[-1].end, SourceKind.document, name=name)


def _line_start(text: str, pos: int) -> bool:
    """Tell whether ``pos`` opens a line (a headline or a transcript turn)."""
    return text[max(0, pos - 1) : pos] in ("", "\n")


def colon_link(doc: Doc, cue: CueRecord) -> Link | None:
    """Read "X: “…”": the name before the colon speaks the quote after it."""
    text = doc.text
    after = cue.end + len(text[cue.end : cue.end + 8]) - len(text[cue.end : cue.end + 8].lstrip())
    quote = doc.quote_at(after)
    si = doc.sentence_at(cue.start)
    sent = doc.sentences[si].span
    if quote is not None:
        content = (quote.span.start, _joined_end(doc, quote))
    elif _line_start(text, sent.start) and text[sent.start : cue.start].lower() not in _LABELS:
        para_end = text.find("\n", cue.end, cue.end + doc.max_clause)
        content = trim(text, cue.end, len(text) if para_end < 0 else para_end)
        if word_count(text, content) < 2 or not _has_letters(text, content):
            return None  # "Clinton: 1,769": a tally, not speech
    else:
        return None
    lo = doc.last_quote_end(max(sent.start, cue.start - doc.window), cue.start)
    left = _after_dash(tokens(text, lo, cue.start))
    reasons = ["a colon after the speaker's name introduces what they said"]
    last = left[-1].text.lower() if left else ""
    # "X said:" is a verb's (linking reads it); "From the report:" ends with a noun
    words = subject_before(left) if last and (last not in VERB_FORMS or last in DOCUMENTS) else []
    if len(words) > 1 and words[0].text.lower() in VERB_FORMS:
        words = words[1:]  # "Stated Stone:", "Added the senator:": an inverted verb first
    # The name must open the sentence: "Trump: “…”", not "The point is: …"; only a person's
    # name may end a longer clause ("… doesn't surprise pollster Daron Shaw: “…”").
    mention = classify(text, words) if words else None
    if mention is not None and len(left) - len(words) > 2:
        complete = quote is not None and _whole(doc, quote, sent.end)
        mention = mention if complete and _named_person(text, mention) else None
    if mention is None and quote is not None:
        mention = _presented(text, left)  # "Here's Clinton in December 1992: “…”"
    # A document speaks a quote ("From the report: “…”"), not a clause ("The report: …").
    if mention is None or (mention.kind is SourceKind.document and quote is None):
        mention = _clause_subject(doc, left) if quote is not None else None
        if mention is None and quote is not None and lo > sent.start:
            # "X summed up his approach to “quick films” as follows: “…”": a term quoted in the
            # clause does not end it; its subject still opens the sentence
            whole = tokens(text, max(sent.start, cue.start - doc.window), cue.start)
            mention = _clause_subject(doc, whole)
        if mention is None:
            return None
        reasons = [
            f"the sentence's subject {text[mention.start : mention.end]!r} introduces the quote "
            "after the colon"
        ]
    return Link(
        -1,
        (cue.start, cue.end),
        CueKind.colon,
        cue.stance,
        content,
        si,
        mention=mention,
        reasons=reasons,
    )


def _joined_end(doc: Doc, quote: ScannedQuote) -> int:
    """Where the quotes after a colon end: quotes joined by ellipses ("…: “Is it time?” . . .
    “Have you …?”") are pieces of one statement, read as one up to the last."""
    while True:
        joint = _ELLIPSIS_JOINT_RE.match(doc.text, quote.marks.end)
        if joint is None:
            return quote.span.end
        following = doc.quote_at(joint.end())
        if following is None or following.marks.start != joint.end():
            return quote.span.end
        quote = following  # each step moves past a quote: linear


# Between two quotes: an ellipsis, spaced (". . .") or not ("...", "…"), then the next mark.
_ELLIPSIS_JOINT_RE: Final = regex.compile(
    r"[ \t\u00a0]*+(?:…|\.[ \u00a0]?\.[ \u00a0]?\.)[ \t\u00a0]*+(?=[“\"‘'])"
)


def _named_person(text: str, mention: Mention) -> bool:
    """Tell whether a mention is a person's name, with at most a title or role before it
    ("pollster Daron Shaw"; not a role alone, a pronoun, a group or "a message to Trump")."""
    if mention.kind is not SourceKind.person or mention.name is None or mention.pronoun:
        return False
    return _LINKING_WORDS.isdisjoint(text[mention.start : mention.end].lower().split())


_LINKING_WORDS: Final = frozenset(["to", "of", "for", "from", "with", "by", "about", "and"])


def _whole(doc: Doc, quote: ScannedQuote, sentence_end: int) -> bool:
    """Tell whether a quote after a colon is a whole statement: capitalised, and nothing but
    punctuation after it in its sentence ("…: “Welcome” was the theme" is not one)."""
    rest = doc.text[quote.marks.end : sentence_end]
    return quote.span.text[:1].isupper() and not any(c.isalnum() for c in rest)


_HERE: Final = frozenset(["here’s", "here's", "here"])


def _presented(text: str, left: list[Token]) -> Mention | None:
    """The person a "Here's X …:" sentence presents before a quote ("Here's Clinton in 1992:")."""
    if not left or left[0].text.lower() not in _HERE:
        return None
    rest = (
        left[2:]
        if left[0].text.lower() == "here" and len(left) > 1 and left[1].text == "is"
        else left[1:]
    )
    phrase = phrase_after(rest)
    mention = classify(text, phrase) if phrase else None
    return mention if mention is not None and _named_person(text, mention) else None


def _has_letters(text: str, span: tuple[int, int]) -> bool:
    """Tell whether a stretch of text holds any letter (a tally or a score holds none)."""
    return any(c.isalpha() for c in text[span[0] : span[1]])


def _after_dash(left: list[Token]) -> list[Token]:
    """The words after the last dash ("… predicted the caucus - HuffPollster:"), or all."""
    for k in range(len(left) - 1, -1, -1):
        if left[k].text in ("-", "–", "—", "―"):
            return left[k + 1 :]
    return left


# Openers that may stand before the subject of a colon sentence: "As Professor Foner put it: …".
_LEAD_INS: Final = frozenset({"as", "then", "but", "and", "so", "still", "later", "instead"})


def _clause_subject(doc: Doc, left: list[Token]) -> Mention | None:
    """The subject opening a clause that ends in a colon before a quote: "She added: “…”"."""
    toks = left[1:] if left and left[0].text.lower() in _LEAD_INS else left
    if len(toks) > doc.colon_clause_words:
        return None  # too long to be one speaker's clause
    return opening_subject(doc.text, toks, doc.opener_words, documents=True)


# A dash after a quote, on its line or opening the next one, then the name that signs it.
_DASH_RE: Final = regex.compile(
    r"[ \t\u00a0]*(?:\r?\n){0,2}[ \t\u00a0]*[―—–-][ \t\u00a0]*(?=\p{Lu})"
)
_DASHES: Final = "―—–-"
_DASH_GAP: Final = " \t\u00a0\r\n"  # what _DASH_RE lets stand before the dash


def _dash_ahead(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, past the spaces and line breaks _DASH_RE skips, goes on
    with a dash: what every match needs, tested without a call into ``regex`` per quote."""
    end = min(end, len(text))
    while start < end and text[start] in _DASH_GAP:
        start += 1
    return start < end and text[start] in _DASHES


def dash_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "“…” ― Sonya Herridge": a dash and a name after a quote sign it with its speaker."""
    text = doc.text
    after = quote.marks.end
    if not _dash_ahead(text, after, after + 12):
        return None
    m = _DASH_RE.match(text, after, after + 12)
    if m is None:
        return None
    # "― Sonya Herridge", "- President Obama, tweeting after …": a bounded look keeps this linear
    hi = min(len(text), m.end() + doc.signature_chars)
    line_end = text.find("\n", m.end(), hi)
    words = tokens(text, m.end(), hi if line_end < 0 else line_end)
    most = doc.signature_words
    phrase = phrase_after(words[: most + 1])
    rest = words[len(phrase) : len(phrase) + 1]
    if not phrase or len(phrase) > most or (rest and rest[0].text not in ".,;("):
        return None  # the dash opens a clause ("— and then he left"), not a signature
    mention = classify(text, phrase)
    if mention is None or mention.kind is SourceKind.vague:
        return None
    dash = m.start() + next(i for i, ch in enumerate(m.group()) if ch in _DASHES)
    why = f"the dash after the quote signs it: {text[mention.start : mention.end]!r}"
    si = doc.sentence_at(quote.marks.start)
    return _quote_link((dash, dash + 1), CueKind.dash, quote, si, mention, why)


def _quote_link(
    cue: tuple[int, int], kind: CueKind, quote: ScannedQuote, si: int, mention: Mention, why: str
) -> Link:
    """A link crediting the whole of ``quote`` (in sentence ``si``) to ``mention``."""
    content = (quote.span.start, quote.span.end)
    return Link(-1, cue, kind, Stance.neutral, content, si, reasons=[why], mention=mention)


_NOUN_MARKERS: Final = grammar_words("noun_marker")
_ISSUE_VERBS: Final = frozenset(
    ["issued", "released", "posted", "sent", "put", "tweeted", "published"]
)


def comma_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "Mrs. Clinton cracked, “I'm a progressive …”": a full quote after a verb and a comma
    is what the clause's subject said, whatever the verb ("boomed", "jeered", "put it")."""
    text = doc.text
    before = text[max(0, quote.marks.start - 3) : quote.marks.start].rstrip(" \t\u00a0")
    if not before.endswith(",") or not quote.span.text[:1].isupper():
        return None
    si = doc.sentence_at(quote.marks.start)
    sent = doc.sentences[si].span
    comma = text.rfind(",", max(sent.start, quote.marks.start - 4), quote.marks.start)
    floor = max(sent.start, comma - doc.intro_chars)  # a bounded look back keeps this linear
    lo = doc.last_quote_end(floor, comma)
    words = tokens(text, lo, comma)
    if not words or len(words) > doc.intro_words or not _verb_like(words):
        return None
    # "The email went on to say, “…”", "The memo began, “…”": a document may speak a quote
    speech = words[-1].text in VERB_FORMS or words[-1].text in _DOCUMENT_VERBS
    opens = lo == sent.start
    mention = opening_subject(text, words, doc.opener_words, documents=speech) if opens else None
    if mention is None:
        return None
    verb = words[-2] if words[-1].text == "it" else words[-1]  # "put it"
    if words[-1].text in DOCUMENTS:
        verb = words[-3]  # "issued a statement"
    why = (
        f"{text[verb.start : words[-1].end]!r} and a comma introduce the quote; the clause's "
        f"subject {text[mention.start : mention.end]!r} speaks it"
    )
    return _quote_link((verb.start, words[-1].end), CueKind.speech_verb, quote, si, mention, why)


# Reporting verbs that are far more often nouns ("state", "charges", "reports"): never cues on
# their own (text/cues.py), but right after a quote's closing comma and a subject they are the
# tag's verb ("“…,” the Saudis state in the white paper"; "“…,” a voice-over in the ad states").
_NOUN_FORM_VERBS: Final = frozenset(f for f in grammar_words("noun_form") if f in VERB_FORMS)
_TAG_MARKS: Final = frozenset(",?!")  # what ends a quote that a tag after it credits
_TAG_WORDS: Final = 8  # the subject and the verb of a tag: a few words at most


def noun_verb_tag_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "“…,” the Saudis state in the white paper": a subject and a reporting verb that is
    usually a noun, right after a quote that ends in a comma, credit the quote to the subject."""
    text = doc.text
    inner = text[quote.span.start : quote.marks.end].rstrip(" \t\u00a0\"'”’»")
    if not inner or inner[-1] not in _TAG_MARKS:
        return None
    si = doc.sentence_at(quote.marks.start)
    hi = min(doc.sentences[si].span.end, doc.next_quote_start(quote.marks.end, len(text)))
    words = tokens(text, quote.marks.end, hi)[: _TAG_WORDS + 1]
    found = _tag_subject(words)
    if found is None:
        return None
    phrase, verb = found
    mention = classify(text, phrase)
    if mention is None:
        return None
    why = (
        f"{verb.text!r} after the quote is the tag's verb: {text[mention.start : mention.end]!r} "
        "speaks it"
    )
    return _quote_link((verb.start, verb.end), CueKind.speech_verb, quote, si, mention, why)


def _tag_subject(words: list[Token]) -> tuple[list[Token], Token] | None:
    """The subject and the verb of a tag after a quote ("the Saudis | state", "a voice-over in
    the ad | states"): a noun phrase, at most one prepositional phrase, then a noun-form verb
    with nothing after it but where or when it was said."""
    for k in range(1, len(words)):
        word = words[k].text
        if not word[:1].isalnum():
            return None  # the tag ends at a comma or a stop
        if word not in _NOUN_FORM_VERBS:
            continue
        phrase = phrase_after(words[:k])
        rest = words[len(phrase) : k]
        if not phrase or (rest and (rest[0].text not in _TAG_PREPOSITIONS or len(rest) > 4)):
            continue  # "the state | budget office": the noun form is part of the subject
        after = words[k + 1 : k + 2]
        if after and after[0].text[:1].isalnum() and after[0].text not in _TAG_FOLLOWERS:
            return None  # a noun with more words after it, not a tag's verb
        return phrase, words[k]
    return None


_TAG_PREPOSITIONS: Final = frozenset(["in", "of", "at", "for", "from", "on", "with"])


# Words that may follow a tag's verb: where, when and how the words were said.
_TAG_FOLLOWERS: Final = frozenset(
    ["in", "on", "at", "during", "after", "before", "of", "to", "last", "this", "when"]
)


# "…, as X put it, “…”", "In X's words, “…”", "in the words of X: “…”": a phrase that names
# who said the quote after it, wherever in the sentence it stands. Each pattern ends at the
# quote mark, and the text searched is bounded, so the search stays linear.
_PUT_IT_RE: Final = regex.compile(
    r"[ \t]+(?:once[ \t]+|later[ \t]+|memorably[ \t]+|has[ \t]+|had[ \t]+)?puts?[ \t]+it"
    r"(?:[ \t]+[^,.;:!?“”\"\n]{1,40}?)?[ \t]*[,:][ \t\u00a0]*$"
)
_WORDS_RE: Final = regex.compile(r"(?:’s|'s|’|')[ \t]+(?:own[ \t]+)?words[ \t]*[,:]?[ \t\u00a0]*$")
_WORDS_OF_RE: Final = regex.compile(r"\b[Ii]n[ \t]+the[ \t]+words[ \t]+of[ \t]+")
_SOURCE_PHRASE_CHARS: Final = 160


def words_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "as X put it, “…”", "in X's words, “…”" and "in the words of X, “…”": X said the
    quote that follows, even in the middle of the writer's sentence."""
    text = doc.text
    mark = quote.marks.start
    si = doc.sentence_at(mark)
    lo = max(doc.starts[si], mark - _SOURCE_PHRASE_CHARS - 40)
    if text.find(" it", lo, mark) < 0 and text.find(" words", lo, mark) < 0:
        return None  # most quotes have neither word before them: a find is cheaper than a search
    found = _words_phrase(text, lo, mark)
    if found is None:
        return None
    (src_start, src_end), cue = found
    mention = classify(text, phrase_after(tokens(text, src_start, src_end)))
    if mention is None:
        return None
    why = (
        f"{text[cue[0] : cue[1]]!r} names who said the quote after it: "
        f"{text[mention.start : mention.end]!r}"
    )
    return _quote_link(cue, CueKind.speech_verb, quote, si, mention, why)


def _words_phrase(text: str, lo: int, mark: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The source's words and the cue of an "as X put it" or "in X's words" phrase ending just
    before the quote mark at ``mark`` (looked for from ``lo``), or None."""
    put = _PUT_IT_RE.search(text, lo, mark)
    if put is not None:
        opener = _last_word(text, lo, put.start(), "as")  # "as X put it"
        if opener < 0:
            return None
        cue_end = put.start() + len(put.group(0).rstrip(" \t\u00a0,:"))
        return (opener + 3, put.start()), (opener, cue_end)
    found = list(_WORDS_OF_RE.finditer(text, lo, mark))
    if found:
        of = found[-1]  # the last "in the words of" before the quote
        end = mark
        while end > of.end() and text[end - 1] in " \t\u00a0,:":
            end -= 1
        return (of.end(), end), (of.start(), of.end() - 1)
    own = _WORDS_RE.search(text, lo, mark)
    if own is not None:
        opener = _last_word(text, lo, own.start(), "in")  # "in X's words"
        if opener >= 0:
            cue_end = own.start() + len(own.group(0).rstrip(" \t\u00a0,:"))
            return (opener + 3, own.start()), (opener, cue_end)
    return None


def _last_word(text: str, lo: int, hi: int, word: str) -> int:
    """Where the last ``word`` (or its capitalised form opening ``lo``'s sentence) stands in
    ``[lo, hi)`` as a word of its own, or -1."""
    inner = text.rfind(f" {word} ", lo, hi)
    if inner >= 0:
        return inner + 1
    cap = word.capitalize() + " "
    return lo if text.startswith(cap, lo) else -1


# A share of the people a survey asked, then a verb of belief or agreement: "Around 47 percent
# believed that …", "54% of the respondents thought …", "a majority of voters feel …". In a
# survey story such a verb reports the answer the share gave; with any other subject it is
# only a verb. Every part is bounded, so the scan stays linear.
_SHARE_BEFORE_RE: Final = regex.compile(
    r"(?<![\w.,])(?P<share>(?:(?:[Aa]round|[Aa]bout|[Nn]early|[Aa]lmost|[Oo]ver|[Jj]ust|"
    r"[Mm]ore[ \t]+than|[Ll]ess[ \t]+than|[Ff]ewer[ \t]+than|[Oo]nly)[ \t]+)?"
    r"(?:\d{1,3}(?:\.\d{1,2})?[ \t]?(?:%|percent\b|per[ \t]cent\b)|[Aa][ \t]+majority\b|"
    r"[Mm]ajorities\b|(?:[Aa]|[Oo]ne|[Tt]wo)[ \t-](?:thirds?|quarters?)\b|[Hh]alf\b)"
    r"(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+|all[ \t]+|those[ \t]+)?(?:[\w-]{1,20}[ \t]+){0,2}?"
    r"(?:respondents|voters|people|adults|polled|surveyed|parents|members|[\w-]{2,20}s)\b)?)"
    r"[ \t]+(?:(?:also|still|now|strongly)[ \t]+)?$"
)
_BELIEF_VERBS: Final = grammar_words("belief_verb")
_BELIEF_VERB_RE: Final = regex.compile(r"\b(?:" + "|".join(sorted(_BELIEF_VERBS)) + r")\b")
# How far before its verb a share's words may start ("Just over two-thirds of those polled").
_SHARE_REACH: Final = 90


def share_links(doc: Doc, lo: int = 0) -> list[Link]:
    """Read "Around 47 percent believed that …" in a survey story: the share is a vague
    source and the clause after its verb what it answered."""
    text = doc.text
    if not any(word in text for word in _SHARE_WORDS):
        return []  # no share of anyone: most texts, and a find is cheaper than a scan
    links: list[Link] = []
    for at in _belief_verbs(text, lo):
        verb = _BELIEF_VERB_RE.match(text, at)
        if verb is None:
            continue  # "thinking", "feelings": not a finite verb of belief
        # a verb first (few in a text), then the share just before it: a bounded look back
        window = max(lo, at - _SHARE_REACH)
        before = text[window:at]
        if not any(word in before for word in _SHARE_WORDS):
            continue  # most such verbs have no share before them: a find is cheaper
        share = _SHARE_BEFORE_RE.search(text, window, at)
        if share is not None:
            link = _share_link(doc, share.span("share"), verb.span())
            if link is not None:
                links.append(link)
    return links


def _belief_verbs(text: str, lo: int) -> list[int]:
    """Where a word that may be a verb of belief starts, in text order."""
    # Each form found with str.find (a few in a text), far cheaper than a scan by pattern; a form
    # inside a longer one ("agree" in "disagreed", "believe" in "believed") is found twice.
    found: set[int] = set()
    for form in _BELIEF_VERBS:
        i = text.find(form, lo)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                found.add(i)
            i = text.find(form, i + len(form))
    return sorted(found)


# Pieces of every share the pattern reads ("Half", "half", "two-thirds", "per cent").
_SHARE_WORDS: Final = ("%", "percent", "per cent", "ajorit", "alf", "hird", "uarter")
_SHARE_LEAD_RE: Final = regex.compile(r"[ \t]+(?:that[ \t]+)?")


# British court and inquiry reporting: "The court heard that …", "the jury was told …", "the
# inquest heard …": the evidence given there is the report, and the hearing body its source.
_HEARING_BODIES: Final = grammar_words("hearing_body")
_HEARD_RE: Final = regex.compile(
    r"(?<![\w’'])(?P<body>(?:[Tt]he[ \t]{1,4})?(?:[A-Z][\w’'.-]{0,20}[ \t]{1,4}){0,3}"
    r"(?i:" + "|".join(sorted(_HEARING_BODIES)) + r")|[Tt]he[ \t]{1,4}Old[ \t]{1,4}Bailey)"
    r"[ \t]{1,4}(?P<verb>(?:(?:has|had)[ \t]{1,4})?heard"
    r"|(?:was|were|has[ \t]{1,4}been|had[ \t]{1,4}been)[ \t]{1,4}told)"
    r"(?:[ \t]{1,4}that)?(?:[ \t]{1,4}|:[ \t]*)(?=[\w“\"‘'])"
)


# How far before "heard" or "told" a match may start: "The", three capitalised words, a
# hearing body, "has been", with their spaces.
_HEARD_REACH: Final = 110


def _hearing_matches(text: str) -> list[regex.Match[str]]:
    """The matches of _HEARD_RE, found around each "heard" or "told" that follows a hearing
    body's name (a few in a text) rather than by a scan of the whole text: the pattern tried at
    every character cost 2.5% of analyze, pure (what _HEARD_RE.finditer(text) finds)."""
    found: dict[int, regex.Match[str]] = {}
    for verb in (" heard", " told"):
        i = text.find(verb)
        while i >= 0:
            before = text[max(0, i - 40) : i].lower()
            if any(body in before for body in _HEARING_BODIES) or "bailey" in before:
                lo = max(0, i - _HEARD_REACH)
                m = _HEARD_RE.search(text, lo, i + len(verb) + 20)
                while m is not None and m.start() < i:
                    found.setdefault(m.start(), m)
                    m = _HEARD_RE.search(text, m.end(), i + len(verb) + 20)
            i = text.find(verb, i + len(verb))
    return [found[k] for k in sorted(found)]


def hearing_links(doc: Doc) -> list[Link]:
    """Read "The court heard that …" and "the jury was told …": the clause after the verb is
    what was said in evidence, credited to the court, jury, inquest or tribunal."""
    text = doc.text
    links: list[Link] = []
    for m in _hearing_matches(text):
        si = doc.sentence_at(m.start())
        start = m.end()
        opening = doc.quote_at(start)
        if opening is not None:
            stop = opening.marks.end  # 'the jury was told: “…”': the quote is the evidence
        else:
            stop = doc.next_quote_start(start, min(doc.ends[si], start + doc.max_clause))
            stop = report_end(doc, start, stop)
        content = trim(text, start, stop)
        if word_count(text, content) < 2 or text.startswith("from ", content[0]):
            continue  # "the trial heard from six witnesses": who spoke, not what they said
        body = m.span("body")
        name = text[body[0] : body[1]]
        name = name[4:] if name[:4] in ("The ", "the ") else name
        mention = Mention(body[0], body[1], SourceKind.organization, name=name)
        why = f"{text[body[0] : m.end('verb')]!r}: evidence given at a hearing, credited to it"
        links.append(
            Link(-1, m.span("verb"), CueKind.speech_verb, Stance.neutral, content, si,
                 reasons=[why], mention=mention)
        )  # fmt: skip
    return links


def _share_link(doc: Doc, share: tuple[int, int], verb: tuple[int, int]) -> Link | None:
    """The link of one share and its verb, or None when no clause follows the verb."""
    text = doc.text
    si = doc.sentence_at(share[0])
    sent_end = doc.ends[si]
    lead = _SHARE_LEAD_RE.match(text, verb[1], sent_end)
    start = lead.end() if lead else verb[1]
    opening = doc.quote_at(start)
    if opening is not None:
        stop = opening.marks.end  # "… thought “it was a mistake”": the quote is the answer
    else:
        stop = doc.next_quote_start(start, min(sent_end, start + doc.max_clause))
        stop = report_end(doc, start, stop)
    content = trim(text, start, stop)
    if word_count(text, content) < 2 or doc.quote_at(share[0]) is not None:
        return None
    if text.startswith(("with ", "on ", "about "), content[0]):
        return None  # "31 percent disagreed with this view": what they agreed with, no answer
    said = text[share[0] : share[1]]
    mention = Mention(share[0], share[1], SourceKind.vague, descriptor=said, plural=True)
    why = (
        f"{text[verb[0] : verb[1]]!r} after a share of a survey's respondents reports their answer"
    )
    return Link(
        -1, verb, CueKind.speech_verb, Stance.neutral, content, si, reasons=[why], mention=mention
    )


# What a document does when it quotes itself: "The memo began, “…”", "The sign reads, “…”".
_DOCUMENT_VERBS: Final = frozenset(
    ["began", "begins", "opened", "opens", "ended", "ends", "read", "reads", "concluded"]
)


def _verb_like(words: list[Token]) -> bool:
    """Tell whether the words before a comma could end a clause that introduces speech."""
    last = words[-1].text
    if last == "it":
        return len(words) > 1 and words[-2].text in ("put", "puts")  # "as Vulture put it, “…”"
    if len(words) > 2 and last in DOCUMENTS and words[-2].text in ("a", "the"):
        return words[-3].text in _ISSUE_VERBS  # "Trump issued a statement, “…”"
    if len(words) > 1 and words[-2].text.lower() in _NOUN_MARKERS:
        return False  # "wore a hat, “…”": a noun, not a verb, before the comma
    return last.isalpha() and last.islower() and (last not in STOPWORDS or last in VERB_FORMS)


# "X issued this statement following …", "X released the following statement:": the sentence
# that hands a press release's quote paragraphs to their speaker.
_STATEMENT_INTRO_RE: Final = regex.compile(
    r"\b(?:issued|released|made|gave|delivered|shared|provided)[ \t]+"
    r"(?:the[ \t]+following|this|these|a|the)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:statement|comments?|remarks)\b"
)


def statement_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "X issued this statement …" closing a paragraph, then a paragraph opening with a
    quote: the statement's issuer speaks it (press releases, government statements)."""
    text = doc.text
    qi = doc.sentence_at(quote.marks.start)
    if qi == 0 or doc.starts[qi] != quote.marks.start:
        return None
    sent, prev = doc.sentences[qi], doc.sentences[qi - 1]
    if sent.paragraph != prev.paragraph + 1:
        return None  # the statement sentence must close the paragraph just before
    lo, hi = doc.starts[qi - 1], doc.ends[qi - 1]
    m = _STATEMENT_INTRO_RE.search(text, lo, min(hi, lo + doc.intro_chars))
    if m is None:
        return None
    # the verb as its predicate
    mention = opening_subject(text, tokens(text, lo, m.end()), doc.opener_words)
    if mention is None:
        return None
    why = (
        f"{m.group()!r} introduces the quoted paragraphs after it; its subject "
        f"{text[mention.start : mention.end]!r} speaks them"
    )
    return _quote_link((m.start(), m.end()), CUE_STATEMENT, quote, qi, mention, why)


# Words a crowd calls out together ("chants of “Lock her up”", "“BERNIE!” chants") and the
# groups that call them (lexicons/source_grammar.txt).
_CHANT_NOUNS: Final = grammar_words("chant_noun")
_CROWD_NOUNS: Final = grammar_words("crowd_noun")
_CROWD_REACH: Final = 200  # characters of the sentence looked back for the crowd
_CROWD_LEADS: Final = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])
_AFTER_WORD: Final = ".,;:!?)”’\"'"  # marks that may follow the chant noun ("… “BERNIE!” chants.")


def chant_link(doc: Doc, quote: ScannedQuote) -> Link | None:
    """Read "supporters responded with chants of “Four more years”" and "drew jeers and
    “BERNIE!” chants": words a crowd called out, credited to the crowd the sentence names
    before them ("the crowd", "Clinton supporters"); None when it names none."""
    text = doc.text
    mark = quote.marks.start
    after = text[quote.marks.end : quote.marks.end + 16].split(None, 1)
    if not text[max(0, mark - 4) : mark].rstrip().endswith(" of") and (
        not after or after[0].rstrip(_AFTER_WORD) not in _CHANT_NOUNS
    ):
        return None  # most quotes have neither "of" before nor "chants" after: a cheap test first
    si = doc.sentence_at(mark)
    lo = doc.last_quote_end(max(doc.starts[si], mark - _CROWD_REACH), mark)
    before = tokens(text, lo, mark)
    cue = _chant_before(before) or _chant_after(text, quote.marks.end)
    if cue is None:
        return None
    mention = _crowd(text, [t for t in before if t.end <= cue[0]])
    if mention is None:
        return None
    why = (
        f"{text[cue[0] : cue[1]]!r}: words called out by the crowd named before them, "
        f"{text[mention.start : mention.end]!r}"
    )
    return _quote_link(cue, CueKind.speech_verb, quote, si, mention, why)


def _chant_before(before: list[Token]) -> tuple[int, int] | None:
    """The chant noun of "chants of" just before a quote, or None."""
    if len(before) < 2 or before[-1].text != "of" or before[-2].text.lower() not in _CHANT_NOUNS:
        return None
    return before[-2].start, before[-2].end


def _chant_after(text: str, end: int) -> tuple[int, int] | None:
    """The chant noun just after a quote ("“BERNIE!” chants"), or None."""
    after = tokens(text, end, end + 16)
    if not after or after[0].text not in _CHANT_NOUNS:
        return None
    return after[0].start, after[0].end


def _crowd(text: str, before: list[Token]) -> Mention | None:
    """The last group of people named in ``before`` ("the crowd", "Clinton supporters")."""
    for i in range(len(before) - 1, -1, -1):
        if before[i].text.lower() in _CROWD_NOUNS:
            phrase = subject_before(before[: i + 1]) or before[i : i + 1]
            start = phrase[0].start
            if len(phrase) == 1 and i and before[i - 1].text.lower() in _CROWD_LEADS:
                start = before[i - 1].start  # "the crowd"
            said = text[start : before[i].end]
            return Mention(start, before[i].end, SourceKind.vague, descriptor=said, plural=True)
    return None


# Words before a colon that label a line, not a statement: "Source: Moneycontrol.com", "Photo:".
_CREDIT_LABELS: Final = load("not_speakers")
# A headline's credit after its last colon is a few words at most: "…: CNBC", "…: Jaitley".
_CREDIT_WORDS: Final = 4


def headline_source_link(doc: Doc, si: int) -> Link | None:
    """Read a headline that ends with a colon and its source ("Symantec, Broadcom cease deal
    negotiations: CNBC", "Growth will pick up next year: Jaitley", "Fed to hold rates:
    sources"), as wire and South Asian copy writes them: the words before the colon are what
    the source said or reported."""
    if doc.sentences[si].role is not ROLE_HEADLINE:
        return None
    text = doc.text
    start, end = doc.starts[si], doc.ends[si]
    colon = text.rfind(": ", start, end)
    if colon < 0 or doc.quote_at(colon) is not None:
        return None
    before = text[start:colon].rsplit(None, 1)
    last = before[-1].lower() if before else ""
    if not before or last in _LABELS or last in _CREDIT_LABELS or last[-1:].isdigit():
        return None  # "… | Source: Reuters", "Photo: AFP", "10:47": a label or a time, no credit
    words = tokens(text, colon + 1, end)
    while words and not words[-1].text[0].isalnum():
        words.pop()  # a closing full stop or mark
    if not words or len(words) > _CREDIT_WORDS:
        return None
    mention = classify(text, words)
    if mention is None or mention.pronoun is not None or mention.kind is SourceKind.vague:
        return None
    if mention.end != words[-1].end:
        return None  # the words after the colon go on past the name: a subtitle, not a credit
    content = trim(text, start, colon)
    if word_count(text, content) < 3:
        return None
    why = (
        f"the headline credits what it says to {text[mention.start : mention.end]!r} after a colon"
    )
    return Link(
        -1,
        (colon, colon + 1),
        CUE_COLON,
        Stance.neutral,
        content,
        si,
        reasons=[why],
        mention=mention,
    )
