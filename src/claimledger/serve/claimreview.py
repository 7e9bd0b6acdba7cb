"""schema.org ClaimReview JSON-LD for the result of ``check`` (what fact-checking tools exchange).

The review says what the corpus shows, not a truth judgement beyond it: the rating is the
check's verdict (supported / refuted / conflicting evidence / not enough evidence), and every
piece of evidence is cited with its speaker, date, source and exact quote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# verdict -> (ratingValue on 1..5, or None when the corpus cannot rate the claim)
RATINGS: dict[str, int | None] = {
    "refuted": 1, "conflicting evidence": 3, "supported": 5, "not enough evidence": None,
}


def _web_url(source: str | None) -> str | None:
    return source if source and source.lower().startswith(("http://", "https://")) else None


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": item.get("title") or item.get("source"),
        "text": item.get("quote"),
        "description": f"{item.get('stance')}: {item.get('explanation')}",
        "identifier": item.get("claim"),
    }
    url = _web_url(item.get("source"))
    if url:
        work["url"] = url
    if item.get("date"):
        work["dateCreated"] = item["date"]
    if item.get("speaker"):
        work["author"] = {"@type": "Person", "name": item["speaker"], **(
            {"jobTitle": item["role"]} if item.get("role") else {})}
    if item.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": item["publisher"]}
    return work


def claimreview(claim: str, result: dict[str, Any], *, reviewer: str = "claimledger",
                today: dt.date | None = None) -> dict[str, Any]:
    """One ClaimReview for the checked ``claim`` from the ``check`` result's verdict and evidence."""
    verdict = str(result.get("verdict") or "not enough evidence")
    evidence = [e for e in result.get("evidence", []) if e.get("stance") in ("supports", "contradicts", "outdated")]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict}
    value = RATINGS.get(verdict)
    if value is not None:
        rating.update({"ratingValue": value, "bestRating": 5, "worstRating": 1})
    if result.get("explanation"):
        rating["ratingExplanation"] = result["explanation"]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "datePublished": (today or dt.datetime.now(dt.UTC).date()).isoformat(),
        "author": {"@type": "Organization", "name": reviewer},
        "reviewRating": rating,
        "reviewBody": result.get("explanation"),
        "itemReviewed": {"@type": "Claim", "text": claim},
        "isBasedOn": [_evidence(e) for e in evidence],
    }
    if result.get("as_of"):
        review["itemReviewed"]["temporalCoverage"] = result["as_of"]
    first = sorted((e for e in evidence if e.get("date")), key=lambda e: e["date"])
    if first:
        review["itemReviewed"]["firstAppearance"] = _evidence(first[0])
    return review
