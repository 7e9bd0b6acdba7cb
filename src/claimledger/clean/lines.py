"""Split decoded text into lines made of raw spans, for plain text and for Markdown.

A :class:`SourceLine` is what the cleaning cascade reads: its ``text`` is the concatenation of
``raw[start:end]`` over its ``pieces``, so every character of the cleaned text maps back to one
character of the decoded input. Markdown markup (``#``, ``**``, link syntax, list markers, quote
markers) falls between pieces and so never reaches the cleaned text; image alt texts are returned
separately as captions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Same-length substitutions applied to the cleaned text (offsets stay one to one with raw).
_SAME_LENGTH = str.maketrans({"\xa0": " ", "\t": " ", "\u2007": " ", "\u202f": " ", "\x0b": " ", "\x0c": " "})


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One input line: its raw spans, its visible text, and whether Markdown made it a heading."""

    pieces: tuple[tuple[int, int], ...]
    text: str
    heading: bool = False
    continuation: bool = False  # a soft-wrapped line continuing the paragraph above (Markdown)

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def raw_start(self) -> int:
        return self.pieces[0][0] if self.pieces else 0


def _line_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content without its line break."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(raw):
        start, end = match.span()
        if start == end == len(raw) and spans:
            break
        content_end = end
        while content_end > start and raw[content_end - 1] in "\r\n":
            content_end -= 1
        spans.append((start, content_end))
    return spans


def _strip_span(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _make(
    raw: str, pieces: list[tuple[int, int]], heading: bool = False, continuation: bool = False
) -> SourceLine:
    pieces = [(s, e) for s, e in pieces if e > s]
    text = "".join(raw[s:e] for s, e in pieces).translate(_SAME_LENGTH)
    return SourceLine(tuple(pieces), text, heading, continuation and bool(pieces))


def text_lines(raw: str) -> list[SourceLine]:
    """Plain-text lines, each stripped of surrounding whitespace."""
    return [_make(raw, [_strip_span(raw, s, e)]) for s, e in _line_spans(raw)]


# --- Markdown ------------------------------------------------------------------------------

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_TAIL = re.compile(r"\s+#+\s*$")
_SETEXT_OR_RULE = re.compile(r"\s{0,3}(?:=+|-{2,}|(?:[*_-]\s*){3,})\s*")
_QUOTE = re.compile(r"\s{0,3}>\s?")
_LIST = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)])\s+")
_REFDEF = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+.*")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")
# Inline markup: images (alt kept as caption), links (label kept), autolinks, html tags,
# emphasis and code markers, backslash escapes (the escaped character is kept).
_INLINE = re.compile(
    r"(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\))"
    r"|(?P<link>\[(?P<label>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<auto><(?P<url>https?://[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][^>\n]{0,200}>)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>~]))"
    r"|(?P<mark>(?<![\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])|`+)"
)


@dataclass(frozen=True, slots=True)
class MarkdownResult:
    """Markdown lines as raw-span lines, and the alt texts of images (captions)."""

    lines: list[SourceLine]
    images: list[str]


def markdown_lines(raw: str) -> MarkdownResult:
    """Markdown lines with markup removed (raw spans kept), plus image alt texts."""
    lines: list[SourceLine] = []
    images: list[str] = []
    in_fence = False
    in_paragraph = False  # the previous line was plain paragraph text
    for start, end in _line_spans(raw):
        line = raw[start:end]
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append(SourceLine((), ""))
            continue
        if in_fence:
            lines.append(_make(raw, [_strip_span(raw, start, end)]))
            in_paragraph = False
            continue
        if _SETEXT_OR_RULE.fullmatch(line) or _REFDEF.fullmatch(line) or _TABLE_RULE.fullmatch(line):
            lines.append(SourceLine((), ""))
            in_paragraph = False
            continue
        pos = start
        heading = False
        while True:  # block prefixes: quote markers, list markers, heading marker
            rest = raw[pos:end]
            for pattern in (_QUOTE, _LIST):
                match = pattern.match(rest)
                if match and match.end() > 0:
                    pos += match.end()
                    break
            else:
                break
        tail = None
        match = _HEADING.match(raw[pos:end])
        if match:
            heading = True
            pos += match.end()
            tail = _HEADING_TAIL.search(raw[pos:end])
        stop = pos + tail.start() if heading and tail else end
        pieces = _inline_pieces(raw, pos, stop, images)
        table = raw[pos:stop].strip().startswith("|")
        if table:
            pieces = _table_pieces(raw, pieces)
        plain = pos == start and not heading and not table
        lines.append(_make(raw, _trim(raw, pieces), heading, continuation=in_paragraph and plain))
        in_paragraph = plain and bool(raw[start:end].strip())
    return MarkdownResult(lines, images)


def _inline_pieces(raw: str, start: int, end: int, images: list[str]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    pos = start
    for match in _INLINE.finditer(raw, start, end):
        pieces.append((pos, match.start()))
        if match.group("image") is not None:
            alt = match.group("alt").strip()
            if alt:
                images.append(alt)
        elif match.group("link") is not None:
            pieces.append(match.span("label"))
        elif match.group("auto") is not None:
            pieces.append(match.span("url"))
        elif match.group("escape") is not None:
            pieces.append(match.span("escaped"))
        pos = match.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def _table_pieces(raw: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the outer pipes of a table row (inner pipes stay as cell separators)."""
    out = list(pieces)
    if out:
        s, e = _strip_span(raw, *out[0])
        if raw[s:e].startswith("|"):
            out[0] = (s + 1, e)
        s, e = _strip_span(raw, *out[-1])
        if raw[s:e].endswith("|"):
            out[-1] = (s, e - 1)
    return out


def _trim(raw: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Strip leading whitespace of the first piece and trailing whitespace of the last."""
    pieces = [p for p in pieces if p[1] > p[0]]
    if not pieces:
        return []
    s, e = pieces[0]
    while s < e and raw[s].isspace():
        s += 1
    pieces[0] = (s, e)
    s, e = pieces[-1]
    while e > s and raw[e - 1].isspace():
        e -= 1
    pieces[-1] = (s, e)
    return [p for p in pieces if p[1] > p[0]]
