"""Word-level alignment of a quote with a source passage, and how much each difference matters.

The alignment is rapidfuzz's Levenshtein opcodes over word ids (one id per distinct word key),
so it runs in C; this module only trims it to the quoted passage, groups neighbouring changes
into one edit, and judges each edit with the word lists in ``lexicons/verify_words.txt`` and
``lexicons/verify_inflections.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein

from quotecheck.lexicons import load_rows
from quotecheck.models import Meaning

__all__ = [
    "CONTENT",
    "MINOR",
    "SAME",
    "Block",
    "Judgement",
    "align",
    "block_cost",
    "expand",
    "is_filler",
    "is_function",
    "is_qualifier",
    "judge",
    "meaning_of",
    "realign",
    "respelt",
    "same_word",
    "with_editorial",
    "word_forms",
]

SAME, MINOR, CONTENT = 0, 1, 2  # how much an edit matters, in increasing order

Op = Literal["equal", "insert", "delete", "replace"]

# rapidfuzz turns the source into the quote: its "insert" adds quote words the source lacks.
_OPS: dict[str, Op] = {
    "equal": "equal",
    "insert": "insert",
    "delete": "delete",
    "replace": "replace",
}

# Contractions are compared in full: "don't" and "do not" say the same thing.
_SUFFIXES = {"'ll": "will", "'re": "are", "'ve": "have", "'m": "am", "'d": "would"}
_NOT_STEMS = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_S_HOSTS = frozenset(
    ["it", "that", "there", "here", "what", "who", "where", "when", "how", "he", "she", "let"]
)
# Spoken contractions written without an apostrophe in transcripts.
_SPOKEN = {
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "lemme": ("let", "me"),
    "gimme": ("give", "me"),
    "kinda": ("kind", "of"),
    "sorta": ("sort", "of"),
    "y'all": ("you", "all"),
}

_REGULAR = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@dataclass(frozen=True, slots=True)
class Block:
    """One stretch of the alignment: source tokens s0:s1 against quote tokens q0:q1."""

    op: Op
    s0: int
    s1: int
    q0: int
    q1: int


@dataclass(frozen=True, slots=True)
class Judgement:
    """How much one edit matters (SAME, MINOR or CONTENT), its effect on meaning, and why."""

    level: int
    meaning: tuple[Literal["negation", "number", "hedge", "qualifier"], ...]
    note: str


def align(source_ids: Sequence[int], quote_ids: Sequence[int], offset: int = 0) -> list[Block]:
    """Align quote word ids with a source window; source indexes are shifted by ``offset``."""
    blocks = [
        Block(_OPS[op.tag], op.src_start + offset, op.src_end + offset, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(source_ids, quote_ids)
    ]
    # Source words before the quote's first word and after its last are not part of the match.
    while blocks and blocks[0].op == "delete":
        blocks.pop(0)
    while blocks and blocks[-1].op == "delete":
        blocks.pop()
    return _merge(blocks)


def realign(
    source_ids: Sequence[int], quote_ids: Sequence[int], s_offset: int, q_offset: int
) -> list[Block]:
    """Align a stretch inside a larger alignment, keeping every block (nothing trimmed)."""
    return _merge(
        [
            Block(
                _OPS[op.tag],
                op.src_start + s_offset,
                op.src_end + s_offset,
                op.dest_start + q_offset,
                op.dest_end + q_offset,
            )
            for op in Levenshtein.opcodes(source_ids, quote_ids)
        ]
    )


def _merge(blocks: list[Block]) -> list[Block]:
    merged: list[Block] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if prev is not None and prev.op != "equal" and block.op != "equal":
            s0, q0 = prev.s0, prev.q0
            op: Op = "replace"
            if s0 == block.s1:
                op = "insert"
            elif q0 == block.q1:
                op = "delete"
            merged[-1] = Block(op, s0, block.s1, q0, block.q1)
        else:
            merged.append(block)
    return merged


def with_editorial(blocks: Sequence[Block], editorial: Sequence[bool]) -> list[Block]:
    """Put [bracketed] editorial words back into an alignment made without them.

    ``blocks`` index the quote's own words only; the result indexes all words. An editor's
    bracket where the alignment leaves source words out is a substitution ("[the US]" for
    "they"): one replace block; elsewhere it is an insertion.
    """
    real = [k for k, flag in enumerate(editorial) if not flag]
    groups = _editorial_groups(editorial)
    if not groups:
        return list(blocks)
    full = [*real, len(editorial)]
    out: list[Block] = []
    for b in blocks:
        group = groups.pop(b.q0, None)
        if b.q0 == b.q1:
            if group is not None:
                out.append(Block("replace", b.s0, b.s1, *group))
            else:
                out.append(Block("delete", b.s0, b.s1, full[b.q0], full[b.q0]))
            continue
        if group is not None:
            out.append(Block("insert", b.s0, b.s0, *group))
        out.extend(_spread(b, groups, full))
    for group in groups.values():
        end = out[-1].s1 if out else 0
        out.append(Block("insert", end, end, *group))
    return out


def _editorial_groups(editorial: Sequence[bool]) -> dict[int, tuple[int, int]]:
    """Map "before the r-th own word" to each run of editorial words there (full indexes)."""
    groups: dict[int, tuple[int, int]] = {}
    own = 0
    k = 0
    while k < len(editorial):
        if editorial[k]:
            start = k
            while k < len(editorial) and editorial[k]:
                k += 1
            groups[own] = (start, k)
        else:
            own += 1
            k += 1
    return groups


def _spread(b: Block, groups: dict[int, tuple[int, int]], full: list[int]) -> list[Block]:
    """Re-index one block to all words; an equal block is cut where editorial words sit."""
    if b.op != "equal":
        for r in range(b.q0 + 1, b.q1):
            groups.pop(r, None)  # editorial words inside a changed stretch stay inside it
        return [Block(b.op, b.s0, b.s1, full[b.q0], full[b.q1 - 1] + 1)]
    out: list[Block] = []
    q0 = b.q0
    for r in range(b.q0 + 1, b.q1):
        group = groups.pop(r, None)
        if group is not None:
            s = b.s0 + (r - b.q0)
            out.append(Block("equal", b.s0 + (q0 - b.q0), s, full[q0], full[r - 1] + 1))
            out.append(Block("insert", s, s, *group))
            q0 = r
    out.append(Block("equal", b.s0 + (q0 - b.q0), b.s1, full[q0], full[b.q1 - 1] + 1))
    return out


def block_cost(blocks: Sequence[Block]) -> int:
    """Return the number of word edits in an alignment."""
    return sum(max(b.s1 - b.s0, b.q1 - b.q0) for b in blocks if b.op != "equal")


# ---------------------------------------------------------------------------- word classes


@cache
def _classes() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split()) for row in load_rows("verify_words")}


@cache
def _number_words() -> dict[str, str]:
    return {row[0]: row[2] for row in load_rows("verify_words") if len(row) > 2}


@cache
def _bases() -> dict[str, str]:
    return {form: row[0] for row in load_rows("verify_inflections") for form in row}


def _has(word: str, kind: str) -> bool:
    return kind in _classes().get(word, frozenset())


def is_function(key: str) -> bool:
    """True for a function word (a, the, is, of …): one that carries little content alone."""
    return _has(key, "function")


def is_filler(key: str) -> bool:
    """True for a hesitation or filler of speech: uh, um, er …"""
    return _has(key, "filler")


def is_qualifier(key: str) -> bool:
    """True for a word that opens a qualifying clause: but, unless, only, if, except …"""
    return _has(key, "qualifier")


def expand(keys: Sequence[str]) -> list[str]:
    """Return word keys with contractions written out: "can't" -> "can", "not"."""
    return [word for key in keys for word in _expand_one(key)]


@lru_cache(maxsize=1 << 16)
def _expand_one(key: str) -> tuple[str, ...]:
    if "'" not in key:
        if key == "cannot":
            return ("can", "not")
        return _SPOKEN.get(key, (key,))
    spoken = _SPOKEN.get(key)
    if spoken is not None:
        return spoken
    if key.endswith("n't") and len(key) > 3:
        return (_NOT_STEMS.get(key[:-3], key[:-3]), "not")
    for suffix, full in _SUFFIXES.items():
        if key.endswith(suffix) and len(key) > len(suffix):
            return (key[: -len(suffix)], full)
    if key.endswith("'s") and key[:-2] in _S_HOSTS:
        return (key[:-2], "us" if key == "let's" else "is")
    return (key,)


def _number(key: str) -> str | None:
    if key[:1].isdigit() or (key[:1] in "$£€¥" and key[1:2].isdigit()):
        return key.rstrip("%")
    return _number_words().get(key)


def meaning_of(quote_keys: Sequence[str], source_keys: Sequence[str]) -> tuple[Meaning, ...]:
    """Return the ways replacing ``source_keys`` with ``quote_keys`` may change the meaning."""
    q, s = expand(quote_keys), expand(source_keys)
    found: list[Meaning] = []
    if sum(_has(w, "negation") for w in q) != sum(_has(w, "negation") for w in s):
        found.append("negation")
    q_numbers = sorted(n for n in map(_number, q) if n is not None)
    s_numbers = sorted(n for n in map(_number, s) if n is not None)
    if q_numbers != s_numbers:
        found.append("number")
    if any(_has(w, "hedge") for w in s) and not any(_has(w, "hedge") for w in q):
        found.append("hedge")
    if len(s) >= 2 and _has(s[0], "qualifier") and s[0] not in q:
        found.append("qualifier")
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    base = _bases().get(word)
    if base is not None:
        return base
    for suffix, repl in _REGULAR:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


@cache
def _spellings() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """Return the British -> American endings (longest first) and stems of the lexicon."""
    rows = load_rows("verify_spellings")
    endings = sorted(
        ((uk[1:], us[1:]) for uk, us, *_ in rows if uk.startswith("-")),
        key=lambda pair: -len(pair[0]),
    )
    stems = {uk: us for uk, us, *_ in rows if not uk.startswith("-")}
    return tuple(endings), stems


@lru_cache(maxsize=1 << 16)
def _spelling(word: str) -> str:
    """Return ``word`` in American spelling, as far as the spelling lexicon knows it."""
    endings, stems = _spellings()
    for cut in range(len(word), 2, -1):
        us = stems.get(word[:cut])
        if us is not None:
            return us + word[cut:]
    for uk, us in endings:
        if word.endswith(uk) and len(word) > len(uk) + 2:
            return word[: -len(uk)] + us
    return word


def respelt(a: str, b: str) -> bool:
    """True when two word keys are one word spelt alike or the British/American way."""
    return a == b or _spelling(a) == _spelling(b)


def same_word(a: str, b: str) -> bool:
    """True when two word keys are one word: equal, inflected or spelt the other way."""
    return a == b or _related(a, b) in ("inflection", "spelling")


@cache
def _forms_of_base() -> dict[str, tuple[str, ...]]:
    return {row[0]: row for row in load_rows("verify_inflections")}


@cache
def _british() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """Return the American -> British endings and stems (the spelling lexicon reversed)."""
    endings, stems = _spellings()
    return tuple((us, uk) for uk, us in endings), {us: uk for uk, us in stems.items()}


def word_forms(key: str) -> set[str]:
    """Return likely forms of a word key (inflections, UK/US spellings) to look up in a source.

    Only candidates: keep those :func:`same_word` accepts.
    """
    forms = {key, _spelling(key)}
    endings, stems = _british()
    for cut in range(len(key), 2, -1):
        if key[:cut] in stems:
            forms.add(stems[key[:cut]] + key[cut:])
            break
    for us, uk in endings:
        if key.endswith(us) and len(key) > len(us) + 2:
            forms.add(key[: -len(us)] + uk)
            break
    out = set(forms)
    for form in forms:
        base = _stem(form)
        irregular = _forms_of_base().get(_bases().get(form, ""), ())
        out.update(irregular)
        for root in {base, base + "e", base[:-1] + "i" if base.endswith("y") else base}:
            out.update(root + end for end in ("", "s", "es", "ed", "d", "ing", "er", "ers"))
        if base and base[-1] not in "aeiouwy":
            out.update(base + base[-1] + end for end in ("ed", "ing", "er"))
    return out


def _related(a: str, b: str) -> str | None:
    """Return why two different words count as a minor change, or None when they do not."""
    if _has(a, "pronoun") or _has(b, "pronoun"):
        return None
    if _has(a, "function") and _has(b, "function"):
        return "function word"
    if _number(a) is not None and _number(a) == _number(b):
        return "number written differently"
    if _stem(a) == _stem(b):
        return "inflection"
    us_a, us_b = _spelling(a), _spelling(b)
    if us_a == us_b or _stem(us_a) == _stem(us_b):
        return "spelling"
    return None


def judge(
    quote_keys: Sequence[str],
    source_keys: Sequence[str],
    *,
    stutter: bool = False,
    annotation: bool = False,
) -> Judgement:
    """Judge one edit: SAME (spacing only), MINOR (function words, inflections) or CONTENT.

    ``source_keys`` should leave out words inside stage directions ("[Applause]"): they are
    not the speaker's, so leaving them out changes nothing.
    """
    if not quote_keys and all(_has(w, "hesitation") for w in source_keys):
        note = "leaves out a hesitation" if source_keys else "leaves out a stage direction"
        return Judgement(SAME, (), note)
    if "".join(quote_keys).replace("'", "") == "".join(source_keys).replace("'", ""):
        return Judgement(SAME, (), "only spacing or punctuation differs")
    found = _judge(quote_keys, source_keys, stutter=stutter, annotation=annotation)
    if found.level == CONTENT and not found.meaning and _has_s(quote_keys, source_keys):
        # "The plan's working" for "the plan is working": 's after any noun, tried last so
        # that a possessive never hides a real change.
        loose = _judge(_loose(quote_keys), _loose(source_keys), stutter=stutter)
        if loose.level < CONTENT:
            return Judgement(loose.level, (), "contraction written out or contracted")
    return found


def _has_s(quote_keys: Sequence[str], source_keys: Sequence[str]) -> bool:
    return "'s " in " ".join((*quote_keys, *source_keys, ""))


def _loose(keys: Sequence[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key.endswith("'s") and len(key) > 2:
            out.extend((key[:-2], "is"))
        else:
            out.append(key)
    return out


def _judge(
    quote_keys: Sequence[str],
    source_keys: Sequence[str],
    *,
    stutter: bool = False,
    annotation: bool = False,
) -> Judgement:
    q, s = expand(quote_keys), expand(source_keys)
    if q == s:
        return Judgement(MINOR, (), "contraction written out or contracted")
    if not q and (annotation or stutter or _only_fillers(s)):
        return _judge_dropped(s, stutter=stutter, annotation=annotation)
    meaning = meaning_of(quote_keys, source_keys)
    if meaning:
        return Judgement(CONTENT, meaning, "changes the meaning")
    if not q:
        return _judge_dropped(s, stutter=stutter, annotation=annotation)
    if not s:
        if all(_plain_function(w) for w in q):
            return Judgement(MINOR, (), "adds function words")
        return Judgement(CONTENT, (), "adds words the source does not have")
    return _judge_replaced(q, s)


def _judge_dropped(s: list[str], *, stutter: bool, annotation: bool) -> Judgement:
    if annotation:
        return Judgement(MINOR, (), "leaves out a transcript note")
    if _only_fillers(s):
        return Judgement(MINOR, (), "leaves out a filler")
    if stutter:
        return Judgement(MINOR, (), "leaves out a repeated word")
    if all(_plain_function(w) for w in s):
        return Judgement(MINOR, (), "leaves out function words")
    return Judgement(CONTENT, (), "leaves out words of the source")


def _only_fillers(words: list[str]) -> bool:
    i = 0
    while i < len(words):
        if _has(" ".join(words[i : i + 2]), "filler") and i + 1 < len(words):
            i += 2
        elif _has(words[i], "filler"):
            i += 1
        else:
            return False
    return True


def _judge_replaced(q: list[str], s: list[str]) -> Judgement:
    if len(q) == len(s):
        notes = [a == b or _related(a, b) for a, b in zip(q, s, strict=True)]
        if all(notes):
            kinds = sorted({n for n in notes if isinstance(n, str)})
            return Judgement(MINOR, (), ", ".join(kinds) or "minor change")
    elif all(_plain_function(w) for w in (*q, *s)):
        return Judgement(MINOR, (), "function word")
    else:
        # "went" for "have gone": set the function words aside and compare what is left.
        q_rest = [w for w in q if not _plain_function(w)]
        s_rest = [w for w in s if not _plain_function(w)]
        pairs = zip(q_rest, s_rest, strict=False)
        if len(q_rest) == len(s_rest) and all(a == b or _related(a, b) for a, b in pairs):
            return Judgement(MINOR, (), "function words and inflection")
    return Judgement(CONTENT, (), "changes words of the source")


def _plain_function(word: str) -> bool:
    return _has(word, "function") and not _has(word, "pronoun")
