"""Entity types on MEANTIME (English, Wikinews): span-exact, typed P/R/F1 on proper-name mentions.

Protocol (the dataset README's NER suggestion, made precise here): gold mentions are ENTITY_MENTIONs
with ``syntactic_type`` NAM or PRE.NAM whose entity (through REFERS_TO) is PER, ORG or LOC. Our
labels map PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; other labels are not scored. A
prediction that exactly covers a gold PRO/FIN/MIX mention (no spaCy equivalent) is neither right
nor wrong. The document text is the gold tokens joined by spaces, sentences by newlines, so
offsets map back to tokens exactly. The same run scores spaCy's raw entities as the baseline.

Only the fully annotated part of each article is scored: MEANTIME types every mention of the title,
the date line and the first sentences of the body (sentence numbers 0-5); after that it marks only
event participants, with no syntactic type, so a correct name there could only count as a false
positive. Predictions that start after the last sentence holding a typed mention (at least sentence
5) are left out; the "whole text" rows keep the old count for comparison. Rules are written looking
only at errors of the even-numbered articles (reading order); the odd half is their held-out check.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require

SCORED = ("PER", "ORG", "LOC")
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
NAME_TYPES = frozenset({"NAM", "PRE.NAM"})
FULLY_ANNOTATED_SENTENCES = 6  # sentence numbers 0-5: title, date line, first sentences of the body
FAST_DOCUMENTS = 24


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, PER/ORG/LOC/PRO/FIN/MIX)
    annotated_end: int | None = None  # where the fully annotated part ends (None: the whole text)


def read_document(path: Path) -> GoldDocument:
    """One MEANTIME file: rebuilt text and its proper-name entity mentions with types."""
    root = ET.parse(path).getroot()  # noqa: S314 - local evaluation file
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    sentence_end: dict[int, int] = {}
    position, sentence = 0, None
    for token in root.iter("token"):
        if pieces:
            gap = "\n" if token.get("sentence") != sentence else " "
            pieces.append(gap)
            position += 1
        sentence = token.get("sentence")
        word = token.text or ""
        t_id, number = token.get("t_id", ""), int(sentence or 0)
        offsets[t_id] = (position, position + len(word))
        sentence_of[t_id] = number
        pieces.append(word)
        position += len(word)
        sentence_end[number] = position
    text = "".join(pieces)
    markables = root.find("Markables")
    types: dict[str, str] = {}
    mention_tokens: dict[str, tuple[list[str], str]] = {}
    last_typed = FULLY_ANNOTATED_SENTENCES - 1
    if markables is not None:
        for node in markables:
            if node.tag == "ENTITY":
                types[node.get("m_id", "")] = node.get("ent_type", "")
            elif node.tag == "ENTITY_MENTION":
                anchors = [a.get("t_id", "") for a in node.iter("token_anchor")]
                mention_tokens[node.get("m_id", "")] = (anchors, node.get("syntactic_type", ""))
                if node.get("syntactic_type") is not None:
                    last_typed = max([last_typed, *(sentence_of.get(a, -1) for a in anchors)])
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for relation in relations.iter("REFERS_TO"):
            target = relation.find("target")
            if target is None:
                continue
            for source in relation.iter("source"):
                refers[source.get("m_id", "")] = target.get("m_id", "")
    mentions: list[tuple[int, int, str]] = []
    for m_id, (anchors, syntactic) in mention_tokens.items():
        kind = types.get(refers.get(m_id, ""), "")
        spans = [offsets[a] for a in anchors if a in offsets]
        if syntactic not in NAME_TYPES or not kind or not spans:
            continue
        mentions.append((min(s for s, _ in spans), max(e for _, e in spans), kind))
    annotated_end = max((end for number, end in sentence_end.items() if number <= last_typed), default=0)
    return GoldDocument(path.stem, text, tuple(sorted(set(mentions))), annotated_end)


def read_corpus(folder: Path) -> Iterator[GoldDocument]:
    for path in sorted(folder.rglob("*.xml")):
        yield read_document(path)


@dataclass(slots=True)
class Tally:
    """True positives, predictions and gold counts per type."""

    tp: Counter[str]
    pred: Counter[str]
    gold: Counter[str]

    def add(
        self, gold: Iterable[tuple[int, int, str]], predicted: Iterable[tuple[int, int, str]],
        until: int | None = None,
    ) -> None:
        """Count one document; predictions starting at or after ``until`` are not scored."""
        gold = list(gold)
        if until is not None:
            predicted = [p for p in predicted if p[0] < until]
        ignored = {(s, e) for s, e, kind in gold if kind not in SCORED}
        scored = {(s, e, kind) for s, e, kind in gold if kind in SCORED}
        for _s, _e, kind in scored:
            self.gold[kind] += 1
        for s, e, kind in set(predicted):
            if (s, e) in ignored and (s, e, kind) not in scored:
                continue
            self.pred[kind] += 1
            if (s, e, kind) in scored:
                self.tp[kind] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        kinds = [kind] if kind else list(SCORED)
        tp = sum(self.tp[k] for k in kinds)
        pred = sum(self.pred[k] for k in kinds)
        gold = sum(self.gold[k] for k in kinds)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _mapped(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [(s, e, LABEL_MAP[label]) for s, e, label in spans if label in LABEL_MAP]


def _without_the(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans with a leading "the " left out (the relaxed match: "the United States" = "United States")."""
    out = []
    for s, e, kind in spans:
        skip = 4 if text[s:s + 4].lower() == "the " and e > s + 4 else 0
        out.append((s + skip, e, kind))
    return out


