"""The JSON contract: render a Brief and check a brief against the packaged JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from storyline.model import Brief


def render_json(brief: Brief) -> str:
    """Serialise ``brief`` as indented JSON (UTF-8 characters kept as they are)."""
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    text = resources.files("storyline.report").joinpath("brief.schema.json").read_text("utf-8")
    schema = json.loads(text)
    return jsonschema.Draft202012Validator(schema)


def validate_brief(data: dict[str, Any]) -> list[str]:
    """Return the schema violations of a brief (empty when it is valid)."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    return [
        f"{'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}" for error in errors
    ]
