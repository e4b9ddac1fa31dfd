"""Where reported content lies: the clause before a cue, after it, or a quote around it.

:class:`Doc` indexes a text's sentences and outer quotes for position lookups; :class:`Link` is a
provisional attribution; :func:`choose_content` chooses a cue's content. ``Doc.max_clause`` and
``Doc.window`` (``AnalyzerConfig.attribution_max_clause`` and ``attribution_window``) bound how
far every reader of the attribution stage looks (linking, subjects, phrases, shapes,
attribution); every lookup here is a bisection or a bounded slice, so the cost per cue
is small.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from quotecheck.attribution.sources import QUANTIFIERS, Mention, TokenWindows, grammar_words
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.lexicons import load_rows
from quotecheck.models import CueKind, Sentence, Stance
from quotecheck.sortedints import bisect_left, bisect_right
from quotecheck.text.cues import VERB_FORMS
from quotecheck.text.quotes import ScannedQuote

__all__ = [
    "Choice",
    "Doc",
    "Link",
    "choose_content",
    "introduces",
    "opens_sentence",
    "report_end",
    "split_colon_quote",
    "trim",
    "with_content",
    "word_count",
]

# What may sit between a cue and the content that follows it.
_LEAD_IN_RE: Final = regex.compile(r"[\s,:;\-–—]*(?:(?:[a-z]+ly[ \t]+)?that\b)?[\s,:]*")
_PARTICIPLE_RE: Final = regex.compile(r",[ \t]+(?:also[ \t]+)?(\w+ing)\b")  # ", adding that …"
_CONJUNCTIONS: Final = frozenset(["and", "but", "or", "so", "while", "as"])
# Words that open an adverbial clause: after ", X said," they add the writer's narration
# ("…, officials said, before the driver was shot"), not what was said.
_SUBORDINATORS: Final = frozenset(
    ["before", "after", "when", "until", "because", "since", "although", "though", "despite"]
)
# Finite verbs that carry on a subject cut by the cue: "Whatever progress he made, officials
# said, could unravel": the report is both sides of the cue.
_PREDICATE_STARTS: Final = frozenset(
    ["is", "are", "was", "were", "will", "would", "could", "can", "should", "might", "must"]
)
# Words after a quote that resume the writer's narration: a time, a place, a new verb. The
# lexicon's subject_end class serves both this and the end of an inverted source's name.
_NARRATION_WORDS: Final = grammar_words("subject_end") | {"and", "but", "then", "moments", "twice"}


class Link:
    """A provisional attribution: content credited to a source index through a cue.

    A plain class with its own ``__init__``, not a dataclass: mypyc runs a dataclass's generated
    ``__init__`` as interpreted Python, several times slower, and one is built per cue. A link
    is never changed once built: a step that revises one builds a new one (:func:`with_content`,
    ``linking.file_link``), so the function that builds a link is the one that sets its fields.
    """

    __slots__ = (
        "content",
        "cue",
        "cue_kind",
        "mention",
        "reasons",
        "sentence",
        "source",
        "stance",
        "via",
        "via_mention",
        "when",
    )

    def __init__(
        self,
        source: int,
        cue: tuple[int, int] | None,
        cue_kind: CueKind,
        stance: Stance,
        content: tuple[int, int],
        sentence: int,
        via: int | None = None,
        when: tuple[int, int] | None = None,
        reasons: list[str] | None = None,
        mention: Mention | None = None,
        via_mention: Mention | None = None,
    ) -> None:
        self.source = source  # the source's index in the SourceBook; -1 until the link is filed
        self.cue = cue
        self.cue_kind = cue_kind
        self.stance = stance
        self.content = content
        self.sentence = sentence
        self.via = via
        self.when = when
        self.reasons: list[str] = reasons if reasons is not None else []
        self.mention = mention  # the source's mention, filed in the book once the link holds
        self.via_mention = via_mention


def with_content(link: Link, content: tuple[int, int], reason: str) -> Link:
    """A copy of ``link`` with another content, and the reason for it added to its reasons."""
    return Link(
        link.source,
        link.cue,
        link.cue_kind,
        link.stance,
        content,
        link.sentence,
        link.via,
        link.when,
        [*link.reasons, reason],
        link.mention,
        link.via_mention,
    )


# A content chosen or refined for a cue, and the reason for it.
Choice = tuple[tuple[int, int], str]


class Doc:
    """The text with its sentences and outer quotes indexed for quick position lookups.

    Offsets are kept in plain lists of ints: reading a field of a frozen model costs several
    times more than indexing a list, and the readers look them up at every cue.
    """

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        quotes: tuple[ScannedQuote, ...],
        config: AnalyzerConfig = DEFAULT_CONFIG,
    ) -> None:
        self.text = text
        # The config's reach limits, read once per text as plain ints (every cue reads them).
        self.max_clause: int = config.attribution_max_clause
        self.window: int = config.attribution_window
        self.resume_reach: int = config.attribution_resume_reach
        self.narration_sentences: int = config.attribution_narration_sentences
        self.left_reach: int = config.attribution_left_reach
        self.right_reach: int = config.attribution_right_reach
        self.label_reach: int = config.attribution_label_reach
        self.nested_lead: int = config.attribution_nested_lead
        self.passive_words: int = config.attribution_passive_words
        self.reason_reach: int = config.anonymity_reason_reach
        self.reason_lookback: int = config.anonymity_reason_lookback
        # The word limits of a source's shapes (attribution/subjects.py and shapes.py).
        self.relative_words: int = config.attribution_relative_words
        self.participle_words: int = config.attribution_participle_words
        self.aside_words: int = config.attribution_aside_words
        self.placing_words: int = config.attribution_placing_words
        self.appositive_words: int = config.attribution_appositive_words
        self.role_words: int = config.attribution_role_words
        self.appositive_name_words: int = config.attribution_appositive_name_words
        self.opener_words: int = config.attribution_opener_words
        self.colon_clause_words: int = config.attribution_colon_clause_words
        self.signature_words: int = config.attribution_signature_words
        self.signature_chars: int = config.attribution_signature_chars
        self.intro_words: int = config.attribution_intro_words
        self.intro_chars: int = config.attribution_intro_chars
        self.relative_clause_words: int = config.attribution_relative_clause_words
        self.unknown_noun_words: int = config.attribution_unknown_noun_words
        self.lead_words: int = config.attribution_lead_words
        self.term_words: int = config.attribution_term_words
        self.document_reach: int = config.attribution_document_reach
        self.phrase_reach: int = config.attribution_phrase_reach
        self.sentences = sentences
        # The words before and after each speech verb, read in text order: near cues share them.
        self.before_cues = TokenWindows(text)
        self.after_cues = TokenWindows(text)
        spans = [s.span for s in sentences]  # every model field read once
        self.starts = [span.start for span in spans]
        self.ends = [span.end for span in spans]
        ends = [q.end for q in quotes]
        self.outer: list[ScannedQuote] = []
        self.q_starts: list[int] = []
        self.q_ends: list[int] = []
        # by start, ties in the given order (as a stable sort by start): a nested quote is skipped
        for start, i in sorted([(q.start, i) for i, q in enumerate(quotes)]):
            if not self.q_ends or start >= self.q_ends[-1]:
                self.outer.append(quotes[i])
                self.q_starts.append(start)
                self.q_ends.append(ends[i])
        # Where a writer's comment or contrast may open (see cut_marks), read on first use.
        self._cut_marks: CutMarks | None = None

    def cut_marks(self) -> CutMarks:
        """The text's comment and contrast commas, read once for every reported clause."""
        if self._cut_marks is None:
            self._cut_marks = CutMarks(self.text)
        return self._cut_marks

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the nearest one before it)."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def quote_at(self, pos: int) -> ScannedQuote | None:
        """The outer quote whose marks contain ``pos``, if any."""
        i = bisect_right(self.q_starts, pos) - 1
        if i >= 0 and pos < self.q_ends[i]:
            return self.outer[i]
        return None

    def last_quote_end(self, lo: int, hi: int) -> int:
        """End of the last outer quote that closes in ``[lo, hi)``, or ``lo``."""
        i = bisect_right(self.q_starts, hi) - 1
        ends = self.q_ends
        while i >= 0 and ends[i] > hi:
            i -= 1
        if i >= 0 and ends[i] > lo:
            return ends[i]
        return lo

    def next_quote_start(self, lo: int, hi: int) -> int:
        """Start of the first outer quote opening in ``[lo, hi)``, or ``hi``."""
        i = bisect_left(self.q_starts, lo)
        if i < len(self.q_starts) and self.q_starts[i] < hi:
            return self.q_starts[i]
        return hi


