from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate import source_keys
from storyline.corroborate.figures import group_figures
from storyline.ingest import read, read_bytes
from storyline.model import AnalyzedArticle, FigureGroup
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds() -> tuple[AnalyzedArticle, ...]:
    return tuple(analyze(clean(read([str(EXAMPLES)]).articles)))


@pytest.fixture(scope="module")
def groups(seeds: tuple[AnalyzedArticle, ...]) -> tuple[FigureGroup, ...]:
    return group_figures(seeds, source_keys([a.clean for a in seeds]))


def _holding(groups: Sequence[FigureGroup], value: float, *, article: str = "") -> FigureGroup:
    """The group holding a value (from an article whose id starts with ``article``)."""
    found = [
        group
        for group in groups
        for item in group.values
        if item.value == value and item.citation.article.startswith(article)
    ]
    assert len(found) == 1, f"{value} is in {len(found)} groups"
    return found[0]


def test_figures_camp_population_changed_over_time(groups: tuple[FigureGroup, ...]) -> None:
    camp = _holding(groups, 67_000)
    assert sorted(item.value for item in camp.values) == [39_000, 67_000, 70_000]
    assert camp.status == "changed"
    assert camp.label.startswith("people in ") and "camp" in camp.label
    assert [item.as_of.iso() if item.as_of else None for item in camp.values] == sorted(
        item.as_of.iso() for item in camp.values if item.as_of
    )
    assert camp.conservative == 67_000  # lowest value agreeing with the latest (70,000)


def test_figures_camp_group_ranks_first(groups: tuple[FigureGroup, ...]) -> None:
    assert groups[0] is _holding(groups, 39_000)


def test_figures_wire_stories_of_one_outlet_count_once(groups: tuple[FigureGroup, ...]) -> None:
    fled = _holding(groups, 60_000, article="003")
    assert {item.citation.article[:3] for item in fled.values} == {"003", "004"}
    assert all(item.sources == 1 for item in fled.values)
    assert fled.status == "single"  # two copies of one outlet corroborate nothing
    assert fled.label.startswith("people who fled")


def test_figures_same_number_about_different_things_stays_apart(
    groups: tuple[FigureGroup, ...],
) -> None:
    yarmouk = _holding(groups, 1_200, article="001")
    baghouz = _holding(groups, 1_200, article="000")
    assert yarmouk is not baghouz
    assert yarmouk.unit == "fighters" and "Yarmouk" in (yarmouk.subject or "")
    assert baghouz.label == "people who fled Baghouz"


def test_figures_subset_to_be_sent_home_is_not_the_camp_population(
    groups: tuple[FigureGroup, ...],
) -> None:
    sent_home = _holding(groups, 20_000)
    assert sent_home is not _holding(groups, 67_000)
    assert "Iraqi" in sent_home.label
    assert sent_home.status == "single"


def test_figures_increment_is_not_grouped(groups: tuple[FigureGroup, ...]) -> None:
    evacuated = _holding(groups, 34_000)  # "Another 34,000 civilians were evacuated."
    assert len(evacuated.values) == 1


def test_figures_incidental_counts_are_left_out(
    seeds: tuple[AnalyzedArticle, ...], groups: tuple[FigureGroup, ...]
) -> None:
    texts = {item.text for group in groups for item in group.values}
    assert not texts & {"three daughters", "seven angels", "two kids"}
    assert "two children" in texts  # a casualty count ("One of the two children died") stays
    everything = group_figures(seeds, source_keys([a.clean for a in seeds]), incidental=True)
    assert "seven angels" in {item.text for group in everything for item in group.values}


def test_figures_citations_point_at_the_figure_text(
    seeds: tuple[AnalyzedArticle, ...], groups: tuple[FigureGroup, ...]
) -> None:
    text = {a.id: a.clean.text for a in seeds}
    for group in groups:
        for item in group.values:
            cite = item.citation
            assert text[cite.article][cite.start : cite.end] == item.text


