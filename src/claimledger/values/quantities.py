"""Quantities as intervals with a unit: parse numbers, turn qualifiers into bounds, compare.

A :class:`QuantityValue` is a number, the interval it stands for (``low``/``high``, ``None`` when
open), the qualifier that produced the interval, a normalized unit and its unit class.

Qualifiers and their bounds (``v`` is the stated number):

=========== ===================================== ==========================================
qualifier   written as                             bounds
=========== ===================================== ==========================================
exact       "79 members"                           [v, v]
approx      about, roughly, some, an estimated,    [v - 10%, v + 10%]  (``APPROX_TOLERANCE``)
            nearly, almost, approximately, ~
more_than   more than, over, upwards of, above     (v, open)
less_than   less than, fewer than, under, below    (open, v)
at_least    at least, no fewer than, a minimum of  [v, open)
at_most     up to, at most, no more than           (open, v]
range       between 2 and 3, 2-3 million, 2 to 3   [a, b], value = midpoint
vague       dozens, hundreds, tens of thousands    the interval of ``VAGUE`` below
=========== ===================================== ==========================================

Vague plurals follow the reading analysts use when coding casualty and troop figures: the word
sets a floor (two of the unit) and stays below the next order word.

====================== ================== =======
phrase                 interval           value
====================== ================== =======
dozens                 [24, 99]           24
scores                 [40, 99]           40
hundreds               [200, 999]         200
thousands              [2000, 9999]       2000
tens of thousands      [20000, 99999]     20000
hundreds of thousands  [200000, 999999]   200000
millions               [2e6, 999e6]       2e6
billions               [2e9, 999e9]       2e9
several hundred/...    [3, 9] x the unit  3 x unit
a few hundred/...      [2, 5] x the unit  2 x unit
====================== ================== =======

Units normalize to short codes with a class: ISO 4217 codes for currencies (``USD``, ``EUR``,
``GBP``), ``mi2``/``km2``/``m2``/``ha`` for areas, ``t``/``kg``/``lb`` for mass, ``km``/``mi``/``m``
for length, ``%`` (and ``pp`` percentage points, ``bp`` basis points) for percents, ``s``/``min``/
``h``/``d``/``wk``/``mo``/``yr`` for durations; counts have no unit. Units of one class convert
through ``TO_BASE`` so "20,000 square miles" and "51,800 km2" compare.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal

Qualifier = Literal[
    "exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"
]
UnitClass = Literal["count", "currency", "area", "mass", "length", "percent", "duration", "other"]

APPROX_TOLERANCE = 0.10
MAX_MAGNITUDE = 1e15  # larger numbers in news are errors or identifiers, never claims

# --- numbers written in words -------------------------------------------------------------------

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "tn": 1e12, "tr": 1e12, "trn": 1e12,
}
FRACTIONS: dict[str, float] = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
NUMBER_WORDS = frozenset([*UNITS_WORDS, *TENS_WORDS, *SCALES, "dozen", "a", "an", "and"])

VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 999e6),
    "tens of millions": (2e7, 99e6),
    "hundreds of millions": (2e8, 999e6),
    "billions": (2e9, 999e9),
}
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "several": (3, 9), "a few": (2, 5), "a couple of": (2, 2), "a couple": (2, 2),
}

_DIGITS = re.compile(r"^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?$")
_WORD_SPLIT = re.compile(r"[\s-]+")


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (for readable word lists)."""
    return frozenset(text.split())


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both ("1,200", "1.4 million",
    "Sixty", "two dozen", "forty-five", "3.4bn", "1/2", "two-thirds"); None when malformed."""
    raw = text.strip().lower().replace("\u2212", "-")
    if not raw:
        return None
    raw = re.sub(r"\s+", " ", raw)
    raw = re.sub(r"(?<=[0-9])-(?=[a-z])", " ", raw)  # "5.5-million"
    fraction = re.fullmatch(r"([0-9]+)\s*/\s*([0-9]+)", raw)
    if fraction:
        denominator = int(fraction.group(2))
        return int(fraction.group(1)) / denominator if denominator else None
    head = re.match(r"^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?", raw)
    if head and head.group(0) and head.group(0) not in "+-":
        digits = head.group(0)
        if not _DIGITS.match(digits) or digits in (".",):
            return None
        try:
            number = float(digits.replace(",", ""))
        except ValueError:
            return None
        rest = raw[len(digits):].strip()
        if not rest:
            return _checked(number)
        scale = _scale_of(rest)
        return _checked(number * scale) if scale is not None else None
    return _words_value(raw)


def _scale_of(rest: str) -> float | None:
    """The multiplier of what follows the digits: "million", "bn", "thousand million"."""
    rest = rest.strip().rstrip(".")
    if rest in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[rest]
    total = 1.0
    for word in rest.split():
        if word in SCALES:
            total *= SCALES[word]
        elif word == "dozen":
            total *= 12
        else:
            return None
    return total


def _words_value(raw: str) -> float | None:
    """Value of a number spelled in words; None if any word is not part of a number."""
    raw = re.sub(r"\band a half\b", "+half", raw)
    words = [w for w in _WORD_SPLIT.split(raw) if w]
    if not words:
        return None
    if len(words) == 2 and words[1] in FRACTIONS and words[0] in (*UNITS_WORDS, "a", "an", "one"):
        count = 1 if words[0] in ("a", "an") else UNITS_WORDS[words[0]]
        return count * FRACTIONS[words[1]]
    if words == ["half"]:
        return 0.5
    total = 0.0
    current = 0.0
    seen_number = False
    for index, word in enumerate(words):
        if word in ("a", "an"):
            if index != 0:
                return None
            current = 1
            continue
        if word == "and":
            if not seen_number:
                return None
            continue
        if word == "+half" and seen_number:
            current += 0.5
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return _checked(total + current)


def _checked(number: float) -> float | None:
    if math.isnan(number) or math.isinf(number) or abs(number) > MAX_MAGNITUDE:
        return None
    return number


def format_number(value: float) -> str:
    """A compact string for a value: integers without ".0", others with up to 6 significant digits."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


