"""Extract the main text and metadata of an HTML page with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from storyline.model import PartialDate


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
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if document is None:
        return Extracted(text="")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return Extracted(
        text=str(data.get("text") or ""),
        title=data.get("title") or None,
        outlet=data.get("sitename") or None,
        url=data.get("url") or url,
        published=_partial_date(data.get("date")),
    )


def _partial_date(value: object) -> PartialDate | None:
    if not isinstance(value, str) or len(value) < 4:
        return None
    try:
        return PartialDate.from_iso(value[:10])
    except ValueError:
        return None
