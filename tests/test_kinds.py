"""quotecheck.kinds: each constant is the enum member its name spells."""

from __future__ import annotations

import pytest

from quotecheck import kinds
from quotecheck.models import (
    ClaimKind,
    CueKind,
    QuoteKind,
    SentenceRole,
    SignalKind,
    SourceKind,
    Stance,
)

_ENUMS = {
    "CLAIM": ClaimKind,
    "CUE": CueKind,
    "QUOTE": QuoteKind,
    "ROLE": SentenceRole,
    "SIGNAL": SignalKind,
    "SOURCE": SourceKind,
    "STANCE": Stance,
}


@pytest.mark.parametrize("name", kinds.__all__)
def test_constant_is_the_member_its_name_spells(name: str) -> None:
    """``SOURCE_PERSON`` is ``SourceKind.person``: the stages compare kinds by identity."""
    prefix, _, member = name.partition("_")
    assert getattr(kinds, name) is _ENUMS[prefix][member.lower()]


def test_every_constant_is_listed() -> None:
    """No constant is left out of ``__all__`` (and so out of the test above)."""
    public = {n for n in vars(kinds) if n.isupper() and not n.startswith("_")}
    assert public == set(kinds.__all__)
