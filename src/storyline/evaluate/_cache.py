"""A pickle cache for the benchmarks' analysed articles (the slow part of each run)."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc, DocBin

from storyline.analyze.nlp import load_nlp

# Bumped when what is cached changes shape, so stale pickles are not read back.
CACHE_VERSION = 2

T = TypeVar("T")


# The parts of the package whose code decides what an analysed article holds.
ANALYSIS_STAGES = ("ingest", "clean", "analyze", "data", "model.py", "settings.py")
PACKAGE = Path(__file__).resolve().parent.parent


def cache_path(
    cache_dir: Path | None, source: Path, label: str, *, stages: Sequence[str] = ()
) -> Path | None:
    """Return the cache file of ``label`` read from ``source``; None without a cache folder.

    The name holds a fingerprint of the code that made it (``stages`` of the package, all
    of it when empty): after a change in that code the old file is not read back.
    """
    if cache_dir is None:
        return None
    seed = f"{source.resolve()}|{code_fingerprint(tuple(stages))}"
    key = hashlib.sha1(seed.encode(), usedforsecurity=False).hexdigest()[:8]
    return cache_dir / f"{label}-{key}-v{CACHE_VERSION}.pkl"


@lru_cache(maxsize=8)
def code_fingerprint(stages: tuple[str, ...]) -> str:
    """Hash the source and data files of ``stages`` (parts of the package, or all of it)."""
    roots = [PACKAGE / stage for stage in stages] or [PACKAGE]
    digest = hashlib.sha1(usedforsecurity=False)
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".txt", ".toml", ".json"):
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cached(cache: Path | None, build: Callable[[], T]) -> T:
    """Return what ``cache`` holds, else ``build()``'s result, saved there when given."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            found: T = pickle.load(handle)
        return found
    value = build()
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as handle:
            pickle.dump(value, handle)
    return value


def parse_cached(texts: Sequence[str], cache: Path | None) -> list[Doc]:
    """Parse ``texts`` with spaCy, reusing (or saving) the parses in the DocBin ``cache``."""
    nlp = load_nlp()
    if cache is not None and cache.is_file():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(DocBin(docs=docs).to_bytes())
    return docs
