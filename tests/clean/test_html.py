from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import lxml.html
import pytest

from storyline.clean._html import FALLBACK_MAX_CHARS, Extracted, extract_html
from storyline.model import PartialDate

# Zyte article-extraction pages, by id prefix: a wire story, an opinion column, an explainer.
NEWS_PAGES = ("0d46122928b6", "04a6711caa7c", "16c30add7e96")
# A trafilatura evaluation page whose precision-oriented run keeps only a dozen characters.
SHORT_PRECISION_PAGE = (
    "https://security.googleblog.com/2020/05/enhanced-safe-browsing-protection-now.html"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _zyte_html(shared_data: Path, prefix: str) -> str:
    (path,) = (shared_data / "article_extraction" / "html").glob(f"{prefix}*.html.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read()


def _zyte_body(shared_data: Path, prefix: str) -> str:
    gold = json.loads((shared_data / "article_extraction" / "ground-truth.json").read_text("utf-8"))
    (key,) = (k for k in gold if k.startswith(prefix))
    return str(gold[key]["articleBody"])


def _navigation_texts(html: str) -> set[str]:
    """Link texts inside the page's navigation, header and footer elements."""
    tree = lxml.html.fromstring(html)
    links = tree.xpath("//nav//a | //header//a | //footer//a | //*[@role='navigation']//a")
    return {text for text in (_squash(a.text_content()) for a in links) if len(text) > 2}


@pytest.fixture(scope="module")
def extracted(shared_data: Path) -> dict[str, Extracted]:
    return {prefix: extract_html(_zyte_html(shared_data, prefix)) for prefix in NEWS_PAGES}


@pytest.mark.parametrize("prefix", NEWS_PAGES)
def test_extract_html_keeps_the_gold_first_sentence(
    shared_data: Path, extracted: dict[str, Extracted], prefix: str
) -> None:
    first_sentence = _SENTENCE_END.split(_zyte_body(shared_data, prefix).strip())[0]
    assert len(first_sentence.split()) >= 8
    assert _squash(first_sentence) in _squash(extracted[prefix].text)


@pytest.mark.parametrize("prefix", NEWS_PAGES)
def test_extract_html_drops_navigation_lines(
    shared_data: Path, extracted: dict[str, Extracted], prefix: str
) -> None:
    navigation = _navigation_texts(_zyte_html(shared_data, prefix))
    lines = {_squash(line) for line in extracted[prefix].text.splitlines()}
    assert len(navigation) >= 20
    assert not lines & navigation


@pytest.mark.parametrize("prefix", NEWS_PAGES)
def test_extract_html_returns_one_paragraph_a_line(
    shared_data: Path, extracted: dict[str, Extracted], prefix: str
) -> None:
    lines = [line for line in extracted[prefix].text.splitlines() if line.strip()]
    gold_paragraphs = [p for p in _zyte_body(shared_data, prefix).splitlines() if p.strip()]
    assert len(lines) >= 0.8 * len(gold_paragraphs)
    assert all(line == line.strip() for line in lines)


def test_extract_html_keeps_a_page_in_an_unspaced_script(shared_data: Path) -> None:
    prefix = "85439e26c41c"  # Japanese: no spaces between words
    gold = _zyte_body(shared_data, prefix)
    text = extract_html(_zyte_html(shared_data, prefix)).text
    assert _squash(gold.splitlines()[0]) in _squash(text)
    assert len(text) >= 0.8 * len(gold)


def test_extract_html_reads_title_and_date(extracted: dict[str, Extracted]) -> None:
    column = extracted["04a6711caa7c"]
    assert column.title is not None
    assert column.title.endswith("Republicans Are Following Trump to Nowhere")
    assert column.published == PartialDate(2019, 11, 19)
    explainer = extracted["16c30add7e96"]
    assert explainer.title == "The law that’s helping fuel Delhi’s deadly air pollution"
    assert explainer.published == PartialDate(2019, 11, 8)
    assert explainer.outlet == "Vox"


def test_extract_html_reads_a_plain_article_page_and_keeps_its_url(
    seed_texts: dict[str, str],
) -> None:
    paragraphs = [p.strip() for p in seed_texts["000_b012d47a0c99282f"].split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    page = f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    url = "https://news.example.org/2019/03/baghouz"
    result = extract_html(page, url=url)
    assert result.url == url
    assert result.text.splitlines()[0] == paragraphs[1]
    assert "Home" not in result.text.splitlines()


def test_extract_html_falls_back_when_the_precision_run_keeps_too_little(
    shared_data: Path,
) -> None:
    folder = shared_data / "trafilatura_eval_en_subset"
    item = json.loads((folder / "evaldata_en_subset.json").read_text("utf-8"))[SHORT_PRECISION_PAGE]
    html = gzip.decompress((folder / "html" / item["file"]).read_bytes()).decode("utf-8")
    result = extract_html(html)
    assert len(result.text) > FALLBACK_MAX_CHARS
    text = _squash(result.text)
    assert all(_squash(snippet) in text for snippet in item["with"])
    assert not any(_squash(snippet) in text for snippet in item["without"])
    assert result.published == PartialDate.from_iso(item["date"])


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n ",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><ul><li><a href='/a'>World</a></li><li><a href='/b'>Sport</a></li></ul>"
        "</body></html>",
    ],
)
def test_extract_html_returns_empty_text_for_a_page_without_prose(page: str) -> None:
    result = extract_html(page)
    assert result.text == ""
    assert result.published is None


def test_extract_html_survives_garbage_input() -> None:
    result = extract_html("\x00\x01<<<>>> </p></div> \ufffd\ufffd <a <b")
    assert "\x00" not in result.text
    assert result.title is None
