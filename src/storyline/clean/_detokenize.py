"""Undo Penn Treebank tokenisation ("ca n't", "-LRB-", "`` quote ''") so text reads as written."""

from __future__ import annotations

import re

# Markers counted to decide that a text was PTB-tokenised; one stray match is not enough.
MIN_PTB_MARKERS = 3
_MARKERS = re.compile(r" n't\b|-[LR][RSC]B-|``| '' | 's\b| ,")
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"),
    (re.compile(r"\s*-RCB-"), "}"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|')(?=\W|$)", re.IGNORECASE), r"\1"),
    (re.compile(r" ([,.;:!?%])(?=\s|$|\")"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
)


def is_ptb_tokenized(text: str) -> bool:
    """True when ``text`` shows several Penn Treebank tokenisation markers."""
    return len(_MARKERS.findall(text[:20_000])) >= MIN_PTB_MARKERS


def detokenize(text: str) -> str:
    """Return ``text`` with PTB tokenisation undone line by line."""
    lines = []
    for line in text.split("\n"):
        for pattern, replacement in _RULES:
            line = pattern.sub(replacement, line)
        lines.append(line.rstrip())
    return "\n".join(lines)
