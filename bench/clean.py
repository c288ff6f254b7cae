"""Benchmark storyline's cleaning of HTML pages against trafilatura and readability-lxml.

Two data sets, each scored as its own benchmark scores it (see _scoring.py):
- article_extraction (Zyte): gold article bodies, shingle precision/recall/F1;
- trafilatura_eval_en_subset: must-include / must-exclude snippets, snippet P/R/F1.

Usage: python bench/clean.py [--data DIR] [--limit N] [--json] [--explain]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document
from readability.readability import Unparseable

from _scoring import (
    Scores,
    SnippetCounts,
    normalise_space,
    page_counts,
    shingle_counts,
    snippet_counts,
    snippet_scores,
    zyte_scores,
)
from storyline.clean import clean
from storyline.clean._blocks import split_blocks
from storyline.clean._html import extract_html
from storyline.ingest._decode import decode_text
from storyline.model import Article, CleanArticle

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ZYTE, SNIPPETS = "article_extraction", "trafilatura_eval_en_subset"
LABELS = {ZYTE: "Zyte", SNIPPETS: "traf-eval"}
REFERENCE_TOOL = "trafilatura"
# --explain lists a page when storyline's per-page F1 trails trafilatura's by more than this.
EXPLAIN_MARGIN = 0.01
# --explain shows a line as gold (or as furniture) when this share of its shingles is in the gold.
GOLD_LINE_SHARE = 0.5
# --explain prints at most this many lines per page.
EXPLAIN_LINES = 12
# --explain prints at most this many characters of a line.
EXPLAIN_WIDTH = 110
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its HTML and its gold (a body, or wanted/unwanted snippets)."""

    id: str
    html: str
    body: str = ""
    wanted: tuple[str, ...] = ()
    unwanted: tuple[str, ...] = ()


Tool = Callable[[Sequence[Page]], list[str]]


def load_zyte(data: Path, limit: int | None) -> list[Page]:
    """Read the Zyte pages (UTF-8, as its extractors read them) with their gold bodies."""
    folder = data / ZYTE
    gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as handle:
            pages.append(Page(key, handle.read(), body=gold[key].get("articleBody") or ""))
    return pages


