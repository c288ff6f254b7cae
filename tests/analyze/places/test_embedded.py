"""Places named inside other entities and in place-shaped slots (sentences from LGL/GeoVirus)."""

from __future__ import annotations

from spacy.language import Language

from storyline.analyze.places import resolve_places


def _placed(nlp: Language, text: str) -> dict[str, tuple[float, float]]:
    doc = nlp(text)
    refs = resolve_places(doc)
    for ref in refs:
        assert doc.text[ref.start : ref.end] == ref.text
    return {ref.text: (ref.lat, ref.lon) for ref in refs if ref.lat is not None and ref.lon}


def test_embedded_local_body_names_its_town(nlp: Language) -> None:
    text = "The Boulder City Council on Tuesday will consider plans for a police and fire facility."
    lat, lon = _placed(nlp, text + " Nevada officials agreed.")["Boulder City"]
    assert abs(lat - 35.98) < 0.1 and abs(lon + 114.83) < 0.1


def test_embedded_hospital_and_town_both_placed(nlp: Language) -> None:
    text = "Ivins, 62, was taken to Frederick Memorial Hospital in Frederick, Maryland."
    doc = nlp(text)
    refs = [ref for ref in resolve_places(doc) if ref.text == "Frederick"]
    assert len(refs) == 2 and all(abs(ref.lat - 39.41) < 0.1 for ref in refs if ref.lat)


def test_embedded_national_department_is_not_a_place(nlp: Language) -> None:
    text = "The United States Department of Agriculture has confirmed a second case."
    placed = _placed(nlp, text)
    assert "United States" not in placed
    placed = _placed(nlp, "Researchers said the Justice Department had asked for the samples.")
    assert "Justice" not in placed


def test_embedded_name_before_police_is_a_town(nlp: Language) -> None:
    text = (
        "The body of a 22-year-old Winona man was found behind a Winona residence Sunday morning. "
        "Winona police have identified the body. Minnesota officials said."
    )
    lat, lon = _placed(nlp, text)["Winona"]
    assert abs(lat - 44.05) < 0.1 and abs(lon + 91.64) < 0.2


def test_embedded_name_of_a_person_is_not_made_a_place(nlp: Language) -> None:
    text = "Mary Lincoln spoke in Springfield, Illinois. Lincoln said the vote would come in May."
    placed = _placed(nlp, text)
    assert "Springfield" in placed and "Lincoln" not in placed
