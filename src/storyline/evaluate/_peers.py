"""Peer summarizers for the benchmarks: sumy LexRank and TextRank, and a lead baseline.

LexRank (Erkan & Radev 2004, https://doi.org/10.1613/jair.1523) and TextRank
(Mihalcea & Tarau 2004, https://aclanthology.org/W04-3252/) run as sumy implements
them. sumy's own tokenizer needs NLTK's punkt data, which no package ships, so the
peers get a tokenizer splitting sentences with ``nupunkt`` (Punkt, Kiss & Strunk
2006) and words with NLTK's ``NLTKWordTokenizer``. Each peer takes its best-rated
sentences until the word budget is reached and returns them in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

LANGUAGE = "english"
# sumy's own word filter: letters, with apostrophes and hyphens inside.
_WORDLIKE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class PunktTokenizer:
    """The sumy tokenizer interface on ``nupunkt`` sentences and NLTK words."""

    language = LANGUAGE

    def __init__(self) -> None:
        from nltk.tokenize.destructive import NLTKWordTokenizer  # type: ignore[import-untyped, unused-ignore]

        self._words = NLTKWordTokenizer()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into stripped sentences."""
        import nupunkt

        sentences = (str(s).strip() for s in nupunkt.sent_tokenize(paragraph))
        return tuple(s for s in sentences if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split a sentence into word tokens, dropping punctuation."""
        return tuple(w for w in self._words.tokenize(sentence) if _WORDLIKE.match(w))


class _UntilWords:
    """A sumy sentence count: best-rated sentences until ``words`` words are reached."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, infos: Sequence[Any]) -> list[Any]:
        taken, total = [], 0
        for info in infos:
            if total >= self.words:
                break
            taken.append(info)
            total += len(str(info.sentence).split())
        return taken


def lexrank_summary(documents: Sequence[str], words: int) -> str:
    """Summarize the concatenated documents with sumy LexRank, about ``words`` words long."""
    from sumy.summarizers.lex_rank import LexRankSummarizer  # type: ignore[import-untyped, unused-ignore]

    return _sumy_summary(LexRankSummarizer, documents, words)


def textrank_summary(documents: Sequence[str], words: int) -> str:
    """Summarize the concatenated documents with sumy TextRank, about ``words`` words long."""
    from sumy.summarizers.text_rank import TextRankSummarizer  # type: ignore[import-untyped, unused-ignore]

    return _sumy_summary(TextRankSummarizer, documents, words)


def lead_summary(documents: Sequence[str], words: int) -> str:
    """Take the first sentences of each document in turn (1st of each, then 2nd…)."""
    tokenizer = _tokenizer()
    queues = [[s for p in _paragraphs(d) for s in tokenizer.to_sentences(p)] for d in documents]
    taken: list[str] = []
    total, depth = 0, 0
    while total < words and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and total < words:
                taken.append(queue[depth])
                total += len(queue[depth].split())
        depth += 1
    return " ".join(taken)


def _sumy_summary(summarizer_class: Any, documents: Sequence[str], words: int) -> str:
    from sumy.nlp.stemmers import Stemmer  # type: ignore[import-untyped, unused-ignore]
    from sumy.parsers.plaintext import PlaintextParser  # type: ignore[import-untyped, unused-ignore]
    from sumy.utils import get_stop_words  # type: ignore[import-untyped, unused-ignore]

    text = "\n\n".join("\n\n".join(_paragraphs(d)) for d in documents)
    document = PlaintextParser.from_string(text, _tokenizer()).document
    summarizer = summarizer_class(Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)
    return " ".join(str(s) for s in summarizer(document, _UntilWords(words)))


def _paragraphs(document: str) -> list[str]:
    """Split a Multi-News document into paragraphs (blank lines or `` \\n \\n ``)."""
    return [p.strip() for p in re.split(r"\s*\n\s*\n\s*", document) if p.strip()]


@cache
def _tokenizer() -> PunktTokenizer:
    return PunktTokenizer()
