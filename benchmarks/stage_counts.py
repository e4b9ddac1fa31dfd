"""Instructions per pipeline stage of ``analyze``, counted by callgrind (robust on a busy machine).

Usage (pure build from the worktree; a compiled build: PYTHONPATH=<site> and ``python -P``):

    valgrind --tool=callgrind --dump-before=getppid --dump-instr=no \\
        python benchmarks/stage_counts.py run LABELS.txt [--eval ../shared/eval] [--n 40]
    python benchmarks/stage_counts.py sum DIR PID LABELS.txt

``run`` analyses the first ``n`` PolNeAR dev articles (after one warm-up article) stage by
stage, calling ``os.getppid()`` before each stage: callgrind writes a dump of the instructions
since the previous one at every such call. ``sum`` adds the dumps up per stage. Runs against
older trees too (without the genre and input stages, framing is timed inside classify_claims).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _articles(eval_dir: Path, n: int) -> list[str]:
    """The first ``n + 1`` article texts of polnear-dev (the first one is the warm-up)."""
    texts: list[str] = []
    with gzip.open(eval_dir / "polnear-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) > n:
                break
    return texts


def run(labels_out: Path, eval_dir: Path, n: int) -> None:
    """Analyse the articles stage by stage with a callgrind dump before every stage."""
    from quotecheck.config import DEFAULT_CONFIG

    # Any: the script counts trees of other shapes too (an older pipeline has fewer stages).
    p: Any = importlib.import_module("quotecheck.pipeline")

    texts = _articles(eval_dir, n)
    p.analyze(texts[0])  # lexicons, patterns and caches load outside the count
    labels: list[str] = []

    def mark(label: str) -> None:
        labels.append(label)
        os.getppid()

    new = hasattr(p, "read_genre")
    if not new:  # the old classify_claims found the framing signals itself
        c: Any = importlib.import_module("quotecheck.claims.classify")
        found: Callable[..., Any] = c.find_weighted_signals

        def framing(*args: Any) -> Any:
            mark("find_weighted_signals")
            result = found(*args)
            mark("classify_claims")
            return result

        c.find_weighted_signals = framing
    cfg = DEFAULT_CONFIG
    for text in texts[1:]:
        original = text
        if hasattr(p, "decision_view"):  # format characters read as spaces (restored at the end)
            mark("format_view")
            text = p.decision_view(original)
        mark("segment")
        paragraphs = p.segment(text)
        mark("quotes")
        scan = p.find_quotes(text, paragraphs, cfg)
        mark("cues")
        cues = p.find_cues(text, paragraphs, scan.quotes)
        mark("attribute")
        sourcing = p.attribute(text, paragraphs, scan.quotes, cues, cfg)
        if new:
            mark("nonprose_turns")
            sourcing = p.without_nonprose(paragraphs, sourcing)
            sourcing = p.credit_turns(text, paragraphs, sourcing)
            if hasattr(p, "credit_interview"):
                sourcing = p.credit_interview(text, paragraphs, sourcing)
            mark("find_weighted_signals")
            spans = [s.span for para in paragraphs for s in para.sentences]
            framed = p.find_weighted_signals(text, spans, sourcing.quotes)
            mark("read_genre")
            genre = p.read_genre(text, paragraphs, sourcing, *framed, cfg)
            mark("classify_claims")
            # Records inside: the claims as records, their models built in the "model" stage.
            classify = getattr(p, "claim_records", None) or p.classify_claims
            claims = classify(text, paragraphs, sourcing, genre, cfg, framed)
            mark("read_input")
            reading = p.read_input(text)
            mark("flags")
            find = getattr(p, "flag_records", None) or p.find_flags
            flags = find(text, claims, sourcing, scan.unbalanced, genre, cfg, reading)
            extra: dict[str, Any] = {"genre": genre, "language": reading.language}
        else:
            mark("classify_claims")
            claims = p.classify_claims(text, paragraphs, sourcing)
            mark("flags")
            flags = p.find_flags(text, claims, sourcing, scan.unbalanced)
            extra = {}
        mark("summary")
        summary = p.summarize(claims, sourcing)
        mark("model")
        built = (sourcing.quotes, sourcing.sources, sourcing.attributions)
        shelf: tuple[Any, ...] = ()  # Spans shared between models by their offsets
        if hasattr(p, "sentence_shelf"):
            shelf = (p.sentence_shelf(text, [s.span for q in paragraphs for s in q.sentences]),)
        if hasattr(p, "sourcing_models"):  # records inside, the models built once here
            built = p.sourcing_models(text, sourcing, *shelf)
        if hasattr(p, "claim_models"):
            claims = p.claim_models(text, claims, *shelf)
        if hasattr(p, "flag_models"):
            flags = p.flag_models(flags)
        analysis = p.Analysis(
            length=len(text),
            paragraphs=paragraphs,
            quotes=built[0],
            sources=built[1],
            attributions=built[2],
            claims=claims,
            flags=flags,
            summary=summary,
            **extra,
        )
        if text is not original:
            mark("restore_spans")
            p.restore_spans(analysis, original)
        mark("end")
    labels_out.write_text("\n".join(labels) + "\n", encoding="utf-8")
    print(f"{len(texts) - 1} articles, {sum(map(len, texts[1:])):,} characters")


def _total(dump: Path) -> int:
    """The instructions one callgrind dump holds."""
    with dump.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return 0


def summarize_dumps(folder: Path, pid: str, labels_file: Path) -> None:
    """Print the instructions of each stage, added over the articles, and their share."""
    labels = labels_file.read_text(encoding="utf-8").split()
    dumps = sorted(folder.glob(f"callgrind.out.{pid}.*"), key=lambda f: int(f.suffix[1:]))
    per_stage: collections.Counter[str] = collections.Counter()
    # Dump k (from 1) is written at the k-th mark and holds the cost since dump k-1: dump 1 is
    # start-up, dump k >= 2 the stage the (k-1)-th mark opened.
    for k, dump in enumerate(dumps, 1):
        if k >= 2 and k - 2 < len(labels) and labels[k - 2] != "end":
            per_stage[labels[k - 2]] += _total(dump)
    total = sum(per_stage.values())
    for label, count in per_stage.items():
        print(f"{label:24s} {count / 1e6:9.1f} M  {100 * count / total:5.1f}%")
    print(f"{'analyze':24s} {total / 1e6:9.1f} M")


def main() -> None:
    """Parse the command line and run or sum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("labels", type=Path)
    r.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    r.add_argument("--n", type=int, default=40)
    s = sub.add_parser("sum")
    s.add_argument("folder", type=Path)
    s.add_argument("pid")
    s.add_argument("labels", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args.labels, args.eval, args.n)
    else:
        summarize_dumps(args.folder, args.pid, args.labels)


if __name__ == "__main__":
    main()
