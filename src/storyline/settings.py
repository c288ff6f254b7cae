"""One Settings object: defaults < user TOML file < STORYLINE_* environment < CLI flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError


def _setting(default: Any, help_text: str) -> Any:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable value storyline uses, each with a default and a help string."""

    max_bytes: int = _setting(20_000_000, "Largest input file read, in bytes; larger ones fail.")
    progress_min_articles: int = _setting(
        6, "Show a progress bar on stderr from this many articles on."
    )
    duplicate_threshold: float = _setting(
        0.5, "MinHash Jaccard similarity from which two articles are copies of one story."
    )
    shingle_words: int = _setting(5, "Words per shingle for near-duplicate detection.")
    off_topic_similarity: float = _setting(
        0.4,
        "A tail after a furniture marker whose paragraphs share less than this (on average, "
        "rarity-weighted) with the article and the cluster is an unrelated story.",
    )
    off_topic_similarity_alone: float = _setting(
        0.1,
        "The same cut-off for an article cleaned alone: with no cluster to compare with, "
        "only the article's own words count and similarities run lower.",
    )
    off_topic_min_paragraphs: int = _setting(
        2, "An appended unrelated story is cut only when it spans this many paragraphs."
    )
    max_analyzed_chars: int = _setting(
        300_000, "Only this many characters of a cleaned article are parsed (spaCy memory)."
    )
    max_analyzed_lines: int = _setting(
        5_000,
        "Only this many lines of a cleaned article are parsed: a page of many thousands of "
        "short lines costs spaCy minutes and gigabytes.",
    )
    nlp_batch_size: int = _setting(16, "Articles per spaCy batch (and per worker task).")
    workers: int = _setting(0, "Worker processes for analysis; 0 means one per CPU core.")
    parallel_min_articles: int = _setting(
        4, "Batches smaller than this are analysed in one process (forking costs time)."
    )
    summary_sentences: int = _setting(5, "Most sentences in the digest (--sentences).")
    summary_words: int = _setting(0, "Most words in the digest, 0 for no limit (--words).")
    timeline_dates: int = _setting(
        30, "Most dates in the timeline, the best-attested first; 0 for every date found."
    )
    min_caption_words: int = _setting(6, "A repeated line shorter than this is not a caption.")
    fetch_allow_private: bool = _setting(
        False,
        "Fetch from loopback, private, link-local (metadata) hosts too (--allow-private).",
    )
    fetch_max_bytes: int = _setting(
        5_000_000, "Largest response body fetched from a URL, in bytes; larger ones are cut off."
    )
    fetch_timeout_seconds: float = _setting(
        10.0, "Longest wait to connect or for the next bytes of a response, in seconds."
    )
    fetch_total_seconds: float = _setting(
        30.0, "Longest time one response may take to arrive in full, in seconds."
    )
    fetch_max_redirects: int = _setting(5, "Most redirects followed for one URL.")
    feed_max_items: int = _setting(200, "Most items of one RSS/Atom feed whose pages are fetched.")
    topic_focus: bool = _setting(
        True, "List the articles that are about something else as off topic, not brief them."
    )
    off_topic_ratio: float = _setting(
        0.4,
        "An article is off topic when its closeness to the event's centre (of its beginning "
        "and of its lede) is below this share of the typical article's (4+ articles).",
    )
    cluster_similarity: float = _setting(
        0.2,
        "An article joins the most similar event when their similarity (content and names, "
        "less the time penalty) reaches this; otherwise it starts a new event.",
    )
    cluster_entity_weight: float = _setting(
        0.5,
        "Share of the similarity that comes from shared names (actors, places); the rest "
        "comes from TF-IDF content.",
    )
    cluster_window_days: int = _setting(
        14,
        "An article dated more than this many days outside an event's dates never joins it.",
    )
    cluster_time_penalty: float = _setting(
        0.1, "Taken from the similarity when the gap reaches the window (linearly below it)."
    )
    cluster_max_candidates: int = _setting(
        40, "Most events scored for one article (those sharing the most index keys)."
    )
    cluster_max_postings: int = _setting(
        200, "Most recent events kept per index key (a name or rare term); older ones drop out."
    )
    cluster_key_terms: int = _setting(
        12, "Rarest terms of an article used as index keys, beside its names."
    )
    cluster_centroid_terms: int = _setting(
        300, "Terms kept in an event's content profile (the heaviest ones)."
    )


SETTING_HELP: dict[str, str] = {f.name: str(f.metadata["help"]) for f in fields(Settings)}


def load_settings(
    *, config_file: Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Resolve settings from defaults, a TOML file, the environment and explicit overrides."""
    settings = Settings()
    if config_file is not None:
        settings = _apply(settings, _read_toml(config_file), source=str(config_file))
    settings = _apply(settings, _from_environment(), source="environment")
    return _apply(settings, overrides or {}, source="command line")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as e:
        raise ConfigError(f"cannot read config file: {e.strerror}", source=str(path)) from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"not valid TOML: {e}", source=str(path)) from e
    return dict(data.get("storyline", data))


def _from_environment() -> dict[str, Any]:
    prefix = "STORYLINE_"
    return {
        key[len(prefix) :].lower(): value
        for key, value in os.environ.items()
        if key.startswith(prefix) and key[len(prefix) :].lower() in SETTING_HELP
    }


def _apply(settings: Settings, values: dict[str, Any], *, source: str) -> Settings:
    changes = {}
    for name, raw in values.items():
        if name not in SETTING_HELP:
            known = ", ".join(sorted(SETTING_HELP))
            raise ConfigError(f"unknown setting {name!r}; known settings: {known}", source=source)
        changes[name] = _coerce(name, raw, source=source)
    return replace(settings, **changes)


def _coerce(name: str, raw: Any, *, source: str) -> Any:
    kind = type(getattr(Settings(), name))
    try:
        if kind is bool:
            return _as_bool(raw)
        if isinstance(raw, bool):  # TOML true/false is no number
            raise TypeError(raw)
        return kind(raw)
    except (TypeError, ValueError) as e:
        raise ConfigError(
            f"setting {name!r} must be {_KIND_NAMES.get(kind, kind.__name__)}, got {raw!r}",
            source=source,
        ) from e


# Words accepted for a yes/no setting given as text (an environment variable), any case.
_TRUE_WORDS = {"true", "yes", "on", "1"}
_FALSE_WORDS = {"false", "no", "off", "0"}
_KIND_NAMES = {bool: "true or false (also yes/no, on/off, 1/0)"}


def _as_bool(raw: Any) -> bool:
    """A bool from TOML's true/false or from the text of an environment variable."""
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower() if isinstance(raw, str | int) else None
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError(raw)
