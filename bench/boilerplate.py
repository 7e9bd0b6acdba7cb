"""Boilerplate removal on the article-extraction benchmark, beside trafilatura's published 0.958.

Usage: python bench/boilerplate.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("boilerplate", __doc__ or ""))
