"""Links between people a reader makes across sentences: an unnamed lede person and the name
given later, a kin noun and the name that follows it, the owner of an apposed his/her."""

from __future__ import annotations

from storydesk import analyze
from storydesk.model import CaseFile


def _case(text: str) -> CaseFile:
    return analyze(text, published="2023-06-01", check_language=False)


def _relations(case: CaseFile, name: str) -> set[tuple[str, str | None]]:
    person = next(p for p in case.people if p.name == name)
    return {(str(f.value), f.qualifier) for f in case.facts_about(person.id, "relation")}


def _names(case: CaseFile) -> list[str]:
    return [p.name for p in case.people]


def test_lede_girl_is_the_named_girl_of_her_age_whose_gender_only_her_forename_gives() -> None:
    case = _case(
        "A 12-year-old girl is in hospital after a go-kart left the track at a fair in Wexcombe.\n\n"
        "Poppy Larner, 12, from Ashdene, was flown to hospital with leg injuries.\n\n"
        "Her father, Gary Larner, said she was recovering."
    )
    assert "A 12-year-old girl" not in _names(case)
    poppy = next(p for p in case.people if p.name == "Poppy Larner")
    assert {m.evidence.text for m in poppy.mentions} >= {"A 12-year-old girl", "Poppy Larner"}


def test_a_later_aged_description_does_not_keep_the_lede_person_apart() -> None:
    case = _case(
        "A 20-year-old man was killed in a shooting in Pell City late Saturday.\n\n"
        "Deputies found Andre Mims, 20, in the street. He died at the scene.\n\n"
        "'It ended with a 20-year-old dead on a sidewalk,' Sheriff Dana Culp said."
    )
    assert "A 20-year-old man" not in _names(case)


def test_lede_man_stays_apart_from_a_named_woman_of_his_age() -> None:
    case = _case(
        "A 33-year-old man was arrested after a crash on the A40 on Friday.\n\n"
        "Megan Hollis, 33, a passenger in the other car, was treated for cuts."
    )
    assert "A 33-year-old man" in _names(case)


def test_kin_noun_ending_a_sentence_is_the_name_opening_the_next() -> None:
    case = _case(
        "Chief Tunde Bakare, 71, will step down as chairman of Bakare Mills in March and become its "
        "honorary president. He will be succeeded by his son. Kunle Bakare, 45, an engineer, has run "
        "the Lagos plant since 2015. Another son, Seyi Bakare, lives in London."
    )
    assert ("son of", "Tunde Bakare") in _relations(case, "Kunle Bakare")
    assert ("father of", "Kunle Bakare") in _relations(case, "Tunde Bakare")
    assert ("son of", "Tunde Bakare") not in _relations(case, "Seyi Bakare")


def test_their_father_is_the_father_of_the_people_of_his_surname_named_before() -> None:
    case = _case(
        "Jaco Steyn landed the winning penalty. Pieter Steyn, the Lions' flanker, made 14 tackles. "
        "Their father, Hennie Steyn, watched from the stand."
    )
    assert _relations(case, "Hennie Steyn") >= {("father of", "Jaco Steyn"), ("father of", "Pieter Steyn")}


def test_apposed_his_is_not_the_name_it_stands_beside() -> None:
    case = _case("Jaco Steyn landed the winning penalty. Pieter Steyn, his brother, made 14 tackles.")
    assert _relations(case, "Pieter Steyn") == {("brother of", "Jaco Steyn")}
    assert _relations(case, "Jaco Steyn") == {("brother of", "Pieter Steyn")}


def test_apposed_her_gives_no_gender_to_the_name() -> None:
    case = _case("Anna Kowal, 36, was found dead at her flat. Lee Barrow, 41, her former husband, was arrested.")
    barrow = next(p for p in case.people if p.name == "Lee Barrow")
    assert {f.value for f in case.facts_about(barrow.id, "gender")} == {"male"}
    assert _relations(case, "Lee Barrow") == {("ex-husband of", "Anna Kowal")}


def test_her_two_children_are_hers_not_the_sentence_subjects() -> None:
    case = _case(
        "In 1998 Tom Brenner married Ruth Hale, a widow, and became stepfather to her two children, Amy and Dan."
    )
    assert ("child of", "Ruth Hale") in _relations(case, "Amy")
    assert ("child of", "Tom Brenner") not in _relations(case, "Amy")
    assert ("child of", "Tom Brenner") not in _relations(case, "Dan")


def test_a_predicative_description_does_not_block_the_next_he() -> None:
    case = _case(
        "Sir Alan Prowse, 70, will give up his post as managing director and become the firm's "
        "life president. He will be succeeded by his daughter. Helen Prowse, 41, is finance director."
    )
    assert ("daughter of", "Alan Prowse") in _relations(case, "Helen Prowse")


