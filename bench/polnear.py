"""PolNeAR dev attribution benchmark: content, source and cue scores beside Citron's.

Usage: .venv/bin/python bench/polnear.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("polnear", __doc__ or ""))
