"""The Dask engine: run a batch on a dask.distributed cluster (optional ``quotecheck[dask]``).

dask.distributed is imported only when this engine is used, so the package works without it.
Workers run the same module-level task as the local process pool, so they need quotecheck
installed (the same version) and nothing else; records travel to them in small chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.errors import BatchError

__all__ = ["DASK_HINT", "analyze_bag", "dask_engine"]

DASK_HINT = "pip install 'quotecheck[dask]'"
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


@contextmanager
def dask_engine(
    scheduler: object = None, workers: int | None = None
) -> Iterator[tuple[Callable[..., Any], int]]:
    """Open a Dask client; yield a submit function and how many tasks the cluster runs at once.

    Raises:
        BatchError: dask.distributed is missing, or the scheduler cannot be reached.
    """
    with ExitStack() as stack:
        client = _client(scheduler, workers, stack)

        def submit(fn: Callable[..., Any], chunk: list[Any]) -> Any:
            # pure=False: equal chunks (e.g. retries) must run again, not hit Dask's cache
            return client.submit(fn, chunk, pure=False)

        slots = sum(client.nthreads().values()) or 1
        yield submit, slots


def analyze_bag(bag: Any, config: AnalyzerConfig | None = None) -> Any:
    """Map a ``dask.bag.Bag`` of Records to a Bag of Analysis or Failure, for Dask pipelines.

    Build the bag lazily (e.g. ``dask.bag.from_sequence(paths).map(load)``) so records are
    loaded on the workers; compute or ``to_textfiles`` the result.
    """
    from quotecheck.corpus.worker import analyze_record

    _distributed()
    return bag.map(analyze_record, config=config or DEFAULT_CONFIG)