def test_figures_no_articles_or_no_figures_give_no_groups(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    assert group_figures([], {}) == ()
    bare = AnalyzedArticle(clean=seeds[0].clean, sentences=seeds[0].sentences)
    assert group_figures([bare], source_keys([bare.clean])) == ()


def test_figures_one_article_gives_single_groups(seeds: tuple[AnalyzedArticle, ...]) -> None:
    reuters = [a for a in seeds if a.id.startswith("003")]
    groups = group_figures(reuters, source_keys([a.clean for a in reuters]))
    assert groups and {group.status for group in groups} == {"single"}
    assert all(item.sources == 1 for group in groups for item in group.values)


def test_figures_without_their_sentences_still_group(seeds: tuple[AnalyzedArticle, ...]) -> None:
    reuters = [
        AnalyzedArticle(clean=a.clean, figures=a.figures)  # sentences left out: figure text only
        for a in seeds
        if a.id.startswith(("003", "004"))
    ]
    groups = group_figures(reuters, source_keys([a.clean for a in reuters]))
    fled = _holding(groups, 60_000, article="003")
    assert {item.citation.article[:3] for item in fled.values} == {"003", "004"}


def test_figures_unnamed_counts_never_conflict(groups: tuple[FigureGroup, ...]) -> None:
    # "1500 to 2500 Isis fighters" (Iraqi side) and "up to 3000" (Syrian side), 500 fighters
    # who surrendered in 2018 and 5,000 in 2019: values that differ need a named subject.
    assert all(group.subject for group in groups if group.status in ("conflict", "changed"))
    assert [group.status for group in groups].count("changed") == 1


def test_figures_bare_small_numbers_are_left_out(shared_data: Path) -> None:
    folder = shared_data / "timeline17" / "H1N1_bbc" / "InputDocs" / "2009-04-28"
    analyzed = tuple(analyze(clean(read([str(folder / "516.htm.txt")]).articles)))
    everything = group_figures(analyzed, source_keys([a.clean for a in analyzed]), incidental=True)
    kept = group_figures(analyzed, source_keys([a.clean for a in analyzed]))
    texts = {item.text for group in kept for item in group.values}
    assert {"three", "four"} <= {item.text for group in everything for item in group.values}
    assert not {"three", "four"} & texts  # "raising its alert level from three to four"
    assert "two flu-vaccine manufacturers" in texts  # a small count of something stays


def test_figures_without_readings_are_read_again(seeds: tuple[AnalyzedArticle, ...]) -> None:
    unread = [
        replace(a, figures=tuple(replace(fig, reading=None) for fig in a.figures)) for a in seeds
    ]
    assert all(fig.reading is not None for a in seeds for fig in a.figures)
    keys = source_keys([a.clean for a in seeds])
    assert group_figures(unread, keys) == group_figures(seeds, keys)


@pytest.mark.issue(9)
def test_figures_count_without_a_subject_never_conflicts_with_a_named_one(
    groups: tuple[FigureGroup, ...],
) -> None:
    # The last stand's 500 fighters (2019) and the 1,500-2,500 "left on the Iraqi side"
    # two years earlier name different places; neither is a conflict with the other,
    # nor is "up to 3000 on the Syrian side" with the Yarmouk Valley's 1,200.
    last_stand = _holding(groups, 500, article="000")
    assert all(value.value != 1_500 for value in last_stand.values)
    assert all(value.value != 3_000 for value in _holding(groups, 1_200, article="001").values)
    assert last_stand.status != "conflict"


@pytest.mark.issue(9)
def test_figures_one_death_toll_across_articles_whether_or_not_its_verb_was_read(
    shared_data: Path,
) -> None:
    # Three reports of one explosion's toll: "killed" read in one, no verb read in another
    # ("presumed dead"); counts of people need no shared context words to be one quantity.
    wanted = ("2010-04-30-1273", "2010-05-02-946", "2010-04-26-1569")
    lines = (shared_data / "clusters" / "bpoil_guardian.jsonl").read_text().splitlines()
    chosen = [line for line in lines if any(f'"bpoil_guardian-{w}"' in line for w in wanted)]
    assert len(chosen) == len(wanted)
    articles = read_bytes("\n".join(chosen).encode("utf-8"), "cluster.jsonl").articles
    analyzed = tuple(analyze(clean(articles)))
    groups = group_figures(analyzed, source_keys([a.clean for a in analyzed]))
    tolls = {id(g) for g in groups for v in g.values if v.value == 11}
    assert len(tolls) == 1
