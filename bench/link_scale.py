"""Linking at scale: time and memory of `link` on synthetic corpora of 10k and 100k claims.

Speed is reported as a ratio of CPU time against the first (10k) run in the same process
(10.0 = linear); wall seconds (which include waiting for a shared CPU), CPU seconds and the peak
memory of the process are printed beside it. Two paths:
``views`` (the link stage in memory: metric keys, blocking, relations) and ``ledger`` (the
`claimledger link` command path on a SQLite ledger: load, metrics written back, links
replaced; the hashing encoder with --encoder hashing).

The corpus is generated here from templates in our own words: one metric holds 20% of all
claims (the "thousands of claims about one metric" case), a tail of 2,000 metrics the rest,
a third of the claims are status statements, one in ten has no date, and one in twenty
measures money or weight (never comparable with counts).

Usage: .venv/bin/python bench/link_scale.py [--sizes 10000,100000] [--ledger] [--encoder none|hashing]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from claimledger.ids import make_id
from claimledger.link import corpus
from claimledger.link.corpus import ClaimView, Figure
from claimledger.link.linker import link_ledger, link_views
from claimledger.model import Annotations, Claim, Document, Processed, Published, Quantity, Speaker

PLACES = ["Syria", "Iraq", "Raqqa", "Mosul", "Deir ez-Zor", "Kirkuk", "Aleppo", "Homs", "Erbil", "Tikrit"]
COUNTED = ["troops", "fighters", "airstrikes", "displaced people", "detainees", "checkpoints", "vehicles",
           "advisers", "civilian deaths", "returnees"]
GROUPS = ["Crimson Ridge Front", "Ash Valley Brigade", "Northern Lantern Movement", "Iron Gate Militia"]
SPEAKERS = ["Dana Whitfield", "Harlan Voss", "Miriam Okafor", "Adnan Saleh", "Lena Marchetti", None]


Row = tuple[str, str | None, str | None, list[tuple[float, str, str, str | None, str]]]


def synthetic(n: int, seed: int = 7) -> list[Row]:
    """(text, date, speaker, figures) rows; figures are (value, qualifier, counted, place, class)."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for i in range(n):
        year, month, day = 2023 + rng.randrange(3), 1 + rng.randrange(12), 1 + rng.randrange(28)
        date = None if i % 10 == 9 else f"{year}-{month:02d}-{day:02d}"
        speaker = rng.choice(SPEAKERS)
        if i % 3 == 2:
            group, place = rng.choice(GROUPS), rng.choice(PLACES)
            text = rng.choice([
                f"We have defeated the {group} in {place}.",
                f"The campaign against the {group} in {place} is not over.",
                f"The {group} is still active around {place}, officials said.",
            ])
            rows.append((text, date, speaker, []))
            continue
        if rng.random() < 0.2:
            counted, place = "troops", "Syria"
        else:
            metric = rng.randrange(2000)
            counted, place = f"{COUNTED[metric % 10]} of unit {metric // 10}", PLACES[metric % 7]
        value = float(rng.randrange(50, 20000))
        qualifier = rng.choice(["exact", "approx", "more_than", "approx"])
        unit_class = "count" if i % 20 else rng.choice(["currency", "mass"])
        text = f"Officials said {value:,.0f} {counted} were counted in {place} this month (item {i})."
        rows.append((text, date, speaker, [(value, qualifier, counted, place, unit_class)]))
    return rows


def views_of(rows: list[Row]) -> list[ClaimView]:
    out = []
    for i, (text, date, speaker, figures) in enumerate(rows):
        view = ClaimView(id=f"clm_{i:08d}", doc=f"doc_{i // 10:07d}", start=0, end=len(text), text=text,
                         speaker=speaker, when=date, when_basis="claim" if date else None)
        view.figures = [Figure(id=f"qty_{i:08d}_{k}", text=f"{v:,.0f}", value=v, low=None, high=None, qualifier=q,
                               unit={"currency": "USD", "mass": "t"}.get(c), unit_class=c, counted=counted,
                               change=None, as_of=None, place=place)
                        for k, (v, q, counted, place, c) in enumerate(figures)]
        out.append(corpus.finish(view))
    return out


def fill_ledger(path: Path, rows: list[Row]) -> None:
    from claimledger.store import open_ledger

    batch: list[Processed] = []
    with open_ledger(str(path)) as ledger:
        for start in range(0, len(rows), 10):
            chunk = rows[start:start + 10]
            text = "\n".join(r[0] for r in chunk)
            doc_id = make_id("document", "synthetic", start)
            found = Annotations()
            offset = 0
            for j, (sentence, date, speaker, figures) in enumerate(chunk):
                claim_id = make_id("claim", doc_id, j)
                qids = []
                for k, (value, qualifier, counted, _place, unit_class) in enumerate(figures):
                    qid = make_id("quantity", doc_id, j, k)
                    found.quantities.append(Quantity(
                        id=qid, doc=doc_id, start=offset, end=offset + len(sentence), text=sentence, value=value,
                        qualifier=qualifier, unit={"currency": "USD", "mass": "t"}.get(unit_class),  # type: ignore[arg-type]
                        unit_class=unit_class, counted=f"{counted} in {_place}", claim=claim_id))  # type: ignore[arg-type]
                    qids.append(qid)
                found.claims.append(Claim(id=claim_id, doc=doc_id, start=offset, end=offset + len(sentence),
                                          text=sentence, speaker=Speaker(name=speaker), as_of=date,
                                          quantities=tuple(qids)))
                offset += len(sentence) + 1
            batch.append(Processed(Document(id=doc_id, source=f"synthetic/{start}", text=text,
                                            published=Published()), found))
            if len(batch) >= 500:
                ledger.write(batch)
                batch = []
        if batch:
            ledger.write(batch)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--ledger", action="store_true", help="Also time the command path on SQLite.")
    parser.add_argument("--encoder", default="none", choices=["none", "hashing"])
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    lines = [("path", "claims", "seconds", "cpu seconds", "ratio vs first (cpu)", "candidate pairs", "links",
              "contradict", "peak MiB")]
    for path_name in ["views", *(["ledger"] if args.ledger else [])]:
        base = None
        for n in sizes:
            rows = synthetic(n)
            if path_name == "views":
                views = views_of(rows)
                cpu = time.process_time()
                started = time.perf_counter()
                links, _, pairs = link_views(views)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
                count = len(links)
                contradict = sum(link.relation == "contradict" for link in links)
            else:
                from claimledger.store import open_ledger

                with tempfile.TemporaryDirectory() as folder:
                    db = Path(folder) / "scale.db"
                    fill_ledger(db, rows)
                    with open_ledger(str(db)) as ledger:
                        cpu = time.process_time()
                        started = time.perf_counter()
                        summary = link_ledger(ledger, encoder=None if args.encoder == "none" else args.encoder)
                        seconds = time.perf_counter() - started
                        cpu = time.process_time() - cpu
                    pairs, count = summary.candidates, sum(summary.links.values())
                    contradict = summary.links.get("contradict", 0)
            base = base or cpu
            lines.append((path_name, f"{n:,}", f"{seconds:.1f}", f"{cpu:.1f}", f"{cpu / base:.1f}", f"{pairs:,}",
                          f"{count:,}", f"{contradict:,}", f"{peak_mib():.0f}"))
    widths = [max(len(r[i]) for r in lines) for i in range(len(lines[0]))]
    for k, row in enumerate(lines):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
