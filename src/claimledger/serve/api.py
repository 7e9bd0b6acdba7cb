"""The REST API (FastAPI): documents, claims, quotes, metrics, conflicts, check, search, ingest.

One process serves the JSON API under ``/api``, its OpenAPI document at ``/api/openapi.json`` and
the web UI (``serve/web.py``). Every error, ours or the framework's, leaves as one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": null}}

Reading is open unless ``read_token`` is set; writing (upload and ingest) needs ``api_token`` and
is disabled when none is set. Tokens are compared in constant time. The ledger is read through
one connection per worker thread; uploads are ingested one at a time by a single writer thread.
"""

from __future__ import annotations

import contextlib
import hmac
import io
import queue
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger.errors import ClaimLedgerError, ConfigError, InputError, NotFound
from claimledger.model import RECORD_TYPES, Processed
from claimledger.settings import Settings
from claimledger.store import Ledger, open_ledger, queries

API_VERSION = "1"
ISO_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"
RecordType = Literal["document", "quote", "quantity", "time", "entity", "place", "claim", "link"]
RELATIONS = ("same_metric", "agree", "contradict", "update", "duplicate")

Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Records per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip.")]
Text = Annotated[str | None, Query(max_length=500)]
DatePrefix = Annotated[str | None, Query(pattern=ISO_PREFIX, description="ISO date prefix: 2019, 2019-03, 2019-03-22.")]


# -- errors -----------------------------------------------------------------------------------
class ApiError(Exception):
    """An error with an HTTP status, a short code and a message that says what to do next."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


# what to write instead, for parameters checked by a pattern (the pattern itself helps nobody)
PATTERN_HINTS = {
    "since": "write a date as an ISO prefix: 2024, 2024-06 or 2024-06-02",
    "until": "write a date as an ISO prefix: 2024, 2024-06 or 2024-06-02",
    "as_of": "write a date as an ISO prefix: 2024, 2024-06 or 2024-06-02",
    "claim": "give the text of a claim to check (not only spaces)",
    "status": "one of ok, failed, duplicate",
    "kind": "one of direct, indirect, partial, post",
    "relation": "one of " + ", ".join(("same_metric", "agree", "contradict", "update", "duplicate")),
    "format": "one of the formats listed in the OpenAPI document for this endpoint",
}

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
          422: "invalid_parameter", 429: "too_many_requests", 500: "server_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status, a short code, a message saying what to do next."""

    status: int
    code: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The one JSON error shape of every endpoint."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((401, "A token is needed (read token, or the API token for writing)."),
                         (404, "No record with that id, or no such path."),
                         (422, "A parameter is malformed; detail lists each one."))
}


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"error": {"status": status, "code": code, "message": message, "detail": detail}}


