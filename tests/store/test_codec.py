"""The JSON codec: exact round trips, and rows written before a field existed still read."""

from __future__ import annotations

import json
from dataclasses import replace

from storyline.model import Brief
from storyline.store._codec import (
    content_hash,
    decode_analysis,
    decode_brief,
    dumps,
    encode_analysis,
    encode_brief,
)
from tests.store.conftest import Pair


def test_codec_analysis_round_trips_exactly_through_json_text(seed_pairs: list[Pair]) -> None:
    for _, analyzed in seed_pairs:
        clean = json.loads(dumps(analyzed.clean.to_dict()))
        found = json.loads(dumps(encode_analysis(analyzed)))
        assert decode_analysis(clean, found) == analyzed
        assert "clean" not in found and found["sentences"]


def test_codec_brief_round_trips_exactly_through_json_text(seed_brief: Brief) -> None:
    decoded = decode_brief(json.loads(dumps(encode_brief(seed_brief))))
    assert decoded == seed_brief and decoded.to_dict() == seed_brief.to_dict()


def test_codec_old_rows_without_a_newer_field_read_with_its_default(
    seed_pairs: list[Pair],
) -> None:
    _, analyzed = next((raw, a) for raw, a in seed_pairs if a.figures)
    found = json.loads(dumps(encode_analysis(analyzed)))
    for figure in found["figures"]:
        del figure["as_of"]  # as if written before Figure.as_of existed
    found["retired_field"] = [1, 2]  # as if a field was removed since
    decoded = decode_analysis(analyzed.clean.to_dict(), found)
    assert all(figure.as_of is None for figure in decoded.figures)
    assert [f.value for f in decoded.figures] == [f.value for f in analyzed.figures]


def test_codec_content_hash_ignores_where_the_article_was_read_from(
    seed_pairs: list[Pair],
) -> None:
    raw, _ = seed_pairs[0]
    assert content_hash(raw) == content_hash(replace(raw, source="elsewhere/copy.txt"))
    assert content_hash(raw) != content_hash(replace(raw, raw=raw.raw + " "))
    assert content_hash(raw) != content_hash(replace(raw, title="Another title"))
