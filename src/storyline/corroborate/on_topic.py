"""Keep what is about the event: drop off-topic articles, and off-topic parts of the others.

The text of an article never changes (citations index it); what the analyzers found inside
an off-topic part is left out, so no summary line, timeline entry, figure, place or actor
comes from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.model import AnalyzedArticle, OffTopic

Spans = Sequence[tuple[int, int]]


def on_topic_articles(
    analyzed: Sequence[AnalyzedArticle], off_topic: Sequence[OffTopic]
) -> list[AnalyzedArticle]:
    """Return the articles about the event, each less its off-topic parts."""
    parts = {part.article: part.parts for part in off_topic}
    kept = []
    for article in analyzed:
        if article.id not in parts:
            kept.append(article)
        elif parts[article.id]:
            kept.append(without_spans(article, parts[article.id]))
    return kept


def without_spans(article: AnalyzedArticle, spans: Spans) -> AnalyzedArticle:
    """Return ``article`` with everything found inside ``spans`` left out."""

    def outside(start: int) -> bool:
        return not any(first <= start < last for first, last in spans)

    kept = [i for i, sent in enumerate(article.sentences) if outside(sent.start)]
    index = {old: new for new, old in enumerate(kept)}
    return replace(
        article,
        sentences=tuple(article.sentences[i] for i in kept),
        entities=tuple(m for m in article.entities if outside(m.start)),
        places=tuple(p for p in article.places if outside(p.start)),
        dates=tuple(
            replace(d, sentence=index[d.sentence])
            for d in article.dates
            if outside(d.start) and d.sentence in index
        ),
        figures=tuple(
            replace(f, sentence=index[f.sentence])
            for f in article.figures
            if outside(f.start) and f.sentence in index
        ),
    )
