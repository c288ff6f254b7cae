"""Run spaCy once per article and hand the parse to each analyzer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

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
    cleaned: Sequence[CleanArticle],
    *,
    settings: Settings | None = None,
    progress: Callable[[Iterable[CleanArticle]], Iterable[CleanArticle]] | None = None,
) -> Iterator[AnalyzedArticle]:
    """Yield one AnalyzedArticle per cleaned article, in input order."""
    settings = settings or Settings()
    nlp = load_nlp()
    items: Iterable[CleanArticle] = progress(cleaned) if progress else cleaned
    limit = settings.max_analyzed_chars
    pairs = ((clean.text[:limit], clean) for clean in items)
    for doc, clean in nlp.pipe(pairs, as_tuples=True, batch_size=settings.nlp_batch_size):
        yield analyze_doc(doc, clean)


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
