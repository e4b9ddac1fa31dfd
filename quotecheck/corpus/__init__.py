"""Many articles: reading corpora, analysing them in parallel, and writing the results.

``io`` reads JSONL, CSV, Parquet and folders of ``.txt`` into records and writes results
(JSONL, summary CSV/Parquet); ``batch`` runs ``analyze`` over records in a process pool (or in
this process) in input order, one result or error record per input; ``cluster`` runs the same
worker on a Dask cluster; ``consistency`` compares quotes across articles (the same words
credited to different speakers). May import :mod:`quotecheck.pipeline` and the shared modules.
"""