# --- units ------------------------------------------------------------------------------------

# surface (lower case) -> (normalized unit, class). Longest surfaces are tried first by the finder.
UNITS: dict[str, tuple[str, UnitClass]] = {}


def _add(unit: str, unit_class: UnitClass, *surfaces: str) -> None:
    for surface in surfaces:
        UNITS[surface] = (unit, unit_class)


_add("USD", "currency", "dollar", "dollars", "us dollars", "u.s. dollars", "usd", "us$", "u.s.$", "$", "bucks")
_add("EUR", "currency", "euro", "euros", "eur", "€")
_add("GBP", "currency", "pounds sterling", "pound sterling", "sterling", "gbp", "£", "quid")
_add("JPY", "currency", "yen", "jpy", "¥")
_add("CNY", "currency", "yuan", "renminbi", "cny", "rmb")
_add("INR", "currency", "rupees", "rupee", "inr", "rs", "rs.", "₹")
_add("AUD", "currency", "australian dollars", "australian dollar", "aud", "a$", "au$")
_add("CAD", "currency", "canadian dollars", "canadian dollar", "cad", "c$", "ca$")
_add("HKD", "currency", "hong kong dollars", "hong kong dollar", "hkd", "hk$")
_add("NZD", "currency", "new zealand dollars", "nzd", "nz$")
_add("SGD", "currency", "singapore dollars", "sgd", "s$")
_add("MYR", "currency", "ringgit", "myr", "rm")
_add("ILS", "currency", "shekels", "shekel", "ils", "nis", "₪")
_add("KRW", "currency", "won", "krw", "₩")
_add("RUB", "currency", "rubles", "ruble", "roubles", "rouble", "rub", "₽")
_add("CHF", "currency", "swiss francs", "francs", "chf")
_add("MXN", "currency", "pesos", "mxn")
_add("BRL", "currency", "reais", "real", "brl", "r$")
_add("TRY", "currency", "lira", "liras", "try", "₺")
_add("SAR", "currency", "riyals", "riyal", "sar")
_add("AED", "currency", "dirhams", "dirham", "aed")
_add("NGN", "currency", "naira", "ngn", "₦")
_add("ZAR", "currency", "rand", "zar")
_add("UAH", "currency", "hryvnia", "hryvnias", "uah", "₴")
_add("IQD", "currency", "iraqi dinars", "iqd")
_add("SYP", "currency", "syrian pounds", "syp")
_add("EGP", "currency", "egyptian pounds", "egp")
_add("BTC", "currency", "bitcoin", "bitcoins", "btc")
_add("USD_cent", "currency", "cents", "cent", "¢")
_add("mi2", "area", "square miles", "square mile", "sq mi", "sq. mi.", "sq miles", "mi2", "mi²")
_add("km2", "area", "square kilometers", "square kilometres", "square kilometer", "square kilometre",
     "sq km", "sq. km", "km2", "km²")
