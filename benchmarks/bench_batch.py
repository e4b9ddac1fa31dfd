"""Batch throughput (articles/s) with 1 and 2 workers, and peak memory as the corpus grows 10x.

Usage:  python benchmarks/bench_batch.py [--articles 10000] [--workers 1 2] [--chars 0]
        [--eval ../shared/eval]

The corpus is built at run time in a temporary folder by cycling the article texts of
../shared/eval/polnear-dev.jsonl.gz under fresh ids (read, never copied into the repository);
the benchmark exits with a message when that file is absent. Every run happens in a fresh child
process, so its peak RSS (``ru_maxrss``) is its own: the parent's and the largest worker's peak
are reported for the full corpus and for a tenth of it. Flat memory shows as equal peaks.
"cores used" is the CPU time of the batch process and its workers over the wall time: far below
the worker count means other programs were taking the CPUs (see the load average).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def eval_texts(eval_dir: Path, chars: int) -> list[str]:
    """The PolNeAR dev article texts (their first paragraphs up to ``chars``, when positive)."""
    gold = eval_dir / "polnear-dev.jsonl.gz"
    if not gold.exists():
        return []
    with gzip.open(gold, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return [lead(text, chars) for text in texts] if chars > 0 else texts


def lead(text: str, chars: int) -> str:
    """Whole leading paragraphs of ``text`` until at least ``chars`` characters."""
    kept: list[str] = []
    for paragraph in text.split("\n"):
        kept.append(paragraph)
        if sum(map(len, kept)) >= chars:
            break
    return "\n".join(kept)


def build_corpus(texts: list[str], n: int, path: Path) -> Path:
    """Write ``n`` JSONL records cycling ``texts`` under distinct ids and outlets."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {"id": f"a{i}", "text": texts[i % len(texts)], "outlet": f"o{i % 7}"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def child(src: str, out: str, engine: str, workers: int) -> None:
    """Run one batch and print its speed and peak memory as JSON (child-process side)."""
    from quotecheck.corpus.batch import run_batch

    stats = run_batch(src, out, workers=workers, engine=engine, progress=False, log=lambda m: None)
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers_usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool, joined by now
    report = {
        "records": stats.total,
        "seconds": stats.seconds,
        "rate": stats.rate,
        "parent_mb": me.ru_maxrss / 1024,
        "worker_mb": workers_usage.ru_maxrss / 1024,
        "cpu": me.ru_utime + me.ru_stime + workers_usage.ru_utime + workers_usage.ru_stime,
    }
    print(json.dumps(report))


def run(src: Path, out: Path, engine: str, workers: int) -> dict[str, float]:
    """Run a batch in a fresh child process and return its report."""
    cmd = [sys.executable, __file__, "--child", str(src), str(out), engine, str(workers)]
    started = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(wall=time.perf_counter() - started, load=os.getloadavg()[0])
    return result


def main() -> int:
    """Build the corpus, time each configuration, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--chars", type=int, default=0, help="cut articles to their lead (0: whole articles)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration; best kept")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        src, out, engine, workers = args.child
        child(src, out, engine, int(workers))
        return 0
    texts = eval_texts(args.eval, args.chars)
    if not texts:
        print(f"skipped: {args.eval}/polnear-dev.jsonl.gz is absent")
        return 0
    big, small = args.articles, max(1, args.articles // 10)
    mean_chars = sum(map(len, texts)) / len(texts)
    print(
        f"corpus: {big:,} articles cycled from {len(texts)} eval texts, {mean_chars:,.0f} chars avg"
    )
    print(
        "| articles | workers | seconds | articles/s | speed-up | cores used "
        "| parent peak MB | worker peak MB | load avg | all runs (articles/s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (small, big):
            src = build_corpus(texts, n, Path(tmp) / f"in{n}.jsonl")
            runs: dict[int, list[dict[str, float]]] = {w: [] for w in args.workers}
            for _ in range(args.repeat):  # interleaved, so a burst of load hits every count
                for workers in args.workers:
                    runs[workers].append(run(src, Path(tmp) / "out.jsonl", "process", workers))
            base = max(r["rate"] for r in runs[args.workers[0]])
            for workers, results in runs.items():
                print(row(n, workers, results, base), flush=True)
    return 0


def row(n: int, workers: int, results: list[dict[str, float]], base: float) -> str:
    """A table row for the best of ``results`` (least disturbed by other load), all rates after."""
    r = max(results, key=lambda x: x["rate"])
    rates = ", ".join(f"{x['rate']:.0f}" for x in results)
    return (
        f"| {n:,} | {workers} | {r['seconds']:.1f} | {r['rate']:.1f} | {r['rate'] / base:.2f}x "
        f"| {r['cpu'] / r['wall']:.2f} | {r['parent_mb']:.0f} | {r['worker_mb']:.0f} "
        f"| {r['load']:.1f} | {rates} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
