"""quotecheck: who said what in news text.

>>> import quotecheck as qc
>>> a = qc.analyze("“It will rain,” the forecaster said.")
>>> a.quotes[0].span.text
'It will rain,'
"""

from __future__ import annotations

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.corpus.batch import BatchStats, analyze_corpus, run_batch
from quotecheck.errors import (
    AssemblyError,
    BatchError,
    InputError,
    InputTypeError,
    LexiconError,
    QuotecheckError,
    SourceDocumentError,
)
from quotecheck.models import (
    Analysis,
    Attribution,
    Claim,
    ClaimKind,
    Cue,
    CueKind,
    Edit,
    EditOp,
    Failure,
    Flag,
    FlagKind,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SentenceRole,
    Severity,
    Signal,
    SignalKind,
    Source,
    SourceKind,
    SourcingSummary,
    Span,
    Stance,
    Verification,
    VerificationStatus,
)
from quotecheck.pipeline import analyze, flag_unattributed
from quotecheck.verification.verifier import SourceIndex, verify, verify_quote

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CONFIG",
    "Analysis",
    "AnalyzerConfig",
    "AssemblyError",
    "Attribution",
    "BatchError",
    "BatchStats",
    "Claim",
    "ClaimKind",
    "Cue",
    "CueKind",
    "Edit",
    "EditOp",
    "Failure",
    "Flag",
    "FlagKind",
    "InputError",
    "InputTypeError",
    "LexiconError",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "QuotecheckError",
    "Sentence",
    "SentenceRole",
    "Severity",
    "Signal",
    "SignalKind",
    "Source",
    "SourceDocumentError",
    "SourceIndex",
    "SourceKind",
    "SourcingSummary",
    "Span",
    "Stance",
    "Verification",
    "VerificationStatus",
    "__version__",
    "analyze",
    "analyze_corpus",
    "flag_unattributed",
    "run_batch",
    "verify",
    "verify_quote",
]
