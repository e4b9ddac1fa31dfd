"""AnalyzerConfig: every field documented, and the thresholds really read where they decide.

``python tests/test_config.py`` rewrites the generated field table in docs/api.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import quotecheck as qc
from quotecheck.claims.framing import find_weighted_signals
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.models import Span

API = Path(__file__).resolve().parent.parent / "docs" / "api.md"
_BEGIN = (
    "<!-- AnalyzerConfig fields: generated from quotecheck/config.py by tests/test_config.py -->"
)
_END = "<!-- end of AnalyzerConfig fields -->"


def config_table() -> str:
    """The markdown table of AnalyzerConfig's fields: name, type, description and default."""
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for name, field in AnalyzerConfig.model_fields.items():
        kind = getattr(field.annotation, "__name__", str(field.annotation))
        about = (field.description or "").replace("|", "\\|")
        rows.append(f"| `{name}` | `{kind}` | {about} Default `{field.default!r}`. |")
    return "\n".join(rows)


def _documented() -> str:
    """The generated part of docs/api.md, between its markers."""
    api = API.read_text("utf-8")
    assert _BEGIN in api, "docs/api.md lost the AnalyzerConfig table's markers"
    assert _END in api, "docs/api.md lost the AnalyzerConfig table's markers"
    return api.split(_BEGIN, 1)[1].split(_END, 1)[0].strip()


def test_every_field_has_a_description() -> None:
    """A threshold nobody explains cannot be tuned: each field says what it decides."""
    undocumented = [
        name
        for name, field in AnalyzerConfig.model_fields.items()
        if not field.description or len(field.description.split()) < 5
    ]
    assert not undocumented


def test_every_field_is_bounded() -> None:
    """Each numeric field refuses nonsense (a negative weight, a zero limit) with a clear error."""
    unbounded = [name for name, field in AnalyzerConfig.model_fields.items() if not field.metadata]
    assert not unbounded
    with pytest.raises(ValidationError, match="editorial_threshold"):
        AnalyzerConfig(editorial_threshold=-1.0)
    with pytest.raises(ValidationError, match="attribution_window"):
        AnalyzerConfig(attribution_window=0)


def test_api_docs_hold_the_generated_table() -> None:
    """docs/api.md lists every field as the model describes it (regenerate: run this file)."""
    assert _documented() == config_table(), "run: python tests/test_config.py"


def _kinds(text: str, **fields: Any) -> list[str]:
    """The claim kinds of ``text`` under a config with ``fields`` changed."""
    return [c.kind.value for c in qc.analyze(text, config=AnalyzerConfig(**fields)).claims]


_LOADED = "Critics are clearly desperate to smear the so-called reform."
_SPECULATION = "The mayor will probably approve the plan."


def test_editorial_threshold_is_read() -> None:
    """Raising the threshold above a loaded sentence's weight leaves it unattributed."""
    assert _kinds(_LOADED) == ["editorial"]
    assert _kinds(_LOADED, editorial_threshold=5.0) == ["unattributed"]


def test_signal_kind_weights_are_read() -> None:
    """Each kind's weight multiplies its entries: weighing them at 0 removes the framing,
    weighing speculation fully makes one hedge editorial."""
    none = {
        "evaluative_weight": 0.0,
        "presupposition_weight": 0.0,
        "intensifier_weight": 0.0,
        "intent_weight": 0.0,
    }
    assert _kinds(_LOADED, **none) == ["unattributed"]
    assert _kinds(_SPECULATION) == ["unattributed"]
    assert _kinds(_SPECULATION, speculation_weight=2.0) == ["editorial"]


def test_scare_quote_weight_is_read() -> None:
    """A scare quote weighs what the config says."""
    text = 'The plan, a "Reform" by name, was unveiled.'
    span = Span(start=0, end=len(text), text=text)
    quotes = qc.analyze(text).quotes
    for weight in (0.5, 0.75):
        config = AnalyzerConfig(scare_quote_weight=weight)
        signals, weights = find_weighted_signals(text, [span], quotes, config)
        scare = [w for s, w in zip(signals[0], weights[0], strict=True) if s.kind == "scare_quote"]
        assert scare == [weight]


