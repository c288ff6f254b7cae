"""Tests of the timeline: dated, cited, deduplicated entries ranked by independent sources."""

from __future__ import annotations

import itertools

import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate import source_keys
from storyline.ingest import read
from storyline.model import AnalyzedArticle, CitedLine, DateRef, PartialDate, Sentence
from storyline.timeline import build
from tests.builders import make_clean
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds() -> tuple[AnalyzedArticle, ...]:
    return tuple(analyze(clean(read([str(EXAMPLES)]).articles)))


@pytest.fixture(scope="module")
def seed_timeline(seeds: tuple[AnalyzedArticle, ...]) -> tuple[CitedLine, ...]:
    return build(seeds, keys=source_keys([a.clean for a in seeds]))


def _order(line: CitedLine) -> tuple[int, int, int]:
    date = line.date or PartialDate(0)
    return date.year, date.month or 0, date.day or 0


def _words(text: str) -> set[str]:
    return {word.strip(".,\"'").lower() for word in text.split()}


def _article(aid: str, text: str, dated: dict[str, PartialDate], published: str) -> AnalyzedArticle:
    """An analyzed article of one-line sentences, with a date ref for each (phrase → date)."""
    clean_article = make_clean(text, id=aid, published=published)
    sentences, refs, start = [], [], 0
    for index, line in enumerate(text.split("\n")):
        sentences.append(Sentence(start, start + len(line), line))
        for phrase, date in dated.items():
            at = line.find(phrase)
            if at != -1:
                refs.append(DateRef(phrase, start + at, start + at + len(phrase), date, index))
        start += len(line) + 1
    return AnalyzedArticle(clean=clean_article, sentences=tuple(sentences), dates=tuple(refs))


CAPTURE = "On March 23, the SDF captured the last pocket of Baghouz from Islamic State fighters."
CAMP = "On March 17, aid workers said the camp at al-Hol was overwhelmed by new arrivals."
SIEGE = (
    "In January 2019, the siege of the last enclave began with heavy air strikes near the river."
)
MARCH_23, MARCH_17, JANUARY = (
    PartialDate(2019, 3, 23),
    PartialDate(2019, 3, 17),
    PartialDate(2019, 1),
)
DATED = {"March 23": MARCH_23, "March 17": MARCH_17, "January 2019": JANUARY}


def test_build_seed_entries_sorted_by_date(seed_timeline: tuple[CitedLine, ...]) -> None:
    assert len(seed_timeline) >= 5
    assert list(seed_timeline) == sorted(seed_timeline, key=_order)


def test_build_seed_entries_cite_their_exact_text(
    seeds: tuple[AnalyzedArticle, ...], seed_timeline: tuple[CitedLine, ...]
) -> None:
    texts = {a.id: a.clean.text for a in seeds}
    for line in seed_timeline:
        assert line.citations and line.date is not None
        for cite in line.citations:
            assert texts[cite.article][cite.start : cite.end] == line.text


def test_build_seed_caliphate_background_at_coarse_precision(
    seed_timeline: tuple[CitedLine, ...],
) -> None:
    background = [
        line
        for line in seed_timeline
        if line.date and line.date.year == 2014 and line.date.precision in ("year", "month")
    ]
    assert background
    assert any("2014" in line.text or "caliphate" in line.text.lower() for line in background)


def test_build_seed_march_2019_events_present(seed_timeline: tuple[CitedLine, ...]) -> None:
    march = [
        line
        for line in seed_timeline
        if line.date and (line.date.year, line.date.month) == (2019, 3) and line.date.day
    ]
    assert len(march) >= 3
    assert any(line.date == PartialDate(2019, 3, 23) for line in march)


def test_build_seed_no_duplicate_entries(seed_timeline: tuple[CitedLine, ...]) -> None:
    spans = [(c.article, c.start) for line in seed_timeline for c in line.citations]
    assert len(spans) == len(set(spans))
    for first, second in itertools.combinations(seed_timeline, 2):
        a, b = _words(first.text), _words(second.text)
        assert len(a & b) / len(a | b) < 0.6, (first.text, second.text)


