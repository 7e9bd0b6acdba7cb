"""The quality gate: fast benchmark subsets must stay at or above the pinned floors."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation import runner

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "quality" / "floors.toml"
DATASETS = ROOT.parent / "shared" / "datasets"


def _load(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


def _key(entry: dict[str, Any]) -> tuple[str, str]:
    return entry["benchmark"], entry["metric"]


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    return _load(FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def outcome(floors: dict[str, Any]) -> runner.Outcome:
    if not DATASETS.exists():
        pytest.skip(f"datasets folder {DATASETS} absent: quality gate not run")
    wanted = sorted({entry["benchmark"] for entry in floors["floor"]})
    return runner.run(DATASETS, fast=True, only=wanted)


def test_no_scorer_crashed_or_went_missing(outcome: runner.Outcome) -> None:
    assert outcome.errors == []
    assert outcome.skipped == []


def test_scores_at_or_above_floors(outcome: runner.Outcome, floors: dict[str, Any]) -> None:
    tolerance = float(floors["tolerance"])
    failures = []
    for entry in floors["floor"]:
        found = [s for s in outcome.by_benchmark.get(entry["benchmark"], []) if s.metric == entry["metric"]]
        if not found or found[0].ours is None:
            failures.append(f"{entry['benchmark']} {entry['metric']}: no score produced")
        elif found[0].ours < entry["floor"] - tolerance:
            failures.append(f"{entry['benchmark']} {entry['metric']}: {found[0].ours:.3f} < floor {entry['floor']:.3f}")
    assert failures == []


def test_lowered_floors_state_a_reason(floors: dict[str, Any]) -> None:
    for entry in floors["floor"]:
        if "lowered_from" in entry:
            assert entry.get("reason", "").strip(), f"{_key(entry)} lowered without a reason"
            assert entry["lowered_from"] > entry["floor"]
    committed = _committed()
    if committed is None:
        pytest.skip("no committed floors file to compare with")
    previous = {_key(e): e["floor"] for e in committed["floor"]}
    for entry in floors["floor"]:
        old = previous.get(_key(entry))
        if old is not None and entry["floor"] < old:
            assert entry.get("reason", "").strip(), f"{_key(entry)} lowered from {old} without a reason"


def _committed() -> dict[str, Any] | None:
    try:
        text = subprocess.run(
            ["git", "show", "HEAD:quality/floors.toml"], cwd=ROOT, capture_output=True, text=True,
            check=True, timeout=30,
        ).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    return _load(text)
