from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import lxml.html
import pytest

from storyline.model import (
    Actor,
    Brief,
    Citation,
    CitedLine,
    FigureGroup,
    FigureValue,
    PartialDate,
    Place,
    Removed,
)
from storyline.pipeline import build_brief
from storyline.report import render, render_html
from storyline.report._html_assets import JS
from storyline.report._html_marks import CitedSpan, render_marked
from tests.builders import make_clean
from tests.conftest import EXAMPLES

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "source", "area", "col"}
SVG_EMPTY = {"line", "circle"}


def _sentence_around(text: str, start: int, end: int) -> Citation | None:
    """Cite the sentence of ``text`` that holds ``start:end`` (between '. ' or line breaks)."""
    begin = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i + 1 for i in (text.find(". ", end), text.find(".\n", end)) if i != -1]
    stop = min([*stops, len(text)])
    return Citation("?", begin, stop) if begin < start else None


def _sentences(brief: Brief, count: int) -> list[Citation]:
    """Real sentences of the seed articles: the ones holding a figure, one per article first."""
    texts = {clean.id: clean.text for clean in brief.articles}
    found: list[Citation] = []
    for group in brief.figures:
        for value in group.values:
            cite = value.citation
            around = _sentence_around(texts[cite.article], cite.start, cite.end)
            if around and all(c.article != cite.article for c in found):
                found.append(dataclasses.replace(around, article=cite.article))
    return found[:count]


def _line(brief: Brief, cites: list[Citation], date: PartialDate | None = None) -> CitedLine:
    texts = {clean.id: clean.text for clean in brief.articles}
    first = cites[0]
    return CitedLine(texts[first.article][first.start : first.end], tuple(cites), date)


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    return build_brief([str(EXAMPLES)]).brief


@pytest.fixture(scope="module")
def full_brief(seed_brief: Brief) -> Brief:
    """The seed brief with a headline, summary, timeline and non-single figure groups."""
    sents = _sentences(seed_brief, 4)
    assert len(sents) == 4
    first, second = seed_brief.figures[0].values[0], seed_brief.figures[1].values[0]
    conflict = FigureGroup(
        "fighters", "conflict", (first, second), conservative=min(first.value, second.value)
    )
    changed = FigureGroup("people held", "changed", seed_brief.figures[2].values, unit="people")
    return dataclasses.replace(
        seed_brief,
        headline=_line(seed_brief, [sents[0]]),
        summary=tuple(_line(seed_brief, [cite]) for cite in sents[1:]),
        timeline=(_line(seed_brief, [sents[3], sents[0]], PartialDate(2019, 3, 18)),),
        figures=(conflict, changed, *seed_brief.figures[3:]),
    )


@pytest.fixture(scope="module")
def full_page(full_brief: Brief) -> str:
    return render_html(full_brief)


def _tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


