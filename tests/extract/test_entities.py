from __future__ import annotations

import pytest

from storydesk import analyze
from storydesk.extract import entities


def _case(text: str):  # type: ignore[no-untyped-def]
    return analyze(text, published="2023-06-01", check_language=False)


@pytest.mark.parametrize(
    ("text", "thing", "category"),
    [
        ("He posted the video on Twitter on Monday night, and Ms Hale shared it.", "Twitter", "platform"),
        ("Officers reviewed CCTV from the high street before Mr Dunn was arrested.", "CCTV", "system"),
        ("The man drove a silver Ford Focus into the barrier, police said.", "Ford Focus", "vehicle"),
        ("She was hit by a Renault Clio on Station Road, witnesses said.", "Renault Clio", "vehicle"),
    ],
)
def test_things_are_not_people_or_organisations(text: str, thing: str, category: str) -> None:
    case = _case(text)
    assert any(t.name == thing and t.category == category for t in case.things)
    names = {p.name for p in case.people} | {o.name for o in case.organisations}
    assert thing not in names


@pytest.mark.parametrize(
    ("text", "canonical", "variants"),
    [
        (
            "Scotland Yard said the Met would review the case. A Met Police spokesman confirmed it.",
            "Metropolitan Police",
            {"Scotland Yard", "Met", "Met Police"},
        ),
        (
            "Greater Manchester Police said on Friday that GMP officers had made two arrests.",
            "Greater Manchester Police",
            {"Greater Manchester Police", "GMP"},
        ),
        (
            "The Harbour Safety Authority opened an inquiry. The HSA said the ferry had been inspected.",
            "Harbour Safety Authority",
            {"Harbour Safety Authority", "HSA"},
        ),
    ],
)
def test_organisation_aliases_fold(text: str, canonical: str, variants: set[str]) -> None:
    case = _case(text)
    [org] = [o for o in case.organisations if o.name == canonical]
    assert set(org.variants) == variants


def test_the_met_office_is_not_the_police() -> None:
    case = _case("The Met Office issued a yellow warning for rain on Tuesday, forecasters said.")
    assert all(o.name != "Metropolitan Police" for o in case.organisations)


def test_parts_of_organisations() -> None:
    case = _case(
        "Detective Sergeant Amy Cole of the Metropolitan Police's Specialist Crime Command said the inquiry "
        "was continuing."
    )
    orgs = {o.name: o for o in case.organisations}
    assert orgs["Specialist Crime Command"].part_of == orgs["Metropolitan Police"].id


def test_places_within() -> None:
    case = _case("The crash happened in Maida Vale, West London, shortly after 9am on Monday, police said.")
    places = {p.name: p for p in case.places}
    assert places["Maida Vale"].within == places["West London"].id


def test_evidence_points_into_cleaned_text() -> None:
    case = _case("Mrs Joan Pike, 71, told the Hexley Gazette that the Met had not called her back.")
    text = case.article.text
    items = [m.evidence for p in case.people for m in p.mentions]
    items += [m.evidence for o in case.organisations for m in o.mentions]
    items += [f.evidence for f in case.facts]
    assert items
    for ev in items:
        assert ev.article_id == case.article.id
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Dunmore Falls", "PLACE"),
        ("Quarry Bend", "PLACE"),
        ("Kestrel Homes", "ORG"),
        ("Pennine Racing", "ORG"),
        ("Welshman", None),
        ("FENTON FALLS", None),
        ("J.M.", "PERSON"),
        ("Tiger Woods", "PERSON"),
    ],
)
def test_names_the_model_calls_people_relabelled_by_their_last_word(name: str, label: str | None) -> None:
    assert entities._relabel("PERSON", name) == label


def test_an_award_is_no_person() -> None:
    assert entities._relabel("PERSON", "Korea Medal") is None


def test_a_firm_of_partners_names_is_no_person() -> None:
    case = analyze(
        "Harlow & Finch, the 92-year-old maker of boots, has been sold. Chief executive Margaret Finch, 66, "
        "will step down. Harlow & Finch's shares rose.",
        published="2023-06-01",
        check_language=False,
    )
    assert [p.name for p in case.people] == ["Margaret Finch"]
    assert {f.value for f in case.facts_about(case.people[0].id, "age")} == {66}


def test_a_title_case_headline_is_no_person() -> None:
    assert entities._relabel("PERSON", "Deadly Shooting") is None


def test_the_parts_of_an_address_are_places() -> None:
    case = _case(
        "Her ex-partner, Gareth Lyle, 47, of Kingsway, Burnage, was arrested in Stockport. "
        "Patrick Ryan, 58, of Ballydrum, Cahir, pleaded guilty."
    )
    places = {p.name for p in case.places}
    assert {"Kingsway", "Burnage", "Cahir"} <= places
    assert not {"Burnage", "Cahir"} & ({o.name for o in case.organisations} | {p.name for p in case.people})


def test_a_person_span_with_a_lower_case_word_is_no_name_but_particles_are() -> None:
    from storydesk import analyze

    case = analyze(
        "Tests found Legionella bacteria in the water at the Laurel Crest care home. Ana de Souza, 81, "
        "a resident, was treated.",
        published="2023-06-01",
        check_language=False,
    )
    names = {p.name for p in case.people}
    assert "Legionella bacteria" not in names and "Laurel Crest" not in names
    assert "Ana de Souza" in names