_add("m2", "area", "square meters", "square metres", "square meter", "square metre", "sq m", "m2", "m²")
_add("ft2", "area", "square feet", "square foot", "sq ft", "sq. ft.", "ft2", "ft²")
_add("acre", "area", "acres", "acre")
_add("ha", "area", "hectares", "hectare", "ha")
_add("t", "mass", "tons", "ton", "tonnes", "tonne", "metric tons", "metric tonnes", "metric ton")
_add("kg", "mass", "kilograms", "kilogram", "kilos", "kilo", "kg", "kgs")
_add("g", "mass", "grams", "gram", "g")
_add("mg", "mass", "milligrams", "milligram", "mg")
_add("lb", "mass", "pounds", "pound", "lbs", "lb")
_add("oz", "mass", "ounces", "ounce", "oz")
_add("km", "length", "kilometers", "kilometres", "kilometer", "kilometre", "km", "kms")
_add("m", "length", "meters", "metres", "meter", "metre")
_add("cm", "length", "centimeters", "centimetres", "centimeter", "centimetre", "cm")
_add("mm", "length", "millimeters", "millimetres", "millimeter", "millimetre", "mm")
_add("um", "length", "micrometers", "micrometres", "microns", "micron", "μm", "µm")
_add("mi", "length", "miles", "mile", "mi")
_add("nmi", "length", "nautical miles", "nautical mile")
_add("nm", "length", "nanometers", "nanometres", "nanometer", "nanometre", "nm")
_add("ft", "length", "feet", "foot", "ft")
_add("in", "length", "inches", "inch")
_add("yd", "length", "yards", "yard", "yds")
_add("%", "percent", "%", "percent", "per cent", "pct", "per-cent", "pc")
_add("pp", "percent", "percentage points", "percentage point", "points percentage")
_add("bp", "percent", "basis points", "basis point", "bps")
_add("s", "duration", "seconds", "second", "secs", "sec")
_add("min", "duration", "minutes", "minute", "mins", "min")
_add("h", "duration", "hours", "hour", "hrs", "hr")
_add("d", "duration", "days", "day")
_add("wk", "duration", "weeks", "week")
_add("mo", "duration", "months", "month")
_add("yr", "duration", "years", "year", "yrs")
_add("decade", "duration", "decades", "decade")
_add("century", "duration", "centuries", "century")
_add("mph", "other", "miles per hour", "mile per hour", "mph", "m.p.h.", "m.p.h")
_add("km/h", "other", "kilometers per hour", "kilometres per hour", "km/h", "kph", "kmh")
_add("degC", "other", "degrees celsius", "degree celsius", "°c", "celsius", "c")
_add("degF", "other", "degrees fahrenheit", "degree fahrenheit", "°f", "fahrenheit", "f")
_add("deg", "other", "degrees", "degree", "°")
_add("hp", "other", "horsepower", "hp")
_add("l", "other", "liters", "litres", "liter", "litre")
_add("ml", "other", "milliliters", "millilitres", "milliliter", "millilitre", "ml")
_add("gal", "other", "gallons", "gallon")
_add("bbl", "other", "barrels", "barrel")
_add("bbl/d", "other", "barrels per day", "barrels a day", "bpd")
_add("mpg", "other", "miles per gallon", "mpg")
_add("W", "other", "watts", "watt", "w")
_add("kW", "other", "kilowatts", "kilowatt", "kw")
_add("MW", "other", "megawatts", "megawatt", "mw")
_add("GW", "other", "gigawatts", "gigawatt", "gw")
_add("kWh", "other", "kilowatt-hours", "kilowatt hours", "kwh")
_add("Hz", "other", "hertz", "hz")
_add("GHz", "other", "gigahertz", "ghz")
_add("MHz", "other", "megahertz", "mhz")
_add("kHz", "other", "kilohertz", "khz")
_add("GB", "other", "gigabytes", "gigabyte", "gb")
_add("MB", "other", "megabytes", "megabyte", "mb")
_add("TB", "other", "terabytes", "terabyte", "tb")
_add("mAh", "other", "mah", "milliampere-hours")
_add("ppm", "other", "parts per million", "ppm")
_add("ppb", "other", "parts per billion", "ppb")
_add("pt", "other", "points", "point", "pts")
_add("Gt", "other", "gigatons", "gigatonnes", "gigaton")
_add("MP", "other", "megapixels", "megapixel", "mp")
_add("rpm", "other", "revolutions per minute", "rpm")
_add("kn", "other", "knots", "knot")
_add("Mbps", "other", "megabits per second", "mbps", "mb/s")
_add("Gbps", "other", "gigabits per second", "gbps", "gb/s")
_add("kcal", "other", "calories", "calorie", "kcal")
_add("V", "other", "volts", "volt")
_add("MYR_sen", "currency", "sen")
_add("MWh", "other", "megawatt-hours", "megawatt hours", "mwh")
_add("GWh", "other", "gigawatt-hours", "gigawatt hours", "gwh")
_add("MPa", "other", "megapascals", "megapascal", "mpa")
_add("GPa", "other", "gigapascals", "gigapascal", "gpa")
_add("ksi", "other", "ksi")
_add("lbft", "other", "pound-feet", "lb-ft", "lb.-ft.")
# per-game statistics in sports copy ("15.3 ppg, 7.4 rpg, 6.9 apg")
_add("pt/game", "other", "points per game", "ppg")
_add("reb/game", "other", "rebounds per game", "rpg")
_add("ast/game", "other", "assists per game", "apg")

