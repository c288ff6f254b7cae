from __future__ import annotations

import pytest

from storyline.errors import IngestError
from storyline.ingest._fetch import HttpFetcher, MockFetcher
from storyline.ingest._safe_transport import VettingBackend, VettingTransport
from storyline.settings import Settings
from tests.ingest.local_server import Routes, serve

PUBLIC_STAND_IN = "93.184.216.34"  # resolved for "news.test"; dialled as the local server


def _page(body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html"}, body


def _fetcher_via_public_name(base: str, settings: Settings) -> HttpFetcher:
    """Resolve news.test to a global address (allowed) but dial the local server instead."""
    port = int(base.rsplit(":", 1)[1])

    def resolve(host: str, _port: int) -> list[str]:
        if host != "news.test":
            raise AssertionError(f"test resolved an unexpected host {host}")
        return [PUBLIC_STAND_IN]

    def dial(ip: str, _port: int) -> tuple[str, int]:
        if ip != PUBLIC_STAND_IN:
            raise AssertionError(f"test dialled an unexpected address {ip}")
        return "127.0.0.1", port

    backend = VettingBackend(allow_private=False, resolve=resolve, dial=dial)
    return HttpFetcher(settings, transport=VettingTransport(backend))


def test_fetch_reads_a_local_page_with_allow_private() -> None:
    routes = Routes(pages={"/a.html": _page(b"<html><body><p>Hello</p></body></html>")})
    with serve(routes) as base:
        page = HttpFetcher(Settings(fetch_allow_private=True)).fetch(base + "/a.html")
    assert page.body.startswith(b"<html>") and page.content_type == "text/html"


def test_fetch_refuses_a_local_host_without_allow_private() -> None:
    routes = Routes(pages={"/a.html": _page(b"<p>x</p>")})
    with serve(routes) as base, pytest.raises(IngestError, match=r"loopback.*--allow-private"):
        HttpFetcher(Settings()).fetch(base + "/a.html")
    assert routes.hits == []


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:9/x",
        "http://10.0.0.8/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:9/x",
    ],
)
def test_fetch_refuses_a_redirect_from_an_allowed_host_to_a_private_one(target: str) -> None:
    routes = Routes(pages={"/go": (302, {"Location": target}, b"")})
    with serve(routes) as base:
        fetcher = _fetcher_via_public_name(base, Settings())
        with pytest.raises(IngestError, match=r"refused.*--allow-private") as caught:
            fetcher.fetch("http://news.test/go")
    assert routes.hits == ["/go"]
    assert caught.value.source == "http://news.test/go"


def test_fetch_follows_a_redirect_and_keeps_the_host_header() -> None:
    routes = Routes(
        pages={"/go": (301, {"Location": "/b.html"}, b""), "/b.html": _page(b"<p>B</p>")}
    )
    with serve(routes) as base:
        page = _fetcher_via_public_name(base, Settings()).fetch("http://news.test/go")
    assert page.body == b"<p>B</p>" and page.url == "http://news.test/b.html"


def test_fetch_stops_after_the_redirect_cap() -> None:
    routes = Routes(pages={"/loop": (302, {"Location": "/loop"}, b"")})
    with serve(routes) as base:
        fetcher = HttpFetcher(Settings(fetch_allow_private=True, fetch_max_redirects=2))
        with pytest.raises(IngestError, match="more than 2 redirects"):
            fetcher.fetch(base + "/loop")
    assert len(routes.hits) == 3


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.test/a", "gopher://x/"])
def test_fetch_refuses_schemes_other_than_http(url: str) -> None:
    with pytest.raises(IngestError, match="only http:// and https://"):
        HttpFetcher(Settings()).fetch(url)


def test_fetch_refuses_a_redirect_to_a_file_url() -> None:
    routes = Routes(pages={"/go": (302, {"Location": "file:///etc/passwd"}, b"")})
    with serve(routes) as base, pytest.raises(IngestError, match="scheme 'file'"):
        HttpFetcher(Settings(fetch_allow_private=True)).fetch(base + "/go")


def test_fetch_cuts_off_an_oversize_response() -> None:
    routes = Routes(pages={"/big": _page(b"x" * 5000)})
    with serve(routes) as base:
        fetcher = HttpFetcher(Settings(fetch_allow_private=True, fetch_max_bytes=1000))
        with pytest.raises(IngestError, match="over fetch_max_bytes"):
            fetcher.fetch(base + "/big")


def test_fetch_cuts_off_a_response_that_trickles_past_the_total_time() -> None:
    routes = Routes(slow={"/slow"})
    with serve(routes) as base:
        fetcher = HttpFetcher(Settings(fetch_allow_private=True, fetch_total_seconds=0.5))
        with pytest.raises(IngestError, match="too slow"):
            fetcher.fetch(base + "/slow")


def test_fetch_gives_up_on_a_server_that_stalls_before_answering() -> None:
    routes = Routes(pages={"/stall": _page(b"<p>late</p>")}, stall={"/stall"})
    with serve(routes) as base:
        fetcher = HttpFetcher(Settings(fetch_allow_private=True, fetch_timeout_seconds=0.3))
        with pytest.raises(IngestError, match="too slow"):
            fetcher.fetch(base + "/stall")


def test_mock_fetcher_answers_known_urls_and_fails_others() -> None:
    fetcher = MockFetcher({"https://n.test/a": (b"<p>A</p>", "text/html")})
    assert fetcher.fetch("https://n.test/a").body == b"<p>A</p>"
    with pytest.raises(IngestError, match="404"):
        fetcher.fetch("https://n.test/b")
