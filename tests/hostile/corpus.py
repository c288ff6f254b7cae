"""Hostile inputs, generated: each is a file name and its bytes, small enough for CI.

Shared by tests/hostile and bench/hostile.py. Each input is meant to be read beside a
good article, which must survive it.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable

# A sentence from the seed articles, so that hostile inputs carry real text too.
SENTENCE = "The SDF said 3,000 fighters surrendered in Baghouz on 18 March 2019."
# Elements nested in the HTML and JSON bombs: far beyond any parser's depth.
BOMB_DEPTH = 100_000
# Short lines in the many-lines input (the case was 50,000).
SHORT_LINES = 5_000


def html_bomb() -> bytes:
    return f"<html><body><p>{SENTENCE}</p>{'<div>' * BOMB_DEPTH}x</body></html>".encode()


def deep_json() -> bytes:
    return ("[" * BOMB_DEPTH + "]" * BOMB_DEPTH + "\n").encode()


def nul_bytes() -> bytes:
    return (SENTENCE + "\x00" * 64 + SENTENCE).encode()


def rtl_override() -> bytes:
    return f"\u202e{SENTENCE}\u202c \u2067{SENTENCE}\u2069 \u200b\ufeff{SENTENCE}".encode()


def huge_numbers() -> bytes:
    digits = "9" * 5_000
    return f"Officials said {digits} fighters and 1e308 people and 10^9999 dollars.".encode()


def impossible_dates() -> bytes:
    records = [
        {"id": f"date-{n}", "text": f"{SENTENCE} It happened on 31 February 2019.", "published": p}
        for n, p in enumerate(("0", "0001-01-01", "99999", "2019-13-45"))
    ]
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def mixed_encoding() -> bytes:
    return SENTENCE.encode() + "\nLe président a visité Genève.\n".encode("latin-1")


def utf16_bom() -> bytes:
    return codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le")


def many_short_lines() -> bytes:
    return "".join(f"{word}\n" for word in ("ok", "no", "IS", "9") * (SHORT_LINES // 4)).encode()


def menu_only_html() -> bytes:
    return b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"


HOSTILE: dict[str, Callable[[], bytes]] = {
    "html-bomb.html": html_bomb,
    "deep-json.jsonl": deep_json,
    "nul-bytes.txt": nul_bytes,
    "rtl-override.txt": rtl_override,
    "huge-numbers.txt": huge_numbers,
    "impossible-dates.jsonl": impossible_dates,
    "mixed-encoding.txt": mixed_encoding,
    "utf16-bom.txt": utf16_bom,
    "many-short-lines.txt": many_short_lines,
    "menu-only.html": menu_only_html,
}