def test_bare_surname_is_not_the_relative_the_report_brought_in_by_kin_noun() -> None:
    case = _case(
        "Arthur Pell, who ran the Elm Street bakery for 50 years, died Monday. He was 91.\n\n"
        "His son, Graham Pell, said his father had baked until March.\n\n"
        "Born in Dunmore in 1933, Pell was the eldest of four children of Ida and Frank Pell."
    )
    arthur = next(p for p in case.people if p.name == "Arthur Pell")
    assert "Pell" in {m.evidence.text for m in arthur.mentions if m.kind == "surname"}


def test_bare_surname_that_speaks_is_the_relative_just_quoted() -> None:
    case = _case(
        "Among the patients is Lily Brand, 7, who visited the farm with her grandmother.\n\n"
        "Her mother, Claire Brand, 33, said the girl was recovering. 'She is so brave,' Brand said."
    )
    claire = next(p for p in case.people if p.name == "Claire Brand")
    assert "Brand" in {m.evidence.text for m in claire.mentions if m.kind == "surname"}


def test_known_forename_the_model_left_out_joins_the_surname() -> None:
    case = _case(
        "A 12-year-old girl was hurt at a fair in Wexcombe.\n\n"
        "Poppy Larner, 12, from Ashdene, was flown to hospital.\n\n"
        "Her father, Gary Larner, said she was recovering."
    )
    assert "Poppy Larner" in _names(case)
    gary = next(p for p in case.people if p.name == "Gary Larner")
    assert {f.value for f in case.facts_about(gary.id, "age")} == set()


def test_survivors_list_gives_each_named_survivor_their_kin_noun() -> None:
    case = _case(
        "Harold Mottram, who ran the Bridge Street pharmacy for 40 years, died Friday. He was 90. "
        "He is survived by his stepson; a daughter, Ellen Mottram Price, of Dayton; and two brothers, "
        "Cyril and Leonard Mottram."
    )
    assert ("daughter of", "Harold Mottram") in _relations(case, "Ellen Mottram Price")
    assert ("brother of", "Harold Mottram") in _relations(case, "Leonard Mottram")
    assert ("father of", "Ellen Mottram Price") in _relations(case, "Harold Mottram")


def test_road_and_trade_words_are_not_names() -> None:
    case = _case(
        "Firefighter Dakota Hale, 22, was hurt when a rescue boat overturned.\n\n"
        "'I worry about the woman who lives out past Route K, who has her third baby fast,' Dr Ellen Marsh said."
    )
    assert "Dakota Hale" in _names(case)
    assert not any("Route" in name or "Firefighter" in name for name in _names(case))


def test_an_age_after_a_definite_description_keeps_it_from_an_older_namesake() -> None:
    case = _case(
        "State Sen. Harold Brandt, 68, said he would resign. Rep. Colleen Brandt, who is not related to "
        "the senator, said she was considering a run. The second-term lawmaker, 41, is a former prosecutor."
    )
    colleen = next(p for p in case.people if p.name == "Colleen Brandt")
    harold = next(p for p in case.people if p.name == "Harold Brandt")
    assert {f.value for f in case.facts_about(harold.id, "age")} == {68}
    assert {f.value for f in case.facts_about(colleen.id, "age")} == {41}


def test_the_one_survived_is_the_one_who_died_though_other_men_were_named_since() -> None:
    case = _case(
        "Chief Emeka Obi, a retired judge, is dead. He was 88.\n\n"
        "The governor, Mr Tunde Bello, and the traditional ruler, Igwe Paul Ude, praised him.\n\n"
        "He is survived by his wife, Ngozi Obi, and four children. His brother, Pa Ike Obi, 80, also survives him."
    )
    assert ("wife of", "Emeka Obi") in _relations(case, "Ngozi Obi")
    assert ("brother of", "Emeka Obi") in _relations(case, "Ike Obi")
    assert not any(other in {"Tunde Bello", "Paul Ude"} for _, other in _relations(case, "Ngozi Obi"))


def test_the_couples_son_is_the_son_of_both() -> None:
    case = _case(
        "State Sen. Walter Hinds said his wife, Ruth Hinds, had been ill since May. "
        "The couple's son, who lives in Omaha, has moved home to help."
    )
    assert _relations(case, "The couple's son") == {("son of", "Walter Hinds"), ("son of", "Ruth Hinds")}
    assert ("mother of", "The couple's son") in _relations(case, "Ruth Hinds")


