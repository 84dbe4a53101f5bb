"""The story commands: ``storydesk stories``, ``story ID``, ``move ARTICLE STORY``, ``split ARTICLE...``.

On the desk (``--db``, else ``STORYDESK_DB``, else ``./storydesk.db``): stories are those
``storydesk add`` assigned; ``move`` and ``split`` are kept in the desk as corrections (who,
when) and re-applied by every later assignment and by ``stories --rebuild``.

With ``--files FILES...`` they work in memory over those files instead (nothing stored),
with corrections in a JSON file (``--corrections``, default ``storydesk-corrections.json``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from storydesk.analyze import analyze_article
from storydesk.ingest import make_article, read_path
from storydesk.ingest.read import parse_date
from storydesk.model import CaseFile
from storydesk.reconcile.desk import StoryDesk, UnknownItem
from storydesk.reconcile.model import Correction, WhatsNew, WhatsNewItem
from storydesk.reconcile.render import render_story

DEFAULT_CORRECTIONS = "storydesk-corrections.json"
_DB_HELP = "database: a file path or postgresql:// URL (default: $STORYDESK_DB or ./storydesk.db)"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help=_DB_HELP)
        p.add_argument(
            "--files", nargs="+", metavar="FILE", help="work in memory over these reports instead of the desk"
        )
        p.add_argument(
            "--corrections", default=DEFAULT_CORRECTIONS, help="with --files: JSON file of story corrections"
        )

    def who(p: argparse.ArgumentParser) -> None:
        p.add_argument("--by", help="who makes the correction (default: $STORYDESK_USER, else the login name)")

    stories = commands.add_parser("stories", help="list the stories on the desk, latest news first")
    stories.add_argument("--since", help="with a report published on or after YYYY-MM-DD")
    stories.add_argument("--limit", type=int, help="at most this many")
    stories.add_argument("--format", choices=("text", "json"), default="text")
    stories.add_argument(
        "--rebuild", action="store_true", help="cluster every report again at once (corrections are kept)"
    )
    common(stories)
    story = commands.add_parser("story", help="one reconciled story (by story id, or the id of one of its reports)")
    story.add_argument("id")
    story.add_argument("--format", choices=("text", "md", "json"), default="text")
    common(story)
    move = commands.add_parser("move", help="move a report to another story (kept as a correction)")
    move.add_argument("article", help="the report's id (or a unique prefix)")
    move.add_argument("story", help="a story id, or the id of a report in that story")
    common(move)
    who(move)
    split = commands.add_parser("split", help="make reports a story of their own (kept as a correction)")
    split.add_argument("articles", nargs="+", help="ids (or unique prefixes) of the reports to split off")
    common(split)
    who(split)


def run(args: argparse.Namespace) -> int:
    if args.files:
        return _run_files(args)
    return _run_desk(args)


# -- on the desk ----------------------------------------------------------------------------------


def _who(args: argparse.Namespace) -> str:
    if getattr(args, "by", None):
        return str(args.by)
    try:
        return os.environ.get("STORYDESK_USER") or getpass.getuser()
    except OSError:
        return "unknown"


def _run_desk(args: argparse.Namespace) -> int:
    from storydesk.store import Desk

    with Desk.open(args.db) as desk:
        desk.assign_pending()
        if args.command == "stories":
            if args.rebuild:
                rebuilt = desk.rebuild_stories()
                print(f"rebuilt {rebuilt} stories", file=sys.stderr)
            rows = desk.stories(since=parse_date(args.since, "--since"), limit=args.limit)
            if args.format == "json":
                out = [
                    {
                        "id": r.id,
                        "headline": r.headline,
                        "first_published": r.first_published.isoformat() if r.first_published else None,
                        "last_published": r.last_published.isoformat() if r.last_published else None,
                        "reports": r.reports,
                        "outlets": r.outlets,
                        "conflicts": r.conflicts,
                        "updates": r.updates,
                    }
                    for r in rows
                ]
                sys.stdout.write(json.dumps(out, indent=2) + "\n")
            for r in rows if args.format == "text" else []:
                span = str(r.first_published or "undated")
                if r.last_published and r.last_published != r.first_published:
                    span += f"..{r.last_published}"
                notes = "".join(
                    f", {n} {word}{'s' if n != 1 else ''}"
                    for n, word in ((r.conflicts, "conflict"), (r.updates, "update"))
                    if n
                )
                reports = f"{r.reports:>3} report{'s' if r.reports != 1 else ''}"
                sys.stdout.write(f"{r.id}  {reports}{notes}  {span}  {r.headline or ''}\n")
            return 0
        if args.command == "story":
            sys.stdout.write(render_story(desk.story(args.id), args.format))
            return 0
        if args.command == "move":
            made = desk.move(args.article, args.story, made_by=_who(args))
        else:
            made = desk.split(args.articles, made_by=_who(args))
        for article_id, story_id in sorted(made.stories.items()):
            sys.stdout.write(f"{made.correction.kind}: {article_id} -> {story_id}\n")
        return 0


def _value(item: WhatsNewItem) -> str:
    return f"{item.subject_name} · {item.attribute}: {item.value}"


def whats_new_lines(made: WhatsNew, outlet_of: Callable[[str], str] | None = None) -> list[str]:
    """What a report brought to its story, for ``storydesk add``: a head line with counts, then
    one line per update or contradiction naming what the story said before and who said it."""
    counts = {change: 0 for change in ("adds", "confirms", "updates", "contradicts")}
    for item in made.items:
        counts[item.change] += 1
    tally = " · ".join(f"{change} {n}" for change, n in counts.items() if n) or "nothing new"
    how = "new story" if made.new_story else "joined"
    lines = [f"{made.article_id[:12]} {how} {made.story_id}: {tally}"]
    for item in made.items:
        if item.change not in ("updates", "contradicts"):
            continue
        before = " · ".join(
            f"{v.value} [{', '.join(outlet_of(a) if outlet_of else a[:8] for a in v.articles)}]" for v in item.previous
        )
        lines.append(f"    {item.change} {_value(item)} (before: {before})")
    return lines


# -- over files given on the command line ----------------------------------------------------------


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


def _run_files(args: argparse.Namespace) -> int:
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
