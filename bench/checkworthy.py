"""Check-worthiness benchmarks: ClaimBuster AP and CLEF-2019 MAP beside the published best.

Usage: .venv/bin/python bench/checkworthy.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, checkworthy, find_datasets, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default=None, help="datasets folder [default: ../shared/datasets]")
    parser.add_argument("--fast", action="store_true", help="score a small fixed subset only")
    args = parser.parse_args()
    try:
        scores = checkworthy.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
