"""Read one reporting verb in its sentence: its source, its content, when, and through whom.

Used by :mod:`attribute`. Who the source is, is read by :mod:`subjects`;
time, channel and statement phrases by :mod:`phrases`. Each reader looks only at a
bounded window around its cue (the cue's sentence, a few hundred characters at most), so the
whole stage stays linear in the length of the text. Quote marks are hard boundaries for a
source's name: a name never runs into a quote.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.attribution.content import Choice, Doc, Link, choose_content, introduces, trim
from quotecheck.attribution.coref import SourceBook
from quotecheck.attribution.described import RELATIVE_PRONOUNS
from quotecheck.attribution.mentions import classify, loose_group
from quotecheck.attribution.phrases import after_core, fronted_when
from quotecheck.attribution.sources import (
    DOCUMENTS,
    ORG_HEADS,
    ROLE_NOUNS,
    VAGUE_GROUPS,
    Mention,
    Token,
    grammar_words,
    phrase_after,
    quoted,
    subject_before,
    tokens,
)
from quotecheck.attribution.subjects import LazyTokens, clause_subject, find_subject
from quotecheck.kinds import CUE_SPEECH_VERB, CUE_STATEMENT, SOURCE_DOCUMENT, SOURCE_MEDIA
from quotecheck.text.cues import VERB_FORMS, CueRecord
from quotecheck.text.quotes import ScannedQuote

__all__ = ["file_link", "verb_link"]


# How far a source is looked for before its verb (doc.left_reach) and a source or listener
# after it (doc.right_reach): AnalyzerConfig fields, carried on the Doc.

_BE: Final = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_AUX: Final = grammar_words("auxiliary")
_NOUN_BEFORE: Final = grammar_words("noun_marker")
_OBJECT_VERBS: Final = grammar_words("object_verb")
_WEAK_VERBS: Final = grammar_words("weak_verb")
_TOPIC_VERBS: Final = grammar_words("topic_verb")  # "spoke of …", "talked about …"
_DOCUMENT_VERBS: Final = grammar_words("document_verb")  # "the report found", "data showed"
_LABEL_VERBS: Final = grammar_words("label_verb")
# "called Ford’s plans to open a plant in Mexico “an absolute disgrace”": within doc.label_reach
_NOT_FINITE: Final = _NOUN_BEFORE | {"to"}  # "the report", "his remarks", "decision to tell"


# --------------------------------------------------------------------------- speech verbs


def verb_link(
    doc: Doc, cue: CueRecord, c_start: int, c_end: int, sentence_links: list[Link]
) -> Link | None:
    """Read a reporting verb: its subject (before or after it), its object, and its content.

    ``c_start`` and ``c_end`` are the cue's offsets, which the caller has read already.
    """
    text = doc.text
    verb = cue.text
    si = doc.sentence_at(c_start)
    s_start, s_end = doc.starts[si], doc.ends[si]
    lo = doc.last_quote_end(max(s_start, c_start - doc.left_reach), c_start)
    if lo == c_start - doc.left_reach and lo > s_start:
        lo = _tag_after_quote(doc, s_start, lo)  # "“…,” Trump, the frontrunner who …, said"
    term = doc.quote_at(lo - 1) if lo > s_start else None
    if term is not None and _scare_quote(
        text, term, doc.term_words
    ):  # "One MP, from a 'Red Wall' seat, told"
        lo = doc.last_quote_end(max(s_start, c_start - doc.left_reach), term.marks.start)
    if verb in _DOCUMENT_FORMS and not _may_find(text, c_end, lo, c_start, doc.document_reach):
        return None  # "found", "showed" with no document near and no "that": not a report
    window = left = doc.before_cues.read(lo, c_start)
    to_say = _went_on_to(left, verb)
    if to_say:
        left = left[:-1]  # "X went on to say", "X began by saying": the verb reports what X said
    elif left and (left[-1].text.lower() in _NOT_FINITE or _possessive(left[-1].text)):
        return None  # "the report", "his remarks", "decision to tell": not a finite verb
    j = len(left)
    while j > len(left) - 4 and j and (left[j - 1].text in _AUX or _adverb(left[j - 1].text)):
        j -= 1
    progressive = verb.endswith("ing")
    heard = _heard_saying(left[:j]) if progressive else 0
    if heard:  # "“…,” Reed was quoted as saying", "X was heard telling aides": X speaks
        j, progressive = heard, False
    if j and left[j - 1].text.lower() in _BE and not progressive:
        # passive: "was told", "is said to": the subject is not the speaker, unless "by" names it
        return _passive_link(doc, cue, si, c_start, c_end)
    hi = doc.next_quote_start(c_end, min(s_end, c_end + doc.right_reach))
    right = LazyTokens(doc.after_cues, c_end, hi)
    reasons: list[str] = []
    coordinated = to_say or (j and left[j - 1].text in ("and", "but"))  # "X praised Y and said"
    shared = _shared_subject(c_start, sentence_links) if coordinated else None
    continued = shared is not None  # the verb continues a clause: it reports what follows it
    if shared is not None:
        mention, core_end, inverted = None, c_end, False
    elif coordinated or (progressive and not (j and left[j - 1].text.lower() in _BE)):
        near = _near_subject(text, left) if to_say else None
        absolute = _absolute_subject(text, left[:j]) if progressive and not to_say else None
        fronted = _fronted_subject(doc, c_end, s_end) if progressive and not left else None
        if near is not None:  # "… that Mr. Trump was prompted to say": the nearer subject
            mention, core_end, inverted = near, c_end, False
        elif fronted is not None:  # "Citing “…,” the spokeswoman told …": the main subject
            mention, core_end, inverted = fronted, c_end, True
            reasons.append(f"{text[fronted.start : fronted.end]!r} is the subject of the clause")
        elif absolute is not None:  # ", with one woman shouting, “…”": she speaks
            mention, core_end, inverted = absolute, c_end, False
            reasons.append(f"{text[absolute.start : absolute.end]!r} is who is {verb}")
        else:
            whole = window if lo == s_start else None  # the words from the sentence start
            mention, core_end, inverted = clause_subject(doc, s_start, cue, reasons, whole)
        continued = True
    else:
        opens = lo == s_start or doc.quote_at(lo - 1) is not None
        if progressive:
            j = _past_be(left, j)  # "The minister is saying", "Reed has been telling"
        mention, core_end, inverted = find_subject(doc, left[:j], right, cue, reasons, opens)
    source = -1  # filed later from the mention, unless the source is an earlier link's
    if shared is not None:
        source = shared.source
        reasons.append(f"{quoted(verb)} shares its subject with the sentence's earlier report")
    elif mention is None:
        closing = doc.quote_at(lo - 1) is not None and text[max(0, lo - 2) : lo].startswith(",")
        comma = (left and left[-1].text == ",") or closing  # ", adding" or "“…,” adding"
        comma = comma or (not left and verb == "Adding")  # "Adding, “…”": the caller checked
        earlier = _participle_subject(verb, bool(comma) and j == len(left), sentence_links)
        if earlier is None:
            return None
        source = earlier.source
        reasons.append("the participle continues the sentence's earlier attribution")
    form = VERB_FORMS.get(verb) or VERB_FORMS.get(verb.lower())
    documentary = form is not None and form.lemma in _DOCUMENT_VERBS
    finding = mention is not None and (
        mention.kind is SOURCE_DOCUMENT
        or text.startswith(" that ", c_end)
        or _researchers(text[mention.start : mention.end])
    )  # "the report found …", "researchers found that …", "scientists found the drug …"
    if documentary and not finding:
        return None  # "police found a body", "Smith showed composure": no report
    if (
        form is not None
        and form.lemma in _MEDIA_VERBS
        and (mention is None or mention.kind is not SOURCE_MEDIA or inverted)
    ):
        return None  # "The BBC understands that …" reports; "I understand your concern" not
    via_mention: Mention | None = None
    if not inverted and form is not None and form.lemma in _OBJECT_VERBS:
        obj = classify(text, _listener(phrase_after(right.get())))
        if obj is not None:
            core_end = max(core_end, obj.end)
            if obj.kind is SOURCE_MEDIA:
                via_mention = obj
                reasons.append(f"{verb} {text[obj.start : obj.end]}: the channel it went through")
    after = after_core(doc, core_end, s_end)
    core_end = after.end
    reasons.extend(after.reasons)
    if after.channel is not None:
        via_mention = after.channel  # "in an interview with CNN" names the channel last
    subject_start = mention.start if mention is not None and not inverted else c_start
    if mention is not None and not inverted:
        # "a beaming Lopez"
        subject_start = _described_lead(text, left, subject_start, doc.lead_words)
    # "the report, which said …": what a relative clause reports follows its verb
    relative = mention is not None and bool(left) and left[-1].text in RELATIVE_PRONOUNS
    # "… and never mentioned schools", "…, saying …": a verb continuing a clause reports what
    # follows it, never the clause before it
    opening = subject_start if relative else c_start if continued else s_start
    chosen = choose_content(doc, via_mention, opening, subject_start, core_end, s_end, inverted)
    if chosen is None:
        plain = form is not None and form.lemma in _PLAIN_SAYING and not inverted
        quote = _quote_next(doc, core_end, s_end) if plain else None
        if quote is None:
            return None
        # "X said in a statement. “…”"
        why = "content: the quote opening the next sentence, as after a colon"
        chosen = (quote.span.start, quote.span.end), why
    cue_at = (c_start, c_end)
    content = _refined(chosen[0], chosen, reasons)
    if j > 1 and left[j - 1].text in RELATIVE_PRONOUNS and left[j - 2].text == ",":
        # "X, who said A, issued …": A ends at the clause's comma
        content = _refined(content, _close_relative(doc, cue_at, content), reasons)
    label = None
    if form is not None and form.lemma in _LABEL_VERBS and not inverted:
        label = _label_content(doc, cue_at, content, core_end)
    content = _refined(content, label, reasons)
    content = _refined(content, _carried_quote(doc, content, core_end), reasons)
    content = _refined(content, _as_quote(doc, content, core_end), reasons)
    content = _refined(content, _dashed_quote(doc, content, core_end), reasons)
    if form is not None and form.lemma in _REQUEST_VERBS and _infinitive(text, content[0]):
        return None  # "who asked not to be identified": a request, not a statement
    weak = form is not None and form.lemma in _WEAK_VERBS and label is None
    # "spoke of …" reports words; "would not talk about …" none; "when talking about …, told"
    # leaves the report to the finite verb
    topic = weak and form is not None and form.lemma in _TOPIC_VERBS and not progressive
    topic = topic and not _unsaid(left)
    if weak and not _weak_ok(doc, content, core_end, topic=topic):
        asked = _asked_for(doc, content)  # "called for “boots on the ground”"
        if asked is None:
            return None
        content = _refined(content, asked, reasons)
    if _place_phrase(doc, cue_at, content):
        skipped = _skip_to_quote(doc, content)
        if skipped is None:
            return None  # "whispering in his ear", "assisting in Iraq": no words reported
        content = _refined(content, skipped, reasons)
    if text.startswith("to ", content[0]) and _negated(left):
        return None  # "did not immediately respond to requests for comment": nothing said
    when = after.when or fronted_when(text, s_start, subject_start, doc.phrase_reach)
    kind = CUE_STATEMENT if after.statement else CUE_SPEECH_VERB
    return Link(
        source, cue_at, kind, cue.stance, content, si, None, when, reasons, mention, via_mention
    )


def _tag_after_quote(doc: Doc, s_start: int, lo: int) -> int:
    """Reach back past ``lo`` (one more reach at most) to a quote that closes on a comma right
    before a capitalised word: the tag's subject opens there ("“…,” Trump, the party's
    frontrunner nationally and …, said"), however long the appositive after it; else ``lo``."""
    far = max(s_start, lo - doc.left_reach)
    end = doc.last_quote_end(far, lo)
    if end == far or doc.text[end - 2 : end - 1] != ",":
        return lo
    after = doc.text[end : end + 2]
    return end if after[:1] == " " and after[1:].isupper() else lo


