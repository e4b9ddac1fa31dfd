"""The public contract: frozen pydantic models for everything quotecheck reports.

Every model is immutable (``frozen=True``), rejects unknown fields (``extra="forbid"``) and
round-trips through JSON (``model_dump_json`` / ``model_validate_json``). Logic lives in the
stage modules, not here; models only hold data and cheap derived properties.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticSerializationError

__all__ = [
    "Analysis",
    "Attribution",
    "Claim",
    "ClaimKind",
    "Cue",
    "CueKind",
    "Edit",
    "EditOp",
    "Failure",
    "Flag",
    "FlagKind",
    "Genre",
    "GenreKind",
    "Page",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "Sentence",
    "SentenceRole",
    "Severity",
    "Signal",
    "SignalKind",
    "Source",
    "SourceKind",
    "SourcingSummary",
    "Span",
    "SpeakerMatch",
    "Stance",
    "Verification",
    "VerificationStatus",
]


# A lone surrogate: valid in a Python str and in JSON text ("\\ud800"), but it has no UTF-8 form.
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# How pydantic-core reports a KeyboardInterrupt raised while it writes JSON: it turns the
# interrupt into a serialisation error, which a caller would otherwise take for a bad record.
_INTERRUPTED = "serializing to JSON: KeyboardInterrupt"
# Its JSON escape, as JSON text holds it: pydantic's reader refuses these, the stdlib's reads them.
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _Frozen(BaseModel):
    """Base for every contract model: immutable, strict about fields, JSON for any text.

    ``model_dump_json`` and ``model_validate_json`` also carry text with lone surrogates (a
    JSON input may hold ``"\\ud800"``; pydantic alone refuses to write or read it): such a
    model is written with the stdlib's ``json`` in the same compact layout, each lone surrogate
    as its ``\\udXXX`` escape, and read back equal.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # The signatures are pydantic's: every keyword goes through to it unchanged.
    def model_dump_json(self, **kwargs: Any) -> str:
        """JSON of the model, as pydantic writes it; lone surrogates written as escapes."""
        try:
            return super().model_dump_json(**kwargs)
        except PydanticSerializationError as exc:
            if _INTERRUPTED in str(exc):  # Ctrl-C (or SIGTERM) came mid-write: still a stop
                raise KeyboardInterrupt from exc
            if "surrogates not allowed" not in str(exc):
                raise
        indent = kwargs.pop("indent", None)
        ensure_ascii = kwargs.pop("ensure_ascii", False)
        data = self.model_dump(mode="json", **kwargs)
        separators = (",", ": ") if indent is not None else (",", ":")
        text = json.dumps(data, ensure_ascii=ensure_ascii, indent=indent, separators=separators)
        return _LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Read a model from JSON, lone-surrogate escapes included."""
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError:
            text = _utf8_text(json_data)
            if text is None or not _SURROGATE_ESCAPE_RE.search(text):
                raise  # pydantic's reason stands (bytes that are not UTF-8 included)
        return cls.model_validate(json.loads(text), **kwargs)


ContractModel = _Frozen
"""The base of quotecheck's frozen models, for models built on them in other modules (the
corpus report): the same strictness, and JSON for any text, lone surrogates included."""


def _utf8_text(data: str | bytes | bytearray) -> str | None:
    """JSON input as text, or None when its bytes are not UTF-8."""
    if isinstance(data, str):
        return data
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return None


# --------------------------------------------------------------------------- labels


class QuoteKind(StrEnum):
    """What a pair of quote marks encloses."""

    direct = "direct"  # a full utterance: the quote is (or ends) its own sentence or clause
    partial = "partial"  # a fragment woven into the writer's sentence
    scare = "scare"  # quote marks with no speaker: distance, irony, or a term


class SourceKind(StrEnum):
    """Who or what a statement is credited to."""

    person = "person"
    organization = "organization"
    media = "media"  # a news outlet as the source ("the Washington Post reported")
    document = "document"  # a report, statement, filing or study
    anonymous = "anonymous"  # an unnamed person or group ("a senior official")
    vague = "vague"  # no identifiable source ("reportedly", "critics say")


class CueKind(StrEnum):
    """The shape of the words that tie content to its source."""

    speech_verb = "speech_verb"  # "said", "told", "argued", "tweeted"
    according_to = "according_to"  # "according to X"
    colon = "colon"  # "X: “…”"
    statement = "statement"  # "in a statement", "in an interview"
    vague = "vague"  # "reportedly", "allegedly", "it is believed"
    inherited = "inherited"  # no cue of its own: continues the previous speaker's quote
    dash = "dash"  # "“…” ― Sonya Herridge": a dash after a quote signs it with its speaker
    turn = "turn"  # a transcript's speaker label: "Q:", "A:", "HARRIS:", a name on its own line
    question = "question"  # "Asked whether …", "X was asked about …": a question put to a source


class Stance(StrEnum):
    """The reporting verb's stance towards what it introduces."""

    neutral = "neutral"  # said, told, added, noted
    assertive = "assertive"  # claimed, insisted, argued
    admitting = "admitting"  # admitted, conceded, acknowledged
    denying = "denying"  # denied, rejected, disputed
    critical = "critical"  # accused, slammed, criticised
    supportive = "supportive"  # praised, welcomed, endorsed
    tentative = "tentative"  # suggested, speculated, hinted
    warning = "warning"  # warned, cautioned
    asking = "asking"  # asked, wondered, questioned
    promising = "promising"  # promised, vowed, pledged
    announcing = "announcing"  # announced, declared, revealed
    reporting = "reporting"  # reported, wrote, posted, tweeted


