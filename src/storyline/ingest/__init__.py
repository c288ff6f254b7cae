"""Read inputs (files, directories, JSONL, stdin, uploaded bytes) into Articles."""

from __future__ import annotations

from storyline.ingest._read import IngestResult, read, read_bytes

__all__ = ["IngestResult", "read", "read_bytes"]
