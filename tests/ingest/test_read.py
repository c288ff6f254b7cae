from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from storyline.ingest import read
from storyline.settings import Settings
from tests.conftest import EXAMPLES


def test_read_directory_gives_one_article_per_file_with_stem_ids() -> None:
    result = read([str(EXAMPLES)])
    assert not result.failures
    assert [a.id for a in result.articles] == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert all(not a.is_html and a.raw.strip() for a in result.articles)


def test_read_reports_each_bad_file_and_keeps_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Rebels took the town on Friday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    result = read([str(tmp_path), str(tmp_path / "missing.txt")], settings=Settings(max_bytes=300))
    assert [a.id for a in result.articles] == ["good"]
    reasons = {Path(f.source).name: f.message for f in result.failures}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.jpg"]
    assert "over the limit" in reasons["big.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_read_decodes_latin1_bytes_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Le président a visité Genève mardi, a déclaré le porte-parole.".encode("latin-1")
    )
    result = read([str(path)])
    assert not result.failures
    assert "Genève" in result.articles[0].raw


def test_read_jsonl_keeps_metadata_and_names_the_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "w1",
                "text": "Floods hit the city.",
                "title": "Floods",
                "url": "https://example.org/a",
                "published": "2019-03-19T10:00:00Z",
                "outlet": "Example News",
            }
        ),
        "{not json",
        json.dumps({"text": "No id here.", "url": "https://example.org/b"}),
        json.dumps({"title": "no text"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read([str(path)])
    first, second = result.articles
    assert (first.id, first.title, first.outlet) == ("w1", "Floods", "Example News")
    assert first.published is not None and first.published.iso() == "2019-03-19"
    assert second.id.startswith("url-")
    assert [f.source.rsplit(":", 1)[1] for f in result.failures] == ["2", "4"]


def test_read_stdin_text_and_html_sniffing() -> None:
    result = read(["-"], stdin=io.BytesIO(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"))
    assert result.articles[0].is_html
    assert result.articles[0].id.startswith("stdin-")


def test_read_gives_repeated_stems_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Two.", encoding="utf-8")
    ids = [a.id for a in read([str(tmp_path)]).articles]
    assert ids == ["story", "story-2"]


GOOD_LINE = {"id": "good", "text": "Rebels took the town on Friday.", "published": "2019-03-18"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("published", ["0", "0001-01-01", "99999", "2019-13-45"])
def test_read_jsonl_keeps_an_article_whose_date_is_impossible_and_warns(
    tmp_path: Path, published: str
) -> None:
    bad = {"id": "bad", "text": "The army said 3,000 fighters surrendered.", "published": published}
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{json.dumps(bad)}\n{json.dumps(GOOD_LINE)}\n", encoding="utf-8")
    result = read([str(path)])
    assert (result.articles[0].id, result.articles[0].published) == ("bad", None)
    assert result.articles[1].published is not None
    assert not result.failures
    assert len(result.warnings) == 1 and f"{path}:1" in result.warnings[0]


@pytest.mark.issue(12)
def test_read_jsonl_line_nested_too_deep_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(GOOD_LINE) + "\n")
    result = read([str(path)])
    assert [a.id for a in result.articles] == ["good"]
    assert [(f.source, f.code) for f in result.failures] == [(f"{path}:1", "E022")]
    assert "nested too deeply" in result.failures[0].message


@pytest.mark.issue(12)
def test_read_skips_a_fifo_instead_of_waiting_on_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Rebels took the town on Friday.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = read([str(tmp_path / "pipe.txt"), str(tmp_path)])
    assert [a.id for a in result.articles] == ["good"]
    assert {(Path(f.source).name, f.code) for f in result.failures} == {("pipe.txt", "E025")}


@pytest.mark.issue(12)
def test_read_folder_given_through_dot_dot_or_a_hidden_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ".archive" / "articles"
    (folder / ".drafts").mkdir(parents=True)
    (folder / "good.txt").write_text("Rebels took the town on Friday.", encoding="utf-8")
    (folder / ".drafts" / "draft.txt").write_text("A hidden draft.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    for given in ("../.archive/articles", str(folder)):
        assert [a.id for a in read([given]).articles] == ["good"]
