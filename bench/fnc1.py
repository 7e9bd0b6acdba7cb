"""FNC-1 stance (weighted score, macro-F1, agree/disagree F1) beside the UCL baseline.

Usage: .venv/bin/python bench/fnc1.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, find_datasets, fnc1, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="Folder of the datasets [default: ../shared/datasets].")
    parser.add_argument("--fast", action="store_true", help="A small deterministic subset.")
    args = parser.parse_args()
    try:
        scores = fnc1.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
