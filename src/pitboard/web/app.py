"""The web app: every page of ``views`` as HTML, and the same data as JSON (and CSV) under
``/api``; read-only, same-origin, cached per database build.

* One route table (``ROUTES``) gives each page its path and its view function; ``create_app``
  mounts each twice: the HTML page at the path and the JSON at ``/api`` + the path (``?format=csv``
  or a ``.csv`` suffix for its tables, ``?table=`` to pick one; under ``/api/sources/`` the file
  names end in ``.csv`` themselves, so there only ``?format=csv`` asks for CSV). The OpenAPI document at
  ``/openapi.json`` lists the API routes, their parameters and the error shape.
* Errors have one shape: ``{"error": {"status", "type", "message", "choices", "candidates"}}``
  (400 bad input, 404 unknown name or path, 500 a bug); HTML pages show the same.
* Answers change only when the database is rebuilt: every response carries an ``ETag`` made of
  the build (``_meta``) and the request, and the rendered bodies are kept in a bounded LRU cache.
* Security: GET/HEAD only (POST only where a route says so), no file path from a request (source
  files are looked up in the ``sources`` table), autoescaped templates, a strict
  Content-Security-Policy (no inline script or style, nothing from another origin), request line
  and body size limits.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import threading
import typing
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

import pitboard
from pitboard.exceptions import AmbiguousNameError, InputError, NotAvailableError, NotFoundError, PitboardError
from pitboard.render import to_csv, to_json
from pitboard.web import filters, views
from pitboard.web.views import View

log = logging.getLogger("pitboard.web")

#: The longest request line (path and query) accepted, and the largest request body.
MAX_URL = 2048
MAX_BODY = 256 * 1024
#: Rendered responses kept in memory (per app), and their total size.
CACHE_ENTRIES = 2048
CACHE_BYTES = 96 * 1024 * 1024

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

#: A car page is one car: no other scope.
_CAR = {"cls": None, "since": None, "until": None}

#: Every page: (path, view function, fixed keyword arguments, summary for the API docs). The view's
#: other parameters are the path's and the query's (typed, from its signature). Fixed paths come
#: before the /{season} ones: the first route that matches answers.
ROUTES: list[tuple[str, Callable[..., View], dict[str, Any], str]] = [
    ("/", views.home, {}, "Seasons with coverage and the latest round's class winners"),
    ("/search", views.search_page, {}, "Drivers, teams, cars, manufacturers and events a text may name, best first"),
    (
        "/check",
        views.check_page,
        {},
        "The claim checker's form (GET); POST /check and POST /api/check check an article",
    ),
    ("/drivers", views.listing, {"kind": "driver", "season": None}, "Every driver"),
    ("/drivers/{a}/vs", views.head_to_head_form, {}, "Head to head with the driver named in ?b= (the page redirects)"),
    ("/drivers/{a}/vs/{b}", views.head_to_head, {}, "Two drivers in the races both started in the same class"),
    ("/drivers/{name}", views.subject_page, {"kind": "driver"}, "A driver's figures, season by season, races, streaks"),
    ("/teams", views.listing, {"kind": "team", "season": None}, "Every team"),
    ("/teams/{name}", views.subject_page, {"kind": "team", "team": None}, "A team's figures"),
    ("/manufacturers", views.listing, {"kind": "manufacturer", "season": None}, "Every manufacturer"),
    ("/manufacturers/{name}", views.subject_page, {"kind": "manufacturer", "team": None}, "A manufacturer's figures"),
    ("/cars/{season}", views.listing, {"kind": "car"}, "The cars of a season"),
    ("/cars/{season}/{name}", views.subject_page, {"kind": "car", "team": None, **_CAR}, "A car and its figures"),
    ("/cars/{season}/{name}/{team}", views.subject_page, {"kind": "car", **_CAR}, "A car (season, number, team)"),
    ("/leaders", views.leaders_page, {}, "A leaderboard: metric, by driver/car/team/manufacturer, season and class"),
    ("/corrections", views.corrections_page, {}, "IMSA's decisions taken after the exports, as applied"),
    ("/sources/{path:path}", views.source_row, {}, "A row of a source file, field by field"),
    ("/{season:int}", views.season_page, {}, "A season: calendar with winners and coverage, standings, leaders"),
    ("/{season:int}/standings/{cls}", views.standings_page, {}, "Championship standings after any round, points grid"),
    ("/{season:int}/{event}", views.event_page, {}, "An event and its sessions"),
    (
        "/{season:int}/{event}/{session}",
        views.session_page,
        {},
        "A session's results per class, summary, charts, views",
    ),
    ("/{season:int}/{event}/{session}/charts/{kind}", views.chart_data, {}, "What a chart plots, car by car"),
    ("/{season:int}/{event}/{session}/{view}", views.race_view, {}, "One lap-by-lap view of a session"),
]


# -- the app ------------------------------------------------------------------------------------------


class ResponseCache:
    """A bounded LRU of rendered responses (body, media type), per database build."""

    def __init__(self, entries: int = CACHE_ENTRIES, size: int = CACHE_BYTES) -> None:
        self.entries, self.size = entries, size
        self._items: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bytes, str] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, body: bytes, media_type: str) -> None:
        if len(body) > self.size // 8:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._items[key] = (body, media_type)
            self._bytes += len(body)
            while len(self._items) > self.entries or self._bytes > self.size:
                _, (dropped, _) = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)


def _error(exc: Exception) -> tuple[int, dict[str, Any]]:
    """The status and the one error shape for an exception."""
    if isinstance(exc, InputError):
        status, kind = 400, "bad_input"
    elif isinstance(exc, AmbiguousNameError):
        status, kind = 404, "ambiguous_name"
    elif isinstance(exc, NotFoundError):
        status, kind = 404, "not_found"
    elif isinstance(exc, NotAvailableError):
        status, kind = 404, "not_available"
    elif isinstance(exc, PitboardError):
        status, kind = 400, "bad_input"
    else:
        status, kind = 500, "internal_error"
    body = {
        "status": status,
        "type": kind,
        "message": str(exc) if status != 500 else "internal error: the server failed on this request (logged)",
        "choices": list(getattr(exc, "choices", None) or []),
        "candidates": list(getattr(exc, "candidates", None) or []),
    }
    return status, {"error": body}


def _query_default(annotation: Any, default: Any) -> Any:
    """List parameters come from repeated query keys (``?car=6&car=7``)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list or any(typing.get_origin(a) is list for a in args):
        return Query(default)
    return default


