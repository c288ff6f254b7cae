"""Errors storyline raises, each naming the input at fault and the fix.

StorylineError
├── ConfigError      a setting, flag or config file is wrong (exit code 2)
├── IngestError      an input could not be read as an article
├── CleanError       an article could not be cleaned
├── AnalyzeError     an article could not be analysed (e.g. no spaCy model)
└── StoreError       the store could not be opened, read or written
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {prefix}{message}")


class ConfigError(StorylineError):
    code = "E010"


class IngestError(StorylineError):
    code = "E020"


class CleanError(StorylineError):
    code = "E030"


class AnalyzeError(StorylineError):
    code = "E040"


class StoreError(StorylineError):
    code = "E050"
