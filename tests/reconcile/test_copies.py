"""Copies are not corroboration: near-duplicates, source families, wire origins, what copies changed,
independent-source counts in the story. Fictional reports written for these tests."""

from __future__ import annotations

import pytest

from reconcile_cases import Report
from storydesk.model import CaseFile
from storydesk.reconcile import changes, sketch
from storydesk.reconcile.copies import CopyIndex, copy_pairs, find_copies
from storydesk.reconcile.provenance import credits, families, independent_count, source_families, wire_credit
from storydesk.reconcile.render import render_story
from storydesk.reconcile.story import build_story

WIRE = """By PA Reporter

A man of 47 has died after a fire tore through a boatyard workshop in Hollinsby on Tuesday night.

Firefighters from three stations were called to Quarry Lane at about 10.15pm and found the timber building well alight.

The man, named locally as Osric Tamblyn, was pulled from the building by crews but was pronounced dead at the scene.

Station Manager Idris Pelham said: 'Crews worked in very difficult conditions and did everything they could.'

Two neighbouring houses were evacuated as a precaution and residents were allowed back shortly after 2am.

The cause of the fire is being investigated jointly by the fire service and Wessex Police,
who said it was not being treated as suspicious.

Mr Tamblyn had run the boatyard for more than twenty years and was well known among sailors on the estuary.

A fundraising page set up by friends had raised more than four thousand pounds by Wednesday afternoon."""

INDEPENDENT = """Sailors on the Hollinsby estuary have paid tribute to boatbuilder Osric Tamblyn,
who died in a workshop fire.

Mr Tamblyn, 47, restored wooden dinghies at the yard off Quarry Lane and taught dozens of local children to sail.

Harbourmaster Wenna Rosewarne said the whole waterfront was in shock and that flags at the club were at half mast.

Station Manager Idris Pelham said: 'Crews worked in very difficult conditions and did everything they could.'

Friends said Mr Tamblyn had been working late to finish a boat for a regatta at the weekend.

The yard is expected to stay closed while investigators examine what remains of the building."""


def _case(text: str, published: str, outlet: str, title: str) -> CaseFile:
    case = Report(text, published, outlet).case()
    return case.model_copy(update={"article": case.article.model_copy(update={"title": title})})


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _trimmed_copy() -> str:
    """The wire text trimmed by its last two paragraphs, with one figure edited and an update."""
    kept = _paragraphs(WIRE)[:-2]
    kept[5] = kept[5].replace("shortly after 2am", "shortly after 3am")
    return "\n\n".join([*kept, "Update: Wessex Police said a post-mortem examination would take place on Friday."])


def _wrapped_copy() -> str:
    return "\n\n".join(
        [
            "Sign up to the Estuary Echo newsletter for the latest from the waterfront.",
            WIRE,
            "Copyright Estuary Echo. All rights reserved.",
        ]
    )


@pytest.fixture
def reports() -> dict[str, CaseFile]:
    return {
        "wire": _case(WIRE, "2024-05-08", "Daily Ledger", "Man dies in Hollinsby boatyard fire"),
        "trimmed": _case(_trimmed_copy(), "2024-05-08", "Coastal Post", "Boatyard owner killed in blaze"),
        "wrapped": _case(_wrapped_copy(), "2024-05-09", "Estuary Echo", "Man dies in Hollinsby boatyard fire"),
        "independent": _case(INDEPENDENT, "2024-05-09", "Hollinsby Mercury", "Tributes paid to boatbuilder"),
    }


# -- near-duplicates -------------------------------------------------------------------


def test_shares_are_measured_both_ways() -> None:
    whole = sketch.shingles(WIRE)
    half = sketch.shingles("\n\n".join(_paragraphs(WIRE)[:5]))
    found = sketch.overlap(half, whole)
    assert found.share_of_a == 1.0  # all of the excerpt is in the whole
    assert 0.3 < found.share_of_b < 0.7  # about half of the whole is in the excerpt
    assert sketch.text_keys(WIRE) == sketch.text_keys(WIRE)  # deterministic


