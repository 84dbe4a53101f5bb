"""Reading sources: a path (text, HTML or JSON Lines), stdin, or bytes, into Source records."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from storydesk import errors
from storydesk.ingest.decode import decode
from storydesk.ingest.html import extract_html, looks_like_html

DEFAULT_MAX_BYTES = 5_000_000

SourceFormat = Literal["text", "html", "jsonl"]


@dataclass(frozen=True)
class Source:
    """One report as received: decoded text and the metadata that came with it."""

    text: str
    name: str
    format: SourceFormat = "text"
    encoding: str = "utf-8"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


def parse_date(value: object, where: str = "publication date") -> dt.date | None:
    """Accept a date, an ISO date or datetime string, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise errors.bad_date(str(value))


def source_from_text(
    text: str,
    *,
    name: str = "<text>",
    fmt: SourceFormat | None = None,
    encoding: str = "utf-8",
    url: str | None = None,
) -> Source:
    """A Source from decoded text; HTML is recognised and its article extracted."""
    if fmt == "html" or (fmt is None and looks_like_html(text)):
        page = extract_html(text, url=url)
        if page is None:
            raise errors.no_article_body(name)
        return Source(
            text=page.body,
            name=name,
            format="html",
            encoding=encoding,
            title=page.title,
            url=page.url,
            outlet=page.outlet,
            published=page.published,
        )
    return Source(text=text, name=name, format="text", encoding=encoding, url=url)


def _jsonl_records(text: str, name: str) -> Iterator[Source]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise errors.bad_record(name, number, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise errors.bad_record(name, number, "expected a JSON object")
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            raise errors.bad_record(name, number, "the record has no 'text'")
        try:
            published = parse_date(record.get("published"))
        except errors.BadDateError as exc:
            raise errors.bad_record(name, number, exc.message) from exc
        yield Source(
            text=body,
            name=f"{name}:{number}",
            format="jsonl",
            title=_optional_str(record.get("title")),
            url=_optional_str(record.get("url")),
            outlet=_optional_str(record.get("outlet")),
            published=published,
        )


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def read_bytes(
    data: bytes,
    name: str,
    *,
    fmt: SourceFormat | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url: str | None = None,
) -> list[Source]:
    """Decode bytes and return the reports in them (one, or many for JSON Lines). ``url`` is
    where the bytes came from, if fetched."""
    if len(data) > max_bytes and fmt != "jsonl" and not name.endswith(".jsonl"):
        raise errors.too_large(name, len(data), max_bytes)
    text, encoding = decode(data, name)
    if fmt == "jsonl" or (fmt is None and name.endswith((".jsonl", ".ndjson"))):
        return list(_jsonl_records(text, name))
    if not text.strip():
        raise errors.empty_input(name)
    if fmt is None and name.lower().endswith((".html", ".htm")):
        fmt = "html"
    return [source_from_text(text, name=name, fmt=fmt, encoding=encoding, url=url)]


def read_path(path: str | Path, *, fmt: SourceFormat | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    """Read a file. JSON Lines files may be large: each record is checked on its own."""
    file = Path(path)
    try:
        if file.is_dir():
            raise errors.unreadable(str(file), "it is a directory")
        size = file.stat().st_size
        is_jsonl = fmt == "jsonl" or file.suffix in (".jsonl", ".ndjson")
        if size > max_bytes and not is_jsonl:
            raise errors.too_large(str(file), size, max_bytes)
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise errors.unreadable(str(file), "no such file") from exc
    except PermissionError as exc:
        raise errors.unreadable(str(file), "permission denied") from exc
    except IsADirectoryError as exc:
        raise errors.unreadable(str(file), "it is a directory") from exc
    except OSError as exc:
        raise errors.unreadable(str(file), exc.strerror or str(exc)) from exc
    return read_bytes(data, str(file), fmt=fmt, max_bytes=max(max_bytes, len(data)) if is_jsonl else max_bytes)


def read_stdin(*, fmt: SourceFormat | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise errors.too_large("standard input", len(data), max_bytes)
    return read_bytes(data, "<stdin>", fmt=fmt, max_bytes=max_bytes)
