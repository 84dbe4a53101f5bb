"""Occupations, nationalities and relations stated beside a name: fictional sentences."""

from __future__ import annotations

from typing import Any

import pytest

from storydesk import analyze
from storydesk.model import CaseFile


def _case(text: str) -> CaseFile:
    return analyze(text, published="2023-06-01", check_language=False)


def _values(case: CaseFile, name: str, attribute: str) -> set[Any]:
    people = [p for p in case.people if p.name == name]
    assert people, f"{name!r} not among {[p.name for p in case.people]}"
    return {f.value for f in case.facts_about(people[0].id, attribute)}


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        ("Maya Trent, 27, a delivery driver, was found with wounds to her arm.", "Maya Trent", {"delivery driver"}),
        ("Store owner Piotr Lesniak, 66, said nothing had been taken.", "Piotr Lesniak", {"store owner"}),
        ("Hollis' attorney, Dana Wirth, said her client was innocent.", "Dana Wirth", {"attorney"}),
        (
            "Ruth Penhallow, chief executive of the Tamar Growers' Association, said the barn was safe.",
            "Ruth Penhallow",
            {"chief executive of the Tamar Growers' Association"},
        ),
        ("Circuit Judge Owen Farrow told jurors the trial would last a week.", "Owen Farrow", {"circuit judge"}),
        ("Farmer Neville Hask, 67, suffered burns to his hands.", "Neville Hask", {"farmer"}),
        (
            "Investigators believe Brice Mallow, a father of three who worked as a forklift operator, was shot.",
            "Brice Mallow",
            {"forklift operator"},
        ),
        ("Mrs Justice Carrow said the sentence reflected the harm done.", "Carrow", {"judge"}),
        # an office head with a name or noun qualifying it
        (
            "Tenby Town Council leader Margaret Owens said the vote was close.",
            "Margaret Owens",
            {"Tenby Town Council leader"},
        ),
        (
            "Margaret Owens, leader of Tenby Town Council, said the vote was close.",
            "Margaret Owens",
            {"leader of Tenby Town Council"},
        ),
        ("Rovers' director of football, Alan Pike, said the deal was done.", "Alan Pike", {"director of football"}),
        # a listed occupation before the name, whatever the parser makes of it
        ("Kelso Saints prop Sione Latu has been banned for four weeks.", "Sione Latu", {"Kelso Saints prop"}),
        ("Liz Marr, the union's regional organiser, said the ballot was clear.", "Liz Marr", {"regional organiser"}),
        (
            "VitalTrack's co-founder and former chief operating officer, Jenna Albin, 35, pleaded guilty.",
            "Jenna Albin",
            {"co-founder", "former chief operating officer"},
        ),
        ("Tollgate's head brewer, Dr Jonas Weller, said the kit was new.", "Jonas Weller", {"head brewer"}),
        ("The landlord of the Drovers Arms, Gary Whitby, said it had been quiet.", "Gary Whitby", {"landlord"}),
        ("Tasha Greer, 37, an off-duty paramedic, was among the first to help.", "Tasha Greer", {"off-duty paramedic"}),
    ],
)
def test_occupation_stated_beside_the_name(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


def test_an_occupation_before_a_possessive_name_is_not_the_owners() -> None:
    case = _case(
        "Ivor Penrose, 41, a delivery driver, died in May. A statement was read to the court by a police officer, "
        "Mr Penrose's sister, Carys Penrose, said he was kind."
    )
    assert _values(case, "Ivor Penrose", "occupation") == {"delivery driver"}


def test_occupation_head_alone_gives_way_to_the_fuller_phrase() -> None:
    case = _case("Gwyneth Rhys, 71, a retired school cook, was waiting for a bus.")
    assert _values(case, "Gwyneth Rhys", "occupation") == {"retired school cook"}


@pytest.mark.parametrize(
    ("text", "name", "nationalities"),
    [
        ("Anna Kowal, 36, a Polish national, was found at her flat.", "Anna Kowal", {"Polish"}),
        ("Kwame Asante, a Ghanaian-American economist, was named treasurer.", "Kwame Asante", {"Ghanaian-American"}),
        # a party is not a nationality
        ("Conservative MP Giles Hartwell said he would resign.", "Giles Hartwell", set()),
        ("Polish-born taxi driver Tomasz Wrobel, 44, saw the fight.", "Tomasz Wrobel", {"Polish"}),
        # a country right after the name, as results give it; a town gives none
        ("The hurdles were won by Amira Hassan of Egypt in 12.61sec.", "Amira Hassan", {"Egyptian"}),
        ("Tom Reid of Leeds came second.", "Tom Reid", set()),
    ],
)
def test_nationality_only_from_demonyms(text: str, name: str, nationalities: set[str]) -> None:
    assert _values(_case(text), name, "nationality") == nationalities


def test_a_person_named_only_with_an_age_is_still_found() -> None:
    case = _case("Rescuers were still searching. Tobin Ashgrove, 22, a student, has not been found.")
    assert _values(case, "Tobin Ashgrove", "age") == {22}


def test_possessive_relation_opening_a_sentence_owns_the_previous_subject() -> None:
    case = _case(
        "Elin Marwood, 14, was taken to hospital with head injuries.\n\n"
        "Her mother, Carys Marwood, said that Elin was fighting hard."
    )
    assert ("mother of", "Elin Marwood") in {
        (f.value, f.qualifier) for f in case.facts_about(next(p.id for p in case.people if p.name == "Carys Marwood"))
    }


def test_a_relation_the_text_states_keeps_its_word_whatever_the_genders() -> None:
    case = _case(
        "Ffion Rhys, 43, was stabbed outside her home.\n\n"
        "Her ex-partner, Owain Pryce, 47, was arrested on suspicion of murder. He denies it."
    )
    owain = next(p.id for p in case.people if p.name == "Owain Pryce")
    assert {(f.value, f.qualifier) for f in case.facts_about(owain, "relation")} == {("ex-partner of", "Ffion Rhys")}


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        ("Fire Chief Ada Morrow said the blaze began in a kitchen.", "Ada Morrow", {"fire chief"}),
        ("Police Chief Len Orwig said two men were held.", "Len Orwig", {"police chief"}),
        # a rank is no occupation
        ("Sgt. Len Orwig said two men were held.", "Len Orwig", set()),
        ("Speaking for the Crown, Daniel Marsh KC said the attack was planned.", "Daniel Marsh", {"barrister"}),
        # a judge who is a KC sits as a judge
        ("Judge Owain Price KC told the defendant to stand.", "Owain Price", {"judge"}),
        ("Kit Rowe, 29, a special adviser to the minister, resigned.", "Kit Rowe", {"special adviser"}),
    ],
)
def test_offices_counsel_and_advisers(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


@pytest.mark.parametrize(
    ("text", "name", "genders"),
    [
        ("The line was closed. Company spokeswoman Dana Orr said it would reopen on Monday.", "Dana Orr", {"female"}),
        ("Sgt. Olu Baines, a police spokesman, said two men were held.", "Olu Baines", {"male"}),
        # chairman is used of women too: no gender from it
        ("Pat Lindqvist, chairman of the Harbour Trust, said the pier was safe.", "Pat Lindqvist", set()),
    ],
)
def test_gendered_occupation_head_states_the_gender(text: str, name: str, genders: set[str]) -> None:
    assert _values(_case(text), name, "gender") == genders


def test_an_office_alone_or_with_a_plain_complement_is_no_occupation() -> None:
    case = _case("Margaret Owens, the leader of the walk, said the path was clear. Ann Mole, former leader, agreed.")
    assert _values(case, "Margaret Owens", "occupation") == set()
    assert _values(case, "Ann Mole", "occupation") == set()


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        (
            "Rhona Tait ran the farm. Tait's younger brother, Iain Tait, 58, who sits on the board, voted against it.",
            {("Iain Tait", "brother of", "Rhona Tait"), ("Rhona Tait", "sibling of", "Iain Tait")},
        ),
        (
            "Kieran Voss, 20, died in May. Kieran's mother, Paula Voss, wept as the verdict was read.",
            {("Paula Voss", "mother of", "Kieran Voss"), ("Kieran Voss", "child of", "Paula Voss")},
        ),
        (
            "Helen Lund died. Tom Lund, the son of Helen and Erik Lund, said his parents met in 1960.",
            {
                ("Tom Lund", "son of", "Helen Lund"),
                ("Tom Lund", "son of", "Erik Lund"),
                ("Helen Lund", "parent of", "Tom Lund"),
                ("Erik Lund", "parent of", "Tom Lund"),
            },
        ),
        (
            "Ollie Marr, 20, was hurt. Marr, the son of former England hooker Dean Marr, trained on Monday.",
            {("Ollie Marr", "son of", "Dean Marr"), ("Dean Marr", "parent of", "Ollie Marr")},
        ),
        (
            "Rita Hale, 14, was taken to hospital. Six people were treated at the scene. All have been "
            "discharged. Her mother, Nicola Hale, said Rita was fighting.",
            {("Nicola Hale", "mother of", "Rita Hale"), ("Rita Hale", "daughter of", "Nicola Hale")},
        ),
        (
            "Gloria Whitby stepped down last month. In a statement, her daughter, Monica Whitby-Reyes, "
            "said her mother was recovering.",
            {
                ("Monica Whitby-Reyes", "daughter of", "Gloria Whitby"),
                ("Gloria Whitby", "mother of", "Monica Whitby-Reyes"),
            },
        ),
        (
            "Emma Pratt, 9, died. Jason Pratt, 41, who is Emma's father, was treated for hypothermia.",
            {("Jason Pratt", "father of", "Emma Pratt"), ("Emma Pratt", "child of", "Jason Pratt")},
        ),
        (
            "Rick Hallam was fired on Monday. His wife, Denise, posted a photograph, and their son, "
            "Luke Hallam, a linebacker, shared the post.",
            {
                ("Denise", "wife of", "Rick Hallam"),
                ("Rick Hallam", "husband of", "Denise"),
                ("Luke Hallam", "son of", "Rick Hallam"),
                ("Luke Hallam", "son of", "Denise"),
                ("Rick Hallam", "father of", "Luke Hallam"),
                ("Denise", "mother of", "Luke Hallam"),
            },
        ),
        (
            "Hollie Dempster collapsed at mile 22. Her husband and coach, Phil Dempster, posted a message.",
            {("Phil Dempster", "husband of", "Hollie Dempster"), ("Hollie Dempster", "wife of", "Phil Dempster")},
        ),
        (
            "Kyle Brand, 31, was shot. Brand's parents, Dennis and Marjorie Brand, sat behind the prosecution.",
            {
                ("Dennis Brand", "parent of", "Kyle Brand"),
                ("Marjorie Brand", "parent of", "Kyle Brand"),
                ("Kyle Brand", "child of", "Dennis Brand"),
                ("Kyle Brand", "child of", "Marjorie Brand"),
            },
        ),
        (
            "The crash killed Maria Ruiz and hurt her sister, Ana Ruiz. The sisters' mother, Lucia Ruiz, spoke.",
            {
                ("Ana Ruiz", "sister of", "Maria Ruiz"),
                ("Maria Ruiz", "sister of", "Ana Ruiz"),
                ("Lucia Ruiz", "mother of", "Maria Ruiz"),
                ("Lucia Ruiz", "mother of", "Ana Ruiz"),
                ("Maria Ruiz", "daughter of", "Lucia Ruiz"),
                ("Ana Ruiz", "daughter of", "Lucia Ruiz"),
            },
        ),
        (
            "'It was hard,' said Ellen Harlan-Voss, 63, the company's chief executive and the granddaughter of "
            "founder Walter Harlan.",
            {
                ("Ellen Harlan-Voss", "granddaughter of", "Walter Harlan"),
                ("Walter Harlan", "grandparent of", "Ellen Harlan-Voss"),
            },
        ),
        (
            "Stijn Maes, whose father Luc was a professional rider, won the race.",
            {("Luc", "father of", "Stijn Maes"), ("Stijn Maes", "child of", "Luc")},
        ),
        (
            "Corbin Hale, 26, was charged. His attorney, public defender Grant Sowell, declined to comment.",
            {("Grant Sowell", "lawyer of", "Corbin Hale"), ("Corbin Hale", "client of", "Grant Sowell")},
        ),
    ],
)
def test_relations_stated_before_and_after_names(text: str, relations: set[tuple[str, str, str]]) -> None:
    case = _case(text)
    found = {(f.subject_name, f.value, f.qualifier) for f in case.facts if f.attribute == "relation"}
    assert found == relations


