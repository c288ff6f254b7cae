"""Build the cited headline and digest of one event from its analyzed articles.

Selection is budgeted maximum concept coverage (see ``_select``), scaled by lead
position, recency and embedding centrality (see ``_embed``). The digest is
shown in reading order: articles by publication date (undated ones after the dated,
in input order), and sentences by their position within each article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.model import AnalyzedArticle, Citation, CitedLine, PartialDate
from storyline.summarize._candidates import Candidate, find_candidates, stem_terms
from storyline.summarize._embed import centrality
from storyline.summarize._focus import find_focus
from storyline.summarize._select import (
    LENGTH_EXPONENT,
    concept_weights,
    pick_headline,
    score_candidates,
    select,
)

# A headline is one sentence the length of a Wikipedia Current Events entry.
HEADLINE_MAX_WORDS = 40
# Dates in the digest that lie this many days or more before the first publication are
# background (an earlier war, a past election), not the start of this event.
EVENT_LOOKBACK_DAYS = 31
# Titles cut short by their page ("Death squads roam in the …") are a last resort.
_ELLIPSES = ("...", "…")


@dataclass(frozen=True, slots=True)
class Summary:
    """The event's title and dates, a one-line headline and a short digest, all cited."""

    title: str
    headline: CitedLine | None
    digest: tuple[CitedLine, ...]
    start: PartialDate | None = None
    end: PartialDate | None = None


def summarize(
    analyzed: Sequence[AnalyzedArticle],
    *,
    keys: Mapping[str, str],
    max_sentences: int = 5,
    max_words: int | None = None,
    count_headline: bool = False,
) -> Summary:
    """Choose central, corroborated, non-redundant sentences and cite each one.

    The digest never repeats the headline and adds to it rather than restating it.
    ``count_headline`` makes ``max_words`` the budget of headline and digest together.
    """
    candidates = find_candidates(analyzed)
    weights = concept_weights(candidates, keys)
    central = centrality([c.text for c in candidates])
    scored = score_candidates(candidates, _recency(analyzed), central)
    top = pick_headline(scored, weights, HEADLINE_MAX_WORDS, focus=find_focus(analyzed, keys))
    headline = _cite(top.candidate, candidates, keys) if top else None
    if count_headline and max_words is not None and top is not None:
        max_words -= top.candidate.words
    chosen = select(scored, weights, max_sentences=max_sentences, max_words=max_words, after=top)
    ordered = sorted((s.candidate for s in chosen), key=_reading_order(analyzed))
    start, end = _event_dates(analyzed, [top.candidate, *ordered] if top else ordered)
    return Summary(
        title=_title(analyzed, weights, headline),
        headline=headline,
        digest=tuple(_cite(c, candidates, keys) for c in ordered),
        start=start,
        end=end,
    )


def _cite(chosen: Candidate, candidates: Sequence[Candidate], keys: Mapping[str, str]) -> CitedLine:
    """Cite the sentence, and the same text in each other independent source that has it."""
    citations = [Citation(chosen.article, chosen.start, chosen.end)]
    seen = {keys.get(chosen.article, chosen.article)}
    for other in candidates:
        source = keys.get(other.article, other.article)
        where = other.text.find(chosen.text)
        if source in seen or where < 0:
            continue
        seen.add(source)
        citations.append(
            Citation(other.article, other.start + where, other.start + where + len(chosen.text))
        )
    return CitedLine(text=chosen.text, citations=tuple(citations))


def _recency(analyzed: Sequence[AnalyzedArticle]) -> dict[str, float]:
    """Map each article to 0 (earliest publication) … 1 (latest); undated ones get 0."""
    dated = {a.id: a.clean.published.to_date() for a in analyzed if a.clean.published}
    if not dated:
        return {}
    first, last = min(dated.values()), max(dated.values())
    span = (last - first).days
    return {aid: (day - first).days / span if span else 0.0 for aid, day in dated.items()}


def _reading_order(analyzed: Sequence[AnalyzedArticle]) -> _OrderKey:
    """Build the sort key: publication date (undated last), then position, then input order."""
    rank = {a.id: i for i, a in enumerate(analyzed)}
    dates = {a.id: a.clean.published for a in analyzed}
    return _OrderKey(rank, dates)


@dataclass(frozen=True, slots=True)
class _OrderKey:
    rank: Mapping[str, int]
    dates: Mapping[str, PartialDate | None]

    def __call__(self, candidate: Candidate) -> tuple[int, dt.date, int, int]:
        published = self.dates.get(candidate.article)
        day = published.to_date() if published else dt.date.max
        return (published is None, day, candidate.position, self.rank[candidate.article])


def _event_dates(
    analyzed: Sequence[AnalyzedArticle], chosen: Sequence[Candidate]
) -> tuple[PartialDate | None, PartialDate | None]:
    """Start at the earliest recent date the digest mentions; end at the last publication."""
    published = sorted(
        (a.clean.published for a in analyzed if a.clean.published), key=PartialDate.to_date
    )
    if not published:
        return None, None
    floor = published[0].to_date() - dt.timedelta(days=EVENT_LOOKBACK_DAYS)
    mentioned = [
        day
        for day in _dates_in(analyzed, chosen)
        if day.precision == "day" and floor < day.to_date() <= published[-1].to_date()
    ]
    return min([published[0], *mentioned], key=PartialDate.to_date), published[-1]


def _dates_in(
    analyzed: Sequence[AnalyzedArticle], chosen: Sequence[Candidate]
) -> list[PartialDate]:
    """Collect the resolved dates inside the chosen sentences."""
    wanted = {(c.article, c.position) for c in chosen}
    return [ref.date for a in analyzed for ref in a.dates if (a.id, ref.sentence) in wanted]


def _title(
    analyzed: Sequence[AnalyzedArticle], weights: Mapping[str, float], headline: CitedLine | None
) -> str:
    """Pick the article title most central to the cluster, else the headline sentence."""
    titles = sorted(
        {a.clean.title.strip() for a in analyzed if a.clean.title and a.clean.title.strip()}
    )
    whole = [t for t in titles if not t.endswith(_ELLIPSES)] or titles
    if whole:
        return max(whole, key=lambda title: _centrality(title, weights))
    return headline.text if headline else ""


def _centrality(text: str, weights: Mapping[str, float]) -> float:
    """Score the concept weight ``text`` covers per word (scaled as in sentence selection)."""
    covered = sum(weights.get(term, 0.0) for term in set(stem_terms(text)))
    return covered / float(max(1, len(text.split())) ** LENGTH_EXPONENT)
