"""``claimledger check "CLAIM TEXT"``: the corpus's evidence for and against one new claim.

1. The text goes through the same extractors as ingested documents (figures, places, dates).
2. Retrieval: full-text (any content word, BM25), embedding nearest neighbours over the stored
   claim vectors, every claim sharing one of the text's metric keys, every claim sharing a topic.
3. Each candidate is compared with the same rules as ``link`` (intervals, dates, status). An
   undated claim is read at the date of each piece of evidence; a contradicting figure that a
   later value of the same metric has replaced counts as ``outdated``, not as a contradiction.
4. Verdict: supported / refuted / conflicting evidence / not enough evidence. Nothing is
   decided by similarity alone: a close paraphrase with no figure or status to compare stays
   ``related`` and adds nothing to the verdict.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

import numpy as np

from claimledger.ids import make_id
from claimledger.link import corpus, linker, metrics, statements
from claimledger.link.corpus import ClaimView, Figure
from claimledger.link.encoder import load_encoder
from claimledger.model import Document, Published, Quantity
from claimledger.store.base import Ledger
from claimledger.values.dates import parse_date
from claimledger.values.metrics import normalize_place

RETRIEVE = 50
MIN_COSINE = 0.45
STANCE = {"agree": "supports", "duplicate": "supports", "contradict": "contradicts"}


def probe_view(text: str, figures: list[Quantity], places: dict[str, str], as_of: str | None) -> ClaimView:
    """The checked claim as a corpus claim (id ``check``), built from extracted figures.

    ``places`` maps place ids (as the figures' ``place`` give them) to place names.
    """
    view = ClaimView(id="check", doc="check", start=0, end=len(text), text=text, speaker="the checked claim",
                     when=as_of, when_basis="claim" if as_of else None)
    view.figures = [
        Figure(id=q.id, text=q.text, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
               unit=q.unit, unit_class=q.unit_class, counted=q.counted, change=q.change,
               as_of=q.as_of, place=places.get(q.place or ""))
        for q in figures
    ]
    view.places = {n for n in (normalize_place(p) for p in places.values()) if n}
    return corpus.finish(view)


def extract_probe(text: str, as_of: str | None, nlp: Any) -> ClaimView:
    """Run the extractors over the claim text and build its view."""
    from claimledger.pipeline import extract_all

    document = Document(id=make_id("document", "check", text), source="check", text=text,
                        published=Published(date=as_of, precision="day" if as_of and len(as_of) == 10 else None,
                                            basis="metadata" if as_of else "none"))
    found = extract_all(document, nlp(text))
    place_names = {p.id: p.name or p.text for p in found.places}
    return probe_view(text, found.quantities, place_names, as_of)


def check_claim(ledger: Ledger, probe: ClaimView, *, encoder: str | None = "auto") -> dict[str, Any]:
    """Evidence and verdict for the probe claim against every claim in the ledger."""
    views = corpus.load(ledger)
    keys = metrics.assign([*views, probe])
    by_id = {v.id: i for i, v in enumerate(views)}
    probe_keys = {keys[f.id + "@check"] for f in probe.figures if f.id + "@check" in keys}
    chosen: dict[int, str] = {}
    for claim in _fulltext(ledger, probe.text):
        if claim in by_id:
            chosen.setdefault(by_id[claim], "full text")
    near = _nearest(ledger, views, probe.text, encoder)
    for i in near:
        chosen.setdefault(i, "embedding")
    for i, view in enumerate(views):
        if any(keys.get(f.id + "@" + view.id) in probe_keys for f in view.figures):
            chosen.setdefault(i, "same metric")
        elif probe.topics & view.topics and view.status:
            chosen.setdefault(i, "same topic")
    latest = _latest(views, keys)
    evidence = []
    for i, found_by in chosen.items():
        view = views[i]
        reading = probe if probe.when else dataclasses.replace(probe, when=view.when, when_basis="assumed")
        decision = linker.decide(reading, view, keys)
        stance = "related"
        explanation = "Retrieved as related, but nothing structured (figure or status) decides it."
        if decision is not None:
            explanation = decision.explanation
            stance = STANCE.get(decision.relation, "related")
            if stance == "contradicts" and not probe.when and view.figures and not _is_latest(view, keys, latest):
                stance = "outdated"
                explanation += " A later value of the same metric exists, so this older one is not counted."
        elif statements.similarity(probe.words, view.words) < 0.2 and found_by != "same metric" and i not in near:
            continue  # a close paraphrase in other words ("considering withdrawing soldiers") stays related
        evidence.append({"stance": stance, "relation": decision.relation if decision else None,
                         "score": decision.score if decision else None, "found_by": found_by,
                         "explanation": explanation, **view.cite()})
    order = {"contradicts": 0, "supports": 1, "outdated": 2, "related": 3}
    evidence.sort(key=lambda e: (order[e["stance"]], -(e["score"] or 0), e["date"] or "", e["claim"]))
    supports = sum(e["stance"] == "supports" for e in evidence)
    against = sum(e["stance"] == "contradicts" for e in evidence)
    if supports and against:
        verdict = "conflicting evidence"
    elif supports:
        verdict = "supported"
    elif against:
        verdict = "refuted"
    else:
        verdict = "not enough evidence"
    return {
        "type": "check", "claim": probe.text, "as_of": probe.when, "metrics": sorted(probe_keys),
        "verdict": verdict, "supports": supports, "contradicts": against,
        "explanation": _verdict_sentence(verdict, supports, against, len(evidence)),
        "evidence": [e for e in evidence if e["stance"] != "related"][:25]
        + [e for e in evidence if e["stance"] == "related"][:10],
    }


def _verdict_sentence(verdict: str, supports: int, against: int, found: int) -> str:
    if verdict == "not enough evidence":
        return (f"{found} related claim(s) found, but none has a figure or status that decides this claim; "
                f"not enough evidence rather than a guess.")
    return f"{verdict.capitalize()}: {supports} claim(s) support it and {against} contradict it."


def _fulltext(ledger: Ledger, text: str) -> list[str]:
    content = [w for w in re.findall(r"\w+", text.lower()) if w not in statements.STOP and len(w) > 2][:24]
    if not content:
        return []
    return ledger.fts_claims(" ".join(content), limit=RETRIEVE, any_word=True)


def _nearest(ledger: Ledger, views: list[ClaimView], text: str, encoder: str | None) -> list[int]:
    if encoder is None or not views:
        return []
    chosen = load_encoder(encoder)
    rows = ledger.query("SELECT count(*) AS n FROM claim_embeddings WHERE model = ?", (chosen.name,))
    if not rows or not rows[0]["n"]:
        return []  # nothing embedded yet: 'claimledger link' stores the vectors
    vectors = linker.embeddings(ledger, views, chosen)
    query = chosen.encode([text])[0]
    scores = vectors @ query
    top = np.argsort(-scores)[:RETRIEVE]
    return [int(i) for i in top if scores[i] >= MIN_COSINE]


def _latest(views: list[ClaimView], keys: dict[str, str]) -> dict[str, str]:
    latest: dict[str, str] = {}
    for view in views:
        for figure in view.figures:
            key = keys.get(figure.id + "@" + view.id)
            if key and view.when and view.when > latest.get(key, ""):
                latest[key] = view.when
    return latest


def _is_latest(view: ClaimView, keys: dict[str, str], latest: dict[str, str]) -> bool:
    for figure in view.figures:
        key = keys.get(figure.id + "@" + view.id)
        if key and (not view.when or view.when >= latest.get(key, "")):
            return True
    return False


def as_of_option(text: str | None) -> str | None:
    """The ``--as-of`` date as an ISO prefix (None when not given or unreadable)."""
    if not text:
        return None
    value = parse_date(text)
    return value.iso if value else None


@functools.cache
def _default_nlp() -> Any:
    """The spaCy model, loaded once per process (the REST API checks many claims)."""
    from claimledger.extract import nlp as nlp_loader

    return nlp_loader.load()


def check(ledger: Ledger, text: str, *, limit: int = 20, as_of: str | None = None,
          encoder: str | None = "auto", nlp: Any = None) -> dict[str, Any]:
    """Check one claim text against the ledger (the Python API behind ``claimledger check``)."""
    if nlp is None:
        nlp = _default_nlp()
    result = check_claim(ledger, extract_probe(text, as_of_option(as_of), nlp), encoder=encoder)
    result["evidence"] = result["evidence"][:limit]
    return result
