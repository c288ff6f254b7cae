from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.ingest import read
from storyline.model import AnalyzedArticle, CleanArticle
from storyline.settings import Settings
from tests.builders import make_article, make_clean
from tests.conftest import EXAMPLES


def _spans_hold(analyzed: AnalyzedArticle) -> None:
    text = analyzed.clean.text
    for item in (*analyzed.entities, *analyzed.dates, *analyzed.places, *analyzed.figures):
        assert text[item.start : item.end] == item.text, item
    for sent in analyzed.sentences:
        assert text[sent.start : sent.end] == sent.text
    for ref in analyzed.dates:
        sent = analyzed.sentences[ref.sentence]
        assert sent.start <= ref.start and ref.end <= sent.end


def test_analyze_workers_give_the_same_result_as_one_process() -> None:
    cleaned = clean(read([str(EXAMPLES)]).articles)
    serial = list(analyze(cleaned, settings=replace(Settings(), parallel_min_articles=10**6)))
    parallel = list(
        analyze(
            cleaned,
            settings=replace(Settings(), parallel_min_articles=1, workers=2, nlp_batch_size=2),
        )
    )
    assert parallel == serial
    assert [a.id for a in parallel] == [c.id for c in cleaned]


def test_analyze_seed_spans_index_the_cleaned_text() -> None:
    for analyzed in analyze(clean(read([str(EXAMPLES)]).articles)):
        assert analyzed.sentences and analyzed.entities and analyzed.figures
        _spans_hold(analyzed)


def test_analyze_empty_and_one_sentence_articles() -> None:
    empty, one = analyze(
        [
            *clean([make_article("", id="e")]),
            *clean([make_article("Some 300 people fled Raqqa on Friday.", id="o")]),
        ]
    )
    assert (empty.sentences, empty.figures) == ((), ())
    assert len(one.sentences) == 1
    _spans_hold(one)


SEED_SENTENCES = [
    line.strip()
    for path in sorted(EXAMPLES.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if len(line.split()) > 6
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=6),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]),
)
def test_analyze_every_span_indexes_its_text(paragraphs: list[str], separator: str) -> None:
    cleaned = clean([make_article(separator.join(paragraphs), published=None)])
    for analyzed in analyze(cleaned):
        _spans_hold(analyzed)


def test_analyze_joins_a_name_the_recogniser_cut_in_two(seed_texts: dict[str, str]) -> None:
    text = next(t for t in seed_texts.values() if "told DER SPIEGEL about" in t)
    (analyzed,) = analyze(clean([make_article(text)]))
    names = [(m.text, m.label) for m in analyzed.entities]
    assert ("DER SPIEGEL", "ORG") in names  # spaCy alone gives "DER" and "SPIEGEL" here
    assert not {"DER", "SPIEGEL"} & {name for name, _ in names}
    _spans_hold(analyzed)


class _CountingList(list[CleanArticle]):
    """A list that counts how many of its items have been handed out."""

    handed_out = 0

    def __iter__(self) -> Iterator[CleanArticle]:
        for item in super().__iter__():
            self.handed_out += 1
            yield item


def test_analyze_in_one_process_yields_before_reading_everything() -> None:
    texts = [f"About {n}00 people fled the town of Hajin on Friday." for n in range(1, 6)]
    cleaned = _CountingList(make_clean(text, id=f"a{n}") for n, text in enumerate(texts))
    settings = replace(Settings(), parallel_min_articles=10**6, nlp_batch_size=1)
    stream = analyze(cleaned, settings=settings)
    first = next(iter(stream))
    assert first.id == "a0"
    assert cleaned.handed_out < len(texts)  # a progress bar moves article by article