class SentenceRole(StrEnum):
    """What part of an article a segment is."""

    body = "body"
    headline = "headline"  # a title line with no closing full stop
    dateline = "dateline"  # "WASHINGTON (Reuters) -" or "Nov. 27, 2026"
    byline = "byline"  # "By Jane Doe"
    credit = "credit"  # "(Reporting by Jane Doe; Editing by John Roe)", "Compiled by …"
    caption = "caption"  # "Photo: …", "Image caption …", "(Getty Images)", "REUTERS/Jane Doe"
    contact = "contact"  # a media-contact block: "Media contact: …", "Tel …", an email address
    boilerplate = "boilerplate"  # "Notes to editors", "About Acme" blocks, "ENDS", "###"
    speaker = "speaker"  # a transcript turn's label: "Q:", "HARRIS:", a name line before a turn


class ClaimKind(StrEnum):
    """How a sentence is sourced, from best to worst sourced; then ``other``, no claim at all."""

    quoted = "quoted"  # carries a direct or partial quote from a source
    attributed = "attributed"  # reports a named source's statement
    anonymous = "anonymous"  # reports an unnamed source
    vague = "vague"  # "reportedly", "critics say"
    unattributed = "unattributed"  # the writer's own claim, no source
    editorial = "editorial"  # the writer's own claim with evaluative or speculative framing
    other = "other"  # not a claim: a byline, dateline, credit, caption, contact or boilerplate


class SignalKind(StrEnum):
    """A kind of framing evidence found in a sentence."""

    evaluative = "evaluative"  # loaded or evaluative terms: "imperialist", "thugs", "slammed"
    presupposition = "presupposition"  # "under the pretext of", "so-called", "in the name of"
    intent = "intent"  # claims about intent or mental state: "aims to", "is eager to"
    speculation = "speculation"  # predictions: "in preparation for", "is poised to"
    intensifier = "intensifier"  # certainty markers: "clearly", "of course", "undeniably"
    scare_quote = "scare_quote"  # quote marks with no speaker
    voice = "voice"  # the writer speaks in person or prescribes: "we", "you", "should"
    imputation = (
        "imputation"  # the writer puts words in others' mouths: "they claim", "will tell you"
    )
    rhetorical_question = "rhetorical_question"  # the writer asks without wanting an answer


