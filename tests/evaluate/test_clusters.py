"""Tests of the dev-cluster scorer: each check passes and fails on small hand-built briefs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.evaluate import _cluster_checks as checks
from storyline.evaluate.clusters import evaluate_clusters, score_brief

CLUSTERS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "clusters"
TEXT = "Protesters marched in Cairo on Tuesday. At least 300 people were killed."


def _brief(**fields: Any) -> dict[str, Any]:
    brief: dict[str, Any] = {
        "event": {"headline": {"text": "Mubarak faces protests", "citations": []}},
        "articles": [
            {
                "id": "x-2011-01-25-1",
                "published": "2011-01-25",
                "text": TEXT,
                "outlet": "cnn",
                "same_story_as": ["x-2011-01-26-2"],
            },
            {
                "id": "x-2011-01-26-2",
                "published": "2011-01-26",
                "text": "Other.",
                "outlet": "cnn",
                "same_story_as": [],
            },
        ],
        "summary": [],
        "timeline": [],
        "figures": [],
        "places": [],
        "actors": [],
    }
    brief.update(fields)
    return brief


def _value(value: float, article: str, start: int = 49, end: int = 59) -> dict[str, Any]:
    return {
        "value": value,
        "text": TEXT[start:end],
        "citation": {"article": article, "start": start, "end": end},
    }


def test_checks_articles_pass_and_fail() -> None:
    gold = {
        "2011-01-25-1": {"published_range": ["2011-01-25", "2011-01-25"]},
        "2011-01-26-2": {"published_range": ["2011-01-27", "2011-01-27"]},
    }
    result = checks.check_articles(gold, _brief())
    assert [c.passed for c in result] == [True, True, False]


def test_checks_cleaning_strings_pass_and_fail() -> None:
    brief = _brief()
    assert checks.check_must_keep(["MARCHED  in cairo"], brief)[0].passed
    assert not checks.check_must_remove(["marched in Cairo"], brief)[0].passed
    assert checks.check_must_remove(["Share your photos"], brief)[0].passed
    assert checks.check_must_not_repeat(["Other."], brief)[0].passed
    repeated = _brief(articles=[*brief["articles"], {**brief["articles"][1], "id": "y"}])
    assert not checks.check_must_not_repeat(["Other."], repeated)[0].passed


def test_checks_syndication_link_or_wire_outlet() -> None:
    gold = {"same_wire": ["2011-01-25-1", "2011-01-26-2"], "wire": "CNN"}
    assert checks.check_syndication(gold, _brief())[0].passed
    reverse = {"same_wire": ["2011-01-26-2", "2011-01-25-1"], "wire": "CNN Wire"}
    assert not checks.check_syndication(reverse, _brief())[0].passed
    assert checks.check_syndication({"same_wire": []}, _brief()) == []


def test_checks_places_take_the_first_named_place() -> None:
    gold = [{"names": ["Cairo"], "lat": 30.04, "lon": 31.24, "km": 30}]
    near = {"name": "Cairo", "aliases": [], "lat": 30.05, "lon": 31.25}
    far = {"name": "Cairo", "aliases": [], "lat": 37.0, "lon": -89.2}
    assert checks.check_places(gold, _brief(places=[near, far]))[0].passed
    assert not checks.check_places(gold, _brief(places=[far, near]))[0].passed


def test_checks_aliases_need_exactly_one_record() -> None:
    gold = [["Hosni Mubarak", "Mubarak"]]
    one = [{"name": "Hosni Mubarak", "aliases": ["Mubarak"]}]
    two = [*one, {"name": "Mubarak", "aliases": []}]
    assert checks.check_aliases(gold, _brief(actors=one))[0].passed
    assert not checks.check_aliases(gold, _brief(actors=two))[0].passed


def test_checks_figures_first_group_rule_and_status() -> None:
    groups = [
        {"label": "a", "status": "changed", "values": [_value(300, "x-2011-01-25-1")]},
        {"label": "b", "status": "single", "values": [_value(300, "x-2011-01-26-2")]},
    ]
    gold = [
        {
            "name": "dead",
            "values": [[300, "2011-01-25-1"], [300, "2011-01-26-2"]],
            "expected_status_any": ["changed"],
        }
    ]
    split = checks.check_figure_groups(gold, _brief(figures=groups))
    assert [c.passed for c in split] == [False, False]
    merged = [{**groups[0], "values": groups[0]["values"] + groups[1]["values"]}]
    joined = checks.check_figure_groups(gold, _brief(figures=merged))
    assert [c.passed for c in joined] == [True, True]
    pair = [[[300, "2011-01-25-1"], [300, "2011-01-26-2"]]]
    assert checks.check_must_not_group(pair, _brief(figures=groups))[0].passed
    assert not checks.check_must_not_group(pair, _brief(figures=merged))[0].passed
    assert checks.check_figures_single([[300.2, "2011-01-25-1"]], _brief(figures=groups))[0].passed
    assert not checks.check_figures_single([[301, "2011-01-25-1"]], _brief(figures=groups))[
        0
    ].passed


def test_checks_timeline_date_tolerance_and_partial_dates() -> None:
    gold = [{"date": "2011-01-14", "tolerance_days": 1, "keywords_any": ["Protest"]}]
    month = _brief(timeline=[{"date": "2011-01", "text": "protests grew", "citations": []}])
    assert checks.check_timeline(gold, month)[0].passed
    late = _brief(timeline=[{"date": "2011-01-20", "text": "protests grew", "citations": []}])
    assert not checks.check_timeline(gold, late)[0].passed


def test_checks_summary_whole_word_case_sensitive() -> None:
    assert checks.check_summary([["Mubarak"]], _brief())[0].passed
    assert not checks.check_summary([["protest"]], _brief())[0].passed
    assert not checks.check_summary([["mubarak"]], _brief())[0].passed


def test_checks_citations_inside_and_figure_text_in_span() -> None:
    good = [{"label": "a", "status": "single", "values": [_value(300, "x-2011-01-25-1")]}]
    assert checks.check_citations(_brief(figures=good))[0].passed
    wrong = _value(300, "x-2011-01-25-1", 0, 10)
    wrong["text"] = "300 people"
    bad = [{"label": "a", "status": "single", "values": [wrong]}]
    assert not checks.check_citations(_brief(figures=bad))[0].passed


@pytest.mark.skipif(not CLUSTERS.is_dir(), reason="needs ../shared/data/clusters")
def test_score_brief_parts_count_the_gold_checks() -> None:
    gold = json.loads((CLUSTERS / "egypt_cnn.gold.json").read_text(encoding="utf-8"))
    empty = _brief(articles=[])
    assert (
        score_brief(gold, empty, part="all")["total"]
        == 1 + 15 + 11 + 1 + 1 + 10 + 9 + 10 + 24 + 6 + 12 + 3 + 1
    )
    clean = score_brief(gold, empty, part="clean")
    assert set(clean["families"]) == {
        "articles",
        "must_remove",
        "must_keep",
        "must_not_repeat",
        "syndication",
    }


@pytest.mark.skipif(not CLUSTERS.is_dir(), reason="needs ../shared/data/clusters")
def test_evaluate_clusters_scores_a_brief_built_from_real_articles(tmp_path: Path) -> None:
    lines = (CLUSTERS / "egypt_cnn.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    (tmp_path / "egypt_cnn.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = json.loads((CLUSTERS / "egypt_cnn.gold.json").read_text(encoding="utf-8"))
    kept = {json.loads(line)["id"] for line in lines}
    gold["articles"] = {k: v for k, v in gold["articles"].items() if k in kept}
    (tmp_path / "egypt_cnn.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate_clusters(tmp_path, part="clean")["clusters"]["egypt_cnn"]
    assert result["families"]["articles"] == {"passed": 4, "total": 4}
    assert result["families"]["must_keep"]["passed"] >= 1
    assert result["passed"] < result["total"]
