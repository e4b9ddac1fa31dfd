"""Shared test set-up: Hypothesis profiles and loaders for golden cases and seeds."""

from __future__ import annotations

import ast
import doctest
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from quotecheck.attribution.records import AttributionRecord, QuoteRecord, SourceRecord, Sourcing
from quotecheck.models import Attribution, Quote, Source, Span

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
SEEDS = ROOT / "seeds"
SHARED_EVAL = ROOT.parent / "shared" / "eval"

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI's slow pass (.ci/run sets it for the compiled wheel): the ci profile, with the fuzz suite
# (tests/test_fuzz.py) at its large example count.
settings.register_profile("slow", parent=settings.get_profile("ci"))
# A long soak of the properties, run by hand: HYPOTHESIS_PROFILE=thorough pytest
settings.register_profile("thorough", max_examples=3000, deadline=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)
# Examples per fuzz property: modest by default, large in the slow and thorough profiles.
FUZZ_EXAMPLES = {"dev": 100, "ci": 200, "slow": 1500, "thorough": 5000}.get(PROFILE, 100)


def pytest_report_header() -> str:
    """Say which build the tests exercise: the source or the mypyc-compiled wheel."""
    from quotecheck.claims import classify as claims

    build = "pure Python" if claims.__file__.endswith(".py") else "compiled with mypyc"
    return f"quotecheck: {build}, from {Path(claims.__file__).parent}"


def readme_session() -> dict[str, Any]:
    """The namespace the README's doctest session leaves (``qc``, ``text``, ``a``…)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    namespace: dict[str, Any] = {}
    for example in doctest.DocTestParser().get_examples(readme):
        exec(example.source, namespace)
    return namespace


def readme_block(section: str, holding: str) -> str:
    """The plain ```python block (not a doctest) of a README section that holds ``holding``."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index(section)
    end = readme.find("\n## ", start + 1)
    blocks = re.findall(r"```python\n(.*?)```", readme[start : end if end > 0 else None], re.S)
    (code,) = (b for b in blocks if holding in b and ">>>" not in b)
    return code


def load_cases(stage: str) -> list[dict[str, Any]]:
    """Return the golden cases of ``tests/cases/<stage>.json``."""
    cases: list[dict[str, Any]] = json.loads((CASES / f"{stage}.json").read_text("utf-8"))["cases"]
    return cases


def span_of_part(text: str, part: str) -> Span:
    """The Span of the first occurrence of ``part`` in ``text``, for hand-built models."""
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def sourcing_of(
    quotes: tuple[Quote, ...] = (),
    sources: tuple[Source, ...] = (),
    attributions: tuple[Attribution, ...] = (),
) -> Sourcing:
    """Hand-built models as the records the attribution stage hands on (for stage tests)."""

    def pair(span: Span | None) -> tuple[int, int] | None:
        return None if span is None else (span.start, span.end)

    return Sourcing(
        tuple(
            QuoteRecord(
                q.id,
                q.span,
                q.marks,
                q.kind,
                q.attribution_id,
                q.paragraph,
                q.depth,
                q.closed,
                q.reasons,
            )
            for q in quotes
        ),
        tuple(
            SourceRecord(
                s.id,
                s.kind,
                s.name,
                s.role,
                s.affiliation,
                s.descriptor,
                tuple((m.start, m.end) for m in s.mentions),
                pair(s.anonymity_reason),
            )
            for s in sources
        ),
        tuple(
            AttributionRecord(
                a.id,
                a.source_id,
                pair(a.cue),
                a.cue_kind,
                a.stance,
                (a.content.start, a.content.end),
                a.quote_ids,
                a.via_source_id,
                pair(a.when),
                a.reasons,
            )
            for a in attributions
        ),
    )


def case_params(stage: str) -> list[Any]:
    """The golden cases of a stage as pytest params: id = label; ``expect: fail`` = strict xfail."""
    return params_of(load_cases(stage))


def params_of(cases: list[dict[str, Any]]) -> list[Any]:
    """Golden cases as pytest params: id = label; ``expect: fail`` = strict xfail."""
    return [
        pytest.param(
            case,
            id=case["label"],
            marks=[pytest.mark.xfail(strict=True, reason=case["comment"])]
            if case["expect"] == "fail"
            else [],
        )
        for case in cases
    ]


def slots_of(path: Path, name: str) -> frozenset[str]:
    """The ``__slots__`` a class declares, read from its source (a compiled class has none)."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ClassDef) and node.name == name:
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and ast.unparse(stmt.targets[0]) == "__slots__":
                    return frozenset(ast.literal_eval(stmt.value))
    msg = f"{path.name} declares no __slots__ for {name}"
    raise AssertionError(msg)
