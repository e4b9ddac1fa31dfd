"""segment(text) -> tuple[Paragraph, ...]: paragraphs and sentences with exact offsets.

Paragraphs are lines (a hard-wrapped line that continues in lower case joins its paragraph).
Sentences end at terminal punctuation (. ! ? … and any closing quotes or brackets after it)
followed by white space and a character that can open a sentence; abbreviations (Mr., Gen.,
U.S.), initials (J. R. R.), decimals and lower-case continuations (“…?” he asked) do not end one.
A short line without closing punctuation is a headline; "WASHINGTON (Reuters) -" a dateline;
"By Jane Doe" a byline; credits, photo captions, media contacts and press-release boilerplate
get their roles from :mod:`~quotecheck.text.nonprose`, and a transcript's speaker labels ("Q:",
"HARRIS:") theirs from :mod:`~quotecheck.text.turns`. Segments cover every non-space character,
in order, without overlap.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import regex

from quotecheck.assemble import instance
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.fieldnames import FieldNames
from quotecheck.kinds import ROLE_BODY, ROLE_BYLINE, ROLE_DATELINE, ROLE_HEADLINE, ROLE_SPEAKER
from quotecheck.lexicons import load, load_rows
from quotecheck.models import Paragraph, Sentence, SentenceRole
from quotecheck.offsets import QUOTE_OPENERS, make_span, rstrip_end, strip_bounds, strip_span
from quotecheck.text.nonprose import FORMAT_CHARACTERS, paragraph_roles, sentence_role
from quotecheck.text.turns import turn_labels

__all__ = ["segment"]

# Closing quote marks and brackets that may follow a sentence's final punctuation.
# Keep in sync with quotes._CLOSERS: both name the marks that can close a quote.
_TRAILERS: Final = "\"'”’»›」)]"

# A line: the stdlib ``re`` scans a negated set of four characters faster than ``regex`` does.
_LINE_RE: Final = re.compile(r"[^\n\r\u2028\u2029]+")

# A candidate sentence end. The stdlib ``re`` is used because a pattern that opens with a set
# lets it skip to the next stop in C (twice as fast as ``regex`` here). Its \s is str.isspace(),
# the white space strip_span trims, so a gap or the character after it agree with the sentence
# spans cut from them (the separators \x1c-\x1f are white space to both).
# A match starts only at the first stop of a run: the look-behind refuses the others, so a run
# of ten thousand dots with no space after it is read once, not once from each of its dots
# (which was quadratic). _boundaries restores the one start inside a run that finditer tried.
_BOUNDARY_RE: Final = re.compile(
    r"""
    (?P<stop> [.!?…]                     # terminal punctuation, ellipses included,
      (?<![.!?…][.!?…])                  # at the start of its run only
      [.!?…]*+ )                         # and the rest of the run
    [\"'”’»›」)\]]*+                      # closing quotes or brackets after it (see _TRAILERS)
    (?P<gap> \s++ )                      # white space ...
    (?P<next> \S )                       # ... and the first character of what follows
    """,
    re.VERBOSE,
)
# The same, anchored with match() inside a run: where a boundary's "next" character is itself a
# stop, the search that followed it began one character into that run (see _boundaries).
_BOUNDARY_IN_RUN_RE: Final = re.compile(
    _BOUNDARY_RE.pattern.replace("(?<![.!?…][.!?…])", ""), re.VERBOSE
)

# A stop glued to a straight double mark and a capital: 'the police."We were …' (the shape
# _glued_openings finds by hand; the tests compare the two).
_GLUED_OPEN_RE: Final = re.compile(r'[.!?]"(?=[A-Z])')

# The word before a full stop: letters, digits and inner dots ("U.S", "a.m", "Gen"). Searched
# backwards from the stop, so the first position tried is the one that matches.
_WORD_BEFORE_RE: Final = regex.compile(r"[\w.]{1,12}$", regex.REVERSE)
_NEXT_WORD_RE: Final = regex.compile(r"\w{1,20}")
_FIRST_CHAR_RE: Final = regex.compile(r"\S")

_DATELINE_RE: Final = regex.compile(
    r"""
    (?: [\p{Lu}][\p{Lu}.'’ -]{1,40}          # the place, in capitals: WASHINGTON, NEW YORK
        (?: ,\ [\p{L}.]{2,20}(?:\ [\p{L}.]{2,20}){0,2} )?  # an optional state or country
      | (?: [\p{Lu}][\p{L}.'’-]{1,20}\ ?){1,3}   # or in mixed case, when a date or agency follows:
        (?: ,\ [\p{Lu}][\p{L}.]{1,20}(?:\ [\p{Lu}][\p{L}.]{1,20}){0,2} )?  # New Delhi, India
        (?= ,?\ ?(?: \p{Lu}\p{Ll}{2,8}\.?\ \d | \d{1,2}\ \p{Lu} | [(/] | --\( | [—–-]{1,2}\ \d ) )
    )
    (?: ,?\ [—–-]?\ ?(?: [\p{Lu}][\p{L}.]{2,9}\ \d{1,2} | \d{1,2}\ [\p{Lu}][\p{L}.]{2,9} )
        (?: ,?\ \d{4} )? )?                  # an optional date: , Nov. 27 / , 3 March 2024
    \ ?(?: \( [^()\n]{1,40} \)                # an optional agency: (Reuters)
        | /[^/\n]{2,30}/                       # or a release wire: /PRNewswire/
        | --\( [^()\n]{2,30} \) (?=--) )?       # or SAN FRANCISCO--(BUSINESS WIRE)--
    (?: \ ?[—–-]{1,2}\ *                     # the dash that ends the dateline
      | (?<= \) )\ +(?= \p{Lu} )              # or nothing after an agency: "(PTI) The …"
      | (?<= [\p{Lu}]{3} ):\ +(?= \p{Lu} ) )   # or a colon after a place in capitals: MUMBAI:
    """,
    regex.VERBOSE,
)
# What a mixed-case dateline has near its start (an agency, a wire, a date): else no regex call.
_MIXED_DATELINE_HINT_RE: Final = re.compile(r"[(/—–\d]")
# Capitals before a colon that label something other than a place ("BREAKING: …").
_NOT_PLACES: Final = (
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "PHOTO",
    "VIDEO",
    "WARNING",
    "NOTE",
    "READ MORE",
    "FILE PHOTO",
    "CORRECTION",
    "REVIEW",
    "COMMENT",
)


# Every field is given, in declaration order, so each model is made by assemble.instance with
# its class's one shared set of field names: assemble would check the dict's keys against the
# fields and then do just that (~1.7k instructions a model more).
_PARAGRAPH_FIELDS: Final = FieldNames(Paragraph.model_fields)
_SENTENCE_FIELDS: Final = FieldNames(Sentence.model_fields)

# Words that carry on a clock time after "p.m." rather than start a new sentence.
_TIME_ZONES: Final = frozenset(
    [
        "eastern",
        "pacific",
        "central",
        "mountain",
        "local",
        "et",
        "est",
        "edt",
        "pt",
        "pst",
        "pdt",
        "ct",
        "cst",
        "cdt",
        "gmt",
        "utc",
        "bst",
        "cet",
    ]
)
_CLOSING_PUNCTUATION: Final = ".!?…:;" + _TRAILERS
_STOPS: Final = ".!?…"  # the characters of _BOUNDARY_RE's "stop" group


@cache
def _abbreviations() -> dict[str, str]:
    """Map each known abbreviation (lower case, no final dot) to its class."""
    return {row[0]: row[1] for row in load_rows("abbreviations")}


def segment(text: str, config: AnalyzerConfig = DEFAULT_CONFIG) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs and their sentences, every offset into ``text``.

    >>> paragraphs = segment("Hi there.\\n\\nMr. Smith said no. It rained.")
    >>> [s.span.text for p in paragraphs for s in p.sentences]
    ['Hi there.', 'Mr. Smith said no.', 'It rained.']
    """
    paragraphs: list[Paragraph] = []
    n_sentences = 0
    bounds = _paragraph_bounds(text)
    roles = paragraph_roles(text, bounds, config)
    labels = turn_labels(text, bounds, config)
    headline, credit = config.headline_max_words, config.nonprose_line_words
    for index, (start, end) in enumerate(bounds):
        role, label = roles[index], labels[index]
        sentences = _sentences(text, start, end, index, n_sentences, role, label, headline, credit)
        n_sentences += len(sentences)
        first, last = strip_bounds(text, start, end)
        span = sentences[0].span if len(sentences) == 1 else None
        if span is None or span.start != first or span.end != last:
            span = make_span(text, first, last)  # else one instance for paragraph and sentence
        fields = {"index": index, "span": span, "sentences": tuple(sentences)}
        paragraphs.append(instance(Paragraph, fields, _PARAGRAPH_FIELDS))
    return tuple(paragraphs)


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph: non-blank lines, wrapped lines joined."""
    bounds: list[tuple[int, int]] = []
    previous_end = -1
    for start, end in _lines(text):
        if text[start:end].isspace():
            continue
        if bounds and _continues(text, previous_end, start):
            bounds[-1] = (bounds[-1][0], end)
        else:
            bounds.append((start, end))
        previous_end = end
    return bounds


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every match of _LINE_RE: the runs of characters between line breaks."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return [match.span() for match in _LINE_RE.finditer(text)]
    # Only \n breaks lines here: str.find skips to each one far faster than the pattern's scan
    # (tests compare the two).
    lines: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        if end > start:
            lines.append((start, end))
        start = end + 1
    return lines


def _continues(text: str, previous_end: int, start: int) -> bool:
    """True when a line is a hard-wrapped continuation: one line break, lower-case start."""
    gap = text[previous_end:start]
    if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
        return False
    first = _FIRST_CHAR_RE.search(text, start)
    last = text[rstrip_end(text, 0, previous_end) - 1]
    return bool(first) and first.group().islower() and last not in _CLOSING_PUNCTUATION


def _sentences(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    first_index: int,
    role: SentenceRole | None = None,
    label: tuple[int, int] | None = None,
    headline_words: int = DEFAULT_CONFIG.headline_max_words,
    credit_words: int = DEFAULT_CONFIG.nonprose_line_words,
) -> list[Sentence]:
    """Split one paragraph into its sentences (with a dateline, byline or speaker label; a
    single line of at most ``headline_words`` words without closing punctuation is a headline;
    a last sentence may be a credit of at most ``credit_words`` words)."""
    pieces: list[tuple[int, int, SentenceRole]] = []
    body_start = start
    if start == end or text[start].isspace() or text[start] in FORMAT_CHARACTERS:
        # not isspace() is also regex's \S: no search; a byte-order mark opens no sentence
        while body_start < end and (
            text[body_start].isspace() or text[body_start] in FORMAT_CHARACTERS
        ):
            body_start += 1
    if role is ROLE_BYLINE:
        pieces.append((body_start, end, ROLE_BYLINE))
        return _sentence_models(text, pieces, paragraph, first_index)
    if label is not None:
        pieces.append((body_start, label[1], ROLE_SPEAKER))
        if rstrip_end(text, label[1], end) == label[1]:  # a name alone on its line
            return _sentence_models(text, pieces, paragraph, first_index)
        body_start = label[1]
    elif role is None:
        body_start = _after_dateline(text, body_start, end, pieces)
    cut = body_start
    candidates = _boundaries(text, body_start, end)
    glued = _glued_openings(text, body_start, end)
    if glued:  # rare: merged in order with the usual candidates
        candidates = sorted(candidates + glued)
    for stop, following in candidates:
        if _is_boundary(text, stop, following):
            pieces.append((cut, _gap_start(text, following), ROLE_BODY))
            cut = following
    pieces.append((cut, end, ROLE_BODY))
    if role is not None:
        pieces = [(s, e, role if r is ROLE_BODY else r) for s, e, r in pieces]
    elif len(pieces) == 1 and _is_headline(text, start, end, headline_words):
        pieces = [(start, end, ROLE_HEADLINE)]
    elif len(pieces) > 1:  # a credit closing a paragraph: "… (Reporting by Jane Doe)"
        s, e, _ = pieces[-1]
        last = sentence_role(text, s, rstrip_end(text, s, e), credit_words)
        if last is not None:
            pieces[-1] = (s, e, last)
    return _sentence_models(text, pieces, paragraph, first_index)


def _after_dateline(
    text: str, start: int, end: int, pieces: list[tuple[int, int, SentenceRole]]
) -> int:
    """Add a dateline opening the paragraph to ``pieces``; return where the body starts."""
    dateline = _dateline(text, start, end)
    if dateline:
        dateline_end: int = dateline.end()
        if dateline_end < end and text[dateline_end:end].strip():
            pieces.append((start, dateline_end, ROLE_DATELINE))
            return dateline_end
    return start


def _dateline(text: str, start: int, end: int) -> regex.Match[str] | None:
    """Match a dateline at ``start``, after a cheap test of its first two characters."""
    # A dateline opens with a capital ("WASHINGTON", "N.Y.", "New Delhi, Dec 8 (PTI)"); the
    # pattern's mixed-case branch needs a date or an agency right after the place.
    if start + 1 < end and text[start].isupper():
        if text[start + 1].islower() and not _MIXED_DATELINE_HINT_RE.search(
            text, start, min(end, start + 40)
        ):
            return None  # mixed case ("The …", "New Delhi, Dec 8 (PTI)") needs a date or agency
        found = _DATELINE_RE.match(text, start, end)
        if (
            found
            and text[found.end() - 1] in ": "
            and text[start : found.end()].rstrip(": ").startswith(_NOT_PLACES)
        ):
            return None  # "BREAKING: …" labels the story, it names no place
        return found
    return None


def _sentence_models(
    text: str, pieces: list[tuple[int, int, SentenceRole]], paragraph: int, first_index: int
) -> list[Sentence]:
    """The Sentence of each of ``pieces``, trimmed of surrounding white space."""
    sentences: list[Sentence] = []
    index = first_index
    for s, e, role in pieces:
        fields = {
            "index": index,
            "paragraph": paragraph,
            "span": strip_span(text, s, e),
            "role": role,
        }
        sentences.append(instance(Sentence, fields, _SENTENCE_FIELDS))
        index += 1
    return sentences


def _boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (stop, next) offsets of every candidate sentence end in ``text[start:end]``.

    "stop" is where a _BOUNDARY_IN_RUN_RE match begins and "next" its last character: the
    matches ``finditer`` of that pattern gives (see :func:`_boundaries_by_pattern`), read by
    hand. A match starts at a stop; the rest of the stop's run, the closing marks after it, at
    least one white space and a visible character decide it, the same from any stop of a run.
    Every stop is found by ``str.find`` and each character after it is read at most twice, so
    no pattern scans the paragraph (about -6 M instructions of segment's 79 M, compiled).
    """
    found: list[tuple[int, int]] = []
    stop = _next_stop(text, start, end)
    while stop >= 0:
        run = stop + 1
        while run < end and text[run] in _STOPS:
            run += 1
        while run < end and text[run] in _TRAILERS:
            run += 1
        following = run
        while following < end and text[following].isspace():
            following += 1
        if following == end:
            break  # white space or closing marks to the end: nothing more can end a sentence
        if following > run:
            found.append((stop, following))
            stop = _next_stop(text, following + 1, end)  # where finditer's next search starts
        else:
            stop = _next_stop(text, run, end)  # no stop of this run starts a match
    return found


def _next_stop(text: str, start: int, end: int) -> int:
    """The first offset of a character of _STOPS in ``text[start:end]``, or -1."""
    first = text.find(".", start, end)
    for stop in "!?…":
        at = text.find(stop, start, end if first < 0 else first)
        if at >= 0:
            first = at
    return first


def _boundaries_by_pattern(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What :func:`_boundaries` finds, by the patterns (the reference its tests compare with).

    The look-behind of _BOUNDARY_RE keeps a search from starting inside a run of stops (which
    read a run of ten thousand dots once from each dot); where the previous match's "next"
    character was a stop in a run, _BOUNDARY_IN_RUN_RE tries the rest of that run once.
    """
    found: list[tuple[int, int]] = []
    boundary = None
    if 0 < start < end and text[start - 1] in _STOPS and text[start] in _STOPS:
        boundary = _BOUNDARY_IN_RUN_RE.match(text, start, end)
    if boundary is None:
        boundary = _BOUNDARY_RE.search(text, start, end)
    while boundary is not None:
        stop, after = boundary.span()
        found.append((stop, after - 1))  # the "next" group is the match's last character
        boundary = None
        if after < end and text[after - 1] in _STOPS and text[after] in _STOPS:
            boundary = _BOUNDARY_IN_RUN_RE.match(text, after, end)
        if boundary is None:
            boundary = _BOUNDARY_RE.search(text, after, end)
    return found


def _glued_openings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (stop, mark) offsets of each full stop (or ? !) glued to a straight double mark that
    opens a quote before a capital ('the police."We were …'): a sentence ends at the stop. The
    mark opens when an even number of straight marks stands before it in the paragraph; an odd
    count means it closes a quote ('"a disgrace."The'). Each mark is found by ``str.find``:
    what _GLUED_OPEN_RE's matches give, without a pattern's scan of every paragraph (which
    cost about 9 M of segment's 79 M instructions, compiled)."""
    found: list[tuple[int, int]] = []
    seen = 0  # the straight double marks before ``mark`` in the paragraph
    mark = text.find('"', start, end)
    while mark >= 0:
        if (
            seen % 2 == 0
            and mark > start
            and text[mark - 1] in ".!?"
            and mark + 1 < end
            and "A" <= text[mark + 1] <= "Z"
        ):
            found.append((mark - 1, mark))
        seen += 1
        mark = text.find('"', mark + 1, end)
    return found


def _gap_start(text: str, following: int) -> int:
    """Where the white space of a _BOUNDARY_RE match ending at ``following`` begins."""
    # The gap runs back to the closing mark or stop before it, none of which is white space.
    gap = following
    while text[gap - 1].isspace():
        gap -= 1
    return gap


def _is_boundary(text: str, start: int, following_at: int) -> bool:
    """Decide whether a candidate full stop (or ? ! …) really ends a sentence.

    ``start`` is where a _BOUNDARY_RE match begins (its "stop" group) and ``following_at`` is
    its last character (its "next" group).
    """
    following = text[following_at]
    if following.islower() or following in ",;:)]}":
        return False
    # The stop is the whole run of [.!?…] at start (what follows it is a closer or white space),
    # so it is one full stop exactly when a full stop stands alone there.
    if text[start] != "." or text[start + 1] in _STOPS:
        return True
    word_match = _WORD_BEFORE_RE.search(text, max(0, start - 12), start)
    word = word_match.group().lstrip(".") if word_match else ""
    if len(word) == 1 and word.isupper():
        return False  # an initial: J. R. R. Tolkien
    kind = _abbreviations().get(word.lower())
    if kind == "title":
        return False
    if kind == "number":
        return not following.isdigit()
    if kind == "time":
        next_word = _NEXT_WORD_RE.match(text, following_at)
        return not next_word or next_word.group().lower() not in _TIME_ZONES
    if kind == "may-end":
        if following in QUOTE_OPENERS:
            return True  # "… in Santa Monica, Calif. “The reality is …”": a quote opens anew
        next_word = _NEXT_WORD_RE.match(text, following_at)
        return bool(next_word) and next_word.group().lower() in load("sentence_starters")
    return True


def _is_headline(text: str, start: int, end: int, max_words: int) -> bool:
    """True for a short single line (``max_words`` at most) without closing punctuation: a
    title or subheading."""
    end = rstrip_end(text, start, end)
    if end == start or text[end - 1] in _CLOSING_PUNCTUATION:
        return False  # decided without copying the line: most lines end with a full stop
    line = text[start:end].strip()
    if "\n" in line or "\r" in line:
        return False
    return len(line.split()) <= max_words