def choose_content(
    doc: Doc,
    via: Mention | None,
    s_start: int,
    subj_start: int,
    core_end: int,
    s_end: int,
    inverted: bool,
) -> Choice | None:
    """Choose the content: the clause before the cue, after it, or a quote; None if none.

    ``via`` is the channel named after the cue, if any ("told the station “Channel 9”").
    """
    text = doc.text
    q = doc.quote_at(s_start)
    max_clause = doc.max_clause
    left_lo = q.marks.start if q is not None else max(s_start, subj_start - max_clause)
    left = trim(text, left_lo, subj_start)
    right_lo = _lead_in_end(text, core_end, min(s_end, core_end + 40))
    right_hi = _extend_over_quote(doc, right_lo, min(s_end, right_lo + max_clause))
    right = trim(
        text, right_lo, _contrast_cut(doc, right_lo, _participle_cut(text, right_lo, right_hi))
    )
    left_words, right_words = word_count(text, left), word_count(text, right)
    if text[core_end : core_end + 3].lstrip()[:1] == ";":
        right_words = 0  # "…, the minister said; it is …": the semicolon closes the report
    closes = left_words >= 3 and _comma_before(text, subj_start)  # "A, X said, …"
    right_ok = right_words >= 2 and not _continuation(text, right, text[core_end:right_lo], closes)
    left_quote = _only_quote(doc, left) if left_words else _quote_just_before(doc, s_start)
    if left_quote is None and left_words:
        left_quote = _set_off_quote(doc, subj_start, inverted)
    right_quote = doc.quote_at(right[0]) if right_words else _quote_after_colon(doc, core_end)
    if right_quote is not None and right_words and core_end <= right_quote.marks.start < right[0]:
        right = (right_quote.marks.start, right[1])  # the lead-in ate a ",," mark: give it back
    channel_name = via is not None and doc.quote_at(via.end + 1) is not None
    if channel_name:
        right_quote = None  # "told the station “Channel 9”": the quote names the channel
    colon = text[core_end : core_end + 3].lstrip()[:1] == ":"
    if colon and right_quote is not None:
        left_quote = None  # "“A.” X said: “B.”": the colon points forward; A is someone else's
    resumes = "content: the quote, which resumes after the cue"
    if left_quote is not None and right_quote is not None:
        return (left_quote[0], right_quote.span.end), resumes
    if left_quote is not None and (resumed := _resumed_quote(doc, core_end)) is not None:
        return (left_quote[0], resumed.span.end), resumes
    if left_quote is not None and (
        inverted or not right_ok or channel_name or not introduces(text, core_end)
    ):
        return left_quote, "content: the quote before the cue"
    if (
        right_quote is not None
        and (right_words == 0 or right_quote.marks.start == right[0])
        and (_quote_ends(doc, right_quote) or _narration_follows(doc, right_quote))
    ):
        return (right_quote.span.start, right_quote.span.end), "content: the quote after the cue"
    if right_words >= 2 and left_words >= 2 and _interrupted(text, left, right, core_end):
        return (left[0], right[1]), "content: the clause the cue interrupts"
    # both sides are one statement only when the left side is read from its start: a side cut
    # at the reach limit (max_clause) opens mid-clause, and the statement's start is unknown
    whole_left = q is not None or subj_start - max_clause <= s_start
    if whole_left and right_words >= 2 and _split_clause(text, left, right, core_end, left_words):
        return (left[0], right[1]), "content: the sentence the cue interrupts, both sides"
    if left_words >= 2 and (
        inverted or _clause_before(text, left, subj_start, left_words, right_words)
    ):
        return left, "content: the clause before the cue"
    if right_ok:
        return right, "content: the clause after the cue"
    if left_words >= 3:
        return left, "content: the clause before the cue"
    return None


