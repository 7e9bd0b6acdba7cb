"""Numbers as intervals with a unit: what a stated figure allows, and whether two can meet.

A figure is compared as the interval it asserts, not as a point: "about 80" covers 72-88,
"more than 1,000" is read as 1,000-2,000 (people say "more than 1,000" for a figure in the
thousands, not for 10,000), "approximately 900" covers 810-990. Units are converted within
their class (square miles to square metres, tons to kilograms); currencies are compared only
in the same currency, and different unit classes never compare.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Relative width of "about N" on each side.
APPROX = 0.1
# What "more than N" / "less than N" are taken to mean at most (a factor of N).
OPEN_FACTOR = 2.0
# "vague" figures ("hundreds", "dozens") cover this factor each side.
VAGUE_FACTOR = 3.0

# unit -> (class, factor to the class's base unit)
CONVERSIONS: dict[str, tuple[str, float]] = {
    "m2": ("area", 1.0), "km2": ("area", 1e6), "mi2": ("area", 2_589_988.11), "ha": ("area", 1e4),
    "acre": ("area", 4_046.856), "ft2": ("area", 0.092903),
    "kg": ("mass", 1.0), "t": ("mass", 1_000.0), "g": ("mass", 0.001), "lb": ("mass", 0.453592),
    "ton": ("mass", 907.185), "short_ton": ("mass", 907.185), "long_ton": ("mass", 1016.05),
    "m": ("length", 1.0), "km": ("length", 1_000.0), "mi": ("length", 1_609.344), "ft": ("length", 0.3048),
    "%": ("percent", 1.0),
    "s": ("duration", 1.0), "min": ("duration", 60.0), "h": ("duration", 3_600.0),
    "day": ("duration", 86_400.0), "week": ("duration", 604_800.0), "month": ("duration", 2_629_746.0),
    "year": ("duration", 31_556_952.0),
}


@dataclass(frozen=True, slots=True)
class Interval:
    """The closed range ``[low, high]`` a figure asserts, in the base unit of its class."""

    low: float
    high: float
    unit: str | None

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def describe(self) -> str:
        if self.low == self.high:
            return _num(self.low)
        if math.isinf(self.high):
            return f"at least {_num(self.low)}"
        return f"{_num(self.low)}-{_num(self.high)}"


def interval(value: float, low: float | None, high: float | None, qualifier: str,
             unit: str | None) -> Interval:
    """The interval a stated figure allows (see the module docstring for the readings)."""
    factor = CONVERSIONS.get(unit or "", ("", 1.0))[1]
    if qualifier == "range" and low is not None and high is not None:
        lo, hi = low, high
    elif qualifier == "approx":
        lo, hi = value * (1 - APPROX), value * (1 + APPROX)
    elif qualifier in ("more_than", "at_least"):
        lo = low if low is not None else value
        hi = high if high is not None else lo * OPEN_FACTOR
    elif qualifier in ("less_than", "at_most"):
        hi = high if high is not None else value
        lo = low if low is not None else hi / OPEN_FACTOR
    elif qualifier == "vague":
        lo, hi = value / VAGUE_FACTOR, value * VAGUE_FACTOR
    else:
        lo = low if low is not None else value
        hi = high if high is not None else value
    if lo > hi:
        lo, hi = hi, lo
    return Interval(lo * factor, hi * factor, base_unit(unit))


def base_unit(unit: str | None) -> str | None:
    """The unit figures are compared in: the class base for convertible units, else the unit."""
    if unit is None:
        return None
    known = CONVERSIONS.get(unit)
    if known is None:
        return unit
    return {"area": "m2", "mass": "kg", "length": "m", "percent": "%", "duration": "s"}[known[0]]


def comparable(class_a: str, unit_a: str | None, class_b: str, unit_b: str | None) -> bool:
    """True when two figures measure in units that can be put on one scale."""
    if class_a != class_b:
        return False
    if unit_a == unit_b:
        return True
    if class_a == "count":
        return unit_a is None or unit_b is None  # "900 troops" vs a count with no unit word
    return base_unit(unit_a) == base_unit(unit_b) and unit_a in CONVERSIONS and unit_b in CONVERSIONS


def phrase(value: float, qualifier: str, unit: str | None, low: float | None = None,
           high: float | None = None) -> str:
    """A figure as a person would say it: ``about 80``, ``more than 1,000``, ``$45 million``."""
    words = {
        "approx": "about ", "more_than": "more than ", "less_than": "less than ",
        "at_least": "at least ", "at_most": "at most ", "vague": "some ", "exact": "", "range": "",
    }
    ranged = qualifier == "range" and low is not None and high is not None
    core = f"{_num(low or 0)}-{_num(high or 0)}" if ranged else _num(value)
    if unit == "USD":
        core = "$" + core
    elif unit and unit not in ("count",):
        core = f"{core} {unit}"
    return f"{words.get(qualifier, '')}{core}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞"
    if abs(x) >= 1e9 and x % 1e8 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and x % 1e5 == 0:
        return f"{x / 1e6:g} million"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")
