"""Fetch URLs through one injected ``Fetcher``: the only module that speaks HTTP.

:class:`HttpFetcher` refuses schemes other than http/https, vets every address of every
redirect hop (see ``_safe_transport``), follows at most ``fetch_max_redirects`` redirects,
and cuts a response off past ``fetch_max_bytes`` or ``fetch_total_seconds``.
:class:`MockFetcher` answers from a dict, for tests and offline use.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from storyline.errors import IngestError
from storyline.settings import Settings

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
USER_AGENT = "storyline (+news brief tool)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched body with the URL it finally came from and its content type."""

    url: str
    body: bytes
    content_type: str


class Fetcher(Protocol):
    """Anything that turns a URL into a :class:`FetchedPage` or raises ``IngestError``."""

    def fetch(self, url: str) -> FetchedPage: ...


class MockFetcher:
    """Answer from a URL -> (body, content type) mapping; any other URL fails."""

    def __init__(self, pages: Mapping[str, tuple[bytes, str]]) -> None:
        self._pages = dict(pages)
        self.requested: list[str] = []

    def fetch(self, url: str) -> FetchedPage:
        self.requested.append(url)
        check_scheme(url)
        if url not in self._pages:
            raise IngestError("not found (HTTP 404); check the URL", source=url)
        body, content_type = self._pages[url]
        return FetchedPage(url, body, content_type)


def check_scheme(url: str) -> None:
    """Refuse any URL that is not http or https."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise IngestError(
            f"scheme {scheme or '(none)'!r} is not fetched; only http:// and https:// URLs are",
            source=url,
        )


class HttpFetcher:
    """Fetch over HTTP with vetted addresses and size, time and redirect caps."""

    def __init__(self, settings: Settings, *, transport: object | None = None) -> None:
        import httpx

        from storyline.ingest._safe_transport import VettingBackend, VettingTransport

        self._settings = settings
        backend = VettingBackend(allow_private=settings.fetch_allow_private)
        chosen = transport if isinstance(transport, httpx.BaseTransport) else None
        self._client = httpx.Client(
            transport=chosen or VettingTransport(backend),
            timeout=httpx.Timeout(settings.fetch_timeout_seconds),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
        )

    def fetch(self, url: str) -> FetchedPage:
        """Fetch ``url``, following redirects hop by hop; raise ``IngestError`` naming it."""
        current = url
        for _hop in range(self._settings.fetch_max_redirects + 1):
            check_scheme(current)
            status, location, page = self._fetch_once(current, original=url)
            if page is not None:
                return page
            if status in REDIRECT_STATUSES and location:
                current = urljoin(current, location)
                continue
            raise IngestError(f"HTTP {status}; check the URL", source=url)
        raise IngestError(
            f"more than {self._settings.fetch_max_redirects} redirects; "
            "raise fetch_max_redirects or give the final URL",
            source=url,
        )

    def close(self) -> None:
        self._client.close()

    def _fetch_once(self, url: str, *, original: str) -> tuple[int, str, FetchedPage | None]:
        import httpx

        try:
            with self._client.stream("GET", url) as response:
                if response.status_code in REDIRECT_STATUSES:
                    return response.status_code, response.headers.get("location", ""), None
                if response.status_code >= 400:
                    return response.status_code, "", None
                body = self._read_capped(response, original)
                content_type = response.headers.get("content-type", "")
                return response.status_code, "", FetchedPage(url, body, content_type)
        except httpx.TimeoutException as e:
            raise IngestError(self._slow_message(), source=original) from e
        except httpx.HTTPError as e:
            raise IngestError(_network_message(e), source=original) from e

    def _read_capped(self, response: object, original: str) -> bytes:
        import httpx

        if not isinstance(response, httpx.Response):
            raise TypeError("expected an httpx.Response")
        limit = self._settings.fetch_max_bytes
        deadline = time.monotonic() + self._settings.fetch_total_seconds
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise IngestError(
                    f"response is over fetch_max_bytes ({limit:,} bytes); raise the setting",
                    source=original,
                )
            if time.monotonic() > deadline:
                raise IngestError(self._slow_message(), source=original)
            chunks.append(chunk)
        return b"".join(chunks)

    def _slow_message(self) -> str:
        return (
            f"too slow: no full response within {self._settings.fetch_total_seconds:g} s "
            f"(or a {self._settings.fetch_timeout_seconds:g} s pause); "
            "raise fetch_total_seconds / fetch_timeout_seconds or retry later"
        )


def _network_message(error: Exception) -> str:
    from storyline.ingest._safe_transport import RefusedAddressError

    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, RefusedAddressError):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return f"{cause}; pass --allow-private to fetch from private or local hosts"
    return f"cannot fetch: {error}"