def _lead_in_end(text: str, pos: int, endpos: int) -> int:
    """Where the words after a cue begin: past the marks, the "that" (and an adverb before it:
    "said privately that") of ``_LEAD_IN_RE``."""
    m = _LEAD_IN_RE.match(text, pos, endpos)
    return m.end() if m else pos


_RESUME_RE: Final = regex.compile(r"[^.;:!?“”\"\n,]{0,30},[ \t]*(?=[“\"])")


def _resumed_quote(doc: Doc, core_end: int) -> ScannedQuote | None:
    """The quote that picks up after "“…,” one aide said late last month, “…”", if any."""
    m = _RESUME_RE.match(doc.text, core_end)
    return doc.quote_at(m.end()) if m else _resumed_mid_sentence(doc, core_end)


def _resumed_quote_gap_ok(gap: str) -> bool:
    """Tell whether the words between a cue and a resumed quote stay in one clause (an
    abbreviation's full stop, as in "in Raleigh, N.C.,", ends none)."""
    if not gap.rstrip(" \t").endswith(",") or any(c in gap for c in ';:!?\n“”"'):
        return False
    return "." not in gap or not any("." in w for w in gap.split() if not _abbreviation_stop(w))


# Abbreviations whose full stop ends no clause ("Del.", "Calif.", "Gen.").
_ABBREVIATIONS: Final = frozenset(row[0] for row in load_rows("abbreviations"))


