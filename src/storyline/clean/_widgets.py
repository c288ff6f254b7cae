"""Recognise social-media and site widgets by their shape, and lines a whole site repeats.

Embedded feeds leave lines full of short links ("bit.ly/…", "ow.ly\\/…"), hashtags,
@handles, "RETWEET" buttons and clock times; a site's sidebars print the same lines
under many of its articles. Neither is how article prose looks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.analyze.names import fold
from storyline.clean._blocks import Block

# A line with this many widget signals is a widget, wherever it stands.
MIN_WIDGET_SIGNALS = 2
# A line printed in at least this many different articles of a batch (copies of one
# story count once) is site furniture, when it
# also looks like a widget or is not a sentence (stock sentences repeated by wire
# services are prose, and stay).
MIN_REPEATING_ARTICLES = 3
# A line printed in this share of a large batch (and in at least ALWAYS_MIN articles) is
# furniture whatever its shape: sidebars and teasers repeat that widely, stories do not.
ALWAYS_SHARE, ALWAYS_MIN = 0.03, 5

_SIGNALS = (
    re.compile(r"https?://|www\.|\\/|\b[\w-]+\.(?:ly|me|ie|kr|co|gl|gd|to)\b/?", re.IGNORECASE),
    re.compile(r"(?:^|\s)#[A-Za-z]\w+"),
    re.compile(r"(?:^|\s)@\w{2,}"),
    re.compile(r"\b(?:RETWEET|REPLY|FAVORITE|RT)\b"),
    re.compile(
        r"\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?\s?(?:ET|GMT|UTC|BST|CET|EST|PST)\b", re.IGNORECASE
    ),
)


def widget_signals(text: str) -> int:
    """Count the kinds of widget marks in ``text`` (links, hashtags, handles, buttons, times)."""
    return sum(1 for signal in _SIGNALS if signal.search(text))


def is_widget(block: Block) -> bool:
    """True for a line that carries several kinds of widget marks."""
    return widget_signals(block.text) >= MIN_WIDGET_SIGNALS


def repeated_furniture(
    batches: Sequence[Sequence[Block]], *, groups: Sequence[int] | None = None
) -> list[set[int]]:
    """Per article, the indices of lines repeated across the batch that are not prose.

    ``groups`` numbers each article by its group of copies of one story (issue 12
    item 2): a line counts once per group, so five copies of one article are one
    article here, and 300 copies of one story keep the story.
    """
    groups = list(range(len(batches))) if groups is None else list(groups)
    seen_in: defaultdict[str, set[int]] = defaultdict(set)
    for group, blocks in zip(groups, batches, strict=True):
        for block in blocks:
            seen_in[fold(block.text)].add(group)
    always = max(ALWAYS_MIN, ALWAYS_SHARE * len(set(groups)))
    furniture: list[set[int]] = [set() for _ in batches]
    for position, blocks in enumerate(batches):
        for block in blocks:
            count = len(seen_in[fold(block.text)])
            unlike_prose = widget_signals(block.text) or not block.ends_sentence
            if count >= always or (count >= MIN_REPEATING_ARTICLES and unlike_prose):
                furniture[position].add(block.index)
    return furniture