def _listener(phrase: list[Token]) -> list[Token]:
    """The listener of "told reporters the plan failed" or "told the BBC that …": the phrase
    after the verb, cut where "that" or a new article opens the reported clause (an article
    after "of" or "for" stays: "told the head of the agency")."""
    for i in range(1, len(phrase)):
        word = phrase[i].text.lower()
        if word == "that" or (
            word in _LEAD_ARTICLES and phrase[i - 1].text.lower() not in ("of", "for", "at", "in")
        ):
            return phrase[:i]
    return phrase


# "was quoted as saying", "was heard telling", "is recorded saying": the subject before "was"
# said it; the passive is of the hearing, not of the report.
_HEARING: Final = frozenset(["quoted", "heard", "overheard", "recorded", "filmed", "caught"])


def _heard_saying(left: list[Token]) -> int:
    """Where the subject's words end before "was quoted as" or "was heard" that ``left`` ends
    with (the index of "was"), or 0."""
    k = len(left)
    if k and left[k - 1].text == "as":
        k -= 1
    if k < 3 or left[k - 1].text not in _HEARING or left[k - 2].text.lower() not in _BE:
        return 0
    return k - 2


def _past_be(left: list[Token], j: int) -> int:
    """Step back over the "is" of a progressive ("The minister is saying", "Reed has been
    telling", "she was also calling"): the subject stands before the verb group."""
    if not j or left[j - 1].text.lower() not in _BE:
        return j
    k = j - 1
    while (
        k > j - 5
        and k
        and (
            left[k - 1].text in _AUX or _adverb(left[k - 1].text) or left[k - 1].text.lower() in _BE
        )
    ):
        k -= 1
    return k