def test_a_possessive_across_a_clause_owns_no_relation() -> None:
    case = _case("Kieran Voss, 20, died. Kieran's mother, Paula Voss, wept.")
    assert ("Kieran Voss", "mother of", "Paula Voss") not in {
        (f.subject_name, f.value, f.qualifier) for f in case.facts if f.attribute == "relation"
    }


def test_the_son_of_a_friend_of_someone_is_not_their_son() -> None:
    case = _case("Tom Reid, 30, the son of a friend of Ann Bell, spoke.")
    assert not [f for f in case.facts if f.attribute == "relation"]


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        # a post taken, held or left
        (
            "Colin Marsh, 68, who founded the bakery in 1990, will step down as managing director next month.",
            "Colin Marsh",
            {"managing director", "bakery founder"},
        ),
        ("Dale Futter said he would stay on as chairman.", "Dale Futter", {"chairman"}),
        (
            "Senator Ruth Kell had been removed as chair of the Senate Budget Committee.",
            "Ruth Kell",
            {"senator", "chair of the Senate Budget Committee"},
        ),
        # the copula, in a main clause or a "who" clause
        ("Tom Brice is a roofer from Leeds.", "Tom Brice", {"roofer"}),
        (
            "Ms Ivey, who was head of St Anne's Primary School for 19 years, entered the race.",
            "Ivey",
            {"head of St Anne's Primary School"},
        ),
        ("Her father Luc was a professional rider in the 1990s.", "Luc", {"professional rider"}),
        # a verb of office with a named object
        (
            "Rachel Dorn, who chairs the Senate Finance Committee, said staff would review it.",
            "Rachel Dorn",
            {"chair of the Senate Finance Committee"},
        ),
        ("Dan Webb, who founded Quillstone in 2014, agreed.", "Dan Webb", {"founder of Quillstone"}),
        ("Priti Shah, who owns a dog, said nothing.", "Priti Shah", set()),
        # a second verb of the same subject
        (
            "His niece, Maria Kell, has run the firm since 2008 and will stay on as non-executive chair.",
            "Maria Kell",
            {"non-executive chair"},
        ),
    ],
)
def test_occupation_said_by_a_verb(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


@pytest.mark.parametrize(
    "text",
    [
        "Kev Doyle started at the mill as a 16-year-old apprentice in 1977.",  # what he was then
        "Kev Doyle returned as a hero.",  # no occupation
        "Kev Doyle is a decent and hardworking mayor, his rival said.",  # an opinion
        "'Kev Doyle was a poor manager,' his rival said.",  # a speaker's words
    ],
)
def test_a_verb_states_no_occupation_for_a_judgement_or_a_past_age(text: str) -> None:
    assert _values(_case(text), "Kev Doyle", "occupation") == set()


def test_non_family_relation_nouns() -> None:
    case = _case(
        "Lena Brandt won the 1500m. Her coach, Paolo Ferri, said she was ready. "
        "Senator Dwight Lenn spoke first. His aide, Carla Ruiz, took notes."
    )
    found = {(f.subject_name, f.value, f.qualifier) for f in case.facts if f.attribute == "relation"}
    assert ("Paolo Ferri", "coach of", "Lena Brandt") in found
    assert ("Lena Brandt", "coached by", "Paolo Ferri") in found
    assert ("Carla Ruiz", "aide to", "Dwight Lenn") in found


def test_a_kin_noun_is_the_one_person_already_holding_that_relation() -> None:
    # "Dunne's father" is Mick Dunne, not a new unnamed person, and says he is male
    case = _case(
        "His stand-in, 19-year-old Sam Dunne, came on at half-time. Dunne, the son of former Town "
        "striker Mick Dunne, then made a fine save. Dunne's father was among the crowd of 3,118."
    )
    assert [p.name for p in case.people if not p.named] == []
    assert _values(case, "Mick Dunne", "gender") == {"male"}
    assert _values(case, "Mick Dunne", "relation") == {"father of"}


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        ("Tobias Marsh, a tinsmith, founded the works in 1919.", "Tobias Marsh", {"tinsmith"}),
        ("Frank Pike, a retired steelworker, died in 2019.", "Frank Pike", {"retired steelworker"}),
        ("Gail Rudd, the licensee of the Plough, said it was quiet.", "Gail Rudd", {"licensee"}),
    ],
)
def test_occupations_by_their_ending_or_the_table(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


def test_now_an_age_and_an_occupation() -> None:
    case = _case("Lucy Pereira, now 26 and a graduate student in marine biology, walked to the lectern.")
    assert _values(case, "Lucy Pereira", "age") == {26}
    assert _values(case, "Lucy Pereira", "occupation") == {"graduate student"}


def test_the_sisters_mother_is_the_mother_of_the_sisters_the_text_relates() -> None:
    case = _case(
        "Margaret Allott, 71, died. Her granddaughter, Chloe Allott, 19, was hurt. The sisters' mother, "
        "Helen Allott, said Chloe and her older sister, Amy Allott, had been inseparable from their grandmother."
    )
    mother = {
        (f.value, f.qualifier) for f in case.facts if f.subject_name == "Helen Allott" and f.attribute == "relation"
    }
    assert mother == {("mother of", "Chloe Allott"), ("mother of", "Amy Allott")}


def test_a_siblings_parent_is_ones_own() -> None:
    case = _case(
        "Maureen Pike, 86, waited 27 hours. Her daughter, Julie Pike, said she was frightened. "
        "Julie's brother, Stephen Pike, said he had complained."
    )
    found = {(f.subject_name, f.value, f.qualifier) for f in case.facts if f.attribute == "relation"}
    assert ("Maureen Pike", "mother of", "Stephen Pike") in found
    assert ("Stephen Pike", "son of", "Maureen Pike") in found


def test_who_chairs_a_body() -> None:
    case = _case("Dr Hamid Yousef, who runs a practice and chairs the local medical committee, spoke.")
    assert _values(case, "Hamid Yousef", "occupation") == {"chair of the local medical committee"}


def test_an_inverse_relation_takes_the_gender_the_text_gives_later() -> None:
    # Darragh's gender comes only from "brothers", after "child of" was first written
    case = _case(
        "Darragh Fahy scored twice and his captain, Ronan Fahy, lifted the cup. The Fahy brothers' mother, "
        "Bernadette Fahy, ran on to the pitch."
    )
    found = {(f.subject_name, f.value, f.qualifier) for f in case.facts if f.attribute == "relation"}
    assert ("Darragh Fahy", "son of", "Bernadette Fahy") in found


def test_who_clause_on_a_relation_noun_and_become() -> None:
    case = _case(
        "Malcolm Whitby, 66, will stay on as chairman. His daughter, Helen Whitby, 38, will become chief "
        "executive on 1 June. Mr Whitby's wife, Pauline, who chairs the Whitby Family Trust, agreed."
    )
    assert "chief executive" in _values(case, "Helen Whitby", "occupation")
    assert _values(case, "Pauline", "occupation") == {"chair of the Whitby Family Trust"}


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        (
            "Grace Ollerton has been elected mayor of Wexhampton, ending a 12-year Labour run.",
            "Grace Ollerton",
            {"mayor"},
        ),
        ("Tomasz Rybak was appointed chief constable of Hallamshire in May.", "Tomasz Rybak", {"chief constable"}),
        (
            "Ines Corrie, who was named chief executive in March, said the plant would stay.",
            "Ines Corrie",
            {"chief executive"},
        ),
        ("Dale Amory was named the new manager of Pellow Rovers.", "Dale Amory", {"manager of Pellow Rovers"}),
        ("Kofi Mensah was named player of the match.", "Kofi Mensah", set()),
        ("The board appointed Ruth Kell chief executive.", "Ruth Kell", set()),
    ],
)
def test_a_post_someone_is_put_in(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        (
            "Harwood District Council's leader, Cllr Bernard Oakes, said the rest centre would stay open.",
            "Bernard Oakes",
            {"Harwood District Council leader", "councillor"},
        ),
        (
            "Her deputy, Owen Tregarth, will act as interim leader until a full council meeting.",
            "Owen Tregarth",
            {"deputy", "interim leader"},
        ),
        (
            "Her father, Robert Pennington, who chaired the company until 2015, backed the sale.",
            "Robert Pennington",
            {"former chair of the company"},
        ),
    ],
)
def test_offices_owned_interim_and_past(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        (
            "Graham Pettigrew, 61, who has led the Conservative-run authority since 2018, resigned.",
            "Graham Pettigrew",
            {"leader of the Conservative-run authority"},
        ),
        ("Tom Reeve led police to the body.", "Tom Reeve", set()),
        ("Ann Bellamy, who led the inquiry, said it was thorough.", "Ann Bellamy", set()),
        ("His son, Mark Pettigrew, is a Conservative councillor.", "Mark Pettigrew", {"Conservative councillor"}),
    ],
)
def test_leading_a_body_and_a_party_before_an_office(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        (
            "Gary Lund, 55, who manages the grocery store, said he hid in the cooler.",
            "Gary Lund",
            {"grocery store manager"},
        ),
        (
            "Chief Ade Bello, 74, will relinquish his position as managing director in June.",
            "Ade Bello",
            {"managing director"},
        ),
        ("Tom Reeve, who owns a dog, said he was fine.", "Tom Reeve", set()),
    ],
)
def test_posts_held_by_verb_or_as(text: str, name: str, occupations: set[str]) -> None:
    case = analyze(text, published="2023-06-01", check_language=False)
    person = next(p for p in case.people if p.name == name)
    assert {f.value for f in case.facts_about(person.id, "occupation")} == occupations


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        (
            "Priya Raman, one of the two obstetricians, said she understood the decision.",
            "Priya Raman",
            {"obstetrician"},
        ),
        ("Tom Hale, one of the hospital's senior nurses at the unit, agreed.", "Tom Hale", {"senior nurse"}),
        (
            "Maribel Ortega said Thursday she will resign next month to become president of Calloway College.",
            "Maribel Ortega",
            {"president of Calloway College"},
        ),
        (
            "Harold Pike was a retired mail carrier who had lived on County Road J for 50 years, said his nephew.",
            "Harold Pike",
            {"retired mail carrier"},
        ),
    ],
)
def test_one_of_to_become_and_two_word_trades(text: str, name: str, occupations: set[str]) -> None:
    case = analyze(text, published="2023-06-01", check_language=False)
    person = next(p for p in case.people if p.name == name)
    assert {f.value for f in case.facts_about(person.id, "occupation")} == occupations