def _abbreviation_stop(word: str) -> bool:
    """Tell whether the full stops in a word are an abbreviation's ("Del.,", "N.C.,", "J.")."""
    stem = word.rstrip(",").removesuffix(".")
    if not stem.replace(".", "").isalpha():
        return False  # "3.5", "a.m.)": no abbreviation of a name
    initials = "." in stem and stem.replace(".", "").isupper()  # "N.C", "D.C"
    return initials or stem.lower() in _ABBREVIATIONS or (len(stem) == 1 and stem.isupper())


def _resumed_mid_sentence(doc: Doc, core_end: int) -> ScannedQuote | None:
    """A quote that resumes in lower case after a long description of the speaker: its
    sentence goes on, so the words are still the speaker's."""
    # "“…,” said X, director of … in London, “but it is …”": within doc.resume_reach
    reach = core_end + doc.resume_reach
    start = doc.next_quote_start(core_end, reach)
    q = doc.quote_at(start) if start < reach else None
    first = q.span.text.split(None, 1)[0] if q is not None and q.span.text.strip() else ""
    if q is None or not (first[:1].islower() or first in ("But", "And", "Or", "Yet", "So")):
        return None  # "“…,” he said of the plan, “but …”" or "“But I do know …”"
    return q if _resumed_quote_gap_ok(doc.text[core_end:start]) else None


def _clause_before(
    text: str, left: tuple[int, int], subj_start: int, left_words: int, right_words: int
) -> bool:
    """Tell whether ", X said" closes a reported clause ("A, X said", not "In May, X said B")."""
    if not (_comma_before(text, subj_start) and left_words >= 4 and right_words < 4):
        return False
    # "In the free-trade zone, traders say business is poor": one fronted phrase sets the scene
    # of the report after the verb; a reported clause before the cue has a verb of its own
    return right_words < 2 or not _fronted_phrase(text, left)


