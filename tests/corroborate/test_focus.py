"""Topic focus on real articles: the seed event with stories of another event mixed in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate.focus import find_off_topic
from storyline.ingest import read
from storyline.model import AnalyzedArticle
from storyline.pipeline import assemble_brief
from storyline.report import render_html, render_markdown
from storyline.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "baghouz"
OIL_SPILL = "timeline17/bpoil_bbc/InputDocs"


def _analyzed(paths: list[Path]) -> tuple[AnalyzedArticle, ...]:
    return tuple(analyze(clean(read([str(p) for p in paths]).articles)))


@pytest.fixture(scope="module")
def seeds() -> tuple[AnalyzedArticle, ...]:
    return _analyzed(sorted(EXAMPLES.glob("*.txt")))


@pytest.fixture(scope="module")
def oil_stories(shared_data: Path) -> tuple[AnalyzedArticle, ...]:
    paths = sorted(p for p in (shared_data / OIL_SPILL).glob("*/*.txt") if p.stat().st_size)
    return _analyzed(paths[40:42])


def test_focus_keeps_every_article_of_one_event(seeds: tuple[AnalyzedArticle, ...]) -> None:
    assert len(seeds) == 5
    assert find_off_topic(seeds) == ()


def test_focus_finds_the_stories_of_another_event(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    off = find_off_topic(seeds + oil_stories)
    assert {part.article for part in off} == {a.id for a in oil_stories}
    assert all(part.reason.startswith("not about ") and part.closeness < 1 for part in off)


def test_focus_needs_enough_articles_for_a_centre(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    assert find_off_topic(seeds[:2] + oil_stories[:1]) == ()


def test_focus_off_topic_articles_are_listed_not_briefed(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    brief = assemble_brief(seeds + oil_stories)
    away = {a.id for a in oil_stories}
    assert {part.article for part in brief.off_topic} == away
    assert {a.id for a in brief.articles} == {a.id for a in seeds + oil_stories}
    lines = brief.summary + brief.timeline + ((brief.headline,) if brief.headline else ())
    cited = {c.article for line in lines for c in line.citations}
    cited |= {v.citation.article for group in brief.figures for v in group.values}
    assert cited and not cited & away
    data = brief.to_dict()
    assert {part["article"] for part in data["off_topic"]} == away


def test_focus_can_be_turned_off(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    brief = assemble_brief(seeds + oil_stories, settings=Settings(topic_focus=False))
    assert brief.off_topic == ()


def test_focus_page_of_several_stories_keeps_its_part_about_the_event(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    """A page with an oil-spill story first and a Baghouz report after it is cut, not dropped."""
    oil, seed = oil_stories[0], seeds[1]
    text = oil.clean.text + "\n" + seed.clean.text
    page = _analyzed_text(text)
    off = find_off_topic((*seeds, page))
    assert [part.article for part in off] == [page.id]
    parts = off[0].parts
    assert parts, "the Baghouz report on the page is kept"
    boundary = page.clean.text.find(seed.clean.text[:80])
    assert boundary > 0
    cut_before = sum(min(end, boundary) - start for start, end in parts if start < boundary)
    cut_after = sum(end - max(start, boundary) for start, end in parts if end > boundary)
    assert cut_before > 0.8 * boundary  # the oil story is off topic
    assert cut_after < 0.5 * (len(page.clean.text) - boundary)  # most of the report is kept


def _analyzed_text(text: str) -> AnalyzedArticle:
    return next(iter(analyze(clean(read(["-"], stdin=io.BytesIO(text.encode())).articles))))


def test_focus_reports_say_what_is_left_out(
    seeds: tuple[AnalyzedArticle, ...], oil_stories: tuple[AnalyzedArticle, ...]
) -> None:
    brief = assemble_brief(seeds + oil_stories)
    markdown = render_markdown(brief)
    html = render_html(brief)
    for part in brief.off_topic:
        assert part.describe() in markdown
        assert "left out" in part.describe() and part.reason in part.describe()
    assert html.count('class="off-topic"') == len(brief.off_topic)
