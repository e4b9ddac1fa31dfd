"""Collection rules for the package's doctests, which pytest also reads (pyproject's addopts).

The spaCy component's module imports spaCy, an optional extra; CI's run against the lowest core
dependencies has no extras, so without spaCy that module is left out of the doctests (its
tests in tests/test_spacy_component.py skip with a reason).
"""

from __future__ import annotations

import importlib.util

collect_ignore = (
    ["quotecheck/spacy_component.py"] if importlib.util.find_spec("spacy") is None else []
)
