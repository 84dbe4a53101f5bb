"""Named entities from the parse, with the statistical model's known slips corrected.

Finds organisations (aliases folded: the Met = Met Police = Scotland Yard = Metropolitan
Police; acronyms in brackets and initials folded; parts such as the Metropolitan Police's
Specialist Crime Command), places (with containment: ``Maida Vale, West London``) and things
(platforms, vehicles, systems and products: ``Twitter``, ``Renault Clio``, ``CCTV``), and hands
person-name candidates to :mod:`storydesk.extract.people`.

Corrections to en_core_web_sm made here, each general and table-driven:
- a span that names a platform, vehicle, system or product is a Thing, whatever its label;
- a leading ``the`` and a trailing possessive are not part of a name;
- an alias from ``data/org_aliases.json`` found in the text is an organisation even where
  the model missed it or called it a person.

Not done here: dates, numbers and ages (``extract.times`` and ``extract.people`` own them);
people (``extract.people``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from storydesk import conventions
from storydesk.extract.forenames import is_forename, likely_gender
from storydesk.extract.spans import doc_text, evidence
from storydesk.model import Article, Mention, Organisation, Place, Thing, ThingCategory

EntityLabel = Literal["PERSON", "ORG", "PLACE", "THING"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"}
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_STOP_WORDS_IN_ACRONYM = {"of", "and", "the", "for", "&"}


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: EntityLabel
    canonical: str
    category: str | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the', a trailing possessive and surrounding punctuation."""
    segment = text[start:end]
    lead = _LEADING_THE.match(segment)
    if lead:
        start += lead.end()
    segment = text[start:end]
    poss = re.search(r"['’]s$", segment) or re.search(r"(?<=s)['’]$", segment)
    if poss:
        end = start + poss.start()
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


def _thing_category(name: str) -> str | None:
    table = conventions.things()
    if name in table.platforms:
        return "platform"
    if name in table.systems:
        return "system"
    if name in table.products:
        return "product"
    first = name.split()[0] if name.split() else name
    two = " ".join(name.split()[:2])
    if first in table.vehicle_makes or two in table.vehicle_makes:
        return "vehicle"
    return None


def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for org in conventions.org_aliases():
        index[org.canonical] = org.canonical
        for alias in org.aliases:
            index[_LEADING_THE.sub("", alias)] = org.canonical
    return index


