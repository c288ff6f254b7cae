"""Tests for storyline.analyze.figures on the Baghouz seed articles and Timeline17 sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze.figures import APPROX_SHARE, find_figures
from storyline.model import DateRef, Figure, PartialDate

PUBLISHED = PartialDate(2019, 3, 19)


@pytest.fixture(scope="module")
def seed_docs(nlp: Language, seed_texts: dict[str, str]) -> dict[str, Doc]:
    """Parsed seed articles, keyed by the three-digit prefix of their file name."""
    return {stem[:3]: nlp(text) for stem, text in seed_texts.items()}


@pytest.fixture(scope="module")
def seed_figures(seed_docs: dict[str, Doc]) -> dict[str, tuple[Figure, ...]]:
    return {key: find_figures(doc, (), PUBLISHED) for key, doc in seed_docs.items()}


def _one(figures: tuple[Figure, ...], text: str) -> Figure:
    """Return the only figure whose surface text is ``text``."""
    found = [fig for fig in figures if fig.text == text]
    assert len(found) == 1, [fig.text for fig in figures]
    return found[0]


def _figures(nlp: Language, text: str) -> tuple[Figure, ...]:
    return find_figures(nlp(text), (), None)


def test_figures_exact_counts_in_reuters_seed(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    figures = seed_figures["003"]
    killed = _one(figures, '1,306 "terrorists"')
    assert (killed.value, killed.low, killed.high, killed.unit) == (1306, None, None, "terrorists")
    assert _one(figures, "5,000 armed militants").unit == "militants"
    assert _one(figures, "34,000 civilians").value == 34000
    assert _one(figures, "520 militants").value == 520


def test_figures_lower_bound_from_more_than(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    fled = _one(seed_figures["003"], "more than 60,000 people")
    assert (fled.value, fled.low, fled.high, fled.unit) == (60000, 60000, None, "people")
    percent = _one(seed_figures["002"], "more than 96 per cent")
    assert (percent.value, percent.low, percent.unit) == (96, 96, "percent")


def test_figures_approximation_widens_both_ways(
    seed_figures: dict[str, tuple[Figure, ...]],
) -> None:
    held = _one(seed_figures["003"], "around 67,000 people")
    assert held.value == 67000
    assert held.low == pytest.approx(67000 * (1 - APPROX_SHARE))
    assert held.high == pytest.approx(67000 * (1 + APPROX_SHARE))
    fighters = _one(seed_figures["000"], "an estimated 500 fighters")
    assert (fighters.low, fighters.high) == pytest.approx((450, 550))
    assert _one(seed_figures["004"], "some 5,000 fighters").low == pytest.approx(4500)
    assert _one(seed_figures["001"], "Roughly 70,000 women").high == pytest.approx(77000)


def test_figures_upper_bound_from_nearly_and_up_to(
    seed_figures: dict[str, tuple[Figure, ...]],
) -> None:
    dead = _one(seed_figures["001"], "nearly 240 dead")
    assert (dead.value, dead.low, dead.high, dead.unit) == (240, None, 240, "dead")
    up_to = _one(seed_figures["002"], "up to 3000")
    assert (up_to.low, up_to.high, up_to.unit) == (None, 3000, "fighters")


def test_figures_ranges_keep_low_as_value(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    fighters = _one(seed_figures["002"], "1500 to 2500 Isis fighters")
    assert (fighters.value, fighters.low, fighters.high) == (1500, 1500, 2500)
    assert fighters.unit == "fighters"
    money = _one(seed_figures["001"], "between $50 million and $300 million")
    assert (money.value, money.low, money.high, money.unit) == (50e6, 50e6, 300e6, "USD")
    # "(between 44.5 million and 266.7 million euros)" converts the dollars: no figure
    assert all(fig.unit != "EUR" for fig in seed_figures["001"])
    assert _one(seed_figures["001"], "20 to 30 meters").unit == "m"


def test_figures_number_words_and_measures(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    ruled = _one(seed_figures["000"], "eight million people")
    assert (ruled.value, ruled.unit) == (8e6, "people")
    assert _one(seed_figures["000"], "840 square yards").unit == "square yards"
    distance = _one(seed_figures["002"], "about 320km")
    assert (distance.value, distance.unit) == (320, "km")
    assert _one(seed_figures["002"], "six Tu-22M bombers").value == 6


def test_figures_bare_number_takes_the_unit_before_it(
    seed_figures: dict[str, tuple[Figure, ...]],
) -> None:
    # "82 SDF fighters had been killed and 61 injured."
    injured = _one(seed_figures["003"], "61")
    assert injured.unit == "fighters"
    assert injured.sentence == _one(seed_figures["003"], "82 SDF fighters").sentence


def test_figures_subject_resolves_the_camp(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    # "a camp at al-Hol" earlier; then "The United Nations says the camp now holds …".
    assert _one(seed_figures["003"], "around 67,000 people").subject == "al-Hol"
    assert _one(seed_figures["003"], "an estimated 20,000 Iraqi women").subject == "al-Hol"
    # "found in al-Hawl, a camp with 39,000 displaced people".
    assert _one(seed_figures["000"], "39,000 displaced people").subject == "al-Hawl"
    assert _one(seed_figures["001"], "Roughly 70,000 women").subject == "Al Hawl"


def test_figures_subject_from_clause_names(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    assert _one(seed_figures["000"], "more than 1,200").subject == "Baghouz"
    assert _one(seed_figures["000"], "More than 50,000 homes").subject == "Mosul"
    assert _one(seed_figures["003"], "82 SDF fighters").subject == "SDF"
    # "The town, about 320km west of Baghdad": the town is al-Qaim, mentioned last.
    assert _one(seed_figures["002"], "about 320km").subject == "al-Qaim"


def test_figures_subject_skips_who_reports(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    # "Mustafa Bali, told Reuters only about 100 militants … had surrendered".
    assert _one(seed_figures["003"], "about 100 militants").subject is None
    assert _one(seed_figures["003"], "more than 60,000 people").subject is None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("000", 19),  # "Now 19, and pregnant for the third time"
        ("000", 2019),  # "on February 13, 2019"
        ("000", 14),  # "14 months ago"
        ("001", 4),  # "the 4th Armored Division"
        ("001", 14),  # "issue 14/2019"
        ("001", 13),  # "perhaps 13 years old"
        ("001", 1),  # "one-legged man", "one of the last days"
        ("002", 22),  # "Tu-22M"
        ("003", 56),  # "NASA Expedition 56"
        ("003", 24),  # "the 24th Weapons of Mass Destruction Civil Support Team"
        ("003", 17),  # "March 17, 2019"
        ("004", 19),  # "date 2019-03-19"
    ],
)
def test_figures_leave_out_non_counts(
    seed_figures: dict[str, tuple[Figure, ...]], key: str, value: float
) -> None:
    assert value not in [fig.value for fig in seed_figures[key]]


def test_figures_leave_out_vague_plurals(seed_figures: dict[str, tuple[Figure, ...]]) -> None:
    texts = [fig.text.lower() for figures in seed_figures.values() for fig in figures]
    assert not [text for text in texts if "hundreds" in text]
    assert all(text.startswith("tens of thousands") for text in texts if "thousands" in text)


def test_figures_order_of_magnitude_is_a_range(
    seed_figures: dict[str, tuple[Figure, ...]],
) -> None:
    found = [f for figs in seed_figures.values() for f in figs]
    fig = next(f for f in found if f.text.lower().startswith("tens of thousands"))
    assert (fig.value, fig.low, fig.high) == (10_000, 10_000, 100_000)


def test_figures_spans_index_the_text(
    seed_docs: dict[str, Doc], seed_figures: dict[str, tuple[Figure, ...]]
) -> None:
    for key, doc in seed_docs.items():
        sents = list(doc.sents)
        for fig in seed_figures[key]:
            assert doc.text[fig.start : fig.end] == fig.text
            assert sents[fig.sentence].start_char <= fig.start < sents[fig.sentence].end_char
        starts = [fig.start for fig in seed_figures[key]]
        assert starts == sorted(starts)


def test_figures_as_of_prefers_a_date_in_the_sentence(nlp: Language) -> None:
    text = "On Monday the SDF said 157 fighters were captured. Another 520 militants were held."
    doc = nlp(text)
    monday = DateRef("Monday", 3, 9, PartialDate(2019, 3, 18), 0)
    captured, held = find_figures(doc, (monday,), PUBLISHED)
    assert (captured.text, captured.as_of, captured.sentence) == ("157 fighters", monday.date, 0)
    assert (held.as_of, held.sentence) == (PUBLISHED, 1)
    assert find_figures(doc, (), None)[0].as_of is None


def test_figures_skip_numbers_inside_dates(nlp: Language) -> None:
    text = "The report of 2019-03-19 counted 20 people."
    doc = nlp(text)
    date = DateRef("2019-03-19", 14, 24, PartialDate(2019, 3, 19), 0)
    assert [fig.text for fig in find_figures(doc, (date,), None)] == ["20 people"]


def test_figures_empty_and_numberless_text(nlp: Language) -> None:
    assert find_figures(nlp(""), (), None) == ()
    assert _figures(nlp, "The coalition says it takes great care to avoid killing civilians.") == ()


def test_figures_one_sentence(nlp: Language) -> None:
    (fig,) = _figures(nlp, "The camp now holds around 67,000 people.")
    assert (fig.text, fig.start, fig.end, fig.unit, fig.subject) == (
        "around 67,000 people",
        19,
        39,
        "people",
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mr Suttles estimated something between 1,000 and 5,000 barrels a day were leaking .",
            [("between 1,000 and 5,000 barrels a day", 1000, 1000, 5000, "barrels/day")],
        ),
        (
            "Earlier , BP said more oil than the 5,000 barrels a day it first estimated were "
            "gushing from the burst well .",
            [("5,000 barrels a day", 5000, None, None, "barrels/day")],
        ),
        (
            "The oil slick caused by the leak is 45 miles by 105 miles and is heading towards "
            "the coast .",
            [("45 miles", 45, None, None, "miles"), ("105 miles", 105, None, None, "miles")],
        ),
        (
            "Exxon dealt with lawsuits for decades after its Valdez supertanker ran aground and "
            "spilled 11 million gallons of crude into Alaska 's Prince William Sound in 1989 .",
            [("11 million gallons", 11e6, None, None, "gallons")],
        ),
        (
            "A hundred and fifty-two others were wounded . ",
            [("A hundred and fifty-two others", 152, None, None, "others")],
        ),
        (
            "Russian president Dmitry Medvedev blames lax airport security for the suicide "
            "bombing that killed 35 people and injured 152 at Moscow 's busiest airport .",
            [("35 people", 35, None, None, "people"), ("152", 152, None, None, "people")],
        ),
        (
            "As a result , the Obama Administration is announcing a new program that will help "
            "as many as 4 to 5 million responsible homeowners .",
            [("as many as 4 to 5 million responsible homeowners", 4e6, 4e6, 5e6, "homeowners")],
        ),
        (
            "The Dow Jones industrial average fell 68 points , or 0.6 % , to 11,892 .",
            [
                ("68 points", 68, None, None, "points"),
                ("0.6 %", 0.6, None, None, "percent"),
                ("11,892", 11892, None, None, None),
            ],
        ),
    ],
)
def test_figures_timeline17_sentences(
    nlp: Language,
    sentence: str,
    expected: list[tuple[str, float, float | None, float | None, str | None]],
) -> None:
    figures = _figures(nlp, sentence)
    assert [(fig.text, fig.value, fig.low, fig.high, fig.unit) for fig in figures] == expected
    assert all(sentence[fig.start : fig.end] == fig.text for fig in figures)


@pytest.mark.parametrize(
    "sentence",
    [
        "He would have been 100 years old today . ",
        "A wreath will be laid at 10:30 a.m. at the Space Mirror Memorial at Kennedy Space "
        "Center .",
        "There 's coverage of the afternoon 's 3pm football kick-offs , including Hull versus "
        "Burnley in the Premier League .",
        "In 2003 , the Republicans wanted to regulate Fannie Mae and Freddy Mac .",
        "The 32-year-old was a photographer for the European PressPhoto Agency . ",
        "They 're incredibly enthusiastic , even though it 's the 7th day of protests . ",
        "-LRB- 53 -RRB- -LRB- 56 -RRB- He improved the unit 's flight readiness and safety "
        "records .",
        "The world 's No. 1 tennis player suffered a shocking upset at the Aussie Open "
        "quarterfinals on Wednesday , falling 6-4 , 6-2 , 6-3 to fellow Spaniard David Ferrer .",
        "However , my husband is a disabled USMC veteran of the VIETNAM WAR , 1969-1972 . ",
        "The attack killed dozens of people .",
    ],
)
def test_figures_timeline17_non_counts(nlp: Language, sentence: str) -> None:
    assert _figures(nlp, sentence) == ()


def _timeline17_line(needle: str) -> str:
    """The first Timeline17 sentence (one a line, PTB tokens) holding ``needle``."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "timeline17"
    for path in sorted(root.glob("*/InputDocs/*/*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if needle in line:
                return line
    pytest.skip(f"no Timeline17 line holds {needle!r}")


def test_figures_range_split_by_tokeniser_spacing(nlp: Language) -> None:
    line = _timeline17_line("12,000-19 ,000 barrels a day")
    fig = next(f for f in _figures(nlp, line) if f.unit == "barrels/day")
    assert (fig.value, fig.low, fig.high) == (12_000, 12_000, 19_000)


def test_figures_attributed_to_the_reporting_source(nlp: Language) -> None:
    text = "Human Rights Watch said Tuesday 302 people had been killed in the protests."
    fig = _one(_figures(nlp, text), "302 people")
    assert fig.attributed_to == "Human Rights Watch"
