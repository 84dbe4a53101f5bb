"""The fictional gold stories (benchmarks/gold/stories/): reports, their case files, the gold."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile_cache import case_file
from storydesk.model import CaseFile

STORIES = Path(__file__).resolve().parent / "gold" / "stories"


@dataclass(frozen=True)
class GoldReport:
    story: str
    id: str  # r01
    case: CaseFile
    copy_of: str | None


@dataclass(frozen=True)
class GoldStory:
    name: str
    reports: tuple[GoldReport, ...]
    gold: dict[str, Any]

    def article_of(self, report_id: str) -> str:
        return next(r.case.article.id for r in self.reports if r.id == report_id)


def load(stories: Path = STORIES, only: list[str] | None = None) -> list[GoldStory]:
    found = []
    for folder in sorted(p for p in stories.iterdir() if p.is_dir()):
        if not (folder / "story.json").exists() or (only and folder.name not in only):
            continue
        reports = []
        for row in json.loads((folder / "reports.json").read_text(encoding="utf-8")):
            text = (folder / row["file"]).read_text(encoding="utf-8")
            case = case_file(
                text,
                published=dt.date.fromisoformat(row["published"]) if row.get("published") else None,
                title=row.get("headline"),
                outlet=row.get("outlet"),
                url=row.get("url"),
            )
            reports.append(GoldReport(folder.name, row["id"], case, row.get("copy_of")))
        gold = json.loads((folder / "story.json").read_text(encoding="utf-8"))
        found.append(GoldStory(folder.name, tuple(reports), gold))
    return found
