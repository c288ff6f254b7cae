"""`read_bytes`: uploaded or pasted input read like a file, failures per input."""

from __future__ import annotations

import json

from storyline.ingest import read_bytes
from storyline.settings import Settings


def test_read_bytes_text_takes_id_from_name(seed_texts: dict[str, str]) -> None:
    stem, text = next(iter(seed_texts.items()))
    result = read_bytes(text.encode(), f"{stem}.txt")
    assert [a.id for a in result.articles] == [stem] and result.failures == ()
    assert result.articles[0].raw == text and not result.articles[0].is_html


def test_read_bytes_html_by_suffix_or_content() -> None:
    page = b"<html><body><p>Rescue teams reached the villages.</p></body></html>"
    assert read_bytes(page, "page.html").articles[0].is_html
    assert read_bytes(page, "pasted.txt").articles[0].is_html


def test_read_bytes_jsonl_reports_bad_lines() -> None:
    good = json.dumps({"id": "one", "text": "Rescue teams reached the villages."})
    result = read_bytes(f"{good}\n[1, 2]\n{{bad\n".encode(), "batch.jsonl")
    assert [a.id for a in result.articles] == ["one"]
    assert [f.source for f in result.failures] == ["batch.jsonl:2", "batch.jsonl:3"]


def test_read_bytes_refuses_empty_binary_and_too_large() -> None:
    assert read_bytes(b"  \n", "empty.txt").failures[0].message.startswith("empty input")
    assert "binary" in read_bytes(bytes(range(256)), "x.txt").failures[0].message
    large = read_bytes(b"word " * 50, "big.txt", settings=Settings(max_bytes=100))
    assert large.articles == () and "limit" in large.failures[0].message
