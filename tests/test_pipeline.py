from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.pipeline import build_brief
from storyline.settings import Settings
from tests.builders import assert_brief_checks
from tests.conftest import EXAMPLES


def test_pipeline_huge_article_is_kept_whole_and_analysed_in_part(
    tmp_path: Path, shared_data: Path
) -> None:
    folder = shared_data / "timeline17" / "bpoil_bbc" / "InputDocs"
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*/*.txt")))
    path = tmp_path / "huge.txt"
    path.write_text(body, encoding="utf-8")
    assert len(body) > 1_000_000  # beyond spaCy's default max_length
    settings = replace(Settings(), max_analyzed_chars=20_000)
    result = build_brief([str(path)], settings=settings)
    (article,) = result.brief.articles
    assert len(article.text) > 1_000_000
    assert result.warnings and "only the first 20,000" in result.warnings[0]
    assert result.warnings[0].startswith(f"{path}: article 'huge':")
    assert_brief_checks(result.brief)
    cited = [v.citation.end for g in result.brief.figures for v in g.values]
    assert cited and max(cited) <= 20_000


def test_pipeline_seed_brief_dates_the_event_from_publication_dates() -> None:
    brief = build_brief([str(EXAMPLES)]).brief
    assert_brief_checks(brief)
    assert brief.start is not None and brief.end is not None
    assert brief.start.year == 2019 and brief.end.iso() >= "2019-03-19"
    assert brief.title


@pytest.mark.issue(12)
def test_pipeline_an_input_cleaning_empties_is_named_by_file_and_line(tmp_path: Path) -> None:
    seed = next(EXAMPLES.glob("004_*.txt")).read_text(encoding="utf-8")
    menu = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    lines = [{"id": "good", "text": seed}, {"id": "menu", "html": menu}]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = build_brief([str(path)])
    assert [a.id for a in result.brief.articles] == ["good"]
    (failure,) = result.failures
    assert (failure.source, failure.code) == (f"{path}:2", "E031")
    assert failure.message.startswith("article 'menu': nothing left after cleaning")


@pytest.mark.issue(12)
def test_pipeline_an_article_of_many_lines_is_analysed_up_to_the_line_limit() -> None:
    seed = next(EXAMPLES.glob("004_*.txt"))
    settings = replace(Settings(), max_analyzed_lines=5)
    result = build_brief([str(seed)], settings=settings)
    (article,) = result.brief.articles
    analysed = article.text.split("\n")
    limit = len("\n".join(analysed[:5]))
    (warning,) = result.warnings
    assert warning.startswith(f"{seed}: article '{seed.stem}': only the first {limit:,} of")
    assert "max_analyzed_lines 5" in warning
    cited = [c.end for line in result.brief.summary for c in line.citations]
    assert cited and max(cited) <= limit
