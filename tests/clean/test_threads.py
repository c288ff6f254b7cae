"""Comment threads and what follows a print-edition note are not the article (issue 10 §2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.clean._blocks import split_blocks
from storyline.clean._threads import is_closing_note, is_comment_stamp
from storyline.ingest import read

T17 = Path("timeline17")


@pytest.mark.issue(10)
def test_threads_comment_thread_after_a_cnn_story_is_removed(shared_data: Path) -> None:
    path = shared_data / T17 / "EgyptianProtest_cnn/InputDocs/2011-02-09/172.htm.txt"
    (cleaned,) = clean(read([str(path)]).articles)
    assert "being hailed by many fellow protesters as a hero" in cleaned.text
    assert "at 10:32 pm" not in cleaned.text
    assert "God bless this man" not in cleaned.text
    comments = [part.text for part in cleaned.removed if part.reason == "comment"]
    assert len(comments) >= 10


@pytest.mark.issue(10)
def test_threads_lines_after_a_print_edition_note_are_removed(shared_data: Path) -> None:
    path = shared_data / T17 / "bpoil_guardian/InputDocs/2010-05-27/1069.htm.txt"
    (cleaned,) = clean(read([str(path)]).articles)
    assert "A version appeared" not in cleaned.text
    assert "Anyone can help" not in cleaned.text
    assert "top kill" in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "February 9, 2011 at 10:32 pm | Want to know more?",
        "At 02:56 am on 14 Jan 2010, jessica wrote",
        "Posted by: reader42 | September 16, 2008 10:56 AM",
    ],
)
def test_threads_comment_stamps_of_several_systems(line: str) -> None:
    (block,) = split_blocks(line)
    assert is_comment_stamp(block)


@pytest.mark.parametrize(
    "line",
    [
        "On February 9, 2011 at 10:32 pm the first tremor struck the coast.",
        "The rebels wrote to the council at 10:30 on Monday.",
    ],
)
def test_threads_dated_prose_is_not_a_comment_stamp(line: str) -> None:
    (block,) = split_blocks(line)
    assert not is_comment_stamp(block)


def test_threads_print_notes_close_the_article() -> None:
    for line in (
        "A version of this article appears in print on June 1, 2010, on page A1.",
        "This article appeared on p22 of the Main section of the paper.",
    ):
        (block,) = split_blocks(line)
        assert is_closing_note(block)


@pytest.mark.issue(10)
def test_threads_teasers_after_a_comment_form_are_removed(shared_data: Path) -> None:
    path = shared_data / T17 / "EgyptianProtest_cnn/InputDocs/2011-02-06/84.htm.txt"
    (cleaned,) = clean(read([str(path)]).articles)
    assert "will not be displayed" not in cleaned.text
    assert "RETWEET" not in cleaned.text
    assert "cruise ship" not in cleaned.text
    assert "Coptic Christians are expected to gather" in cleaned.text
