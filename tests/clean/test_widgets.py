from __future__ import annotations

from pathlib import Path

from storyline.clean import clean
from storyline.clean._blocks import split_blocks
from storyline.clean._widgets import is_widget, repeated_furniture
from storyline.ingest import read
from tests.conftest import EXAMPLES

FOLLOW_LINE = "Enter your email address to follow this blog"


def test_widgets_twitter_feed_line_is_a_widget() -> None:
    (block,) = split_blocks(
        "ie\\/11BX93W 7:01 pm ET February 11, 2013 RETWEET Could the next pope be from Africa?"
    )
    assert is_widget(block)


def test_widgets_seed_prose_is_never_a_widget() -> None:
    for path in EXAMPLES.glob("*.txt"):
        for block in split_blocks(path.read_text(encoding="utf-8")):
            assert not is_widget(block), block.text


def test_widgets_site_furniture_repeated_across_t17_articles_is_removed(
    shared_data: Path,
) -> None:
    folder = shared_data / "timeline17" / "LibyaWar_cnn" / "InputDocs"
    paths = sorted(str(p) for p in folder.glob("*/*.txt") if FOLLOW_LINE in p.read_text())[:12]
    cleaned = clean(read(paths).articles)
    assert len(cleaned) >= 5
    for article in cleaned:
        assert FOLLOW_LINE not in article.text
        assert "RETWEET" not in article.text
        assert article.text.strip()


def test_widgets_stock_sentences_in_few_articles_stay() -> None:
    stock = "They are seeking the ouster of the president, who has ruled for 42 years."
    texts = [f"Story {i} about the protests in the capital today.\n\n{stock}" for i in range(3)]
    batches = [split_blocks(text) for text in texts]
    assert repeated_furniture(batches) == [set(), set(), set()]
