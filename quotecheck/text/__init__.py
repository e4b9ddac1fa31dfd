"""The front of the pipeline: the text's structure, its quote marks and its attribution cues.

Takes the caller's original string and returns plain results that index it exactly:
:mod:`~quotecheck.text.segment` splits it into paragraphs and sentences with their roles,
:mod:`~quotecheck.text.quotes` pairs quote marks into quotes (and reports unbalanced ones), and
:mod:`~quotecheck.text.cues` finds the words and shapes that introduce speech ("said", "according
to", a name and a colon). :mod:`~quotecheck.text.formatchars` gives the view the stages decide
on, in which invisible format characters (a byte-order mark, bidi marks) are spaces, and cuts
Spans from the original again. Nothing here decides who a source is. May import: ``models``,
``config``, ``offsets``, ``kinds``, ``assemble``, ``lexicons``, ``errors``.
"""
