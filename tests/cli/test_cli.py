from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.report import validate_brief
from tests.conftest import EXAMPLES


def test_cli_brief_writes_a_valid_json_brief(tmp_path: Path) -> None:
    output = tmp_path / "brief.json"
    assert main(["brief", str(EXAMPLES), "--output", str(output)]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert validate_brief(data) == []
    assert main(["check", str(output)]) == 0


def test_cli_brief_skips_bad_inputs_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    good = next(EXAMPLES.glob("004_*.txt"))
    code = main(["brief", str(good), str(tmp_path / "blob.bin"), "--format", "md"])
    captured = capsys.readouterr()
    assert code == 1
    assert "blob.bin" in captured.err and "binary" in captured.err
    assert captured.out.startswith("# ")


def test_cli_brief_with_nothing_usable_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["brief", str(tmp_path)]) == 1
    assert "no usable article" in capsys.readouterr().err


def test_cli_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["brief"])
    assert exit_info.value.code == 2


def test_cli_bad_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "conf.toml"
    config.write_text("nonsense = [", encoding="utf-8")
    assert main(["brief", str(EXAMPLES), "--config", str(config)]) == 2
    assert "conf.toml" in capsys.readouterr().err


def test_cli_check_reports_a_broken_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "brief.json"
    path.write_text('{"schema": "storyline.brief/1"}', encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "FAILED" in capsys.readouterr().out
