"""Benchmark quote verification: quotes per second against 1, 100 and 10,000 source documents.

    python benchmarks/bench_verify.py                 # synthetic text, 10 MB of sources
    python benchmarks/bench_verify.py --data eval     # real news text from ../shared/eval
    python benchmarks/bench_verify.py --mb 2 --quotes 300

The sources total ``--mb`` megabytes in every configuration, cut into 1, 100 or 10,000
documents. Quotes are taken from the sources at run time: a third copied exactly, a third with
one word changed or a "not" dropped, a sixth joined from two pieces with an ellipsis, and a
sixth of made-up words (not found). Nothing is stored. The last section times the quote parser
and tokenizer on adversarial input (1 MB of dots, of brackets, of quote marks, with no
punctuation at all), to show they stay linear.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import time
from collections.abc import Iterator
from pathlib import Path

from quotecheck.verification.quotetext import parse_quote, text_keys, token_offsets
from quotecheck.verification.verifier import SourceIndex

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear-dev.jsonl.gz"
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
_COMMON = tuple("the of and to a in that is was he for it with as his on be at by i we not".split())  # noqa: SIM905


def synthetic_text(size: int, rng: random.Random) -> str:
    """Return about ``size`` characters of sentences over a Zipf-like vocabulary."""
    vocab = [
        rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)
        for _ in range(30_000)
    ]
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    out: list[str] = []
    length = 0
    while length < size:
        n = rng.randint(6, 25)
        words = rng.choices(vocab, cum_weights=cumulative, k=n)
        for k in range(n):
            if rng.random() < 0.35:
                words[k] = rng.choice(_COMMON)
        sentence = " ".join(words).capitalize() + rng.choice([". ", ". ", "? ", ".\n\n"])
        out.append(sentence)
        length += len(sentence)
    return "".join(out)


def eval_text(size: int) -> str | None:
    """Return about ``size`` characters of news text read from ../shared/eval, if present."""
    if not EVAL.exists():
        return None
    parts: list[str] = []
    length = 0
    with gzip.open(EVAL, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            parts.append(text)
            length += len(text)
            if length >= size:
                break
    joined = "\n\n".join(parts)
    while len(joined) < size:  # the dev set is ~13 MB; repeat it for larger runs
        joined += "\n\n" + joined
    return joined[:size]


def split_docs(text: str, count: int) -> dict[str, str]:
    """Cut ``text`` into ``count`` documents of about equal size, at white space."""
    size = max(1, len(text) // count)
    docs: dict[str, str] = {}
    start = 0
    for n in range(count):
        end = len(text) if n == count - 1 else text.find(" ", start + size)
        end = len(text) if end < 0 else end
        docs[f"doc{n:05d}"] = text[start:end]
        start = end
    return docs


def make_quotes(docs: dict[str, str], count: int, rng: random.Random) -> list[str]:
    """Return ``count`` quotes drawn from the documents (see the module docstring for the mix)."""
    names = list(docs)
    quotes: list[str] = []
    tokens: dict[str, list[str]] = {}
    while len(quotes) < count:
        name = rng.choice(names)
        if name not in tokens:
            text = docs[name]
            tokens[name] = [text[s:e] for s, e in zip(*token_offsets(text), strict=True)]
        words = tokens[name]
        if len(words) < 40:
            continue
        at = rng.randrange(len(words) - 30)
        piece = words[at : at + rng.randint(8, 25)]
        kind = len(quotes) % 6
        if kind in (2, 3):
            piece[rng.randrange(len(piece))] = rng.choice(["never", "not", "zebra", "42"])
        elif kind == 4:
            piece = [*piece, "…", *words[at + 30 : at + 38]]
        elif kind == 5:
            piece = ["qx" + rng.choice(_SYLLABLES) for _ in piece]
        quotes.append(" ".join(piece))
    return quotes


def run(docs: dict[str, str], quotes: list[str]) -> tuple[float, float, dict[str, int]]:
    """Return (index build, verify) CPU seconds and the count per status for one configuration.

    CPU time of this process, not wall time: the reference machine is shared, and CPU time is
    what "on one core" means.
    """
    started = time.process_time()
    index = SourceIndex(docs)
    built = time.process_time()
    counts: dict[str, int] = {}
    for quote in quotes:
        status = index.verify_quote(quote).status.value
        counts[status] = counts.get(status, 0) + 1
    return built - started, time.process_time() - built, counts


def adversarial() -> Iterator[tuple[str, float]]:
    """Time the quote parser and tokenizer on 1 MB inputs built to trip a backtracking regex."""
    inputs = {
        "1 MB of dots": "." * 1_000_000,
        "1 MB of '[' ": "[" * 1_000_000,
        "1 MB of '[a' ": "[a" * 500_000,
        "10,000 unclosed quotes": "“We said " * 10_000,
        "1 MB, no punctuation": "word " * 200_000,
        "1 MB of '. . '": ". " * 500_000,
    }
    for label, text in inputs.items():
        started = time.process_time()
        parse_quote(text)
        text_keys(text)
        yield label, time.process_time() - started


def main() -> None:
    """Run every configuration and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=["synthetic", "eval"], default="synthetic")
    parser.add_argument("--mb", type=float, default=10.0, help="total size of the sources")
    parser.add_argument("--quotes", type=int, default=1000)
    parser.add_argument("--docs", type=int, nargs="*", default=[1, 100, 10_000])
    args = parser.parse_args()
    rng = random.Random(7)
    size = int(args.mb * 1_000_000)
    text = eval_text(size) if args.data == "eval" else synthetic_text(size, rng)
    if text is None:
        print(f"skipped: {EVAL} is absent")
        return
    print(f"{args.data} sources, {len(text) / 1e6:.1f} MB, {args.quotes} quotes\n")
    print("| documents | build index (CPU s) | verify (CPU s) | quotes/s | statuses |")
    print("|---:|---:|---:|---:|---|")
    for count in args.docs:
        docs = split_docs(text, count)
        quotes = make_quotes(docs, args.quotes, random.Random(count))
        build, verify, counts = run(docs, quotes)
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"| {count:,} | {build:.2f} | {verify:.2f} | {len(quotes) / verify:,.0f} | {shown} |")
    print("\n| adversarial input (parse_quote + text_keys) | CPU seconds |\n|---|---:|")
    for label, seconds in adversarial():
        print(f"| {label} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
