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
    MissingExtraError,
    QuotecheckError,
    SourceDocumentError,
)
from quotecheck.integrations.webpage import analyze_html
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
    Genre,
    GenreKind,
    Page,
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
from quotecheck.report.frames import read_frames, to_frames
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
    "Genre",
    "GenreKind",
    "InputError",
    "InputTypeError",
    "LexiconError",
    "MissingExtraError",
    "Page",
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
    "analyze_html",
    "flag_unattributed",
    "read_frames",
    "run_batch",
    "to_frames",
    "verify",
    "verify_quote",
]
