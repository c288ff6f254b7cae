"""Find where an article ends and page furniture takes over: comment threads, closing notes.

Reader comments follow the article and open with a stamp ("February 9, 2011 at 10:32
pm |", "At 02:56 am on 14 Jan 2010, jessica wrote", "Posted by: name | …"); a
print-edition note ("A version of this article appeared in print on …") or a comment
form ("(required, but will not be displayed)") closes the article, and what follows it
on the page (promos, live feeds, teasers) is not the article either. These shapes
recur across sites and languages; none is one outlet's wording (issue 10 §2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.clean._blocks import Block

# A thread or closing note counts only after this many body paragraphs: before them it is
# more likely a quoted comment or a note at the top of the page.
MIN_BODY_BEFORE = 3
# A page tail is at most this many lines: a longer run after a note is more articles (a
# concatenated input), not one page's comments and teasers, and is kept.
MAX_TAIL_BLOCKS = 150

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TIME = r"\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?"
_COMMENT_STAMPS = (
    # "February 9, 2011 at 10:32 pm |" (comment systems of many blogs)
    re.compile(rf"^{_MONTH} \d{{1,2}},? \d{{4}},? (?:at|@) {_TIME}\s*(?:\||$)", re.IGNORECASE),
    re.compile(rf"^\d{{1,2}} {_MONTH},? \d{{4}},? (?:at|@) {_TIME}\s*(?:\||$)", re.IGNORECASE),
    # "At 02:56 am on 14 Jan 2010, jessica wrote"
    re.compile(
        rf"\bat {_TIME} on (?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}),? \d{{4}},?"
        r" .{1,60}? wrote\b",
        re.IGNORECASE,
    ),
    # "Posted by: name | September 16, 2008 10:56 AM"
    re.compile(r"^posted by:? \S.{0,60}\|", re.IGNORECASE),
)
_CLOSING_NOTES = (
    re.compile(
        r"^(?:a version(?: of this (?:article|story|report|review))?"
        r"|this (?:article|story|report|review)) (?:was )?(?:originally |first )?"
        r"(?:appeared|appears) (?:on p(?:age)?\s?\d|in (?:the )?print\b)",
        re.IGNORECASE,
    ),
    # A comment form or its rules: what a page prints after them is not the article.
    re.compile(r"\(required,? but (?:will )?not (?:be )?(?:displayed|published|shown)\)", re.I),
    re.compile(r"^comments (?:are|will be) (?:not )?(?:pre-?screened|moderated|reviewed)\b", re.I),
    re.compile(r"^(?:this|the) (?:discussion|comment thread) is (?:now )?closed\b", re.I),
)


def is_comment_stamp(block: Block) -> bool:
    """True for a line that opens a reader comment."""
    return any(pattern.search(block.text) for pattern in _COMMENT_STAMPS)


def is_closing_note(block: Block) -> bool:
    """True for a print-edition note or a comment form, which close an article."""
    return any(pattern.search(block.text) for pattern in _CLOSING_NOTES)


def page_tail_start(blocks: Sequence[Block], *, is_body: Sequence[bool]) -> tuple[int, str] | None:
    """Position in ``blocks`` where the page after the article starts, and why; or None.

    ``is_body`` tells, per block, whether it reads as article prose; a tail starts only
    after ``MIN_BODY_BEFORE`` of those.
    """
    body_seen = 0
    for position, block in enumerate(blocks):
        if body_seen >= MIN_BODY_BEFORE and len(blocks) - position <= MAX_TAIL_BLOCKS:
            if is_comment_stamp(block):
                return position, "comment"
            if is_closing_note(block):
                return position, "boilerplate"
        body_seen += is_body[position]
    return None
