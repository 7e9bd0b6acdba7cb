"""HTML to article text with trafilatura, plus what the page says about itself.

Options chosen on the article-extraction benchmark (see notes/issue-2-clean.md):
``favor_precision=True`` and ``include_comments=False`` scored best among the variants tried.
Figure captions, which trafilatura leaves out of the body, are read separately so that they
become captions rather than disappear. The page's metadata date is read without htmldate's
extensive search (no guessing from arbitrary text in the page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.errors import InputError

_CAPTION_XPATH = "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
_POST_LINK_XPATH = "//blockquote//a[contains(@href, '/status/') or contains(@href, '/posts/')]/@href"
_HANDLE_IN_URL = re.compile(r"https?://(?:www\.)?(?:twitter\.com|x\.com|truthsocial\.com/@?)/?@?([\w.]+)/(?:status|posts)/\d+")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The article text of a page and the metadata the page declares."""

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    captions: tuple[str, ...] = ()
    post_urls: tuple[tuple[str, str], ...] = ()  # (handle, status URL) of embedded posts


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Article text and metadata of an HTML page; the whole visible text when no article is found."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # trafilatura raises these on pages it cannot parse
        raise InputError(f"malformed HTML: {exc}") from exc
    captions, post_urls = _page_parts(html)
    if isinstance(result, dict) or result is None or not result.text:
        fallback = trafilatura.html2txt(html)
        if not fallback or not fallback.strip():
            raise InputError("HTML without readable text")
        return HtmlArticle(fallback, captions=captions, post_urls=post_urls)
    return HtmlArticle(
        text=result.text or "",
        title=result.title or None,
        author=result.author or None,
        publisher=result.sitename or None,
        date=result.date or None,
        captions=captions,
        post_urls=post_urls,
    )


def _page_parts(html: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Figure captions, and the status URLs of embedded posts by handle."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return (), ()
    captions: list[str] = []
    for element in tree.xpath(_CAPTION_XPATH):
        text = " ".join(element.text_content().split())
        if text and text not in captions:
            captions.append(text)
    urls: dict[str, str] = {}
    for href in tree.xpath(_POST_LINK_XPATH):
        match = _HANDLE_IN_URL.match(str(href))
        if match:
            urls.setdefault(match.group(1).lower(), str(href).split("?")[0])
    return tuple(captions), tuple(urls.items())