class GenreKind(StrEnum):
    """What kind of piece a text is, as an editor would file it."""

    news = "news"  # a report: sourced facts, the writer out of sight
    analysis = "analysis"  # reporting with the writer's interpretation ("what this means")
    opinion = "opinion"  # a column or editorial: the writer argues
    review = "review"  # a critic judges a film, book, play, product
    press_release = "press_release"  # an organisation announces its own news
    transcript = "transcript"  # questions and answers, or speaker turns
    letter = "letter"  # a reader's letter to the editor
    unknown = "unknown"  # too short or too mixed to tell


class FlagKind(StrEnum):
    """What a fact-checker should look at."""

    unattributed_claim = "unattributed_claim"
    editorial_framing = "editorial_framing"
    anonymous_source = "anonymous_source"
    vague_source = "vague_source"
    speakerless_quote = "speakerless_quote"
    unbalanced_quote_marks = "unbalanced_quote_marks"
    quote_soup = "quote_soup"  # a long run of tiny quotes whose marks were read as plain text
    not_prose_input = "not_prose_input"  # the text is HTML (tags, entities), not plain prose
    language = "language"  # the text does not read as English: the lexicons do not fit it
    misattributed = "misattributed"  # a verified quote's words were said by someone else


class Severity(StrEnum):
    """How urgently a flag needs a look; compare with :attr:`rank`."""

    info = "info"
    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        """0 for ``info`` up to 3 for ``high``, for sorting."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.info: 0, Severity.low: 1, Severity.medium: 2, Severity.high: 3}


class VerificationStatus(StrEnum):
    """How faithfully a quote reproduces its source, from most to least faithful."""

    exact = "exact"
    normalized = "normalized"  # only case, quote style, dashes, whitespace, punctuation differ
    ellipsis = "ellipsis"  # omissions marked with … or [insertions]; every piece found in order
    minor_edit = "minor_edit"  # unmarked changes to function words or inflections only
    altered = "altered"  # content words changed, added or dropped without marking
    spliced = "spliced"  # pieces found far apart or out of order, joined as one utterance
    not_found = "not_found"


class SpeakerMatch(StrEnum):
    """Whether the words of a verified quote were said by the speaker the article credits."""

    same = "same"  # the matched words lie in the credited speaker's turns
    different = "different"  # they lie in someone else's turns (see source_speaker)
    unknown = "unknown"  # the source has no speaker turns, or the quote no credited speaker


EditOp = Literal["insert", "delete", "replace"]
"""One word-level difference: ``insert`` (quote words the source lacks), ``delete`` (source words
the quote leaves out), ``replace`` (source words the quote changes)."""


# --------------------------------------------------------------------------- text


class Span(_Frozen):
    """A stretch of the caller's original text: ``document[start:end] == text``."""

    start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The characters between start and end, verbatim.")

    @model_validator(mode="after")
    def _consistent(self) -> Span:
        if self.end < self.start:
            msg = f"Span end {self.end} is before its start {self.start}"
            raise ValueError(msg)
        if len(self.text) != self.end - self.start:
            msg = f"Span text has {len(self.text)} characters but covers {self.end - self.start}"
            raise ValueError(msg)
        return self


class Sentence(_Frozen):
    """One sentence (or headline, dateline, byline) with its place in the article."""

    index: int = Field(ge=0, description="Position among all sentences of the article.")
    paragraph: int = Field(ge=0, description="Index of the paragraph holding it.")
    span: Span = Field(description="The sentence, without surrounding white space.")
    role: SentenceRole = Field(default=SentenceRole.body, description="Body text or not.")


class Paragraph(_Frozen):
    """A block of text separated from its neighbours by a blank line or a line break."""

    index: int = Field(ge=0, description="Position among all paragraphs of the article.")
    span: Span = Field(description="The paragraph, without surrounding white space.")
    sentences: tuple[Sentence, ...] = Field(description="Its sentences in order.")