def test_min_unsourced_words_is_read() -> None:
    """A stretch shorter than min_unsourced_words is no unsourced part."""
    text = "The ministry paid 40 million dollars to the contractor last year."
    default = qc.analyze(text).claims[0]
    assert len(default.unsourced) == 1
    assert default.checkable
    strict = qc.analyze(text, config=AnalyzerConfig(min_unsourced_words=30)).claims[0]
    assert strict.unsourced == ()
    assert not strict.checkable


def test_no_comment_settings_are_read() -> None:
    """A no-comment note is no checkable claim; no_comment_max_chars=0 turns the reading off,
    and a subject longer than no_comment_asked_words words makes it a claim again."""
    text = "A spokesman for the Pentagon declined to comment on the report."
    assert not qc.analyze(text).claims[0].checkable
    off = AnalyzerConfig(no_comment_max_chars=0)
    assert qc.analyze(text, config=off).claims[0].checkable
    short = AnalyzerConfig(no_comment_asked_words=2)
    assert qc.analyze(text, config=short).claims[0].checkable


def test_attribution_max_clause_is_read() -> None:
    """A reported clause is cut at attribution_max_clause characters."""
    text = (
        "The minister said that the government would keep every one of its promises to the "
        "voters of the northern region."
    )
    whole = qc.analyze(text).attributions[0].content.text
    cut = qc.analyze(text, config=AnalyzerConfig(attribution_max_clause=20))
    assert whole.endswith("northern region")
    assert len(cut.attributions[0].content.text) <= 20


def test_quote_run_on_chars_is_read() -> None:
    """A statement's quote runs on through an unmarked paragraph only within the reach."""
    text = (
        "The company issued this statement:\n\n"
        "\u201cWe are proud of our staff and of the work they do every day\n\n"
        "We will keep investing in the region for years to come.\u201d\n\n"
        "The plant opened in 1990."
    )
    runs_on = qc.analyze(text).quotes[0]
    assert runs_on.span.text.endswith("years to come.")
    short = qc.analyze(text, config=AnalyzerConfig(quote_run_on_chars=10))
    assert short.quotes[0].span.text.endswith("every day")
    assert "unbalanced_quote_marks" in [f.kind.value for f in short.flags]


def test_genre_label_confidence_is_read() -> None:
    """A section label reads with the configured confidence."""
    text = "Opinion\n\nThe council has lost its way."
    assert qc.analyze(text).genre.confidence == DEFAULT_CONFIG.genre_label_confidence
    genre = qc.analyze(text, config=AnalyzerConfig(genre_label_confidence=0.7)).genre
    assert (genre.kind.value, genre.confidence) == ("opinion", 0.7)


def test_batch_reads_max_chars_from_the_config() -> None:
    """analyze_corpus refuses what analyze refuses: one limit, AnalyzerConfig.max_chars."""
    config = AnalyzerConfig(max_chars=20)
    results = list(qc.analyze_corpus(["Short.", "x " * 20], engine="serial", config=config))
    assert isinstance(results[0], qc.Analysis)
    assert isinstance(results[1], qc.Failure)
    assert "max_chars=20" in results[1].error
    with pytest.raises(qc.InputError, match="max_chars=20"):
        qc.analyze("x " * 20, config=config)


def _sources(text: str, **fields: Any) -> list[tuple[str | None, list[str]]]:
    """Each source's name and mentions under a config with ``fields`` changed."""
    a = qc.analyze(text, config=AnalyzerConfig(**fields))
    return [(s.name, [m.text for m in s.mentions]) for s in a.sources]


