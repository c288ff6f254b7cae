"""Find unrelated stories glued after an article ("more stories" widgets, teasers).

Such widgets are introduced or separated by page furniture ("See also:",
"Read more", "Next:") that the boilerplate rules already remove. Each of those
markers past the body is a candidate cut; the cut is made at the first one after
which every paragraph shares little with the article before it and with the
other articles of the cluster (words weighted by rarity across the cluster, so
"said" or "people" count for little and "Kunduz" for much).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.clean._blocks import Block

# Paragraphs shorter than this say too little to judge.
MIN_JUDGED_WORDS = 8
# No cut before this share of the article's paragraphs: the body comes first.
MIN_BODY_SHARE = 0.3
# A single tail paragraph this close to the article keeps the whole tail.
MAX_TAIL_PARAGRAPH_SIMILARITY = 0.5

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*\d|\d")


def content_words(text: str) -> set[str]:
    """Lower-cased content words of ``text`` (stop words and short words dropped)."""
    words = (token.lower().strip("'’-") for token in _TOKEN.findall(text))
    return {word for word in words if len(word) > 2 and word not in STOP_WORDS}


class Rarity:
    """Inverse document frequency of words over a set of paragraphs."""

    def __init__(self, paragraphs: Iterable[set[str]]) -> None:
        self._counts: Counter[str] = Counter()
        self._total = 0
        for words in paragraphs:
            self._counts.update(words)
            self._total += 1

    def weight(self, word: str) -> float:
        return math.log((self._total + 1) / (self._counts[word] + 0.5))

    def similarity(self, words: set[str], profile: set[str]) -> float:
        """Rarity-weighted share of ``words`` that also occur in ``profile``."""
        total = sum(self.weight(word) for word in words)
        shared = sum(self.weight(word) for word in words & profile)
        return shared / total if total > 0 else 1.0


def off_topic_tail(
    blocks: Sequence[Block],
    markers: set[int],
    cluster_words: set[str],
    rarity: Rarity,
    *,
    threshold: float,
    min_paragraphs: int,
) -> int | None:
    """Return the position in ``blocks`` where an appended unrelated tail starts, or None.

    ``blocks`` are the article's kept paragraphs; ``markers`` holds the block
    indices of removed furniture lines that may introduce a widget.
    """
    words = [content_words(block.text) for block in blocks]
    # Only paragraphs long enough to judge count; finding them once (and the markers by
    # bisection) keeps a page of thousands of short lines linear, not quadratic.
    judged = [n for n, block in enumerate(blocks) if len(block.words) >= MIN_JUDGED_WORDS]
    sorted_markers = sorted(markers)
    earliest = max(1, math.ceil(MIN_BODY_SHARE * len(blocks)))
    profile = cluster_words.union(*words[:earliest])
    for position in range(earliest, len(blocks)):
        if _follows_marker(blocks, position, sorted_markers) and _is_foreign(
            [words[n] for n in judged[bisect_left(judged, position) :]],
            profile,
            rarity,
            threshold,
            min_paragraphs,
        ):
            return position
        profile |= words[position]
    return None


def _follows_marker(blocks: Sequence[Block], position: int, markers: list[int]) -> bool:
    """Whether a marker (``markers`` sorted) lies between this block and the one before."""
    after_previous = bisect_right(markers, blocks[position - 1].index)
    return after_previous < len(markers) and markers[after_previous] < blocks[position].index


def _is_foreign(
    judged_words: Sequence[set[str]],
    profile: set[str],
    rarity: Rarity,
    threshold: float,
    min_paragraphs: int,
) -> bool:
    """Whether the tail's judged paragraphs (their words) share little with ``profile``."""
    scores = []
    for words in judged_words:
        score = rarity.similarity(words, profile)
        if score >= MAX_TAIL_PARAGRAPH_SIMILARITY:
            return False
        scores.append(score)
    return len(scores) >= min_paragraphs and sum(scores) / len(scores) < threshold