def _fronted_phrase(text: str, left: tuple[int, int]) -> bool:
    """Tell whether ``left`` is one prepositional phrase without a comma inside it."""
    first = text[left[0] : left[0] + 12].split(None, 1)
    inside = text[left[0] : left[1]].rstrip(" ,")
    return bool(first) and first[0] in _FRONTING_PREPOSITIONS and "," not in inside


# Prepositions that open a phrase fronted before a source ("In the zone, traders say …").
_FRONTING_PREPOSITIONS: Final = frozenset(
    ["In", "At", "On", "Across", "Among", "Inside", "Outside", "Near", "Throughout", "Within"]
)


def _comma_before(text: str, subj_start: int) -> bool:
    """Tell whether a comma (or a closing quote mark) stands just before the source."""
    return text[max(0, subj_start - 3) : subj_start].rstrip()[-1:] in ',”"’'


def introduces(text: str, core_end: int) -> bool:
    """Tell whether the cue introduces what follows it ("said that …", "said: …")."""
    ahead = text[core_end : core_end + 8].lstrip(" ,")
    return ahead.startswith(("that ", ":", "“", '"'))


def _quote_just_before(doc: Doc, s_start: int) -> tuple[int, int] | None:
    """The quote ending just before this sentence, on the same line ("“…?” Trump said.")."""
    before = doc.text[max(0, s_start - 4) : s_start]
    q = doc.quote_at(s_start - 1 - (len(before) - len(before.rstrip(" \t")))) if s_start else None
    gap = doc.text[q.marks.end : s_start] if q is not None else "\n"
    if q is None or gap.strip(" \t") != "" or q.span.end <= q.span.start:
        return None
    if not opens_sentence(doc, q):
        return None  # a quote ending a sentence of the writer's ("… because “…”") is not this one's
    return (q.span.start, q.span.end)


def _set_off_quote(doc: Doc, subj_start: int, inverted: bool) -> tuple[int, int] | None:
    """The quote just before the source that a colon or a dash sets off from the writer's clause
    ("… lost its identity: “France is no longer France,” he claimed"), or any full quote just
    before an inverted cue ("…, but despite the tone, “I think he will,” said Kunin"), if any."""
    gap = doc.text[max(0, subj_start - 3) : subj_start]
    q = doc.quote_at(subj_start - 1 - (len(gap) - len(gap.rstrip(" \t,"))))
    if q is None or doc.text[q.marks.end : subj_start].strip(" \t,") != "":
        return None
    if q.span.text[-1:] not in (",", "?", "!") or q.span.end <= q.span.start:
        return None  # a term ending the writer's clause, not words handed to a speaker
    before = doc.text[max(0, q.marks.start - 3) : q.marks.start].rstrip(" \t")
    after_comma = inverted and before[-1:] == "," and q.span.text[:1].isupper()
    set_off = before[-1:] in (":", "—", "–", "-", "(") or after_comma
    return (q.span.start, q.span.end) if set_off else None


def opens_sentence(doc: Doc, q: ScannedQuote) -> bool:
    """Tell whether a quote opens its sentence: a full utterance, not a term in running text."""
    s = doc.sentences[doc.sentence_at(q.marks.start)].span
    if q.marks.start - s.start > 8:  # sentences are trimmed: only a dash or a bracket may precede
        return False
    return doc.text[s.start : q.marks.start].strip(" \t\n-–—(") == ""


def _quote_after_colon(doc: Doc, pos: int) -> ScannedQuote | None:
    """The quote opening the next paragraph after "X said:" with nothing else after it."""
    rest = doc.text[pos : pos + 12]
    stripped = rest.lstrip(" \t")
    if not stripped.startswith(":"):
        return None
    offset = pos + len(rest) - len(stripped) + 1
    ahead = doc.text[offset : offset + 8]
    return doc.quote_at(offset + len(ahead) - len(ahead.lstrip()))


