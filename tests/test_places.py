"""Places: gazetteer lookup, document-aware resolution, the extractor, and the two scorers.

Every sample text and gold file here is fictional, written for these tests.
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation import geoparsing, meantime
from claimledger.extract.entities import entities
from claimledger.extract.places import places
from claimledger.model import Document
from claimledger.values.places import (
    MAX_ERROR_KM,
    PlaceMention,
    distance_km,
    gazetteer,
    place_key,
    resolve_mentions,
)


def _resolve(*names: str) -> list[Any]:
    return resolve_mentions([PlaceMention(n) for n in names])


def test_syrian_campaign_towns_resolve_to_syria_and_iraq() -> None:
    found = _resolve("Syria", "Kobane", "Raqqa", "Tabqa", "Mosul", "Iraq")
    assert [e.country for e in found] == ["SY", "SY", "SY", "SY", "IQ", "IQ"]
    assert [e.feature for e in found] == ["country", "city", "city", "city", "city", "country"]
    raqqa = found[2]
    assert raqqa.gazetteer_id and distance_km(raqqa.lat, raqqa.lon, 35.95, 39.01) < 10


def test_document_context_picks_the_namesake() -> None:
    # alone, "Paris" is the French capital; in a Texas story, the Texas town
    assert _resolve("Paris")[0].country == "FR"
    in_texas = _resolve("Texas", "Dallas", "Paris")
    assert (in_texas[2].country, in_texas[2].admin1) == ("US", "TX")


def test_container_in_text_decides() -> None:
    found = resolve_mentions([PlaceMention("Springfield", "Illinois"), PlaceMention("Illinois")])
    assert found[0] is not None and found[0].admin1 == "IL"
    found = resolve_mentions([PlaceMention("Springfield", "Mo.")])
    assert found[0] is not None and found[0].admin1 == "MO"


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("U.S.", "US", "country"), ("Britain", "GB", "country"), ("Москва", "RU", "city"),
        ("دمشق", "SY", "city"), ("Middle East", None, "region"), ("Europe", None, "continent"),
        ("Ind.", "US", "admin"), ("Syrian", "SY", "country"), ("Ontario", "CA", "admin"),
    ],
)
def test_names_aliases_scripts_and_demonyms(name: str, country: str | None, feature: str) -> None:
    entry = _resolve(name)[0]
    assert entry is not None and (entry.country, entry.feature) == (country, feature)


def test_unknown_name_is_not_guessed() -> None:
    assert _resolve("Zqxwvutplace")[0] is None


def test_place_key() -> None:
    assert place_key("‘Ayn al ‘Arab") == place_key("Ayn al-Arab")
    assert place_key("The Hague") == "hague"


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()
    assert len(gazetteer().entries) > 150_000


def test_distance() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert distance_km(10, 20, 10, 20) == 0


# Fictional dispatch written for this test.
DISPATCH = (
    "Syrian Democratic Forces fighters entered Raqqa on Friday, a spokesman said in Kobane. "
    "Iraqi troops near Mosul reported calm. The U.S.-led coalition said Syrian civilians returned."
)


def test_places_extractor(nlp: Any) -> None:
    doc = Document(id="d1", source="test", text=DISPATCH)
    parsed = nlp(DISPATCH)
    found = list(places(doc, parsed, list(entities(doc, parsed))))
    for p in found:
        assert DISPATCH[p.start:p.end] == p.text
    by_text = {p.text: p for p in found}
    assert by_text["Raqqa"].country == "SY" and by_text["Raqqa"].lat is not None
    assert by_text["Kobane"].country == "SY"  # spaCy tags it ORG; "in Kobane" makes it a place
    assert by_text["Mosul"].country == "IQ"
    assert by_text["U.S."].feature == "country"
    assert by_text["Iraqi"].country == "IQ"  # a demonym names its country


# --- scorers on tiny hand-made cases ---------------------------------------------------------
def test_auc_and_accuracy() -> None:
    assert geoparsing.auc([0.0, 0.0]) == 0.0
    assert geoparsing.auc([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(1.0)
    assert geoparsing.auc([0.0, MAX_ERROR_KM]) == pytest.approx(0.5)
    assert geoparsing.accuracy([10.0, 160.0, 162.0, 5000.0]) == 0.5
    assert math.isnan(geoparsing.accuracy([]))


LGL_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text>Fire crews from Springfield, Illinois, drove to Peoria.</text>
<toponyms>
<toponym><start>16</start><end>27</end><phrase>Springfield</phrase><gaztag geonameid="1">
<lat>39.80</lat><lon>-89.64</lon></gaztag></toponym>
<toponym><start>29</start><end>37</end><phrase>Illinois</phrase><gaztag geonameid="2">
<lat>40.00</lat><lon>-89.25</lon></gaztag></toponym>
<toponym><start>48</start><end>54</end><phrase>Peoria</phrase><gaztag geonameid="3">
<lat>-33.00</lat><lon>151.00</lon></gaztag></toponym>
<toponym><start>0</start><end>4</end><phrase>Fire</phrase></toponym>
</toponyms></article></articles>"""


