"""The storydesk command line: parse arguments, call the library, print.

Errors are one line, ``storydesk: error E101: ...``, with a non-zero exit status; never a
traceback for bad input.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storydesk import __version__, errors
from storydesk.analyze import analyze_article
from storydesk.api.config import DEFAULT_ANALYSIS_SLOTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S
from storydesk.ingest import make_article, read_path, read_stdin
from storydesk.ingest.read import DEFAULT_MAX_BYTES, SourceFormat, parse_date
from storydesk.model import json_schema
from storydesk.reconcile import cli as story_cli
from storydesk.reconcile.model import WhatsNew
from storydesk.render import render_markdown, render_text

if TYPE_CHECKING:  # the desk (SQLAlchemy) is imported only by the commands that use it
    from storydesk.reconcile.desk import Placed
    from storydesk.store.appearances import Appearance


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number 0 or more, got {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storydesk",
        description="News reports in, source-linked case files out.",
    )
    parser.add_argument("--version", action="version", version=f"storydesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyse one report (or a JSON Lines file of reports)")
    analyze.add_argument("source", help="a .txt, .html or .jsonl file, or - for standard input")
    analyze.add_argument("--published", help="publication date, YYYY-MM-DD (overrides the page's own)")
    analyze.add_argument(
        "--format", choices=("text", "md", "json"), default="text", help="output format (default: text)"
    )
    analyze.add_argument(
        "--input-format",
        choices=("text", "html", "jsonl"),
        help="how to read the input (default: from the file name and content)",
    )
    analyze.add_argument("--title", help="headline of the report")
    analyze.add_argument("--outlet", help="outlet that published it")
    analyze.add_argument("--url", help="address of the report")
    analyze.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest report accepted, in bytes (default: 5000000)",
    )
    analyze.add_argument(
        "--events", metavar="FILE", help="a JSON event catalogue adding to the built-in one (or set STORYDESK_EVENTS)"
    )
    analyze.add_argument(
        "--summary-sentences",
        type=_non_negative,
        default=3,
        metavar="N",
        help="sentences in the extractive summary (default: 3; 0 for none)",
    )
    analyze.add_argument("--force-language", action="store_true", help="analyse even if the text does not look English")

    commands.add_parser("schema", help="print the JSON Schema of a case file")

    serve = commands.add_parser(
        "serve",
        help="serve the JSON API and the web pages",
        description="Serve the JSON API (/api, described at /docs) and the web pages. Binds to 127.0.0.1 by "
        "default; on any other address it needs STORYDESK_TOKEN set, and every write must carry that token.",
    )
    serve.add_argument(
        "--db", help="database: a file path or postgresql:// URL (default: $STORYDESK_DB or ./storydesk.db)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--max-body-bytes", type=int, default=DEFAULT_MAX_BODY_BYTES, help="largest request body (default: 2000000)"
    )
    serve.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds one request may take (default: 60)"
    )
    serve.add_argument(
        "--analysis-slots", type=int, default=DEFAULT_ANALYSIS_SLOTS, help="analyses run at once (default: 2)"
    )
    serve.add_argument(
        "--allow-private", action="store_true", help="fetch URLs on loopback and private networks too (unsafe)"
    )
    _desk_commands(commands)
    story_cli.add_commands(commands)
    return parser


def _serve(args: argparse.Namespace) -> int:
    # Imported here: the web stack is only needed by this command.
    from storydesk.api.config import ServeConfig, token_from_env
    from storydesk.api.serve import serve

    config = ServeConfig(
        desk_url=args.db,
        host=args.host,
        port=args.port,
        token=token_from_env(),
        max_body_bytes=args.max_body_bytes,
        timeout_s=args.timeout,
        analysis_slots=args.analysis_slots,
        allow_private=args.allow_private,
    )
    serve(config)
    return 0


def _analyze(args: argparse.Namespace) -> int:
    fmt: SourceFormat | None = args.input_format
    if args.source == "-":
        sources = read_stdin(fmt=fmt, max_bytes=args.max_bytes)
    else:
        sources = read_path(args.source, fmt=fmt, max_bytes=args.max_bytes)
    published = parse_date(args.published)
    several = len(sources) > 1
    for index, source in enumerate(sources):
        article = make_article(
            source,
            published=published,
            title=args.title,
            outlet=args.outlet,
            url=args.url,
            check_language=not args.force_language,
            max_bytes=args.max_bytes,
        )
        case = analyze_article(article, events_file=args.events, summary_sentences=args.summary_sentences)
        if args.format == "json":
            if several:
                sys.stdout.write(case.model_dump_json() + "\n")
            else:
                sys.stdout.write(case.model_dump_json(indent=2) + "\n")
        else:
            if index:
                sys.stdout.write("\n" + "-" * 78 + "\n\n")
            sys.stdout.write(render_markdown(case) if args.format == "md" else render_text(case))
    return 0


# --- the desk: add, articles, show, search, people, export (storydesk.store) -----------------

DESK_COMMANDS = frozenset({"add", "articles", "show", "search", "people", "export"})


def _desk_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def desk_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument(
            "--db", help="database: a file path or postgresql:// URL (default: $STORYDESK_DB or ./storydesk.db)"
        )
        return sub

    add = desk_parser("add", "add reports to the desk: files, folders, URLs, feeds, JSON Lines")
    add.add_argument(
        "inputs",
        nargs="+",
        help="paths, folders, http(s) URLs of pages or feeds; JSON Lines of reports, or of case files "
        "(from 'analyze --format json' or 'export --format jsonl': stored without analysing again)",
    )
    add.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    add.add_argument("--batch-size", type=int, default=50, help="reports per transaction (default: 50)")
    add.add_argument("--published", help="publication date for every report, YYYY-MM-DD")
    add.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest report or download, in bytes")
    add.add_argument("--timeout", type=float, default=20.0, help="seconds to wait on a web server (default: 20)")
    add.add_argument(
        "--allow-private", action="store_true", help="fetch from loopback and private addresses too (unsafe on servers)"
    )
    add.add_argument("--force-language", action="store_true", help="store reports even if they do not look English")
    add.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")

    articles = desk_parser("articles", "list the reports on the desk, newest first")
    articles.add_argument("--since", help="published on or after YYYY-MM-DD")
    articles.add_argument("--outlet", help="outlet name or site (bbc.co.uk)")
    articles.add_argument("--limit", type=int, default=100, help="at most this many (default: 100)")
    articles.add_argument("--all-versions", action="store_true", help="list superseded versions too")
    articles.add_argument("--format", choices=("text", "json"), default="text")

    show = desk_parser("show", "print a stored case file")
    show.add_argument("article_id", help="article id, or a unique prefix of it")
    show.add_argument("--format", choices=("text", "md", "json"), default="text")

    search = desk_parser("search", 'full-text search: words, "phrases", or')
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--format", choices=("text", "json"), default="text")

    people = desk_parser("people", "find people by any form of their name")
    people.add_argument("name")
    people.add_argument("--limit", type=int, default=50)
    people.add_argument("--format", choices=("text", "json"), default="text")

    export = desk_parser("export", "export case files (jsonl) or facts (csv)")
    export.add_argument("--format", choices=("jsonl", "csv"), required=True)
    export.add_argument("--out", help="file to write (default: standard output)")
    export.add_argument("--all-versions", action="store_true", help="include superseded versions")


def _appeared_at(found: Sequence[Appearance], *, markdown: bool) -> str:
    """Where a stored report's exact text appeared, when that is more than one place."""
    if len(found) < 2:
        return ""
    lines = ["", "## Appeared at" if markdown else "Appeared at:"]
    for place in found:
        published = place.published.isoformat() if place.published else "undated"
        where = place.outlet or "outlet unknown"
        lines.append(f"- {where}, {published}: {place.url or 'no URL'}" + (f" ({place.title})" if place.title else ""))
    return "\n".join(lines) + "\n"


