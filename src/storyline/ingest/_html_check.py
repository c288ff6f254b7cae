"""Say when an HTML page is nested deeper than the HTML parser goes.

libxml2, under lxml and trafilatura, stops building the tree at a fixed element depth
and silently drops the rest of the page; this finds that point with the same parser
so the loss is reported, naming the input and the place.
"""

from __future__ import annotations

from lxml import etree

# libxml2's error when the document is nested deeper than its limit (256 elements).
_TOO_DEEP = "Excessive depth"


def html_depth_warning(html: str, *, source: str) -> str | None:
    """A warning naming ``source`` when the parser gives up on its nesting depth, else None."""
    parser = etree.HTMLParser(collect_ids=False, remove_comments=True)
    try:
        etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):  # nothing parseable: cleaning reports it
        return None
    for entry in parser.error_log:
        if entry.message.startswith(_TOO_DEEP):
            return (
                f"{source}: HTML nested too deeply for the parser (line {entry.line}, column "
                f"{entry.column}): it stops there and the text after that point is not read; "
                "give the page's text as .txt or JSONL instead"
            )
    return None
