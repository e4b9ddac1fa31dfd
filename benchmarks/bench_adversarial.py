"""Speed and peak memory of quotecheck.analyze on hostile input shapes, at three sizes.

Usage:  python benchmarks/bench_adversarial.py [--sizes 100000,400000,1600000] [--shape NAME]
                                               [--timeout 120] [--json OUT] [--check]

Each (shape, size) runs in a fresh interpreter, so its peak resident memory is its own: the
child imports quotecheck, warms it up, notes its peak RSS, builds the text, analyses it and
writes the result as JSON, then reports the growth of its peak RSS per input character. Time
is CPU time of the one analysis (a shared machine's other work does not count against it). The
targets (issue #20) are at least 0.5 MB/s for the compiled wheel (the pure-Python source is
about half as fast) and at most about 100 bytes of memory per input character; ``--check``
exits 1 when a run misses them (the speed floor is halved for a pure-Python build). Linear time
shows as a flat MB/s column across sizes.

Columns: CPU seconds, MB/s, peak RSS growth per input character, JSON characters per input
character, the share of the CPU time spent in the cyclic garbage collector (watched through
``gc.callbacks``, its settings untouched), how many full collections ran, and how many objects
the collector tracks after the run per input character (the result's models, mostly). A full
collection visits every tracked object, and CPython runs one each time the tracked heap has grown
by a quarter, so the collector's share follows the objects per character: on quote-dense shapes,
where every quote mark becomes models, it is the larger part of the time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEED_FLOOR_COMPILED = 0.5  # MB/s
MEMORY_CEILING = 100  # bytes of peak RSS growth per input character
SIZES = (100_000, 400_000, 1_600_000)
BIG = 10_000_000  # the one size of the "no punctuation, one paragraph" shape


def _repeat(unit: str) -> Callable[[int], str]:
    """A maker of ``unit`` repeated to exactly ``n`` characters."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _nested(n: int) -> str:
    """Quotes opened inside quotes, half the text deep, then all closed."""
    half = n // 2
    return (_repeat("“a ‘b ")(half) + _repeat("c’ d” ")(n - half))[:n]


def _labels(n: int) -> str:
    """One line per speaker, each label a new name ("SPEAKER7: We said no.")."""
    lines = []
    length = 0
    while length < n:
        lines.append(f"SPEAKER{len(lines)}: We said no.\n\n")
        length += len(lines[-1])
    return "".join(lines)[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "run of .": _repeat("."),
    "run of !": _repeat("!"),
    "run of ?": _repeat("?"),
    "run of …": _repeat("…"),
    "officials said, ": _repeat("officials said, "),
    "He said “hi” there. ": _repeat("He said “hi” there. "),
    "Reportedly, …; ": _repeat("Reportedly, the mayor resigned; "),
    '"a ': _repeat('"a '),
    "said ": _repeat("said "),
    "nested quotes": _nested,
    "NUL bytes": _repeat("\x00"),
    "NUL between words": _repeat("the\x00mayor\x00said "),
    "no punctuation": _repeat("word "),
    # The quote-dense rows of bench_analyze.py, here with their memory and collector share.
    "quote marks only": _repeat("“”‘’\"'«»„"),
    "opening marks only": _repeat("“"),
    "unclosed quotes": _repeat("“unclosed quote "),
    "dash after every quote": _repeat("“Yes.” — Bob Smith and Ann "),
    # A transcript: every paragraph a speaker's turn (each turn once sorted all its speaker's
    # mentions again, and each label was sought among all the others).
    # One run-on sentence of sources: each cue's relative-clause check read the rest of it.
    "according to": _repeat("according to officials, according to aides, "),
    "transcript turns": _repeat("SMITH: Yes, we agreed to it.\n\nJONES: No, we did not.\n\n"),
    # Slow-but-linear shapes of the wider scan (2026-12-08): an interview's Q/A turns, a new
    # speaker's label on every line, a relative clause before every cue, a colon before every
    # quote, and "in a statement" after every report.
    "Q/A turns": _repeat("Q: Why?\n\nA: Because.\n\n"),
    "label lines": _labels,
    "a man who said, ": _repeat("a man who said, "),
    "colon quotes": _repeat("He said: “Yes.” "),
    "in a statement": _repeat("she said in a statement, "),
}

