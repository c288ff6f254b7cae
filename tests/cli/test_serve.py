from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storyline.cli import main


@pytest.mark.issue(12)
def test_serve_without_the_web_packages_names_an_install_command_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "storyline.web", None)  # as if it could not be imported
    code = main(["serve", "--db", str(tmp_path / "events.db"), "--get", "/api/events"])
    message = capsys.readouterr().err
    assert code == 2
    assert "storyline[web]" not in message
    assert "pip install storyline" in message
