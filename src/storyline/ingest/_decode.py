"""Turn raw bytes into text, refusing binary and undecodable input with a reason."""

from __future__ import annotations

from charset_normalizer import from_bytes

from storyline.errors import IngestError

# Bytes sniffed at the start of a file to tell text from binary.
SNIFF_BYTES = 8192
# Share of control characters (other than whitespace) above which input is binary.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13}
PREFERRED_FALLBACKS = ("cp1252", "latin_1")


def decode_text(data: bytes, *, source: str) -> str:
    """Decode ``data`` as UTF-8 (or the detected encoding); raise IngestError if it is not text."""
    if not data.strip():
        raise IngestError("empty input; nothing to read", source=source)
    if _looks_binary(data[:SNIFF_BYTES]):
        raise IngestError(
            "binary file, not text, HTML or JSONL; remove it from the inputs", source=source
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    encodings = [match.encoding for match in matches]
    # Short texts fit several single-byte code pages equally well; Western news
    # that is not UTF-8 is most often Windows-1252, so it wins among equals.
    for preferred in PREFERRED_FALLBACKS:
        if preferred in encodings:
            return data.decode(preferred)
    best = matches.best()
    if best is None:
        raise IngestError(
            "not UTF-8 and no other text encoding fits; convert it to UTF-8", source=source
        )
    return str(best)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(len(head), 1)
