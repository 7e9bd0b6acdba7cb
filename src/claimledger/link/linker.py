"""``claimledger link``: people across documents, metrics, candidates, relations, written back.

Linking recomputes every link from the stored claims (``Ledger.replace_links``), so running it
twice gives the same links; it is a separate step from ingest because it reads the corpus as a
whole (``make demo`` runs ``claimledger link`` after ``ingest``).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from claimledger.link import candidates, corpus, metrics, relations
from claimledger.link.corpus import ClaimView
from claimledger.link.encoder import Encoder, load_encoder
from claimledger.link.people import PeopleSummary, resolve_people
from claimledger.model import Link
from claimledger.store.base import Ledger


@dataclass(slots=True)
class LinkSummary:
    """What one linking run did."""

    claims: int = 0
    metrics: int = 0
    candidates: int = 0
    links: Counter[str] = field(default_factory=Counter)
    encoder: str | None = None
    people: PeopleSummary = field(default_factory=PeopleSummary)
    seconds: float = 0.0

    def record(self) -> dict[str, object]:
        return {
            "claims": self.claims, "metrics": self.metrics, "candidates": self.candidates,
            "links": dict(sorted(self.links.items())), "encoder": self.encoder,
            "people": self.people.record(), "seconds": round(self.seconds, 2),
        }


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects (its full passes
    over a growing heap would make linking quadratic); restore it afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def link_views(views: list[ClaimView], vectors: np.ndarray | None = None) -> tuple[list[Link], dict[str, str], int]:
    """Links between the given claims (pure: no database); also the figure keys and pair count."""
    with bulk():
        return _link_views(views, vectors)


def _link_views(views: list[ClaimView], vectors: np.ndarray | None) -> tuple[list[Link], dict[str, str], int]:
    keys = metrics.assign(views)
    pairs = candidates.pairs(views, keys, vectors)
    series = _series(views, keys)
    links: dict[str, Link] = {}
    for i, j in sorted(pairs):
        a, b = views[i], views[j]
        # A series is shown by its neighbours, not by every pair of its points.
        decision = decide(a, b, keys, keep_update=functools.partial(_adjacent, a, b, keys, series))
        if decision is None:
            continue
        link = relations.make_link(a, b, decision)
        links[link.id] = link
    answers = [*relations.denials(views), *relations.rebuttals(views)]  # "… denied the report", "This is not true."
    for said, answer, decision in answers:
        link = relations.make_link(said, answer, decision)
        links.setdefault(link.id, link)
    return list(links.values()), keys, len(pairs)


def decide(a: ClaimView, b: ClaimView, keys: dict[str, str],
           keep_update: Callable[[], bool] | None = None) -> relations.Decision | None:
    """The relation of two claims: by their figures when they share a metric, else by statement."""
    if a.id == b.id:
        return None
    shared = _shared_keys(a, b, keys)
    if shared:
        return relations.compare_numeric(a, b, keys, keep_update)
    if a.keys and b.keys and not (a.status and b.status):
        return None  # figures about different things: never linked by wording alone
    return relations.compare_statements(a, b)


def link_ledger(ledger: Ledger, *, encoder: str | None = "auto") -> LinkSummary:
    """Link every claim of the ledger and replace the stored links; ``encoder=None`` skips embeddings."""
    started = time.perf_counter()
    summary = LinkSummary()
    # 1. one person across documents, before the claims are read (their speakers change)
    summary.people = resolve_people(ledger)
    with bulk():
        views = corpus.load(ledger)
    vectors = None
    if encoder is not None and views:
        chosen = load_encoder(encoder)
        vectors = embeddings(ledger, views, chosen)
        summary.encoder = chosen.name
    links, keys, summary.candidates = link_views(views, vectors)
    _store_metrics(ledger, views)
    ledger.replace_links(links)
    summary.claims = len(views)
    summary.metrics = len(set(keys.values()))
    summary.links.update(link.relation for link in links)
    summary.seconds = time.perf_counter() - started
    return summary


def embeddings(ledger: Ledger, views: list[ClaimView], encoder: Encoder) -> np.ndarray:
    """Vectors of the claims in order: stored ones reused, missing ones encoded and stored."""
    stored: dict[str, np.ndarray] = {}
    for row in ledger.iter_query("SELECT claim, vector FROM claim_embeddings WHERE model = ?", (encoder.name,)):
        stored[row["claim"]] = np.frombuffer(row["vector"], dtype="<f4")
    missing = [i for i, v in enumerate(views) if v.id not in stored]
    out = np.zeros((len(views), encoder.dim), dtype=np.float32)
    for i, view in enumerate(views):
        if view.id in stored and stored[view.id].shape[0] == encoder.dim:
            out[i] = stored[view.id]
    if missing:
        fresh = encoder.encode([views[i].text for i in missing])
        cursor = ledger.connection.cursor()
        statement = ledger.sql(
            "INSERT INTO claim_embeddings (claim, model, dim, vector) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (claim) DO UPDATE SET model = excluded.model, dim = excluded.dim, "
            "vector = excluded.vector"
        )
        for position, i in enumerate(missing):
            out[i] = fresh[position]
            cursor.execute(statement, (views[i].id, encoder.name, encoder.dim,
                                       fresh[position].astype("<f4").tobytes()))
        ledger.commit()
    return out


def _store_metrics(ledger: Ledger, views: list[ClaimView]) -> None:
    current = {r["id"]: r["metric"] for r in ledger.iter_query("SELECT id, metric FROM claims")}
    cursor = ledger.connection.cursor()
    statement = ledger.sql("UPDATE claims SET metric = ? WHERE id = ?")
    for view in views:
        if current.get(view.id) != view.metric:
            cursor.execute(statement, (view.metric, view.id))
    ledger.commit()


def _shared_keys(a: ClaimView, b: ClaimView, keys: dict[str, str]) -> set[str]:
    if not a.keys or not b.keys:
        return set()
    return set(a.keys.values()) & set(b.keys.values())


def _series(views: list[ClaimView], keys: dict[str, str]) -> dict[str, list[str]]:
    """Metric key -> the sorted distinct dates at which it has a value."""
    dates: dict[str, set[str]] = defaultdict(set)
    for view in views:
        if not view.when:
            continue
        for figure in view.figures:
            key = keys.get(figure.id + "@" + view.id)
            if key is not None:
                dates[key].add(view.when)
    return {key: sorted(found) for key, found in dates.items()}


def _adjacent(a: ClaimView, b: ClaimView, keys: dict[str, str], series: dict[str, list[str]]) -> bool:
    """True when no value of a shared metric is dated strictly between the two claims."""
    first, second = sorted([a.when or "", b.when or ""])
    shared = _shared_keys(a, b, keys)
    if not shared:
        return True  # a change of status between two statements, not a point of a series
    for key in shared:
        dates = series.get(key, [])
        between = bisect.bisect_left(dates, second) - bisect.bisect_right(dates, first)
        if between <= 0:
            return True
    return False
