"""A deterministic generator of fictional news reports, for speed and scale benchmarks.

``generate(n, seed)`` yields ``n`` reports of 300 to 1,500 words across six beats (crime,
courts, politics, business, disaster, sport). Every report is assembled from sentence and
paragraph templates filled from pools of invented people, towns, organisations, quotes,
dates and numbers, so the text gives spaCy realistic work: British-style single-quoted
quotations (some running over two paragraphs), titled names and ages, relative and absolute
dates, clock times, money, percentages and counts.

What it is not: a source of gold data. Nothing here is checked for being a *correct*
account; the reports only have to read like news and vary enough that no two are
near-identical (each report draws its own cast, places and dates, and shuffles and samples
its paragraphs).

Determinism: report ``i`` of seed ``s`` depends only on ``(s, i)``, so ``generate(10, s)`` is
a prefix of ``generate(10_000, s)`` and a run can be reproduced from the two numbers.

Command line::

    python benchmarks/corpus.py --n 200 --seed 0 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

MIN_WORDS = 300
MAX_WORDS = 1500
BEATS: tuple[str, ...] = ("crime", "courts", "politics", "business", "disaster", "sport")
_FIRST_DAY = dt.date(2018, 1, 1)
_DAY_SPAN = (dt.date(2024, 12, 31) - _FIRST_DAY).days


@dataclass(frozen=True)
class GeneratedReport:
    """One fictional report; ``text`` has paragraphs separated by one blank line."""

    id: str
    title: str
    outlet: str
    url: str
    published: dt.date
    text: str
    beat: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_record(self) -> dict[str, str]:
        """The JSON Lines record storydesk reads (``beat`` is kept for analysis)."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat(),
            "text": self.text,
            "beat": self.beat,
        }


# --------------------------------------------------------------------------------------
# Pools. All invented; any likeness to a real person or place name is a coincidence.
# --------------------------------------------------------------------------------------

_FEMALE = (
    "Abigail",
    "Aisha",
    "Alison",
    "Amara",
    "Amy",
    "Anna",
    "Beth",
    "Bethan",
    "Caroline",
    "Catherine",
    "Chloe",
    "Claire",
    "Dana",
    "Deborah",
    "Eleanor",
    "Elif",
    "Emma",
    "Fatima",
    "Fiona",
    "Gemma",
    "Grace",
    "Hannah",
    "Harriet",
    "Helen",
    "Imogen",
    "Jade",
    "Jasmine",
    "Joanne",
    "Julia",
    "Karen",
    "Katie",
    "Laura",
    "Leah",
    "Lucy",
    "Maria",
    "Megan",
    "Nadia",
    "Naomi",
    "Niamh",
    "Olivia",
    "Paula",
    "Priya",
    "Rachel",
    "Rebecca",
    "Rosa",
    "Ruth",
    "Sadia",
    "Sarah",
    "Shona",
    "Sian",
    "Sophie",
    "Tamsin",
    "Tanya",
    "Zara",
)
_MALE = (
    "Aaron",
    "Adam",
    "Ahmed",
    "Alan",
    "Alex",
    "Andrew",
    "Ben",
    "Callum",
    "Carl",
    "Ciaran",
    "Connor",
    "Craig",
    "Daniel",
    "Darren",
    "David",
    "Dean",
    "Ewan",
    "Farhan",
    "Gareth",
    "Gary",
    "George",
    "Harry",
    "Ian",
    "Imran",
    "Jack",
    "Jamal",
    "James",
    "Jason",
    "Kai",
    "Kieran",
    "Kwame",
    "Liam",
    "Lewis",
    "Marcus",
    "Mark",
    "Martin",
    "Matthew",
    "Michael",
    "Mohammed",
    "Neil",
    "Nathan",
    "Oliver",
    "Owen",
    "Paul",
    "Peter",
    "Ravi",
    "Rhys",
    "Robert",
    "Ryan",
    "Samuel",
    "Scott",
    "Simon",
    "Stuart",
    "Tariq",
    "Thomas",
    "Tomasz",
    "Wayne",
)
_SURNAMES = (
    "Abbott",
    "Adeyemi",
    "Ainsworth",
    "Akhtar",
    "Allerton",
    "Ashdown",
    "Bainbridge",
    "Barraclough",
    "Beaumont",
    "Bellamy",
    "Birtwistle",
    "Blackwood",
    "Bradshaw",
    "Brennan",
    "Brightwell",
    "Calloway",
    "Carraway",
    "Chaudhry",
    "Clegg",
    "Copeland",
    "Cresswell",
    "Dalrymple",
    "Delaney",
    "Dunmore",
    "Ellwood",
    "Fairbrother",
    "Fenwick",
    "Fitzgerald",
    "Foulkes",
    "Gallagher",
    "Garside",
    "Greenhalgh",
    "Haddock",
    "Hallam",
    "Hargreaves",
    "Hartigan",
    "Hawksworth",
    "Hebden",
    "Holroyd",
    "Horsfall",
    "Hussain",
    "Iqbal",
    "Jagger",
    "Kaczmarek",
    "Kapoor",
    "Kilbride",
    "Kowalski",
    "Lacey",
    "Lindqvist",
    "Lomax",
    "Lusk",
    "Mahmood",
    "Marsden",
    "Mbeki",
    "McAllister",
    "McGuire",
    "Mensah",
    "Moorcroft",
    "Nightingale",
    "Nowak",
    "Nuttall",
    "Okafor",
    "Okonkwo",
    "Oldroyd",
    "Ormerod",
    "Osei",
    "Pemberton",
    "Pickles",
    "Quayle",
    "Radcliffe",
    "Rahman",
    "Ramsbottom",
    "Redfern",
    "Rimmer",
    "Rossiter",
    "Sandhu",
    "Scattergood",
    "Sharples",
    "Shuttleworth",
    "Singh",
    "Sowerby",
    "Stansfield",
    "Sutcliffe",
    "Tattersall",
    "Thistlethwaite",
    "Threlfall",
    "Varga",
    "Wadsworth",
    "Walmsley",
    "Warburton",
    "Whitworth",
    "Wilkinson",
    "Winterbottom",
    "Wozniak",
    "Yardley",
    "Zielinski",
)

