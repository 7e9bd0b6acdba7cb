"""The pipeline: one readable function per stage, numbered, with explicit fallbacks.

    1. identify   content-derived document id; a document already in the ledger is skipped
    2. clean      decode, strip boilerplate, fold posts, separate captions, date the document
    3. dedup      near-duplicates of a stored or earlier document are marked, not extracted
    4. parse      spaCy over the batch (long texts in paragraph chunks, joined back)
    5. extract    entities, places, times, quantities, quotes, claims, roles (pure functions)

A document that fails at any stage becomes a ``failed`` Document with its stage and reason;
the batch goes on.
"""

from __future__ import annotations

import dataclasses
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimledger.clean import clean_document
from claimledger.clean import dedup as near
from claimledger.errors import ClaimLedgerError
from claimledger.extract import claims, entities, places, quantities, quotes, roles, times
from claimledger.extract import nlp as nlp_loader
from claimledger.ids import content_hash, make_id
from claimledger.ingest import RawInput
from claimledger.model import Annotations, Document, Processed
from claimledger.settings import Settings

CHUNK_CHARS = 50_000
# Near-duplicate memory of one run: shingles of this many recent documents stay in memory; older
# documents are found through the ledger's stored bands (with no ledger, only these are compared).
RECENT_DOCUMENTS = 5_000


class DocumentSource(Protocol):
    """What the pipeline needs from a ledger: known documents and near-duplicate candidates."""

    def document_status(self, doc_id: str) -> str | None: ...

    def band_candidates(self, bands: Sequence[int]) -> list[str]: ...

    def document(self, doc_id: str) -> dict[str, Any] | None: ...


@dataclass(slots=True)
class Summary:
    """Counts of one run: documents ok, duplicate, failed, and unchanged (already stored)."""

    ok: int = 0
    duplicate: int = 0
    failed: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, document: Document) -> None:
        if document.status == "ok":
            self.ok += 1
        elif document.status == "duplicate":
            self.duplicate += 1
        else:
            self.failed += 1
            self.failures.append((document.source, document.error or "unknown error"))

    def line(self) -> str:
        return (
            f"{self.ok} ok, {self.duplicate} duplicate, {self.failed} failed"
            + (f", {self.unchanged} unchanged" if self.unchanged else "")
        )


def document_id(raw: RawInput) -> str:
    """Id from the source and its bytes: the same input always gets the same id."""
    return make_id("document", raw.source, content_hash(raw.data))


def failed(raw: RawInput, doc_id: str, stage: str, reason: str) -> Document:
    """A failed document: recorded with its stage and one-line reason."""
    return Document(
        id=doc_id, source=raw.source, external_id=raw.meta.external_id, title=raw.meta.title,
        status="failed", error=reason.splitlines()[0][:500] if reason else "unknown error",
        stage=stage, content_hash=content_hash(raw.data),
    )


