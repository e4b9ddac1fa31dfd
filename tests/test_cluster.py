"""The Dask engine: same output as the process pool, and a clear error when Dask is missing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotecheck.corpus.batch import analyze_corpus, run_batch
from quotecheck.corpus.cluster import DASK_HINT, analyze_bag
from quotecheck.corpus.io import Record, read_corpus
from quotecheck.errors import BatchError
from tests.test_batch import article, write_corpus


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without dask.distributed, engine='dask' is a BatchError carrying the install command."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(BatchError, match=r"pip install 'news-quotecheck\[dask\]'"):
        list(analyze_corpus(["x"], engine="dask"))
    assert DASK_HINT == "pip install 'news-quotecheck[dask]'"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A local Dask cluster of two single-threaded worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local:
        yield local


@pytest.mark.slow
def test_dask_results_equal_process_engine(cluster: Any) -> None:
    """analyze_corpus on a two-worker Dask cluster yields exactly what the process pool does."""
    items: list[Any] = [article(i) for i in range(50)]
    items[7] = 42  # a bad item must become the same Failure on both engines
    on_dask = list(analyze_corpus(items, engine="dask", scheduler=cluster.scheduler_address))
    local = list(analyze_corpus(items, workers=2))
    assert on_dask == local
    assert [r.doc_id for r in on_dask] == [str(i) for i in range(50)]


@pytest.mark.slow
def test_dask_batch_file_equals_process_batch_file(cluster: Any, tmp_path: Path) -> None:
    """run_batch with engine='dask' writes a byte-identical file to the process engine."""
    src = write_corpus(tmp_path / "in.jsonl", 120, bad_every=11)
    quiet: dict[str, Any] = {"progress": False, "log": lambda m: None}
    dask_out, local_out = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    stats = run_batch(src, dask_out, engine="dask", scheduler=cluster.scheduler_address, **quiet)
    run_batch(src, local_out, workers=2, **quiet)
    assert dask_out.read_bytes() == local_out.read_bytes()
    assert (stats.total, stats.failed) == (120, 120 // 11)


@pytest.mark.slow
def test_dask_accepts_a_client(cluster: Any) -> None:
    """A caller's distributed.Client works as the scheduler and is left open."""
    distributed = pytest.importorskip("distributed")
    with distributed.Client(cluster) as client:
        results = list(analyze_corpus(["One.", "Two."], engine="dask", scheduler=client))
        assert [r.doc_id for r in results] == ["0", "1"]
        assert client.status == "running"


@pytest.mark.slow
def test_analyze_bag_maps_records(cluster: Any, tmp_path: Path) -> None:
    """analyze_bag turns a Dask bag of Records into the analyses analyze_corpus would yield."""
    bag_module = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    records = [Record(id=f"r{i}", text=article(i)) for i in range(12)]
    with distributed.Client(cluster):
        computed = analyze_bag(bag_module.from_sequence(records, npartitions=3)).compute()
    assert computed == list(analyze_corpus(records, engine="serial"))
    src = write_corpus(tmp_path / "in.jsonl", 3)
    assert [r.id for r in read_corpus(src) if isinstance(r, Record)] == ["doc0", "doc1", "doc2"]


@pytest.mark.slow
def test_unreachable_scheduler_is_a_batch_error() -> None:
    """A scheduler address nobody listens on is a BatchError that says how to start one."""
    pytest.importorskip("distributed")
    with pytest.raises(BatchError, match="dask scheduler"):
        list(analyze_corpus(["x"], engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_unreachable_scheduler_leaves_the_output_untouched(tmp_path: Path) -> None:
    """A batch that cannot reach its scheduler fails before truncating an existing output."""
    pytest.importorskip("distributed")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "a", "text": "It rained."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier results\n", encoding="utf-8")
    with pytest.raises(BatchError, match="dask scheduler"):
        run_batch(corpus, out, engine="dask", scheduler="tcp://127.0.0.1:9")
    assert out.read_text(encoding="utf-8") == "earlier results\n"
