"""Clean: raw bytes -> decoded text -> article text without site chrome, with its date.

``clean_document(raw, doc_id, settings)`` returns a :class:`~claimledger.model.Document` whose
``text`` is the cleaned text every later offset points into.

    decode.py    bytes -> str (BOMs, UTF-16, mixed UTF-8/Windows-1252, binary refused, bounded)
    html.py      HTML -> article text and page metadata (trafilatura), figure captions
    lines.py     plain-text and Markdown lines as raw spans (the offset map starts here)
    rules.py     the named line rules (chrome, captions, credits, bylines, timestamps, posts)
    text.py      the line-classification cascade: drop, set aside, fold, assemble
    dates.py     the document date: metadata, else text evidence, else none
    dedup.py     near-duplicate detection (MinHash LSH + Jaccard), used by the pipeline
    document.py  clean_document: the stages above in order
"""

from __future__ import annotations

from claimledger.clean.document import clean_document

__all__ = ["clean_document"]
