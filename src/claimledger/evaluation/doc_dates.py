"""Document dates inferred from text alone, against the gold document creation time (DCT).

Two news sets carry a DCT: TempEval-3 platinum (the DCT sits outside ``<TEXT>``, so the body
alone must support a date) and MEANTIME (Wikinews: title, a date line, then the body). Each
document's text goes through the clean stage as plain text with no metadata; we report
coverage (share of documents given a date), precision (given dates equal to the DCT, compared at
the precision we claimed) and accuracy over all documents. For MEANTIME a second run removes the
date line, so only datelines, captions, body dates and weekdays remain. There is no published
reference for this task on these sets; the point is that a date is never invented
(``basis: none`` is counted as no answer, not as a miss).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.values.dates import DateValue

FAST_DOCUMENTS = 20
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]'’”]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([($\[“]) ")


def date_of(text: str) -> tuple[str | None, str]:
    """(ISO prefix or None, basis) the clean stage gives a plain text with no metadata."""
    from claimledger.clean import clean_document
    from claimledger.errors import InputError
    from claimledger.ingest import RawInput
    from claimledger.settings import Settings

    try:
        document = clean_document(RawInput(source="eval", data=text.encode("utf-8"), kind="text"), "eval", Settings())
    except InputError:
        return None, "none"
    return document.published.date, document.published.basis


def agrees(predicted: str, gold: str) -> bool:
    """True when the predicted date (at its own precision) contains the gold day."""
    value, day = DateValue.from_iso(predicted), DateValue.from_iso(gold)
    return value is not None and day is not None and value.contains(day)


def tally(pairs: list[tuple[str | None, str]]) -> tuple[float, float | None, float]:
    """Coverage, precision (None when nothing was dated) and accuracy of (predicted, gold) pairs."""
    dated = [(p, g) for p, g in pairs if p is not None]
    correct = sum(agrees(p, g) for p, g in dated)
    n = max(1, len(pairs))
    return len(dated) / n, correct / len(dated) if dated else None, correct / n


def meantime_documents(folder: Path, *, drop_date_line: bool) -> list[tuple[str, str]]:
    """(text, DCT) of every MEANTIME article; sentences on their own lines."""
    out = []
    for path in sorted((folder / "intra_cross-doc_annotation").rglob("*.xml")):
        root = ET.parse(path).getroot()  # noqa: S314 - local, trusted dataset files
        dct, anchors = None, set()
        for timex in root.iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME":
                dct = timex.get("value")
                anchors = {a.get("t_id") for a in timex.iter("token_anchor")}
        if not dct:
            continue
        sentences: dict[str, list[str]] = {}
        for token in root.iter("token"):
            if drop_date_line and token.get("t_id") in anchors:
                continue
            sentences.setdefault(token.get("sentence") or "0", []).append(token.text or "")
        lines = [_detokenize(" ".join(words)) for _, words in sorted(sentences.items(), key=lambda kv: int(kv[0]))]
        out.append(("\n".join(line for line in lines if line.strip()), dct))
    return out


def _detokenize(text: str) -> str:
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    from claimledger.evaluation.tempeval import read_tml

    scores: list[Score] = []
    runs: list[tuple[str, list[tuple[str, str]]]] = []
    te3 = require(datasets, "tempeval3-platinum")
    te3_docs = []
    for path in sorted((te3 / "te3-platinum").glob("*.tml")):
        text, dct, _ = read_tml(path)
        if dct is not None:
            te3_docs.append((text, dct.isoformat()))
    runs.append(("TempEval-3 platinum (body only)", te3_docs))
    meantime = require(datasets, "meantime-en")
    runs.append(("MEANTIME (title, date line, body)", meantime_documents(meantime, drop_date_line=False)))
    runs.append(("MEANTIME (date line removed)", meantime_documents(meantime, drop_date_line=True)))
    for name, documents in runs:
        chosen = documents[:FAST_DOCUMENTS] if fast else documents
        pairs = [(date_of(text)[0], gold) for text, gold in chosen]
        coverage, precision, accuracy = tally(pairs)
        note = "no published reference; gold = document creation time"
        for metric, value in (("coverage", coverage), ("precision", precision), ("accuracy", accuracy)):
            scores.append(Score("document date", name, metric, value, None, None, note, n=len(pairs)))
    return scores
