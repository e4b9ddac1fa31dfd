"""Every code example in docs/*.md runs, so the docs cannot drift from the code.

The convention, for anyone writing docs:

* ```python blocks run top to bottom; all python blocks of one page share one namespace, fresh for
  each page (so a later block can use names from an earlier one).
* ```sh, ```bash and ```console blocks: every line that starts with ``quotecheck `` (after an
  optional ``$ `` prompt) runs in bash, with ``quotecheck`` meaning ``python -m quotecheck`` of this
  checkout, and must exit 0. Pipes and redirects work (``quotecheck analyze - < seeds/x.txt``). A
  trailing backslash continues a line. Other lines (``pip install``, ``pytest``, output shown in a
  console block) are not run.
* An HTML comment on the line just before a block changes that block (it is invisible on the page):
  ``<!-- doctest: exit=1 -->`` every command in it must exit 1 instead of 0;
  ``<!-- doctest: skip (needs a running Dask scheduler) -->`` the block is not run — give a reason;
  ``<!-- doctest: requires pandas -->`` the block runs only where that module can be imported
  (an optional extra: CI also runs the suite with the core dependencies alone). Such a block
  should not define names that unmarked blocks after it use.
* The working directory is the repository root as seen through a scratch folder: each top-level
  entry of the repo (``seeds/``, ``docs/``, ``README.md``…) is symlinked into it, so examples read
  ``seeds/libya-special-forces.txt`` as if from the root, while the files they write
  (``-o report.html``) land in the scratch folder and vanish after the test.
"""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quotecheck
from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))

