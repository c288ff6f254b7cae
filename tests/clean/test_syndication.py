from __future__ import annotations

import random

from storyline.clean._syndication import MAX_EXACT_ARTICLES, find_copies
from tests.conftest import EXAMPLES


def _edited_copy(text: str, share: float, seed: int) -> str:
    """Replace about ``share`` of the words, as an outlet editing a wire story would."""
    rng = random.Random(seed)
    words = text.split()
    for i in rng.sample(range(len(words)), int(share * len(words))):
        words[i] = "edited"
    return " ".join(words)


def _seed_texts() -> list[tuple[str, str]]:
    return [(p.stem[:3], p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]


def test_syndication_finds_lightly_edited_copies_of_real_articles() -> None:
    texts = _seed_texts()
    copy = ("copy", _edited_copy(texts[3][1], 0.02, seed=1))
    copies = find_copies([*texts, copy], threshold=0.5, shingle_words=5)
    assert copies == {"003": ("copy",), "copy": ("003",)}


def test_syndication_minhash_path_agrees_with_the_exact_one() -> None:
    texts = _seed_texts()
    copies = [(f"c{i}", _edited_copy(texts[i % 5][1], 0.02, seed=i)) for i in range(5)]
    filler = [
        (f"f{i}", " ".join(random.Random(i).choices(texts[1][1].split(), k=300)))
        for i in range(MAX_EXACT_ARTICLES)
    ]
    batch = [*texts, *copies, *filler]
    found = find_copies(batch, threshold=0.5, shingle_words=5)
    assert len(batch) > MAX_EXACT_ARTICLES
    for i in range(5):
        assert found[f"c{i}"] == (texts[i][0],)
    assert not any(key.startswith("f") for key in found)


def test_syndication_different_stories_and_tiny_inputs_are_not_copies() -> None:
    assert find_copies(_seed_texts(), threshold=0.5, shingle_words=5) == {}
    assert find_copies([("a", "one two")], threshold=0.5, shingle_words=5) == {}
    assert find_copies([], threshold=0.5, shingle_words=5) == {}
