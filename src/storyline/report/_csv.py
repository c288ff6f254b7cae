"""Export the figures of a Brief as CSV: one row per value, RFC 4180 quoting (csv module)."""

from __future__ import annotations

import csv
import io

from storyline.model import Brief, CleanArticle, FigureGroup, FigureValue

COLUMNS = (
    "label",
    "value",
    "low",
    "high",
    "as_of",
    "status",
    "article",
    "outlet",
    "span",
    "start",
    "end",
    "sources",
    "conservative",
    "unit",
    "subject",
)


def render_csv(brief: Brief) -> str:
    """Return the figures of ``brief`` as CSV text with a header row."""
    articles = {clean.id: clean for clean in brief.articles}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for group in brief.figures:
        for value in group.values:
            writer.writerow(_row(group, value, articles.get(value.citation.article)))
    return out.getvalue()


def _number(value: float | None) -> str:
    """Write whole numbers without ``.0`` and leave missing values empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def _row(group: FigureGroup, value: FigureValue, clean: CleanArticle | None) -> dict[str, str]:
    cite = value.citation
    span = clean.text[cite.start : cite.end] if clean and cite.end <= len(clean.text) else ""
    return {
        "label": group.label,
        "value": _number(value.value),
        "low": _number(value.low),
        "high": _number(value.high),
        "as_of": value.as_of.iso() if value.as_of else "",
        "status": group.status,
        "article": cite.article,
        "outlet": (clean.outlet or "") if clean else "",
        "span": span,
        "start": str(cite.start),
        "end": str(cite.end),
        "sources": str(value.sources),
        "conservative": _number(group.conservative),
        "unit": group.unit or "",
        "subject": group.subject or "",
    }
