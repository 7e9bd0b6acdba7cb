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
