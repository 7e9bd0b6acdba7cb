"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is one document.

Feeds are parsed with defusedxml: a document type declaration is tolerated, but any entity
declaration is refused, so an external entity (XXE) pointing at a local file or a URL is never
resolved and "billion laughs" expansion never starts. The item's full content is preferred over
its summary; its link becomes the document's source, its guid/id the external id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.ingest import RawInput, RawKind, RawMeta, failure

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def iter_feed(source: str, data: bytes) -> Iterator[RawInput]:
    """One RawInput per item or entry of the feed in ``data``."""
    import defusedxml
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        yield failure(source, f"refused: the feed declares XML entities ({type(exc).__name__}); "
                              "entities are never resolved, remove them to read this feed")
        return
    except ElementTree.ParseError as exc:
        yield failure(source, f"not a well-formed feed: {exc}")
        return
    tag = root.tag.lower()
    if tag == "rss":
        channel = root.find("channel")
        publisher = _text(channel.find("title")) if channel is not None else None
        items = channel.findall("item") if channel is not None else []
        yield from _items(source, publisher, [_rss_item(i) for i in items])
    elif root.tag == f"{RDF}RDF":
        channel = root.find(f"{RSS1}channel")
        publisher = _text(channel.find(f"{RSS1}title")) if channel is not None else None
        yield from _items(source, publisher, [_rdf_item(i) for i in root.findall(f"{RSS1}item")])
    elif root.tag == f"{ATOM}feed":
        publisher = _text(root.find(f"{ATOM}title"))
        yield from _items(source, publisher, [_atom_entry(e) for e in root.findall(f"{ATOM}entry")])
    else:
        yield failure(source, f"XML but not an RSS or Atom feed (root element {root.tag!r})")


def _items(source: str, publisher: str | None, items: list[dict[str, str | None]]) -> Iterator[RawInput]:
    if not items:
        yield failure(source, "the feed has no items")
        return
    for number, item in enumerate(items, start=1):
        body = item["content"] or item["summary"] or item["title"] or ""
        kind: RawKind = "html" if "<" in body and ">" in body else "text"
        meta = RawMeta(title=item["title"], publisher=publisher, author=item["author"],
                       published=item["published"], external_id=item["id"], url=item["link"])
        where = item["link"] or f"{source}#item-{number}"
        yield RawInput(source=where, data=body.encode("utf-8"), kind=kind, meta=meta, encoding="utf-8")


def _rss_item(item: Any) -> dict[str, str | None]:
    return {
        "title": _text(item.find("title")),
        "link": _text(item.find("link")),
        "content": _text(item.find(f"{CONTENT}encoded")),
        "summary": _text(item.find("description")),
        "published": _text(item.find("pubDate")) or _text(item.find(f"{DC}date")),
        "author": _text(item.find(f"{DC}creator")) or _text(item.find("author")),
        "id": _text(item.find("guid")),
    }


def _rdf_item(item: Any) -> dict[str, str | None]:
    return {
        "title": _text(item.find(f"{RSS1}title")),
        "link": _text(item.find(f"{RSS1}link")) or item.get(f"{RDF}about"),
        "content": _text(item.find(f"{CONTENT}encoded")),
        "summary": _text(item.find(f"{RSS1}description")),
        "published": _text(item.find(f"{DC}date")),
        "author": _text(item.find(f"{DC}creator")),
        "id": item.get(f"{RDF}about"),
    }


def _atom_entry(entry: Any) -> dict[str, str | None]:
    link = None
    for candidate in entry.findall(f"{ATOM}link"):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            link = candidate.get("href").strip()
            break
    names = [_text(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")]
    return {
        "title": _text(entry.find(f"{ATOM}title")),
        "link": link,
        "content": _atom_text(entry.find(f"{ATOM}content")),
        "summary": _atom_text(entry.find(f"{ATOM}summary")),
        "published": _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated")),
        "author": ", ".join(n for n in names if n) or None,
        "id": _text(entry.find(f"{ATOM}id")),
    }


def _atom_text(element: Any) -> str | None:
    """Atom text constructs: text, escaped html, or inline xhtml (serialized back to markup)."""
    if element is None:
        return None
    if element.get("type") == "xhtml":
        from xml.etree import ElementTree as StdTree

        parts = [StdTree.tostring(child, encoding="unicode") for child in element]
        markup = "".join(parts).replace("html:", "").strip()
        return markup or None
    return _text(element)


def _text(element: Any) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None
