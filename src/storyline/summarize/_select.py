"""Choose summary sentences by budgeted maximum coverage of the cluster's concepts.

Concepts are content-word unigrams and bigrams weighted by how many independent
sources use them (Gillick & Favre 2009, "A Scalable Global Model for
Summarization", https://aclanthology.org/W09-1802/); a summary's value is the total
weight of the concepts it covers, a monotone submodular function, so a sentence
repeating covered concepts gains nothing (redundancy) and the cost-scaled greedy
algorithm of Lin & Bilmes 2010 ("Multi-document Summarization via Budgeted
Maximization of Submodular Functions", https://aclanthology.org/N10-1134/) picks
sentences within a word budget. News puts the main facts first, so each gain is
scaled up for sentences near the top of their article (the lead bias; Brandow et
al. 1995, https://doi.org/10.1016/0306-4573(95)00052-I), for articles published
later (the latest development) and for sentences close to the centroid of the
cluster's sentence embeddings (centroid centrality, Radev et al. 2004,
https://doi.org/10.1016/j.ipm.2003.10.006; see ``_embed``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from storyline.summarize._candidates import Candidate
from storyline.summarize._focus import Focus

# Cost exponent r of Lin & Bilmes: gain / words**r; below 1 favours longer sentences,
# which carry more facts per stop; 0.6 was chosen on the Multi-News validation sample.
LENGTH_EXPONENT = 0.6
# Gain multiplier (1 + this) of an article's first sentence, decaying to 1 down the
# article; 3 was chosen on the Multi-News validation sample (0 loses 1.5 ROUGE-1 points).
LEAD_BONUS = 3.0
# Sentence index at which the lead bonus has halved (5 chosen on Multi-News validation).
LEAD_HALF_LIFE = 5.0
# Gain multiplier of the latest article over the earliest (the latest development); set
# by judgement, not measured: Multi-News has no publication dates.
RECENCY_BONUS = 0.2
# Extra concept weight per additional independent source that uses the concept (a
# corroborated fact outweighs one source repeating itself); 6 chosen on Multi-News
# validation (0 loses 0.3 ROUGE-1 points; 3 to 6 differ by 0.2).
CORROBORATION_WEIGHT = 6.0
# Gain multiplier (1 + this * cosine to the cluster's embedding centroid): a sentence
# near the centroid tells the cluster's common story. 3 chosen on clusters 0-124 of the
# Multi-News validation sample (1: -0.06, 6: +0.02 ROUGE-1 there; off: -0.17 there and
# -0.34 on clusters 125-249).
CENTRALITY_WEIGHT = 3.0
# Two sentences sharing at least this share of the content words of the shorter one say
# the same thing (a wire copy with other quote marks or an added attribution, a rewrite
# of the headline); set by judgement (0.6 to 1 move ROUGE-1 by < 0.05 on Multi-News).
NEAR_DUPLICATE_SHARE = 0.8
# A headline naming the event's main place and actor is preferred to the best sentence
# when its gain is at least this share of the best's (issue 10: say where and who).
HEADLINE_FOCUS_SHARE = 0.5
# Bigram concepts count this much relative to unigram concepts.
BIGRAM_WEIGHT = 1.0

# A headline opening on a pronoun or a demonstrative refers to something it does not name.
_PRONOUN_OPENING = re.compile(
    r"^[\"'“‘]?(he|she|it|they|this|that|these|those|his|her|its|their|there)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its concepts and its prior (lead and recency) multiplier."""

    candidate: Candidate
    concepts: frozenset[str]
    prior: float


def concept_weights(candidates: Sequence[Candidate], keys: Mapping[str, str]) -> dict[str, float]:
    """Weight each concept by its frequency and by the independent sources that use it."""
    frequency: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    for candidate in candidates:
        source = keys.get(candidate.article, candidate.article)
        for concept in _concepts(candidate.terms):
            frequency[concept] += 1
            sources.setdefault(concept, set()).add(source)
    return {
        concept: _bigram_factor(concept)
        * (count + CORROBORATION_WEIGHT * (len(sources[concept]) - 1))
        for concept, count in frequency.items()
    }


