"""A batch killed with SIGKILL part way loses no committed report and leaves no partial one;
the same command run again stores the rest, without duplicates. Story memberships stay
consistent with the articles: a killed run leaves reports in one story or in none (none
only for reports committed but not yet assigned), and the re-run puts every report in one."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from corpus import generate
from storydesk.store import Desk
from storydesk.store import tables as t

REPORTS = 6


def _count(db_url: str) -> int:
    with Desk.open(db_url) as desk:
        return desk.count(all_versions=True)


def _check_whole(db_url: str) -> list[str]:
    """Every stored article has its case file, and all of its people, names and facts."""
    with Desk.open(db_url) as desk, desk.engine.connect() as connection:
        ids = list(connection.scalars(select(t.articles.c.id)))
        assert len(ids) == len(set(ids))
        for article_id in ids:
            case = desk.case_file(article_id)
            facts = connection.scalar(select(func.count()).where(t.facts.c.article_id == article_id))
            people = connection.scalar(select(func.count()).where(t.people.c.article_id == article_id))
            assert (facts, people) == (len(case.facts), len(case.people)), article_id
        assert connection.scalar(select(func.count()).select_from(t.case_files)) == len(ids)
        # Keys and features are written with their article: all or none of them.
        assert connection.scalar(select(func.count()).select_from(t.story_features)) == len(ids)
        keyed = set(connection.scalars(select(t.story_keys.c.article_id).distinct()))
        assert keyed == set(ids)
        # Memberships are of stored articles only, one each; every story summary matches them
        # (a story placed by a killed --quiet run may have no summary yet: the next run writes it).
        members = dict(connection.execute(select(t.story_members.c.article_id, t.story_members.c.story_id)).all())
        assert set(members) <= set(ids)
        sizes = dict(
            connection.execute(
                select(t.story_members.c.story_id, func.count()).group_by(t.story_members.c.story_id)
            ).all()
        )
        summaries = dict(connection.execute(select(t.stories.c.id, t.stories.c.reports)).all())
        assert summaries == {k: v for k, v in sizes.items() if k in summaries}
        return ids


def _assigned(db_url: str) -> int:
    with Desk.open(db_url) as desk, desk.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(t.story_members)) or 0)


def test_kill_9_part_way_then_rerun(db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r.to_record()) + "\n" for r in generate(REPORTS, seed=11)), encoding="utf-8")
    Desk.open(db_url).close()  # migrate first, so polling below never races the schema
    command = [sys.executable, "-m", "storydesk.cli", "add", str(corpus), "--db", db_url]
    command += ["--jobs", "2", "--batch-size", "1"]
    # --quiet: reports are placed in stories and the stories summarised at the end, so the
    # kill can also leave stories with members and no summary
    batch = subprocess.Popen([*command, "--quiet"], start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    try:
        while _count(db_url) == 0:
            assert batch.poll() is None, batch.stderr.read() if batch.stderr else ""
            assert time.monotonic() < deadline, "no report was committed in time"
            time.sleep(0.05)
    finally:
        os.killpg(batch.pid, signal.SIGKILL)  # the batch and its worker processes
        batch.wait()
    assert batch.returncode == -signal.SIGKILL
    stored = _check_whole(db_url)
    assert 1 <= len(stored) < REPORTS

    rerun = subprocess.run(command, capture_output=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    after = _check_whole(db_url)
    assert len(after) == REPORTS and set(stored) <= set(after)
    assert _assigned(db_url) == REPORTS  # every report in a story after the re-run
    with Desk.open(db_url) as desk:
        assert sum(row.reports for row in desk.stories()) == REPORTS  # and every story summarised
    assert "stories:" in rerun.stderr.decode()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_exit_when_their_batch_is_killed(db_url: str, tmp_path: Path) -> None:
    """Only the parent ``add`` is killed: its analysis workers must not run on as orphans."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r.to_record()) + "\n" for r in generate(REPORTS, seed=12)), encoding="utf-8")
    Desk.open(db_url).close()
    command = [sys.executable, "-m", "storydesk.cli", "add", str(corpus), "--db", db_url, "--jobs", "2"]
    batch = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        workers: list[int] = []
        while len(workers) < 2:
            assert batch.poll() is None and time.monotonic() < deadline, "the batch started no workers"
            time.sleep(0.2)
            workers = _children(batch.pid)
        batch.kill()
        batch.wait()
        deadline = time.monotonic() + 20
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "analysis workers outlived their batch"
    finally:
        if batch.poll() is None:
            batch.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(batch.pid, signal.SIGKILL)
