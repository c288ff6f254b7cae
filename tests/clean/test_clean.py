from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.ingest import read
from storyline.model import CleanArticle
from tests.builders import make_article
from tests.conftest import EXAMPLES

SEED_CAPTION_PREFIX = "Civilians fleeing"


@pytest.fixture(scope="module")
def seeds() -> dict[str, CleanArticle]:
    return {c.id[:3]: c for c in clean(read([str(EXAMPLES)]).articles)}


def _reasons(clean_article: CleanArticle) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for part in clean_article.removed:
        found.setdefault(part.reason, []).append(part.text)
    return found


def test_clean_cuts_teasers_appended_after_a_wire_story(seeds: dict[str, CleanArticle]) -> None:
    story = seeds["003"]
    assert story.text.rstrip().endswith(
        "Camp workers say they do not have enough tents, food or medicine."
    )
    assert "astronaut" not in story.text.lower()
    off_topic = _reasons(story)["off_topic"]
    assert len(off_topic) >= 5
    assert any("Homeland Security" in text for text in off_topic)


def test_clean_removes_both_copies_of_a_caption_printed_twice(
    seeds: dict[str, CleanArticle],
) -> None:
    dispatch = seeds["000"]
    captions = _reasons(dispatch)["caption"]
    assert sum(text.startswith(SEED_CAPTION_PREFIX) for text in captions) == 2
    assert SEED_CAPTION_PREFIX not in dispatch.text
    assert "39,000 displaced people" in dispatch.text


def test_clean_removes_navigation_footers_and_fragments(seeds: dict[str, CleanArticle]) -> None:
    dispatch, weekly = seeds["000"], seeds["002"]
    assert "read more" not in dispatch.text.lower()
    assert not any(line.startswith(("PREV", "NEXT")) for line in dispatch.text.splitlines())
    assert _reasons(dispatch)["truncated"] == ["Almost two"]
    assert "Newspapers" not in weekly.text
    assert "??" not in weekly.text


def test_clean_keeps_subheadings_and_the_body_in_order(seeds: dict[str, CleanArticle]) -> None:
    feature = seeds["001"]
    assert "Historic Victory, Historic Defeat" in feature.text
    assert feature.text.index("Historic Victory") < feature.text.index("On March 23")
    assert feature.title is not None and feature.title.startswith("Beaten but Not Defeated")


def test_clean_finds_the_wire_agency_in_the_dateline(seeds: dict[str, CleanArticle]) -> None:
    assert seeds["003"].outlet == seeds["004"].outlet
    assert seeds["003"].outlet is not None
    assert seeds["000"].outlet is None


def test_clean_never_invents_text(seeds: dict[str, CleanArticle]) -> None:
    raw = {a.id[:3]: a.raw for a in read([str(EXAMPLES)]).articles}
    for key, clean_article in seeds.items():
        normalised_raw = " ".join(raw[key].split())
        for paragraph in clean_article.text.split("\n"):
            if paragraph.strip():
                assert " ".join(paragraph.split()) in normalised_raw


def test_clean_marks_a_repeated_prose_paragraph_as_duplicate() -> None:
    para = "The ministry said the bridge would reopen on Monday after repairs to its deck."
    text = f"Bridge closed\n\n{para}\n\nTraffic was diverted through the old town.\n\n{para}"
    (cleaned,) = clean([make_article(text)])
    assert cleaned.text.count(para) == 1
    assert [p.reason for p in cleaned.removed] == ["duplicate"]


def test_clean_drops_comment_furniture_from_noisy_t17_text(shared_data: Path) -> None:
    path = shared_data / "timeline17/LibyaWar_cnn/InputDocs/2011-06-16/39.htm.txt"
    (cleaned,) = clean(read([str(path)]).articles)
    assert cleaned.text.startswith("This story is disturbing and graphic.")
    assert "Libya's civil war" in cleaned.text  # PTB tokens joined back
    for furniture in ("Notify me", "Terms of Service", "Press Room", "Connect with"):
        assert furniture not in cleaned.text


def test_clean_links_copies_of_one_wire_story() -> None:
    story = " ".join(
        f"Sentence {i} of the wire report says the convoy reached checkpoint {i} at dawn."
        for i in range(40)
    )
    edited = story.replace("at dawn", "before dawn", 2)
    other = " ".join(f"An unrelated item number {i} about farming prices." for i in range(40))
    cleaned = clean(
        [make_article(story, id="a"), make_article(edited, id="b"), make_article(other, id="c")]
    )
    assert [c.same_story_as for c in cleaned] == [("b",), ("a",), ()]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_clean_empty_text_gives_empty_article(text: str) -> None:
    (cleaned,) = clean([make_article(text)])
    assert cleaned.text == ""


def test_clean_one_sentence_is_kept_as_is() -> None:
    (cleaned,) = clean([make_article("Rebels seized the airport on Tuesday, officials said.")])
    assert cleaned.text == "Rebels seized the airport on Tuesday, officials said."
    assert cleaned.removed == ()


def test_clean_huge_article_stays_whole(seed_texts: dict[str, str]) -> None:
    rng = random.Random(7)
    vocabulary = sorted(set(" ".join(seed_texts.values()).split()))
    paragraphs = [" ".join(rng.choices(vocabulary, k=30)) + "." for _ in range(5_000)]
    text = "\n\n".join(paragraphs)
    (cleaned,) = clean([make_article(text)])
    assert len(cleaned.text) > 0.99 * len(text)
    # Random lines may look like furniture ("Next ...", a credit); no topic cut may happen.
    assert {part.reason for part in cleaned.removed} <= {"boilerplate", "caption"}


@pytest.mark.issue(10)
def test_clean_keeps_an_updated_paragraph_beside_the_one_with_the_old_number(
    shared_data: Path,
) -> None:
    path = shared_data / "timeline17/EgyptianProtest_cnn/InputDocs/2011-02-09/172.htm.txt"
    (article,) = read([str(path)]).articles
    (first,) = clean([article])
    toll = next(line for line in first.text.split("\n") if "302" in line)
    updated = toll.replace("302", "365")
    text = f"{first.text}\n\n{updated}\n\n{toll}"
    (cleaned,) = clean([make_article(text)])
    assert updated in cleaned.text  # a new number is an update, not a duplicate
    assert cleaned.text.count(toll) == 1  # the same paragraph twice is a duplicate
    assert [part.reason for part in cleaned.removed] == ["duplicate"]
