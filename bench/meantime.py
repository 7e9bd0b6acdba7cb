"""MEANTIME benchmark: typed entity spans, ours beside raw spaCy in the same run (one table)."""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, find_datasets, format_table, meantime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="datasets folder (default ../shared/datasets)")
    parser.add_argument("--fast", action="store_true", help="score a small deterministic subset")
    args = parser.parse_args(argv)
    try:
        scores = meantime.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(exc)
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
