"""One person across documents (issue 4): a document that names a person by surname only
("COL. WHITFIELD:", "Whitfield said") is joined to the one person the ledger names in full, and
given back when a second full name with that surname makes the join a guess.

The documents are fictional, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.link.people import person_id, resolve_people
from claimledger.model import Annotations, Document, Entity, EntityRole, Processed, Published, Quote, Speaker
from claimledger.pipeline import extract_all
from claimledger.serve.cli import cli
from claimledger.store import open_ledger
from claimledger.values.names import surname_key

BRIEFING = ("Colonel Dana Whitfield, the task force spokesperson, said on Tuesday that 1,200 soldiers had "
            'reached Harlow. "The convoy arrived without losses," Whitfield said.')
TRANSCRIPT = ("Press briefing, Harlow, April 9.\n\nCOL. WHITFIELD: Good morning. We now have 1,500 soldiers "
              "in Harlow.\n\nREPORTER: How many trucks?\n\nCOL. WHITFIELD: About 300 trucks crossed the bridge "
              "this week.")
WIRE = "The bridge at Harlow reopened on Friday, Whitfield said, adding that 40 engineers had repaired it."
SENATE = ("Senator Ruth Calder said the budget for Harlow would rise to $40 million. Admiral Tom Calder, "
          "her brother, said 12 ships would visit the port.")
PORT = "CALDER: The port of Harlow handled 9,000 containers in April.\n\nREPORTER: Thank you."

DOCS = {"a": (BRIEFING, "2031-03-04"), "b": (TRANSCRIPT, "2031-04-09"), "c": (WIRE, "2031-05-02"),
        "d": (SENATE, "2031-05-03"), "e": (PORT, "2031-05-04")}
DANA = person_id("Dana Whitfield")
TABLES = {
    "entities": "SELECT * FROM entities ORDER BY id",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "claims": "SELECT * FROM claims ORDER BY id",
    "entity_roles": "SELECT * FROM entity_roles ORDER BY entity, role_key, doc",
    "links": "SELECT * FROM links ORDER BY id",
    "person_links": "SELECT * FROM person_links ORDER BY kind, id",
    "person_link_roles": "SELECT * FROM person_link_roles ORDER BY person, role_key, doc, source",
}
# documents written after a first link pass (fictional, like DOCS)
LATER = {"g": ("Mayor Owen Whitfield said on Monday that the Harlow market would reopen with 200 stalls.",
               "2031-06-02"),
         "r": ("Senator Ruth Calder said the budget for Harlow would rise to $40 million.", "2031-05-03"),
         "t": ("Admiral Tom Calder said 12 ships would visit the port of Harlow in June.", "2031-06-03"),
         "f": ("ADM. CALDER: Twelve ships will visit Harlow in June.\n\nREPORTER: Which ships?", "2031-06-01")}


def _url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "l.db") if backend == "sqlite" else str(request.getfixturevalue("pg_url"))


def _dump(ledger: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {table: [tuple(r.values()) for r in ledger.query(sql)] for table, sql in TABLES.items()}


def _item(nlp: Any, doc_id: str) -> Processed:
    text, date = DOCS[doc_id] if doc_id in DOCS else LATER[doc_id]
    document = Document(id=f"doc_{doc_id}", source=f"{doc_id}.txt", text=text,
                        published=Published(date, "day", "metadata"))
    return Processed(document, extract_all(document, nlp(text)))


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_surname_only_speaker_is_the_full_name_person(backend: str, request: pytest.FixtureRequest,
                                                      tmp_path: Path) -> None:
    url = _url(backend, request, tmp_path)
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(
        json.dumps({"id": key, "title": f"Document {key} (fictional)", "published": date, "text": text})
        for key, (text, date) in DOCS.items()) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(source), "--db", url, "--quiet"]).exit_code == 0
    linked = runner.invoke(cli, ["link", "--db", url, "--encoder", "none", "--format", "json"])
    assert linked.exit_code == 0, linked.output
    people = json.loads(linked.stdout)[0]["people"]
    assert people["surnames"] == 1 and people["mentions"] >= 3 and people["speakers"] >= 4
    assert people["ambiguous"] == 1  # Calder: Ruth and Tom

    with open_ledger(url) as ledger:
        by_doc = {r["external_id"]: r["id"] for r in ledger.query("SELECT id, external_id FROM documents")}
        mentions = ledger.query("SELECT doc, text, canonical, entity FROM entities WHERE lower(text) LIKE ?",
                                ("%whitfield%",))
        assert {by_doc[k] for k in "abc"} <= {m["doc"] for m in mentions}
        assert {(m["canonical"], m["entity"]) for m in mentions} == {("Dana Whitfield", DANA)}
        assert "WHITFIELD" in {m["text"] for m in mentions}  # the text stays as written
        speakers = ledger.query(
            "SELECT doc, speaker_name, speaker_role, speaker_entity FROM claims WHERE speaker_name LIKE ? "
            "UNION ALL SELECT doc, speaker_name, speaker_role, speaker_entity FROM quotes "
            "WHERE speaker_name LIKE ?", ("%hitfield%", "%hitfield%"))
        assert {(s["speaker_name"], s["speaker_entity"]) for s in speakers} == {("Dana Whitfield", DANA)}
        assert {s["doc"] for s in speakers} == {by_doc[k] for k in "abc"}
        assert {s["speaker_role"] for s in speakers if s["doc"] == by_doc["b"]} == {"Col."}  # the role stays
        calder = ledger.query("SELECT speaker_name, speaker_entity FROM quotes WHERE doc = ? AND speaker_name "
                              "IS NOT NULL", (by_doc["e"],))
        assert [(r["speaker_name"], r["speaker_entity"]) for r in calder] == [("Calder", None)]
        before = _dump(ledger)

    claims = runner.invoke(cli, ["claims", "--entity", DANA, "--db", url, "--format", "jsonl"]).stdout.splitlines()
    assert {by_doc[k] for k in "abc"} <= {json.loads(line)["doc"] for line in claims}
    roles = runner.invoke(cli, ["entity", "Dana Whitfield", "--db", url, "--format", "jsonl"]).stdout.splitlines()
    found = [(r["role"], r["first"], r["entity"]) for r in map(json.loads, roles)]
    assert found == [("Colonel, task force spokesperson", "2031-03-04", DANA), ("COL.", "2031-04-09", DANA)]

    # idempotent: linking again, or ingesting the same input again and linking, changes nothing
    again = runner.invoke(cli, ["link", "--db", url, "--encoder", "none", "--format", "json"])
    assert json.loads(again.stdout)[0]["people"] == {"surnames": 0, "by_title": 0, "mentions": 0, "speakers": 0,
                                                     "roles": 0, "ambiguous": 1, "undone": 0}
    assert runner.invoke(cli, ["ingest", str(source), "--db", url, "--quiet"]).exit_code == 0
    assert runner.invoke(cli, ["link", "--db", url, "--encoder", "none"]).exit_code == 0
    with open_ledger(url) as ledger:
        assert _dump(ledger) == before


def test_same_result_whatever_the_order_of_ingest(tmp_path: Path, nlp: Any) -> None:
    """The surname-only documents first (nothing to resolve yet), the full name later, documents
    written again after linking: the same ledger as all documents at once."""
    items = {key: _item(nlp, key) for key in DOCS}
    with open_ledger(str(tmp_path / "once.db")) as ledger:
        ledger.write(items.values())
        resolve_people(ledger)
        expected = _dump(ledger)
    with open_ledger(str(tmp_path / "steps.db")) as ledger:
        ledger.write([items["b"], items["c"], items["e"]])
        assert resolve_people(ledger).surnames == 0
        ledger.write([items["a"], items["d"]])
        assert resolve_people(ledger).surnames == 1
        ledger.write([items["b"]])  # a document written again comes back with its surname only
        assert resolve_people(ledger).speakers > 0
        assert _dump(ledger) == expected


def test_speaker_without_mention_gets_the_person_and_the_role(tmp_path: Path, nlp: Any) -> None:
    """A speaker with no entity mention (no id at all): the id, the full name, and the role row
    ingest would have made had the id been known."""
    text = "MAJ. HALVERSEN: The airfield reopens on Monday."
    document = Document(id="doc_h", source="h.txt", text=text, published=Published("2031-06-01", "day", "metadata"))
    quote = Quote(id="q_h", doc="doc_h", start=16, end=len(text), text=text[16:],
                  speaker=Speaker(name="Halversen", role="Maj."))
    full = "Major Petra Halversen said the runway was repaired."
    first = Document(id="doc_p", source="p.txt", text=full, published=Published("2031-05-01", "day", "metadata"))
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.write([Processed(document, Annotations(quotes=[quote])),
                      Processed(first, extract_all(first, nlp(full)))])
        summary = resolve_people(ledger)
        assert (summary.surnames, summary.speakers, summary.roles) == (1, 1, 1)
        petra = person_id("Petra Halversen")
        assert ledger.query("SELECT speaker_name, speaker_role, speaker_entity FROM quotes WHERE id = 'q_h'") == [
            {"speaker_name": "Petra Halversen", "speaker_role": "Maj.", "speaker_entity": petra}]
        rows = ledger.query("SELECT doc, role, name, mentions FROM entity_roles WHERE entity = ? ORDER BY doc",
                            (petra,))
        assert [(r["doc"], r["role"], r["name"]) for r in rows] == [("doc_h", "Maj.", "Petra Halversen"),
                                                                    ("doc_p", "Major", "Petra Halversen")]
        assert resolve_people(ledger).roles == 0


def _mayor_brandt() -> Processed:
    """"Mayor Brandt spoke. Later Mayor Ivo Brandt left.": a lone "Brandt" and Ivo Brandt, both
    given the role Mayor by the one document."""
    text = "Mayor Brandt spoke. Later Mayor Ivo Brandt left."
    ivo, lone = person_id("Ivo Brandt"), person_id("Brandt")
    entities = [Entity(id="e1", doc="doc_m", start=6, end=12, text="Brandt", label="PERSON", canonical="Brandt",
                       entity=lone),
                Entity(id="e2", doc="doc_m", start=32, end=42, text="Ivo Brandt", label="PERSON",
                       canonical="Ivo Brandt", entity=ivo)]
    roles = [EntityRole(entity=lone, name="Brandt", role="Mayor", doc="doc_m", start=0, end=12, mentions=1),
             EntityRole(entity=ivo, name="Ivo Brandt", role="Mayor", doc="doc_m", start=26, end=42, mentions=2)]
    document = Document(id="doc_m", source="m.txt", text=text, published=Published("2031-01-02", "day", "metadata"))
    return Processed(document, Annotations(entities=entities, roles=roles))


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_roles_merge_when_the_person_already_has_the_role(backend: str, request: pytest.FixtureRequest,
                                                          tmp_path: Path) -> None:
    """A document giving one role both to "Ivo Brandt" and to a "Brandt" it could not link: one row,
    the mentions added, the first mention kept."""
    ivo = person_id("Ivo Brandt")
    processed = _mayor_brandt()
    with open_ledger(_url(backend, request, tmp_path)) as ledger:
        ledger.write([processed])
        summary = resolve_people(ledger)
        assert (summary.mentions, summary.roles) == (1, 1)
        rows = ledger.query('SELECT entity, role, start, "end", mentions FROM entity_roles')
        assert rows == [{"entity": ivo, "role": "Mayor", "start": 0, "end": 12, "mentions": 3}]
        assert {r["entity"] for r in ledger.query("SELECT entity FROM entities")} == {ivo}


ADMIRAL = "ADM. CALDER: Twelve ships will visit Harlow in June.\n\nREPORTER: Which ships?"


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_title_tells_two_people_of_one_surname_apart(backend: str, request: pytest.FixtureRequest,
                                                       tmp_path: Path, nlp: Any) -> None:
    """Ruth (Senator) and Tom (Admiral) Calder: "ADM. CALDER:" is Tom, in that document only;
    "CALDER:" with no title stays as written."""
    DOCS["f"] = (ADMIRAL, "2031-06-01")
    try:
        items = [_item(nlp, key) for key in "def"]
    finally:
        del DOCS["f"]
    tom = person_id("Tom Calder")
    with open_ledger(_url(backend, request, tmp_path)) as ledger:
        ledger.write(items)
        summary = resolve_people(ledger)
        assert (summary.surnames, summary.by_title, summary.ambiguous) == (1, 1, 1)
        speakers = ledger.query("SELECT doc, speaker_name, speaker_role, speaker_entity FROM quotes "
                                "WHERE doc IN ('doc_e', 'doc_f') AND speaker_name LIKE ? ORDER BY doc", ("%alder",))
        assert [(r["doc"], r["speaker_name"], r["speaker_role"], r["speaker_entity"]) for r in speakers] == [
            ("doc_e", "Calder", None, None), ("doc_f", "Tom Calder", "Adm.", tom)]
        assert ("doc_f", "Adm.") in {(r["doc"], r["role"]) for r in ledger.query(
            "SELECT doc, role FROM entity_roles WHERE entity = ?", (tom,))}
        again = resolve_people(ledger)
        assert (again.surnames, again.mentions, again.speakers, again.roles) == (0, 0, 0, 0)


def _doc_rows(ledger: Any, doc: str) -> dict[str, list[tuple[Any, ...]]]:
    """One document's mentions, speakers and role rows."""
    return {table: [tuple(r.values()) for r in ledger.query(f"SELECT * FROM {table} WHERE doc = ? ORDER BY {order}",
                                                            (doc,))]
            for table, order in (("entities", "id"), ("quotes", "id"), ("claims", "id"),
                                 ("entity_roles", "entity, role_key"))}


