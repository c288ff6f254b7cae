from __future__ import annotations

import numpy as np
import pytest

from storyline.summarize._embed import _model, centrality, embed, token_ids


@pytest.fixture(scope="module")
def vocab() -> dict[str, int]:
    return _model()[1]


def _pieces(text: str, vocab: dict[str, int]) -> list[str]:
    names = {i: token for token, i in vocab.items()}
    return [names[i] for i in token_ids(text, vocab)]


def test_embed_tokens_follow_bert_wordpiece(vocab: dict[str, int]) -> None:
    text = "But it’s dealing with a declining audience for HQ Trivia, café owners say."
    assert _pieces(text, vocab) == [
        "but", "it", "’", "s", "dealing", "with", "a", "declining", "audience", "for",
        "hq", "tri", "##via", ",", "cafe", "owners", "say", ".",
    ]  # fmt: skip


def test_embed_rows_are_unit_length_and_zero_for_no_known_token() -> None:
    rows = embed(["Islamic State's last enclave in Baghouz fell on Saturday.", "", "\x00"])
    assert rows.shape == (3, 128) and rows.dtype == np.float32
    assert abs(float(np.linalg.norm(rows[0])) - 1.0) < 1e-4
    assert not rows[1].any() and not rows[2].any()
    assert embed([]).shape == (0, 128)


def test_embed_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    rows = embed(
        [
            "US-backed forces captured the last Islamic State enclave at Baghouz in eastern Syria.",
            "Syrian Democratic Forces seized Baghouz, the final pocket held by IS militants.",
            "The central bank raised interest rates by a quarter point to curb inflation.",
        ]
    )
    assert float(rows[0] @ rows[1]) > float(rows[0] @ rows[2]) + 0.2


def test_embed_centrality_ranks_the_off_topic_sentence_last() -> None:
    texts = [
        "Rescue teams pulled twelve miners alive from the flooded shaft on Tuesday.",
        "The trapped miners were brought to the surface after three days underground.",
        "Families of the miners cheered as the rescue teams emerged from the mine.",
        "The football club signed a new striker for the coming season.",
    ]
    scores = centrality(texts)
    assert len(scores) == 4 and all(0.0 <= s <= 1.0 for s in scores)
    assert min(range(4), key=scores.__getitem__) == 3
    assert centrality([]) == []
    assert centrality(["Only one sentence here about the flood."])[0] == pytest.approx(
        1.0, abs=1e-4
    )
