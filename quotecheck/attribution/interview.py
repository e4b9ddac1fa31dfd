"""credit_interview(text, paragraphs, sourcing, config) -> Sourcing: answers of an unlabelled Q&A.

Many interviews print no "Q:"/"A:" labels: after an introduction that names the interviewee,
question paragraphs (the interviewer's, one short question each) alternate with answer
paragraphs (the interviewee's words, unmarked). Such a text is read as an interview only when it
plainly reads as one:

- at least ``AnalyzerConfig.interview_min_exchanges`` question paragraphs in a row, each
  followed by one to ``interview_max_answer_paragraphs`` answer paragraphs (body prose not
  ending in "?" and not opening with a quote mark, which would be a quoted speaker in news prose);
- at least one question addresses the interviewee ("you", "your") and at least half the
  answers speak in the first person ("I", "we", "my", …);
- the introduction before the first question names a person: the one mentioned most there is
  the interviewee, by the same reading as labelled transcripts use;
- the text has no labelled transcript turns (those are credited by their labels).

Each answer paragraph becomes one ``Attribution`` with ``cue_kind`` ``turn`` and no cue, credited
to the interviewee. The questions are not credited: an unnamed interviewer's question asserts
nothing. A news story with one or two rhetorical question paragraphs is not an interview.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.attribution.nonprose import renumbered
from quotecheck.attribution.records import AttributionRecord, Sourcing
from quotecheck.attribution.turns import presented_source
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.kinds import CUE_TURN, ROLE_BODY
from quotecheck.models import Paragraph, Span, Stance

__all__ = ["credit_interview"]

_QUOTE_OPENERS: Final = "\"“‘'«„"
_YOU_RE: Final = regex.compile(r"\b(?:you|your|yours|yourself)\b", regex.IGNORECASE)
_FIRST_PERSON_RE: Final = regex.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|myself|we|we're|we’re|"
    r"we've|we’ve|us|our|ours|ourselves)\b",
    regex.IGNORECASE,
)

_QUESTION: Final = "q"
_ANSWER: Final = "a"


def credit_interview(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sourcing: Sourcing,
    config: AnalyzerConfig = DEFAULT_CONFIG,
) -> Sourcing:
    """Credit each answer paragraph of an unlabelled interview to the interviewee.

    >>> from quotecheck.pipeline import analyze
    >>> intro = "Coach Maria Lund said the defeat hurt. Lund spoke to us after it.\\n\\n"
    >>> qa = "Why did you lose?\\n\\nWe lost the midfield.\\n\\nWhat now?\\n\\n"
    >>> qa += "I will rest the squad.\\n\\nAre you worried?\\n\\nNot at all, our form is good."
    >>> a = analyze(intro + qa)
    >>> names = {s.id: s.name for s in a.sources}
    >>> [(x.content.text, names[x.source_id]) for x in a.attributions][-1]
    ('Not at all, our form is good.', 'Maria Lund')
    """
    if any(a.cue_kind is CUE_TURN for a in sourcing.attributions):
        return sourcing
    least, most = config.interview_min_exchanges, config.interview_max_answer_paragraphs
    answers = _answers(paragraphs, least, most, config.interview_question_words)
    if not answers:
        return sourcing
    intro_end = answers[0][0]  # the first question's start
    speaker = presented_source(list(sourcing.sources), intro_end)
    if speaker is None:
        return sourcing
    spans = [span for _, span in answers]
    kept = [a for a in sourcing.attributions if not _same_content(a, spans)]
    for n, span in enumerate(spans, start=1):
        kept.append(
            AttributionRecord(
                f"qa{n}",
                speaker,
                None,
                CUE_TURN,
                Stance.neutral,
                (span.start, span.end),
                reasons=(
                    "an interview answer: it follows the interviewer's question, in a run of "
                    "questions and answers after an introduction presenting the speaker",
                ),
            )
        )
    return renumbered(sourcing.quotes, sourcing.sources, kept)


def _same_content(a: AttributionRecord, answers: list[Span]) -> bool:
    """True when an attribution credits a whole answer paragraph already (the answer replaces
    it); a report inside an answer ("he told me …") stays, nested."""
    start, end = a.content
    return any(start <= s.start and s.end <= end for s in answers)


def _answers(
    paragraphs: tuple[Paragraph, ...], least: int, most: int, question_words: int
) -> list[tuple[int, Span]]:
    """The answer paragraphs of the first run of exchanges that reads as an interview (at
    least ``least`` exchanges, answers of at most ``most`` paragraphs, questions of at most
    ``question_words`` words), each with the start of the run's first question; empty when
    there is no such run."""
    shapes = [_shape(p, question_words) for p in paragraphs]
    n = 0
    while n < len(paragraphs):
        if shapes[n] != _QUESTION:
            n += 1
            continue
        run, end = _run(paragraphs, shapes, n, least, most)
        if run:
            return run
        n = max(end, n + 1)
    return []


def _run(
    paragraphs: tuple[Paragraph, ...], shapes: list[str | None], first: int, least: int, most: int
) -> tuple[list[tuple[int, Span]], int]:
    """The exchanges from question paragraph ``first`` on, if they read as an interview, and
    the index where the run stopped."""
    answers: list[Span] = []
    questions: list[Paragraph] = []
    n = first
    while n < len(paragraphs) and shapes[n] == _QUESTION:
        m = n + 1
        while m < len(paragraphs) and m - n <= most and shapes[m] == _ANSWER:
            m += 1
        if m == n + 1:
            break  # a question with no answer ends the run
        questions.append(paragraphs[n])
        answers.extend(p.span for p in paragraphs[n + 1 : m])
        n = m
        while n < len(paragraphs) and shapes[n] is None and not _is_prose(paragraphs[n]):
            n += 1  # "Advertisement" and the like between exchanges
    if len(questions) < least or not _reads_as_interview(questions, answers):
        return [], n
    start = paragraphs[first].span.start
    return [(start, span) for span in answers], n


def _reads_as_interview(questions: list[Paragraph], answers: list[Span]) -> bool:
    """True when a question addresses someone and most answers speak as "I" or "we"."""
    if not any(_YOU_RE.search(q.span.text) for q in questions):
        return False
    first_person = sum(1 for a in answers if _FIRST_PERSON_RE.search(a.text))
    return 2 * first_person >= len(answers)


def _shape(p: Paragraph, question_words: int) -> str | None:
    """``q`` for a question paragraph (one short question), ``a`` for one that may answer,
    None for neither."""
    if not _is_prose(p):
        return None
    text = p.span.text.rstrip()
    if text.endswith("?"):
        short = len(text.split()) <= question_words and len(p.sentences) <= 2
        return _QUESTION if short and text[:1] not in _QUOTE_OPENERS else None
    return None if text[:1] in _QUOTE_OPENERS else _ANSWER


def _is_prose(p: Paragraph) -> bool:
    """True for a paragraph of body copy (not a caption, credit, headline or label line)."""
    return any(s.role is ROLE_BODY for s in p.sentences)
