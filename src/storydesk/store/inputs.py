"""What ``storydesk add`` is given, turned into Sources: files, folders, URLs and feeds.

- a path: a text, HTML or JSON Lines file (as ``storydesk analyze`` reads it), a JSON Lines
  file of case files (as ``storydesk analyze --format json`` writes them: stored without
  analysing again, so a corpus can be analysed on many machines and gathered on one desk), a feed file
  (``.xml``, ``.rss``, ``.atom``, or content that starts like a feed), or a folder (its
  ``.txt``, ``.html``, ``.htm``, ``.jsonl`` and feed files, recursively, in name order);
- an ``http(s)`` URL: fetched safely (:mod:`storydesk.ingest.fetch`); a feed's items are
  taken from the feed when it carries their full text, else each item's link is fetched;
- a :class:`Source` already read (from the HTTP API, say).

Each problem becomes a :class:`Failure` in the stream and the rest goes on.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from storydesk import errors
from storydesk.ingest.article import article_id
from storydesk.ingest.feed import Feed, looks_like_feed, parse_feed
from storydesk.ingest.fetch import FetchPolicy, fetch
from storydesk.ingest.read import Source, SourceFormat, read_bytes, read_path
from storydesk.model import SCHEMA_VERSION, CaseFile
from storydesk.store.pipeline import AnalysedSource, Failure

FEED_SUFFIXES = (".xml", ".rss", ".atom")
FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", *FEED_SUFFIXES)
_FORMAT_OF_TYPE: dict[str, SourceFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "jsonl",
}


def _fail(name: str, exc: errors.StorydeskError) -> Failure:
    return Failure(name, exc.code, exc.message)


def _feed_sources(feed: Feed, name: str, policy: FetchPolicy, max_bytes: int) -> Iterator[Source | Failure]:
    for number, item in enumerate(feed.items, start=1):
        label = item.link or f"{name} item {number}"
        if item.content:
            yield Source(
                text=item.content,
                name=label,
                format="html",
                title=item.title,
                url=item.link,
                outlet=feed.title,
                published=item.published,
            )
        elif item.link:
            for source in _url_sources(item.link, policy, max_bytes, in_feed=True):
                if isinstance(source, Source):
                    source = dataclasses.replace(
                        source,
                        title=source.title or item.title,
                        published=source.published or item.published,
                        outlet=source.outlet or feed.title,
                    )
                yield source
        else:
            yield _fail(label, errors.bad_feed(name, f"item {number} has neither a link nor its text"))


def _url_sources(url: str, policy: FetchPolicy, max_bytes: int, *, in_feed: bool = False) -> Iterator[Source | Failure]:
    try:
        page = fetch(url, policy)
        if not in_feed and (page.is_feed_type or looks_like_feed(page.body)):
            yield from _feed_sources(parse_feed(page.body, url, base_url=page.url), url, policy, max_bytes)
            return
        fmt = _FORMAT_OF_TYPE.get(page.content_type)
        for source in read_bytes(page.body, page.url, fmt=fmt, max_bytes=max_bytes, url=page.url):
            yield dataclasses.replace(source, url=source.url or page.url)
    except errors.StorydeskError as exc:
        yield _fail(url, exc)


def _path_sources(path: Path, policy: FetchPolicy, max_bytes: int) -> Iterator[Source | AnalysedSource | Failure]:
    try:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES):
                yield from _path_sources(child, policy, max_bytes)
            return
        if path.suffix.lower() in FEED_SUFFIXES or (path.is_file() and looks_like_feed(_head(path))):
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise errors.unreadable(str(path), exc.strerror or str(exc)) from exc
            yield from _feed_sources(parse_feed(data, str(path)), str(path), policy, max_bytes)
            return
        if path.suffix.lower() in (".jsonl", ".ndjson") and _holds_case_files(_head(path)):
            yield from _case_files(path)
            return
        yield from read_path(path, max_bytes=max_bytes)
    except errors.StorydeskError as exc:
        yield _fail(str(path), exc)


def _holds_case_files(head: bytes) -> bool:
    """Whether a JSON Lines file starts with a case file (an object with an ``article``)."""
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"schema_version"' in first and b'"article"' in first


def _case_files(path: Path) -> Iterator[AnalysedSource | Failure]:
    """Each line a case file; a line that is not one, was made by another schema version, or
    whose text no longer matches its article id, is a Failure and the rest goes on."""
    try:
        lines = path.open("rb")
    except OSError as exc:
        raise errors.unreadable(str(path), exc.strerror or str(exc)) from exc
    with lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            name = f"{path}:{number}"
            try:
                yield AnalysedSource(_case_file(line, str(path), number), name)
            except errors.StorydeskError as exc:
                yield _fail(name, exc)


def _case_file(line: bytes, name: str, number: int) -> CaseFile:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise errors.bad_record(name, number, f"not valid JSON ({exc})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
        raise errors.bad_record(name, number, "expected a case file (an object with an 'article')")
    version = record.get("schema_version")
    if version != SCHEMA_VERSION:
        reason = f"case file of schema {version!r}, this storydesk writes {SCHEMA_VERSION!r}: analyse its text again"
        raise errors.bad_record(name, number, reason)
    try:
        case = CaseFile.model_validate(record)
    except ValueError as exc:
        reason = str(exc).splitlines()[0]
        raise errors.bad_record(name, number, f"not a valid case file ({reason})") from exc
    if case.article.id != article_id(case.article.text):
        raise errors.bad_record(name, number, "its article text does not match its article id (edited after analysis?)")
    return case


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(2048)
    except OSError:
        return b""


def expand(
    inputs: Iterable[str | Source | AnalysedSource], policy: FetchPolicy, *, max_bytes: int
) -> Iterator[Source | AnalysedSource | Failure]:
    """Every report in ``inputs``, in order, or a Failure where one could not be had."""
    for given in inputs:
        if isinstance(given, Source | AnalysedSource):
            yield given
        elif "://" in given:
            scheme = urlsplit(given).scheme
            if scheme in ("http", "https"):
                yield from _url_sources(given, policy, max_bytes)
            else:
                yield _fail(given, errors.bad_url(given, "only http and https URLs are fetched"))
        else:
            yield from _path_sources(Path(given), policy, max_bytes)
