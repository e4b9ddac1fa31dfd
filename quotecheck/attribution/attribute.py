"""attribute(...) -> Sourcing: link quotes and reported statements to their sources via cues.

The order, as an editor reads a story:

1. every reporting verb and "according to" is read in its sentence (:mod:`linking`):
   its source, its content (the quote or the reported clause), when, and through whom;
2. a colon names the speaker of the quote after it ("X: “…”"), a dash and a name sign the quote
   before them ("“…” ― X"), a clause and a comma introduce the quote after them ("X boomed, “…”");
3. a quote with no cue of its own continues the speaker of the quote before it: in the same
   paragraph it joins that content, in the next paragraph it inherits the speaker;
4. vague cues ("reportedly") outside any attributed content credit their clause to no one;
5. quotes still without a source become scare quotes.

Sources are resolved in text order by :class:`~coref.SourceBook`, so a surname,
"the spokesman" or "he" finds the source introduced before it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from typing import Final

import regex

from quotecheck.attribution.anonymity import anonymity_reasons, explains_anonymity
from quotecheck.attribution.content import (
    Doc,
    Link,
    opens_sentence,
    report_end,
    split_colon_quote,
    trim,
    with_content,
    word_count,
)
from quotecheck.attribution.coref import SourceBook
from quotecheck.attribution.linking import file_link, verb_link
from quotecheck.attribution.questions import clause_start, question_link
from quotecheck.attribution.records import AttributionRecord, QuoteRecord, Sourcing
from quotecheck.attribution.shapes import (
    according_link,
    chant_link,
    colon_link,
    comma_link,
    dash_link,
    headline_source_link,
    hearing_links,
    noun_verb_tag_link,
    share_links,
    statement_link,
    vague_link,
    words_link,
)
from quotecheck.attribution.sources import grammar_words
from quotecheck.config import AnalyzerConfig
from quotecheck.kinds import (
    CUE_ACCORDING_TO,
    CUE_COLON,
    CUE_INHERITED,
    CUE_QUESTION,
    CUE_SPEECH_VERB,
    CUE_VAGUE,
    QUOTE_SCARE,
    ROLE_BODY,
    ROLE_HEADLINE,
    SOURCE_ANONYMOUS,
    SOURCE_PERSON,
    STANCE_NEUTRAL,
)
from quotecheck.models import (
    CueKind,
    Paragraph,
    QuoteKind,
    Stance,
)
from quotecheck.sortedints import bisect_right
from quotecheck.text.cues import CueRecord
from quotecheck.text.quotes import ScannedQuote

__all__ = ["Sourcing", "attribute"]


_SO_CALLED: Final = (
    "so-called",
    "so called",
    "dubbed",
    "termed",
    "the term",
    "the word",
    "the phrase",
)


def attribute(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    quotes: tuple[ScannedQuote, ...],
    cues: tuple[CueRecord, ...],
    config: AnalyzerConfig,
) -> Sourcing:
    """Credit every quote and reported clause to a source; quotes left over become scare quotes.

    >>> from quotecheck.pipeline import analyze
    >>> a = analyze('“We will stay,” the minister said on Monday.')
    >>> a.sources[0].descriptor, a.attributions[0].when.text
    ('the minister', 'on Monday')
    """
    sentences = [s for p in paragraphs for s in p.sentences]
    if not sentences:
        return Sourcing(tuple([_record(q) for q in quotes]), (), ())
    doc = Doc(text, sentences, quotes, config)
    book = SourceBook(text, config.pronoun_lookback)
    fields = _CueFields(cues)
    links = [
        part for link in _cue_links(doc, book, fields) for part in split_colon_quote(doc, link)
    ]
    links = _share_belief_links(doc, book, links)
    links = _colon_links(doc, book, fields, links)
    links = _headline_links(doc, book, links)
    links = _quote_shape_links(doc, book, links)
    links = _inherit(doc, links, config, fields)
    links = _vague_links(doc, book, fields, links)
    return _build(doc, book, quotes, links, fields)


class _CueFields:
    """The cues with their kinds and offsets in plain lists: every step of the stage goes
    through all the cues."""

    def __init__(self, cues: tuple[CueRecord, ...]) -> None:
        self.cues = cues
        self.kinds = [c.kind for c in cues]
        self.starts = [c.start for c in cues]
        self.ends = [c.end for c in cues]


def _cue_links(doc: Doc, book: SourceBook, fields: _CueFields) -> list[Link]:
    """Read every reporting verb and "according to", in text order."""
    links: list[Link] = []
    for n, cue in enumerate(fields.cues):
        kind = fields.kinds[n]
        if kind is CUE_SPEECH_VERB:
            if explains_anonymity(doc.text, fields.starts[n]) or _describes(
                doc.text, fields.ends[n]
            ):
                continue  # "who asked not to be named": how the source is unnamed, not a report
            if _answers_claim(doc.text, fields.starts[n]):
                continue  # "…, a claim that his office disputes": a reply to a report, not one
            link = _speech_link(doc, fields, n, links)
        elif kind is CUE_ACCORDING_TO:
            link = according_link(doc, cue)
        else:
            continue
        if link is not None and _imputed(doc.text, book, link):
            continue  # the writer's framing ("they claim", "X will tell you"), not a source
        p = len(links) - 1  # the earlier link this one is read against
        if link is not None and p >= 0 and link.cue_kind is not CUE_QUESTION:
            if links[p].cue_kind is CUE_QUESTION:
                link = _answer(doc, links[p], link)
            p = _before_questions(links, p)  # a report is read against the report before
        if link is not None and p >= 0 and _swallows(doc, links[p], link):
            links[p] = _make_room(doc, links[p], link)
        if link is None:
            continue
        outer = p >= 0 and _reports(doc, link, links[p])
        # a question stays even inside an earlier report's clause ("X told Congress when asked
        # about Y: “…”"): what it asks is never what X said
        if outer or link.cue_kind is CUE_QUESTION or p < 0 or not _duplicate(links[p], link):
            links.append(file_link(book, link))
        if outer:
            links[p] = _passed_on(links[p], links[-1])
    return links


def _before_questions(links: list[Link], p: int) -> int:
    """The index of the last link at or before ``p`` that is not a question put to a source
    (-1 when none is): the questions between two reports are set aside when the later report
    is read against the earlier ("X responded …, and when asked …, he said …")."""
    return _past_questions(lambda k: links[k].cue_kind, p)


def _past_questions(kind_at: Callable[[int], CueKind], i: int) -> int:
    """Step back from index ``i`` past links that are questions put to a source (``kind_at``
    gives a link's cue kind); -1 when no other link is left or after _QUESTION_STEPS
    questions, so the walk stays linear on any text."""
    floor = i - _QUESTION_STEPS
    while i > floor and i >= 0 and kind_at(i) is CUE_QUESTION:
        i -= 1
    return -1 if i == floor else i


# How many questions in a row the readers step back over to the report before them: news
# copy puts one or two between an answer and the report before it.
_QUESTION_STEPS: Final = 3


# Capitalised forms text.cues finds for the questions only ("Asked whether …, X said").
_QUESTION_ONLY: Final = ("Asked", "Questioned")


def _speech_link(doc: Doc, fields: _CueFields, n: int, links: list[Link]) -> Link | None:
    """Read the reporting verb of cue ``n``: a question put to a source ("Asked whether …"),
    or any other report. A question's asker is never the subject a later verb of its sentence
    shares ("Asked …, she smiled and said …")."""
    start, end = fields.starts[n], fields.ends[n]
    cue = fields.cues[n]
    link = question_link(doc, cue, start, end)
    if link is not None:
        return link
    if cue.text in _QUESTION_ONLY:
        return None  # "Asked" is a cue only as a question's participle; never "Trump Asked …"
    si = doc.sentence_at(start)
    # "Adding, “…”" opening a sentence goes on with the report that ended the sentence before
    told = si - 1 if _adding_quote(doc.text, cue.text, end) else si
    same = [k for k in links[-3:] if k.sentence == told and k.cue_kind is not CUE_QUESTION]
    return verb_link(doc, cue, start, end, same)


def _adding_quote(text: str, verb: str, end: int) -> bool:
    """Tell "Adding, “…”" (a capitalised participle, a comma or colon, then a quote)."""
    return verb == "Adding" and _ADDING_QUOTE_RE.match(text, end) is not None


_ADDING_QUOTE_RE: Final = regex.compile(r"[,:]\s{0,3}[“\"]")  # any space, even a no-break one


def _answer(doc: Doc, question: Link, link: Link) -> Link | None:
    """The report that answers a question put just before it in its sentence ("Asked who
    leads the party, he said Ryan."): its content is what follows its cue, never the question;
    None when nothing follows ("Asked about it, she declined to comment.")."""
    if link.cue is None or link.sentence != question.sentence:
        return link
    start, end = link.content
    if not start <= question.content[0] < end <= link.cue[0]:
        return link  # the report's content is its own clause or quote, not the question
    after = trim(doc.text, link.cue[1], _answer_end(doc, link.cue[1], doc.ends[link.sentence]))
    if doc.text.startswith("that ", after[0]):
        after = trim(doc.text, after[0] + 5, after[1])  # "said that it had not": the clause
    if after[1] <= after[0] or doc.quote_at(after[0]) is not None:
        return None
    return with_content(link, after, "content: the answer after the cue; before it, the question")


# After ", but" or ", while", the words that open a new subject: another answer begins
# ("…, 75 percent said yes, but 55 percent …"), where "…, but was referring to …" goes on.
_NEW_SUBJECT_RE: Final = regex.compile(
    r",[ \t]+(?:compared[ \t]+(?:with|to)|\w+)[ \t]+(?:\d|\p{Lu}|(?:he|she|they|it|we|the|a|an|"
    r"his|her|their|its|most|many|some|only|others?)\b)"
)


def _answer_end(doc: Doc, start: int, end: int) -> int:
    """Where an answer after its cue ends: at a semicolon, a new participle, or a contrast
    that opens a new subject (content.report_end, without cutting "…, but was referring …")."""
    cut = report_end(doc, start, end)
    if cut < end and doc.text[cut] == "," and _NEW_SUBJECT_RE.match(doc.text, cut, end) is None:
        return end
    return cut


# ", a claim that the council strongly disputes": a noun for what was said, then a relative
# clause whose verb answers it. Bounded: the clause is read over the last 90 characters only.
_ANSWERED_CLAIM_RE: Final = regex.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:\w+[ \t]+)?"
    r"(?:point|claim|charge|assertion|allegation|accusation|contention|characteri[sz]ation)"
    r"[ \t]+(?:that|which)[ \t]+[^,.;:!?“”\"]{1,60}$"
)


def _answers_claim(text: str, cue_start: int) -> bool:
    """Tell whether a cue stands in ", a point that officials dispute": what the verb answers
    is the clause before, which is someone else's report; it reports nothing itself."""
    if text.find(" that ", max(0, cue_start - 90), cue_start) < 0 and (
        text.find(" which ", max(0, cue_start - 90), cue_start) < 0
    ):
        return False  # most cues have neither word before them: a find is cheaper than a search
    return _ANSWERED_CLAIM_RE.search(text, max(0, cue_start - 90), cue_start) is not None


def _describes(text: str, cue_end: int) -> bool:
    """Tell whether a cue describes its source rather than reports ("people briefed on the
    talks", "officials briefed about the plan"): a participle with "on" or "about" after it."""
    return (
        text.startswith((" on ", " about "), cue_end) and text[cue_end - 7 : cue_end] == "briefed"
    )


# Verbs of contested claiming: an unresolved "they" with one of these, in the present, is the
# writer imputing a view ("They claim …"); with "say" or "argue" it is usually a real report
# whose antecedent is no source (respondents, plaintiffs), so those stay.
_IMPUTING_CUES: Final = frozenset(["claim", "insist", "pretend", "imagine"])
_MODALS: Final = frozenset(
    ["will", "would", "'ll", "’ll", "'d", "’d", "can", "could", "may", "might"]
)


def _imputed(text: str, book: SourceBook, link: Link) -> bool:
    """Tell whether a cue imputes a view rather than reports one: a present-tense cue whose
    "they" names no one before it ("They claim …"), or a modal cue addressed to the reader
    ("the bureaucrats will tell you …"). The claims stage reads these words as the writer's
    framing (lexicons/imputation.txt)."""
    mention, cue = link.mention, link.cue
    if mention is None or cue is None:
        return False
    word = text[cue[0] : cue[1]].lower()
    if mention.pronoun == "they" and book.is_empty():
        return word in _IMPUTING_CUES
    before = text[max(0, cue[0] - 8) : cue[0]].split()
    after = text[cue[1] : cue[1] + 6].split()
    modal = bool(before) and before[-1].lower() in _MODALS
    return modal and bool(after) and after[0].lower().strip(",") in ("you", "us")


def _reports(doc: Doc, link: Link, prev: Link) -> bool:
    """Tell whether a later cue reports the whole of an earlier one, cue and all ("Officials
    told lawmakers X, three people familiar with the briefing said"): two attributions, nested."""
    if link.cue is None or prev.cue is None or link.sentence != prev.sentence:
        return False
    if prev.mention is None or prev.mention.start > link.content[0] + doc.nested_lead:
        return False  # the inner report's source must open the outer content
    start, end = link.content
    if not start <= prev.cue[0] < prev.cue[1] <= end <= link.cue[0]:
        return False
    # ", three people familiar with the briefing said", not ", a point that officials dispute"
    words = doc.text[end : link.cue[0]].split()
    return bool(words) and words[0] == "," and not _RELATIVES.intersection(words)


_RELATIVES: Final = frozenset(["that", "which", "who", "whom", "what"])


def _passed_on(inner: Link, outer: Link) -> Link:
    """The inner link, with the outer source as the channel its statement is known through."""
    if inner.via is None and outer.source != inner.source and outer.mention is not None:
        said = outer.mention.start, outer.mention.end
        why = f"known through the outer report's source (at {said[0]}-{said[1]})"
        return Link(
            inner.source,
            inner.cue,
            inner.cue_kind,
            inner.stance,
            inner.content,
            inner.sentence,
            outer.source,
            inner.when,
            [*inner.reasons, why],
            inner.mention,
            inner.via_mention,
        )
    return inner


def _swallows(doc: Doc, prev: Link, link: Link) -> bool:
    """Tell whether an earlier clause after its cue ran over a later cue of the same sentence
    ("X noted that A, and added: “B”"; "X asserted that A: “B,” he claimed"), the part after
    the cue of a clause the cue interrupts too ("A, she said, B and admitted “C”")."""
    if prev.cue is None or link.cue is None or prev.sentence != link.sentence:
        return False
    after = max(prev.content[0], prev.cue[1])  # where the earlier content goes on after its cue
    if not prev.cue[1] <= after < link.cue[0] < prev.content[1]:
        return False
    return not _nested(prev, link, doc.nested_lead)


def _nested(prev: Link, link: Link, lead: int) -> bool:
    """Tell whether a later cue is part of the earlier report ("X said he never said …"): its
    source opens the earlier content (within ``lead`` characters of its start), and what it
    reports follows it."""
    mention, cue = link.mention, link.cue
    if mention is None or cue is None:
        return False
    opens = prev.content[0] <= mention.start <= prev.content[0] + lead
    return opens and mention.start < cue[0] and link.content[0] > mention.start


def _make_room(doc: Doc, prev: Link, link: Link) -> Link:
    """End the earlier clause before the later report (its source, its cue, or its quote): the
    earlier link with its content cut, or as it was when no clause boundary allows the cut."""
    cut = link.cue[0] if link.cue is not None else prev.content[1]
    if link.cue_kind is CUE_QUESTION:
        cut = clause_start(doc.text, prev.content[0], cut)  # "…, and when asked": at "when"
    if link.mention is not None and prev.content[0] < link.mention.start < cut:
        cut = link.mention.start
    if prev.content[0] < link.content[0] < cut:
        q = doc.quote_at(link.content[0])
        cut = q.marks.start if q is not None else link.content[0]
    start, end = trim(doc.text, prev.content[0], cut)
    end = _drop_conjunction(
        doc.text, start, _drop_verb_lead(doc.text, start, _drop_bar(doc.text, start, end))
    )
    between = doc.text[end:cut]
    boundary = any(c in between for c in _CLAUSE_BREAKS) or between.strip() in _BOUNDARY_WORDS
    boundary = boundary or _coordinated(between)
    if boundary and word_count(doc.text, (start, end)) >= 2:
        return with_content(
            prev, (start, end), "content: ends where the sentence's next report begins"
        )
    return prev


# Marks that close a clause before a second report; the horizontal bar "―" is a dash too
# ("… noted that A ― as was true for years ― Reed boasted, “…”").
_CLAUSE_BREAKS: Final = ",:;—–―("
_CONJUNCTIONS: Final = ("and", "but", "then")  # not "so" or "while": "do so", "for a while"
_CONJUNCTION_TAIL: Final = tuple(" " + word for word in _CONJUNCTIONS)
_BOUNDARY_WORDS: Final = (*_CONJUNCTIONS, "-", "--")  # a spaced hyphen is a dash: "Hussein - “…”"


# Adverbs and auxiliaries that may stand between "and" and a second verb of the same subject
# ("X urged A and repeatedly said, “…”", "… but later told reporters"); at most _LEAD_WORDS.
_VERB_LEADS: Final = grammar_words("auxiliary")
_LEAD_WORDS: Final = 3


def _lead_word(word: str) -> bool:
    """Tell whether a word may lead a verb after its conjunction ("also", "later", "quietly")."""
    return word in _VERB_LEADS or (word.endswith("ly") and word.isalpha() and word.islower())


def _coordinated(between: str) -> bool:
    """Tell whether the words between two reports join a second verb to the first's subject:
    a conjunction, then only adverbs or auxiliaries ("and also", "but quietly", "and later")."""
    words = between.split()
    if not 1 < len(words) <= _LEAD_WORDS + 1 or words[0] not in _CONJUNCTIONS:
        return False
    return all(_lead_word(w) for w in words[1:])


def _drop_bar(text: str, start: int, end: int) -> int:
    """Drop a horizontal bar "―" (a dash that trim() keeps) ending a clause cut short."""
    if end > start and text[end - 1] == "―":
        return trim(text, start, end - 1)[1]
    return end


def _drop_verb_lead(text: str, start: int, end: int) -> int:
    """Drop the adverbs left after a conjunction at the end of a clause cut short ("… stay
    indoors and also"): the end of the conjunction, or ``end`` when the tail is not that."""
    # the last few words only: a bounded look keeps this linear
    words: list[tuple[int, int]] = [
        m.span() for m in _WORD_RE.finditer(text, max(start, end - 60), end)
    ]
    k = len(words)
    while k > 1 and len(words) - k < _LEAD_WORDS and _lead_word(text[slice(*words[k - 1])]):
        k -= 1
    if k == len(words) or text[slice(*words[k - 1])] not in _CONJUNCTIONS:
        return end
    return words[k - 1][1]


_WORD_RE: Final = regex.compile(r"\S+")


def _drop_conjunction(text: str, start: int, end: int) -> int:
    """Drop a conjunction left at the end of a clause cut short ("… constitutional law, and")."""
    dropped = True
    while dropped:  # "… home state and then"
        dropped = False
        for word in _CONJUNCTION_TAIL:
            if text[start:end].endswith(word):
                end, dropped = trim(text, start, end - len(word))[1], True
    for word in _CONTRAST_TAIL:  # "… was good, while": after a comma, a contrast, not "a while"
        if text[start:end].endswith(word):
            return trim(text, start, end - len(word) + 1)[1]
    return end


# Words that join a second report to the first after a comma ("X said A, while Y said B").
_CONTRAST_TAIL: Final = (", while", ", whereas", ", although", ", though")


def _duplicate(prev: Link, link: Link) -> bool:
    """Tell whether a link repeats the content of the previous one (two cues, one statement)."""
    a, b = prev.content, link.content
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.8 * max(1, min(a[1] - a[0], b[1] - b[0]))


class _Cover:
    """The stretches of text some link's content covers, for O(log n) membership tests."""

    def __init__(self, links: list[Link]) -> None:
        spans = sorted([k.content for k in links])
        self.starts = [a for a, _ in spans]
        # the furthest end among the spans starting at or before each one
        self.reach = list(accumulate((b for _, b in spans), max))

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.reach[i]


def _share_belief_links(doc: Doc, book: SourceBook, links: list[Link]) -> list[Link]:
    """Credit "Around 47 percent believed that …" to the share, and "The court heard that …" to
    the court, when no cue claimed the clause."""
    covered = _Cover(links)
    # "The survey found that 55% of …": the reports a share opens
    opened = {k.content[0] for k in links}
    found = share_links(doc) + hearing_links(doc)
    extra = [file_link(book, k) for k in found if _share_free(k, covered, opened)]
    return sorted(links + extra, key=lambda k: k.content[0]) if extra else links


def _share_free(link: Link, covered: _Cover, opened: set[int]) -> bool:
    """Tell whether a share's report is no other report's: its clause and cue lie outside every
    content, or the share opens a report's content ("The survey found that 55% of the
    respondents thought …"): the share's answer is then a report nested in the survey's."""
    if link.cue is None or link.mention is None:
        return False
    if link.mention.start in opened:
        return True
    return link.content[0] not in covered and link.cue[0] not in covered


def _colon_links(doc: Doc, book: SourceBook, fields: _CueFields, links: list[Link]) -> list[Link]:
    """Credit quotes introduced by "X:" when no verb has claimed them."""
    extra = []
    covered = _Cover(links)
    for n, cue in enumerate(fields.cues):
        if fields.kinds[n] is CUE_COLON and fields.ends[n] + 2 not in covered:
            link = colon_link(doc, cue)
            if link is not None and link.content[0] not in covered:
                extra.append(file_link(book, link))
    return sorted(links + extra, key=lambda k: k.content[0])


def _headline_links(doc: Doc, book: SourceBook, links: list[Link]) -> list[Link]:
    """Credit a headline ending in ": CNBC" or ": Jaitley" to that source, unless a cue has."""
    extra = []
    covered = _Cover(links)
    for si, sentence in enumerate(doc.sentences):
        if sentence.role is ROLE_HEADLINE and doc.starts[si] not in covered:
            link = headline_source_link(doc, si)
            if link is not None:
                extra.append(file_link(book, link))
    return sorted(links + extra, key=lambda k: k.content[0]) if extra else links


def _quote_shape_links(doc: Doc, book: SourceBook, links: list[Link]) -> list[Link]:
    """Credit quotes no cue claimed by their punctuation: signed with a dash and a name
    ("“…” ― Sonya Herridge"), or introduced by a clause and a comma ("Clinton cracked, “…”")."""
    extra = []
    covered = _Cover(links)
    for q in doc.outer:
        if q.span.start not in covered:
            link = (
                dash_link(doc, q)
                or comma_link(doc, q)
                or words_link(doc, q)
                or statement_link(doc, q)
                or chant_link(doc, q)
                or noun_verb_tag_link(doc, q)
            )
            if link is not None:
                extra.append(file_link(book, link))
    return sorted(links + extra, key=lambda k: k.content[0]) if extra else links


def _inherit(doc: Doc, links: list[Link], config: AnalyzerConfig, fields: _CueFields) -> list[Link]:
    """Give a cue-less stand-alone quote the speaker of the quote just before it."""
    speech = CUE_SPEECH_VERB
    cued = {doc.sentence_at(fields.starts[n]) for n, k in enumerate(fields.kinds) if k is speech}
    out = list(links)
    # out's indices by content end (the ends before any quote was joined on, as the search keys)
    ends = sorted(range(len(out)), key=lambda j: out[j].content[1])
    keys = [out[j].content[1] for j in ends]
    covered = _Cover(links)
    fragment = config.fragment_quote_words
    for n, q in enumerate(doc.outer):
        mark = doc.q_starts[n]  # q.marks.start, already read
        qi = doc.sentence_at(mark)
        if q.span.start in covered or not opens_sentence(doc, q) or qi in cued:
            continue  # a quote with an unread cue of its own is not a continuation
        i = _last_report(out, ends, bisect_right(keys, mark) - 1)
        if i < 0:
            continue
        i = _quoted_report(doc, out, ends, i)
        prev = out[ends[i]]
        last = max(doc.sentence_at(prev.content[1] - 1), prev.sentence)
        gap = _prose_gap(doc, last, qi)
        if gap == 0 and qi - last <= config.cue_window_sentences:
            why = "the quote goes on in the next sentence, with no new speaker"
            out[ends[i]] = with_content(prev, (prev.content[0], q.span.end), why)
            continue
        if len(q.span.text.split(None, fragment)) <= fragment:
            continue  # "“All Bets Are Off.”", "“Nooooo!”": a subhead, title or shout, not more talk
        if gap == 1 and _hands_on(doc, prev, last):
            why = "the quote continues the previous paragraph's quote, so it keeps that speaker"
        elif gap == 0 and _narration_between(doc, prev, last, qi, cued):
            why = "the paragraph's earlier quote is this speaker's; only narration comes between"
        else:
            continue
        link = Link(
            prev.source,
            None,
            CUE_INHERITED,
            prev.stance,
            (q.span.start, q.span.end),
            qi,
            reasons=[f"no cue of its own: {why}"],
        )
        out.append(link)
        ends.insert(i + 1, len(out) - 1)
        keys.insert(i + 1, link.content[1])
    return sorted(out, key=lambda k: k.content[0])


def _last_report(out: list[Link], ends: list[int], i: int) -> int:
    """Step back from ``ends[i]`` past questions put to a source ("“A,” X said when asked
    about Y. “B.”": B is X's, never the questioner's); -1 when no report is left."""
    return _past_questions(lambda k: out[ends[k]].cue_kind, i)


def _quoted_report(doc: Doc, out: list[Link], ends: list[int], i: int) -> int:
    """A quote that goes on continues a quote: step back from ``ends[i]``, a report of no quote,
    to a quoted report of the same sentence ("“A,” said X, who said he left early. “B.”": B is
    X's, not the inner report's); ``i`` when the sentence has none within _QUESTION_STEPS."""
    link = out[ends[i]]
    if doc.quote_at(link.content[0]) is not None:
        return i
    for k in range(i - 1, max(-1, i - _QUESTION_STEPS), -1):
        other = out[ends[k]]
        if other.sentence != link.sentence:
            break
        if other.cue_kind is not CUE_QUESTION and doc.quote_at(other.content[0]) is not None:
            return k
    return i


def _prose_gap(doc: Doc, last: int, qi: int) -> int:
    """How many paragraph breaks of prose part sentence ``last`` from sentence ``qi``: a line
    that is not body copy between them ("Advertisement", a caption) does not part a speaker
    from the rest of their statement."""
    gap = doc.sentences[qi].paragraph - doc.sentences[last].paragraph
    if gap < 2:
        return gap
    between = {s.paragraph for s in doc.sentences[last + 1 : qi] if s.role is ROLE_BODY}
    return 1 + len(between)


def _narration_between(doc: Doc, prev: Link, last: int, qi: int, cued: set[int]) -> bool:
    """Tell whether only a little narration (no quote, no cue) separates a quote from the
    paragraph's earlier quoted speaker: the speaker goes on ("“…,” X said. He holds two
    degrees. “…”": at most doc.narration_sentences between)."""
    if doc.quote_at(prev.content[0]) is None or not 1 < qi - last <= doc.narration_sentences + 1:
        return False
    between = range(last + 1, qi)
    if any(i in cued for i in between):
        return False
    lo, hi = doc.sentences[last + 1].span.start, doc.sentences[qi - 1].span.end
    return doc.next_quote_start(lo, hi) >= hi


def _hands_on(doc: Doc, prev: Link, last: int) -> bool:
    """Tell whether the previous paragraph hands its speaker to a cue-less quote paragraph: its
    credited content is a quote, or its last sentence credits someone by a verb."""
    if doc.quote_at(prev.content[0]) is not None:
        return True
    paragraph = doc.sentences[last].paragraph
    closes = last + 1 >= len(doc.sentences) or doc.sentences[last + 1].paragraph != paragraph
    speaker = prev.mention is not None and prev.mention.kind in _SPEAKERS
    return closes and prev.cue_kind is CUE_SPEECH_VERB and speaker


# who goes on talking in a new paragraph
_SPEAKERS: Final = (SOURCE_PERSON, SOURCE_ANONYMOUS)


def _vague_links(doc: Doc, book: SourceBook, fields: _CueFields, links: list[Link]) -> list[Link]:
    """Credit clauses with "reportedly" and the like to a vague source, unless already sourced.

    A vague cue inside an earlier vague cue's content is credited by it already; each content
    starts after the one before ends, so no stretch of text is copied into more than one.
    """
    extra = []
    covered = _Cover(links)
    floor = 0
    for n, cue in enumerate(fields.cues):
        if fields.kinds[n] is CUE_VAGUE and fields.starts[n] not in covered:
            if fields.starts[n] < floor:
                continue
            link = vague_link(doc, cue, floor)
            if link is not None:
                extra.append(file_link(book, link))
                floor = link.content[1]
    return sorted(links + extra, key=lambda k: k.content[0])


def _build(
    doc: Doc,
    book: SourceBook,
    quotes: tuple[ScannedQuote, ...],
    links: list[Link],
    fields: _CueFields,
) -> Sourcing:
    """Freeze links into Attributions, settle every quote's kind and attribution id."""
    text = doc.text
    used = sorted(
        {i for k in links for i in (k.source, k.via) if i is not None and i >= 0},
        key=lambda i: min(book.drafts[i].mentions),
    )
    sources, ids = book.sources(used, _anonymity(doc, book, used))
    starts = [k.content[0] for k in links]
    contents = [k.content for k in links]  # each grows to hold the whole of a quote it ends in
    quote_ids: list[list[str]] = [[] for _ in links]
    by_quote: dict[str, int] = {}
    for q in quotes:
        if _named_term(text, q.start):
            continue
        span = q.span  # its fields read once: a model's fields are slow to read
        q_start, q_end = span.start, span.end
        i = bisect_right(starts, q_start) - 1
        floor = i - 4  # contents overlap little: a few steps back is enough, and stays linear
        # the innermost content holding the whole quote ("“A,” said X, who said Y. “B.”": B is
        # in X's content, which began before Y's)
        while (
            i > floor and i >= 0 and not (contents[i][0] <= q_start and q_end <= contents[i][1] + 2)
        ):
            i -= 1
        if i == floor:
            continue
        if i >= 0:
            qid = q.id
            by_quote[qid] = i
            quote_ids[i].append(qid)
            if q_end > contents[i][1]:  # a content trimmed of the quote's final stop
                contents[i] = (contents[i][0], q_end)  # holds the whole quote again
    attributions = tuple(
        _attribution(n, k, contents[n], quote_ids[n], ids) for n, k in enumerate(links)
    )
    settled = tuple(_settle(q, by_quote, attributions) for q in quotes)
    return Sourcing(settled, sources, attributions)


def _anonymity(doc: Doc, book: SourceBook, used: list[int]) -> dict[int, tuple[int, int]]:
    """The clause saying why each anonymous source is unnamed, where the text gives one."""
    anonymous = sorted(
        (start, i)
        for i in used
        if book.kind(i) is SOURCE_ANONYMOUS
        for start, _ in book.drafts[i].mentions
    )
    return anonymity_reasons(doc.text, doc.starts, anonymous, doc.reason_reach, doc.reason_lookback)


def _named_term(text: str, mark: int) -> bool:
    """Tell whether the quote opening at ``mark`` names a term ("the so-called “…”"): a scare
    quote by definition."""
    before = text[max(0, mark - 12) : mark].lower().rstrip()
    return before.endswith(_SO_CALLED)


def _attribution(
    n: int,
    k: Link,
    content: tuple[int, int],
    quote_ids: list[str],
    ids: dict[int, str],
) -> AttributionRecord:
    """One link, settled as an attribution, with its final content and the quotes it holds."""
    return AttributionRecord(
        f"a{n + 1}",
        ids[k.source],
        k.cue if k.cue else None,
        k.cue_kind,
        k.stance if isinstance(k.stance, Stance) else STANCE_NEUTRAL,
        content,
        tuple(quote_ids),
        ids.get(k.via) if k.via is not None else None,
        k.when if k.when else None,
        tuple(k.reasons),
    )


def _settle(
    q: ScannedQuote, by_quote: dict[str, int], attributions: tuple[AttributionRecord, ...]
) -> QuoteRecord:
    """Point a quote at its attribution, or make it a scare quote with the reason."""
    qid = q.id
    if qid in by_quote:
        return _record(q, attribution_id=attributions[by_quote[qid]].id)
    reason = "no source: no cue names a speaker for it, so it is read as a scare quote"
    return _record(q, kind=QUOTE_SCARE, reason=reason)


def _record(
    q: ScannedQuote,
    kind: QuoteKind | None = None,
    attribution_id: str | None = None,
    reason: str = "",
) -> QuoteRecord:
    """The quote scanner's quote as a record, with its kind, attribution or a reason settled."""
    return QuoteRecord(
        q.id,
        q.span,
        q.marks,
        kind if kind is not None else q.kind,
        attribution_id,
        q.paragraph,
        q.depth,
        q.closed,
        (*q.reasons, reason) if reason else q.reasons,
    )
