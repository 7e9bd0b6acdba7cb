"""The claims of a ledger as linking sees them: text, who, when, figures, places and topics.

``load`` reads the store through the Ledger API in a few streamed queries (no per-claim
queries, so 100k claims load in seconds). A claim's time is the first known of: its own
``as_of``, its first figure's ``as_of``, its quote's date, its document's publication date;
``when_basis`` says which, so explanations can say "published" rather than "as of".
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimledger.link import statements
from claimledger.store.base import Ledger
from claimledger.values.dates import DateValue
from claimledger.values.metrics import normalize_place


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity of a claim, with the place name it is about."""

    id: str
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    unit_class: str
    counted: str | None
    change: str | None
    as_of: str | None
    place: str | None  # place name (not id)


@dataclass(slots=True)
class ClaimView:
    """A stored claim with what linking needs next to it."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    source: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None
    when: str | None = None
    when_basis: str | None = None  # claim / figure / quote / published
    metric: str | None = None
    polarity: str = "affirm"
    quote: str | None = None  # the statement (quotes.id) the claim comes from
    figures: list[Figure] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    place_names: dict[str, str] = field(default_factory=dict)  # mention text (lower) -> place
    topics: frozenset[str] = frozenset()
    status: statements.Status | None = None
    words: frozenset[str] = frozenset()
    keys: dict[str, str] = field(default_factory=dict)  # figure id -> metric key (set by metrics.assign)

    @property
    def date(self) -> DateValue | None:
        return _date(self.when) if self.when else None

    def who(self) -> str:
        """The speaker, else the speaker's role ("the president", when the text names no one), else
        the publisher, else the source: for explanations."""
        if self.speaker:
            return self.speaker
        if self.speaker_role:
            role = self.speaker_role
            return role if role[:1].isupper() and " " not in role else f"the {role}"
        if self.publisher:
            return self.publisher
        return f"“{self.title}”" if self.title else (self.source or self.doc)

    def cite(self) -> dict[str, Any]:
        """Both-sides detail for conflicts and check: speaker, date, source, quote."""
        return {
            "claim": self.id, "speaker": self.speaker, "role": self.speaker_role,
            "date": self.when, "date_basis": self.when_basis, "source": self.source,
            "publisher": self.publisher, "title": self.title, "doc": self.doc,
            "start": self.start, "end": self.end, "quote": self.text, "metric": self.metric,
        }


@functools.lru_cache(maxsize=65_536)
def _date(iso: str) -> DateValue | None:
    return DateValue.from_iso(iso)


def finish(view: ClaimView, people: set[str] | frozenset[str] = frozenset()) -> ClaimView:
    """Fill the derived fields (status, topics, words, time) of a view built by hand or loaded."""
    exclude = {p.lower() for p in people if p}
    if view.speaker:
        exclude.add(view.speaker.lower())
    exclude |= view.places
    view.status = statements.status(view.text)
    view.topics = statements.topics(view.text, exclude)
    view.words = statements.words(view.text)
    if view.when is None:
        for figure in view.figures:
            if figure.as_of:
                view.when, view.when_basis = figure.as_of, "figure"
                break
    if view.when is None and view.published:
        view.when, view.when_basis = view.published, "published"
    for figure in view.figures:
        place = normalize_place(figure.place)
        if place:
            view.places.add(place)
    return view


def load(ledger: Ledger) -> list[ClaimView]:
    """Every claim of the ledger's ``ok`` documents, with figures, places and topics."""
    views: dict[str, ClaimView] = {}
    for row in ledger.iter_query(
        "SELECT c.id, c.doc, c.start, c.\"end\", c.text, c.speaker_name, c.speaker_role, c.as_of, "
        "c.metric, c.polarity, c.quote, q.date AS quote_date, d.source, d.publisher, d.title, "
        "d.published_date FROM claims c JOIN documents d ON d.id = c.doc "
        "LEFT JOIN quotes q ON q.id = c.quote WHERE d.status = 'ok' ORDER BY c.id"
    ):
        when, basis = (row["as_of"], "claim") if row["as_of"] else (row["quote_date"], "quote")
        views[row["id"]] = ClaimView(
            id=row["id"], doc=row["doc"], start=row["start"], end=row["end"], text=row["text"],
            speaker=row["speaker_name"], speaker_role=row["speaker_role"], source=row["source"],
            publisher=row["publisher"], title=row["title"], published=row["published_date"],
            when=when, when_basis=basis if when else None, metric=row["metric"],
            polarity=row["polarity"] or "affirm", quote=row["quote"],
        )
    _attach_figures(ledger, views)
    for row in ledger.iter_query(
        "SELECT cp.claim, p.name FROM claim_places cp JOIN places p ON p.id = cp.place"
    ):
        view = views.get(row["claim"])
        place = normalize_place(row["name"])
        if view is not None and place:
            view.places.add(place)
    people = _spans(ledger, views, "SELECT doc, start, \"end\", COALESCE(canonical, text) AS name, "
                    "label FROM entities WHERE label IN ('PERSON', 'GPE', 'LOC', 'FAC')")
    mentions = _spans(ledger, views, "SELECT doc, start, \"end\", text AS label, COALESCE(name, text) AS name "
                      "FROM places")
    for claim, found in mentions.items():
        for text, name in found:
            place = normalize_place(name)
            if place:
                views[claim].place_names[text.lower()] = place
                views[claim].places.add(place)
    out = []
    for view in views.values():
        excluded = {name for label, name in people.get(view.id, []) if label == "PERSON"}
        for label, name in people.get(view.id, []):
            if label != "PERSON":
                place = normalize_place(name)
                if place:
                    view.places.add(place)
        out.append(finish(view, excluded))
    _inherit_topics(out)
    return out