def test_build_seed_max_dates_keeps_that_many(seeds: tuple[AnalyzedArticle, ...]) -> None:
    lines = build(seeds, keys=source_keys([a.clean for a in seeds]), max_dates=3)
    assert 1 <= len({line.date for line in lines}) <= 3


def test_build_copies_are_one_entry_with_each_citation() -> None:
    analyzed = [
        _article("a", f"{CAPTURE}\n{CAMP}", DATED, "2019-03-24"),
        _article("b", f"Fighting ended.\n{CAPTURE}", DATED, "2019-03-24"),
        _article("c", f"{SIEGE}\n{CAPTURE}", DATED, "2019-03-25"),
    ]
    lines = build(analyzed, keys={"a": "a", "b": "b", "c": "c"})
    capture = [line for line in lines if line.date == MARCH_23]
    assert len(capture) == 1
    assert {cite.article for cite in capture[0].citations} == {"a", "b", "c"}
    assert [line.date for line in lines] == [JANUARY, MARCH_17, MARCH_23]
    assert lines[0].date is not None and lines[0].date.precision == "month"


def test_build_ranks_dates_by_independent_sources() -> None:
    analyzed = [
        _article("a", CAMP, DATED, "2019-03-23"),
        _article("b", CAMP.replace("workers", "officials"), DATED, "2019-03-23"),
        _article("c", CAPTURE, DATED, "2019-03-23"),
        _article("d", CAPTURE.replace("SDF", "Kurdish-led SDF"), DATED, "2019-03-23"),
    ]
    one_outlet = {"a": "a", "b": "a", "c": "c", "d": "d"}  # a and b are one source
    lines = build(analyzed, keys=one_outlet, max_dates=1)
    assert [line.date for line in lines] == [MARCH_23]


def test_build_ranks_a_day_recalled_a_week_later_higher() -> None:
    analyzed = [
        _article("a", CAMP, DATED, "2019-03-18"),
        _article("c", CAPTURE, DATED, "2019-03-31"),  # recalls March 23 eight days on
    ]
    lines = build(analyzed, keys={"a": "a", "c": "c"}, max_dates=1)
    assert [line.date for line in lines] == [MARCH_23]


def test_build_empty_input_gives_no_entries() -> None:
    assert build([], keys={}) == ()


def test_build_one_article_gives_its_dated_lines() -> None:
    lines = build([_article("a", f"{CAMP}\n{CAPTURE}", DATED, "2019-03-24")], keys={})
    assert [line.text for line in lines] == [CAMP, CAPTURE]
    assert all(line.citations[0].article == "a" for line in lines)


def test_build_skips_page_furniture_lines() -> None:
    furniture = "January 28, 2019 at 1:13 pm | Report abuse | Reply"
    lines = build(
        [_article("a", furniture, {"January 28, 2019": PartialDate(2019, 1, 28)}, "2019-03-24")],
        keys={},
    )
    assert lines == ()


def test_build_writer_telling_of_themselves_is_no_entry(
    seed_timeline: tuple[CitedLine, ...],
) -> None:
    """The reporter's own journey ("I set off with my wife") is no event of the story;
    quoted first-person speech still is one."""
    assert seed_timeline
    assert not any(" I " in f" {line.text} " or " my " in line.text for line in seed_timeline)
    article = _article(
        "a1",
        "On Jan. 6, I set off with my wife and our two kids for the border town.\n"
        '"I will not step down," the president said on Jan. 7 in a speech to the nation.',
        {"Jan. 6": PartialDate(2019, 1, 6), "Jan. 7": PartialDate(2019, 1, 7)},
        "2019-01-08",
    )
    lines = build([article], keys={"a1": "a1"})
    assert [line.date for line in lines] == [PartialDate(2019, 1, 7)]
