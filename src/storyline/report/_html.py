"""Render a Brief as one self-contained HTML page whose citations open the cited words.

Every article is printed in full with its cited spans marked; each summary, timeline and
figure citation is a link to its mark. The page has no external reference (inline CSS and
JS only, locked by a Content-Security-Policy) and every piece of article text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from storyline.corroborate.sources import source_keys
from storyline.model import (
    Brief,
    Citation,
    CitedLine,
    CleanArticle,
    FigureGroup,
    FigureValue,
    PartialDate,
)
from storyline.report._html_assets import CSP, CSS, JS
from storyline.report._html_map import places_map
from storyline.report._html_marks import (
    anchor_id,
    article_anchor,
    collect_spans,
    render_marked,
)

# Statuses listed first in the figures table: the ones a reader has to look at.
_ATTENTION = ("conflict", "changed", "agree")
# Places and actors shown before the rest are folded away (the lists run to ~60 for 5 articles).
MAX_ROWS = 20


class _Index:
    """Where each article sits in the page, and how to label and link its citations."""

    def __init__(self, brief: Brief) -> None:
        self.position = {clean.id: i for i, clean in enumerate(brief.articles)}
        self.articles = brief.articles

    def label(self, article_id: str) -> str:
        """Return the short label of an article ("A1", "A2", …)."""
        index = self.position.get(article_id)
        return f"A{index + 1}" if index is not None else "?"

    def link(self, cite: Citation, text: str | None = None) -> str:
        """Return a link to the cited span (plain text when the citation does not resolve)."""
        shown = escape(text if text is not None else self.label(cite.article))
        index = self.position.get(cite.article)
        if index is None or cite.end > len(self.articles[index].text):
            return f'<span class="cite" title="citation does not resolve">{shown}?</span>'
        clean = self.articles[index]
        where = f"{self.label(cite.article)} · {clean.outlet or 'outlet unknown'}"
        title = escape(f"{where} · characters {cite.start}–{cite.end}")
        css = "cite" if text is None else "cite-text"
        return f'<a class="{css}" href="#{anchor_id(index, cite)}" title="{title}">{shown}</a>'

    def links(self, cites: Iterable[Citation]) -> str:
        return "".join(self.link(cite) for cite in cites)


def render_html(brief: Brief) -> str:
    """Return the brief as a standalone HTML document."""
    index = _Index(brief)
    sections = [
        ("summary", "Summary", _summary(brief, index)),
        ("timeline", "Timeline", _timeline(brief, index)),
        ("figures", "Figures", _figures(brief, index)),
        ("places", "Places", _places(brief)),
        ("actors", "Actors", _actors(brief)),
        ("articles", "Articles", _articles(brief)),
    ]
    shown = [(key, name, body) for key, name, body in sections if body]
    nav = " ".join(f'<a href="#{key}">{name}</a>' for key, name, _ in shown)
    body = "\n".join(
        f'<section id="{key}">\n<h2>{name}</h2>\n{html}\n</section>' for key, name, html in shown
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            _head(brief),
            "<body>",
            _header(brief),
            f"<nav>{nav}</nav>",
            f"<main>\n{body}\n</main>",
            "<footer>Made by storyline. Every line above is a span of an article; "
            "follow a citation to see it in place. This file loads nothing from the network."
            "</footer>",
            f"<script>{JS}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _head(brief: Brief) -> str:
    return (
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(brief.title or 'Untitled event')}</title>\n"
        f"<style>{CSS}</style>\n"
        "</head>"
    )


def _header(brief: Brief) -> str:
    span = " – ".join(date.iso() for date in (brief.start, brief.end) if date)
    sources = len(set(source_keys(brief.articles).values()))
    facts = [f"{len(brief.articles)} articles", f"{sources} independent sources"]
    if span:
        facts.append(span)
    return (
        f"<header>\n<h1>{escape(brief.title or 'Untitled event')}</h1>\n"
        f'<p class="meta">{escape(" · ".join(facts))}</p>\n</header>'
    )


def _date(date: PartialDate | None) -> str:
    if date is None:
        return "<time>date unknown</time>"
    return (
        f'<time datetime="{date.iso()}">{date.iso()}</time> '
        f'<span class="precision">{date.precision}</span>'
    )


def _line(line: CitedLine, index: _Index) -> str:
    return f'<span class="line">{escape(line.text)}</span> {index.links(line.citations)}'


def _summary(brief: Brief, index: _Index) -> str:
    parts = []
    if brief.headline is not None:
        parts.append(f'<p class="headline">{_line(brief.headline, index)}</p>')
    if brief.summary:
        items = "\n".join(f"<li>{_line(line, index)}</li>" for line in brief.summary)
        parts.append(f'<ol class="lines">\n{items}\n</ol>')
    return "\n".join(parts)


def _timeline(brief: Brief, index: _Index) -> str:
    if not brief.timeline:
        return ""
    items = "\n".join(
        f"<li>{_date(line.date)} {_line(line, index)}</li>" for line in brief.timeline
    )
    return f'<ol class="timeline">\n{items}\n</ol>'


# ---------------------------------------------------------------- figures


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _figures(brief: Brief, index: _Index) -> str:
    if not brief.figures:
        return ""
    attention = [group for group in brief.figures if group.status in _ATTENTION]
    attention.sort(key=lambda group: _ATTENTION.index(group.status))
    single = [group for group in brief.figures if group.status not in _ATTENTION]
    parts = [
        '<p class="note">Rows in red disagree for the same time, in amber changed over time, '
        "in green agree. The framed value is the most conservative one.</p>"
    ]
    if attention:
        parts.append(_figure_table(attention, index))
    if single:
        table = _figure_table(single, index)
        noun = "figure" if len(single) == 1 else "figures"
        parts.append(
            f"<details{'' if attention else ' open'}>"
            f"<summary>{len(single)} {noun} from a single source</summary>\n{table}\n</details>"
        )
    return "\n".join(parts)


def _figure_table(groups: Iterable[FigureGroup], index: _Index) -> str:
    head = (
        "<tr><th>figure</th><th>status</th><th>values, source by source</th>"
        "<th>conservative</th></tr>"
    )
    rows = "\n".join(_figure_row(group, index) for group in groups)
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _figure_row(group: FigureGroup, index: _Index) -> str:
    about = " · ".join(escape(part) for part in (group.unit, group.subject) if part)
    chips = "".join(_figure_chip(value, group, index) for value in group.values)
    status = escape(group.status)
    return (
        f'<tr class="status-{status}"><td><strong>{escape(group.label)}</strong>'
        f"{f'<br><small>{about}</small>' if about else ''}</td>"
        f'<td><span class="badge {status}">{status}</span></td>'
        f'<td><div class="values">{chips}</div></td>'
        f'<td class="num">{_number(group.conservative)}</td></tr>'
    )


def _figure_chip(value: FigureValue, group: FigureGroup, index: _Index) -> str:
    spread = (
        f" ({_number(value.low)}–{_number(value.high)})"
        if value.low is not None and value.high is not None
        else ""
    )
    conservative = group.conservative is not None and value.value == group.conservative
    css = "chip conservative" if conservative and len(group.values) > 1 else "chip"
    outlet = _outlet(index, value.citation.article)
    as_of = value.as_of.iso() if value.as_of else "date unknown"
    noun = "source" if value.sources == 1 else "sources"
    says = f" · according to {escape(value.attributed_to)}" if value.attributed_to else ""
    return (
        f'<div class="{css}"><strong>{_number(value.value)}</strong>{escape(spread)} '
        f"<q>{index.link(value.citation, value.text)}</q>"
        f"<small>{index.label(value.citation.article)} · {escape(outlet)} · as of {as_of}"
        f" · {value.sources} {noun}{says}</small></div>"
    )


def _outlet(index: _Index, article_id: str) -> str:
    position = index.position.get(article_id)
    if position is None:
        return "unknown article"
    return index.articles[position].outlet or "outlet unknown"


# ---------------------------------------------------------------- places, actors


def _places(brief: Brief) -> str:
    if not brief.places:
        return ""
    rows = [
        f"<tr><td>{escape(place.name)}</td><td>{escape(', '.join(place.aliases))}</td>"
        f"<td>{escape(place.country or '')}</td><td>{escape(place.precision)}</td>"
        f'<td class="num">{_coordinate(place.lat)}</td>'
        f'<td class="num">{_coordinate(place.lon)}</td>'
        f'<td class="num">{len(place.citations)}</td></tr>'
        for place in brief.places
    ]
    head = (
        "<tr><th>place</th><th>also written</th><th>country</th>"
        "<th>precision</th><th>lat</th><th>lon</th><th>mentions</th></tr>"
    )
    return f"{places_map(brief.places)}\n{_long_table(head, rows, 'places')}"


def _long_table(head: str, rows: list[str], noun: str) -> str:
    """Return a table of the first rows, with the rest in a collapsed second table."""
    table = f"<table>\n<thead>{head}</thead>\n<tbody>\n{chr(10).join(rows[:MAX_ROWS])}\n</tbody>"
    if len(rows) <= MAX_ROWS:
        return table + "\n</table>"
    rest = "\n".join(rows[MAX_ROWS:])
    return (
        f"{table}\n</table>\n<details><summary>{len(rows) - MAX_ROWS} more {noun}</summary>\n"
        f"<table>\n<thead>{head}</thead>\n<tbody>\n{rest}\n</tbody>\n</table>\n</details>"
    )


def _coordinate(degrees: float | None) -> str:
    return "—" if degrees is None else f"{degrees:.4f}"


def _actors(brief: Brief) -> str:
    if not brief.actors:
        return ""
    rows = [
        f"<tr><td>{escape(actor.name)}</td><td>{escape(actor.kind)}</td>"
        f"<td>{escape(', '.join(actor.aliases))}</td>"
        f'<td class="num">{len(actor.citations)}</td>'
        f'<td class="num">{len({cite.article for cite in actor.citations})}</td></tr>'
        for actor in brief.actors
    ]
    head = (
        "<tr><th>actor</th><th>kind</th><th>also written</th>"
        "<th>mentions</th><th>articles</th></tr>"
    )
    return _long_table(head, rows, "actors")


# ---------------------------------------------------------------- articles


def _cited(brief: Brief) -> Iterator[tuple[Citation, str]]:
    """Yield every citation to mark in the texts: lines first (so they stay whole), figures."""
    lines = [*([brief.headline] if brief.headline else []), *brief.summary, *brief.timeline]
    for line in lines:
        for cite in line.citations:
            yield cite, "line"
    for group in brief.figures:
        for value in group.values:
            yield value.citation, "fig"


def _articles(brief: Brief) -> str:
    by_article: dict[str, list[tuple[Citation, str]]] = {}
    for cite, kind in _cited(brief):
        by_article.setdefault(cite.article, []).append((cite, kind))
    labels = {clean.id: f"A{i + 1}" for i, clean in enumerate(brief.articles)}
    away = {part.article: part.describe() for part in brief.off_topic}
    return "\n".join(
        _article(i, clean, by_article.get(clean.id, []), labels, away.get(clean.id))
        for i, clean in enumerate(brief.articles)
    )


def _article(
    i: int,
    clean: CleanArticle,
    cited: list[tuple[Citation, str]],
    labels: dict[str, str],
    off_topic: str | None,
) -> str:
    spans = collect_spans(i, clean.text, cited)
    return (
        f'<article class="source" id="{article_anchor(i)}">\n'
        f"<h3>A{i + 1} · {escape(clean.title or 'Untitled')}</h3>\n"
        f'<p class="meta">{_article_meta(clean, labels)}</p>\n'
        f"{_off_topic(off_topic)}"
        f"{_removed(clean)}"
        f'<div class="text">{render_marked(clean.text, spans)}</div>\n'
        "</article>"
    )


def _article_meta(clean: CleanArticle, labels: dict[str, str]) -> str:
    published = clean.published.iso() if clean.published else "date unknown"
    facts = [
        clean.outlet or "outlet unknown",
        f"published {published} (from {clean.published_from})",
        f"id {clean.id}",
    ]
    if clean.url:
        facts.append(clean.url)  # shown as text: the page must not link out
    if clean.same_story_as:
        copies = ", ".join(labels.get(other, other) for other in clean.same_story_as)
        facts.append(f"same story as {copies}")
    return escape(" · ".join(facts))


def _off_topic(description: str | None) -> str:
    if description is None:
        return ""
    return f'<p class="off-topic">{escape(description[:1].upper() + description[1:])}.</p>\n'


def _removed(clean: CleanArticle) -> str:
    if not clean.removed:
        return ""
    items = "\n".join(
        f'<li><span class="reason">{escape(part.reason)}</span>{escape(part.text)}</li>'
        for part in clean.removed
    )
    noun = "part" if len(clean.removed) == 1 else "parts"
    return (
        f"<details><summary>Removed while cleaning: {len(clean.removed)} {noun}</summary>\n"
        f'<ul class="removed">\n{items}\n</ul>\n</details>\n'
    )
