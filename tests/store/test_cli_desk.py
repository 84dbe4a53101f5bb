"""The desk commands as a user runs them: real subprocesses, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_reports import COUNCIL, write_jsonl
from desk_server import serve


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from serve()


def run(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storydesk.cli", args[0], "--db", db_url, *args[1:]],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_add_urls_feeds_and_files_then_query(db_url: str, server: str, tmp_path: Path) -> None:
    local = write_jsonl(tmp_path / "council.jsonl", [{**COUNCIL, "url": "https://ashbury-gazette.example/v2"}])
    refused = run(db_url, "add", f"{server}/feed.xml", str(local), "--jobs", "1")
    assert refused.returncode == 1
    assert "E402" in refused.stderr and "loopback" in refused.stderr
    assert "added 1," in refused.stderr  # the local file went in all the same

    added = run(db_url, "add", f"{server}/feed.xml", f"{server}/moved", "--allow-private", "--jobs", "1")
    assert added.returncode == 0, added.stderr
    # Feed: stalking (fetched), fire (fetched, relative link), council (inline text); /moved = fire again.
    assert "added 3, new versions 0, unchanged 1, failed 0" in added.stderr

    listing = run(db_url, "articles", "--since", "2022-01-24")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert len(lines) == 1 and "stalking order" in lines[0] and "2022-01-25" in lines[0]
    article_id = lines[0].split()[0]

    rows = json.loads(run(db_url, "articles", "--outlet", "127.0.0.1", "--format", "json").stdout)
    assert len(rows) == 3 and all(r["url"].startswith(server) for r in rows)

    found = run(db_url, "search", "stalking order")
    assert found.returncode == 0 and found.stdout.startswith(article_id)

    people = run(db_url, "people", "mccaskie")
    assert people.stdout.startswith("Leon McCaskie") and article_id in people.stdout

    shown = json.loads(run(db_url, "show", article_id[:8], "--format", "json").stdout)
    assert shown["article"]["id"] == article_id and shown["article"]["url"] == f"{server}/stalking.html"
    assert run(db_url, "show", article_id, "--format", "md").stdout.startswith("# ")

    missing = run(db_url, "show", "0000000000000000")
    assert missing.returncode == 2 and "E503" in missing.stderr

    exported = run(db_url, "export", "--format", "jsonl")
    assert len(exported.stdout.splitlines()) == 4
    out = tmp_path / "facts.csv"
    assert run(db_url, "export", "--format", "csv", "--out", str(out)).returncode == 0
    facts = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {f["article_id"] for f in facts} >= {article_id}


def test_bad_database_url_is_one_line() -> None:
    done = run("mysql://nobody@127.0.0.1/desk", "articles")
    assert done.returncode == 2 and done.stderr.startswith("storydesk: error E501") and "Traceback" not in done.stderr