def _new() -> Tally:
    return Tally(Counter(), Counter(), Counter())


@dataclass(slots=True)
class Timing:
    """Seconds spent parsing with spaCy and extracting entities and places, in the same run."""

    parse: float = 0.0
    extract: float = 0.0


def tally(documents: list[GoldDocument], nlp: Any, timing: Timing | None = None) -> dict[str, Tally]:
    """Tallies over the documents: ours and spaCy raw, strict and relaxed ("the" ignored), on the
    fully annotated part ("ours", "raw relaxed", ...), on each half of the articles ("ours even",
    "raw relaxed odd", ...) and on the whole text ("ours whole", ...)."""
    from claimledger.extract.entities import entities
    from claimledger.extract.places import places
    from claimledger.values.places import gazetteer

    gazetteer()  # built once per process; not part of the per-document time
    timing = timing if timing is not None else Timing()
    from claimledger.model import Document

    out: dict[str, Tally] = {}
    started = time.perf_counter()
    parsed_docs = list(nlp.pipe([d.text for d in documents], batch_size=16))
    timing.parse += time.perf_counter() - started
    for number, (gold, parsed) in enumerate(zip(documents, parsed_docs, strict=True)):
        doc = Document(id=gold.name, source="meantime", text=gold.text)
        started = time.perf_counter()
        found = list(entities(doc, parsed))
        list(places(doc, parsed, found))
        timing.extract += time.perf_counter() - started
        systems = {
            "ours": _mapped((e.start, e.end, e.label) for e in found),
            "raw": _mapped((e.start_char, e.end_char, e.label_) for e in parsed.ents),
        }
        half = "odd" if number % 2 else "even"
        for system, predicted in systems.items():
            for mode, gold_spans, spans in (
                ("", gold.mentions, predicted),
                (" relaxed", _without_the(gold.text, gold.mentions), _without_the(gold.text, predicted)),
            ):
                for scope, until in (("", gold.annotated_end), (f" {half}", gold.annotated_end),
                                     (" whole", None)):
                    out.setdefault(system + mode + scope, _new()).add(gold_spans, spans, until)
    return out


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """Typed span F1 of our entities and of raw spaCy on MEANTIME proper names."""
    from claimledger.extract import nlp as loader

    folder = require(datasets, "meantime-en") / "intra_cross-doc_annotation"
    documents = list(read_corpus(folder))
    if fast:
        documents = documents[::max(1, len(documents) // FAST_DOCUMENTS)][:FAST_DOCUMENTS]
    timing = Timing()
    tallies = tally(documents, loader.load(), timing)
    by = "spaCy sm raw (same run)"
    scores: list[Score] = []
    for mode in ("", " relaxed"):
        ours, raw = tallies["ours" + mode], tallies["raw" + mode]
        note = "NAM/PRE.NAM mentions, exact span + type" + ("; leading 'the' ignored" if mode else "")
        note += "; fully annotated sentences only"
        for kind in (None, *SCORED):
            name = (kind or "PER+ORG+LOC") + mode
            p, r, f = ours.prf(kind)
            n = sum(ours.gold.values()) if kind is None else ours.gold[kind]
            if kind is None:
                scores.append(Score("entities", "MEANTIME", f"precision {name}", p, raw.prf()[0], by, note, n))
                scores.append(Score("entities", "MEANTIME", f"recall {name}", r, raw.prf()[1], by, note, n))
            scores.append(Score("entities", "MEANTIME", f"F1 {name}", f, raw.prf(kind)[2], by, note, n))
    for scope, dataset, note in (
        (" even", "MEANTIME (even half)", "rules tuned on the even half's errors; the odd half is held out"),
        (" odd", "MEANTIME (odd half)", "rules tuned on the even half's errors; the odd half is held out"),
        (" whole", "MEANTIME (whole text)", "predictions after the annotated sentences count as wrong"),
    ):
        for mode in ("", " relaxed"):
            ours, raw = tallies["ours" + mode + scope], tallies["raw" + mode + scope]
            n = sum(ours.gold.values())
            scores.append(Score("entities", dataset, f"F1 PER+ORG+LOC{mode}", ours.prf()[2], raw.prf()[2], by,
                                note, n))
    ratio = timing.extract / timing.parse if timing.parse else None
    scores.append(Score(
        "entities", "MEANTIME", "time entities+places / spaCy parse", ratio, None, None,
        "ratio of seconds in the same process (gazetteer built beforehand)", len(documents),
    ))
    return scores
