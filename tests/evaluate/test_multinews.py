from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluate import multinews
from storyline.evaluate._peers import PunktTokenizer, lead_summary

SYSTEMS = ("storyline", "lexrank", "textrank", "lead")


@pytest.fixture(scope="module")
def csv_path(shared_data: Path) -> Path:
    return shared_data / "multinews" / "sample_validation.csv"


def test_multinews_first_rows_give_scores_in_unit_range(csv_path: Path) -> None:
    result = multinews.evaluate_multinews(csv_path, words=100, limit=3)
    assert result["n"] == 3 and result["words"] == 100
    for system in SYSTEMS:
        assert set(result[system]) == {"rouge1", "rouge2", "rougeL"}
        for value in result[system].values():
            assert 0.0 < value < 1.0
        assert result[system]["rouge1"] > result[system]["rouge2"]


def test_multinews_storyline_summary_stays_within_budget(csv_path: Path) -> None:
    clusters = multinews.read_clusters(csv_path, limit=2)
    assert [len(c.documents) for c in clusters] == [3, 2]
    assert all(c.summary.startswith("–") for c in clusters)
    for analyzed in multinews.analyze_clusters(clusters[:1]):
        text = multinews.storyline_summary(analyzed, 80)
        assert 0 < len(text.split()) <= 80
        first = text.split(". ")[0]
        assert any(first in a.clean.text for a in analyzed)


def test_multinews_lead_takes_first_sentences_in_turn() -> None:
    documents = (
        "Alpha one starts here. Alpha two follows.",
        "Beta one starts here. Beta two follows.",
    )
    assert lead_summary(documents, 7) == "Alpha one starts here. Beta one starts here."
    assert multinews.cut_words("a b c d", 2) == "a b"


def test_multinews_tokenizer_splits_sentences_and_words() -> None:
    tokenizer = PunktTokenizer()
    sentences = tokenizer.to_sentences("Dr. Smith left. He said no!")
    assert sentences == ("Dr. Smith left.", "He said no!")
    assert tokenizer.to_words("It's 5 p.m., isn't it?") == ("It", "is", "n't", "it")


def test_multinews_main_prints_one_json_object(
    csv_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert multinews.main([str(csv_path), "--limit", "1", "--words", "50", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 1 and set(SYSTEMS) <= set(result)


def test_multinews_cache_reuses_analysed_clusters(
    csv_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clusters = multinews.read_clusters(csv_path, limit=1)
    first = multinews.load_analyzed(csv_path, clusters, cache_dir=tmp_path)
    assert [p.name.startswith("sample_validation-0-0-") for p in tmp_path.iterdir()] == [True]
    assert [a.id for a in first[0]] == ["mn0000-0", "mn0000-1", "mn0000-2"]

    def _no_analysis(_: object) -> None:
        raise AssertionError("analysed again despite the cache")

    monkeypatch.setattr(multinews, "analyze_clusters", _no_analysis)
    again = multinews.load_analyzed(csv_path, clusters, cache_dir=tmp_path)
    assert [[s.text for s in a.sentences] for a in again[0]] == [
        [s.text for s in a.sentences] for a in first[0]
    ]
    summary = multinews.storyline_summary(again[0], 120)
    assert 0 < len(summary.split()) <= 120


def test_multinews_skip_reads_later_rows_with_their_own_index(csv_path: Path) -> None:
    first_two = multinews.read_clusters(csv_path, limit=2)
    second = multinews.read_clusters(csv_path, limit=1, skip=1)
    assert [c.index for c in second] == [1]
    assert second[0] == first_two[1]
    assert [c.index for c in multinews.read_clusters(csv_path, skip=248)] == [248, 249]
