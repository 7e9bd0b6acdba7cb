"""Reading with caps: no input is ever read past ``settings.max_bytes`` into memory.

``read_capped`` reads a whole document or fails "too large"; ``GzipCapped`` decompresses with
a cap on the total output (a small gzip bomb stops at the cap, it is never expanded whole);
``Prefixed`` puts back the bytes sniffed from a stream that cannot seek (standard input).
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from claimledger.errors import InputTooLarge

CHUNK = 1 << 16

# A container (JSON Lines, gzip) may hold many documents; its decompressed total is capped at
# this many times ``max_bytes`` so a small compressed file cannot keep the batch busy for hours.
CONTAINER_FACTOR = 20


def read_capped(stream: BinaryIO, limit: int, what: str = "input") -> bytes:
    """All bytes of ``stream`` up to ``limit``; InputTooLarge when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(
            f"too large: {what} is over the {limit:,}-byte cap (raise CLAIMLEDGER_MAX_BYTES to read it)"
        )
    return data


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes and a stream that still yields them (seeks back when it can)."""
    if stream.seekable():
        position = stream.tell()
        head = stream.read(size)
        stream.seek(position)
        return head, stream
    head = stream.read(size)
    return head, io.BufferedReader(Prefixed(head, stream), CHUNK)


class Prefixed(io.RawIOBase):
    """A read-only stream: ``head`` first, then the rest of ``rest`` (for stdin after sniffing)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            count = min(len(buffer), self._head.nbytes)
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class GzipCapped(io.RawIOBase):
    """Decompress a gzip stream (all members) and refuse to produce more than ``limit`` bytes.

    Truncated input raises EOFError at the end; corrupt input raises zlib.error. Both are
    reported by the caller as the reason the rest of the file was not read.
    """

    def __init__(self, raw: BinaryIO, limit: int, what: str = "gzip input") -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit
        self._what = what
        self._produced = 0
        self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._finished = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._pending and not self._finished:
            if self._decoder.unconsumed_tail:
                data = self._decoder.unconsumed_tail
            else:
                data = self._raw.read(CHUNK)
                if not data:
                    if not self._decoder.eof:
                        raise EOFError(f"truncated gzip: {self._what} ends before its end marker")
                    self._finished = True
                    return
            self._pending = self._decoder.decompress(data, CHUNK)
            if self._decoder.eof:
                rest = self._decoder.unused_data
                self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
                if rest.strip(b"\x00"):
                    self._pending += self._decoder.decompress(rest, CHUNK)
                else:
                    tail = self._raw.read(CHUNK)
                    if not tail:
                        self._finished = True
                    else:
                        self._pending += self._decoder.decompress(tail, CHUNK)
            self._produced += len(self._pending)
            if self._produced > self._limit:
                raise InputTooLarge(
                    f"too large: {self._what} decompresses past the {self._limit:,}-byte cap "
                    "(a compression bomb, or raise CLAIMLEDGER_MAX_BYTES)"
                )

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self._fill()
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count
