"""Every benchmark on the public datasets in one table (same as ``claimledger eval``).

Usage: python bench/quality.py [--datasets PATH] [--fast] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import find_datasets, format_table, runner


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None)
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--only", action="append", default=None)
    args = parser.parse_args()
    outcome = runner.run(find_datasets(args.datasets), fast=args.fast, only=args.only)
    print(format_table(outcome.scores))
    for line in outcome.skipped + outcome.errors:
        print(line, file=sys.stderr)
    return 1 if outcome.errors else 0


if __name__ == "__main__":
    sys.exit(main())
