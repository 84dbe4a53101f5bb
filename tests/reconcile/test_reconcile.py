"""Reconcile on hand-built fictional reports: cast merge, conflicts, updates, timeline, desk."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile_cases import Report
from storydesk.model import Argument, Event, Mention, Number, TimeRef
from storydesk.reconcile.desk import StoryDesk
from storydesk.reconcile.render import render_story
from storydesk.reconcile.story import build_story


def _mccaskie_reports() -> list[Report]:
    r1 = Report(
        "Leon McCaskie, 41, was arrested in Camden on Monday. McCaskie, who also used the surname Rourke, "
        "was held overnight.",
        "2023-03-14",
        "Northgate Herald",
    )
    r1.person("p1", "Leon McCaskie", "McCaskie")
    r1.fact("p1", "age", 41, "41", name="Leon McCaskie")
    r2 = Report("Leon Mccaskie, 41, was held by police in Camden after the crash.", "2023-03-14", "Camden Courier")
    r2.person("p1", "Leon Mccaskie")
    r2.fact("p1", "age", 41, "41", name="Leon Mccaskie")
    r3 = Report("Police named the driver as McCaskre, 40, of Kentish Town.", "2023-03-15", "Daily Ledger")
    r3.person("p1", "McCaskre", kind="surname")
    r3.fact("p1", "age", 40, "40", name="McCaskre")
    r4 = Report("Neighbours said Leon Rourke had lived on the estate for years.", "2023-03-16", "Metro Wire")
    r4.person("p1", "Leon Rourke")
    return [r1, r2, r3, r4]


def test_spelling_variants_and_alias_statement_merge_into_one_person() -> None:
    story = build_story([r.case() for r in _mccaskie_reports()])
    people = [m for m in story.cast if m.kind == "person"]
    assert len(people) == 1
    leon = people[0]
    assert {v.name for v in leon.variants} == {"Leon McCaskie", "McCaskie", "Leon Mccaskie", "McCaskre", "Leon Rourke"}
    assert {"spelling variant", "alias statement"} <= set(leon.merged_by)
    assert len(leon.articles) == 4


def test_age_conflict_comes_first_with_its_sources() -> None:
    reports = _mccaskie_reports()
    story = build_story([r.case() for r in reports])
    assert story.facts[0].verdict == "conflicting" and story.facts[0].attribute == "age"
    note = story.conflicts[0]
    assert note.summary == "age: 41 (2 reports: Northgate Herald, Camden Courier) · 40 (1 report: Daily Ledger)"
    assert note.values[1].articles == [reports[2].id]
    text = render_story(story, "text")
    assert text.index("Conflicts") < text.index("Cast")
    assert "41 [R1, R2] · 40 [R3]" in text


def test_two_first_names_for_one_lawyer_are_one_person_with_a_conflict() -> None:
    r1 = Report("Solicitor Mohammed Rahman, representing the family, said they wanted answers.", "2023-05-02")
    r1.person("p1", "Mohammed Rahman")
    r1.fact("p1", "role", "lawyer", "Solicitor", name="Mohammed Rahman")
    r2 = Report("Tasnime Rahman, the family's lawyer, called for an inquiry.", "2023-05-03", "Camden Courier")
    r2.person("p1", "Tasnime Rahman")
    r2.fact("p1", "role", "lawyer", "the family's lawyer", name="Tasnime Rahman")
    story = build_story([r1.case(), r2.case()])
    people = [m for m in story.cast if m.kind == "person"]
    assert len(people) == 1
    conflict = next(c for c in story.conflicts if c.kind == "first_name")
    assert {v.value for v in conflict.values} == {"Mohammed", "Tasnime"}


def test_same_surname_without_a_shared_role_stays_two_people() -> None:
    r1 = Report("Aisha Rahman, 19, was injured in the fire.", "2023-05-02")
    r1.person("p1", "Aisha Rahman")
    r1.fact("p1", "role", "victim", "injured", name="Aisha Rahman")
    r2 = Report("Yusuf Rahman, who saw the fire start, called 999.", "2023-05-03", "Camden Courier")
    r2.person("p1", "Yusuf Rahman")
    r2.fact("p1", "role", "witness", "saw the fire start", name="Yusuf Rahman")
    story = build_story([r1.case(), r2.case()])
    assert len([m for m in story.cast if m.kind == "person"]) == 2
    assert not story.conflicts


def _count(report: Report, value: int, words: str, counts: str) -> None:
    report.fact("n1", "count", value, words, name=counts)


def test_a_count_that_grows_is_an_update_and_one_that_falls_back_is_a_conflict() -> None:
    a = Report("A petition calling for a crossing has been signed by 23,000 people.", "2023-03-01")
    _count(a, 23000, "23,000", "people who signed a petition")
    b = Report("More than 75,000 people have now signed the petition for a crossing.", "2023-03-05", "Camden Courier")
    _count(b, 75000, "75,000", "people who signed the petition")
    story = build_story([a.case(), b.case()])
    petition = next(f for f in story.facts if f.attribute == "count")
    assert petition.verdict == "updated" and petition.current == 75000

    c = Report("He was stabbed three times near the bridge.", "2023-09-09")
    _count(c, 3, "three", "times he was stabbed")
    d = Report("He was stabbed 13 times near the bridge, police said.", "2023-09-10", "Camden Courier")
    _count(d, 13, "13", "times he was stabbed")
    e = Report("The victim was stabbed three times.", "2023-09-11", "Daily Ledger")
    _count(e, 3, "three", "times the victim was stabbed")
    story = build_story([c.case(), d.case(), e.case()])
    stabbed = next(f for f in story.facts if f.attribute == "count")
    assert stabbed.verdict == "conflicting"


def _fate(report: Report, value: str, words: str) -> None:
    report.person("p1", "Dana Whitcombe")
    report.fact("p1", "fate", value, words, name="Dana Whitcombe")


def test_legal_status_moving_forward_is_an_update() -> None:
    steps = [("arrested", "2023-03-12"), ("bailed", "2023-03-13"), ("no_further_action", "2023-04-02")]
    reports = []
    for n, (fate, day) in enumerate(steps):
        r = Report(f"Dana Whitcombe has been {fate.replace('_', ' ')}, report {n}.", day, f"Outlet {n}")
        _fate(r, fate, fate.replace("_", " "))
        reports.append(r)
    story = build_story([r.case() for r in reports])
    fate = next(f for f in story.facts if f.attribute == "fate")
    assert fate.verdict == "updated" and fate.current == "no_further_action"


def test_charged_and_released_without_charge_conflict() -> None:
    a = Report("Dana Whitcombe was charged with assault.", "2023-03-12")
    _fate(a, "charged", "charged")
    b = Report("Dana Whitcombe was released without charge.", "2023-03-12", "Camden Courier")
    _fate(b, "released_without_charge", "released without charge")
    story = build_story([a.case(), b.case()])
    assert next(f for f in story.facts if f.attribute == "fate").verdict == "conflicting"


def test_a_description_merges_with_the_person_it_denotes() -> None:
    a = Report("The driver, who was not hurt, stayed at the scene.", "2023-03-12")
    a.person("p1", "The driver", named=False)
    b = Report("Dana Whitcombe, the motorist, stopped her car at once.", "2023-03-13", "Camden Courier")
    b.person("p1", "Dana Whitcombe")
    b.people[0] = b.people[0].model_copy(
        update={"mentions": [*b.people[0].mentions, Mention(kind="description", evidence=b.span("the motorist"))]}
    )
    story = build_story([a.case(), b.case()])
    people = [m for m in story.cast if m.kind == "person"]
    assert len(people) == 1 and people[0].name == "Dana Whitcombe"
    assert "description" in people[0].merged_by


def _arrest(report: Report, date: str) -> None:
    report.person("p1", "Dana Whitcombe")
    report.times.append(TimeRef(id="t1", type="DATE", value=date, granularity="day", evidence=report.span("on")))
    trigger = report.span("arrested")
    report.events.append(
        Event(
            id="e1",
            type="arrest",
            trigger=trigger,
            evidence=trigger,
            time_id="t1",
            arguments=[Argument(role="patient", entity_id="p1", text="Dana Whitcombe", evidence=report.span("Dana"))],
        )
    )
    report.fact("e1", "date", date, "on", name="arrest")


def test_events_merge_with_the_most_precise_date_and_show_disagreement() -> None:
    a = Report("Dana Whitcombe was arrested on Sunday in March.", "2023-03-14")
    _arrest(a, "2023-03-12")
    b = Report("Dana Whitcombe was arrested on a date in March, police said.", "2023-03-20", "Camden Courier")
    _arrest(b, "2023-03")
    c = Report("Dana Whitcombe was arrested on Monday.", "2023-03-21", "Daily Ledger")
    _arrest(c, "2023-03-13")
    story = build_story([a.case(), b.case()])
    assert len(story.timeline) == 1 and story.timeline[0].date == "2023-03-12"
    assert not story.timeline[0].date_conflict
    date_fact = next(f for f in story.facts if f.attribute == "date")
    assert date_fact.verdict == "corroborated" and date_fact.subject == story.timeline[0].id
    story = build_story([a.case(), c.case()])
    assert len(story.timeline) == 2  # incompatible dates: two arrests, not one blurred entry


def _stories(desk: StoryDesk) -> list[list[str]]:
    return sorted(sorted(m.article_id for m in s.members) for s in desk.stories())


def _corpus() -> list[Report]:
    reports = []
    for n, (who, place, day) in enumerate(
        [
            ("Leon McCaskie", "Camden", "2023-03-14"),
            ("Leon Mccaskie", "Camden", "2023-03-15"),
            ("Leon McCaskie", "Camden", "2023-03-17"),
            ("Priya Nandakumar", "Harrogate", "2023-06-02"),
            ("Priya Nandakumar", "Harrogate", "2023-06-03"),
            ("Owen Castleford", "Telford", "2023-09-15"),
            ("Owen Castleford", "Telford", "2023-09-16"),
        ]
    ):
        topic = {"Camden": "crash bus lane cyclist", "Harrogate": "flood river homes", "Telford": "court plea remand"}
        r = Report(f"{who} spoke in {place} about the {topic[place]} ({n}).", day, f"Outlet {n % 3}")
        r.person("p1", who)
        reports.append(r)
    return reports


@settings(max_examples=20, deadline=None)
@given(st.permutations(list(range(7))))
def test_stories_do_not_depend_on_arrival_order(order: list[int]) -> None:
    reports = _corpus()
    reference = StoryDesk()
    for r in reports:
        reference.add(r.case())
    shuffled = StoryDesk()
    for i in order:
        shuffled.add(reports[i].case())
    assert _stories(shuffled) == _stories(reference)
    assert [s.model_dump() for s in shuffled.stories()] == [s.model_dump() for s in reference.stories()]
    assert len(reference.stories()) == 3


def test_corrections_survive_a_rerun() -> None:
    reports = _corpus()
    desk = StoryDesk()
    for r in reports:
        desk.add(r.case())
    moved = reports[2].id
    desk.move(moved, reports[3].id)
    desk.split([reports[6].id])
    after = _stories(desk)
    assert sorted([reports[2].id, reports[3].id, reports[4].id]) in after
    assert [reports[6].id] in after
    rerun = StoryDesk(corrections=desk.corrections)
    for r in reversed(reports):
        rerun.add(r.case())
    assert _stories(rerun) == after
    assert rerun.story(moved).member(moved) is not None
    assert rerun.story(moved).member(moved).assigned_by == "correction"  # type: ignore[union-attr]


def test_whats_new_lists_confirms_updates_and_contradictions() -> None:
    a = Report("Leon McCaskie, 41, ran the petition, signed by 23,000 people.", "2023-03-01")
    a.person("p1", "Leon McCaskie")
    a.fact("p1", "age", 41, "41", name="Leon McCaskie")
    _count(a, 23000, "23,000", "people who signed the petition")
    b = Report("Leon McCaskie, 40, said 75,000 people had signed the petition.", "2023-03-05", "Camden Courier")
    b.person("p1", "Leon McCaskie")
    b.fact("p1", "age", 40, "40", name="Leon McCaskie")
    b.fact("p1", "occupation", "teacher", "people", name="Leon McCaskie")
    _count(b, 75000, "75,000", "people who signed the petition")
    desk = StoryDesk()
    first = desk.add(a.case())
    assert first.new_story and {i.change for i in first.items} == {"adds"}
    news = desk.add(b.case())
    assert not news.new_story and news.story_id == first.story_id
    changes = {(i.attribute, i.change) for i in news.items}
    assert ("age", "contradicts") in changes
    assert ("count", "updates") in changes
    assert ("occupation", "adds") in changes
    assert all(e.article_id == b.id for i in news.items for e in i.evidence)


def test_a_figure_ten_times_another_is_a_conflict_and_the_run_stays_an_update() -> None:
    reports = []
    for n, (day, value) in enumerate([("2023-07-17", 4), ("2023-07-18", 11), ("2023-07-19", 19), ("2023-07-20", 24)]):
        r = Report(f"There are now {value} confirmed cases, officials said ({n}).", day, f"Outlet {n}")
        _count(r, value, str(value), "confirmed cases")
        reports.append(r)
    slip = Report("There are now 91 confirmed cases, officials said.", "2023-07-19", "Daily Ledger")
    _count(slip, 91, "91", "cases confirmed by officials")
    story = build_story([r.case() for r in [*reports, slip]])
    counts = [f for f in story.facts if f.attribute == "count"]
    conflict = next(f for f in counts if f.verdict == "conflicting")
    assert {v.value for v in conflict.values} == {19, 91}
    run = next(f for f in counts if f.verdict == "updated")
    assert {v.value for v in run.values} == {4, 11, 19, 24} and run.current == 24


def test_a_count_that_falls_over_days_is_an_update_but_two_values_on_one_day_conflict() -> None:
    a = Report("Twelve people are still missing after the flood.", "2024-07-17")
    _count(a, 12, "Twelve", "people missing")
    b = Report("Seven people are still missing, the sheriff said.", "2024-07-18", "Camden Courier")
    _count(b, 7, "Seven", "people still missing")
    story = build_story([a.case(), b.case()])
    assert next(f for f in story.facts if f.attribute == "count").verdict == "updated"
    c = Report("Nine people are still missing, the mayor said.", "2024-07-18", "Daily Ledger")
    _count(c, 9, "Nine", "people missing")
    story = build_story([a.case(), b.case(), c.case()])
    assert any(f.attribute == "count" and f.verdict == "conflicting" for f in story.facts)


def test_counts_of_different_outcomes_stay_apart() -> None:
    a = Report("About 320 homes were damaged and 41 homes destroyed.", "2024-07-18")
    a.fact("n1", "count", 320, "320", name="homes damaged")
    a.fact("n2", "count", 41, "41", name="homes destroyed")
    b = Report("Some 320 homes were damaged by the water.", "2024-07-19", "Camden Courier")
    b.fact("n1", "count", 320, "320", name="homes that were damaged")
    story = build_story([a.case(), b.case()])
    counts = {f.subject_name: f for f in story.facts if f.attribute == "count"}
    assert counts["homes damaged"].verdict == "corroborated"
    assert counts["homes destroyed"].verdict == "single_source"


def _job(report: Report, value: str) -> None:
    report.person("p1", "Piers Hadleigh")
    last = value.split()[-1]
    stated = report.text[: report.text.index(last) + len(last)]  # `Piers Hadleigh, the sporting director`
    report.fact("p1", "occupation", value, stated, name="Piers Hadleigh")


def test_two_jobs_conflict_but_a_fuller_description_of_one_job_does_not() -> None:
    a = Report("Piers Hadleigh, the sporting director, said talks were over.", "2023-08-27")
    _job(a, "sporting director")
    b = Report("Piers Hadleigh, the technical director, said talks were over.", "2023-08-27", "Camden Courier")
    _job(b, "technical director")
    c = Report("Piers Hadleigh, Wexmoor sporting director, said so.", "2023-08-28", "Daily Ledger")
    _job(c, "wexmoor sporting director")
    story = build_story([a.case(), b.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "conflicting"
    story = build_story([a.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "corroborated"


def test_two_posts_of_one_kind_conflict_even_beside_a_third_job() -> None:
    a = Report("Piers Hadleigh, the chief financial officer, will step in.", "2025-03-06")
    _job(a, "chief financial officer")
    b = Report("Piers Hadleigh, the chief operating officer, will step in.", "2025-03-07", "Camden Courier")
    _job(b, "chief operating officer")
    c = Report("Piers Hadleigh, the interim chief executive, met staff.", "2025-03-12", "Daily Ledger")
    _job(c, "interim chief executive")
    story = build_story([a.case(), b.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "conflicting"
    d = Report("Piers Hadleigh, the club's owner, watched.", "2025-03-12", "Metro Wire")
    _job(d, "owner")
    story = build_story([a.case(), c.case(), d.case()])  # three jobs of different kinds may all hold
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "corroborated"


def test_a_lone_report_a_day_off_an_agreed_date_is_a_date_conflict_of_one_event() -> None:
    a = Report("Dana Whitcombe was arrested on Sunday.", "2023-03-14")
    _arrest(a, "2023-03-12")
    b = Report("Dana Whitcombe was arrested on Sunday, police said.", "2023-03-15", "Camden Courier")
    _arrest(b, "2023-03-12")
    c = Report("Dana Whitcombe was arrested on Monday.", "2023-03-16", "Daily Ledger")
    _arrest(c, "2023-03-13")
    story = build_story([a.case(), b.case(), c.case()])
    assert len(story.timeline) == 1
    entry = story.timeline[0]
    assert entry.date_conflict and entry.date == "2023-03-12"
    assert {g.value for g in entry.dates_given} == {"2023-03-12", "2023-03-13"}
    assert any(n.kind == "date" for n in story.conflicts)
    far = Report("Dana Whitcombe was arrested on a Friday.", "2023-03-20", "Metro Wire")
    _arrest(far, "2023-03-17")
    assert len(build_story([a.case(), b.case(), far.case()]).timeline) == 2


def _ranked(name: str, title: str, text: str, day: str, outlet: str) -> Report:
    report = Report(text, day, outlet)
    report.person("p1", name)
    report.fact("p1", "title", title, text.split()[0], name=name)
    return report


def test_a_police_and_a_military_rank_of_one_officer_conflict_but_a_fuller_rank_does_not() -> None:
    lt = _ranked("Kevin Doherty", "Lieutenant", "Lt. Kevin Doherty said the scene was secure.", "2024-06-01", "A")
    sgt = _ranked("Kevin Doherty", "Sergeant", "Sgt. Kevin Doherty said two men were held.", "2024-06-02", "B")
    story = build_story([lt.case(), sgt.case()])
    title = next(f for f in story.facts if f.attribute == "title")
    assert title.verdict == "conflicting" and {v.value for v in title.values} == {"Lieutenant", "Sergeant"}
    di = _ranked("Paul Varley", "Detective Inspector", "Det Insp Paul Varley led the inquiry.", "2024-06-01", "A")
    dci = _ranked("Paul Varley", "Detective Chief Inspector", "DCI Paul Varley led it.", "2024-06-02", "B")
    det = _ranked("Paul Varley", "Detective", "Detective Paul Varley led it.", "2024-06-03", "C")
    story = build_story([di.case(), dci.case()])
    assert next(f for f in story.facts if f.attribute == "title").verdict == "conflicting"
    story = build_story([di.case(), det.case()])
    assert next(f for f in story.facts if f.attribute == "title").verdict == "corroborated"


def test_first_names_that_clash_join_on_the_same_age_and_spellings_of_one_name_do_not_clash() -> None:
    a = Report("Stuart Lomax, 52, a lorry driver, is in hospital.", "2024-09-04", "A")
    a.person("p1", "Stuart Lomax")
    a.fact("p1", "age", 52, "52", name="Stuart Lomax")
    b = Report("Steven Lomax, 52, remains in intensive care.", "2024-09-05", "B")
    b.person("p1", "Steven Lomax")
    b.fact("p1", "age", 52, "52", name="Steven Lomax")
    c = Report("Stephen Lomax, 52, was named by his family.", "2024-09-06", "C")
    c.person("p1", "Stephen Lomax")
    c.fact("p1", "age", 52, "52", name="Stephen Lomax")
    story = build_story([a.case(), b.case(), c.case()])
    people = [m for m in story.cast if m.kind == "person"]
    assert len(people) == 1 and "same role, different first name" in people[0].merged_by
    first = next(f for f in story.facts if f.attribute == "first_name")
    # Steven and Stephen are one name spelled two ways; Stuart is another name.
    assert {v.value for v in first.values} == {"Stuart", "Steven", "Stephen"}
    assert {tuple(sorted(v.articles)) for v in first.values if v.value == "Stuart"} == {(a.id,)}
    d = Report("Debbie Lomax, 30, said her uncle was a fighter.", "2024-09-06", "D")
    d.person("p1", "Debbie Lomax")
    d.fact("p1", "age", 30, "30", name="Debbie Lomax")
    story = build_story([a.case(), d.case()])
    assert len([m for m in story.cast if m.kind == "person"]) == 2


def test_an_unnamed_person_with_two_ages_joins_nobody_by_description() -> None:
    a = Report("Police said the 66-year-old driver and a 49-year-old man were hurt.", "2024-11-14", "A")
    a.person("p1", "the 66-year-old driver", named=False)
    a.fact("p1", "age", 66, "66", name="the 66-year-old driver")
    a.fact("p1", "age", 49, "49", name="the 66-year-old driver")
    b = Report("Steven Kerrigan, 49, the driver of the lorry, was bailed.", "2024-11-15", "B")
    b.person("p1", "Steven Kerrigan")
    b.fact("p1", "age", 49, "49", name="Steven Kerrigan")
    b.fact("p1", "description", "the driver", "the driver", name="Steven Kerrigan")
    story = build_story([a.case(), b.case()])
    assert len([m for m in story.cast if m.kind == "person"]) == 2


def _death(report: Report, patient: str, entity: str | None, date: str | None) -> None:
    if date is not None:
        report.times.append(TimeRef(id="t1", type="DATE", value=date, granularity="day", evidence=report.span("on")))
    trigger = report.span("died")
    report.events.append(
        Event(
            id="e1",
            type="death",
            trigger=trigger,
            evidence=trigger,
            time_id="t1" if date is not None else None,
            arguments=[Argument(role="patient", entity_id=entity, text=patient, evidence=report.span(patient))],
        )
    )


def test_a_participant_named_bare_or_by_pronoun_is_compared_through_the_cast() -> None:
    a = Report("Jaylen Mercado, 17, the high school student, died on Saturday.", "2024-03-24", "A")
    a.person("p1", "Jaylen Mercado")
    a.fact("p1", "description", "the high school student", "the high school student", name="Jaylen Mercado")
    a.people[0] = a.people[0].model_copy(
        update={
            "mentions": [
                *a.people[0].mentions,
                Mention(kind="description", evidence=a.span("the high school student")),
            ]
        }
    )
    _death(a, "Jaylen Mercado", "p1", "2024-03-23")
    b = Report("The high school student died on Saturday in hospital.", "2024-03-25", "B")
    _death(b, "The high school student", None, "2024-03-23")
    c = Report("Police said he died on Saturday.", "2024-03-25", "C")
    _death(c, "he", None, "2024-W12")
    story = build_story([a.case(), b.case(), c.case()])
    deaths = [e for e in story.timeline if e.type == "death"]
    assert len(deaths) == 1 and len(deaths[0].articles) == 3
    assert deaths[0].date == "2024-03-23" and not deaths[0].date_conflict  # the week holds the day
    d = Report("Carmen Rios died on Saturday.", "2024-03-25", "D")
    d.person("p1", "Carmen Rios")
    _death(d, "Carmen Rios", "p1", "2024-03-23")
    story = build_story([a.case(), d.case()])
    assert len([e for e in story.timeline if e.type == "death"]) == 2


def _described(report: Report, pid: str, words: str, nationality: str | None = None) -> None:
    report.person(pid, words, named=False)
    report.people[-1] = report.people[-1].model_copy(
        update={"mentions": [Mention(kind="description", evidence=report.span(words))]}
    )
    report.fact(pid, "description", words, words, name=words)
    if nationality:
        report.fact(pid, "nationality", nationality, nationality, name=words)


def test_an_unnamed_description_joins_the_member_its_report_names_and_others_describe_so() -> None:
    a = Report("Emil Lindqvist, the midfielder, asked to leave.", "2025-01-10", "A")
    a.person("p1", "Emil Lindqvist")
    a.fact("p1", "description", "the midfielder", "the midfielder", name="Emil Lindqvist")
    b = Report("Emil Lindqvist has asked to leave. The Danish midfielder wants to go.", "2025-01-11", "B")
    b.person("p1", "Emil Lindqvist")
    _described(b, "p2", "The Danish midfielder", "Danish")
    c = Report("Emil Lindqvist signed on Thursday. The Swedish midfielder passed a medical.", "2025-01-16", "C")
    c.person("p1", "Emil Lindqvist")
    _described(c, "p2", "The Swedish midfielder", "Swedish")
    story = build_story([a.case(), b.case(), c.case()])
    assert len([m for m in story.cast if m.kind == "person"]) == 1
    nationality = next(f for f in story.facts if f.attribute == "nationality")
    assert nationality.verdict == "conflicting" and nationality.subject == story.cast[0].id
    # Two members other reports call midfielders: the description names neither.
    d = Report("Kyle Brannigan, the midfielder, left last year.", "2025-01-12", "D")
    d.person("p1", "Kyle Brannigan")
    d.fact("p1", "description", "the midfielder", "the midfielder", name="Kyle Brannigan")
    e = Report("Kyle Brannigan and Emil Lindqvist trained. The Danish midfielder scored.", "2025-01-13", "E")
    e.person("p1", "Kyle Brannigan")
    e.person("p2", "Emil Lindqvist")
    _described(e, "p3", "The Danish midfielder", "Danish")
    story = build_story([a.case(), d.case(), e.case()])
    assert len([m for m in story.cast if m.kind == "person"]) == 3


def test_conditions_that_hold_together_corroborate_and_one_that_follows_is_an_update() -> None:
    a = Report("Marek Tolland, 31, was injured and taken to hospital.", "2024-02-03", "A")
    _fate_of(a, "Marek Tolland", ["injured", "hospitalised"])
    b = Report("Marek Tolland was injured in the blast and is in hospital.", "2024-02-03", "B")
    _fate_of(b, "Marek Tolland", ["injured", "hospitalised"])
    c = Report("Marek Tolland was arrested at the hospital.", "2024-02-04", "C")
    _fate_of(c, "Marek Tolland", ["arrested", "injured"])
    story = build_story([a.case(), b.case(), c.case()])
    condition = next(f for f in story.facts if f.attribute == "fate" and "injured" in {v.value for v in f.values})
    assert condition.verdict == "corroborated" and {v.value for v in condition.values} == {"injured", "hospitalised"}
    legal = next(f for f in story.facts if f.attribute == "fate" and f is not condition)
    assert {v.value for v in legal.values} == {"arrested"}  # a legal status is not a condition
    d = Report("Marek Tolland, who was taken to hospital after the blast, has died.", "2024-02-06", "D")
    _fate_of(d, "Marek Tolland", ["died", "hospitalised"])
    story = build_story([a.case(), b.case(), d.case()])
    condition = next(f for f in story.facts if f.attribute == "fate" and "died" in {v.value for v in f.values})
    assert condition.verdict == "updated" and condition.current == "died"
    # Died of his injuries, in two reports: one state, corroborated.
    e = Report("Marek Tolland died of his injuries.", "2024-02-06", "E")
    _fate_of(e, "Marek Tolland", ["died", "injured"])
    f = Report("Marek Tolland, injured in the blast, died on Tuesday.", "2024-02-07", "F")
    _fate_of(f, "Marek Tolland", ["injured", "died"])
    story = build_story([e.case(), f.case()])
    assert next(x for x in story.facts if x.attribute == "fate").verdict == "corroborated"
    # Missing, then found in hospital: the condition moved on.
    g = Report("Marek Tolland has been missing since Friday.", "2024-02-03", "G")
    _fate_of(g, "Marek Tolland", ["missing"])
    h = Report("Marek Tolland was found and is in hospital.", "2024-02-05", "H")
    _fate_of(h, "Marek Tolland", ["hospitalised"])
    story = build_story([g.case(), h.case()])
    condition = next(x for x in story.facts if x.attribute == "fate")
    assert condition.verdict == "updated" and condition.current == "hospitalised"


def _fate_of(report: Report, name: str, fates: list[str]) -> None:
    report.person("p1", name)
    for fate in fates:
        report.fact("p1", "fate", fate, name.split()[0], name=name)


def _event(report: Report, kind: str, trigger: str, who: str, entity: str | None, date: str, when: str) -> None:
    n = len(report.events) + 1
    report.times.append(TimeRef(id=f"t{n}", type="DATE", value=date, granularity="day", evidence=report.span(when)))
    evidence = report.span(trigger)
    report.events.append(
        Event(
            id=f"e{n}",
            type=kind,
            trigger=evidence,
            evidence=evidence,
            time_id=f"t{n}",
            arguments=[Argument(role="patient", entity_id=entity, text=who, evidence=report.span(who))],
        )
    )


def test_an_event_of_a_vague_participant_joins_the_one_entry_its_gender_fits() -> None:
    a = Report("Dana Whitcombe was arrested on Sunday; Leon Rourke was held on Sunday too.", "2023-03-13", "A")
    a.person("p1", "Dana Whitcombe")
    a.fact("p1", "gender", "female", "Dana", name="Dana Whitcombe")
    a.person("p2", "Leon Rourke")
    a.fact("p2", "gender", "male", "Leon", name="Leon Rourke")
    _event(a, "arrest", "arrested", "Dana Whitcombe", "p1", "2023-03-12", "Sunday")
    _event(a, "arrest", "held", "Leon Rourke", "p2", "2023-03-12", "Sunday too")
    b = Report("A woman was arrested on Sunday night in Camden.", "2023-03-13", "B")
    _event(b, "arrest", "arrested", "A woman", None, "2023-03-12", "Sunday night")
    c = Report("Two people were arrested on Sunday, police said.", "2023-03-13", "C")
    _event(c, "arrest", "arrested", "Two people", None, "2023-03-12", "Sunday")
    story = build_story([a.case(), b.case(), c.case()])
    arrests = {tuple(sorted(e.articles)): e for e in story.timeline}
    dana = next(e for e in story.timeline if any(p.name == "Dana Whitcombe" for p in e.participants))
    assert sorted(dana.articles) == sorted([a.id, b.id])
    assert [p.name for p in dana.participants] == ["Dana Whitcombe"]  # the name says who `a woman` is
    assert (c.id,) in arrests  # `two people` fits both arrests: an entry of its own
    # A time read as a participant (`Monday night`) keeps no event apart.
    d = Report("The flood hit Elkins on Monday night.", "2024-07-16", "D")
    _event(d, "disaster", "flood", "Monday night", None, "2024-07-15", "Monday night")
    e = Report("The flood struck the town last week, on Monday.", "2024-07-22", "E")
    _event(e, "disaster", "flood", "last week", None, "2024-07-15", "last week")
    story = build_story([d.case(), e.case()])
    assert len(story.timeline) == 1 and not story.timeline[0].participants


def test_two_barristers_both_kc_stay_two_people() -> None:
    a = Report("Opening the case, Tobias Wren KC, prosecuting, told jurors the attack was brutal.", "2023-10-02", "A")
    a.person("p1", "Tobias Wren KC")
    a.fact("p1", "role", "lawyer", "prosecuting", name="Tobias Wren KC")
    c = Report("Marisol Achebe KC, defending, said her client was sorry.", "2023-10-06", "C")
    c.person("p1", "Marisol Achebe KC")
    c.fact("p1", "role", "lawyer", "defending", name="Marisol Achebe KC")
    story = build_story([a.case(), c.case()])
    people = sorted(m.name for m in story.cast if m.kind == "person")
    assert people == ["Marisol Achebe KC", "Tobias Wren KC"]  # the surnames differ: KC is no surname
    assert not any(f.attribute == "first_name" for f in story.facts)


def _figure(report: Report, nid: str, value: int, words: str, counts: str, after: int = 0) -> None:
    evidence = report.span(words, after)
    report.numbers.append(Number(id=nid, value=value, counts=counts, evidence=evidence))
    report.fact(nid, "count", value, words, name=counts)
    report.facts[-1] = report.facts[-1].model_copy(update={"evidence": evidence})


def test_an_unnamed_figure_takes_the_outcome_of_its_own_clause() -> None:
    a = Report("About 320 homes were damaged by the river, officials said.", "2024-07-18", "A")
    _figure(a, "n1", 320, "320", "homes damaged")
    b = Report("Officials put the number of damaged homes at about 320, with 41 destroyed outright.", "2024-07-20", "B")
    _figure(b, "n1", 320, "320", "number")
    _figure(b, "n2", 41, "41", "number")
    c = Report("Figures show about 320 homes damaged, 41 of them destroyed.", "2024-07-22", "C")
    _figure(c, "n1", 320, "320", "homes that destroyed")  # the extractor took the other figure's outcome
    story = build_story([a.case(), b.case(), c.case()])
    damaged = next(f for f in story.facts if f.attribute == "count" and 320 in {v.value for v in f.values})
    assert damaged.verdict == "corroborated" and {v.value for v in damaged.values} == {320}
    assert len(damaged.values[0].articles) == 3
    assert not any(f.verdict == "updated" for f in story.facts)  # 41 destroyed is not 320 damaged, later


def test_an_unnamed_figure_joins_no_thing_its_own_report_gives_another_value() -> None:
    a = Report("The company employs about 3,400 people across the north.", "2025-03-03", "A")
    _figure(a, "n1", 3400, "3,400", "people the company employs")
    b = Report("The company employs about 3,400 people, more than 1,100 at the plant it runs.", "2025-03-05", "B")
    _figure(b, "n1", 3400, "3,400", "people the company employs")
    _figure(b, "n2", 1100, "1,100", "number")
    story = build_story([a.case(), b.case()])
    staff = next(f for f in story.facts if f.attribute == "count" and 3400 in {v.value for v in f.values})
    assert staff.verdict == "corroborated" and {v.value for v in staff.values} == {3400}


def test_a_name_that_owns_counted_things_is_not_what_they_are() -> None:
    a = Report("Harwick employs about 3,400 people.", "2025-03-03", "A")
    _figure(a, "n1", 3400, "3,400", "people Harwick employs")
    b = Report("Harwick's sites number five, and Harwick employs 3,400 people.", "2025-03-05", "B")
    _figure(b, "n1", 5, "five", "Harwick's sites")
    _figure(b, "n2", 3400, "3,400", "people Harwick employs")
    story = build_story([a.case(), b.case()])
    staff = next(f for f in story.facts if f.attribute == "count" and 3400 in {v.value for v in f.values})
    assert {v.value for v in staff.values} == {3400}


def _violence(
    report: Report,
    kind: str,
    trigger: str,
    patient: tuple[str, str],
    agent: tuple[str, str] | None = None,
    date: str | None = None,
) -> None:
    """An event of ``kind`` on ``patient`` (text, person id), by ``agent``, on ``date``."""
    n = len(report.events) + 1
    if date is not None:
        report.times.append(
            TimeRef(id=f"t{n}", type="DATE", value=date, granularity="day", evidence=report.span(trigger))
        )
    evidence = report.span(trigger)
    arguments = [Argument(role="patient", entity_id=patient[1], text=patient[0], evidence=report.span(patient[0]))]
    if agent is not None:
        arguments.append(Argument(role="agent", entity_id=agent[1], text=agent[0], evidence=report.span(agent[0])))
    report.events.append(
        Event(
            id=f"e{n}",
            type=kind,
            trigger=evidence,
            evidence=evidence,
            time_id=f"t{n}" if date is not None else None,
            arguments=arguments,
        )
    )


def test_one_incident_told_as_an_attack_and_a_stabbing_or_a_killing_and_an_assault_is_one_entry() -> None:
    a = Report(
        "Ellis Marr stabbed Owen Pike on Friday night. Owen Pike died; the attack shocked the town.", "2023-01-16", "A"
    )
    a.person("p1", "Ellis Marr")
    a.person("p2", "Owen Pike", "Owen Pike")
    _violence(a, "stabbing", "stabbed", ("Owen Pike", "p2"), ("Ellis Marr", "p1"), "2023-01-13")
    _violence(a, "attack", "the attack", ("Owen Pike", "p2"))
    b = Report("Owen Pike was attacked on Saturday by Ellis Marr.", "2023-01-17", "B")
    b.person("p1", "Owen Pike")
    b.person("p2", "Ellis Marr")
    _violence(b, "attack", "attacked", ("Owen Pike", "p1"), ("Ellis Marr", "p2"), "2023-01-14")
    c = Report("Ellis Marr killed Owen Pike on Friday; he assaulted Owen Pike outside a bar.", "2023-01-18", "C")
    c.person("p1", "Ellis Marr")
    c.person("p2", "Owen Pike", "Owen Pike")
    _violence(c, "killing", "killed", ("Owen Pike", "p2"), ("Ellis Marr", "p1"), "2023-01-13")
    _violence(c, "assault", "assaulted", ("Owen Pike", "p2"), ("Ellis Marr", "p1"))
    story = build_story([a.case(), b.case(), c.case()])
    assert len(story.timeline) == 1
    entry = story.timeline[0]
    assert entry.type == "stabbing" and len(entry.members) == 5
    assert entry.date_conflict and entry.date == "2023-01-13"  # two reports against one a day off
    # Two attacks on two people stay two entries.
    d = Report("Ellis Marr attacked Rhea Doyle on Friday.", "2023-01-18", "D")
    d.person("p1", "Ellis Marr")
    d.person("p2", "Rhea Doyle")
    _violence(d, "attack", "attacked", ("Rhea Doyle", "p2"), ("Ellis Marr", "p1"), "2023-01-13")
    assert len(build_story([a.case(), d.case()]).timeline) == 2


def test_a_job_only_a_linked_description_gives_raises_no_conflict() -> None:
    a = Report("Tamsin Orrell, a junior minister, spoke first.", "2025-02-12", "A")
    a.person("p1", "Tamsin Orrell")
    a.fact("p1", "occupation", "junior minister", "Tamsin Orrell, a junior minister", name="Tamsin Orrell")
    b = Report("Tamsin Orrell, a junior minister, was promoted.", "2025-02-13", "B")
    b.person("p1", "Tamsin Orrell")
    b.fact("p1", "occupation", "junior minister", "Tamsin Orrell, a junior minister", name="Tamsin Orrell")
    c = Report("Tamsin Orrell stood aside. The Prime Minister said nothing.", "2025-02-14", "C")
    c.person("p1", "Tamsin Orrell")
    c.fact("p1", "occupation", "prime minister", "The Prime Minister", name="Tamsin Orrell")  # linked wrongly
    story = build_story([a.case(), b.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "corroborated"
    d = Report("Tamsin Orrell, a solicitor, was elected.", "2025-02-14", "D")
    d.person("p1", "Tamsin Orrell")
    d.fact("p1", "occupation", "solicitor", "Tamsin Orrell, a solicitor", name="Tamsin Orrell")
    story = build_story([b.case(), d.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "conflicting"
    e = Report("Her deputy, Tamsin Orrell, took over.", "2025-02-15", "E")
    e.person("p1", "Tamsin Orrell")
    e.fact("p1", "occupation", "deputy", "Her deputy, Tamsin Orrell", name="Tamsin Orrell")
    story = build_story([b.case(), e.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "corroborated"  # a deputy of anyone


def test_a_night_and_the_next_day_agree_but_two_nights_or_a_precise_time_do_not() -> None:
    def charged(outlet: str, value: str, words: str, day: str) -> Report:
        r = Report(f"Dana Whitcombe was charged {words}, police said.", day, outlet)
        r.person("p1", "Dana Whitcombe")
        r.times.append(TimeRef(id="t1", type="DATE", value=value, granularity="day", evidence=r.span(words)))
        trigger = r.span("charged")
        argument = Argument(role="patient", entity_id="p1", text="Dana Whitcombe", evidence=r.span("Dana Whitcombe"))
        r.events.append(
            Event(id="e1", type="charge", trigger=trigger, evidence=trigger, time_id="t1", arguments=[argument])
        )
        r.fact("e1", "date", value, words, name="charge")
        return r

    late = charged("A", "2023-10-11TNI", "late last night", "2023-10-12")
    thursday = charged("B", "2023-10-12", "on Thursday", "2023-10-13")
    again = charged("C", "2023-10-12", "on Thursday morning", "2023-10-13")
    story = build_story([late.case(), thursday.case(), again.case()])
    assert len(story.timeline) == 1 and not story.timeline[0].date_conflict
    assert next(f for f in story.facts if f.attribute == "date").verdict == "corroborated"
    tuesday_night = charged("D", "2023-10-12TNI", "on Thursday night", "2023-10-13")
    also = charged("E", "2023-10-12TNI", "late on Thursday night", "2023-10-14")
    story = build_story([late.case(), tuesday_night.case(), also.case()])
    assert any(f.attribute == "date" and f.verdict == "conflicting" for f in story.facts)  # two nights
    precise = charged("F", "2023-10-11T23:50", "at 11.50pm on Wednesday", "2023-10-12")
    story = build_story([precise.case(), thursday.case(), again.case()])
    assert any(f.attribute == "date" and f.verdict == "conflicting" for f in story.facts)
    # a night beside a precise time of the same day, reported later, is still before midnight
    later = charged("G", "2023-10-11T23:50", "at 11.50pm on Wednesday", "2023-10-14")
    story = build_story([late.case(), later.case(), thursday.case()])
    assert any(f.attribute == "date" and f.verdict == "conflicting" for f in story.facts)


def test_two_days_moves_are_two_moves_and_bare_men_are_not_one_counted_thing() -> None:
    a = Report("Harwick shares rose 12 per cent on the news.", "2025-03-05", "A")
    a.fact("n1", "percent", 12, "12", name="rose by Harwick shares")
    b = Report("Harwick shares rose 11 per cent after the deal.", "2025-03-10", "B")
    b.fact("n1", "percent", 11, "11", name="Harwick shares rose")
    story = build_story([a.case(), b.case()])
    assert all(f.verdict == "single_source" for f in story.facts if f.attribute == "percent")
    c = Report("The jury of seven women and five men heard that two groups of men had met.", "2023-10-02", "C")
    c.fact("n1", "count", 5, "five", name="men")
    c.fact("n2", "count", 2, "two", name="groups of men that had met")
    d = Report("The two men who argued outside the pub were named.", "2023-10-12", "D")
    d.fact("n1", "count", 2, "two", name="men who argued")
    story = build_story([c.case(), d.case()])
    assert not any(f.verdict in {"updated", "conflicting"} for f in story.facts if f.attribute == "count")


def test_an_undated_event_of_nobody_in_one_report_is_left_off_the_timeline() -> None:
    a = Report("A man was arrested, and Dana Whitcombe was arrested on Sunday.", "2023-03-13", "A")
    a.person("p1", "Dana Whitcombe")
    _event(a, "arrest", "arrested on Sunday", "Dana Whitcombe", "p1", "2023-03-12", "Sunday")
    trigger = a.span("arrested")
    man = Argument(role="patient", text="A man", evidence=a.span("A man"))
    a.events.append(Event(id="e9", type="arrest", trigger=trigger, evidence=trigger, arguments=[man]))
    story = build_story([a.case()])
    assert [e.type for e in story.timeline] == ["arrest"] and story.timeline[0].date == "2023-03-12"


def test_a_lead_that_describes_its_subject_is_the_person_the_next_sentence_names() -> None:
    a = Report(
        "A Morden man has been jailed for six years.\n\nKeiran Bosworth, 41, was sentenced on Friday.", "2024-05-11"
    )
    a.person("p1", "Keiran Bosworth")
    a.fact("p1", "gender", "male", "Keiran", name="Keiran Bosworth")
    _event(a, "sentence", "jailed", "A Morden man", None, "2024-05-10", "Friday")
    b = Report("Keiran Bosworth was jailed on Friday for the attack.", "2024-05-12", "B")
    b.person("p1", "Keiran Bosworth")
    _event(b, "sentence", "jailed", "Keiran Bosworth", "p1", "2024-05-10", "Friday")
    story = build_story([a.case(), b.case()])
    assert len(story.timeline) == 1 and story.timeline[0].participants[0].name == "A Morden man"
    assert story.timeline[0].participants[0].cast_id == story.cast[0].id
    # A lead of another gender, or of a number of people, is not the person named next.
    c = Report("A woman has been jailed for six years.\n\nKeiran Bosworth, 41, was sentenced on Friday.", "2024-05-11")
    c.person("p1", "Keiran Bosworth")
    c.fact("p1", "gender", "male", "Keiran", name="Keiran Bosworth")
    _event(c, "sentence", "jailed", "A woman", None, "2024-05-10", "Friday")
    assert len(build_story([c.case(), b.case()]).timeline) == 2


def test_a_report_that_tells_one_death_twice_gives_one_entry() -> None:
    a = Report("A second person has died in the outbreak.\n\nPauline Rooke, 68, died on Saturday.", "2024-09-09")
    a.person("p1", "Pauline Rooke")
    a.fact("p1", "gender", "female", "Pauline", name="Pauline Rooke")
    _event(a, "death", "has died", "A second person", None, "2024-09-07", "Saturday")
    _event(a, "death", "died on", "Pauline Rooke", "p1", "2024-09-07", "Saturday")
    story = build_story([a.case()])
    assert len(story.timeline) == 1 and len(story.timeline[0].members) == 2


def _jailed(outlet: str, day: str, text: str, terms: list[tuple[str, str]]) -> Report:
    r = Report(text, day, outlet)
    r.person("p1", "Keiran Bosworth")
    trigger = r.span("jailed")
    for n, (value, words) in enumerate(terms, 1):
        r.times.append(TimeRef(id=f"t{n}", type="DURATION", value=value, granularity="year", evidence=r.span(words)))
    argument = Argument(role="patient", entity_id="p1", text="Keiran Bosworth", evidence=r.span("Keiran Bosworth"))
    r.events.append(Event(id="e1", type="sentence", trigger=trigger, evidence=trigger, arguments=[argument]))
    return r


def test_two_prison_terms_for_one_sentence_conflict() -> None:
    a = _jailed(
        "A",
        "2023-10-13",
        "Keiran Bosworth was jailed for 10 years and eight months.",
        [("P10Y", "10 years"), ("P8M", "eight months")],
    )
    b = _jailed(
        "B",
        "2023-10-14",
        "Keiran Bosworth was jailed for eight years and 10 months.",
        [("P8Y", "eight years"), ("P10M", "10 months")],
    )
    c = _jailed(
        "C",
        "2023-10-14",
        "Keiran Bosworth was jailed for 10 years and eight months on Friday.",
        [("P10Y", "10 years"), ("P8M", "eight months")],
    )
    story = build_story([a.case(), b.case(), c.case()])
    term = next(f for f in story.facts if f.attribute == "measure")
    assert term.verdict == "conflicting" and {v.value for v in term.values} == {"P10Y8M", "P8Y10M"}
    assert term.subject_name == "prison sentence of Keiran Bosworth"
    assert all(m.item_id == "e1" for m in term.members)  # traced to the sentence events
    d = _jailed(
        "D",
        "2023-10-14",
        "Keiran Bosworth was jailed for 14 months, suspended for two years.",
        [("P14M", "14 months"), ("P2Y", "two years")],
    )
    story = build_story([a.case(), d.case()])
    assert not any(f.attribute == "measure" and f.verdict != "single_source" for f in story.facts)


def test_a_deal_and_a_takeover_are_one_thing_counted_in_money() -> None:
    a = Report("Harwick agreed to a £490m deal on Monday.", "2025-03-10", "A")
    a.fact("n1", "money", 490_000_000, "£490m", name="deal")
    b = Report("Staff were anxious after the £4.9bn takeover was agreed.", "2025-03-12", "B")
    b.fact("n1", "money", 4_900_000_000, "£4.9bn", name="takeover")
    story = build_story([a.case(), b.case()])
    value = next(f for f in story.facts if f.attribute == "money")
    assert value.verdict == "conflicting" and len(value.values) == 2  # ten times the other: a slip


def _money(report: Report, nid: str, value: int, words: str, counts: str) -> None:
    evidence = report.span(words)
    report.numbers.append(Number(id=nid, value=value, unit="GBP", kind="money", counts=counts, evidence=evidence))
    report.fact(nid, "money", value, words, name=counts)
    report.facts[-1] = report.facts[-1].model_copy(update={"evidence": evidence})


def test_a_fee_is_the_deal_its_bids_offered_and_a_slip_is_found_before_a_same_day_clash() -> None:
    a = Report("Rovers rejected an opening bid of £15m for the winger.", "2024-08-19", "A")
    _money(a, "n1", 15_000_000, "£15m", "opening bid")
    b = Report("City agreed a whopping £42m deal for the winger last night.", "2024-08-27", "B")
    _money(b, "n1", 42_000_000, "£42m", "deal")
    c = Report("City agreed a fee of £24m for the winger after bids of £15m were rejected.", "2024-08-27", "C")
    _money(c, "n1", 24_000_000, "£24m", "fee")
    _money(c, "n2", 15_000_000, "£15m", "bids")
    d = Report("The fee of £24m is a club record, the winger said.", "2024-08-29", "D")
    _money(d, "n1", 24_000_000, "£24m", "fee")
    story = build_story([r.case() for r in (a, b, c, d)])
    money = [f for f in story.facts if f.attribute == "money"]
    conflict = next(f for f in money if f.verdict == "conflicting")
    assert {v.value for v in conflict.values} == {24_000_000, 42_000_000}  # swapped digits, not 15m that day
    run = next(f for f in money if f.verdict == "updated")
    assert {v.value for v in run.values} == {15_000_000, 24_000_000} and run.current == 24_000_000


def test_a_figure_its_sentence_dates_to_an_earlier_year_counts_another_occasion() -> None:
    a = Report("He joined for a fee of £400,000 two years ago. City paid a fee of £24m.", "2024-08-27", "A")
    a.times.append(TimeRef(id="t1", type="DATE", value="2022", granularity="year", evidence=a.span("two years ago")))
    _money(a, "n1", 400_000, "£400,000", "fee")
    _money(a, "n2", 24_000_000, "£24m", "fee")
    b = Report("City paid a fee of £24m; he had cost a fee of £400,000 two years ago.", "2024-08-29", "B")
    b.times.append(TimeRef(id="t1", type="DATE", value="2022", granularity="year", evidence=b.span("two years ago")))
    _money(b, "n1", 24_000_000, "£24m", "fee")
    _money(b, "n2", 400_000, "£400,000", "fee")
    story = build_story([a.case(), b.case()])
    money = {frozenset(v.value for v in f.values): f.verdict for f in story.facts if f.attribute == "money"}
    assert money == {frozenset({24_000_000}): "corroborated", frozenset({400_000}): "corroborated"}


def _signed(outlet: str, day: str, text: str, lengths: list[tuple[str, str]]) -> Report:
    r = Report(text, day, outlet)
    for n, (value, words) in enumerate(lengths, 1):
        r.times.append(TimeRef(id=f"t{n}", type="DURATION", value=value, granularity="year", evidence=r.span(words)))
    return r


def test_two_lengths_of_one_contract_conflict_but_a_report_giving_two_tells_two_contracts() -> None:
    a = _signed("A", "2024-08-27", "The winger will sign a four-year deal worth £45,000.", [("P4Y", "four-year")])
    b = _signed("B", "2024-08-27", "The winger is due to sign a five-year contract today.", [("P5Y", "five-year")])
    c = _signed("C", "2024-08-29", "The winger signed a five-year rolling contract last night.", [("P5Y", "five-year")])
    story = build_story([a.case(), b.case(), c.case()])
    length = next(f for f in story.facts if f.attribute == "measure")
    assert length.verdict == "conflicting" and {v.value for v in length.values} == {4, 5}
    assert length.subject_name == "contract length in years"
    d = _signed(
        "D",
        "2024-08-29",
        "He signed a five-year contract; his brother has a four-year contract at Rovers.",
        [("P5Y", "five-year"), ("P4Y", "four-year")],
    )
    e = _signed("E", "2024-08-30", "Rovers fans hope for a five-year plan.", [("P5Y", "five-year")])
    story = build_story([b.case(), d.case(), e.case()])
    assert not any(f.attribute == "measure" and f.verdict != "single_source" for f in story.facts)


def test_the_people_a_vehicle_carried_are_one_number_and_not_the_ones_who_died() -> None:
    a = Report("The coach was carrying 31 members of a choir when it overturned.", "2024-05-06", "A")
    _figure(a, "n1", 31, "31", "members of a choir carrying")
    b = Report("Two passengers died; the coach had been carrying 31 members of a choir.", "2024-05-07", "B")
    _figure(b, "n1", 2, "Two", "passengers who died")
    _figure(b, "n2", 31, "31", "members of a choir carrying")
    c = Report("Four days on, the coach carrying 38 members of a choir is still on its side.", "2024-05-10", "C")
    _figure(c, "n1", 38, "38", "members of a choir carrying")
    d = Report("There were 31 passengers on board the coach, officials said.", "2024-05-10", "D")
    _figure(d, "n1", 31, "31", "passengers on board the coach")
    story = build_story([r.case() for r in (a, b, c, d)])
    counts = [f for f in story.facts if f.attribute == "count"]
    carried = next(f for f in counts if 38 in {v.value for v in f.values})
    assert carried.verdict == "conflicting" and {v.value for v in carried.values} == {31, 38}  # days apart
    assert not any(2 in {v.value for v in f.values} and len(f.values) > 1 for f in counts)  # the dead stay apart


def test_a_rank_one_report_writes_as_a_title_and_another_as_a_job_is_compared_as_a_rank() -> None:
    chief = _ranked("Nora Castell", "Fire Chief", "Fire Chief Nora Castell said the blaze was out.", "2024-06-01", "A")
    deputy = Report("Deputy Chief Nora Castell of the county fire service spoke.", "2024-06-02", "B")
    deputy.person("p1", "Nora Castell")
    deputy.fact("p1", "occupation", "deputy chief", "Deputy Chief", name="Nora Castell")
    story = build_story([chief.case(), deputy.case()])
    title = next(f for f in story.facts if f.attribute == "title")
    assert title.verdict == "conflicting" and {str(v.value) for v in title.values} == {"Fire Chief", "deputy chief"}
    assert not any(f.attribute == "occupation" for f in story.facts)
    writer = Report("Nora Castell, a keen novelist, spoke.", "2024-06-02", "C")
    writer.person("p1", "Nora Castell")
    writer.fact("p1", "occupation", "novelist", "novelist", name="Nora Castell")
    story = build_story([chief.case(), writer.case()])
    assert not any(f.verdict == "conflicting" for f in story.facts)  # a job that is no rank stays a job


def test_plural_endings_come_off_as_written_so_a_thing_and_its_plural_are_one_stem() -> None:
    from storydesk.reconcile.facts import _stem

    pairs = [("cases", "case"), ("homes", "home"), ("houses", "house"), ("boxes", "box"), ("churches", "church")]
    assert all(_stem(plural) == _stem(single) for plural, single in pairs)
    assert _stem("passes") == "pass" and _stem("injuries") == "injury"


def test_a_seat_on_an_elected_body_holds_beside_an_office_in_it() -> None:
    a = Report("Piers Hadleigh, the mayor, opened a book of condolence.", "2024-11-14", "A")
    _job(a, "mayor")
    b = Report("Piers Hadleigh, a councillor, read the names.", "2024-11-19", "B")
    _job(b, "councillor")
    story = build_story([a.case(), b.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "corroborated"
    c = Report("Piers Hadleigh, the town clerk, read the names.", "2024-11-19", "C")
    _job(c, "town clerk")
    story = build_story([a.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "conflicting"  # two offices


def test_a_job_linked_to_a_name_across_other_words_raises_no_conflict() -> None:
    a = Report("Piers Hadleigh, the sporting director, said talks were over.", "2023-08-27", "A")
    _job(a, "sporting director")
    b = Report("Piers Hadleigh, answering letters from his technical director, said so.", "2023-08-28", "B")
    _job(b, "technical director")  # the extractor linked someone else's job to him
    story = build_story([a.case(), b.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict != "conflicting"
    c = Report("Piers Hadleigh, who is Wexmoor's technical director, said so.", "2023-08-28", "C")
    _job(c, "technical director")
    story = build_story([a.case(), c.case()])
    assert next(f for f in story.facts if f.attribute == "occupation").verdict == "conflicting"


def test_people_infected_and_cases_are_one_count_and_a_verb_after_and_has_its_own_object() -> None:
    a = Report("Health officials said 12 cases had been confirmed by Monday.", "2024-03-04", "A")
    _figure(a, "n1", 12, "12", "cases confirmed")
    b = Report("The outbreak has now infected 72 people and killed a pensioner.", "2024-03-06", "B")
    _figure(b, "n1", 72, "72", "people infected by the outbreak")
    c = Report("The agency said 27 cases had been confirmed, up from 12.", "2024-03-06", "C")
    _figure(c, "n1", 27, "27", "cases confirmed")
    d = Report("There have now been 31 confirmed cases, the agency said.", "2024-03-08", "D")
    _figure(d, "n1", 31, "31", "confirmed cases")
    story = build_story([a.case(), b.case(), c.case(), d.case()])
    counts = [f for f in story.facts if f.attribute == "count"]
    conflict = next(f for f in counts if f.verdict == "conflicting")
    assert {v.value for v in conflict.values} == {27, 72}  # swapped digits, the same day
    run = next(f for f in counts if f.verdict == "updated")
    assert {v.value for v in run.values} == {12, 27, 31}  # 72 is the slip, far from the run


def test_a_fee_paid_for_a_service_is_no_sale() -> None:
    a = Report("Harwick agreed a £490m takeover on Monday.", "2025-03-10", "A")
    _money(a, "n1", 490_000_000, "£490m", "takeover")
    b = Report("Harwick has paid £49m in legal fees since the bid.", "2025-03-12", "B")
    _money(b, "n1", 49_000_000, "£49m", "legal fees")
    story = build_story([a.case(), b.case()])
    assert all(f.verdict == "single_source" for f in story.facts if f.attribute == "money")


def test_the_story_of_one_report_is_its_cluster_among_all() -> None:
    """Assigner.story_of clusters only the report's component of the graph; it must give the
    cluster that clustering every report gives, with corrections too."""
    reports = _corpus()
    desk = StoryDesk()
    for r in reports:
        desk.add(r.case())
    desk.move(reports[2].id, reports[3].id)
    desk.split([reports[6].id])
    everything = desk.assigner.stories()
    assert len(everything) == 4
    for r in reports:
        assert desk.assigner.story_of(r.id) == next(c for c in everything if r.id in c)


def test_an_event_joins_the_entry_with_its_participant_not_one_with_no_one_in_that_role() -> None:
    a = Report("Ash Penn punched Nate Kirk outside the pub on Saturday.", "2023-01-16", "A")
    a.person("p1", "Ash Penn")
    a.person("p2", "Nate Kirk")
    _violence(a, "assault", "punched", ("Nate Kirk", "p2"), ("Ash Penn", "p1"), "2023-01-14")
    b = Report("A scaffolder who punched a father of two has been jailed.", "2023-10-12", "B")
    trigger = b.span("punched")
    b.events.append(
        Event(
            id="e1",
            type="assault",
            trigger=trigger,
            evidence=trigger,
            arguments=[Argument(role="agent", entity_id=None, text="A scaffolder", evidence=b.span("A scaffolder"))],
        )
    )
    c = Report("Nate Kirk was punched outside the pub on Sunday.", "2023-10-14", "C")
    c.person("p1", "Nate Kirk")
    _violence(c, "assault", "punched", ("Nate Kirk", "p1"), date="2023-01-15")
    story = build_story([a.case(), b.case(), c.case()])
    kirk = [e for e in story.timeline if any(p.name == "Nate Kirk" for p in e.participants)]
    assert len(kirk) == 1  # not one entry from A and another from B and C
    assert kirk[0].date_conflict  # the 14th against the 15th, shown on the one entry
    assert kirk[0].date == "2023-01-14"  # one report each: the date reported first