def _refined(
    content: tuple[int, int], choice: Choice | None, reasons: list[str]
) -> tuple[int, int]:
    """The content a refinement chose (its reason added to ``reasons``), or ``content``."""
    if choice is None:
        return content
    reasons.append(choice[1])
    return choice[0]


_DOCUMENT_FORMS: Final = frozenset(f for f, v in VERB_FORMS.items() if v.lemma in _DOCUMENT_VERBS)


def _may_find(text: str, c_end: int, lo: int, c_start: int, reach: int) -> bool:
    """A cheap look before the full reading of "found" or "showed": "that" follows, or a
    document noun stands in the ``reach`` characters just before ("the report found", "data
    from the Office for National Statistics showed")."""
    if text.startswith(" that ", c_end):
        return True
    words = text[max(lo, c_start - reach) : c_start].lower().split()
    if any(_bare_noun(w) in DOCUMENTS or w.strip(",") in DOCUMENTS for w in words):
        return True
    return _researchers(" ".join(words))


def _bare_noun(word: str) -> str:
    """A lower-case word without a comma, a possessive or a plural "s" ("study’s" and "surveys"
    are "study" and "survey"; a strip of the characters ,’'s would also cut "survey" to "urvey")."""
    word = word.strip(",").removesuffix("’s").removesuffix("'s")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _researchers(phrase: str) -> bool:
    """Tell whether a phrase names people whose finding is a report ("researchers at Oxford",
    "scientists"): what they found is their result, where "police found a body" is an event."""
    words = phrase.lower().split()
    return any(w.strip(",") in _RESEARCH_NOUNS or _bare_noun(w) in _RESEARCH_NOUNS for w in words)


