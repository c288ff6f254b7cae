"""Dispatch URLs, feeds and WARC files (inputs beside plain files) to their readers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest._decode import decode_text
from storyline.ingest._feeds import articles_from_feed, looks_like_feed, url_id
from storyline.ingest._fetch import FetchedPage, Fetcher, HttpFetcher
from storyline.ingest._warc import articles_from_warc, is_warc_path
from storyline.model import Article, Failure
from storyline.settings import Settings

URL_PREFIXES = ("http://", "https://")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SCHEME_SEPARATOR = "://"


def is_source(name: str) -> bool:
    """Whether ``name`` is read here: a URL, a WARC file or a feed file."""
    if SCHEME_SEPARATOR in name:
        return True
    if is_warc_path(name):
        return True
    return name.lower().endswith(FEED_SUFFIXES) and _is_feed_file(Path(name))


def read_sources(
    names: Sequence[str],
    *,
    settings: Settings,
    fetcher: Fetcher | None,
    failures: list[Failure],
) -> list[Article]:
    """Read every source; a failing one is recorded and the rest go on."""
    fetcher = fetcher or _LazyFetcher(settings)
    articles: list[Article] = []
    for name in names:
        try:
            articles.extend(_read_one(name, settings, fetcher, failures))
        except IngestError as e:
            failures.append(Failure(e.source or name, e.code, _reason(e)))
    return articles


def _read_one(
    name: str, settings: Settings, fetcher: Fetcher, failures: list[Failure]
) -> list[Article]:
    if SCHEME_SEPARATOR in name:
        return _read_url(name, settings, fetcher, failures)
    if is_warc_path(name):
        return articles_from_warc(Path(name), settings=settings, failures=failures)
    data = _read_capped(Path(name), settings)
    return articles_from_feed(
        data, source=name, fetcher=fetcher, settings=settings, failures=failures
    )


def _read_url(
    url: str, settings: Settings, fetcher: Fetcher, failures: list[Failure]
) -> list[Article]:
    page = fetcher.fetch(url)
    if looks_like_feed(page.body, page.content_type):
        return articles_from_feed(
            page.body, source=url, fetcher=fetcher, settings=settings, failures=failures
        )
    text = decode_text(page.body, source=url)
    return [Article(id=url_id(url), raw=text, source=url, is_html=True, url=page.url)]


def _is_feed_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(1024))
    except OSError:
        return False


def _read_capped(path: Path, settings: Settings) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror}", source=str(path)) from e
    if len(data) > settings.max_bytes:
        raise IngestError(f"file is over max_bytes ({settings.max_bytes:,})", source=str(path))
    return data


class _LazyFetcher:
    """Build the HTTP fetcher (and import httpx) only when a URL is actually fetched."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._fetcher: HttpFetcher | None = None

    def fetch(self, url: str) -> FetchedPage:
        if self._fetcher is None:
            self._fetcher = HttpFetcher(self._settings)
        return self._fetcher.fetch(url)


def _reason(error: IngestError) -> str:
    text = str(error)
    prefix = f"[{error.code}] {error.source}: " if error.source else f"[{error.code}] "
    return text.removeprefix(prefix)
