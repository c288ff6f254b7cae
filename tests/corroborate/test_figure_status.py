"""Figure group statuses built from real egypt_cnn dev-cluster articles (issue 9 §1, §6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate import source_keys
from storyline.corroborate.figures import group_figures
from storyline.ingest import read_bytes
from storyline.model import FigureGroup

ARTICLES = (
    "2011-01-29-176",
    "2011-01-31-206",
    "2011-02-10-216",
    "2011-01-26-148",
    "2011-01-27-210",
    "2011-01-28-157",
)


def _cluster_groups(path: Path, keys: tuple[str, ...]) -> tuple[FigureGroup, ...]:
    """Analyse the articles of a dev cluster whose ids end with ``keys`` and group them."""
    lines = path.read_text().splitlines()
    chosen = [line for line in lines if any(f'-{key}"' in line for key in keys)]
    assert len(chosen) == len(keys)
    articles = read_bytes("\n".join(chosen).encode("utf-8"), "cluster.jsonl").articles
    analyzed = tuple(analyze(clean(articles)))
    return group_figures(analyzed, source_keys([a.clean for a in analyzed]))


@pytest.fixture(scope="module")
def groups(shared_data: Path) -> tuple[FigureGroup, ...]:
    return _cluster_groups(shared_data / "clusters" / "egypt_cnn.jsonl", ARTICLES)


def _group_of(groups: tuple[FigureGroup, ...], value: float, article: str) -> FigureGroup:
    for group in groups:
        if any(v.value == value and v.citation.article.endswith(article) for v in group.values):
            return group
    raise AssertionError(f"no group holds {value} from {article}")


@pytest.mark.issue(9)
def test_status_changed_when_a_breakdown_part_is_revised(groups: tuple[FigureGroup, ...]) -> None:
    # Human Rights Watch: 80 deaths in Cairo (31 Jan) -> 232 in Cairo (8 Feb, a breakdown part)
    cairo = _group_of(groups, 80, "01-31-206")
    assert cairo is _group_of(groups, 232, "02-10-216")
    assert cairo.status == "changed"


@pytest.mark.issue(9)
def test_status_of_a_place_toll_differs_from_the_national_one(
    groups: tuple[FigureGroup, ...],
) -> None:
    # Alexandria 31 (hospital officials, 29 Jan) and 52 (HRW, 8 Feb) are one quantity; the
    # national 302 of the same sentence as the 52 is another.
    alexandria = _group_of(groups, 52, "02-10-216")
    assert alexandria is _group_of(groups, 31, "01-29-176")
    assert alexandria.status in ("changed", "conflict")
    assert alexandria is not _group_of(groups, 302, "02-10-216")


@pytest.mark.issue(9)
def test_status_single_for_one_wire_story_copied(groups: tuple[FigureGroup, ...]) -> None:
    # 148 is a shortened copy of the CNN Wire story 210: one source, one value
    arrested = _group_of(groups, 149, "01-26-148")
    assert arrested is _group_of(groups, 149, "01-27-210")
    assert arrested.status in ("single", "agree")


@pytest.mark.issue(9)
def test_status_agree_when_hedged_values_overlap(groups: tuple[FigureGroup, ...]) -> None:
    # "more than $28 billion" (210) and "nearly $30 billion" (157) of US aid since 1975
    aid = _group_of(groups, 28e9, "01-27-210")
    assert aid is _group_of(groups, 30e9, "01-28-157")
    assert aid.status == "agree"


@pytest.mark.issue(9)
def test_status_conflict_when_sources_differ_at_one_time(shared_data: Path) -> None:
    # The Exxon Valdez spill: "19m gallons" (3 May) against "Nearly 11m gallons" (13 May),
    # one past event, so the difference is no change over time
    path = shared_data / "clusters" / "bpoil_guardian.jsonl"
    groups = _cluster_groups(path, ("2010-05-03-326", "2010-05-13-922"))
    valdez = _group_of(groups, 19e6, "05-03-326")
    assert valdez is _group_of(groups, 11e6, "05-13-922")
    assert valdez.status == "conflict"