def test_index_finds_trimmed_and_wrapped_copies_not_the_independent_report(reports: dict[str, CaseFile]) -> None:
    index = CopyIndex()
    assert index.add("wire", reports["wire"].article.text) == []
    assert index.add("independent", reports["independent"].article.text) == []
    trimmed = index.add("trimmed", reports["trimmed"].article.text)
    assert [p.b for p in trimmed] == ["wire"]
    assert trimmed[0].share_of_a > 0.8 and 0.6 < trimmed[0].share_of_b < 0.95
    wrapped = index.add("wrapped", reports["wrapped"].article.text)
    assert sorted(p.b for p in wrapped) == ["trimmed", "wire"]
    wire_pair = next(p for p in wrapped if p.b == "wire")
    assert wire_pair.share_of_b == 1.0 and wire_pair.share_of_a < 1.0  # the boilerplate is not in the wire text


def test_candidates_come_from_the_index_not_all_pairs() -> None:
    index = CopyIndex()
    unrelated = [
        f"Report {n}: the {animal} show at {town} drew {n * 37} visitors on a bright {day} in the county this year."
        for n, (animal, town, day) in enumerate(
            zip(
                ["sheep", "pony", "goat", "alpaca", "poultry", "rabbit", "cattle", "pig"],
                ["Ardle", "Brisco", "Cawthorne", "Dunmere", "Elsby", "Fenwick", "Garsdale", "Hexley"],
                ["Monday", "Tuesday", "Saturday", "Sunday", "Friday", "Thursday", "Wednesday", "Monday"],
                strict=True,
            )
        )
    ]
    for n, text in enumerate(unrelated):
        index.add(f"u{n}", text * 3)
    index.add("wire", WIRE)
    assert index.candidates < len(unrelated)  # far fewer comparisons than pairs with the wire text


def test_versions_of_one_text_and_unrelated_texts() -> None:
    assert copy_pairs([]) == []
    index = CopyIndex()
    index.add("a", WIRE)
    assert index.add("a", WIRE) == []  # the same article twice is not its own copy


# -- provenance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("By PA Reporter\n\nA man has died.", "PA"),
        ("By a Press Association reporter\n\nA man has died.", "PA"),
        ("ELKINS, W.Va. (AP) — Flood waters rose again on Thursday.", "AP"),
        ("LANCASTER, Pa. (AP) — A man was charged on Monday.", "AP"),
        ("LONDON, March 3 (Reuters) - Shares rose on Monday.", "Reuters"),
        (
            "Shares rose.\n\nTraders were calm.\n\nMore later.\n\n(Reporting by Jo Marr; Editing by Reuters staff)",
            "Reuters",
        ),
        ("Shares rose.\n\nTraders were calm.\n\nAgence France-Presse contributed to this report.", "AFP"),
        ("LANCASTER, Pa. — A man was charged on Monday in Lancaster, Pa.", None),
        ("APPLE growers and the PAPA cafe in SNAP county met on Monday.", None),
        ("The council met.\n\nIt said Reuters reported the deal on Monday, citing AP sources.\n\nIt ended.", None),
        ("By Jane Pask\n\nHer PA said the minister was unavailable.", None),
    ],
)
def test_wire_credits(text: str, agency: str | None) -> None:
    assert wire_credit(text) == agency


def test_credit_spans_point_into_the_text() -> None:
    text = "ELKINS, W.Va. (AP) — Flood waters rose again on Thursday."
    found = credits(text)
    assert [(c.name, c.kind, text[c.start : c.end]) for c in found] == [("AP", "dateline", "AP")]


def test_named_first_publisher_is_the_origin() -> None:
    original = _case(INDEPENDENT, "2024-05-09", "Hollinsby Mercury", "Tributes paid")
    mirrored = _case(
        INDEPENDENT + "\n\nThis article first appeared in the Hollinsby Mercury.",
        "2024-05-10",
        "Shore Daily",
        "Tributes",
    )
    (family,) = source_families([original, mirrored])
    assert (family.origin, family.origin_kind) == ("Hollinsby Mercury", "named")
    assert family.members == (original.article.id, mirrored.article.id)


