"""Build a dated, cited timeline from analyzed articles.

Date-wise timeline summarisation as in Ghalandari & Ifrim (2020), "Examining the
State-of-the-Art in News Timeline Summarization" (ACL), https://github.com/complementizer/news-tls
(DATEWISE): rank the dates by how often the collection mentions them (here: by how many
independent sources do), keep the top ones, and give each date the sentences most central
to the sentences that mention it (Radev et al.'s centroid, see ``_text``). A line stands
for a date only when the date is its main event's date: not after "since", "until",
"after" and the like, and preferably opening the line or early in the article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from storyline.analyze.dates import PRESENT_REF
from storyline.model import AnalyzedArticle, Citation, CitedLine, DateRef, PartialDate
from storyline.timeline._text import (
    Vector,
    centroid,
    cosine,
    idf_table,
    is_stamp,
    line_span,
    tfidf,
    words,
)

# Fewer content words (beyond dates and numbers) make a label or fragment, not a statement.
MIN_WORDS = 5
# Longer lines are run-on paragraphs (or several sentences the parser kept together).
MAX_WORDS = 60
# Weight of closeness to the whole collection against closeness to the date's own lines: a
# date's entry should be about the story, not a side topic sharing the date. Equal weights
# (chosen on five Timeline17 folders, like the bonuses below: 0, 0.5 and 1 were tried).
COLLECTION_WEIGHT = 1.0
# A date that opens its line ("In July 2014, IS proclaimed…") dates the main clause.
OPENING_CHARS = 25
OPENING_BONUS = 0.1
# News puts the main development first: a date in an article's first sentences (news-tls
# clips articles to their first 5 sentences for the same reason; bonus 0.1 and 0.2 tried).
LEAD_SENTENCES = 5
LEAD_BONUS = 0.1
# A day still recalled a week after it is a milestone, not just that day's news: a source
# mentioning it that late counts twice (1.0 extra; 0, 1 and 3 tried on Timeline17, 2 and 7 days).
RETROSPECTIVE_DAYS = 7
RETROSPECTIVE_WEIGHT = 1.0
# Each other date in the line makes it less clear which event this date belongs to.
OTHER_DATE_PENALTY = 0.05
# Two lines this similar (cosine of TF-IDF vectors) tell the same happening: keep one.
DUPLICATE_SIMILARITY = 0.6
# Words before a date that make it incidental to the line's event ("since January", "until
# Friday", "after the April 20 explosion"): such a line is no entry for that date.
# ("as early as 2014" is kept: it dates the event itself.)
_INCIDENTAL = re.compile(
    r"\b(?:since|until|till|through|before|after|by|from|than|of|ahead of|prior to)\s*$", re.I
)
# A statement ends like one; page furniture ("January 28, 2011 at 1:13 pm | Reply") does not.
_STATEMENT = re.compile(r"^[\"'“‘(]?[A-Z0-9][^|]*[.!][\"'”’)]?$")
# The writer speaking of themselves; quoted speech is left out first.
_FIRST_PERSON = re.compile(r"\bI\b(?=\s+[a-z]|['’][a-z])")
_FIRST_PERSON_OBJECT = re.compile(r"\b(?:my|me|myself)\b")
_CAPITALISED_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’")
# Words that only say when: a line needs content words beyond them.
_WHEN_WORDS = re.compile(
    r"^(?:\d+(?:st|nd|rd|th|am|pm)?|jan(?:uary)?|feb(?:ruary)?|march|april|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening"
    r"|night|week|month|year|et|gmt|update|updated)$"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A line of one article that mentions one date."""

    article: str
    date: PartialDate
    start: int
    end: int
    text: str
    prominence: float  # how clearly the date is the line's event's date
    vector: Vector


def build(
    analyzed: Sequence[AnalyzedArticle],
    *,
    keys: Mapping[str, str],
    max_dates: int | None = None,
    sentences_per_date: int = 1,
) -> tuple[CitedLine, ...]:
    """Return cited timeline entries for the best-supported dates, sorted by date."""
    candidates = list(_candidates(analyzed))
    if not candidates or sentences_per_date < 1:
        return ()
    by_date: dict[PartialDate, list[_Candidate]] = defaultdict(list)
    for cand in candidates:
        by_date[cand.date].append(cand)
    dates = _ranked_dates(analyzed, keys, set(by_date))[:max_dates]
    whole = centroid(cand.vector for cand in candidates)
    texts = {article.id: article.clean.text for article in analyzed}
    chosen: list[_Candidate] = []
    for date in dates:
        chosen.extend(_choose(by_date[date], whole, chosen, sentences_per_date))
    entries = [_cited(cand, by_date[cand.date], texts) for cand in chosen]
    return tuple(sorted(entries, key=_date_order))


def _candidates(analyzed: Sequence[AnalyzedArticle]) -> Iterator[_Candidate]:
    """Yield one candidate line per (article, sentence, date) worth a timeline entry."""
    lines = [
        (article, ref, *_line(article, ref)) for article in analyzed for ref in _usable(article)
    ]
    idf = idf_table(words(article.clean.text[s:e]) for article, _, s, e in lines)
    seen: set[tuple[str, int, PartialDate]] = set()
    for article, ref, start, end in lines:
        text = article.clean.text[start:end]
        key = (article.id, start, ref.date)
        tokens = [word for word in words(text) if not _WHEN_WORDS.match(word)]
        incidental = _INCIDENTAL.search(article.clean.text[start : ref.start])
        if key in seen or incidental or not _is_statement(text, tokens):
            continue
        seen.add(key)
        prominence = _prominence(article, ref, start, end)
        vector = tfidf(tokens, idf)
        yield _Candidate(article.id, ref.date, start, end, text, prominence, vector)


