"""The desk through the JSON API, in process: add, list, show, search, people, export; URL analysis
through the same SSRF guard as `storydesk add`."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from fixture_reports import FIXTURES, report
from storydesk.api import create_app

QUAYSIDE = {"text": report("quayside-stabbing.txt"), "published": "2025-06-12", "outlet": "Fenwick Gazette",
            "title": "Man charged after quayside stabbing"}
COUNCIL = {"text": report("council-hostile-markup.txt"), "published": "2025-03-04", "outlet": "Wexley Echo",
           "title": "Old library to close", "format": "text"}


class Client:
    def __init__(self, app: Any) -> None:
        self.app = app

    def __call__(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(go())


@pytest.fixture
def api(tmp_path: Path) -> Client:
    return Client(create_app(str(tmp_path / "desk.db")))


@pytest.fixture
def filled(api: Client) -> tuple[Client, list[str]]:
    response = api("POST", "/api/reports", json={"reports": [QUAYSIDE, COUNCIL]})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["failed"] == []
    assert [s["status"] for s in body["stored"]] == ["added", "added"]
    return api, [s["article_id"] for s in body["stored"]]


def test_add_is_idempotent_and_listed(filled: tuple[Client, list[str]]) -> None:
    api, ids = filled
    again = api("POST", "/api/reports", json={"reports": [QUAYSIDE]})
    assert again.json()["stored"] == [
        {"article_id": ids[0], "status": "unchanged", "version": 1, "previous_id": None, "new_appearance": False}
    ]
    rows = api("GET", "/api/articles").json()
    assert {r["id"] for r in rows} == set(ids)
    assert rows[0]["title"] == "Man charged after quayside stabbing"  # newest first
    only = api("GET", "/api/articles", params={"outlet": "Wexley Echo"}).json()
    assert [r["id"] for r in only] == [ids[1]]
    assert api("GET", "/api/articles", params={"since": "2025-06-01"}).json()[0]["id"] == ids[0]
    assert api("GET", "/api/health").json()["articles"] == 2


def test_show_by_id_and_prefix(filled: tuple[Client, list[str]]) -> None:
    api, ids = filled
    case = api("GET", f"/api/articles/{ids[0]}").json()
    assert case["article"]["id"] == ids[0]
    assert any(p["name"] == "Tom Reddaway" for p in case["people"])
    assert api("GET", f"/api/articles/{ids[0][:8]}").json()["article"]["id"] == ids[0]
    missing = api("GET", "/api/articles/ffffffffffff")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "E503"


def test_search_and_people(filled: tuple[Client, list[str]]) -> None:
    api, ids = filled
    hits = api("GET", "/api/search", params={"q": "quayside"}).json()
    assert [h["article_id"] for h in hits] == [ids[0]]
    assert "quayside" in hits[0]["snippet"].lower()
    phrase = api("GET", "/api/search", params={"q": '"old library"'}).json()
    assert [h["article_id"] for h in phrase] == [ids[1]]
    people = api("GET", "/api/people", params={"name": "reddaway"}).json()
    assert {p["name"] for p in people} >= {"Tom Reddaway", "Megan Reddaway"}
    tom = next(p for p in people if p["name"] == "Tom Reddaway")
    assert tom["facts"]["age"] == ["52"]
    empty = api("GET", "/api/search", params={"q": "  "})
    assert empty.status_code == 422
    assert empty.json()["error"]["code"] == "E605"


def test_export_jsonl_and_csv(filled: tuple[Client, list[str]]) -> None:
    api, ids = filled
    jsonl = api("GET", "/api/export", params={"format": "jsonl"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    cases = [json.loads(line) for line in jsonl.text.splitlines()]
    assert {c["article"]["id"] for c in cases} == set(ids)
    facts = list(csv.DictReader(io.StringIO(api("GET", "/api/export", params={"format": "csv"}).text)))
    assert any(f["attribute"] == "age" and f["value"] == "52" for f in facts)
    assert api("GET", "/api/export", params={"format": "xml"}).status_code == 422


def test_failed_report_is_an_error_and_stores_nothing(api: Client) -> None:
    response = api("POST", "/api/reports", json={"reports": [{"text": "  \n "}]})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E101"
    assert api("GET", "/api/articles").json() == []
    too_many = api("POST", "/api/reports", json={"reports": [QUAYSIDE] * 21})
    assert too_many.status_code == 422


def test_the_pages_list_show_and_search(filled: tuple[Client, list[str]]) -> None:
    api, ids = filled
    listing = api("GET", "/articles").text
    assert "Man charged after quayside stabbing" in listing and f"/articles/{ids[1]}" in listing
    page = api("GET", f"/articles/{ids[1]}").text
    assert "&lt;script&gt;window.__storydeskPwned = 1&lt;/script&gt;" in page
    assert "<img" not in page
    found = api("GET", "/search", params={"q": "Reddaway"}).text
    assert "Tom Reddaway" in found and f"/articles/{ids[0]}" in found
    missing = api("GET", "/articles/ffffffffffff", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "E503" in missing.text


def test_form_adds_to_the_desk_and_redirects(api: Client) -> None:
    response = api("POST", "/reports", data={k: v for k, v in QUAYSIDE.items()})
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/articles/")
    assert "Tom Reddaway" in api("GET", location).text


@pytest.fixture
def web_server() -> Iterator[str]:
    """A real HTTP server on loopback serving the fixture pages."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(FIXTURES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_url_on_a_private_address_is_refused_by_the_ssrf_guard(api: Client, web_server: str) -> None:
    url = f"{web_server}/quayside-followup.html"
    for path, body in (("/api/analyze", {"url": url}), ("/api/reports", {"reports": [{"url": url}]})):
        response = api("POST", path, json=body)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == "E402"
        assert "127.0.0.1" in error["message"] and "loopback" in error["message"]
    bad_scheme = api("POST", "/api/analyze", json={"url": "file:///etc/passwd"})
    assert bad_scheme.json()["error"]["code"] == "E401"


