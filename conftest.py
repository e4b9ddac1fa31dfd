"""Collection rules for what pytest reads outside tests/: the package's doctests and the README.

Both need the optional extras in places (CI's run against the lowest core dependencies has none):
the spaCy component's module imports spaCy, and the README shows the web-page and spaCy doors.
Without those extras the module is not collected and the README's examples are skipped, with a
reason; the same examples run in docs/ wherever the extras are installed.
"""

from __future__ import annotations

import importlib.util

import pytest

_EXTRAS = {"spacy": "spacy", "trafilatura": "html"}  # module -> the extra that installs it
MISSING = sorted(name for name in _EXTRAS if importlib.util.find_spec(name) is None)

collect_ignore = ["quotecheck/spacy_component.py"] if "spacy" in MISSING else []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the README's examples when an extra they use is not installed."""
    if not MISSING:
        return
    extras = ", ".join(f"{_EXTRAS[m]} ({m})" for m in MISSING)
    skip = pytest.mark.skip(reason=f"the README's examples need the extras: {extras}")
    for item in items:
        if item.path.name == "README.md":
            item.add_marker(skip)
