"""Score extracted text the way two published extraction benchmarks do.

``shingle_counts`` and ``zyte_scores`` reproduce evaluate.py of the Zyte (scrapinghub)
article-extraction-benchmark: tokens are ``re.findall(r"\\w+")`` (case kept); a text is
the multiset of its 4-token shingles (a text of 1-3 tokens is one shorter shingle, an
empty text none); per page, TP/FP/FN are the multiset overlap and excess on each side,
divided by TP+FP+FN so that long pages weigh no more than short ones; a page's precision
is 1 when FP = FN = 0 and 0 when TP = FP = 0 (recall alike); precision is the mean over
pages with TP+FP > 0, recall the mean over pages with TP+FN > 0, and F1 the harmonic mean
of those two means (not the mean of per-page F1s). Accuracy is the share of pages whose
token list equals the gold's. The bootstrap error bars are not reproduced.

``snippet_counts`` and ``SnippetTally`` reproduce tests/eval_common.py of trafilatura:
whitespace-normalised substring search of every "with" snippet (found = TP, missing = FN)
and every "without" snippet (found = FP, absent = TN) in the output; counts are summed over
all pages (micro-average) and precision, recall, accuracy and F1 = 2TP/(2TP+FP+FN) are
computed from the totals.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_TOKENS = 4  # evaluate.py's ngram_n
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


def tokens(text: str) -> list[str]:
    """Split text into word tokens as the Zyte evaluation does."""
    return _TOKEN.findall(text or "")


def shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    """Count the text's 4-token shingles (one shorter shingle for a short text)."""
    words = tokens(text)
    shingles = (
        tuple(words[i : i + SHINGLE_TOKENS]) for i in range(max(1, len(words) - SHINGLE_TOKENS + 1))
    )
    return Counter(shingle for shingle in shingles if shingle)


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Normalised shingle TP/FP/FN of one page."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def page_counts(gold: str, predicted: str) -> PageCounts:
    """Compare one page's output with its gold body over shingles."""
    true, pred = shingle_counts(gold), shingle_counts(predicted)
    tp = fp = fn = 0
    for key in true.keys() | pred.keys():
        tp += min(true[key], pred[key])
        fp += max(0, pred[key] - true[key])
        fn += max(0, true[key] - pred[key])
    total = tp + fp + fn
    if not total:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall, F1 and accuracy of one tool on one data set."""

    precision: float
    recall: float
    f1: float
    accuracy: float


def zyte_scores(golds: Sequence[str], outputs: Sequence[str]) -> Scores:
    """Macro-average shingle precision and recall over pages, as the Zyte benchmark does."""
    pages = [page_counts(g, o) for g, o in zip(golds, outputs, strict=True)]
    precision = _mean([p.precision for p in pages if p.tp + p.fp > 0])
    recall = _mean([p.recall for p in pages if p.tp + p.fn > 0])
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    exact = [float(tokens(g) == tokens(o)) for g, o in zip(golds, outputs, strict=True)]
    return Scores(precision, recall, f1, _mean(exact))


def _mean(values: list[float]) -> float:
    return statistics.mean(values) if values else 0.0


def normalise_space(text: str) -> str:
    """Collapse runs of white space to one space, as trafilatura's evaluation does."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Snippet checks of one page: wanted found/missing, unwanted found/absent."""

    tp: int
    fp: int
    fn: int
    tn: int


def snippet_counts(wanted: Sequence[str], unwanted: Sequence[str], output: str) -> SnippetCounts:
    """Count which must-include and must-exclude snippets occur in the output."""
    text = normalise_space(output)
    tp = sum(normalise_space(s) in text for s in wanted)
    fp = sum(normalise_space(s) in text for s in unwanted)
    return SnippetCounts(tp, fp, len(wanted) - tp, len(unwanted) - fp)


def snippet_scores(pages: Sequence[SnippetCounts]) -> Scores:
    """Micro-average snippet counts over pages into precision, recall, F1 and accuracy."""
    tp, fp = sum(p.tp for p in pages), sum(p.fp for p in pages)
    fn, tn = sum(p.fn for p in pages), sum(p.tn for p in pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fp + fn + tn
    return Scores(precision, recall, f1, (tp + tn) / total if total else 0.0)
