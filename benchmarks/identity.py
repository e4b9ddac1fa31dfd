"""Byte-identity harness: did a change alter any output of ``analyze``?

Usage:
    python benchmarks/identity.py snapshot OUT.json [--eval ../shared/eval] [--random 3000]
    python benchmarks/identity.py compare OUT.json [--eval ../shared/eval] [--show 10]

A snapshot holds the SHA-256 of ``analyze(text).model_dump_json()`` for every text of a fixed
set: the bundled seed, every golden input under tests/cases, the article texts of
``polnear-dev.jsonl.gz`` and the sentences of ``framing-dev.jsonl.gz`` (read from the eval
folder when it is there, never copied), and seeded random strings drawn from news-like pieces,
quote marks, control and format characters. ``compare`` recomputes each digest and lists the
texts whose output changed. Run it before and after a refactoring that must keep outputs equal.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import quotecheck

ROOT = Path(__file__).resolve().parent.parent

# Pieces the random strings are drawn from: words, names, cue verbs, every kind of quote mark,
# sentence ends, white space of several kinds, and characters that stress offsets.
_PIECES = (
    "the",
    "minister",
    "said",
    "told",
    "according to",
    "reportedly",
    "officials",
    "Ana Ruiz",
    "He",
    "she",
    "added",
    "Mr.",
    "U.S.",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "„",
    "…",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\u200b",
    "\x1c",
    "\x00",
    "—",
    "-",
    "(",
    ")",
    "$2 million",
    "70 percent",
    "allegedly",
    "a spokesman",
    "unnamed sources",
    "critics say",
    "The report found",
)


def _golden_inputs() -> Iterator[tuple[str, str]]:
    """Every string found under an ``input`` key in tests/cases/*.json.

    Each is named by its file and a digest of the input, not by its position, so that adding a
    case to a golden file does not rename the cases after it.
    """
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        stack = [json.loads(path.read_text("utf-8"))]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                value = node.get("input")
                if isinstance(value, str):
                    key = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
                    yield f"{path.stem}#{key[:16]}", value
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)


def _jsonl_gz(path: Path, field: str) -> Iterator[str]:
    """The ``field`` of every record of a gzip JSONL file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)[field]


def texts(eval_dir: Path, n_random: int) -> Iterator[tuple[str, str]]:
    """(name, text) for every text of the harness, in a fixed order."""
    yield "seed", (ROOT / "seeds" / "libya-special-forces.txt").read_text("utf-8")
    yield from _golden_inputs()
    polnear = eval_dir / "polnear-dev.jsonl.gz"
    if polnear.exists():
        for i, text in enumerate(_jsonl_gz(polnear, "text")):
            yield f"polnear#{i}", text
    framing = eval_dir / "framing-dev.jsonl.gz"
    if framing.exists():
        for i, text in enumerate(_jsonl_gz(framing, "text")):
            yield f"framing#{i}", text
    rng = random.Random(20261207)
    for i in range(n_random):
        pieces = rng.choices(_PIECES, k=rng.randint(1, 60))
        yield f"random#{i}", "".join(p if p in ".,;:?!" else f"{p} " for p in pieces)


def digest(text: str) -> str:
    """SHA-256 of the JSON of ``analyze(text)``, or of the error it raised."""
    try:
        out = quotecheck.analyze(text).model_dump_json()
    except quotecheck.QuotecheckError as exc:
        out = f"{type(exc).__name__}: {exc}"
    return hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Write or compare a snapshot; exit 1 when outputs differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("snapshot", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--random", type=int, default=3000)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args(argv)
    current = {name: digest(text) for name, text in texts(args.eval, args.random)}
    if args.action == "snapshot":
        args.path.write_text(json.dumps(current, indent=0), encoding="utf-8")
        print(f"snapshot: {len(current)} texts -> {args.path}")
        return 0
    before = json.loads(args.path.read_text("utf-8"))
    changed = [name for name in before if name in current and current[name] != before[name]]
    gone = [name for name in before if name not in current]
    added = [name for name in current if name not in before]
    same = len(before) - len(changed) - len(gone)
    print(
        f"identical: {same}/{len(before)}; changed: {len(changed)}; "
        f"texts no longer present: {len(gone)}; new texts: {len(added)}"
    )
    for name in changed[: args.show]:
        print(f"  changed: {name}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
