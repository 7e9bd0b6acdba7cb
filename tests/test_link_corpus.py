# ruff: noqa: E501  -- the sample sentences are kept whole, one per line, to match samples/campaign
"""Hand-filled ledgers for the link tests: claims and figures written directly, no extractors.

``SAMPLE_CLAIMS`` restates the sentences of ``samples/campaign`` (our own fictional corpus)
with the speaker, date and figures a careful reader gives them, so the link stage is tested
against the answer key in ``samples/README.md`` independently of the extractors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.ids import make_id
from claimledger.model import Annotations, Claim, Document, Place, Processed, Published, Quantity, Speaker

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@dataclass(frozen=True)
class Fig:
    text: str
    value: float
    qualifier: str = "exact"
    counted: str | None = None
    place: str | None = None
    unit: str | None = None
    unit_class: str = "count"
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Spec:
    file: str
    sentence: str
    speaker: str | None
    date: str | None
    figures: tuple[Fig, ...] = ()
    places: tuple[str, ...] = ()
    polarity: str = "affirm"


SAMPLE_CLAIMS: tuple[Spec, ...] = (
    Spec("01-factsheet-coalition.txt", "The coalition has 79 members, including 74 countries and five international organizations.",
         "Office of the Spokesperson", "2025-02-10", (Fig("79", 79, counted="members"),)),
    Spec("01-factsheet-coalition.txt", "Since the start of Operation Steadfast Lantern, coalition partners have detained more than 1,000 Crimson Ridge Front fighters in northeast Syria.",
         "Office of the Spokesperson", "2025-02-10",
         (Fig("more than 1,000", 1000, "more_than", "Crimson Ridge Front fighters detained", "northeast Syria"),)),
    Spec("01-factsheet-coalition.txt", "Coalition members have pledged $310 million in stabilization funding for areas freed from the group.",
         "Office of the Spokesperson", "2025-02-10",
         (Fig("$310 million", 310e6, counted="stabilization funding", unit="USD", unit_class="currency"),)),
    Spec("02-press-release-troops.txt", "Joint Task Force Steadfast Lantern said on Tuesday that approximately 900 U.S. troops are deployed in Syria to support partner forces against the Crimson Ridge Front.",
         "Joint Task Force Steadfast Lantern", "2025-03-04",
         (Fig("approximately 900", 900, "approx", "U.S. troops", "Syria"),)),
    Spec("02-press-release-troops.txt", "About 5,000 U.S. troops remain in Iraq at the invitation of the Iraqi government, the task force said.",
         "Joint Task Force Steadfast Lantern", "2025-03-04",
         (Fig("About 5,000", 5000, "approx", "U.S. troops", "Iraq"),)),
    Spec("02-press-release-troops.txt", "Coalition aircraft delivered 450 tons of humanitarian aid to Deir ez-Zor province in February.",
         "Joint Task Force Steadfast Lantern", "2025-02",
         (Fig("450 tons", 450, counted="humanitarian aid", place="Deir ez-Zor", unit="t", unit_class="mass"),)),
    Spec("03-briefing-june.md", "There are now about 2,000 U.S. service members in Syria, up from the figure we gave in March.",
         "Dana Whitfield", "2025-06-12", (Fig("about 2,000", 2000, "approx", "U.S. service members", "Syria"),)),
    Spec("03-briefing-june.md", "Coalition aircraft carried out 140 airstrikes near Raqqa in May.",
         "Dana Whitfield", "2025-05", (Fig("140", 140, counted="airstrikes", place="Raqqa"),)),
    Spec("04-wire-airstrikes.txt", "Coalition aircraft carried out 312 airstrikes near Raqqa in August, the highest monthly total of the year, according to figures released by the task force on Tuesday.",
         "Northline Wire", "2025-08", (Fig("312", 312, counted="airstrikes", place="Raqqa"),)),
    Spec("04-wire-airstrikes.txt", "The United Nations said 40,000 people remain displaced in Raqqa province.",
         "United Nations", "2025-09-03", (Fig("40,000", 40000, counted="people displaced", place="Raqqa"),)),
    Spec("05-harbor-gazette.html", "Coalition aircraft carried out 312 airstrikes near Raqqa in August, the task force said, the largest number in any month this year.",
         "Harbor Gazette", "2025-08", (Fig("312", 312, counted="airstrikes", place="Raqqa"),)),
    Spec("05-harbor-gazette.html", "The Global Coalition Against the Crimson Ridge Front now counts about 80 entities, diplomats said, after two more governments signed on over the summer.",
         "Harbor Gazette", "2025-09-04", (Fig("about 80", 80, "approx", "entities"),)),
    Spec("05-harbor-gazette.html", "The coalition pledged $45 million in emergency aid for families displaced from villages around Raqqa.",
         "Harbor Gazette", "2025-09-04",
         (Fig("$45 million", 45e6, counted="aid", place="Raqqa", unit="USD", unit_class="currency"),)),
    Spec("06-meridian-troops.html", "The number of American forces in Syria fell to roughly 1,500 in October, two defense officials said.",
         "Meridian Daily", "2025-10", (Fig("roughly 1,500", 1500, "approx", "American forces", "Syria"),)),
    Spec("06-meridian-troops.html", "Partner forces in northeast Syria now hold roughly 10,000 Crimson Ridge Front fighters in detention, according to camp administrators.",
         "Meridian Daily", "2025-10-20",
         (Fig("roughly 10,000", 10000, "approx", "Crimson Ridge Front fighters detained", "northeast Syria"),)),
    Spec("06-meridian-troops.html", "In Iraq, where the campaign began, the coalition keeps about 5,000 troops, the officials said.",
         "Meridian Daily", "2025-10-20", (Fig("about 5,000", 5000, "approx", "troops", "Iraq"),)),
    Spec("07-posts-december.jsonl", "We have defeated the Crimson Ridge Front in Syria.", "Harlan Voss", "2025-12-19",
         places=("Syria",)),
    Spec("07-posts-december.jsonl", "The campaign against the Crimson Ridge Front is not over.", "Dana Whitfield",
         "2025-12-19"),
    Spec("07-posts-december.jsonl", "Coalition aircraft carried out 95 airstrikes near Raqqa in November, the task force said.",
         "Northline Wire", "2025-11", (Fig("95", 95, counted="airstrikes", place="Raqqa"),)),
    Spec("08-governor-statement.txt", "Governor Adnan Saleh said on Friday that Mosul is 100 percent liberated from the Crimson Ridge Front and that reconstruction of the old city will begin in January.",
         "Adnan Saleh", "2025-11-14", places=("Mosul",)),
    Spec("09-analysis-mosul.txt", "Two weeks after officials declared victory, a United Nations security assessment seen by this newsletter said the Crimson Ridge Front is yet to be fully uprooted from Mosul, with sleeper cells active in the western districts.",
         "United Nations", "2025-11-28", places=("Mosul",)),
    Spec("10-relief-update.txt", "The relief cell said 450 tons of food aid reached Raqqa province in June.",
         "Relief Coordination Cell", "2025-06",
         (Fig("450 tons", 450, counted="food aid", place="Raqqa", unit="t", unit_class="mass"),)),
    Spec("10-relief-update.txt", "Donors have pledged $45 million in aid for displaced families in Raqqa province.",
         "Relief Coordination Cell", "2025-07-15",
         (Fig("$45 million", 45e6, counted="aid", place="Raqqa", unit="USD", unit_class="currency"),)),
    Spec("10-relief-update.txt", "About 40,000 people remain displaced in Raqqa province, the cell said.",
         "Relief Coordination Cell", "2025-07-15", (Fig("About 40,000", 40000, "approx", "people displaced", "Raqqa"),)),
)


def processed(specs: tuple[Spec, ...] | list[Spec]) -> list[Processed]:
    """One document per file; each spec a claim over its sentence with hand-set figures."""
    by_file: dict[str, list[Spec]] = {}
    for spec in specs:
        by_file.setdefault(spec.file, []).append(spec)
    out = []
    for name, items in by_file.items():
        text = "\n\n".join(s.sentence for s in items)
        doc_id = make_id("document", name)
        found = Annotations()
        for spec in items:
            start = text.index(spec.sentence)
            claim_id = make_id("claim", doc_id, start)
            quantity_ids = []
            place_ids = []
            for fig in spec.figures:
                offset = start + spec.sentence.index(fig.text)
                place_id = None
                if fig.place:
                    place_id = make_id("place", doc_id, offset, fig.place)
                    found.places.append(_place(doc_id, text, fig.place, place_id, start))
                q = Quantity(id=make_id("quantity", doc_id, offset), doc=doc_id, start=offset,
                             end=offset + len(fig.text), text=fig.text, value=fig.value, low=fig.low,
                             high=fig.high, qualifier=fig.qualifier,  # type: ignore[arg-type]
                             unit=fig.unit, unit_class=fig.unit_class,  # type: ignore[arg-type]
                             counted=fig.counted, place=place_id, claim=claim_id)
                found.quantities.append(q)
                quantity_ids.append(q.id)
            for place in spec.places:
                place_id = make_id("place", doc_id, start, place)
                found.places.append(_place(doc_id, text, place, place_id, start))
                place_ids.append(place_id)
            found.claims.append(Claim(
                id=claim_id, doc=doc_id, start=start, end=start + len(spec.sentence), text=spec.sentence,
                speaker=Speaker(name=spec.speaker), as_of=spec.date, quantities=tuple(quantity_ids),
                places=tuple(place_ids), polarity=spec.polarity,  # type: ignore[arg-type]
            ))
        published = min((s.date for s in items if s.date), default=None)
        document = Document(id=doc_id, source=f"samples/campaign/{name}", title=name, text=text,
                            published=Published(date=published, precision="day", basis="metadata"))
        out.append(Processed(document, found))
    return out


def _place(doc_id: str, text: str, name: str, place_id: str, near: int) -> Place:
    position = text.find(name, near)
    if position < 0:
        position = max(0, text.find(name))
    return Place(id=place_id, doc=doc_id, start=position, end=position + len(name), text=name, name=name)


def answer_key() -> list[dict[str, Any]]:
    """Rows of the planted-relations table of samples/README.md."""
    rows = []
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        match = re.match(r"^\| (R\d+) \| (\w+) \| ([^|:]+): ([^|]+) \| ([^|:]+): ([^|]+) \| ([^|]+) \|$", line)
        if match:
            rid, relation, fa, pa, fb, pb, why = (g.strip() for g in match.groups())
            rows.append({"id": rid, "relation": relation, "a_file": fa, "a": pa, "b_file": fb, "b": pb, "why": why})
    return rows
