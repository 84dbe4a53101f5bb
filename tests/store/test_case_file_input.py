"""Case files analysed elsewhere are added to the desk as they are, without analysis."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desk_reports import COUNCIL, FIRE, STALKING
from storydesk.model import CaseFile
from storydesk.store import Desk, pipeline


def _lines(cases: list[CaseFile]) -> str:
    return "".join(case.model_dump_json() + "\n" for case in cases)


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(article: object) -> None:
        raise AssertionError("a case file given ready was analysed again")

    monkeypatch.setattr(pipeline, "analyze_to_rows", refuse)


def test_case_files_are_stored_without_analysis(
    desk: Desk, cases: dict[str, CaseFile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = [cases[STALKING["title"]], cases[FIRE["title"]]]
    path = tmp_path / "cases.jsonl"
    path.write_text(_lines(given), encoding="utf-8")
    _no_analysis(monkeypatch)
    report = desk.add([str(path)], jobs=2)
    assert (report.added, report.failed) == (2, [])
    for case in given:
        stored = desk.case_file(case.article.id)
        assert stored == case
    assert [h.article_id for h in desk.search("stalking order")] == [given[0].article.id]
    assert desk.people("McCaskie")
    again = desk.add([str(path)], jobs=1)
    assert (again.added, again.unchanged) == (0, 2)


def test_an_export_loads_into_another_desk(desk: Desk, cases: dict[str, CaseFile], tmp_path: Path) -> None:
    for case in cases.values():
        desk.store(case)
    desk.story_desk.assign_pending()
    out = io.StringIO()
    desk.export("jsonl", out)
    path = tmp_path / "export.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    with Desk.open(str(tmp_path / "copy.db")) as copy:
        report = copy.add([str(path)])
        assert (report.added, report.failed) == (len(cases), [])
        assert {a.id for a in copy.articles()} == {c.article.id for c in cases.values()}
        assert [s.anchor_id for s in copy.stories()] == [s.anchor_id for s in desk.stories()]


def test_bad_case_file_lines_fail_alone(
    desk: Desk, cases: dict[str, CaseFile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = cases[COUNCIL["title"]]
    edited = json.loads(cases[FIRE["title"]].model_dump_json())
    edited["article"]["text"] += " An extra sentence."
    older = json.loads(cases[STALKING["title"]].model_dump_json())
    older["schema_version"] = "0.1"
    broken = json.loads(good.model_dump_json())
    broken["people"] = "nobody"
    path = tmp_path / "cases.jsonl"
    lines = [good.model_dump_json(), json.dumps(edited), json.dumps(older), json.dumps(broken), "{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _no_analysis(monkeypatch)
    report = desk.add([str(path)], jobs=1)
    assert report.added == 1 and report.stored[0].article_id == good.article.id
    reasons = {f.source.rsplit(":", 1)[1]: (f.code, f.message) for f in report.failed}
    assert sorted(reasons) == ["2", "3", "4", "5"]
    assert "does not match its article id" in reasons["2"][1]
    assert "schema '0.1'" in reasons["3"][1] and "analyse its text again" in reasons["3"][1]
    assert "not a valid case file" in reasons["4"][1]
    assert "not valid JSON" in reasons["5"][1]
    assert len({code for code, _ in reasons.values()}) == 1
