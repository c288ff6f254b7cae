"""JSON (de)serialisation of the stored types: raw articles, analyses and briefs.

The codec follows the dataclasses' type hints, so a field added to a model type is
stored without a change here, and a row written before the field existed reads back
with the field's default. Round trips are exact: ``decode(T, encode(x)) == x``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from storyline.errors import StoreError
from storyline.model import AnalyzedArticle, Article, Brief, CleanArticle, PartialDate
from storyline.store._base import EventInfo

T = TypeVar("T")
# What decoding a stored row raises when its bytes were damaged on disk.
_UNREADABLE = (ValueError, KeyError, TypeError, AttributeError, IndexError)


def damaged_store(detail: str, location: str) -> StoreError:
    """The error for a store whose file is damaged, naming the ways out."""
    return StoreError(
        f"the store is damaged ({detail}); restore the file from a backup, or make a new "
        "store from the articles with `storyline ingest INPUT… --db NEW_PATH`",
        source=location,
    )


@contextmanager
def reading(what: str, location: str) -> Iterator[None]:
    """Turn a stored row that no longer decodes into a StoreError naming ``what``."""
    try:
        yield
    except _UNREADABLE as e:
        raise damaged_store(f"{what} cannot be read back: {e}", location) from e


def dumps(data: Any) -> str:
    """Serialise to compact JSON with sorted keys (stable text for hashing and diffing)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(article: Article) -> str:
    """Hash what an article says (text and metadata), not where it was read from."""
    data = article.to_dict()
    data.pop("source", None)
    return hashlib.sha256(dumps(data).encode("utf-8")).hexdigest()


def encode(value: Any) -> Any:
    """Return a dataclass value as plain JSON data (dates as ISO strings, tuples as lists)."""
    if isinstance(value, PartialDate):
        return value.iso()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    return value


def decode(kind: type[T], data: Any) -> T:
    """Rebuild a value of the given dataclass type from what ``encode`` returned."""
    value: T = _decode(kind, data)
    return value


def encode_analysis(analyzed: AnalyzedArticle) -> dict[str, Any]:
    """Return everything the analyzers found, without the cleaned article itself."""
    data: dict[str, Any] = encode(analyzed)
    data.pop("clean")
    return data


def decode_analysis(clean: dict[str, Any], analysis: dict[str, Any]) -> AnalyzedArticle:
    """Rebuild an analyzed article from its stored cleaned article and analysis."""
    hints = _hints(AnalyzedArticle)
    found = {
        name: _decode(hints[name], value)
        for name, value in analysis.items()
        if name in hints and name != "clean"
    }
    return AnalyzedArticle(clean=CleanArticle.from_dict(clean), **found)


def encode_brief(brief: Brief) -> dict[str, Any]:
    """Return every field of the brief as plain data."""
    data: dict[str, Any] = encode(brief)
    return data


def decode_brief(data: dict[str, Any]) -> Brief:
    """Rebuild a brief stored by ``encode_brief``."""
    return decode(Brief, data)


def _decode(kind: Any, data: Any) -> Any:
    """Follow one type hint: optional, tuple, partial date, dataclass or plain value."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _decode(present[0], data)
    if origin is tuple:
        return _decode_tuple(typing.get_args(kind), data)
    if kind is PartialDate:
        return PartialDate.from_iso(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = [f.name for f in dataclasses.fields(kind) if f.init and f.name in data]
        return kind(**{name: _decode(hints[name], data[name]) for name in names})
    if kind is float and isinstance(data, int):
        return float(data)
    return data


def _decode_tuple(args: tuple[Any, ...], data: list[Any]) -> tuple[Any, ...]:
    """Decode a homogeneous (``tuple[X, ...]``) or fixed-length tuple."""
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(args[0], item) for item in data)
    return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    """Return a dataclass's resolved field types (cached)."""
    return typing.get_type_hints(kind)


def iso_or_none(date: PartialDate | None) -> str | None:
    """A partial date as stored: ISO text, or NULL."""
    return date.iso() if date else None


def event_info(row: tuple[Any, ...]) -> EventInfo:
    """One events-list row from its SQL row."""
    event, title, auto_title, start, end, updated, count = row
    return EventInfo(
        id=str(event),
        title=str(title or auto_title),
        start=PartialDate.from_iso(start) if start else None,
        end=PartialDate.from_iso(end) if end else None,
        articles=int(count),
        updated=str(updated),
    )
