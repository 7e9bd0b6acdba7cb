"""The web UI, served by the API's process: search, claim cards, document view, conflicts,
metric timelines, the places map, check and upload. Works offline (no CDN).

Pages are rendered on the server by Jinja2 with autoescaping on: a document is untrusted
input, so everything from it reaches the page as text. The only script is ``static/app.js``
(upload progress), allowed by the Content-Security-Policy set in ``api.py``; no inline script.
"""

from __future__ import annotations

import itertools
import math
import re
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from claimledger.errors import NotFound
from claimledger.serve import web_charts
from claimledger.serve.web_charts import trusted
from claimledger.store import queries

if TYPE_CHECKING:
    from claimledger.serve.api import ServerState

PAGE_SIZE = 20
ISO_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Text = Annotated[str | None, Query(max_length=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
STATIC_DIR = resources.files("claimledger.serve") / "static"

# annotation type -> CSS class of its highlight, and the label shown in the legend
HIGHLIGHTS = {
    "quotes": ("hl-quote", "quote"),
    "quantities": ("hl-number", "number"),
    "times": ("hl-time", "date"),
    "places": ("hl-place", "place"),
}
ENTITY_CLASSES = {"PERSON": ("hl-person", "person"), "ORG": ("hl-org", "organisation"),
                  "NORP": ("hl-org", "organisation"), "GPE": ("hl-place", "place"),
                  "LOC": ("hl-place", "place"), "FAC": ("hl-place", "place")}


def environment() -> Environment:
    """The template environment (autoescape on for every template)."""
    env = Environment(
        loader=PackageLoader("claimledger.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["path"] = lambda value: quote(str(value), safe="")
    env.filters["speaker"] = speaker_line
    env.filters["metric"] = metric_label
    env.filters["number"] = lambda v: "" if v is None else f"{v:,.10g}"
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v) * 100:.0f}%"
    env.globals["claim_url"] = lambda cid: f"/claims/{quote(str(cid), safe='')}"
    env.globals["doc_url"] = lambda did: f"/documents/{quote(str(did), safe='')}"
    return env


def metric_label(key: str | None) -> str:
    """A metric key for people: ``airstrikes|count|ar raqqah`` -> ``airstrikes · count · ar raqqah``."""
    if not key:
        return ""
    return " · ".join(part for part in str(key).split("|") if part and part != "*")


def speaker_line(speaker: dict[str, Any] | None) -> str:
    """"Name, role" or the description of an unnamed speaker, as plain text."""
    if not speaker:
        return "unattributed"
    name = speaker.get("name")
    role = speaker.get("role")
    if name:
        return f"{name}, {role}" if role else str(name)
    return str(speaker.get("description") or ("an anonymous source" if speaker.get("anonymous") else "unattributed"))


ENV = environment()


def safe_link(url: str | None) -> str | None:
    """A document's source as a link only when it is http(s); anything else stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    state: ServerState = request.app.state.claimledger
    context.setdefault("active", "")
    html = ENV.get_template(template).render(
        request=request, writing=bool(state.settings.api_token), safe_link=safe_link, **context
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    """The HTML form of an error, for browsers (the API keeps its JSON shape)."""
    titles = {401: "Token needed", 403: "Not allowed", 404: "Not found", 422: "Check the form",
              413: "Too large"}
    return render(request, "error.html", status=status, title=titles.get(status, "Something went wrong"),
                  message=message, status_code=status)


def highlight(text: str, annotations: dict[str, list[dict[str, Any]]]) -> Markup:
    """The cleaned text with quotes, numbers, people and places marked; each mark inside a claim
    links to that claim. Overlaps are cut into segments, each carrying every class covering it."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, css class, label
    for group, (css, label) in HIGHLIGHTS.items():
        for item in annotations.get(group, []):
            spans.append((item["start"], item["end"], css, label))
    for ent in annotations.get("entities", []):
        css, label = ENTITY_CLASSES.get(ent.get("label") or "", ("hl-entity", "entity"))
        spans.append((ent["start"], ent["end"], css, f"{label}: {ent.get('canonical') or ent['text']}"))
    claims = sorted(annotations.get("claims", []), key=lambda c: c["end"] - c["start"])
    bounds = {0, len(text)}
    for start, end, _, _ in spans:
        bounds.update((start, end))
    for c in claims:
        bounds.update((c["start"], c["end"]))
    edges = sorted(b for b in bounds if 0 <= b <= len(text))
    first_segment: set[str] = set()
    out: list[str] = []
    for a, b in itertools.pairwise(edges):
        if a >= b:
            continue
        piece = escape(text[a:b])
        classes = sorted({css for s, e, css, _ in spans if s <= a and e >= b})
        labels = sorted({label for s, e, _, label in spans if s <= a and e >= b})
        claim = next((c for c in claims if c["start"] <= a and c["end"] >= b), None)
        if claim is None and not classes:
            out.append(str(piece))
            continue
        title = escape("; ".join(labels) if labels else "claim")
        if claim is not None:
            anchor = ""
            if claim["id"] not in first_segment:
                first_segment.add(claim["id"])
                anchor = f' id="c-{escape(claim["id"])}"'
            css = " ".join(["hl", "in-claim", *classes])
            out.append(f'<a class="{css}"{anchor} href="/claims/{escape(quote(claim["id"], safe=""))}" '
                       f'data-claim="{escape(claim["id"])}" title="{title}">{piece}</a>')
        else:
            out.append(f'<mark class="hl {" ".join(classes)}" title="{title}">{piece}</mark>')
    return trusted("".join(out))


def _pages(total: int, offset: int, limit: int) -> dict[str, Any]:
    return {"total": total, "offset": offset, "limit": limit, "page": offset // limit + 1,
            "pages": max(1, math.ceil(total / limit)),
            "prev": max(0, offset - limit) if offset > 0 else None,
            "next": offset + limit if offset + limit < total else None}


def _query_with(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def install(app: FastAPI, state: ServerState) -> None:
    """Add the pages and the static folder to ``app``."""
    from claimledger.serve.api import (
        TOKEN_COOKIE,
        ApiError,
        can_read,
        check_claim,
        metric_timeline,
        token_matches,
    )

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    settings = state.settings

    def reader(request: Request) -> Any:
        if not can_read(request, settings):
            raise _LoginNeededError
        return state.pool.get()

    @app.exception_handler(_LoginNeededError)
    async def login_needed(request: Request, exc: _LoginNeededError) -> Response:
        return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: Text = None, speaker: Text = None, entity: Text = None, place: Text = None,
             since: Text = None, until: Text = None, metric: Text = None, min_checkworthy: Text = None,
             offset: Offset = 0) -> Response:
        db = reader(request)
        problems: list[str] = []
        since, until = _date_field(since, "Since", problems), _date_field(until, "Until", problems)
        floor = _share_field(min_checkworthy, problems)
        filters = queries.ClaimFilter(text=q or None, speaker=speaker or None, entity=entity or None,
                                      place=place or None, since=since, until=until, metric=metric or None,
                                      min_checkworthy=floor)
        claims = queries.list_claims(db, filters, limit=PAGE_SIZE, offset=offset)
        total = queries.count_claims(db, filters)
        documents = queries.list_documents(db, q=q, limit=5) if q else []
        return render(request, "home.html", status=422 if problems else 200, active="claims", claims=claims,
                      filters=filters, problems=problems, paging=_pages(total, offset, PAGE_SIZE),
                      documents=documents, metrics=queries.list_metrics(db, limit=200), counts=db.counts(),
                      prev_url=_query_with(request, offset=max(0, offset - PAGE_SIZE)),
                      next_url=_query_with(request, offset=offset + PAGE_SIZE))

    @app.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
    def claim_page(request: Request, claim_id: str) -> Response:
        db = reader(request)
        claim = queries.get_claim(db, claim_id)
        others: dict[str, dict[str, Any] | None] = {}
        for link in claim["links"]:
            other = link["b"] if link["a"] == claim_id else link["a"]
            try:
                others[link["id"]] = queries.get_claim(db, other)
            except NotFound:
                others[link["id"]] = None
        return render(request, "claim.html", active="claims", claim=claim, others=others)

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, q: Text = None, offset: Offset = 0) -> Response:
        db = reader(request)
        docs = queries.list_documents(db, q=q, limit=PAGE_SIZE, offset=offset)
        total = queries.count_documents(db, q=q)
        return render(request, "documents.html", active="documents", documents=docs, q=q or "",
                      paging=_pages(total, offset, PAGE_SIZE),
                      prev_url=_query_with(request, offset=max(0, offset - PAGE_SIZE)),
                      next_url=_query_with(request, offset=offset + PAGE_SIZE))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> Response:
        db = reader(request)
        view = queries.document_view(db, doc_id)
        body = highlight(view["text"] or "", view["annotations"])
        return render(request, "document.html", active="documents", doc=view, body=body,
                      annotations=view["annotations"])

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request, metric: Text = None, offset: Offset = 0) -> Response:
        db = reader(request)
        links = queries.list_links(db, relation="contradict", metric=metric, limit=PAGE_SIZE, offset=offset)
        total = queries.count_links(db, relation="contradict")
        updates = queries.list_links(db, relation="update", limit=10) if offset == 0 else []
        return render(request, "conflicts.html", active="conflicts", links=links, updates=updates,
                      paging=_pages(total, offset, PAGE_SIZE),
                      prev_url=_query_with(request, offset=max(0, offset - PAGE_SIZE)),
                      next_url=_query_with(request, offset=offset + PAGE_SIZE))

    @app.get("/metrics", response_class=HTMLResponse, include_in_schema=False)
    def metrics_page(request: Request, metric: Text = None) -> Response:
        db = reader(request)
        metrics = queries.list_metrics(db, limit=200)
        chosen = metric or (metrics[0]["metric"] if metrics else None)
        points = metric_timeline(db, chosen) if chosen else []
        chart = web_charts.timeline_svg(
            points, title=metric_label(chosen), href=lambda p: f"/claims/{quote(str(p['claim']), safe='')}"
        ) if chosen else Markup("")
        return render(request, "metrics.html", active="metrics", metrics=metrics, chosen=chosen,
                      points=points, chart=chart)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> Response:
        db = reader(request)
        places = queries.list_places(db, limit=queries.MAX_LIMIT)
        chart = web_charts.map_svg(places, href=lambda p: "/?" + urlencode({"place": p.get("name") or ""}))
        return render(request, "map.html", active="map", places=places, chart=chart)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(request: Request, claim: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
        db = reader(request)
        result, problem = None, None
        if claim:
            try:
                result = check_claim(db, claim, settings=settings, nlp=state.nlp)
            except ApiError as exc:
                problem = exc.message
        return render(request, "check.html", active="check", claim=claim or "", result=result,
                      problem=problem)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(request: Request) -> Response:
        reader(request)
        return render(request, "upload.html", active="upload", max_bytes=settings.max_upload_bytes)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: Annotated[str, Query(max_length=500)] = "/") -> Response:  # noqa: A002
        return render(request, "login.html", next=_local_path(next), failed=False)

    @app.post("/login", response_class=HTMLResponse, include_in_schema=False)
    def login(request: Request, token: Annotated[str, Form(max_length=500)],
              next: Annotated[str, Form(max_length=500)] = "/") -> Response:  # noqa: A002
        if not (token_matches(token, settings.read_token) or token_matches(token, settings.api_token)):
            return render(request, "login.html", status=401, next=_local_path(next), failed=True)
        response = RedirectResponse(_local_path(next), status_code=303)
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response


def _date_field(value: str | None, label: str, problems: list[str]) -> str | None:
    """An ISO date prefix from a form field; a message in ``problems`` (and no filter) when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    if not re.match(ISO_PREFIX, value):
        problems.append(f"{label}: write a date as 2024, 2024-06 or 2024-06-02 (not {value!r}).")
        return None
    return value


def _share_field(value: str | None, problems: list[str]) -> float | None:
    """A number between 0 and 1 from a form field; a message in ``problems`` when it is not one."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= 1:
        problems.append(f"Check-worthy at least: give a number from 0 to 1 (not {value!r}).")
        return None
    return number


class _LoginNeededError(Exception):
    """Raised by a page when the ledger needs a read token the browser has not given."""


def _local_path(target: str) -> str:
    """Only same-site paths as redirect targets (no //host, no scheme)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
