"""Issue 2 (ingest): a batch of good and bad inputs through the real command.

Every bad input gets a recorded failure with a one-line reason (or is processed correctly), the
batch goes on, nothing already stored changes, the exit status says a document failed, and
running the same ingest again changes no row. All texts are fictional, written for these tests.
"""

from __future__ import annotations

import codecs
import gzip
import os
import sqlite3
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from claimledger.ingest.sources import iter_inputs
from claimledger.serve.cli import cli
from claimledger.settings import Settings
from test_ingest_formats import ARTICLE, warc_bytes


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: two equal dumps mean no row changed."""
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def documents(db: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return {os.path.basename(src.split("#")[0]) + ("#" + src.split("#")[1] if "#" in src else ""): (st, err)
                for src, st, err in connection.execute("SELECT source, status, error FROM documents")}


def make_bad_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("The fictional river authority said 12 dams were inspected on Monday.\n",
                                     encoding="utf-8")
    (folder / "good.html").write_text(ARTICLE, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes("The “harbour master” said café fees rose by €3.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE
                                       + "A fictional UTF-16 note about 4 ferries.".encode("utf-16-le"))
    (folder / "mixed.txt").write_bytes("Naïve start in UTF-8, ".encode() + "then “quoted” in 1252.".encode("cp1252"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\n ")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "cut.txt.gz").write_bytes(gzip.compress(b"A fictional compressed note. " * 200)[:-40])
    page = "<html><body><p>The fictional rail operator said 6 lines were closed by snow.</p></body></html>"
    whole = warc_bytes([("https://w.example/1", "text/html", page.encode()),
                        ("https://w.example/2", "text/plain", b"Second fictional record about 9 trucks.")], gz=True)
    (folder / "cut.warc.gz").write_bytes(whole[: len(whole) - 30])
    (folder / "broken.html").write_text("<html><body><div><p>Unclosed fictional paragraph about 5 ministers"
                                        "<table><tr><td>cell<b><i>nested</p></div>", encoding="utf-8")
    (folder / "mixed.jsonl").write_text(
        '{"text": "Fictional line one about 2 envoys."}\n{broken\n\n{"text": 5}\n'
        '{"id": "k9", "text": "Fictional line five."}\n', encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")


def test_bad_batch_is_recorded_and_rerun_changes_nothing(tmp_path: Path, db_path: Path) -> None:
    runner = CliRunner()
    seed = tmp_path / "seed.txt"
    seed.write_text("A fictional minister said on Tuesday that 30 schools reopened.", encoding="utf-8")
    first = runner.invoke(cli, ["ingest", str(seed), "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    before = dump(db_path)

    folder = tmp_path / "batch"
    make_bad_batch(folder)
    missing = tmp_path / "no-such-file.txt"
    result = runner.invoke(cli, ["ingest", str(folder), str(missing), "--db", str(db_path)])
    assert result.exit_code == 2, result.output
    assert "ok," in result.stderr and "failed" in result.stderr.splitlines()[0]

    docs = documents(db_path)
    ok = {name for name, (status, _) in docs.items() if status == "ok"}
    assert {"seed.txt", "good.txt", "good.html", "cp1252.txt", "utf16.txt", "mixed.txt", "broken.html",
            "mixed.jsonl#L1", "mixed.jsonl#id=k9"} <= ok
    reasons = {name: error for name, (status, error) in docs.items() if status == "failed"}
    assert "empty" in (reasons["empty.txt"] or "")
    assert "empty" in (reasons["blank.md"] or "")
    assert "PNG" in (reasons["image.txt"] or "")
    assert "truncated gzip" in (reasons["cut.txt.gz"] or "")
    assert "not valid JSON" in (reasons["mixed.jsonl#L2"] or "")
    assert "no 'text' string" in (reasons["mixed.jsonl#L4"] or "")
    assert "not a regular file" in (reasons["pipe.txt"] or "")
    assert "not found" in (reasons["no-such-file.txt"] or "")
    assert "truncated WARC record" in (reasons["2"] or "")  # https://w.example/2, cut short
    assert all("\n" not in (error or "") for error in reasons.values())
    with sqlite3.connect(db_path) as connection:
        uris = {r[0] for r in connection.execute("SELECT source FROM documents WHERE status = 'ok'")}
    assert "https://w.example/1" in uris  # the record before the cut was kept

    # Nothing stored before was touched.
    after = dump(db_path)
    for table, rows in before.items():
        if table != "schema_migrations":
            assert set(rows) <= set(after[table]), table

    # Re-running the same ingest changes no row and still reports the failures.
    again = runner.invoke(cli, ["ingest", str(folder), str(missing), "--db", str(db_path)])
    assert again.exit_code == 2
    assert "0 ok, 0 duplicate" in again.stderr and "unchanged" in again.stderr
    assert dump(db_path) == after


def test_quiet_and_exit_status_zero(tmp_path: Path, db_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("The fictional port handled 8 ships.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(text), "--db", str(db_path), "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""


def test_exit_status_one_when_the_command_cannot_run(tmp_path: Path) -> None:
    not_a_db = tmp_path / "ledger.db"
    not_a_db.write_bytes(b"this is not a database file at all" * 100)
    text = tmp_path / "one.txt"
    text.write_text("Fictional.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(text), "--db", str(not_a_db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("claimledger: ") and len(result.stderr.strip().splitlines()) == 1


def test_stdin_through_the_command(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(db_path)],
                                input="The fictional council approved 3 budgets on Monday.\n")
    assert result.exit_code == 0, result.output
    assert documents(db_path) == {"-": ("ok", None)}


def test_a_100_mb_text_file_fails_fast_with_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = b"A fictional line of filler text repeated to make a very large file.\n"
    with big.open("wb") as handle:
        for _ in range(100):
            handle.write(line * (1_048_576 // len(line) + 1))
    assert big.stat().st_size > 100_000_000
    tracemalloc.start()
    try:
        got = list(iter_inputs([str(big)], Settings(db="unused.db")))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(got) == 1 and got[0].error is not None and got[0].error.startswith("too large")
    assert peak < 5_000_000
