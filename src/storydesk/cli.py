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
from storydesk.api.config import DEFAULT_ANALYSIS_SLOTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S
from storydesk.ingest import make_article, read_path, read_stdin
from storydesk.ingest.read import DEFAULT_MAX_BYTES, SourceFormat, parse_date
from storydesk.model import json_schema
from storydesk.render import render_markdown, render_text


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
    analyze.add_argument("--force-language", action="store_true", help="analyse even if the text does not look English")

    commands.add_parser("schema", help="print the JSON Schema of a case file")

    serve = commands.add_parser(
        "serve",
        help="serve the JSON API and the web pages",
        description="Serve the JSON API (/api, described at /docs) and the web pages. Binds to 127.0.0.1 by "
        "default; on any other address it needs STORYDESK_TOKEN set, and every write must carry that token.",
    )
    serve.add_argument("--desk", help="desk URL or SQLite file the server reads and writes")
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
    return parser


def _serve(args: argparse.Namespace) -> int:
    # Imported here: the web stack is only needed by this command.
    from storydesk.api.config import ServeConfig, token_from_env
    from storydesk.api.serve import serve

    config = ServeConfig(
        desk_url=args.desk,
        host=args.host,
        port=args.port,
        token=token_from_env(),
        max_body_bytes=args.max_body_bytes,
        timeout_s=args.timeout,
        analysis_slots=args.analysis_slots,
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
        case = analyze_article(article)
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
        if args.command == "serve":
            return _serve(args)
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