class Pipeline:
    """Runs raw inputs through the stages; the spaCy model is loaded once, on first use."""

    def __init__(self, settings: Settings, ledger: DocumentSource | None = None) -> None:
        self.settings = settings
        self.ledger = ledger
        self._nlp: Any = None
        self._ids: set[str] = set()  # every document id of this run
        # shingles and bands of the most recent documents only (bounded memory); older ones are
        # found through the ledger's stored bands
        self._recent: OrderedDict[str, tuple[frozenset[int], tuple[int, ...]]] = OrderedDict()
        self._band_index: dict[tuple[int, int], list[str]] = {}

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = nlp_loader.load(self.settings.spacy_model)
        return self._nlp

    def run(self, raws: Iterable[RawInput], summary: Summary | None = None) -> Iterator[Processed]:
        """Process inputs batch by batch; yields every new document (ok, duplicate or failed)."""
        summary = summary if summary is not None else Summary()
        batch: list[RawInput] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch, summary)
                batch = []
        if batch:
            yield from self._run_batch(batch, summary)

    def _run_batch(self, raws: list[RawInput], summary: Summary) -> Iterator[Processed]:
        pending: list[Processed] = []
        for raw in raws:
            # 1. identify
            doc_id = document_id(raw)
            if self.ledger is not None and self.ledger.document_status(doc_id) in ("ok", "duplicate"):
                summary.unchanged += 1
                continue
            if doc_id in self._ids:
                summary.unchanged += 1
                continue
            if raw.error:
                pending.append(Processed(failed(raw, doc_id, raw.stage, raw.error)))
                continue
            # 2. clean
            try:
                document = clean_document(raw, doc_id, self.settings)
            except ClaimLedgerError as exc:
                pending.append(Processed(failed(raw, doc_id, "clean", str(exc))))
                continue
            except Exception as exc:  # noqa: BLE001 - a bad document is data, not a crash
                pending.append(Processed(failed(raw, doc_id, "clean", f"{type(exc).__name__}: {exc}")))
                continue
            document = dataclasses.replace(document, content_hash=content_hash(raw.data))
            # 3. dedup
            pending.append(self.dedup(document))
        # 4. parse, 5. extract
        to_parse = [p for p in pending if p.document.status == "ok"]
        parsed = self._parse([p.document.text for p in to_parse]) if to_parse else []
        results = {id(p): p for p in pending}
        for item, doc_parse in zip(to_parse, parsed, strict=True):
            results[id(item)] = self._extract(item, doc_parse)
        for item in pending:
            result = results[id(item)]
            summary.add(result.document)
            yield result

    def dedup(self, document: Document, bands: tuple[int, ...] | None = None) -> Processed:
        """Stage 3 alone: mark ``document`` a duplicate of a stored or earlier one, or keep it.

        ``bands`` when they were computed elsewhere (a Dask worker), to skip the MinHash here.
        """
        shingle_set = near.shingles(document.text)
        bands = near.bands(shingle_set) if bands is None else bands
        original = self._find_original(shingle_set, bands)
        self._remember(document.id, shingle_set, bands)
        if original is not None:
            document = dataclasses.replace(document, status="duplicate", duplicate_of=original)
        return Processed(document, bands=bands)

    def _remember(self, doc_id: str, shingle_set: frozenset[int], bands: tuple[int, ...]) -> None:
        """Keep a document's shingles for near-duplicate checks; forget the oldest past the cap."""
        self._ids.add(doc_id)
        self._recent[doc_id] = (shingle_set, bands)
        for band, value in enumerate(bands):
            self._band_index.setdefault((band, value), []).append(doc_id)
        while len(self._recent) > RECENT_DOCUMENTS:
            old_id, (_, old_bands) = self._recent.popitem(last=False)
            for band, value in enumerate(old_bands):
                holders = self._band_index.get((band, value), [])
                if old_id in holders:
                    holders.remove(old_id)
                if not holders:
                    self._band_index.pop((band, value), None)

    def _find_original(self, shingle_set: frozenset[int], bands: tuple[int, ...]) -> str | None:
        if not bands:
            return None
        candidates: list[str] = []
        for band, value in enumerate(bands):
            candidates.extend(self._band_index.get((band, value), []))
        if self.ledger is not None:
            candidates.extend(self.ledger.band_candidates(bands))
        best: tuple[float, str] | None = None
        for candidate in dict.fromkeys(candidates):
            other = self._candidate_shingles(candidate)
            score = near.jaccard(shingle_set, other)
            if score >= self.settings.dedup_threshold and (best is None or score > best[0]):
                best = (score, candidate)
        return best[1] if best else None

    def _candidate_shingles(self, doc_id: str) -> frozenset[int]:
        if doc_id in self._recent:
            return self._recent[doc_id][0]
        stored = self.ledger.document(doc_id) if self.ledger is not None else None
        if not stored or stored["status"] != "ok":
            return frozenset()
        return near.shingles(stored["text"])

    def _parse(self, texts: list[str]) -> list[Any]:
        """spaCy parses of the texts; long texts are parsed in chunks and joined back."""
        return parse_texts(self.nlp, texts, self.settings.batch_size, n_process=self.settings.workers)

    def _extract(self, item: Processed, parsed: Any) -> Processed:
        try:
            annotations = extract_all(item.document, parsed)
        except Exception as exc:  # noqa: BLE001 - a bad document is data, not a crash
            document = dataclasses.replace(
                item.document, status="failed", stage="extract", error=f"{type(exc).__name__}: {exc}"
            )
            return Processed(document, bands=item.bands)
        return Processed(item.document, annotations, bands=item.bands)


def parse_texts(nlp: Any, texts: list[str], batch_size: int = 32, *, n_process: int = 1) -> list[Any]:
    """Parse texts with ``nlp.pipe``; a text over CHUNK_CHARS is split at line breaks, joined back.

    ``n_process`` > 1 parses in that many forked processes (0: one per core); worth it only for
    batches of many documents, since the processes start anew for every call.
    """
    from spacy.tokens import Doc

    pieces: list[str] = []
    owners: list[int] = []
    for index, text in enumerate(texts):
        for piece in split_for_parsing(text):
            pieces.append(piece)
            owners.append(index)
    grouped: list[list[Any]] = [[] for _ in texts]
    processes, batch_size = _processes(n_process, len(pieces), batch_size)
    for owner, parsed in zip(owners, nlp.pipe(pieces, batch_size=batch_size, n_process=processes), strict=True):
        grouped[owner].append(parsed)
    out = []
    for text, docs in zip(texts, grouped, strict=True):
        joined = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        if joined.text != text:  # never hand extractors offsets that do not match the text
            joined = nlp(text[: nlp.max_length])
        out.append(joined)
    return out


def _processes(wanted: int, pieces: int, batch_size: int) -> tuple[int, int]:
    """(processes, batch size) for ``nlp.pipe``: the pieces shared evenly, one process per batch."""
    wanted = wanted if wanted > 0 else (os.cpu_count() or 1)
    processes = max(1, min(wanted, pieces))
    if processes == 1:
        return 1, batch_size
    return processes, min(batch_size, -(-pieces // processes))


def split_for_parsing(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Split a long text at line breaks into pieces of at most about ``limit`` characters."""
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            end = cut + 1 if cut != -1 else end
        pieces.append(text[start:end])
        start = end
    return pieces


def extract_all(document: Document, parsed: Any) -> Annotations:
    """Run every extractor in order; later ones see what earlier ones found."""
    found = Annotations()
    found.entities, people = entities.entities_and_people(document, parsed)
    found.places = list(places.places(document, parsed, found.entities))
    found.times = list(times.times(document, parsed))
    found.quantities = list(quantities.quantities(document, parsed, found.times, found.places))
    found.quotes, speakers = quotes.quotes_and_speakers(document, parsed, found.entities)
    found.quotes = roles.speakers_with_roles(found.quotes, people)
    found.claims = list(claims.claims(document, parsed, found))
    found.roles = roles.roles(document, people, found.quotes)
    found.entities = roles.with_roles(document, found.entities, people, speakers)
    owner = {q: c.id for c in found.claims for q in c.quantities}
    if owner:
        found.quantities = [
            dataclasses.replace(q, claim=owner[q.id]) if q.id in owner and q.claim is None else q
            for q in found.quantities
        ]
    return found
