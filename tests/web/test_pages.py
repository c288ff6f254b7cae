"""The HTML pages, in-process: content, citation links, escaping and security headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.web.conftest import ODD_ID, Seeded

ATTRIBUTE = re.compile(r'\s(href|src|action)="([^"]*)"')


class _TextOf(HTMLParser):
    """Collect the text inside the element with one id (nested elements included)."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.parts = element_id, 0, list[str]()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    parser = _TextOf(element_id)
    parser.feed(html)
    return "".join(parser.parts)


def test_pages_index_lists_events_and_search_hits(client: TestClient, seeded: Seeded) -> None:
    html = client.get("/").text
    assert f'href="/events/{seeded.seed_event}"' in html
    found = client.get("/", params={"q": "Baghouz"}).text
    assert "<mark>Baghouz</mark>" in found and seeded.xss_event not in found


def test_pages_event_shows_every_section(client: TestClient, seeded: Seeded) -> None:
    brief = seeded.seed_brief
    html = client.get(f"/events/{seeded.seed_event}").text
    for section in ("summary", "timeline", "figures", "places", "actors", "sources"):
        assert f'<section id="{section}">' in html
    dated = sum(1 for line in brief.timeline if line.date is not None)
    assert html.count('<circle class="entry"') == dated
    assert html.count('<path class="land"') > 5 and '<circle class="place"' in html
    statuses = {group.status for group in brief.figures}
    assert all(f'<span class="badge {status}">' in html for status in statuses)
    assert html.count('<li id="source-') == len(brief.articles)


def test_pages_citation_links_open_the_span(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/events/{seeded.seed_event}").text
    line = seeded.seed_brief.summary[0]
    cite = line.citations[0]
    href = (
        f"/articles/{cite.article}?start={cite.start}&amp;end={cite.end}#c-{cite.start}-{cite.end}"
    )
    assert href in html
    article = client.get(f"/articles/{cite.article}?start={cite.start}&end={cite.end}").text
    assert f'<mark id="c-{cite.start}-{cite.end}" class="line hit"' in article
    assert text_of(article, f"c-{cite.start}-{cite.end}") == line.text


def test_pages_article_ignores_span_out_of_range(client: TestClient, seeded: Seeded) -> None:
    clean = seeded.seed_brief.articles[0]
    end = len(clean.text) + 10
    html = client.get(f"/articles/{clean.id}?start=0&end={end}").text
    assert "is not inside this article" in html and "line hit" not in html


def test_pages_unknown_ids_render_html_404(client: TestClient) -> None:
    for url in ("/events/nope", "/articles/nope", "/no-such-page"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>Not found</h1>" in response.text


def test_pages_send_security_headers(client: TestClient, seeded: Seeded) -> None:
    for url in ("/", f"/events/{seeded.seed_event}", "/api/events", "/static/storyline.js"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_pages_load_nothing_from_elsewhere(client: TestClient, seeded: Seeded) -> None:
    for url in ("/", f"/events/{seeded.seed_event}", f"/events/{seeded.xss_event}"):
        html = client.get(url).text
        assert all(value.startswith(("/", "#")) for _, value in ATTRIBUTE.findall(html)), url
        assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []  # no inline script
        assert " style=" not in html


def test_pages_escape_article_payloads(client: TestClient, seeded: Seeded) -> None:
    pages = [client.get(f"/events/{seeded.xss_event}").text, client.get("/articles/xss-probe").text]
    for html in pages:
        assert "<script>window.__pwned" not in html and "<svg onload" not in html
        assert "<img src=x" not in html and 'href="javascript:' not in html
        assert "onmouseover=window" not in html.replace("&lt;b onmouseover=window", "")
    article = pages[1]
    assert "&lt;script&gt;window.__pwned=1;alert(" in article
    assert "&lt;svg onload=window.__pwned=4&gt;" in article
    assert "Flood &lt;script&gt;x&lt;/script&gt;" in pages[0]  # the event title too


def test_pages_quote_odd_article_ids(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/events/{seeded.xss_event}").text
    quoted = "/articles/wire%2F2024%20flood%3Fpart%3D2%23b"
    assert f'href="{quoted}"' in html
    article = client.get(quoted)
    assert article.status_code == 200 and "Relief convoys reached Kassala" in article.text
    assert client.get(f"/api{quoted}").json()["id"] == ODD_ID
