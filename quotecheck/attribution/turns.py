"""credit_turns(text, paragraphs, sourcing) -> Sourcing: a transcript turn per speaker label.

:mod:`quotecheck.text.turns` marks a transcript's speaker labels (sentences of role
``speaker``). Each label opens a turn that runs over the sentences after it, across paragraphs,
until the next label or a line that is not prose. A turn becomes one ``Attribution`` with
``cue_kind`` ``turn``, the label as its cue and the turn's words as its content.

Who speaks:

- a name ("HARRIS:", "Jane Smith:", a name line) is a ``person`` source with that name; when the
  article already has a person whose name ends with it ("Kamala Harris"), the label joins that
  source as one more mention;
- "Q:", "Question:" and "Interviewer:" turns are the interviewer's: a ``person`` with role
  ``interviewer``, named when the byline gives exactly one name ("By Harriet Lowe");
- "A:" and "Answer:" turns are the interviewee's: a ``person`` with role ``interviewee``, named
  after the person source mentioned most before the first turn (the one the introduction
  presents), else unnamed.

An attribution the attribution stage read from a label ("Tel: …" shapes, "SMITH: “…”") gives way
to the turn; reports inside a turn ("the minister told me …") stay, as nested attributions.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

import regex

from quotecheck.attribution.nonprose import renumbered
from quotecheck.attribution.records import AttributionRecord, Range, SourceRecord, Sourcing
from quotecheck.kinds import (
    CUE_TURN,
    ROLE_BODY,
    ROLE_BYLINE,
    ROLE_HEADLINE,
    ROLE_SPEAKER,
    SOURCE_PERSON,
)
from quotecheck.models import Paragraph, Sentence, Span, Stance
from quotecheck.sortedints import covered
from quotecheck.text.turns import ANSWER_LABELS, QUESTION_LABELS

__all__ = ["credit_turns", "presented_source"]

_INTERVIEWER: Final = "interviewer"
_INTERVIEWEE: Final = "interviewee"
_TURN_ROLES: Final = (ROLE_BODY, ROLE_HEADLINE)  # a short answer without a full stop
_LABEL_NAME_RE: Final = regex.compile(r"[^\s:(.][^:(]*?(?=\s*(?:\(|:|\.?$))")
_BYLINE_NAME_RE: Final = regex.compile(r"\w+\s+by\s+|By\s+|BY\s+")


class _Turn:
    """One turn: its label sentence, where the speaker's name lies and how it reads, and where
    what was said lies (offsets: a Span for the name and the words, built only to be read,
    was two models a turn)."""

    __slots__ = ("content", "key", "label", "name", "name_text")

    def __init__(self, label: Span, name: Range, name_text: str, key: str, content: Range) -> None:
        self.label = label
        self.name = name
        self.name_text = name_text
        self.key = key
        self.content = content


def credit_turns(text: str, paragraphs: tuple[Paragraph, ...], sourcing: Sourcing) -> Sourcing:
    """Add one attribution per transcript turn, crediting it to the turn's speaker.

    >>> from quotecheck.pipeline import analyze
    >>> a = analyze("Q: Why now?\\n\\nA: Because it is time.\\n\\nQ: And then?\\n\\nA: We wait.")
    >>> [(x.cue.text, x.content.text) for x in a.attributions][:2]
    [('Q:', 'Why now?'), ('A:', 'Because it is time.')]
    """
    sentences = [s for p in paragraphs for s in p.sentences]
    turns = _turns(text, sentences)
    if not turns:
        return sourcing
    labels = _Labels(turns)
    kept = [a for a in sourcing.attributions if not labels.hold_cue(a)]
    sources = list(sourcing.sources)
    people = _people(sources)
    speakers: dict[str, str] = {}  # a turn's key -> the id of its source
    said: dict[str, list[Range]] = {}  # a source's id -> the names of its turns, in text order
    intro_end = turns[0].label.start
    for turn in turns:
        if turn.key not in speakers:
            speakers[turn.key] = _speaker(turn, sentences, sources, people, intro_end)
        said.setdefault(speakers[turn.key], []).append(turn.name)
    sources = [_with_mentions(source, said.get(source.id)) for source in sources]
    for n, turn in enumerate(turns, start=1):
        kept.append(_attribution(text, n, turn, speakers[turn.key]))
    return renumbered(sourcing.quotes, sources, kept)


def _turns(text: str, sentences: list[Sentence]) -> list[_Turn]:
    """Each speaker label with the body sentences that follow it."""
    turns: list[_Turn] = []
    n = 0
    while n < len(sentences):
        label = sentences[n]
        n += 1
        if label.role is not ROLE_SPEAKER:
            continue
        first = n
        while n < len(sentences) and sentences[n].role in _TURN_ROLES:
            n += 1
        if n == first:
            continue  # a label with nothing said after it
        span = label.span
        found = _LABEL_NAME_RE.match(text, span.start, span.end)
        name = found.span() if found else (span.start, span.end)
        name_text = text[name[0] : name[1]]
        key = name_text.lower().replace(".", " ").split()[-1]
        content = (sentences[first].span.start, sentences[n - 1].span.end)
        turns.append(_Turn(span, name, name_text, key, content))
    return turns


class _Labels:
    """The turns' speaker labels, in text order (they do not overlap), looked up by bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self, turns: list[_Turn]) -> None:
        self.starts = [t.label.start for t in turns]
        self.ends = [t.label.end for t in turns]

    def hold(self, at: int) -> bool:
        """True when the character at ``at`` lies in a label."""
        return covered(self.starts, self.ends, at)

    def hold_cue(self, a: AttributionRecord) -> bool:
        """True when an attribution's cue starts or ends in a label: the turn replaces it."""
        return a.cue is not None and (self.hold(a.cue[0]) or self.hold(a.cue[1] - 1))


