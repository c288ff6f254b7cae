"""Find page furniture: pattern lines from a data file, and lines whose shape is not prose."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from storyline.clean._blocks import Block

# A line of at most this many words, outside the body, is a label (section name, kicker).
MAX_LABEL_WORDS = 2
# A last line this short that stops mid-sentence is a cut-off fragment ("Almost two").
MAX_FRAGMENT_WORDS = 6


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """Load the packaged boilerplate patterns, compiled once."""
    text = resources.files("storyline.data").joinpath("boilerplate.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line and line[0] != "#")


def is_pattern_boilerplate(block: Block) -> bool:
    """True when a packaged pattern matches the line."""
    return any(pattern.search(block.text) for pattern in boilerplate_patterns())


def is_symbol_line(block: Block) -> bool:
    """True for lines with no letters at all ("-", "***", "|")."""
    return not any(char.isalpha() for char in block.text)


def is_edge_label(block: Block, *, body_start: int, body_end: int) -> bool:
    """True for a one- or two-word line before the body or after it (a section label)."""
    outside = block.index < body_start or block.index > body_end
    return outside and len(block.words) <= MAX_LABEL_WORDS and not block.ends_sentence


def is_trailing_fragment(block: Block, previous: Block | None) -> bool:
    """True for a short last line that breaks off mid-sentence after a complete paragraph."""
    return (
        previous is not None
        and previous.ends_sentence
        and not block.ends_sentence
        and len(block.words) <= MAX_FRAGMENT_WORDS
        and block.text[:1].isupper()
    )