def load_snippets(data: Path, limit: int | None) -> list[Page]:
    """Read the trafilatura evaluation pages (decoded as storyline's ingest does)."""
    folder = data / SNIPPETS
    gold = json.loads((folder / "evaldata_en_subset.json").read_text("utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        item = gold[key]
        raw = gzip.decompress((folder / "html" / item["file"]).read_bytes())
        html = decode_text(raw, source=item["file"])
        pages.append(Page(key, html, wanted=tuple(item["with"]), unwanted=tuple(item["without"])))
    return pages


def _article(page: Page) -> Article:
    return Article(id=page.id, raw=page.html, source=page.id, is_html=True)


def clean_one_by_one(pages: Sequence[Page]) -> list[CleanArticle]:
    """Clean every page as a batch of one (no other article to judge topic against)."""
    return [clean([_article(page)])[0] for page in pages]


def run_storyline(pages: Sequence[Page]) -> list[str]:
    """Storyline, each page its own batch."""
    return [article.text for article in clean_one_by_one(pages)]


def run_storyline_batch(pages: Sequence[Page]) -> list[str]:
    """Storyline, all pages of the set in one batch (unrelated stories as topic context)."""
    return [article.text for article in clean([_article(page) for page in pages])]


def run_trafilatura(pages: Sequence[Page]) -> list[str]:
    """trafilatura.extract with its default settings."""
    return [trafilatura.extract(page.html) or "" for page in pages]


def run_trafilatura_precision(pages: Sequence[Page]) -> list[str]:
    """trafilatura.extract favouring precision."""
    return [trafilatura.extract(page.html, favor_precision=True) or "" for page in pages]


def run_trafilatura_recall(pages: Sequence[Page]) -> list[str]:
    """trafilatura.extract favouring recall."""
    return [trafilatura.extract(page.html, favor_recall=True) or "" for page in pages]


def run_readability(pages: Sequence[Page]) -> list[str]:
    """readability-lxml's summary, turned to text with lxml (a line break per block)."""
    return [_readability_text(page.html) for page in pages]


def _readability_text(html: str) -> str:
    try:
        summary = Document(html).summary()
    except (Unparseable, ValueError):
        return ""
    tree = lxml.html.fromstring(summary)
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return str(tree.text_content())


TOOLS: dict[str, Tool] = {
    "storyline": run_storyline,
    "storyline (one batch)": run_storyline_batch,
    "trafilatura": run_trafilatura,
    "trafilatura precision": run_trafilatura_precision,
    "trafilatura recall": run_trafilatura_recall,
    "readability-lxml": run_readability,
}


@dataclass(frozen=True, slots=True)
class Result:
    """One tool's outputs on both sets, their scores and the time taken."""

    outputs: dict[str, list[str]]
    scores: dict[str, Scores]
    seconds: float


def score(name: str, pages: Sequence[Page], outputs: Sequence[str]) -> Scores:
    """Score outputs with the data set's own measure."""
    if name == ZYTE:
        return zyte_scores([p.body for p in pages], outputs)
    return snippet_scores([_snippets(p, o) for p, o in zip(pages, outputs, strict=True)])


def _snippets(page: Page, output: str) -> SnippetCounts:
    return snippet_counts(page.wanted, page.unwanted, output)


def run_all(sets: dict[str, list[Page]]) -> dict[str, Result]:
    """Run every tool on every set, each tool in a fresh process so no cache is shared."""
    results = {}
    context = multiprocessing.get_context("spawn")
    for tool in TOOLS:
        with context.Pool(1) as pool:
            outputs, seconds = pool.apply(_timed_run, (tool, sets))
        scores = {name: score(name, sets[name], outputs[name]) for name in sets}
        results[tool] = Result(outputs, scores, seconds)
        print(f"  {tool}: {seconds:.1f} s CPU", file=sys.stderr)
    return results


def _timed_run(tool: str, sets: dict[str, list[Page]]) -> tuple[dict[str, list[str]], float]:
    """Run one tool on every set and return its outputs and the CPU seconds it took."""
    logging.disable(logging.CRITICAL)
    run = TOOLS[tool]
    run([pages[0] for pages in sets.values() if pages][:1])  # lazy imports, one-time set-up
    outputs, seconds = {}, 0.0
    for name, pages in sets.items():
        start = time.process_time()
        outputs[name] = run(pages)
        seconds += time.process_time() - start
    return outputs, seconds


def markdown_table(results: dict[str, Result], sets: dict[str, list[Page]]) -> str:
    """Render rows = tools, columns = P / R / F1 per set and speed relative to trafilatura."""
    header = ["tool"]
    for name in sets:
        header += [f"{LABELS[name]} {metric}" for metric in ("P", "R", "F1")]
    header.append(f"pages/s vs {REFERENCE_TOOL}")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    reference = results[REFERENCE_TOOL].seconds
    for tool, result in results.items():
        cells = [tool]
        for name in sets:
            s = result.scores[name]
            cells += [f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
        cells.append(f"{reference / result.seconds:.2f}×" if result.seconds else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def batch_note(results: dict[str, Result]) -> str:
    """Say on how many pages cleaning all pages in one batch changed the output."""
    single, batch = results["storyline"].outputs, results["storyline (one batch)"].outputs
    changed = {n: sum(a != b for a, b in zip(single[n], batch[n], strict=True)) for n in single}
    parts = ", ".join(f"{n}: {count} of {len(single[n])} pages" for n, count in changed.items())
    return f"Batching changed the cleaned text on {parts}."


def as_json(results: dict[str, Result], sets: dict[str, list[Page]], seconds: float) -> str:
    """Machine-readable scores, speeds and page counts."""
    reference = results[REFERENCE_TOOL].seconds
    data = {
        "pages": {name: len(pages) for name, pages in sets.items()},
        "total_seconds": round(seconds, 1),
        "tools": {
            tool: {
                "speed_vs_trafilatura": round(reference / r.seconds, 3) if r.seconds else None,
                **{
                    name: {k: round(v, 4) for k, v in asdict(s).items()}
                    for name, s in r.scores.items()
                },
            }
            for tool, r in results.items()
        },
    }
    return json.dumps(data, indent=2)


@dataclass(frozen=True, slots=True)
class Trace:
    """Storyline on one page: each extracted line with the rule that removed it (or None)."""

    lines: list[tuple[str, str | None]]

    def text(self, restored: frozenset[str | None] = frozenset({None})) -> str:
        """The output when the lines removed for the ``restored`` reasons are put back."""
        return "\n".join(line for line, reason in self.lines if reason in restored)

    def reasons(self) -> set[str]:
        return {reason for _, reason in self.lines if reason is not None}


def trace(page: Page) -> Trace:
    """Re-run storyline on a page and label every extracted line with its fate."""
    blocks = split_blocks(extract_html(page.html).text)
    removed = list(clean([_article(page)])[0].removed)
    lines: list[tuple[str, str | None]] = []
    for block in blocks:
        if removed and removed[0].text == block.text:
            lines.append((block.text, removed.pop(0).reason))
        else:
            lines.append((block.text, None))
    return Trace(lines)


def explain(sets: dict[str, list[Page]], reference: dict[str, list[str]]) -> None:
    """Print what each rule costs and, page by page, where storyline trails trafilatura."""
    for name, pages in sets.items():
        traces = [trace(page) for page in pages]
        print(f"\n## {name}: storyline with one rule switched off\n")
        _print_ablation(name, pages, traces)
        print(f"\n## {name}: pages where storyline trails {REFERENCE_TOOL}\n")
        for page, page_trace, other in zip(pages, traces, reference[name], strict=True):
            _explain_page(name, page, page_trace, other)


def _print_ablation(name: str, pages: Sequence[Page], traces: Sequence[Trace]) -> None:
    reasons = sorted(set().union(*(t.reasons() for t in traces)))
    variants: dict[str, frozenset[str | None]] = {"all rules": frozenset({None})}
    variants |= {f"without '{r}'": frozenset({None, r}) for r in reasons}
    variants["extraction only"] = frozenset({None, *reasons})
    base = score(name, pages, [t.text() for t in traces])
    print("| variant | P | R | F1 | ΔF1 |\n|---|---|---|---|---|")
    for label, restored in variants.items():
        s = score(name, pages, [t.text(restored) for t in traces])
        delta = s.f1 - base.f1
        print(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {delta:+.3f} |")


def _explain_page(name: str, page: Page, page_trace: Trace, other: str) -> None:
    if name == ZYTE:
        ours, theirs = page_counts(page.body, page_trace.text()), page_counts(page.body, other)
        if ours.f1 >= theirs.f1 - EXPLAIN_MARGIN:
            return
        print(
            f"### {page.id[:16]}  storyline P {ours.precision:.2f} R {ours.recall:.2f}"
            f"  | {REFERENCE_TOOL} P {theirs.precision:.2f} R {theirs.recall:.2f}"
        )
        _print_body_diff(page, page_trace, other)
        return
    ours_n, theirs_n = _snippets(page, page_trace.text()), _snippets(page, other)
    if ours_n.tp >= theirs_n.tp and ours_n.fp <= theirs_n.fp:
        return
    print(
        f"### {page.id}  storyline TP {ours_n.tp} FP {ours_n.fp}"
        f"  | {REFERENCE_TOOL} TP {theirs_n.tp} FP {theirs_n.fp}"
    )
    other_text = normalise_space(other)
    for snippet in page.wanted:
        fate = _fate(snippet, page_trace)
        if fate != "kept" and normalise_space(snippet) in other_text:
            print(f"  - missing ({fate}): {snippet[:EXPLAIN_WIDTH]}")
    for snippet in page.unwanted:
        if _fate(snippet, page_trace) == "kept" and normalise_space(snippet) not in other_text:
            print(f"  + unwanted kept: {snippet[:EXPLAIN_WIDTH]}")


def _print_body_diff(page: Page, page_trace: Trace, other: str) -> None:
    gold = shingle_counts(page.body)
    notes = []
    for line, reason in page_trace.lines:
        share = _gold_share(line, gold)
        if reason is not None and share >= GOLD_LINE_SHARE:
            notes.append(f"  - removed as {reason}: {line[:EXPLAIN_WIDTH]}")
        elif reason is None and share < 1 - GOLD_LINE_SHARE:
            notes.append(f"  + kept, not in gold: {line[:EXPLAIN_WIDTH]}")
    extracted = shingle_counts(page_trace.text(frozenset({None, *page_trace.reasons()})))
    for line in other.splitlines():
        shingles = shingle_counts(line)
        if _gold_share(line, gold) >= GOLD_LINE_SHARE and not shingles & extracted:
            notes.append(f"  - not extracted ({REFERENCE_TOOL} has it): {line[:EXPLAIN_WIDTH]}")
    print("\n".join(notes[:EXPLAIN_LINES]))
    if len(notes) > EXPLAIN_LINES:
        print(f"  … {len(notes) - EXPLAIN_LINES} more lines")


def _gold_share(line: str, gold: Counter[tuple[str, ...]]) -> float:
    shingles = shingle_counts(line)
    total = sum(shingles.values())
    return sum((shingles & gold).values()) / total if total else 0.0


def _fate(snippet: str, page_trace: Trace) -> str:
    wanted = normalise_space(snippet)
    everything = normalise_space(page_trace.text(frozenset({None, *page_trace.reasons()})))
    if wanted not in everything:
        return "not extracted"
    if wanted in normalise_space(page_trace.text()):
        return "kept"
    fates = [reason for line, reason in page_trace.lines if wanted in normalise_space(line)]
    return f"removed as {fates[0]}" if fates else "removed (across lines)"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print the table (or JSON, or a per-page explanation)."""
    args = _parser().parse_args(argv)
    logging.disable(logging.CRITICAL)  # the extractors log every page they find hard
    started = time.perf_counter()
    sets = {ZYTE: load_zyte(args.data, args.limit), SNIPPETS: load_snippets(args.data, args.limit)}
    results = run_all(sets)
    if args.explain:
        explain(sets, results[REFERENCE_TOOL].outputs)
    seconds = time.perf_counter() - started
    if args.json:
        print(as_json(results, sets, seconds))
        return
    print(markdown_table(results, sets))
    print()
    print(", ".join(f"{LABELS[n]}: {len(pages)} pages" for n, pages in sets.items()) + ".")
    print(batch_note(results))
    print(f"Total run time: {seconds:.0f} s")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--explain", action="store_true", help="per-page diff vs trafilatura")
    return parser


if __name__ == "__main__":
    main()
