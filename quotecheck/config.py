"""AnalyzerConfig: every threshold and switch of the analysis, in one frozen model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DEFAULT_CONFIG", "AnalyzerConfig"]


class AnalyzerConfig(BaseModel):
    """Thresholds and switches for :func:`quotecheck.analyze`; copy it with ``model_copy``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_chars: int = Field(
        default=20_000_000,
        gt=0,
        description="Longest text accepted; longer input raises InputError. Time and memory "
        "grow linearly with the text (docs/benchmarks.md gives the bytes per character), so "
        "this bounds both.",
    )
    partial_max_words: int = Field(
        default=6,
        ge=1,
        description="A quote this short that does not end its clause is 'partial' even when "
        "it starts the sentence.",
    )
    cue_window_sentences: int = Field(
        default=1,
        ge=0,
        description="How many sentences before or after a stand-alone quote to search for its cue.",
    )


DEFAULT_CONFIG = AnalyzerConfig()
