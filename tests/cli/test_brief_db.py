"""`storyline brief --db STORE [--event ID]`: rebuild a stored brief, or list the events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.report import validate_brief
from storyline.store import open_store
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the seed event under the id 'baghouz'."""
    path = str(tmp_path_factory.mktemp("store") / "events.db")
    assert main(["ingest", str(EXAMPLES), "--db", path, "--event", "baghouz"]) == 0
    return path


def test_brief_db_rebuilds_the_stored_event_as_markdown(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["brief", "--db", db, "--event", "baghouz", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "5 articles" in out


def test_brief_db_writes_a_valid_brief_to_a_file(db: str, tmp_path: Path) -> None:
    output = tmp_path / "brief.json"
    assert main(["brief", "--db", f"sqlite:///{db}", "--event", "baghouz", "-o", str(output)]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert validate_brief(data) == [] and len(data["articles"]) == 5
    assert main(["check", str(output)]) == 0


def test_brief_db_settings_flags_apply_to_the_rebuild(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["brief", "--db", db, "--event", "baghouz", "--sentences", "2"]) == 0
    assert len(json.loads(capsys.readouterr().out)["summary"]) <= 2


def test_brief_db_without_event_lists_the_events(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["brief", "--db", db]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    event, count, span, title = line.split("\t")
    assert (event, count) == ("baghouz", "5 articles")
    assert span.startswith("2019") and title


def test_brief_db_empty_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_store(str(tmp_path / "new.db")).close()
    assert main(["brief", "--db", str(tmp_path / "new.db")]) == 0
    assert capsys.readouterr().out == "no events stored yet\n"


def test_brief_db_missing_store_exits_1_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.db"
    assert main(["brief", "--db", str(missing), "--event", "baghouz"]) == 1
    assert "no store here" in capsys.readouterr().err
    assert not missing.exists()


def test_brief_db_unknown_event_exits_1_and_says_how_to_list(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", "--db", db, "--event", "nope"]) == 1
    err = capsys.readouterr().err
    assert "E050" in err and "'nope'" in err and "storyline brief --db" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["brief"], "give INPUT files"),
        (["brief", "--event", "baghouz"], "--event needs --db"),
        (["brief", str(EXAMPLES), "--db", "x.db"], "not both"),
    ],
)
def test_brief_db_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
