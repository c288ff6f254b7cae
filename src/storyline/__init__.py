"""storyline: turn news articles about one event into a brief where every line is cited.

The stages, each a plain function from one core type to the next::

    read (ingest) -> clean -> analyze -> assemble_brief -> render (report)

``build_brief`` runs them all on paths; ``check_brief`` verifies a brief's citations;
``open_store`` opens a store of events in SQLite or PostgreSQL (``storyline.store``).
"""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.errors import (
    AnalyzeError,
    CleanError,
    ConfigError,
    IngestError,
    StoreError,
    StorylineError,
)
from storyline.ingest import read
from storyline.model import (
    Actor,
    AnalyzedArticle,
    Article,
    Brief,
    Citation,
    CitedLine,
    CleanArticle,
    Event,
    Failure,
    Figure,
    FigureGroup,
    FigureValue,
    PartialDate,
    Place,
)
from storyline.pipeline import BriefResult, assemble_brief, build_brief
from storyline.report import render, validate_brief
from storyline.report.check import check_brief
from storyline.settings import Settings, load_settings
from storyline.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AnalyzeError",
    "AnalyzedArticle",
    "Article",
    "Brief",
    "BriefResult",
    "Citation",
    "CitedLine",
    "CleanArticle",
    "CleanError",
    "ConfigError",
    "Event",
    "Failure",
    "Figure",
    "FigureGroup",
    "FigureValue",
    "IngestError",
    "PartialDate",
    "Place",
    "Settings",
    "Store",
    "StoreError",
    "StorylineError",
    "analyze",
    "assemble_brief",
    "build_brief",
    "check_brief",
    "clean",
    "load_settings",
    "open_store",
    "read",
    "render",
    "validate_brief",
]
