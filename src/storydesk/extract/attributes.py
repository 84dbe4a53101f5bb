"""Person attributes as Facts, each with the span that states it.

Finds: age (``Leon Mccaskie, 41,``; ``the 26-year-old driver`` once linked; ``aged 43``),
title or rank (full form: ``DCI`` -> Detective Chief Inspector), occupation and nationality
from linked descriptions (``a Chechen electrician``), gender only where the text states it
(a title, a gendered noun, a pronoun whose antecedent is clear), relations (found by
``extract.relations``: ``ex-husband Leon Mccaskie``, ``X, the son of Y``) with their inverse
on the other person, and a role where a noun or rank makes it plain.

Not done here: what happened to people (``extract.fates``), roles that follow from events.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storydesk import conventions
from storydesk.extract import counsel, occupations, origins, relations
from storydesk.extract.drafts import PersonDraft
from storydesk.extract.mentions import Description
from storydesk.extract.people import Cast
from storydesk.extract.rawfact import RawFact
from storydesk.extract.spans import doc_text, evidence
from storydesk.model import Article, Fact

__all__ = ["RawFact", "find_attributes", "to_facts"]


def _ages(person_id: str, draft: PersonDraft) -> list[RawFact]:
    facts = [RawFact(person_id, "age", age, start, end) for age, start, end in draft.ages]
    for desc in draft.descriptions:
        if desc.age is not None and desc.age_span is not None:
            facts.append(RawFact(person_id, "age", desc.age, *desc.age_span))
    return facts


def _titles(person_id: str, draft: PersonDraft) -> list[RawFact]:
    facts: list[RawFact] = []
    for mention in draft.names:
        if mention.title and mention.title_kind != "courtesy":
            facts.append(RawFact(person_id, "title", mention.title, mention.start, mention.end))
            if mention.title_kind in {"police", "emergency", "judicial", "military"}:
                facts.append(RawFact(person_id, "role", "official", mention.start, mention.end))
            elif mention.title_kind == "political":
                facts.append(RawFact(person_id, "role", "politician", mention.start, mention.end))
        elif mention.title:
            facts.append(RawFact(person_id, "title", mention.title, mention.start, mention.end))
        for post in mention.post_nominals:  # "Sarah Quinn KC", "Claire Hebden MP"
            facts.append(RawFact(person_id, "title", post.replace(".", ""), mention.start, mention.end))
    return facts


def _descriptions(doc: Doc, person_id: str, draft: PersonDraft) -> list[RawFact]:
    table = conventions.person_nouns()
    facts: list[RawFact] = []
    for desc in draft.descriptions:
        noun = table.get(desc.noun or "")
        facts.append(RawFact(person_id, "description", desc.text, desc.start, desc.end))
        if noun is not None and noun.occupation:
            facts.append(RawFact(person_id, "occupation", _with_compounds(doc, desc, noun.noun), desc.start, desc.end))
        if noun is not None and noun.role:
            facts.append(RawFact(person_id, "role", noun.role, desc.start, desc.end))
        nationality = occupations.demonym(desc.nationality) if desc.nationality else None
        if nationality and desc.nationality_span:
            facts.append(RawFact(person_id, "nationality", nationality, *desc.nationality_span))
        if desc.children is not None:
            facts.append(RawFact(person_id, "children", desc.children, desc.start, desc.end))
    return facts


def _with_compounds(doc: Doc, desc: Description, noun: str) -> str:
    """``a 29-year-old construction worker`` -> ``construction worker``: the occupation noun
    with the nouns compounded before it (not adjectives: ``the heroic driver`` is a driver)."""
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() != noun:
        return noun
    compounds = [
        t
        for t in span.root.lefts
        if t.dep_ == "compound" and (t.pos_ == "NOUN" or t.text.islower()) and t.i >= span.start
    ]
    if not compounds or compounds[-1].i != span.root.i - 1:
        return noun
    return " ".join([*(t.lower_ for t in compounds), noun])


def _gender(person_id: str, draft: PersonDraft) -> list[RawFact]:
    if draft.gender and draft.gender_span:
        return [RawFact(person_id, "gender", draft.gender, *draft.gender_span)]
    return []


_PHRASE_ATTRIBUTES = {"occupation", "nationality"}


def _drop_contained_occupations(facts: list[RawFact]) -> list[RawFact]:
    """``driver`` goes when the same person is a ``delivery driver``; ``Ghanaian`` when they
    are ``Ghanaian-American``."""
    by_subject: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        if fact.attribute in _PHRASE_ATTRIBUTES:
            by_subject.setdefault((fact.subject, fact.attribute), set()).add(str(fact.value))

    def contained(fact: RawFact) -> bool:
        value = str(fact.value)
        return any(
            other != value and re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", other)
            for other in by_subject.get((fact.subject, fact.attribute), set())
        )

    return [f for f in facts if not (f.attribute in _PHRASE_ATTRIBUTES and contained(f))]


def _gendered_relations(facts: list[RawFact], cast: Cast) -> list[RawFact]:
    """``spouse of`` becomes ``wife of`` once the report states she is a woman: the inverse
    was written before every gender was known (a gender can come from a later relation noun
    or a pronoun)."""
    inverses: dict[str, tuple[str, str]] = {}
    for relation in conventions.relations().values():
        if relation.inverse_male != relation.inverse_female:
            inverses[relation.inverse_unknown] = (relation.inverse_male, relation.inverse_female)
    # A label the text itself can state ("her ex-partner" -> "ex-partner of", "their child") is
    # what the report says, whatever the genders: only the neutral inverses written for want of
    # a gender ("spouse of"; "child of" for "her son, X" read from the other side) are re-gendered.
    by_neutral = dict(inverses)
    for relation in conventions.relations().values():
        by_neutral.pop(relation.label, None)
    # a partner is a partner, whatever a boyfriend's inverse would be
    inverses = {k: v for k, v in inverses.items() if k not in {"partner of", "ex-partner of"}}
    genders: dict[str, str] = {}
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        if draft.gender:
            genders[person.id] = draft.gender
    for fact in facts:
        if fact.attribute == "gender":
            genders.setdefault(fact.subject, str(fact.value))
    result: list[RawFact] = []
    for fact in facts:
        gender = genders.get(fact.subject)
        table = inverses if fact.inverse else by_neutral
        if fact.attribute == "relation" and str(fact.value) in table and gender in {"male", "female"}:
            male, female = table[str(fact.value)]
            fact = RawFact(
                fact.subject, "relation", male if gender == "male" else female, fact.start, fact.end, fact.qualifier
            )
        result.append(fact)
    return result


def _genders_from_occupations(facts: list[RawFact]) -> list[RawFact]:
    """``NTSB spokeswoman Lauren Pike``: an occupation whose head states a gender gives it to a
    person with no gender stated otherwise (one head word of each gender leaves it open)."""
    table = conventions.gendered_occupations()
    stated = {f.subject for f in facts if f.attribute == "gender"}
    found: dict[str, list[RawFact]] = {}
    for fact in facts:
        if fact.attribute != "occupation" or fact.subject in stated:
            continue
        head = re.split(r"\s+(?:of|for|at|to)\s+", str(fact.value).lower())[0].split()[-1]
        if head in table:
            found.setdefault(fact.subject, []).append(
                RawFact(fact.subject, "gender", table[head], fact.start, fact.end)
            )
    return [options[0] for options in found.values() if len({str(f.value) for f in options}) == 1]


def _offices(found: list[RawFact], cast: Cast) -> dict[str, set[str]]:
    """Word -> the people an occupation or title of theirs contains it (``Minister of State
    for Rural Affairs`` -> minister), for owners named by office."""
    offices: dict[str, set[str]] = {}
    for fact in found:
        for word in re.findall(r"[a-z]+", str(fact.value).lower()):
            offices.setdefault(word, set()).add(fact.subject)
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            for word in re.findall(r"[a-z]+", (mention.title or "").lower()):
                offices.setdefault(word, set()).add(person.id)
    return offices


def find_attributes(doc: Doc, cast: Cast) -> list[RawFact]:
    facts: list[RawFact] = []
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        facts += _ages(person.id, draft)
        facts += _titles(person.id, draft)
        facts += _descriptions(doc, person.id, draft)
        facts += _gender(person.id, draft)
    found_occupations = occupations.find_occupations(doc, cast)
    facts += relations.find_relations(doc, cast, _offices(found_occupations, cast))
    facts += counsel.find_counsel(doc, cast)
    facts = _gendered_relations(facts, cast)
    facts += found_occupations
    facts += origins.find_origins(doc_text(doc), cast)
    facts = _drop_contained_occupations(facts)
    facts += _genders_from_occupations(facts)
    relation_roles = {"lawyer of": "lawyer"}
    for fact in list(facts):
        if fact.attribute == "relation" and fact.value in relation_roles:
            facts.append(RawFact(fact.subject, "role", relation_roles[str(fact.value)], fact.start, fact.end))
    # One fact per (subject, attribute, value, qualifier, span).
    unique = list(dict.fromkeys(facts))
    unique.sort(key=lambda f: (int(f.subject[1:]) if f.subject[1:].isdigit() else 0, f.start))
    return unique


def to_facts(article: Article, cast: Cast, raw: list[RawFact], first_id: int = 1) -> list[Fact]:
    names = {p.id: p.name for p in cast.people}
    return [
        Fact(
            id=f"f{first_id + i}",
            subject=r.subject,
            subject_name=names.get(r.subject, r.subject),
            attribute=r.attribute,
            value=r.value,
            qualifier=names.get(r.qualifier, r.qualifier) if r.qualifier else None,
            evidence=evidence(article, r.start, r.end),
            published=article.published,
        )
        for i, r in enumerate(raw)
    ]
