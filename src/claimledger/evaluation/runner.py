"""Run every benchmark module present and gather one table.

A benchmark is a module in this package with ``measure(datasets, *, fast=False)``. A dataset that
is absent is reported as skipped; a scorer that crashes is reported as an error, never hidden.
"""

from __future__ import annotations

import importlib
import pkgutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import claimledger.evaluation as package
from claimledger.evaluation import DatasetMissing, Score

# Table order: the data flow (clean, quantities, times, entities/places, quotes, claims, links).
ORDER = (
    "boilerplate", "newsquant", "quantulum", "tempeval", "meantime", "geoparsing", "polnear",
    "checkworthy", "fnc1", "climate_fever", "evidence_verdicts",
)


@dataclass(slots=True)
class Outcome:
    """Scores of a run, with the benchmarks skipped and the ones that failed."""

    by_benchmark: dict[str, list[Score]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def scores(self) -> list[Score]:
        """Every score, in table order."""
        return [score for scores in self.by_benchmark.values() for score in scores]


def benchmark_names() -> list[str]:
    """Every benchmark module present, in table order."""
    present = {
        info.name for info in pkgutil.iter_modules(package.__path__)
        if info.name not in ("runner",) and not info.name.startswith("_")
    }
    present = {n for n in present if hasattr(importlib.import_module(f"{package.__name__}.{n}"), "measure")}
    return [n for n in ORDER if n in present] + sorted(present - set(ORDER))


def run(
    datasets: Path, *, fast: bool = False, only: list[str] | None = None,
    echo: Callable[[str], None] | None = None,
) -> Outcome:
    """Run the chosen benchmarks (all by default) on the datasets folder."""
    outcome = Outcome()
    for name in benchmark_names():
        if only and name not in only:
            continue
        module = importlib.import_module(f"{package.__name__}.{name}")
        if echo:
            echo(f"running {name} ...")
        try:
            outcome.by_benchmark[name] = list(module.measure(datasets, fast=fast))
        except DatasetMissing as exc:
            outcome.skipped.append(f"skipped: {exc}")
        except Exception as exc:  # noqa: BLE001 - a crashing scorer is reported, not fatal to the table
            outcome.errors.append(f"error in {name}: {type(exc).__name__}: {exc}")
            if echo:
                echo(traceback.format_exc())
    return outcome


def bench_main(name: str, description: str, argv: list[str] | None = None, function: str = "measure") -> int:
    """Command line of one ``bench/<name>.py`` script: ``--datasets PATH``, ``--fast``; one table of
    what the module's ``function`` returns (``measure`` for a benchmark of ``claimledger eval``)."""
    import argparse

    from claimledger.evaluation import find_datasets, format_table

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--datasets", default=None, help="Folder of the datasets [default: ../shared/datasets].")
    parser.add_argument("--fast", action="store_true", help="A small deterministic subset (the CI gate's).")
    args = parser.parse_args(argv)
    module = importlib.import_module(f"{package.__name__}.{name}")
    try:
        scores = getattr(module, function)(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(format_table(scores))
    return 0
