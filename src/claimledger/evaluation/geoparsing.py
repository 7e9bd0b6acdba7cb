"""Toponym resolution on LGL and GeoVirus (Gritta et al. 2018 protocol), and LGL geotagging.

Resolution uses the gold toponym spans ("oracle NER", so the score does not depend on our entity
recognition): for every gold toponym with coordinates, the great-circle error between our entry
and the gold point. A toponym we cannot resolve counts as the largest possible error (20,039 km).
Reported: accuracy within 161 km, mean error, and the AUC of the sorted log-error curve
(lower is better). The same run also scores a population-only baseline with our gazetteer, and
the resolver on the even- and odd-numbered articles apart (the odd half is the held-out check).
Recognition (LGL, if asked and not ``fast``) compares the spans our ``places`` extractor yields
with the gold spans: precision, recall and F1, a match being any overlap.
"""

from __future__ import annotations

import gzip
import itertools
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.extract.places import Span, place_mentions
from claimledger.values.places import (
    MAX_ERROR_KM,
    Gazetteer,
    GazetteerEntry,
    PlaceMention,
    distance_km,
    gazetteer,
    resolve_mentions,
)

ACCURACY_KM = 161.0
FAST_ARTICLES = 60

PUBLISHED = {  # Gritta, Pilehvar, Collier, ACL 2018, Table 1
    ("LGL", "camcoder"): {"acc": 0.76, "auc": 0.22, "mean": 700.0},
    ("LGL", "population"): {"acc": 0.70, "auc": 0.27, "mean": 1200.0},
    ("GeoVirus", "camcoder"): {"acc": 0.82, "auc": 0.31, "mean": 300.0},
    ("GeoVirus", "population"): {"acc": 0.80, "auc": 0.32, "mean": 500.0},
}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold toponym: its span, surface text and gold coordinates."""

    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    toponyms: tuple[Toponym, ...]


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def read_lgl(path: Path) -> Iterator[Article]:
    """Articles of ``lgl.xml.gz`` (or TR-News, same format) with their geotagged toponyms."""
    with gzip.open(path) as handle:
        root = ET.parse(handle).getroot()  # noqa: S314 - local evaluation file
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms: list[Toponym] = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            lat = _float(tag.find("lat")) if tag is not None else None
            lon = _float(tag.find("lon")) if tag is not None else None
            start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
            if lat is None or lon is None or not 0 <= start < end <= len(text):
                continue
            toponyms.append(Toponym(start, end, text[start:end], lat, lon))
        yield Article(text, tuple(toponyms))


def read_geovirus(path: Path) -> Iterator[Article]:
    """Articles of ``GeoVirus.xml.gz`` with their located toponyms."""
    with gzip.open(path) as handle:
        root = ET.parse(handle).getroot()  # noqa: S314 - local evaluation file
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms: list[Toponym] = []
        for node in article.iter("location"):
            lat, lon = _float(node.find("lat")), _float(node.find("lon"))
            start, end = _align(
                text, int(node.findtext("start") or 0), int(node.findtext("end") or 0),
                node.findtext("name") or "",
            )
            if lat is None or lon is None or not 0 <= start < end <= len(text):
                continue
            toponyms.append(Toponym(start, end, text[start:end], lat, lon))
        yield Article(text, tuple(toponyms))


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """GeoVirus offsets are one-based: the span where the name really is, nearest the given one."""
    if not name or text[start:end] == name:
        return start, end
    best: int | None = None
    for candidate in (start - 1, start + 1):
        if text[candidate:candidate + len(name)] == name:
            return candidate, candidate + len(name)
    found = text.find(name, max(0, start - 40))
    while 0 <= found <= start + 40:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(name, found + 1)
    return (best, best + len(name)) if best is not None else (start, end)


def auc(errors: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to 0..1 (Gritta et al. 2018).

    Each error (km) becomes ln(error + 1) / ln(MAX_ERROR_KM + 1); the sorted values are
    integrated with the trapezoid rule over evenly spaced points from 0 to 1. 0 is perfect.
    """
    if not errors:
        return math.nan
    values = sorted(math.log(e + 1) / math.log(MAX_ERROR_KM + 1) for e in errors)
    if len(values) == 1:
        return values[0]
    step = 1 / (len(values) - 1)
    return sum((a + b) / 2 * step for a, b in itertools.pairwise(values))


def accuracy(errors: Sequence[float], km: float = ACCURACY_KM) -> float:
    return sum(e <= km for e in errors) / len(errors) if errors else math.nan


