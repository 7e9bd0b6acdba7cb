"""A person's roles over time (issue 4): ``entity_roles`` filled at ingest, the query, the CLI.

The documents are fictional, written for these tests (the name is the issue's own example).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.extract.entities import PersonMention
from claimledger.extract.roles import roles
from claimledger.model import Document, Processed, Published, Quote, Speaker
from claimledger.pipeline import extract_all
from claimledger.serve.cli import cli
from claimledger.store import open_ledger
from claimledger.store.queries import entity_roles

DOC_2017 = (
    "Defense Secretary Jim Mattis told reporters on Tuesday that the new base at Corvin Point would "
    'open next year. "We have the funding," Mattis said. "And we have the crews."'
)
DOC_2019 = (
    "Former defense secretary Jim Mattis said the base at Corvin Point should never have been built. "
    "He spoke at a book event in Harlow."
)


def _item(nlp: Any, doc_id: str, text: str, date: str) -> Processed:
    document = Document(id=doc_id, source=f"{doc_id}.txt", text=text, published=Published(date, "day", "metadata"))
    return Processed(document, extract_all(document, nlp(text)))


def _dump(ledger: Any) -> list[tuple[Any, ...]]:
    rows = ledger.query('SELECT * FROM entity_roles ORDER BY entity, role_key, doc')
    return [tuple(r.values()) for r in rows]


def test_roles_from_mentions_and_speakers() -> None:
    text = "Mayor Lena Brandt spoke. Mayor Lena Brandt left. Ivo Kern spoke."
    doc = Document(id="doc_r", source="r.txt", text=text)
    people = [
        PersonMention(6, 17, "Lena Brandt", "Mayor", "Lena Brandt", "ent_lena"),
        PersonMention(31, 42, "Lena Brandt", "Mayor", "Lena Brandt", "ent_lena"),
        PersonMention(49, 57, "Ivo Kern", None, "Ivo Kern", "ent_ivo"),
    ]
    quotes = [
        # the speaker's fuller form of the mentions' title: one role, counted as the mentions
        Quote(id="q1", doc="doc_r", start=0, end=5, text="Mayor",
              speaker=Speaker(name="Lena Brandt", role="the Mayor of Kelvar", entity="ent_lena")),
        # a role given only through a quote's speaker
        Quote(id="q2", doc="doc_r", start=49, end=57, text="Ivo Kern",
              speaker=Speaker(name="Ivo Kern", role="harbour master,", entity="ent_ivo")),
        # no entity id, or anonymous: no role row
        Quote(id="q3", doc="doc_r", start=0, end=5, text="Mayor", speaker=Speaker(name="X", role="chief")),
        Quote(id="q4", doc="doc_r", start=0, end=5, text="Mayor",
              speaker=Speaker(role="official", entity="ent_anon", anonymous=True, name="Y")),
    ]
    found = roles(doc, people, quotes)
    assert [(r.entity, r.role, r.start, r.mentions) for r in found] == [
        ("ent_lena", "Mayor of Kelvar", 6, 2),
        ("ent_ivo", "harbour master", 49, 1),
    ]
    assert all(r.doc == "doc_r" for r in found)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_roles_over_time_for_one_person(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
                                            nlp: Any) -> None:
    """"Defense Secretary" in 2017 and "former defense secretary" in 2019: one entity, two roles."""
    url = str(tmp_path / "l.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    items = [_item(nlp, "doc_2019", DOC_2019, "2019-09-10"), _item(nlp, "doc_2017", DOC_2017, "2017-05-02")]
    with open_ledger(url) as ledger:
        ledger.write(items)
        found = entity_roles(ledger, "Jim Mattis")
        assert [(r["role"], r["first"], r["last"], r["documents"]) for r in found["roles"]] == [
            ("Defense Secretary", "2017-05-02", "2017-05-02", 1),
            ("Former defense secretary", "2019-09-10", "2019-09-10", 1),
        ]
        ids = {r["entity"] for r in ledger.query("SELECT entity FROM entities WHERE canonical = 'Jim Mattis'")}
        assert ids == {found["entity"]}  # the same entity id as the entity records, in both documents
        assert found["name"] == "Jim Mattis"
        assert entity_roles(ledger, found["entity"]) == found == entity_roles(ledger, "jim mattis")
        before = _dump(ledger)
        ledger.write(items)  # writing the same documents again adds no row
        ledger.write(items[:1])
        assert _dump(ledger) == before and len(before) == 2


def test_cli_entity_command(tmp_path: Path, nlp: Any) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in (
        {"id": "a", "title": "Briefing (fictional)", "published": "2017-05-02", "text": DOC_2017},
        {"id": "b", "title": "Interview (fictional)", "published": "2019-09-10", "text": DOC_2019},
    )) + "\n", encoding="utf-8")
    db = str(tmp_path / "l.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(source), "--db", db, "--quiet"]).exit_code == 0
    assert runner.invoke(cli, ["ingest", str(source), "--db", db, "--quiet"]).exit_code == 0  # idempotent
    lines = runner.invoke(cli, ["entity", "Jim Mattis", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [(r["role"], r["first"]) for r in rows] == [("Defense Secretary", "2017-05-02"),
                                                       ("Former defense secretary", "2019-09-10")]
    assert len({r["entity"] for r in rows}) == 1 and rows[0]["name"] == "Jim Mattis"
    whole = json.loads(runner.invoke(cli, ["entity", rows[0]["entity"], "--db", db, "--format", "json"]).stdout)
    assert whole["name"] == "Jim Mattis" and len(whole["roles"]) == 2
    table = runner.invoke(cli, ["entity", "jim mattis", "--db", db, "--format", "table"]).stdout
    assert table.startswith("Jim Mattis (ent_") and "Former defense secretary" in table
    missing = runner.invoke(cli, ["entity", "Nobody Here", "--db", db])
    assert missing.exit_code == 1 and missing.stdout == ""
    assert missing.stderr.startswith("claimledger: no entity 'Nobody Here'") and missing.stderr.count("\n") == 1
    assert "Example: claimledger entity" in runner.invoke(cli, ["entity", "--help"]).output


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Defense Secretary", "the defense secretary,", True),
    ("Colonel, task force spokesperson", "colonel task force spokesperson", True),
    ("Defense Secretary", "former defense secretary", False),
])
def test_role_keys(a: str, b: str, same: bool) -> None:
    from claimledger.values.names import role_key

    assert (role_key(a) == role_key(b)) is same


# -- the `role` of entity export records ---------------------------------------------------------
DEPOT = (
    "Defense Secretary Jim Mattis said on Monday that the depot at Corvin Point would close in June. "
    "Mattis said the 300 workers there would move to Harlow. Colonel Dana Whitfield, the task force "
    "spokesperson, said the last convoy had left the depot."
)
DEPOT_ROLES = {"Jim Mattis": "Defense Secretary", "Mattis": None, "Dana Whitfield": "Colonel, task force spokesperson"}
BRIEFING = ("Press briefing, Corvin Point, June 3.\n\nCOL. WHITFIELD: Good afternoon. The depot is now empty.\n\n"
            "REPORTER: Where did the trucks go?\n\nCOL. WHITFIELD: About 80 trucks went to Harlow.")


def _entities(lines: list[str]) -> list[dict[str, Any]]:
    return sorted((r for r in map(json.loads, lines) if r["type"] == "entity"), key=lambda r: r["id"])


def _check_depot(records: list[dict[str, Any]]) -> None:
    by_text = {r["text"]: r for r in records}
    assert {text: by_text[text]["role"] for text in DEPOT_ROLES} == DEPOT_ROLES
    assert by_text["Dana Whitfield"]["canonical"] == "Dana Whitfield"  # the name stays without the role
    assert all("role" in r for r in records)
    others = [r for r in records if r["label"] != "PERSON"]
    assert others and all(r["role"] is None for r in others)


def test_extract_gives_each_person_mention_its_role(tmp_path: Path) -> None:
    """A title before the name, a title and an apposition in one speaker phrase, and none."""
    source = tmp_path / "depot.txt"
    source.write_text(DEPOT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(source), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    _check_depot(_entities(result.stdout.splitlines()))


def test_a_role_carried_from_an_earlier_mention_is_not_this_mention_s(nlp: Any) -> None:
    """'Mattis said' speaks as the Defense Secretary (quote speaker), but the text gives no role there."""
    found = extract_all(Document(id="doc_d", source="d.txt", text=DEPOT), nlp(DEPOT))
    later = next(q for q in found.quotes if q.start > DEPOT.index("Mattis said"))
    assert later.speaker.role == "Defense Secretary"
    assert [(e.text, e.role) for e in found.entities if e.text == "Mattis"] == [("Mattis", None)]
    assert [(r.role, r.start) for r in found.roles if r.name == "Dana Whitfield"] == [
        ("Colonel, task force spokesperson", DEPOT.index("Dana Whitfield"))]  # the mention the role describes


def test_mention_roles_from_titles_and_speaker_phrases() -> None:
    """The pure step: a title, a speaker phrase's fuller role, and roles that are not this mention's."""
    from claimledger.extract.quotes import SpeakerPhrase
    from claimledger.extract.roles import mention_roles

    text = "Mayor Lena Brandt, the port director, spoke. Brandt spoke. Ivo Kern, an aide, spoke. Ana Ruiz spoke."
    doc = Document(id="doc_m", source="m.txt", text=text)
    def at(piece: str, after: int = 0) -> tuple[int, int]:
        start = text.index(piece, after)
        return start, start + len(piece)

    later = at("Brandt spoke")[0]
    people = [
        PersonMention(*at("Lena Brandt"), "Lena Brandt", "Mayor", "Lena Brandt", "ent_lena"),
        PersonMention(later, later + 6, "Brandt", None, "Lena Brandt", "ent_lena"),
        PersonMention(*at("Ivo Kern"), "Ivo Kern", None, "Ivo Kern", "ent_ivo"),
        PersonMention(*at("Ana Ruiz"), "Ana Ruiz", None, "Ana Ruiz", "ent_ana"),
    ]
    full = Speaker(name="Lena Brandt", role="Mayor, port director", entity="ent_lena")
    phrases = [
        # written here, and folded with the title before the name
        SpeakerPhrase(*at("Mayor Lena Brandt, the port director"), full),
        SpeakerPhrase(later, later + 6, full),  # "Brandt": the role is carried from before, not written here
        SpeakerPhrase(*at("Ivo Kern, an aide"), Speaker(name="Ivo Kern", role="aide", entity="ent_other")),
        SpeakerPhrase(*at("Ana Ruiz"), Speaker(role="Ana Ruiz", entity="ent_ana", anonymous=True)),
    ]
    assert mention_roles(doc, people, phrases) == {at("Lena Brandt"): "Mayor, port director"}
    assert mention_roles(doc, people) == {at("Lena Brandt"): "Mayor"}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_role_round_trips_through_the_ledger_export(backend: str, request: pytest.FixtureRequest,
                                                    tmp_path: Path) -> None:
    url = str(tmp_path / "l.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    source = tmp_path / "depot.txt"
    source.write_text(DEPOT, encoding="utf-8")
    runner = CliRunner()
    extracted = _entities(runner.invoke(cli, ["extract", str(source), "--format", "jsonl"]).stdout.splitlines())
    assert runner.invoke(cli, ["ingest", str(source), "--db", url, "--quiet"]).exit_code == 0
    exported = runner.invoke(cli, ["export", "--db", url, "--format", "jsonl"])
    assert exported.exit_code == 0, exported.output
    assert _entities(exported.stdout.splitlines()) == extracted
    _check_depot(extracted)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_link_keeps_the_role_of_a_mention_it_gives_a_full_name(backend: str, request: pytest.FixtureRequest,
                                                                tmp_path: Path) -> None:
    """'COL. WHITFIELD:' becomes Dana Whitfield in `link`; its role stays 'COL.'."""
    url = str(tmp_path / "l.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps({"id": key, "published": date, "text": text}) for key, text, date in (
        ("depot", DEPOT, "2031-06-02"), ("briefing", BRIEFING, "2031-06-03"))) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(source), "--db", url, "--quiet"]).exit_code == 0
    linked = runner.invoke(cli, ["link", "--db", url, "--encoder", "none", "--format", "json"])
    assert linked.exit_code == 0, linked.output
    assert json.loads(linked.stdout)[0]["people"]["mentions"] >= 2
    lines = runner.invoke(cli, ["export", "--db", url, "--format", "jsonl"]).stdout.splitlines()
    whitfield = {(r["text"], r["canonical"], r["role"]) for r in _entities(lines) if "hitfield" in r["text"].lower()}
    assert whitfield == {("Dana Whitfield", "Dana Whitfield", "Colonel, task force spokesperson"),
                         ("WHITFIELD", "Dana Whitfield", "COL.")}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_ledger_from_0008_gets_a_null_role_until_written_again(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Migration 0009 on a ledger written before it: old mentions have role null, not missing."""
    from claimledger.store.base import Ledger

    url = str(tmp_path / "old.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    item = _item(nlp, "doc_2017", DOC_2017, "2017-05-02")
    mention = next(e for e in item.annotations.entities if e.text == "Jim Mattis")
    assert mention.role == "Defense Secretary"
    scripts = Ledger.migration_scripts
    with monkeypatch.context() as patch:
        patch.setattr(Ledger, "migration_scripts", lambda self: [s for s in scripts(self) if s[0] <= 8])
        old = open_ledger(url)
    with old:
        assert "role" not in [d[0] for d in old.execute("SELECT * FROM entities WHERE 1 = 0").description]
        old.commit()
        old.execute("INSERT INTO documents (id, source, text, status, published_basis, ingested_at) "
                    "VALUES (?, ?, ?, 'ok', 'none', '2026-01-01T00:00:00+00:00')", ("doc_2017", "a.txt", DOC_2017))
        old.execute('INSERT INTO entities (id, doc, start, "end", text, label, canonical, entity) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (mention.id, "doc_2017", mention.start, mention.end,
                                                        mention.text, "PERSON", mention.canonical, mention.entity))
        old.commit()
    with open_ledger(url) as ledger:
        assert "0009_entity_role" in {r["name"] for r in ledger.query("SELECT name FROM schema_migrations")}
        (record,) = ledger.records(["entity"])
        assert record["id"] == mention.id and "role" in record and record["role"] is None
        ledger.write([item])  # the document written again: its mentions get their roles
        roles = {r["text"]: r["role"] for r in ledger.records(["entity"])}
        assert roles["Jim Mattis"] == "Defense Secretary" and roles["Mattis"] is None
