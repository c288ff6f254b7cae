from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

import pytest

from storyline.model import Brief, Citation, FigureGroup, FigureValue, Place
from storyline.pipeline import build_brief
from storyline.report import FORMATS, render, render_csv
from storyline.report._csv import COLUMNS
from tests.builders import make_clean
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    return build_brief([str(EXAMPLES)]).brief


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_exports_formats_include_html_csv_geojson() -> None:
    assert FORMATS == ("json", "md", "html", "csv", "geojson")
    with pytest.raises(ValueError, match="unknown format"):
        render(Brief(title="", articles=()), "pdf")


def test_exports_csv_has_one_row_per_figure_value(seed_brief: Brief) -> None:
    rows = _rows(render(seed_brief, "csv"))
    assert len(rows) == sum(len(group.values) for group in seed_brief.figures)
    assert tuple(rows[0]) == COLUMNS
    texts = {clean.id: clean.text for clean in seed_brief.articles}
    values = [(group, value) for group in seed_brief.figures for value in group.values]
    for row, (group, value) in zip(rows, values, strict=True):
        cite = value.citation
        assert row["span"] == texts[cite.article][cite.start : cite.end] == value.text
        assert (row["article"], int(row["start"]), int(row["end"])) == (
            cite.article,
            cite.start,
            cite.end,
        )
        assert float(row["value"]) == value.value and row["label"] == group.label
        assert row["status"] == group.status


def test_exports_csv_quotes_commas_quotes_and_line_breaks() -> None:
    text = 'He said "about 1,200, maybe\n1,500 people" had left.'
    clean = dataclasses.replace(make_clean(text, id="a,1"), outlet='The "Daily", Ltd')
    start, end = text.index("about"), text.index(" had")
    value = FigureValue(1200.0, text[start:end], Citation(clean.id, start, end), 1200.0, 1500.0)
    group = FigureGroup("people, left", "conflict", (value,), conservative=1200.0)
    brief = Brief(title="t", articles=(clean,), figures=(group,))
    out = render_csv(brief)
    assert out.endswith("\r\n")
    (row,) = _rows(out)
    assert row["span"] == text[start:end]
    assert row["outlet"] == 'The "Daily", Ltd' and row["article"] == "a,1"
    assert (row["value"], row["low"], row["high"], row["conservative"]) == (
        "1200",
        "1200",
        "1500",
        "1200",
    )


def test_exports_csv_keeps_article_text_from_running_as_a_formula() -> None:
    text = "=HYPERLINK(evil) -40 degrees and 12 dead in the cold snap."
    clean = dataclasses.replace(make_clean(text, id="=a"), outlet="@outlet")
    start = text.index("-40")
    end = start + len("-40 degrees")
    value = FigureValue(-40.0, text[start:end], Citation(clean.id, start, end))
    group = FigureGroup(
        "=1+1", "single", (value,), conservative=-40.0, unit="+deg", subject="\tcold"
    )
    (row,) = _rows(render_csv(Brief(title="t", articles=(clean,), figures=(group,))))
    assert row["span"] == "'-40 degrees" and row["label"] == "'=1+1"
    assert row["outlet"] == "'@outlet" and row["unit"] == "'+deg" and row["subject"] == "'\tcold"
    assert row["value"] == row["conservative"] == "-40" and row["article"] == "'=a"


def test_exports_csv_of_a_brief_without_figures_is_the_header() -> None:
    out = render_csv(Brief(title="", articles=()))
    assert out == ",".join(COLUMNS) + "\r\n"
    assert _rows(out) == []


def _geojson(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(brief, "geojson"))
    return data


def test_exports_geojson_points_are_lon_lat_in_range(seed_brief: Brief) -> None:
    data = _geojson(seed_brief)
    assert data["type"] == "FeatureCollection"
    located = [p for p in seed_brief.places if p.lat is not None and p.lon is not None]
    assert len(data["features"]) == len(located)
    assert data["places_without_coordinates"] == len(seed_brief.places) - len(located) > 0
    for feature, place in zip(data["features"], located, strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert (lon, lat) == (place.lon, place.lat)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["name"] == place.name
        assert feature["properties"]["mentions"] == len(place.citations)
        assert feature["properties"]["aliases"] == list(place.aliases)


def test_exports_geojson_puts_longitude_first() -> None:
    # Mosul is at 36.3 N, 43.1 E: a latitude-first file would put it in the Arabian Sea.
    mosul = Place("Mosul", ("Mosul",), lat=36.335, lon=43.11889, country="IQ", precision="city")
    bad = Place("Nowhere", (), lat=123.0, lon=10.0)
    missing = Place("Euphrates River")
    data = _geojson(Brief(title="", articles=(), places=(mosul, bad, missing)))
    (feature,) = data["features"]
    assert feature["geometry"]["coordinates"] == [43.11889, 36.335]
    assert feature["properties"] == {
        "name": "Mosul",
        "aliases": ["Mosul"],
        "country": "IQ",
        "precision": "city",
        "mentions": 0,
    }
    assert data["places_without_coordinates"] == 2


def test_exports_geojson_of_no_places_is_an_empty_collection() -> None:
    data = _geojson(Brief(title="", articles=()))
    assert data == {"type": "FeatureCollection", "features": [], "places_without_coordinates": 0}