def test_their_mother_is_the_mother_of_the_two_sisters() -> None:
    case = _case("Alyssa Marr and her sister Brianna Marr were at home. Their mother said they were lucky.")
    assert _relations(case, "Their mother") == {("mother of", "Alyssa Marr"), ("mother of", "Brianna Marr")}


def test_their_after_another_group_is_not_the_couples() -> None:
    case = _case(
        "Karen Lowe had separated from her husband, Stephen Lowe. "
        "Her son, 15, and her daughter, 11, would remain with their father."
    )
    assert "their father" not in _names(case)


def test_owner_phrase_is_no_clause() -> None:
    case = _case(
        "Emma Pratt, 9, was found safe. Her father, Jason Pratt, said her mother, Amanda Pratt, had stayed "
        "on shore with the couple's younger son."
    )
    assert not any(label == "son of" for label, _ in _relations(case, "Amanda Pratt"))


def test_a_spouse_noun_is_the_name_of_the_owners_surname_opening_the_next_sentence() -> None:
    case = _case(
        "Sen. Harold Voss said his wife of 40 years was diagnosed with ALS in January. "
        "Marilyn Voss, a retired teacher, has taught piano for decades."
    )
    assert _relations(case, "Marilyn Voss") == {("wife of", "Harold Voss")}


def test_their_grandfather_is_the_man_the_next_sentence_names() -> None:
    case = _case(
        "Vincent Amato and his sister, Laura Amato, run the chain. Their grandfather, an immigrant, "
        "founded the business. Salvatore Amato opened the first store in 1952."
    )
    assert _relations(case, "Salvatore Amato") >= {
        ("grandfather of", "Vincent Amato"),
        ("grandfather of", "Laura Amato"),
    }
    assert "Their grandfather" not in _names(case)


def test_an_aged_kin_noun_is_one_person_not_two() -> None:
    case = _case(
        "Among those rescued were Janice Mullins, 63, and her 9-year-old grandson, who had climbed onto a tank."
    )
    grandsons = [p for p in case.people if p.name == "her 9-year-old grandson"]
    assert len(grandsons) == 1
    assert _relations(case, "her 9-year-old grandson") == {("grandson of", "Janice Mullins")}


def test_a_name_with_and_without_its_middle_initial_is_one_person() -> None:
    case = _case("Dustin R. Pruitt, 23, was arrested Monday. Online records show Dustin Pruitt was convicted in 2021.")
    assert _names(case) == ["Dustin R. Pruitt"]


def test_the_dead_man_of_a_misparsed_lede_is_the_one_survived() -> None:
    case = _case(
        "Arthur 'Bud' Lowe, who poured coffee, flipped eggs and settled arguments at his diner for 50 years, "
        "died Wednesday. His son, Mike Lowe, said he had been ill.\n\n"
        "In addition to his wife and son, he is survived by his stepdaughter; a daughter, Gina Lowe Bell, of Raleigh."
    )
    assert ("daughter of", "Arthur Lowe") in _relations(case, "Gina Lowe Bell")


def test_a_possessive_after_a_speaker_who_spoke_of_herself_is_hers() -> None:
    case = _case(
        "Dr Ellen Marsh said the unit would close.\n\n"
        "Shauna Pyle, 29, sat in the back row. Pyle said she had planned to have Marsh deliver the baby.\n\n"
        "Her husband works nights as a lineman. Nate Pyle said he keeps a bag packed."
    )
    assert _relations(case, "Nate Pyle") == {("husband of", "Shauna Pyle")}
    nate = next(p for p in case.people if p.name == "Nate Pyle")
    assert {f.value for f in case.facts_about(nate.id, "occupation")} == {"lineman"}


def test_parents_given_only_by_trade_are_unnamed_parents() -> None:
    case = _case(
        "Jack Tolley, the former coxswain, has died aged 84.\n\n"
        "Born in a cottage on Quay Street in 1939, the son of a fisherman and a net-mender, he left school at 14."
    )
    assert _relations(case, "Jack Tolley") >= {("son of", "a fisherman"), ("son of", "a net-mender")}
    fisherman = next(p for p in case.people if p.name == "a fisherman")
    assert {f.value for f in case.facts_about(fisherman.id, "occupation")} == {"fisherman"}


def test_the_trade_of_a_parent_is_not_the_childs() -> None:
    case = _case(
        "Chief Obi Eze is dead. Born in Umuezeala in 1933 to a farmer and a petty trader, Eze won a scholarship."
    )
    eze = next(p for p in case.people if p.name == "Obi Eze")
    assert {f.value for f in case.facts_about(eze.id, "occupation")} == set()
    assert ("child of", "a petty trader") in _relations(case, "Obi Eze")


