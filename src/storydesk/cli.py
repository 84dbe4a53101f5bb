"""The storydesk command line: parse arguments, call the library, print.

Errors are one line, ``storydesk: error E101: ...``, with a non-zero exit status; never a
traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from storydesk import __version__, errors
from storydesk.analyze import analyze_article
from storydesk.ingest import make_article, read_path, read_stdin
from storydesk.ingest.read import DEFAULT_MAX_BYTES, SourceFormat, parse_date
from storydesk.model import json_schema
from storydesk.reconcile import cli as story_cli
from storydesk.render import render_markdown, render_text


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
    story_cli.add_commands(commands)
    return parser


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
        if args.command == "schema":
            sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
            return 0
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