def _is_statement(text: str, tokens: Sequence[str]) -> bool:
    """Tell whether a line reads as a statement of some length, not a label or furniture,
    and reports a happening rather than the writer's own story."""
    long_enough = len(tokens) >= MIN_WORDS and len(text.split()) <= MAX_WORDS
    return long_enough and bool(_STATEMENT.match(text)) and not _is_anecdote(text)


def _is_anecdote(text: str) -> bool:
    """Tell whether the writer tells of themselves outside quotes ("On Jan. 6, I set off
    with my wife"): a reporter's journey is no event of the story."""
    narrative = _QUOTED.sub(" ", text)
    if _FIRST_PERSON_OBJECT.search(narrative):
        return True
    # "I" as a pronoun, not a numeral after a name ("World War I", "Elizabeth I").
    return any(
        not _CAPITALISED_WORD_BEFORE.search(narrative, 0, found.start())
        for found in _FIRST_PERSON.finditer(narrative)
    )


def _prominence(article: AnalyzedArticle, ref: DateRef, start: int, end: int) -> float:
    """Score how clearly ``ref`` dates the main event of the line ``start``..``end``."""
    before = article.clean.text[start : ref.start]
    score = OPENING_BONUS if len(before) <= OPENING_CHARS else 0.0
    score += LEAD_BONUS if ref.sentence < LEAD_SENTENCES else 0.0
    others = {r.date for r in article.dates if start <= r.start < end} - {ref.date}
    return score - OTHER_DATE_PENALTY * len(others)


def _usable(article: AnalyzedArticle) -> Iterator[DateRef]:
    """Yield the date mentions that can date an entry.

    A week or a year counted back from publication ("last week", "this year") is no
    date of an event, nor is "now"; a coarse date written out ("in June 2014") is. A date
    stamped with a clock time and zone is when the page or a comment was posted.
    """
    for ref in article.dates:
        if ref.relative and ref.date.precision != "day":
            continue
        if ref.timex == PRESENT_REF:  # "now" is when the article was written, no event's date
            continue
        if is_stamp(article.clean.text, ref.start, ref.end):
            continue
        if 0 <= ref.sentence < len(article.sentences):
            yield ref


def _line(article: AnalyzedArticle, ref: DateRef) -> tuple[int, int]:
    """Return the span of the line of ``ref``'s sentence that holds the date."""
    sent = article.sentences[ref.sentence]
    return line_span(article.clean.text, sent.start, sent.end, ref.start)


def _ranked_dates(
    analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str], dates: set[PartialDate]
) -> list[PartialDate]:
    """Rank ``dates`` by independent sources mentioning them (a week on counting extra)."""
    sources: dict[PartialDate, set[str]] = defaultdict(set)
    later: dict[PartialDate, set[str]] = defaultdict(set)
    mentions: dict[PartialDate, int] = defaultdict(int)
    for article in analyzed:
        key = keys.get(article.id, article.id)
        for ref in _usable(article):
            if ref.date in dates:
                sources[ref.date].add(key)
                mentions[ref.date] += 1
                if _retrospective(ref.date, article.clean.published):
                    later[ref.date].add(key)
    support = {d: len(sources[d]) + RETROSPECTIVE_WEIGHT * len(later[d]) for d in dates}
    return sorted(dates, key=lambda d: (-support[d], -mentions[d], _date_order_key(d)))


def _retrospective(date: PartialDate, published: PartialDate | None) -> bool:
    """Tell whether an article published ``published`` looks back on day ``date``."""
    if published is None or date.precision != "day" or published.precision != "day":
        return False
    return (published.to_date() - date.to_date()).days >= RETROSPECTIVE_DAYS


def _choose(
    pool: Sequence[_Candidate], whole: Vector, taken: Sequence[_Candidate], count: int
) -> list[_Candidate]:
    """Pick up to ``count`` central lines for one date, none repeating a line already taken."""
    own = centroid(cand.vector for cand in pool)
    ranked = sorted(pool, key=lambda c: (-_centrality(c, own, whole), c.article, c.start))
    picked: list[_Candidate] = []
    for cand in ranked:
        if len(picked) == count:
            break
        if not any(_same_happening(cand, other) for other in (*taken, *picked)):
            picked.append(cand)
    return picked


def _centrality(cand: _Candidate, own: Vector, whole: Vector) -> float:
    """Score a line by closeness to its date's lines and to the collection."""
    score = cosine(cand.vector, own) + COLLECTION_WEIGHT * cosine(cand.vector, whole)
    return score + cand.prominence


def _same_happening(first: _Candidate, second: _Candidate) -> bool:
    """Tell whether two lines report the same thing (same line, or near-identical words)."""
    if (first.article, first.start) == (second.article, second.start):
        return True
    return cosine(first.vector, second.vector) >= DUPLICATE_SIMILARITY


def _cited(cand: _Candidate, pool: Sequence[_Candidate], texts: Mapping[str, str]) -> CitedLine:
    """Cite the chosen line, and the same words wherever other articles of its date repeat them."""
    citations = [Citation(cand.article, cand.start, cand.end)]
    for article in sorted({other.article for other in pool} - {cand.article}):
        found = texts[article].find(cand.text)
        if found != -1:
            citations.append(Citation(article, found, found + len(cand.text)))
    return CitedLine(text=cand.text, citations=tuple(citations), date=cand.date)


def _date_order_key(date: PartialDate) -> tuple[int, int, int]:
    """Order dates with a coarse date before the days it holds."""
    return date.year, date.month or 0, date.day or 0


def _date_order(line: CitedLine) -> tuple[tuple[int, int, int], str]:
    """Order entries by date, then text (deterministic output)."""
    date = line.date or PartialDate(0)
    return _date_order_key(date), line.text
