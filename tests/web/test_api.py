"""The JSON API, in-process, on a real SQLite store holding the seed event."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from storyline.report import validate_brief
from storyline.settings import Settings
from storyline.web import create_app
from tests.web.conftest import Seeded, wait_for_job


def _assert_error(response: object, status: int, code: str) -> dict[str, object]:
    """Check the one error shape and return its body."""
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    error = body["error"]
    assert error["code"] == code and error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    return dict(error)


def test_api_events_lists_seed_event(client: TestClient, seeded: Seeded) -> None:
    events = client.get("/api/events").json()
    seed = next(e for e in events if e["id"] == seeded.seed_event)
    assert seed["articles"] == 5
    assert seed["title"] == seeded.seed_brief.title
    assert seed["brief"] == f"/api/events/{seeded.seed_event}/brief"


def test_api_events_query_filters(client: TestClient, seeded: Seeded) -> None:
    found = {e["id"] for e in client.get("/api/events", params={"q": "Baghouz"}).json()}
    assert seeded.seed_event in found and seeded.xss_event not in found
    flood = {e["id"] for e in client.get("/api/events", params={"q": "Kassala"}).json()}
    assert flood == {seeded.xss_event}


def test_api_brief_is_the_stored_brief_and_validates(client: TestClient, seeded: Seeded) -> None:
    response = client.get(f"/api/events/{seeded.seed_event}/brief")
    data = response.json()
    assert response.status_code == 200
    assert data == json.loads(json.dumps(seeded.seed_brief.to_dict()))
    assert validate_brief(data) == []
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for line in data["summary"]:
        for cite in line["citations"]:
            assert texts[cite["article"]][cite["start"] : cite["end"]] in line["text"]


def test_api_event_detail_counts(client: TestClient, seeded: Seeded) -> None:
    data = client.get(f"/api/events/{seeded.seed_event}").json()
    brief = seeded.seed_brief
    assert data["counts"]["timeline"] == len(brief.timeline)
    assert [a["id"] for a in data["articles"]] == [c.id for c in brief.articles]
    assert data["headline"] == (brief.headline.text if brief.headline else None)


def test_api_article_returns_cleaned_text(client: TestClient, seeded: Seeded) -> None:
    clean = seeded.seed_brief.articles[0]
    data = client.get(f"/api/articles/{clean.id}").json()
    assert data["text"] == clean.text
    assert data["version"] == 1 and seeded.seed_event in data["events"]
    assert [r["reason"] for r in data["removed"]] == [r.reason for r in clean.removed]


def test_api_search_marks_matches(client: TestClient, seeded: Seeded) -> None:
    hits = client.get("/api/search", params={"q": "Baghouz"}).json()
    assert hits and all(seeded.seed_event in hit["events"] for hit in hits)
    matched = [part["text"] for hit in hits for part in hit["parts"] if part["match"]]
    assert matched and all(word.lower() == "baghouz" for word in matched)
    assert "\x02" not in hits[0]["snippet"]


def test_api_unknown_ids_answer_404_shape(client: TestClient) -> None:
    for url in (
        "/api/events/nope",
        "/api/events/nope/brief",
        "/api/articles/nope",
        "/api/jobs/nope",
        "/api/no-such-route",
    ):
        _assert_error(client.get(url), 404, "not_found")


def test_api_validation_error_has_error_shape(client: TestClient) -> None:
    error = _assert_error(client.get("/api/search"), 422, "invalid_request")
    assert "q" in str(error["message"])
    _assert_error(client.get("/api/events", params={"limit": 0}), 422, "invalid_request")
    _assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_api_unhandled_error_has_error_shape(seeded: Seeded) -> None:
    def broken(location: str) -> object:
        raise RuntimeError(f"cannot reach {location}")

    app = create_app(str(seeded.path), Settings(), open_store=broken)  # type: ignore[arg-type]
    response = TestClient(app, raise_server_exceptions=False).get("/api/events")
    error = _assert_error(response, 500, "internal_error")
    assert "cannot reach" not in str(error["message"])  # internals stay in the log
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_openapi_documents_models(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event}/brief",
        "/api/articles/{article}",
        "/api/search",
        "/api/jobs/{job}",
    } <= set(doc["paths"])
    assert {"EventOut", "ArticleOut", "JobOut", "ErrorOut"} <= set(doc["components"]["schemas"])
    assert "/events/{event}" not in doc["paths"]  # pages are not API


def test_api_upload_reports_each_bad_input(client: TestClient, seed_texts: dict[str, str]) -> None:
    article = min(seed_texts.values(), key=len)
    jsonl = json.dumps({"id": "upload-ok", "title": "Uploaded", "text": article}) + "\n{oops\n"
    files = [
        ("files", ("story.jsonl", jsonl.encode(), "application/x-ndjson")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("photo.txt", bytes(range(256)) * 4, "application/octet-stream")),
    ]
    response = client.post("/api/events", files=files, data={"title": "Upload test"})
    assert response.status_code == 202
    job = wait_for_job(client, response.json()["url"])
    assert job["state"] == "done", job
    assert job["analysed"] == job["total"] == 1 and job["url"] == f"/events/{job['event']}"
    errors = {i["name"]: [e["source"] for e in i["errors"]] for i in job["inputs"]}  # type: ignore[attr-defined]
    assert errors == {
        "story.jsonl": ["story.jsonl:2"],
        "empty.txt": ["empty.txt"],
        "photo.txt": ["photo.txt"],
    }
    event = client.get(f"/api/events/{job['event']}").json()
    assert event["title"] == "Upload test" and event["articles"][0]["id"] == "upload-ok"


def test_api_upload_without_usable_input_is_422(client: TestClient) -> None:
    _assert_error(client.post("/api/events", data={"text": "  "}), 422, "no_input")
    files = [("files", ("bad.jsonl", b"{not json}\n", "application/x-ndjson"))]
    error = _assert_error(client.post("/api/events", files=files), 422, "no_articles")
    assert [d["source"] for d in error["details"]] == ["bad.jsonl:1"]  # type: ignore[union-attr]


def test_api_upload_over_max_bytes_is_refused(seeded: Seeded) -> None:
    app = create_app(str(seeded.path), Settings(max_bytes=100))
    files = [("files", ("long.txt", b"word " * 100, "text/plain"))]
    response = TestClient(app, raise_server_exceptions=False).post("/api/events", files=files)
    error = _assert_error(response, 422, "no_articles")
    assert "limit" in error["details"][0]["message"]  # type: ignore[index]


@pytest.mark.issue(12)
def test_api_pasted_text_over_1_mb_reaches_the_reader(client: TestClient) -> None:
    pasted = "\x00" * 1_500_000  # read (and refused as binary), not cut off by the form parser
    error = _assert_error(client.post("/api/events", data={"text": pasted}), 422, "no_articles")
    assert "binary" in error["details"][0]["message"]  # type: ignore[index]


@pytest.mark.issue(12)
def test_api_pasted_text_over_max_bytes_is_413(seeded: Seeded) -> None:
    app = create_app(str(seeded.path), Settings(max_bytes=1_000))
    response = TestClient(app).post("/api/events", data={"text": "word " * 400})
    error = _assert_error(response, 413, "too_large")
    assert "over the limit of 1,000 bytes" in str(error["message"])


def test_api_job_fails_when_cleaning_leaves_nothing(client: TestClient) -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    response = client.post("/api/events", data={"text": page})
    assert response.status_code == 202
    job = wait_for_job(client, response.json()["url"])
    assert job["state"] == "failed" and job["event"] is None
    assert "no usable article" in str(job["error"])
