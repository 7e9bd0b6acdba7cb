"""Query speed on a generated ledger of one million claims (SQLite by default).

Builds the ledger once (rows written directly with ``executemany``, not through the NLP
pipeline; texts from ``bench/synthetic.py``) and keeps it for later runs, then times the
``store/queries.py`` functions behind the API's claims search, conflicts and timeline endpoints,
each call exactly as the endpoint makes it (a page of 50 plus the total count). Prints p50 and
p95 in milliseconds against the 100 ms target, next to a baseline measured in the same process:
the claims and timeline queries as they were written before issue 7 part 4.

    .venv/bin/python bench/queries.py                         # 1,000,000 claims, built once
    .venv/bin/python bench/queries.py --claims 100000 --ledger /tmp/small.db
    .venv/bin/python bench/queries.py --db postgresql://postgres@127.0.0.1/bench   # PostgreSQL
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import synthetic
from claimledger.ids import make_id
from claimledger.store import open_ledger
from claimledger.store import queries as q
from claimledger.store.base import Ledger
from claimledger.store.rows import LISTS, from_row

TARGET_MS = 100.0
CLAIMS_PER_DOC = 10
DEFAULT_LEDGER = "/tmp/claimledger-bench-queries.db"  # noqa: S108 - a cache the user may move
RELATIONS = (("same_metric", 0.5), ("agree", 0.25), ("contradict", 0.1), ("update", 0.1), ("duplicate", 0.05))


def metric_names(rng: random.Random, n: int) -> list[str]:
    """``n`` metric keys such as ``displaced people|Velmora`` (what is counted, where)."""
    out = sorted({f"{counted}|{place}" for counted in synthetic.COUNTED for place in synthetic.PLACES})
    while len(out) < n:
        out.append(f"{rng.choice(synthetic.COUNTED)}|{rng.choice(synthetic.PLACES)} district {len(out)}")
    return out[:n]


def zipf_pick(rng: random.Random, items: list[str]) -> str:
    """An item with Zipf frequencies (rank k weighs 1/k): a few metrics have many claims, as in
    real coverage (with 5,000 metrics the most frequent holds about 11% of them)."""
    weights = _ZIPF.get(len(items))
    if weights is None:
        weights = _ZIPF[len(items)] = list(itertools.accumulate(1 / k for k in range(1, len(items) + 1)))
    return items[bisect.bisect_left(weights, rng.random() * weights[-1])]


_ZIPF: dict[int, list[float]] = {}


def build(ledger: Ledger, n_claims: int, *, seed: int = 11, chunk: int = 20_000) -> None:
    """Fill an empty ledger with ``n_claims`` claims, their documents, quantities and links."""
    rng = random.Random(seed)
    metrics = metric_names(rng, 5_000)
    speakers = [synthetic.person(rng) for _ in range(2_000)]
    connection = ledger.connection
    cursor = connection.cursor()
    n_docs = max(1, n_claims // CLAIMS_PER_DOC)
    claim_ids: list[tuple[str, str]] = []  # (id, metric)
    for first in range(0, n_docs, chunk // CLAIMS_PER_DOC):
        docs, claims, quantities, joins = [], [], [], []
        for d in range(first, min(n_docs, first + chunk // CLAIMS_PER_DOC)):
            doc_id = make_id("document", "bench", str(d))
            date = f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentences = [synthetic.sentence(rng) for _ in range(CLAIMS_PER_DOC)]
            text = " ".join(sentences)
            docs.append((doc_id, f"bench/{d}.html", f"Generated report {d}", rng.choice(("Wire", "Gazette")),
                         date, "day", "metadata", text, "ok", "2026-01-01T00:00:00+00:00"))
            offset = 0
            for i, sentence in enumerate(sentences):
                claim_id = make_id("claim", doc_id, str(i))
                metric = zipf_pick(rng, metrics) if rng.random() < 0.8 else None
                as_of = None if rng.random() < 0.7 else date[:7]
                speaker = rng.choice(speakers) if rng.random() < 0.85 else None
                claims.append((claim_id, doc_id, offset, offset + len(sentence), sentence, speaker, as_of, metric,
                               "negate" if rng.random() < 0.05 else "affirm", round(rng.random(), 3)))
                quantity_id = make_id("quantity", claim_id)
                value = float(rng.randint(1, 100_000))
                quantities.append((quantity_id, doc_id, offset, offset + 3, sentence[:3], value, value, value,
                                   "exact", None, "count", "people", as_of, claim_id))
                joins.append((claim_id, 0, quantity_id))
                if metric is not None:
                    claim_ids.append((claim_id, metric))
                offset += len(sentence) + 1
        cursor.executemany(
            "INSERT INTO documents (id, source, title, publisher, published_date, published_precision, "
            "published_basis, text, status, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            .replace("?", ledger.placeholder), docs)
        cursor.executemany(
            'INSERT INTO claims (id, doc, start, "end", text, speaker_name, as_of, metric, polarity, checkworthy) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".replace("?", ledger.placeholder), claims)
        cursor.executemany(
            'INSERT INTO quantities (id, doc, start, "end", text, value, low, high, qualifier, unit, unit_class, '
            "counted, as_of, claim) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            .replace("?", ledger.placeholder), quantities)
        cursor.executemany("INSERT INTO claim_quantities (claim, seq, quantity) VALUES (?, ?, ?)"
                           .replace("?", ledger.placeholder), joins)
        connection.commit()
    by_metric: dict[str, list[str]] = {}
    for claim_id, metric in claim_ids:
        by_metric.setdefault(metric, []).append(claim_id)
    links = []
    names = [r for r, _ in RELATIONS]
    weights = [w for _, w in RELATIONS]
    for metric, ids in by_metric.items():
        for _ in range(min(len(ids) // 3, 2_000)):
            a, b = rng.sample(ids, 2)
            relation = rng.choices(names, weights)[0]
            links.append((make_id("link", a, b, relation), a, b, relation, round(rng.random(), 3),
                          f"Generated {relation} link on {metric}."))
    for start in range(0, len(links), chunk):
        cursor.executemany("INSERT INTO links (id, a, b, relation, score, explanation) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING".replace("?", ledger.placeholder), links[start:start + chunk])
        connection.commit()
    if ledger.dialect == "sqlite":
        connection.execute("ANALYZE")
    else:
        connection.execute("ANALYZE")
    connection.commit()


def timed(call: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def workloads(ledger: Ledger, rng: random.Random) -> Iterator[tuple[str, str, Callable[[], Any],
                                                                   Callable[[], Any] | None]]:
    """(endpoint, parameters, call, baseline call or None): each call as the API endpoint makes it
    through store/queries.py; the baseline is the same request as the queries ran before issue 7
    part 4 (kept below), measured in the same process for the speed-up column."""
    metrics = [r["metric"] for r in ledger.query(
        "SELECT metric FROM claims WHERE metric IS NOT NULL GROUP BY metric ORDER BY count(*) DESC LIMIT 2000")]
    words = [*synthetic.PLACES, *(c.split()[0] for c in synthetic.COUNTED), *synthetic.LAST, "denied", "power"]

    def claims_search() -> tuple[str, Callable[[], Any], Callable[[], Any] | None]:
        text = " ".join(rng.sample(words, rng.choice((1, 2))))
        filters = q.ClaimFilter(text=text)
        return (f"text={text}", lambda: (q.list_claims(ledger, filters, limit=50), q.count_claims(ledger, filters)),
                lambda: baseline_claims(ledger, filters))

    def claims_speaker() -> tuple[str, Callable[[], Any], Callable[[], Any] | None]:
        speaker = rng.choice(synthetic.LAST).lower()
        filters = q.ClaimFilter(speaker=speaker, since="2024")
        return (f"speaker={speaker}", lambda: (q.list_claims(ledger, filters, limit=50),
                                               q.count_claims(ledger, filters)),
                lambda: baseline_claims(ledger, filters))

    def conflicts() -> tuple[str, Callable[[], Any], Callable[[], Any] | None]:
        offset = rng.choice((0, 0, 0, 50, 500))
        return (f"offset={offset}", lambda: (q.list_links(ledger, relation="contradict", limit=50, offset=offset),
                                             q.count_links(ledger, relation="contradict")), None)

    def conflicts_metric() -> tuple[str, Callable[[], Any], Callable[[], Any] | None]:
        metric = rng.choice(metrics[:200])
        return (f"metric={metric}", lambda: (q.list_links(ledger, relation="contradict", metric=metric, limit=50),
                                             q.count_links(ledger, relation="contradict")), None)

    def timeline() -> tuple[str, Callable[[], Any], Callable[[], Any] | None]:
        metric = zipf_pick(rng, metrics)
        return f"metric={metric}", lambda: q.metric_points(ledger, metric), lambda: baseline_points(ledger, metric)

    for endpoint, make in (("GET /api/claims?text=", claims_search), ("GET /api/claims?speaker=&since=",
                                                                        claims_speaker),
                           ("GET /api/conflicts", conflicts), ("GET /api/conflicts?metric=", conflicts_metric),
                           ("GET /api/timeline?metric=", timeline)):
        params, call, baseline = make()
        yield endpoint, params, call, baseline


# -- the baseline: the claims and timeline queries as store/queries.py ran them before issue 7
# part 4 (sort on COALESCE(as_of, published_date), speaker by case-insensitive LIKE, count
# joined to documents); same page of 50 plus the total
def _baseline_where(ledger: Ledger, filters: q.ClaimFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.text:
        condition, values = ledger.fts_condition("claims", filters.text, alias="c")
        clauses.append(condition)
        params += values
    if filters.speaker:
        clauses.append("(lower(c.speaker_name) LIKE ? ESCAPE '\\' OR c.speaker_entity = ?)")
        params += [q.like_pattern(filters.speaker), filters.speaker]
    when = "COALESCE(c.as_of, d.published_date)"
    if filters.since:
        clauses.append(f"({when} IS NOT NULL AND {when} >= substr(?, 1, length({when})))")
        params.append(filters.since)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def baseline_claims(ledger: Ledger, filters: q.ClaimFilter, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """A page of claims and the total, as before: every match sorted, the count joined."""
    where, params = _baseline_where(ledger, filters)
    rows = ledger.query(
        f"SELECT c.*, d.source AS doc_source FROM claims c JOIN documents d ON d.id = c.doc{where} "
        "ORDER BY COALESCE(c.as_of, d.published_date, '') DESC, d.published_date DESC, c.id LIMIT ?",
        [*params, limit])
    records = []
    for row in rows:
        record = from_row("claim", row)
        for field, (table, column) in LISTS["claim"].items():
            record[field] = [r[column] for r in ledger.query(
                f"SELECT {column} FROM {table} WHERE claim = ? ORDER BY seq", (row["id"],))]
        records.append(record)
    total = ledger.query(f"SELECT count(*) AS n FROM claims c JOIN documents d ON d.id = c.doc{where}", params)
    return records, int(total[0]["n"])


def baseline_points(ledger: Ledger, metric: str, limit: int = 500) -> list[dict[str, Any]]:
    """A metric's values over time, sorted on an expression no index holds (as before)."""
    return ledger.query(
        "SELECT c.id AS claim, c.text AS claim_text, c.speaker_name AS speaker, "
        "COALESCE(c.as_of, q.as_of, d.published_date) AS as_of, c.doc AS doc, d.source AS source, "
        "q.id AS quantity, q.value AS value, q.low AS low, q.high AS high, q.qualifier AS qualifier, "
        "q.unit AS unit FROM claims c JOIN documents d ON d.id = c.doc "
        "LEFT JOIN claim_quantities cq ON cq.claim = c.id AND cq.seq = 0 "
        "LEFT JOIN quantities q ON q.id = cq.quantity WHERE c.metric = ? "
        "ORDER BY COALESCE(c.as_of, q.as_of, d.published_date, ''), c.id LIMIT ?",
        (metric, limit))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the ledger (default 1,000,000)")
    parser.add_argument("--ledger", default=DEFAULT_LEDGER, help=f"SQLite ledger kept between runs ({DEFAULT_LEDGER})")
    parser.add_argument("--db", default=None, help="a postgresql:// URL to measure instead of the SQLite file")
    parser.add_argument("--rebuild", action="store_true", help="build the ledger again even if it exists")
    parser.add_argument("--repeat", type=int, default=100, help="calls per query kind (default 100)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the pre-issue-7.4 baseline queries")
    parser.add_argument("--datasets", default=None, help="unused: this benchmark generates its data")
    args = parser.parse_args(argv)

    target = args.db or args.ledger
    if not args.db and args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(args.ledger + suffix).unlink(missing_ok=True)
    with open_ledger(target) as ledger:
        have = ledger.query("SELECT count(*) AS n FROM claims")[0]["n"]
        if have != args.claims:
            if have:
                print(f"{target} holds {have} claims, not {args.claims}: use --rebuild or another --ledger")
                return 1
            start = time.perf_counter()
            build(ledger, args.claims)
            print(f"built {args.claims:,} claims in {time.perf_counter() - start:.0f} s into {target}")
        counts = {k: ledger.query(f"SELECT count(*) AS n FROM {k}")[0]["n"] for k in ("documents", "claims", "links")}
    print(f"ledger: {counts['documents']:,} documents, {counts['claims']:,} claims, {counts['links']:,} links "
          f"({'PostgreSQL' if args.db else 'SQLite'})")

    reader = open_ledger(target, readonly=not args.db)
    rng = random.Random(5)
    samples: dict[str, list[float]] = {}
    baselines: dict[str, list[float]] = {}
    try:
        for _ in range(args.repeat):
            for endpoint, _params, call, baseline in workloads(reader, rng):
                samples.setdefault(endpoint, []).extend(timed(call, 1))
                if baseline is not None and not args.no_baseline:
                    baselines.setdefault(endpoint, []).extend(timed(baseline, 1))
    finally:
        reader.close()
    rows = [("API query (store/queries.py)", "calls", "p50 ms", "p95 ms", "max ms", f"target p95 < {TARGET_MS:.0f} ms",
             "baseline p50/p95 ms", "p95 speed-up")]
    for endpoint, values in samples.items():
        values.sort()
        before = baselines.get(endpoint)
        rows.append((endpoint, str(len(values)), f"{statistics.median(values):.1f}", f"{p95(values):.1f}",
                     f"{values[-1]:.1f}", "ok" if p95(values) < TARGET_MS else "MISSED",
                     f"{statistics.median(before):.1f} / {p95(before):.1f}" if before else "-",
                     f"x{p95(before) / p95(values):.1f}" if before else "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