# (town, county). Counties are invented too; each gives a police force, a fire service and
# a Crown Court town.
_COUNTIES: dict[str, tuple[str, ...]] = {
    "North Downs": ("Haverleigh", "Ashcombe", "Brindlecote", "Oxley Green", "Pellingham"),
    "Westmarch": ("Carrowby", "Dunmere", "Eastling Vale", "Fennick", "Stoke Ardley"),
    "Ferncombe": ("Gallowmoor", "Harwood Cross", "Kettlesby", "Lyndhurst Mill", "Morrow Bay"),
    "Calderside": ("Netherford", "Ormsby Bridge", "Pentland Heath", "Quarrington", "Rusholt"),
    "East Wessex": ("Saltmarsh", "Thornbury Wells", "Upper Wyke", "Wexcombe", "Yarnfield"),
    "Marlshire": ("Abbotsley", "Bramcote End", "Coldharbour", "Drayfield", "Elmstead Market"),
}
_TOWNS: tuple[tuple[str, str], ...] = tuple((town, county) for county, towns in _COUNTIES.items() for town in towns)
_STREET_FIRST = (
    "Mill",
    "Cobb",
    "Priory",
    "Station",
    "Church",
    "Chapel",
    "Victoria",
    "Albert",
    "Cromwell",
    "Lapwing",
    "Kingfisher",
    "Heron",
    "Abbey",
    "Tanner",
    "Weaver",
    "Foundry",
    "Canal",
    "Orchard",
    "Sycamore",
    "Rowan",
    "Hawthorn",
    "Linden",
    "Bridge",
    "Market",
    "Union",
    "Brook",
    "Fernlea",
    "Granby",
    "Holly",
    "Marlborough",
)
_STREET_KIND = ("Road", "Street", "Lane", "Avenue", "Grove", "Close", "Way", "Terrace", "Drive", "Crescent", "Place")
_HOSPITALS = (
    "St Aldhelm's Hospital",
    "Royal {county} Infirmary",
    "{town} General Hospital",
    "St Bride's Hospital",
    "the Queen Adela Hospital",
    "{county} University Hospital",
)
_OCCUPATIONS = (
    "nurse",
    "delivery driver",
    "bus driver",
    "teacher",
    "care worker",
    "student",
    "electrician",
    "plumber",
    "shop assistant",
    "hairdresser",
    "chef",
    "accountant",
    "taxi driver",
    "warehouse worker",
    "paramedic",
    "postman",
    "scaffolder",
    "barber",
    "software developer",
    "dental nurse",
    "mechanic",
    "lorry driver",
    "cleaner",
    "gardener",
)
_ORIGINS = (
    ("Polish", "Gdansk"),
    ("Nigerian", "Lagos"),
    ("Romanian", "Cluj"),
    ("Ghanaian", "Accra"),
    ("Portuguese", "Porto"),
    ("Irish", "Cork"),
    ("Pakistani", "Lahore"),
    ("Lithuanian", "Kaunas"),
    ("Italian", "Bari"),
    ("Indian", "Pune"),
    ("Hungarian", "Debrecen"),
    ("Scottish", "Dundee"),
)
_OUTLETS: tuple[tuple[str, str], ...] = (
    ("Haverleigh Courier", "haverleigh-courier"),
    ("Westmarch Evening Post", "westmarch-post"),
    ("The Ferncombe Standard", "ferncombe-standard"),
    ("Calderside Chronicle", "calderside-chronicle"),
    ("East Wessex Gazette", "ewgazette"),
    ("Marlshire Echo", "marlshire-echo"),
    ("The Northern Ledger", "northern-ledger"),
    ("Daily Dispatch", "daily-dispatch"),
    ("The Morning Record", "morning-record"),
    ("Valley Weekly News", "valley-weekly"),
)
_PARTIES = ("Labour", "Conservative", "Liberal Democrat", "Green", "independent")
_COMPANY_FIRST = (
    "Ashdown",
    "Brightwell",
    "Cresswell",
    "Hallam",
    "Kestrel",
    "Lomax",
    "Meridale",
    "Northway",
    "Pennock",
    "Quayside",
    "Redfern",
    "Stonegate",
    "Thornfield",
    "Vantor",
    "Wyvern",
    "Yardley",
)
_COMPANY_KIND = (
    ("Engineering", "engineering"),
    ("Foods", "food manufacturing"),
    ("Logistics", "logistics"),
    ("Textiles", "textiles"),
    ("Brewing Company", "brewing"),
    ("Homes", "housebuilding"),
    ("Retail Group", "retail"),
    ("Pharmaceuticals", "pharmaceuticals"),
    ("Packaging", "packaging"),
    ("Energy", "energy"),
    ("Bakeries", "bakery"),
    ("Aerospace", "aerospace components"),
)
_CLUB_SUFFIX = ("Town", "United", "Rovers", "Athletic", "City", "Wanderers", "Albion", "FC")
_RIVERS = ("Aske", "Brill", "Calden", "Dove", "Esk Water", "Fennel", "Lode", "Mardle", "Wyre")
_STORMS = ("Agatha", "Bertram", "Celyn", "Dorian", "Esme", "Fergus", "Gwen", "Hector", "Iona")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_POLICE_RANKS = (
    ("Det Insp", "DI"),
    ("Det Sgt", "DS"),
    ("Det Ch Insp", "DCI"),
    ("Det Supt", "Det Supt"),
    ("Ch Insp", "Ch Insp"),
    ("Insp", "Insp"),
    ("Supt", "Supt"),
    ("Sgt", "Sgt"),
)


def _word_number(n: int) -> str:
    return _NUMBER_WORDS[n - 2] if 2 <= n <= 12 else str(n)