class App:
    """What the routes share: the database, its build id, the cache and the templates."""

    def __init__(self, db_path: str | Path | None = None) -> None:
        self.pb = pitboard.open(db_path)
        meta = self.pb.db.meta
        stamp = "|".join(str(meta.get(k, "")) for k in ("built_at", "discovery", "reference_hash", "parser_version"))
        self.build = hashlib.sha256(f"{stamp}|{pitboard.__version__}".encode()).hexdigest()[:16]
        self.built_at = meta.get("built_at", "")
        self.cache = ResponseCache()
        directory = resources.files("pitboard.web") / "templates"
        self.templates = Jinja2Templates(directory=str(directory))
        filters.install(self.templates.env, self)
        threading.Thread(target=self._warm, name="pitboard-warm", daemon=True).start()

    @staticmethod
    def _warm() -> None:
        """Import what the first chart needs (matplotlib: about a second) before anyone asks."""
        import matplotlib.backends.backend_agg
        import matplotlib.figure  # noqa: F401

        import pitboard.charts  # noqa: F401

    def etag(self, key: str) -> str:
        return '"' + hashlib.sha256(f"{self.build}|{key}".encode()).hexdigest()[:24] + '"'

    def headers(self, etag: str) -> dict[str, str]:
        return {"ETag": etag, "Cache-Control": "no-cache", "X-Pitboard-Build": self.build}

    def html(self, request: Request, view: View) -> bytes:
        template = self.templates.get_template(view.template)
        return template.render(request=request, view=view, data=view.data, page=view.page, app=self).encode()

    def error_page(self, request: Request, status: int, body: dict[str, Any]) -> HTMLResponse:
        template = self.templates.get_template("error.html")
        content = template.render(request=request, error=body["error"], app=self, view=None)
        return HTMLResponse(content, status_code=status)


def _cache_key(kind: str, request: Request, fmt: str) -> str:
    query = sorted(request.query_params.multi_items())
    return f"{kind}|{request.url.path}|{query}|{fmt}"


