"""Score timelines with tilse 0.2.1 (Martschat & Markert 2017, https://github.com/smartschat/tilse).

Scored as news-tls does (Ghalandari & Ifrim 2020, ``experiments/evaluate.py`` of
https://github.com/complementizer/news-tls): one reference timeline at a time; alignment-based
ROUGE-1/2 F1 ("align_date_content_costs_many_to_one"), plus "concat" and "agreement", and date F1.

Two adaptations for Python 3.11, made here and not in site-packages:
- tilse's default ROUGE runs the ROUGE-1.5.5 Perl script through its bundled pyrouge, which fails
  on this machine (the script exits with status 2); tilse's own Python reimplementation
  (``rouge_computation="reimpl"``: Porter stemming, ROUGE's stop-word list) is used instead. Its
  authors note it approximates the Perl scores closely but not exactly.
- tilse splits sentences on spaces; predictions are PTB-tokenised with NLTK's word tokenizer
  first, as the T17 references are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from nltk.tokenize import NLTKWordTokenizer
from tilse.data.timelines import GroundTruth, Timeline  # type: ignore[import-untyped]
from tilse.evaluation import dates as tilse_dates  # type: ignore[import-untyped]
from tilse.evaluation import rouge as tilse_rouge

# The ROUGE variants news-tls reports; the alignment one is its headline AR-1/AR-2.
VARIANTS = {
    "concat": "evaluate_concat",
    "agreement": "evaluate_agreement",
    "align": "evaluate_align_date_content_costs_many_to_one",
}
REFERENCE_SEPARATOR = "-" * 32
DatedSentences = Mapping[dt.date, Sequence[str]]


def parse_reference(text: str) -> dict[dt.date, list[str]]:
    """Parse tilse's format: a date line, its sentences, then a line of 32 dashes.

    A block whose date line is not a date is left out.
    """
    timeline: dict[dt.date, list[str]] = {}
    for block in text.split(REFERENCE_SEPARATOR):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        day = _day(lines[0]) if len(lines) > 1 else None  # a date and at least one sentence
        if day is not None:
            timeline.setdefault(day, []).extend(lines[1:])
    return timeline


def _day(line: str) -> dt.date | None:
    """Return the date of a date line; None for a malformed one (MJ_bbc has "2011-04-0")."""
    try:
        return dt.date.fromisoformat(line)
    except ValueError:
        return None


def tokenize(sentence: str) -> str:
    """Return ``sentence`` PTB-tokenised, tokens joined by spaces (as T17 references are)."""
    return " ".join(_tokenizer().tokenize(sentence))


def score(predicted: DatedSentences, reference: DatedSentences) -> dict[str, float]:
    """Return ROUGE-1/2 F1 of each variant and date F1 of ``predicted`` against one reference."""
    truth = GroundTruth([Timeline({day: list(sents) for day, sents in reference.items()})])
    if not predicted:
        return {**{f"{name}_r{n}_f": 0.0 for name in VARIANTS for n in (1, 2)}, "date_f1": 0.0}
    timeline = Timeline({day: [tokenize(s) for s in sents] for day, sents in predicted.items()})
    result: dict[str, float] = {}
    for name, method in VARIANTS.items():
        scores: dict[str, Any] = getattr(_evaluator(), method)(timeline, truth)
        result[f"{name}_r1_f"] = float(scores["rouge_1"]["f_score"])
        result[f"{name}_r2_f"] = float(scores["rouge_2"]["f_score"])
    result["date_f1"] = float(tilse_dates.evaluate_dates(timeline, truth)["f_score"])
    return result


@lru_cache(maxsize=1)
def _evaluator() -> Any:
    """Return tilse's evaluator with ROUGE-1 and -2 and its Python ROUGE."""
    return tilse_rouge.TimelineRougeEvaluator(
        measures=["rouge_1", "rouge_2"], rouge_computation="reimpl"
    )


@lru_cache(maxsize=1)
def _tokenizer() -> NLTKWordTokenizer:
    """Return NLTK's Treebank-style word tokenizer (no data download needed)."""
    return NLTKWordTokenizer()
