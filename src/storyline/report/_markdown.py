"""Render a Brief as readable Markdown with citations as [article:start-end]."""

from __future__ import annotations

from storyline.model import Brief, Citation, FigureGroup

# Places and actors listed in the Markdown report; the JSON keeps them all.
MAX_LISTED = 25
# Characters that open Markdown links, images and code spans.
_MARKDOWN_MARKS = ("\\", "[", "]", "`")


def render_markdown(brief: Brief) -> str:
    """Return the brief as a Markdown document."""
    sections = [
        _header(brief),
        _summary(brief),
        _timeline(brief),
        _figures(brief),
        _places(brief),
        _actors(brief),
        _sources(brief),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _cite(cite: Citation) -> str:
    return f"[{cite.article}:{cite.start}-{cite.end}]"


def _text(text: str) -> str:
    """Article text made inert in Markdown: HTML shows as text, links and code do not form.

    Article text is untrusted: a Markdown renderer passes raw HTML through (issue 12), so
    ``& < >`` become entities and the characters that open links, images and code spans
    are backslash-escaped. The JSON brief keeps the exact text its citations index.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for mark in _MARKDOWN_MARKS:
        escaped = escaped.replace(mark, "\\" + mark)
    return escaped


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|").replace("\n", " ")


def _header(brief: Brief) -> str:
    span = " – ".join(d.iso() for d in (brief.start, brief.end) if d)
    title = _text(brief.title) if brief.title else "Untitled event"
    return f"# {title}\n\n{len(brief.articles)} articles" + (f", {span}" if span else "")


def _summary(brief: Brief) -> str:
    if not brief.summary and brief.headline is None:
        return ""
    parts = []
    if brief.headline is not None:
        cites = " ".join(_cite(c) for c in brief.headline.citations)
        parts.append(f"**{_text(brief.headline.text)}** {cites}")
    lines = [
        f"- {_text(line.text)} {' '.join(_cite(c) for c in line.citations)}"
        for line in brief.summary
    ]
    if lines:
        parts.append("\n".join(lines))
    return "## Summary\n\n" + "\n\n".join(parts)


def _timeline(brief: Brief) -> str:
    if not brief.timeline:
        return ""
    lines = [
        f"- **{line.date.iso() if line.date else '?'}** {_text(line.text)} "
        + " ".join(_cite(c) for c in line.citations)
        for line in brief.timeline
    ]
    return "## Timeline\n\n" + "\n".join(lines)


def _figures(brief: Brief) -> str:
    if not brief.figures:
        return ""
    rows = [
        "| figure | value | as of | status | independent sources | cited |",
        "|---|---|---|---|---|---|",
    ]
    rows += [row for group in brief.figures for row in _figure_rows(group)]
    return "## Figures\n\n" + "\n".join(rows)


def _figure_rows(group: FigureGroup) -> list[str]:
    rows = []
    for value in group.values:
        lowest = " (most conservative)" if _is_conservative(group, value.value) else ""
        says = f", according to {_cell(value.attributed_to)}" if value.attributed_to else ""
        rows.append(
            f"| {_cell(group.label)} | {_cell(value.text)}{says}{lowest} | "
            f"{value.as_of.iso() if value.as_of else ''} | {group.status} | {value.sources} | "
            f"{_cite(value.citation)} |"
        )
    return rows


def _is_conservative(group: FigureGroup, value: float) -> bool:
    distinct = {v.value for v in group.values}
    return len(distinct) > 1 and group.conservative == value


def _places(brief: Brief) -> str:
    if not brief.places:
        return ""
    rows = ["| place | also written | lat, lon | country | mentions |", "|---|---|---|---|---|"]
    for place in brief.places[:MAX_LISTED]:
        where = (
            f"{place.lat:.4f}, {place.lon:.4f}"
            if place.lat is not None and place.lon is not None
            else "—"
        )
        rows.append(
            f"| {_cell(place.name)} | {_cell(', '.join(place.aliases))} | {where} | "
            f"{place.country or ''} | {len(place.citations)} |"
        )
    return "## Places\n\n" + "\n".join(rows)


def _actors(brief: Brief) -> str:
    if not brief.actors:
        return ""
    rows = ["| actor | kind | also written | mentions |", "|---|---|---|---|"]
    rows += [
        f"| {_cell(actor.name)} | {actor.kind} | {_cell(', '.join(actor.aliases))} | "
        f"{len(actor.citations)} |"
        for actor in brief.actors[:MAX_LISTED]
    ]
    return "## Actors\n\n" + "\n".join(rows)


def _sources(brief: Brief) -> str:
    lines = []
    away = {part.article: part.describe() for part in brief.off_topic}
    for clean in brief.articles:
        published = clean.published.iso() if clean.published else "date unknown"
        head = (
            f"- **{_text(clean.id)}** — {_text(clean.title or 'untitled')} "
            f"({_text(clean.outlet or 'outlet unknown')}, "
        )
        head += f"{published}, from {clean.published_from})"
        if clean.same_story_as:
            head += f"; same story as {', '.join(clean.same_story_as)}"
        if clean.id in away:
            head += f"; **{_text(away[clean.id])}**"
        removed = [
            f"  - removed ({part.reason}): {_cell(part.text[:100])}" for part in clean.removed
        ]
        lines.append("\n".join([head, *removed]))
    return "## Sources\n\n" + "\n".join(lines)