def test_attribution_passive_words_is_read() -> None:
    """The agent after "by" is read within attribution_passive_words words."""
    text = "The figures were described by two senior officials at the ministry as alarming."
    assert [d for d, _ in _sources(text)] == [None]
    assert qc.analyze(text).sources[0].descriptor == "two senior officials"
    assert _sources(text, attribution_passive_words=1) == []


def test_attribution_nested_lead_is_read() -> None:
    """A later report takes an earlier one in only when its source opens the content."""
    text = "Privately, officials told lawmakers the plan would fail, two aides said."
    cues = [a.cue.text for a in qc.analyze(text).attributions if a.cue]
    assert cues == ["told"]
    wide = qc.analyze(text, config=AnalyzerConfig(attribution_nested_lead=30)).attributions
    assert [a.cue.text for a in wide if a.cue] == ["said", "told"]
    assert wide[1].via_source_id is not None  # the inner report is known through the aides


def test_pronoun_lookback_is_read() -> None:
    """A pronoun with no earlier source finds a named person only within the lookback."""
    text = "President Barack Obama arrived in Paris on Monday. He said the plan would work."
    assert _sources(text) == [("Barack Obama", ["President Barack Obama", "He"])]
    assert _sources(text, pronoun_lookback=0) == [(None, ["He"])]


def test_anonymity_reason_limits_are_read() -> None:
    """The reason clause opens and ends within the configured reach."""
    text = (
        "An official, who spoke on condition of anonymity because the talks are private, "
        "said the deal was close."
    )

    def reason(**fields: Any) -> str | None:
        source = qc.analyze(text, config=AnalyzerConfig(**fields)).sources[0]
        return source.anonymity_reason.text if source.anonymity_reason else None

    assert reason() == "who spoke on condition of anonymity because the talks are private"
    assert reason(anonymity_reason_lookback=0) == (
        "spoke on condition of anonymity because the talks are private"
    )
    assert (
        reason(anonymity_reason_reach=20)
        == "who spoke on condition of anonymity because the talks a"
    )


def test_genre_paragraph_limits_are_read() -> None:
    """Section labels and furniture count only in the configured top paragraphs."""
    label = "Opinion\n\nThe council has lost its way."
    assert qc.analyze(label).genre.kind.value == "opinion"
    off = AnalyzerConfig(genre_label_paragraphs=0)
    assert qc.analyze(label, config=off).genre.kind.value == "unknown"
    release = (
        "The company issued this statement:\n\n\u201cWe are proud of our staff.\u201d\n\n"
        "The plant opened in 1990. It employs 300 people. Output rose last year. Sales fell."
    )
    assert qc.analyze(release).genre.kind.value == "press_release"
    top = AnalyzerConfig(genre_top_paragraphs=0)
    assert qc.analyze(release, config=top).genre.kind.value == "news"


def test_anonymous_flag_reach_is_read() -> None:
    """The anonymous_source flag sits on the first mention within the reach, else nearer."""
    text = (
        "A senior official at the ministry said the talks were hard. "
        + "The weather was mild and the roads were clear. " * 12
        + "The plan will fail, the official said."
    )

    def flagged(reach: int) -> list[str]:
        a = qc.analyze(text, config=AnalyzerConfig(anonymous_flag_reach=reach))
        return [f.span.text for f in a.flags if f.kind.value == "anonymous_source"]

    assert flagged(0) == ["the official"]
    assert flagged(2000) == ["A senior official at the ministry"]


_INTERVIEW = (
    "Coach Maria Lund said the defeat hurt. Lund spoke to us after it.\n\n"
    "Why did you lose?\n\nWe lost the midfield.\n\nWe lost the wings too.\n\n"
    "What now?\n\nI will rest the squad.\n\nAre you worried?\n\nNot at all, our form is good."
)


