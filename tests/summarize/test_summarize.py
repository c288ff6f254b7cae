from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate.sources import source_keys
from storyline.ingest import read
from storyline.model import AnalyzedArticle, CitedLine, CleanArticle, Sentence
from storyline.summarize import Summary, summarize
from storyline.summarize._candidates import find_candidates
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds() -> tuple[AnalyzedArticle, ...]:
    return tuple(analyze(clean(read([str(EXAMPLES)]).articles)))


def _keys(analyzed: tuple[AnalyzedArticle, ...]) -> dict[str, str]:
    return source_keys([a.clean for a in analyzed])


def _texts(analyzed: tuple[AnalyzedArticle, ...]) -> dict[str, str]:
    return {a.id: a.clean.text for a in analyzed}


def _lines(summary: Summary) -> list[CitedLine]:
    return [*([summary.headline] if summary.headline else []), *summary.digest]


def _sentence(text: str, body: str) -> Sentence:
    start = body.index(text)
    return Sentence(start, start + len(text), text)


def _paragraphs(aid: str, body: str) -> AnalyzedArticle:
    """An analysed article whose sentences are the paragraphs of ``body``."""
    return AnalyzedArticle(
        clean=CleanArticle(id=aid, text=body),
        sentences=tuple(_sentence(part, body) for part in body.split("\n\n")),
    )


