"""Throughput of quotecheck.analyze in MB/s, and its growth on adversarial input.

Usage:  python benchmarks/bench_analyze.py [--mb 2] [--passes 3] [--eval ../shared/eval] [--quick]

The news corpus is built at run time from the bundled seed and, when present, the article texts
of ../shared/eval/polnear-dev.jsonl.gz (read, never copied). Adversarial inputs (quote marks
only, no punctuation, unclosed quotes, apostrophe runs) are timed at 1x, 2x and 4x size: linear
time shows as a flat MB/s column and a time ratio near 2 per doubling.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import quotecheck
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def news_corpus(eval_dir: Path, megabytes: float) -> list[str]:
    """Articles totalling about ``megabytes`` MB: the seed plus eval articles when available."""
    texts = [(ROOT / "seeds" / "libya-special-forces.txt").read_text("utf-8")]
    gold = eval_dir / "polnear-dev.jsonl.gz"
    if gold.exists():
        with gzip.open(gold, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    corpus: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for text in texts:
            corpus.append(text)
            size += len(text)
            if size >= megabytes * 1e6:
                break
    return corpus


def time_texts(texts: list[str]) -> tuple[float, int]:
    """Seconds to analyze every text once, and the characters analysed."""
    start = time.perf_counter()
    for text in texts:
        quotecheck.analyze(text)
    return time.perf_counter() - start, sum(map(len, texts))


def time_passes(texts: list[str], passes: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``passes`` passes over ``texts``.

    A shared machine's speed swings from one minute to the next: the best pass is the least
    disturbed one (as ``timeit`` reports), the median the typical one.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(passes):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for text in texts:
            quotecheck.analyze(text)
        wall.append(time.perf_counter() - wall_start)
        cpu.append(time.process_time() - cpu_start)
    return wall, cpu


def time_stages(texts: list[str]) -> float:
    """Seconds for the first two stages alone (segmentation and quote detection)."""
    start = time.perf_counter()
    for text in texts:
        find_quotes(text, segment(text), DEFAULT_CONFIG)
    return time.perf_counter() - start


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "quote marks only": lambda n: ("“”‘’\"'«»„" * (n // 9 + 1))[:n],
    "opening marks only": lambda n: "“" * n,
    "no punctuation": lambda n: ("word " * (n // 5 + 1))[:n],
    "unclosed quotes": lambda n: ("“unclosed quote " * (n // 16 + 1))[:n],
    "apostrophe runs": lambda n: ("the students’ ’n’ don’t ‘ " * (n // 26 + 1))[:n],
    "abbreviations": lambda n: ("Mr. Gen. U.S. No. J. R. " * (n // 24 + 1))[:n],
    "one long line of dots": lambda n: ("a. " * (n // 3 + 1))[:n],
    # Quotes each followed by a dash and a capital, on one endless line: signatures are read in
    # a bounded window, not to the end of the line.
    "dash after every quote": lambda n: ("“Yes.” — Bob Smith and Ann " * (n // 27 + 1))[:n],
    # One endless sentence of cues and quotes: every attribution reader looks back from each.
    "cues without full stops": lambda n: (
        "the official said, “We will stay,” and Smith, a lawyer, added “" * (n // 62 + 1)
    )[:n],
}


def build() -> str:
    """Which build of quotecheck is timed: the mypyc-compiled wheel or the Python source."""
    from quotecheck.claims import classify as claims

    compiled = not claims.__file__ or not claims.__file__.endswith(".py")
    return "compiled with mypyc" if compiled else "pure Python"


def main() -> int:
    """Print MB/s on news text and the scaling table on adversarial input."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=2.0, help="size of the news corpus in MB")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--quick", action="store_true", help="adversarial sizes 100k/200k/400k")
    ap.add_argument("--passes", type=int, default=3, help="timed passes over the news corpus")
    args = ap.parse_args()

    print(f"quotecheck {quotecheck.__version__}, {build()}, Python {sys.version.split()[0]}")
    corpus = news_corpus(args.eval, args.mb)
    quotecheck.analyze(corpus[0])  # warm caches (lexicons, compiled patterns)
    chars = sum(map(len, corpus))
    megabytes = chars / 1e6
    wall, cpu = time_passes(corpus, args.passes)
    print(f"news: {len(corpus)} articles, {megabytes:.2f} MB, {args.passes} passes (one core)")
    for name, times in (("wall clock", wall), ("CPU time", cpu)):
        rates = sorted(megabytes / t for t in times)
        print(
            f"  {name:<10} best {rates[-1]:.2f} MB/s, median {statistics.median(rates):.2f}, "
            f"worst {rates[0]:.2f}"
        )

    seconds = time_stages(corpus)
    print(f"segment + quotes alone: {chars / 1e6 / seconds:.2f} MB/s (one core)")

    base = 100_000 if args.quick else 250_000
    print(f"\n{'adversarial input':<22} {'size':>9} {'seconds':>8} {'MB/s':>6} {'ratio':>6}")
    for name, make in ADVERSARIAL.items():
        previous = None
        for factor in (1, 2, 4):
            text = make(base * factor)
            seconds, chars = time_texts([text])
            ratio = f"{seconds / previous:.2f}" if previous else "-"
            speed = chars / 1e6 / seconds
            print(f"{name:<22} {chars:>9,} {seconds:>8.3f} {speed:>6.2f} {ratio:>6}")
            previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
