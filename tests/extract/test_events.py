"""Events, their arguments, modality, time and fates, on fictional sentences and reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydesk import analyze
from storydesk.errors import BadCatalogueError
from storydesk.extract.events import load_catalogue
from storydesk.extract.events.catalogue import ENV_VAR, builtin
from storydesk.model import CaseFile, Event

PUBLISHED = "2024-05-10"


def _case(text: str, **kwargs: str) -> CaseFile:
    return analyze(text, published=PUBLISHED, check_language=False, **kwargs)  # type: ignore[arg-type]


def _events(case: CaseFile, kind: str) -> list[Event]:
    return [e for e in case.events if e.type == kind]


def _arg(case: CaseFile, event: Event, role: str) -> list[str]:
    return [case.entity_name(a.entity_id) or a.text for a in event.arguments if a.role == role]


def _fates(case: CaseFile, name: str) -> set[tuple[str, str, str | None]]:
    person = next(p for p in case.people if p.name == name)
    return {(str(f.value), f.modality, f.qualifier) for f in case.facts_about(person.id, "fate")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Marlon Pettigrew was stabbed outside a bar in Corhampton on Friday.", "stabbing"),
        ("Gunmen shot Ada Fennimore as she left work on Tuesday.", "shooting"),
        ("Oskar Brand was assaulted in a car park on Monday.", "assault"),
        ("Tilda Marsh died in hospital on Wednesday.", "death"),
        ("Two pedestrians were injured when a lorry mounted the pavement.", "injury"),
        ("Officers arrested Colm Averill at his flat on Thursday.", "arrest"),
        ("Colm Averill was charged with burglary on Friday.", "charge"),
        ("Colm Averill was released on bail on Saturday.", "bail"),
        ("Colm Averill appeared at Wexcombe Magistrates' Court on Monday.", "court_appearance"),
        ("Colm Averill failed to appear at court on Monday.", "failure_to_appear"),
        ("A jury found Colm Averill guilty of burglary on Tuesday.", "verdict"),
        ("Colm Averill was jailed for four years on Wednesday.", "sentence"),
        ("The council said in a statement that the road would reopen.", "statement"),
        ("More than 2,000 residents signed a petition against the closure.", "petition"),
        ("An inquest into the death of Ivy Lamb opened on Monday.", "inquest"),
        ("Councillor Ruth Pengelly resigned on Monday.", "resignation"),
        ("Brackwater Foods acquired Dunmore Dairies in March.", "acquisition"),
        ("Hundreds of homes were evacuated after the river burst its banks.", "evacuation"),
        ("Torvale Motors recalled 40,000 cars on Monday.", "recall"),
    ],
)
def test_each_family_is_found(text: str, kind: str) -> None:
    case = _case(text)
    assert _events(case, kind), [(e.type, e.trigger.text) for e in case.events]


def test_active_and_passive_give_the_same_roles() -> None:
    active = _case("Marlon Pettigrew stabbed Ada Fennimore in Corhampton on Friday.")
    passive = _case("Ada Fennimore was stabbed by Marlon Pettigrew in Corhampton on Friday.")
    for case in (active, passive):
        (event,) = _events(case, "stabbing")
        assert _arg(case, event, "agent") == ["Marlon Pettigrew"]
        assert _arg(case, event, "patient") == ["Ada Fennimore"]
        friday = next(t for t in case.times if t.evidence.text == "Friday")
        assert event.time_id == friday.id


def test_instrument_and_place_are_linked() -> None:
    case = _case("Nadim Crewe ploughed into Petra Lowe in a Ford Focus on Sunday.")
    (event,) = _events(case, "collision")
    assert _arg(case, event, "agent") == ["Nadim Crewe"]
    assert _arg(case, event, "patient") == ["Petra Lowe"]
    assert _arg(case, event, "instrument") == ["Ford Focus"]
    stabbing = _case("Marlon Pettigrew stabbed Ada Fennimore in Corhampton on Friday.")
    (attack,) = _events(stabbing, "stabbing")
    assert _arg(stabbing, attack, "place") == ["Corhampton"]


def test_a_known_place_in_an_instrument_slot_is_the_place() -> None:
    case = _case("Nadim Crewe drove into him in Corhampton on Sunday.")
    (event,) = _events(case, "collision")
    assert _arg(case, event, "instrument") == []
    assert _arg(case, event, "place") == ["Corhampton"]


def test_arrest_on_suspicion_gives_a_fate_with_the_charge() -> None:
    case = _case("Colm Averill, 33, was arrested by Greyford Police on suspicion of arson on Thursday.")
    (event,) = _events(case, "arrest")
    assert _arg(case, event, "agent") == ["Greyford Police"]
    assert _arg(case, event, "charge") == ["suspicion of arson"]
    assert ("arrested", "asserted", "suspicion of arson") in _fates(case, "Colm Averill")
    assert "suspect" in {str(f.value) for f in case.facts if f.attribute == "role" and f.subject_name == "Colm Averill"}


def test_charged_with_gives_the_charge_qualifier() -> None:
    case = _case("Colm Averill, 33, was charged with causing grievous bodily harm on Friday.")
    fates = _fates(case, "Colm Averill")
    assert ("charged", "asserted", "causing grievous bodily harm") in fates


def test_a_charge_ends_before_the_circumstances() -> None:
    case = _case(
        "Colm Averill, 33, was charged with causing death by dangerous driving after a crash on the A614 "
        "that killed a retired teacher."
    )
    assert ("charged", "asserted", "causing death by dangerous driving") in _fates(case, "Colm Averill")


def test_negated_charge() -> None:
    case = _case("Colm Averill was arrested on Monday. Colm Averill has not been charged.")
    (charge,) = _events(case, "charge")
    assert charge.modality == "negated"
    assert ("charged", "negated", None) in _fates(case, "Colm Averill")


def test_no_further_action_is_a_decision_not_a_plan() -> None:
    case = _case("Police said Colm Averill will face no further action.")
    (event,) = _events(case, "no_further_action")
    assert event.modality == "asserted"
    assert ("no_further_action", "asserted", None) in _fates(case, "Colm Averill")


def test_due_in_court_is_planned() -> None:
    case = _case("Colm Averill is due to appear at Wexcombe Crown Court on May 20.")
    (event,) = _events(case, "court_appearance")
    assert event.modality == "planned"
    assert ("due_in_court", "planned", None) in _fates(case, "Colm Averill")


def test_alleged_and_denied() -> None:
    alleged = _case("Marlon Pettigrew allegedly punched Oskar Brand outside the club.")
    assert [e.modality for e in _events(alleged, "assault")] == ["alleged"]
    denied = _case("Marlon Pettigrew denied assaulting Oskar Brand.")
    assert [e.modality for e in _events(denied, "assault")] == ["denied"]


def test_attack_roles_follow_from_the_event() -> None:
    case = _case("Marlon Pettigrew stabbed Ada Fennimore in Corhampton on Friday.")
    roles = {(f.subject_name, str(f.value)) for f in case.facts if f.attribute == "role"}
    assert ("Ada Fennimore", "victim") in roles
    assert ("Marlon Pettigrew", "attacker") in roles


def test_no_date_borrowed_from_a_neighbouring_sentence() -> None:
    case = _case("The festival opened on Friday. Later, Ada Fennimore was stabbed near the main stage.")
    (event,) = _events(case, "stabbing")
    assert event.time_id is None


def test_repeated_mentions_are_one_event() -> None:
    text = (
        "Tilda Marsh died in Corhampton on Wednesday.\n\n"
        "Her family said Tilda Marsh died doing what she loved. Tributes were paid after Tilda Marsh died."
    )
    case = _case(text)
    deaths = _events(case, "death")
    assert len(deaths) == 1
    assert len(deaths[0].mentions) >= 2


def test_event_facts_name_the_event() -> None:
    case = _case("Colm Averill, 33, was arrested by Greyford Police in Ashbourne on Thursday.")
    (event,) = _events(case, "arrest")
    facts = {(f.attribute, str(f.value)) for f in case.facts_about(event.id)}
    assert ("type", "arrest") in facts
    assert ("patient", "Colm Averill") in facts
    assert ("date", "2024-05-09") in facts
    patient = next(f for f in case.facts_about(event.id, "patient"))
    assert patient.qualifier is not None and patient.qualifier.startswith("p")
    assert all(f.published is not None for f in case.facts_about(event.id))


def test_short_report_end_to_end() -> None:
    text = (
        "A man has been charged after a woman was stabbed in Greyford town centre on Saturday.\n\n"
        "Bella Ashcombe, 29, was taken to hospital with wounds to her arm. Kieran Voss, 31, of Mill Lane, "
        "was arrested on Sunday and charged with wounding with intent on Monday.\n\n"
        "Kieran Voss is due to appear at Greyford Magistrates' Court on May 13."
    )
    case = _case(text)
    voss = _fates(case, "Kieran Voss")
    assert {"arrested", "charged", "due_in_court"} <= {what for what, _, _ in voss}
    assert ("charged", "asserted", "wounding with intent") in voss
    assert "hospitalised" in {what for what, _, _ in _fates(case, "Bella Ashcombe")}


def test_user_catalogue_adds_a_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"types": [{"type": "ship_launch", "verbs": ["christen"], "subject": "agent"}]}))
    case = _case("The mayor christened the ferry Sea Lark on Monday.", events_file=str(path))
    assert _events(case, "ship_launch")
    assert not _events(_case("The mayor christened the ferry Sea Lark on Monday."), "ship_launch")
    monkeypatch.setenv(ENV_VAR, str(path))
    assert any(t.type == "ship_launch" for t in load_catalogue())
    assert len(load_catalogue()) == len(builtin()) + 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"kinds": []}', "'types' list"),
        ('{"types": [{"verbs": ["sail"]}]}', "no 'type'"),
        ('{"types": [{"type": "sail"}]}', "no verbs, nouns or phrases"),
        ('{"types": [{"type": "sail", "verbs": ["sail"], "fate": "sunk"}]}', "not one of"),
        ('{"types": [{"type": "sail", "verbs": ["sail"], "colour": "red"}]}', "unknown field"),
    ],
)
def test_bad_catalogue_file_is_a_coded_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(BadCatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.code == "E301"
    assert reason in str(caught.value) and str(path) in str(caught.value)


def test_missing_catalogue_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(BadCatalogueError, match="cannot be read"):
        load_catalogue(tmp_path / "absent.json")


def test_patient_linked_through_an_apposition() -> None:
    case = _case("Her ex-partner, Gareth Lyle, 47, of Mill Lane, was arrested on Monday.")
    (event,) = _events(case, "arrest")
    assert _arg(case, event, "patient") == ["Gareth Lyle"]
    assert "arrested" in {what for what, _, _ in _fates(case, "Gareth Lyle")}


def test_kill_with_an_object_makes_its_subject_the_agent() -> None:
    case = _case("A speeding van struck and killed Petra Lowe on Harbour Road on Sunday.")
    (death,) = _events(case, "death")
    assert _arg(case, death, "patient") == ["Petra Lowe"]
    assert "Petra Lowe" not in _arg(case, death, "agent")
    assert "died" in {what for what, _, _ in _fates(case, "Petra Lowe")}


def test_pronoun_of_a_passive_fate_verb_takes_the_previous_legal_patient() -> None:
    text = "Kieran Voss, 31, was charged with burglary on Friday. He was remanded in custody."
    case = _case(text)
    (remand,) = _events(case, "remand")
    assert _arg(case, remand, "patient") == ["Kieran Voss"]
    # two men in the previous sentence: the pronoun stays unresolved
    two = _case("Kieran Voss and Colm Averill were charged with burglary on Friday. He was remanded in custody.")
    (remand,) = _events(two, "remand")
    assert _arg(two, remand, "patient") == []


def test_warrant_takes_the_patient_of_a_failure_to_appear() -> None:
    case = _case("A warrant was issued when Colm Averill failed to appear at Wexcombe Crown Court on Monday.")
    (warrant,) = _events(case, "warrant")
    assert _arg(case, warrant, "patient") == ["Colm Averill"]
    assert "warrant_issued" in {what for what, _, _ in _fates(case, "Colm Averill")}


def test_warrant_for_his_arrest_names_him() -> None:
    case = _case("Colm Averill skipped a hearing. A judge issued a warrant for Colm Averill's arrest.")
    (warrant,) = _events(case, "warrant")
    assert _arg(case, warrant, "patient") == ["Colm Averill"]


@pytest.mark.parametrize(
    "text",
    [
        "Bella Ashcombe suffered a deep cut to her hand.",
        "Bella Ashcombe suffered a broken jaw in the crash.",
        "Bella Ashcombe was treated for burns at the scene.",
    ],
)
def test_harm_nouns_as_objects_are_injuries(text: str) -> None:
    case = _case(text)
    assert "injured" in {what for what, _, _ in _fates(case, "Bella Ashcombe")}


def test_harm_noun_elsewhere_is_no_injury() -> None:
    assert not _events(_case("The council announced a cut to the library budget."), "injury")


def test_released_on_bond_is_bail() -> None:
    case = _case("Colm Averill was released Tuesday on a $50,000 unsecured bond.")
    assert _events(case, "bail") and not _events(case, "release")
    assert "bailed" in {what for what, _, _ in _fates(case, "Colm Averill")}


def test_generic_attack_is_another_mention_of_the_stabbing() -> None:
    text = "Ada Fennimore was stabbed in Corhampton on Friday. Police said the attack on a young woman was brutal."
    case = _case(text)
    assert len(_events(case, "stabbing")) == 1
    assert not _events(case, "attack")


def test_victim_of_a_generic_attack_is_who_died_after_it() -> None:
    case = _case("Tilda Marsh died after an attack by Marlon Pettigrew in Corhampton.")
    (attack,) = _events(case, "attack")
    assert _arg(case, attack, "patient") == ["Tilda Marsh"]
    assert _arg(case, attack, "agent") == ["Marlon Pettigrew"]


def test_acquisition_needs_an_organisation() -> None:
    assert not _events(_case("The couple had been saving to buy a house in Corhampton."), "acquisition")
    assert _events(_case("Brackwater Foods acquired Dunmore Dairies in March."), "acquisition")


def test_shot_and_killed_is_died_not_injured() -> None:
    case = _case("Marlon Pettigrew was shot and killed outside his home in Corhampton on Friday.")
    fates = {what for what, _, _ in _fates(case, "Marlon Pettigrew")}
    assert "died" in fates and "injured" not in fates
    lived = _case("Marlon Pettigrew was shot outside his home in Corhampton on Friday.")
    assert "injured" in {what for what, _, _ in _fates(lived, "Marlon Pettigrew")}


def test_stalking_order_is_a_court_order() -> None:
    case = _case("Marlon Pettigrew had breached a stalking order taken out to protect Ada Fennimore.")
    assert _events(case, "court_order")


def _date(case: CaseFile, event: Event) -> str | None:
    time = case.time(event.time_id)
    return time.value if time is not None else None


def test_coordinated_verbs_share_their_object_and_their_time() -> None:
    case = _case(
        "A delivery rider who knocked down and killed a gunman while he was shooting at a shopkeeper has been "
        "released.\n\nThe shopkeeper, Dev Malhotra, 52, was shot in Pellham Road, Corby, on May 3."
    )
    collision = _events(case, "collision")[0]
    assert _arg(case, collision, "patient") == ["a gunman"]
    death = _events(case, "death")[0]
    assert _date(case, death) is None or _date(case, death) == _date(case, collision)


def test_an_event_in_a_while_clause_takes_the_exact_time_of_its_main_event() -> None:
    case = _case(
        "An armed officer shot Gary Pender, 38, while he was stabbing a neighbour in Stourley.\n\n"
        "The shooting of Pender happened on May 3, the force said."
    )
    shooting = _events(case, "shooting")[0]
    assert _date(case, shooting) == "2024-05-03"
    assert [_date(case, e) for e in _events(case, "stabbing")] == ["2024-05-03"]


def test_an_event_inside_a_quote_is_not_dated_by_the_time_the_words_were_said() -> None:
    case = _case(
        "On May 9, in a statement read outside court, Colm Breslin said: 'I watched a man stabbing a "
        "teenager outside the station and I ran to help.'"
    )
    stabbing = _events(case, "stabbing")[0]
    assert _date(case, stabbing) is None
    statement = _events(case, "statement")
    assert statement and _date(case, statement[0]) == "2024-05-09"


def test_a_transitive_type_needs_an_object_or_a_participle() -> None:
    assert not _events(_case("A driver rammed a gunman while he was firing at customers in Harlow."), "dismissal")
    assert _events(_case("Redmarsh Town fired their manager, Colin Ashdown, on Monday."), "dismissal")
    assert _events(_case("Colin Ashdown was fired by Redmarsh Town on Monday."), "dismissal")


def test_an_occupation_word_that_is_a_first_name_stays_in_the_name() -> None:
    case = _case("The gunman, Dean Hollis, 29, died at the scene. Farmer Alan Whiteley, 61, found him.")
    names = {p.name for p in case.people if p.named}
    assert names == {"Dean Hollis", "Alan Whiteley"}
    assert not [f for f in case.facts if f.attribute == "occupation" and f.value == "dean"]


def test_a_bare_plural_is_talk_of_such_events_not_one() -> None:
    case = analyze(
        "Dean Hale was jailed on Friday. His family has started a petition calling for tougher sentences "
        "for street attacks.",
        published="2023-10-14",
        check_language=False,
    )
    sentences = [e for e in case.events if e.type == "sentence"]
    assert [e.trigger.text for e in sentences] == ["jailed"]
    assert not [e for e in case.events if e.type == "attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Bradley Kessler, 47, was released on bond. If convicted, Kessler faces up to 20 years in prison.",
        "Bradley Kessler, 47, was released on bond. He faces 20 years in prison if he is convicted.",
    ],
)
def test_a_fate_in_a_clause_of_condition_has_not_happened(text: str) -> None:
    assert not any(what == "convicted" for what, _, _ in _fates(_case(text), "Bradley Kessler"))


def test_drowned_is_a_death() -> None:
    case = _case(
        "A 58-year-old fisherman drowned after his boat capsized on Thursday.\n\n"
        "The man, named locally as Gerald Pyke, had fished out of Little Harbour for 40 years."
    )
    assert "died" in {what for what, _, _ in _fates(case, "Gerald Pyke")}