def _day_month(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------


class _Person:
    """A member of a report's cast; attributes are read by ``str.format_map`` templates."""

    __slots__ = (
        "age",
        "female",
        "forename",
        "home",
        "kin",
        "nationality",
        "occupation",
        "origin",
        "short_title",
        "surname",
        "title",
    )

    def __init__(self, rng: random.Random, kind: str, ages: tuple[int, int], home: str) -> None:
        self.female = rng.random() < 0.5
        self.forename = rng.choice(_FEMALE if self.female else _MALE)
        self.surname = rng.choice(_SURNAMES)
        self.age = rng.randint(*ages)
        self.occupation = rng.choice(_OCCUPATIONS)
        self.nationality, self.origin = rng.choice(_ORIGINS)
        self.home = home
        self.kin = rng.choice(
            ("sister", "mother", "daughter", "aunt", "partner")
            if self.female
            else ("brother", "father", "son", "uncle", "partner")
        )
        courtesy = rng.choice(("Ms", "Mrs", "Ms")) if self.female else "Mr"
        if kind == "police":
            self.title, self.short_title = rng.choice(_POLICE_RANKS)
        elif kind == "cllr":
            self.title = self.short_title = "Cllr"
        elif kind == "dr":
            self.title = self.short_title = "Dr"
        elif kind == "judge":
            self.title = self.short_title = "Judge"
        else:
            self.title, self.short_title = "", courtesy

    @property
    def full(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def titled(self) -> str:
        return f"{self.title} {self.full}" if self.title else self.full

    @property
    def ts(self) -> str:
        return f"{self.short_title} {self.surname}"

    @property
    def he(self) -> str:
        return "she" if self.female else "he"

    @property
    def He(self) -> str:  # capitalised forms read naturally at a sentence start
        return "She" if self.female else "He"

    @property
    def his(self) -> str:
        return "her" if self.female else "his"

    @property
    def His(self) -> str:
        return "Her" if self.female else "His"

    @property
    def him(self) -> str:
        return "her" if self.female else "him"

    @property
    def man_woman(self) -> str:
        return "woman" if self.female else "man"

    @property
    def a_desc(self) -> str:
        return f"a {self.age}-year-old {self.man_woman}"

    @property
    def the_desc(self) -> str:
        return f"the {self.age}-year-old"

    @property
    def the_desc_plain(self) -> str:
        return f"{self.age}-year-old {self.man_woman}"

    @property
    def occupation_cap(self) -> str:
        return self.occupation.capitalize()


# --------------------------------------------------------------------------------------
# Slots filled fresh at every use: numbers, dates, times, streets
# --------------------------------------------------------------------------------------

_Dynamic = Callable[[random.Random, dt.date], str]


def _past(rng: random.Random, pub: dt.date, lo: int, hi: int) -> dt.date:
    return pub - dt.timedelta(days=rng.randint(lo, hi))


def _rel_day(rng: random.Random, pub: dt.date) -> str:
    weekday = _WEEKDAYS[_past(rng, pub, 2, 6).weekday()]
    return rng.choice(
        (
            "yesterday",
            "last night",
            "this morning",
            f"on {weekday}",
            f"on {weekday} night",
            f"early on {weekday}",
            f"on {weekday} afternoon",
            f"on {_day_month(_past(rng, pub, 1, 12))}",
            "yesterday evening",
            "in the early hours of yesterday",
        )
    )


def _clock(rng: random.Random, _pub: dt.date) -> str:
    hour = rng.randint(1, 12)
    minute = rng.choice((0, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55))
    half = rng.choice(("am", "pm"))
    return f"{hour}{half}" if minute == 0 else f"{hour}.{minute:02d}{half}"


def _money(rng: random.Random, _pub: dt.date) -> str:
    roll = rng.random()
    if roll < 0.4:
        return f"£{rng.randint(2, 95) * 500:,}"
    if roll < 0.7:
        return f"£{rng.randint(10, 990) * 1000:,}"
    return f"£{rng.randint(11, 480) / 10:g}m"


def _street(rng: random.Random, _pub: dt.date) -> str:
    return f"{rng.choice(_STREET_FIRST)} {rng.choice(_STREET_KIND)}"


def _duration(rng: random.Random, _pub: dt.date) -> str:
    return rng.choice(
        (
            "nearly two weeks",
            "three days",
            "more than a month",
            "less than 48 hours",
            "about six weeks",
            "almost a year",
            "just over a fortnight",
            "two months",
        )
    )


_DYNAMIC: dict[str, _Dynamic] = {
    "nsmall": lambda rng, _p: _word_number(rng.randint(2, 9)),
    "Nsmall": lambda rng, _p: _word_number(rng.randint(2, 9)).capitalize(),
    "nfew": lambda rng, _p: str(rng.randint(3, 40)),
    "ncount": lambda rng, _p: str(rng.randint(12, 950)),
    "nbig": lambda rng, _p: f"{rng.randint(11, 480) * 100:,}",
    "money": _money,
    "money_m": lambda rng, _p: f"£{rng.randint(11, 900) / 10:g}m",
    "pct": lambda rng, _p: f"{rng.randint(3, 65)} per cent",
    "pct_small": lambda rng, _p: f"{rng.choice((1.9, 2.99, 3.5, 4.99, 2.5, 4.2))} per cent",
    "pence": lambda rng, _p: f"{rng.randint(40, 1900)}p",
    "age2": lambda rng, _p: str(rng.randint(17, 84)),
    "years_n": lambda rng, _p: _word_number(rng.randint(2, 12)),
    "clock": _clock,
    "street": _street,
    "street2": _street,
    "rel_day": _rel_day,
    "duration": _duration,
    "weekday": lambda rng, pub: _WEEKDAYS[_past(rng, pub, 1, 6).weekday()],
    "past_date": lambda rng, pub: _day_month(_past(rng, pub, 8, 90)),
    "future_date": lambda rng, pub: _day_month(pub + dt.timedelta(days=rng.randint(3, 80))),
    "year_past": lambda rng, pub: str(rng.randint(pub.year - 30, pub.year - 1)),
    "future_year": lambda rng, pub: str(rng.randint(pub.year + 1, pub.year + 4)),
    "month_past": lambda rng, pub: _MONTHS[(pub.month - 1 - rng.randint(1, 5)) % 12],
    "minute": lambda rng, _p: _ordinal(rng.randint(2, 89)),
    "nth": lambda rng, _p: rng.choice(("second", "third", "fourth", "fifth", "sixth")),
    "by_time": lambda rng, pub: rng.choice(
        ("this morning", "last night", f"{_WEEKDAYS[_past(rng, pub, 1, 6).weekday()]} evening")
    ),
    "log": lambda rng, _p: str(rng.randint(100, 2999)),
    "car": lambda rng, _p: rng.choice(
        (
            "silver Ford Focus",
            "black Audi A3",
            "white Transit van",
            "blue Vauxhall Corsa",
            "grey BMW 3 Series",
            "red Nissan Qashqai",
        )
    ),
    "condition": lambda rng, _p: rng.choice(("critical but stable", "serious", "stable", "life-threatening")),
}


class _Slots(dict[str, object]):
    """Template slots: the report's fixed cast and places, plus fresh values on demand."""

    def __init__(self, rng: random.Random, published: dt.date, fixed: dict[str, object]) -> None:
        super().__init__(fixed)
        self.rng = rng
        self.published = published

    def __missing__(self, key: str) -> str:
        return _DYNAMIC[key](self.rng, self.published)


# --------------------------------------------------------------------------------------
# Beats: cast, headlines, ledes, detail sentences, quotes
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Beat:
    name: str
    cast: dict[str, tuple[str, tuple[int, int]]]  # role -> (title kind, age range)
    stories: tuple[tuple[str, str], ...]  # (headline, lede) pairs that agree
    openers: tuple[str, ...]
    details: tuple[str, ...]
    quotes: dict[str, tuple[str, ...]]  # speaking role -> quote sentences
    intros: dict[str, str]  # speaking role -> first-mention form
    partials: tuple[str, ...]
    indirect: tuple[str, ...]
    closings: tuple[str, ...]
    topics: tuple[str, ...]  # noun phrases that can rise or fall, for background sentences
    extra_slots: Callable[[random.Random], dict[str, object]] = field(default=lambda rng: {})


_GENERIC_DETAILS = (
    "A spokesperson for {council} said it was aware of the situation and would work with partners.",
    "Figures published last month show {town} has one of the highest rates in {county}.",
    "Residents said the neighbourhood had changed a great deal over the past {years_n} years.",
    "The story was first reported by {the_outlet} on {weekday}.",
    "More than {nbig} people have signed an online petition calling for action.",
    "An online fundraiser had raised {money} by {by_time}.",
    "{council} said a full report would be published by {future_date}.",
    "Local businesses said trade had been affected for {duration}.",
)

_GENERIC_QUOTES = (
    "I've lived here for {years_n} years and I've never seen anything like it.",
    "We just want people to know what's happened, and that it shouldn't happen again.",
    "It's been a really difficult few days for everyone involved.",
    "There are lessons to be learned here and we'll make sure they're learned.",
    "Nobody's pretending this is easy, but we owe it to people to get it right.",
    "I don't think people realise how much this matters to a town like {town}.",
    "We'll be saying more in the coming days, once we've got all the facts.",
    "People deserve answers, and they deserve them quickly.",
)

_CRIME = _Beat(
    name="crime",
    cast={
        "victim": ("plain", (17, 82)),
        "suspect": ("plain", (16, 60)),
        "officer": ("police", (34, 58)),
        "witness": ("plain", (19, 80)),
        "relative": ("plain", (18, 75)),
        "cllr": ("cllr", (30, 72)),
    },
    stories=(
        (
            "Murder inquiry after {victim.man_woman} stabbed in {town} street",
            "A {victim.man_woman} has died after being stabbed {nsmall} times in {street}, {town}, "
            "{rel_day}, and police have arrested {suspect.a_desc} on suspicion of murder.",
        ),
        (
            "Police investigate after {victim.man_woman} found injured at {town} house",
            "Police in {town} have launched an investigation after {victim.a_desc} was found "
            "seriously injured at a house in {street} {rel_day}.",
        ),
        (
            "Police appeal after {venue} attack in {town}",
            "Detectives are appealing for witnesses after a {victim.man_woman} was attacked with a "
            "{weapon} outside a {venue} in {town}, {county}, at about {clock} on {weekday}.",
        ),
        (
            "Arrests after {victim.occupation} attacked in {town} town centre",
            "A {victim.occupation} was left with life-changing injuries after being attacked in "
            "{town} town centre {rel_day}, and {force} has arrested {nsmall} people.",
        ),
        (
            "{town} attack: {suspect.man_woman} charged with {charge}",
            "{force} has charged {suspect.a_desc} with {charge} after a {victim.man_woman} was "
            "seriously hurt in {town} {rel_day}.",
        ),
    ),
    openers=(
        "{victim.full}, {victim.age}, a {victim.occupation}, was found with wounds to "
        "{victim.his} chest and back shortly after {clock}. {victim.He} was taken to "
        "{hospital}, where {victim.he} remains in a {condition} condition today.",
        "The victim, named locally as {victim.full}, {victim.age}, was pronounced dead at the "
        "scene. {victim.His} family have been told and are being supported by specialist officers.",
        "{victim.full}, {victim.age}, had been walking home from a shift at a {venue} in "
        "{street} when {victim.he} was attacked. Paramedics treated {victim.him} at the scene "
        "before {victim.he} was taken to {hospital}.",
    ),
    details=(
        "{suspect.full}, {suspect.age}, of {street2}, {town}, was arrested {rel_day} on suspicion of {charge}.",
        "{suspect.He} has been released on bail until {future_date} pending further inquiries.",
        "{suspect.ts} has been charged with {charge} and is due to appear before {mags} on {future_date}.",
        "A {age2}-year-old woman was also arrested on suspicion of assisting an offender and "
        "has since been released under investigation.",
        "Officers were called to {street} at {clock} after reports of a disturbance.",
        "A post-mortem examination is due to take place later this week.",
        "Forensic officers remained at the scene {rel_day}, and a cordon was in place along {street} and {street2}.",
        "{force} said officers had made {ncount} arrests for knife offences in {town} in the "
        "past {nsmall} months, a rise of {pct}.",
        "The force has referred itself to the Independent Office for Police Conduct because "
        "officers had been in contact with {victim.ts} {duration} before the attack.",
        "Neighbours described hearing shouting at about {clock} and seeing a {car} drive off "
        "towards {street2} at speed.",
        "CCTV footage showed a man in a dark hooded top running from {street} at about {clock}.",
        "{victim.ts}, who moved to {town} from {victim.origin} in {year_past}, had been working "
        "as a {victim.occupation} for {years_n} years.",
        "The {victim.nationality} national had been due to start a new job on {future_date}.",
        "A second man, aged {age2}, suffered a cut to his hand as he tried to help and was treated by paramedics.",
        "{force_short} said extra patrols would be in place in the area over the weekend.",
        "A dispersal order covering {town} town centre was put in place until {future_date}.",
        "The {victim.the_desc_plain} was stabbed {nsmall} times, police said.",
        "Officers seized a {weapon} and a {car} from an address in {street2}.",
        "It is understood {victim.ts} and {suspect.ts} were known to each other.",
        "The area around {street} was busy at the time, with shoppers and families heading home.",
        "It is the {nth} such incident in {town} since {month_past}.",
    ),
    quotes={
        "officer": (
            "This was a shocking and senseless attack on a {victim.man_woman} who was simply on {victim.his} way home.",
            "I'd urge anyone who was in {street} between {clock} and midnight to get in touch, "
            "however small they think the information is.",
            "We're working around the clock to establish exactly what happened and we've already "
            "spoken to a number of witnesses.",
            "Our thoughts are with {victim.ts}'s family, who are being supported by specially trained officers.",
            "There'll be an increased police presence in the area over the coming days.",
            "We don't believe there's any wider risk to the public.",
            "If you've got dashcam or doorbell footage, please don't delete it. It could be vital.",
            "I know the community is shaken by what's happened, and that's completely understandable.",
        ),
        "relative": (
            "{victim.forename} was the kindest person you could ever meet.",
            "We can't understand how anyone could do this to {victim.him}.",
            "{victim.forename} had {victim.his} whole life ahead of {victim.him}. We're heartbroken.",
            "The last few days have been a nightmare. We just want answers.",
            "{victim.He}'d finished work and {victim.he} just wanted to get home. That's all.",
            "The doctors are telling us they don't know if {victim.he}'ll walk again.",
        ),
        "witness": (
            "I heard screaming and ran outside, and there was blood everywhere.",
            "It's normally such a quiet street. Nothing like this happens here.",
            "I saw two men running off towards the park. It all happened so fast.",
            "People are frightened. I won't let my kids walk to school on their own now.",
        ),
        "cllr": (
            "I've raised this at every single meeting since last year.",
            "How many people have to be hurt before somebody listens?",
            "Residents have been asking for better lighting on {street} for years.",
        ),
    },
    intros={
        "officer": "{p.titled}, of {force},",
        "relative": "{victim.ts}'s {p.kin}, {p.full}, {p.age},",
        "witness": "{p.full}, {p.age}, who lives in {street},",
        "cllr": "{p.titled}, who represents the {ward} ward,",
    },
    partials=(
        "{cllr.ts} said the street had become 'a no-go area after dark' for families.",
        "{relative.ts} said {victim.forename} had been working 'every hour {victim.he} could' "
        "to pay for a college course.",
        "{officer.ts} described the attack as 'brutal and completely unprovoked'.",
        "{witness.ts} said the attacker had seemed 'calm, like he'd done it before'.",
    ),
    indirect=(
        "{officer.ts} said officers were keeping an open mind about the motive.",
        "{officer.ts} added that there was no evidence the attack was linked to gangs.",
        "{relative.ts} said {victim.ts} had been frightened for weeks before the attack.",
        "{witness.ts} said {witness.he} had called 999 and stayed with {victim.ts} until the ambulance arrived.",
    ),
    closings=(
        "Anyone with information is asked to call {force_short} on 101, quoting log {log} of "
        "{past_date}, or contact Crimestoppers anonymously.",
        "Anyone with information is asked to contact the force through its website.",
        "Witnesses or anyone with footage are asked to contact detectives on 101.",
    ),
    topics=(
        "reported knife crime",
        "the number of burglaries",
        "antisocial behaviour",
        "arrests for violent offences",
        "calls to the force's control room",
    ),
    extra_slots=lambda rng: {
        "ward": rng.choice(("Abbey", "Castle", "Riverside", "Northfield", "St Mark's", "Moorside"))
    },
)

_COURTS = _Beat(
    name="courts",
    cast={
        "defendant": ("plain", (18, 70)),
        "victim": ("plain", (16, 85)),
        "judge": ("judge", (48, 70)),
        "prosecutor": ("plain", (30, 65)),
        "defence": ("plain", (30, 65)),
        "officer": ("police", (34, 58)),
    },
    stories=(
        (
            "{town} {defendant.man_woman} jailed for {jail_years} years",
            "A {defendant.age}-year-old {defendant.man_woman} from {town} has been jailed for "
            "{jail_years} years for {charge}.",
        ),
        (
            "{town} {defendant.occupation} guilty of {charge}",
            "{defendant.full}, {defendant.age}, of {town}, has been found guilty of {charge} after "
            "a {nsmall}-week trial at {crown}.",
        ),
        (
            "{defendant.occupation_cap} admits {charge}",
            "A {defendant.occupation} from {town} has admitted {charge} at {crown}.",
        ),
        (
            "{defendant.full} denies {charge}",
            "{defendant.full}, {defendant.age}, denied {charge} when {defendant.he} appeared at {mags} on {weekday}.",
        ),
        (
            "Jury told of '{jury_phrase}' at {town} trial",
            "A jury at {crown} has been told that {defendant.full}, {defendant.age}, waged a "
            "'{jury_phrase}' against a neighbour. {defendant.He} denies {charge}.",
        ),
    ),
    openers=(
        "The court heard that {defendant.ts} attacked {victim.full}, {victim.age}, at a "
        "property in {street}, {town}, on {past_date} last year.",
        "{defendant.ts}, a {defendant.occupation}, had pleaded not guilty, claiming "
        "{defendant.he} had acted in self-defence.",
        "Jurors were told {defendant.ts} had targeted {victim.full}, a {victim.age}-year-old "
        "{victim.occupation}, over a period of {duration}.",
    ),
    details=(
        "{prosecutor.full}, prosecuting, told the jury that {defendant.ts} had sent "
        "{victim.ts} more than {ncount} messages in the {nsmall} weeks before the attack.",
        "{defence.full}, defending, said {defence.his} client had shown genuine remorse and "
        "had no previous convictions.",
        "Jurors took {nsmall} hours to reach their verdicts.",
        "{defendant.He} was also made subject to a restraining order for {nsmall} years and "
        "ordered to pay {money} in compensation.",
        "The trial was adjourned until {future_date} after a juror fell ill.",
        "{defendant.ts} was remanded in custody and will be sentenced on {future_date}.",
        "In a victim impact statement read to the court, {victim.ts} said {victim.he} no "
        "longer felt safe in {victim.his} own home.",
        "The court was told {defendant.ts} had {nsmall} previous convictions for violence.",
        "{defendant.ts}, who wore a grey suit, showed no emotion as the verdict was read out.",
        "The case was brought by the Crown Prosecution Service after a {nsmall}-month investigation by {force}.",
        "The jury was shown CCTV footage of the defendant buying a {weapon} at a shop in "
        "{street} {nsmall} days before the attack.",
        "{defendant.ts} told police in interview that {defendant.he} could not remember anything about the night.",
        "The hearing at {crown} lasted less than {nsmall} minutes.",
        "A co-defendant, {age2}, was cleared of all charges on {weekday}.",
        "{judge.titled} said {defendant.ts} would serve at least two-thirds of the sentence "
        "before being considered for release.",
        "{victim.ts} spent {nsmall} weeks in hospital and still needs a stick to walk.",
        "The court heard {defendant.ts} had taken {money} from the business over {duration}.",
    ),
    quotes={
        "judge": (
            "You have shown not a flicker of remorse for what you did.",
            "The consequences of your actions will stay with {victim.ts} for the rest of {victim.his} life.",
            "It's only by good fortune that nobody was killed.",
            "You took advantage of someone who trusted you completely.",
            "I'm satisfied that you're a dangerous offender.",
        ),
        "officer": (
            "I'd like to thank {victim.ts} for the courage {victim.he} has shown throughout this case.",
            "Today's sentence won't undo the harm that was done, but I hope it brings some closure.",
            "This was a complex investigation and I'm grateful to everyone who gave evidence.",
        ),
        "victim": (
            "I still can't go out on my own after dark.",
            "I'm relieved it's over, but I'll never get those years back.",
            "I want other people to know they will be believed.",
        ),
    },
    intros={
        "judge": "{p.titled}, sentencing,",
        "officer": "{p.titled}, of {force},",
        "victim": "{p.full}, speaking outside court,",
    },
    partials=(
        "{prosecutor.ts} described the attack as 'sustained and merciless'.",
        "{defence.ts} said {defendant.ts} was 'deeply ashamed' of what {defendant.he} had done.",
        "{judge.ts} said the offence had been 'carefully planned over many weeks'.",
    ),
    indirect=(
        "{defence.ts} said {defendant.ts} had been drinking heavily at the time.",
        "{prosecutor.ts} said the defendant's account was not supported by the evidence.",
        "{judge.ts} said {defendant.ts} had shown some insight into {defendant.his} behaviour.",
    ),
    closings=(
        "{defendant.ts} was led from the dock to begin {defendant.his} sentence.",
        "The case continues.",
        "{defendant.ts} is expected to appeal, {defence.ts} said.",
    ),
    topics=(
        "the backlog of Crown Court cases",
        "the number of trials adjourned on the day",
        "the average wait for a trial",
        "the number of defendants held on remand",
    ),
    extra_slots=lambda rng: {"jury_phrase": rng.choice(("campaign of fear", "night of terror", "secret second life"))},
)

_POLITICS = _Beat(
    name="politics",
    cast={
        "leader": ("cllr", (38, 72)),
        "opposition": ("cllr", (30, 70)),
        "mp": ("plain", (32, 66)),
        "resident": ("plain", (22, 88)),
        "officer": ("plain", (35, 62)),
    },
    stories=(
        (
            "{council} approves {tax_rise} council tax rise",
            "{council} has approved a council tax rise of {tax_rise} after a heated meeting at "
            "the town hall on {weekday} night.",
        ),
        (
            "{council} leader survives confidence vote",
            "The leader of {council}, {leader.titled}, has survived a vote of no confidence by {v1} votes to {v2}.",
        ),
        (
            "Plans for {homes} homes near {town} rejected",
            "Plans for {homes} new homes on green belt land near {town} have been rejected by "
            "councillors, despite a recommendation from officers that they be approved.",
        ),
        (
            "{town} MP calls for inquiry into {issue}",
            "{mp.full}, the {party} MP for {town}, has called for an independent inquiry into {issue}.",
        ),
        (
            "Libraries face cuts as {council} finds {gap} gap",
            "Libraries and leisure centres in {town} could close after {council} revealed a gap of "
            "{gap} in its budget for next year.",
        ),
    ),
    openers=(
        "{leader.titled}, {leader.age}, who has led the {party2} administration since "
        "{year_past}, told the meeting {leader.he} would not resign.",
        "The authority's chief finance officer, {officer.full}, warned last week that the "
        "council faces a gap of {money_m} in its budget for the coming year.",
        "The motion was brought by the opposition leader, {opposition.titled}, who said "
        "residents had lost faith in the administration.",
    ),
    details=(
        "The budget includes savings of {money_m}, with {ncount} posts expected to go.",
        "A public consultation ran for {nsmall} weeks and received {nbig} responses, {pct} of which opposed the plan.",
        "Councillors voted by {v1} to {v2} to accept the recommendation.",
        "The council must save {money_m} by {future_year}, according to its latest forecast.",
        "{officer.ts} said that without savings the council could be forced to issue a "
        "section 114 notice before the end of the financial year.",
        "Bin collections in {town} will move to every three weeks from {future_date}.",
        "Opening hours at {nsmall} libraries will be cut under the proposals.",
        "The {party2} group holds {ncount_seats} of the council's {seats} seats.",
        "A final decision is expected at a full council meeting on {future_date}.",
        "{opposition.ts} said the administration had been warned about the overspend in {month_past}.",
        "The government said councils had been given a {pct} increase in funding this year.",
        "More than {ncount} people attended a protest outside the town hall on {weekday}.",
        "{mp.ts} was elected in {year_past} with a majority of {nbig}.",
        "The scheme would include {pct} affordable housing and a new primary school.",
        "Spending on adult social care has risen by {money_m} in {nsmall} years.",
    ),
    quotes={
        "leader": (
            "I'm not walking away from this. I didn't create the gap and I'm going to close it.",
            "These aren't decisions any of us came into politics to make.",
            "We've protected the services that matter most to the most vulnerable people.",
            "I'd ask people to look at what we've delivered, not just at the headlines.",
        ),
        "opposition": (
            "This administration has been asleep at the wheel for years.",
            "Residents are being asked to pay more and get less. It's as simple as that.",
            "They were warned about this and they chose not to listen.",
        ),
        "mp": (
            "My constituents deserve to know what went wrong and who knew about it.",
            "I'll be raising this in the Commons at the first opportunity.",
            "This isn't about party politics. It's about getting answers for families.",
        ),
        "resident": (
            "We've paid our council tax for {years_n} years and what have we got for it?",
            "The library is the only warm place some people have got to go.",
            "Nobody asked us. They'd already made their minds up.",
        ),
    },
    intros={
        "leader": "{p.titled}, the council leader,",
        "opposition": "{p.titled}, leader of the opposition group,",
        "mp": "{p.full}, the {party} MP,",
        "resident": "{p.full}, {p.age}, who lives in {street},",
    },
    partials=(
        "{opposition.ts} said the council had been 'asleep at the wheel' while costs rose.",
        "{leader.ts} described the settlement as 'the worst in a generation'.",
        "{mp.ts} called the decision 'a betrayal of the people of {town}'.",
    ),
    indirect=(
        "{leader.ts} said a revised budget would be published on {future_date}.",
        "{opposition.ts} said {opposition.his} group would vote against the plans.",
        "{mp.ts} said {mp.he} had written to the minister asking for an urgent meeting.",
    ),
    closings=(
        "The budget will be voted on by the full council on {future_date}.",
        "{council} said it would publish the consultation results in full.",
        "The council's cabinet will consider the report on {future_date}.",
    ),
    topics=(
        "spending on adult social care",
        "the number of households in temporary accommodation",
        "council tax arrears",
        "the number of children in care",
        "spending on agency staff",
    ),
    extra_slots=lambda rng: {
        "party": rng.choice(_PARTIES[:3]),
        "party2": rng.choice(_PARTIES[:4]),
        "v1": str(rng.randint(24, 40)),
        "v2": str(rng.randint(10, 23)),
        "seats": str(rng.randint(40, 72)),
        "ncount_seats": str(rng.randint(20, 39)),
        "issue": rng.choice(
            (
                "the collapse of a housing scheme",
                "delays at the town's hospital",
                "the closure of the leisure centre",
                "the council's handling of a land sale",
            )
        ),
    },
)

_BUSINESS = _Beat(
    name="business",
    cast={
        "ceo": ("plain", (38, 66)),
        "union": ("plain", (30, 62)),
        "analyst": ("plain", (28, 60)),
        "worker": ("plain", (19, 64)),
        "cllr": ("cllr", (30, 72)),
    },
    stories=(
        (
            "{company} to cut {jobs} jobs",
            "{company}, the {town}-based {sector} firm, is to cut {jobs} jobs after reporting a "
            "fall in profits of {drop}.",
        ),
        (
            "{company} profits fall {drop}",
            "{company} has reported a {drop} fall in annual profits, blaming higher energy costs and weaker demand.",
        ),
        (
            "{company} bought in {deal} deal",
            "{company} has been bought by a {origin_adj} rival in a deal worth {deal}.",
        ),
        (
            "Jobs at risk as {company} calls in administrators",
            "More than {jobs} jobs are at risk after {company} appointed administrators on {weekday}.",
        ),
        (
            "{company} reports record revenue",
            "{company} has reported record annual revenue of {deal}, up {drop} on the previous year.",
        ),
    ),
    openers=(
        "The company, which employs {nbig} people across {nsmall} sites, said trading had "
        "been hit by higher energy costs and weaker demand.",
        "{ceo.full}, {ceo.age}, the company's chief executive since {year_past}, said the "
        "decision had not been taken lightly.",
        "{company} was founded in {town} in {year_past} and has been owned by the "
        "{ceo.surname} family for {years_n} generations.",
    ),
    details=(
        "Pre-tax profit fell to {money_m} in the year to {month_past}.",
        "Shares in the company fell {pct} to {pence} in early trading.",
        "The factory in {street}, {town}, opened in {year_past}.",
        "The union said it had not been consulted before the announcement.",
        "Administrators said the business would continue to trade while a buyer was sought.",
        "{company} said about {pct} of its sales now came from overseas.",
        "The company expects to complete the sale by {future_date}.",
        "Revenue rose to {money_m}, while debt was reduced by {money}.",
        "A {nsmall}-week consultation with staff begins on {future_date}.",
        "{ceo.ts} will take a {pct} cut in {ceo.his} salary, the company said.",
        "Demand for the company's products rose sharply in {month_past}.",
        "The firm said it would invest {money_m} in a new plant in {town2} over {nsmall} years.",
        "{analyst.full}, an analyst at {broker}, said the figures were better than expected.",
        "Staff were told of the plans at a meeting on {weekday} morning.",
        "The company's pension scheme has a deficit of {money_m}.",
    ),
    quotes={
        "ceo": (
            "We've had to make some very difficult decisions to protect the future of the business.",
            "I'm proud of what our people have achieved in a really tough market.",
            "This deal gives us the investment we need to grow, and it keeps jobs in {town}.",
            "We'll do everything we can to support colleagues through this process.",
        ),
        "union": (
            "Our members have given this company their working lives and they deserve better.",
            "We'll be fighting for every single job.",
            "Workers found out from the news before they heard it from management. That's disgraceful.",
        ),
        "worker": (
            "I've worked here for {years_n} years. My dad worked here before me.",
            "Nobody's told us anything. We're just waiting to hear if we've still got jobs.",
            "It's the only big employer left in {town}.",
        ),
        "cllr": (
            "This is a devastating blow for {town} and for the families affected.",
            "We'll work with the company and with any buyer to keep the site open.",
        ),
    },
    intros={
        "ceo": "{p.full}, chief executive of {company},",
        "union": "{p.full}, a regional officer for the {union_name} union,",
        "worker": "{p.full}, {p.age}, who has worked at the site for {years_n} years,",
        "cllr": "{p.titled}, the council's cabinet member for the economy,",
    },
    partials=(
        "{union.ts} called the cuts 'a hammer blow' for the town.",
        "{analyst.ts} said the results showed the company was 'over the worst'.",
        "{ceo.ts} said trading had been 'tough but stable' since {month_past}.",
    ),
    indirect=(
        "{ceo.ts} said no decision had been made about the future of the {town2} site.",
        "{union.ts} said members would be balloted on industrial action.",
        "{analyst.ts} said the sector had been hit hard by rising costs.",
    ),
    closings=(
        "{company} will publish its full-year results on {future_date}.",
        "The company said it would set out its plans to staff by {future_date}.",
        "A spokesperson for the administrators said it was too early to comment further.",
    ),
    topics=(
        "the number of business insolvencies",
        "energy costs for manufacturers",
        "unemployment",
        "the number of job vacancies",
        "exports to Europe",
    ),
    extra_slots=lambda rng: {
        "origin_adj": rng.choice(("German", "Dutch", "American", "Japanese", "French", "Swedish")),
        "broker": rng.choice(("Harcourt Leigh", "Penrose Capital", "Stanmore Securities")),
        "union_name": rng.choice(("Unite", "GMB", "Usdaw", "Community")),
    },
)

_FLOOD = _Beat(
    name="disaster",
    cast={
        "chief": ("plain", (38, 60)),
        "resident": ("plain", (20, 90)),
        "leader": ("cllr", (38, 72)),
        "victim": ("plain", (18, 90)),
        "volunteer": ("plain", (18, 75)),
    },
    stories=(
        (
            "Homes evacuated as River {river} floods {town}",
            "Hundreds of homes in {town} were evacuated {rel_day} after the River {river} burst "
            "its banks following {nsmall} days of heavy rain.",
        ),
        (
            "Storm {storm}: major incident declared in {county}",
            "A major incident has been declared in {county} after Storm {storm} brought winds of "
            "up to {wind}mph, bringing down trees and cutting power to {nbig} homes.",
        ),
        (
            "Clean-up begins in {town} after flooding",
            "Residents in {town} have begun clearing out their homes after the River {river} "
            "flooded more than {ncount} properties {rel_day}.",
        ),
    ),
    openers=(
        "{fire} said {ncount} firefighters from {nsmall} stations had been sent to help at the height of the flooding.",
        "The Environment Agency issued {nsmall} severe flood warnings, meaning there was a danger to life.",
        "Among those rescued was {victim.full}, {victim.age}, a {victim.occupation}, who was "
        "lifted from the roof of {victim.his} car by a coastguard helicopter.",
    ),
    details=(
        "A rest centre was opened at {town} leisure centre, where {ncount} people spent the night.",
        "{rain}mm of rain fell in 24 hours, more than the average for the whole of {month_past}.",
        "Roads between {town} and {town2} remain closed.",
        "Power was restored to most homes by {clock} on {weekday}.",
        "Residents were told they might not be able to return home for {duration}.",
        "The government said it would make {money_m} available to help affected households.",
        "Insurers said claims could exceed {money_m}.",
        "Schools in {town} were closed on {weekday} and will reopen on {future_date}.",
        "More than {nbig} sandbags were handed out at {nsmall} sites across the town.",
        "The river peaked at {level} metres at {clock}, a record for the gauge at {town}.",
        "A local charity has raised {money} for families who lost their homes.",
        "Rail services between {town} and {town2} were suspended for {duration}.",
        "A {age2}-year-old man was taken to {hospital} after his car was swept off a ford.",
        "Flood defences completed in {year_past} at a cost of {money_m} held on {street}.",
        "The Met Office has issued a yellow warning for rain from {clock} on {weekday}.",
        "A tree fell on to a house in {street}, but nobody was hurt.",
    ),
    quotes={
        "chief": (
            "Crews worked through the night in extremely difficult conditions.",
            "I'd urge people not to drive through flood water. It's deeper than it looks.",
            "This was one of the most challenging incidents we've dealt with in years.",
        ),
        "resident": (
            "The water came in so fast. We'd only just got the kids upstairs.",
            "We've lost everything downstairs. Thirty years of photos, gone.",
            "We were told it was a once-in-a-century flood. That was {years_n} years ago.",
        ),
        "leader": (
            "Our thoughts are with everyone who's been affected.",
            "We'll be pressing the government for every penny {town} is owed.",
        ),
        "volunteer": (
            "People just turned up with food and blankets. That's what this town's like.",
            "We've had volunteers here since five o'clock this morning.",
        ),
    },
    intros={
        "chief": "{p.full}, area manager at {fire},",
        "resident": "{p.full}, {p.age}, whose home in {street} was flooded,",
        "leader": "{p.titled}, leader of {council},",
        "volunteer": "{p.full}, who helped set up the rest centre,",
    },
    partials=(
        "{chief.ts} described conditions as 'the worst I've seen in my career'.",
        "{resident.ts} said the water had risen 'like a bath filling up'.",
        "{leader.ts} said the town had shown 'remarkable spirit' over the past {nsmall} days.",
    ),
    indirect=(
        "{chief.ts} said crews would remain in the town until at least {weekday}.",
        "{leader.ts} said the council would waive charges for bulky waste collections.",
        "{resident.ts} said {resident.he} had not been able to get flood insurance.",
    ),
    closings=(
        "Further rain is forecast for {weekday}.",
        "Residents can find updates on the council's website.",
        "The Environment Agency said river levels were expected to fall by {weekday}.",
    ),
    topics=(
        "the number of homes at risk of flooding",
        "flood insurance premiums",
        "the number of flood call-outs",
        "spending on flood defences",
    ),
    extra_slots=lambda rng: {
        "river": rng.choice(_RIVERS),
        "storm": rng.choice(_STORMS),
        "wind": str(rng.randint(60, 105)),
        "rain": str(rng.randint(40, 160)),
        "level": f"{rng.randint(28, 64) / 10:g}",
    },
)

_FIRE = _Beat(
    name="disaster",
    cast={
        "chief": ("plain", (38, 60)),
        "resident": ("plain", (20, 90)),
        "leader": ("cllr", (38, 72)),
        "victim": ("plain", (18, 90)),
        "officer": ("police", (34, 58)),
    },
    stories=(
        (
            "{dead_cap} dead after fire at {town} flats",
            "{dead_cap} people have died and {nfew} were injured after a fire ripped through a "
            "block of flats in {town}, {county}, {rel_day}.",
        ),
        (
            "Explosion at {town} factory injures workers",
            "An explosion at a factory in {town} has left {nsmall} workers injured, two of them seriously.",
        ),
        (
            "Families flee as fire sweeps through {town} tower block",
            "More than {ncount} people were led to safety {rel_day} after a fire spread across "
            "{nsmall} floors of a tower block in {street}, {town}.",
        ),
    ),
    openers=(
        "{fire} said {ncount} firefighters from {nsmall} stations had been sent to the scene "
        "at the height of the fire.",
        "Among those injured was {victim.full}, {victim.age}, a {victim.occupation}, who was "
        "taken to {hospital} with burns to {victim.his} arms.",
        "The first call to the fire service was made at {clock}, and the first crew arrived {nsmall} minutes later.",
    ),
    details=(
        "The cause of the fire is not yet known, and an investigation is under way.",
        "Firefighters used a {nsmall}-metre aerial platform to reach the upper floors.",
        "{victim.ts}, a {victim.nationality} national, had lived in the building since {year_past}.",
        "Residents were told they might not be able to return home for {duration}.",
        "A rest centre was opened at {town} leisure centre, where {ncount} people spent the night.",
        "A local charity has raised {money} for families who lost their homes.",
        "The building was fitted with cladding in {year_past} as part of a {money_m} refurbishment.",
        "Smoke could be seen from {town2}, {nsmall} miles away.",
        "Roads around {street} were closed until {clock} on {weekday}.",
        "{force} said the fire was not being treated as suspicious.",
        "A {age2}-year-old man was arrested on suspicion of arson and has been released on bail until {future_date}.",
        "The Health and Safety Executive has been informed.",
        "Paramedics treated {nfew} people for smoke inhalation at the scene.",
        "Fire crews remained at the scene {rel_day} damping down hotspots.",
    ),
    quotes={
        "chief": (
            "Crews faced an extremely difficult and fast-moving fire.",
            "This was one of the most challenging incidents we've dealt with in years.",
            "We'll remain at the scene for some time while the investigation continues.",
            "Please make sure your smoke alarms are working. They save lives.",
        ),
        "resident": (
            "You could smell the smoke from the end of the road. People were shouting from the windows.",
            "We'd complained about the fire doors for months and nobody did anything.",
            "I grabbed the kids and ran. We've got nothing now but the clothes we're wearing.",
        ),
        "leader": (
            "Our thoughts are with everyone who's been affected.",
            "We'll make sure every family has somewhere safe to stay tonight.",
        ),
        "officer": (
            "We're working closely with the fire service to establish what happened.",
            "I'd ask people to avoid the area while the investigation continues.",
        ),
    },
    intros={
        "chief": "{p.full}, area manager at {fire},",
        "resident": "{p.full}, {p.age}, who lives on the {nth} floor,",
        "leader": "{p.titled}, leader of {council},",
        "officer": "{p.titled}, of {force},",
    },
    partials=(
        "{chief.ts} described the fire as 'ferocious'.",
        "{resident.ts} said the alarms had been 'going off for weeks for no reason' before the fire.",
        "{leader.ts} said the town would 'pull together, as it always does'.",
    ),
    indirect=(
        "{chief.ts} said crews would remain at the scene until at least {weekday}.",
        "{leader.ts} said the council would find temporary homes for all the families.",
        "{officer.ts} said officers were supporting the fire investigation.",
    ),
    closings=(
        "{fire} said an investigation into the cause would begin once the building was safe.",
        "Residents can find updates on the council's website.",
        "An inquest into the deaths is expected to be opened on {future_date}.",
    ),
    topics=(
        "the number of fires in high-rise buildings",
        "the number of fire station closures",
        "response times for fire engines",
        "the number of working smoke alarms fitted by the service",
    ),
    extra_slots=lambda rng: {"dead_cap": _word_number(rng.randint(2, 5)).capitalize()},
)

_SPORT = _Beat(
    name="sport",
    cast={
        "manager": ("plain", (36, 64)),
        "player": ("plain", (18, 35)),
        "player2": ("plain", (18, 35)),
        "opp_manager": ("plain", (36, 64)),
        "chair": ("plain", (45, 75)),
    },
    stories=(
        (
            "{club} climb to {position} with win over {opp}",
            "{club} moved up to {position} in the {league} with a {score} win over {opp} at {ground} on {weekday}.",
        ),
        (
            "{club} {score} {opp}: {player.surname} at the double",
            "{player.full} scored twice as {club} came from behind to beat {opp} {score}.",
        ),
        (
            "{club} sack manager {manager.full}",
            "{club} have sacked manager {manager.full} after a run of {nsmall} defeats in {ten} games.",
        ),
        (
            "{opp} end {club}'s unbeaten home run",
            "{opp} ended {club}'s unbeaten home record with a {score} win in front of a crowd of {nbig} at {ground}.",
        ),
        (
            "{player.full} signs new {club} deal",
            "{player.full} has signed a new {nsmall}-year contract with {club}, ending speculation "
            "about {player.his} future.",
        ),
    ),
    openers=(
        "{player.ts}, {player.age}, opened the scoring in the {minute} minute with a low shot "
        "from the edge of the area.",
        "{manager.full}, {manager.age}, was appointed in {month_past} {year_past} on a {nsmall}-year contract.",
        "The {player.age}-year-old forward, who joined from {opp} for {money}, has now scored "
        "{nfew} goals this season.",
    ),
    details=(
        "{player2.full} equalised in the {minute} minute after a mistake by the goalkeeper.",
        "{player.ts} hit the post in the {minute} minute.",
        "The attendance of {nbig} was the highest at {ground} this season.",
        "{club} are {nsmall} points clear of the relegation zone with {ten} games left.",
        "{opp} had {player2.ts} sent off in the {minute} minute for a second booking.",
        "The result leaves {club} {position} in the table.",
        "{club} host {opp2} on {future_date}.",
        "{player2.ts} was taken off on a stretcher and is expected to miss {nsmall} weeks.",
        "The club said it would announce a new manager before {future_date}.",
        "Assistant manager {assistant} will take charge of the team for the next {nsmall} games.",
        "{club} were founded in {year_past} and have never been relegated from the {league}.",
        "Ticket prices for next season will rise by {pct}, the club said.",
        "It was {club}'s {nsmall} win in a row.",
        "A penalty was awarded in the {minute} minute after {player2.ts} was fouled.",
        "{manager.ts} made {nsmall} changes to the side that lost on {weekday}.",
    ),
    quotes={
        "manager": (
            "I thought we were excellent from start to finish.",
            "The lads showed real character today, and I'm proud of every one of them.",
            "We didn't deserve anything in the first half. I told them that at the break.",
            "There's a long way to go, but it's a good platform to build on.",
            "{player.forename}'s been brilliant for us since {player.he} came in.",
        ),
        "player": (
            "It's been a tough few weeks, so it's nice to get the goals.",
            "We believe we can go up. Everyone in that dressing room believes it.",
            "I just want to repay the fans for the way they've backed me.",
        ),
        "opp_manager": (
            "We gave away two cheap goals and you can't do that at this level.",
            "I thought the referee got the big decisions wrong today.",
        ),
        "chair": (
            "This wasn't a decision we took lightly.",
            "We thank {manager.forename} for everything {manager.he}'s done for this club.",
        ),
    },
    intros={
        "manager": "{club} manager {p.full}",
        "player": "{p.ts}",
        "opp_manager": "{opp} manager {p.full}",
        "chair": "{club} chairman {p.full}",
    },
    partials=(
        "{manager.ts} said the performance had been 'nowhere near good enough'.",
        "{opp_manager.ts} described the penalty decision as 'a joke'.",
        "{chair.ts} said the club needed 'a fresh voice in the dressing room'.",
    ),
    indirect=(
        "{manager.ts} said {player2.ts} would have a scan on {future_date}.",
        "{chair.ts} said the search for a new manager had already begun.",
        "{player.ts} said {player.he} wanted to stay at the club for the rest of {player.his} career.",
    ),
    closings=(
        "{club} travel to {opp2} on {future_date}.",
        "{club} are back in action at {ground} on {future_date}.",
        "Tickets for the next home game go on sale on {future_date}.",
    ),
    topics=(
        "average attendances",
        "season ticket sales",
        "the club's wage bill",
        "matchday revenue",
    ),
    extra_slots=lambda rng: {
        "position": _ordinal(rng.randint(1, 22)),
        "ten": str(rng.randint(6, 15)),
        "league": rng.choice(
            ("Northern Premier League", "National League North", "Southern League", "Isthmian League")
        ),
        "ground": rng.choice(("Mill Lane", "the Priory Ground", "Canal Park", "Brook Road", "the Foundry Stadium")),
        "assistant": f"{rng.choice(_MALE)} {rng.choice(_SURNAMES)}",
    },
)

# --------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------

# A beat can have variants (a flood and a fire are both "disaster" stories).
_BEATS: dict[str, tuple[_Beat, ...]] = {
    "crime": (_CRIME,),
    "courts": (_COURTS,),
    "politics": (_POLITICS,),
    "business": (_BUSINESS,),
    "disaster": (_FLOOD, _FIRE),
    "sport": (_SPORT,),
}

# Background sentences are combined from parts, so long reports need not repeat themselves.
_BACKGROUND_SOURCES = (
    "Figures from {council} show that",
    "Data obtained by {the_outlet} shows that",
    "A report published in {month_past} found that",
    "Official figures show that",
    "Research by the University of {county} suggests that",
    "Campaigners say",
    "Analysis by {the_outlet} suggests that",
    "According to a freedom of information request,",
)
_BACKGROUND_CLAIMS = (
    "{topic} in {town} rose by {pct}",
    "{topic} across {county} fell by {pct}",
    "{topic} in {town} has almost doubled",
    "{topic} in {town} is higher than anywhere else in {county}",
    "{topic} in {town} reached a record high",
    "{topic} has barely changed in {town}",
)
_BACKGROUND_PERIODS = (
    "since {year_past}",
    "in the year to {month_past}",
    "over the past {years_n} years",
    "between {year_past} and last year",
    "last year",
    "in the past decade",
)
_PLACE_BACKGROUND = (
    "{town}, which has a population of about {nbig}, is {nsmall} miles from {town2}.",
    "{town} grew up around its mills and its market, and much of {street} dates from the 1890s.",
    "The {street} area of {town} has seen {ncount} new homes built since {year_past}.",
    "{town2}, the neighbouring town, saw similar problems in {year_past}.",
)


_LEADING_ROLE = re.compile(r"\{(\w+)\.ts\}")


class _Deck:
    """Draws templates without repeats; refills from a fresh shuffle only if ``refill``."""

    __slots__ = ("_items", "_left", "_refill", "_rng")

    def __init__(self, rng: random.Random, items: Sequence[str], *, refill: bool = True) -> None:
        self._rng = rng
        self._items = list(items)
        self._refill = refill
        self._left = self._items[:]
        rng.shuffle(self._left)

    def __bool__(self) -> bool:
        return bool(self._left) or (self._refill and bool(self._items))

    def draw(self) -> str:
        if not self._left:
            if not self._refill:
                raise IndexError("deck is empty")
            self._left = self._items[:]
            self._rng.shuffle(self._left)
        return self._left.pop()


def _attributed(rng: random.Random, who: str, first: str, rest: list[str], *, intro: bool) -> str:
    """Wrap quote sentences in one of several attribution patterns (single quotes)."""
    body = " ".join([first, *rest])
    bare = who.rstrip(",")  # an intro ("X, of Y Police,") ends a sentence without its comma
    style = rng.randrange(8)
    if style == 1 and intro:
        style = 2  # "'...,' said X, of Y Police." reads better than "'...,' X, of Y Police said."
    if style == 0:
        return f"{who} said: '{body}'"
    if style in (1, 2) or not rest:
        lead = first[:-1] + "," if first.endswith(".") else first
        tail = f" '{' '.join(rest)}'" if rest else ""
        if style == 2:
            return f"'{lead}' said {bare}.{tail}"
        verb = rng.choice(("said", "added", "told {the_outlet}"))
        return f"'{lead}' {bare} {verb}.{tail}"
    if style == 3:
        return f"In a statement, {who} said: '{body}'"
    if style == 4:
        return f"{who} added: '{body}'"
    if style == 5:
        return f"{who} told {{the_outlet}}: '{body}'"
    if style == 6:
        return f"Writing on social media on {{weekday}}, {who} said: '{body}'"
    return f"Speaking on {{weekday}}, {who} said: '{body}'"


class _Builder:
    """Builds one report: a lede, an opener, shuffled middle paragraphs and a closing line."""

    def __init__(self, rng: random.Random, beat: _Beat, slots: _Slots) -> None:
        self.rng = rng
        self.beat = beat
        self.slots = slots
        self.details = _Deck(rng, beat.details + _GENERIC_DETAILS + _PLACE_BACKGROUND)
        # Nobody says the same thing twice in one report: quote decks are not refilled.
        self.quotes = {role: _Deck(rng, lines, refill=False) for role, lines in beat.quotes.items()}
        self.generic_quotes = _Deck(rng, _GENERIC_QUOTES, refill=False)
        self.asides = _Deck(rng, beat.partials + beat.indirect, refill=False)
        self.introduced: set[str] = set()

    def fill(self, template: str) -> str:
        return template.format_map(self.slots)

    def _speaker(self, role: str) -> str:
        if role in self.introduced:
            return f"{{{role}.ts}}"
        self.introduced.add(role)
        return self.beat.intros[role].replace("{p.", "{" + role + ".")

    def _line(self, role: str) -> str | None:
        own = self.quotes[role]
        pick = own if own and (not self.generic_quotes or self.rng.random() < 0.75) else None
        deck = pick or (self.generic_quotes if self.generic_quotes else None)
        return deck.draw() if deck is not None else None

    def _lines(self, role: str, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            line = self._line(role)
            if line is None:
                break
            lines.append(line)
        return lines

    def quote(self) -> list[str] | None:
        speakers = [role for role, deck in self.quotes.items() if deck]
        if not speakers:
            return None
        role = self.rng.choice(speakers)
        if self.rng.random() < 0.2:
            # A quotation over two paragraphs: each opens with a mark, only the last closes.
            first = self._lines(role, 2)
            second = self._lines(role, self.rng.randint(1, 2))
            if first and second:
                who = self._speaker(role)
                return [self.fill(f"{who} said: '{' '.join(first)}"), self.fill(f"'{' '.join(second)}'")]
            lines = first + second
        else:
            lines = self._lines(role, self.rng.randint(1, 3))
        if not lines:
            return None
        intro = role not in self.introduced
        who = self._speaker(role)
        return [self.fill(_attributed(self.rng, who, lines[0], lines[1:], intro=intro))]

    def aside(self) -> str:
        """A partial quote or reported speech; a speaker not yet met is introduced first."""
        template = self.asides.draw()
        match = _LEADING_ROLE.match(template)
        if match and match[1] not in self.introduced and match[1] in self.beat.intros:
            template = self._speaker(match[1]) + template[match.end() :]
        return template

    def background(self) -> str:
        rng = self.rng
        claim = rng.choice(_BACKGROUND_CLAIMS).replace("{topic}", rng.choice(self.beat.topics))
        sentence = f"{rng.choice(_BACKGROUND_SOURCES)} {claim} {rng.choice(_BACKGROUND_PERIODS)}."
        return self.fill(sentence[0].upper() + sentence[1:])

    def middle(self) -> list[str]:
        roll = self.rng.random()
        if roll < 0.35:
            quoted = self.quote()
            if quoted:
                return quoted
        elif roll < 0.47 and self.asides:
            return [self.fill(self.aside())]
        elif roll < 0.62:
            extra = [self.fill(self.details.draw())] if self.rng.random() < 0.5 else []
            return [" ".join([self.background(), *extra])]
        count = self.rng.choice((1, 2, 2, 3, 3, 4))
        return [self.fill(" ".join(self.details.draw() for _ in range(count)))]


_WEAPONS = ("knife", "hammer", "bottle", "machete", "metal bar", "screwdriver")
_VENUES = ("takeaway", "pub", "petrol station", "bus stop", "supermarket", "nightclub", "park")
_CHARGES = (
    "murder",
    "attempted murder",
    "wounding with intent",
    "manslaughter",
    "robbery",
    "causing grievous bodily harm",
    "possession of a bladed article",
    "arson with intent to endanger life",
    "causing death by dangerous driving",
    "controlling and coercive behaviour",
    "fraud by abuse of position",
    "assault occasioning actual bodily harm",
)


def _fixed_slots(rng: random.Random, beat: _Beat, outlet: str) -> dict[str, object]:
    """Choices that stay the same throughout one report, so headline, lede and body agree."""
    town, county = rng.choice(_TOWNS)
    town2 = rng.choice([t for t in _COUNTIES[county] if t != town])
    crown_town = _COUNTIES[county][0]
    company_kind, sector = rng.choice(_COMPANY_KIND)
    clubs = rng.sample(_TOWNS, 3)
    fixed: dict[str, object] = {
        "town": town,
        "town2": town2,
        "county": county,
        "outlet": outlet,
        "the_outlet": outlet if outlet.startswith("The ") else f"the {outlet}",
        "force": f"{county} Police",
        "force_short": "".join(word[0] for word in county.split()) + "P",
        "fire": f"{county} Fire and Rescue Service",
        "council": f"{town} Borough Council",
        "hospital": rng.choice(_HOSPITALS).format(town=town, county=county),
        "mags": f"{crown_town} Magistrates' Court",
        "crown": f"{crown_town} Crown Court",
        "company": f"{rng.choice(_COMPANY_FIRST)} {company_kind}",
        "sector": sector,
        "club": f"{clubs[0][0]} {rng.choice(_CLUB_SUFFIX)}",
        "opp": f"{clubs[1][0]} {rng.choice(_CLUB_SUFFIX)}",
        "opp2": f"{clubs[2][0]} {rng.choice(_CLUB_SUFFIX)}",
        "weapon": rng.choice(_WEAPONS),
        "venue": rng.choice(_VENUES),
        "charge": rng.choice(_CHARGES),
        "score": f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
        "jail_years": _word_number(rng.randint(2, 12)),
        "tax_rise": f"{rng.choice((1.9, 2.99, 3.5, 4.99, 2.5, 4.2))} per cent",
        "homes": f"{rng.randint(3, 45) * 50:,}",
        "gap": f"£{rng.randint(11, 400) / 10:g}m",
        "jobs": str(rng.randint(40, 900)),
        "drop": f"{rng.randint(4, 60)} per cent",
        "deal": f"£{rng.randint(11, 900) / 10:g}m",
    }
    for role, (kind, ages) in beat.cast.items():
        fixed[role] = _Person(rng, kind, ages, town)
    fixed.update(beat.extra_slots(rng))
    return fixed


def _slug(title: str) -> str:
    words = re.sub(r"[^a-z0-9 ]+", "", title.lower()).split()
    return "-".join(words[:9])


def _words(paragraphs: Sequence[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _report(seed: int, index: int) -> GeneratedReport:
    # Seeding from a string is stable across runs and Python versions (sha512 of the text).
    rng = random.Random(f"storydesk-corpus:{seed}:{index}")
    beat_name = rng.choice(BEATS)
    beat = rng.choice(_BEATS[beat_name])
    published = _FIRST_DAY + dt.timedelta(days=rng.randint(0, _DAY_SPAN))
    outlet, outlet_slug = rng.choice(_OUTLETS)
    slots = _Slots(rng, published, _fixed_slots(rng, beat, outlet))
    build = _Builder(rng, beat, slots)

    headline, lede = rng.choice(beat.stories)
    title = build.fill(headline)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    closing = build.fill(rng.choice(beat.closings))
    budget = MAX_WORDS - len(closing.split())
    paragraphs = [build.fill(lede), build.fill(rng.choice(beat.openers))]
    words = _words(paragraphs)
    misses = 0
    while words < target - len(closing.split()) and misses < 8:
        block = build.middle()
        size = _words(block)
        if words + size > budget:
            misses += 1
            continue
        paragraphs.extend(block)
        words += size
    paragraphs.append(closing)

    url = f"https://{outlet_slug}.example.com/{beat_name}/{published:%Y/%m/%d}/{_slug(title)}-{index}"
    return GeneratedReport(
        id=f"gen-{seed}-{index:06d}",
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        text="\n\n".join(paragraphs),
        beat=beat_name,
    )


def generate(n: int, seed: int = 0) -> Iterator[GeneratedReport]:
    """Yield ``n`` fictional reports; the same ``(n, seed)`` always gives the same reports."""
    if n < 0:
        raise ValueError(f"n must be zero or more, not {n}")
    for index in range(n):
        yield _report(seed, index)


def write_jsonl(reports: Iterator[GeneratedReport], out: TextIO) -> int:
    """Write reports as JSON Lines records; returns how many were written."""
    count = 0
    for report in reports:
        out.write(json.dumps(report.to_record(), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=200, help="number of reports (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    parser.add_argument("--out", type=Path, help="output JSON Lines file (default: stdout)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be zero or more")
    started = time.perf_counter()
    if args.out is None:
        count = write_jsonl(generate(args.n, args.seed), sys.stdout)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as handle:
            count = write_jsonl(generate(args.n, args.seed), handle)
    elapsed = time.perf_counter() - started
    print(f"wrote {count} reports in {elapsed:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
