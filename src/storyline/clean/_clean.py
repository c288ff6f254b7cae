"""Clean a batch of articles: keep each article's own text, record what was removed and why.

The cascade, per article: (1) HTML → main text with trafilatura, PTB text →
plain text; (2) page furniture by pattern and by shape; (3) captions and
paragraphs printed twice; (4) an unrelated tail after a furniture marker,
judged against the rest of the cluster; (5) labels and cut-off fragments at the
edges. Then, across the batch: publication dates and copies of one story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.clean import _boilerplate as furniture
from storyline.clean._blocks import Block, join_blocks, split_blocks
from storyline.clean._captions import looks_like_caption, repeat_of
from storyline.clean._detokenize import detokenize, is_ptb_tokenized, replace_brackets
from storyline.clean._glued import split_glued
from storyline.clean._html import Extracted, extract_html
from storyline.clean._syndication import copy_groups, find_copies
from storyline.clean._threads import page_tail_start
from storyline.clean._topic import Rarity, content_words, off_topic_tail
from storyline.clean._widgets import is_widget, repeated_furniture
from storyline.clean.published import infer_published
from storyline.model import Article, CleanArticle, PartialDate, PublishedFrom, Removed
from storyline.settings import Settings

# A block of at least this many words that ends a sentence is body text.
MIN_BODY_WORDS = 8
# A title has at least this many words and at most the second number.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30
# Wire datelines name the agency: "KUNDUZ, Syria (Agency) -".
_WIRE_DATELINE = re.compile(r"^[^()\n]{0,80}?\(([A-Z][A-Za-z]{1,20}(?: [A-Z][a-z]+)?)\)\s*[-–—]")


@dataclass(slots=True)
class _Draft:
    """An article while its blocks are being judged (mutable on purpose: built up in passes)."""

    article: Article
    extracted: Extracted
    blocks: list[Block]
    reasons: dict[int, str] = field(default_factory=dict)

    def kept(self) -> list[Block]:
        return [block for block in self.blocks if block.index not in self.reasons]


def clean(
    articles: Sequence[Article], *, settings: Settings | None = None
) -> tuple[CleanArticle, ...]:
    """Clean every article, using the others as context for what is on topic."""
    settings = settings or Settings()
    drafts = [_first_pass(article, settings) for article in articles]
    groups = copy_groups(
        [join_blocks(draft.kept()) for draft in drafts],
        threshold=settings.duplicate_threshold,
        shingle_words=settings.shingle_words,
    )
    _mark_repeated_furniture(drafts, groups)
    _cut_off_topic_tails(drafts, groups, settings)
    for draft in drafts:
        _mark_edges(draft)
    return link_copies([_finish(draft) for draft in drafts], settings=settings)


def link_copies(
    cleaned: Sequence[CleanArticle], *, settings: Settings | None = None
) -> tuple[CleanArticle, ...]:
    """Set each article's ``same_story_as`` to the other copies of its story among ``cleaned``.

    ``clean`` does this for its batch; a store calls it again over all of an event's
    articles, so that copies ingested in different batches count as one source.
    """
    settings = settings or Settings()
    copies = find_copies(
        [(c.id, c.text) for c in cleaned],
        threshold=settings.duplicate_threshold,
        shingle_words=settings.shingle_words,
    )
    return tuple(_with_copies(c, copies.get(c.id, ())) for c in cleaned)


def _first_pass(article: Article, settings: Settings) -> _Draft:
    extracted = _extract(article)
    draft = _Draft(article, extracted, split_blocks(split_glued(extracted.text)))
    for block in draft.blocks:
        if (
            furniture.is_pattern_boilerplate(block)
            or furniture.is_symbol_line(block)
            or is_widget(block)
        ):
            draft.reasons[block.index] = "boilerplate"
    _mark_captions_and_repeats(draft, settings)
    _mark_page_tail(draft)
    return draft


def _mark_page_tail(draft: _Draft) -> None:
    """Remove a comment thread or what follows a print-edition note, to the end."""
    # Notes already removed as boilerplate still mark where the article ends.
    blocks = draft.blocks
    is_body = [
        b.index not in draft.reasons and b.ends_sentence and len(b.words) >= MIN_BODY_WORDS
        for b in blocks
    ]
    tail = page_tail_start(blocks, is_body=is_body)
    if tail is None:
        return
    start, reason = tail
    for block in blocks[start:]:
        draft.reasons.setdefault(block.index, reason)


def _mark_repeated_furniture(drafts: list[_Draft], groups: list[int]) -> None:
    repeated = repeated_furniture([d.kept() for d in drafts], groups=groups)
    for draft, indices in zip(drafts, repeated, strict=True):
        for index in indices:
            draft.reasons[index] = "boilerplate"


def _extract(article: Article) -> Extracted:
    if article.is_html:
        return extract_html(article.raw, url=article.url)
    raw = article.raw
    text = detokenize(raw) if is_ptb_tokenized(raw) else replace_brackets(raw)
    return Extracted(text=text)


def _mark_captions_and_repeats(draft: _Draft, settings: Settings) -> None:
    candidates = draft.kept()
    repeats = repeat_of(candidates, min_words=settings.min_caption_words)
    captions = {
        block.index
        for block in candidates
        if looks_like_caption(block, min_words=settings.min_caption_words)
    }
    for copy, first in repeats.items():
        # Prose repeated is a duplicate; a repeated line that is credited or stops
        # without sentence punctuation is a caption printed twice.
        if first in captions or copy in captions or not draft.blocks[first].ends_sentence:
            draft.reasons[first] = draft.reasons[copy] = "caption"
        else:
            draft.reasons[copy] = "duplicate"
    for index in captions:
        draft.reasons.setdefault(index, "caption")


def _cut_off_topic_tails(drafts: list[_Draft], groups: list[int], settings: Settings) -> None:
    kept_words = [[content_words(b.text) for b in draft.kept()] for draft in drafts]
    article_words = [set().union(*words) for words in kept_words]
    # Copies of one story count as one article: their shared tail is not "the cluster".
    group_words: dict[int, set[str]] = {}
    for group, words in zip(groups, article_words, strict=True):
        group_words.setdefault(group, set()).update(words)
    articles_using = Counter(word for words in group_words.values() for word in words)
    every_word = set(articles_using)
    first_of_group = {group: position for position, group in reversed(list(enumerate(groups)))}
    rarity = Rarity(words for p in first_of_group.values() for words in kept_words[p])
    alone = len(group_words) < 2
    threshold = settings.off_topic_similarity_alone if alone else settings.off_topic_similarity
    for draft, group in zip(drafts, groups, strict=True):
        own = group_words[group]
        markers = {i for i, reason in draft.reasons.items() if reason in ("boilerplate", "caption")}
        if not markers:
            continue  # a tail is only cut where removed furniture introduces it
        others = every_word - {word for word in own if articles_using[word] == 1}
        kept = draft.kept()
        start = off_topic_tail(
            kept,
            markers,
            others,
            rarity,
            threshold=threshold,
            min_paragraphs=settings.off_topic_min_paragraphs,
        )
        if start is not None:
            for block in draft.blocks:
                if block.index >= kept[start].index:
                    draft.reasons.setdefault(block.index, "off_topic")


def _mark_edges(draft: _Draft) -> None:
    kept = draft.kept()
    body = [b.index for b in kept if b.ends_sentence and len(b.words) >= MIN_BODY_WORDS]
    if not body:
        return
    if len(kept) >= 2 and furniture.is_trailing_fragment(kept[-1], kept[-2]):
        draft.reasons[kept[-1].index] = "truncated"
    kept = draft.kept()
    lone_title = _lone_title(kept, body[0])
    for block in kept:
        if block is not lone_title and furniture.is_edge_label(
            block, body_start=body[0], body_end=body[-1]
        ):
            draft.reasons[block.index] = "boilerplate"


def _lone_title(kept: list[Block], body_start: int) -> Block | None:
    """The one capitalised line before the body, which is its (short) title."""
    before = [block for block in kept if block.index < body_start]
    return before[0] if len(before) == 1 and before[0].text[:1].isupper() else None


def _finish(draft: _Draft) -> CleanArticle:
    article, extracted = draft.article, draft.extracted
    kept = draft.kept()
    published, published_from = _published(article, extracted)
    return CleanArticle(
        id=article.id,
        text=join_blocks(kept),
        title=article.title or extracted.title or _title_from(kept),
        url=article.url or extracted.url,
        outlet=article.outlet or extracted.outlet or _wire_outlet(kept),
        published=published,
        published_from=published_from,
        removed=tuple(
            Removed(block.text, draft.reasons[block.index])
            for block in draft.blocks
            if block.index in draft.reasons
        ),
    )


def _published(article: Article, extracted: Extracted) -> tuple[PartialDate | None, PublishedFrom]:
    metadata = article.published or extracted.published
    if metadata is not None:
        return metadata, "metadata"
    inferred = infer_published(extracted.text or article.raw)
    return (inferred, "text") if inferred is not None else (None, "unknown")


def _title_from(kept: list[Block]) -> str | None:
    """The first headline-shaped line before the body (a cut headline may end in "...")."""
    for block in kept:
        headline_end = not block.text.endswith(".") or block.text.endswith("...")
        if MIN_TITLE_WORDS <= len(block.words) <= MAX_TITLE_WORDS and headline_end:
            return block.text
        if block.ends_sentence and len(block.words) >= MIN_BODY_WORDS:
            return None
    return None


def _wire_outlet(kept: list[Block]) -> str | None:
    for block in kept[:5]:
        match = _WIRE_DATELINE.match(block.text)
        if match:
            return match.group(1)
    return None


def _with_copies(clean: CleanArticle, copies: tuple[str, ...]) -> CleanArticle:
    if copies == clean.same_story_as:
        return clean
    return CleanArticle.from_dict({**clean.to_dict(), "same_story_as": list(copies)})
