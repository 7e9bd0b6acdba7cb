"""Geoparsing benchmark: toponym resolution on LGL and GeoVirus beside CamCoder (one table)."""

from __future__ import annotations

import argparse
import sys

from claimledger.evaluation import DatasetMissing, find_datasets, format_table, geoparsing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="datasets folder (default ../shared/datasets)")
    parser.add_argument("--fast", action="store_true", help="score a small deterministic subset")
    parser.add_argument("--no-recognition", action="store_true", help="skip the LGL geotagging rows")
    args = parser.parse_args(argv)
    try:
        scores = geoparsing.measure(
            find_datasets(args.datasets), fast=args.fast, recognise=not args.no_recognition
        )
    except DatasetMissing as exc:
        print(exc)
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
