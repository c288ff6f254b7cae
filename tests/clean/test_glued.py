"""Furniture glued to a sentence is split off and the sentence kept (issue 10 §2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.clean._glued import split_glued, split_title_run
from storyline.ingest import read

GUARDIAN = Path("timeline17") / "bpoil_guardian" / "InputDocs"


def _clean_file(shared_data: Path, relative: str) -> str:
    (cleaned,) = clean(read([str(shared_data / GUARDIAN / relative)]).articles)
    return cleaned.text


@pytest.mark.issue(10)
def test_glued_photo_credit_before_a_lede_keeps_the_lede(shared_data: Path) -> None:
    text = _clean_file(shared_data, "2010-04-26/1569.htm.txt")
    assert "Underwater robots dived to the ocean floor yesterday" in text
    assert "Photograph" not in text
    assert "Herbert/AP" not in text


def test_glued_credit_split_takes_the_agency_and_keeps_the_sentence() -> None:
    line = (
        "Photograph: Alfredo Estrella/AFP/Getty Images The death toll from the earthquake "
        "in Mexico has risen to more than 80."
    )
    assert split_glued(line).split("\n") == [
        "Photograph: Alfredo Estrella/AFP/Getty Images",
        "The death toll from the earthquake in Mexico has risen to more than 80.",
    ]


def test_glued_credit_closing_a_caption_goes_on_its_own_line() -> None:
    line = "Oil workers on the deck of a supply boat Photograph: Dave Martin/AP"
    assert split_glued(line).split("\n") == [
        "Oil workers on the deck of a supply boat",
        "Photograph: Dave Martin/AP",
    ]


def test_glued_credit_before_a_page_header_is_left_whole() -> None:
    line = "Photo: Jane Doe Issues Prison official: 'Anyone' could escape By John Roe - May 4"
    assert split_glued(line) == line


@pytest.mark.issue(10)
def test_glued_time_stamp_and_print_note_are_removed_and_the_body_kept(
    shared_data: Path,
) -> None:
    text = _clean_file(shared_data, "2010-05-28/65.htm.txt")
    assert "BP has resumed its high-risk" in text
    assert "10.27 BST" not in text
    for furniture in ("buy the ebook", "Auto update", "white bread"):
        assert furniture not in text


@pytest.mark.issue(10)
def test_glued_title_run_is_split_from_its_lede() -> None:
    line = (
        "International aid efforts for Haiti gather pace International efforts to help the "
        "survivors of the earthquake gathered pace today."
    )
    assert split_title_run(line).split("\n") == [
        "International aid efforts for Haiti gather pace",
        "International efforts to help the survivors of the earthquake gathered pace today.",
    ]


def test_glued_title_run_needs_a_content_word_before_the_repeat() -> None:
    line = "BP said on Monday that BP would pay for the clean-up of the whole coast."
    assert split_title_run(line) == line