# Symbols and codes written before the number.
PREFIX_UNITS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR",
    "rm": "MYR", "₪": "ILS", "nis": "ILS", "₩": "KRW", "₽": "RUB", "r$": "BRL", "₺": "TRY",
    "₦": "NGN", "₴": "UAH", "chf": "CHF", "cny": "CNY", "rmb": "CNY", "aud": "AUD", "cad": "CAD",
    "$us": "USD", "$a": "AUD", "aud$": "AUD", "$nz": "NZD", "$c": "CAD", "$hk": "HKD", "$s": "SGD",
    "hkd": "HKD", "nzd": "NZD", "sgd": "SGD",
    "y=": "JPY",  # wire copy that lost the yen sign: "Y=100 million"
}

# Conversion to each class's base unit (USD is not converted: exchange rates change).
TO_BASE: dict[str, float] = {
    "mi2": 2_589_988.110336, "km2": 1e6, "m2": 1.0, "ft2": 0.09290304, "acre": 4046.8564224,
    "ha": 1e4,
    "t": 1000.0, "kg": 1.0, "g": 1e-3, "mg": 1e-6, "lb": 0.45359237, "oz": 0.028349523125,
    "km": 1000.0, "m": 1.0, "cm": 0.01, "mm": 1e-3, "um": 1e-6, "nm": 1e-9, "mi": 1609.344, "nmi": 1852.0,
    "ft": 0.3048, "in": 0.0254, "yd": 0.9144,
    "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "wk": 604800.0, "mo": 2_629_746.0,
    "yr": 31_556_952.0, "decade": 315_569_520.0, "century": 3_155_695_200.0,
    "USD": 1.0, "USD_cent": 0.01,
    "%": 1.0,
}


def normalize_unit(surface: str) -> tuple[str, UnitClass] | None:
    """The normalized unit and class of a unit as written ("square miles" -> ("mi2", "area"))."""
    key = re.sub(r"\s+", " ", surface.strip().lower())
    if key in UNITS:
        return UNITS[key]
    if key.endswith(".") and key[:-1] in UNITS:
        return UNITS[key[:-1]]
    return None


