"""Climate-FEVER pair and claim-level verdicts (incl. DISPUTED) beside the paper's baseline.

Usage: .venv/bin/python bench/climate_fever.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("climate_fever", __doc__ or ""))