def _quote_ends(doc: Doc, q: ScannedQuote) -> bool:
    """Tell whether a quote after a cue is the whole content (nothing but a new clause follows)."""
    after = doc.text[q.marks.end : q.marks.end + 2].lstrip(" ")
    return not after or after[0] in ",.;:!?)\n—–" or q.span.text[-1:] in ",.!?"


def _narration_follows(doc: Doc, q: ScannedQuote) -> bool:
    """Tell whether the writer's narration resumes after a quote ("“Thank you Georgia” moments
    after polls closed", "“I’m with her” until Clinton spoke up"): the quote alone is reported."""
    after = doc.text[q.marks.end : q.marks.end + 24].split(None, 2)
    if len(after) > 1 and after[1].startswith("time") and _count_word(after[0]):
        return True  # "said “CNN” five times"
    return bool(after) and after[0] in _NARRATION_WORDS


def _count_word(word: str) -> bool:
    """Tell whether a word counts something ("five", "12", "several")."""
    return word.isdigit() or word.lower() in QUANTIFIERS


def _participle_cut(text: str, start: int, end: int) -> int:
    """End a reported clause before ", adding that …": the participle starts a new statement."""
    stop = min(end, start + 400)
    if text.find(",", start, stop) < 0 or text.find("ing", start, stop) < 0:
        return end  # the pattern needs both: most clauses lack one, and a find is cheap
    for m in _PARTICIPLE_RE.finditer(text, start, stop):
        if m.group(1) in VERB_FORMS:
            cut: int = m.start()
            return cut
    return end


# ", but 55 percent say …", ", while others …", ", compared with …", ", as has the mayor": a
# contrast the writer sets beside the report; ", but that …" still reports.
_CONTRAST_RE: Final = regex.compile(
    r",[ \t]+(?:but|while|whereas|compared[ \t]+(?:with|to)|as[ \t]+(?:has|have|had|did|does|do))\b"
    r"(?![ \t]+(?:that|not|also)\b)"
)


def report_end(doc: Doc, start: int, end: int) -> int:
    """Where a reported clause starting at ``start`` ends, at ``end`` at the latest: before a
    semicolon, a new participle (", adding …") or a contrast the writer adds (", while …")."""
    semicolon = doc.text.find(";", start, end)
    if semicolon >= 0 and doc.quote_at(semicolon) is None:
        end = semicolon
    return _contrast_cut(doc, start, _participle_cut(doc.text, start, end))


def _contrast_cut(doc: Doc, start: int, end: int) -> int:
    """End a reported clause before a contrast the writer adds (", but others …"), unless the
    comma stands inside a quote, and before the writer's comment on it (see _comment_cut)."""
    text = doc.text
    end = _comment_cut(doc, start, end)
    commas = doc.cut_marks().contrasts
    i = bisect_left(commas, start)
    while i < len(commas) and commas[i] + 2 <= end:  # ", " and the contrast's word in the clause
        comma = commas[i]
        if doc.quote_at(comma) is None and _CONTRAST_RE.match(text, comma, end) is not None:
            return comma
        i += 1
    return end


def _comment_cut(doc: Doc, start: int, end: int) -> int:
    """End a reported clause before the writer's comment set after it ("he's “losing the war,”
    part of a verbal lashing …", "…, a swipe at the mayor"): at the comma, or after the closing
    mark when the comma stands inside the quote that ends the report."""
    text = doc.text
    commas = doc.cut_marks().comments
    i = bisect_left(commas, start)
    while i < len(commas) and commas[i] < end:
        m = _COMMENT_RE.match(text, commas[i], end)
        i += 1
        if m is None:
            continue
        comma: int = m.start()
        inside = doc.quote_at(comma)
        if inside is None:
            return comma
        if m.group("mark") and inside.marks.end == comma + 2:
            return comma + 2  # "…,” part of": the quote stays whole
    return end


