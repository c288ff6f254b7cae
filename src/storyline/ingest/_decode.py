"""Turn raw bytes into text, refusing binary and undecodable input with a reason.

In order: a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32); valid UTF-8 is
taken as it is; UTF-8 with a few stray single-byte characters (a Latin-1 or Windows-1252
line pasted into it) keeps its UTF-8 and only the stray bytes are read as Windows-1252;
anything else is a legacy single-byte or multi-byte file whose encoding is detected.
Every repair or guess is reported as a warning naming the input.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from storyline.errors import IngestError

# Bytes sniffed at the start of a file to tell text from binary.
SNIFF_BYTES = 8192
# Share of control characters (other than whitespace) above which input is binary.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13}
PREFERRED_FALLBACKS = ("cp1252", "latin_1")
# UTF-16 and UTF-32 byte-order marks and their codecs (a UTF-8 mark is simply dropped);
# UTF-32 LE comes first, as its mark begins with UTF-16 LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Python's "surrogateescape" makes of a byte that is not part of valid UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# A file is UTF-8 with repairs when at least this share of its non-ASCII characters are
# well-formed UTF-8. In legacy text such sequences arise only by chance: 0-4 % of the
# non-ASCII characters of French, German, Polish, Ukrainian, Greek and Turkish text in
# their Windows code pages; a UTF-8 file with a pasted legacy line scores far higher.
MIN_UTF8_SHARE = 0.2
# Lines named in a repair warning; more are counted, not listed.
MAX_LINES_NAMED = 5


def _windows_1252(byte: int) -> str:
    """The Windows-1252 character of one byte; U+FFFD for the five bytes it leaves undefined."""
    return bytes([byte]).decode("cp1252", errors="replace")


# Each escaped high byte (U+DC80-U+DCFF) to its Windows-1252 character.
_ESCAPED_TO_1252 = {chr(0xDC00 + byte): _windows_1252(byte) for byte in range(0x80, 0x100)}


def _as_windows_1252(match: re.Match[str]) -> str:
    return _ESCAPED_TO_1252[match.group()]


def decode_text(data: bytes, *, source: str, warnings: list[str] | None = None) -> str:
    """Decode ``data`` as UTF-8 (or the marked or detected encoding).

    Raise IngestError if it is not text. A repair or a guessed encoding is appended to
    ``warnings``, naming ``source``.
    """
    if not data.strip():
        raise IngestError("empty input; nothing to read", source=source)
    notes: list[str] = []
    text = _decode_marked(data, notes)
    if text is None:
        text = _decode_unmarked(data.removeprefix(codecs.BOM_UTF8), source, notes)
    if warnings is not None:
        warnings.extend(f"{source}: {note}" for note in notes)
    if not text.strip():
        raise IngestError("empty input; nothing to read", source=source)
    return text


def _decode_marked(data: bytes, notes: list[str]) -> str | None:
    """Decode UTF-16 or UTF-32 by its byte-order mark, or None when ``data`` has none."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                notes.append(
                    f"marked as {encoding.upper()} but byte {e.start:,} is not; "
                    "undecodable bytes were replaced by U+FFFD"
                )
                return data.decode(encoding, errors="replace")
    return None


def _decode_unmarked(data: bytes, source: str, notes: list[str]) -> str:
    if _looks_binary(data[:SNIFF_BYTES]):
        raise IngestError(
            "binary file, not text, HTML or JSONL; remove it from the inputs", source=source
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    utf8 = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - stray
    if utf8 >= MIN_UTF8_SHARE * (stray + utf8):
        notes.append(_repair_note(escaped, stray))
        return _ESCAPED_BYTE.sub(_as_windows_1252, escaped)
    return _decode_legacy(data, source, notes)


def _repair_note(escaped: str, stray: int) -> str:
    lines = _line_numbers(escaped, _ESCAPED_BYTE)
    named = ", ".join(str(number) for number in lines[:MAX_LINES_NAMED])
    more = f" and {len(lines) - MAX_LINES_NAMED:,} more" if len(lines) > MAX_LINES_NAMED else ""
    return (
        f"not valid UTF-8 on line {named}{more}: {stray:,} stray byte(s) there were read as "
        "Windows-1252 and the rest as UTF-8; save the file as UTF-8 to silence this"
    )


def _line_numbers(text: str, pattern: re.Pattern[str]) -> list[int]:
    """The numbers of the lines of ``text`` where ``pattern`` matches, in order."""
    numbers: list[int] = []
    line, counted_to = 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def _decode_legacy(data: bytes, source: str, notes: list[str]) -> str:
    matches = from_bytes(data)
    encodings = [match.encoding for match in matches]
    # Short texts fit several single-byte code pages equally well; Western news
    # that is not UTF-8 is most often Windows-1252, so it wins among equals.
    for preferred in PREFERRED_FALLBACKS:
        if preferred in encodings:
            notes.append(f"not UTF-8; read as {preferred}")
            return data.decode(preferred)
    best = matches.best()
    if best is None:
        raise IngestError(
            "not UTF-8 and no other text encoding fits; convert it to UTF-8", source=source
        )
    notes.append(f"not UTF-8; read as {best.encoding} (detected)")
    return str(best)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(len(head), 1)