def _speaker(
    turn: _Turn,
    sentences: list[Sentence],
    sources: list[SourceRecord],
    people: dict[str, str],
    intro_end: int,
) -> str:
    """The id of the source who speaks a turn's label, adding it to ``sources`` if new."""
    if turn.key in QUESTION_LABELS:
        return _new_source(sources, people, _byline_name(sentences), _INTERVIEWER)
    if turn.key in ANSWER_LABELS:
        return _new_source(sources, people, _presented(sources, intro_end), _INTERVIEWEE)
    known = people.get(turn.key)  # a person whose name ends with the label's ("Kamala Harris")
    if known is not None:
        return known
    return _new_source(sources, people, _display_name(turn.name_text), None)


def _people(sources: list[SourceRecord]) -> dict[str, str]:
    """The named persons among ``sources`` by their name's last word (see :func:`_know`)."""
    people: dict[str, str] = {}
    for source in sources:
        _know(people, source)
    return people


def _know(people: dict[str, str], source: SourceRecord) -> None:
    """Index a named person by the last word of the name, lower-cased, as labels are keyed;
    the first source with that word keeps it."""
    if source.kind is SOURCE_PERSON and source.name:
        words = source.name.lower().replace(".", " ").split()
        if words:
            people.setdefault(words[-1], source.id)


def _display_name(label: str) -> str:
    """A label as a name: "JANE SMITH" reads "Jane Smith"; "Jane Smith" stays."""
    return label.title() if label.isupper() and len(label) > 1 else label


def _byline_name(sentences: list[Sentence]) -> str | None:
    """The one name of the article's byline ("By Harriet Lowe, …"), None for none or several."""
    for s in sentences:
        if s.role is ROLE_BYLINE:
            rest = _BYLINE_NAME_RE.sub("", s.span.text, count=1)
            name = rest.split(",")[0].split(" in ")[0].strip()
            if " and " in name or "&" in name or not name:
                return None
            return _display_name(name)
    return None


def _presented(sources: list[SourceRecord], intro_end: int) -> str | None:
    """The name of the person whom the introduction presents (see :func:`presented_source`)."""
    source_id = presented_source(sources, intro_end)
    return next((s.name for s in sources if s.id == source_id), None)


def presented_source(sources: list[SourceRecord], intro_end: int) -> str | None:
    """The id of the named person mentioned most before ``intro_end`` (the first turn): whom
    the introduction presents; None when it names no person."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for source in sources:
        if source.kind is not SOURCE_PERSON or not source.name:
            continue
        before = [m for m in source.mentions if m[1] <= intro_end]
        if before:
            counts[source.id] = len(before)
            first_seen[source.id] = before[0][0]
    if not counts:
        return None
    return max(counts, key=lambda key: (counts[key], -first_seen[key]))


def _new_source(
    sources: list[SourceRecord], people: dict[str, str], name: str | None, role: str | None
) -> str:
    """Append a person source (mentions come with each turn); return its provisional id."""
    source_id = f"t{len(sources) + 1}"
    source = SourceRecord(source_id, SOURCE_PERSON, name, role)
    sources.append(source)
    _know(people, source)
    return source_id


def _with_mentions(source: SourceRecord, more: list[Range] | None) -> SourceRecord:
    """The source with ``more`` mentions (its turns' names) among its own, in text order."""
    if not more:
        return source
    mentions = sorted((*source.mentions, *more), key=lambda m: m[0])
    return source.changed(source.id, tuple(mentions))


def _attribution(text: str, n: int, turn: _Turn, source_id: str) -> AttributionRecord:
    """The attribution of one turn (its id is provisional; renumbered gives the final one)."""
    start, end = turn.content
    asking = turn.key in QUESTION_LABELS and text[start:end].rstrip().endswith("?")
    who = (
        "the interviewer's"
        if turn.key in QUESTION_LABELS
        else "the interviewee's"
        if turn.key in ANSWER_LABELS
        else f"{turn.name_text}'s"
    )
    return AttributionRecord(
        f"turn{n}",
        source_id,
        (turn.label.start, turn.label.end),
        CUE_TURN,
        Stance.asking if asking else Stance.neutral,
        turn.content,
        reasons=(f"a transcript turn: the label {turn.label.text!r} marks {who} words",),
    )