_CHILD = """
import gc, json, resource, sys, time
sys.path[:0] = json.loads(sys.argv[3])
import quotecheck
from quotecheck import flags
sys.path.insert(0, {bench!r})
from bench_adversarial import SHAPES
quotecheck.analyze("“We will stay,” the minister said. Officials reportedly agreed.")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
text = SHAPES[sys.argv[1]](int(sys.argv[2]))
tracked = len(gc.get_objects())
collector = [0.0, 0.0, 0]  # CPU seconds in the collector, start of the current pass, full passes
def timed(phase, info):
    if phase == "start":
        collector[1] = time.process_time()
    else:
        collector[0] += time.process_time() - collector[1]
        collector[2] += info["generation"] == 2
gc.callbacks.append(timed)  # watched only: the collector's thresholds and state are left alone
start = time.process_time()
analysis = quotecheck.analyze(text)
seconds = time.process_time() - start
gc.callbacks.remove(timed)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
json_chars = len(analysis.model_dump_json())
print(json.dumps({{
    "seconds": seconds, "chars": len(text), "peak_growth": peak - base, "json_chars": json_chars,
    "gc_seconds": collector[0], "full_collections": collector[2],
    "tracked_growth": len(gc.get_objects()) - tracked,
    "compiled": not flags.__file__.endswith(".py"),
}}))
"""


def run_one(shape: str, size: int, timeout: float) -> dict[str, object]:
    """Analyse one shape at one size in a child interpreter; its measurements, or a timeout."""
    code = _CHILD.format(bench=str(Path(__file__).resolve().parent))
    command = [sys.executable, "-c", code, shape, str(size), json.dumps(sys.path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "size": size, "timeout": timeout}
    if done.returncode != 0:
        return {"shape": shape, "size": size, "error": done.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(shape=shape, size=size)
    return result


def describe(result: dict[str, object]) -> str:
    """One table row for a result."""
    head = f"{result['shape']:<22} {result['size']:>10,}"
    if "timeout" in result:
        return f"{head}  did not finish in {result['timeout']} s"
    if "error" in result:
        return f"{head}  failed: {result['error']}"
    seconds = float(result["seconds"])  # type: ignore[arg-type]
    chars = int(result["chars"])  # type: ignore[call-overload]
    per_char = int(result["peak_growth"]) / chars  # type: ignore[call-overload]
    json_per_char = int(result["json_chars"]) / chars  # type: ignore[call-overload]
    speed = chars / 1e6 / seconds
    gc_share = 100 * float(result["gc_seconds"]) / seconds  # type: ignore[arg-type]
    objects = int(result["tracked_growth"]) / chars  # type: ignore[call-overload]
    return (
        f"{head} {seconds:>8.2f} {speed:>7.2f} {per_char:>8.1f} {json_per_char:>8.1f}"
        f" {gc_share:>5.0f}% {result['full_collections']:>5} {objects:>7.2f}"
    )


def misses(result: dict[str, object]) -> bool:
    """True when a run timed out, failed or missed the speed or memory target."""
    if "timeout" in result or "error" in result:
        return True
    floor = SPEED_FLOOR_COMPILED if result["compiled"] else SPEED_FLOOR_COMPILED / 2
    chars = int(result["chars"])  # type: ignore[call-overload]
    speed = chars / 1e6 / float(result["seconds"])  # type: ignore[arg-type]
    return speed < floor or int(result["peak_growth"]) / chars > MEMORY_CEILING  # type: ignore[call-overload]


def main() -> int:
    """Print the table of every shape at every size; with --check, fail on a missed target."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--shape", action="append", help="only this shape (repeatable)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per run")
    ap.add_argument("--big", type=int, default=BIG, help="size of the no-punctuation run")
    ap.add_argument("--json", type=Path, help="also write every result to this file")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    shapes = args.shape or list(SHAPES)
    print(
        f"{'shape':<22} {'chars':>10} {'seconds':>8} {'MB/s':>7} {'B/char':>8} {'JSON/ch':>8}"
        f" {'gc':>6} {'full':>5} {'obj/ch':>7}"
    )
    results = []
    for shape in shapes:
        shape_sizes = [*sizes, args.big] if shape == "no punctuation" and args.big else sizes
        for size in shape_sizes:
            result = run_one(shape, size, args.timeout)
            print(describe(result), flush=True)
            results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if results and "compiled" in results[0]:
        print("build:", "compiled with mypyc" if results[0]["compiled"] else "pure Python")
    return 1 if args.check and any(map(misses, results)) else 0


if __name__ == "__main__":
    sys.exit(main())
