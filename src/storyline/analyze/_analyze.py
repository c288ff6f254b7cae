"""Run spaCy once per article and hand the parse to each analyzer."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from functools import partial

from spacy.tokens import Doc

from storyline.analyze.actors import find_acronyms
from storyline.analyze.dates import find_dates
from storyline.analyze.figures import find_figures
from storyline.analyze.nlp import load_nlp
from storyline.analyze.places import resolve_places
from storyline.model import AnalyzedArticle, CleanArticle, Mention, Sentence
from storyline.settings import Settings

# spaCy labels kept as entity mentions (numbers, dates and the like go to their own analyzers).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})


def analyze(
    cleaned: Sequence[CleanArticle], *, settings: Settings | None = None
) -> Iterator[AnalyzedArticle]:
    """Yield one AnalyzedArticle per cleaned article, in input order.

    Large batches are shared among worker processes forked after the model is
    loaded, so each worker starts with the pipeline already in memory.
    """
    settings = settings or Settings()
    load_nlp()
    workers = _worker_count(settings, len(cleaned))
    if workers <= 1:
        yield from _analyze_batch(cleaned, settings=settings)
        return
    size = _task_size(settings, len(cleaned), workers)
    batches = [cleaned[i : i + size] for i in range(0, len(cleaned), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for analyzed in pool.imap(partial(_analyze_batch, settings=settings), batches):
            yield from analyzed


def _task_size(settings: Settings, articles: int, workers: int) -> int:
    """Articles per worker task: whole spaCy batches when there are plenty, else one each
    so that a few articles of very different lengths still spread over the workers."""
    plenty = articles >= 2 * workers * settings.nlp_batch_size
    return settings.nlp_batch_size if plenty else 1


def _worker_count(settings: Settings, articles: int) -> int:
    if articles < settings.parallel_min_articles or not hasattr(os, "fork"):
        return 1
    return max(1, min(settings.workers or os.cpu_count() or 1, articles))


def _analyze_batch(cleaned: Sequence[CleanArticle], *, settings: Settings) -> list[AnalyzedArticle]:
    limit = settings.max_analyzed_chars
    pairs = ((clean.text[:limit], clean) for clean in cleaned)
    return [
        analyze_doc(doc, clean)
        for doc, clean in load_nlp().pipe(pairs, as_tuples=True, batch_size=settings.nlp_batch_size)
    ]


def analyze_doc(doc: Doc, clean: CleanArticle) -> AnalyzedArticle:
    """Run every analyzer on one parsed article."""
    dates = find_dates(doc, clean.published)
    return AnalyzedArticle(
        clean=clean,
        sentences=tuple(Sentence(s.start_char, s.end_char, s.text) for s in doc.sents),
        entities=tuple(
            Mention(ent.text, ent.start_char, ent.end_char, ent.label_)
            for ent in doc.ents
            if ent.label_ in ENTITY_LABELS
        ),
        dates=dates,
        places=resolve_places(doc),
        figures=find_figures(doc, dates, clean.published),
        acronyms=tuple(sorted(find_acronyms(doc).items())),
    )