def test_interview_limits_are_read() -> None:
    """An unlabelled interview needs interview_min_exchanges exchanges, with answers of at
    most interview_max_answer_paragraphs paragraphs."""

    def ids(**fields: Any) -> list[str]:
        return [a.id for a in qc.analyze(_INTERVIEW, config=AnalyzerConfig(**fields)).attributions]

    assert len(ids()) == 5  # the introduction's report and four answer paragraphs
    assert ids(interview_min_exchanges=4) == ["a1"]
    assert ids(interview_max_answer_paragraphs=1) == ["a1"]


def test_attribution_lead_words_is_read() -> None:
    """A named source starts at the article of its description only within the lead words,
    so that the quote before it is the whole content."""
    text = "\u201cWe will win,\u201d a visibly shaken Lopez said."

    def contents(**fields: Any) -> list[str]:
        a = qc.analyze(text, config=AnalyzerConfig(**fields))
        return [x.content.text for x in a.attributions]

    assert contents() == ["We will win,"]
    assert contents(attribution_lead_words=1) != ["We will win,"]


def test_attribution_phrase_reach_is_read() -> None:
    """A time phrase after the cue is stepped over and read only within the phrase reach."""
    text = "The minister said on Wednesday that the plan would work."

    def when(**fields: Any) -> str | None:
        found = qc.analyze(text, config=AnalyzerConfig(**fields)).attributions[0].when
        return found.text if found else None

    assert when() == "on Wednesday"
    assert when(attribution_phrase_reach=3) is None


def test_interview_question_words_is_read() -> None:
    """A question paragraph of an unlabelled interview has at most interview_question_words."""
    many = qc.analyze(_INTERVIEW).attributions
    few = qc.analyze(_INTERVIEW, config=AnalyzerConfig(interview_question_words=2)).attributions
    assert (len(many), [a.id for a in few]) == (5, ["a1"])


def test_headline_max_words_is_read() -> None:
    """A short unpunctuated line is a headline only up to headline_max_words words."""
    text = "Council votes to close the library\n\nThe council voted on Monday to close it."

    def roles(**fields: Any) -> list[str]:
        a = qc.analyze(text, config=AnalyzerConfig(**fields))
        return [s.role.value for p in a.paragraphs for s in p.sentences]

    assert roles() == ["headline", "body"]
    assert roles(headline_max_words=2) == ["body", "body"]


def _flag_kinds(text: str, **fields: Any) -> list[str]:
    """The flag kinds of ``text`` under a config with ``fields`` changed."""
    return [f.kind.value for f in qc.analyze(text, config=AnalyzerConfig(**fields)).flags]


def test_language_limits_are_read() -> None:
    """A language is named (and flagged) only from enough words, a large enough share of its
    function words, and for English enough ASCII letters, all within the sample read."""
    french = (
        "Le conseil municipal a dit lundi qu'il fermerait la biblioth\u00e8que et les \u00e9coles "
        "de la ville pendant les vacances."
    )
    assert qc.analyze(french).language == "fr"
    assert _flag_kinds(french) == ["language"]
    for fields in ({"language_min_words": 100}, {"language_min_share": 0.9}):
        assert qc.analyze(french, config=AnalyzerConfig(**fields)).language is None
        assert _flag_kinds(french, **fields) == []
    greek = "Η βιβλιοθήκη κλείνει " * 6  # 18 words
    assert _flag_kinds(greek) == ["language"]
    assert _flag_kinds(greek, language_min_ascii_share=0.0) == []
    assert _flag_kinds(greek, language_sample_chars=20) == []


def test_markup_min_marks_is_read() -> None:
    """One character entity makes a text HTML only when markup_min_marks is 1."""
    text = "The council met on Monday &amp; voted to close the library."
    assert _flag_kinds(text) == []
    assert _flag_kinds(text, markup_min_marks=1) == ["not_prose_input"]


def _roles(text: str, **fields: Any) -> list[str]:
    """The role of each sentence of ``text`` under a config with ``fields`` changed."""
    a = qc.analyze(text, config=AnalyzerConfig(**fields))
    return [s.role.value for p in a.paragraphs for s in p.sentences]