def test_a_parent_named_beside_the_trade_is_no_unnamed_parent() -> None:
    case = _case("Ms Fiona Hale, 36, the daughter of a former miner, Jim Hale, who died in 2019, won the seat.")
    assert "a former miner" not in _names(case)


def test_a_bracketed_courtesy_title_gives_the_gender() -> None:
    case = _case(
        "Chief Emeka Obi, 74, will step down. Chief Obi attended with his wife, Chief (Mrs) Ada Obi. "
        "Their daughter, Nneka Obi, will succeed him. Chief Obi said he was proud."
    )
    ada = next(p for p in case.people if p.name == "Ada Obi")
    assert {f.value for f in case.facts_about(ada.id, "gender")} == {"female"}
    assert ("wife of", "Emeka Obi") in _relations(case, "Ada Obi")
    emeka = next(p for p in case.people if p.name == "Emeka Obi")
    assert sum(m.evidence.text == "Chief Obi" for m in emeka.mentions) == 2


def test_a_word_for_mother_is_no_name() -> None:
    case = _case("'She was screaming Ma's name in the corridor,' Tan Wei Ming said.")
    assert "Ma" not in _names(case)


def test_his_two_children_are_one_unnamed_group_of_his() -> None:
    case = _case(
        "Gregory Vane, 52, a financial adviser, was convicted on Friday. He showed no emotion, "
        "and his two children wept in the gallery. His son, Mark Vane, said nothing."
    )
    assert _relations(case, "his two children") == {("child of", "Gregory Vane")}
    assert _relations(case, "Mark Vane") == {("son of", "Gregory Vane")}


def test_papers_teams_and_datelines_are_not_people() -> None:
    case = _case(
        "RIVERTON, Ohio, Sept. 9 (Midland Business Wire) — Harlow Foods agreed to buy a grocery chain.\n\n"
        "The Gazette understands the buyer is Dana Pike. The Lady Panthers won the state title, "
        "and the Lady Panthers will have a parade."
    )
    assert _names(case) == ["Dana Pike"]


def test_a_name_in_apposition_to_the_subjects_complement_goes_on_as_he() -> None:
    case = _case(
        "The landlord of the Drovers Arms, Gary Whitby, said it had been 'a normal Sunday'. "
        "He said footage had been handed to police."
    )
    gary = next(p for p in case.people if p.name == "Gary Whitby")
    assert {f.value for f in case.facts_about(gary.id, "gender")} == {"male"}


def test_her_sons_are_the_two_sons_already_named() -> None:
    case = _case(
        "Darragh Fahy scored twice and his brother Ronan Fahy lifted the cup. Then came the final whistle "
        "and the Fahy brothers' mother, Bernadette Fahy, ran on to the pitch to embrace both of her sons."
    )
    assert "her sons" not in _names(case)


def test_titles_of_prosecutors_agents_premiers_and_magistrates() -> None:
    case = _case(
        "Assistant U.S. Attorney Dana Whitfield said the jury agreed. Special Agent in Charge Lorraine Becker "
        "spoke after her. Premier Owen Talley visited the town. Magistrate Helen Kerr remanded the man. "
        "Trooper First Class Ben Akers testified."
    )
    titles = {p.name: {f.value for f in case.facts_about(p.id, "title")} for p in case.people}
    assert titles == {
        "Dana Whitfield": {"Assistant U.S. Attorney"},
        "Lorraine Becker": {"Special Agent in Charge"},
        "Owen Talley": {"Premier"},
        "Helen Kerr": {"Magistrate"},
        "Ben Akers": {"Trooper First Class"},
    }


def test_the_lede_subject_is_the_person_the_next_paragraph_names() -> None:
    case = _case(
        "A father-of-two who punched a bus driver in Dunmere has been jailed for 16 weeks.\n\n"
        "Craig Pellow, 38, of Fairfield Road, admitted assault by beating."
    )
    craig = next(p for p in case.people if p.name == "Craig Pellow")
    assert "A father-of-two" in {m.evidence.text for m in craig.mentions}
    case = _case(
        "A 23-year-old man who attacked a 45-year-old man outside a pub has been jailed.\n\n"
        "Darren Hale, of Mill Lane, admitted wounding."
    )
    darren = next(p for p in case.people if p.name == "Darren Hale")
    assert {f.value for f in case.facts_about(darren.id, "age")} == {23}


def test_where_a_survivor_lives_is_no_survivor() -> None:
    case = _case(
        "Leonard Brauer, who repaired watches for 52 years, died Saturday. He was 91. "
        "He is survived by a son, Peter Brauer, of Madison; and a brother, Walter Brauer."
    )
    assert "Madison" not in _names(case)
    assert ("son of", "Leonard Brauer") in _relations(case, "Peter Brauer")
