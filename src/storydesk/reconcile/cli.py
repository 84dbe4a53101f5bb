"""The story commands over files given on the command line (until the SQL desk holds stories).

``storydesk stories FILES...``, ``storydesk story ID FILES...``, ``storydesk move ARTICLE STORY
FILES...`` and ``storydesk split ARTICLE... --files FILES...``. Corrections are kept in a JSON
file (``--corrections``, default ``storydesk-corrections.json``) and re-applied on every run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storydesk.analyze import analyze_article
from storydesk.ingest import make_article, read_path
from storydesk.model import CaseFile
from storydesk.reconcile.desk import StoryDesk, UnknownItem
from storydesk.reconcile.model import Correction
from storydesk.reconcile.render import render_story

DEFAULT_CORRECTIONS = "storydesk-corrections.json"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def files(p: argparse.ArgumentParser, flag: bool = False) -> None:
        if flag:
            p.add_argument("--files", nargs="+", required=True, help="reports: .txt, .html or .jsonl files")
        else:
            p.add_argument("files", nargs="+", help="reports: .txt, .html or .jsonl files")
        p.add_argument("--corrections", default=DEFAULT_CORRECTIONS, help="JSON file of story corrections")

    stories = commands.add_parser("stories", help="group reports into stories and list them")
    stories.add_argument("--format", choices=("text", "json"), default="text")
    files(stories)
    story = commands.add_parser("story", help="one reconciled story (by story id or an article id)")
    story.add_argument("id")
    story.add_argument("--format", choices=("text", "md", "json"), default="text")
    files(story)
    move = commands.add_parser("move", help="move a report to another story (kept as a correction)")
    move.add_argument("article")
    move.add_argument("story")
    files(move)
    split = commands.add_parser("split", help="make reports a story of their own (kept as a correction)")
    split.add_argument("articles", nargs="+")
    files(split, flag=True)


def _cases(paths: list[str]) -> list[CaseFile]:
    cases = []
    for path in paths:
        for source in read_path(path):
            cases.append(analyze_article(make_article(source)))
    return cases


def _load_corrections(path: Path) -> list[Correction]:
    if not path.exists():
        return []
    return [Correction.model_validate(row) for row in json.loads(path.read_text(encoding="utf-8"))]


def run(args: argparse.Namespace) -> int:
    corrections_path = Path(args.corrections)
    desk = StoryDesk(corrections=_load_corrections(corrections_path))
    for case in _cases(args.files):
        desk.add(case)
    try:
        if args.command == "stories":
            found = desk.stories()
            if args.format == "json":
                rows = [
                    {"id": s.id, "headline": s.headline, "reports": [m.article_id for m in s.members]} for s in found
                ]
                sys.stdout.write(json.dumps(rows, indent=2) + "\n")
            else:
                for s in found:
                    span = f"{s.first_published or 'undated'}"
                    sys.stdout.write(f"{s.id}  {len(s.members):>3} reports  {span}  {s.headline or ''}\n")
            return 0
        if args.command == "story":
            sys.stdout.write(render_story(desk.story(args.id), args.format))
            return 0
        made = desk.move(args.article, args.story) if args.command == "move" else desk.split(args.articles)
    except UnknownItem as exc:
        print(f"storydesk: no story or report {exc.args[0]!r} among the files given", file=sys.stderr)
        return 2
    rows = [c.model_dump(mode="json") for c in desk.corrections]
    corrections_path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(f"{made.kind}: {', '.join(made.articles)} -> {desk.story(made.articles[0]).id}\n")
    return 0