class Quote(_Frozen):
    """Text between a pair of quote marks."""

    id: str = Field(description="Stable id within the analysis, e.g. 'q1'.")
    span: Span = Field(description="The quoted words, between the marks (inner punctuation kept).")
    marks: Span = Field(description="The quote including its opening and closing marks.")
    kind: QuoteKind = Field(description="Direct utterance, partial fragment, or scare quote.")
    attribution_id: str | None = Field(
        default=None, description="The attribution naming its speaker, if any."
    )
    paragraph: int = Field(ge=0, description="Index of the paragraph where the quote opens.")
    depth: int = Field(default=0, ge=0, description="0 for an outer quote, 1 nested inside one.")
    closed: bool = Field(default=True, description="False when no closing mark was found.")
    reasons: tuple[str, ...] = Field(default=(), description="Why it got its kind.")


# --------------------------------------------------------------------------- sourcing


class Cue(_Frozen):
    """Words that introduce reported content: a speech verb, "according to", a colon."""

    span: Span = Field(description="The cue words in the text.")
    kind: CueKind = Field(description="The cue's shape.")
    lemma: str = Field(description="Dictionary form, e.g. 'say' for 'said'.")
    stance: Stance = Field(default=Stance.neutral, description="The verb's stance.")


class Source(_Frozen):
    """One distinct source of statements, with every mention of it."""

    id: str = Field(description="Stable id within the analysis, e.g. 's1'.")
    kind: SourceKind = Field(description="Person, organisation, media, document, anonymous, vague.")
    name: str | None = Field(default=None, description="Canonical name, e.g. 'Gordon Trowbridge'.")
    role: str | None = Field(
        default=None, description="Title or role, e.g. 'US Deputy Defense Press Secretary'."
    )
    affiliation: str | None = Field(
        default=None, description="Organisation the source speaks for, when stated."
    )
    descriptor: str | None = Field(
        default=None,
        description="How a source without a name is described, e.g. "
        "'unnamed Defense Department sources', 'the mayor'.",
    )
    mentions: tuple[Span, ...] = Field(default=(), description="Every mention, in text order.")
    anonymity_reason: Span | None = Field(
        default=None,
        description="For an anonymous source, the clause saying why it is unnamed, when the "
        "text gives one, e.g. 'who spoke on condition of anonymity because they were not "
        "authorized to discuss the talks'; None otherwise.",
    )


class Attribution(_Frozen):
    """Content (a quote or a reported clause) credited to a source through a cue."""

    id: str = Field(description="Stable id within the analysis, e.g. 'a1'.")
    source_id: str = Field(description="The Source this content is credited to.")
    cue: Span | None = Field(description="The cue words; None when inherited from a neighbour.")
    cue_kind: CueKind = Field(description="The cue's shape.")
    stance: Stance = Field(default=Stance.neutral, description="The cue's stance.")
    content: Span = Field(description="What is credited: the quote or the reported clause.")
    quote_ids: tuple[str, ...] = Field(default=(), description="Quotes inside the content.")
    via_source_id: str | None = Field(
        default=None, description="The channel it reached the writer through ('told the Post')."
    )
    when: Span | None = Field(default=None, description="When it was said ('on Wednesday').")
    reasons: tuple[str, ...] = Field(default=(), description="Why this link was made.")


# --------------------------------------------------------------------------- claims and flags


class Signal(_Frozen):
    """One piece of framing evidence: a loaded term, a presupposition, a scare quote."""

    kind: SignalKind = Field(description="What sort of framing it is.")
    span: Span = Field(description="Where it is.")
    lexicon: str | None = Field(default=None, description="The lexicon entry that matched.")
    in_quote: bool = Field(
        default=False,
        description="True when inside a quote: the speaker's framing, not the writer's.",
    )


class Genre(_Frozen):
    """The genre of a text, how sure the reading is, and the signals that decided it."""

    kind: GenreKind = Field(default=GenreKind.unknown, description="The genre.")
    confidence: float = Field(
        default=0.0, ge=0.0, le=1.0, description="0 (a guess) to 1 (labelled or given)."
    )
    reasons: tuple[str, ...] = Field(default=(), description="The signals read, for a person.")
    given: bool = Field(default=False, description="True when the caller passed the genre.")


