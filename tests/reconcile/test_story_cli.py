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
