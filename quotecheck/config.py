"""AnalyzerConfig: every threshold and switch of the analysis, in one frozen model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from quotecheck.errors import InputTypeError

__all__ = ["DEFAULT_CONFIG", "AnalyzerConfig", "given_config"]


class AnalyzerConfig(BaseModel):
    """Thresholds and switches for :func:`quotecheck.analyze`; copy it with ``model_copy``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_chars: int = Field(
        default=20_000_000,
        gt=0,
        description="Longest text accepted, by analyze and by every record of a batch; longer "
        "input raises InputError (a batch writes an error record). Time and memory grow "
        "linearly with the text (docs/benchmarks.md gives the bytes per character), so this "
        "bounds both.",
    )
    partial_max_words: int = Field(
        default=6,
        ge=1,
        description="A quote this short that does not end its clause is 'partial' even when "
        "it starts the sentence.",
    )
    headline_max_words: int = Field(
        default=25,
        ge=0,
        description="Most words of a single line without closing punctuation that reads as a "
        "headline or subheading (its sentence's role is 'headline', not body copy).",
    )
    nonprose_line_words: int = Field(
        default=30,
        ge=0,
        description="Most words after the label of a byline, credit or caption line ('By …', "
        "'(Reporting by …)', 'Photo: …'); a paragraph of more than twice as many words is prose.",
    )
    caption_before_credit_words: int = Field(
        default=40,
        ge=0,
        description="Most words of the one-sentence paragraph before a lone photo credit "
        "('Photo: Jane Doe') that makes it that photo's caption.",
    )
    contact_line_chars: int = Field(
        default=160,
        ge=0,
        description="Longest paragraph, in characters, read for a media-contact line (an "
        "address, a phone number) or any other non-prose role not announced at its start.",
    )
    turn_label_chars: int = Field(
        default=90,
        ge=0,
        description="How far into a paragraph the colon of a speaker label ('HARRIS:', 'SMITH "
        "(Labour):') may stand.",
    )
    turn_name_line_chars: int = Field(
        default=60,
        ge=0,
        description="Longest line, in characters, that may be a speaker's name alone on its "
        "line before the turn (bold type lost from a web page).",
    )
    transcript_min_turns: int = Field(
        default=3,
        ge=1,
        description="Fewest turns opened by named speaker labels (not 'Q:'/'A:') that make a "
        "transcript; one label must open more than one turn.",
    )
    transcript_min_speakers: int = Field(
        default=2,
        ge=1,
        description="Fewest different speaker labels (not 'Q:'/'A:') that make a transcript.",
    )
    quote_run_on_chars: int = Field(
        default=2000,
        ge=0,
        description="How far, in characters, a double quote left open at a paragraph's end may "
        "run on through unmarked paragraphs to its closing mark (a press release's statement).",
    )
    cue_window_sentences: int = Field(
        default=1,
        ge=0,
        description="How many sentences before or after a stand-alone quote to search for its cue.",
    )
    fragment_quote_words: int = Field(
        default=3,
        ge=0,
        description="Most words of a stand-alone quote that carries on no one's statement (a "
        "subhead, a title, a shout) and so inherits no speaker from the quote before it.",
    )
    quote_soup_max_run: int = Field(
        default=32,
        ge=0,
        description="Most tiny quotes in a row, in one paragraph, that are read as quotes (tiny: "
        "see quote_soup_quote_words and quote_soup_gap_words). A longer run is quote soup (text "
        "such as '\"a \"a \"a …'): its marks are left as plain text and one 'quote_soup' flag "
        "names its span. Lists of scare-quoted terms, chants and lyrics run far shorter; raise "
        "this to read a longer run as quotes anyway.",
    )
    quote_soup_quote_words: int = Field(
        default=3,
        ge=0,
        description="Most words of a tiny quote, for quote_soup_max_run: a scare-quoted term or "
        "a chant ('woke', 'lock her up'). Words are runs of letters and digits.",
    )
    quote_soup_gap_words: int = Field(
        default=1,
        ge=0,
        description="Most words between two neighbouring tiny quotes of one run, for "
        "quote_soup_max_run: a list's ', ' or ' and '; an attributed reply ('he said') has more.",
    )
    # ------------------------------------------------------------------ input (text/language.py)
    language_sample_chars: int = Field(
        default=1_200,
        gt=0,
        description="Characters from the text's start read for its language and markup: a "
        "language does not change halfway through an article, and the cost stays flat.",
    )
    language_min_words: int = Field(
        default=12,
        ge=0,
        description="Fewest words read for a language to be named (and for a 'language' flag): "
        "fewer are too little to tell.",
    )
    language_min_share: float = Field(
        default=0.12,
        ge=0.0,
        le=1.0,
        description="Share of the words read that must come from one language's function "
        "words (lexicons/function_words.txt) to name that language.",
    )
    language_min_ascii_share: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Below this share of ASCII letters a text is not English, whatever its "
        "function words (another script).",
    )
    markup_min_marks: int = Field(
        default=2,
        ge=1,
        description="HTML tags or character entities ('<p>', '&amp;') that make the text read "
        "as markup (a 'not_prose_input' flag); one stray '&amp;' does not.",
    )
    # ------------------------------------------------------------------ attribution (attribution/)
    attribution_max_clause: int = Field(
        default=1200,
        gt=0,
        description="Longest reported clause, in characters, on either side of a cue; a longer "
        "one is cut. Bounds the work per cue on adversarial input.",
    )
    attribution_window: int = Field(
        default=240,
        gt=0,
        description="Characters read on either side of a cue for its source (and after a "
        "channel phrase for the channel's name).",
    )
    attribution_left_reach: int = Field(
        default=160,
        gt=0,
        description="Characters read before a speech verb for its source ('the minister, "
        "who \u2026, said').",
    )
    attribution_right_reach: int = Field(
        default=100,
        gt=0,
        description="Characters read after a speech verb for its source or listener "
        "('said the minister', 'told reporters').",
    )
    attribution_label_reach: int = Field(
        default=100,
        gt=0,
        description="Characters read after a labelling verb for the quote it labels ('called "
        "the plan \u201ca disgrace\u201d').",
    )
    attribution_phrase_reach: int = Field(
        default=120,
        ge=0,
        description="Characters read for each phrase after a cue that says when, where or how "
        "it was said, not what ('said on Wednesday', 'told CNN in an interview', 'said in a "
        "statement that was posted'), and for a time phrase opening the sentence.",
    )
    attribution_resume_reach: int = Field(
        default=200,
        ge=0,
        description="How far after a cue and its speaker's description a quote may resume in "
        "lower case and still be that speaker's ('“…,” said X, director of … in London, "
        "“but it is …”').",
    )
    attribution_narration_sentences: int = Field(
        default=2,
        ge=0,
        description="Most sentences of narration (no quote, no cue) between a quote and the "
        "paragraph's earlier quoted speaker for that speaker to go on.",
    )
    attribution_nested_lead: int = Field(
        default=3,
        ge=0,
        description="Most characters from the start of a report's content to the source of a "
        "later cue for that cue to be part of the report ('said (that) he never said …'), and "
        "for a later report to take the whole earlier one in ('Officials told lawmakers X, "
        "three people said').",
    )
    attribution_passive_words: int = Field(
        default=12,
        ge=0,
        description="Words read after 'by' for the agent of a passive speech verb ('was "
        "described by two officials who … as alarming').",
    )
    pronoun_lookback: int = Field(
        default=400,
        ge=0,
        description="Characters before an unresolved pronoun searched for the one named "
        "person it may stand for (with two people in view it stays unresolved).",
    )
    anonymity_reason_reach: int = Field(
        default=240,
        ge=0,
        description="Longest reason an anonymous source is given, in characters after the "
        "phrase that opens it ('on condition of anonymity because …').",
    )
    anonymity_reason_lookback: int = Field(
        default=60,
        ge=0,
        description="How far before an anonymity phrase a 'who' or 'speaking' may open its "
        "reason clause ('who spoke on condition of anonymity').",
    )
    interview_min_exchanges: int = Field(
        default=3,
        ge=1,
        description="Question-and-answer exchanges in a row (a short question paragraph, then "
        "answer paragraphs) that make an unlabelled text read as an interview.",
    )
    interview_question_words: int = Field(
        default=40,
        ge=0,
        description="Most words of a question paragraph of an unlabelled interview (one short "
        "question; its sentences at most two).",
    )
    interview_max_answer_paragraphs: int = Field(
        default=3,
        ge=1,
        description="Paragraphs an interview answer may run over before the next question.",
    )
    # ------------------------------------------------------------------ a source's shapes
    attribution_relative_words: int = Field(
        default=8,
        ge=0,
        description="Most words from a 'who' to the name its clause ends with for the people "
        "it describes to speak ('Executives who have worked with Lachlan Murdoch say').",
    )
    attribution_participle_words: int = Field(
        default=7,
        ge=0,
        description="Most words of a participle phrase between a source and its verb, the "
        "participle included ('A poll published on Sunday showed').",
    )
    attribution_aside_words: int = Field(
        default=3,
        ge=0,
        description="Most words of an aside in commas between a source and its verb "
        "('Officials, for their part, say').",
    )
    attribution_relative_clause_words: int = Field(
        default=15,
        ge=0,
        description="Most words of a relative clause between a source and its verb ('a White "
        "House official who spoke anonymously to discuss the talks said').",
    )
    attribution_placing_words: int = Field(
        default=8,
        ge=0,
        description="Most words of a phrase placing a source that opens the sentence, between "
        "it and its verb ('Former senior officials in both parties say').",
    )
    attribution_appositive_words: int = Field(
        default=30,
        ge=0,
        description="Most words between a quote and its verb read as a source and its "
        "description in commas ('\u201c\u2026,\u201d Scott Pruitt, the attorney general of "
        "Oklahoma, said').",
    )
    attribution_role_words: int = Field(
        default=6,
        ge=0,
        description="Most words of a description before a name in commas ('Labour's shadow "
        "chancellor, Tom Hughes, said').",
    )
    attribution_appositive_name_words: int = Field(
        default=4,
        ge=0,
        description="Most words of a name in commas after an inverted verb and a role ('said "
        "the minister, Angela Frost').",
    )
    attribution_unknown_noun_words: int = Field(
        default=3,
        ge=0,
        description="Most lower-case words after an article, after an inverted verb and "
        "before a comma or full stop, read as an unnamed speaker even when no lexicon knows the "
        "noun ('said the retired schoolteacher.').",
    )
    attribution_lead_words: int = Field(
        default=4,
        ge=0,
        description="Most words from the article of a description to the name it describes, "
        "for the source to start at the article ('\u201c\u2026,\u201d a visibly shaken Lopez "
        "said').",
    )
    attribution_term_words: int = Field(
        default=3,
        ge=0,
        description="Most words of a quoted term in running text before a verb that bounds "
        "no source phrase (\"One MP, from a 'Red Wall' seat, told\").",
    )
    attribution_document_reach: int = Field(
        default=80,
        ge=0,
        description="Characters before 'found' or 'showed' read for a document noun ('Data "
        "from the Office for National Statistics showed'); with none and no 'that' after the "
        "verb, it reports nothing.",
    )
    attribution_opener_words: int = Field(
        default=20,
        ge=0,
        description="How many words from a clause's start the comma ending a fronted phrase "
        "may stand, for the subject after it to be the source ('At Sunday night's debate, "
        "Sanders said').",
    )
    attribution_colon_clause_words: int = Field(
        default=30,
        ge=0,
        description="Most words of a clause ending in a colon before a quote whose subject "
        "speaks it ('She added: \u201c\u2026\u201d').",
    )
    attribution_signature_words: int = Field(
        default=8,
        ge=0,
        description="Most words of a name after a dash that signs a quote ('\u2015 Sonya "
        "Herridge').",
    )
    attribution_signature_chars: int = Field(
        default=160,
        ge=0,
        description="Characters read after such a dash for the signing name: a bounded look "
        "keeps the reading linear.",
    )
    attribution_intro_words: int = Field(
        default=40,
        ge=0,
        description="Most words of the clause before a quote introduced by a comma whose "
        "subject speaks it ('Mrs. Clinton cracked, \u201c\u2026\u201d').",
    )
    attribution_intro_chars: int = Field(
        default=400,
        ge=0,
        description="Most characters of that clause, and how far into a sentence 'issued this "
        "statement' may stand to hand the next paragraph's quote to its subject.",
    )
    # ------------------------------------------------------------------ claims (claims/classify.py)
    editorial_threshold: float = Field(
        default=1.0,
        gt=0.0,
        description="Summed weight of the writer's own framing signals that makes a sentence "
        "editorial (the genre thresholds below replace it for unsourced sentences of some genres).",
    )
    figure_bonus: float = Field(
        default=0.5,
        ge=0.0,
        description="Extra weight the framing must reach when the writer's text states a "
        "specific figure or a date ('on Tuesday', 'in July'), unless one signal alone weighs "
        "editorial_threshold: figures and dates mark reporting.",
    )
    paraphrase_factor: float = Field(
        default=0.5,
        ge=0.0,
        description="Share of a signal's weight that counts when it sits in a credited "
        "paraphrase (indirect speech, not a quote): the source's claim in the writer's words.",
    )
    min_unsourced_words: int = Field(
        default=3,
        ge=1,
        description="Fewest words a stretch of the writer's own text needs to be an unsourced "
        "part of a claim ('on Wednesday' left after a cue is none).",
    )
    no_comment_max_chars: int = Field(
        default=300,
        ge=0,
        description="Longest sentence read as a note that a request for comment got no answer "
        "('A Pentagon spokesman declined to comment.', lexicons/no_comment.txt): such a note "
        "is no claim to check and gets no unattributed_claim flag; 0 turns the reading off.",
    )
    no_comment_asked_words: int = Field(
        default=12,
        ge=0,
        description="Most words before the no-comment phrase, naming who was asked ('A "
        "spokesman for the Pentagon'); more, and the sentence says something else too.",
    )
    # ------------------------------------------------------------------ framing (claims/framing.py)
    presupposition_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Factor on the weight of an entry of lexicons/presupposition.txt "
        "('so-called', 'the fact that'); each entry's own weight is its second column, default 1.",
    )
    evaluative_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Factor on the weight of an evaluative term (lexicons/evaluative.txt, "
        "subjective.txt, valence.txt, and the -ly adverbs of their adjectives).",
    )
    intent_weight: float = Field(
        default=0.5,
        ge=0.0,
        description="Factor on the weight of a claim about intent (lexicons/intent.txt): "
        "weaker evidence than a loaded term, so one alone is not editorial.",
    )
    speculation_weight: float = Field(
        default=0.5,
        ge=0.0,
        description="Factor on the weight of speculation (lexicons/speculation.txt).",
    )
    intensifier_weight: float = Field(
        default=0.5,
        ge=0.0,
        description="Factor on the weight of an intensifier (lexicons/intensifiers.txt).",
    )
    voice_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Factor on the weight of the writer's own voice (lexicons/voice.txt: I, "
        "we, you, should, outside quotes).",
    )
    imputation_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Factor on the weight of a view imputed to unnamed others "
        "(lexicons/imputation.txt: 'critics say', 'many believe').",
    )
    scare_quote_weight: float = Field(
        default=0.5,
        ge=0.0,
        description="Weight of a term in scare quotes: distance, but also how titles and "
        "slogans are written (see scare_distance_weight for the writer's own distance).",
    )
    scare_max_words: int = Field(
        default=6,
        ge=1,
        description="A speakerless quote of more words than this (or of three or more with a "
        "verb or a pronoun) reads like speech, not a term in scare quotes.",
    )
    # ------------------------------------------------------------------ genre (claims/genre.py)
    genre_min_sentences: int = Field(
        default=4,
        ge=1,
        description="Fewest body sentences from which a genre is read; a shorter text (a "
        "sentence classified alone) is 'unknown' unless a section label or the caller says.",
    )
    genre_min_confidence: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="A read genre below this confidence changes no label and no severity.",
    )
    genre_voice_density: float = Field(
        default=0.25,
        ge=0.0,
        description="Share of body sentences in the writer's own voice (I, we, you, should, "
        "must; outside quotes) at which a text reads as opinion.",
    )
    genre_evaluative_density: float = Field(
        default=0.35,
        ge=0.0,
        description="Share of body sentences with the writer's own framing signals at which "
        "an unsourced text reads as opinion (or as analysis when half its sentences are sourced).",
    )
    genre_sourced_share: float = Field(
        default=0.3,
        ge=0.0,
        le=1.0,
        description="Share of body sentences credited to a source at which a text reads as news.",
    )
    genre_qa_turns: int = Field(
        default=3,
        ge=1,
        description="Question-then-answer paragraph pairs (or 'Q:'/'A:' turns) that make a "
        "transcript.",
    )
    genre_label_paragraphs: int = Field(
        default=3,
        ge=0,
        description="How many paragraphs from the top a section label ('Opinion', 'Review') "
        "may stand in and still name the genre.",
    )
    genre_top_paragraphs: int = Field(
        default=5,
        ge=0,
        description="How many paragraphs from the top a genre's furniture (a wire tag, 'issued "
        "this statement', a byline's 'Letter to the editor') is looked for in.",
    )
    genre_label_words: int = Field(
        default=5,
        ge=0,
        description="Most words of a paragraph that is a section label alone ('Opinion', "
        "'Letters to the editor'); a longer paragraph may still open with one ('Opinion: …').",
    )
    genre_rating_line_chars: int = Field(
        default=80,
        ge=0,
        description="Longest paragraph, in characters, whose stars read as a review's rating "
        "('Rating: 3/5', 'The Long Tide (M) \u2605\u2605\u2605\u2605').",
    )
    genre_label_confidence: float = Field(
        default=0.9,
        ge=0.0,
        le=1.0,
        description="Confidence of a genre read from a section label ('Opinion', 'Review').",
    )
    genre_marker_confidence: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Confidence of a genre read from one block of its furniture (a star "
        "rating, a wire tag, 'issued this statement'); each further block adds genre_marker_step.",
    )
    genre_marker_step: float = Field(
        default=0.1,
        ge=0.0,
        le=1.0,
        description="Confidence each further block of a genre's furniture adds.",
    )
    genre_profile_confidence: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Confidence of a genre read from densities alone, at the least.",
    )
    genre_max_read_confidence: float = Field(
        default=0.9,
        ge=0.0,
        le=1.0,
        description="Highest confidence of a genre read from furniture or densities: only a "
        "section label or the caller are surer.",
    )
    # ------------------------------------------------------------------ flags (flags.py)
    anonymous_flag_reach: int = Field(
        default=400,
        ge=0,
        description="An anonymous_source flag sits on the source's first mention at most this "
        "many characters before the credited content (or after it); else on the cue.",
    )
    # ------------------------------------------------------------------ labels by genre
    opinion_editorial_threshold: float = Field(
        default=0.0,
        ge=0.0,
        description="Summed weight of the writer's own framing that makes an unsourced "
        "sentence editorial in an opinion piece or a letter (0: every unsourced assertion "
        "without a figure is the writer's argument); elsewhere the threshold is 1.0.",
    )
    review_editorial_threshold: float = Field(
        default=0.5,
        ge=0.0,
        description="The same threshold in a review, where plot and credits are plain fact.",
    )
    news_literal_factor: float = Field(
        default=0.0,
        ge=0.0,
        description="Share of its weight that a word of lexicons/news_literal.txt (factual "
        "vocabulary that carries sentiment: injured, charged, crisis) keeps in a news report.",
    )
    audience_voice_factor: float = Field(
        default=0.0,
        ge=0.0,
        description="Share of its weight that 'we', 'our', 'you' keep in a press release (the "
        "issuer speaks), a transcript (the speaker) or a review (the audience).",
    )
    neighbour_weight: float = Field(
        default=0.5,
        ge=0.0,
        description="Least framing weight that makes a sentence editorial when the sentences "
        "on both sides in its paragraph are editorial on their own signals.",
    )
    scare_distance_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Weight of a lower-case term in scare quotes after a determiner or "
        "possessive ('its \"reform\"'): the writer's own distance, not a title or a slogan "
        "(other scare quotes weigh claims.framing.SCARE_QUOTE_WEIGHT, 0.5).",
    )
    rhetorical_question_weight: float = Field(
        default=1.0,
        ge=0.0,
        description="Weight of a question the writer asks with a rhetorical marker "
        "(lexicons/rhetorical.txt: 'anyone', 'really', 'why on earth'); a bare question "
        "in an opinion piece weighs half as much.",
    )
    emphasis_factor: float = Field(
        default=3.0,
        ge=1.0,
        description="Factor on the weight of a weak intensifier (an entry of "
        "lexicons/intensifiers.txt weighing under 1: 'even', 'only', 'never', 'once again') in "
        "the writer's words when the same sentence holds an evaluative term of the writer's: "
        "it presses that judgment ('they never came up with a plan, only excuses'). Not "
        "applied in a text read as news, however unsure the reading, where those words mostly "
        "state facts; 1 leaves it as it is.",
    )


DEFAULT_CONFIG = AnalyzerConfig()


def given_config(config: object) -> AnalyzerConfig:
    """``config`` if it is an AnalyzerConfig, the defaults for ``None``; else InputTypeError."""
    if config is None:
        return DEFAULT_CONFIG
    if isinstance(config, AnalyzerConfig):
        return config
    msg = (
        f"config must be an AnalyzerConfig or None, got {type(config).__name__}: "
        f"build one, e.g. AnalyzerConfig(max_chars=100_000)"
    )
    raise InputTypeError(msg, got=type(config))
