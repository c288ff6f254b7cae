"""Turn a brief into what the event page shows: citation links, source counts, figure rows.

Everything here is plain data; the templates escape every string they print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from storyline.corroborate.sources import source_keys
from storyline.model import Brief, Citation, FigureGroup

# Statuses listed first in the figures table: the ones a reader has to look at.
ATTENTION = ("conflict", "changed", "agree")


@dataclass(frozen=True, slots=True)
class CiteLink:
    """A link from a cited line to the span in its article."""

    label: str
    href: str
    title: str


def path_part(value: str) -> str:
    """Quote a value for one segment of a URL path ("/" and "?" included)."""
    return quote(value, safe="")


def cite_href(cite: Citation) -> str:
    """Return the URL of the article page with the cited span highlighted."""
    span = f"start={cite.start}&end={cite.end}#c-{cite.start}-{cite.end}"
    return f"/articles/{path_part(cite.article)}?{span}"


class Links:
    """Label and link the citations of one brief ("A1", "A2", … by article position)."""

    def __init__(self, brief: Brief) -> None:
        self._position = {clean.id: i for i, clean in enumerate(brief.articles)}
        self._articles = brief.articles
        self._keys = source_keys(brief.articles)

    @property
    def sources_count(self) -> int:
        """Return how many independent sources the brief's articles come from."""
        return len(set(self._keys.values()))

    def label(self, article_id: str) -> str:
        """Return the short label of an article."""
        index = self._position.get(article_id)
        return f"A{index + 1}" if index is not None else "?"

    def outlet(self, article_id: str) -> str:
        """Return the outlet of an article, or a placeholder."""
        index = self._position.get(article_id)
        if index is None:
            return "unknown article"
        return self._articles[index].outlet or "outlet unknown"

    def cites(self, citations: Iterable[Citation]) -> list[CiteLink]:
        """Return one link per citation."""
        return [self._link(cite) for cite in citations]

    def sources(self, citations: Iterable[Citation]) -> int:
        """Return how many independent sources the citations come from."""
        return len({self._keys.get(cite.article, cite.article) for cite in citations})

    def _link(self, cite: Citation) -> CiteLink:
        where = f"{self.label(cite.article)} · {self.outlet(cite.article)}"
        return CiteLink(
            self.label(cite.article),
            cite_href(cite),
            f"{where} · characters {cite.start}–{cite.end}",
        )


def sorted_figures(groups: Sequence[FigureGroup]) -> tuple[list[FigureGroup], list[FigureGroup]]:
    """Split the figure groups into those to look at (conflict first) and single-source ones."""
    attention = [group for group in groups if group.status in ATTENTION]
    attention.sort(key=lambda group: ATTENTION.index(group.status))
    return attention, [group for group in groups if group.status not in ATTENTION]


def number(value: float | None) -> str:
    """Format a figure value: thousands separators, no trailing .0."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
