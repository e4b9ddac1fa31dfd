"""Collection rules for the package's doctests, which pytest also reads (pyproject's addopts).

The spaCy component's module imports spaCy, an optional extra; CI's run against the lowest core
dependencies has no extras, so without spaCy that module is left out of the doctests (its
tests in tests/test_spacy_component.py skip with a reason).
"""

from __future__ import annotations

import importlib.util

_SPACY_COMPONENT = "quotecheck/integrations/spacy_component.py"
collect_ignore = [_SPACY_COMPONENT] if importlib.util.find_spec("spacy") is None else []
