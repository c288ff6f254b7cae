"""`storyline ingest INPUT… --db STORE`: store articles, say what was done, exit 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.report.check import check_brief
from storyline.store import open_store
from tests.conftest import EXAMPLES


def _counts(out: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def test_ingest_stores_the_seeds_then_finds_them_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "events.db")
    assert main(["ingest", str(EXAMPLES), "--db", db]) == 0
    first = _counts(capsys.readouterr().out)
    assert (first["added"], first["updated"], first["unchanged"]) == ("5", "0", "0")
    assert main(["ingest", str(EXAMPLES), "--db", db]) == 0
    second = _counts(capsys.readouterr().out)
    assert second["event"] == first["event"] and second["unchanged"] == "5"
    with open_store(db) as store:
        brief = store.brief(first["event"])
    assert brief is not None and check_brief(brief.to_dict()) == []


def test_ingest_then_brief_from_the_store_prints_the_same_json_as_from_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "events.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "--event", "baghouz"]) == 0
    assert _counts(capsys.readouterr().out)["event"] == "baghouz"
    assert main(["brief", "--db", db, "--event", "baghouz"]) == 0
    from_store = capsys.readouterr().out
    assert main(["brief", str(EXAMPLES)]) == 0
    assert json.loads(from_store) == json.loads(capsys.readouterr().out)


def test_ingest_reports_bad_inputs_on_stderr_stores_the_rest_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    good = next(EXAMPLES.glob("004_*.txt"))
    db = str(tmp_path / "events.db")
    inputs = [str(good), str(tmp_path / "blob.bin"), str(tmp_path / "empty.html")]
    assert main(["ingest", *inputs, "--db", db, "--title", "One good article"]) == 1
    captured = capsys.readouterr()
    assert "blob.bin" in captured.err and "binary" in captured.err
    assert "empty" in captured.err and "E031" in captured.err
    assert _counts(captured.out)["added"] == "1"
    with open_store(db) as store:
        (event,) = store.events()
    assert event.articles == 1 and event.title == "One good article"


def test_ingest_with_nothing_usable_stores_nothing_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "events.db"
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", str(db)]) == 1
    assert "no usable article" in capsys.readouterr().err
    assert capsys.readouterr().out == ""


def test_ingest_needs_inputs_and_db(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["ingest", str(EXAMPLES)], ["ingest", "--db", "x.db"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--db" in capsys.readouterr().err


def test_ingest_into_a_foreign_database_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    db.write_text("not a database " * 200, encoding="utf-8")
    good = next(EXAMPLES.glob("004_*.txt"))
    assert main(["ingest", str(good), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "E050" in err and str(db) in err and "not a storyline store" in err