def test_lgl_reader_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(LGL_SAMPLE)
    articles = list(geoparsing.read_lgl(path))
    assert [t.text for t in articles[0].toponyms] == ["Springfield", "Illinois", "Peoria"]  # no gaztag: out
    errors = geoparsing.errors_for(articles)
    assert errors[0] < 5  # Springfield, Illinois
    assert errors[1] < 161  # the state's centre point
    assert errors[2] > 10_000  # gold deliberately put in Australia: a large error, counted
    assert geoparsing.accuracy(errors) == pytest.approx(2 / 3)


MEANTIME_SAMPLE = """<?xml version="1.0" ?><Document doc_id="1" doc_name="sample">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">Corp</token>
<token number="2" sentence="0" t_id="3">hired</token>
<token number="3" sentence="0" t_id="4">Nora</token>
<token number="4" sentence="0" t_id="5">Quist</token>
<token number="5" sentence="1" t_id="6">in</token>
<token number="6" sentence="1" t_id="7">Oslo</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="PRO"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY ent_type="ORG" m_id="10"/><ENTITY ent_type="PER" m_id="11"/><ENTITY ent_type="LOC" m_id="12"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="12"/></REFERS_TO>
</Relations></Document>"""


def test_meantime_reader_and_tally(tmp_path: Path) -> None:
    path = tmp_path / "sample.xml"
    path.write_text(MEANTIME_SAMPLE, encoding="utf-8")
    gold = meantime.read_document(path)
    assert gold.text == "Acme Corp hired Nora Quist\nin Oslo"
    assert [(gold.text[s:e], k) for s, e, k in gold.mentions] == [
        ("Acme Corp", "ORG"), ("Nora Quist", "PER"), ("Oslo", "LOC"),
    ]  # the pronoun-type mention is not a name
    tally = meantime._new()
    predicted = [(0, 9, "ORG"), (16, 26, "ORG"), (30, 34, "LOC")]  # Nora Quist mistyped
    tally.add(gold.mentions, predicted)
    p, r, _f = tally.prf()
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert tally.prf("PER") == (0.0, 0.0, 0.0)


def test_a_capital_is_meant_over_a_same_named_state_unless_the_text_says_state() -> None:
    from claimledger.values.places import PlaceMention, resolve_mentions

    capital, state = resolve_mentions([PlaceMention("Washington"), PlaceMention("Washington state")])
    assert capital is not None and (capital.feature, capital.admin1) == ("city", "DC")
    assert state is not None and (state.feature, state.admin1) == ("admin", "WA")


# --- round 6 (issue 4): towns named together lie together; US counties and post towns from ZIP data


@pytest.mark.parametrize(
    ("names", "state"),
    [
        (("Athens", "Tyler"), "TX"),
        (("Portland", "Biddeford"), "ME"),
        (("Portland", "Gresham"), "OR"),
        (("Columbia", "Jefferson City"), "MO"),
        (("Athens", "Henderson County"), "TX"),  # a county's namesakes tie: none of them votes alone
        (("Paris", "Lamar County"), "TX"),
    ],
)
def test_issue_4_round_6_nearby_names_pick_namesakes_close_to_each_other(names: tuple[str, ...], state: str) -> None:
    found = _resolve(*names)
    assert [(e.country, e.admin1) for e in found] == [("US", state)] * len(names)


def test_issue_4_round_6_a_name_alone_keeps_its_best_known_namesake() -> None:
    assert _resolve("Athens")[0].country == "GR"
    assert [e.country for e in _resolve("London", "Paris", "Berlin")] == ["GB", "FR", "DE"]


def test_issue_4_round_6_the_extractor_resolves_a_local_story_together(nlp: Any) -> None:
    text = ("Volunteers from Gresham drove to Portland on Saturday to sort donated coats, "
            "the food bank's director said.")
    doc = Document(id="d-coats", source="test", text=text)
    parsed = nlp(text)
    found = {p.text: p for p in places(doc, parsed, list(entities(doc, parsed)))}
    assert found["Portland"].country == "US" and found["Gresham"].country == "US"
    portland, gresham = found["Portland"], found["Gresham"]
    assert portland.lat is not None and portland.lon is not None
    assert gresham.lat is not None and gresham.lon is not None
    assert distance_km(portland.lat, portland.lon, gresham.lat, gresham.lon) < 50


