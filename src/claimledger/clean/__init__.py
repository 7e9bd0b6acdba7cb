"""Clean: raw bytes -> decoded text -> article text without site chrome, with its date.

``clean_document(raw, doc_id, settings)`` returns a :class:`~claimledger.model.Document` whose
``text`` is the cleaned text every later offset points into.
"""

from __future__ import annotations

from claimledger.clean.document import clean_document

__all__ = ["clean_document"]
