"""A fixed sample of Timeline17 articles, shared by the speed benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"


def sample_paths(data: Path, count: int) -> list[str]:
    """A fixed random sample of non-empty T17 article files (seeded: same sample every run)."""
    paths = sorted(p for p in data.glob("*/InputDocs/*/*.txt") if p.stat().st_size > 0)
    return sorted(str(p) for p in random.Random(17).sample(paths, min(count, len(paths))))
