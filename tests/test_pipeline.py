from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
    assert_brief_checks(result.brief)
    cited = [v.citation.end for g in result.brief.figures for v in g.values]
    assert cited and max(cited) <= 20_000


def test_pipeline_seed_brief_dates_the_event_from_publication_dates() -> None:
    brief = build_brief([str(EXAMPLES)]).brief
    assert_brief_checks(brief)
    assert brief.start is not None and brief.end is not None
    assert brief.start.year == 2019 and brief.end.iso() >= "2019-03-19"
    assert brief.title
