"""Stance of one evidence text towards one claim text, with the link rules and no corpus.

Used by the benchmarks (FNC-1, Climate-FEVER, AVeriTeC) where a claim comes with its own
evidence sentences: the evidence is about the claim by construction, so both are read at the
same time. Figures are found by ``quick_figures`` (a small regex reader: value, qualifier, unit
and the words that follow as what is counted) so that thousands of pairs run in seconds.
Decisions come only from the link rules: figure intervals, status, polarity, repetition, and
a short list of fact-check verdict words ("hoax", "debunked", "false") near the claim's words.
"""

from __future__ import annotations

import re
from typing import Literal

from claimledger.link import corpus, intervals, relations, statements
from claimledger.link.corpus import ClaimView, Figure

Stance = Literal["supports", "refutes"]

_QUAL = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx", "nearly": "approx",
    "almost": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "more than": "more_than", "over": "more_than", "at least": "at_least", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "up to": "at_most", "at most": "at_most",
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(
    r"(?P<qual>an estimated|about|around|approximately|roughly|nearly|almost|more than|over|at least|"
    r"less than|fewer than|under|up to|at most)?\s*"
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion)?\s*(?P<unit>%|percent|per cent)?"
    r"(?P<rest>(?:\s*\b[a-z][a-z.-]*){0,3})",
    re.IGNORECASE,
)
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")
_REFUTING = re.compile(
    r"\b(hoax|fake|false|falsely|fabricated|debunked|misleading|no evidence|not true|untrue|baseless|"
    r"denied|denies|deny|doctored|satire|satirical|myth|incorrect|inaccurate|never said|did not say)\b",
    re.IGNORECASE,
)
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR"}


def quick_figures(text: str, prefix: str = "f") -> list[Figure]:
    """Figures in a text by regex: ``about 2,000 troops`` -> value 2000, approx, counted ``troops``."""
    found: list[Figure] = []
    for n, match in enumerate(_FIGURE.finditer(text)):
        raw = match.group("num").replace(",", "")
        if _YEARISH.match(match.group("num")) and not match.group("cur") and not match.group("unit"):
            continue  # a year, not a figure
        value = float(raw) * _SCALE.get((match.group("scale") or "").lower(), 1.0)
        unit, unit_class = None, "count"
        if match.group("cur"):
            unit, unit_class = _CURRENCY[match.group("cur")], "currency"
        elif match.group("unit"):
            unit, unit_class = "%", "percent"
        counted = " ".join(w for w in (match.group("rest") or "").split()
                           if w.lower() not in statements.STOP) or None
        qualifier = _QUAL.get((match.group("qual") or "").lower(), "exact")
        core_end = max(match.end(g) for g in ("num", "scale", "unit") if match.group(g))
        found.append(Figure(id=f"{prefix}{n}", text=text[match.start():core_end].strip(), value=value,
                            low=None, high=None, qualifier=qualifier, unit=unit, unit_class=unit_class, counted=counted,
                            change=None, as_of=None, place=None))
    return found


def text_view(text: str, ident: str) -> ClaimView:
    """A claim view of a bare text (no date, no speaker), with its quick figures."""
    view = ClaimView(id=ident, doc=ident, start=0, end=len(text), text=text)
    view.figures = quick_figures(text, prefix=ident + ":")
    return corpus.finish(view)


def stance(claim: ClaimView, evidence: ClaimView) -> tuple[Stance | None, str]:
    """``supports`` / ``refutes`` / None with the reason, for evidence offered about the claim."""
    overlap = statements.containment(claim.words, evidence.words)
    if overlap >= 0.25 and _REFUTING.search(evidence.text) and not _REFUTING.search(claim.text):
        return "refutes", "The evidence calls the claim false."
    numeric = _numeric(claim, evidence)
    if numeric is not None:
        return numeric
    decision = relations.compare_statements(claim, evidence)
    if decision is not None and decision.relation in ("contradict", "update"):
        return "refutes", decision.explanation
    if claim.status and evidence.status and claim.status != evidence.status and overlap >= 0.3:
        return "refutes", "The evidence states the opposite status."
    if claim.polarity != evidence.polarity and overlap >= 0.5:
        return "refutes", "The evidence denies what the claim affirms."
    if decision is not None and decision.relation in ("agree", "duplicate"):
        return "supports", decision.explanation
    if overlap >= 0.7 and claim.polarity == evidence.polarity:
        return "supports", "The evidence repeats the claim."
    return None, "Nothing structured decides."


def _numeric(claim: ClaimView, evidence: ClaimView) -> tuple[Stance | None, str] | None:
    """Figures measuring the same thing (same unit class, shared counted word): do they meet?"""
    verdict: tuple[Stance | None, str] | None = None
    for fa in claim.figures:
        for fb in evidence.figures:
            if not intervals.comparable(fa.unit_class, fa.unit, fb.unit_class, fb.unit):
                continue
            words_a = statements.words(fa.counted or "")
            words_b = statements.words(fb.counted or "")
            if fa.unit_class == "count" and not (words_a & words_b):
                continue
            ia = intervals.interval(fa.value, fa.low, fa.high, fa.qualifier, fa.unit)
            ib = intervals.interval(fb.value, fb.low, fb.high, fb.qualifier, fb.unit)
            if ia.overlaps(ib):
                return "supports", f"{fa.text} and {fb.text} meet ({ia.describe()} vs {ib.describe()})."
            verdict = ("refutes", f"{fa.text} and {fb.text} do not meet ({ia.describe()} vs {ib.describe()}).")
    return verdict