def test_transcript_limits_are_read() -> None:
    """Named speaker labels count only in enough turns by enough speakers, with the colon
    near the paragraph's start."""
    text = "HARRIS: We will win.\n\nSMITH: You will not.\n\nHARRIS: We shall see."
    turns = ["speaker", "body"] * 3
    assert _roles(text) == turns
    for fields in (
        {"transcript_min_turns": 4},
        {"transcript_min_speakers": 3},
        {"turn_label_chars": 3, "turn_name_line_chars": 3},
    ):
        assert _roles(text, **fields) != turns, fields
        assert "speaker" not in _roles(text, **fields)


def test_nonprose_limits_are_read() -> None:
    """Bylines, captions and contact lines are read within their configured lengths."""
    byline = "The council voted to close the library.\n\nBy Harriet Lowe, Political Correspondent"
    assert _roles(byline) == ["body", "byline"]
    assert _roles(byline, nonprose_line_words=2)[1] != "byline"
    caption = "The mayor opens the new bridge over the river on Monday.\n\nPhoto: Jane Doe"
    assert _roles(caption) == ["caption", "caption"]
    assert _roles(caption, caption_before_credit_words=5) == ["body", "caption"]
    contact = "The plant will open in May.\n\nJane Doe, +44 20 7946 0000, jane@acme.com"
    assert _roles(contact) == ["body", "contact"]
    assert _roles(contact, contact_line_chars=10)[1] != "contact"


def test_genre_label_and_rating_limits_are_read() -> None:
    """A section label alone has at most genre_label_words words; a rating's line at most
    genre_rating_line_chars characters."""
    label = "Opinion\n\nThe council has lost its way."
    assert qc.analyze(label).genre.kind.value == "opinion"
    assert qc.analyze(label, config=AnalyzerConfig(genre_label_words=0)).genre.kind.value == (
        "unknown"
    )
    review = (
        "The Long Tide (M) ★★★★\n\nStarring Ann Lee and Tom Roe. The film "
        "opens with a storm over the harbour and never lets go."
    )
    assert qc.analyze(review).genre.kind.value == "review"
    short = AnalyzerConfig(genre_rating_line_chars=10)
    assert qc.analyze(review, config=short).genre.kind.value == "unknown"


# A source's shape, read with its default limit, and a limit under which it is no longer read.
_SHAPES = [
    (
        "Executives who have worked with Lachlan Murdoch say the company will change.",
        {"attribution_relative_words": 1},
    ),
    ("One MP elected in 2019 has said the party is finished.", {"attribution_participle_words": 1}),
    (
        "The minister said the plan works. Her deputy, however, said it would fail.",
        {"attribution_aside_words": 0},
    ),
    (
        "A White House official who spoke anonymously to discuss the talks said the deal was "
        "close.",
        {"attribution_relative_clause_words": 2},
    ),
    ("\u201cWe will win,\u201d said the cartographer.", {"attribution_unknown_noun_words": 0}),
    (
        "One MP, from a 'Red Wall' seat, told reporters the party was finished.",
        {"attribution_term_words": 0},
    ),
    (
        "Data from the Office for National Statistics showed a rise in prices.",
        {"attribution_document_reach": 5},
    ),
    (
        "Former senior officials in both parties say the deal is close.",
        {"attribution_placing_words": 1},
    ),
    (
        "\u201cWe will win,\u201d the spokeswoman, Jane Roe, said.",
        {"attribution_appositive_words": 2},
    ),
    (
        "\u201cWe will win,\u201d his longtime business partner, Tom Hughes, said.",
        {"attribution_role_words": 0},
    ),
    (
        "\u201cWe will win,\u201d said the minister, Angela Frost.",
        {"attribution_appositive_name_words": 1},
    ),
    (
        "In a statement released Thursday, Rep. Hakeem Jeffries reacted to the news, saying the "
        "plan would fail.",
        {"attribution_opener_words": 2},
    ),
    (
        # "summed it up", not "put it": "as X put it" names its speaker whatever the clause's length
        "As Professor Foner summed it up in his long book about the war: \u201cWe will win.\u201d",
        {"attribution_colon_clause_words": 3},
    ),
    (
        "\u201cWe will never give up on this town.\u201d \u2015 Sonya Herridge",
        {"attribution_signature_words": 1},
    ),
    (
        "\u201cWe will never give up on this town.\u201d \u2015 Sonya Herridge",
        {"attribution_signature_chars": 3},
    ),
    (
        "Mrs. Clinton cracked, \u201cI'm a progressive who likes to get things done.\u201d",
        {"attribution_intro_words": 1},
    ),
    (
        "Mrs. Clinton cracked, \u201cI'm a progressive who likes to get things done.\u201d",
        {"attribution_intro_chars": 5},
    ),
]