class Claim(_Frozen):
    """One sentence and how it is sourced."""

    index: int = Field(ge=0, description="The sentence's index.")
    span: Span = Field(description="The sentence.")
    kind: ClaimKind = Field(description="How the sentence is sourced.")
    role: SentenceRole = Field(default=SentenceRole.body, description="Body text or not.")
    attribution_ids: tuple[str, ...] = Field(default=(), description="Attributions in it.")
    sourced: tuple[Span, ...] = Field(default=(), description="Parts credited to a source.")
    unsourced: tuple[Span, ...] = Field(default=(), description="Parts the writer asserts alone.")
    framing: tuple[Signal, ...] = Field(default=(), description="Framing signals found in it.")
    checkable: bool = Field(
        default=False, description="True when it makes a specific, checkable factual claim."
    )
    reasons: tuple[str, ...] = Field(default=(), description="Why it got its kind, for a person.")


class Flag(_Frozen):
    """Something a fact-checker should look at, ranked by severity."""

    kind: FlagKind = Field(description="What is flagged.")
    span: Span = Field(description="Where it is.")
    message: str = Field(description="What is wrong, in a sentence.")
    severity: Severity = Field(description="How urgently it needs a look.")


class SourcingSummary(_Frozen):
    """Counts and shares of how an article is sourced."""

    sentences: int = Field(default=0, ge=0, description="Body sentences (claims) counted.")
    claims_by_kind: dict[str, int] = Field(
        default_factory=dict, description="Body sentences per ClaimKind value."
    )
    quotes_by_kind: dict[str, int] = Field(
        default_factory=dict, description="Quotes per QuoteKind value."
    )
    attributions_by_source_kind: dict[str, int] = Field(
        default_factory=dict, description="Attributions per SourceKind value of their source."
    )
    named_share: float = Field(
        default=0.0,
        description="Share of body sentences sourced to a "
        "named person, organisation, medium or document.",
    )
    anonymous_share: float = Field(default=0.0, description="Share sourced to anonymous sources.")
    vague_share: float = Field(default=0.0, description="Share with vague sourcing only.")
    unattributed_share: float = Field(
        default=0.0, description="Share with no source (unattributed or editorial)."
    )
    distinct_named_sources: int = Field(
        default=0, ge=0, description="Distinct named sources (not anonymous or vague)."
    )


class Page(_Frozen):
    """A web page's article as :func:`quotecheck.analyze_html` extracted it: text and metadata."""

    text: str = Field(description="The extracted article text; the analysis' offsets index it.")
    title: str | None = Field(default=None, description="The article's headline or page title.")
    author: str | None = Field(default=None, description="The byline, e.g. 'Maren Okafor'.")
    date: str | None = Field(default=None, description="Publication date, 'YYYY-MM-DD'.")
    url: str | None = Field(default=None, description="The page's address (canonical when given).")
    sitename: str | None = Field(default=None, description="The publication, e.g. 'The Ledger'.")
    description: str | None = Field(default=None, description="The page's own summary line.")
    language: str | None = Field(default=None, description="Language code the page declares.")


