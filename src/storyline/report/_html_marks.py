"""Wrap cited spans of an article's text in ``<mark>`` elements that never break the markup.

Spans that nest (a figure inside a summary sentence) become nested elements. A span that
crosses one already placed is cut at the crossing boundaries into parts that share a
``data-cite`` key; the first part carries the id the links point at. Placing the spans as a
laminar family (any two nested or disjoint) is what keeps the tags balanced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from storyline.model import Citation


@dataclass(frozen=True, slots=True)
class CitedSpan:
    """A span to mark: ``text[start:end]`` of one article, with its anchor id and CSS class."""

    start: int
    end: int
    anchor: str
    kind: str  # CSS class: "line" for summary/timeline sentences, "fig" for figures


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    anchor: str
    kind: str
    first: bool  # the part that carries the id
    whole: bool  # the span was placed in one piece


def anchor_id(index: int, cite: Citation) -> str:
    """Return the element id of ``cite`` in the article at position ``index``."""
    return f"c{index}-{cite.start}-{cite.end}"


def article_anchor(index: int) -> str:
    """Return the element id of the article at position ``index``."""
    return f"art{index}"


def collect_spans(index: int, text: str, cited: Iterable[tuple[Citation, str]]) -> list[CitedSpan]:
    """Return the distinct, in-range spans of one article, in the order they should be placed."""
    seen: dict[str, CitedSpan] = {}
    for cite, kind in cited:
        if cite.end > len(text):
            continue
        anchor = anchor_id(index, cite)
        seen.setdefault(anchor, CitedSpan(cite.start, cite.end, anchor, kind))
    return list(seen.values())


def render_marked(text: str, spans: Sequence[CitedSpan]) -> str:
    """Return ``text`` escaped, with each span wrapped in a mark (earlier spans placed first)."""
    parts = _place(spans)
    parts.sort(key=lambda part: (part.start, -part.end))
    out: list[str] = []
    stack: list[_Part] = []
    pos = 0
    for part in parts:
        pos = _close_until(text, out, stack, pos, part.start)
        out.append(escape(text[pos : part.start]))
        out.append(_open_tag(part))
        pos = part.start
        stack.append(part)
    pos = _close_until(text, out, stack, pos, len(text) + 1)
    out.append(escape(text[pos:]))
    return "".join(out)


def _place(spans: Sequence[CitedSpan]) -> list[_Part]:
    """Cut each span at the boundaries of the placed parts it crosses, so all stay laminar."""
    placed: list[_Part] = []
    for span in spans:
        cuts = sorted(
            {
                edge
                for part in placed
                if _crosses(span.start, span.end, part.start, part.end)
                for edge in (part.start, part.end)
                if span.start < edge < span.end
            }
        )
        edges = [span.start, *cuts, span.end]
        pieces = list(pairwise(edges))
        placed += [
            _Part(start, end, span.anchor, span.kind, first=i == 0, whole=not cuts)
            for i, (start, end) in enumerate(pieces)
        ]
    return placed


def _crosses(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether two spans overlap without one containing the other."""
    return start < other_start < end < other_end or other_start < start < other_end < end


def _close_until(text: str, out: list[str], stack: list[_Part], pos: int, upto: int) -> int:
    """Close the open marks that end at or before ``upto``; return the new text position."""
    while stack and stack[-1].end <= upto:
        part = stack.pop()
        out.append(escape(text[pos : part.end]))
        out.append("</mark>")
        pos = part.end
    return pos


def _open_tag(part: _Part) -> str:
    classes = part.kind if part.whole else f"{part.kind} part"
    attributes = f' class="{classes}" data-cite="{escape(part.anchor)}"'
    if part.first:
        attributes = f' id="{escape(part.anchor)}"' + attributes
    return f"<mark{attributes}>"
