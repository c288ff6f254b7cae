"""Dates benchmark: the TempEval-3 convention on real documents of the dev files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.evaluate._date_peers import (
    HEIDELTIME_INSTALL,
    dateparser_timexes,
    heideltime_available,
    heideltime_timexes,
    naive_value,
)
from storyline.evaluate._timex import Timex, TimexTally, pair_timexes
from storyline.evaluate.dates import GoldDocument, evaluate_dates, read_gold, render_table

# The shortest AQUAINT document: "… to a ceremony in Independence, Mo., on March 12 to mark
# the accession …" (1999-02-16), gold "March 12" 1999-03-12 and "50 years ago" 1949-XX.
SHORT_ID = "APW19990216.0198"


@pytest.fixture(scope="module")
def aquaint(shared_data: Path) -> Path:
    return shared_data / "dates" / "aquaint_dev.jsonl"


@pytest.fixture(scope="module")
def short_doc(aquaint: Path) -> GoldDocument:
    return next(doc for doc in read_gold(aquaint) if doc.id == SHORT_ID)


def test_read_gold_spans_hold_their_text(aquaint: Path) -> None:
    documents = read_gold(aquaint)
    assert len(documents) == 73
    for document in documents:
        for timex in document.timexes:
            assert document.text[timex.start : timex.end] == timex.text


def test_read_gold_bad_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1 .*bad\.jsonl|bad\.jsonl.*line 1"):
        read_gold(path)


def test_tally_gold_against_itself_scores_100(aquaint: Path) -> None:
    tally = TimexTally()
    for document in read_gold(aquaint):
        tally.add(document.timexes, document.timexes)
    scores = tally.scores()
    assert scores["strict"]["f1"] == scores["relaxed"]["f1"] == scores["value"]["f1"] == 100.0
    assert scores["date_recall"] == scores["date_value_accuracy"] == 100.0
    assert scores["counts"]["date_gold"] == 489


def test_tally_strict_relaxed_and_value(short_doc: GoldDocument) -> None:
    march, years_ago = short_doc.timexes
    on_march = Timex(march.start - 3, march.end, "1998-03-12", "DATE")  # "on March 12", wrong year
    exact = Timex(years_ago.start, years_ago.end, "1949", "DATE")  # calendar value, gold 1949-XX
    tally = TimexTally()
    tally.add(short_doc.timexes, [on_march, exact])
    scores = tally.scores()
    assert scores["relaxed"] == {"p": 100.0, "r": 100.0, "f1": 100.0}
    assert scores["strict"]["f1"] == 50.0
    assert scores["value"]["f1"] == 0.0
    assert scores["date_recall"] == 100.0
    assert scores["calendar_recall"] == 100.0  # 1 of the 1 calendar gold values
    assert scores["calendar_value_accuracy"] == 0.0


def test_pair_timexes_one_to_one_by_largest_overlap(short_doc: GoldDocument) -> None:
    march, years_ago = short_doc.timexes
    wide = Timex(march.start - 3, years_ago.end, "X")  # overlaps both, "50 years ago" more
    inner = Timex(march.start, march.end, "1999-03-12")
    pairs = pair_timexes(short_doc.timexes, [wide, inner])
    assert (march, inner) in pairs
    assert (years_ago, wide) in pairs
    assert len(pairs) == 2
    assert pair_timexes(short_doc.timexes, [wide]) == [(years_ago, wide)]  # the larger overlap


def test_dateparser_peer_on_a_real_document(short_doc: GoldDocument) -> None:
    found = dateparser_timexes(short_doc.text, short_doc.published)
    for timex in found:
        assert short_doc.text[timex.start : timex.end] == timex.text
    by_text = {t.text: t.value for t in found}
    assert by_text["on March 12"] == "1999-03-12"  # a wider span: relaxed, not strict
    assert by_text["50 years ago, the"] == "1949-02-16"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("1998", "1998"),
        ("March 1998", "1998-03"),
        ("March 12", "1998-03-12"),
        ("today", "1998-03-12"),
    ],
)
def test_naive_value_keeps_the_written_parts(surface: str, expected: str) -> None:
    assert naive_value(surface, dt.date(1998, 3, 12)) == expected


def test_heideltime_peer_on_a_real_document(short_doc: GoldDocument) -> None:
    if not heideltime_available():  # the optional storyline[eval] extra and Java
        pytest.skip(f"HeidelTime is not installed: {HEIDELTIME_INSTALL}")
    found = heideltime_timexes(short_doc.text, short_doc.published)
    by_text = {t.text: t for t in found}
    assert by_text["March 12"].value == "1998-03-12"  # HeidelTime reads it as past (gold 1999)
    assert by_text["March 12"].type == "DATE"
    for timex in found:
        assert short_doc.text[timex.start : timex.end] == timex.text


def test_evaluate_dates_scores_storyline_and_dateparser(aquaint: Path, tmp_path: Path) -> None:
    result = evaluate_dates([aquaint], peers=["dateparser"], cache_dir=tmp_path, limit=3)
    assert set(result) == {"storyline", "dateparser"}
    storyline = result["storyline"]["aquaint_dev"]
    assert storyline["gold"] == sum(len(d.timexes) for d in read_gold(aquaint)[:3])
    assert storyline["relaxed"]["p"] is not None and storyline["relaxed"]["p"] > 50
    cached = list(tmp_path.glob("dates-dateparser-*.jsonl"))
    assert len(cached) == 1
    rows = [json.loads(line) for line in cached[0].read_text().splitlines()]
    assert len(rows) == 3 and all({"id", "dates"} <= set(row) for row in rows)
    again = evaluate_dates([aquaint], peers=["dateparser"], cache_dir=tmp_path, limit=3)
    assert again == result
    assert "| storyline |" in render_table(result)
