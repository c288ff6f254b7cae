"""Turn an RSS/Atom feed into Articles: each item's page fetched, titled and dated from the feed."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from storyline.errors import IngestError
from storyline.ingest._decode import decode_text
from storyline.ingest._fetch import Fetcher
from storyline.model import Article, Failure, PartialDate
from storyline.settings import Settings

FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")
FEED_CONTENT_TYPES = ("rss", "atom", "application/xml", "text/xml")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether ``data`` is an RSS/Atom document (by content type or its first element)."""
    if any(kind in content_type.lower() for kind in FEED_CONTENT_TYPES[:2]):
        return True
    head = data[:1024].decode("utf-8", errors="replace").lstrip().lower()
    head = head.split("?>", 1)[-1].lstrip() if head.startswith("<?xml") else head
    return head.startswith(FEED_MARKERS)


def url_id(url: str) -> str:
    """The id of an article known by its URL (as for JSONL records with a url)."""
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def articles_from_feed(
    data: bytes,
    *,
    source: str,
    fetcher: Fetcher,
    settings: Settings,
    failures: list[Failure],
) -> list[Article]:
    """Fetch every item's page; an item that fails is recorded and the rest go on."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        raise IngestError(
            f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check the file",
            source=source,
        )
    outlet = _clean(parsed.feed.get("title"))
    articles = []
    for position, entry in enumerate(parsed.entries[: settings.feed_max_items]):
        where = f"{source}#item{position + 1}"
        try:
            articles.append(_article_from_entry(entry, outlet, fetcher, where))
        except IngestError as e:
            failures.append(Failure(e.source or where, e.code, _reason(e)))
    return articles


def _article_from_entry(entry: Any, outlet: str | None, fetcher: Fetcher, where: str) -> Article:
    link = _clean(entry.get("link"))
    if link is None:
        raise IngestError("feed item has no link to fetch; skipped", source=where)
    page = fetcher.fetch(link)
    return Article(
        id=url_id(link),
        raw=decode_text(page.body, source=link),
        source=link,
        is_html=True,
        title=_clean(entry.get("title")),
        url=link,
        outlet=outlet,
        published=_published(entry),
    )


def _published(entry: Any) -> PartialDate | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(stamp, time.struct_time):
        return None
    return PartialDate.from_iso(time.strftime("%Y-%m-%d", stamp))


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _reason(error: IngestError) -> str:
    text = str(error)
    prefix = f"[{error.code}] {error.source}: " if error.source else f"[{error.code}] "
    return text.removeprefix(prefix)