def _endpoint(app: App, fn: Callable[..., View], fixed: dict[str, Any], api: bool) -> Callable[..., Response]:
    """A FastAPI endpoint for a view function: the view's own parameters (typed, from its
    signature), plus ``request`` and, for the API, ``format`` and ``table``."""
    hints = typing.get_type_hints(fn, localns={"Pitboard": pitboard.Pitboard})
    params = []
    for name, p in inspect.signature(fn).parameters.items():
        if name == "pb" or name in fixed:
            continue
        default = (
            inspect.Parameter.empty if p.default is inspect.Parameter.empty else _query_default(hints[name], p.default)
        )
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=hints[name]))
    extra = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    if api:
        extra += [
            inspect.Parameter(
                "format", inspect.Parameter.KEYWORD_ONLY, default="json", annotation=typing.Literal["json", "csv"]
            ),
            inspect.Parameter("table", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=str | None),
        ]

    def endpoint(**kwargs: Any) -> Response:
        request: Request = kwargs.pop("request")
        fmt = kwargs.pop("format", "json")
        table = kwargs.pop("table", None)
        if request.scope.get("pitboard_csv"):
            fmt = "csv"
        kind = "api" if api else "page"
        key = _cache_key(kind, request, fmt)
        etag = app.etag(key)
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=app.headers(etag))
        hit = app.cache.get(key)
        if hit is not None:
            return Response(hit[0], media_type=hit[1], headers=app.headers(etag))
        view = fn(app.pb, **fixed, **kwargs)
        if view.redirect and not api:
            return RedirectResponse(view.redirect, status_code=303)
        if not api:
            body, media = app.html(request, view), "text/html; charset=utf-8"
        elif fmt == "csv":
            if not view.tables:
                raise InputError("this answer has no table to give as CSV", [])
            name = table or next(iter(view.tables))
            if name not in view.tables:
                raise InputError(f"no table {name!r} here: choose one of {', '.join(view.tables)}", list(view.tables))
            body, media = to_csv(view.tables[name]).encode(), "text/csv; charset=utf-8"
        else:
            body, media = to_json(view.data).encode(), "application/json"
        app.cache.put(key, body, media)
        return Response(body, media_type=media, headers=app.headers(etag))

    endpoint.__signature__ = inspect.Signature(params + extra)  # type: ignore[attr-defined]
    endpoint.__name__ = ("api_" if api else "page_") + fn.__name__
    endpoint.__doc__ = fn.__doc__
    return endpoint


ERROR_SCHEMA = {
    "description": "Bad input (400) or an unknown name, ambiguous name or path (404): one shape",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "properties": {
                            "status": {"type": "integer"},
                            "type": {"type": "string"},
                            "message": {"type": "string"},
                            "choices": {"type": "array", "items": {"type": "string"}},
                            "candidates": {"type": "array", "items": {"type": "string"}},
                        },
                        "required": ["status", "type", "message", "choices", "candidates"],
                    }
                },
                "required": ["error"],
            }
        }
    },
}


def create_app(db_path: str | Path | None = None) -> FastAPI:
    """The app over the database at ``db_path`` (default: ``pitboard.config``'s)."""
    state = App(db_path)
    fastapi = FastAPI(
        title="pitboard",
        version=pitboard.__version__,
        description=(
            "The IMSA WeatherTech SportsCar Championship 2021–2025 from the official timing-and-scoring exports, "
            "with IMSA's later decisions applied. Read-only. Every page of the web app has its JSON here "
            "(`/api` + the page's path); `?format=csv` (or a `.csv` suffix) gives its tables."
        ),
        docs_url=None,
        redoc_url=None,
    )
    fastapi.state.pitboard = state
    static = resources.files("pitboard.web") / "static"
    fastapi.mount("/static", StaticFiles(directory=str(static)), name="static")

    _chart_files(fastapi, state)  # before the pages: "/charts/pace.svg" is a file, not the page of chart "pace.svg"
    for path, fn, fixed, summary in ROUTES:
        api_path = "/api" + (path if path != "/" else "")
        fastapi.add_api_route(
            api_path,
            _endpoint(state, fn, fixed, api=True),
            methods=["GET"],
            summary=summary,
            responses={400: ERROR_SCHEMA, 404: ERROR_SCHEMA, 500: ERROR_SCHEMA},
            tags=["api"],
        )
        fastapi.add_api_route(
            path,
            _endpoint(state, fn, fixed, api=False),
            methods=["GET", "HEAD"],
            include_in_schema=False,
            response_class=HTMLResponse,
        )

    _check_posts(fastapi, state)
    _errors(fastapi, state)
    fastapi.add_middleware(_Guard)  # type: ignore[arg-type]
    return fastapi


