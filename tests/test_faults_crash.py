"""Issue 8 part 1: an ingest killed with SIGKILL at several moments loses nothing and resumes.

Kept short for CI (a small generated corpus, three kill points); ``bench/faults.py`` runs the
longer version. The corpus is fictional, generated from word lists.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimledger.evaluation import faults


def test_kill_at_several_points_then_resume(tmp_path: Path) -> None:
    report = faults.crash_runs(tmp_path, documents=24, kill_points=[0, 4, 12], batch_size=4, in_process=True)
    assert report.problems == []
    assert (report.kills, report.survived, report.lost, report.half_written) == (3, 3, 0, 0)
    # The clean ledger really holds the corpus (the comparison is not between two empty ledgers).
    with sqlite3.connect(tmp_path / "clean.db") as connection:
        statuses = dict(connection.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
        quantities = connection.execute("SELECT count(*) FROM quantities").fetchone()[0]
    assert statuses.get("ok", 0) >= 20 and statuses.get("failed", 0) >= 2
    assert quantities > 20


def test_snapshot_sees_a_half_written_document(tmp_path: Path) -> None:
    """The check used after a kill must catch a document whose annotations are missing."""
    from claimledger import run
    from claimledger.settings import Settings

    corpus = tmp_path / "c"
    faults.make_corpus(corpus, 4)
    db = tmp_path / "l.db"
    run.ingest([str(corpus)], Settings.load(db=str(db)))
    before = faults.snapshot(db)
    with sqlite3.connect(db) as connection:
        doc = connection.execute("SELECT doc FROM quantities LIMIT 1").fetchone()[0]
        connection.execute("DELETE FROM claim_quantities WHERE quantity IN (SELECT id FROM quantities WHERE doc = ?)",
                           (doc,))
        connection.execute("UPDATE quantities SET claim = NULL WHERE doc = ?", (doc,))
        connection.execute("DELETE FROM quantities WHERE doc = ?", (doc,))
    after = faults.snapshot(db)
    assert [d for d in before if before[d] != after.get(d)] == [doc]


KILL_MID_MIGRATION = """
import os, signal, sys
from claimledger.store.sqlite import SQLiteLedger

original = SQLiteLedger.migration_scripts

def with_a_kill(self):
    out = []
    for version, name, script in original(self):
        if name.startswith("0001"):
            second = script.index("CREATE TABLE", script.index("CREATE TABLE") + 1)
            script = script[:second] + "SELECT die();\\n" + script[second:]
        out.append((version, name, script))
    return out

SQLiteLedger.migration_scripts = with_a_kill
run_script = SQLiteLedger.run_script

def dying(self, script):
    self.connection.create_function("die", 0, lambda: os.kill(os.getpid(), signal.SIGKILL))
    run_script(self, script)

SQLiteLedger.run_script = dying
SQLiteLedger(sys.argv[1])
"""


def test_kill_in_the_middle_of_the_first_migration(tmp_path: Path) -> None:
    """Regression (issue 8): a kill mid-migration left half a schema ("table already exists")."""
    import signal
    import subprocess
    import sys

    from claimledger import run
    from claimledger.settings import Settings

    db = tmp_path / "ledger.db"
    child = subprocess.run([sys.executable, "-c", KILL_MID_MIGRATION, str(db)], capture_output=True, timeout=120,
                           check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert faults.integrity(db) == "ok"
    text = tmp_path / "one.txt"
    text.write_text("The fictional ferry operator said 5 boats were idle on Monday.", encoding="utf-8")
    summary = run.ingest([str(text)], Settings.load(db=str(db)))
    assert summary.ok == 1
