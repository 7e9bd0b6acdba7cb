"""``claimledger report --out report.html``: one self-contained HTML file to share.

Conflicts (both sides with the reason), metric timelines (inline SVG), top speakers, a map of
the places and the source list. The style is inlined, there is no script, and nothing is loaded
from the network, so the file opens anywhere, offline, and can be mailed as is.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

from claimledger.serve import web_charts
from claimledger.serve.web_charts import trusted
from claimledger.store import Ledger, queries

MAX_TIMELINES = 8


def _cite(claim: dict[str, Any] | None) -> dict[str, Any] | None:
    """A claim record in the link stage's citation form (speaker, date, source, quote)."""
    if claim is None:
        return None
    doc = claim.get("document") or {}
    return {
        "claim": claim["id"], "speaker": (claim.get("speaker") or {}).get("name"),
        "role": (claim.get("speaker") or {}).get("role"), "date": claim.get("as_of"),
        "source": doc.get("source"), "publisher": doc.get("publisher"), "title": doc.get("title"),
        "doc": claim.get("doc"), "quote": claim.get("text"), "metric": claim.get("metric"),
    }


def conflicts(ledger: Ledger, limit: int = 50) -> list[dict[str, Any]]:
    """Contradictions and changed stories with both sides cited (the link stage's reading if present)."""
    try:
        from claimledger.link import read
    except ImportError:
        read = None  # type: ignore[assignment]
    if read is not None:
        return read.conflicts(ledger, limit=limit)
    out = []
    for relation in ("contradict", "update"):
        for link in queries.list_links(ledger, relation=relation, limit=limit):
            out.append({"link": link["id"], "relation": relation, "score": link["score"],
                        "explanation": link["explanation"], "a": _cite(link["claim_a"]),
                        "b": _cite(link["claim_b"])})
    return out[:limit]


def build_report(ledger: Ledger, *, title: str | None = None, now: dt.datetime | None = None) -> str:
    """The report's HTML text."""
    from claimledger.serve.api import metric_timeline
    from claimledger.serve.web import ENV, metric_label, safe_link

    style = (resources.files("claimledger.serve") / "static" / "style.css").read_text(encoding="utf-8")
    timelines = []
    for metric in queries.list_metrics(ledger, limit=MAX_TIMELINES):
        points = metric_timeline(ledger, metric["metric"])
        if any(p.get("value") is not None and web_charts.date_number(p.get("as_of")) for p in points):
            timelines.append({"metric": metric["metric"], "points": points,
                              "chart": web_charts.timeline_svg(points, title=metric_label(metric["metric"]))})
    speakers = queries.top_speakers(ledger, limit=15)
    places = queries.list_places(ledger, limit=300)
    return ENV.get_template("report.html").render(
        title=title or "claimledger report",
        generated=(now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        style=trusted(style.replace("</", "<\\/")),
        counts=ledger.counts(),
        conflicts=conflicts(ledger),
        timelines=timelines,
        speakers=speakers,
        speakers_chart=web_charts.bar_svg([(s["name"], float(s["claims"])) for s in speakers],
                                          title="Claims per speaker"),
        map_chart=web_charts.map_svg(places) if any(p.get("lat") is not None for p in places) else None,
        sources=queries.list_sources(ledger),
        safe_link=safe_link,
    )


def write_report(ledger: Ledger, out: str, *, title: str | None = None) -> int:
    """Write the report to ``out``; return its size in bytes."""
    html = build_report(ledger, title=title)
    data = html.encode("utf-8")
    with open(out, "wb") as handle:
        handle.write(data)
    return len(data)