class _Balance(HTMLParser):
    """Record tags closed out of order (a sign of broken markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def _balance_errors(page: str) -> list[str]:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    return parser.errors + parser.stack


def test_html_has_every_section_of_a_full_brief(full_page: str) -> None:
    tree = _tree(full_page)
    sections = [section.get("id") for section in tree.iter("section")]
    assert sections == ["summary", "timeline", "figures", "places", "actors", "articles"]
    assert len(tree.find_class("headline")) == 1
    assert len(tree.xpath("//ol[@class='timeline']/li")) == 1
    assert tree.xpath("//svg[@class='map']//circle")
    assert len(tree.xpath("//article[@class='source']")) == 5


def test_html_summary_citations_resolve_to_the_cited_span(
    full_brief: Brief, full_page: str
) -> None:
    tree = _tree(full_page)
    texts = {clean.id: clean.text for clean in full_brief.articles}
    links = tree.xpath("//section[@id='summary']//a[@href]")
    assert len(links) == 4
    for link, line in zip(links, [full_brief.headline, *full_brief.summary], strict=True):
        assert line is not None
        cite = line.citations[0]
        target = tree.get_element_by_id(link.get("href")[1:])
        assert target.tag == "mark"
        assert target.text_content() == texts[cite.article][cite.start : cite.end]
        assert target.text_content() == line.text


def test_html_timeline_and_figure_links_resolve(full_brief: Brief, full_page: str) -> None:
    tree = _tree(full_page)
    texts = {clean.id: clean.text for clean in full_brief.articles}
    timeline = tree.xpath("//section[@id='timeline']//a[@href]")
    assert [a.get("href") for a in timeline][1:] == [
        tree.xpath("//p[@class='headline']/a")[0].get("href")
    ]
    assert tree.xpath("//ol[@class='timeline']//time")[0].get("datetime") == "2019-03-18"
    for group in full_brief.figures[:2]:
        for value in group.values:
            cite = value.citation
            marks = tree.xpath(f"//mark[@data-cite='{_anchor(full_brief, cite)}']")
            joined = "".join(mark.text_content() for mark in marks)
            assert joined == texts[cite.article][cite.start : cite.end] == value.text


def _anchor(brief: Brief, cite: Citation) -> str:
    index = [clean.id for clean in brief.articles].index(cite.article)
    return f"c{index}-{cite.start}-{cite.end}"


def test_html_article_text_is_kept_whole_under_the_marks(full_brief: Brief, full_page: str) -> None:
    tree = _tree(full_page)
    bodies = tree.xpath("//article[@class='source']/div[@class='text']")
    assert [body.text_content() for body in bodies] == [c.text for c in full_brief.articles]
    assert _balance_errors(full_page) == []


def test_html_highlights_conflicts_and_changes(full_page: str) -> None:
    tree = _tree(full_page)
    rows = tree.xpath("//section[@id='figures']//tbody/tr")
    assert rows[0].get("class") == "status-conflict"
    assert rows[1].get("class") == "status-changed"
    assert len(rows[0].find_class("chip")) == 2
    assert len(rows[0].find_class("conservative")) == 1


def test_html_lists_what_was_removed_and_why(seed_brief: Brief, full_page: str) -> None:
    tree = _tree(full_page)
    reasons = [span.text for span in tree.xpath("//ul[@class='removed']/li/span[@class='reason']")]
    assert len(reasons) == sum(len(clean.removed) for clean in seed_brief.articles)
    assert "caption" in reasons and "boilerplate" in reasons


def test_html_makes_no_external_request(full_page: str) -> None:
    tree = _tree(full_page)
    for element in tree.iter():
        for name in ("src", "href", "xlink:href", "action", "data", "poster"):
            value = element.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)
    assert not tree.xpath("//link | //iframe | //img | //object | //embed")
    for script in tree.iter("script"):
        assert script.get("src") is None and not re.search(r"https?:", script.text or "")
    style = "".join(style.text or "" for style in tree.iter("style"))
    assert "url(" not in style and "@import" not in style
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp


PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"quoted\" 'single'")


@pytest.fixture(scope="module")
def hostile_brief() -> Brief:
    text = (
        "Officials said 1,200 people left <script>alert(1)</script> the town.\n\n"
        "A second line <img src=x onerror=alert(1)> with \"quoted\" 'single' words & more."
    )
    clean = dataclasses.replace(
        make_clean(text, id="x<1>", published="2019-03-18"),
        title='<script>alert("t")</script>',
        outlet="<b>Outlet</b>",
        url="javascript:alert(1)",
        removed=(Removed("<img src=x onerror=alert(2)>", 'caption"><script>'),),
    )
    first = text.index("Officials")
    first_end = text.index("\n")
    second = text.index("A second")
    whole = Citation(clean.id, first, first_end)
    figure = Citation(clean.id, text.index("1,200"), text.index(" left"))
    return Brief(
        title="<script>alert('title')</script>",
        articles=(clean,),
        headline=CitedLine(text[first:first_end], (whole,)),
        summary=(CitedLine(text[second:], (Citation(clean.id, second, len(text)),)),),
        timeline=(CitedLine(text[first:first_end], (whole,), PartialDate(2019, 3, 18)),),
        figures=(
            FigureGroup(
                '<i onmouseover="x">people</i>',
                "single",
                (FigureValue(1200.0, "1,200 people", figure),),
            ),
        ),
        places=(Place("<svg onload=alert(1)>", ("\"'",), 35.0, 40.0, "SY", "city", (whole,)),),
        actors=(Actor("<a href='https://evil.example'>x</a>", "group", (), (whole,)),),
    )


def test_html_escapes_hostile_article_text(hostile_brief: Brief) -> None:
    page = render_html(hostile_brief)
    tree = _tree(page)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and scripts[0].text == JS
    handlers = [
        (element.tag, name)
        for element in tree.iter()
        for name in element.attrib
        if name.lower().startswith("on")
    ]
    assert handlers == []
    assert not tree.xpath("//img | //svg[not(@class='map')] | //i | //b | //a[not(@href)]")
    assert all(a.get("href").startswith("#") for a in tree.xpath("//a"))
    body = tree.xpath("//div[@class='text']")[0].text_content()
    assert body == hostile_brief.articles[0].text
    for payload in PAYLOADS:
        assert payload in body
    assert "<script>alert('title')</script>" in tree.findtext(".//h1")
    assert "<svg onload=alert(1)>" in tree.xpath("//section[@id='places']//td")[0].text_content()
    assert _balance_errors(page) == []


def test_html_crossing_spans_keep_the_markup_balanced() -> None:
    text = "alpha beta gamma delta epsilon"
    spans = [
        CitedSpan(6, 22, "one", "line"),  # beta gamma delta
        CitedSpan(0, 16, "two", "line"),  # alpha beta gamma: crosses "one"
        CitedSpan(11, 16, "three", "fig"),  # gamma: inside both
        CitedSpan(11, 16, "four", "fig"),  # the same span again
        CitedSpan(30, 30, "five", "fig"),  # empty, at the very end
    ]
    html = render_marked(text, spans)
    assert _balance_errors(html) == []
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert tree.text_content() == text
    for span in spans:
        parts = tree.xpath(f".//mark[@data-cite='{span.anchor}']")
        assert "".join(part.text_content() for part in parts) == text[span.start : span.end]
        assert len(tree.xpath(f".//mark[@id='{span.anchor}']")) == 1
    assert tree.get_element_by_id("one").text_content() == "beta gamma delta"


def test_html_marks_escape_text_between_spans() -> None:
    html = render_marked("a<b & c>d", [CitedSpan(2, 7, "s", "line")])
    assert html == 'a&lt;<mark id="s" class="line" data-cite="s">b &amp; c</mark>&gt;d'


def test_html_of_an_empty_brief_is_a_valid_page() -> None:
    page = render(Brief(title="", articles=()), "html")
    tree = _tree(page)
    assert tree.findtext(".//h1") == "Untitled event"
    assert [section.get("id") for section in tree.iter("section")] == []
    assert _balance_errors(page) == []


def test_html_citation_to_a_missing_article_is_not_a_link(full_brief: Brief) -> None:
    stray = CitedLine("ghost", (Citation("no-such-article", 0, 5),))
    page = render_html(dataclasses.replace(full_brief, summary=(stray,)))
    tree = _tree(page)
    assert not tree.xpath("//section[@id='summary']//ol//a")
    assert tree.xpath("//section[@id='summary']//ol//span[@class='cite']")
