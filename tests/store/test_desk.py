"""The desk on both backends: idempotent adds, versions, listing, search, people, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desk_reports import COUNCIL, FIRE, STALKING, STALKING_UPDATED, write_jsonl
from storydesk import errors
from storydesk.model import CaseFile
from storydesk.store import Desk
from storydesk.store import tables as t
from storydesk.store.rows import case_rows
from storydesk.store.write import write_batch


def _store_all(desk: Desk, cases: dict[str, CaseFile]) -> None:
    for case in cases.values():
        desk.store(case)


def test_add_stores_each_report_once(desk: Desk, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "reports.jsonl")
    seen: list[tuple[str, str]] = []
    first = desk.add([str(corpus)], on_stored=lambda stored, case: seen.append((stored.article_id, case.article.id)))
    assert (first.added, first.unchanged, first.failed) == (3, 0, [])
    assert sorted(a for a, _ in seen) == sorted(c for _, c in seen) == sorted(s.article_id for s in first.stored)
    again = desk.add([str(corpus), str(corpus)])
    assert (again.added, again.unchanged, again.failed) == (0, 6, [])
    assert desk.count(all_versions=True) == 3
    with desk.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(t.case_files)) == 3


def test_changed_text_at_the_same_url_is_a_linked_new_version(desk: Desk, tmp_path: Path) -> None:
    desk.add([str(write_jsonl(tmp_path / "v1.jsonl", [STALKING, FIRE]))])
    report = desk.add([str(write_jsonl(tmp_path / "v2.jsonl", [STALKING_UPDATED]))])
    assert (report.added, report.new_versions) == (0, 1)
    new = report.stored[0]
    assert new.version == 2 and new.previous_id is not None
    current = desk.articles()
    assert len(current) == 2 and new.article_id in {a.id for a in current}
    assert len(desk.articles(all_versions=True)) == 3
    chain = desk.versions(new.previous_id)
    assert [(v.version, v.superseded) for v in chain] == [(1, True), (2, False)]
    assert chain[1].previous_id == chain[0].id
    assert "restraining order" in desk.case_file(new.article_id).article.text
    # Only the current version is searched.
    assert [h.article_id for h in desk.search("stalking order")] == [new.article_id]


def test_articles_filter_by_date_and_outlet(desk: Desk, cases: dict[str, CaseFile]) -> None:
    _store_all(desk, cases)
    assert [a.title for a in desk.articles()] == [STALKING["title"], FIRE["title"], COUNCIL["title"]]
    assert [a.title for a in desk.articles(since=dt.date(2022, 1, 24))] == [STALKING["title"]]
    assert [a.title for a in desk.articles(outlet="marhampton-mercury.example")] == [FIRE["title"]]
    assert [a.title for a in desk.articles(outlet="ashbury gazette")] == [COUNCIL["title"]]
    assert desk.articles(outlet="nowhere.example") == []
    assert len(desk.articles(outlet="example")) == 3  # every site here is under .example
    assert len(desk.articles(limit=2)) == 2


def test_full_text_search(desk: Desk, cases: dict[str, CaseFile]) -> None:
    _store_all(desk, cases)
    stalking = cases[STALKING["title"]].article.id
    hits = desk.search("stalking order")
    assert [h.article_id for h in hits] == [stalking]
    assert "[" in hits[0].snippet and hits[0].published == dt.date(2022, 1, 25)
    assert [h.article_id for h in desk.search('"weather presenter"')] == [stalking]
    assert desk.search('"presenter weather"') == []
    assert len(desk.search("rescued")) == 1  # the fire report
    assert len(desk.search("resigns")) == 1  # stemmed: "resigned" in the text, "resigns" in the title
    assert {h.article_id for h in desk.search("smoke or budget")} == {
        cases[FIRE["title"]].article.id,
        cases[COUNCIL["title"]].article.id,
    }
    assert desk.search("zeppelin") == []
    assert desk.search('" OR NEAR(') == []  # operators and quotes in input are words, never syntax


def test_people_by_any_name_form(desk: Desk, cases: dict[str, CaseFile]) -> None:
    _store_all(desk, cases)
    for query in ("McCaskie", "mccaskie", "Leon McCaskie", "MCCASKIE LEON"):
        found = desk.people(query)
        assert [p.name for p in found] == ["Leon McCaskie"], query
    person = desk.people("mccaskie")[0]
    assert person.facts.get("age") == ["34"] and "McCaskie" in person.variants
    assert [p.name for p in desk.people("zoe marchetti")] == ["Zoë Marchetti"]  # accents folded
    assert [p.name for p in desk.people("Greaves")] == ["Martin Greaves"]
    assert desk.people("Leon Greaves") == []
    assert desk.people("  ") == []


def test_case_file_round_trip_and_id_prefix(desk: Desk, cases: dict[str, CaseFile]) -> None:
    _store_all(desk, cases)
    case = cases[FIRE["title"]]
    assert desk.case_file(case.article.id) == case
    assert desk.case_file(case.article.id[:6].upper()) == case
    with pytest.raises(errors.ArticleNotFoundError):
        desk.case_file("ffffffffffffffff")


def test_export_jsonl_and_csv(desk: Desk, cases: dict[str, CaseFile]) -> None:
    _store_all(desk, cases)
    out = io.StringIO()
    assert desk.export("jsonl", out) == 3
    exported = [CaseFile.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert {c.article.id for c in exported} == {c.article.id for c in cases.values()}
    out = io.StringIO()
    facts = sum(len(c.facts) for c in cases.values())
    assert desk.export("csv", out) == facts > 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == facts
    age = next(r for r in rows if r["subject_name"] == "Leon McCaskie" and r["attribute"] == "age")
    case = cases[STALKING["title"]]
    assert age["value"] == "34" and case.article.text[int(age["start"]) : int(age["end"])] == age["evidence"]
    assert json.loads(json.dumps(rows[0]))["published"]


def test_a_batch_that_fails_leaves_nothing(desk: Desk, cases: dict[str, CaseFile]) -> None:
    good, bad = (case_rows(c) for c in list(cases.values())[:2])
    broken = bad.facts + bad.facts[:1]  # a repeated fact id violates the primary key
    with pytest.raises(IntegrityError):
        write_batch(desk.engine, [good, type(bad)(**{**bad.__dict__, "facts": broken})])
    assert desk.count(all_versions=True) == 0
    with desk.engine.connect() as connection:
        for table in (t.case_files, t.people, t.person_names, t.name_tokens, t.facts):
            assert connection.scalar(select(func.count()).select_from(table)) == 0, table.name
    assert desk.store(list(cases.values())[1]).status == "added"


def test_bad_reports_are_reported_and_the_batch_goes_on(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(FIRE["text"], encoding="utf-8")
    report = desk.add([str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "report.txt")])
    assert report.added == 1
    assert sorted(f.code for f in report.failed) == ["E101", "E106"]
    assert not report.ok


def test_storing_a_stored_report_again_changes_nothing(desk: Desk, cases: dict[str, CaseFile]) -> None:
    # On PostgreSQL psycopg gives no rowcount for INSERT ... ON CONFLICT DO NOTHING: the second
    # store once went on to insert the case file again and failed.
    case = next(iter(cases.values()))
    assert desk.store(case).status == "added"
    assert desk.store(case).status == "unchanged"
    assert desk.count(all_versions=True) == 1


def test_input_is_read_chunk_by_chunk(
    desk: Desk, cases: dict[str, CaseFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sources are read a few at a time (memory stays flat on any input): repeats across
    chunks are still stored once, and the progress total grows to the whole input."""
    from storydesk.store import pipeline
    from storydesk.store.pipeline import AnalysedSource, Progress

    monkeypatch.setattr(pipeline, "READ_CHUNK", 2)
    given = list(cases.values())
    sources = [AnalysedSource(c, f"case {n}") for n, c in enumerate(given + given[:2])]  # 5 sources, 2 repeats
    read: list[int] = []

    def lazily() -> Iterator[AnalysedSource]:
        for n, source in enumerate(sources):
            read.append(n)
            yield source

    totals: list[int] = []

    def on_progress(p: Progress) -> None:
        totals.append(p.total)

    report = desk.add(lazily(), stories=False, progress=on_progress)
    assert report.added == len(given) and report.unchanged == 2 and not report.failed
    assert desk.count() == len(given)
    assert read == list(range(len(sources)))
    assert totals[0] < totals[-1] == len(sources)  # known only as the input is read
    assert all(a <= b for a, b in itertools.pairwise(totals))  # and never shrinks
