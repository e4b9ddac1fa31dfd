"""One source, many mentions: resolve surnames, roles and pronouns to earlier sources.

:class:`SourceBook` is filled in text order. A surname ("Trowbridge") joins the person whose
full name ends with it; a definite role ("the spokesman") joins the latest source with that
role; a pronoun joins the nearest compatible source; an organisation or medium joins the one
with the same name. Everything else starts a new source. Sources become frozen
:class:`~quotecheck.models.Source` models only at the end, in order of first mention.
"""

from __future__ import annotations

from typing import Final

from quotecheck.attribution.anonymity import aliases
from quotecheck.attribution.mentions import classify
from quotecheck.attribution.records import WRITER_ROLE, SourceRecord
from quotecheck.attribution.sources import Mention, Token, quoted, tokens
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.kinds import SOURCE_ANONYMOUS, SOURCE_PERSON, SOURCE_VAGUE
from quotecheck.models import SourceKind

__all__ = ["SourceBook", "surname"]


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


def surname(name: str) -> str:
    """Return the lower-case last word of a name, honorifics aside: "Dr. Grace Okafor" -> okafor."""
    parts = [p for p in name.replace(".", " ").split() if p.lower() not in _HONORIFICS]
    return parts[-1].lower() if parts else ""


class SourceBook:
    """Sources of one text, built up mention by mention in text order.

    Every lookup goes through a dictionary (name, surname, role, description) or the latest
    source of a kind, so filing a mention costs the same however many sources came before.
    """

    def __init__(self, text: str, pronoun_lookback: int = DEFAULT_CONFIG.pronoun_lookback) -> None:
        self.text = text
        self.pronoun_lookback = pronoun_lookback  # AnalyzerConfig.pronoun_lookback
        self.drafts: list[_Draft] = []
        self._named: dict[tuple[SourceKind, str], int] = {}  # full name or description -> source
        self._surnames: dict[str, int] = {}  # a person's surname -> the latest such person
        self._roles: dict[str, int] = {}  # last word of a person's role -> the latest such person
        self._aliases: frozenset[str] | None = None  # names standing in for withheld ones
        self._latest: dict[str, int] = {}  # "one", "many", "body": the latest such source

    def is_empty(self) -> bool:
        """True before any source is filed: a "they" now refers to no one in the text."""
        return not self.drafts

    def add(self, m: Mention) -> tuple[int, str]:
        """File a mention under an existing or new source; return its index and the reason."""
        index, reason = self._resolve(m)
        if index is None and m.pronoun in _WRITER_PRONOUNS:
            # "I" or "we" outside quotes that no earlier speaker can be: the writer, who is
            # known (the byline), not an unnamed source to flag.
            m = m.copy()
            m.role = WRITER_ROLE
            reason = f"{quoted(m.pronoun)} has no earlier speaker: the writer's own words"
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
            self._surnames[surname(d.name)] = index
        if d.role and (person or d.kind is SOURCE_ANONYMOUS):
            self._roles[d.role.lower().split()[-1]] = index
        self._latest[_compatibility(d)] = index

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
            found, reason = self._person(m)
            if found is None and m.role:
                found, reason = self._role_only(m)
            return found, reason
        return None, ""

    def _role_only(self, m: Mention) -> tuple[int | None, str]:
        """Name an earlier person known only by role: "the mayor" ... "Mayor Ana Ortiz"."""
        assert m.role is not None
        found = self._roles.get(m.role.lower().split()[-1])
        if found is None:
            return None, ""
        d = self.drafts[found]
        if d.kind is not SOURCE_PERSON or d.name:
            return None, ""
        return found, f"{quoted(m.name)} names the {quoted(d.role)} mentioned earlier"

    def _person(self, m: Mention) -> tuple[int | None, str]:
        """Join a named person to an earlier person with the same surname."""
        assert m.name is not None
        found = self._surnames.get(surname(m.name))
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
        found = None  # the nearest source of any kind the pronoun can stand for
        for wanted in _PRONOUN_TAKES.get(m.pronoun or "", ("one",)):
            candidate = self._latest.get(wanted)
            nearer = found is None or (
                candidate is not None and self.drafts[candidate].last > self.drafts[found].last
            )
            if candidate is not None and nearer:
                found = candidate
        # No source yet, or only an unnamed one: a person named in the narration since then
        # ("Science Minister George Freeman refused to say …") is nearer.
        unnamed = found is not None and self.drafts[found].kind is not SOURCE_PERSON
        if (found is None or unnamed) and not group:
            named = _mentioned_person(self.text, m.start, self.pronoun_lookback)
            if named is not None and found is not None and named.start < self.drafts[found].last:
                named = None  # the unnamed source is nearer
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

    def kind(self, i: int) -> SourceKind:
        """The kind source ``i`` will have: a person never named nor given a role ("he",
        unresolved) is someone, but who is not said: anonymous."""
        d = self.drafts[i]
        if d.kind is SOURCE_PERSON and not d.name and not d.role:
            return SOURCE_ANONYMOUS
        if d.kind is SOURCE_PERSON and d.name and " " not in d.name and self._alias(d.name):
            return SOURCE_ANONYMOUS  # "the base chief known as Bob": a stand-in name
        return d.kind

    def _alias(self, name: str) -> bool:
        """Tell whether a one-word name stands in for a withheld one (read once per text)."""
        if self._aliases is None:
            self._aliases = aliases(self.text)
        return name in self._aliases

    def sources(
        self, order: list[int], reasons: dict[int, tuple[int, int]] | None = None
    ) -> tuple[tuple[SourceRecord, ...], dict[int, str]]:
        """Settle the drafts listed in ``order`` as sources; return them and index -> id.

        ``reasons`` maps a source to the clause that says why it is unnamed, when one does.
        """
        sources: list[SourceRecord] = []
        ids: dict[int, str] = {}
        reasons = reasons or {}
        for i in order:
            d = self.drafts[i]
            ids[i] = f"s{len(sources) + 1}"
            source = SourceRecord(
                ids[i],
                self.kind(i),
                d.name,
                d.role,
                d.affiliation,
                d.descriptor,
                tuple(sorted(set(d.mentions))),
                reasons.get(i),
            )
            sources.append(source)
        return tuple(sources), ids