# --- the value type ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A stated number as an interval with a unit; ``low``/``high`` None mean open."""

    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    unit_class: UnitClass = "count"

    @classmethod
    def of(
        cls, value: float, qualifier: Qualifier = "exact", unit: str | None = None,
        unit_class: UnitClass = "count", *, high: float | None = None,
    ) -> QuantityValue:
        """Build from a number and its qualifier; ``high`` is the upper end of a range."""
        low, upper = bounds(value, qualifier, high)
        center = (value + high) / 2 if qualifier == "range" and high is not None else value
        return cls(center, low, upper, qualifier, unit, unit_class)

    def interval(self) -> tuple[float, float]:
        """Bounds as floats, open ends as -inf/+inf."""
        return (
            -math.inf if self.low is None else self.low,
            math.inf if self.high is None else self.high,
        )

    def compatible(self, other: QuantityValue) -> bool:
        """Same unit class and either the same unit or units that convert into each other."""
        if self.unit_class != other.unit_class:
            return False
        if self.unit == other.unit:
            return True
        return self.unit in TO_BASE and other.unit in TO_BASE and (
            self.unit_class != "currency" or {self.unit, other.unit} <= {"USD", "USD_cent"}
        )

    def to(self, unit: str) -> QuantityValue:
        """This quantity in another unit of the same class (ValueError when not convertible)."""
        if unit == self.unit:
            return self
        if self.unit not in TO_BASE or unit not in TO_BASE or normalize_class(unit) != self.unit_class:
            raise ValueError(f"cannot convert {self.unit} to {unit}")
        factor = TO_BASE[self.unit] / TO_BASE[unit]
        return replace(
            self, value=self.value * factor,
            low=None if self.low is None else self.low * factor,
            high=None if self.high is None else self.high * factor, unit=unit,
        )

    def overlaps(self, other: QuantityValue, tolerance: float = 0.0) -> bool:
        """True when the two intervals share a value (after unit conversion), each widened by
        ``tolerance`` (a fraction of its value); False for incompatible units."""
        if not self.compatible(other):
            return False
        theirs = other.to(self.unit) if self.unit is not None and other.unit not in (self.unit, None) else other
        low_a, high_a = _widen(self, tolerance)
        low_b, high_b = _widen(theirs, tolerance)
        return low_a <= high_b and low_b <= high_a

    def agrees(self, other: QuantityValue) -> bool:
        """Overlap with a small rounding tolerance (news rounds: 79 agrees with "about 80")."""
        return self.overlaps(other, tolerance=0.02)


def normalize_class(unit: str) -> UnitClass | None:
    """The class of a normalized unit code."""
    for code, unit_class in UNITS.values():
        if code == unit:
            return unit_class
    return None


def _widen(quantity: QuantityValue, tolerance: float) -> tuple[float, float]:
    low, high = quantity.interval()
    margin = abs(quantity.value) * tolerance
    return low - margin, high + margin


