"""One claim per sentence: how it is sourced, and the framing signals it carries.

Takes the text, its paragraphs and the ``Sourcing`` records of :mod:`quotecheck.attribution` and
returns one claim per sentence (:mod:`~classify`; a ``ClaimRecord`` of :mod:`~records`, the
public ``Claim`` built from it at the end of the pipeline): quoted, attributed,
anonymous, vague, unattributed or editorial, each with its reasons. ``parts`` splits a sentence
into the stretches its attributions cover, ``framing`` finds evaluative and loaded language
(word weights in ``signaltables``), ``checkable`` marks the figures and facts a checker could
test. May import :mod:`quotecheck.attribution`'s public results and the shared modules.
"""
