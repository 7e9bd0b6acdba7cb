"""From a raw input to a cleaned, dated Document (the clean stage of the pipeline).

    1. decode     bytes -> text (bounded, binary refused)
    2. sniff      an input of unknown kind is read as HTML, Markdown or plain text; a plain
                  text that is really an HTML page (a feed item, a JSON field) as HTML
    3. extract    HTML through trafilatura; Markdown markup removed with offsets kept
    4. cascade    chrome dropped, captions set aside, embedded posts folded (clean/text.py)
    5. date       metadata first, else the text's evidence, else none (clean/dates.py)
"""

from __future__ import annotations

import dataclasses
import re

from claimledger.clean import dates
from claimledger.clean.decode import decode
from claimledger.clean.html import extract_html
from claimledger.clean.lines import markdown_lines, text_lines
from claimledger.clean.text import CleanText, clean_lines
from claimledger.errors import InputError
from claimledger.ingest import RawInput, RawKind
from claimledger.model import Document, Published, Segment
from claimledger.settings import Settings
from claimledger.values import voices
from claimledger.values.dates import parse_date

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|table|tr|td|h[1-6]|article|section|img|meta|script)\b", re.IGNORECASE)
_MD_SIGNS = re.compile(r"^(?:#{1,6} \S|\s*[-*+] \S|> \S)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.MULTILINE)
_HEADLINE_END = re.compile(r"[.!?:;,]$")
HEADLINE_LINES = 6
_WORD_RUN = re.compile(r"[^\s&<>'\"’“”]+")
_REMAP_WINDOW = 5000  # how far past the previous match a word of the same line is looked for


def sniff(text: str) -> RawKind:
    """HTML, Markdown or plain text, from the text itself."""
    head = text[:5000]
    if _HTML_SNIFF.match(head) or len(_TAG.findall(head)) >= 5:
        return "html"
    if len(_MD_SIGNS.findall(head)) >= 2:
        return "markdown"
    return "text"


def clean_document(raw: RawInput, doc_id: str, settings: Settings) -> Document:
    """Decode, strip boilerplate and date one raw input. Raises InputError on unusable input."""
    # 1. decode: at most four bytes per kept character of text; HTML pages (scripts, styles)
    # may be larger, up to the input cap, since their article text is a small part of them
    markup = raw.kind == "html" or raw.data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    limit = max(settings.max_bytes, settings.max_text_chars * 4) if markup else settings.max_text_chars * 4
    decoded = decode(raw.data, declared=raw.encoding, limit=limit)
    if not markup and len(decoded) > settings.max_text_chars:
        cut = decoded.rfind("\n", 0, settings.max_text_chars)
        decoded = decoded[: cut if cut > settings.max_text_chars // 2 else settings.max_text_chars]
    # 2. sniff
    kind = raw.kind if raw.kind not in ("unknown", "text") else sniff(decoded)
    if raw.kind == "text" and kind == "markdown":
        kind = "text"  # a declared plain text stays plain; only HTML is recognised inside it
    title, author, publisher, meta_date = raw.meta.title, raw.meta.author, raw.meta.publisher, None
    # 3. extract, 4. cascade
    if kind == "html":
        article = extract_html(decoded, url=raw.meta.url)
        cleaned = clean_lines(text_lines(article.text), extra_captions=article.captions)
        cleaned = _with_post_urls(_remap_to_raw(cleaned, decoded), dict(article.post_urls))
        title, author = title or article.title, author or article.author
        publisher, meta_date = publisher or article.publisher, article.date
    elif kind == "markdown":
        parsed = markdown_lines(decoded)
        cleaned = clean_lines(parsed.lines, extra_captions=parsed.images)
        title = title or (cleaned.headings[0] if cleaned.headings else None)
    else:
        cleaned = clean_lines(text_lines(decoded))
        title = title or _headline(cleaned.text)
    if not cleaned.text.strip():
        raise InputError("no article text left after removing page chrome")
    if len(cleaned.text) > settings.max_text_chars:
        cleaned = _truncated(cleaned, settings.max_text_chars)
    if author is None and cleaned.bylines:
        author = cleaned.bylines[0]
    # 5. date
    published = dates.from_metadata(raw.meta.published, meta_date) or dates.infer_published(
        dates.DateEvidence(
            text=cleaned.text,
            timestamps=cleaned.timestamps,
            captions=[c.text for c in cleaned.captions],
            post_dates=[p.date for p in cleaned.posts if p.date],
        )
    )
    return Document(
        id=doc_id,
        source=raw.source,
        external_id=raw.meta.external_id,
        title=title,
        publisher=publisher,
        author=author,
        published=published if published is not None else Published(),
        text=cleaned.text,
        captions=cleaned.captions,
        posts=cleaned.posts,
        segments=cleaned.segments,
    )


def _headline(text: str) -> str | None:
    """The first line of a plain text when it reads as a headline (short, no final punctuation);
    a release's header lines ("FOR IMMEDIATE RELEASE", "PRESS RELEASE", a lone date) are passed over."""
    for line in [line.strip() for line in text.split("\n", HEADLINE_LINES)[:HEADLINE_LINES] if line.strip()]:
        if voices.RELEASE_NOTICE.match(line) or voices.RELEASE_HEADER.match(line) or parse_date(line) is not None:
            continue
        if 3 <= len(line.split()) <= 25 and len(line) <= 200 and not _HEADLINE_END.search(line):
            return line
        return None
    return None


def _truncated(cleaned: CleanText, limit: int) -> CleanText:
    """The cleaned text cut to ``limit`` characters, with the offsets that still fit."""
    segments = tuple(
        Segment(s.start, min(s.end, limit), s.raw_start, s.raw_start + min(s.end, limit) - s.start)
        for s in cleaned.segments
        if s.start < limit
    )
    posts = tuple(p for p in cleaned.posts if p.end <= limit)
    return dataclasses.replace(cleaned, text=cleaned.text[:limit], segments=segments, posts=posts)


def _with_post_urls(cleaned: CleanText, urls: dict[str, str]) -> CleanText:
    """Give embedded posts the status URL the page linked for their handle."""
    if not urls:
        return cleaned
    posts = tuple(
        dataclasses.replace(post, url=urls.get(post.handle.lower(), post.url))
        if post.handle and not post.url
        else post
        for post in cleaned.posts
    )
    return dataclasses.replace(cleaned, posts=posts)


def _remap_to_raw(cleaned: CleanText, raw: str) -> CleanText:
    """Point segments (which map into trafilatura's text) at the same characters of the raw HTML.

    A line found verbatim in the page maps whole; otherwise (an inline tag or an entity inside)
    its words are looked up one by one, in order, close to the previous match. Characters that
    cannot be found verbatim stay unmapped, so the map is exact wherever it exists.
    """
    out: list[Segment] = []
    position = 0
    for segment in cleaned.segments:
        piece = cleaned.text[segment.start : segment.end]
        found = raw.find(piece, position)
        if found < 0 and position:
            found = raw.find(piece)
        if found >= 0:
            out.append(Segment(segment.start, segment.end, found, found + len(piece)))
            position = found + len(piece)
            continue
        for word in _WORD_RUN.finditer(piece):
            hit = raw.find(word.group(), position, position + _REMAP_WINDOW)
            if hit >= 0:
                start = segment.start + word.start()
                out.append(Segment(start, start + len(word.group()), hit, hit + len(word.group())))
                position = hit + len(word.group())
    return dataclasses.replace(cleaned, segments=tuple(out))
