"""Read inputs (files, directories, JSONL, stdin) into Articles."""

from __future__ import annotations

from storyline.ingest._read import IngestResult, read

__all__ = ["IngestResult", "read"]
