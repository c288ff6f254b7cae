"""Identical copies of one article are copies, not page furniture (issue 12 item 2)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.clean._syndication import copy_groups
from storyline.ingest import read
from tests.conftest import EXAMPLES

WIRE = EXAMPLES / "003_fdd9553ae61ebc4b.txt"
FEATURE = EXAMPLES / "001_fb079cb8c579e923.txt"
WIRE_LEDE = "Camp workers say they do not have enough tents, food or medicine."


@pytest.mark.issue(12)
def test_copies_five_copies_beside_another_article_keep_their_text() -> None:
    wire, feature = read([str(WIRE), str(FEATURE)]).articles
    reference = clean([wire, feature])
    copies = [replace(wire, id=f"copy{i}") for i in range(5)]
    cleaned = clean([*copies, feature])
    for copy in cleaned[:5]:
        assert copy.text == reference[0].text
        assert WIRE_LEDE in copy.text
        assert len(copy.same_story_as) == 4
    assert cleaned[5].text == reference[1].text


@pytest.mark.issue(12)
def test_copies_three_hundred_copies_of_one_story_keep_the_story() -> None:
    (wire,) = read([str(WIRE)]).articles
    (alone,) = clean([wire])
    cleaned = clean([replace(wire, id=f"copy{i}") for i in range(300)])
    assert {copy.text for copy in cleaned} == {alone.text}
    assert WIRE_LEDE in alone.text


@pytest.mark.issue(12)
def test_copies_do_not_change_what_repetition_removes(shared_data: Path) -> None:
    folder = shared_data / "timeline17" / "LibyaWar_cnn" / "InputDocs"
    paths = sorted(str(p) for p in folder.glob("*/*.txt"))[:4]
    sidebar = "Most popular stories on this site right now"
    articles = [replace(a, raw=f"{a.raw}\n{sidebar}\n") for a in read(paths).articles]
    batch = clean(articles)
    # A sidebar line printed under several different articles goes in a batch.
    assert all(sidebar in clean([a])[0].text for a in articles)
    assert all(sidebar not in c.text for c in batch)
    # Copying the first article three times changes nothing: copies count once.
    copies = [*(replace(articles[0], id=f"copy{i}") for i in range(3)), *articles[1:]]
    with_copies = clean(copies)
    assert [c.text for c in with_copies[2:]] == [c.text for c in batch]


def test_copies_groups_number_copies_by_their_first_position(
    seed_texts: dict[str, str],
) -> None:
    wire, feature = seed_texts[WIRE.stem], seed_texts[FEATURE.stem]
    groups = copy_groups([feature, wire, feature, wire], threshold=0.5, shingle_words=5)
    assert groups == [0, 1, 0, 1]


@pytest.mark.issue(12)
def test_copies_folder_of_copies_beside_another_article_is_usable(tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(5):
        shutil.copy(WIRE, folder / f"copy{i}.txt")
    cleaned = clean(read([str(folder), str(FEATURE)]).articles)
    assert len(cleaned) == 6
    assert sum(WIRE_LEDE in article.text for article in cleaned) == 5
