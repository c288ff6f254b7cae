"""Compose the stages: ingest → clean → analyze → brief, collecting failures on the way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from storyline.analyze import analyze
from storyline.analyze._analyze import analysed_length
from storyline.clean import clean
from storyline.corroborate import group_figures, merge_actors, source_keys
from storyline.corroborate.actor_places import drop_place_actors
from storyline.corroborate.focus import find_off_topic
from storyline.corroborate.on_topic import on_topic_articles
from storyline.corroborate.places import drop_actor_places, merge_places
from storyline.ingest import read
from storyline.model import AnalyzedArticle, Article, Brief, CleanArticle, Failure
from storyline.settings import Settings
from storyline.summarize import summarize
from storyline.timeline import build as build_timeline

# Wraps the stream of analyzed articles (given with its length), e.g. in a progress bar.
Progress = Callable[[Iterator[AnalyzedArticle], int], Iterable[AnalyzedArticle]]


@dataclass(frozen=True, slots=True)
class BriefResult:
    """The brief, every input that could not be used, and what was used only in part."""

    brief: Brief
    failures: tuple[Failure, ...]
    warnings: tuple[str, ...] = ()


def build_brief(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> BriefResult:
    """Read, clean and analyze the inputs and assemble their brief."""
    settings = settings or Settings()
    ingested = read(inputs, settings=settings, stdin=stdin)
    cleaned = clean(ingested.articles, settings=settings)
    usable = tuple(c for c in cleaned if c.text.strip())
    emptied = emptied_by_cleaning(ingested.articles, cleaned)
    stream = analyze(usable, settings=settings)
    analyzed = tuple(progress(stream, len(usable)) if progress else stream)
    partial = analysed_in_part(ingested.articles, usable, settings)
    brief = assemble_brief(analyzed, settings=settings)
    return BriefResult(brief, ingested.failures + emptied, ingested.warnings + partial)


def emptied_by_cleaning(
    articles: Sequence[Article], cleaned: Sequence[CleanArticle]
) -> tuple[Failure, ...]:
    """A failure for each article cleaning left empty, naming its file (and line) and id."""
    sources = {article.id: article.source for article in articles}
    return tuple(
        Failure(
            sources.get(c.id, c.id),
            "E031",
            f"article {c.id!r}: nothing left after cleaning: the input holds no article text",
        )
        for c in cleaned
        if not c.text.strip()
    )


def analysed_in_part(
    articles: Sequence[Article], usable: Sequence[CleanArticle], settings: Settings
) -> tuple[str, ...]:
    """A warning for each article longer than the analysed prefix, naming its input."""
    sources = {article.id: article.source for article in articles}
    warnings = []
    for c in usable:
        length = analysed_length(c.text, settings)
        if length < len(c.text):
            warnings.append(
                f"{sources.get(c.id, c.id)}: article {c.id!r}: only the first {length:,} of "
                f"{len(c.text):,} characters were analysed (the limits are max_analyzed_chars "
                f"{settings.max_analyzed_chars:,} and max_analyzed_lines "
                f"{settings.max_analyzed_lines:,}; raise them to analyse more)"
            )
    return tuple(warnings)


def assemble_brief(
    analyzed: Sequence[AnalyzedArticle], *, settings: Settings | None = None
) -> Brief:
    """Assemble the brief of one event from its analyzed articles; articles about other
    things are listed as off topic and take no part in the brief's lines."""
    settings = settings or Settings()
    every_article = tuple(a.clean for a in analyzed)
    off_topic = (
        find_off_topic(analyzed, ratio=settings.off_topic_ratio) if settings.topic_focus else ()
    )
    analyzed = on_topic_articles(analyzed, off_topic)
    acronyms = {a.id: dict(a.acronyms) for a in analyzed}
    keys = source_keys([a.clean for a in analyzed])
    places = drop_actor_places(merge_places(analyzed))
    summary = summarize(
        analyzed,
        keys=keys,
        max_sentences=settings.summary_sentences,
        max_words=settings.summary_words or None,
    )
    return Brief(
        title=summary.title or _event_title(analyzed),
        articles=every_article,
        start=summary.start,
        end=summary.end,
        headline=summary.headline,
        summary=summary.digest,
        timeline=build_timeline(analyzed, keys=keys, max_dates=settings.timeline_dates or None),
        figures=group_figures(analyzed, keys),
        places=places,
        actors=drop_place_actors(merge_actors(analyzed, acronyms), places),
        off_topic=off_topic,
    )


def _event_title(analyzed: Sequence[AnalyzedArticle]) -> str:
    """The most common article title, else the first one; empty when no article has one."""
    titles = Counter(a.clean.title for a in analyzed if a.clean.title)
    return titles.most_common(1)[0][0] if titles else ""