_RESEARCH_NOUNS: Final = grammar_words("research_noun")
_MEDIA_VERBS: Final = grammar_words("media_verb")  # "The BBC understands", "the Post learned"


# Verbs whose passive with "by" reports what the agent said of the subject ("was described by
# two officials as …", "was denied by the ministry"); "reported by", "recommended by" mostly
# narrate rather than attribute.
_PASSIVE_SPEECH: Final = frozenset(
    [
        "describe",
        "call",
        "criticise",
        "criticize",
        "deny",
        "confirm",
        "dismiss",
        "condemn",
        "praise",
        "tell",
        "brand",
        "label",
        "characterise",
        "characterize",
        "hail",
        "slam",
        "reject",
        "dispute",
        "question",
        "accuse",
        "warn",
        "quote",
    ]
)
_SUBORDINATORS: Final = frozenset(
    ["since", "after", "when", "because", "as", "while", "before", "until", "if", "which", "that"]
)


def _subordinate(text: str, start: int, cue_start: int) -> bool:
    """Tell whether a passive cue stands in a subordinate clause or after a comma."""
    words = tokens(text, start, cue_start)
    return any(t.text == "," or t.text.lower() in _SUBORDINATORS for t in words)


def _passive_link(doc: Doc, cue: CueRecord, si: int, c_start: int, c_end: int) -> Link | None:
    """Read "The figures were described by two officials as alarming": the agent after "by"
    is the source, and the sentence around it is what they said."""
    text = doc.text
    s_start, s_end = doc.starts[si], doc.ends[si]
    hi = doc.next_quote_start(c_end, min(s_end, c_end + doc.right_reach))
    form = VERB_FORMS.get(cue.text.lower())
    if form is None or form.lemma not in _PASSIVE_SPEECH or _subordinate(text, s_start, c_start):
        return None  # "is recommended by guidelines", "since talks were reported by": no speech
    after = tokens(text, c_end, hi)[: doc.passive_words + 1]  # "by" and the agent's words
    if not after or after[0].text != "by":
        return None
    mention = classify(text, phrase_after(after[1:]))
    if mention is None or mention.pronoun is not None:
        return None
    agent = text[after[0].start : mention.end]
    reasons = [f"passive: {quoted(agent)} names who {quoted(cue.text)} it"]
    quote = doc.quote_at(doc.next_quote_start(mention.end, s_end))
    if quote is not None:
        content = (quote.span.start, quote.span.end)  # "… by critics as “a betrayal”"
        reasons.append("content: the quote the agent put on it")
    else:
        content = trim(text, s_start, s_end)
        reasons.append("content: the sentence the passive verb reports")
    return Link(
        -1,
        (c_start, c_end),
        CUE_SPEECH_VERB,
        cue.stance,
        content,
        si,
        reasons=reasons,
        mention=mention,
    )


_LEAD_ARTICLES: Final = frozenset(["a", "an", "the"])


