"""One source, many mentions: resolve surnames, roles and pronouns to earlier sources.

:class:`SourceBook` is filled in text order. A surname ("Trowbridge") joins the person whose
full name ends with it; a definite role ("the spokesman") joins the latest source with that
role; a pronoun joins the nearest compatible source; an organisation or medium joins the one
with the same name. Everything else starts a new source. Sources become frozen
:class:`~quotecheck.models.Source` models only at the end, in order of first mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Source, SourceKind
from .offsets import make_span
from .sources import Mention

__all__ = ["SourceBook"]

_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen"])
_PERSONAL = (SourceKind.person,)
_GROUPS = (SourceKind.organization, SourceKind.media, SourceKind.anonymous, SourceKind.document)


@dataclass
class _Draft:
    """A source being assembled: its best description so far and every mention."""

    kind: SourceKind
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    descriptor: str | None = None
    plural: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last: int = 0  # offset of the latest mention, for recency

    def absorb(self, m: Mention) -> None:
        """Add a mention and whatever new detail it carries."""
        self.mentions.append((m.start, m.end))
        self.last = max(self.last, m.start)
        longer = m.name and (not self.name or len(m.name) > len(self.name))
        if longer and self.kind is SourceKind.person and m.kind is SourceKind.person:
            self.name = m.name
        self.role = self.role or m.role
        self.affiliation = self.affiliation or m.affiliation


def _key(name: str) -> str:
    low = name.lower()
    return low[4:] if low.startswith("the ") else low


def _surname(name: str) -> str:
    parts = [p for p in name.replace(".", " ").split() if p.lower() not in _HONORIFICS]
    return parts[-1].lower() if parts else ""


class SourceBook:
    """Sources of one text, built up mention by mention in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[_Draft] = []

    def add(self, m: Mention) -> tuple[int, str]:
        """File a mention under an existing or new source; return its index and the reason."""
        index, reason = self._resolve(m)
        if index is None:
            draft = _Draft(
                m.kind,
                name=m.name,
                role=m.role,
                affiliation=m.affiliation,
                descriptor=m.descriptor,
                plural=m.plural,
            )
            if m.pronoun:
                draft.descriptor = m.pronoun
            self.drafts.append(draft)
            index = len(self.drafts) - 1
            reason = reason or f"new {m.kind.value} source"
        self.drafts[index].absorb(m)
        return index, reason

    def _resolve(self, m: Mention) -> tuple[int | None, str]:
        """Find the earlier source a mention refers to, with a reason, or (None, reason)."""
        if m.pronoun:
            return self._pronoun(m)
        if m.definite_role and m.role:
            return self._role(m)
        if m.name and m.kind is SourceKind.person:
            return self._person(m)
        if m.name and m.kind in (SourceKind.organization, SourceKind.media, SourceKind.document):
            key = _key(m.name)
            for i in range(len(self.drafts) - 1, -1, -1):
                d = self.drafts[i]
                if d.kind is m.kind and d.name and _key(d.name) == key:
                    return i, f"same {m.kind.value} as the earlier mention {d.name!r}"
        if m.kind in (SourceKind.anonymous, SourceKind.vague) and m.descriptor:
            key = m.descriptor.lower()
            for i, d in enumerate(self.drafts):
                if d.kind is m.kind and d.descriptor and d.descriptor.lower() == key:
                    return i, f"same description as earlier: {d.descriptor!r}"
        return None, ""

    def _person(self, m: Mention) -> tuple[int | None, str]:
        """Join a named person to an earlier person with the same full name or surname."""
        assert m.name is not None
        full = m.name.lower()
        surname = _surname(m.name)
        single = len(m.name.split()) == 1
        for i in range(len(self.drafts) - 1, -1, -1):
            d = self.drafts[i]
            if d.kind is not SourceKind.person or not d.name:
                continue
            if d.name.lower() == full:
                return i, f"same name as the earlier mention {d.name!r}"
            if surname and surname == _surname(d.name) and (single or len(d.name.split()) == 1):
                return i, f"{m.name!r} is the surname of {d.name!r}, introduced earlier"
        return None, ""

    def _role(self, m: Mention) -> tuple[int | None, str]:
        """Join "the spokesman" to the latest source whose role ends with the same word."""
        assert m.role is not None
        head = m.role.lower().split()[-1]
        for i in sorted(range(len(self.drafts)), key=lambda j: -self.drafts[j].last):
            d = self.drafts[i]
            if d.role and d.role.lower().split()[-1] == head and d.kind is SourceKind.person:
                return i, f"{self.text[m.start : m.end]!r} refers back to {d.name or d.role!r}"
        return None, f"no earlier source has the role {m.role!r}; kept as described"

    def _pronoun(self, m: Mention) -> tuple[int | None, str]:
        """Join a pronoun to the nearest earlier compatible source."""
        wanted = _GROUPS if m.pronoun in ("it", "they") else _PERSONAL
        ranked = sorted(range(len(self.drafts)), key=lambda j: -self.drafts[j].last)
        for i in ranked:
            d = self.drafts[i]
            if d.last > m.start:
                continue
            if d.kind in wanted and (
                m.pronoun != "it" or not d.plural or d.kind is not SourceKind.anonymous
            ):
                label = d.name or d.descriptor or d.role
                return i, f"{m.pronoun!r} refers to the nearest compatible source, {label!r}"
        if m.pronoun == "they":
            for i in ranked:
                if self.drafts[i].kind is SourceKind.person and self.drafts[i].last <= m.start:
                    d = self.drafts[i]
                    return i, f"'they' refers to the nearest source, {d.name or d.descriptor!r}"
        return None, f"{m.pronoun!r} has no earlier compatible source; kept as an unnamed speaker"

    def sources(self, order: list[int]) -> tuple[tuple[Source, ...], dict[int, str]]:
        """Freeze the drafts listed in ``order`` into Sources; return them and index -> id."""
        out: list[Source] = []
        ids: dict[int, str] = {}
        for i in order:
            d = self.drafts[i]
            ids[i] = f"s{len(out) + 1}"
            spans = tuple(make_span(self.text, s, e) for s, e in sorted(set(d.mentions)))
            kind = d.kind
            if kind is SourceKind.person and not d.name:
                kind = SourceKind.anonymous
            out.append(
                Source(
                    id=ids[i],
                    kind=kind,
                    name=d.name,
                    role=d.role,
                    affiliation=d.affiliation,
                    descriptor=d.descriptor,
                    mentions=spans,
                )
            )
        return tuple(out), ids