def bounds(value: float, qualifier: Qualifier, high: float | None = None) -> tuple[float | None, float | None]:
    """The interval a qualifier gives a stated value (see the module docstring)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        margin = abs(value) * APPROX_TOLERANCE
        return value - margin, value + margin
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    if qualifier == "range":
        upper = value if high is None else high
        return min(value, upper), max(value, upper)
    return value, high  # vague: the caller gives the interval


def vague(phrase: str) -> QuantityValue | None:
    """A vague amount ("dozens", "tens of thousands", "several hundred") as its interval."""
    key = re.sub(r"\s+", " ", phrase.strip().lower())
    if key in VAGUE:
        low, high = VAGUE[key]
        return QuantityValue(low, low, high, "vague")
    for lead, (first, last) in VAGUE_MULTIPLIERS.items():
        if key.startswith(lead + " "):
            rest = key[len(lead) + 1:]
            scale = 12.0 if rest == "dozen" else SCALES.get(rest)
            if scale is None:
                return None
            if first == last:
                value = first * scale
                return QuantityValue(value, value, value, "exact")
            return QuantityValue(first * scale, first * scale, last * scale, "vague")
    return None


QUALIFIERS: dict[str, Qualifier] = {
    "about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "nearly": "approx", "almost": "approx",
    "approximately": "approx", "approx.": "approx", "close to": "approx", "just under": "approx",
    "just over": "approx", "just shy of": "approx", "circa": "approx", "c.": "approx", "~": "approx",
    "some estimated": "approx", "an approximate": "approx", "or so": "approx", "upward of": "more_than",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "above": "more_than",
    "in excess of": "more_than", "exceeding": "more_than", "greater than": "more_than",
    "well over": "more_than", "well above": "more_than", "north of": "more_than",
    "higher than": "more_than", "larger than": "more_than", "bigger than": "more_than",
    "lower than": "less_than", "smaller than": "less_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "well under": "less_than", "well below": "less_than", "short of": "less_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "as many as": "at_most", "as much as": "at_most",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "a maximum of": "at_most",
    "not more than": "at_most", "as few as": "at_least", "as little as": "at_least",
    "at the most": "at_most", "or more": "at_least", "plus": "at_least", "or less": "at_most",
}


def parse_quantity(text: str) -> QuantityValue | None:
    """Parse a short quantity phrase ("about 45 tons", "more than $104 million", "2-3 million",
    "dozens", "between 2 and 3 percent") into a value; None when it holds no single quantity."""
    raw = re.sub(r"\s+", " ", text.strip())
    lowered = raw.lower()
    qualifier: Qualifier = "exact"
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
        if lowered.startswith(phrase + " ") or (phrase == "~" and lowered.startswith("~")):
            qualifier = QUALIFIERS[phrase]
            raw = raw[len(phrase):].strip()
            lowered = raw.lower()
            break
    found = vague(lowered)
    if found is not None:
        return found
    between = re.fullmatch(r"between (.+?) and (.+)", lowered)
    if between:
        first = parse_quantity(between.group(1))
        second = parse_quantity(between.group(2))
        if first is None or second is None:
            return None
        return QuantityValue.of(
            first.value, "range", second.unit or first.unit,
            second.unit_class if second.unit else first.unit_class, high=second.value,
        )
    prefix_unit: str | None = None
    for symbol in sorted(PREFIX_UNITS, key=len, reverse=True):
        if lowered.startswith(symbol) and (not symbol.isalpha() or lowered[len(symbol):][:1] in (" ", "")
                                           or lowered[len(symbol):][:1].isdigit()):
            prefix_unit = PREFIX_UNITS[symbol]
            raw = raw[len(symbol):].strip()
            lowered = raw.lower()
            break
    unit: str | None = prefix_unit
    unit_class: UnitClass = "currency" if prefix_unit else "count"
    for surface in sorted(UNITS, key=len, reverse=True):
        if lowered.endswith(surface) and (
            len(lowered) == len(surface) or not lowered[-len(surface) - 1].isalpha()
            or not surface[0].isalpha()
        ):
            head = raw[: len(raw) - len(surface)].strip().rstrip("-").strip()
            if not head:
                continue
            found_unit, found_class = UNITS[surface]
            if prefix_unit is None or found_class != "currency":
                unit, unit_class = (prefix_unit, "currency") if prefix_unit else (found_unit, found_class)
                raw, lowered = head, head.lower()
                break
    span = re.fullmatch(r"(.+?)\s*(?:-|–|to)\s*(.+)", lowered)
    if span and parse_number(lowered) is None:
        first_value = parse_number(span.group(1))
        second_value = parse_number(span.group(2))
        if first_value is not None and second_value is not None:
            scale = trailing_scale(span.group(2))
            if scale and first_value < scale and trailing_scale(span.group(1)) is None:
                first_value *= scale
            return QuantityValue.of(first_value, "range", unit, unit_class, high=second_value)
        return None
    value = parse_number(lowered)
    if value is None:
        return None
    return QuantityValue.of(value, qualifier, unit, unit_class)


def trailing_scale(text: str) -> float | None:
    """The scale word or abbreviation ending a number ("3 million" -> 1e6, "$5bn" -> 1e9)."""
    words = text.strip().split()
    if len(words) > 1 and words[-1] in SCALES:
        return SCALES[words[-1]]
    tail = re.search(r"(bn|mn|m|k|tn)$", text.strip())
    if tail and re.search(r"\d", text):
        return SCALE_ABBREVIATIONS[tail.group(1)]
    return None


# what introduces the figure a change is measured against ("up from 12,000 on 6 March"): read by
# the quantity stage (that date is the earlier figure's) and the claim stage (not the claim's as-of)
BASELINE = re.compile(r"\b(?:from|compared (?:with|to)|against|than)\b", re.IGNORECASE)