def _described_lead(text: str, left: list[Token], subject_start: int, most: int) -> int:
    """Start a named subject at the article of the description before it ("“…,” a beaming
    Lopez said"; the article at most ``most`` words before the name), so that the quote before
    it stands alone."""
    k = len(left)
    while k and left[k - 1].start >= subject_start:
        k -= 1
    for i in range(max(0, k - most), k - 1):
        if left[i].text.lower() in _LEAD_ARTICLES:
            rest = left[i + 1 : k]
            edge = i == 0 or left[i - 1].text in ",”\"’'"  # right after the quote or a comma
            if edge and all(w.text.isalpha() and w.text.islower() for w in rest):
                return left[i].start
    return subject_start


_REQUEST_VERBS: Final = frozenset(["ask", "request"])


def _infinitive(text: str, start: int) -> bool:
    """Tell whether the words at ``start`` open an infinitive ("to be named", "not to …")."""
    return text.startswith(("to ", "not to "), start)


def _label_content(
    doc: Doc, cue: tuple[int, int], content: tuple[int, int], core_end: int
) -> Choice | None:
    """For "called Ford’s plans “an absolute disgrace”" or "thanked him for “stepping up”", the
    content is the verb's object up to the quote put on it; None when no quote follows."""
    start, end = content
    if start < core_end or doc.quote_at(start) is not None or _phrasal_call(doc, cue, start):
        return None  # before the cue, already the quote, or "called on Congress to …"
    q = doc.next_quote_start(start, min(end, start + doc.label_reach))
    quote = doc.quote_at(q)
    if quote is None or any(c in doc.text[start:q] for c in ".;:!?"):
        return None
    # the object and the whole quote, marks included
    return (
        start,
        quote.marks.end,
    ), "the quote is what the verb's object was called or credited with"


# "a message on Twitter reading “…”": a short object, then a participle of speech and a quote.
_CARRIER_RE: Final = regex.compile(r"[^,.;:!?“”\"\n]{1,60}?\b(\w+ing)[ \t]+(?=[“\"])")


def _carried_quote(doc: Doc, content: tuple[int, int], core_end: int) -> Choice | None:
    """For "posted a message reading “Thank you Georgia”", the content is the quote the
    verb's object carries, not the object and the narration around it."""
    start, end = content
    if start < core_end or doc.quote_at(start) is not None:
        return None
    stop = min(end, start + 80)
    if doc.text.find("“", start, stop) < 0 and doc.text.find('"', start, stop) < 0:
        return None  # the pattern ends before a quote mark: without one in reach it cannot match
    m = _CARRIER_RE.match(doc.text, start, stop)
    if m is None or m.group(1) not in _CARRIER_VERBS or _names_people(doc.text, start, m.start(1)):
        return None  # "a video showing supporters shouting “…”": the people shown said it
    quote = doc.quote_at(m.end())
    if quote is not None and quote.marks.end <= end + 1:
        why = f"content: the quote the object carries ({quoted(m.group(1))} it)"
        return (quote.span.start, quote.span.end), why
    return None


def _as_quote(doc: Doc, content: tuple[int, int], core_end: int) -> Choice | None:
    """For "in what campaigners described as “a betrayal”", the content is the quote after
    "as", not "as" with it."""
    start, end = content
    quote = _quote_after_word(doc, start, "as") if start >= core_end else None
    if quote is not None and quote.marks.end >= end - 1:
        return (quote.span.start, quote.span.end), "content: the quote the words were described as"
    return None


def _quote_after_word(doc: Doc, start: int, word: str) -> ScannedQuote | None:
    """The quote whose opening mark stands right after ``word`` and a space at ``start``
    ("as “a betrayal”", "for “boots on the ground”"), or None."""
    if not doc.text.startswith(word + " ", start):
        return None
    at = start + len(word) + 1
    quote = doc.quote_at(at)
    return quote if quote is not None and quote.marks.start == at else None


_CARRIER_VERBS: Final = frozenset(["reading", "saying", "stating", "declaring", "announcing"])


# The dashes that may set a quote off inside a verb's object ("two words - “So terrible” -").
_DASH_MARKS: Final = (" -", " --", "—", "–", "―")
# Words that may follow the closing dash when the quote only stands for the object: a
# conjunction or preposition going on with the writer's sentence, never the reported clause's
# verb ("the plan — “Project Fear” — had failed" reports the whole clause).
_AFTER_DASHED: Final = frozenset(
    ["and", "but", "with", "as", "before", "after", "while", "then", "when", "in", "on", "at"]
)


