"""Leaving out off-topic articles and off-topic parts of articles (seed articles)."""

from __future__ import annotations

from pathlib import Path

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate.on_topic import on_topic_articles, without_spans
from storyline.ingest import read
from storyline.model import AnalyzedArticle, OffTopic

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "baghouz"


def _seeds() -> tuple[AnalyzedArticle, ...]:
    return tuple(analyze(clean(read([str(EXAMPLES)]).articles)))


def test_on_topic_part_is_left_out_and_indexes_stay_true() -> None:
    article = max(_seeds(), key=lambda a: len(a.figures) + len(a.dates))
    half = len(article.clean.text) // 2
    kept = without_spans(article, [(half, len(article.clean.text))])
    assert kept.clean is article.clean  # the text and its citations do not change
    assert 0 < len(kept.sentences) < len(article.sentences)
    assert all(s.start < half for s in kept.sentences)
    found = (*kept.entities, *kept.places, *kept.dates, *kept.figures)
    assert found and all(item.start < half for item in found)
    for ref in (*kept.dates, *kept.figures):
        sentence = kept.sentences[ref.sentence]
        assert sentence.start <= ref.start < sentence.end
    assert len(kept.figures) < len(article.figures) or len(kept.dates) < len(article.dates)


def test_on_topic_articles_drop_whole_ones_and_cut_partial_ones() -> None:
    seeds = _seeds()
    first, second = seeds[0], seeds[1]
    cut = (0, len(second.clean.text) // 2)
    off = [OffTopic(first.id, "not about it", 0.1), OffTopic(second.id, "in part", 0.3, (cut,))]
    kept = on_topic_articles(seeds, off)
    assert [a.id for a in kept] == [a.id for a in seeds[1:]]
    assert all(s.start >= cut[1] for s in kept[0].sentences)
    assert kept[1:] == list(seeds[2:])
