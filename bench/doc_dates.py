"""Document dates inferred from text alone (clean stage), against the gold creation time.

Usage: python bench/doc_dates.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, doc_dates, find_datasets, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="datasets folder (default ../shared/datasets)")
    parser.add_argument("--fast", action="store_true", help="score a small deterministic subset")
    args = parser.parse_args()
    try:
        scores = doc_dates.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
