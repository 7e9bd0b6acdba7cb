"""The quality gate: fast benchmark subsets must stay at or above the pinned floors."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation import Score, runner

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
    wanted = sorted({entry["benchmark"] for entry in _entries(floors)})
    return runner.run(DATASETS, fast=True, only=wanted)


def test_no_scorer_crashed_or_went_missing(outcome: runner.Outcome) -> None:
    assert outcome.errors == []
    assert outcome.skipped == []


def _entries(floors: dict[str, Any]) -> list[dict[str, Any]]:
    return [*floors.get("floor", []), *floors.get("ceiling", [])]


def _score(outcome: runner.Outcome, entry: dict[str, Any]) -> float | None:
    """The first score of the entry's benchmark with its metric (and dataset prefix, if given)."""
    for score in outcome.by_benchmark.get(entry["benchmark"], []):
        if score.metric == entry["metric"] and score.dataset.startswith(entry.get("dataset", "")):
            return score.ours
    return None


def gate_failures(outcome: runner.Outcome, floors: dict[str, Any]) -> list[str]:
    """Every floor a score fell below and every ceiling it rose above, beyond the tolerance."""
    tolerance = float(floors["tolerance"])
    failures = []
    for entry in _entries(floors):
        name = f"{entry['benchmark']} {entry.get('dataset', '')} {entry['metric']}".replace("  ", " ")
        ours = _score(outcome, entry)
        if ours is None:
            failures.append(f"{name}: no score produced")
        elif "floor" in entry and ours < entry["floor"] - tolerance:
            failures.append(f"{name}: {ours:.3f} < floor {entry['floor']:.3f}")
        elif "ceiling" in entry and ours > entry["ceiling"] + tolerance:
            failures.append(f"{name}: {ours:.3f} > ceiling {entry['ceiling']:.3f}")
    return failures


def test_scores_within_floors_and_ceilings(outcome: runner.Outcome, floors: dict[str, Any]) -> None:
    assert gate_failures(outcome, floors) == []


def test_gate_catches_a_drop() -> None:
    """The gate itself must fail on a score below its floor (and pass at the floor)."""
    floors = {"tolerance": 0.01, "floor": [{"benchmark": "b", "metric": "F1", "floor": 0.9}],
              "ceiling": [{"benchmark": "b", "metric": "lost", "ceiling": 0.0}]}
    good = runner.Outcome(by_benchmark={"b": [Score("c", "d", "F1", 0.895), Score("c", "d", "lost", 0.0)]})
    bad = runner.Outcome(by_benchmark={"b": [Score("c", "d", "F1", 0.85), Score("c", "d", "lost", 2.0)]})
    assert gate_failures(good, floors) == []
    assert len(gate_failures(bad, floors)) == 2


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


def test_removed_floors_state_a_reason(floors: dict[str, Any]) -> None:
    """A floor that disappears (a benchmark or metric renamed, a row dropped) must be listed under
    ``[[removed]]`` with a reason, or the gate would silently stop checking that number."""
    committed = _committed()
    if committed is None:
        pytest.skip("no committed floors file to compare with")
    current = {_key(entry) for entry in floors["floor"]}
    removed = {_key(entry): entry for entry in floors.get("removed", [])}
    for entry in committed["floor"]:
        if _key(entry) not in current:
            explained = removed.get(_key(entry), {}).get("reason", "").strip()
            assert explained, f"{_key(entry)} removed from quality/floors.toml without a reason"
