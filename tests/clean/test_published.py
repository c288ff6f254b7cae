"""Publication dates inferred from article text: seed articles, Timeline17 and made-up headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean.published import infer_published
from storyline.model import PartialDate

# Share of Timeline17 articles (by folder date) that must be dated right when a date is
# given: to the day within a week, or to the right month. Measured: 0.90 on this sample.
MIN_T17_PRECISION = 0.85
# Share of those articles that must get a date at all. Measured: 0.43 (the texts have no
# headers; many name no full date at all).
MIN_T17_COVERAGE = 0.35
T17_SAMPLE_STEP = 9  # every 9th article: ~400 of them, a second or so


def _seed(seed_texts: dict[str, str], prefix: str) -> str:
    return next(text for stem, text in seed_texts.items() if stem.startswith(prefix))


def test_infer_published_seed_004_dateline_label(seed_texts: dict[str, str]) -> None:
    assert infer_published(_seed(seed_texts, "004")) == PartialDate(2019, 3, 19)


def test_infer_published_seed_001_issue_line(seed_texts: dict[str, str]) -> None:
    # A feature full of 2014 dates; the issue line at the end dates it.
    assert infer_published(_seed(seed_texts, "001")) == PartialDate(2019, 3, 30)


def test_infer_published_seed_003_caption_agrees_with_sunday(seed_texts: dict[str, str]) -> None:
    # Captions "Syria March 17, 2019" and the text's "on Sunday": March 17, 2019 was a Sunday.
    assert infer_published(_seed(seed_texts, "003")) == PartialDate(2019, 3, 17)


def test_infer_published_seed_000_latest_date_gives_the_month(seed_texts: dict[str, str]) -> None:
    # Latest full date: February 13, 2019, a Wednesday; the text's "on Friday" disagrees,
    # so only the month is claimed.
    assert infer_published(_seed(seed_texts, "000")) == PartialDate(2019, 2)


def test_infer_published_seed_002_without_full_date_is_none(seed_texts: dict[str, str]) -> None:
    assert infer_published(_seed(seed_texts, "002")) is None


def test_infer_published_empty_text() -> None:
    assert infer_published("") is None


def test_infer_published_text_without_dates() -> None:
    text = "Caliphate reduced to crumbs\n\nIslamic State's territory has been reduced yesterday."
    assert infer_published(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nUpdated 12:30 GMT, 17 March 2019\n\nBody.", PartialDate(2019, 3, 17)),
        ("Title\nPublished: March 19, 2019 5:00 pm ET\nBody.", PartialDate(2019, 3, 19)),
        (
            " date 2019-03-19 DEIR AL-ZOR PROVINCE, Syria (Reuters) - Forces said…",
            PartialDate(2019, 3, 19),
        ),
        (
            "Page last updated at 05:27 GMT , Tuesday , 27 September 2011 06:27 UK Body .",
            PartialDate(2011, 9, 27),
        ),
        (
            "By A. Writer | Published March 3, 2019\nUpdated March 5, 2019\nBody.",
            PartialDate(2019, 3, 3),
        ),
        ("Title\nPublished: March 2019\nBody without a day.", PartialDate(2019, 3)),
    ],
)
def test_infer_published_labelled_lines(text: str, expected: PartialDate) -> None:
    assert infer_published(text) == expected


def test_infer_published_wire_dateline_takes_year_from_text() -> None:
    text = (
        "WASHINGTON, March 3 (Reuters) - The talks that collapsed on Feb. 27, 2019 in Hanoi "
        "will resume, officials said on Sunday."
    )
    assert infer_published(text) == PartialDate(2019, 3, 3)


def test_infer_published_ptb_dateline_with_year_on_next_year() -> None:
    text = "CAIRO , Jan. 2 -LRB- Reuters -RRB- - Protests that began on Dec. 30 , 2018 went on ."
    assert infer_published(text) == PartialDate(2019, 1, 2)


def test_infer_published_dateline_without_any_year_is_none() -> None:
    text = "CARACAS , March 3 -LRB- Reuters -RRB- - Venezuela hopes Lula could mediate ."
    assert infer_published(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "A version of this article appears in print on March 30, 2019, on Page A1.",
        "This article appeared in the March 30, 2019 print edition.",
    ],
)
def test_infer_published_print_issue(line: str) -> None:
    text = f"Headline\n\nIn July 2014 the group took Mosul. On June 10, 2014 it advanced.\n\n{line}"
    assert infer_published(text) == PartialDate(2019, 3, 30)


def test_infer_published_ignores_dates_in_future_clauses() -> None:
    text = (
        "Headline\n\n" + "Filler sentence about the war. " * 30 + "Fighting resumed on "
        "March 3, 2019, officials said. The vote is scheduled for May 26, 2019."
    )
    assert infer_published(text) == PartialDate(2019, 3, 3)


def test_infer_published_prefers_top_dates_over_a_later_footer() -> None:
    text = (
        "Strikes hit the enclave on Sunday, March 17, 2019, witnesses said.\n\n"
        + "More detail about the fighting. " * 60
        + "\n\nComments\nposted 7:01 pm ET February 11, 2020 RETWEET"
    )
    assert infer_published(text) == PartialDate(2019, 3, 17)


def test_infer_published_history_older_than_the_text_is_not_a_date() -> None:
    text = (
        "The field marshal was born on October 31, 1935, and fought in 1956 and 1973. "
        "In 2011 he led the council that took power."
    )
    assert infer_published(text) is None


def test_infer_published_t17_sample_precision(shared_data: Path) -> None:
    paths = sorted((shared_data / "timeline17").glob("*/InputDocs/*/*.txt"))[::T17_SAMPLE_STEP]
    assert len(paths) > 300
    good = bad = 0
    for path in paths:
        inferred = infer_published(path.read_text(encoding="utf-8"))
        if inferred is None:
            continue
        gold = PartialDate.from_iso(path.parent.name)
        if inferred.precision == "day":
            right = abs((inferred.to_date() - gold.to_date()).days) <= 7
        else:
            right = (inferred.year, inferred.month or gold.month) == (gold.year, gold.month)
        good, bad = good + right, bad + (not right)
    assert good / (good + bad) >= MIN_T17_PRECISION
    assert (good + bad) / len(paths) >= MIN_T17_COVERAGE
