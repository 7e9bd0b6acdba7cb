"""Verdicts on numerical claims from their gold evidence (AVeriTeC dev), beside the majority class.

Usage: .venv/bin/python bench/evidence_verdicts.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("evidence_verdicts", __doc__ or ""))
