"""Build the FastAPI app: state, security headers, static files, templates and error handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from storyline.model import Brief
from storyline.settings import Settings
from storyline.store import EventInfo, SqlStore, Store, highlight_parts
from storyline.web._errors import SECURITY_HEADERS, ApiError, install_error_handlers
from storyline.web._jobs import JobRunner
from storyline.web._views import number, path_part

# Events scanned for one event's row by a store without `event(id)` (see the report).
MAX_EVENTS_SCANNED = 10_000


@dataclass(slots=True)
class AppState:
    """What every route needs: how to open the store, the settings, templates and jobs."""

    open_store: Callable[[], Store]
    settings: Settings
    templates: jinja2.Environment
    jobs: JobRunner


def create_app(
    store_location: str,
    settings: Settings | None = None,
    *,
    open_store: Callable[[str], Store] | None = None,
) -> FastAPI:
    """Return the web app serving the store at ``store_location``."""
    from storyline.web._api import router as api_router
    from storyline.web._pages import router as page_router

    settings = settings or Settings()
    opener = open_store or _default_opener()

    def connect() -> Store:
        return opener(store_location)

    runner = JobRunner(connect, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown()

    app = FastAPI(
        lifespan=lifespan,
        title="storyline",
        summary="Cited briefs of news events: events, articles, briefs, search, ingest jobs.",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN; the app stays offline
        redoc_url=None,
    )
    templates = _templates()
    app.state.storyline = AppState(connect, settings, templates, runner)
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(packages=[("storyline.web", "static")]), name="static")
    app.include_router(api_router)
    app.include_router(page_router)
    install_error_handlers(app, _error_page)
    return app


def _default_opener() -> Callable[[str], Store]:
    from storyline.store import open_store

    return open_store


def state(request: Request) -> AppState:
    """Return the app state of the request's app."""
    found: AppState = request.app.state.storyline
    return found


@contextmanager
def opened(request: Request) -> Iterator[Store]:
    """Open the store for one request and close it afterwards (connections stay per thread)."""
    store = state(request).open_store()
    try:
        yield store
    finally:
        store.close()


def load_brief(store: Store, event: str) -> Brief:
    """Return the event's stored brief; raise a 404 naming the fix when there is none."""
    brief = store.brief(event)
    if brief is not None:
        return brief
    if store.event_articles(event):
        raise ApiError(
            404,
            "no_brief",
            f"event {event!r} has no brief yet; run: storyline brief --db STORE --event {event}",
        )
    raise ApiError(404, "not_found", f"no event {event!r} in the store")


def event_info(store: Store, event: str) -> EventInfo | None:
    """Return the event's row of the events list (its own title, not its brief's)."""
    if isinstance(store, SqlStore):
        return store.event(event)
    return next((info for info in store.events(limit=MAX_EVENTS_SCANNED) if info.id == event), None)


def render(request: Request, name: str, **context: Any) -> str:
    """Render one template with the common context."""
    template = state(request).templates.get_template(name)
    return template.render(request=request, **context)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = number
    env.filters["path"] = path_part
    env.globals["snippet"] = highlight_parts
    return env


def _error_page(request: Request, status: int, message: str) -> str:
    return render(request, "error.html", status=status, message=message)
