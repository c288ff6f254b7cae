"""Export the figures of a Brief as CSV: one row per value, RFC 4180 quoting (csv module).

Text taken from articles is untrusted: a cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
apostrophe, as OWASP advises against CSV injection
(https://owasp.org/www-community/attacks/CSV_Injection). Number columns are left as
they are, so a negative value stays a number.
"""

from __future__ import annotations

import csv
import io

from storyline.model import Brief, CleanArticle, FigureGroup, FigureValue

# Columns holding text from the input (article ids come from file names or JSONL records)
# or derived from it; the rest are numbers, dates and statuses storyline writes itself.
TEXT_COLUMNS = frozenset({"label", "article", "outlet", "span", "unit", "subject"})
# First characters that make a spreadsheet treat a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

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
    "attributed_to",
)


def render_csv(brief: Brief) -> str:
    """Return the figures of ``brief`` as CSV text with a header row."""
    articles = {clean.id: clean for clean in brief.articles}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for group in brief.figures:
        for value in group.values:
            row = _row(group, value, articles.get(value.citation.article))
            writer.writerow({k: _inert(v) if k in TEXT_COLUMNS else v for k, v in row.items()})
    return out.getvalue()


def _inert(text: str) -> str:
    """Keep a spreadsheet from running ``text`` as a formula (a leading apostrophe)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


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
        "attributed_to": value.attributed_to or "",
        "conservative": _number(group.conservative),
        "unit": group.unit or "",
        "subject": group.subject or "",
    }
