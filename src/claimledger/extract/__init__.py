"""Extract: pure functions from a cleaned Document (and its spaCy parse) to annotations.

No I/O, no database: each extractor takes the document, the parse and what earlier stages
found, and yields frozen dataclasses whose offsets point into ``document.text``.
"""
