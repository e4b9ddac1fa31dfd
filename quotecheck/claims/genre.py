"""read_genre(...) -> Genre: what kind of piece a text is, from signals an editor would read.

A section label near the top ("Opinion", "Editorial", "Letters") decides outright; so does the
caller. Otherwise the furniture of a genre counts (a press release's "Notes to editors" and
"About <company>" blocks and wire tags, a letter's salutation, a review's credits and stars,
question-and-answer turns), then the writer's own voice and framing against the share of
sentences credited to a source: a text mostly sourced is news; one whose writer speaks in
person ("I", "we", "you", "should", "must") or frames without sources is opinion; framing over
sourcing is analysis. Every reading says why in ``Genre.reasons``. A text with fewer body
sentences than ``AnalyzerConfig.genre_min_sentences`` and no label is ``unknown``: a sentence
read alone has no genre.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

import regex

from quotecheck.attribution.records import Sourcing
from quotecheck.config import AnalyzerConfig
from quotecheck.lexicons import load_rows
from quotecheck.models import (
    Genre,
    GenreKind,
    Paragraph,
    SentenceRole,
    Signal,
    SignalKind,
)

__all__ = ["answer_paragraphs", "given_genre", "read_genre"]

# The confidences of a reading are AnalyzerConfig fields (genre_label_confidence etc.).

_FIRST_SINGULAR: Final = frozenset(["I", "I'm", "I've", "I'd", "me", "my", "My", "myself"])
_SECOND: Final = frozenset(
    ["you", "You", "your", "Your", "you're", "You're", "yourself", "you'll", "You'll"]
)
_PRESCRIPTIONS: Final = frozenset(["should", "Should", "must", "ought to", "need to", "needs to"])


def _label_table() -> dict[str, GenreKind]:
    """Section label (lower case) -> the genre it names."""
    return {row[0].lower(): GenreKind(row[1]) for row in load_rows("genre_labels")}


def _marker_table(anywhere: bool) -> dict[str, GenreKind]:
    """Phrase (lower case) -> the genre whose furniture it is: those that open a paragraph, or
    (``anywhere``) those found anywhere in the first paragraphs."""
    return {
        row[0].lower(): GenreKind(row[1])
        for row in load_rows("genre_markers")
        if (len(row) > 2 and row[2] == "anywhere") == anywhere
    }


_LABELS: Final = _label_table()
_MARKERS: Final = _marker_table(anywhere=False)
# The paragraph-opening markers filed under their first word, so a paragraph costs one look-up.
_BY_FIRST_WORD: Final = {
    first: tuple(m for m in _MARKERS if m.split()[0].rstrip(":,.;") == first)
    for first in {m.split()[0].rstrip(":,.;") for m in _MARKERS}
}  # a marker's first word as _marker reads a paragraph's: without its comma ("Sir," -> "sir")
_ANYWHERE: Final = _marker_table(anywhere=True)
# "Eddie Carbone (Mark Strong)": a character and the actor playing them, as reviews credit a cast.
_CAST_RE: Final = regex.compile(r"\((\p{Lu}[\w'’.-]+(?: \p{Lu}[\w'’.-]+){1,2})\)")
_NAME_BEFORE_RE: Final = regex.compile(r"\p{Lu}[\w'’-]*\s$")  # "Carbone " before "(Mark Strong)"
# "Opinion: …", "EDITORIAL | …", "Review — …": a label opening a paragraph before a separator.
_LABEL_LEAD_RE: Final = regex.compile(
    r"""
    ([A-Za-z&' -]{2,40}?)   # the label
    \s*(?:[:|]|\s[-–—]\s)   # a colon, a bar, or a spaced dash
    """,
    regex.VERBOSE,
)
# "About Acme Corp" as its own line, or opening a paragraph: "About Acme: Acme is …".
_ABOUT_RE: Final = regex.compile(r"About\s+\p{Lu}[\w&.'-]*(?:\s+\p{Lu}[\w&.'-]*){0,4}\s*(?::|$)")
# "Q:", "A.", "Q -": an interview's turns.
_Q_TURN_RE: Final = regex.compile(r"(?:Q|Question)\s*[:.\-–—]\s")
_A_TURN_RE: Final = regex.compile(r"(?:A|Answer)\s*[:.\-–—]\s")
_STARS_RE: Final = regex.compile(
    r"[★☆✩✪✭]|\b[0-5](?:\.5)?\s*(?:/\s*[45]|out of [45])\b|\b\d stars?\b"
)


class _Profile(NamedTuple):
    """What the body of a text says about its writer: densities over body sentences."""

    body: int  # body sentences
    voice: float  # share with the writer's own voice (I, we, you, should, must)
    first: float  # share with the first person singular
    second: float  # share addressing the reader
    prescriptive: float  # share with "should", "must", "ought to", "need to"
    framed: float  # share whose own framing (not voice) weighs 1 or more
    sourced: float  # share credited to a source or holding a credited quote


def given_genre(kind: GenreKind | str) -> Genre:
    """The genre a caller knows: certain, and marked as given.

    >>> given_genre("opinion").kind.value, given_genre("opinion").given
    ('opinion', True)
    """
    return Genre(kind=GenreKind(kind), confidence=1.0, reasons=("given by the caller",), given=True)


def read_genre(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sourcing: Sourcing,
    signals: Sequence[tuple[Signal, ...]],
    weights: Sequence[list[float]],
    config: AnalyzerConfig,
) -> Genre:
    """Read a text's genre from its labels, furniture, voice, framing and sourcing.

    ``signals`` and ``weights`` are the framing signals per sentence (all sentences of all
    paragraphs, in order) as :func:`~quotecheck.claims.framing.find_weighted_signals` returns.

    >>> from quotecheck.text.segment import segment
    >>> t = "Opinion\\n\\nThe council has lost its way."
    >>> g = read_genre(t, segment(t), Sourcing((), (), ()), [(), ()], [[], []], AnalyzerConfig())
    >>> g.kind.value, g.reasons[0]
    ('opinion', "section label 'Opinion'")
    """
    if not paragraphs:
        return Genre()  # no text: nothing to read, no reason to give
    labelled = _section_label(paragraphs, config.genre_label_paragraphs, config.genre_label_words)
    if labelled is not None:
        kind, label = labelled
        confidence = config.genre_label_confidence
        return Genre(kind=kind, confidence=confidence, reasons=(f"section label {label!r}",))
    marked = _furniture(text, paragraphs, sourcing, config)
    if marked is not None:
        return marked
    profile = _profile(paragraphs, sourcing, signals, weights)
    if profile.body < config.genre_min_sentences:
        why = f"too short to tell: {profile.body} body sentence(s)"
        return Genre(kind=GenreKind.unknown, confidence=0.0, reasons=(why,))
    return _from_profile(profile, config)


# --------------------------------------------------------------------------- labels and furniture


def _section_label(
    paragraphs: tuple[Paragraph, ...], top: int, most_words: int
) -> tuple[GenreKind, str] | None:
    """A section label in one of the first ``top`` paragraphs, alone (of at most ``most_words``
    words) or opening it."""
    for p in paragraphs[:top]:
        words = p.span.text.strip().rstrip(":.").strip()
        if len(words.split()) <= most_words and words.lower() in _LABELS:
            return _LABELS[words.lower()], words
        m = _LABEL_LEAD_RE.match(p.span.text)
        if m is not None and m.group(1).strip().lower() in _LABELS:
            return _LABELS[m.group(1).strip().lower()], m.group(1).strip()
    return None


def _furniture(
    text: str, paragraphs: tuple[Paragraph, ...], sourcing: Sourcing, config: AnalyzerConfig
) -> Genre | None:
    """A genre told by its furniture: press-release blocks, salutations, credits, Q/A turns,
    speaker turns ("HOST: …", "PARK: …")."""
    found: dict[GenreKind, list[str]] = {}
    for p in paragraphs:
        marker = _marker(p.span.text)
        if marker is not None:
            found.setdefault(marker[0], []).append(marker[1])
    # A rating stands on a short line of its own ("Rating: 3/5", "The Long Tide (M) ★★★★").
    most = config.genre_rating_line_chars
    short = [p.span.text for p in paragraphs if len(p.span.text) <= most]
    stars = sum(1 for line in short if _may_rate(line) and _STARS_RE.search(line))
    if stars:
        found.setdefault(GenreKind.review, []).append(f"{stars} star rating(s)")
    turns = len(answer_paragraphs(paragraphs))
    # Or turns under speakers' names, each credited by the transcript reading (a turn's label
    # is the cue of each of its sentences: it counts once).
    turns = max(turns, len({a.cue for a in sourcing.attributions if a.turn}))
    if turns >= config.genre_qa_turns:
        # Each turn past the least adds to the confidence as another marker would.
        extra = ["and more turns"] * min(3, turns - config.genre_qa_turns)
        found.setdefault(GenreKind.transcript, []).extend(
            [f"{turns} question-and-answer turns", *extra]
        )
    cast = _cast(text) if "(" in text else []
    if len(cast) >= 2:
        found.setdefault(GenreKind.review, []).extend(
            [f"cast in parentheses: {c}" for c in cast[:3]]
        )
    head = " ".join(p.span.text for p in paragraphs[: config.genre_top_paragraphs]).lower()
    for phrase, kind in _ANYWHERE.items():
        if phrase in head:
            found.setdefault(kind, []).append(f"{phrase!r} near the top")
    if not found:
        return None
    # A review needs two pieces of furniture ("Starring" alone may open a news paragraph).
    found = {k: v for k, v in found.items() if k is not GenreKind.review or len(v) >= 2}
    if not found:
        return None
    kind = max(found, key=lambda k: len(found[k]))
    more = config.genre_marker_step * (len(found[kind]) - 1)
    confidence = min(config.genre_max_read_confidence, config.genre_marker_confidence + more)
    return Genre(kind=kind, confidence=confidence, reasons=tuple(found[kind]))


def _may_rate(line: str) -> bool:
    """True when a short line could hold a rating: cheaper to ask than the pattern."""
    return "/" in line or "★" in line or "☆" in line or "out of" in line or "star" in line


def _cast(text: str) -> list[str]:
    """Actors credited in parentheses after their character's name: "Eddie (Mark Strong)"."""
    found: list[str] = []
    for m in _CAST_RE.finditer(text):
        if _NAME_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            found.append(m.group(1))
    return found


def _marker(paragraph: str) -> tuple[GenreKind, str] | None:
    """The genre furniture a paragraph opens with, and how to name it in a reason."""
    head = paragraph.lstrip()
    pieces = head[:40].split(None, 1)
    if not pieces:
        return None
    word = pieces[0].rstrip(":,.;").lower()
    if word not in _BY_FIRST_WORD:
        return None
    if word == "about" and _ABOUT_RE.match(head) and (len(head.split()) <= 6 or ":" in head[:60]):
        return GenreKind.press_release, f"an {head.split(':')[0].strip()[:40]!r} block"
    low = head[:60].lower()
    for phrase in _BY_FIRST_WORD.get(word, ()):
        if phrase == "about":
            continue
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
            return _MARKERS[phrase], f"{head[: len(phrase)]!r} opens a paragraph"
    return None


def answer_paragraphs(paragraphs: tuple[Paragraph, ...]) -> frozenset[int]:
    """Indices of paragraphs that answer the question paragraph before them ("Q:"/"A:" turns,
    or a paragraph that is only a question followed by one that is not)."""
    answers: set[int] = set()
    for n in range(1, len(paragraphs)):
        if not paragraphs[n - 1].span.text.rstrip().endswith(("?", ":")) and not (
            _Q_TURN_RE.match(paragraphs[n - 1].span.text)
        ):
            continue
        before, this = paragraphs[n - 1].span.text, paragraphs[n].span.text
        if (_A_TURN_RE.match(this) and _Q_TURN_RE.match(before)) or (
            _is_question_paragraph(paragraphs[n - 1]) and not _is_question_paragraph(paragraphs[n])
        ):
            answers.add(n)
    return frozenset(answers)


def _is_question_paragraph(p: Paragraph) -> bool:
    """True for a paragraph that is one question of the writer's (not a quoted one)."""
    text = p.span.text.rstrip()
    return len(p.sentences) <= 2 and text.endswith("?") and text[:1] not in "\"“‘'«„"


# --------------------------------------------------------------------------- the body's profile


def _profile(
    paragraphs: tuple[Paragraph, ...],
    sourcing: Sourcing,
    signals: Sequence[tuple[Signal, ...]],
    weights: Sequence[list[float]],
) -> _Profile:
    """Densities of voice, framing and sourcing over the body sentences."""
    sentences = [s for p in paragraphs for s in p.sentences]
    covered = _Sweep(_credited(sourcing))
    body = voice = first = second = prescriptive = framed = sourced = 0
    body_role = SentenceRole.body  # read once: an enum member is an attribute look-up
    for n, s in enumerate(sentences):
        if s.role is not body_role:
            continue
        body += 1
        span = s.span
        sourced += covered.half_covered(span.start, span.end)
        if n >= len(signals) or not signals[n]:
            continue
        said: set[str] = set()
        weight = 0.0
        for x, w in zip(signals[n], weights[n], strict=True):
            if w <= 0:
                continue  # inside a quote: the speaker's
            if x.kind is SignalKind.voice:
                said.add(x.span.text)
            else:
                weight += w
        if said:
            voice += 1
            first += bool(said & _FIRST_SINGULAR)
            second += bool(said & _SECOND)
            prescriptive += bool(said & _PRESCRIPTIONS)
        framed += weight >= 1.0
    total = max(body, 1)
    return _Profile(
        body,
        voice / total,
        first / total,
        second / total,
        prescriptive / total,
        framed / total,
        sourced / total,
    )


def _credited(sourcing: Sourcing) -> list[tuple[int, int]]:
    """Stretches credited to a source (attribution contents and attributed quotes), merged
    into disjoint sorted ranges so each sentence is measured by one forward sweep."""
    spans = [a.content for a in sourcing.attributions]
    spans += [(q.start, q.end) for q in sourcing.quotes if q.attribution_id]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


class _Sweep:
    """How much of each sentence, taken in text order, the credited ranges cover."""

    __slots__ = ("at", "spans")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.at = 0  # the first range that may still reach a later sentence

    def half_covered(self, start: int, end: int) -> bool:
        """True when the ranges cover half of ``start:end`` or more."""
        spans = self.spans
        while self.at < len(spans) and spans[self.at][1] <= start:
            self.at += 1
        got = 0
        i = self.at
        while i < len(spans) and spans[i][0] < end:
            a, b = spans[i]
            got += (b if b < end else end) - (a if a > start else start)
            i += 1
        return 2 * got >= end - start


def _from_profile(p: _Profile, config: AnalyzerConfig) -> Genre:
    """Opinion, analysis or news from the densities, with each deciding one in the reasons."""
    facts = (
        f"{p.body} body sentences",
        f"sourced {p.sourced:.0%}",
        f"writer's voice {p.voice:.0%} (I {p.first:.0%}, you {p.second:.0%}, "
        f"should/must {p.prescriptive:.0%})",
        f"own framing {p.framed:.0%}",
    )
    sourced = p.sourced >= config.genre_sourced_share
    voiced = p.voice >= config.genre_voice_density
    framed = p.framed >= config.genre_evaluative_density
    # Framing alone, with no voice, must be denser: science and crime reports carry loaded
    # vocabulary the writer did not choose to argue with.
    if not sourced and (voiced or p.framed >= 1.5 * config.genre_evaluative_density):
        lead = p.voice / max(config.genre_voice_density, 1e-9)
        lead = max(lead, p.framed / max(config.genre_evaluative_density, 1e-9))
        return _profiled(config, GenreKind.opinion, lead, ("the writer argues, unsourced", *facts))
    if sourced and framed and p.sourced < 2 * config.genre_sourced_share:
        lead = p.framed / max(config.genre_evaluative_density, 1e-9)
        return _profiled(config, GenreKind.analysis, lead, ("sourced reporting, framed", *facts))
    if sourced:
        lead = p.sourced / max(config.genre_sourced_share, 1e-9)
        return _profiled(
            config, GenreKind.news, lead, ("reporting: sourced, little framing", *facts)
        )
    return Genre(
        kind=GenreKind.news,
        confidence=0.3,
        reasons=("plain unsourced narration: news by default, unsure", *facts),
    )


def _profiled(
    config: AnalyzerConfig, kind: GenreKind, lead: float, reasons: tuple[str, ...]
) -> Genre:
    """A genre read from densities, surer the further past its threshold the text is."""
    least = config.genre_profile_confidence
    confidence = min(config.genre_max_read_confidence, least + 0.2 * (lead - 1.0))
    return Genre(kind=kind, confidence=round(max(least, confidence), 3), reasons=reasons)