_ZIPS = [  # fictional ZIP code records, in the shape of the zipcodes package's
    {"zip_code": "99901", "zip_code_type": "STANDARD", "city": "Quillfeather", "state": "KS",
     "county": "Marrow County", "lat": "38.10", "long": "-97.20"},
    {"zip_code": "99902", "zip_code_type": "PO BOX", "city": "Quillfeather", "state": "KS",
     "county": "Marrow County", "lat": "38.30", "long": "-97.40"},
    {"zip_code": "99903", "zip_code_type": "UNIQUE", "city": "Tinmouth Works", "state": "KS",
     "county": "Marrow County", "lat": "38.20", "long": "-97.30"},
    {"zip_code": "99904", "zip_code_type": "STANDARD", "city": "Nowhere", "state": "KS",
     "county": "Marrow County", "lat": "", "long": ""},
]


def test_issue_4_round_6_county_centres_and_post_towns_from_zip_records() -> None:
    from claimledger.values.places import us_county_centres, us_post_towns

    centres = us_county_centres(_ZIPS)
    assert centres[("KS", "marrow county")] == pytest.approx((38.2, -97.3))
    towns = us_post_towns(_ZIPS)
    assert set(towns) == {("KS", "quillfeather")}  # a firm's own ZIP code is no town; no point, no town
    name, centre = towns[("KS", "quillfeather")]
    assert name == "Quillfeather" and centre == pytest.approx((38.2, -97.3))


def test_issue_4_round_6_core_gazetteer_without_the_places_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional ``zipcodes`` package: counties stand at a namesake town or the state's
    centre, no post towns are added, and resolution still works."""
    import sys

    from claimledger.values import places as module

    monkeypatch.setitem(sys.modules, "zipcodes", None)  # import fails as if it were not installed
    assert module._zip_records() == []
    gaz = module.Gazetteer()
    county = next(c.entry for c in gaz.candidates("Sangamon County") if c.entry.admin1 == "IL")
    assert county.feature == "admin" and not math.isnan(county.lat)
    found = resolve_mentions([PlaceMention("Athens"), PlaceMention("Tyler")], gaz)
    assert [e.admin1 for e in found if e is not None] == ["TX", "TX"]
    with_extra = gazetteer()
    if module._zip_records():
        assert len(with_extra.entries) > len(gaz.entries)  # the extra adds small post towns


def test_issue_4_round_6b_every_first_level_division_of_the_table_is_placed() -> None:
    gaz = gazetteer()
    rows = [line.split("\t") for line in
            (Path(__file__).parents[1] / "src/claimledger/data/admin1.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    for name, _aliases, country, _town in rows:
        found = [c.entry for c in gaz.candidates(name) if c.entry.feature == "admin" and c.entry.country == country]
        assert found, name
        assert not math.isnan(found[0].lat) and found[0].population > 0


@pytest.mark.parametrize(
    ("names", "country"),
    [
        (("Punjab", "Lahore"), "PK"),  # a division named in two countries: the document decides
        (("Punjab", "Ludhiana"), "IN"),
        (("Sindh",), "PK"),
        (("KwaZulu-Natal",), "ZA"),
        (("Hunan Province", "China"), "CN"),
    ],
)
def test_issue_4_round_6b_provinces_resolve_as_admin_entries(names: tuple[str, ...], country: str) -> None:
    entry = _resolve(*names)[0]
    assert entry is not None and (entry.country, entry.feature) == (country, "admin")


def test_issue_4_round_6b_a_division_stands_among_its_own_towns() -> None:
    hubei = _resolve("Hubei")[0]
    wuhan = _resolve("Wuhan")[0]
    assert distance_km(hubei.lat, hubei.lon, wuhan.lat, wuhan.lon) < 300


def test_issue_4_round_6b_a_few_misfiled_towns_do_not_stretch_a_division() -> None:
    from claimledger.values.places import _trimmed_midpoint

    points = [(10.0 + i / 100, 20.0 + i / 100) for i in range(100)] + [(60.0, 90.0)]
    lat, lon = _trimmed_midpoint(points)
    assert 10.0 < lat < 11.0 and 20.0 < lon < 21.0


@pytest.mark.parametrize(
    ("names", "country", "feature"),
    [
        (("Thames", "London"), "GB", "river"),  # not the small New Zealand town
        (("Po",), "IT", "river"),
        (("Gulf of Aden",), None, "region"),
        (("South Ossetia",), "GE", "region"),
        (("Cambridgeshire",), "GB", "admin"),
        (("County Mayo",), "IE", "admin"),
        (("Lake Geneva", "Wisconsin"), "US", "city"),  # the town, where the text puts it in Wisconsin
        (("Democratic Republic of Congo",), "CD", "country"),  # written without "the"
        (("Eastern Mediterranean",), None, "region"),
        (("the Americas",), None, "region"),
        (("East Java",), "ID", "admin"),
        (("North Kivu",), "CD", "admin"),
        (("Mashonaland West",), "ZW", "admin"),
        (("Helmand",), "AF", "admin"),
    ],
)
def test_issue_4_round_7_seas_rivers_regions_and_counties(names: tuple[str, ...], country: str | None,
                                                          feature: str) -> None:
    entry = _resolve(*names)[0]
    assert entry is not None and (entry.country, entry.feature) == (country, feature)
