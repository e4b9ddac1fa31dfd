"""Who said what: sources, their mentions, and the attributions that tie content to them.

Takes the text, its paragraphs, quotes and cues (from :mod:`quotecheck.text`) and returns a
``Sourcing`` of plain records (:mod:`~records`): the quotes with their speakers, one source per
distinct speaker with every mention, and the attributions (content -> source through a cue);
the passes over non-prose, transcript turns and interviews return new ones. The public
``Quote``, ``Source`` and ``Attribution`` models are built from them once, at the end of
:func:`quotecheck.analyze` (``records.sourcing_models``). Inside: ``mentions`` and
``described`` read who a noun phrase names, ``sources`` and ``coref`` merge mentions into
sources, ``linking``, ``shapes`` and ``subjects`` find the speaker of each cue shape,
``content`` and ``phrases`` find what was said. Each cue becomes a ``content.Link``, built once
by the reader of its shape and never written afterwards: a later step that revises one (filing
its source, cutting its content) builds a new one. May import the :mod:`quotecheck.text`
results and the shared modules (``models``, ``config``, ``offsets``, ``kinds``, ``assemble``,
``lexicons``, ``errors``), never ``claims`` or later rooms.
"""
