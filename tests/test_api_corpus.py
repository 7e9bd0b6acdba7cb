"""A small fictional ledger for the API, web, report, load and access tests, and tests of the queries.

Every document below is invented for these tests (names, places and numbers are made up). One
document is hostile on purpose: script tags, event-handler attributes and ``javascript:`` links in
its title, text, quote and speaker name, which every page must show as text.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import NotFound
from claimledger.model import (
    Annotations,
    Claim,
    Document,
    Entity,
    Link,
    Place,
    Processed,
    Published,
    Quantity,
    Quote,
    Speaker,
)
from claimledger.store import open_ledger, queries

HOSTILE = '<script>window.__pwned = 1</script>'
HOSTILE_IMG = '<img src=x onerror="window.__pwned = 2">'
HOSTILE_LINK = 'javascript:window.__pwned=3'


class _Builder:
    """Writes annotations by finding their text in the document (offsets always consistent)."""

    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id = doc_id
        self.text = text
        self.ann = Annotations()
        self.n = 0

    def span(self, needle: str, after: int = 0) -> tuple[int, int, str]:
        start = self.text.index(needle, after)
        return start, start + len(needle), needle

    def _id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}_{self.doc_id}_{self.n}"

    def entity(self, needle: str, label: str, canonical: str, entity: str) -> Entity:
        start, end, text = self.span(needle)
        item = Entity(id=self._id("ent"), doc=self.doc_id, start=start, end=end, text=text, label=label,
                      canonical=canonical, entity=entity)
        self.ann.entities.append(item)
        return item

    def place(self, needle: str, name: str, lat: float, lon: float, country: str) -> Place:
        start, end, text = self.span(needle)
        item = Place(id=self._id("plc"), doc=self.doc_id, start=start, end=end, text=text, name=name, lat=lat,
                     lon=lon, country=country, feature="city", gazetteer_id=f"gz-{name.lower()}")
        self.ann.places.append(item)
        return item

    def quantity(self, needle: str, value: float, *, counted: str, qualifier: str = "exact",
                 low: float | None = None, high: float | None = None, as_of: str | None = None,
                 claim: str | None = None, unit: str | None = None) -> Quantity:
        start, end, text = self.span(needle)
        item = Quantity(id=self._id("qty"), doc=self.doc_id, start=start, end=end, text=text, value=value,
                        low=value if low is None else low, high=value if high is None else high,
                        qualifier=qualifier, counted=counted, as_of=as_of, claim=claim, unit=unit)  # type: ignore[arg-type]
        self.ann.quantities.append(item)
        return item

    def quote(self, needle: str, speaker: Speaker, cue: str = "said", kind: str = "direct",
              date: str | None = None) -> Quote:
        start, end, text = self.span(needle)
        item = Quote(id=self._id("quo"), doc=self.doc_id, start=start, end=end, text=text, speaker=speaker,
                     cue=cue, kind=kind, date=date)  # type: ignore[arg-type]
        self.ann.quotes.append(item)
        return item

    def claim(self, claim_id: str, needle: str, speaker: Speaker, *, as_of: str | None, metric: str | None,
              quote: Quote | None = None, quantities: tuple[Quantity, ...] = (),
              places: tuple[Place, ...] = (), checkworthy: float = 0.5, polarity: str = "affirm") -> Claim:
        start, end, text = self.span(needle)
        item = Claim(id=claim_id, doc=self.doc_id, start=start, end=end, text=text, speaker=speaker,
                     quote=quote.id if quote else None, as_of=as_of, metric=metric,
                     quantities=tuple(q.id for q in quantities), places=tuple(p.id for p in places),
                     checkworthy=checkworthy, polarity=polarity)  # type: ignore[arg-type]
        self.ann.claims.append(item)
        return item


def corpus() -> tuple[list[Processed], list[Link]]:
    """Four invented documents and the links between their claims."""
    items: list[Processed] = []

    # 1. An invented ministry fact sheet.
    text = ("Fact sheet: the Northwind Coalition has 79 members, the Ministry of Harbours said on Monday. "
            "Officials in Port Amar reported that 1,200 families were displaced by the floods.")
    b = _Builder("doc_factsheet", text)
    b.entity("Northwind Coalition", "ORG", "Northwind Coalition", "ent_northwind")
    b.entity("Ministry of Harbours", "ORG", "Ministry of Harbours", "ent_ministry")
    amar = b.place("Port Amar", "Port Amar", 35.5, 35.8, "XA")
    ministry = Speaker(name="Ministry of Harbours", role="ministry", entity="ent_ministry")
    q79 = b.quantity("79 members", 79, counted="coalition members", as_of="2024-01-10", claim="clm_79")
    q1200 = b.quantity("1,200 families", 1200, counted="families displaced", as_of="2024-01-10",
                       claim="clm_1200")
    b.claim("clm_79", "the Northwind Coalition has 79 members", ministry, as_of="2024-01-10",
            metric="coalition members", quantities=(q79,), checkworthy=0.8)
    b.claim("clm_1200", "Officials in Port Amar reported that 1,200 families were displaced by the floods",
            Speaker(name=None, description="officials in Port Amar", anonymous=True), as_of="2024-01-10",
            metric="families displaced", quantities=(q1200,), places=(amar,), checkworthy=0.9)
    items.append(Processed(Document(id="doc_factsheet", source="factsheet.html", title="Coalition fact sheet",
                                    publisher="Ministry of Harbours", text=text,
                                    published=Published("2024-01-10", "day", "metadata")), b.ann))

    # 2. An invented news article months later.
    text = ('Spokesperson Dana Ortiz said the coalition now counts about 80 members. '
            '"The campaign is not over," Ortiz told reporters in Lindqvist. '
            'Aid groups in Port Amar said 1,500 families had been displaced.')
    b = _Builder("doc_article", text)
    b.entity("Dana Ortiz", "PERSON", "Dana Ortiz", "ent_ortiz")
    lind = b.place("Lindqvist", "Lindqvist", 59.3, 18.1, "XB")
    amar = b.place("Port Amar", "Port Amar", 35.5, 35.8, "XA")
    ortiz = Speaker(name="Dana Ortiz", role="spokesperson", entity="ent_ortiz")
    q80 = b.quantity("about 80 members", 80, counted="coalition members", qualifier="approx", low=75, high=85,
                     as_of="2024-06-02", claim="clm_80")
    q1500 = b.quantity("1,500 families", 1500, counted="families displaced", as_of="2024-06-02",
                       claim="clm_1500")
    quote = b.quote('"The campaign is not over,"', ortiz, cue="told", date="2024-06-02")
    b.claim("clm_80", "the coalition now counts about 80 members", ortiz, as_of="2024-06-02",
            metric="coalition members", quantities=(q80,), checkworthy=0.7)
    b.claim("clm_notover", "The campaign is not over", ortiz, as_of="2024-06-02", metric="campaign status",
            quote=quote, places=(lind,), checkworthy=0.95, polarity="negate")
    b.claim("clm_1500", "Aid groups in Port Amar said 1,500 families had been displaced",
            Speaker(name="Aid groups"), as_of="2024-06-02", metric="families displaced", quantities=(q1500,),
            places=(amar,), checkworthy=0.85)
    items.append(Processed(Document(id="doc_article", source="https://news.example.org/coalition",
                                    title="Coalition grows as campaign continues", publisher="Example News",
                                    author="R. Writer", text=text,
                                    published=Published("2024-06-02", "day", "metadata")), b.ann))

    # 3. An invented social post.
    text = "We have defeated the Red Hand group. Our forces are coming home. — President Leon Varga"
    b = _Builder("doc_post", text)
    b.entity("Red Hand", "ORG", "Red Hand", "ent_redhand")
    b.entity("Leon Varga", "PERSON", "Leon Varga", "ent_varga")
    varga = Speaker(name="Leon Varga", role="president", entity="ent_varga")
    quote = b.quote("We have defeated the Red Hand group.", varga, cue="posted", kind="post", date="2024-06-02")
    b.claim("clm_defeated", "We have defeated the Red Hand group", varga, as_of="2024-06-02",
            metric="campaign status", quote=quote, checkworthy=0.97)
    items.append(Processed(Document(id="doc_post", source="posts.jsonl", external_id="post-17",
                                    title="Post by Leon Varga", publisher="Varga (social)", text=text,
                                    published=Published("2024-06-02", "day", "metadata")), b.ann))

    # 4. A hostile document: markup in every field that could reach a page.
    text = (f"Breaking {HOSTILE} update. {HOSTILE_IMG} Click <a href=\"{HOSTILE_LINK}\">here</a>. "
            f"Mayor Ines Roe said 300 volunteers joined {HOSTILE}.")
    b = _Builder("doc_hostile", text)
    evil = Speaker(name=f"Ines Roe {HOSTILE}", role=HOSTILE_IMG)
    b.entity("Ines Roe", "PERSON", f"Ines Roe {HOSTILE_IMG}", "ent_roe")
    q300 = b.quantity("300 volunteers", 300, counted=f"volunteers {HOSTILE}", as_of="2024-03-01",
                      claim="clm_hostile")
    quote = b.quote(f"300 volunteers joined {HOSTILE}", evil, cue="said", kind="indirect")
    b.claim("clm_hostile", f"Mayor Ines Roe said 300 volunteers joined {HOSTILE}", evil, as_of="2024-03-01",
            metric=f"volunteers {HOSTILE}", quote=quote, quantities=(q300,), checkworthy=0.6)
    items.append(Processed(Document(id="doc_hostile", source=HOSTILE_LINK, title=f"Hostile {HOSTILE}",
                                    publisher=HOSTILE_IMG, text=text,
                                    published=Published("2024-03-01", "day", "metadata")), b.ann))

    links = [
        Link(id="lnk_agree", a="clm_79", b="clm_80", relation="agree", score=0.9,
             explanation="79 and about 80 coalition members agree within the stated approximation."),
        Link(id="lnk_contra", a="clm_notover", b="clm_defeated", relation="contradict", score=0.85,
             explanation="One says the campaign is not over; the other says the group is defeated, same day."),
        Link(id="lnk_update", a="clm_1200", b="clm_1500", relation="update", score=0.7,
             explanation="Families displaced in Port Amar rose from 1,200 (January) to 1,500 (June)."),
        Link(id="lnk_hostile", a="clm_hostile", b="clm_80", relation="contradict", score=0.1,
             explanation=f"Planted explanation {HOSTILE} {HOSTILE_IMG}"),
    ]
    return items, links


def build_ledger(path: Path) -> Path:
    """Write the fictional corpus into a fresh ledger at ``path``."""
    items, links = corpus()
    with open_ledger(str(path)) as ledger:
        ledger.write(items)
        ledger.replace_links(links)
    return path


@pytest.fixture
def ledger(db_path: Path):  # type: ignore[no-untyped-def]
    build_ledger(db_path)
    with open_ledger(str(db_path)) as opened:
        yield opened


# -- the queries themselves -------------------------------------------------------------------
def test_corpus_offsets_are_consistent() -> None:
    items, _ = corpus()
    for item in items:
        for annotation in item.annotations.all():
            assert item.document.text[annotation.start:annotation.end] == annotation.text


def test_list_claims_newest_first_with_document(ledger) -> None:  # type: ignore[no-untyped-def]
    claims = queries.list_claims(ledger, queries.ClaimFilter(), limit=50)
    assert len(claims) == queries.count_claims(ledger) == 7
    dates = [c["as_of"] for c in claims]
    assert dates == sorted(dates, reverse=True)
    first = claims[0]
    assert {"type", "id", "doc", "start", "end", "text", "speaker", "quantities", "places"} <= set(first)
    assert first["document"]["source"] and first["document"]["published"]["date"] == "2024-06-02"


@pytest.mark.parametrize(("filters", "expected"), [
    (queries.ClaimFilter(text="families displaced"), {"clm_1200", "clm_1500"}),
    (queries.ClaimFilter(text='"not over'), {"clm_notover"}),  # a stray quote is not FTS syntax
    (queries.ClaimFilter(speaker="ortiz"), {"clm_80", "clm_notover"}),
    (queries.ClaimFilter(speaker="ent_varga"), {"clm_defeated"}),
    (queries.ClaimFilter(entity="Northwind Coalition"), {"clm_79"}),
    (queries.ClaimFilter(entity="ent_redhand"), {"clm_defeated"}),
    (queries.ClaimFilter(place="Port Amar"), {"clm_1200", "clm_1500"}),
    (queries.ClaimFilter(place="gz-lindqvist"), {"clm_notover"}),
    (queries.ClaimFilter(since="2024-06"), {"clm_80", "clm_notover", "clm_1500", "clm_defeated"}),
    (queries.ClaimFilter(until="2024-01"), {"clm_79", "clm_1200"}),
    (queries.ClaimFilter(since="2024-02", until="2024-03-31"), {"clm_hostile"}),
    (queries.ClaimFilter(metric="coalition members"), {"clm_79", "clm_80"}),
    (queries.ClaimFilter(min_checkworthy=0.9), {"clm_1200", "clm_notover", "clm_defeated"}),
    (queries.ClaimFilter(doc="doc_post"), {"clm_defeated"}),
    (queries.ClaimFilter(text="coalition", since="2024-06"), {"clm_80"}),
    (queries.ClaimFilter(speaker="100%_"), set()),
])
def test_claim_filters(ledger, filters: queries.ClaimFilter, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    found = {c["id"] for c in queries.list_claims(ledger, filters, limit=100)}
    assert found == expected
    assert queries.count_claims(ledger, filters) == len(expected)


def test_paging_and_bad_dates(ledger) -> None:  # type: ignore[no-untyped-def]
    every = [c["id"] for c in queries.list_claims(ledger, limit=100)]
    pages = [c["id"] for o in range(0, 7, 3) for c in queries.list_claims(ledger, limit=3, offset=o)]
    assert pages == every
    with pytest.raises(ValueError, match="since"):
        queries.list_claims(ledger, queries.ClaimFilter(since="June 2024"))


def test_documents_search_view_and_missing(ledger) -> None:  # type: ignore[no-untyped-def]
    found = queries.list_documents(ledger, q="displaced floods")
    assert [d["id"] for d in found] == ["doc_factsheet"]
    assert "floods" in found[0]["snippet"]["text"] or "displaced" in found[0]["snippet"]["text"]
    view = queries.document_view(ledger, "doc_article")
    assert {c["id"] for c in view["annotations"]["claims"]} == {"clm_80", "clm_notover", "clm_1500"}
    assert {link["id"] for link in view["links"]} >= {"lnk_agree", "lnk_contra", "lnk_update"}
    with pytest.raises(NotFound):
        queries.document_view(ledger, "doc_nope")


def test_entities_places_metrics_links(ledger) -> None:  # type: ignore[no-untyped-def]
    places = {p["name"]: p for p in queries.list_places(ledger)}
    assert places["Port Amar"]["mentions"] == 2 and places["Port Amar"]["lat"] == pytest.approx(35.5)
    metrics = {m["metric"]: m for m in queries.list_metrics(ledger)}
    assert metrics["coalition members"]["claims"] == 2
    points = queries.metric_points(ledger, "coalition members")
    assert [p["value"] for p in points] == [79, 80]
    assert points[1]["low"] == 75
    conflicts = queries.list_links(ledger, relation="contradict")
    assert conflicts[0]["id"] == "lnk_contra"
    assert conflicts[0]["claim_a"]["speaker"]["name"] == "Dana Ortiz"
    assert queries.get_entity(ledger, "dana ortiz")["entity"] == "ent_ortiz"
    speakers = {s["name"]: s["claims"] for s in queries.top_speakers(ledger)}
    assert speakers["Dana Ortiz"] == 2


# -- a real server on 127.0.0.1 for the browser and load tests --------------------------------
@contextlib.contextmanager
def live_server(app: Any, *, seconds: float = 300.0) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port in a thread; stop after the block (or
    after ``seconds`` at the latest, so a stuck test cannot leave a server behind)."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           lifespan="on", timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    stopper = threading.Timer(seconds, lambda: setattr(server, "should_exit", True))
    stopper.daemon = True
    stopper.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stopper.cancel()
        server.should_exit = True
        thread.join(timeout=10)
