"""Crash safety and hostile input (issue 8): kill real ingests, feed generated hostile files.

Prints one table. The corpus and the hostile files are generated (fictional); no dataset is read,
``--datasets`` is accepted for the common bench interface only.

    .venv/bin/python bench/faults.py            # 400 documents, 9 kill points, 20 hostile inputs
    .venv/bin/python bench/faults.py --fast     # 60 documents, 3 kill points
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from claimledger.evaluation import Score, format_table
from claimledger.evaluation.faults import hostile_run, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=None, help="unused: the inputs are generated")
    parser.add_argument("--fast", action="store_true", help="a small corpus and three kill points")
    args = parser.parse_args()
    scores = measure(Path(args.datasets or "."), fast=args.fast)
    with tempfile.TemporaryDirectory(prefix="claimledger-hostile-") as folder:
        report = hostile_run(Path(folder))
    scores += [
        Score("faults", "hostile inputs", "handled / tried", report.handled / report.tried, reference=1.0,
              reference_by="issue 8 (must be all)", note="; ".join(report.problems), n=report.tried),
        Score("faults", "hostile inputs", "good neighbours stored", report.good_kept / report.good_total,
              reference=1.0, reference_by="issue 8", n=report.good_total),
        Score("faults", "hostile inputs", "integrity_check ok", float(report.integrity == "ok"), reference=1.0,
              reference_by="issue 8", n=1),
        Score("faults", "hostile inputs", "seconds for the batch (bounded)", report.seconds, n=report.tried),
    ]
    print(format_table(scores))
    for score in scores:
        if score.note:
            print(f"note ({score.dataset}, {score.metric}): {score.note}")
    print()
    for name, outcome in report.outcomes.items():
        print(f"  {name:28} {outcome}")


if __name__ == "__main__":
    main()