def test_url_is_fetched_and_analysed_when_private_addresses_are_allowed(tmp_path: Path, web_server: str) -> None:
    api = Client(create_app(str(tmp_path / "desk.db"), allow_private=True))
    case = api("POST", "/api/analyze", json={"url": f"{web_server}/quayside-followup.html"}).json()
    assert case["article"]["outlet"] == "Portlow Post"
    assert case["article"]["published"] == "2025-06-16"
    assert "Home" not in case["article"]["text"].split()  # the page's navigation is not the report
    assert ("Tom Reddaway", 53) in {(f["subject_name"], f["value"]) for f in case["facts"] if f["attribute"] == "age"}
    added = api("POST", "/api/reports", json={"reports": [{"url": f"{web_server}/quayside-followup.html"}]}).json()
    assert added["stored"][0]["article_id"] == case["article"]["id"]
    missing = api("POST", "/api/analyze", json={"url": f"{web_server}/no-such-page.html"})
    assert missing.status_code == 502
    assert missing.json()["error"]["code"] == "E403"


def test_stories_are_reconciled_as_reports_arrive(tmp_path: Path) -> None:
    from desk_fixture import STORY_REPORTS

    api = Client(create_app(str(tmp_path / "desk.db")))
    assert api("GET", "/api/stories").json() == []
    added = api("POST", "/api/reports", json={"reports": STORY_REPORTS}).json()
    ids = [s["article_id"] for s in added["stored"]]
    stories = api("GET", "/api/stories").json()
    assert [(s["headline"], s["reports"]) for s in stories] == [
        ("Man charged after quayside stabbing", 3),
        ("Old library to close after four-hour meeting", 2),
    ]
    assert stories[0]["conflicts"] >= 1
    story = api("GET", f"/api/stories/{stories[0]['id']}").json()
    assert [m["article_id"] for m in story["members"]] == ids[:3]
    age = next(f for f in story["facts"] if f["subject_name"] == "Tom Reddaway" and f["attribute"] == "age")
    assert age["verdict"] == "conflicting"
    assert sorted(v["value"] for v in age["values"]) == [51, 52, 53]
    # A story is also found by any of its reports' ids.
    assert api("GET", f"/api/stories/{ids[1]}").json()["id"] == story["id"]
    missing = api("GET", "/api/stories/s-0000000000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E603"

    # A server started later on the same desk rebuilds the same stories.
    again = Client(create_app(str(tmp_path / "desk.db")))
    assert again("GET", "/api/stories").json() == stories
    page = again("GET", f"/stories/{story['id']}").text
    assert "Where the reports disagree or change" in page and "Tom Reddaway" in page