def population_only(mentions: Sequence[PlaceMention], gaz: Gazetteer) -> list[GazetteerEntry | None]:
    """Baseline: the most populous entry of each name, no context."""
    out: list[GazetteerEntry | None] = []
    for mention in mentions:
        found = gaz.candidates(mention.text)
        out.append(max(found, key=lambda c: c.entry.population).entry if found else None)
    return out


def errors_for(articles: Sequence[Article], *, baseline: bool = False) -> list[float]:
    """Error in km of every gold toponym, resolving each article's gold spans together."""
    gaz = gazetteer()
    errors: list[float] = []
    for article in articles:
        spans = [Span(t.start, t.end, "GPE") for t in article.toponyms]
        mentions = [m for _, m in place_mentions(article.text, spans)]
        entries = population_only(mentions, gaz) if baseline else resolve_mentions(mentions, gaz)
        for toponym, entry in zip(article.toponyms, entries, strict=True):
            if entry is None:
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(distance_km(entry.lat, entry.lon, toponym.lat, toponym.lon))
    return errors


def _halves(dataset: str, articles: Sequence[Article]) -> list[Score]:
    """Resolver scores of the even- and odd-numbered articles (in reading order): rules are written
    looking only at errors of the even half, so the odd half is their held-out check."""
    out: list[Score] = []
    for half, start in (("even", 0), ("odd", 1)):
        errors = errors_for(articles[start::2])
        name = f"{dataset} ({half} half)"
        note = "rules tuned on the even half's errors; the odd half is held out"
        out += [
            Score("places", name, "Acc@161km", accuracy(errors), note=note, n=len(errors)),
            Score("places", name, "AUC (lower better)", auc(errors), n=len(errors)),
        ]
    return out


def _scores(dataset: str, articles: Sequence[Article]) -> list[Score]:
    out: list[Score] = []
    for system, name in (("resolver", "camcoder"), ("population", "population")):
        errors = errors_for(articles, baseline=system == "population")
        ref = PUBLISHED[(dataset, name)]
        by = "CamCoder (Gritta 2018)" if name == "camcoder" else "population baseline (Gritta 2018)"
        label = "" if system == "resolver" else " [population-only]"
        note = "gold spans; unresolved = 20039 km"
        out += [
            Score("places", dataset, f"Acc@161km{label}", accuracy(errors), ref["acc"], by, note, len(errors)),
            Score("places", dataset, f"AUC (lower better){label}", auc(errors), ref["auc"], by, note,
                  len(errors)),
            Score("places", dataset, f"mean error km{label}", sum(errors) / len(errors) if errors else None,
                  ref["mean"], by, note, len(errors)),
        ]
    return out


def recognition(articles: Sequence[Article]) -> tuple[float, float, float, int]:
    """Overlap precision, recall and F1 of our place spans (GPE/LOC entities and country
    demonyms, as ``places`` yields them) against gold toponyms."""
    from claimledger.extract import nlp as loader
    from claimledger.extract.entities import entities
    from claimledger.extract.places import places
    from claimledger.model import Document

    nlp = loader.load()
    tp_pred = n_pred = tp_gold = n_gold = 0
    texts = [a.text for a in articles]
    for i, (article, parsed) in enumerate(zip(articles, nlp.pipe(texts, batch_size=16), strict=True)):
        doc = Document(id=f"lgl{i}", source="lgl", text=article.text)
        found = list(entities(doc, parsed))
        predicted = [(p.start, p.end) for p in places(doc, parsed, found)]
        gold = [(t.start, t.end) for t in article.toponyms]
        n_pred += len(predicted)
        n_gold += len(gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in predicted)
        tp_gold += sum(any(s < ge and gs < e for s, e in predicted) for gs, ge in gold)
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_gold


def measure(datasets: Path, *, fast: bool = False, recognise: bool = True) -> list[Score]:
    """LGL and GeoVirus resolution scores (and LGL recognition unless ``fast``)."""
    folder = require(datasets, "geoparsing")
    scores: list[Score] = []
    lgl = list(read_lgl(folder / "lgl.xml.gz"))
    geovirus = list(read_geovirus(folder / "GeoVirus.xml.gz"))
    if fast:
        lgl, geovirus = lgl[:FAST_ARTICLES], geovirus[:FAST_ARTICLES]
    scores += _scores("LGL", lgl)
    scores += _scores("GeoVirus", geovirus)
    scores += _halves("LGL", lgl) + _halves("GeoVirus", geovirus)
    if recognise and not fast:
        precision, recall, f1, n = recognition(lgl)
        note = "our place spans vs gold toponyms, overlap match"
        scores += [
            Score("places", "LGL", "geotagging precision", precision, None, None, note, n),
            Score("places", "LGL", "geotagging recall", recall, None, None, note, n),
            Score("places", "LGL", "geotagging F1", f1, None, None, note, n),
        ]
    return scores
