"""Doors to the tools users already work in: spaCy pipelines and scraped web pages.

``spacy_component`` registers the ``"quotecheck"`` pipeline component (extra ``spacy``): it
takes a spaCy ``Doc``, runs :func:`quotecheck.analyze` on its text and returns the doc with the
quotes, sources, attributions and claims as token-aligned spans. ``webpage`` takes an HTML page
(extra ``html``), extracts the article text and its metadata with trafilatura and returns the
``Analysis`` of that text. Each imports its third-party library only when it is used, so the
package works without the extras; both may import :mod:`quotecheck.pipeline` and the shared
modules, and nothing in the pipeline imports them.
"""
