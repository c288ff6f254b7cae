from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from storyline.clean import clean
from storyline.ingest import read
from storyline.ingest._fetch import MockFetcher
from storyline.settings import Settings
from tests.ingest.local_server import Routes, serve

PARAGRAPH = (
    "The river rose two metres overnight and the council opened three shelters "
    "near the old bridge, officials said on Tuesday."
)


def _html(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></article>"
        "</body></html>"
    ).encode()


def _feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/s{n}.html</link>"
        f"<pubDate>Tue, 0{n} Mar 2026 10:00:00 GMT</pubDate></item>"
        for n in (1, 2, 3)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def test_read_feed_url_makes_one_article_per_item_and_skips_a_failing_one() -> None:
    routes = Routes()
    with serve(routes) as base:
        routes.pages["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, _feed(base))
        for n in (1, 3):
            routes.pages[f"/s{n}.html"] = (200, {"Content-Type": "text/html"}, _html(f"S{n}"))
        result = read([base + "/feed.xml"], settings=Settings(fetch_allow_private=True))
    assert [a.title for a in result.articles] == ["Story 1", "Story 3"]
    first = result.articles[0]
    assert first.url == base + "/s1.html" and first.outlet == "Valley Courier"
    assert first.published is not None and first.published.iso() == "2026-03-01"
    assert first.is_html and first.id.startswith("url-")
    assert [f.source for f in result.failures] == [base + "/s2.html"]
    cleaned = clean(result.articles)
    assert PARAGRAPH in cleaned[0].text and "Home | World" not in cleaned[0].text


def test_read_feed_file_fetches_its_items(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_bytes(_feed("https://n.test"))
    fetcher = MockFetcher({"https://n.test/s2.html": (_html("S2"), "text/html")})
    result = read([str(feed)], fetcher=fetcher)
    assert [a.url for a in result.articles] == ["https://n.test/s2.html"]
    assert len(result.failures) == 2


def test_read_url_page_and_bad_url_go_on_together() -> None:
    routes = Routes(pages={"/p.html": (200, {"Content-Type": "text/html"}, _html("P"))})
    with serve(routes) as base:
        result = read(
            [base + "/p.html", "ftp://n.test/x", base + "/gone.html"],
            settings=Settings(fetch_allow_private=True),
        )
    assert [a.url for a in result.articles] == [base + "/p.html"]
    assert {f.source for f in result.failures} == {"ftp://n.test/x", base + "/gone.html"}


def test_read_url_without_allow_private_fails_with_the_fix_named() -> None:
    result = read(["http://127.0.0.1:9/p.html"])
    assert not result.articles
    assert "--allow-private" in result.failures[0].message


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, kind, status, body in [
            ("https://n.test/a", "text/html; charset=utf-8", "200 OK", _html("A")),
            ("https://n.test/logo.png", "image/png", "200 OK", b"\x89PNG"),
            ("https://n.test/gone", "text/html", "404 Not Found", b"<p>no</p>"),
            ("https://n.test/b", "text/html", "200 OK", _html("B")),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_read_warc_gives_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    with gzip.open(path) as members:
        assert members.read().count(b"WARC/1.") >= 4
    result = read([str(path)])
    assert [a.url for a in result.articles] == ["https://n.test/a", "https://n.test/b"]
    assert all(a.is_html and PARAGRAPH in a.raw for a in result.articles)
    assert not result.failures


def test_read_broken_warc_is_one_failure_and_other_inputs_go_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file\n" * 3)
    good = tmp_path / "note.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    result = read([str(bad), str(good)])
    assert [a.id for a in result.articles] == ["note"]
    assert result.failures[0].source == str(bad)
