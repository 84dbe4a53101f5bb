"""Stories on the desk, on both backends: assignment from the key index, order independence,
what's new, corrections kept and re-applied, versions, desks older than stories."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import delete, func, select

from desk_fixture import STORY_REPORTS
from storydesk import analyze, errors
from storydesk.ingest import Source, source_from_text
from storydesk.model import CaseFile
from storydesk.reconcile.desk import Placed
from storydesk.reconcile.features import FEATURES_VERSION
from storydesk.store import Desk
from storydesk.store import tables as t
from storydesk.store.pipeline import AnalysedSource

# Five fictional reports, two stories: the quayside stabbing (three reports that disagree on
# the victim's age) and the library closure (two reports).
QUAYSIDE = (
    "Man charged after quayside stabbing",
    "Quayside stabbing accused remanded in custody",
    "Fisherman stabbed in Portlow is out of hospital",
)
LIBRARY = ("Old library to close after four-hour meeting", "Councillors vote to shut Wexley library")


def _plain(report: dict[str, str]) -> str:
    """The report as plain text: the HTML one's paragraphs. (Read as HTML, trafilatura's
    process-wide de-duplication drops a page's body once the same page was read a few times in
    one process, as the other test modules do.)"""
    if report.get("format") != "html":
        return report["text"]
    return "\n\n".join(html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", report["text"], flags=re.S))


@pytest.fixture(scope="module")
def story_cases() -> dict[str, CaseFile]:
    return {
        r["title"]: analyze(
            source_from_text(_plain(r), fmt="text", url=r.get("url")),
            published=r["published"],
            title=r["title"],
            outlet=r["outlet"],
            url=r.get("url"),
        )
        for r in STORY_REPORTS
    }


def _ids(cases: dict[str, CaseFile], titles: tuple[str, ...]) -> set[str]:
    return {cases[title].article.id for title in titles}


def _stories(desk: Desk) -> dict[str, frozenset[str]]:
    """Story id -> member article ids, from the membership table."""
    with desk.engine.connect() as connection:
        rows = connection.execute(select(t.story_members.c.story_id, t.story_members.c.article_id)).all()
    found: dict[str, set[str]] = {}
    for story_id, article_id in rows:
        found.setdefault(story_id, set()).add(article_id)
    return {k: frozenset(v) for k, v in found.items()}


def _add(desk: Desk, cases: list[CaseFile]) -> list[object]:
    made = []
    for case in cases:
        desk.store(case)
        made.append(desk.assign(case.article.id))
    return made


def _consistent(desk: Desk) -> None:
    """Every membership is of a stored, current article; summaries match memberships."""
    with desk.engine.connect() as connection:
        orphans = connection.scalar(
            select(func.count())
            .select_from(t.story_members)
            .outerjoin(t.articles, t.articles.c.id == t.story_members.c.article_id)
            .where(t.articles.c.id.is_(None) | t.articles.c.superseded.is_(True))
        )
        assert orphans == 0
        counts = dict(
            connection.execute(
                select(t.story_members.c.story_id, func.count()).group_by(t.story_members.c.story_id)
            ).all()
        )
        summaries = dict(connection.execute(select(t.stories.c.id, t.stories.c.reports)).all())
    assert counts == summaries


def test_same_stories_whatever_the_order(
    db_url: str, story_cases: dict[str, CaseFile], tmp_path_factory: pytest.TempPathFactory
) -> None:
    ordered = sorted(story_cases.values(), key=lambda c: c.article.id)
    with Desk.open(db_url) as desk:
        _add(desk, ordered)
        first = _stories(desk)
        _consistent(desk)
    # The same reports in reverse order, and interleaved, on fresh SQLite desks.
    for n, order in enumerate((list(reversed(ordered)), ordered[1::2] + ordered[0::2])):
        with Desk.open(str(tmp_path_factory.mktemp("order") / f"desk{n}.db")) as other:
            _add(other, order)
            assert _stories(other) == first
    assert sorted(first.values(), key=len) == [_ids(story_cases, LIBRARY), _ids(story_cases, QUAYSIDE)]


def test_whats_new_and_story_views(desk: Desk, story_cases: dict[str, CaseFile]) -> None:
    first, second = (story_cases[title] for title in QUAYSIDE[:2])
    founded, joined = _add(desk, [first, second])
    assert founded is not None and founded.new_story and founded.items
    assert {i.change for i in founded.items} == {"adds"}
    assert joined is not None and not joined.new_story and joined.story_id == founded.story_id
    changes = {i.change for i in joined.items}
    assert {"confirms", "contradicts"} <= changes  # the victim's age: 52 against 51
    age = next(i for i in joined.items if i.change == "contradicts" and i.attribute == "age")
    assert age.previous and age.previous[0].articles == [first.article.id]
    assert age.evidence and all(e.article_id == second.article.id for e in age.evidence)

    [row] = desk.stories()
    assert (row.id, row.reports, row.conflicts) == (founded.story_id, 2, 1)
    assert row.outlets == ["Fenwick Gazette", "Severn Courier"]
    story = desk.story(founded.story_id)
    assert [m.article_id for m in story.members] == [first.article.id, second.article.id]
    assert desk.story(second.article.id[:8]).id == story.id  # by a report's id prefix
    assert desk.stories(since=story.last_published) and not desk.stories(since=story.last_published.replace(year=2030))
    with pytest.raises(errors.StoryNotFoundError):
        desk.story("s-0000000000")


def test_corrections_are_kept_and_survive_reassignment(desk: Desk, story_cases: dict[str, CaseFile]) -> None:
    quayside = [story_cases[title] for title in QUAYSIDE[:2]]
    library = [story_cases[title] for title in LIBRARY]
    _add(desk, [*quayside, library[0]])
    moved = quayside[1].article.id
    made = desk.move(moved, library[0].article.id, made_by="editor")
    target = desk.story(library[0].article.id).id
    assert made.stories == {moved: target} and made.correction.kind == "move"
    assert made.correction.apart_from == [quayside[0].article.id]
    [record] = desk.corrections()
    assert record.made_by == "editor" and record.correction == made.correction

    # A later report of the quayside story, a report of the library story, a re-run of the
    # same reports and a full rebuild all keep the person's correction.
    _add(desk, [library[1]])
    desk.add([])  # nothing new; assigns nothing pending
    assert desk.assign(moved) is not None
    desk.rebuild_stories()
    for _ in range(2):
        stories = _stories(desk)
        holding = next(members for members in stories.values() if moved in members)
        assert library[0].article.id in holding and quayside[0].article.id not in holding
        _add(desk, [story_cases[QUAYSIDE[2]]])
    _consistent(desk)

    split = desk.split([moved], made_by="editor")
    assert _stories(desk)[split.stories[moved]] == {moved}
    with pytest.raises(errors.BadCorrectionError):
        desk.split([moved])  # already a story of its own
    desk.rebuild_stories()
    holding = next(m for m in _stories(desk).values() if moved in m)
    assert library[0].article.id not in holding  # the split holds; the move no longer does
    assert [c.correction.kind for c in desk.corrections()] == ["move", "split"]  # both on record
    with pytest.raises(errors.StoryNotFoundError):
        desk.move(moved, "s-0000000000")
    _consistent(desk)


def test_a_new_version_takes_the_place_of_the_old(desk: Desk) -> None:
    first, second = STORY_REPORTS[0], STORY_REPORTS[1]
    url = "https://fenwick-gazette.example/quayside"

    def source(text: str) -> Source:
        return source_from_text(text, fmt="text", url=url)

    desk.add([source(second["text"])], published=second["published"])
    desk.add([source(first["text"])], published=first["published"])  # same URL, new text
    versions = desk.versions(desk.articles()[0].id)
    assert [v.superseded for v in versions] == [True, False]
    stories = _stories(desk)
    assert list(stories.values()) == [frozenset({versions[1].id})]
    _consistent(desk)


def test_placing_then_summarising_gives_what_assigning_gives(
    db_url: str, story_cases: dict[str, CaseFile], tmp_path_factory: pytest.TempPathFactory
) -> None:
    ordered = sorted(story_cases.values(), key=lambda c: (c.article.published, c.article.id))
    with Desk.open(str(tmp_path_factory.mktemp("assigned") / "desk.db")) as assigned:
        _add(assigned, ordered)
        expected_members, expected_rows = _stories(assigned), assigned.stories()
    with Desk.open(db_url) as desk:
        placed = []
        for case in ordered:
            desk.store(case)
            placed.append(desk.story_desk.place(case.article.id, case))
        assert sum(p.new_story for p in placed if p is not None) == 2 and None not in placed
        assert _stories(desk) == expected_members
        assert {p.story_id for p in placed if p is not None} == set(expected_members)
        # Memberships are written, summaries are not: the listing waits for them, as it would
        # after a run killed before its end; any later run (here, adding nothing) writes them.
        assert desk.stories() == []
        desk.add([])
        assert [(r.id, r.reports, r.conflicts, r.updates, r.outlets, r.headline) for r in desk.stories()] == [
            (r.id, r.reports, r.conflicts, r.updates, r.outlets, r.headline) for r in expected_rows
        ]
        assert desk.story_desk.summarise_pending() == 0
        _consistent(desk)


def test_a_quiet_add_places_reports_and_summarises_their_stories_once(
    db_url: str, story_cases: dict[str, CaseFile]
) -> None:
    cases = sorted(story_cases.values(), key=lambda c: (c.article.published, c.article.id))
    with Desk.open(db_url) as desk:
        made: list[object] = []
        summarised: list[tuple[int, int]] = []
        desk.add(
            [AnalysedSource(case, f"case {n}") for n, case in enumerate(cases)],
            whats_new=False,
            on_story=lambda _stored, news: made.append(news),
            on_summary=lambda done, total: summarised.append((done, total)),
        )
        assert all(isinstance(m, Placed) for m in made) and len(made) == len(cases)
        assert sum(not m.new_story for m in made if isinstance(m, Placed)) == 3  # 2 + 3 reports: 3 joined
        assert summarised == [(1, 2), (2, 2)]  # each story once, not once per report
        assert sorted(r.reports for r in desk.stories()) == [2, 3]
        _consistent(desk)


def test_reports_stored_before_stories_are_assigned_later(desk: Desk, story_cases: dict[str, CaseFile]) -> None:
    for case in story_cases.values():
        desk.store(case)
    # As on a desk migrated from 0001: no keys, no features, no story.
    with desk.engine.begin() as connection:
        for table in (t.story_keys, t.story_features):
            connection.execute(delete(table))
    assert desk.stories() == []
    assert desk.assign_pending() == len(story_cases)
    assert sorted(len(m) for m in _stories(desk).values()) == [2, 3]
    assert desk.assign_pending() == 0
    _consistent(desk)


def test_features_an_older_storydesk_stored_are_recomputed_when_read(
    desk: Desk, story_cases: dict[str, CaseFile]
) -> None:
    ordered = sorted(story_cases.values(), key=lambda c: c.article.id)
    for case in ordered:
        desk.store(case)
    # As an older storydesk wrote them: no version, fewer terms and keys.
    with desk.engine.begin() as connection:
        connection.execute(t.story_features.update().values(body=json.dumps({"terms": {"x": 1}, "keys": []})))
    for case in ordered:
        desk.assign(case.article.id)
    assert sorted(len(m) for m in _stories(desk).values()) == [2, 3]
    with desk.engine.connect() as connection:
        bodies = [json.loads(b) for b in connection.scalars(select(t.story_features.c.body))]
    assert len(bodies) == len(ordered)
    assert all(b["version"] == FEATURES_VERSION and len(b["terms"]) > 1 for b in bodies)
    # A rebuild refreshes every stale row first.
    with desk.engine.begin() as connection:
        connection.execute(t.story_features.update().values(body=json.dumps({"terms": {"x": 1}, "keys": []})))
    assert desk.story_desk.rebuild() == 2
    with desk.engine.connect() as connection:
        assert all(
            json.loads(b)["version"] == FEATURES_VERSION for b in connection.scalars(select(t.story_features.c.body))
        )


def test_candidates_come_from_the_key_index(desk: Desk, story_cases: dict[str, CaseFile]) -> None:
    from storydesk.store import stories as db

    cases = list(story_cases.values())
    _add(desk, cases)
    quayside = story_cases[QUAYSIDE[0]]
    with desk.engine.connect() as connection:
        keys = db.keys_of(connection, quayside.article.id)
        assert any(k.startswith("p:") for k in keys) and any(k.startswith("t:") for k in keys)
        found = db.candidates(connection, quayside.article.id, keys, quayside.article.published, 60)
    assert set(found) >= _ids(story_cases, QUAYSIDE) - {quayside.article.id}
    assert not set(found) & _ids(story_cases, LIBRARY)  # three months earlier: outside the window
