"""The enum members the compiled stages compare against, as module constants.

From mypyc-compiled code, ``SourceKind.person`` is an attribute lookup on the enum class each
time it runs (several hundred instructions), while a ``Final`` name of a compiled module is one
read of a C static, in this module and in every compiled module that imports it. The values are
the members themselves: ``kind is SOURCE_PERSON`` means ``kind is SourceKind.person``.
"""

from __future__ import annotations

from typing import Final

from quotecheck.models import (
    ClaimKind,
    CueKind,
    QuoteKind,
    SentenceRole,
    SignalKind,
    SourceKind,
    Stance,
)

__all__ = [
    "CLAIM_ANONYMOUS",
    "CLAIM_ATTRIBUTED",
    "CLAIM_EDITORIAL",
    "CLAIM_OTHER",
    "CLAIM_QUOTED",
    "CLAIM_UNATTRIBUTED",
    "CLAIM_VAGUE",
    "CUE_ACCORDING_TO",
    "CUE_COLON",
    "CUE_INHERITED",
    "CUE_QUESTION",
    "CUE_SPEECH_VERB",
    "CUE_STATEMENT",
    "CUE_TURN",
    "CUE_VAGUE",
    "QUOTE_DIRECT",
    "QUOTE_PARTIAL",
    "QUOTE_SCARE",
    "ROLE_BODY",
    "ROLE_BOILERPLATE",
    "ROLE_BYLINE",
    "ROLE_CAPTION",
    "ROLE_CONTACT",
    "ROLE_CREDIT",
    "ROLE_DATELINE",
    "ROLE_HEADLINE",
    "ROLE_SPEAKER",
    "SIGNAL_IMPUTATION",
    "SIGNAL_SCARE_QUOTE",
    "SOURCE_ANONYMOUS",
    "SOURCE_DOCUMENT",
    "SOURCE_MEDIA",
    "SOURCE_ORGANIZATION",
    "SOURCE_PERSON",
    "SOURCE_VAGUE",
    "STANCE_NEUTRAL",
    "STANCE_TENTATIVE",
]

CLAIM_ANONYMOUS: Final = ClaimKind.anonymous
"""``ClaimKind.anonymous``."""
CLAIM_ATTRIBUTED: Final = ClaimKind.attributed
"""``ClaimKind.attributed``."""
CLAIM_EDITORIAL: Final = ClaimKind.editorial
"""``ClaimKind.editorial``."""
CLAIM_QUOTED: Final = ClaimKind.quoted
"""``ClaimKind.quoted``."""
CLAIM_UNATTRIBUTED: Final = ClaimKind.unattributed
"""``ClaimKind.unattributed``."""
CLAIM_VAGUE: Final = ClaimKind.vague
"""``ClaimKind.vague``."""
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
QUOTE_DIRECT: Final = QuoteKind.direct
"""``QuoteKind.direct``."""
QUOTE_PARTIAL: Final = QuoteKind.partial
"""``QuoteKind.partial``."""
QUOTE_SCARE: Final = QuoteKind.scare
"""``QuoteKind.scare``."""
ROLE_BODY: Final = SentenceRole.body
"""``SentenceRole.body``."""
ROLE_BYLINE: Final = SentenceRole.byline
"""``SentenceRole.byline``."""
ROLE_DATELINE: Final = SentenceRole.dateline
"""``SentenceRole.dateline``."""
ROLE_HEADLINE: Final = SentenceRole.headline
"""``SentenceRole.headline``."""
SIGNAL_IMPUTATION: Final = SignalKind.imputation
"""``SignalKind.imputation``."""
SIGNAL_SCARE_QUOTE: Final = SignalKind.scare_quote
"""``SignalKind.scare_quote``."""
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
STANCE_TENTATIVE: Final = Stance.tentative
"""``Stance.tentative``."""
CLAIM_OTHER: Final = ClaimKind.other
"""``ClaimKind.other``."""
CUE_TURN: Final = CueKind.turn
"""``CueKind.turn``."""
CUE_QUESTION: Final = CueKind.question
"""``CueKind.question``."""
ROLE_BOILERPLATE: Final = SentenceRole.boilerplate
"""``SentenceRole.boilerplate``."""
ROLE_CAPTION: Final = SentenceRole.caption
"""``SentenceRole.caption``."""
ROLE_CONTACT: Final = SentenceRole.contact
"""``SentenceRole.contact``."""
ROLE_CREDIT: Final = SentenceRole.credit
"""``SentenceRole.credit``."""
ROLE_SPEAKER: Final = SentenceRole.speaker
"""``SentenceRole.speaker``."""
