"""turn_labels(text, bounds, config) -> the speaker label opening each paragraph of a transcript.

An interview or Q&A transcript marks who speaks with a label at the start of each turn: "Q:" and
"A:", "Question:"/"Answer:", a name with a colon ("HARRIS:", "Jane Smith:") or, where the bold
type of a web page is lost, a name alone on its own line before the turn. One such line proves
nothing ("Brexit: what happens next" is a headline), so labels count only in a transcript: "Q:"
and "A:" both present, or at least two different labels (``AnalyzerConfig.transcript_min_speakers``)
over at least three turns (``transcript_min_turns``), one of them repeated. Words that
label other things ("Photo:", "Source:", "Update:") are never speakers (lexicon
``not_speakers``). The label's span runs from its first character through its colon; a name line
is its whole paragraph.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.lexicons import load

__all__ = ["ANSWER_LABELS", "QUESTION_LABELS", "turn_labels"]

QUESTION_LABELS: Final = frozenset({"q", "question", "interviewer"})
"""Labels (lower case) of the interviewer's turns."""
ANSWER_LABELS: Final = frozenset({"a", "answer"})
"""Labels (lower case) of the interviewee's turns when no name is given."""

# "Q:", "A.", "HARRIS:", "Dr Jane Smith:", "MR SMITH:" at the start of a paragraph.
_LABEL_RE: Final = regex.compile(
    r"""
    (?P<name>
        [QA] (?= [.:] )                                   # Q: / A: / Q. / A.
      | (?: (?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Sen|Rep|Gov)\.?\ )?
        \p{Lu} [\p{L}'’.-]{0,30} (?: \ \p{Lu} [\p{L}'’.-]{0,30} ){0,3}
    )
    (?: \ ?\( [^()\n]{1,40} \) )?                         # "SMITH (Labour):"
    (?: : | (?<= ^[QA] ) \. )                              # the colon (or Q./A.)
    [ \t\u00a0]+ (?= [\p{L}"“‘'(\[] )                       # and words on the same line (not
                                                          # "Clinton: 1,769", a table of counts)
    """,
    regex.VERBOSE,
)
# A name alone on its line: "JANE SMITH", "Jane Smith:", at most four capitalised words.
_NAME_LINE_RE: Final = regex.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\ )?\p{Lu}[\p{L}'’.-]{0,30}(?:\ \p{Lu}[\p{L}'’.-]{0,30}){0,3}:?"
)


class _Candidate:
    """One paragraph that may open a turn: where its label ends, and the label's key."""

    __slots__ = ("end", "key", "line", "start")

    def __init__(self, start: int, end: int, key: str, line: bool) -> None:
        self.start = start
        self.end = end
        self.key = key
        self.line = line


def turn_labels(
    text: str, bounds: list[tuple[int, int]], config: AnalyzerConfig = DEFAULT_CONFIG
) -> list[tuple[int, int] | None]:
    """For each paragraph, the (start, end) of the speaker label opening it, in a transcript.

    >>> t = "Q: Why now?\\nA: Because it is time.\\nQ: And then?\\nA: We wait."
    >>> [t[s:e] for s, e in filter(None, turn_labels(t, [(0, 11), (12, 34), (35, 47), (48, 59)]))]
    ['Q:', 'A:', 'Q:', 'A:']
    """
    label_chars, line_chars = config.turn_label_chars, config.turn_name_line_chars
    candidates = [
        _candidate(text, start, end, bounds, n, label_chars, line_chars)
        for n, (start, end) in enumerate(bounds)
    ]
    speakers, turns = config.transcript_min_speakers, config.transcript_min_turns
    labels = [c for c in candidates if c is not None and not c.line]
    if _is_transcript([c.key for c in labels], speakers, turns):
        return [None if c is None or c.line else (c.start, c.end) for c in candidates]
    lines = [c.key for c in candidates if c is not None and c.line]
    if not _is_transcript(lines, speakers, turns):
        return [None] * len(bounds)
    # A name line counts only when the same name opens another turn: a heading rarely repeats.
    twice = {k for k in lines if lines.count(k) > 1}
    return [(c.start, c.end) if c is not None and c.key in twice else None for c in candidates]


def _candidate(
    text: str,
    start: int,
    end: int,
    bounds: list[tuple[int, int]],
    n: int,
    label_chars: int,
    line_chars: int,
) -> _Candidate | None:
    """The label opening one paragraph, if it has the shape of one: its colon within
    ``label_chars`` characters, or a name line of at most ``line_chars``."""
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not text[start].isupper():
        return None
    # A label's colon comes within its first few words; a name line is short: else no label.
    if text.find(":", start, min(end, start + label_chars)) < 0 and end - start > line_chars:
        return None
    match = _LABEL_RE.match(text, start, end)
    if match is not None:
        key = _key(match.group("name"))
        if key in load("not_speakers"):
            return None
        label_end = match.end()
        while text[label_end - 1].isspace():
            label_end -= 1
        return _Candidate(start, label_end, key, line=False)
    if (
        n + 1 < len(bounds)
        and end - start <= line_chars
        and _NAME_LINE_RE.fullmatch(text, start, end)
    ):
        key = _key(text[start:end].rstrip(":"))
        if key not in load("not_speakers"):
            return _Candidate(start, end, key, line=True)
    return None


def _key(label: str) -> str:
    """A label compared case-insensitively and without a title: "MR SMITH" and "Smith" agree."""
    words = label.lower().replace(".", " ").split()
    return words[-1] if words else ""


def _is_transcript(keys: list[str], min_speakers: int, min_turns: int) -> bool:
    """True when the labels read as a transcript's turns (see the module docstring)."""
    if not keys:
        return False
    if any(k in QUESTION_LABELS for k in keys) and any(k in ANSWER_LABELS for k in keys):
        return True
    distinct = len(set(keys))
    # Some label opens more than one turn: speakers take turns, headings do not.
    return distinct >= min_speakers and len(keys) >= min_turns and distinct < len(keys)
