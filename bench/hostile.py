"""Each hostile input of tests/hostile/corpus.py beside a good article, through the brief.

    python bench/hostile.py [--big]

Prints one row per input: what became of it (article, warning, refused with its code),
whether the good article survived, the seconds and the peak Python memory (tracemalloc,
MB) of `build_brief([BAD, GOOD])`. The spaCy model is loaded once before timing. `--big`
adds the issue's full-size inputs (50,000 short lines; a 19 MB single line), which take
minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.hostile.corpus import HOSTILE, SENTENCE  # noqa: E402

from storyline.analyze.nlp import load_nlp  # noqa: E402
from storyline.pipeline import build_brief  # noqa: E402

GOOD = next((REPO / "examples" / "baghouz").glob("004_*.txt"))
# The full-size inputs: 50,000 short lines (180 KB) and a 19 MB single line.
BIG_LINES = 50_000
BIG_LINE_BYTES = 19_000_000
MB = 1_000_000


def _big_inputs() -> dict[str, Callable[[], bytes]]:
    def lines() -> bytes:
        return "".join(f"{w}\n" for w in ("ok", "no", "IS", "9") * (BIG_LINES // 4)).encode()

    def one_line() -> bytes:
        return ((SENTENCE + " ") * (BIG_LINE_BYTES // (len(SENTENCE) + 1))).encode()

    return {"50000-short-lines.txt": lines, "19mb-one-line.txt": one_line}


def _row(name: str, data: bytes, folder: Path) -> str:
    bad = folder / name
    bad.write_bytes(data)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = build_brief([str(bad), str(GOOD)])
    except Exception as e:  # a traceback is what the table exists to catch
        outcome, kept = f"CRASH {type(e).__name__}", "?"
    else:
        ids = [a.id for a in result.brief.articles]
        codes = sorted({f.code for f in result.failures if f.source.startswith(str(bad))})
        warned = any(w.startswith(str(bad)) for w in result.warnings)
        outcome = ("refused " + ",".join(codes)) if codes else "read"
        outcome += " + warning" if warned else ""
        kept = "yes" if GOOD.stem in ids else "NO"
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / MB
    tracemalloc.stop()
    size = f"{len(data) / MB:.2f}"
    return f"| {name} | {size} | {outcome} | {kept} | {seconds:.1f} | {peak:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="add the issue's full-size inputs")
    args = parser.parse_args()
    load_nlp()
    inputs = dict(HOSTILE) | (_big_inputs() if args.big else {})
    print("| input | MB | outcome | good article kept | seconds | peak MB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in inputs.items():
            print(_row(name, make(), Path(folder)), flush=True)


if __name__ == "__main__":
    main()
