"""From a raw input to a cleaned, dated Document (the clean stage of the pipeline)."""

from __future__ import annotations

from claimledger.clean.decode import decode
from claimledger.ingest import RawInput
from claimledger.model import Document, Published
from claimledger.settings import Settings


def clean_document(raw: RawInput, doc_id: str, settings: Settings) -> Document:
    """Decode, strip boilerplate and date one raw input. Raises InputError on unusable input."""
    text = decode(raw.data, declared=raw.encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > settings.max_text_chars:
        text = text[: settings.max_text_chars]
    return Document(
        id=doc_id,
        source=raw.source,
        external_id=raw.meta.external_id,
        title=raw.meta.title,
        publisher=raw.meta.publisher,
        author=raw.meta.author,
        published=Published(),
        text=text.strip(),
    )