def error_response(status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, detail), status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI, on_html: Callable[[Request, int, str], Response] | None) -> None:
    def wants_html(request: Request) -> bool:
        return on_html is not None and not request.url.path.startswith("/api") and \
            "text/html" in request.headers.get("accept", "")

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        if wants_html(request) and on_html is not None:
            return on_html(request, exc.status, exc.message)
        return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        if wants_html(request) and on_html is not None:
            return on_html(request, 404, str(exc))
        return error_response(404, "not_found", str(exc))

    @app.exception_handler(ClaimLedgerError)
    async def ledger_error(request: Request, exc: ClaimLedgerError) -> Response:
        status = 400 if isinstance(exc, (ConfigError, InputError)) else 503
        return error_response(status, _CODES[status], str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())),
             "problem": PATTERN_HINTS.get(str(e.get("loc", ("",))[-1]), e.get("msg", ""))
             if e.get("type") == "string_pattern_mismatch" else e.get("msg", "")}
            for e in exc.errors()
        ]
        first = problems[0] if problems else {"where": "request", "problem": "invalid"}
        message = f"{first['where']}: {first['problem']}"
        if wants_html(request) and on_html is not None:
            return on_html(request, 422, message)
        return error_response(422, "invalid_parameter", message, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}; the API index is GET /api"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        if wants_html(request) and on_html is not None:
            return on_html(request, exc.status_code, message)
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, _CODES.get(exc.status_code, "error"), message, None, headers)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        return error_response(422, "invalid_parameter", str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return error_response(500, "server_error", f"the server failed: {type(exc).__name__}; see its log")


# -- the ledger per thread --------------------------------------------------------------------
class LedgerPool:
    """One reading connection per worker thread (SQLite connections are not shared across threads)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Ledger] = []
        self._lock = threading.Lock()
        with open_ledger(url):  # create and migrate once, so readers find the tables
            pass

    def get(self) -> Ledger:
        ledger: Ledger | None = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = open_ledger(self.url, readonly=True)
            self._local.ledger = ledger
            with self._lock:
                self._all.append(ledger)
        return ledger

    def close(self) -> None:
        with self._lock:
            for ledger in self._all:
                with contextlib.suppress(Exception):  # closing at shutdown, nothing left to do
                    ledger.close()
            self._all.clear()


# -- ingest jobs ------------------------------------------------------------------------------
@dataclass
class Job:
    """One upload being ingested: its state and progress, readable while it runs."""

    id: str
    name: str
    size: int
    state: str = "queued"  # queued/running/done/failed
    documents: int = 0
    ok: int = 0
    failed: int = 0
    duplicate: int = 0
    current: str | None = None
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None
    path: Path | None = None

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "bytes": self.size, "state": self.state,
            "documents": self.documents, "ok": self.ok, "failed": self.failed, "duplicate": self.duplicate,
            "current": self.current, "error": self.error,
            "seconds": round((self.finished or time.time()) - self.created, 3),
        }


Ingester = Callable[[list[str], Settings, Callable[[Processed], None]], Any]


def _default_ingester(inputs: list[str], settings: Settings, progress: Callable[[Processed], None]) -> Any:
    from claimledger import run

    return run.ingest(inputs, settings, progress=progress)


class JobQueue:
    """Uploads ingested one after another by a single writer thread (one writer, many readers)."""

    def __init__(self, settings: Settings, ingester: Ingester | None = None) -> None:
        self.settings = settings
        self.ingester = ingester or _default_ingester
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, job: Job) -> Job:
        with self._lock:
            self.jobs[job.id] = job
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="claimledger-ingest", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run(job)

    def _run(self, job: Job) -> None:
        job.state = "running"

        def progress(item: Processed) -> None:
            job.documents += 1
            job.current = item.document.source
            status = item.document.status
            if status == "ok":
                job.ok += 1
            elif status == "duplicate":
                job.duplicate += 1
            else:
                job.failed += 1

        try:
            assert job.path is not None  # noqa: S101 - set by the upload endpoint
            self.ingester([str(job.path)], self.settings, progress)
            job.state = "done"
        except Exception as exc:  # noqa: BLE001 - a failed upload is recorded, the server goes on
            job.state = "failed"
            job.error = f"{type(exc).__name__}: {exc}"
        finally:
            job.finished = time.time()
            job.current = None
            if job.path is not None:
                shutil.rmtree(job.path.parent, ignore_errors=True)

    def stop(self) -> None:
        self._queue.put(None)


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".warc", ".warc.gz", ".gz", ".xml",
                   ".rss", ".atom")


def safe_upload_name(name: str) -> str:
    """A plain file name (no folders, no odd characters) that keeps the extension the ingester reads."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._") or "upload.txt"
    return base[-120:]


# -- access -----------------------------------------------------------------------------------
TOKEN_COOKIE = "claimledger_token"  # noqa: S105 - the cookie's name, not a secret


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a presented token with the configured one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def can_read(request: Request, settings: Settings) -> bool:
    """Reading is open unless a read token is set; then the read or the write token opens it."""
    if not settings.read_token:
        return True
    for given in (bearer(request), request.cookies.get(TOKEN_COOKIE)):
        if token_matches(given, settings.read_token) or token_matches(given, settings.api_token):
            return True
    return False


def reading_ledger(request: Request) -> Ledger:
    """Dependency of every reading endpoint: the token check, then this thread's connection."""
    state: ServerState = request.app.state.claimledger
    if not can_read(request, state.settings):
        raise ApiError(401, "unauthorized", "this ledger needs a read token: send 'Authorization: Bearer "
                       "TOKEN'", headers={"WWW-Authenticate": "Bearer"})
    return state.pool.get()


