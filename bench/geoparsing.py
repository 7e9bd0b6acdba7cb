"""Geoparsing benchmark: toponym resolution on LGL and GeoVirus beside CamCoder (one table)."""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("geoparsing", __doc__ or ""))