def _alias_pattern() -> re.Pattern[str]:
    """Aliases written with 'the' (the Met) match only after 'the' and not before another
    capitalised word (the Met Office is not the police)."""
    plain: list[str] = []
    with_the: list[str] = []
    for org in conventions.org_aliases():
        plain.append(org.canonical)
        for alias in org.aliases:
            bare = _LEADING_THE.sub("", alias)
            (with_the if bare != alias else plain).append(bare)
    alternatives = [re.escape(f) for f in sorted(plain, key=len, reverse=True)]
    alternatives += [r"(?<=[Tt]he )" + re.escape(f) + r"(?!\s+[A-Z])" for f in sorted(with_the, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _vehicle_extent(text: str, start: int, end: int) -> int:
    """Extend a vehicle make over its capitalised model name (Renault Clio, Ford Focus ST)."""
    match = re.match(r"(?:\s+[A-Z0-9][\w-]*){1,2}", text[end:])
    return end + match.end() if match else end


def _things_in_text(text: str) -> Iterable[tuple[int, int, str]]:
    table = conventions.things()
    names = sorted(table.platforms | table.systems | table.products | table.vehicle_makes, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for match in pattern.finditer(text):
        name = match.group(0)
        start, end = match.span()
        category = _thing_category(name)
        if category is None:
            continue
        # Short platform names that are also ordinary words (X, Ring, Teams, Signal) count
        # only next to a platform cue ("on X", "a Ring doorbell" is left to the model).
        if name in {"X", "Ring", "Teams", "Signal", "Threads", "Zoom", "Google"}:
            before = text[max(0, start - 12) : start].lower()
            if not re.search(r"\b(?:on|via|to|posted|wrote|tweeted)\s+$", before):
                continue
        if category == "vehicle":
            end = _vehicle_extent(text, start, end)
        yield start, end, category


def _joined_people(doc: Doc) -> list[tuple[int, int, str]]:
    """The model's entities as (start, end, label), two people with only a space between
    them joined (``Dr K. Suresh`` + ``Kumar``: one name the model split)."""
    joined: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if (
            joined
            and ent.label_ == "PERSON"
            and joined[-1][2] == "PERSON"
            and doc_text(doc)[joined[-1][1] : ent.start_char] == " "
        ):
            joined[-1] = (joined[-1][0], ent.end_char, "PERSON")
        else:
            joined.append((ent.start_char, ent.end_char, ent.label_))
    return joined


def find_entity_mentions(doc: Doc) -> list[EntityMention]:
    """Every entity mention in the text, corrected, in text order, without overlaps."""
    text = doc_text(doc)
    found: list[EntityMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(mention: EntityMention) -> None:
        found.append(mention)
        taken.append((mention.start, mention.end))

    # 1. Things from the table take precedence over any model label.
    for start, end, category in _things_in_text(text):
        if free(start, end):
            add(EntityMention(start, end, text[start:end], "THING", text[start:end], category))
    # 2. Organisation aliases from the table.
    index = _alias_index()
    for match in _alias_pattern().finditer(text):
        start, end = match.span()
        if free(start, end):
            add(EntityMention(start, end, match.group(0), "ORG", index[match.group(0)]))
    # 3. The model's entities, trimmed and relabelled.
    for ent_start, ent_end, ent_label in _joined_people(doc):
        ent = doc.char_span(ent_start, ent_end, label=ent_label)
        if ent is None or ent.label_ not in _KEPT_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end <= start or not free(start, end):
            continue
        name = text[start:end]
        if "\n" in name:
            continue
        after = _person_after_nationality(name)
        if after is not None and free(start + after, end):
            # "the Colombian Julián Cardenal" tagged as an organisation: the person after it
            add(EntityMention(start + after, end, text[start + after : end], "PERSON", text[start + after : end]))
            continue
        thing = _thing_category(name)
        if thing is not None or ent.label_ == "PRODUCT":
            if thing == "vehicle":
                end = _vehicle_extent(text, start, end)
            add(EntityMention(start, end, text[start:end], "THING", text[start:end], thing or "product"))
        else:
            label = _relabel(ent.label_, name)
            if label is not None:
                add(EntityMention(start, end, name, label, index.get(name, name) if label == "ORG" else name))
    # 4. Names the model left untagged: a forename and a surname (``_forename_and_surname``),
    # or two capitalised words after a job (``wing Petrus Hamutenya``).
    for first, second in itertools.pairwise(doc):
        if first.tag_ not in _PROPER_TAGS or second.tag_ not in _PROPER_TAGS or first.whitespace_ != " ":
            continue
        start, end = first.idx, second.idx + len(second.text)
        following = doc[second.i + 1] if second.i + 1 < len(doc) else None
        if following is not None and following.tag_ == "NNP" and following.idx == end + 1:
            continue  # a longer name ("Grace Fellowship Church")
        after_nationality = _nationality_before(text, start)
        joined_before = first.i > 0 and doc[first.i - 1].tag_ == "NNP"
        if joined_before and doc[first.i - 1].idx + len(doc[first.i - 1]) == start - 1 and not after_nationality:
            continue
        named = (
            _forename_and_surname(text, start, [first.text, second.text])
            or _occupation_before(text, start)
            or after_nationality
        )
        if free(start, end) and named:
            add(EntityMention(start, end, text[start:end], "PERSON", text[start:end]))
    found.sort(key=lambda m: m.start)
    found = _address_places(text, found)
    found = _people_mislabelled(text, _join_institutions(text, found))
    return _fold_acronyms(_lone_places(text, _drop_stray_person_words(found)))


def _address_places(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``of Kingsway, Burnage,``: the parts of an address after ``of`` are places, whatever
    label the model gave them (an organisation name is not written between address commas)."""
    result: list[EntityMention] = []
    for i, m in enumerate(mentions):
        # "Patrick Ryan, 58, of Ballydrum, Cahir,": a town in an address, whatever its name
        in_address = re.search(
            r",\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+$", text[max(0, m.start - 50) : m.start]
        )
        if m.label == "PERSON" and " " not in m.text and text[m.end : m.end + 1] in {",", "."} and in_address:
            m = EntityMention(m.start, m.end, m.text, "PLACE", m.text)
        if m.label == "ORG" and m.canonical == m.text and " " not in m.text:
            previous = mentions[i - 1] if i > 0 else None
            joined = previous is not None and previous.label == "PLACE" and text[previous.end : m.start] == ", "
            addressed = joined and previous is not None and text[max(0, previous.start - 3) : previous.start] == "of "
            if addressed and text[m.end : m.end + 1] in {",", "."}:
                m = EntityMention(m.start, m.end, m.text, "PLACE", m.text)
        result.append(m)
    return result


def _people_mislabelled(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A two- or three-word "place", "organisation" or model-guessed "product" that is a
    forename and the surname of a person in the report (``Neil Day`` beside ``Rosa Day``), or
    that follows a relation noun (``her ex-husband Neil Day``), or comes before an age between
    commas (``Tobin Ashgrove, 22,``), an address (``, of Maryhill,``) or a person noun in
    apposition (``, an analyst at``), or after a country's possessive (``Kenya's Beatrice
    Chelimo``), is a person; one word only after an owned kinship noun
    (``her daughter Sofia``)."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    forenames = {m.text.split()[0] for m in mentions if m.label == "PERSON" and " " in m.text}
    relations = conventions.relations()
    changed = False
    result: list[EntityMention] = []
    for m in mentions:
        words = m.text.split()
        if m.label in {"ORG", "PLACE"} and len(words) == 4 and words[1] == "and" and likely_gender(words[0]):
            # "brothers Jake and Connor Ellery": two forenames and a surname; the full name is
            # the person here (``mentions`` gives the first forename the surname)
            start = m.end - len(" ".join(words[2:]))
            if text[start : m.end] == " ".join(words[2:]) and _forename_and_surname(text, m.start, words[2:]):
                result.append(EntityMention(start, m.end, text[start : m.end], "PERSON", text[start : m.end]))
                continue
        if (m.label in {"ORG", "PLACE"} or model_product(m)) and 1 <= len(words) <= 3 and m.canonical == m.text:
            # "his wife of 40 years, Carol": a length of years may follow the relation noun
            before = re.search(
                r"(\S+\s+)?(?:\d{1,3}-year-old\s+)?([\w-]+)(?:\s+of\s+(?:\d+|[a-z]+)\s+years)?,?\s+$",
                text[max(0, m.start - 60) : m.start],
            )
            after_relation = before is not None and before.group(2).lower() in relations
            # one word only after an owned kinship noun: "her daughter Sofia", not "to Sofia"
            owned = before is not None and re.match(r"(?:his|her|their|\S+['’]s?)\s", (before.group(1) or "").lower())
            # or the surname of a person named in full ("Ruiz-Castillo's husband"), or the
            # forename of one, with an age or a trade in apposition ("said Ganesh, a 29-year-old
            # construction worker")
            described = m.text in forenames and (
                re.match(r",\s+(?:an?\s+)?\d{1,3}(?:-year-old\b|\s*,)", text[m.end : m.end + 24]) is not None
                or _person_noun_after(text, m.end)
            )
            if len(words) == 1 and not (after_relation and owned) and m.text not in surnames and not described:
                result.append(m)
                continue
            # "Harlow & Finch" (a firm of partners' names) is no person for its surname
            last_is_head = words[-1] in conventions.org_words().org_heads or "&" in words
            # "Tobin Ashgrove, 22,": an age in apposition is said of people only; so is an
            # address ("Ruaridh MacLeod, of Maryhill,") and a person noun ("Morgan Feld, an analyst")
            aged = re.match(r",\s+(\d{1,3}),", text[m.end : m.end + 8]) is not None
            aged = aged or re.match(r",\s+of\s+[A-Z][\w'’-]+,", text[m.end : m.end + 40]) is not None
            aged = aged or _person_noun_after(text, m.end)
            # "Kenya's Beatrice Chelimo": a full name after a country's possessive
            country = re.search(r"([A-Z][\w.'’ -]*?)['’]s\s+$", text[max(0, m.start - 30) : m.start])
            aged = aged or (len(words) >= 2 and country is not None and country.group(1) in conventions.countries())
            aged = aged or _forename_and_surname(text, m.start, words)
            aged = aged or (len(words) >= 2 and _occupation_before(text, m.start))
            # "Lindiwe Mahlangu, who as municipal manager signed": two or three words of no
            # organisation, street or ground, described by "who"
            aged = (
                aged
                or (
                    len(words) >= 2
                    and re.match(r",\s+who\s", text[m.end : m.end + 8]) is not None
                    # (not "a counter assistant at the Golden Grill, who asked")
                    and re.search(r"\b[Tt]he\s+$", text[max(0, m.start - 5) : m.start]) is None
                    and not any(w in _COLLECTIVE_WORDS | _STREET_WORDS | _LAND_WORDS for w in words)
                    and not any(w in _org_words() for w in words)
                    # (not "the Metropolitan Police's Specialist Crime Command, who")
                    and re.search(r"['’]s?\s+$", text[max(0, m.start - 3) : m.start]) is None
                )
            )
            if not last_is_head and (words[-1] in surnames or after_relation or aged or described):
                m = EntityMention(m.start, m.end, m.text, "PERSON", m.text)
                if len(words) >= 2 and words[-1] not in surnames:
                    surnames.add(words[-1])
                    changed = True
        result.append(m)
    # a full name found here makes its surname a person elsewhere: one more pass
    return _people_mislabelled(text, result) if changed else result


_PROPER_TAGS = {"NNP", "NNPS"}
# Last words of two-word names of groups and grounds that the head and street tables leave out
# ("Harlan Brothers", "Grace Fellowship", "Abbey Park")
_COLLECTIVE_WORDS = {
    "Brothers",
    "Sons",
    "Partners",
    "Fellowship",
    "Park",
    "Jail",
    "Register",
    "Gardens",
    "Estate",
    "Dock",
    "Docks",
    "Quay",
    "Wharf",
    "Marina",
    "Falls",
    "Arena",
    "Stadium",
    "Hall",
    "House",
    "Centre",
    "Center",
    "Square",
}


def _forename_and_surname(text: str, start: int, words: list[str]) -> bool:
    """``the Green Party's Saoirse Lindley``, ``goalkeeper Colm Treacy``: two capitalised
    words, the first a forename nearly always given to one gender (``forenames``), the second
    no word that heads an organisation, a street, a piece of land or a group, and not after
    ``St`` or a word of place (``at Abbey Park``, ``St John Ambulance``)."""
    if len(words) != 2 or likely_gender(words[0]) is None or not words[1][:1].isupper():
        return False
    if any(w.isupper() for w in words):
        return False  # a dateline: "FENTON FALLS"
    last = re.sub(r"['’]s?$", "", words[1])
    heads = conventions.org_words().org_heads
    if last in heads or last in _STREET_WORDS or last in _LAND_WORDS or last in _COLLECTIVE_WORDS:
        return False
    before = text[max(0, start - 12) : start]
    return not re.search(r"\bSt\.?\s+$", before) and not _LOCATIVE.search(before)


_LOCATIVE = re.compile(r"(?<![\w-])(?:in|at|near|nearby|outside|from|across|around)\s+(?:nearby\s+)?$")


def _lone_places(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A one-word "person" right after a preposition of place (``in nearby Holmbridge``,
    ``a 44-year-old from Birkenhead``, ``outside Dorrance``) that is no word of a person's
    full name in the report is a place: people are not where things happen."""
    person_words = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    result: list[EntityMention] = []
    for m in mentions:
        if (
            m.label == "PERSON"
            and " " not in m.text
            and m.text not in person_words
            and _LOCATIVE.search(text[max(0, m.start - 20) : m.start])
        ):
            m = EntityMention(m.start, m.end, m.text, "PLACE", m.text)
        result.append(m)
    return result


def model_product(mention: EntityMention) -> bool:
    """A "product" only the statistical model saw (not one from ``data/things.json``)."""
    return mention.label == "THING" and mention.category == "product" and _thing_category(mention.text) is None


def _org_words() -> frozenset[str]:
    heads = conventions.org_words()
    return frozenset(heads.org_heads | heads.unit_heads | heads.institution_heads)


def _person_after_nationality(name: str) -> int | None:
    """Where the person starts in ``Colombian Julián Cardenal``: a nationality adjective, then
    two or three capitalised words none of which names a kind of organisation, street or place
    (not ``German Consulate General``)."""
    nationality = re.match(r"[A-Z][\w-]*\s+", name)
    if nationality is None or nationality.group(0).strip() not in conventions.demonyms():
        return None
    rest = name[nationality.end() :].split()
    placeish = _org_words() | _STREET_WORDS | _LAND_WORDS | _COLLECTIVE_WORDS | _AWARD_WORDS | {"Limited", "Ltd"}
    if not 2 <= len(rest) <= 3 or not all(w[:1].isupper() for w in rest):
        return None
    if any(re.sub(r"['’]s?$", "", w) in placeish for w in rest):
        return None
    return nationality.end()


def _nationality_before(text: str, start: int) -> bool:
    """``was New Zealander Teresa Ngata``, ``beating the Colombian Julián Cardenal``: a
    nationality noun or adjective right before the span (two words at most)."""
    match = re.search(r"(?:^|\s)([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+$", text[max(0, start - 30) : start])
    if match is None:
        return False
    words = match.group(1)
    candidates = [words, words.split()[-1]]
    return any(w in conventions.demonyms() or w in conventions.nationality_nouns() for w in candidates)


def _occupation_before(text: str, start: int) -> bool:
    """``after Namibian wing Petrus Shikongo raced``: a lower-case occupation noun right
    before the span (a job written before a name, as newsrooms do)."""
    match = re.search(r"(?<![\w-])([a-z][a-z-]+)\s+$", text[max(0, start - 30) : start])
    if match is None:
        return False
    word = match.group(1)
    noun = conventions.person_nouns().get(word)
    return (noun is not None and noun.occupation) or word in conventions.occupations().nouns


def _person_noun_after(text: str, end: int) -> bool:
    """``, an analyst at`` / ``, a retired teacher,``: a noun that only describes people, in
    apposition right after the span."""
    match = re.match(r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b", text[end : end + 50])
    if match is None:
        return False
    noun = conventions.person_nouns().get(match.group(1))
    return noun is not None and noun.occupation


def _drop_stray_person_words(mentions: list[EntityMention]) -> list[EntityMention]:
    """A one-word "person" that is a word of an organisation or place name in the same
    report (``Manchester`` beside ``Greater Manchester Police``) and of no person's full
    name is the model's slip: it becomes a place."""
    name_words = {w for m in mentions if m.label in {"ORG", "PLACE"} and " " in m.text for w in m.text.split()}
    person_words = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    result: list[EntityMention] = []
    for m in mentions:
        if m.label == "PERSON" and " " not in m.text and m.text in name_words and m.text not in person_words:
            m = EntityMention(m.start, m.end, m.text, "PLACE", m.text)
        result.append(m)
    return result


_STREET_WORDS = {
    "Street",
    "Road",
    "Lane",
    "Avenue",
    "Drive",
    "Close",
    "Grove",
    "Crescent",
    "Terrace",
    "Place",
    "Gardens",
    "Way",
    "Row",
    "Walk",
    "Mews",
    "Hill",
    "Boulevard",
    "Parade",
    "Square",
    "Court Road",
    "Highway",
    "Estate",
    "Route",  # "past Route K, who has her third baby": a road
    "Interstate",
}


# Last words of place names the model tags as people ("Dunmore Falls", "Quarry Bend"). Not
# surnames common in the news: Woods, Bay, Rivers, Fields.
_LAND_WORDS = {
    "Lake",
    "Falls",
    "Bend",
    "Creek",
    "Valley",
    "Heights",
    "Springs",
    "Harbor",
    "Harbour",
    "Ridge",
    "Hollow",
    "Meadows",
    "Cove",
    "Island",
    "Islands",
    "Mountain",
    "Mountains",
    "Canyon",
    "Reservoir",
    "Crest",
    # localities and constituencies of India, South Africa and Singapore
    "Nagar",
    "Colony",
    "Township",
    "Chowk",
    "Bazaar",
    "Mohalla",
    "GRC",
    "SMC",
}


# Words of a title-case headline that no name is made of.
# A barrister's letters after a name: King's, Queen's or Senior Counsel, barrister-at-law
COUNSEL_LETTERS = r"K\.?C|Q\.?C|S\.?C|B\.?L"
_HEADLINE_WORDS = {"shooting", "stabbing", "crash", "murder", "killing", "deadly", "fatal", "dies", "killed", "shot"}
_AWARD_WORDS = {"Medal", "Cross", "Award", "Prize", "Trophy", "Cup", "Shield", "Star"}
# First words of place names the model sometimes tags as people
_PLACE_FIRST_WORDS = {"St", "St.", "Saint", "Sainte", "River", "Mount", "Loch", "Lough", "Lake"}

# Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Ana de Souza")
_NAME_PARTICLES = frozenset("van von der den de del della da di du des la le dos das ten ter bin ibn al el y e".split())
# Feasts and seasons the model sometimes tags as people ("over Easter")
_HOLIDAYS = {"Easter", "Christmas", "Halloween", "Hanukkah", "Diwali", "Eid", "Ramadan", "Passover", "Thanksgiving"}


def _relabel(model_label: str, name: str) -> EntityLabel | None:
    """The model's label, corrected where the name itself says otherwise."""
    words = name.split()
    if model_label in {"ORG", "GPE", "FAC", "LOC"} and len(words) >= 2 and _starts_with_title(name):
        return "PERSON"  # "Ms Askwith's address" tagged as an organisation
    if model_label == "ORG" and len(words) >= 3 and re.fullmatch(f"(?:{COUNSEL_LETTERS})\\.?", words[-1]):
        return "PERSON"  # "Conor Breslin SC": a barrister's letters after a name
    if model_label == "PERSON" and words and words[-1] in conventions.org_words().org_heads:
        return "ORG"  # "Manchester Magistrates' Court" tagged as a person
    if model_label == "PERSON" and len(words) >= 2 and words[-1] in _STREET_WORDS | _LAND_WORDS:
        return "PLACE"  # "along most of Albert Terrace", "the ice at Elk Lake"
    if model_label == "PERSON" and len(words) >= 2 and words[0] in _PLACE_FIRST_WORDS:
        return "PLACE"  # "returned to St Kerran every summer", "the River Aske"
    if model_label == "PERSON" and "&" in words:
        return "ORG"  # "Harlow & Finch": a firm of partners' names
    if model_label == "PERSON" and any(w.lower() in _HEADLINE_WORDS for w in words):
        return None  # "Deadly Shooting Of 18-Year-Old ...": a headline in title case
    if model_label == "PERSON" and len(words) >= 2 and words[-1] in _AWARD_WORDS:
        return None  # "a Korea Medal awarded to her husband"
    if model_label == "PERSON" and words and words[0] in _HOLIDAYS:
        return None  # "before Easter", "Christmas Eve"
    dateline = re.fullmatch(r"[A-Z][A-Z'’ -]{3,}", name) is not None
    if model_label == "PERSON" and (dateline or name in conventions.nationality_nouns()):
        return None  # a dateline ("FENTON FALLS") and "the Welshman" name no one
    if model_label == "PERSON":
        # Names are capitalised: "lorry driver" tagged as a person is not one, nor is
        # "Legionella bacteria" (a lower-case word that is no particle: "van", "de", "bin")
        lower = [w for w in words[1:] if w[:1].islower() and w not in _NAME_PARTICLES]
        return None if _is_title_only(name) or not name[:1].isupper() or lower else "PERSON"
    if model_label == "ORG" and len(words) >= 2 and words[-1] in _STREET_WORDS:
        return "PLACE"  # "School Lane" tagged as an organisation
    if model_label == "ORG":
        return "ORG"
    if model_label in _PLACE_LABELS:
        return "PLACE"
    return None


def _starts_with_title(name: str) -> bool:
    """``Ms Askwith``, ``Cllr Asha Mistry``, ``Rev Anne Pascoe``: a title then a name. A rank
    or office title needs a forename and surname after it, and no organisation word
    (``Judge Business School`` stays an organisation)."""
    words = name.split()
    title = conventions.titles().get(words[0].rstrip("."))
    if title is None:
        return False
    if title.kind == "courtesy":
        return True
    if title.kind == "military":  # "Major League Baseball", "General Dynamics Land Systems"
        return False
    heads = conventions.org_words()
    org_words = heads.org_heads | heads.unit_heads | heads.institution_heads
    rest = words[1:]
    if rest and office_phrase(rest):
        return False  # "the Chief Judicial Magistrate's court": an office, not a person
    return len(rest) >= 2 and all(w[:1].isupper() and w not in org_words for w in rest)


def office_phrase(words: list[str]) -> bool:
    """``Judicial Magistrate``, ``Executive Officer`` (after ``Chief``): words no forename
    opens that end in a person or occupation noun (``Tom Baker`` has a forename)."""
    last = re.sub(r"['’]s$", "", words[-1]).lower()
    nouns = conventions.occupations().nouns | set(conventions.person_nouns())
    return last in nouns and not any(is_forename(w) for w in words[:-1])


def _is_title_only(name: str) -> bool:
    """``Dr``, ``Det Ch Insp``, ``Coroner Dr``: titles and nothing else."""
    key = re.sub(r"\.", "", re.sub(r"\s+", " ", name)).strip()
    titles = conventions.titles()
    return key in titles or all(w in titles for w in key.split())


def _join_institutions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``St Cuthbert's`` + ``Primary School`` split by the model are one name."""
    heads = conventions.org_words().institution_heads
    joined: list[EntityMention] = []
    for mention in mentions:
        if joined:
            last = joined[-1]
            between = text[last.end : mention.start]
            if re.fullmatch(r"['’]s?\s+", between) and mention.text in heads:
                name = text[last.start : mention.end]
                joined[-1] = EntityMention(last.start, mention.end, name, "ORG", name)
                continue
        joined.append(mention)
    return joined


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w']+", name) if w.lower() not in _STOP_WORDS_IN_ACRONYM).upper()


def _fold_acronyms(mentions: list[EntityMention]) -> list[EntityMention]:
    """An all-capitals organisation whose letters are another organisation's initials is it."""
    orgs = [m.canonical for m in mentions if m.label == "ORG" and not m.canonical.isupper()]
    folded: list[EntityMention] = []
    for m in mentions:
        if m.label == "ORG" and m.canonical.isupper() and len(m.canonical) >= 2:
            full = next((o for o in orgs if _initials(o) == m.canonical.replace(".", "")), None)
            if full is not None:
                m = EntityMention(m.start, m.end, m.text, m.label, full, m.category)
        folded.append(m)
    return folded


def build_organisations(article: Article, mentions: list[EntityMention]) -> list[Organisation]:
    """Group organisation mentions by canonical name; find parts (X's Y, Y of the X)."""
    text = article.text
    order: list[str] = []
    grouped: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        if m.canonical not in grouped:
            order.append(m.canonical)
            grouped[m.canonical] = []
        grouped[m.canonical].append(m)
    ids = {name: f"o{i}" for i, name in enumerate(order, start=1)}
    parent: dict[str, str] = {}
    org_mentions = [m for m in mentions if m.label == "ORG"]
    for a, b in itertools.pairwise(org_mentions):
        between = text[a.end : b.start]
        if a.canonical == b.canonical:
            continue
        unit = b.text.split()[-1] in conventions.org_words().unit_heads
        if re.fullmatch(r"['’]s?\s+", between) and unit:
            parent.setdefault(b.canonical, a.canonical)
        elif re.fullmatch(r"\s+(?:of|at)\s+(?:the\s+)?", between):
            parent.setdefault(a.canonical, b.canonical)
    result: list[Organisation] = []
    for name in order:
        group = grouped[name]
        variants = list(dict.fromkeys(m.text for m in group))
        result.append(
            Organisation(
                id=ids[name],
                name=name,
                variants=variants,
                part_of=ids.get(parent.get(name, "")),
                mentions=[Mention(kind="name", evidence=evidence(article, m.start, m.end)) for m in group],
            )
        )
    return result


def build_places(article: Article, mentions: list[EntityMention]) -> list[Place]:
    """Group place mentions by name; ``X, Y`` and ``X in Y`` make X within Y."""
    text = article.text
    places = [m for m in mentions if m.label == "PLACE"]
    order = list(dict.fromkeys(m.canonical for m in places))
    ids = {name: f"l{i}" for i, name in enumerate(order, start=1)}
    within: dict[str, str] = {}
    for a, b in itertools.pairwise(places):
        if a.canonical == b.canonical:
            continue
        between = text[a.end : b.start]
        # "Chippenham Road, Maida Vale, West London": each is within the next.
        if re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?", between) and within.get(b.canonical) != a.canonical:
            within.setdefault(a.canonical, b.canonical)
    return [
        Place(
            id=ids[name],
            name=name,
            variants=list(dict.fromkeys(m.text for m in places if m.canonical == name)),
            within=ids.get(within.get(name, "")),
            mentions=[
                Mention(kind="name", evidence=evidence(article, m.start, m.end)) for m in places if m.canonical == name
            ],
        )
        for name in order
    ]


_THING_CATEGORIES: dict[str, ThingCategory] = {
    "platform": "platform",
    "vehicle": "vehicle",
    "product": "product",
    "system": "system",
}


def build_things(article: Article, mentions: list[EntityMention]) -> list[Thing]:
    things = [m for m in mentions if m.label == "THING"]
    order = list(dict.fromkeys(m.canonical for m in things))
    result: list[Thing] = []
    for i, name in enumerate(order, start=1):
        group = [m for m in things if m.canonical == name]
        result.append(
            Thing(
                id=f"x{i}",
                name=name,
                category=_THING_CATEGORIES.get(group[0].category or "", "other"),
                mentions=[Mention(kind="name", evidence=evidence(article, m.start, m.end)) for m in group],
            )
        )
    return result
