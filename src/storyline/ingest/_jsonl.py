"""Read JSON Lines articles (one object a line: id, text, title, url, published, outlet)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from storyline.model import Article, Failure, PartialDate

TEXT_FIELDS = ("text", "body", "content", "maintext", "document")
HTML_FIELDS = ("html",)


def articles_from_jsonl(text: str, *, source: str, failures: list[Failure]) -> list[Article]:
    """Parse each non-blank line; a malformed line is a Failure naming the line."""
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            articles.append(_article_from_line(line, where))
        except ValueError as e:
            failures.append(Failure(where, "E022", str(e)))
    return articles


def _article_from_line(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(
            f"not valid JSON ({e.msg} at column {e.colno}); fix or drop the line"
        ) from e
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object with a 'text' field")
    raw, is_html = _body(record)
    return Article(
        id=_record_id(record, where),
        raw=raw,
        source=where,
        is_html=is_html,
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet") or _optional_str(record, "source"),
        published=_published(record),
    )


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
        return PartialDate.from_iso(value[:10])
    except ValueError:
        return None