def writer(request: Request) -> None:
    """Dependency of every writing endpoint: the API token, compared in constant time."""
    settings: Settings = request.app.state.claimledger.settings
    if not settings.api_token:
        raise ApiError(403, "forbidden", "writing is disabled on this server; the operator enables it by "
                       "setting CLAIMLEDGER_API_TOKEN")
    if not token_matches(bearer(request), settings.api_token):
        raise ApiError(401, "unauthorized", "writing needs the API token: send 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})


Read = Annotated[Ledger, Depends(reading_ledger)]


# -- the application --------------------------------------------------------------------------
@dataclass
class ServerState:
    """What the request handlers share: settings, the reading pool and the ingest queue."""

    settings: Settings
    pool: LedgerPool
    jobs: JobQueue
    nlp: Any = None  # a loaded spaCy pipeline for check (tests pass theirs); None: load on first use


def create_app(settings: Settings, *, web: bool = True, ingester: Ingester | None = None,
               nlp: Any = None, warm: bool = False) -> FastAPI:
    """The FastAPI application serving ``settings.db`` (API, OpenAPI document and the web UI).

    ``warm`` loads the language model and the gazetteers for ``check`` in a background thread at
    start-up, so the first person to check a claim does not wait for them.
    """
    state = ServerState(settings, LedgerPool(settings.db), JobQueue(settings, ingester), nlp)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=_warm_up, args=(state,), name="claimledger-warm-up", daemon=True).start()
        yield
        state.jobs.stop()
        state.pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="claimledger", version=API_VERSION,
        description="A cited ledger of claims: who said what, when, with which number, and where sources "
                    "agree or contradict. Errors share one shape: {\"error\": {status, code, message, detail}}.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None, responses=ERROR_RESPONSES,
    )
    app.state.claimledger = state


    def page(request: Request, items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
        nxt = None
        if offset + len(items) < total:
            url = request.url.include_query_params(offset=offset + limit, limit=limit)
            nxt = f"{url.path}?{url.query}"
        return {"items": items, "total": total, "limit": limit, "offset": offset, "next": nxt}

    @app.get("/api", tags=["meta"], summary="What this server holds and where to look")
    def index(db: Read) -> dict[str, Any]:
        return {
            "name": "claimledger", "api_version": API_VERSION, "counts": db.counts(),
            "writing": bool(settings.api_token), "openapi": "/api/openapi.json",
            "endpoints": sorted({r.path for r in app.routes if getattr(r, "path", "").startswith("/api")}),  # type: ignore[attr-defined]
        }

    @app.get("/api/health", tags=["meta"], summary="Liveness: always answers when the process runs")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    # documents
    @app.get("/api/documents", tags=["documents"], summary="Documents (search titles and texts with q)")
    def documents(request: Request, db: Read, q: Text = None,
                  status: Annotated[str | None, Query(pattern="^(ok|failed|duplicate)$")] = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        items = queries.list_documents(db, q=q, status=status, limit=limit, offset=offset)
        return page(request, items, queries.count_documents(db, q=q, status=status), limit, offset)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document with every annotation")
    def document(doc_id: str, db: Read) -> dict[str, Any]:
        return queries.document_view(db, doc_id)

    @app.post("/api/documents", tags=["documents"], status_code=202,
              summary="Upload one file (raw request body) and ingest it; needs the API token",
              dependencies=[Depends(writer)], responses={
                  400: {"model": ErrorBody, "description": "Empty body or a malformed Content-Length."},
                  403: {"model": ErrorBody, "description": "Writing is disabled on this server."},
                  413: {"model": ErrorBody, "description": "Over the upload size limit; nothing was read."},
              })
    async def upload(request: Request,
                     name: Annotated[str, Query(min_length=1, max_length=200,
                                                description="File name; its extension picks the reader.")]
                     ) -> dict[str, Any]:
        declared = request.headers.get("content-length")
        limit = settings.max_upload_bytes
        if declared is not None:
            if not declared.isdigit():
                raise ApiError(400, "bad_request", "Content-Length must be a number of bytes")
            if int(declared) > limit:
                raise ApiError(413, "too_large", f"upload of {declared} bytes refused: the limit is {limit} bytes")
        folder = Path(tempfile.mkdtemp(prefix="claimledger-upload-"))
        path = folder / safe_upload_name(name)
        size = 0
        try:
            with path.open("wb") as out:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise ApiError(413, "too_large", f"upload refused: over the limit of {limit} bytes")
                    out.write(chunk)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if size == 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise ApiError(400, "bad_request", "the upload is empty: send the file's bytes as the request body")
        job = state.jobs.submit(Job(id=uuid.uuid4().hex[:16], name=path.name, size=size, path=path))
        return {**job.public(), "url": f"/api/jobs/{job.id}"}

    @app.get("/api/jobs", tags=["documents"], summary="Ingest jobs started by uploads, newest first")
    def jobs(db: Read) -> dict[str, Any]:
        items = sorted(state.jobs.jobs.values(), key=lambda j: -j.created)
        return {"items": [j.public() for j in items]}

    @app.get("/api/jobs/{job_id}", tags=["documents"], summary="Progress of one ingest job")
    def job(job_id: str, db: Read) -> dict[str, Any]:
        found = state.jobs.jobs.get(job_id)
        if found is None:
            raise ApiError(404, "not_found", f"no ingest job {job_id!r}; list jobs with GET /api/jobs")
        return found.public()

    # claims and quotes
    @app.get("/api/claims", tags=["claims"], summary="Claims, newest first, with filters and paging")
    def claims(request: Request, db: Read, text: Text = None, speaker: Text = None, entity: Text = None,
               place: Text = None, since: DatePrefix = None, until: DatePrefix = None, metric: Text = None,
               min_checkworthy: Annotated[float | None, Query(ge=0, le=1)] = None, doc: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        filters = queries.ClaimFilter(text=text, speaker=speaker, entity=entity, place=place, since=since,
                                until=until, metric=metric, min_checkworthy=min_checkworthy, doc=doc)
        items = queries.list_claims(db, filters, limit=limit, offset=offset)
        return page(request, items, queries.count_claims(db, filters), limit, offset)

    @app.get("/api/claims/{claim_id}", tags=["claims"], summary="One claim with its quote, numbers and links")
    def claim(claim_id: str, db: Read) -> dict[str, Any]:
        return queries.get_claim(db, claim_id)

    @app.get("/api/quotes", tags=["claims"], summary="Quotes with their speakers, newest first")
    def quotes(request: Request, db: Read, text: Text = None, speaker: Text = None, doc: Text = None,
               kind: Annotated[str | None, Query(pattern="^(direct|indirect|partial|post)$")] = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        filters = queries.QuoteFilter(text=text, speaker=speaker, doc=doc, kind=kind)
        items = queries.list_quotes(db, filters, limit=limit, offset=offset)
        return page(request, items, queries.count_quotes(db, filters), limit, offset)

    @app.get("/api/quotes/{quote_id}", tags=["claims"], summary="One quote")
    def quote(quote_id: str, db: Read) -> dict[str, Any]:
        return queries.get_quote(db, quote_id)

    # entities, places, metrics
    @app.get("/api/entities", tags=["entities"], summary="People, organisations and groups, most mentioned first")
    def entities(db: Read, q: Text = None, label: Annotated[str | None, Query(max_length=20)] = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return {"items": queries.list_entities(db, q=q, label=label, limit=limit, offset=offset),
                "limit": limit, "offset": offset}

    @app.get("/api/entities/{entity}", tags=["entities"], summary="One entity (id or canonical name)")
    def entity(entity: str, db: Read) -> dict[str, Any]:
        return queries.get_entity(db, entity)

    @app.get("/api/entities/{entity}/roles", tags=["entities"],
             summary="A person's roles over time (id or name): first and last date, documents")
    def entity_roles(entity: str, db: Read) -> dict[str, Any]:
        return queries.entity_roles(db, entity)

    @app.get("/api/places", tags=["entities"], summary="Places the corpus mentions, with coordinates")
    def places(db: Read, q: Text = None, limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 200,
               offset: Offset = 0) -> dict[str, Any]:
        return {"items": queries.list_places(db, q=q, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/places/{place_id}", tags=["entities"], summary="One place mention")
    def place(place_id: str, db: Read) -> dict[str, Any]:
        return queries.get_place(db, place_id)

    @app.get("/api/metrics", tags=["metrics"], summary="What the claims measure, with counts and time span")
    def metrics(db: Read, q: Text = None, limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
                offset: Offset = 0) -> dict[str, Any]:
        return {"items": queries.list_metrics(db, q=q, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/timeline", tags=["metrics"], summary="Every value of one metric over time, per source")
    def timeline(db: Read, metric: Annotated[str, Query(min_length=1, max_length=500)]) -> dict[str, Any]:
        points = metric_timeline(db, metric)
        if not points:
            raise ApiError(404, "not_found", f"no claim measures {metric!r}; list metrics with GET /api/metrics")
        return {"metric": metric, "points": points}

    # links
    @app.get("/api/conflicts", tags=["links"], summary="Contradicting claims, side by side with the reason")
    def conflicts(request: Request, db: Read, metric: Text = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
        items = queries.list_links(db, relation="contradict", metric=metric, limit=limit, offset=offset)
        return page(request, items, queries.count_links(db, relation="contradict", metric=metric), limit, offset)

    @app.get("/api/links", tags=["links"], summary="Links between claims (agree, contradict, update, ...)")
    def links(request: Request, db: Read,
              relation: Annotated[str | None, Query(pattern="^(" + "|".join(RELATIONS) + ")$")] = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        items = queries.list_links(db, relation=relation, limit=limit, offset=offset)
        return page(request, items, queries.count_links(db, relation=relation), limit, offset)

    @app.get("/api/check", tags=["links"], summary="Check a claim against the corpus (verdict and evidence)",
             responses={503: {"model": ErrorBody, "description": "The link stage is not installed."},
                        200: {"description": "The verdict with its evidence (format=json), or a schema.org "
                                             "ClaimReview (format=claimreview).",
                              "content": {"application/json": {"schema": {"type": "object"}},
                                          "application/ld+json": {"schema": {"type": "object"}}}}})
    def check(db: Read, claim: Annotated[str, Query(min_length=1, max_length=2000, pattern=r"\S",
                                                    description="The claim's text (not only spaces).")],
              limit: Annotated[int, Query(ge=1, le=100)] = 20, as_of: DatePrefix = None,
              format: Annotated[str, Query(pattern="^(json|claimreview)$")] = "json") -> Any:  # noqa: A002
        result = check_claim(db, claim, limit=limit, as_of=as_of, settings=settings, nlp=state.nlp)
        if format == "claimreview":
            from claimledger.serve.claimreview import claimreview

            return JSONResponse(claimreview(claim, result), media_type="application/ld+json")
        return result

    # search and export
    @app.get("/api/search", tags=["search"], summary="Search documents, claims and quotes at once")
    def search(db: Read, q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
        claim_filter = queries.ClaimFilter(text=q)
        quote_filter = queries.QuoteFilter(text=q)
        return {
            "q": q,
            "documents": {"items": queries.list_documents(db, q=q, limit=limit),
                          "total": queries.count_documents(db, q=q)},
            "claims": {"items": queries.list_claims(db, claim_filter, limit=limit),
                       "total": queries.count_claims(db, claim_filter)},
            "quotes": {"items": queries.list_quotes(db, quote_filter, limit=limit),
                       "total": queries.count_quotes(db, quote_filter)},
        }

    @app.get("/api/export", tags=["search"], summary="The whole ledger as JSON Lines, CSV or Parquet",
             response_class=Response, responses={200: {
                 "description": "The records of the export contract in the chosen format.",
                 "content": {"application/x-ndjson": {"schema": {"type": "string"}},
                             "text/csv": {"schema": {"type": "string"}},
                             "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}}},
             }})
    def export(db: Read, format: Annotated[str, Query(pattern="^(jsonl|csv|parquet)$")] = "jsonl",  # noqa: A002
               type: Annotated[list[RecordType] | None, Query()] = None) -> Response:  # noqa: A002
        kinds = tuple(type or RECORD_TYPES)
        unknown = [k for k in kinds if k not in RECORD_TYPES]
        if unknown:
            raise ApiError(422, "invalid_parameter", f"unknown record type {unknown[0]!r}; choose from "
                           + ", ".join(RECORD_TYPES))
        return export_response(state.pool.url, format, kinds)

    if web:
        from claimledger.serve import web as web_module

        web_module.install(app, state)
        _install_error_handlers(app, web_module.error_page)
    else:
        _install_error_handlers(app, None)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        )
        return response

    return app


# -- link-stage adapters ----------------------------------------------------------------------
def metric_timeline(ledger: Ledger, metric: str) -> list[dict[str, Any]]:
    """Points of one metric over time (``as_of``, value, interval, source, claim) for charts and the API.

    The link stage's timeline (its metric keys, with what changed since the value before) when it
    knows the metric; else the stored ``claims.metric`` read directly.
    """
    try:
        from claimledger.link import read
    except ImportError:
        return queries.metric_points(ledger, metric)
    try:
        rows = read.timeline(ledger, metric)
    except ClaimLedgerError:
        return queries.metric_points(ledger, metric)
    return [
        {**row, "as_of": row.get("date"), "quantity_text": row.get("figure"), "claim_text": row.get("quote")}
        for row in rows
    ]


class _NLP:
    """The spaCy pipeline for ``check``, loaded on first use and shared by every request."""

    def __init__(self, nlp: Any = None) -> None:
        self.nlp = nlp
        self.lock = threading.Lock()

    def get(self) -> Any:
        with self.lock:
            if self.nlp is None:
                from claimledger.extract import nlp as loader

                self.nlp = loader.load()
            return self.nlp


_SHARED_NLP = _NLP()


def check_claim(ledger: Ledger, text: str, *, limit: int = 20, as_of: str | None = None,
                settings: Settings | None = None, nlp: Any = None) -> dict[str, Any]:
    """Check a claim against the corpus through the link stage; 503 when it is not installed."""
    try:
        from claimledger.link import check as link_check
    except ImportError as exc:
        raise ApiError(503, "unavailable", "checking needs the link stage (claimledger.link.check), "
                       "which this installation lacks") from exc
    encoder = settings.encoder if settings is not None else "auto"
    result: dict[str, Any] = link_check.check(ledger, text, limit=limit, as_of=as_of, encoder=encoder,
                                              nlp=nlp if nlp is not None else _SHARED_NLP.get())
    return result


def _warm_up(state: ServerState) -> None:
    """One throw-away check, so models and gazetteers are loaded before the first real one."""
    with contextlib.suppress(Exception):  # warming is an optimisation; a failure shows on the first check
        check_claim(state.pool.get(), "The council said 3 bridges were repaired in 2020.", limit=1,
                    settings=state.settings, nlp=state.nlp)


def export_response(url: str, fmt: str, kinds: tuple[str, ...]) -> Response:
    """Stream an export of ``kinds`` from its own connection (long exports do not hold a worker's)."""
    from claimledger.serve.output import flatten, write_jsonl

    if fmt == "parquet":
        from claimledger.serve.parquet import write_parquet

        buffer = io.BytesIO()
        with open_ledger(url, readonly=True) as ledger:
            write_parquet(ledger.records(kinds), buffer)
        return Response(buffer.getvalue(), media_type="application/vnd.apache.parquet",
                        headers={"Content-Disposition": 'attachment; filename="ledger.parquet"'})

    def lines() -> Iterator[bytes]:
        with open_ledger(url, readonly=True) as ledger:
            if fmt == "jsonl":
                for record in ledger.records(kinds):
                    out = io.StringIO()
                    write_jsonl([record], out)
                    yield out.getvalue().encode("utf-8")
                return
            import csv

            out = io.StringIO()
            rows = [flatten(r) for r in ledger.records(kinds)]
            columns: dict[str, None] = {}
            for row in rows:
                columns.update(dict.fromkeys(row))
            writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            yield out.getvalue().encode("utf-8")

    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    name = "ledger.jsonl" if fmt == "jsonl" else "ledger.csv"
    return StreamingResponse(lines(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
