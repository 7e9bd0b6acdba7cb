"""People who speak together ("Calder and Ruiz said"): the group's members are entity ids, so
the entity and speaker filters find the group's statements under each member (issue 4).

The document is fictional, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.model import Document, Processed, Published
from claimledger.pipeline import extract_all
from claimledger.serve.cli import cli
from claimledger.store import open_ledger, queries

TEXT = (
    "Senator Ruth Calder opened the hearing on the harbour levy on Monday. Councillor Maria Ruiz "
    "agreed with her. Calder and Ruiz said the levy would raise $40 million by 2030. "
    "Later, Ruiz said the quay had cost $12 million."
)


def _item(nlp: Any) -> Processed:
    published = Published("2031-03-03", "day", "metadata")
    document = Document(id="doc_levy", source="levy.txt", text=TEXT, published=published)
    return Processed(document, extract_all(document, nlp(TEXT)))


def _person(item: Processed, name: str) -> str:
    ids = {e.entity for e in item.annotations.entities if e.canonical == name and e.entity}
    assert len(ids) == 1, (name, ids)
    return ids.pop()


def test_a_group_speaker_names_its_members(nlp: Any) -> None:
    item = _item(nlp)
    calder, ruiz = _person(item, "Ruth Calder"), _person(item, "Maria Ruiz")
    claim = next(c for c in item.annotations.claims if "$40 million" in c.text)
    assert claim.speaker.name == "Ruth Calder and Maria Ruiz"
    assert claim.speaker.entity is None  # no one id names both
    assert claim.speaker.members == (calder, ruiz)
    alone = next(c for c in item.annotations.claims if "quay had cost" in c.text)
    assert alone.speaker.entity == ruiz and alone.speaker.members == ()
    record = claim.record()
    assert record["speaker"]["members"] == [calder, ruiz]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_entity_and_speaker_filters_find_what_a_group_said(backend: str, request: pytest.FixtureRequest,
                                                           tmp_path: Path, nlp: Any) -> None:
    url = str(tmp_path / "l.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    item = _item(nlp)
    calder, ruiz = _person(item, "Ruth Calder"), _person(item, "Maria Ruiz")
    with open_ledger(url) as ledger:
        ledger.write([item])

        def claims(**filters: str) -> set[str]:
            found = queries.list_claims(ledger, queries.ClaimFilter(**filters), limit=50)
            assert queries.count_claims(ledger, queries.ClaimFilter(**filters)) == len(found)
            return {c["text"] for c in found}

        levy = next(c.text for c in item.annotations.claims if "$40 million" in c.text)
        quay = next(c.text for c in item.annotations.claims if "quay had cost" in c.text)
        assert levy in claims(entity=calder) and levy in claims(entity=ruiz)
        assert quay in claims(entity=ruiz) and quay not in claims(entity=calder)
        assert levy in claims(speaker=calder) and quay not in claims(speaker=calder)
        assert levy in claims(speaker="calder")  # by name, as before
        assert not claims(speaker=calder[:-1])  # an id is matched whole, not as a prefix
        quotes = queries.list_quotes(ledger, queries.QuoteFilter(speaker=calder))
        assert [q["speaker"]["members"] for q in quotes] == [[calder, ruiz]]
        stored = queries.get_claim(ledger, next(c.id for c in item.annotations.claims if c.text == levy))
        assert stored["speaker"]["members"] == [calder, ruiz]
        assert queries.get_claim(ledger, next(c.id for c in item.annotations.claims if c.text == quay)
                                 )["speaker"]["members"] == []


def test_export_round_trips_members(tmp_path: Path) -> None:
    source = tmp_path / "levy.jsonl"
    source.write_text(json.dumps({"id": "levy", "published": "2031-03-03", "text": TEXT}) + "\n", encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(source), "--format", "jsonl"])
    assert extracted.exit_code == 0, extracted.output
    url = str(tmp_path / "l.db")
    assert runner.invoke(cli, ["ingest", str(source), "--db", url, "--quiet"]).exit_code == 0
    exported = runner.invoke(cli, ["export", "--db", url, "--format", "jsonl"])

    def speakers(lines: list[str]) -> list[dict[str, Any]]:
        return sorted((r["speaker"] for r in map(json.loads, lines) if r["type"] in ("quote", "claim")),
                      key=json.dumps)

    before = speakers(extracted.stdout.splitlines())
    assert any(len(s["members"]) == 2 for s in before)
    assert speakers(exported.stdout.splitlines()) == before


def test_a_ledger_from_0009_reads_members_as_empty_until_written_again(
        tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimledger.store.base import Ledger

    url = str(tmp_path / "old.db")
    item = _item(nlp)
    scripts = Ledger.migration_scripts
    with monkeypatch.context() as patch:
        patch.setattr(Ledger, "migration_scripts", lambda self: [s for s in scripts(self) if s[0] <= 9])
        old = open_ledger(url)
    with old:
        old.execute("INSERT INTO documents (id, source, text, status, published_basis, ingested_at) "
                    "VALUES (?, ?, ?, 'ok', 'none', '2031-03-03T00:00:00+00:00')", ("doc_levy", "levy.txt", TEXT))
        claim = next(c for c in item.annotations.claims if "$40 million" in c.text)
        old.execute('INSERT INTO claims (id, doc, start, "end", text, speaker_name, speaker_anonymous, polarity, '
                    "checkworthy) VALUES (?, ?, ?, ?, ?, ?, 0, 'affirm', 0.6)",
                    (claim.id, "doc_levy", claim.start, claim.end, claim.text, claim.speaker.name))
        old.commit()
    with open_ledger(url) as ledger:  # migration 0010 applies
        assert queries.get_claim(ledger, claim.id)["speaker"]["members"] == []
        calder = _person(item, "Ruth Calder")
        assert not queries.list_claims(ledger, queries.ClaimFilter(entity=calder))
        ledger.write([item])  # written again: the members are there
        assert claim.text in {c["text"] for c in queries.list_claims(ledger, queries.ClaimFilter(entity=calder))}