def test_families_and_independent_counts(reports: dict[str, CaseFile]) -> None:
    family_of = families(list(reports.values()))
    wire_id = reports["wire"].article.id
    assert family_of[reports["trimmed"].article.id] == wire_id
    assert family_of[reports["wrapped"].article.id] == wire_id
    assert family_of[reports["independent"].article.id] == reports["independent"].article.id
    ids = [c.article.id for c in reports.values()]
    assert independent_count(ids, family_of) == 2
    assert independent_count(ids[:3], family_of) == 1  # the wire text and its two copies: one source
    assert find_copies(list(reports.values())) == {
        reports["trimmed"].article.id: wire_id,
        reports["wrapped"].article.id: wire_id,
    }
    (wire_family, _) = source_families(list(reports.values()))
    assert (wire_family.origin, wire_family.origin_kind) == ("PA", "wire")


def test_family_origin_is_the_earliest_member_without_credits() -> None:
    later = _case(INDEPENDENT + "\n\nMore follows.", "2024-05-11", "Shore Daily", "Tributes")
    earlier = _case(INDEPENDENT, "2024-05-09", "Hollinsby Mercury", "Tributes paid")
    (family,) = source_families([later, earlier])
    assert (family.original, family.origin, family.origin_kind) == (earlier.article.id, "Hollinsby Mercury", "earliest")


# -- what a copy changed ----------------------------------------------------------------


def test_changes_of_a_trimmed_edited_updated_copy() -> None:
    found = changes.changes(WIRE, _trimmed_copy(), "Man dies in Hollinsby boatyard fire", "Boatyard owner killed")
    kinds = [c.kind for c in found]
    assert kinds.count("headline") == 1 and kinds.count("edited") == 1
    assert kinds.count("trimmed") == 2 and kinds.count("added") == 1
    edited = next(c for c in found if c.kind == "edited")
    assert edited.before is not None and "2am" in edited.before
    assert edited.after is not None and "3am" in edited.after
    added = next(c for c in found if c.kind == "added")
    assert added.after is not None and added.after.startswith("Update:")
    assert changes.changes(WIRE, WIRE, "t", "t") == []


# -- in the story -----------------------------------------------------------------------


def _fact_report(text: str, published: str, outlet: str, title: str, age_words: str, age: int) -> CaseFile:
    report = Report(text, published, outlet)
    report.person("p1", "Osric Tamblyn")
    report.fact("p1", "age", age, age_words, name="Osric Tamblyn")
    case = report.case()
    return case.model_copy(update={"article": case.article.model_copy(update={"title": title})})


def test_story_counts_independent_sources_and_shows_families() -> None:
    base = WIRE.replace("named locally as Osric Tamblyn", "named locally as Osric Tamblyn, 47,")
    wire = _fact_report(base, "2024-05-08", "Daily Ledger", "Man dies in fire", "47", 47)
    copy_text = "\n\n".join(_paragraphs(base)[:-1])
    copy = _fact_report(copy_text, "2024-05-08", "Coastal Post", "Boatyard owner killed", "47", 47)
    story = build_story([wire, copy])
    age = next(f for f in story.facts if f.attribute == "age")
    assert (age.reports, age.independent_sources) == (2, 1)
    assert age.verdict == "single_source"  # a value repeated only by a copy
    assert story.independent_sources == 1
    (family,) = story.families
    assert (family.origin, family.origin_kind, family.original) == ("PA", "wire", wire.article.id)
    assert family.origin_evidence and family.origin_evidence[0].text == "PA"
    (made,) = family.copies
    assert made.article_id == copy.article.id and made.share_of_copy == 1.0 and made.share_of_original < 1.0
    assert [c.kind for c in made.changes] == ["headline", "trimmed"]
    assert {m.family for m in story.members} == {wire.article.id}
    independent = _fact_report(
        INDEPENDENT.replace("Mr Tamblyn, 47,", "Mr Tamblyn, 47,"),
        "2024-05-09",
        "Hollinsby Mercury",
        "Tributes",
        "47",
        47,
    )
    story = build_story([wire, copy, independent])
    age = next(f for f in story.facts if f.attribute == "age")
    assert (age.reports, age.independent_sources, age.verdict) == (3, 2, "corroborated")
    text = render_story(story, "text")
    assert "Sources" in text and "origin PA" in text and "3 reports, 2 independent sources" in text
