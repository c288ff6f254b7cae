"""The timeline chart: marks placed by date, sized by sources, background split off."""

from __future__ import annotations

from storyline.model import Brief, Citation, CitedLine, CleanArticle, PartialDate
from storyline.web._timeline import TimelineChart, timeline_chart
from storyline.web._views import Links
from tests.web.conftest import Seeded


def _links(*outlets: str) -> Links:
    articles = tuple(
        CleanArticle(id=f"a{i}", text="Text.", outlet=o) for i, o in enumerate(outlets)
    )
    return Links(Brief(title="t", articles=articles))


def _line(date: PartialDate | None, *articles: str) -> CitedLine:
    return CitedLine("Text.", tuple(Citation(a, 0, 5) for a in articles), date=date)


def _chart(
    lines: list[CitedLine], links: Links, start: PartialDate | None = None
) -> TimelineChart | None:
    return timeline_chart(lines, [links.sources(line.citations) for line in lines], start=start)


def test_timeline_chart_none_without_dates() -> None:
    assert _chart([], _links("x")) is None
    assert _chart([_line(None, "a0")], _links("x")) is None


def test_timeline_chart_one_entry_is_centred() -> None:
    chart = _chart([_line(PartialDate(2019, 3, 23), "a0")], _links("x"))
    assert chart is not None and len(chart.marks) == 1 and chart.split is None
    assert chart.marks[0].x == chart.width / 2 and chart.marks[0].sources == 1


def test_timeline_mark_grows_with_independent_sources() -> None:
    links = _links("One", "Two", "Three")
    lines = [
        _line(PartialDate(2019, 3, 1), "a0"),
        _line(PartialDate(2019, 3, 20), "a0", "a1", "a2"),
    ]
    chart = _chart(lines, links)
    assert chart is not None
    single, triple = chart.marks
    assert (single.sources, triple.sources) == (1, 3) and triple.r > single.r
    assert single.x < triple.x and "3 sources" in triple.title
    assert chart.ticks[0][1] in ("01 Mar", "Mar 2019")


def test_timeline_copies_of_one_outlet_count_once() -> None:
    chart = _chart([_line(PartialDate(2019, 3, 1), "a0", "a1")], _links("Same", "Same"))
    assert chart is not None and chart.marks[0].sources == 1


def test_timeline_background_gets_its_own_zone(seeded: Seeded) -> None:
    brief = seeded.seed_brief
    links = Links(brief)
    chart = _chart(list(brief.timeline), links, start=brief.start)
    assert chart is not None and chart.split is not None and brief.start is not None
    begin = brief.start.to_date()
    for line, mark in zip([t for t in brief.timeline if t.date], chart.marks, strict=True):
        assert line.date is not None
        assert (mark.x < chart.split) == (line.date.to_date() < begin)
    event = sorted(m.x for m in chart.marks if m.x > chart.split)
    assert event[-1] - event[0] > chart.width / 2  # the event's weeks fill most of the axis
    assert len({(m.x, m.y) for m in chart.marks}) == len(chart.marks)  # none drawn on another


def test_timeline_recent_background_stays_linear() -> None:
    lines = [_line(PartialDate(2019, 2, 20), "a0"), _line(PartialDate(2019, 3, 23), "a0")]
    chart = _chart(lines, _links("x"), start=PartialDate(2019, 3))
    assert chart is not None and chart.split is None
