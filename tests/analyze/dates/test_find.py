"""find_dates: date mentions of real articles from the seeds and Timeline17."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyze.dates import find_dates
from storyline.model import DateRef, PartialDate


def _seed(seed_texts: dict[str, str], prefix: str) -> str:
    return next(text for stem, text in seed_texts.items() if stem.startswith(prefix))


def _by_text(refs: tuple[DateRef, ...]) -> dict[str, list[PartialDate]]:
    found: dict[str, list[PartialDate]] = {}
    for ref in refs:
        found.setdefault(ref.text, []).append(ref.date)
    return found


def _assert_offsets(text: str, refs: tuple[DateRef, ...], n_sents: int) -> None:
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert 0 <= ref.sentence < n_sents


def test_find_dates_empty_text(nlp: Language) -> None:
    assert find_dates(nlp(""), PartialDate(2019, 3, 19)) == ()


def test_find_dates_text_without_dates(nlp: Language) -> None:
    doc = nlp("The SDF said 1,306 terrorists had been killed. Some 5,000 fighters gave up.")
    assert find_dates(doc, PartialDate(2019, 3, 19)) == ()


def test_find_dates_one_sentence(nlp: Language) -> None:
    text = "On Friday suicide blasts targeted some of the people leaving Baghouz."
    refs = find_dates(nlp(text), PartialDate(2019, 3, 17))
    assert [(ref.text, ref.date, ref.sentence, ref.relative) for ref in refs] == [
        ("Friday", PartialDate(2019, 3, 15), 0, True)
    ]


def test_find_dates_seed_004_dateline_and_weekdays(
    nlp: Language, seed_texts: dict[str, str]
) -> None:
    text = _seed(seed_texts, "004")
    doc = nlp(text)
    refs = find_dates(doc, PartialDate(2019, 3, 19))
    _assert_offsets(text, refs, len(list(doc.sents)))
    found = _by_text(refs)
    assert found["2019-03-19"] == [PartialDate(2019, 3, 19)]  # spaCy tags only "2019-03"
    assert found["Monday"] == [PartialDate(2019, 3, 18)] * 3
    assert found["March 18, 2019"] == [PartialDate(2019, 3, 18)]
    assert found["2014"] == [PartialDate(2014)]
    monday = next(ref for ref in refs if ref.text == "Monday")
    assert monday.relative
    assert "Monday" in list(doc.sents)[monday.sentence].text


def test_find_dates_seed_000_skips_durations(nlp: Language, seed_texts: dict[str, str]) -> None:
    text = _seed(seed_texts, "000")
    doc = nlp(text)
    refs = find_dates(doc, PartialDate(2019, 2, 17))
    _assert_offsets(text, refs, len(list(doc.sents)))
    found = _by_text(refs)
    assert found["yesterday"] == [PartialDate(2019, 2, 16)]
    assert found["14 months ago"] == [PartialDate(2017, 12)]
    assert found["February 13, 2019"] == [PartialDate(2019, 2, 13)] * 2
    assert found["last week"] == [PartialDate(2019, 2)]
    assert not {"five bloodstained years", "days", "recent months", "the past week"} & set(found)
    assert not any("later" in ref.text for ref in refs)


def test_find_dates_seed_001_narrative_years(nlp: Language, seed_texts: dict[str, str]) -> None:
    text = _seed(seed_texts, "001")
    doc = nlp(text)
    refs = find_dates(doc, PartialDate(2019, 3, 30))
    _assert_offsets(text, refs, len(list(doc.sents)))
    found = _by_text(refs)
    assert found["June"] == [PartialDate(2014, 6)]  # "by summer 2014. In June, it began…"
    assert PartialDate(2019, 1) in found["early January"]  # not January 2014 after July 2014
    assert found["March 23"] == [PartialDate(2019, 3, 23)] * 2
    assert found["Jan. 6"] == [PartialDate(2019, 1, 6)]
    assert found["March 30th, 2019"] == [PartialDate(2019, 3, 30)]
    assert "some 100 years ago" not in found and found["100 years ago"] == [PartialDate(1919)]


def test_find_dates_seed_002_news_month_is_not_anchored_to_history(
    nlp: Language, seed_texts: dict[str, str]
) -> None:
    text = _seed(seed_texts, "002")
    refs = find_dates(nlp(text), PartialDate(2017, 11, 5))
    found = _by_text(refs)
    # "in 2014 and 2015, Isis held … Mosul, which it lost in July": July of this year.
    assert found["July"] == [PartialDate(2017, 7)] * 2
    assert found["last month"] == [PartialDate(2017, 10)]
    assert found["yesterday"] == [PartialDate(2017, 11, 4)] * 3
    assert found["2015"] == [PartialDate(2015)]


def test_find_dates_seed_003_without_publication_keeps_absolute_only(
    nlp: Language, seed_texts: dict[str, str]
) -> None:
    text = _seed(seed_texts, "003")
    refs = find_dates(nlp(text), None)
    assert refs
    assert all(not ref.relative for ref in refs)
    assert {"Sunday", "Friday", "last Monday", "Jan. 9"}.isdisjoint(ref.text for ref in refs)
    assert {"March 17, 2019", "2014", "May 2, 2018"} <= {ref.text for ref in refs}


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "expected"),
    [
        (
            "At the United Nations , Secretary-General Ban Ki-moon said he has seen no signs of "
            "a cease-fire by Libyan government authorities , as called for by U.N. Resolution "
            "1973 , which was hurriedly passed last Thursday as Libyan forces were closing in on "
            "the rebel stronghold of Benghazi .",
            PartialDate(2011, 3, 25),
            "last Thursday",
            PartialDate(2011, 3, 17),
        ),
        (
            "Dr Murray - who was with the singer when he collapsed last Thursday - had provided "
            "information that `` will aid the investigation '' , the police said .",
            PartialDate(2009, 6, 28),
            "last Thursday",
            PartialDate(2009, 6, 25),
        ),
        (
            "At the same briefing , a coastguard official said the oil slick was expected to "
            "wash ashore on the Gulf Coast on Friday .",
            PartialDate(2010, 4, 29),
            "Friday",
            PartialDate(2010, 4, 30),
        ),
        (
            "Five times as much oil as previously thought could be leaking from the well beneath "
            "where a rig exploded and sank last week , the US Coast Guard says .",
            PartialDate(2010, 4, 29),
            "last week",
            PartialDate(2010, 4),
        ),
        (
            "-LRB- Daniel Roland - AP -RRB- A pedestrian walks under an electric market board in "
            "Tokyo , Thursday , Oct. 16 , 2008 .",
            PartialDate(2008, 10, 17),
            "Thursday , Oct. 16 , 2008",
            PartialDate(2008, 10, 16),
        ),
    ],
)
def test_find_dates_t17_sentences(
    nlp: Language, sentence: str, published: PartialDate, expression: str, expected: PartialDate
) -> None:
    doc = nlp(sentence)
    refs = find_dates(doc, published)
    _assert_offsets(sentence, refs, len(list(doc.sents)))
    assert _by_text(refs)[expression] == [expected]


def test_find_dates_t17_relative_days_near_folder_date(nlp: Language, shared_data: Path) -> None:
    folder = shared_data / "timeline17" / "bpoil_bbc" / "InputDocs"
    paths = sorted(folder.glob("2010-0[45]-*/*.txt"))[:12]
    deltas: list[int] = []
    for path in paths:
        published = PartialDate.from_iso(path.parent.name)
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        refs = find_dates(doc, published)
        _assert_offsets(text, refs, len(list(doc.sents)))
        deltas += [
            (ref.date.to_date() - published.to_date()).days
            for ref in refs
            if ref.relative and ref.date.precision == "day"
        ]
    assert len(deltas) >= 10
    assert sum(-14 <= delta <= 7 for delta in deltas) / len(deltas) >= 0.9


# ---------------------------------------------------------------- issue 9 §2


def _refs(nlp: Language, text: str, published: PartialDate) -> dict[str, list[DateRef]]:
    found: dict[str, list[DateRef]] = {}
    for ref in find_dates(nlp(text), published):
        assert text[ref.start : ref.end] == ref.text
        found.setdefault(ref.text, []).append(ref)
    return found


@pytest.mark.issue(9)
def test_find_dates_future_of_a_report_is_the_coming_day(nlp: Language) -> None:
    # Timeline17 bpoil_bbc, Saturday 2010-06-12: the Monday after, not the one before.
    text = (
        "The oil giant confirmed its directors would meet on Monday to discuss the "
        "possibility , but said no decision had yet been taken ."
    )
    assert _refs(nlp, text, PartialDate(2010, 6, 12))["Monday"][0].date == PartialDate(2010, 6, 14)


@pytest.mark.issue(9)
def test_find_dates_payment_dates_after_publication_are_ahead(nlp: Language) -> None:
    # TimeBank wsj_0752 (1989-10-27): gold 1989-12-07 and 1989-11-22, not a year back.
    text = (
        "AEP INDUSTRIES Inc. directors authorized a 3-for-2 split of the common, payable "
        "Dec. 7 to stock of record Nov. 22."
    )
    found = _refs(nlp, text, PartialDate(1989, 10, 27))
    assert found["Dec. 7"][0].date == PartialDate(1989, 12, 7)
    assert found["Nov. 22"][0].date == PartialDate(1989, 11, 22)


@pytest.mark.issue(9)
def test_find_dates_quarter_and_a_year_ago(nlp: Language) -> None:
    # TimeBank wsj_0171 (1989-11-02): gold third-quarter 1989-Q3, a year ago 1988-Q3.
    text = (
        "Valley Federal Savings amp Loan Association took an $89.9 million charge as it "
        "reported a third-quarter loss of $70.7 million, or $12.09 a share. The Van Nuys, "
        "Calif., thrift had net income of $132,000, or three cents a share, a year ago."
    )
    found = _refs(nlp, text, PartialDate(1989, 11, 2))
    quarter, year_ago = found["third-quarter"][0], found["a year ago"][0]
    assert (quarter.date, quarter.timex) == (PartialDate(1989), "1989-Q3")
    assert (year_ago.date, year_ago.timex) == (PartialDate(1988), "1988-Q3")


@pytest.mark.issue(9)
def test_find_dates_month_of_last_year_and_week(nlp: Language) -> None:
    # TimeBank APW19980219.0476 and PRI19980216.2000.0170: gold 1997-06 and 1998-W07.
    text = (
        "But in June last year, the remaining leadership had a falling out, and Pol Pot was "
        "arrested."
    )
    assert _refs(nlp, text, PartialDate(1998, 2, 19))["June last year"][0].date == PartialDate(
        1998 - 1, 6
    )
    text = (
        "Northern Ireland police said they believe the IRA was behind two killings in Belfast "
        "last week."
    )
    week = _refs(nlp, text, PartialDate(1998, 2, 16))["last week"][0]
    assert (week.date, week.timex) == (PartialDate(1998, 2), "1998-W07")


@pytest.mark.issue(9)
def test_find_dates_now_is_the_publication_date(nlp: Language) -> None:
    # TimeBank ABC19980108.1830.0711: gold "now" PRESENT_REF; "in October" 1997-10.
    text = (
        "She estimates her properties, worth a hundred thirty million dollars in October, "
        "are worth only half that now."
    )
    found = _refs(nlp, text, PartialDate(1998, 1, 8))
    now = found["now"][0]
    assert (now.date, now.timex, now.relative) == (PartialDate(1998, 1, 8), "PRESENT_REF", True)
    assert found["October"][0].date == PartialDate(1997, 10)


@pytest.mark.issue(9)
def test_find_dates_live_page_stamps_are_times_not_years(nlp: Language, shared_data: Path) -> None:
    path = shared_data / "timeline17/bpoil_bbc/InputDocs/2010-06-15/1832.htm.txt"
    text = path.read_text(encoding="utf-8")
    refs = find_dates(nlp(text), PartialDate(2010, 6, 15))
    stamps = {ref.text: ref for ref in refs if ref.timex and "T" in ref.timex}
    assert stamps["2159"].timex == "2010-06-15T21:59"
    assert stamps["2159"].date == PartialDate(2010, 6, 15)
    # "his campaign 2008 speeches" keeps its year; no stamp becomes one ("2056 :")
    years = {ref.date.year for ref in refs}
    assert max(years) == 2010
    assert any(ref.text == "2008" and ref.date == PartialDate(2008) for ref in refs)


@pytest.mark.issue(9)
def test_find_dates_chronology_years_stay_years(nlp: Language, shared_data: Path) -> None:
    path = shared_data / "timeline17/MJ_bbc/InputDocs/2011-11-30/176.htm.txt"
    text = path.read_text(encoding="utf-8")
    refs = find_dates(nlp(text), PartialDate(2011, 11, 30))
    assert not any(ref.timex and "T" in ref.timex for ref in refs)
    opening = [ref for ref in refs if text.startswith(("2000 Dr", "2006 Dr"), ref.start)]
    assert {ref.date for ref in opening} <= {PartialDate(2000), PartialDate(2006)}


@pytest.mark.issue(9)
def test_find_dates_spoken_years_of_transcripts(nlp: Language) -> None:
    # TimeBank PRI19980115.2000.0186 (an NPR transcript): gold 1991 and 1996.
    text = (
        "In nineteen ninety-one Charles Keating was convicted in state court of helping to "
        "defraud thousands of investors who bought high risk junk bonds sold by Keating's "
        "employees at Lincoln savings and loan. The bonds became worthless when the bankrupt "
        "thrift was seized by government regulators. Keating's convictions were thrown out "
        "in nineteen ninety-six on a technicality."
    )
    found = _refs(nlp, text, PartialDate(1998, 1, 15))
    assert found["nineteen ninety-one"][0].date == PartialDate(1991)
    assert found["nineteen ninety-six"][0].date == PartialDate(1996)
