"""The desk finds a report's copies as it is written, from its LSH index, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk import analyze
from storydesk.cli import main
from storydesk.ingest import Source
from storydesk.store import Desk

BODY = [
    "A lorry shed its load of timber across both lanes of the Brackwater bypass on Thursday morning.",
    "Traffic was held for more than three hours while crews cleared the carriageway near the Mill Lane junction.",
    "Nobody was hurt, Harwood County Police said, but the driver was spoken to by officers at the scene.",
    "A police spokesperson said: 'We thank drivers for their patience while the road was made safe.'",
    "The bypass reopened shortly after midday and the council said the road surface had not been damaged.",
    "It is the second time this year that a load has been lost on the same stretch of road.",
]


def test_copies_are_found_on_write(desk: Desk) -> None:
    original = analyze(
        "\n\n".join(BODY), published="2024-06-06", outlet="Brackwater Mercury", url="https://bm.example/a"
    )
    copy = analyze(
        "\n\n".join(BODY[:-1]),
        published="2024-06-06",
        title="Timber spill shuts bypass",
        outlet="Shire Daily",
        url="https://sd.example/b",
    )
    other = analyze(
        "Councillors in Brackwater approved a new cycle lane on Mill Lane after a long debate on Tuesday evening.\n\n"
        "The scheme will cost about two hundred thousand pounds and work is due to start in the spring.",
        published="2024-06-07",
        outlet="Brackwater Mercury",
        url="https://bm.example/c",
    )
    for case in (original, copy, other):
        desk.store(case)
    (link,) = desk.copies(copy.article.id)
    assert link.other_id == original.article.id
    assert link.share_of_article == 1.0 and 0.7 < link.share_of_other < 1.0
    (back,) = desk.copies(original.article.id[:10])
    assert back.other_id == copy.article.id and back.share_of_article == link.share_of_other
    assert desk.copies(other.article.id) == []
    # a new version of the report at the same URL is a version, not a copy
    updated = analyze(
        "\n\n".join([*BODY, "Update: the driver has since been reported for driving without due care."]),
        published="2024-06-07",
        outlet="Brackwater Mercury",
        url="https://bm.example/a",
    )
    assert desk.store(updated).status == "new_version"
    assert {c.other_id for c in desk.copies(updated.article.id)} == {copy.article.id}


def _source(url: str | None, outlet: str, published: str, title: str, text: str = "\n\n".join(BODY)) -> Source:
    return Source(
        text=text, name=url or outlet, url=url, outlet=outlet, title=title, published=dt.date.fromisoformat(published)
    )


def test_a_mirror_with_the_same_body_is_kept_as_an_appearance(desk: Desk) -> None:
    first = desk.add(
        [_source("https://bm.example/a", "Brackwater Mercury", "2024-06-06", "Timber spill")], stories=False
    )
    (stored,) = first.stored
    assert stored.status == "added" and stored.new_appearance is False
    # the same body at another outlet's URL (and twice in one run, and once more without a URL):
    # one article, every place recorded once
    again = desk.add(
        [
            _source("https://mirror.example/x", "Mirror Weekly", "2024-06-05", "Bypass shut by timber"),
            _source("https://mirror.example/x", "Mirror Weekly", "2024-06-05", "Bypass shut by timber"),
            _source(None, "Valley Radio", "2024-06-07", "Timber on the bypass"),
        ],
        stories=False,
    )
    assert [s.article_id for s in again.stored] == [stored.article_id] * 3
    assert [s.status for s in again.stored] == ["unchanged"] * 3
    assert [s.new_appearance for s in again.stored] == [True, False, True]
    assert again.new_appearances == 2
    assert desk.count() == 1
    seen = desk.appearances(stored.article_id[:8])
    # earliest published first: the mirror claims an earlier date than the report first stored
    assert [(a.outlet, a.url, a.title) for a in seen] == [
        ("Mirror Weekly", "https://mirror.example/x", "Bypass shut by timber"),
        ("Brackwater Mercury", "https://bm.example/a", "Timber spill"),
        ("Valley Radio", None, "Timber on the bypass"),
    ]
    assert seen[0].published == dt.date(2024, 6, 5) and all(a.article_id == stored.article_id for a in seen)
    # the same URL again is nothing new
    assert (
        desk.add([_source("https://bm.example/a", "Brackwater Mercury", "2024-06-06", "Timber spill")])
        .stored[0]
        .new_appearance
        is False
    )
    assert len(desk.appearances(stored.article_id)) == 3
    (row,) = desk.articles()
    assert row.outlets == ["Mirror Weekly", "Brackwater Mercury", "Valley Radio"]
    assert [r.id for r in desk.articles(outlet="mirror.example")] == [stored.article_id]
    assert [r.id for r in desk.articles(outlet="valley radio")] == [stored.article_id]
    assert desk.articles(outlet="nowhere.example") == []
    # a changed text at a stored URL is still a new version, with its own single appearance
    updated = desk.add(
        [_source("https://bm.example/a", "Brackwater Mercury", "2024-06-08", "Timber spill", "\n\n".join(BODY[:-1]))],
        stories=False,
    )
    assert updated.stored[0].status == "new_version"
    assert [a.url for a in desk.appearances(updated.stored[0].article_id)] == ["https://bm.example/a"]


def test_storing_a_case_file_again_from_another_outlet_records_it(desk: Desk) -> None:
    text = "\n\n".join(BODY)
    original = analyze(text, published="2024-06-06", outlet="Brackwater Mercury", url="https://bm.example/a")
    mirror = analyze(text, published="2024-06-06", outlet="Shire Daily", url="https://sd.example/m")
    assert original.article.id == mirror.article.id
    assert desk.store(original).new_appearance is False
    again = desk.store(mirror)
    assert again.status == "unchanged" and again.new_appearance is True
    assert desk.store(mirror).new_appearance is False
    assert [a.outlet for a in desk.appearances(original.article.id)] == ["Brackwater Mercury", "Shire Daily"]


def test_a_mirror_is_in_the_story_family_listing_and_cli(
    desk: Desk, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = desk.add([_source("https://bm.example/a", "Brackwater Mercury", "2024-06-06", "Timber spill")])
    article_id = stored.stored[0].article_id
    story = desk.story(article_id)
    assert story.members[0].appearances == [] and story.families[0].origin == "Brackwater Mercury"
    desk.add([_source("https://mirror.example/x", "Mirror Weekly", "2024-06-05", "Bypass shut by timber")])
    story = desk.story(article_id)
    (member,) = story.members
    assert [(a.outlet, a.url, a.published) for a in member.appearances] == [
        ("Mirror Weekly", "https://mirror.example/x", dt.date(2024, 6, 5))
    ]
    (family,) = story.families
    assert family.members == [article_id] and family.copies == []
    (mirror,) = family.mirrors
    assert mirror.article_id == article_id and mirror.appearance.outlet == "Mirror Weekly"
    assert [(c.kind, c.before, c.after) for c in mirror.changes] == [
        ("headline", "Timber spill", "Bypass shut by timber")
    ]
    # no credit names an origin: the earliest published appearance is it, the mirror here
    assert (family.origin, family.origin_kind) == ("Mirror Weekly", "earliest")
    assert story.independent_sources == 1
    (listed,) = desk.stories()
    assert listed.outlets == ["Brackwater Mercury", "Mirror Weekly"]
    # the CLI lists both outlets, and `show` where the text appeared
    assert main(["articles", "--db", db_url]) == 0
    assert "Mirror Weekly, Brackwater Mercury" in capsys.readouterr().out
    assert main(["show", article_id[:10], "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "Appeared at:" in shown
    assert "- Mirror Weekly, 2024-06-05: https://mirror.example/x (Bypass shut by timber)" in shown