def score_candidates(
    candidates: Sequence[Candidate],
    recency: Mapping[str, float],
    centrality: Sequence[float] | None = None,
) -> list[Scored]:
    """Attach concepts and the lead/recency/centrality prior to each candidate."""
    central = centrality if centrality is not None else [0.0] * len(candidates)
    return [
        Scored(
            candidate=c,
            concepts=frozenset(_concepts(c.terms)),
            prior=(1.0 + LEAD_BONUS * _lead_decay(c.position))
            * (1.0 + RECENCY_BONUS * recency.get(c.article, 0.0))
            * (1.0 + CENTRALITY_WEIGHT * closeness),
        )
        for c, closeness in zip(candidates, central, strict=True)
    ]


def select(
    scored: Sequence[Scored],
    weights: Mapping[str, float],
    *,
    max_sentences: int,
    max_words: int | None,
    after: Scored | None = None,
) -> list[Scored]:
    """Greedily add the sentence with the best gain per cost until the budget is spent.

    ``after`` is a sentence already shown (the headline): it is not repeated and its
    concepts count as covered, so the digest adds to it rather than restating it.
    """
    chosen: list[Scored] = []
    covered: set[str] = set(after.concepts) if after else set()
    used = 0
    while len(chosen) < max_sentences:
        room = None if max_words is None else max_words - used
        shown = [*chosen, after] if after else chosen
        best = _best_gain(scored, weights, covered, shown, room)
        if best is None:
            break
        chosen.append(best)
        covered |= best.concepts
        used += best.candidate.words
    return chosen


def pick_headline(
    scored: Sequence[Scored],
    weights: Mapping[str, float],
    max_words: int,
    *,
    focus: Focus | None = None,
) -> Scored | None:
    """Pick the best sentence of at most ``max_words`` words not opening on a pronoun.

    A sentence naming the event's main place and actor (a headline says where and who)
    is taken instead when its gain is at least ``HEADLINE_FOCUS_SHARE`` of the best's;
    one naming both comes before one naming either.
    """
    standalone = [s for s in scored if not _PRONOUN_OPENING.match(s.candidate.text)]
    best = _best_gain(standalone or scored, weights, set(), [], max_words)
    if focus is None or best is None:
        return best
    floor = HEADLINE_FOCUS_SHARE * _gain(best, weights, set())
    for wanted in (2, 1):
        if focus.named_in(best.candidate.text) >= wanted:
            return best
        naming = [s for s in standalone if focus.named_in(s.candidate.text) >= wanted]
        found = _best_gain(naming, weights, set(), [], max_words)
        if found is not None and _gain(found, weights, set()) >= floor:
            return found
    return best


def _best_gain(
    scored: Sequence[Scored],
    weights: Mapping[str, float],
    covered: set[str],
    chosen: Sequence[Scored],
    room: int | None,
) -> Scored | None:
    """Find the candidate that fits ``room`` with the largest positive prior-scaled gain."""
    best, best_gain = None, 0.0
    for item in scored:
        words = item.candidate.words
        if room is not None and words > room:
            continue
        gain = _gain(item, weights, covered)
        if gain > best_gain and not _repeats(item, chosen):
            best, best_gain = item, gain
    return best


def _gain(item: Scored, weights: Mapping[str, float], covered: set[str]) -> float:
    """Return the prior-scaled weight of the concepts ``item`` adds, per cost of its words."""
    added = _coverage(item.concepts - covered, weights)
    return float(added * item.prior / item.candidate.words**LENGTH_EXPONENT)


def _repeats(item: Scored, chosen: Sequence[Scored]) -> bool:
    """Tell whether ``item`` restates a chosen sentence (the same words, another wording)."""
    terms = set(item.candidate.terms)
    for other in chosen:
        known = set(other.candidate.terms)
        if len(terms & known) >= NEAR_DUPLICATE_SHARE * min(len(terms), len(known)):
            return True
    return False


def _coverage(concepts: Iterable[str], weights: Mapping[str, float]) -> float:
    return sum(weights.get(concept, 0.0) for concept in concepts)


def _concepts(terms: Sequence[str]) -> list[str]:
    """List the unigrams and adjacent-term bigrams (space-joined) of a sentence's stems."""
    return [*terms, *(f"{a} {b}" for a, b in pairwise(terms))]


def _bigram_factor(concept: str) -> float:
    return BIGRAM_WEIGHT if " " in concept else 1.0


def _lead_decay(position: int) -> float:
    """Return 1 for an article's first sentence, halving every ``LEAD_HALF_LIFE`` sentences."""
    return float(0.5 ** (position / LEAD_HALF_LIFE))
