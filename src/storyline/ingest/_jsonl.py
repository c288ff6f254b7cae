"""Read JSON Lines articles (one object a line: id, text, title, url, published, outlet)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from storyline.model import Article, Failure, PartialDate

TEXT_FIELDS = ("text", "body", "content", "maintext", "document")
# A publication date outside these years is a typo or a placeholder ("0", "0001-01-01",
# "99999"), not when the article appeared: the first printed newspapers date from 1605,
# and date arithmetic near the calendar's ends overflows (issue 12).
PUBLISHED_YEARS = range(1600, 3000)
HTML_FIELDS = ("html",)


def articles_from_jsonl(
    text: str, *, source: str, failures: list[Failure], warnings: list[str] | None = None
) -> list[Article]:
    """Parse each non-blank line; a malformed line is a Failure naming the line.

    A line whose publication date cannot be a real one is kept without the date, and
    ``warnings`` says so, naming the line.
    """
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            article, bad_date = _article_from_line(line, where)
        except ValueError as e:
            failures.append(Failure(where, "E022", str(e)))
            continue
        articles.append(article)
        if bad_date is not None and warnings is not None:
            warnings.append(
                f"{where}: publication date {bad_date!r} is not a plausible publication date "
                "(expected YYYY, YYYY-MM or YYYY-MM-DD); the article is read without it"
            )
    return articles


def _article_from_line(line: str, where: str) -> tuple[Article, str | None]:
    """Return the line's article, and its publication date text when that was unusable."""
    record = _json_object(line)
    raw, is_html = _body(record)
    published = _published(record)
    given = _optional_str(record, "published") or _optional_str(record, "date")
    article = Article(
        id=_record_id(record, where),
        raw=raw,
        source=where,
        is_html=is_html,
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet") or _optional_str(record, "source"),
        published=published,
    )
    return article, given if given is not None and published is None else None


def _json_object(line: str) -> dict[str, Any]:
    """Parse one line as a JSON object; nesting too deep for the parser is an error too."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(
            f"not valid JSON ({e.msg} at column {e.colno}); fix or drop the line"
        ) from e
    except RecursionError:
        raise ValueError("JSON nested too deeply to read; fix or drop the line") from None
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object with a 'text' field")
    return record


def _body(record: dict[str, Any]) -> tuple[str, bool]:
    for key in TEXT_FIELDS + HTML_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value, key in HTML_FIELDS
    raise ValueError(f"no article text: expected a non-empty string in one of {TEXT_FIELDS}")


def _record_id(record: dict[str, Any], where: str) -> str:
    if record.get("id") not in (None, ""):
        return str(record["id"])
    if isinstance(record.get("url"), str):
        return "url-" + hashlib.sha1(record["url"].encode("utf-8")).hexdigest()[:12]
    return where.rsplit("/", 1)[-1].replace(".jsonl:", "-").replace(":", "-")


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _published(record: dict[str, Any]) -> PartialDate | None:
    value = _optional_str(record, "published") or _optional_str(record, "date")
    if value is None:
        return None
    try:
        date = PartialDate.from_iso(value[:10])
    except ValueError:
        return None
    return date if date.year in PUBLISHED_YEARS else None
