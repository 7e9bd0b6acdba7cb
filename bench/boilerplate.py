"""Boilerplate removal on the article-extraction benchmark, beside trafilatura's published 0.958.

Usage: python bench/boilerplate.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, boilerplate, find_datasets, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None)
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args()
    try:
        scores = boilerplate.measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
