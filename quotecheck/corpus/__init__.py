"""Many articles: reading corpora, analysing them in parallel, and writing the results.

``io`` reads JSONL, CSV, Parquet and folders of ``.txt`` into records; ``results`` writes one
JSONL line per record and reads it back (and resumes); ``summary_table`` writes the per-article
summary (CSV/Parquet); ``outputs`` guards the paths and writes atomically; ``batch`` runs
``analyze`` over records in a process pool (or in this process) in input order, one result or
error record per input; ``cluster`` runs the same
worker on a Dask cluster; ``consistency`` compares quotes across articles (the same words
credited to different speakers). May import :mod:`quotecheck.pipeline` and the shared modules.
"""

from quotecheck.corpus.io import (
    Record,
    Result,
    count_records,
    from_mapping,
    read_corpus,
    read_csv,
    read_jsonl,
    read_parquet,
    read_txt_dir,
)
from quotecheck.corpus.results import (
    ResumeState,
    dump_result,
    iter_output,
    load_result,
    prepare_resume,
)
from quotecheck.corpus.summary_table import SUMMARY_COLUMNS, summary_row, write_summary

__all__ = [
    "SUMMARY_COLUMNS",
    "Record",
    "Result",
    "ResumeState",
    "count_records",
    "dump_result",
    "from_mapping",
    "iter_output",
    "load_result",
    "prepare_resume",
    "read_corpus",
    "read_csv",
    "read_jsonl",
    "read_parquet",
    "read_txt_dir",
    "summary_row",
    "write_summary",
]
