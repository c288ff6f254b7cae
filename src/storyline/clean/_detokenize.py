"""Undo Penn Treebank tokenisation ("ca n't", "-LRB-", "`` quote ''") so text reads as written."""

from __future__ import annotations

import re

# Markers counted to decide that a text was PTB-tokenised; one stray match is not enough.
MIN_PTB_MARKERS = 3
# A line ending " ." (space before the full stop) is how PTB prints every sentence; short
# texts show few other markers, so these count too (issue 10 §2: detokenise every PTB text).
_MARKERS = re.compile(r" n't\b|-[LR][RSC]B-|``| '' | 's\b| ,| [.?!] *$", re.MULTILINE)
# Bracket tokens never occur in written text: they are replaced in every text.
_BRACKETS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"),
    (re.compile(r"\s*-RCB-"), "}"),
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    *_BRACKETS,
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    # PTB opens a single quote with a backtick: "` top kill '".
    (re.compile(r"`\s*(?=\w)"), "'"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|')(?=\W|$)", re.IGNORECASE), r"\1"),
    (re.compile(r" ([,.;:!?%])(?=\s|$|[\"'])"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
    # PTB escapes slashes and asterisks: "Herbert\/AP", "\* Turkey confirms".
    (re.compile(r"\\([/*])"), r"\1"),
)


def is_ptb_tokenized(text: str) -> bool:
    """True when ``text`` shows several Penn Treebank tokenisation markers."""
    return len(_MARKERS.findall(text[:20_000])) >= MIN_PTB_MARKERS


def detokenize(text: str) -> str:
    """Return ``text`` with PTB tokenisation undone line by line."""
    return "\n".join(_apply(line, _RULES) for line in text.split("\n"))


def replace_brackets(text: str) -> str:
    """Return ``text`` with PTB bracket tokens ("-LRB- DEC -RRB-") made brackets again."""
    if "-" not in text or not re.search(r"-[LR][RSC]B-", text):
        return text
    return "\n".join(_apply(line, _BRACKETS) for line in text.split("\n"))


def _apply(line: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, replacement in rules:
        line = pattern.sub(replacement, line)
    return line.rstrip()
