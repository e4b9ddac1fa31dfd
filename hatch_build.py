"""Hatch build hook: compile quotecheck's text pipeline with mypyc when building a wheel.

mypyc turns the type-annotated pipeline modules into C extensions of the same source; they read
text faster (docs/benchmarks.md has the numbers). Python imports an extension module before the
``.py`` file beside it, so the wheel carries both and the source stays readable.

- Editable installs (``pip install -e .``) stay pure Python, so an edit takes effect at once.
- ``QUOTECHECK_PURE_PYTHON=1`` builds a pure-Python wheel.
- A failed compilation (no C compiler, an unsupported Python) falls back to the pure-Python
  wheel with a warning: quotecheck never needs a compiler to work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Run by a fresh interpreter in a scratch folder, so that setuptools never reads this project's
# pyproject.toml and mypy's cache and the generated C stay out of the source tree.
_SETUP_SCRIPT = """\
import sys
from mypyc.build import mypycify
from setuptools import setup

split = sys.argv.index("--modules")
files = sys.argv[split + 1 :]
del sys.argv[split:]
setup(
    name="quotecheck-compiled",
    ext_modules=mypycify(["--ignore-missing-imports", *files], opt_level="3"),
)
"""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the mypyc-compiled pipeline modules to a (non-editable) wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the modules named in the hook's ``compile`` setting, or fall back."""
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("QUOTECHECK_PURE_PYTHON"):
            self.app.display_info("quotecheck: QUOTECHECK_PURE_PYTHON is set, not compiling")
            return
        self._scratch = Path(tempfile.mkdtemp(prefix="quotecheck-mypyc-"))
        sources = [Path(self.root, "quotecheck", f"{name}.py") for name in self.config["compile"]]
        try:
            built = _compile(sources, self._scratch)
        except (OSError, subprocess.CalledProcessError) as exc:
            output = getattr(exc, "stdout", "") or str(exc)
            self.app.display_warning(
                "quotecheck: mypyc compilation failed, building a pure-Python wheel "
                f"(same results, slower). Last lines:\n{output[-2000:]}"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        out = self._scratch / "out"
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(out).as_posix()
        self.app.display_info(f"quotecheck: compiled {len(sources)} modules with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the scratch folder once the wheel holds the compiled files."""
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _compile(sources: list[Path], scratch: Path) -> list[Path]:
    """Build the extensions into ``scratch/out``; return every shared library made."""
    script = scratch / "setup.py"
    script.write_text(_SETUP_SCRIPT, encoding="utf-8")
    command = [
        sys.executable,
        str(script),
        "build_ext",
        "--build-lib",
        str(scratch / "out"),
        "--build-temp",
        str(scratch / "tmp"),
        f"--parallel={os.cpu_count() or 1}",
        "--modules",
        *map(str, sources),
    ]
    subprocess.run(command, cwd=scratch, check=True, capture_output=True, text=True)
    built = sorted((scratch / "out").rglob("*.so")) + sorted((scratch / "out").rglob("*.pyd"))
    if not built:
        msg = "mypyc reported success but built no extension module"
        raise OSError(msg)
    return built