def _dashed_quote(doc: Doc, content: tuple[int, int], core_end: int) -> Choice | None:
    """For "posted two words — “So terrible” — with a link" or "boasted of his team — “the best
    in the state” — and stressed …", the content is the quote the dashes set off in the verb's
    object: the words the object stands for."""
    start, end = content
    if start < core_end or doc.quote_at(start) is not None:
        return None
    text = doc.text
    q = doc.next_quote_start(start, min(end, start + doc.label_reach))
    quote = doc.quote_at(q)
    if quote is None or quote.marks.end > end + 1:
        return None
    lead = text[start:q].rstrip()
    if not lead.endswith(_DASH_MARKS) or " that " in lead or any(c in lead for c in ";:!?"):
        return None  # no dash before the quote, or a reported clause ("said that …")
    after = text[quote.marks.end : quote.marks.end + 16].split(None, 2)
    dashed = len(after) > 1 and after[0] in ("-", "--", "—", "–", "―")
    if not dashed or after[1].rstrip(",") not in _AFTER_DASHED:
        return None
    return (quote.span.start, quote.span.end), "content: the quote the dashes set off in the object"


def _names_people(text: str, start: int, end: int) -> bool:
    """Tell whether the words between ``start`` and ``end`` name people ("his supporters")."""
    words = (t.text.lower() for t in tokens(text, start, end))
    return any(w in ROLE_NOUNS or w in VAGUE_GROUPS for w in words)


def _phrasal_call(doc: Doc, cue: tuple[int, int], start: int) -> bool:
    """Tell "called on Congress", "called for a recount" (asking) from "called the plan …"
    (the content starts at ``start``)."""
    if doc.text[cue[0] : cue[1]].lower()[:4] != "call":
        return False
    first = doc.text[start : start + 8].split(None, 1)
    return bool(first) and first[0] in ("on", "for", "off", "out", "up", "in")


def _asked_for(doc: Doc, content: tuple[int, int]) -> Choice | None:
    """For "called for “boots on the ground”" or "pleaded for “a fair hearing”": what was asked
    for is the quote right after "for" that ends the content, the words of the one who asked."""
    start, end = content
    quote = _quote_after_word(doc, start, "for")
    if quote is None or quote.marks.end < end - 2:
        return None  # "called for a vote", "called for her messages to be … “top secret”"
    return (quote.span.start, quote.span.end), "content: the quoted words asked for"


def _place_phrase(doc: Doc, cue: tuple[int, int], content: tuple[int, int]) -> bool:
    """Tell whether a content after its cue is a prepositional phrase rather than a statement."""
    start = content[0]
    if start < cue[1] or doc.quote_at(start) is not None:
        return False
    if "that" in doc.text[cue[1] : start]:
        return False  # "said that in May, prices rose": "that" opened a clause; it fronts a time
    first = doc.text[start : start + 12].split(None, 1)
    return bool(first) and first[0] in _PLACE_PREPOSITIONS


def _skip_to_quote(doc: Doc, content: tuple[int, int]) -> Choice | None:
    """For "asks at Western High School, “…”" or "said on Fox News Sunday that …", start the
    content at the quote that ends it or after "that"; None when there is neither."""
    start, end = content
    q = doc.next_quote_start(start, end)
    if q >= end:
        that = _THAT_RE.search(doc.text, start, min(end, start + 80))
        if that is None:
            return None
        # "said on Fox News Sunday that …"
        return (that.end(), end), "the words before 'that' only say where or when"
    quote = doc.quote_at(q)  # an outer quote starts at q: never None
    if quote is None or quote.marks.end < end - 2:
        return None  # "called on Congress to pass the “Dream Act” this year": a name, not speech
    return (quote.span.start, quote.span.end), "the words before the quote only say where or when"


_THAT_RE: Final = regex.compile(r"\bthat\s+")
_PLACE_PREPOSITIONS: Final = frozenset(
    ["in", "at", "on", "with", "into", "from", "during", "by", "for"]
)  # "to": "did not respond to requests for comment" reports nothing


# Verbs that, ending their sentence, hand over to a quote after it ("X said in a statement.").
_PLAIN_SAYING: Final = grammar_words("plain_saying")


def _quote_next(doc: Doc, core_end: int, s_end: int) -> ScannedQuote | None:
    """The quote that opens the next sentence when nothing but a full stop follows the cue
    ("X said in a statement. “…”", a colon written as a full stop), or None."""
    text = doc.text
    if text[core_end:s_end].strip(" \t") not in (".", ""):
        return None
    ahead = text[s_end : s_end + 8]
    pos = s_end + len(ahead) - len(ahead.lstrip(" \t\r\n."))
    q = doc.quote_at(pos)
    return q if q is not None and q.marks.start == pos and q.span.end > q.span.start else None


