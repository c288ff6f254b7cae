"""Run spaCy once per article and hand the parse to each analyzer."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span

from storyline.analyze.acronyms import find_acronyms
from storyline.analyze.dates import find_dates
from storyline.analyze.figures import find_figures
from storyline.analyze.nlp import load_nlp
from storyline.analyze.places import resolve_places
from storyline.analyze.readings import read_figure
from storyline.model import AnalyzedArticle, CleanArticle, Figure, Mention, Sentence
from storyline.settings import Settings

# spaCy labels kept as entity mentions (numbers, dates and the like go to their own analyzers).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})
# Labels whose adjacent mentions with a single space between are one name cut in two
# ("U.S." "District Court"). People are left apart ("George W Bush Karl Rove" in a list
# of names is two people), and so are places ("Raqqa Syria" in a dateline).
JOINABLE_LABELS = frozenset({"ORG"})
# Capitalised words right after an all-capitals name belong to it ("UNITED NATIONS").
_CAPITALS_TAIL = re.compile(r"(?: [A-Z][A-Z'’&-]*[A-Z]\b)+")


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
        yield from _analyze_stream(cleaned, settings=settings)
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
    return list(_analyze_stream(cleaned, settings=settings))


def _analyze_stream(
    cleaned: Sequence[CleanArticle], *, settings: Settings
) -> Iterator[AnalyzedArticle]:
    """Yield each article as soon as spaCy has parsed its batch."""
    pairs = ((clean.text[: analysed_length(clean.text, settings)], clean) for clean in cleaned)
    for doc, clean in load_nlp().pipe(pairs, as_tuples=True, batch_size=settings.nlp_batch_size):
        yield analyze_doc(doc, clean)


def analysed_length(text: str, settings: Settings) -> int:
    """How many characters of ``text`` are parsed: the char and line limits, the lower."""
    end = min(len(text), settings.max_analyzed_chars)
    position = -1
    for _ in range(settings.max_analyzed_lines):
        position = text.find("\n", position + 1, end)
        if position < 0:
            return end
    return position


def analyze_doc(doc: Doc, clean: CleanArticle) -> AnalyzedArticle:
    """Run every analyzer on one parsed article."""
    dates = find_dates(doc, clean.published)
    sentences = list(doc.sents)
    return AnalyzedArticle(
        clean=clean,
        sentences=tuple(Sentence(s.start_char, s.end_char, s.text) for s in sentences),
        entities=_entity_mentions(doc),
        dates=dates,
        places=resolve_places(doc),
        figures=_with_readings(find_figures(doc, dates, clean.published), sentences),
        acronyms=tuple(sorted(find_acronyms(doc).items())),
    )


def _entity_mentions(doc: Doc) -> tuple[Mention, ...]:
    """Return the named entities, mending names the recogniser cut short ("UNITED" "NATIONS")."""
    text = doc.text  # a property that joins every token: read it once, not per entity
    ents = doc.ents
    starts = [ent.start_char for ent in ents] + [len(text)]
    mentions: list[Mention] = []
    for ent, next_start in zip(ents, starts[1:], strict=True):
        if ent.label_ not in ENTITY_LABELS:
            continue
        last = mentions[-1] if mentions else None
        if last and _continues(last, ent, text):
            mentions[-1] = _mention(text, last.start, ent.end_char, last.label)
            continue
        end = ent.end_char
        if ent.label_ in JOINABLE_LABELS and ent.text.isupper() and len(ent.text) > 1:
            tail = _CAPITALS_TAIL.match(text, end, next_start)
            end = tail.end() if tail else end  # "UNITED" + " NATIONS" the recogniser left out
        mentions.append(_mention(text, ent.start_char, end, ent.label_))
    return tuple(mentions)


def _mention(text: str, start: int, end: int, label: str) -> Mention:
    return Mention(text[start:end], start, end, label)


def _continues(last: Mention, ent: Span, text: str) -> bool:
    """Tell whether ``ent`` continues the name ``last``: same kind, one space between them."""
    return (
        ent.label_ == last.label
        and ent.label_ in JOINABLE_LABELS
        and text[last.end : ent.start_char] == " "
        and not last.text.endswith(("'s", "’s"))  # "Florida State's" owns, is not part of
    )


def _with_readings(figures: Sequence[Figure], sentences: Sequence[Span]) -> tuple[Figure, ...]:
    """Attach to each figure what it counts, read from its sentence's parse."""
    read = []
    for fig in figures:
        sentence = sentences[fig.sentence]
        if sentence.start_char <= fig.start and fig.end <= sentence.end_char:
            fig = replace(fig, reading=read_figure(sentence, fig, fig.start - sentence.start_char))
        read.append(fig)
    return tuple(read)
