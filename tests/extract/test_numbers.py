"""Numbers: values, qualifiers and what they count, on fictional report sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storydesk import analyze
from storydesk.extract.numbers import find_quantities
from storydesk.extract.numbers.values import words_value
from storydesk.model import CaseFile


def _case(text: str) -> CaseFile:
    return analyze(text, published="2024-05-02")


@pytest.mark.parametrize(
    ("text", "written", "value", "kind", "unit", "qualifier"),
    [
        ("More than 75,000 people signed the letter.", "More than 75,000", 75000, "count", None, "more_than"),
        ("The club paid £1.2m for him.", "£1.2m", 1_200_000, "money", "GBP", "exact"),
        ("The firm lost $3 billion last year.", "$3 billion", 3_000_000_000, "money", "USD", "exact"),
        ("Rovers turned down a bid of £15million.", "£15million", 15_000_000, "money", "GBP", "exact"),
        ("The group agreed a $2.5billion sale.", "$2.5billion", 2_500_000_000, "money", "USD", "exact"),
        ("Prices rose by 12% in a month.", "12%", 12, "percent", "%", "exact"),
        ("Turnout fell to nearly 41 per cent.", "nearly 41 per cent", 41, "percent", "%", "less_than"),
        ("Up to 3,000 jobs are at risk.", "Up to 3,000", 3000, "count", None, "up_to"),
        ("At least two dozen officers searched the woods.", "At least two dozen", 24, "count", None, "at_least"),
        ("He paid 450,000 euros for the boat.", "450,000 euros", 450_000, "money", "EUR", "exact"),
        ("The van was doing 55mph on the bypass.", "55mph", 55, "measure", "mph", "exact"),
        ("Hundreds of fans waited outside.", "Hundreds", 200, "count", None, "at_least"),
        ("It found about a hundred and five faults.", "about a hundred and five", 105, "count", None, "about"),
    ],
)
def test_values_kinds_and_qualifiers(
    text: str, written: str, value: float, kind: str, unit: str | None, qualifier: str
) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (text[q.start : q.end], q.value, q.kind, q.unit, q.qualifier) == (written, value, kind, unit, qualifier)


def test_ranges_give_a_low_and_a_high_end() -> None:
    text = "The recall will cost between $120 and $150 million, and four or five staff left."
    found = [(q.value, q.qualifier, q.kind) for q in find_quantities(text)]
    assert found == [
        (120_000_000, "at_least", "money"),
        (150_000_000, "up_to", "money"),
        (4, "at_least", "count"),
        (5, "up_to", "count"),
    ]


@pytest.mark.parametrize("text", ["the 21st homicide", "a 3-1 win", "the A38 at junction", "at 11pm", "a third man"])
def test_ordinals_scores_codes_and_clock_times_are_not_read(text: str) -> None:
    assert find_quantities(text) == []


@given(st.integers(min_value=0, max_value=999))
def test_number_words_read_back(n: int) -> None:
    units = (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def spell(k: int) -> str:
        if k < 20:
            return units[k]
        if k < 100:
            return tens[k // 10] + (f"-{units[k % 10]}" if k % 10 else "")
        return f"{units[k // 100]} hundred" + (f" and {spell(k % 100)}" if k % 100 else "")

    assert words_value(spell(n)) == n


COUNTED = [
    (
        "More than 75,000 people signed a petition calling for the charges to be dropped.",
        75000,
        "more_than",
        "people who signed a petition",
    ),
    ("A delivery rider was stabbed ten times outside a cafe in Orwell Street.", 10, "exact", "times stabbed"),
    ("Inquests have been opened into both deaths, the coroner's office said.", 2, "exact", "deaths"),
    (
        "Officers made 14 arrests for drug offences during the week.",
        14,
        "exact",
        "arrests for drug offences made by Officers",
    ),
    ("The courier was shot twice in the leg as he left the depot.", 2, "exact", "times shot"),
    ("Two of the men were charged with burglary.", 2, "exact", "men"),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "counts"), COUNTED)
def test_what_a_number_counts(text: str, value: float, qualifier: str, counts: str) -> None:
    case = _case(text)
    found = [(n.value, n.qualifier, n.counts) for n in case.numbers]
    assert found == [(value, qualifier, counts)]


def test_ages_dates_times_and_addresses_are_not_counts() -> None:
    case = _case(
        "Marla Fenwick, 34, of 12 Lindow Road, was arrested at 9.30pm on March 3, 2024, after a "
        "three-hour stand-off. The 34-year-old, who is aged 34 according to police, was held for 12 hours. "
        "Police seized 40 cannabis plants from Flat 3."
    )
    assert [(n.value, n.counts) for n in case.numbers] == [(40, "cannabis plants seized by Police")]
    person = next(p for p in case.people if p.name == "Marla Fenwick")
    assert {f.value for f in case.facts_about(person.id, "age")} == {34}


def test_parent_of_n_counts_children() -> None:
    case = _case("A father-of-three has died after a crash on the ring road.")
    assert [(n.value, n.counts) for n in case.numbers] == [(3, "children of the father-of-three")]


def test_every_number_is_a_fact_with_its_evidence() -> None:
    case = _case("Nearly £8,000 was raised by neighbours, and 12% of residents signed the letter.")
    facts = [f for f in case.facts if f.subject.startswith("n")]
    found = [(f.attribute, f.value, f.qualifier) for f in facts]
    assert found == [("money", 8000, "less_than"), ("percent", 12, "exact")]
    for fact, number in zip(facts, case.numbers, strict=True):
        assert fact.subject == number.id
        assert fact.subject_name == number.counts
        assert fact.evidence == number.evidence
        assert case.article.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
