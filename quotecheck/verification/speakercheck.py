"""Who said the matched words: a verified quote's passage against the source's speaker turns.

:func:`check_speaker` takes a :class:`~quotecheck.models.Verification` and the places its
pieces were found, reads which speaker turns (:mod:`quotecheck.verification.turns`) hold the
matched source words, and returns the verification with ``speaker_match``, ``credited_speaker`` and
``source_speaker`` set. Words of two speakers run together as one quote make it ``spliced``.
"""

from __future__ import annotations

from collections import Counter

from quotecheck.errors import InputTypeError
from quotecheck.models import Source, SourceKind, SpeakerMatch, Verification, VerificationStatus
from quotecheck.verification.index import ShingleIndex
from quotecheck.verification.interviewee import HONORIFICS
from quotecheck.verification.turns import (
    Speaker,
    Turn,
    identity,
    same_speaker,
    shown,
    speaker_from_text,
)
from quotecheck.verification.verdict import Placed, Transcripts

__all__ = ["check_speaker", "credited", "words_in_turns"]

_MIN_OTHER = 2  # matched words of a second speaker that make a quote a splice of two speakers
_ORDER = tuple(VerificationStatus)


def credited(speaker: str | Source | None) -> Speaker | None:
    """Return the credited speaker as a :class:`~quotecheck.verification.turns.Speaker`, or None."""
    if speaker is None:
        return None
    if isinstance(speaker, str):
        return speaker_from_text(speaker) if speaker.strip() else None
    if not isinstance(speaker, Source):
        msg = (
            f"speaker must be a str, a Source or None, got {type(speaker).__name__}: pass "
            f"the credited name ('Grace Okafor') or a Source from quotecheck.analyze"
        )
        raise InputTypeError(msg, got=type(speaker))
    person = speaker.kind in (SourceKind.person, SourceKind.anonymous)
    name = speaker.name if speaker.kind is SourceKind.person else None
    role = speaker.role if person else None
    if name is None and role is None:
        if speaker.descriptor is None:
            return None
        found = speaker_from_text(speaker.descriptor)
        return Speaker(found.name, found.role, speaker.descriptor)
    if name and role and role.lower().strip(".") in HONORIFICS:
        return Speaker(name, None, f"{role} {name}")  # "Ms Lowe": an honorific is no role
    display = name or speaker.descriptor or role or ""
    if name and role and role not in name:
        display = f"{name}, {role}"
    return Speaker(name, role, display)


def words_in_turns(
    index: ShingleIndex, transcripts: Transcripts, doc: int, placed: list[Placed]
) -> tuple[Counter[str], dict[str, Turn]]:
    """Count the matched source words of document ``doc`` per speaker (by identity)."""
    transcript = transcripts(doc)
    counts: Counter[str] = Counter()
    turns: dict[str, Turn] = {}
    if not transcript.turns:
        return counts, turns
    off = index.offsets(doc)
    for part in placed:
        if part.doc != doc:
            continue
        for block in part.blocks:
            if block.op != "equal":
                continue
            for k in range(block.s0, block.s1):
                turn = transcript.turn_at(off.start(k))
                if turn is not None:
                    key = identity(turn)
                    counts[key] += 1
                    turns.setdefault(key, turn)
    return counts, turns


def check_speaker(
    index: ShingleIndex,
    transcripts: Transcripts,
    found: Verification,
    placed: list[Placed],
    speaker: Speaker | None,
    doc: int | None,
) -> Verification:
    """Say whether the credited speaker said the matched words (see the module docstring)."""
    who = speaker.shown if speaker is not None else None
    unchanged = found if who is None else found.model_copy(update={"credited_speaker": who})
    if doc is None or found.status is VerificationStatus.not_found:
        return unchanged
    if not transcripts(doc).turns:
        return unchanged
    counts, turns = words_in_turns(index, transcripts, doc, placed)
    if not counts:
        return unchanged
    ranked = counts.most_common()
    main = turns[ranked[0][0]]
    # Speakers with a real share of the words; a stray "the" in another turn is not one.
    speakers = [turns[key] for key, n in ranked if n >= min(_MIN_OTHER, ranked[0][1])]
    update: dict[str, object] = {"credited_speaker": who, "source_speaker": shown(main)}
    reasons = list(found.reasons)
    if len(speakers) > 1:
        labels = " and ".join(repr(shown(t)) for t in speakers)
        reasons.append(f"the quote runs together the words of {labels}")
        if _ORDER.index(found.status) < _ORDER.index(VerificationStatus.spliced):
            update["status"] = VerificationStatus.spliced
    if speaker is None:
        update["reasons"] = tuple(reasons)
        return found.model_copy(update=update)
    matches = [same_speaker(speaker, t) for t in speakers]
    if False in matches:
        other = speakers[matches.index(False)]
        update["speaker_match"] = SpeakerMatch.different
        update["source_speaker"] = shown(other)
        reasons.append(
            f"misattributed: the words are in a turn of {shown(other)!r}, not of {who!r}"
        )
    elif all(matches):
        update["speaker_match"] = SpeakerMatch.same
        reasons.append(f"the words are in a turn of {shown(main)!r}, the speaker credited")
    else:
        reasons.append(f"the words are in a turn of {shown(main)!r}, who may or may not be {who!r}")
    update["reasons"] = tuple(reasons)
    return found.model_copy(update=update)
