"""The JSON API in process (ASGI client): analysis, coded JSON errors, limits, tokens, escaping."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fixture_reports import report
from storydesk.api import create_app

QUAYSIDE = report("quayside-stabbing.txt")
HOSTILE = report("council-hostile-markup.txt")
TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def _desk_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # create_app() without a URL opens $STORYDESK_DB: keep every test's desk in its own folder.
    monkeypatch.setenv("STORYDESK_DB", str(tmp_path / "desk.db"))


def call(method: str, path: str, app: Any = None, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app or create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return dict(body["error"])


def test_health_says_whether_writes_need_a_token() -> None:
    assert call("GET", "/api/health").json()["writes_need_token"] is False
    assert call("GET", "/api/health", app=create_app(token=TOKEN)).json()["writes_need_token"] is True


def test_analyze_returns_a_case_file_with_evidence_in_the_text() -> None:
    response = call("POST", "/api/analyze", json={"text": QUAYSIDE, "published": "2025-06-12", "outlet": "Gazette"})
    assert response.status_code == 200
    case = response.json()
    text = case["article"]["text"]
    assert case["article"]["published"] == "2025-06-12"
    assert case["article"]["outlet"] == "Gazette"
    names = {p["name"] for p in case["people"]}
    assert {"Tom Reddaway", "Megan Reddaway", "Carla Munro"} <= names
    ages = {(f["subject_name"], f["value"]) for f in case["facts"] if f["attribute"] == "age"}
    assert ("Tom Reddaway", 52) in ages
    for fact in case["facts"]:
        ev = fact["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    tuesday = next(t for t in case["times"] if t["evidence"]["text"] == "Tuesday night")
    assert tuesday["value"].startswith("2025-06-10")


@pytest.mark.parametrize(
    ("body", "status", "code", "words"),
    [
        ({"text": "   "}, 422, "E101", "no text"),
        ({"text": QUAYSIDE, "published": "12/06/2025"}, 422, "E108", "YYYY-MM-DD"),
        ({"text": "Der Stadtrat hat am Montag beschlossen, die alte Bibliothek an der Bahnhofstraße zu schließen, "
          "nachdem die Sitzung mehr als vier Stunden gedauert hatte und viele Bürger gekommen waren, um zu sprechen."},
         422, "E104", "English"),
        ({"text": "<html><body><nav>Home</nav></body></html>", "format": "html"}, 422, "E105", "no article body"),
        ({}, 422, "E605", "give the report's `text`, or a `url`"),
        ({"text": QUAYSIDE, "colour": "red"}, 422, "E605", "colour"),
        ({"text": QUAYSIDE, "format": "pdf"}, 422, "E605", "format"),
    ],
    ids=["empty", "bad-date", "not-english", "no-body", "missing-text", "unknown-field", "bad-format"],
)
def test_bad_input_gets_a_coded_json_error(body: dict[str, Any], status: int, code: str, words: str) -> None:
    response = call("POST", "/api/analyze", json=body)
    assert response.status_code == status
    error = error_of(response)
    assert error["code"] == code
    assert words in error["message"]


def test_not_json_is_a_readable_error() -> None:
    response = call("POST", "/api/analyze", content=b"text=hello", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert error_of(response)["code"] == "E605"


def test_unknown_routes_and_methods() -> None:
    missing = call("GET", "/api/nothing-here")
    assert missing.status_code == 404
    assert "/docs" in error_of(missing)["message"]
    wrong = call("GET", "/api/analyze")
    assert wrong.status_code == 405
    assert "GET is not allowed" in error_of(wrong)["message"]
    page = call("GET", "/nothing-here", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "E603" in page.text


def test_body_over_the_limit_is_refused_by_length() -> None:
    app = create_app(max_body_bytes=4096)
    response = call("POST", "/api/analyze", app=app, json={"text": "word " * 2000})
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "E604"
    assert "--max-body-bytes" in error["message"]


def test_streamed_body_over_the_limit_is_refused() -> None:
    app = create_app(max_body_bytes=4096)

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 20
        yield b'"}'

    response = call("POST", "/api/analyze", app=app, content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert error_of(response)["code"] == "E604"


def test_request_over_the_time_limit_is_stopped() -> None:
    # Parsing the report takes far more than 10 ms, so the limit stops it.
    app = create_app(timeout_s=0.01)
    response = call("POST", "/api/analyze", app=app, json={"text": QUAYSIDE * 20})
    assert response.status_code == 504
    error = error_of(response)
    assert error["code"] == "E606"
    assert "--timeout" in error["message"]


@pytest.fixture
def token_app() -> Iterator[Any]:
    yield create_app(token=TOKEN)


def test_writes_need_the_token_when_one_is_set(token_app: Any) -> None:
    body = {"text": QUAYSIDE, "published": "2025-06-12"}
    none = call("POST", "/api/analyze", app=token_app, json=body)
    assert none.status_code == 401
    assert error_of(none)["code"] == "E601"
    assert "no token" in error_of(none)["message"]
    wrong = call("POST", "/api/analyze", app=token_app, json=body, headers={"authorization": "Bearer " + "x" * 32})
    assert wrong.status_code == 401
    assert "wrong" in error_of(wrong)["message"]
    right = call("POST", "/api/analyze", app=token_app, json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200
    # Reads need no token.
    assert call("GET", "/", app=token_app).status_code == 200
    # The page's form carries the token in a field.
    form = call("POST", "/analyze", app=token_app, data={"text": QUAYSIDE, "token": TOKEN})
    assert form.status_code == 200
    refused = call("POST", "/analyze", app=token_app, data={"text": QUAYSIDE, "token": "nope"})
    assert refused.status_code == 401
    # The token is checked before the form: an empty form without it learns nothing more.
    for path in ("/analyze", "/reports"):
        empty = call("POST", path, app=token_app, data={"text": ""})
        assert empty.status_code == 401


def test_writes_from_another_sites_page_are_refused() -> None:
    body = {"text": QUAYSIDE}
    other = call("POST", "/api/analyze", json=body, headers={"origin": "https://elsewhere.example"})
    assert other.status_code == 403
    assert error_of(other)["code"] == "E602"
    sandboxed = call("POST", "/analyze", data={"text": QUAYSIDE}, headers={"origin": "null"})
    assert sandboxed.status_code == 403
    same = call("POST", "/api/analyze", json=body, headers={"origin": "http://testserver"})
    assert same.status_code == 200


def test_report_text_is_escaped_in_the_page() -> None:
    response = call(
        "POST",
        "/analyze",
        data={"text": HOSTILE, "format": "text", "title": "<script>alert(1)</script>", "url": "javascript:alert(1)"},
    )
    assert response.status_code == 200
    html = response.text
    assert "&lt;script&gt;window.__storydeskPwned = 1&lt;/script&gt;" in html
    assert "<script>window" not in html
    assert "<img" not in html
    assert "onerror=&#34;window" in html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert html.count("<script") == 1  # the page's own script file
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_returns_report_text_verbatim_as_json() -> None:
    response = call("POST", "/api/analyze", json={"text": HOSTILE, "format": "text"})
    assert response.headers["content-type"] == "application/json"
    assert "<script>window.__storydeskPwned = 1</script>" in response.json()["article"]["text"]


def test_openapi_describes_the_api_and_its_errors() -> None:
    spec = call("GET", "/openapi.json").json()
    assert spec["info"]["title"] == "storydesk"
    operation = spec["paths"]["/api/analyze"]["post"]
    assert {"200", "401", "413", "422", "504"} <= set(operation["responses"])
    assert "ErrorBody" in spec["components"]["schemas"]
    assert not any(path.startswith("/articles") or path == "/" for path in spec["paths"])


def test_api_docs_are_served_from_this_server_not_a_cdn() -> None:
    page = call("GET", "/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    assert "'unsafe-inline'" in page.headers["content-security-policy"]
    script = call("GET", "/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert call("GET", "/openapi.json").json()["info"]["title"] == "storydesk"
    # every other page keeps the strict policy
    assert "'unsafe-inline'" not in call("GET", "/").headers["content-security-policy"]
