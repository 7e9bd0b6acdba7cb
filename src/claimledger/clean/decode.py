"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8 (with Windows-1252 repair of stray bytes),
the declared charset, then detection; binary input is refused with a one-line reason.

Memory stays bounded: at most ``limit`` bytes are decoded, cut at a line break.
"""

from __future__ import annotations

import codecs

from claimledger.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252 (mixed-encoding files are common)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("claimledger-cp1252", _cp1252_fallback)


def decode(data: bytes, *, declared: str | None = None, limit: int | None = None) -> str:
    """Decode input bytes to text, or raise InputError when they are not text."""
    if limit is not None and len(data) > limit:
        cut = data.rfind(b"\n", 0, limit)
        data = data[: cut + 1 if cut > limit // 2 else limit]
    if not data.strip():
        raise InputError("empty input: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 is not None:
        return _checked(data.decode(utf16, errors="replace"))
    if b"\x00" in data[:_SAMPLE]:
        raise InputError("binary content (NUL bytes): not a text document")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return _checked(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    if _mostly_utf8(data, utf8_error):
        return _checked(data.decode("utf-8", errors="claimledger-cp1252"))
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        return _checked(data.decode(best.encoding, errors="replace"))
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError:
        raise InputError("undecodable bytes: not a text document in any known encoding") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte of a text sample is NUL."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """True when the bytes hold valid multi-byte UTF-8 besides the stray ones."""
    head = data[: error.start]
    return any(b >= 0xC2 for b in head) or data.count(b"\xe2\x80") > 0 or data.count(b"\xc3") > 2


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters (binary data that happened to decode)."""
    sample = text[:_SAMPLE]
    if not sample.strip():
        raise InputError("empty input: only whitespace")
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL) + sample.count("\ufffd")
    if controls > 0.05 * len(sample):
        raise InputError("binary content (control characters): not a text document")
    return text
