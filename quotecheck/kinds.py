"""The enum members the compiled stages compare against, as module constants.

From mypyc-compiled code, ``SourceKind.person`` is an attribute lookup on the enum class each
time it runs (several hundred instructions), while a ``Final`` name of a compiled module is one
read of a C static, in this module and in every compiled module that imports it. The values are
the members themselves: ``kind is SOURCE_PERSON`` means ``kind is SourceKind.person``.
"""

from __future__ import annotations

from typing import Final

from .models import CueKind, QuoteKind, SourceKind, Stance

__all__ = [
    "CUE_ACCORDING_TO",
    "CUE_COLON",
    "CUE_INHERITED",
    "CUE_SPEECH_VERB",
    "CUE_STATEMENT",
    "CUE_VAGUE",
    "QUOTE_SCARE",
    "SOURCE_ANONYMOUS",
    "SOURCE_DOCUMENT",
    "SOURCE_MEDIA",
    "SOURCE_ORGANIZATION",
    "SOURCE_PERSON",
    "SOURCE_VAGUE",
    "STANCE_NEUTRAL",
]

CUE_ACCORDING_TO: Final = CueKind.according_to
"""``CueKind.according_to``."""
CUE_COLON: Final = CueKind.colon
"""``CueKind.colon``."""
CUE_INHERITED: Final = CueKind.inherited
"""``CueKind.inherited``."""
CUE_SPEECH_VERB: Final = CueKind.speech_verb
"""``CueKind.speech_verb``."""
CUE_STATEMENT: Final = CueKind.statement
"""``CueKind.statement``."""
CUE_VAGUE: Final = CueKind.vague
"""``CueKind.vague``."""
QUOTE_SCARE: Final = QuoteKind.scare
"""``QuoteKind.scare``."""
SOURCE_ANONYMOUS: Final = SourceKind.anonymous
"""``SourceKind.anonymous``."""
SOURCE_DOCUMENT: Final = SourceKind.document
"""``SourceKind.document``."""
SOURCE_MEDIA: Final = SourceKind.media
"""``SourceKind.media``."""
SOURCE_ORGANIZATION: Final = SourceKind.organization
"""``SourceKind.organization``."""
SOURCE_PERSON: Final = SourceKind.person
"""``SourceKind.person``."""
SOURCE_VAGUE: Final = SourceKind.vague
"""``SourceKind.vague``."""
STANCE_NEUTRAL: Final = Stance.neutral
"""``Stance.neutral``."""
