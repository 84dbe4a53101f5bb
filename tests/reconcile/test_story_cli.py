"""The story commands over files: stories, story, and a move that survives re-running."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydesk.cli import main

STORIES = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "stories"


@pytest.fixture(scope="module")
def reports() -> list[str]:
    stabbing = STORIES / "01-shrewsbury-riverside-stabbing" / "reports"
    flood = STORIES / "03-elkins-flash-flood" / "reports"
    return [str(stabbing / "r01.txt"), str(stabbing / "r02.txt"), str(flood / "r01.txt")]


@pytest.mark.slow
def test_stories_story_and_move(reports: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corrections = str(tmp_path / "corrections.json")
    assert main(["stories", "--files", *reports, "--corrections", corrections, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert sorted(len(s["reports"]) for s in found) == [1, 2]
    stabbing = next(s for s in found if len(s["reports"]) == 2)
    flood = next(s for s in found if len(s["reports"]) == 1)

    assert main(["story", stabbing["id"], "--files", *reports, "--corrections", corrections, "--format", "md"]) == 0
    view = capsys.readouterr().out
    assert "## Conflicts" in view or "## Cast" in view
    assert "[R1, R2]" in view

    moved = stabbing["reports"][1]
    assert main(["move", moved, flood["id"], "--files", *reports, "--corrections", corrections]) == 0
    capsys.readouterr()
    assert json.loads(Path(corrections).read_text())[0]["kind"] == "move"
    assert main(["stories", "--files", *reversed(reports), "--corrections", corrections, "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert any(moved in s["reports"] and flood["reports"][0] in s["reports"] for s in again)

    assert main(["story", "no-such-story", "--files", *reports, "--corrections", corrections]) == 2


# -- the story commands on the desk ------------------------------------------------------------


@pytest.fixture
def desk_reports(tmp_path: Path) -> Path:
    from desk_fixture import STORY_REPORTS

    keep = ("text", "title", "outlet", "published", "url")
    path = tmp_path / "reports.jsonl"
    lines = [json.dumps({k: r[k] for k in keep if k in r}) for r in STORY_REPORTS if r["format"] == "text"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_story_commands_on_the_desk(desk_reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "desk.db")]
    assert main(["add", str(desk_reports), *db, "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    # What's new, one head line per report, and the contradiction spelled out.
    assert out.count(" new story s-") == 2 and out.count(" joined s-") == 2
    assert "contradicts Tom Reddaway · age: 51 (before: 52 [Fenwick Gazette])" in out
    assert "stories: 2 new, 2 joined" in err

    assert main(["stories", *db, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(s["reports"], s["conflicts"]) for s in found] == [(2, 1), (2, 0)]  # latest news first
    quayside, library = found
    assert main(["stories", *db, "--since", "2025-06-01"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and listed[0].startswith(quayside["id"]) and "1 conflict" in listed[0]

    for fmt, expect in (("text", "Conflicts\n---------"), ("md", "## Conflicts"), ("json", '"conflicts"')):
        assert main(["story", quayside["id"], *db, "--format", fmt]) == 0
        assert expect in capsys.readouterr().out
    assert main(["story", quayside["id"], *db, "--format", "json"]) == 0
    story = json.loads(capsys.readouterr().out)
    members = [m["article_id"] for m in story["members"]]
    # Every line of the text view names its reports by label, and every label is listed.
    assert main(["story", members[1][:8], *db]) == 0
    assert "[R1, R2]" in capsys.readouterr().out

    assert main(["move", members[1], library["id"], *db, "--by", "tester"]) == 0
    assert capsys.readouterr().out.startswith(f"move: {members[1]} -> s-")
    # Re-running add (nothing new) and rebuilding keep the correction.
    assert main(["add", str(desk_reports), *db, "--jobs", "1"]) == 0
    assert main(["stories", *db, "--rebuild", "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert sorted(s["reports"] for s in again) == [1, 3]
    assert main(["split", members[1], *db]) == 0
    capsys.readouterr()
    assert main(["stories", *db, "--format", "json"]) == 0
    assert sorted(s["reports"] for s in json.loads(capsys.readouterr().out)) == [1, 1, 2]

    assert main(["story", "s-0000000000", *db]) == 2
    assert "E505" in capsys.readouterr().err
    assert main(["move", members[1], members[1], *db]) == 2
    assert "E506" in capsys.readouterr().err
