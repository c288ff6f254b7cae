"""Extract the main text and metadata of an HTML page with trafilatura.

A cascade, as trafilatura's own is: a precision-oriented run first (it drops more
teasers, link lists and comment threads, which the line rules would otherwise have
to catch); when that run keeps very little, a balanced run is tried and wins if it
found much more, because the precision run sometimes discards a whole short article
or a list-shaped one. Measured with bench/clean.py (extraction alone): on the Zyte
article-extraction pages shingle F1 .965 balanced only, .973 with the cascade; on
trafilatura's English evaluation pages snippet F1 .933 balanced, .925 precision alone,
.931 with the cascade.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.model import PartialDate

# A precision run shorter than this (characters) may have dropped the article: try a
# balanced run. About one page in ten is this short, so the second run costs ~10%.
FALLBACK_MAX_CHARS = 1000
# The balanced run replaces the precision run when the precision text is less than this
# share of it: a slightly longer balanced text is mostly furniture, a 3x longer one is
# the article the precision run threw away.
FALLBACK_SHARE = 0.3
# A page none of whose lines has this many characters holds links and labels ("Home"), not
# text. Counted in characters, not words, so that unspaced scripts (Japanese, Chinese) pass.
MIN_LINE_CHARS = 20
# Shortest value that can hold a year ("2019").
_MIN_DATE_CHARS = 4
_ISO_DAY_CHARS = 10


@dataclass(frozen=True, slots=True)
class Extracted:
    """Main text of a page and the metadata trafilatura found."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Return the page's main text (one paragraph a line) and its metadata."""
    data = _run(html, url, favor_precision=True)
    if len(_text(data)) < FALLBACK_MAX_CHARS:
        balanced = _run(html, url, favor_precision=False)
        if len(_text(data)) < FALLBACK_SHARE * len(_text(balanced)):
            data = balanced
    if not data:
        return Extracted(text="")
    return Extracted(
        text=_text(data) if _has_prose(_text(data)) else "",
        title=_optional(data.get("title")),
        outlet=_optional(data.get("sitename")),
        url=_optional(data.get("url")) or url,
        published=_partial_date(data.get("date")),
    )


def _run(html: str, url: str | None, *, favor_precision: bool) -> dict[str, Any]:
    """One trafilatura pass with metadata; an empty dict when it finds nothing."""
    import trafilatura  # imported on first HTML page: text-only runs skip its import time

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=favor_precision,
    )
    if document is None:
        return {}
    return dict(document.as_dict() if hasattr(document, "as_dict") else document)


def _text(data: dict[str, Any]) -> str:
    return str(data.get("text") or "")


def _has_prose(text: str) -> bool:
    return any(len(line.strip()) >= MIN_LINE_CHARS for line in text.splitlines())


def _optional(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _partial_date(value: object) -> PartialDate | None:
    if not isinstance(value, str) or len(value) < _MIN_DATE_CHARS:
        return None
    try:
        return PartialDate.from_iso(value[:_ISO_DAY_CHARS])
    except ValueError:
        return None
