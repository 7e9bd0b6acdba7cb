"""Counting links per metric (regression: /api/conflicts?metric= reported the total of all metrics)."""

from __future__ import annotations

from pathlib import Path

from claimledger.model import Annotations, Claim, Document, Link, Processed
from claimledger.store import open_ledger, queries


def test_count_links_of_one_metric(db_path: Path) -> None:
    text = "A said one. B said two. C said three."
    doc = Document(id="doc_q", source="q.txt", text=text)
    found = Annotations()
    found.claims = [
        Claim(id=f"clm_{i}", doc="doc_q", start=s, end=e, text=text[s:e], metric=m)
        for i, (s, e, m) in enumerate([(0, 11, "troops"), (12, 23, "troops"), (24, 37, "aid")])
    ]
    with open_ledger(str(db_path)) as ledger:
        ledger.write([Processed(doc, found)])
        ledger.replace_links([
            Link(id="lnk_1", a="clm_0", b="clm_1", relation="contradict", score=0.9, explanation="x"),
            Link(id="lnk_2", a="clm_2", b="clm_2", relation="contradict", score=0.9, explanation="y"),
            Link(id="lnk_3", a="clm_0", b="clm_2", relation="agree", score=0.9, explanation="z"),
        ])
        assert queries.count_links(ledger, relation="contradict") == 2
        assert queries.count_links(ledger, relation="contradict", metric="troops") == 1
        assert queries.count_links(ledger, metric="aid") == 2
        assert queries.count_links(ledger) == 3
