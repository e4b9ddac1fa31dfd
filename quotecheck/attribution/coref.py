"""One source, many mentions: resolve surnames, roles and pronouns to earlier sources.

:class:`SourceBook` is filled in text order. A surname ("Trowbridge") joins the person whose
full name ends with it; a definite role ("the spokesman") joins the latest source with that
role; a pronoun joins the nearest compatible source; an organisation or medium joins the one
with the same name. Everything else starts a new source. Sources become frozen
:class:`~quotecheck.models.Source` models only at the end, in order of first mention.
"""

from __future__ import annotations

from typing import Final

from quotecheck.assemble import assemble
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.sources import Mention, Token, quoted, tokens
from quotecheck.kinds import SOURCE_ANONYMOUS, SOURCE_PERSON
from quotecheck.models import Source, SourceKind
from quotecheck.offsets import make_span

__all__ = ["SourceBook"]


# str() of each kind, for the reasons: an enum's __str__ runs as interpreted Python.
_KIND_NAMES: Final = {kind: str(kind) for kind in SourceKind}
_HONORIFICS: Final = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen"]
)


class _Draft:
    """A source being assembled: its best description so far and every mention.

    A plain class, not a dataclass: mypyc runs a dataclass's generated ``__init__`` as
    interpreted Python.
    """

    def __init__(
        self,
        kind: SourceKind,
        name: str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        descriptor: str | None = None,
        plural: bool = False,
    ) -> None:
        self.kind = kind
        self.name = name
        self.role = role
        self.affiliation = affiliation
        self.descriptor = descriptor
        self.plural = plural
        self.mentions: list[tuple[int, int]] = []
        self.last = 0  # offset of the latest mention, for recency

    def absorb(self, m: Mention) -> None:
        """Add a mention and whatever new detail it carries."""
        self.mentions.append((m.start, m.end))
        self.last = max(self.last, m.start)
        longer = m.name and (not self.name or len(m.name) > len(self.name))
        if longer and self.kind is SOURCE_PERSON and m.kind is SOURCE_PERSON:
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
    """Sources of one text, built up mention by mention in text order.

    Every lookup goes through a dictionary (name, surname, role, description) or the latest
    source of a kind, so filing a mention costs the same however many sources came before.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[_Draft] = []
        self._named: dict[tuple[SourceKind, str], int] = {}  # full name or description -> source
        self._surnames: dict[str, int] = {}  # a person's surname -> the latest such person
        self._roles: dict[str, int] = {}  # last word of a person's role -> the latest such person
        self._latest: dict[bool, int] = {}  # True: latest person; False: latest group

    def is_empty(self) -> bool:
        """True before any source is filed: a "they" now refers to no one in the text."""
        return not self.drafts

    def add(self, m: Mention) -> tuple[int, str]:
        """File a mention under an existing or new source; return its index and the reason."""
        index, reason = self._resolve(m)
        if index is None:
            draft = _Draft(
                m.kind,
                name=m.name,
                role=m.role,
                affiliation=m.affiliation,
                descriptor=m.pronoun or m.descriptor,
                plural=m.plural,
            )
            self.drafts.append(draft)
            index = len(self.drafts) - 1
            reason = reason or f"new {_KIND_NAMES[m.kind]} source"
        draft = self.drafts[index]
        draft.absorb(m)
        self._index(index, draft)
        return index, reason

    def _index(self, index: int, d: _Draft) -> None:
        """Record a source under every key a later mention may use to find it."""
        if d.name:
            self._named[(d.kind, _key(d.name))] = index
        if d.descriptor:
            self._named[(d.kind, d.descriptor.lower())] = index
        person = d.kind is SOURCE_PERSON
        if person and d.name:
            self._surnames[_surname(d.name)] = index
        if person and d.role:
            self._roles[d.role.lower().split()[-1]] = index
        self._latest[person] = index

    def _resolve(self, m: Mention) -> tuple[int | None, str]:
        """Find the earlier source a mention refers to, with a reason, or (None, reason)."""
        if m.pronoun:
            return self._pronoun(m)
        if m.definite_role and m.role:
            return self._role(m)
        key = m.name or m.descriptor
        if key is None:
            return None, ""
        found = self._named.get((m.kind, _key(key) if m.name else key.lower()))
        if found is not None:
            d = self.drafts[found]
            return (
                found,
                f"same {_KIND_NAMES[m.kind]} as the earlier {quoted(d.name or d.descriptor)}",
            )
        if m.name and m.kind is SOURCE_PERSON:
            return self._person(m)
        return None, ""

    def _person(self, m: Mention) -> tuple[int | None, str]:
        """Join a named person to an earlier person with the same surname."""
        assert m.name is not None
        found = self._surnames.get(_surname(m.name))
        if found is None:
            return None, ""
        d = self.drafts[found]
        assert d.name is not None
        if len(m.name.split()) == 1 or len(d.name.split()) == 1:
            return found, f"{quoted(m.name)} is the surname of {quoted(d.name)}, introduced earlier"
        return None, ""

    def _role(self, m: Mention) -> tuple[int | None, str]:
        """Join "the spokesman" to the latest person whose role ends with the same word."""
        assert m.role is not None
        found = self._roles.get(m.role.lower().split()[-1])
        if found is None:
            return None, f"no earlier source has the role {quoted(m.role)}; kept as described"
        d = self.drafts[found]
        return (
            found,
            f"{quoted(self.text[m.start : m.end])} refers back to {quoted(d.name or d.role)}",
        )

    def _pronoun(self, m: Mention) -> tuple[int | None, str]:
        """Join a pronoun to the nearest earlier compatible source."""
        group = m.pronoun in ("it", "they")
        found = self._latest.get(not group)
        if found is None and m.pronoun == "they":
            found = self._latest.get(True)
        if found is None and not group:
            named = _mentioned_person(self.text, m.start)
            if named is not None:
                index, _ = self.add(named)
                who = self.text[named.start : named.end]
                return (
                    index,
                    f"{quoted(m.pronoun)} refers to {quoted(who)}, "
                    "the one person named just before",
                )
        if found is None:
            return (
                None,
                f"{quoted(m.pronoun)} has no earlier compatible source; kept as an unnamed speaker",
            )
        d = self.drafts[found]
        label = d.name or d.descriptor or d.role
        return (
            found,
            f"{quoted(m.pronoun)} refers to the nearest compatible source, {quoted(label)}",
        )

    def sources(self, order: list[int]) -> tuple[tuple[Source, ...], dict[int, str]]:
        """Freeze the drafts listed in ``order`` into Sources; return them and index -> id."""
        sources: list[Source] = []
        ids: dict[int, str] = {}
        for i in order:
            d = self.drafts[i]
            ids[i] = f"s{len(sources) + 1}"
            kind = d.kind
            if kind is SOURCE_PERSON and not d.name:
                kind = SOURCE_ANONYMOUS
            fields = {
                "id": ids[i],
                "kind": kind,
                "name": d.name,
                "role": d.role,
                "affiliation": d.affiliation,
                "descriptor": d.descriptor,
                "mentions": tuple(make_span(self.text, s, e) for s, e in sorted(set(d.mentions))),
            }
            sources.append(assemble(Source, fields))
        return tuple(sources), ids


_LOOKBACK: Final = 400  # characters before a pronoun searched for the person it may stand for


def _mentioned_person(text: str, before: int) -> Mention | None:
    """The one named person mentioned shortly before ``before``, e.g. "President Obama".

    Only a capitalised run that reads as a person with a title or with two or more names
    counts, so a lone capitalised word ("Friday", "Washington") is never taken for a person;
    and with two different people in view the pronoun stays unresolved (no gender is known).
    """
    toks = tokens(text, max(0, before - _LOOKBACK), before)
    found: dict[str, Mention] = {}
    for run in _capitalised_runs(toks):
        m = classify(text, run)
        named = m is not None and m.kind is SOURCE_PERSON and m.name and not m.pronoun
        if named and m is not None and m.name and (m.role or len(m.name.split()) >= 2):
            found.setdefault(m.name.split()[-1], m)
    return next(iter(found.values())) if len(found) == 1 else None


def _capitalised_runs(toks: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words (inner dots kept: "Gen. Joseph Dunford")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in toks:
        if tok.text[:1].isupper() or (tok.text == "." and current):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
