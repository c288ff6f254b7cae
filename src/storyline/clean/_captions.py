"""Find photo captions and paragraphs printed twice.

Scraped and print-replica pages repeat a photo's caption (once under the image,
once in a gallery or alt text) and end it with a credit: "(Agency)",
"AGENCY/Stringer", "(U.S. Army/Sgt. Jane Doe)". Prose repeats rarely and ends
with sentence punctuation; that difference is what these rules use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.names import fold
from storyline.clean._blocks import Block

# Share of shared words from which two blocks are the same paragraph printed twice.
REPEAT_JACCARD = 0.8
# Paragraphs are compared only with earlier ones sharing one of their longest words, so a
# 20,000-paragraph input costs linear time; copies at Jaccard >= 0.8 share them.
ANCHOR_WORDS = 3
# Earlier paragraphs kept per anchor word (the most recent ones), bounding the cost per line.
MAX_CANDIDATES = 20
# A paragraph inside another of at least this share of its length is a trimmed copy of it.
CONTAINED_LENGTH_SHARE = 0.7

_CREDIT_TAIL = re.compile(
    r"(\((?:[^()]{0,60}/)?[^()]{1,60}\)"  # "(Agency)", "(U.S. Army/Sgt. Jane Doe)"
    r"|\b[A-Z]{2,}(?: [A-Z]{2,})?/[A-Z][\w. -]{1,40}"  # "AGENCY/Stringer"
    r"|\?\? [A-Z ]+ \?\?)$"  # print-replica credit markers
)
# Numbers, and capitalised words past a line's first word (names, months, places): two
# paragraphs that differ in one of these say different things (an updated toll), even
# when nearly all their words are the same (issue 10 §2).
_FACT = re.compile(r"\d[\d,.:]*|(?<=\s)[A-Z][\w'’-]*")
_CREDIT_HEAD = re.compile(r"^(\?\? )?[A-Z]{3,}( [A-Z]{3,})? (\?\? )?(?=[A-Z])")


def has_credit(block: Block) -> bool:
    """True when the line carries a photo credit at its start or end."""
    text = block.text
    return (
        bool(_CREDIT_TAIL.search(text) and not block.ends_sentence)
        or bool(_CREDIT_HEAD.match(text) and "??" in text)
        or bool(re.search(r"\.\s+[A-Z]{2,}/[A-Z][\w. -]{1,40}$", text))
    )


def looks_like_caption(block: Block, *, min_words: int) -> bool:
    """True for a line of at least ``min_words`` words that carries a photo credit."""
    return len(block.words) >= min_words and has_credit(block)


def repeat_of(blocks: list[Block], *, min_words: int) -> dict[int, int]:
    """Map each block that repeats an earlier one to the index of its first copy."""
    by_anchor: dict[str, list[_Seen]] = {}
    repeats: dict[int, int] = {}
    for block in blocks:
        text = _CREDIT_HEAD.sub("", block.text)
        key = fold(text)
        words = set(key.split())
        if len(words) < min_words:
            continue
        anchors = _anchors(words)
        candidates = [
            seen for anchor in anchors for seen in by_anchor.get(anchor, [])[-MAX_CANDIDATES:]
        ]
        seen = _Seen(block.index, words, key, facts(text))
        first = _earlier_copy(seen, candidates)
        if first is None:
            for anchor in anchors:
                by_anchor.setdefault(anchor, []).append(seen)
        else:
            repeats[block.index] = first
    return repeats


def facts(text: str) -> frozenset[str]:
    """The numbers and names of a paragraph, as written."""
    return frozenset(match.rstrip(".,:") for match in _FACT.findall(text))


@dataclass(frozen=True, slots=True)
class _Seen:
    """A paragraph already read: its index, words, folded text and facts."""

    index: int
    words: set[str]
    key: str
    facts: frozenset[str]


def _anchors(words: set[str]) -> list[str]:
    """The longest words of a paragraph: a near-copy shares at least one of them."""
    return sorted(words, key=lambda word: (-len(word), word))[:ANCHOR_WORDS]


def _earlier_copy(block: _Seen, seen: list[_Seen]) -> int | None:
    for other in sorted(seen, key=lambda candidate: candidate.index):
        if block.key == other.key:
            return other.index
        if block.facts != other.facts:
            continue  # a new number, date or name: an update, not a copy
        if _contains(block.key, other.key):
            return other.index
        union = len(block.words | other.words)
        if union and len(block.words & other.words) / union >= REPEAT_JACCARD:
            return other.index
    return None


def _contains(key: str, other_key: str) -> bool:
    """True when one key holds the other and they are of similar length (a trimmed copy)."""
    short, long = sorted((key, other_key), key=len)
    return short in long and len(short) >= CONTAINED_LENGTH_SHARE * len(long)