@pytest.mark.parametrize(("text", "fields"), _SHAPES, ids=[next(iter(f)) for _, f in _SHAPES])
def test_source_shape_limits_are_read(text: str, fields: dict[str, int]) -> None:
    """Each word or character limit of a source's shapes changes the sources read when set
    below what the sentence needs."""
    read = _sources(text)
    assert read  # the default limits read a source here
    assert read != _sources(text, **fields)


def test_source_shape_limits_keep_their_readings() -> None:
    """What the default limits read, named (so the test above compares real readings)."""
    found = {next(iter(f)): _sources(t)[-1] for t, f in _SHAPES}
    assert found["attribution_relative_words"] == (
        None,
        ["Executives who have worked with Lachlan Murdoch"],
    )
    assert found["attribution_appositive_name_words"] == (
        "Angela Frost",
        ["the minister, Angela Frost"],
    )
    assert found["attribution_signature_chars"] == ("Sonya Herridge", ["Sonya Herridge"])
    assert found["attribution_intro_chars"] == ("Clinton", ["Mrs. Clinton"])
    assert found["attribution_colon_clause_words"] == ("Foner", ["Professor Foner"])


def _write_docs() -> None:
    """Replace the generated table in docs/api.md with the model's."""
    api = API.read_text("utf-8")
    head, rest = api.split(_BEGIN, 1)
    _, tail = rest.split(_END, 1)
    API.write_text(f"{head}{_BEGIN}\n\n{config_table()}\n\n{_END}{tail}", "utf-8")


if __name__ == "__main__":
    _write_docs()
    sys.exit(0)


def test_fragment_quote_words_is_read() -> None:
    """A short stand-alone quote inherits no speaker by default; with no such limit it does."""
    text = (
        "“We will win this seat,” the candidate said on Monday.\n\n“Never give up.”\n\n"
        "The count begins on Friday."
    )

    def fragment(config: AnalyzerConfig) -> tuple[str, str | None]:
        quote = qc.analyze(text, config=config).quotes[1]
        return quote.kind.value, quote.attribution_id

    assert fragment(DEFAULT_CONFIG) == ("scare", None)
    assert fragment(AnalyzerConfig(fragment_quote_words=0)) == ("direct", "a2")


def test_quote_soup_limits_are_read() -> None:
    """A run of 40 tiny quotes is soup by default; each of the three limits, moved, reads it."""
    text = "The stand sang " + "“ole ole” then " * 40 + "the match went on."

    def soup_and_quotes(**fields: Any) -> tuple[int, int]:
        a = qc.analyze(text, config=AnalyzerConfig(**fields))
        return sum(f.kind.value == "quote_soup" for f in a.flags), len(a.quotes)

    assert soup_and_quotes() == (1, 0)
    assert soup_and_quotes(quote_soup_max_run=40) == (0, 40)
    assert soup_and_quotes(quote_soup_quote_words=1) == (0, 40)  # "ole ole" has two words
    assert soup_and_quotes(quote_soup_gap_words=0) == (0, 40)  # "then" is one word
