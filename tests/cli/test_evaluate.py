"""`storyline evaluate dates`: the command on a real dev file, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main


def test_evaluate_dates_prints_json_scores(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shared_data / "dates" / "aquaint_dev.jsonl"
    code = main(["evaluate", "dates", str(path), "--peers", "--limit", "2", "--json"])
    scores = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(scores) == ["storyline"]
    assert scores["storyline"]["aquaint_dev"]["gold"] > 0


def test_evaluate_dates_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["evaluate", "dates", str(tmp_path / "none.jsonl"), "--peers"])
    assert code == 2
    assert "none.jsonl" in capsys.readouterr().err