def _recorded(ledger: Any, doc: str) -> int:
    return int(ledger.query("SELECT count(*) AS n FROM person_links WHERE doc = ?", (doc,))[0]["n"])


NOTHING = {"surnames": 0, "by_title": 0, "mentions": 0, "speakers": 0, "roles": 0, "ambiguous": 1, "undone": 0}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_second_full_name_undoes_a_surname_resolution(backend: str, request: pytest.FixtureRequest,
                                                        tmp_path: Path, nlp: Any) -> None:
    """"Whitfield said" went to Dana Whitfield while she was the only Whitfield; once Mayor Owen
    Whitfield arrives nothing tells which one it was, so its rows are again as extraction left them.
    "COL. WHITFIELD:" stays Dana's: the title still decides."""
    items = {key: _item(nlp, key) for key in "abcg"}
    with open_ledger(_url(backend, request, tmp_path)) as ledger:
        ledger.write([items[k] for k in "abc"])
        extracted = _doc_rows(ledger, "doc_c")
        first = resolve_people(ledger)
        assert (first.surnames, first.undone) == (1, 0)
        assert _doc_rows(ledger, "doc_c") != extracted
        resolved, transcript = _recorded(ledger, "doc_c"), _doc_rows(ledger, "doc_b")
        assert resolved >= 2  # the mention and the speakers

        ledger.write([items["g"]])
        summary = resolve_people(ledger)
        assert (summary.undone, summary.ambiguous, summary.mentions, summary.speakers) == (resolved, 1, 0, 0)
        assert _doc_rows(ledger, "doc_c") == extracted
        assert _recorded(ledger, "doc_c") == 0
        assert _doc_rows(ledger, "doc_b") == transcript
        named = ledger.query("SELECT speaker_name, speaker_entity FROM quotes WHERE doc = 'doc_b' "
                             "AND speaker_name IS NOT NULL")
        assert {(r["speaker_name"], r["speaker_entity"]) for r in named} == {("Dana Whitfield", DANA)}

        linked = _dump(ledger)
        assert resolve_people(ledger).record() == NOTHING
        assert _dump(ledger) == linked


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_title_moves_a_resolved_surname_to_the_second_person(backend: str, request: pytest.FixtureRequest,
                                                                tmp_path: Path, nlp: Any) -> None:
    """With Senator Ruth Calder the only Calder, "ADM. CALDER:" and "CALDER:" both went to her. When
    Admiral Tom Calder arrives, "ADM. CALDER:" goes to him with its role, which Ruth loses (a role
    this stage gave her does not make her an admiral), and "CALDER:" goes back as it was."""
    items = {key: _item(nlp, key) for key in "reft"}
    tom, ruth = person_id("Tom Calder"), person_id("Ruth Calder")
    speakers = ("SELECT doc, speaker_name, speaker_role, speaker_entity FROM quotes WHERE doc IN ('doc_e', 'doc_f') "
                "AND speaker_name IS NOT NULL ORDER BY doc")
    with open_ledger(_url(backend, request, tmp_path)) as ledger:
        ledger.write([items[k] for k in "ref"])
        extracted = _doc_rows(ledger, "doc_e")
        assert resolve_people(ledger).surnames == 1
        assert [(r["doc"], r["speaker_entity"]) for r in ledger.query(speakers)] == [("doc_e", ruth), ("doc_f", ruth)]
        assert ("doc_f", "Adm.") in {(r["doc"], r["role"]) for r in ledger.query(
            "SELECT doc, role FROM entity_roles WHERE entity = ?", (ruth,))}

        ledger.write([items["t"]])
        summary = resolve_people(ledger)
        assert summary.undone >= 2 and (summary.by_title, summary.ambiguous) == (1, 1)
        assert [tuple(r.values()) for r in ledger.query(speakers)] == [
            ("doc_e", "Calder", None, None), ("doc_f", "Tom Calder", "Adm.", tom)]
        assert _doc_rows(ledger, "doc_e") == extracted
        roles = {(r["entity"], r["doc"], r["role"]) for r in ledger.query(
            "SELECT entity, doc, role FROM entity_roles WHERE entity IN (?, ?)", (ruth, tom))}
        assert roles == {(ruth, "doc_r", "Senator"), (tom, "doc_t", "Admiral"), (tom, "doc_f", "Adm.")}

        linked = _dump(ledger)
        assert resolve_people(ledger).record() == NOTHING
        assert _dump(ledger) == linked


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_undo_takes_a_merged_role_back_out(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """"Mayor Brandt" merged into Mayor Ivo Brandt's row of the same document; a second Mayor
    Brandt (Ada) elsewhere makes it a guess: both rows are again as the document gave them."""
    ada = person_id("Ada Brandt")
    processed = _mayor_brandt()
    other = "Mayor Ada Brandt opened the fair."
    second = Document(id="doc_n", source="n.txt", text=other, published=Published("2031-02-03", "day", "metadata"))
    with open_ledger(_url(backend, request, tmp_path)) as ledger:
        ledger.write([processed])
        extracted = _doc_rows(ledger, "doc_m")
        assert (resolve_people(ledger).roles, len(ledger.query("SELECT * FROM entity_roles"))) == (1, 1)
        ledger.write([Processed(second, Annotations(
            entities=[Entity(id="e3", doc="doc_n", start=6, end=16, text="Ada Brandt", label="PERSON",
                             canonical="Ada Brandt", entity=ada)],
            roles=[EntityRole(entity=ada, name="Ada Brandt", role="Mayor", doc="doc_n", start=0, end=16)]))])
        assert resolve_people(ledger).undone == 1
        assert _doc_rows(ledger, "doc_m") == extracted
        assert ledger.query("SELECT count(*) AS n FROM person_link_roles")[0]["n"] == 0


@pytest.mark.parametrize(("first", "later"), [("abc", "g"), ("ref", "t"), ("abcref", "gt")])
def test_undo_gives_the_ledger_linked_all_at_once(first: str, later: str, tmp_path: Path, nlp: Any) -> None:
    """Linking, writing the documents that make a surname ambiguous, linking again: the same
    ledger, records included, as writing everything first and linking once."""
    items = {key: _item(nlp, key) for key in first + later}
    with open_ledger(str(tmp_path / "once.db")) as ledger:
        ledger.write(items.values())
        resolve_people(ledger)
        expected = _dump(ledger)
    with open_ledger(str(tmp_path / "steps.db")) as ledger:
        ledger.write([items[k] for k in first])
        resolve_people(ledger)
        ledger.write([items[k] for k in later])
        assert resolve_people(ledger).undone > 0
        assert _dump(ledger) == expected


@pytest.mark.parametrize(("name", "key"), [
    ("Col. Dana Whitfield's", "whitfield"),
    ("WHITFIELD", "whitfield"),
    ("Dana W. Whitfield Jr.", "whitfield"),
    ("al-Baghdadi", "baghdadi"),
    ("Abu Bakr al-Baghdadi", "baghdadi"),
    ("", ""),
])
def test_surname_key(name: str, key: str) -> None:
    assert surname_key(name) == key
