"""The attribution stage's links are built once: a step that revises one returns a new one.

Read from the source with :mod:`ast` (no module writes a field of a link it did not build) and
checked on the functions that hand revised links on (filing, a new content).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quotecheck.attribution.content import Doc, Link, choose_content, with_content, word_count
from quotecheck.attribution.coref import SourceBook
from quotecheck.attribution.linking import file_link
from quotecheck.attribution.phrases import after_core, phrase_follows
from quotecheck.attribution.sources import Mention
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.models import CueKind, SourceKind, Stance
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment
from tests.conftest import slots_of

ATTRIBUTION = Path(__file__).resolve().parent.parent / "quotecheck" / "attribution"


LINK_FIELDS = slots_of(ATTRIBUTION / "content.py", "Link")
_LIST_WRITES = ("append", "insert", "extend", "pop", "remove")


def _writes_to_link_fields(tree: ast.AST) -> list[str]:
    """``x.field = …`` or ``x.field.append(…)`` for a link field, on anything but ``self``."""
    found = []
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            targets = [node.func.value] if node.func.attr in _LIST_WRITES else []
        for target in targets:
            for t in target.elts if isinstance(target, ast.Tuple) else [target]:
                owner = t.value if isinstance(t, ast.Attribute) else None
                is_self = isinstance(owner, ast.Name) and owner.id == "self"
                if isinstance(t, ast.Attribute) and t.attr in LINK_FIELDS and not is_self:
                    found.append(f"line {t.lineno}: {ast.unparse(t)}")
    return found


@pytest.mark.parametrize("path", sorted(ATTRIBUTION.glob("*.py")), ids=lambda p: p.name)
def test_no_module_writes_into_a_link(path: Path) -> None:
    """Every field of a link is set where the link is built, never written afterwards."""
    assert _writes_to_link_fields(ast.parse(path.read_text("utf-8"))) == []


def test_the_link_fields_are_read() -> None:
    """The fields the write check guards are the link's own (read from content.py's source)."""
    assert {"content", "cue", "reasons", "source", "mention"} <= LINK_FIELDS


def test_the_write_check_finds_a_write() -> None:
    """The check above sees the writes it forbids (so an empty answer means something)."""
    tree = ast.parse("link.content = (1, 2)\nprev.reasons.append('x')\nself.source = 3\n")
    assert _writes_to_link_fields(tree) == ["line 1: link.content", "line 2: prev.reasons"]


def _link(**changes: object) -> Link:
    mention = Mention(0, 8, SourceKind.person, name="Ana Ruiz")
    fields: dict[str, object] = {
        "source": -1,
        "cue": (13, 17),
        "cue_kind": CueKind.speech_verb,
        "stance": Stance.neutral,
        "content": (23, 40),
        "sentence": 0,
        "reasons": ["content: the clause after the cue"],
        "mention": mention,
    }
    fields.update(changes)
    return Link(**fields)  # type: ignore[arg-type]


def test_file_link_returns_a_filed_copy_and_leaves_the_draft_alone() -> None:
    text = "Ana Ruiz, 44, said on Monday that the plan will fail."
    draft = _link()
    filed = file_link(SourceBook(text), draft)
    assert filed is not draft
    assert filed.source == 0
    assert filed.reasons[0].startswith("source 'Ana Ruiz'")
    assert filed.reasons[1:] == ["content: the clause after the cue"]
    assert (draft.source, draft.reasons) == (-1, ["content: the clause after the cue"])


def test_file_link_without_mentions_returns_the_same_link() -> None:
    link = _link(mention=None, source=3)
    assert file_link(SourceBook("x"), link) is link


def test_with_content_copies_and_adds_the_reason() -> None:
    link = _link()
    cut = with_content(link, (23, 30), "content: ends where the sentence's next report begins")
    assert (cut.content, link.content) == ((23, 30), (23, 40))
    assert cut.reasons == [*link.reasons, "content: ends where the sentence's next report begins"]
    assert len(link.reasons) == 1  # the original's list is not shared
    assert (cut.cue, cut.mention, cut.sentence) == (link.cue, link.mention, link.sentence)


def _doc(text: str) -> Doc:
    paragraphs = segment(text)
    quotes = find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes
    return Doc(text, [s for p in paragraphs for s in p.sentences], quotes)


def test_after_core_reports_time_statement_and_channel_without_a_link() -> None:
    text = "Ruiz said on Monday in an interview with CNN."
    after = after_core(_doc(text), text.index(" on Monday"), len(text))
    assert after.when is not None
    assert text[after.when[0] : after.when[1]] == "on Monday"
    assert after.statement
    assert after.channel is not None
    assert text[after.channel.start : after.channel.end] == "CNN"
    assert after.reasons == ["'CNN' is the channel it went through"]
    assert text[after.end :] == "."


def test_after_core_reads_nothing_where_no_phrase_follows() -> None:
    text = "Ruiz said the plan will fail."
    after = after_core(_doc(text), text.index(" the plan"), len(text))
    assert (after.end, after.when, after.statement, after.channel) == (9, None, False, None)
    assert after.reasons == []


def test_choose_content_returns_the_clause_and_why() -> None:
    text = "Ruiz said that the plan will fail next year."
    doc = _doc(text)
    said = text.index("said")
    chosen = choose_content(doc, None, 0, 0, said + 4, len(text), False)
    assert chosen is not None
    (start, end), why = chosen
    assert text[start:end] == "the plan will fail next year"
    assert why == "content: the clause after the cue"


@pytest.mark.parametrize(
    ("text", "span", "count"),
    [
        ("", (0, 0), 0),
        ("one", (0, 3), 1),
        ("one, two \u2014 three.", (0, 18), 3),
        ("a b c d e f", (0, 11), 4),  # counting stops at four: all the decisions need
        ("caf\u00e9 au lait", (0, 12), 3),
        ("\u201cWe will stay,\u201d he said", (0, 15), 3),
        ("he said it", (3, 10), 2),  # only the span's words
    ],
)
def test_word_count(text: str, span: tuple[int, int], count: int) -> None:
    assert word_count(text, span) == count


@pytest.mark.parametrize(
    ("rest", "follows"),
    [
        (" on Monday", True),
        (", in a statement", True),
        (" to reporters", True),
        (" the plan", False),
        (" on", False),  # "on" opens phrases, but none is only "on"
        ("", False),
    ],
)
def test_phrase_follows(rest: str, follows: bool) -> None:
    assert phrase_follows(rest) is follows
