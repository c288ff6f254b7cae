from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import read
from storyline.ingest._html_check import html_depth_warning

PARAGRAPH = "<p>Rebels took the town of Baghouz on Friday, officials said.</p>"
# libxml2 gives up below this many nested elements (html, body and the divs).
PARSER_DEPTH = 256


def _nested_page(divs: int) -> str:
    return f"<html><body>{PARAGRAPH}{'<div>' * divs}<p>Deep.</p>{'</div>' * divs}</body></html>"


def test_html_check_a_page_within_the_parser_depth_has_no_warning() -> None:
    assert html_depth_warning(_nested_page(PARSER_DEPTH - 10), source="ok.html") is None


@pytest.mark.issue(12)
def test_html_check_names_the_input_and_where_the_parser_stopped() -> None:
    warning = html_depth_warning(_nested_page(100_000), source="bomb.html")
    assert warning is not None
    assert warning.startswith("bomb.html: HTML nested too deeply for the parser (line 1, column")
    assert "text after that point is not read" in warning


@pytest.mark.issue(12)
def test_read_reports_the_deep_page_and_keeps_it(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(_nested_page(1_000), encoding="utf-8")
    (tmp_path / "flat.html").write_text(_nested_page(3), encoding="utf-8")
    result = read([str(tmp_path)])
    assert [a.id for a in result.articles] == ["deep", "flat"]
    assert [w.split(": ", 1)[0] for w in result.warnings] == [str(tmp_path / "deep.html")]