def test_a_verb_tagged_as_a_name_is_no_part_of_a_job() -> None:
    case = analyze(
        "Kilima MCAs yesterday voted to impeach county Health executive Dr Mary Kamau, two years after she "
        "was sworn in.",
        published="2023-06-01",
        check_language=False,
    )
    person = next(p for p in case.people if p.name == "Mary Kamau")
    assert {f.value for f in case.facts_about(person.id, "occupation")} == {"county Health executive"}


def test_a_lower_case_compound_tagged_as_a_name_stays_in_the_job() -> None:
    case = analyze(
        "Among those at the service was the minibus driver, Colin Sedgley, 67. Mr Sedgley, a retired bus "
        "driver, did not speak.",
        published="2023-06-01",
        check_language=False,
    )
    person = next(p for p in case.people if p.name == "Colin Sedgley")
    assert {f.value for f in case.facts_about(person.id, "occupation")} == {"minibus driver", "retired bus driver"}


@pytest.mark.parametrize(
    ("text", "name", "occupations"),
    [
        ("Emily Shaw, prosecuting, told the court the payments began in 2019.", "Emily Shaw", {"prosecutor"}),
        ("Prosecuting, Tom Adeyemi said the couple had separated in May.", "Tom Adeyemi", {"prosecutor"}),
        (
            "Hugh Marren, who sits on the board and owns 12 percent of the shares, voted against the sale.",
            "Hugh Marren",
            {"board member"},
        ),
        (
            "Dev Kaur, 44, who runs a bicycle repair business in the town, said he had no plans to stand.",
            "Dev Kaur",
            {"bicycle repair business owner"},
        ),
        # running a company says nothing of owning it
        ("Ines Barr, who runs the company, said the offer was fair.", "Ines Barr", set()),
        (
            "Earl Tate died on Sunday. Earl Tate was a retired coal miner and a deacon at Hill Creek Church.",
            "Earl Tate",
            {"retired coal miner", "deacon"},
        ),
        (
            "Board member Carol Fenn, a retired nurse, voted against the closure.",
            "Carol Fenn",
            {"board member", "retired nurse"},
        ),
    ],
)
def test_occupation_stated_by_a_verb_or_a_court_role(text: str, name: str, occupations: set[str]) -> None:
    assert _values(_case(text), name, "occupation") == occupations