# What each pronoun may stand for (the nearest such source wins): "one" a single person, named
# or not ("he" after "a council spokesman"; "they" after "one Tory MP"); "many" people in the
# plural (anonymous or vague); "body" an organisation, outlet, document or rumour ("it"; "they"
# for "the council said they …").
_WRITER_PRONOUNS: Final = frozenset(["i", "we"])
_PRONOUN_TAKES: Final = {
    "he": ("one",),
    "she": ("one",),
    "it": ("body",),
    "they": ("many", "body", "one"),
}


def _compatibility(d: _Draft) -> str:
    """Which pronouns a source can be referred to by: see _PRONOUN_TAKES."""
    if d.kind is SOURCE_PERSON or (d.kind is SOURCE_ANONYMOUS and not d.plural):
        return "one"
    said = (d.descriptor or "").lower()
    if d.kind is SOURCE_VAGUE and said.endswith(_HEARSAY):
        return "body"  # "according to reports": no people to stand for
    if d.kind is SOURCE_ANONYMOUS or d.kind is SOURCE_VAGUE:
        return "many"
    return "body"


_HEARSAY: Final = ("reports", "rumors", "rumours", "reportedly", "allegedly")


def _mentioned_person(text: str, before: int, lookback: int) -> Mention | None:
    """The one named person mentioned within ``lookback`` characters before ``before``, e.g.
    "President Obama".

    Only a capitalised run that reads as a person with a title or with two or more names
    counts, so a lone capitalised word ("Friday", "Washington") is never taken for a person;
    and with two different people in view the pronoun stays unresolved (no gender is known).
    """
    toks = tokens(text, max(0, before - lookback), before)
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