# what names a campaign whose state a claim can give without naming its enemy
CAMPAIGN_WORDS = frozenset({"campaign", "fight", "war", "operation", "operations", "offensive", "battle", "mission"})


def _inherit_topics(views: list[ClaimView]) -> None:
    """A claim on the state of a campaign that names neither its enemy nor a place ("our campaign is
    not over", "this fight is not finished") is about the one topic the other status claims of its
    document name ("The Red Hand has been defeated"), as a reader takes it; with none or several
    such topics it stays without one, and so does any other claim ("not a single fighter remains
    in the city" is about the city)."""
    named: dict[str, set[str]] = defaultdict(set)
    for view in views:
        if view.status and view.topics:
            named[view.doc] |= view.topics
    for view in views:
        if view.status and not view.topics and not view.places and view.words & CAMPAIGN_WORDS \
                and len(named.get(view.doc, ())) == 1:
            view.topics = frozenset(named[view.doc])


def _attach_figures(ledger: Ledger, views: dict[str, ClaimView]) -> None:
    seen: set[tuple[str, str]] = set()
    statement = (
        "SELECT {claim} AS owner, q.id, q.text, q.value, q.low, q.high, q.qualifier, q.unit, "
        "q.unit_class, q.counted, q.change, q.as_of, p.name AS place_name FROM {source} "
        "LEFT JOIN places p ON p.id = q.place {where} ORDER BY 1, {order}"
    )
    queries = (
        statement.format(claim="cq.claim", source="claim_quantities cq JOIN quantities q ON q.id = cq.quantity",
                         where="", order="cq.seq"),
        statement.format(claim="q.claim", source="quantities q", where="WHERE q.claim IS NOT NULL",
                         order="q.start"),
    )
    for query in queries:
        for row in ledger.iter_query(query):
            view = views.get(row["owner"])
            if view is None or (row["owner"], row["id"]) in seen:
                continue
            seen.add((row["owner"], row["id"]))
            view.figures.append(Figure(
                id=row["id"], text=row["text"], value=float(row["value"]), low=row["low"],
                high=row["high"], qualifier=row["qualifier"], unit=row["unit"],
                unit_class=row["unit_class"], counted=row["counted"], change=row["change"],
                as_of=row["as_of"], place=row["place_name"],
            ))


def _spans(ledger: Ledger, views: dict[str, ClaimView], query: str) -> dict[str, list[tuple[str, str]]]:
    """Annotations (label, name) that fall inside each claim's span, matched per document."""
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for view in views.values():
        by_doc[view.doc].append((view.start, view.end, view.id))
    for spans in by_doc.values():
        spans.sort()
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in ledger.iter_query(query):
        in_doc = by_doc.get(row["doc"])
        if not in_doc or not row["name"]:
            continue
        index = bisect.bisect_right(in_doc, (row["start"], 1 << 62, ""))
        for start, end, claim in in_doc[max(0, index - 3): index]:
            if start <= row["start"] and row["end"] <= end:
                found[claim].append((row["label"], row["name"]))
    return found
