"""Stories through the JSON API, in process: what's new on POST /api/reports, stories read from
the desk (also by a second server over the same desk), move and split behind the write rules."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from desk_fixture import STORY_REPORTS
from storydesk.api import create_app

TOKEN = "a-long-enough-test-token-0123456789"
AUTH = {"authorization": f"Bearer {TOKEN}"}
QUAYSIDE, COURT, _, LIBRARY, VOTE = STORY_REPORTS


def call(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


@pytest.mark.slow
def test_stories_on_the_desk_through_the_api(tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    app = create_app(db, token=TOKEN)
    first = call(app, "POST", "/api/reports", json={"reports": [QUAYSIDE, LIBRARY]}, headers=AUTH)
    assert first.status_code == 201, first.text
    assert [(s["new_story"], s["items"][0]["change"]) for s in first.json()["stories"]] == [(True, "adds")] * 2
    quayside_story = first.json()["stories"][0]["story_id"]

    second = call(app, "POST", "/api/reports", json={"reports": [COURT, VOTE]}, headers=AUTH)
    court, vote = second.json()["stories"]
    assert court["story_id"] == quayside_story and not court["new_story"]
    age = next(i for i in court["items"] if i["change"] == "contradicts" and i["attribute"] == "age")
    assert (age["value"], age["previous"][0]["value"]) == (51, 52)
    assert age["evidence"][0]["article_id"] == court["article_id"]
    assert not vote["new_story"]

    # A second server over the same desk sees the same stories without rebuilding anything.
    other = create_app(db)
    listed = call(other, "GET", "/api/stories").json()
    assert [(s["id"], s["reports"], s["conflicts"]) for s in listed] == [
        (quayside_story, 2, 1),
        (vote["story_id"], 2, 0),
    ]
    assert [s["id"] for s in call(other, "GET", "/api/stories", params={"since": "2025-06-01"}).json()] == [
        quayside_story
    ]
    story = call(other, "GET", f"/api/stories/{court['article_id']}").json()
    assert story["id"] == quayside_story and len(story["members"]) == 2
    assert call(other, "GET", "/api/stories/s-0000000000").json()["error"]["code"] == "E603"
    page = call(other, "GET", f"/stories/{quayside_story}", headers={"accept": "text/html"})
    assert page.status_code == 200 and "Tom Reddaway" in page.text

    # Corrections are writes: the token, and no foreign origin.
    move = {"article": court["article_id"], "by": "desk editor"}
    path = f"/api/stories/{vote['story_id']}/move"
    assert call(app, "POST", path, json=move).status_code == 401
    foreign = {**AUTH, "origin": "https://elsewhere.example"}
    assert call(app, "POST", path, json=move, headers=foreign).status_code == 403
    moved = call(app, "POST", path, json=move, headers=AUTH)
    assert moved.status_code == 200, moved.text
    assert moved.json()["correction"]["kind"] == "move"
    assert moved.json()["stories"] == {court["article_id"]: vote["story_id"]}
    assert call(app, "GET", f"/api/stories/{vote['story_id']}").json()["members"][-1]["assigned_by"] == "correction"

    # Split it off again; only reports of that story can be split off it.
    split = f"/api/stories/{vote['story_id']}/split"
    outside = call(app, "POST", split, json={"articles": [first.json()["stored"][0]["article_id"]]}, headers=AUTH)
    assert outside.status_code == 422 and outside.json()["error"]["code"] == "E506"
    done = call(app, "POST", split, json={"articles": [court["article_id"][:10]]}, headers=AUTH)
    assert done.status_code == 200, done.text
    alone = done.json()["stories"][court["article_id"]]
    assert call(app, "GET", f"/api/stories/{alone}").json()["members"][0]["article_id"] == court["article_id"]
    nowhere = call(app, "POST", "/api/stories/s-0000000000/split", json={"articles": ["x"]}, headers=AUTH)
    assert nowhere.status_code == 404
    assert sorted(s["reports"] for s in call(app, "GET", "/api/stories").json()) == [1, 1, 2]