class CutMarks:
    """Where a reported clause may be cut, read once per text: every comma that opens a
    writer's comment (the first word of a comment head after it) and every ", " before a
    contrast's first word (_COMMENT_AT_RE, _CONTRAST_AT_RE).

    A report's clause reaches up to attribution_max_clause characters past its cue, so on text
    dense with reports the clauses overlap; each now bisects these lists instead of searching
    its whole clause again. Both are supersets of where the patterns match, and the patterns,
    which open with their comma and hold no other, are still tried at each one, with the
    clause's end: the same cuts as a search through the clause (tests/test_cut_marks.py).
    """

    __slots__ = ("comments", "contrasts")

    def __init__(self, text: str) -> None:
        self.comments = [m.start() for m in _COMMENT_AT_RE.finditer(text)]
        self.contrasts = [m.start() for m in _CONTRAST_AT_RE.finditer(text)]


# ", part of …", ", a swipe at …" (lexicons/source_grammar.txt, comment_head), after an
# optional closing mark; each entry is plain words, so the pattern cannot backtrack far.
_COMMENT_RE: Final = regex.compile(
    r",(?P<mark>[\"”’]?)[ \t]+(?:"
    + "|".join(
        r"[ \t]+".join(regex.escape(w) for w in head.split())
        for head in sorted(grammar_words("comment_head"), key=len, reverse=True)
    )
    + r")\b"
)
# Where _COMMENT_RE may match, whatever the clause's end: its comma, mark and white space, then
# a whole head (not its first word alone: ", a" opens most of "a man who said, a man who said,
# …", and every clause over such a run tried the pattern at each of its commas; 0.14 -> 0.60 MB/s
# compiled). Only the final \b is left out, which a clause's end may satisfy. Plain characters
# only, so the stdlib engine reads them as ``regex`` would, and scans a whole text faster.
_COMMENT_AT_RE: Final = re.compile(
    r",[\"”’]?[ \t]+(?:"
    + "|".join(
        r"[ \t]+".join(re.escape(w) for w in head.split())
        for head in sorted(grammar_words("comment_head"), key=len, reverse=True)
    )
    + ")"
)


# The first words of _CONTRAST_RE's contrasts: after ", " they mark where it may match.
_CONTRAST_WORDS: Final = ("but ", "while ", "whereas ", "compared ", "as ")
_CONTRAST_AT_RE: Final = re.compile(", (?=" + "|".join(map(re.escape, _CONTRAST_WORDS)) + ")")


def split_colon_quote(doc: Doc, link: Link) -> list[Link]:
    """Split "X told the court he had panicked: “I did not know what to do.”": the clause before
    the colon is reported and the quote after it quoted, by the same source. Words before the
    colon that are no clause ("said of the mayor: “…”", "recalled the freeze: “…”") only lead
    in to the quote, which is then the content."""
    start, end = link.content
    if link.cue is None or start < link.cue[1]:
        return [link]
    quote = doc.quote_at(end - 1)
    if quote is None or quote.marks.start <= start or not quote.span.text[:1].isupper():
        return [link]
    text = doc.text
    colon = quote.marks.start
    while colon > start and text[colon - 1] in " \t\u00a0":
        colon -= 1
    if colon <= start or text[colon - 1] != ":" or doc.next_quote_start(start, colon) < colon:
        return [link]
    said = (quote.span.start, quote.span.end)
    clause = trim(text, start, colon - 1)
    if not _reported_clause(text, link.cue[1], clause):
        return [with_content(link, said, "content: the quote the colon introduces")]
    first = with_content(link, clause, "content: the clause before the colon")
    return [first, with_content(link, said, "content: the quote after the colon, a second report")]


_CLAUSE_SUBJECTS: Final = frozenset(["he", "she", "they", "it", "we", "i", "there", "this"])


def _reported_clause(text: str, cue_end: int, clause: tuple[int, int]) -> bool:
    """Tell whether the words after a cue are a reported clause ("that …", "he had …") rather
    than a phrase that leads in to a quote ("of the mayor", "the freeze")."""
    if word_count(text, clause) < 3:
        return False
    lead = text[cue_end : clause[0]]
    first = (
        text[clause[0] : clause[0] + 8].split(None, 1)[0].lower() if clause[1] > clause[0] else ""
    )
    return "that" in lead.split() or first.strip(",") in _CLAUSE_SUBJECTS


