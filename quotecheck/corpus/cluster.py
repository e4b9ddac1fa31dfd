"""The Dask engine: run a batch on a dask.distributed cluster (optional extra ``dask``).

dask.distributed is imported only when this engine is used, so the package works without it.
Workers run the same module-level task as the local process pool, so they need quotecheck
installed (the same version) and nothing else; records travel to them in small chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from quotecheck.config import AnalyzerConfig, given_config
from quotecheck.errors import BatchError, install_hint

__all__ = ["DASK_HINT", "analyze_bag", "dask_engine"]

DASK_HINT = install_hint("dask")
"""How to install the Dask engine's dependencies."""


def _distributed() -> Any:
    """Import dask.distributed, or say how to install it."""
    try:
        import distributed
    except ImportError as exc:
        msg = f"engine='dask' needs dask.distributed, which is not installed: {DASK_HINT}"
        raise BatchError(msg) from exc
    return distributed


def _client(scheduler: object, workers: int | None, stack: ExitStack) -> Any:
    """A Client for ``scheduler`` (address, Client, or cluster), or a new local cluster."""
    distributed = _distributed()
    if isinstance(scheduler, distributed.Client):
        return scheduler  # the caller's client: theirs to close
    if scheduler is None:
        cluster = stack.enter_context(
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
        )
        return stack.enter_context(distributed.Client(cluster))
    address = getattr(scheduler, "scheduler_address", scheduler)  # a cluster object works too
    try:
        return stack.enter_context(distributed.Client(address, timeout="10s"))
    except OSError as exc:
        msg = (
            f"cannot reach the Dask scheduler at {address!r} ({exc}); start one with "
            f"`dask scheduler` and pass its address, e.g. tcp://10.0.0.5:8786"
        )
        raise BatchError(msg) from exc


class _DaskRunner:
    """Runs batch tasks on a Dask client, 8 records per task (Dask's overhead is per task)."""

    chunk = 8

    def __init__(self, client: Any) -> None:
        self.client = client
        self.slots = sum(client.nthreads().values()) or 1

    def submit(self, fn: Callable[..., Any], chunk: list[Any]) -> Any:
        """Submit ``fn(chunk)``; pure=False: equal chunks (retries) must run again, uncached."""
        return self.client.submit(fn, chunk, pure=False)

    def abandon(self, future: Any) -> None:
        """Stop waiting for an overrunning task (Dask cannot interrupt a running one)."""
        future.cancel()

    def allowance(self) -> float:
        """The cluster's workers are running before the first task is sent."""
        return 0.0


@contextmanager
def dask_engine(scheduler: object = None, workers: int | None = None) -> Iterator[_DaskRunner]:
    """Open a Dask client; yield a runner that submits batch tasks to it.

    Raises:
        BatchError: dask.distributed is missing, or the scheduler cannot be reached.
    """
    with ExitStack() as stack:
        yield _DaskRunner(_client(scheduler, workers, stack))


def analyze_bag(bag: Any, config: AnalyzerConfig | None = None) -> Any:
    """Map a ``dask.bag.Bag`` of Records to a Bag of Analysis or Failure, for Dask pipelines.

    Build the bag lazily (e.g. ``dask.bag.from_sequence(paths).map(load)``) so records are
    loaded on the workers; compute or ``to_textfiles`` the result.
    """
    from quotecheck.corpus.worker import analyze_record

    _distributed()
    return bag.map(analyze_record, config=given_config(config))
