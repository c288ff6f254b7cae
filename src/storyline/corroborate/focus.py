"""Topic focus: which of an event's articles are about it, and which are about other things.

Feeds, crawls and dataset folders mix unrelated stories into an event (a central bank's rate
decision among a war's reports). An article's content words and names are weighed by TF-IDF
over the event; the event's centre is found by reweighting articles by their closeness to it
(a few steps of power iteration, so the largest group of mutually similar articles wins even
when the unrelated ones are many but scattered); an article much further from the centre than
the event's typical article is off topic. Copies of one story count once in the centre.

Constants were chosen on hand-labelled samples (35 articles each) of four Timeline17 dev
folders, each folder taken as one event; three more folders were held out (see the README).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyline.model import AnalyzedArticle, OffTopic

# Fewer articles than this give no centre to measure against: all are kept.
MIN_FOCUS_ARTICLES = 4
# Reweighting steps towards the densest group of articles.
CENTRE_ITERATIONS = 5
# Off topic: closeness to the centre below this share of the median article's closeness
# (the setting off_topic_ratio; this is its default).
OFF_TOPIC_RATIO = 0.4
# Names (actors, places) count this many times a plain word in an article's terms.
NAME_WEIGHT = 3
# Only the beginning of long articles is read (the rest of a page is often other stories),
# and the lede on its own: it says what a story is about.
READ_CHARS, LEDE_CHARS = 3000, 600
# A page of several stories is cut into runs of lines this long; a run at least this share
# as close to the centre as the typical run of an on-topic article is about the event, and
# is kept when such runs hold at least MIN_KEPT_CHARS characters.
BLOCK_CHARS, PART_RATIO, MIN_KEPT_CHARS = 400, 0.5, 300
# Terms the centre is described by in the reason given for an off-topic article.
REASON_TERMS = 4

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_Matrix = npt.NDArray[np.float64]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Focus:
    closeness: list[float]  # per article, as a share of the typical article's
    centre_terms: list[str]
    vectorizer: TfidfVectorizer
    centre: _Matrix
    typical: float  # the typical article's closeness (of its beginning)


def find_off_topic(
    analyzed: Sequence[AnalyzedArticle], *, ratio: float = OFF_TOPIC_RATIO
) -> tuple[OffTopic, ...]:
    """Return the articles that are not about the event most of the others are about."""
    if len(analyzed) < MIN_FOCUS_ARTICLES:
        return ()
    focus = _measure(analyzed)
    if focus is None:
        return ()
    reason = f"not about {', '.join(focus.centre_terms)}"
    away = [closeness < ratio for closeness in focus.closeness]
    if not any(away):
        return ()
    typical_part = _typical_part(
        [article for article, off in zip(analyzed, away, strict=True) if not off], focus
    )
    return tuple(
        OffTopic(article.id, reason, round(closeness, 3), _parts(article, focus, typical_part))
        for article, closeness, off in zip(analyzed, focus.closeness, away, strict=True)
        if off
    )


def _typical_part(on_topic: Sequence[AnalyzedArticle], focus: _Focus) -> float:
    """Return the median closeness to the centre of the runs of lines of on-topic articles."""
    values = [value for article in on_topic for value in _part_closeness(article, focus)[1]]
    return float(np.median(values)) if values else focus.typical


def _part_closeness(article: AnalyzedArticle, focus: _Focus) -> tuple[list[Span], list[float]]:
    """Return the article's runs of lines and their closeness to the event's centre."""
    blocks = _blocks(article.clean.text)
    if not blocks:
        return [], []
    terms = [_article_terms(article, start, end) for start, end in blocks]
    closeness = focus.vectorizer.transform(terms) @ focus.centre
    return blocks, [float(value) for value in closeness]


def _parts(article: AnalyzedArticle, focus: _Focus, typical_part: float) -> tuple[Span, ...]:
    """Return the spans of a page of other stories that are not about the event, or ()
    when none of it is: a page of several stories keeps the part about the event."""
    blocks, closeness = _part_closeness(article, focus)
    near = [value >= PART_RATIO * typical_part for value in closeness]
    kept = sum(end - start for (start, end), on in zip(blocks, near, strict=True) if on)
    if kept < MIN_KEPT_CHARS:
        return ()
    return tuple(block for block, on in zip(blocks, near, strict=True) if not on)


def _blocks(text: str) -> list[Span]:
    """Split ``text`` into runs of whole lines of at least BLOCK_CHARS characters."""
    blocks: list[Span] = []
    start = 0
    for line in re.finditer(r"[^\n]*(?:\n|$)", text):
        if line.end() - start >= BLOCK_CHARS or line.end() == len(text):
            if line.end() > start:
                blocks.append((start, line.end()))
            start = line.end()
        if line.end() == len(text):
            break
    return blocks


def _measure(analyzed: Sequence[AnalyzedArticle]) -> _Focus | None:
    """Measure each article's closeness to the event's centre, body and lede alike: a story
    that only mentions the event further down (a market report, an obituary) is off topic."""
    vectorizer = TfidfVectorizer(
        analyzer=_without_stop_words, sublinear_tf=True, min_df=2, norm="l2", dtype=np.float64
    )
    try:
        matrix = vectorizer.fit_transform([_article_terms(a, 0, READ_CHARS) for a in analyzed])
    except ValueError:  # no term shared by two articles
        return None
    centre = _centre(matrix, _copy_weights(analyzed))
    ledes = vectorizer.transform([_article_terms(a, 0, LEDE_CHARS) for a in analyzed])
    raw = matrix @ centre
    body, lede = _relative(raw), _relative(ledes @ centre)
    if body is None or lede is None:
        return None
    names = vectorizer.get_feature_names_out()
    top = [str(names[i]) for i in np.argsort(-centre)[:REASON_TERMS] if centre[i] > 0]
    terms = [term.removeprefix("name:") for term in top]
    closeness = [min(pair) for pair in zip(body, lede, strict=True)]
    return _Focus(closeness, terms, vectorizer, centre, float(np.median(raw)))


def _relative(closeness: _Matrix) -> list[float] | None:
    """Return closeness values as shares of their median (None when the median is 0)."""
    typical = float(np.median(closeness))
    return [float(value) / typical for value in closeness] if typical > 0 else None


def _centre(rows: Any, weights: _Matrix) -> _Matrix:
    """Return the unit vector of the densest group of articles (weighted power iteration);
    ``rows`` is the sparse matrix of the articles' unit-length term vectors."""
    centre = np.asarray(rows.T @ (weights / weights.sum())).ravel()
    for _ in range(CENTRE_ITERATIONS):
        centre /= np.linalg.norm(centre) or 1.0
        closeness = np.clip(np.asarray(rows @ centre).ravel(), 0.0, None)
        pull = weights * closeness**2
        if pull.sum() <= 0:
            break
        centre = np.asarray(rows.T @ (pull / pull.sum())).ravel()
    norm = np.linalg.norm(centre)
    unit: _Matrix = centre / norm if norm else centre
    return unit


def _copy_weights(analyzed: Sequence[AnalyzedArticle]) -> _Matrix:
    """Weigh each article by 1 / its number of copies in the event."""
    ids = {a.id for a in analyzed}
    copies = [1 + sum(other in ids for other in a.clean.same_story_as) for a in analyzed]
    return 1.0 / np.array(copies, dtype=np.float64)


def _article_terms(article: AnalyzedArticle, start: int, end: int) -> list[str]:
    """Return the words (lower-cased) and names (repeated, one term each) of the article's
    text from ``start`` to ``end``, and of its title when the span opens the text."""
    text = article.clean.text[start:end]
    words = [w.lower() for w in _WORD.findall(text)]
    names = [m.text.casefold() for m in article.entities if start <= m.start < end]
    names += [p.name.casefold() for p in article.places if start <= p.start < end]
    if article.clean.title and start == 0:
        words += [w.lower() for w in _WORD.findall(article.clean.title)]
    return words + [f"name:{name}" for name in names for _ in range(NAME_WEIGHT)]


def _without_stop_words(terms: list[str]) -> list[str]:
    """Return the terms less English stop words (the analyzer of the vectorizer)."""
    return [term for term in terms if term not in ENGLISH_STOP_WORDS]