def _continuation(text: str, right: tuple[int, int], tail: str, closes: bool) -> bool:
    """Tell whether the words after the cue start a new clause (", and has launched …"); after
    a cue that closes a clause (``closes``), an adverbial clause too (", before being shot")."""
    if "," not in tail:
        return False
    first = text[right[0] : right[0] + 12].split(" ", 1)[0].lower()
    return (
        first in _CONJUNCTIONS
        or (closes and first in _SUBORDINATORS)
        or first.endswith("ing")
        or first in ("according", "who", "which")
    )


def _interrupted(text: str, left: tuple[int, int], right: tuple[int, int], core_end: int) -> bool:
    """Tell whether ", X said," cuts one clause in two: the words before end in a comma and
    those after go on with a verb ("Whatever he has made, officials said, could unravel")."""
    if text[left[1] : left[1] + 2].lstrip()[:1] != "," or text[core_end : right[0]].strip() != ",":
        return False
    first = text[right[0] : right[0] + 8].split(" ", 1)[0]
    return first in _PREDICATE_STARTS


def _split_clause(
    text: str, left: tuple[int, int], right: tuple[int, int], core_end: int, left_words: int
) -> bool:
    """Tell whether ", X said," stands inside one statement that goes on after it in lower
    case ("Many of the closures, he said, have involved public courses"; "It was impossible,
    Gabuyev said, the leaders divided the labour"): both sides are the report, and the
    content runs from the first to the last, the cue inside it."""
    if left_words < 3 or text[core_end : right[0]].strip() != ",":
        return False
    if text[left[1] : left[1] + 2].lstrip()[:1] != ",":
        return False
    first = text[right[0] : right[0] + 12].split(" ", 1)[0]
    # ", X said, and has launched …", ", police said, before the fire started": a conjunction
    # or an adverbial clause adds the writer's own news to the report
    if first in _CONJUNCTIONS or first in _SUBORDINATORS:
        return False
    if first.endswith("ing") and first in VERB_FORMS:
        return False  # ", adding that …": the participle opens a report of its own
    return first.isalpha() and first.islower()


def _extend_over_quote(doc: Doc, lo: int, end: int) -> int:
    """If a quote opens in ``[lo, end)`` and runs past ``end``, extend to its close."""
    starts, ends = doc.q_starts, doc.q_ends
    i = bisect_left(starts, lo)
    while i < len(starts) and starts[i] < end:
        end = max(end, ends[i])
        i += 1
    return end


def _only_quote(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """If ``span`` is just one quote (and punctuation), return the quote's inner span."""
    q = doc.quote_at(span[0])
    if q is None or span[0] != q.marks.start:
        return None
    rest = doc.text[q.marks.end : span[1]]
    if rest.strip().strip(",.;:—–-") == "":  # white space of any kind: "“…,”\xa0Weiner said"
        return (q.span.start, q.span.end)
    return None


_EDGE: Final = " \t\r\n,;:—–-"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and clause punctuation from both ends (and a final full stop)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    return start, end


# Up to four words in one match: the number of the last group that took part is the count.
# Possessive runs never backtrack, so the match stays linear however long the span.
_FOUR_WORDS_RE: Final = regex.compile(
    r"""
    \W*+ (?: (\w++) \W*+          # the first word
        (?: (\w++) \W*+            # the second
            (?: (\w++) \W*+ (\w)?  # the third, and the start of a fourth
    )? )? )?
    """,
    regex.VERBOSE,
)


def word_count(text: str, span: tuple[int, int]) -> int:
    """Count the words (runs of ``\\w``) in a span, stopping at four (all the decisions need)."""
    if span[0] >= span[1]:
        return 0  # an empty side (a subject opening its sentence): no call into regex
    m = _FOUR_WORDS_RE.match(text, span[0], span[1])
    return (m.lastindex or 0) if m is not None else 0
