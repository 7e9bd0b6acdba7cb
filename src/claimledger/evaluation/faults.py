"""Crash safety and hostile input, measured: ``bench/faults.py`` prints these figures.

An ingest is run as a real process and killed with SIGKILL at chosen moments (after a number
of documents is committed). After every kill the ledger must pass ``PRAGMA integrity_check``,
every stored document must be complete (its row and all its annotations equal to those of a
clean run), and running the same command again must finish with a ledger equal to the clean
run's. No dataset is needed: the corpus is generated (fictional sentences from word lists).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.evaluation import Score

PEOPLE = ("Ana Rivas", "Tomas Brell", "Ines Okafor", "Peter Lund", "Mira Saad", "Jon Keel", "Lea Voss",
          "Omar Hadi", "Sara Kemp", "Yuri Dola", "Nadia Fenn", "Carl Ibsen")
ROLES = ("the mayor", "a ministry spokesperson", "the harbour master", "the police chief", "an aid worker",
         "the finance minister", "a union leader", "the company chairman")
TOWNS = ("Velm", "Arden", "Brisk", "Coldwater", "Dunmore", "Elsby", "Farrow", "Glenn", "Harlow", "Iver",
         "Jasper", "Kell", "Lorne", "Marsh")
NOUNS = ("schools", "bridges", "ferries", "clinics", "trucks", "families", "soldiers", "tonnes of grain",
         "homes", "jobs", "flights", "wells", "buses", "farms", "shops", "volunteers")
VERBS = ("closed", "reopened", "inspected", "damaged", "rebuilt", "evacuated", "hired", "cancelled",
         "delivered", "counted", "funded", "moved")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")


def make_corpus(folder: Path, documents: int, seed: int = 7) -> int:
    """Write a fictional corpus (text files, one JSON Lines file, a few bad files); returns inputs."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    folder.mkdir(parents=True, exist_ok=True)
    texts = [_article(rng) for _ in range(documents)]
    half = documents // 2
    for number, text in enumerate(texts[:half]):
        (folder / f"doc-{number:04d}.txt").write_text(text, encoding="utf-8")
    with (folder / "wire.jsonl").open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts[half:]):
            handle.write(json.dumps({"id": f"w{number}", "text": text, "title": f"Wire {number}"}) + "\n")
            if number % 25 == 7:
                handle.write("{not json at all\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return documents + 2 + sum(1 for n in range(documents - half) if n % 25 == 7)


def _article(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        person, role, town = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(TOWNS)
        count, noun, verb = rng.randint(2, 9000), rng.choice(NOUNS), rng.choice(VERBS)
        day = rng.choice(DAYS)
        form = rng.randrange(3)
        if form == 0:
            sentences.append(f'"{count} {noun} were {verb} in {town} on {day}," said {person}, {role}.')
        elif form == 1:
            sentences.append(f"{person}, {role}, said about {count} {noun} had been {verb} near {town} "
                             f"since {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}.")
        else:
            sentences.append(f"In {town}, more than {count} {noun} were {verb} last {day}, "
                             f"according to {role}.")
    return " ".join(sentences) + "\n"


def ingest_command(inputs: list[str], db: Path, batch_size: int) -> list[str]:
    return [sys.executable, "-c", "from claimledger.serve.cli import main; main()", "ingest", *inputs,
            "--db", str(db), "--quiet"]


def environment(batch_size: int) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMLEDGER_BATCH_SIZE"] = str(batch_size)
    env.pop("CLAIMLEDGER_DB", None)
    return env


def run_to_end(inputs: list[str], db: Path, batch_size: int, timeout: float = 600) -> int:
    """Run the ingest command to its end; returns the exit status."""
    command = ingest_command(inputs, db, batch_size)
    return subprocess.run(command, env=environment(batch_size),  # noqa: S603 - our own command line
                          capture_output=True, timeout=timeout, check=False).returncode


def _finish_here(inputs: list[str], db: Path, batch_size: int, timeout: float = 0) -> int:
    from claimledger import run
    from claimledger.settings import Settings

    del timeout
    summary = run.ingest(inputs, Settings.load(db=str(db), batch_size=batch_size))
    return 2 if summary.failed else 0


def stored_documents(db: Path) -> int:
    """Documents committed so far (read while the writer runs; 0 before the ledger exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def run_and_kill(inputs: list[str], db: Path, batch_size: int, after: int, timeout: float = 300) -> bool:
    """Start the ingest and SIGKILL it once ``after`` documents are stored (0: as soon as it runs).

    Returns True when the kill landed before the process finished by itself.
    """
    command = ingest_command(inputs, db, batch_size)
    process = subprocess.Popen(command, env=environment(batch_size),  # noqa: S603 - our own command line
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if (after == 0 and db.exists()) or (after > 0 and stored_documents(db) >= after):
                break
            time.sleep(0.02)
        if process.poll() is not None:
            return False
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return True
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def snapshot(db: Path) -> dict[str, tuple[object, ...]]:
    """Per document id: its row (without the ingest time) and every row that belongs to it, sorted."""
    out: dict[str, tuple[object, ...]] = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        columns = [r[1] for r in connection.execute("PRAGMA table_info(documents)") if r[1] != "ingested_at"]
        if not columns:
            return out  # killed before the schema was created
        quoted = ", ".join(f'"{c}"' for c in columns)
        owned = [r[0] for r in connection.execute(
            "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name != 'documents' "
            "AND m.name NOT LIKE '%fts%' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'doc')")]
        for row in connection.execute(f"SELECT {quoted} FROM documents"):
            parts: list[object] = [tuple(row)]
            for table in sorted(owned):
                rows = connection.execute(f"SELECT * FROM {table} WHERE doc = ?", (row["id"],)).fetchall()
                parts.append((table, sorted((tuple(r) for r in rows), key=repr)))
            out[row["id"]] = tuple(parts)
    return out


def _where(expected: tuple[object, ...] | None, got: tuple[object, ...]) -> str:
    """Which part of a document's snapshot differs (for the report)."""
    if expected is None:
        return "a document the clean run does not have"
    names = ["the document row"] + [str(part[0]) for part in expected[1:] if isinstance(part, tuple)]
    return ", ".join(n for n, a, b in zip(names, expected, got, strict=False) if a != b) or "nothing"


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


@dataclass(slots=True)
class CrashReport:
    """What the kill-and-resume runs found."""

    kills: int = 0  # kills that landed while the ingest was running
    survived: int = 0  # kills after which every check passed
    inputs: int = 0  # documents and bad inputs in the corpus
    lost: int = 0  # committed documents missing or changed after the resume
    half_written: int = 0  # stored documents that differ from the clean run right after a kill
    problems: list[str] = field(default_factory=list)


def crash_runs(
    work: Path, documents: int, kill_points: list[int], batch_size: int = 4, *, in_process: bool = False,
) -> CrashReport:
    """Kill an ingest at each point, check the ledger, resume; compare with one clean run.

    The killed runs are always real processes; ``in_process`` runs the clean run and the resumes
    through ``run.ingest`` in this process (the same code as the command, without a start-up).
    """
    report = CrashReport()
    corpus = work / "corpus"
    report.inputs = make_corpus(corpus, documents)
    clean_db = work / "clean.db"
    finish = _finish_here if in_process else run_to_end
    finish([str(corpus)], clean_db, batch_size)
    clean = snapshot(clean_db)
    for number, point in enumerate(kill_points):
        db = work / f"killed-{number}.db"
        landed = run_and_kill([str(corpus)], db, batch_size, point)
        if not landed:
            report.problems.append(f"kill point {point}: the ingest finished before the kill")
            continue
        report.kills += 1
        ok = True
        verdict = integrity(db) if db.exists() else "ok"
        if verdict != "ok":
            report.problems.append(f"kill point {point}: integrity_check says {verdict}")
            ok = False
        committed = snapshot(db) if db.exists() else {}
        partial = [doc for doc, rows in committed.items() if clean.get(doc) != rows]
        report.half_written += len(partial)
        if partial:
            report.problems.append(f"kill point {point}: {len(partial)} stored documents differ from a clean run "
                                   f"(in {_where(clean.get(partial[0]), committed[partial[0]])})")
            ok = False
        finish([str(corpus)], db, batch_size)
        final = snapshot(db)
        lost = [doc for doc, rows in committed.items() if final.get(doc) != rows]
        report.lost += len(lost)
        if final != clean:
            missing, extra = len(set(clean) - set(final)), len(set(final) - set(clean))
            changed = sum(1 for d in set(clean) & set(final) if clean[d] != final[d])
            report.problems.append(f"kill point {point}: after the resume {missing} missing, {extra} extra, "
                                   f"{changed} changed documents")
            ok = False
        report.survived += ok
    return report


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """The crash-safety figures (``datasets`` is unused: the corpus is generated)."""
    import tempfile

    del datasets
    documents, points = (60, [0, 8, 30]) if fast else (400, [0, 1, 12, 40, 90, 150, 220, 300, 360])
    with tempfile.TemporaryDirectory(prefix="claimledger-faults-") as folder:
        report = crash_runs(Path(folder), documents, points)
    note = "; ".join(report.problems) or "every check passed"
    return [
        Score("faults", "SIGKILL during ingest", "kills survived / kills", report.survived / max(report.kills, 1),
              reference=1.0, reference_by="issue 8 (must be all)", note=note, n=report.kills),
        Score("faults", "SIGKILL during ingest", "documents lost", float(report.lost), reference=0.0,
              reference_by="issue 8", n=report.inputs),
        Score("faults", "SIGKILL during ingest", "half-written documents", float(report.half_written),
              reference=0.0, reference_by="issue 8", n=report.inputs),
    ]


# -- hostile input ----------------------------------------------------------------------------
GOOD_TEXT = "The fictional water board said on Monday that 17 pumps were repaired in Velm.\n"


def _warc_record(uri: str, block: bytes, length: int | None = None, encoding: str | None = None) -> bytes:
    headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
    if encoding:
        headers += f"Content-Encoding: {encoding}\r\n".encode()
    payload = headers + b"\r\n" + block
    size = len(payload) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**8:08d}-0000-0000-0000-000000000000>\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {size}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def hostile_cases(cap: int) -> dict[str, bytes]:
    """Generated hostile files by name (the name's suffix is part of the attack)."""
    import gzip

    lying = _warc_record("https://warc-lying-lengths.example/1", b"fine text one") + _warc_record(
        "https://warc-lying-lengths.example/2", b"text with a length that lies", length=10) + _warc_record(
        "https://warc-lying-lengths.example/3", b"fine text three")
    return {
        "binary-named.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "random-bytes.txt": random.Random(3).randbytes(20_000),  # noqa: S311 - test bytes, not a secret
        "gzip-bomb.txt.gz": gzip.compress(b" " * (cap * 30), compresslevel=9),
        "warc-bomb.warc": _warc_record("https://warc-bomb.example/", gzip.compress(b"b" * (cap * 30)), encoding="gzip"),
        "warc-lying-lengths.warc": lying,
        "warc-truncated.warc": _warc_record("https://warc-truncated.example/", b"cut short " * 50)[:-200],
        "gzip-truncated.txt.gz": gzip.compress(b"some fictional words " * 500)[:-50],
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "deep.html": b"<html><body>" + b"<div>" * 50_000 + b"deep fictional text" + b"</div>" * 50_000,
        "huge-line.jsonl": b'{"text": "' + b"y" * (cap * 2) + b'"}\n{"text": "a fictional short line"}\n',
        "bad-lines.jsonl": b'{"text": "ok line"}\n{broken\n\xff\xfe\n{"no_text": 1}\n',
        "invalid-utf8.txt": b"Fictional \xff\xfe\xc3\x28 text about 3 \x80\x81 boats.",
        "utf16-bom.txt": "\ufeffA fictional UTF-16 note about 4 ferries.".encode("utf-16"),
        "xxe.rss": (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                    b"<rss version='2.0'><channel><item><description>&x;</description></item></channel></rss>"),
        "laughs.xml": (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>"
                       b"<!ENTITY c '&b;&b;&b;&b;&b;&b;'>]><rss version='2.0'><channel><item>"
                       b"<description>&c;&c;</description></item></channel></rss>"),
        "empty.md": b"",
        "malformed.html": b"<html><p>unclosed <b><i>fictional <table><tr><td>cell</p></div></html",
    }


@dataclass(slots=True)
class HostileReport:
    """What the hostile-input batch did."""

    tried: int = 0  # hostile inputs in the batch
    handled: int = 0  # each produced a recorded failure or a stored document
    good_kept: int = 0  # good documents stored despite their hostile neighbours
    good_total: int = 0
    seconds: float = 0.0
    integrity: str = ""
    problems: list[str] = field(default_factory=list)
    outcomes: dict[str, str] = field(default_factory=dict)  # case -> "failed: reason" / "ok"


def hostile_run(work: Path, cap: int = 1_000_000) -> HostileReport:
    """Ingest every hostile case between good documents; check each left a row and the rest went on."""
    from claimledger import run
    from claimledger.settings import Settings

    report = HostileReport()
    folder = work / "hostile"
    folder.mkdir(parents=True)
    cases = hostile_cases(cap)
    for number, (name, data) in enumerate(cases.items()):
        (folder / name).write_bytes(data)
        (folder / f"{name}-good-{number}.txt").write_text(f"{GOOD_TEXT} Note {number}: {name}.", "utf-8")
    (folder / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    os.mkfifo(folder / "pipe.txt")
    report.tried = len(cases) + 3
    report.good_total = len(cases)
    db = work / "hostile.db"
    started = time.monotonic()
    run.ingest([str(folder)], Settings.load(db=str(db), max_bytes=cap, batch_size=8))
    report.seconds = time.monotonic() - started
    report.integrity = integrity(db)
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT source, status, error FROM documents").fetchall()
    for name in [*cases, "loop", "dangling.txt", "pipe.txt"]:
        path = str(folder / name)
        inner = path[:-3] if path.endswith(".gz") else path
        uri = f"//{name.rsplit('.', 1)[0]}.example/"
        mine = [(status, error) for source, status, error in rows
                if str(source) in (path, inner) or str(source).startswith((path + "#", inner + "#"))
                or uri in str(source)]
        if mine:
            report.handled += 1
            report.outcomes[name] = "; ".join(sorted({
                status if status != "failed" else f"failed: {str(error)[:70]}" for status, error in mine}))
        else:
            report.problems.append(f"{name}: left no row")
    good = {str(r[0]) for r in rows if r[1] in ("ok", "duplicate") and "-good-" in str(r[0])}
    report.good_kept = len(good)
    if report.integrity != "ok":
        report.problems.append(f"integrity_check: {report.integrity}")
    return report
