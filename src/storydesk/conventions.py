"""Newsroom conventions, loaded from the data tables in ``storydesk/data/``.

The tables are plain JSON so that a user can extend them (a new rank, an organisation's
nickname, a car make) without touching code. Each loads once per process.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


def load_table(name: str) -> Any:
    """Parse ``storydesk/data/<name>``."""
    return json.loads(resources.files("storydesk.data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class Title:
    form: str
    full: str
    gender: str | None
    kind: str


@dataclass(frozen=True)
class PersonNoun:
    noun: str
    group: str | None
    role: str | None
    gender: str | None
    occupation: bool


@dataclass(frozen=True)
class Relation:
    noun: str
    label: str
    gender: str | None
    inverse_male: str
    inverse_female: str
    inverse_unknown: str

    def inverse(self, gender: str | None) -> str:
        if gender == "male":
            return self.inverse_male
        if gender == "female":
            return self.inverse_female
        return self.inverse_unknown


@dataclass(frozen=True)
class OrgAlias:
    canonical: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Things:
    platforms: frozenset[str]
    systems: frozenset[str]
    products: frozenset[str]
    vehicle_makes: frozenset[str]


@functools.cache
def titles() -> dict[str, Title]:
    """Title forms (``Det Ch Insp``, ``Mr``) to Title, longest forms first."""
    rows = [Title(**row) for row in load_table("titles.json")["titles"]]
    rows.sort(key=lambda t: -len(t.form))
    return {t.form: t for t in rows}


@functools.cache
def office_words() -> frozenset[str]:
    """Words that make a following one-word rank part of an office (``Chief Operating Officer``)."""
    return frozenset(load_table("titles.json")["office_words"])


@functools.cache
def person_nouns() -> dict[str, PersonNoun]:
    table: dict[str, PersonNoun] = {}
    for entry in load_table("person_nouns.json")["nouns"]:
        for noun in entry["nouns"]:
            table[noun] = PersonNoun(
                noun=noun,
                group=entry["group"],
                role=entry["role"],
                gender=entry["gender"],
                occupation=entry["occupation"],
            )
    return table


@functools.cache
def relations() -> dict[str, Relation]:
    table: dict[str, Relation] = {}
    for noun, row in load_table("person_nouns.json")["relations"].items():
        if noun.startswith("_"):
            continue
        inverse = row["inverse"]
        table[noun] = Relation(
            noun=noun,
            label=row["label"],
            gender=row["gender"],
            inverse_male=inverse["male"],
            inverse_female=inverse["female"],
            inverse_unknown=inverse["unknown"],
        )
    return table


@functools.cache
def kin_nouns() -> frozenset[str]:
    """Relation nouns for family and partners: a possessive one that no name stands beside
    (``her sister``) is a person of its own."""
    return frozenset(load_table("person_nouns.json")["kin"])


@functools.cache
def org_aliases() -> tuple[OrgAlias, ...]:
    return tuple(
        OrgAlias(canonical=row["canonical"], aliases=tuple(row["aliases"]))
        for row in load_table("org_aliases.json")["organisations"]
    )


@dataclass(frozen=True)
class OrgWords:
    org_heads: frozenset[str]
    unit_heads: frozenset[str]
    institution_heads: frozenset[str]


@functools.cache
def org_words() -> OrgWords:
    table = load_table("org_aliases.json")
    return OrgWords(
        org_heads=frozenset(table["org_heads"]),
        unit_heads=frozenset(table["unit_heads"]),
        institution_heads=frozenset(table["institution_heads"]),
    )


@functools.cache
def things() -> Things:
    table = load_table("things.json")
    return Things(
        platforms=frozenset(table["platforms"]),
        systems=frozenset(table["systems"]),
        products=frozenset(table["products"]),
        vehicle_makes=frozenset(table["vehicle_makes"]),
    )


@functools.cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives (``Polish``, ``South African``), as written."""
    return frozenset(load_table("demonyms.json")["demonyms"])


@functools.cache
def nationality_nouns() -> dict[str, str]:
    """A noun naming a person by nationality -> the nationality (``Welshman`` -> ``Welsh``)."""
    return dict(load_table("demonyms.json")["nationality_nouns"])


@functools.cache
def countries() -> dict[str, str]:
    """Country or nation name -> its nationality adjective (``Kenya`` -> ``Kenyan``)."""
    return dict(load_table("countries.json")["countries"])


@dataclass(frozen=True)
class Occupations:
    nouns: frozenset[str]
    offices: frozenset[str]


@functools.cache
def gendered_occupations() -> dict[str, str]:
    """Occupation heads that state a gender: ``spokeswoman`` -> ``female``."""
    return dict(load_table("occupations.json")["gendered"])


@functools.cache
def occupations() -> Occupations:
    """Occupation head nouns (lower case, single or multi-word) and office heads."""
    table = load_table("occupations.json")
    nouns = set(table["nouns"]) | {n for n, row in person_nouns().items() if row.occupation}
    return Occupations(nouns=frozenset(nouns), offices=frozenset(table["offices"]))


@functools.cache
def short_forenames() -> dict[str, frozenset[str]]:
    """Formal forename -> the short forms a report may call its bearer by (``thomas`` ->
    ``tom``, ``tommy``), case-folded."""
    table = load_table("short_forenames.json")
    return {name: frozenset(forms) for name, forms in table.items() if not name.startswith("_")}
