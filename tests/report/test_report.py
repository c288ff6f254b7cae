from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Brief
from storyline.pipeline import build_brief
from storyline.report import render_json, render_markdown, validate_brief
from storyline.report.check import check_brief
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    return build_brief([str(EXAMPLES)]).brief


@pytest.fixture(scope="module")
def seed_data(seed_brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_json(seed_brief))
    return data


def test_report_json_of_the_seed_brief_follows_the_schema(seed_data: dict[str, Any]) -> None:
    assert validate_brief(seed_data) == []
    assert seed_data["schema"] == "storyline.brief/1"
    assert len(seed_data["articles"]) == 5
    assert seed_data["places"] and seed_data["actors"] and seed_data["figures"]


def test_report_json_passes_the_citation_checker(seed_data: dict[str, Any]) -> None:
    assert check_brief(seed_data) == []


def test_report_checker_catches_a_span_that_does_not_hold_the_figure(
    seed_data: dict[str, Any],
) -> None:
    broken = json.loads(json.dumps(seed_data))
    citation = broken["figures"][0]["values"][0]["citation"]
    citation["start"], citation["end"] = 0, 5
    problems = check_brief(broken)
    assert len(problems) == 1 and problems[0].startswith("figures[0].values[0]")


def test_report_checker_catches_offsets_outside_the_article(seed_data: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(seed_data))
    broken["places"][0]["citations"][0]["end"] = 10**9
    assert any("outside article" in problem for problem in check_brief(broken))


def test_report_schema_rejects_a_missing_field(seed_data: dict[str, Any]) -> None:
    broken = {key: value for key, value in seed_data.items() if key != "figures"}
    assert any("figures" in problem for problem in validate_brief(broken))


def test_report_markdown_lists_sources_and_what_was_removed(seed_brief: Brief) -> None:
    text = render_markdown(seed_brief)
    assert text.startswith("# ")
    assert "## Places" in text and "## Actors" in text and "## Figures" in text
    for clean in seed_brief.articles:
        assert f"**{clean.id}**" in text
    assert "removed (off_topic)" in text


def test_report_every_span_indexes_the_text_it_claims(seed_brief: Brief) -> None:
    texts = {clean.id: clean.text for clean in seed_brief.articles}
    for group in seed_brief.figures:
        for value in group.values:
            cite = value.citation
            assert texts[cite.article][cite.start : cite.end] == value.text
    for place in seed_brief.places:
        surface = {place.name.casefold(), *(alias.casefold() for alias in place.aliases)}
        for cite in place.citations:
            assert texts[cite.article][cite.start : cite.end].casefold() in surface
    for actor in seed_brief.actors:
        surface = {actor.name.casefold(), *(alias.casefold() for alias in actor.aliases)}
        for cite in actor.citations:
            assert texts[cite.article][cite.start : cite.end].casefold() in surface


@pytest.mark.issue(10)
def test_report_markdown_shows_the_cited_headline(seed_brief: Brief) -> None:
    assert seed_brief.headline is not None
    text = render_markdown(seed_brief)
    cite = seed_brief.headline.citations[0]
    assert f"**{seed_brief.headline.text}** [{cite.article}:{cite.start}-{cite.end}]" in text


@pytest.mark.issue(12)
def test_report_markdown_makes_article_html_and_links_inert(tmp_path: Path) -> None:
    record = {
        "id": "hostile",
        "title": "<script>alert(1)</script> Rebels take [Kaldor](javascript:alert(3))",
        "text": "Rebels took the northern town of Kaldor on Friday after a week of heavy "
        "fighting.\n\nOfficials said about 300 families <img src=x onerror=alert(2)> fled "
        "across the river on Saturday.",
    }
    (tmp_path / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = build_brief([str(tmp_path / "hostile.jsonl")])
    text = render_markdown(result.brief)
    assert "<script" not in text and "<img" not in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # no link can form
    assert "&lt;script&gt;" in text and "&lt;img src=x" in text  # still shown, as text
    assert "<img src=x" in result.brief.articles[0].text  # the cited text stays exact
