"""Put a batch of articles into a store and keep its event's brief up to date."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze import analyze
from storyline.clean import clean, link_copies
from storyline.errors import StoreError
from storyline.model import AnalyzedArticle, Article, Brief, Failure
from storyline.pipeline import Progress, analysed_in_part, assemble_brief, emptied_by_cleaning
from storyline.settings import Settings
from storyline.store._base import Ingested, Store
from storyline.store._schema import checked_event


@dataclass(frozen=True, slots=True)
class IngestReport(Ingested):
    """What one ingest did, the event's rebuilt brief, and what could not be used."""

    brief: Brief | None = None
    failures: tuple[Failure, ...] = ()  # articles left empty by cleaning (not stored)
    warnings: tuple[str, ...] = ()  # articles analysed only in part, ids read from 2 places


def settings_record(settings: Settings) -> dict[str, object]:
    """Return the settings as the plain dict stored with each run and brief."""
    return dataclasses.asdict(settings)


def ingest(
    store: Store,
    articles: Sequence[Article],
    *,
    settings: Settings,
    event: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Clean and analyze a batch, store it in one transaction, and rebuild its event's brief."""
    if event is not None:
        checked_event(event)  # before the slow part
    cleaned = clean(articles, settings=settings)
    usable = tuple(c for c in cleaned if c.text.strip())
    emptied = emptied_by_cleaning(articles, cleaned)
    if not usable:
        raise StoreError("no usable article in the batch: nothing was stored")
    stream = analyze(usable, settings=settings)
    analyzed = tuple(progress(stream, len(usable)) if progress else stream)
    _check_brief_builds(store, analyzed, event=event, settings=settings)
    raw = {article.id: article for article in articles}
    done = store.add_batch(
        [(raw[a.id], a) for a in analyzed],
        event=event,
        title=title,
        settings=settings_record(settings),
    )
    brief = rebuild_brief(store, done.event, settings=settings)
    return IngestReport(
        done.event,
        done.added,
        done.updated,
        done.unchanged,
        brief=brief,
        failures=emptied,
        warnings=(*analysed_in_part(articles, usable, settings), *_moved(store, done.updated)),
    )


def rebuild_brief(store: Store, event: str, *, settings: Settings) -> Brief:
    """Assemble the brief of a stored event from all its stored articles, and save it."""
    analyzed = store.event_articles(event)
    if not analyzed:
        raise StoreError(
            f"no event {event!r} in the store (or it holds no article); list the event ids "
            "with `storyline brief --db STORE` (no --event)"
        )
    brief = assemble_brief(_with_copies_linked(analyzed, settings), settings=settings)
    store.save_brief(event, brief, settings=settings_record(settings))
    return brief


def _check_brief_builds(
    store: Store, analyzed: Sequence[AnalyzedArticle], *, event: str | None, settings: Settings
) -> None:
    """Build the brief the event would have with this batch, before anything is stored.

    A batch whose brief cannot be built would leave its event broken for every later
    ingest and brief (issue 12), so such a batch is refused whole.
    """
    stored = store.event_articles(event) if event is not None else []
    merged = {a.id: a for a in stored} | {a.id: a for a in analyzed}
    try:
        assemble_brief(_with_copies_linked(list(merged.values()), settings), settings=settings)
    except Exception as e:  # any failure of any stage: the guard exists for the unforeseen
        raise StoreError(
            f"the brief of this batch cannot be built ({type(e).__name__}: {e}); nothing "
            "was stored. Please report it with the inputs; meanwhile leave out the article "
            "the message names, or ingest the articles in smaller batches to find it"
        ) from e


def _with_copies_linked(
    analyzed: Sequence[AnalyzedArticle], settings: Settings
) -> list[AnalyzedArticle]:
    """Find copies of one story across the whole event, not only within each batch."""
    linked = link_copies([a.clean for a in analyzed], settings=settings)
    return [
        a if a.clean is clean else dataclasses.replace(a, clean=clean)
        for a, clean in zip(analyzed, linked, strict=True)
    ]


def _moved(store: Store, updated: Sequence[str]) -> tuple[str, ...]:
    """Say which new versions were read from another place than the version before them.

    Ids come from file names, so two different articles both saved as ``index.html``
    share one: the second is stored as a new version of the first (nothing is lost,
    but the event's brief now uses only the newer text). The user should hear of it.
    """
    warnings = []
    for article in dict.fromkeys(updated):  # an id given twice in one batch is said once
        latest = store.article(article)
        before = store.article(article, version=latest.version - 1) if latest else None
        if latest and before and latest.raw.source != before.raw.source:
            warnings.append(
                f"{article}: the text read from {latest.raw.source} differs from the one "
                f"stored from {before.raw.source}; it is stored as version {latest.version} "
                "of the same article. If they are different articles, give the files "
                "different names (the file name is the id) or use JSONL with an id field"
            )
    return tuple(warnings)
