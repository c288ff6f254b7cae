"""Find photo captions and paragraphs printed twice.

Scraped and print-replica pages repeat a photo's caption (once under the image,
once in a gallery or alt text) and end it with a credit: "(Reuters)",
"REUTERS/Stringer", "(U.S. Army/Sgt. Jane Doe)". Prose repeats rarely and ends
with sentence punctuation; that difference is what these rules use.
"""

from __future__ import annotations

import re

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
    r"(\((?:[^()]{0,60}/)?[^()]{1,60}\)"  # "(Reuters)", "(U.S. Army/Sgt. Jane Doe)"
    r"|\b[A-Z]{2,}(?: [A-Z]{2,})?/[A-Z][\w. -]{1,40}"  # "REUTERS/Stringer"
    r"|\?\? [A-Z ]+ \?\?)$"  # print-replica credit markers
)
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
    by_anchor: dict[str, list[tuple[int, set[str], str]]] = {}
    repeats: dict[int, int] = {}
    for block in blocks:
        key = fold(_CREDIT_HEAD.sub("", block.text))
        words = set(key.split())
        if len(words) < min_words:
            continue
        anchors = _anchors(words)
        candidates = [
            seen for anchor in anchors for seen in by_anchor.get(anchor, [])[-MAX_CANDIDATES:]
        ]
        first = _earlier_copy(key, words, candidates)
        if first is None:
            for anchor in anchors:
                by_anchor.setdefault(anchor, []).append((block.index, words, key))
        else:
            repeats[block.index] = first
    return repeats


def _anchors(words: set[str]) -> list[str]:
    """The longest words of a paragraph: a near-copy shares at least one of them."""
    return sorted(words, key=lambda word: (-len(word), word))[:ANCHOR_WORDS]


def _earlier_copy(key: str, words: set[str], seen: list[tuple[int, set[str], str]]) -> int | None:
    for index, other_words, other_key in sorted(seen):
        if key == other_key or _contains(key, other_key):
            return index
        union = len(words | other_words)
        if union and len(words & other_words) / union >= REPEAT_JACCARD:
            return index
    return None


def _contains(key: str, other_key: str) -> bool:
    """True when one key holds the other and they are of similar length (a trimmed copy)."""
    short, long = sorted((key, other_key), key=len)
    return short in long and len(short) >= CONTAINED_LENGTH_SHARE * len(long)