FENCE_RE = re.compile(
    r"""
    ^(?P<indent>[ ]{0,3})```(?P<lang>[\w+-]*)[^\n]*\n   # opening fence with its language
    (?P<body>.*?)                                       # the code, lazily
    ^(?P=indent)```[ \t]*$                              # the closing fence at the same indent
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)
MARKER_RE = re.compile(
    r"<!--\s*doctest:\s*(?P<what>skip|exit=(?P<code>\d+)|requires\s+(?P<module>[\w.]+))\b.*?-->\s*\Z"
)
SHELL_LANGS = {"sh", "bash", "shell", "console"}


@dataclass(frozen=True)
class Block:
    """One fenced code block of a docs page."""

    lang: str
    code: str
    line: int  # 1-based line of the opening fence
    skip: bool
    exit_code: int
    requires: str | None = None  # a module the block needs (an optional extra)


def blocks(text: str) -> list[Block]:
    """Return the fenced code blocks of a page's ``text`` with their doctest markers."""
    found = []
    for m in FENCE_RE.finditer(text):
        before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
        marker = MARKER_RE.search(before)
        found.append(
            Block(
                lang=m["lang"].lower(),
                code=m["body"],
                line=text.count("\n", 0, m.start()) + 1,
                skip=bool(marker and marker["what"] == "skip"),
                exit_code=int(marker["code"]) if marker and marker["code"] else 0,
                requires=marker["module"] if marker else None,
            )
        )
    return found


def commands(block: Block) -> list[str]:
    """Return the ``quotecheck …`` command lines of a shell block, continuations joined."""
    joined = re.sub(r"[ \t]*\\\n\s*", " ", block.code)
    lines = [line.strip() for line in joined.splitlines()]
    if block.lang == "console":
        lines = [line[2:] for line in lines if line.startswith("$ ")]
    return [line for line in lines if line.startswith("quotecheck ")]


@pytest.fixture
def scratch_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder mirroring the repo root, with `quotecheck` on PATH; it becomes the cwd."""
    for entry in ROOT.iterdir():
        if entry.name not in {".git", ".venv"}:
            (tmp_path / entry.name).symlink_to(entry)
    bin_dir = tmp_path / ".doc-bin"
    bin_dir.mkdir()
    shim = bin_dir / "quotecheck"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m quotecheck "$@"\n', "utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_run(page: Path, scratch_root: Path) -> None:
    """Every python block and every `quotecheck` command of this page runs as documented."""
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for block in blocks(page.read_text("utf-8")):
        where = f"{page.relative_to(ROOT)}:{block.line}"
        if block.skip or (block.requires and importlib.util.find_spec(block.requires) is None):
            continue
        if block.lang == "python":
            exec(compile(block.code, where, "exec"), namespace)
        elif block.lang in SHELL_LANGS:
            for command in commands(block):
                done = subprocess.run(
                    ["bash", "-c", f"set -o pipefail; {command}"],
                    cwd=scratch_root,
                    capture_output=True,
                    text=True,
                    timeout=600,
                    check=False,
                )
                assert done.returncode == block.exit_code, (
                    f"{where}: `{command}` exited {done.returncode}, expected {block.exit_code}\n"
                    f"{done.stderr[-3000:]}"
                )


def test_docs_exist() -> None:
    """The pages this project promises are there."""
    names = {p.name for p in PAGES}
    assert {"index.md", "quickstart.md", "concepts.md", "api.md", "cli.md"} <= names


def test_index_links_every_page() -> None:
    """docs/index.md links every other page, so nothing is orphaned."""
    index = (DOCS / "index.md").read_text("utf-8")
    for page in PAGES:
        if page.name != "index.md":
            assert f"]({page.name})" in index, page.name


def test_relative_links_resolve() -> None:
    """Every relative link or image in the docs points at an existing file."""
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            if "://" not in target:
                assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_api_page_covers_every_public_name() -> None:
    """docs/api.md documents every name in quotecheck.__all__."""
    api = (DOCS / "api.md").read_text("utf-8")
    missing = [n for n in quotecheck.__all__ if not re.search(rf"`(qc\.)?{re.escape(n)}\b", api)]
    assert not missing, f"docs/api.md does not mention: {missing}"


def test_convention_parser() -> None:
    """The block parser reads languages, markers, prompts and continuations."""
    page = (
        "Text\n\n<!-- doctest: exit=1 -->\n```sh\nquotecheck flag a.txt \\\n  --fail-on low\n"
        "pip install x\n```\n\n<!-- doctest: skip (cluster) -->\n```python\nboom()\n```\n"
        "```console\n$ quotecheck analyze -\noutput line\n```\n"
        "<!-- doctest: requires pandas -->\n```python\nqc.to_frames(a)\n```\n"
    )
    found = blocks(page)
    assert [(b.lang, b.skip, b.exit_code) for b in found] == [
        ("sh", False, 1),
        ("python", True, 0),
        ("console", False, 0),
        ("python", False, 0),
    ]
    assert [b.requires for b in found] == [None, None, None, "pandas"]
    assert commands(found[0]) == ["quotecheck flag a.txt --fail-on low"]
    assert commands(found[2]) == ["quotecheck analyze -"]


def test_api_page_covers_every_model_field() -> None:
    """docs/api.md names every field of every public model, so a new field cannot go unsaid."""
    from pydantic import BaseModel

    api = (DOCS / "api.md").read_text("utf-8")
    missing = [
        f"{name}.{field}"
        for name in quotecheck.__all__
        if isinstance(model := getattr(quotecheck, name), type) and issubclass(model, BaseModel)
        for field in model.model_fields
        if f"`{field}`" not in api
    ]
    assert not missing, f"docs/api.md does not mention: {missing}"


def test_lexicon_table_counts_every_entry() -> None:
    """docs/lexicons.md gives each data file's number of entries: the number in the file."""
    page = (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w.]+\.txt)` \| (\d+) \|", page, re.MULTILINE)
    assert len(rows) >= 10
    for name, count in rows:
        lines = (ROOT / "quotecheck" / "lexicons" / name).read_text(encoding="utf-8").splitlines()
        entries = sum(1 for line in lines if line.strip() and not line.startswith("#"))
        assert entries == int(count), f"{name}: the page says {count}, the file has {entries}"
