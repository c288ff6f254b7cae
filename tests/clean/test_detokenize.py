"""Every Penn-Treebank-tokenised text reads as written again (issue 10 §2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.clean._detokenize import detokenize, is_ptb_tokenized, replace_brackets
from storyline.ingest import read


@pytest.mark.issue(10)
def test_detokenize_brackets_are_replaced_in_any_text() -> None:
    assert replace_brackets("The flu -LRB- DEC -RRB- is here.") == "The flu (DEC) is here."


def test_detokenize_single_quotes_and_escaped_slashes() -> None:
    text = "BP oil spill : ` I 'd like my life back ' he said .\nPhotograph : Gerald Herbert\\/AP"
    assert detokenize(text).split("\n") == [
        "BP oil spill: 'I'd like my life back' he said.",
        "Photograph: Gerald Herbert/AP",
    ]


@pytest.mark.issue(10)
def test_detokenize_short_t17_texts_are_detected(shared_data: Path) -> None:
    path = shared_data / "timeline17/bpoil_bbc/InputDocs/2010-05-20/834.htm.txt"
    raw = path.read_text(encoding="utf-8")
    assert is_ptb_tokenized(raw)
    (cleaned,) = clean(read([str(path)]).articles)
    assert " ." not in cleaned.text
    assert " 's" not in cleaned.text


def test_detokenize_plain_prose_is_not_ptb(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert not is_ptb_tokenized(text)
