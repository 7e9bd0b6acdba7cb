"""AVeriTeC dev numerical claims, verdict from gold evidence, beside the majority baseline.

Usage: .venv/bin/python bench/averitec.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, averitec, find_datasets, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="Folder of the datasets [default: ../shared/datasets].")
    parser.add_argument("--fast", action="store_true", help="A small deterministic subset.")
    args = parser.parse_args()
    try:
        scores = averitec.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
