from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from storyline.errors import IngestError
from storyline.ingest import read
from storyline.ingest._decode import decode_text
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "000_b012d47a0c99282f.txt"
# A line a Latin-1 editor added to a UTF-8 file.
LATIN1_LINE = "Le président a visité Genève mardi, a déclaré le porte-parole."


def _seed_with_latin1_line(at_line: int) -> tuple[bytes, str]:
    """The seed's UTF-8 bytes with one Latin-1 line inserted, and the text it should give."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines.insert(at_line - 1, LATIN1_LINE)
    encoded = [line.encode("latin-1" if line is LATIN1_LINE else "utf-8") for line in lines]
    return b"\n".join(encoded), "\n".join(lines)


def test_decode_mostly_utf8_keeps_utf8_and_repairs_only_the_stray_line() -> None:
    data, expected = _seed_with_latin1_line(at_line=5)
    warnings: list[str] = []
    text = decode_text(data, source="mixed.txt", warnings=warnings)
    assert text == expected
    assert "Islamic State’s ‘caliphate’" in text  # the UTF-8 quotes are not mojibake
    (warning,) = warnings
    assert warning.startswith("mixed.txt: not valid UTF-8 on line 5:")
    assert "5 stray byte(s)" in warning


def test_decode_repairs_windows_1252_punctuation_inside_a_utf8_line() -> None:
    data = "Rebels took “the town” on Friday".encode() + b" \x96 officials said \x93so\x94."
    warnings: list[str] = []
    text = decode_text(data, source="quotes.txt", warnings=warnings)
    assert text == "Rebels took “the town” on Friday – officials said “so”."
    assert "line 1:" in warnings[0]


def test_decode_names_the_first_lines_and_counts_the_rest() -> None:
    good = "Café crème, déjà vu, naïve résumé.".encode()
    lines = [good] * 10 + [b"caf\xe9"] * 8
    warnings: list[str] = []
    decode_text(b"\n".join(lines), source="many.txt", warnings=warnings)
    assert "on line 11, 12, 13, 14, 15 and 3 more:" in warnings[0]


def test_decode_a_legacy_file_is_detected_and_reported() -> None:
    warnings: list[str] = []
    text = decode_text(LATIN1_LINE.encode("latin-1"), source="old.txt", warnings=warnings)
    assert text == LATIN1_LINE
    assert warnings == ["old.txt: not UTF-8; read as cp1252"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_decode_utf16_and_utf32_with_a_byte_order_mark(encoding: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    warnings: list[str] = []
    assert decode_text(("\ufeff" + seed).encode(encoding), source="x", warnings=warnings) == seed
    assert not warnings


def test_decode_damaged_utf16_is_read_with_replacements_and_a_warning() -> None:
    data = codecs.BOM_UTF16_LE + "Rebels took the town.".encode("utf-16-le") + b"\x00"
    warnings: list[str] = []
    assert decode_text(data, source="odd.txt", warnings=warnings) == "Rebels took the town.\ufffd"
    assert "odd.txt: marked as UTF-16" in warnings[0]


def test_decode_utf8_byte_order_mark_is_dropped_and_stray_bytes_still_repaired() -> None:
    data = codecs.BOM_UTF8 + "déjà".encode() + b" caf\xe9"
    assert decode_text(data, source="x") == "déjà café"


def test_decode_a_byte_order_mark_alone_is_empty() -> None:
    with pytest.raises(IngestError, match="empty input"):
        decode_text(codecs.BOM_UTF16_LE + "  ".encode("utf-16-le"), source="x")


def test_read_reports_the_repair_as_a_warning_naming_the_file(tmp_path: Path) -> None:
    data, expected = _seed_with_latin1_line(at_line=3)
    (tmp_path / "mixed.txt").write_bytes(data)
    (tmp_path / "wide.txt").write_bytes(("\ufeff" + LATIN1_LINE).encode("utf-16-le"))
    result = read([str(tmp_path)])
    assert not result.failures
    assert {a.id: a.raw for a in result.articles} == {"mixed": expected, "wide": LATIN1_LINE}
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"{tmp_path / 'mixed.txt'}: not valid UTF-8 on line 3")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Президент України заявив у п'ятницю, що війська звільнили місто Херсон."),
        ("cp1253", "Ο πρωθυπουργός δήλωσε την Παρασκευή ότι οι στρατιώτες έφυγαν από την πόλη."),
    ],
)
def test_decode_legacy_code_pages_are_not_taken_for_utf8_with_repairs(
    encoding: str, text: str
) -> None:
    warnings: list[str] = []
    assert decode_text(text.encode(encoding), source="old.txt", warnings=warnings) == text
    assert warnings[0].startswith("old.txt: not UTF-8; read as")
