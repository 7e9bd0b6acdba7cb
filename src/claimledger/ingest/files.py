"""Walking folders: sorted, recursive, skipping hidden entries and the ledger's own files.

Symbolic links are followed, but a link back to a folder already being walked is a loop: it is
recorded as a failure instead of being walked forever. Devices, sockets and pipes are refused
(reading a pipe could block the batch).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

LEDGER_SUFFIXES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, or a path that cannot be read with the reason."""

    path: str
    error: str | None = None


def ledger_files(db: str) -> frozenset[str]:
    """Real paths of the ledger database and its SQLite side files (never ingested)."""
    if "://" in db:
        return frozenset()
    base = os.path.realpath(db)
    return frozenset(base + suffix for suffix in LEDGER_SUFFIXES)


def walk(root: str, skip: frozenset[str] = frozenset()) -> Iterator[Found]:
    """Every regular file under ``root`` in sorted order (or ``root`` itself when it is a file)."""
    try:
        info = os.stat(root)
    except FileNotFoundError:
        yield Found(root, "not found: no such file or folder")
        return
    except OSError as exc:
        yield Found(root, f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISDIR(info.st_mode):
        yield _file(root, info, skip, given=True)
        return
    yield from _walk_dir(root, [(info.st_dev, info.st_ino)], skip)


def _walk_dir(folder: str, ancestors: list[tuple[int, int]], skip: frozenset[str]) -> Iterator[Found]:
    try:
        with os.scandir(folder) as entries:
            names = sorted((e.name for e in entries), key=lambda n: (n.lower(), n))
    except OSError as exc:
        yield Found(folder, f"cannot list folder: {exc.strerror or exc}")
        return
    for name in names:
        if name.startswith("."):
            continue  # hidden files and folders (.git, .venv, editor files)
        path = os.path.join(folder, name)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            reason = "broken symbolic link" if os.path.islink(path) else "vanished before it could be read"
            yield Found(path, reason)
            continue
        except OSError as exc:
            if exc.errno is not None and exc.errno == 40:  # ELOOP: a link pointing at itself
                yield Found(path, "symbolic link loop: the link resolves to itself")
            else:
                yield Found(path, f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Found(path, f"symbolic link loop: points back to {os.path.realpath(path)}, not walked again")
                continue
            yield from _walk_dir(path, [*ancestors, key], skip)
        else:
            found = _file(path, info, skip, given=False)
            if found.path:
                yield found


def _file(path: str, info: os.stat_result, skip: frozenset[str], *, given: bool) -> Found:
    if os.path.realpath(path) in skip:
        if given:
            return Found(path, "refused: this is the ledger database itself (or one of its side files)")
        return Found("")  # the ledger's own files inside a walked folder are silently skipped
    if not stat.S_ISREG(info.st_mode):
        return Found(path, "not a regular file (device, pipe or socket): not read")
    return Found(path)