def _scare_quote(text: str, q: ScannedQuote, most: int) -> bool:
    """Tell whether a quote is a short term (at most ``most`` words) inside the writer's
    sentence (a 'Red Wall' seat): a word before it, no closing punctuation in it; no boundary
    for a source's phrase."""
    inner = q.span.text
    before = text[max(0, q.marks.start - 2) : q.marks.start]
    return (
        len(inner.split()) <= most
        and inner[-1:].isalnum()
        and before[-1:] == " "
        and before[:1].isalpha()
    )


def _negated(left: list[Token]) -> bool:
    """Tell whether a verb is negated by the few words before it ("did not immediately")."""
    return any(t.text.lower() in _NEGATIONS or t.text.endswith(("n't", "n’t")) for t in left[-4:])


_NEGATIONS: Final = frozenset(["not", "never"])


def _unsaid(left: list[Token]) -> bool:
    """Tell whether the words before a verb say it was not done, or not done in the writer's
    hearing: negated, after "without", "refused to", "declined to" ("without talking about",
    "declined to talk about"), or heard by someone else ("said he heard Mateen talk of …": the
    report is that speaker's, not Mateen's own)."""
    if _negated(left) or (left and left[-1].text.lower() == "without"):
        return True
    if any(t.text.lower() in _PERCEIVED for t in left[-4:]):
        return True
    return len(left) > 1 and left[-1].text.lower() == "to" and left[-2].text.lower() in _REFUSALS


_REFUSALS: Final = frozenset(
    ["refused", "refuses", "declined", "declines", "refusing", "declining"]
)
_PERCEIVED: Final = frozenset(["heard", "hear", "hears", "overheard", "saw", "seen", "watched"])


def _possessive(word: str) -> bool:
    """Tell "Maher’s rant" (a possessive before a noun) from "he’s said" (he has said)."""
    if not word.endswith(("’s", "'s")):
        return False
    return word[:-2].lower() not in ("he", "she", "it", "that", "who", "there", "what", "one")


def _weak_ok(doc: Doc, content: tuple[int, int], core_end: int, *, topic: bool = False) -> bool:
    """Accept a weak verb ("continued") only when its content is a quote or "that …"; a topic
    verb also when "of" or "about" follows it ("spoke of waning authority")."""
    if doc.quote_at(content[0]) is not None or introduces(doc.text, core_end):
        return True
    return topic and doc.text.startswith((" of ", " about "), core_end)


def file_link(book: SourceBook, link: Link) -> Link:
    """Enter a finished link's source and channel mentions in the book; return the link with
    the indices they were filed under (a new link when there is a mention to file)."""
    source, via, reasons = link.source, link.via, link.reasons
    if link.mention is not None:
        source, why = book.add(link.mention)
        said = book.text[link.mention.start : link.mention.end]
        reasons = [f"source {quoted(said)}: {why}", *reasons]
    if link.via_mention is not None:
        via, _ = book.add(link.via_mention)
    if link.mention is None and link.via_mention is None:
        return link
    return Link(
        source,
        link.cue,
        link.cue_kind,
        link.stance,
        link.content,
        link.sentence,
        via,
        link.when,
        reasons,
        link.mention,
        link.via_mention,
    )


def _adverb(word: str) -> bool:
    """Tell whether a word before a verb is an adverb ("repeatedly said"), not a noun in -ly
    that may be its subject ("the family said", "the assembly voted")."""
    if not (word.endswith("ly") and word.islower() and len(word) > 4):
        return False
    return word not in ROLE_NOUNS and word not in ORG_HEADS and word not in _LY_NOUNS


_LY_NOUNS: Final = grammar_words("ly_noun")


# Words before "to say" that leave the saying to the clause's subject ("went on to say",
# "was prompted to say", "went so far as to say", "continued to insist"); not "declined to say"
# or "refused to say".
_TO_SAY_LEADS: Final = frozenset(
    ["on", "prompted", "as", "quick", "moved", "proceeded", "rushed", "continued", "continues"]
)


# Verbs before "by saying" whose subject says it ("began by saying", "responded by saying").
_BY_SAYING_LEADS: Final = grammar_words("by_saying_lead")
# The words of a verb group before "to say" or "by saying", walked back to reach its subject.
_SAY_GROUP: Final = _TO_SAY_LEADS | _BY_SAYING_LEADS | _BE | _AUX | {"went", "goes", "so", "far"}