def test_summarize_seed_headline_is_one_short_cited_sentence(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    summary = summarize(seeds, keys=_keys(seeds))
    assert summary.headline is not None
    assert len(summary.headline.text.split()) <= 40
    texts = _texts(seeds)
    for cite in summary.headline.citations:
        assert texts[cite.article][cite.start : cite.end] == summary.headline.text


def test_summarize_seed_digest_lines_equal_their_cited_spans(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    summary = summarize(seeds, keys=_keys(seeds))
    texts = _texts(seeds)
    assert 1 <= len(summary.digest) <= 5
    assert len({line.text for line in summary.digest}) == len(summary.digest)
    for line in summary.digest:
        assert line.citations
        for cite in line.citations:
            assert texts[cite.article][cite.start : cite.end] == line.text


def test_summarize_seed_digest_holds_no_caption_or_furniture(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    summary = summarize(seeds, keys=_keys(seeds), max_sentences=20)
    removed = {r.text.strip() for a in seeds for r in a.clean.removed}
    for line in summary.digest:
        assert line.text not in removed
        assert line.text[-1] in ".!\"'”’)"
        assert "?" not in line.text[-2:]
        assert "http" not in line.text
        assert not line.text.lower().startswith(("click", "sign up", "subscribe"))


def test_summarize_seed_is_deterministic(seeds: tuple[AnalyzedArticle, ...]) -> None:
    first = summarize(seeds, keys=_keys(seeds))
    assert summarize(seeds, keys=_keys(seeds)) == first


def test_summarize_seed_event_title_and_dates(seeds: tuple[AnalyzedArticle, ...]) -> None:
    summary = summarize(seeds, keys=_keys(seeds))
    assert summary.title
    assert summary.start is not None and summary.end is not None
    assert summary.start.to_date() <= summary.end.to_date()
    latest = max(a.clean.published.to_date() for a in seeds if a.clean.published)
    assert summary.end.to_date() == latest


def test_summarize_word_budget_is_respected(seeds: tuple[AnalyzedArticle, ...]) -> None:
    summary = summarize(seeds, keys=_keys(seeds), max_sentences=50, max_words=60)
    assert summary.digest
    assert sum(len(line.text.split()) for line in summary.digest) <= 60
    longer = summarize(seeds, keys=_keys(seeds), max_sentences=50, max_words=200)
    assert sum(len(line.text.split()) for line in longer.digest) > 60


def test_summarize_digest_follows_publication_then_position(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    summary = summarize(seeds, keys=_keys(seeds), max_sentences=8)
    published = {a.id: a.clean.published for a in seeds}
    days = [published[line.citations[0].article] for line in summary.digest]
    dated = [day.to_date() for day in days if day is not None]
    assert dated == sorted(dated)


def test_summarize_empty_input_gives_no_headline_and_no_digest() -> None:
    summary = summarize((), keys={})
    assert summary == Summary(title="", headline=None, digest=())


def test_summarize_one_article_cites_it() -> None:
    body = (
        "Rescue teams pulled twelve miners alive from the flooded shaft on Tuesday after "
        "three days underground.\n\nThe miners were taken to the regional hospital for checks, "
        "officials said.\n\nWhat happens next?\n\nPhoto: the mine entrance at dawn."
    )
    first = "Rescue teams pulled twelve miners alive from the flooded shaft on Tuesday after three days underground."  # noqa: E501
    second = "The miners were taken to the regional hospital for checks, officials said."
    article = AnalyzedArticle(
        clean=CleanArticle(id="one", text=body),
        sentences=tuple(
            _sentence(t, body)
            for t in (first, second, "What happens next?", "Photo: the mine entrance at dawn.")
        ),
    )
    summary = summarize((article,), keys={"one": "one"})
    assert summary.headline is not None and summary.headline.text == first
    assert [line.text for line in summary.digest] == [second]
    assert summary.title == first


def test_summarize_cites_every_independent_source_with_the_same_sentence() -> None:
    shared = "The bridge over the river reopened to traffic on Monday after two years of repairs."
    texts = {
        "a": f"{shared}\n\nThe city council approved the final budget for the repair work.",
        "b": f"Drivers cheered as the barriers came down at noon.\n\n{shared}",
    }
    analyzed = tuple(_paragraphs(aid, body) for aid, body in texts.items())
    summary = summarize(analyzed, keys={"a": "a", "b": "b"})
    line = next(line for line in _lines(summary) if line.text == shared)
    assert {cite.article for cite in line.citations} == {"a", "b"}
    same_source = summarize(analyzed, keys={"a": "x", "b": "x"})
    line = next(line for line in _lines(same_source) if line.text == shared)
    assert len(line.citations) == 1


def test_candidates_drop_questions_fragments_and_unattributed_quotes() -> None:
    body = (
        "Is this the end of the war for the people of the valley?\n\n"
        '"We will never leave this place, whatever they do to us now."\n\n'
        '"We will never leave this place," a farmer told reporters on Sunday.\n\n'
        "Three killed.\n\n"
        "WORLD NEWS: Latest Updates From The Front Line Today\n\n"
        "BAGHDAD (Wire) - Officials counted the votes in the northern provinces overnight."
    )
    parts = body.split("\n\n")
    article = _paragraphs("q", body)
    texts = [c.text for c in find_candidates((article,))]
    assert texts == [
        parts[2],
        "Officials counted the votes in the northern provinces overnight.",
    ]


@pytest.mark.parametrize("budget", [None, 40, 120])
def test_summarize_seed_digest_never_repeats_the_headline(
    seeds: tuple[AnalyzedArticle, ...], budget: int | None
) -> None:
    summary = summarize(seeds, keys=_keys(seeds), max_sentences=20, max_words=budget)
    assert summary.headline is not None and summary.digest
    assert summary.headline.text not in {line.text for line in summary.digest}


def test_summarize_count_headline_keeps_headline_and_digest_within_budget(
    seeds: tuple[AnalyzedArticle, ...],
) -> None:
    summary = summarize(
        seeds, keys=_keys(seeds), max_sentences=50, max_words=150, count_headline=True
    )
    words = sum(len(line.text.split()) for line in _lines(summary))
    assert 100 < words <= 150
    alone = summarize(seeds, keys=_keys(seeds), max_sentences=50, max_words=150)
    assert sum(len(line.text.split()) for line in _lines(alone)) > 150


def test_candidates_keep_statements_that_quote_a_short_phrase() -> None:
    body = (
        "It is only the second time a “Thing” site has been uncovered in the UK.\n\n"
        'Critics called the new fee a "tax on reading" when the council approved it on Monday.\n\n'
        "“I am incredibly flattered to have been suggested to be involved with the arts.”"
    )
    parts = body.split("\n\n")
    article = _paragraphs("s", body)
    assert [c.text for c in find_candidates((article,))] == parts[:2]


def test_summarize_lines_never_restate_one_another() -> None:
    texts = {
        "a": (
            "Engineers said the old bridge over the river “will reopen to traffic on Monday” "
            "after two years of repairs.\n\n"
            "The city council approved the final budget for the repair work in March."
        ),
        "b": (
            'Engineers said the old bridge over the river "will reopen to traffic on Monday" '
            "after two years of repairs, the mayor's office confirmed.\n\n"
            "Local shop owners expect more customers once drivers can cross again."
        ),
    }
    analyzed = tuple(_paragraphs(aid, body) for aid, body in texts.items())
    summary = summarize(analyzed, keys={"a": "a", "b": "b"}, max_sentences=10)
    lines = [line.text for line in _lines(summary)]
    assert len(lines) == 3
    assert sum("will reopen to traffic" in line for line in lines) == 1


@pytest.mark.issue(10)
def test_candidates_cite_after_an_update_stamp() -> None:
    body = "(Update 4:10 p.m. local time) The ministry said two bridges reopened to traffic."
    (candidate,) = find_candidates([_paragraphs("live", body)])
    assert candidate.text == "The ministry said two bridges reopened to traffic."
    assert body[candidate.start : candidate.end] == candidate.text


@pytest.mark.issue(10)
def test_candidates_drop_sentences_opening_on_a_connective() -> None:
    body = (
        "However, the ministry said the bridges would stay closed until May.\n\n"
        "Meanwhile, engineers inspected the northern span for cracks on Monday.\n\n"
        "Andersen, the chief engineer, said the work would end on Friday."
    )
    texts = [c.text for c in find_candidates([_paragraphs("bridges", body)])]
    assert texts == ["Andersen, the chief engineer, said the work would end on Friday."]


@pytest.mark.issue(10)
def test_summarize_seed_lines_stand_on_their_own(seeds: tuple[AnalyzedArticle, ...]) -> None:
    summary = summarize(seeds, keys=_keys(seeds))
    openings = [line.text.split()[0].strip(",").lower() for line in _lines(summary)]
    assert not set(openings) & {"however", "but", "and", "meanwhile", "also", "yet"}