def _chart_files(fastapi: FastAPI, state: App) -> None:
    """``/{season}/{event}/{session}/charts/{kind}.png|.svg``: the chart as drawn by ``pitboard race --chart``."""

    @fastapi.get("/{season:int}/{event}/{session}/charts/{kind}.{fmt}", include_in_schema=False)
    def chart_file(
        request: Request,
        season: int,
        event: str,
        session: str,
        kind: str,
        fmt: typing.Literal["png", "svg"],
        cls: str | None = None,
        car: Annotated[list[str] | None, Query()] = None,
    ) -> Response:
        key = _cache_key("chart", request, fmt)
        etag = state.etag(key)
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=state.headers(etag))
        hit = state.cache.get(key)
        media = "image/svg+xml" if fmt == "svg" else "image/png"
        if hit is None:
            body = views.chart_image(state.pb, season, event, session, kind, fmt, cls, car)
            state.cache.put(key, body, media)
        else:
            body = hit[0]
        headers = state.headers(etag)
        headers["Content-Disposition"] = f'inline; filename="{views.slug(event)}-{session}-{kind}.{fmt}"'
        return Response(body, media_type=media, headers=headers)


class CheckRequest(BaseModel):
    """An article to check: its plain text and its publication date."""

    text: str = Field(min_length=1, max_length=views.MAX_ARTICLE, description="The article's plain text (English)")
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD")


def _check_posts(fastapi: FastAPI, state: App) -> None:
    """``POST /api/check`` (JSON in, JSON out) and ``POST /check`` (the page's form). The only
    POSTs: they read the article from the body and write nothing."""

    @fastapi.post(
        "/api/check",
        summary="Every statistical claim of an article, with its verdict, explanation and evidence",
        responses={400: ERROR_SCHEMA, 404: ERROR_SCHEMA, 500: ERROR_SCHEMA},
        tags=["api"],
    )
    def api_check(body: CheckRequest) -> Response:
        view = views.check_page(state.pb, body.text, body.date)
        return Response(
            to_json(view.data).encode(), media_type="application/json", headers={"Cache-Control": "no-store"}
        )

    @fastapi.post("/check", include_in_schema=False, response_class=HTMLResponse)
    async def page_check(request: Request) -> Response:
        import urllib.parse

        raw = (await request.body()).decode("utf-8", errors="replace")
        form = urllib.parse.parse_qs(raw, keep_blank_values=True)
        text = form.get("text", [""])[0]
        date = form.get("date", [""])[0]
        from starlette.concurrency import run_in_threadpool

        view = await run_in_threadpool(views.check_page, state.pb, text, date)
        body = await run_in_threadpool(state.html, request, view)
        return Response(body, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


def _errors(fastapi: FastAPI, state: App) -> None:
    def respond(request: Request, exc: Exception) -> Response:
        status, body = _error(exc)
        if status == 500:
            log.exception("500 on %s", request.url.path, exc_info=exc)
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
        return state.error_page(request, status, body)

    @fastapi.exception_handler(PitboardError)
    def pitboard_error(request: Request, exc: PitboardError) -> Response:
        return respond(request, exc)

    @fastapi.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()
        )
        return respond(request, InputError(f"invalid request: {problems}", []))

    @fastapi.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return respond(request, NotFoundError(f"no page at {request.url.path}", ["/", "/api", "/openapi.json"]))
        status = exc.status_code
        body = {
            "error": {
                "status": status,
                "type": "http_error",
                "message": str(exc.detail),
                "choices": [],
                "candidates": [],
            }
        }
        if request.url.path.startswith("/api"):
            return JSONResponse(body, status_code=status, headers=getattr(exc, "headers", None))
        return state.error_page(request, status, body)

    @fastapi.exception_handler(Exception)
    def crashed(request: Request, exc: Exception) -> Response:
        return respond(request, exc)


class _Guard:
    """ASGI middleware: request size limits, the ``.csv`` suffix, security headers on every
    response (errors and static files included)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        query: bytes = scope.get("query_string", b"")
        if len(path) + len(query) > MAX_URL:
            await _plain_error(send, 414, "request line too long")
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _plain_error(send, 413, f"request body over {MAX_BODY} bytes")
            return
        if path.startswith("/api") and path.endswith(".csv") and not path.startswith("/api/sources/"):
            scope = dict(scope, path=path[:-4], raw_path=path[:-4].encode(), pitboard_csv=True)
        received = 0

        async def limited_receive() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise _TooLarge
            return message

        async def secured_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message = dict(message, headers=headers)
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            await _plain_error(send, 413, f"request body over {MAX_BODY} bytes")


class _TooLarge(Exception):
    pass


async def _plain_error(send: Any, status: int, message: str) -> None:
    import json

    body = json.dumps(
        {"error": {"status": status, "type": "http_error", "message": message, "choices": [], "candidates": []}}
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
