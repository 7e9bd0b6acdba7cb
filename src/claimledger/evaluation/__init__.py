"""Evaluation against public labelled datasets (read at run time; never shipped).

Each benchmark module here exposes ``measure(datasets: Path, *, fast: bool = False) -> list[Score]``
and raises :class:`DatasetMissing` when its dataset folder is absent. ``bench/<name>.py`` scripts
and ``claimledger eval`` call these and print one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATASETS = Path(__file__).resolve().parents[3].parent / "shared" / "datasets"


class DatasetMissing(Exception):
    """The dataset a benchmark needs is not in the datasets folder."""


@dataclass(frozen=True, slots=True)
class Score:
    """One measured number beside its published reference."""

    component: str  # e.g. "quantities"
    dataset: str  # e.g. "NewsQuant"
    metric: str  # e.g. "value F1"
    ours: float | None  # None when not measurable here (with the reason in note)
    reference: float | None = None
    reference_by: str | None = None  # who published the reference
    note: str = ""
    n: int | None = None  # how many items were scored


def find_datasets(given: str | Path | None = None) -> Path:
    """The datasets folder: the given path, else ``../shared/datasets`` beside the repository."""
    if given is not None:
        return Path(given)
    cwd_guess = Path.cwd().parent / "shared" / "datasets"
    return cwd_guess if cwd_guess.exists() else DEFAULT_DATASETS


def require(datasets: Path, folder: str) -> Path:
    """The dataset's folder, or DatasetMissing with a line saying so."""
    path = datasets / folder
    if not path.exists():
        raise DatasetMissing(f"{folder}: not found under {datasets}, skipped")
    return path


def format_table(scores: list[Score]) -> str:
    """One plain-text table: component, dataset, metric, ours, reference, by."""
    header = ("component", "dataset", "metric", "ours", "reference", "by", "n")
    rows = [header] + [
        (
            s.component, s.dataset, s.metric,
            "n/a" if s.ours is None else f"{s.ours:.3f}",
            "" if s.reference is None else f"{s.reference:.3f}",
            s.reference_by or "", "" if s.n is None else str(s.n),
        )
        for s in scores
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