# After a comma inside a relative clause's report, a word that resumes the main clause's verb
# ("Trump, who had suggested the judge was biased, issued a statement"); -ed forms and any
# reporting verb count too, unless a preposition follows ("the deal, signed in May, was …").
_MAIN_VERBS: Final = grammar_words("main_verb")
_COMMA_WORD_RE: Final = regex.compile(r",[ \t]+([a-z]+)\b[ \t]*([a-z]*)")
_PARTICIPLE_AFTER: Final = frozenset(["in", "on", "at", "by", "last", "this", "for"])


def _close_relative(doc: Doc, cue: tuple[int, int], content: tuple[int, int]) -> Choice | None:
    """End a report made inside ", who said …," where the main clause's verb resumes; only at
    the first comma, since a later one may close an aside of the report itself."""
    start, end = content
    if start < cue[1]:
        return None
    m = _COMMA_WORD_RE.search(doc.text, start, end)
    if m is None:
        return None
    word = m.group(1)
    participle = word.endswith("ed") and m.group(2) not in _PARTICIPLE_AFTER
    if word in _MAIN_VERBS or participle or word in VERB_FORMS:
        cut = trim(doc.text, start, m.start())
        if cut[1] > cut[0]:
            return cut, "content: ends with the relative clause it is said in"
    return None


def _went_on_to(left: list[Token], verb: str) -> bool:
    """Tell whether the words before a verb end in "went on to", "was prompted to", "began by"
    and the like."""
    if len(left) < 2:
        return False
    if left[-1].text == "by":
        return verb.endswith("ing") and left[-2].text.lower() in _BY_SAYING_LEADS
    return left[-1].text == "to" and left[-2].text.lower() in _TO_SAY_LEADS


def _near_subject(text: str, left: list[Token]) -> Mention | None:
    """The subject just before "was prompted (to say)" or "began (by saying)", if one is there."""
    k = len(left)
    while k and left[k - 1].text.lower() in _SAY_GROUP:
        k -= 1
    phrase = subject_before(left[:k]) if 0 < k < len(left) else []
    mention = classify(text, phrase) if phrase else None
    if mention is None or loose_group(mention) or mention.kind is SOURCE_DOCUMENT:
        return None
    return mention


_WITH_REACH: Final = 10  # words looked back from a participle for its "with"
# "footage of the mayor saying": words before "of" that show or recall someone speaking
_SHOWING: Final = grammar_words("showing_noun")


def _absolute_subject(text: str, left: list[Token]) -> Mention | None:
    """For "…, with one woman shouting, “…”" or "footage of the mayor saying “…”": the noun
    phrase between "with" (or "footage of") and the participle (``left`` ends just before it) is who
    speaks, not the sentence's subject."""
    for k in range(len(left) - 1, max(-1, len(left) - 1 - _WITH_REACH), -1):
        word = left[k].text
        if word == "with" or (word == "of" and k and left[k - 1].text.lower() in _SHOWING):
            phrase = phrase_after(left[k + 1 :])
            if not phrase or len(phrase) != len(left) - k - 1:
                return None  # more than a noun phrase between "with" and the participle
            mention = classify(text, phrase)
            return None if mention is None or mention.pronoun else mention
        if not word[0].isalnum():
            return None
    return None


def _fronted_subject(doc: Doc, c_end: int, s_end: int) -> Mention | None:
    """For a participle opening the sentence with a quote right after it ("Citing “family
    obligations,” the senator's spokeswoman told reporters …"): the main clause's subject,
    the noun phrase right after the quote's comma, when a verb follows it."""
    text = doc.text
    quote = doc.quote_at(_next_visible(text, c_end, s_end))
    if quote is None or text[quote.span.end - 1 : quote.span.end] != ",":
        return None  # the participle's object is a quote ending on the clause's comma
    words = tokens(text, quote.marks.end, min(s_end, quote.marks.end + doc.window))
    phrase = phrase_after(words)
    if not phrase or len(phrase) == len(words) or not words[len(phrase)].text.islower():
        return None  # "Citing “…,” the spokeswoman told": a verb follows the subject
    return classify(text, phrase)


def _next_visible(text: str, start: int, end: int) -> int:
    """The offset of the first character in ``text[start:end]`` that is not white space."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _shared_subject(c_start: int, links: list[Link]) -> Link | None:
    """For "X said A but added B", the sentence's earlier report, whose source "added" shares
    (the cue starts at ``c_start``)."""
    if links and links[-1].cue is not None and links[-1].cue[1] <= c_start:
        return links[-1]
    return None


def _participle_subject(verb: str, after_comma: bool, links: list[Link]) -> Link | None:
    """For ", adding that …" (the comma may close a quote: "“Morning Joe,” adding …") return
    the sentence's earlier link, whose source continues."""
    if verb.endswith("ing") and after_comma and links:
        return links[-1]
    return None