def _json(rows: Sequence[object]) -> str:
    return json.dumps(
        [dataclasses.asdict(r) for r in rows if dataclasses.is_dataclass(r) and not isinstance(r, type)],
        default=str,
        indent=2,
    )


def _desk(args: argparse.Namespace) -> int:
    from storydesk.progress import AddBar
    from storydesk.store import Desk

    with Desk.open(args.db) as desk:
        if args.command == "add":
            joined: list[bool] = []

            def outlet_of(article_id: str) -> str:
                row = desk.article(article_id)
                return row.outlet or row.id[:8]

            def on_story(_stored: object, made: WhatsNew | Placed | None) -> None:
                if made is None:
                    return
                joined.append(not made.new_story)
                if isinstance(made, WhatsNew):
                    for line in story_cli.whats_new_lines(made, outlet_of):
                        bar.print(line)

            with AddBar(quiet=args.quiet) as bar:
                report = desk.add(
                    args.inputs,
                    jobs=max(1, args.jobs),
                    batch_size=max(1, args.batch_size),
                    published=args.published,
                    check_language=not args.force_language,
                    max_bytes=args.max_bytes,
                    allow_private=args.allow_private,
                    timeout=args.timeout,
                    progress=bar.update,
                    on_story=on_story,
                    # --quiet prints no what's-new lines, so none are worked out: each report is
                    # placed in its story and the stories are summarised once, at the end.
                    whats_new=not args.quiet,
                    on_summary=bar.summaries,
                )
            for failure in report.failed:
                print(f"storydesk: failed {failure.source}: {failure.code}: {failure.message}", file=sys.stderr)
            if not args.quiet:
                rate = len(report.stored) / report.seconds if report.seconds else 0.0
                print(
                    f"added {report.added}, new versions {report.new_versions}, unchanged {report.unchanged}, "
                    f"failed {len(report.failed)} in {report.seconds:.1f} s ({rate:.1f} reports/s); "
                    f"stories: {joined.count(False)} new, {joined.count(True)} joined",
                    file=sys.stderr,
                )
            return 0 if report.ok else 1
        if args.command == "articles":
            rows = desk.articles(
                since=parse_date(args.since, "--since"),
                outlet=args.outlet,
                limit=args.limit,
                all_versions=args.all_versions,
            )
            if args.format == "json":
                sys.stdout.write(_json(rows) + "\n")
            for row in rows if args.format == "text" else []:
                version = (
                    f" [v{row.version}{', superseded' if row.superseded else ''}]"
                    if row.version > 1 or row.superseded
                    else ""
                )
                published = row.published.isoformat() if row.published else "----------"
                outlets = ", ".join(row.outlets) or row.outlet or "-"
                sys.stdout.write(f"{row.id}  {published}  {outlets}  {row.title or row.url or ''}{version}\n")
            return 0
        if args.command == "show":
            case = desk.case_file(args.article_id)
            if args.format == "json":
                sys.stdout.write(case.model_dump_json(indent=2) + "\n")
            else:
                sys.stdout.write(render_markdown(case) if args.format == "md" else render_text(case))
                sys.stdout.write(_appeared_at(desk.appearances(case.article.id), markdown=args.format == "md"))
            return 0
        if args.command == "search":
            hits = desk.search(args.query, limit=args.limit)
            if args.format == "json":
                sys.stdout.write(_json(hits) + "\n")
            for hit in hits if args.format == "text" else []:
                published = hit.published.isoformat() if hit.published else "----------"
                sys.stdout.write(f"{hit.article_id}  {published}  {hit.outlet or '-'}  {hit.title or hit.url or ''}\n")
                sys.stdout.write(f"    {' '.join(hit.snippet.split())}\n")
            return 0
        if args.command == "people":
            found = desk.people(args.name, limit=args.limit)
            if args.format == "json":
                sys.stdout.write(_json(found) + "\n")
            for person in found if args.format == "text" else []:
                others = [v for v in person.variants if v != person.name]
                facts = "; ".join(f"{k} {', '.join(v)}" for k, v in person.facts.items())
                published = person.published.isoformat() if person.published else "----------"
                sys.stdout.write(
                    f"{person.name}"
                    + (f" (also {', '.join(others)})" if others else "")
                    + (f": {facts}" if facts else "")
                    + f"\n    {person.article_id}  {published}  {person.outlet or '-'}  {person.title or ''}\n"
                )
            return 0
        if args.command == "export":
            if args.out:
                with open(args.out, "w", encoding="utf-8", newline="") as out:
                    count = desk.export(args.format, out, all_versions=args.all_versions)
                print(
                    f"exported {count} {'case files' if args.format == 'jsonl' else 'facts'} to {args.out}",
                    file=sys.stderr,
                )
            else:
                desk.export(args.format, sys.stdout, all_versions=args.all_versions)
            return 0
    return 2


# --- end of the desk block ----------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command in ("stories", "story", "move", "split"):
            return story_cli.run(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "schema":
            sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
            return 0
        if args.command in DESK_COMMANDS:
            return _desk(args)
    except errors.StorydeskError as exc:
        print(f"storydesk: error {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("storydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
