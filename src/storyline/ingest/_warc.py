"""Read HTML responses out of WARC files (news crawls, Common Crawl News), streaming.

warcio reads record by record and inflates gzip members as it goes, so a multi-gigabyte
crawl is never loaded whole; each response body is capped at ``max_bytes``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import IngestError
from storyline.ingest._decode import decode_text
from storyline.ingest._feeds import url_id
from storyline.model import Article, Failure
from storyline.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"
WARC_START = b"WARC/"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_path(name: str) -> bool:
    """Whether ``name`` names a WARC file by its suffix."""
    return name.lower().endswith(WARC_SUFFIXES)


def articles_from_warc(path: Path, *, settings: Settings, failures: list[Failure]) -> list[Article]:
    """Every HTML response in the WARC file as an Article; a bad record never stops the file."""
    try:
        _check_warc_start(path)
        with path.open("rb") as stream:
            return list(_iter_articles(stream, str(path), settings, failures))
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror}", source=str(path)) from e


def _check_warc_start(path: Path) -> None:
    """Refuse a file whose first record (inflated if gzip) does not open with ``WARC/``."""
    with path.open("rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == GZIP_MAGIC else open
    try:
        with opener(path, "rb") as stream:
            start = stream.read(len(WARC_START))
    except (OSError, EOFError) as e:
        raise IngestError(
            f"not a readable WARC file ({e}); check the file", source=str(path)
        ) from e
    if start != WARC_START:
        raise IngestError("not a WARC file (no WARC/ header at the start)", source=str(path))


def _iter_articles(
    stream: Any, source: str, settings: Settings, failures: list[Failure]
) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if not _is_html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            try:
                yield _article(record, url, settings)
            except IngestError as e:
                failures.append(Failure(url or source, e.code, str(e).split(": ", 1)[-1]))
    except ArchiveLoadFailed as e:
        raise IngestError(f"not a readable WARC file ({e}); check the file", source=source) from e
    if records == 0:
        raise IngestError("no WARC record found; check that this is a WARC file", source=source)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _article(record: Any, url: str, settings: Settings) -> Article:
    body = record.content_stream().read(settings.max_bytes + 1)
    if len(body) > settings.max_bytes:
        raise IngestError(f"response is over max_bytes ({settings.max_bytes:,})", source=url)
    return Article(
        id=url_id(url),
        raw=decode_text(body, source=url),
        source=url,
        is_html=True,
        url=url or None,
    )