class Analysis(_Frozen):
    """Everything quotecheck reads in one text: the result of :func:`quotecheck.analyze`."""

    doc_id: str | None = Field(default=None, description="The caller's id for the text.")
    length: int = Field(default=0, ge=0, description="Length of the analysed text in characters.")
    paragraphs: tuple[Paragraph, ...] = Field(default=(), description="Paragraphs in order.")
    quotes: tuple[Quote, ...] = Field(default=(), description="Quotes in document order.")
    sources: tuple[Source, ...] = Field(default=(), description="One per distinct source.")
    attributions: tuple[Attribution, ...] = Field(default=(), description="In content order.")
    claims: tuple[Claim, ...] = Field(default=(), description="One per sentence, in order.")
    flags: tuple[Flag, ...] = Field(default=(), description="By position in the text.")
    genre: Genre = Field(
        default_factory=Genre, description="The text's genre, read or given; labels use it."
    )
    summary: SourcingSummary = Field(
        default_factory=SourcingSummary, description="How the article is sourced, in numbers."
    )
    language: str | None = Field(
        default=None,
        description="The detected language (ISO 639-1, e.g. 'en'), None when the text is too "
        "short to tell or matches no known language.",
    )
    page: Page | None = Field(
        default=None,
        description="For a web page (analyze_html): the extracted text the offsets index, with "
        "title, byline and date; None for plain text.",
    )

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of every paragraph, in order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    # Display only; the report room does the work (imported late: it imports this module).
    def __repr__(self) -> str:
        """One line: the id, length and counts (``model_dump_json`` gives everything)."""
        from quotecheck.report.notebook import analysis_repr

        return analysis_repr(self)

    __str__ = __repr__

    def __rich_repr__(self) -> Iterator[object]:
        """The one-line summary, for rich's pretty printer."""
        from quotecheck.report.notebook import analysis_rich_repr

        return analysis_rich_repr(self)

    def _repr_html_(self) -> str:
        """The article with its highlights, legend and flags, for Jupyter (no script needed)."""
        from quotecheck.report.notebook import analysis_html

        return analysis_html(self)


# --------------------------------------------------------------------------- verification


Meaning = Literal["negation", "number", "hedge", "qualifier"]
"""A way a word edit may change what a quote means."""


class Edit(_Frozen):
    """One word-level difference between a quote and the source passage it matches."""

    op: EditOp = Field(description="Insert, delete or replace.")
    quote_words: str = Field(default="", description="The words on the quote's side.")
    source_words: str = Field(default="", description="The words on the source's side.")
    quote_span: Span | None = Field(default=None, description="Where in the quote, if anywhere.")
    source_span: Span | None = Field(default=None, description="Where in the source, if anywhere.")
    meaning: tuple[Meaning, ...] = Field(
        default=(), description="Ways this edit may change the meaning."
    )


class Verification(_Frozen):
    """Whether a quote is faithful to a source document, and what was changed."""

    status: VerificationStatus = Field(description="The verdict.")
    score: float = Field(ge=0.0, le=100.0, description="Similarity 0-100 of the best match.")
    quote: str = Field(description="The quote as checked.")
    quote_id: str | None = Field(default=None, description="The Quote's id, when from an analysis.")
    source_name: str | None = Field(default=None, description="Which source document matched.")
    source_span: Span | None = Field(
        default=None, description="The matching passage in that source document."
    )
    edits: tuple[Edit, ...] = Field(default=(), description="Word-level differences.")
    reasons: tuple[str, ...] = Field(default=(), description="Why this verdict, for a person.")
    speaker_match: SpeakerMatch = Field(
        default=SpeakerMatch.unknown,
        description="Whether the credited speaker said the matched words in the source.",
    )
    credited_speaker: str | None = Field(
        default=None, description="Who the article credits with the quote, when it says."
    )
    source_speaker: str | None = Field(
        default=None, description="The source's speaker label where the words were found."
    )

    @property
    def meaning_changed(self) -> bool:
        """True when some edit adds or drops a negation, a number, a hedge or a qualifier."""
        return any(e.meaning for e in self.edits)

    @property
    def meaning(self) -> tuple[str, ...]:
        """The meaning flags of all edits together, sorted: ("negation", "number"), say."""
        return tuple(sorted({m for e in self.edits for m in e.meaning}))

    @property
    def misattributed(self) -> bool:
        """True when the source has the words in another speaker's turns."""
        return self.speaker_match is SpeakerMatch.different


# --------------------------------------------------------------------------- batch


class Failure(_Frozen):
    """A corpus record that could not be analysed; the batch goes on without it."""

    doc_id: str | None = Field(description="The record's id, when it had one.")
    error: str = Field(description="What was wrong with the record and how to fix it.")
    error_type: str = Field(description="The exception class, e.g. 'InputError'.")
    line: int | None = Field(default=None, description="1-based line or row number in the input.")
