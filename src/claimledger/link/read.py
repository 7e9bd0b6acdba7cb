"""Reading the links: ``conflicts`` (both sides of each contradiction) and ``timeline``.

Both read stored claims and recompute figure keys exactly as ``claimledger link`` did, so the
timeline of a metric lists every figure with that key, including the second figure of a claim
whose stored ``metric`` names its first.
"""

from __future__ import annotations

from typing import Any

from claimledger.errors import ConfigError
from claimledger.link import corpus, intervals, metrics
from claimledger.link.corpus import ClaimView
from claimledger.link.relations import same_person
from claimledger.store.base import Ledger

RELATION_ORDER = {"contradict": 0, "update": 1, "same_metric": 2, "duplicate": 3, "agree": 4}


def conflicts(ledger: Ledger, *, relations: tuple[str, ...] = ("contradict", "update"),
              limit: int | None = None) -> list[dict[str, Any]]:
    """Links of the given relations, contradictions first, each with both sides cited."""
    marks = ",".join("?" for _ in relations)
    rows = ledger.query(f"SELECT * FROM links WHERE relation IN ({marks})", relations) if relations else []
    if not rows:
        return []
    views = {v.id: v for v in corpus.load(ledger)}
    out = []
    for row in rows:
        a, b = views.get(row["a"]), views.get(row["b"])
        if a is None or b is None:
            continue
        out.append({
            "type": "conflict", "link": row["id"], "relation": row["relation"],
            "score": row["score"], "explanation": row["explanation"],
            "same_speaker": same_person(a.speaker, b.speaker), "a": a.cite(), "b": b.cite(),
        })
    out.sort(key=lambda r: (RELATION_ORDER.get(r["relation"], 9), -r["score"], r["a"]["date"] or "", r["link"]))
    return out[:limit] if limit is not None else out


def metric_index(ledger: Ledger) -> tuple[list[ClaimView], dict[str, str]]:
    """The claims and their figure keys (as linking computes them)."""
    views = corpus.load(ledger)
    return views, metrics.assign(views)


def list_metrics(ledger: Ledger) -> list[dict[str, Any]]:
    """Every metric key with how many figures, sources and speakers it has, and its date span."""
    views, keys = metric_index(ledger)
    summary: dict[str, dict[str, Any]] = {}
    for view in views:
        for figure in view.figures:
            key = keys.get(figure.id + "@" + view.id)
            if key is None:
                continue
            item = summary.setdefault(key, {"type": "metric", "metric": key, "values": 0, "sources": set(),
                                            "speakers": set(), "first": None, "last": None})
            item["values"] += 1
            item["sources"].add(view.source)
            if view.speaker:
                item["speakers"].add(view.speaker)
            if view.when:
                item["first"] = min(filter(None, [item["first"], view.when]))
                item["last"] = max(filter(None, [item["last"], view.when]))
    out = []
    for item in summary.values():
        item["sources"], item["speakers"] = len(item["sources"]), sorted(item["speakers"])
        out.append(item)
    return sorted(out, key=lambda r: (-r["values"], r["metric"]))


def resolve_metric(wanted: str, known: set[str]) -> str:
    """The metric key a user means: the exact key, else the one key containing all their words."""
    if wanted in known:
        return wanted
    words = wanted.lower().replace("|", " ").split()
    matches = sorted(k for k in known if all(w in k for w in words))
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ConfigError(f"no metric matches {wanted!r}; run 'claimledger timeline' to list the metrics")
    shown = ", ".join(matches[:8])
    raise ConfigError(f"{wanted!r} matches several metrics ({shown}); give the full key")


def timeline(ledger: Ledger, metric: str | None, *, speaker: str | None = None) -> list[dict[str, Any]]:
    """The values of one metric (or, with ``speaker``, of every metric that speaker gave) over time,
    by source, each with what changed since the previous value of the same metric."""
    if metric is None and speaker is None:
        raise ConfigError("give a METRIC, or --speaker NAME for every figure one speaker gave")
    views, keys = metric_index(ledger)
    key = resolve_metric(metric, set(keys.values())) if metric is not None else None
    rows: list[dict[str, Any]] = []
    for view in views:
        if speaker is not None and not same_person(view.speaker, speaker):
            continue
        for figure in view.figures:
            found = keys.get(figure.id + "@" + view.id)
            if found is None or (key is not None and found != key):
                continue
            span = intervals.interval(figure.value, figure.low, figure.high, figure.qualifier, figure.unit)
            rows.append({
                "type": "value", "metric": found, "date": view.when, "date_basis": view.when_basis,
                "value": figure.value, "low": span.low, "high": span.high, "qualifier": figure.qualifier,
                "unit": figure.unit, "said": intervals.phrase(figure.value, figure.qualifier, figure.unit,
                                                               figure.low, figure.high),
                "figure": figure.text, "speaker": view.speaker, "publisher": view.publisher,
                "source": view.source, "claim": view.id, "quote": view.text, "change": None,
                "speaker_before": None,
            })
    rows.sort(key=lambda r: (r["metric"], r["date"] is None, r["date"] or "", r["source"] or "", r["claim"]))
    previous: dict[str, Any] | None = None
    by_speaker: dict[str, dict[str, Any]] = {}
    for row in rows:
        if previous is not None and previous["metric"] != row["metric"]:
            previous, by_speaker = None, {}
        if previous is not None and row["date"] and previous["date"] and row["date"] != previous["date"]:
            if row["low"] > previous["high"]:
                row["change"] = f"up from {previous['said']} ({previous['date']})"
            elif row["high"] < previous["low"]:
                row["change"] = f"down from {previous['said']} ({previous['date']})"
            else:
                row["change"] = f"consistent with {previous['said']} ({previous['date']})"
        speaker = (row["speaker"] or "").lower()
        if speaker:
            before = next((r for name, r in by_speaker.items() if same_person(name, speaker)), None)
            if before is not None and (before["low"], before["high"]) != (row["low"], row["high"]):
                row["speaker_before"] = f"{before['speaker']} said {before['said']} on {before['date']}"
            by_speaker[speaker] = row
        previous = row
    return rows
