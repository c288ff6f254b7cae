"""The HTML pages: the events list, one event, one article with its cited spans marked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from storyline.model import Brief, Citation
from storyline.report import CitedSpan, render_marked
from storyline.web._app import event_info, load_brief, opened, render
from storyline.web._errors import ApiError
from storyline.web._map import world_map
from storyline.web._timeline import timeline_chart
from storyline.web._views import Links, sorted_figures

router = APIRouter(include_in_schema=False)
MAX_ROWS = 20  # places and actors shown before the rest fold away


@router.get("/", response_class=HTMLResponse)
def index_page(request: Request, q: str = "") -> HTMLResponse:
    """List the events, newest first, or those matching the search."""
    query = q.strip()
    with opened(request) as store:
        events = store.events(query or None)
        hits = store.search(query) if query else []
    return HTMLResponse(render(request, "index.html", q=query, events=events, hits=hits))


@router.get("/events/{event}", response_class=HTMLResponse)
def event_page(request: Request, event: str) -> HTMLResponse:
    """Show one event's brief: summary, timeline, figures, map, actors, sources."""
    with opened(request) as store:
        brief = load_brief(store, event)
        info = event_info(store, event)
    links = Links(brief)
    attention, single = sorted_figures(brief.figures)
    page = render(
        request,
        "event.html",
        event=event,
        title=info.title if info and info.title else brief.title,
        brief=brief,
        links=links,
        chart=timeline_chart(
            brief.timeline,
            [links.sources(line.citations) for line in brief.timeline],
            start=brief.start,
        ),
        map=world_map(brief.places),
        attention=attention,
        single=single,
        max_rows=MAX_ROWS,
    )
    return HTMLResponse(page)


@router.get("/articles/{article:path}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article: str,
    start: int | None = Query(default=None, ge=0),
    end: int | None = Query(default=None, ge=0),
) -> HTMLResponse:
    """Show one article's cleaned text, the cited span asked for highlighted."""
    with opened(request) as store:
        stored = store.article(article)
        if stored is None:
            raise ApiError(404, "not_found", f"no article {article!r} in the store")
        briefs = [b for b in (store.brief(event) for event in stored.events) if b is not None]
    text = stored.analyzed.clean.text
    wanted = (start, end) if start is not None and end is not None else None
    valid = wanted is not None and wanted[0] < wanted[1] <= len(text)
    spans = _spans(text, wanted if valid else None, _cited(briefs, article))
    page = render(
        request,
        "article.html",
        stored=stored,
        clean=stored.analyzed.clean,
        marked=Markup(render_marked(text, spans)),  # render_marked escapes every piece of text
        wanted=wanted,
        valid=valid,
    )
    return HTMLResponse(page)


def _cited(briefs: Iterable[Brief], article: str) -> Iterator[tuple[Citation, str]]:
    """Yield the citations of the article in its events' briefs: lines first, then figures."""
    for brief in briefs:
        lines = [*([brief.headline] if brief.headline else []), *brief.summary, *brief.timeline]
        for line in lines:
            yield from ((c, "line") for c in line.citations if c.article == article)
    for brief in briefs:
        for group in brief.figures:
            yield from ((v.citation, "fig") for v in group.values if v.citation.article == article)


def _spans(
    text: str,
    wanted: tuple[int, int] | None,
    cited: Iterable[tuple[Citation, str]],
) -> list[CitedSpan]:
    """Return the spans to mark, the one asked for first (so it stays in one piece)."""
    spans: dict[str, CitedSpan] = {}
    if wanted is not None:
        anchor = f"c-{wanted[0]}-{wanted[1]}"
        spans[anchor] = CitedSpan(wanted[0], wanted[1], anchor, "line hit")
    for cite, kind in cited:
        if cite.end <= len(text) and cite.start < cite.end:
            anchor = f"c-{cite.start}-{cite.end}"
            spans.setdefault(anchor, CitedSpan(cite.start, cite.end, anchor, kind))
    return list(spans.values())
