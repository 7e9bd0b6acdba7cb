"""Deciding how two claims relate, and saying why in one sentence.

Numbers are compared as intervals (``intervals``) at their dates (``DateValue``):

* intervals that meet -> ``agree`` (``duplicate`` when the wording is near-identical in another
  document), whatever the dates: "about 80" months after "79" still agrees;
* intervals apart at the same date -> ``contradict`` (both cannot be true);
* apart at ordered dates -> ``update`` (a series; the sentence says which way and by how much);
* apart with a date missing or too coarse to order -> ``same_metric`` (never a contradiction
  we cannot prove).

Statements are compared by status (``statements.status``) on a shared topic and a compatible
place: ended against ongoing within ``CONTRADICT_DAYS`` -> ``contradict``, further apart ->
``update``; the same proposition with opposite polarity -> ``contradict``; near-identical
wording in another document -> ``duplicate`` / ``agree``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from claimledger.ids import make_id
from claimledger.link import intervals, statements
from claimledger.link.corpus import ClaimView, Figure
from claimledger.model import Link, Relation
from claimledger.values.dates import DateValue
from claimledger.values.metrics import split_key
from claimledger.values.voices import DENIED_REPORT, REBUTTAL

CONTRADICT_DAYS = 31  # opposite statuses this close in time cannot both be true
DUPLICATE_SIMILARITY = 0.75  # word-set Jaccard above which two statements repeat each other
AGREE_SIMILARITY = 0.55
DUPLICATE_CONTAINMENT = 0.7  # a figure repeated: the shorter wording mostly inside the longer
PROPOSITION_SIMILARITY = 0.6  # same proposition when polarity is compared


CLAUSE_MARGIN = 0.1  # the figure's own clause must match more closely than the whole text
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\s-\s")


def _clause(text: str, figure: str) -> frozenset[str]:
    """Content words of the clause holding the figure ("..., 312 airstrikes near Raqqa in August, ...")."""
    for part in _CLAUSE_BREAK.split(text):
        if figure and figure in part:
            return statements.words(part)
    return statements.words(text)


@dataclass(frozen=True, slots=True)
class Decision:
    """A relation with its confidence and the sentence that explains it."""

    relation: Relation
    score: float
    explanation: str


def make_link(a: ClaimView, b: ClaimView, decision: Decision) -> Link:
    """The stored link, oriented earlier claim first (ids break ties)."""
    first, second = ordered(a, b)
    return Link(
        id=make_id("link", first.id, second.id, decision.relation), a=first.id, b=second.id,
        relation=decision.relation, score=round(decision.score, 3), explanation=decision.explanation,
    )


def ordered(a: ClaimView, b: ClaimView) -> tuple[ClaimView, ClaimView]:
    """The two claims, earlier first (undated after dated; ids break ties)."""
    def key(v: ClaimView) -> tuple[int, str, str]:
        return (0, v.when, v.id) if v.when else (1, "", v.id)
    return (a, b) if key(a) <= key(b) else (b, a)


def same_person(a: str | None, b: str | None) -> bool:
    """True when two speaker names can be one person ("Whitfield" and "Dana Whitfield")."""
    if not a or not b:
        return False
    ta, tb = set(a.lower().replace(".", " ").split()), set(b.lower().replace(".", " ").split())
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def when_phrase(view: ClaimView) -> str:
    if not view.when:
        return "undated"
    if view.when_basis == "assumed":
        return f"undated, read at {view.when}"
    return f"published {view.when}" if view.when_basis == "published" else view.when


def side(view: ClaimView, figure: Figure | None = None) -> str:
    said = intervals.phrase(figure.value, figure.qualifier, figure.unit, figure.low, figure.high) if figure else None
    head = f"{view.who()} ({when_phrase(view)})"
    return f"{head} says {said}" if said else head


def time_order(a: DateValue | None, b: DateValue | None) -> str:
    """``same``, ``before`` (a before b), ``after``, ``unknown`` (missing) or ``overlap`` (coarse)."""
    if a is None or b is None:
        return "unknown"
    if a.iso == b.iso and a.precision in ("day", "month"):
        return "same"
    if a.last_day < b.first_day:
        return "before"
    if b.last_day < a.first_day:
        return "after"
    return "overlap"


def compare_figures(a: ClaimView, fa: Figure, b: ClaimView, fb: Figure, metric: str,
                    keep_update: Callable[[], bool] | None = None) -> Decision | None:
    """The relation of two figures of one metric, or None when their units cannot be compared
    (or when it is an update that ``keep_update`` says not to record)."""
    if not intervals.comparable(fa.unit_class, fa.unit, fb.unit_class, fb.unit):
        return None
    ia = intervals.interval(fa.value, fa.low, fa.high, fa.qualifier, fa.unit)
    ib = intervals.interval(fb.value, fb.low, fb.high, fb.qualifier, fb.unit)
    what = f"'{split_key(metric)[0]}'"
    order = time_order(a.date, b.date)
    if order == "after":
        a, fa, ia, b, fb, ib = b, fb, ib, a, fa, ia
        order = "before"
    if ia.overlaps(ib):
        similar = max(statements.containment(a.words, b.words),
                      statements.containment(_clause(a.text, fa.text), _clause(b.text, fb.text)) - CLAUSE_MARGIN)
        same = (ia.low, ia.high) == (ib.low, ib.high)
        if a.doc != b.doc and same and order in ("same", "overlap") and similar >= DUPLICATE_CONTAINMENT:
            return Decision("duplicate", round(similar, 3),
                            f"{side(a, fa)} and {side(b, fb)} about {what}: the same figure in nearly the same "
                            f"words, repeated by another source.")
        gap = "" if order in ("same", "unknown") else f" although {when_phrase(a)} and {when_phrase(b)} differ"
        how = "the same figure" if (ia.low, ia.high) == (ib.low, ib.high) else \
            f"the ranges {ia.describe()} and {ib.describe()} overlap"
        return Decision("agree", 0.9 if how == "the same figure" else 0.75,
                        f"{side(a, fa)} and {side(b, fb)} about {what}: they agree ({how}){gap}.")
    if order == "same" and "published" in (a.when_basis, b.when_basis):
        return Decision("same_metric", 0.5,
                        f"{side(a, fa)} and {side(b, fb)} about {what} differ; only the publication date is "
                        f"known, and the figures may be about different times, so this is not called a "
                        f"contradiction.")
    if order == "same":
        return Decision("contradict", 0.9,
                        f"{side(a, fa)} but {side(b, fb)} about {what} for the same date: the ranges "
                        f"{ia.describe()} and {ib.describe()} do not meet, so both cannot be true.")
    if order == "before":
        if keep_update is not None and not keep_update():
            return None
        direction = "rose" if ib.low > ia.high else "fell"
        same_speaker = same_person(a.speaker, b.speaker)
        who = f"{a.speaker}'s own figure" if same_speaker else "the figure"
        note = ""
        if fb.change and ((fb.change == "up") != (direction == "rose")):
            note = f" (the later source says it went {fb.change}, which does not match)"
        return Decision("update", 0.8,
                        f"Update on {what}: {who} {direction} from {intervals.phrase(fa.value, fa.qualifier, fa.unit)} "
                        f"({a.who()}, {when_phrase(a)}) to {intervals.phrase(fb.value, fb.qualifier, fb.unit)} "
                        f"({b.who()}, {when_phrase(b)}); values at different dates are a series, "
                        f"not a contradiction{note}.")
    reason = "one of them has no date" if order == "unknown" else "their dates are too coarse to order"
    return Decision("same_metric", 0.5,
                    f"{side(a, fa)} and {side(b, fb)} about {what} differ, but {reason}, so this is "
                    f"not called a contradiction.")


def compare_numeric(a: ClaimView, b: ClaimView, keys: dict[str, str],
                    keep_update: Callable[[], bool] | None = None) -> Decision | None:
    """The strongest relation between any two figures of the two claims that share a metric."""
    best: Decision | None = None
    rank = {"contradict": 5, "duplicate": 4, "update": 3, "agree": 2, "same_metric": 1}
    for fa in a.figures:
        key = keys.get(fa.id + "@" + a.id)
        if key is None:
            continue
        for fb in b.figures:
            if keys.get(fb.id + "@" + b.id) != key:
                continue
            decision = compare_figures(a, fa, b, fb, key, keep_update)
            if decision is not None and (best is None or rank[decision.relation] > rank[best.relation]):
                best = decision
    return best


def places_compatible(a: ClaimView, b: ClaimView) -> bool:
    """Unknown place on either side, or a shared place."""
    return not a.places or not b.places or bool(a.places & b.places)


def compare_statements(a: ClaimView, b: ClaimView) -> Decision | None:
    """Status conflicts, opposite polarity and repetition between two statements."""
    if a.id == b.id or not places_compatible(a, b):
        return None
    a, b = ordered(a, b)
    shared = sorted(a.topics & b.topics)
    similar = statements.similarity(a.words, b.words)
    if shared and a.status and b.status and a.status != b.status:
        topic = shared[0].title()
        where = sorted(a.places & b.places) or sorted(a.places | b.places)
        place = f" in {where[0].title()}" if where else ""
        da, db = a.date, b.date
        days = abs((db.first_day - da.first_day).days) if da and db else None
        said = (f"{a.who()} ({when_phrase(a)}) says the fight against {topic}{place} has "
                f"{'ended' if a.status == 'ended' else 'not ended'}, {b.who()} ({when_phrase(b)}) says it has "
                f"{'ended' if b.status == 'ended' else 'not ended'}")
        if days is None:
            return Decision("same_metric", 0.4,
                            f"{said}; one of them has no date, so this is not called a contradiction.")
        if days <= CONTRADICT_DAYS:
            return Decision("contradict", 0.85, f"{said}; {days} day(s) apart, both cannot be true.")
        return Decision("update", 0.6, f"{said}; {days} days apart, so the status changed over time.")
    if shared and a.status and a.status == b.status and a.polarity == b.polarity:
        state = "has ended" if a.status == "ended" else "has not ended"
        return Decision("agree", 0.6, f"{a.who()} ({when_phrase(a)}) and {b.who()} ({when_phrase(b)}) both say the "
                                      f"fight against {shared[0].title()} {state}.")
    if similar >= PROPOSITION_SIMILARITY and a.polarity != b.polarity and (shared or similar >= 0.8):
        return Decision("contradict", 0.7,
                        f"{a.who()} ({when_phrase(a)}) affirms and {b.who()} ({when_phrase(b)}) denies "
                        f"the same statement.")
    if a.doc != b.doc and a.polarity == b.polarity and (a.status == b.status):
        if similar >= DUPLICATE_SIMILARITY:
            return Decision("duplicate", round(similar, 3),
                            f"{a.who()} ({when_phrase(a)}) and {b.who()} ({when_phrase(b)}) say the same thing "
                            f"in nearly the same words.")
        if similar >= AGREE_SIMILARITY and shared:
            return Decision("agree", round(similar, 3),
                            f"{a.who()} ({when_phrase(a)}) and {b.who()} ({when_phrase(b)}) make the same "
                            f"statement about {shared[0].title()}.")
    return None


def denials(views: list[ClaimView]) -> list[tuple[ClaimView, ClaimView, Decision]]:
    """(report, denial, decision) within each document: a claim that denies "the report" (or the
    claims, the allegations) contradicts the story's lead report, the first earlier claim of the
    document by another speaker that is not itself a denial ("A senior official told Harbour Wire
    the coalition is considering withdrawing 1,500 soldiers … Defence Minister Oskar Lind denied
    the report.")."""
    out = []
    for claims in _in_documents(views):
        for number, denial in enumerate(claims):
            if not DENIED_REPORT.search(denial.text):
                continue
            report = next((v for v in claims[:number] if v.who() != denial.who() and v.start > 0
                           and not DENIED_REPORT.search(v.text)), None)
            if report is None:
                continue
            out.append((report, denial, Decision(
                "contradict", 0.7,
                f"{denial.who()} ({when_phrase(denial)}) denies the report that {report.who()} "
                f"({when_phrase(report)}) gives: “{_short(report.text)}”.")))
    return out


def rebuttals(views: list[ClaimView]) -> list[tuple[ClaimView, ClaimView, Decision]]:
    """(answered, rebuttal, decision) within each document: a claim that only calls another false
    ("This is not true.", in a post replying to the governor's) contradicts every claim of the
    nearest earlier statement by another speaker that is no rebuttal itself."""
    out = []
    for claims in _in_documents(views):
        for number, rebuttal in enumerate(claims):
            if not REBUTTAL.match(rebuttal.text):
                continue
            answered = next((v for v in reversed(claims[:number]) if v.who() != rebuttal.who()
                             and not REBUTTAL.match(v.text)), None)
            if answered is None:
                continue
            statement = [v for v in claims[:number] if v is answered or (
                answered.quote is not None and v.quote == answered.quote)]
            for claim in statement:
                out.append((claim, rebuttal, Decision(
                    "contradict", 0.7,
                    f"{rebuttal.who()} ({when_phrase(rebuttal)}) answers {claim.who()} ({when_phrase(claim)}) "
                    f"“{_short(claim.text)}” with “{_short(rebuttal.text)}”.")))
    return out


def _in_documents(views: list[ClaimView]) -> list[list[ClaimView]]:
    """The claims of each document, in the order they are written."""
    by_doc: dict[str, list[ClaimView]] = {}
    for view in views:
        by_doc.setdefault(view.doc, []).append(view)
    return [sorted(claims, key=lambda v: v.start) for claims in by_doc.values()]


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
