from __future__ import annotations

import time

import pytest

from storyline.clean._blocks import Block, split_blocks
from storyline.clean._topic import Rarity, content_words, off_topic_tail
from tests.conftest import EXAMPLES

# An unrelated story glued after a marker line ("Read more").
TAIL = [
    "The city council approved a new budget for public parks and libraries on Monday evening.",
    "Local residents celebrated the opening of the renovated swimming pool near the harbour.",
    "The weather service expects heavy snow across the northern mountains this weekend.",
]
# Seconds the cut search may take over 20,000 short lines, each after a marker; it took
# about 20 s before the markers were bisected and short lines skipped up front.
MAX_SECONDS_SHORT_LINES = 2.0


def _kept_blocks(lines: list[str]) -> tuple[list[Block], set[int]]:
    """Kept paragraphs at even indices, with a removed marker line before each (odd)."""
    blocks = [Block(2 * n, line, True) for n, line in enumerate(lines)]
    return blocks, {2 * n - 1 for n in range(1, len(lines))}


def _cut_at(blocks: list[Block], markers: set[int]) -> int | None:
    words = [content_words(block.text) for block in blocks]
    rarity = Rarity(words)
    return off_topic_tail(blocks, markers, set(), rarity, threshold=0.4, min_paragraphs=2)


def test_topic_cuts_the_unrelated_tail_after_the_seed_body() -> None:
    seed = next(EXAMPLES.glob("004_*.txt")).read_text(encoding="utf-8")
    body = split_blocks(seed)
    after = len(body) + 1  # the marker line is removed; the tail's indices follow it
    tail = [Block(after + n, line, True) for n, line in enumerate(TAIL)]
    assert _cut_at([*body, *tail], {len(body)}) == len(body)


@pytest.mark.issue(12)
def test_topic_many_short_lines_after_markers_stay_fast() -> None:
    blocks, markers = _kept_blocks([f"line {n} ok" for n in range(20_000)])
    start = time.perf_counter()
    assert _cut_at(blocks, markers) is None  # short lines are never judged foreign
    assert time.perf_counter() - start < MAX_SECONDS_SHORT_LINES
