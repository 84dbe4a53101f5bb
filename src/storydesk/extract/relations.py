"""Relations between the people of a report, stated beside their names.

Before a name: ``Abraham's lawyer Mohammed Akunjee``, ``her ex-husband Leon Mccaskie``, ``his
wife of 40 years, Carol``, ``Her husband and coach, Phil Dempsey``, ``His attorney, public
defender Grant Sowell``, ``their son, Luke`` (the couple named before). After it: ``X, the son
of Y``, ``X is the son of former England hooker Y``, ``X, 41, who is Emma's father``, ``X,
Y's lawyer``. A plural kin noun relates two coordinated names (``Brandvold's parents, Dennis
and Marjorie Brandvold``). Each relation gives its inverse on the other person (``client of``
for ``lawyer of``), gendered by what the text states of that person.

An owner that is a surname several people share (``Oyelaran's younger brother``, ``Mr
Treloar's wife``) is the first of them the report names; an unresolved ``her`` opening a
sentence is the person-subject of the nearest sentence before it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

from spacy.tokens import Doc, Token

from storydesk import conventions
from storydesk.extract.drafts import named_in_next_sentence
from storydesk.extract.mentions import NameMention, Relative, relatives
from storydesk.extract.people import Cast, relation_group
from storydesk.extract.rawfact import RawFact
from storydesk.extract.spans import doc_text
from storydesk.model import Person

# a relation noun, with what may stand before it and leave the relation as it is
_REL_MODIFIERS = (
    r"(?:former|estranged|late|younger|older|elder|eldest|youngest|first|second|third|twin|little|big|baby"
    r"|long-time|longtime|close|best|childhood|lifelong)\s+"
)
# "his former business partner": a partner in business, not in life
_REL_WORD = r"(?:ex-|" + _REL_MODIFIERS + r")?(?:business\s+)?[a-zà-öø-ÿ-]+"


# What may stand between a name and "the son of Y" after it: an apposition (", 36,", ", a
# former teacher and"), a copula ("is", "was"), or an apposition and a copula (", a native of
# Santo Domingo, is").
_REL_AFTER_LEADS = (
    r"(?:\s*,\s*(?:\d{1,3}\s*,\s*)?(?:(?:a|an|the)\s+(?:[^,.;:'‘’\"“”]|['’]s\b){1,50}?\s+and\s+)?|\s+(?:is|was)\s+)",
    r"\s*,\s*[^,.;:'‘’\"“”]{1,60}?,\s+(?:is|was)\s+",
)
# "the son of Y", "a special adviser to Mr Y"; between "of" and Y up to four words
# (``_named_after``: "of former major league reliever Y", "of a former miner, Y", "of former
# England hooker Y"), never another "of", "and" or "to" (not "the son of a friend of Y").
_REL_AFTER = (
    r"(?:the|a|an)\s+(?:(?:special|senior|close|longtime|long-time)\s+)?("
    + _REL_WORD
    + r")\s+(?:of|to)\s+(?:(?:a|an|the)\s+)?"
)


def _relation_key(word: str) -> str:
    """``fiancée`` -> ``fiancee``, ``younger brother`` -> ``brother``: the relation table is
    written without accents or modifiers."""
    decomposed = unicodedata.normalize("NFKD", re.sub(r"\s+", " ", re.sub("^" + _REL_MODIFIERS, "", word.lower())))
    key = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _PLURAL_KIN.get(key, key)
    if re.match(r"former\s", word.lower()) and "ex-" + key in conventions.relations():
        return "ex-" + key  # "her former husband": her ex-husband, no longer her husband
    return key


# "Brandvold's parents, Dennis and Marjorie Brandvold": a plural kin noun before two names
_PLURAL_KIN = {
    "parents": "parent",
    "sons": "son",
    "daughters": "daughter",
    "brothers": "brother",
    "sisters": "sister",
    "children": "child",
    "grandsons": "grandson",
    "granddaughters": "granddaughter",
}


def _named_after(text: str, cast: Cast, position: int) -> tuple[str, int] | None:
    """The person whose name starts at ``position``, or after up to four more words that are no
    one's name (``of former England hooker Dean Marsh``): their id and where the name starts.
    Not past punctuation or ``of``/``and``/``to`` (``the son of a friend of Y`` is no son of Y)."""
    starts = {m.start: p.id for p, d in zip(cast.people, cast.drafts, strict=True) for m in d.names}
    here = position
    for _ in range(5):
        if here in starts:
            mention_end = next(m.end for d in cast.drafts for m in d.names if m.start == here)
            if re.match(r"['’]s?\s", text[mention_end : mention_end + 3]):
                return None  # "the son of Graham's younger brother": not Graham's son
            return starts[here], here
        word = re.match(r"(?!(?:of|and|to)\b)(?:[a-z][\w'’-]*,?|[\w'’-]+)\s+", text[here : here + 40])
        if word is None:
            return None
        here += word.end()
    return None


def _office_after(text: str, offices: dict[str, set[str]], position: int, exclude: str) -> tuple[str, int] | None:
    """``the son of the deputy leader.``: the one person (not ``exclude``) who holds the office
    whose word ends the phrase at ``position`` (up to three words before it: ``former deputy``)."""
    match = re.match(r"(?:[a-z][\w-]*\s+){0,3}?[a-z]+(?=\s*[,.;:]|\s+(?:and|who|was|is|has|had)\b)", text[position:])
    holder = _office_holder(offices, match.group(0), exclude) if match is not None else None
    return (holder, position) if holder is not None else None


# Words before an office that say when it was held, not which office it is
_OFFICE_TIME_WORDS = {"former", "late", "then", "current", "new", "outgoing", "incoming", "acting", "interim"}


def _office_holder(offices: dict[str, set[str]], phrase: str, exclude: str) -> str | None:
    """The one person (not ``exclude``) who holds every word of the office ``phrase``
    (``former deputy leader``: the deputy leader, not the leader), if there is one."""
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _OFFICE_TIME_WORDS]
    if not words or any(w not in offices for w in words):
        return None
    holders = set.intersection(*(offices[w] for w in words)) - {exclude}
    return next(iter(holders)) if len(holders) == 1 else None


def _coordinated_name(text: str, cast: Cast, first: str, start: int, aged: bool = False) -> str | None:
    """The person named right after ``and`` following the name of ``first`` that starts at
    ``start`` (``Marjorie and Arne Haugen``; with ``aged``, also ``Ruth Kell, 19, and Ann``)."""
    ends = [m.end for m in cast.draft_of(first).names if m.start == start]
    if not ends:
        return None
    age = r"(?:,\s*\d{1,3},?)?" if aged else ""
    joined = re.match(age + r"\s+and\s+(?=[A-Z])", text[ends[0] : ends[0] + (16 if aged else 8)])
    if joined is None:
        return None
    second = cast.person_at(ends[0] + joined.end(), ends[0] + joined.end() + 1)
    return second.id if second is not None and second.id != first else None


_COUPLE_OWNED = re.compile(
    r"\b(?:[Tt]heir|[Tt]he\s+couple['’]s|[Tt]he\s+[A-Z][\w-]+s['’])\s+(?:next-door\s+|\d{1,2}-year-old\s+)?("
    + _REL_WORD
    + r")(?:,\s+(?:[a-z][\w-]*\s+){1,3}|,?\s+)$"
)  # "their son, Luke"; "the couple's daughter"; "The Abelas' son, Daniel Abela"; "The couple's
# next-door neighbour, truck driver Tony Vella"; "their 19-year-old son, Jun Hao"
# how many relatives a plural kin noun counts ("her two children")
_COUNT_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
_SPOUSE_LABELS = {"wife of", "husband of", "spouse of", "partner of"}
_WHOSE_BEFORE = re.compile(r"\bwhose\s+(" + _REL_WORD + r"),?\s+$")
# "The sisters' mother, X", "the Fahy brothers' mother, X": a relative of a group of siblings
_SIBLINGS_OWNED = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][\w'’-]+\s+)?(?:sisters|brothers|siblings|twins|boys|girls|brothers\s+and\s+sisters)['’]\s+("
    + _REL_WORD
    + r"),?\s+$"
)


def _couple_before(facts: list[RawFact], cast: Cast, position: int, child: str) -> tuple[str, ...]:
    """The one couple the text has named before ``position`` (a spouse or partner relation
    between two people, neither of them ``child``), or none when there is no such pair or
    more than one."""
    first_named = {
        p.id: min((m.start for m in d.names), default=-1) for p, d in zip(cast.people, cast.drafts, strict=True)
    }
    pairs = {
        frozenset((f.subject, f.qualifier))
        for f in facts
        if f.attribute == "relation"
        and f.value in _SPOUSE_LABELS
        and f.qualifier is not None
        and child not in (f.subject, f.qualifier)
        and 0 <= first_named.get(f.subject, -1) < position
        and 0 <= first_named.get(f.qualifier, -1) < position
    }
    return tuple(sorted(next(iter(pairs)))) if len(pairs) == 1 else ()


# Kin nouns no name stands beside that the one other named person of the owner's surname holds
_SURNAME_KIN_GROUPS = {"parent of", "child of"}
_SPOUSE_GROUPS = {"spouse of"}
_SIBLING_LABELS = {"sister of", "brother of", "sibling of"}
# "brothers Jake and Connor Ellery", "the twins, Ruth and Ann Kell": a plural noun of kin before
# two coordinated names
_SIBLING_GROUP = re.compile(r"\b(?:twin\s+)?(brothers|sisters|siblings|twins|cousins),?\s+(?=[A-Z])", re.I)


# "a couple in their 70s, Howard and June Pritchett", "the couple, Tom and Ann Reid,"
_COUPLE_NAMED = re.compile(
    r"\b(?:a|the)\s+(?:married\s+|elderly\s+|young\s+)?(couple)(?:\s+in\s+their\s+\d0s)?,\s+(?=[A-Z])"
)


def _named_pair(text: str, cast: Cast, start: int) -> tuple[str, str] | None:
    """The two people named at ``start`` and right after it (``Jake and Connor Ellery``,
    ``Ruth Kell, 19, and Ann Kell``), if the text names two there."""
    first = cast.person_at(start, start + 1)
    second = _coordinated_name(text, cast, first.id, start, aged=True) if first is not None else None
    return (first.id, second) if first is not None and second is not None else None


def _one_parent(cast: Cast, child: str, gender: str, held: set[tuple[str, str | None]]) -> str | None:
    """The one named person, other than ``child``, who shares the child's surname, may be of
    ``gender`` and holds no relation to the child yet; and no other parent of that gender is
    stated for the child."""
    draft = cast.draft_of(child)
    if not draft.named or len(draft.words()) < 2:
        return None
    surname = draft.words()[-1]
    fitting = [
        p.id
        for p, d in zip(cast.people, cast.drafts, strict=True)
        if p.id != child
        and d.named
        and len(d.words()) >= 2
        and surname in d.words()[-1].split("-")  # (and "Pelletier-Hurd" may be a Pelletier's child)
        and d.likely_gender() in (None, gender)
    ]
    if len(fitting) != 1 or (fitting[0], child) in held or (child, fitting[0]) in held:
        return None
    return fitting[0]


def _named_next(text: str, cast: Cast, rel: Relative, owner: str, gender: str | None) -> str | None:
    """``Her husband works nights as a lineman. Nate Pyle said``: the person of ``owner``'s
    surname whose full name opens the sentence after the kin noun (``named_in_next_sentence``)."""
    owning = cast.draft_of(owner)
    named = named_in_next_sentence(text, cast.drafts, rel.end, [owning], gender)
    return next((p.id for p, d in zip(cast.people, cast.drafts, strict=True) if d is named), None)


def _mentioned_exactly(cast: Cast, start: int, end: int) -> Person | None:
    """The person with a mention exactly at [start, end) (the his of ``his father``, not the
    description ``his father`` around it), else one with a mention overlapping it."""
    for person in cast.people:
        if any(m.evidence.start == start and m.evidence.end == end for m in person.mentions):
            return person
    return cast.person_at(start, end)


def _held(facts: list[RawFact]) -> set[tuple[str, str | None]]:
    """(holder, other) of every relation so far."""
    return {(f.subject, f.qualifier) for f in facts if f.attribute == "relation"}


def _parent_noun(gender: str | None) -> str:
    return "mother" if gender == "female" else "father" if gender == "male" else "parent"


def _parent_pairs(facts: list[RawFact]) -> list[tuple[str, str]]:
    """(parent, child) of every parent relation so far, in the order found."""
    return [
        (f.subject, str(f.qualifier))
        for f in facts
        if f.attribute == "relation" and relation_group(str(f.value)) == "parent of" and f.qualifier
    ]


def _one_coparent(facts: list[RawFact], person: str) -> str | None:
    """The one other person the relations make a parent of a child of ``person``."""
    parents: dict[str, set[str]] = {}
    for parent, child in _parent_pairs(facts):
        parents.setdefault(child, set()).add(parent)
    others = {p for group in parents.values() if person in group for p in group} - {person}
    return next(iter(others)) if len(others) == 1 else None


def _parents_by_spouse(cast: Cast, facts: list[RawFact], add: Callable[..., None]) -> None:
    """``read by her daughter, Aoife Keogh ... Her husband of 45 years, Tom Keogh``: the
    husband or wife of a child's parent who shares the child's surname is the child's other
    parent (a stepparent would not share it as a rule; an ex-spouse or partner is left out)."""
    held = _held(facts)
    parent_child = _parent_pairs(facts)
    married = {"husband of", "wife of", "spouse of"}
    spouses = [f for f in facts if f.attribute == "relation" and f.value in married and f.qualifier]
    for parent, child in parent_child:
        surname = cast.draft_of(child).words()[-1:] if cast.draft_of(child).named else []
        for marriage in spouses:
            spouse = marriage.subject
            if marriage.qualifier != parent or spouse == child or (spouse, child) in held or (child, spouse) in held:
                continue
            spouse_draft = cast.draft_of(spouse)
            if not surname or not spouse_draft.named or spouse_draft.words()[-1:] != surname:
                continue
            add(spouse, _parent_noun(spouse_draft.gender), child, marriage.start, marriage.end)
            held |= {(spouse, child), (child, spouse)}


def _kin_by_surname(
    text: str, cast: Cast, facts: list[RawFact], found: list[Relative], add: Callable[..., None]
) -> None:
    """``Peter Penrose, 55, followed his father into the lifeboat``, ``Marcus Whitt said he had
    tried not to coach his son``: a parent or child noun no name stands beside is the one other
    named person of the owner's surname who may be of the noun's gender; a noun that is already
    a named person's description is that person's."""
    relations = conventions.relations()
    held = _held(facts)
    for rel in found:
        if rel.plural:
            continue  # "his two children": a group (``kin._add_relatives``)
        kin_gender = relations[rel.noun].gender
        if relation_group(relations[rel.noun].label) in _SPOUSE_GROUPS and kin_gender is not None:
            # "his wife of 44 years was diagnosed ... Marilyn Brandt, a retired teacher,"
            owning = _mentioned_exactly(cast, rel.owner_start, rel.owner_end)
            spouse = _named_next(text, cast, rel, owning.id, kin_gender) if owning is not None else None
            if spouse is not None and owning is not None and (spouse, owning.id) not in held:
                add(spouse, rel.noun, owning.id, rel.start, rel.end)
                held |= {(spouse, owning.id), (owning.id, spouse)}
            continue
        if relation_group(relations[rel.noun].label) not in _SURNAME_KIN_GROUPS or kin_gender is None:
            continue
        owning = _mentioned_exactly(cast, rel.owner_start, rel.owner_end)
        if owning is None:
            continue
        holder = cast.person_at(max(rel.start, rel.owner_end + 1), rel.end)
        if holder is not None:
            # ("his son" of Jalen Whitt, as ``kin.with_relatives`` reads a first pass)
            if holder.id != owning.id and holder.named and (holder.id, owning.id) not in held:
                add(holder.id, rel.noun, owning.id, rel.start, rel.end)
                held |= {(holder.id, owning.id), (owning.id, holder.id)}
            continue
        beside = re.match(r",?\s+(?:\w+\s+)?(?=[A-Z])", text[rel.end : rel.end + 24])
        if beside is not None and cast.person_at(rel.end + beside.end(), rel.end + beside.end() + 1) is not None:
            continue  # "Ortega's daughter, Carmen Ortega-Reyes": the name beside it, read elsewhere
        inverse = relation_group(relations[rel.noun].inverse(None))
        if any(
            f.subject == owning.id
            and f.attribute == "relation"
            and relation_group(str(f.value)) == inverse
            and f.qualifier
            and cast.draft_of(str(f.qualifier)).gender in (None, kin_gender)
            for f in facts
        ):
            continue  # "Their daughter, Jeanne ... with her daughter": the daughter already named
        named_kin = _named_next(text, cast, rel, owning.id, kin_gender) or _one_parent(
            cast, owning.id, kin_gender, held
        )
        if named_kin is not None and (named_kin, owning.id) not in held:
            add(named_kin, rel.noun, owning.id, rel.start, rel.end)
            held |= {(named_kin, owning.id), (owning.id, named_kin)}


_SURVIVED = re.compile(r"\b(?:survived|predeceased)\s+by\b")
# a kin noun opening a part of a survivors' list: "a daughter, Gina Bell", "five children,
# including Dr Chinedu Nwafor", "his brothers, Sal and Anthony", "two sisters, Rose and Ann"
_SURVIVOR_KIN = re.compile(
    r"^\s*(?:and\s+)?(?:(?:his|her|their|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:(?:" + _REL_MODIFIERS.removesuffix(r"\s+") + r"|step)\s+)?([a-z-]+?)(?:\s+of\s+\d+\s+years)?,?\s+"
    r"(?:including\s+)?(?=[A-Z])"
)


def _survivors(doc: Doc, cast: Cast, facts: list[RawFact], add: Callable[..., None]) -> None:
    """``He is survived by his wife, Joan; a daughter, Gina Bell, of Raleigh; and two brothers,
    Sal and Anthony``: each person a part of the list names after its kin noun is that kin of
    the one survived (the passive's subject)."""
    text = doc_text(doc)
    relations = conventions.relations()
    for match in _SURVIVED.finditer(text):
        span = doc.char_span(match.start(), match.start() + len("survived"), alignment_mode="expand")
        if span is None:
            continue
        verb, sent = span.root, span.sent
        subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        survived = cast.person_at(subject.idx, subject.idx + len(subject.text)) if subject is not None else None
        if survived is None:
            continue
        held = _held(facts)
        position = match.end()
        for part in re.split(r"(;)", text[match.end() : sent.end_char]):
            start, position = position, position + len(part)
            kin = _SURVIVOR_KIN.match(part)
            if kin is None:
                continue
            noun = _relation_key(kin.group(1))
            if noun not in relations or relations[noun].label in {"friend of", "partner of"}:
                continue
            # (not where they live: "a son, Peter Brauer, of Madison")
            named = {
                p.id
                for p, d in zip(cast.people, cast.drafts, strict=True)
                if any(
                    start + kin.end() <= m.start < position and not re.search(r"\bof\s+$", text[m.start - 4 : m.start])
                    for m in d.names
                )
            }
            for person in sorted(named - {survived.id}):
                if (person, survived.id) not in held:
                    add(person, noun, survived.id, start + kin.start(1), start + kin.end(1))


def _grandparents(cast: Cast, facts: list[RawFact], add: Callable[..., None]) -> None:
    """``Her son, Mr Tan Kok Leong ... their 19-year-old son, Jun Hao``: a parent's parent is a
    grandparent. (In-laws, a child's husband or wife, were tried too: on the read gold sets
    they gave 4 relations the gold has and 8 it leaves out, so they are not inferred.)"""
    parent_of = sorted(set(_parent_pairs(facts)))
    held = _held(facts)
    for elder, parent in parent_of:
        gender = cast.draft_of(elder).gender
        for middle, child in parent_of:
            if middle != parent or child == elder or (elder, child) in held or (child, elder) in held:
                continue
            noun = "grandmother" if gender == "female" else "grandfather" if gender == "male" else "grandparent"
            add(elder, noun, child, *_span_of(facts, parent, elder))
            held |= {(elder, child), (child, elder)}


def _span_of(facts: list[RawFact], subject: str, other: str) -> tuple[int, int]:
    """The evidence span of the first relation of ``subject`` to ``other``."""
    fact = next(f for f in facts if f.attribute == "relation" and f.subject == subject and f.qualifier == other)
    return fact.start, fact.end


def _siblings_by_parent(cast: Cast, facts: list[RawFact], add: Callable[..., None]) -> None:
    """Two people the relations make children of one parent are each other's brother or
    sister (``sibling of`` when the text gives no gender)."""
    children: dict[str, list[RawFact]] = {}
    for fact in facts:
        if fact.attribute == "relation" and relation_group(str(fact.value)) == "child of" and fact.qualifier:
            children.setdefault(str(fact.qualifier), []).append(fact)
    held = _held(facts)
    for of_parent in children.values():
        for one, other in itertools.permutations({f.subject: f for f in of_parent}.values(), 2):
            if (one.subject, other.subject) in held or one.subject == other.subject:
                continue
            stated = {str(f.value) for f in facts if f.subject == one.subject and f.attribute == "gender"}
            gender = cast.draft_of(one.subject).gender or (stated.pop() if len(stated) == 1 else None)
            noun = "brother" if gender == "male" else "sister" if gender == "female" else "sibling"
            add(one.subject, noun, other.subject, one.start, one.end)
            held |= {(one.subject, other.subject), (other.subject, one.subject)}


def _person_of(cast: Cast, token: Token) -> str | None:
    person = cast.person_at(token.idx, token.idx + len(token.text))
    return person.id if person is not None else None


def _married(cast: Cast, verb: Token) -> tuple[str, str] | None:
    """The two people ``verb`` (marry) says married each other: its subject and object
    (``Mr Penrose married Morwenna Hocking``; ``who married Y`` of the clause's name) or two
    coordinated subjects (``Jo and Tom Reid married in 1990``). Not when negated or asked."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    one = _person_of(cast, subject)
    if one is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        other = _person_of(cast, obj)
    else:
        other = next((p for c in subject.children if c.dep_ == "conj" and (p := _person_of(cast, c))), None)
    if other is None or other == one:
        return None
    return one, other


def _siblings(facts: list[RawFact]) -> list[str]:
    """The people of the one set of siblings the relations so far state, if there is one."""
    pairs = {
        frozenset((f.subject, str(f.qualifier)))
        for f in facts
        if f.attribute == "relation" and f.value in _SIBLING_LABELS and f.qualifier is not None
    }
    people = set().union(*pairs) if pairs else set()
    return sorted(people) if len(pairs) == 1 else []


def _with_surname(cast: Cast, owner: str, holders: tuple[str | None, ...]) -> list[tuple[int, str]]:
    """(first name position, id) of the named people, holders aside, whose surname the
    one-word ``owner`` is (``Treloar's``); none for an owner of several words."""
    word = re.sub(r"['’]s?$", "", owner.strip()).casefold()
    if " " in word:
        return []
    return [
        (min(m.start for m in d.names), p.id)
        for p, d in zip(cast.people, cast.drafts, strict=True)
        if p.id not in holders and len(d.words()) >= 2 and d.words()[-1] == word
    ]


def _first_with_surname(cast: Cast, surname: str, *holders: str | None) -> str | None:
    """The named person with this surname whom the report names first, holders aside."""
    named = _with_surname(cast, surname, holders)
    return min(named)[1] if named else None


def _shared_surname(cast: Cast, owner: str, *holders: str | None) -> bool:
    """A one-word owner that is the surname of two or more named people of the report, the
    relation's holders aside (``Mr Prichard's wife, Sian Prichard`` has one other Prichard)."""
    return len(_with_surname(cast, owner, holders)) > 1


def _person_by_word(cast: Cast, word: str, exclude: str) -> str | None:
    """``Kieron's mother, Tracey Ashby``, where the model took no name in ``Kieron's``: the one
    named person (other than the relative) whose first name or surname the word is."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    key = word.casefold()
    owners = [
        p.id
        for p, d in zip(cast.people, cast.drafts, strict=True)
        if p.id != exclude and d.names and key in {d.words()[0], d.words()[-1]}
    ]
    return owners[0] if len(owners) == 1 else None


def _title_decides(cast: Cast, end: int, surname: str) -> bool:
    """``Mrs Hollis's mother`` with Darren and Nicola Hollis named: a titled surname owns the
    noun as the person its mention names when every person of that surname has a stated
    gender and only one has the title's."""
    title_gender = next((m.title_gender for d in cast.drafts for m in d.names if m.end == end), None)
    if title_gender is None:
        return False
    key = re.sub(r"['’]s?$", "", surname).casefold()
    holders = [d for d in cast.drafts if d.named and d.words() and d.words()[-1] == key]
    fitting = [d for d in holders if d.gender == title_gender]
    return len(fitting) == 1 and all(d.gender is not None for d in holders)


def find_relations(doc: Doc, cast: Cast, offices: dict[str, set[str]] | None = None) -> list[RawFact]:
    """Relations between two people of the cast, and the inverse on the other person.
    ``offices``: occupation or title word -> the people who hold it (``minister`` -> the
    minister), for owners the text names by office (``the minister's younger brother``)."""
    text = doc_text(doc)
    relations = conventions.relations()
    facts: list[RawFact] = []

    def person_ending_at(position: int) -> str | None:
        for person, draft in zip(cast.people, cast.drafts, strict=True):
            for mention in draft.names:
                if mention.end == position:
                    return person.id
        return None

    def one_word_name_at(position: int) -> bool:
        """A name mention ending at ``position`` that is one word (``Treloar``, ``Mr Treloar``)."""
        return any(m.end == position and " " not in m.name for d in cast.drafts for m in d.names)

    def sentence_subject(position: int) -> str | None:
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        for token in span[0].sent:
            if token.dep_ in {"nsubj", "nsubjpass"}:
                person = cast.person_at(token.idx, token.idx + len(token.text))
                if person is not None:
                    return person.id
        return None

    # sentence start -> (gender, owner) of the his/her that owns a relation at its opening
    opened_by_owner: dict[int, tuple[str, str]] = {}

    def sentence_start(position: int) -> int:
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        return span[0].sent.start_char if span is not None else -1

    def same_owner_as_before(position: int, gender: str) -> str | None:
        """``Her husband, Colin, did most of the driving. Her daughter, Niamh Quayle, ran the
        campaign``: a her opening the sentence right after one whose opening her owned a
        relation is that same person's."""
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        sent = span[0].sent
        if sent.start == 0 or not re.fullmatch(r"\s*\S+\s+", text[sent.start_char : position]):
            return None
        before = opened_by_owner.get(doc[sent.start - 1].sent.start_char)
        return before[1] if before is not None and before[0] == gender else None

    # (position, gender, owner) of each relation a his/her owns
    owned_here: list[tuple[int, str, str]] = []

    def coordinated_owner(position: int, gender: str) -> str | None:
        """``alongside his father, Neil Ashby, and his younger sister, Ellie``: a his/her after
        ``and`` owns what the same pronoun owned earlier in the sentence."""
        pronoun_start = text.rfind(" ", 0, position - 1) + 1
        if not re.search(r"\band\s+$", text[max(0, pronoun_start - 6) : pronoun_start]):
            return None
        here = sentence_start(position)
        earlier = [o for at, g, o in owned_here if g == gender and at < position and sentence_start(at) == here]
        return earlier[-1] if earlier else None

    def acted_on(mention: NameMention) -> bool:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        while node.dep_ in {"appos", "compound", "conj"} and node.head.i != node.i:
            node = node.head  # "past Drumlea goalkeeper Ultan Kenny": the goalkeeper is
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            return False  # "The body of Thomas Wilkin was found": about him
        return node.dep_ in {"dobj", "pobj", "iobj", "dative"}

    def previous_subject(position: int, gender: str) -> str | None:
        """``Her mother, Nicola Hart, said``: an unresolved possessive opening a sentence (or
        right after an opening phrase: ``In a statement, her daughter, ...``) owns the relation
        of the person who is the subject of the nearest sentence before it with a person for
        subject (up to five back: quoted sentences have "I" for subject), when that person's
        stated gender does not contradict the pronoun."""
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        sent = span[0].sent
        opening = text[sent.start_char : position]
        if span[0].i - sent.start > 1 and not re.fullmatch(r"[A-Z][^,]{0,40},\s+\w+\s+", opening):
            return None
        if sent.start == 0 or cast.person_at(sent.start_char, max(sent.start_char + 1, position - 5)) is not None:
            return None
        index = sent.start
        for _ in range(5):
            if index == 0:
                return None
            previous = doc[index - 1].sent
            for token in previous:
                if token.dep_ in {"nsubj", "nsubjpass"}:
                    person = cast.person_at(token.idx, token.idx + len(token.text))
                    if person is None:
                        continue
                    if cast.draft_of(person.id).likely_gender() not in {None, gender}:
                        return None
                    return person.id
            # "The first person to die was Gerald Pittman, 67. His daughter, ...": no person
            # for subject, but one named person of the pronoun's gender in the sentence
            # (not one the sentence only acts on: "drove past goalkeeper Ultan Kenny")
            named = {
                p.id
                for p, d in zip(cast.people, cast.drafts, strict=True)
                if any(previous.start_char <= m.start < previous.end_char and not acted_on(m) for m in d.names)
            }
            if named:
                fitting = [i for i in named if cast.draft_of(i).likely_gender() in {None, gender}]
                return fitting[0] if len(fitting) == 1 else None
            index = previous.start
        return None

    def whose_antecedent(position: int, exclude: str) -> str | None:
        """The person the ``who``/``whose`` clause at ``position`` hangs on, by the parse."""
        span = doc.char_span(position, position + 5)
        node = span[0] if span is not None else None
        for _ in range(4):
            if node is None or node.head is node:
                return None
            if node.dep_ == "relcl":
                owner = cast.person_at(node.head.idx, node.head.idx + len(node.head.text))
                return owner.id if owner is not None and owner.id != exclude else None
            node = node.head
        return None

    def only_named_of_gender(position: int, gender: str, exclude: str) -> str | None:
        """``Her ex-partner, Gareth Lyle``: an unresolved possessive owns the relation of the
        only named person of its gender mentioned before it, when every named person before
        it has a stated gender (so no-one else could be meant)."""
        before = [
            (p, d)
            for p, d in zip(cast.people, cast.drafts, strict=True)
            if p.id != exclude and d.names and min(m.start for m in d.names) < position
        ]
        if any(d.likely_gender() is None for _, d in before):
            return None
        same = [p.id for p, d in before if d.likely_gender() == gender]
        return same[0] if len(same) == 1 else None

    def subject_before_opening(mention: NameMention, gender: str, exclude: str) -> str | None:
        """The person who is the subject of the sentence before the one ``mention`` opens,
        when their forename is not of the other gender."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.sent.start_char != mention.start or span.sent.start == 0:
            return None
        previous = doc[span.sent.start - 1].sent
        for token in previous:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i == previous.root.i:
                subject = cast.person_at(token.idx, token.idx + len(token.text))
                if subject is None or subject.id == exclude:
                    return None
                return subject.id if cast.draft_of(subject.id).likely_gender() in (None, gender) else None
        return None

    def add(
        subject: str, noun: str, other: str, start: int, end: int, pronoun: tuple[str, int, int] | None = None
    ) -> None:
        """``pronoun``: the gender and span of the his/her found here to stand for ``other``."""
        relation = relations[noun]
        if subject == other:
            return
        facts.append(RawFact(subject, "relation", relation.label, start, end, qualifier=other))
        if relation.gender is not None and cast.draft_of(subject).gender is None:
            # "Mr Okafor's sister, Grace Okafor": the relation noun states her gender
            facts.append(RawFact(subject, "gender", relation.gender, start, end))
        other_gender = cast.draft_of(other).gender
        if other_gender is None and pronoun is not None:
            # "Fahy's goal came ... His older brother Ronan Fahy": the his that owns the
            # relation states the owner's gender
            other_gender = pronoun[0]
            facts.append(RawFact(other, "gender", pronoun[0], pronoun[1], pronoun[2]))
        facts.append(
            RawFact(other, "relation", relation.inverse(other_gender), start, end, qualifier=subject, inverse=True)
        )

    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            before = text[max(0, mention.start - 60) : mention.start]
            # "Abraham's lawyer Mohammed Akunjee" / "her ex-husband Leon Mccaskie" / "by ex-husband X"
            match = re.search(
                # ("Fenn's 9-year-old son, Mason": an age may stand before the noun)
                r"(?:(\S+?)['’]s\s+|(\S+?s)['’]\s+|\b([Hh]is|[Hh]er)\s+|\b(by|with|and|of)\s+)?(?:\d{1,3}-year-old\s+|"
                # ("her two children, Karen and Paul")
                + _COUNT_WORDS
                + r")?("
                + _REL_WORD
                # "his wife of 40 years, Carol"; "Her husband and coach, Phil Dempsey"; "His
                # attorney, public defender Grant Sowell"
                + r")(?:\s+of\s+(?:\d+|[a-z]+)\s+years)?(?:\s+and\s+[a-z][\w-]*)?"
                + r"(?:,?\s+|,\s+(?:[a-z][\w-]*\s+){1,3})$",
                before,
            )
            if match:
                noun = _relation_key(match.group(5))
                # "His host mother, Kari Vang": a host family is no family
                hosted = re.search(r"\bhost\s+$", before[: match.start(5)]) is not None
                # "The boys' father": a group's, read below (_SIBLINGS_OWNED)
                grouped = match.group(2) is not None and not match.group(2)[:1].isupper()
                if noun in relations and not hosted and not grouped:
                    start = mention.start - len(before) + match.start(5)
                    other: str | None = None
                    owner_pronoun: tuple[str, int, int] | None = None
                    owner = 1 if match.group(1) else 2 if match.group(2) else None
                    if owner is not None:
                        owner_start = mention.start - len(before) + match.start(owner)
                        owner_end = owner_start + len(match.group(owner))
                        other = person_ending_at(owner_end)
                        coordinated = _coordinated_name(text, cast, person.id, mention.start)
                        holders = {person.id, coordinated} - {None}
                        if (
                            one_word_name_at(owner_end)
                            and not _title_decides(cast, owner_end, match.group(owner))
                            and _shared_surname(cast, match.group(owner), *holders)
                        ):
                            # "Oyelaran's younger brother, Daniel" with two other Oyelarans: the
                            # one the report named first, its subject (Marcus, not his mother)
                            other, owner = _first_with_surname(cast, match.group(owner), *holders), None
                        if other is None and owner is not None:
                            # "the skipper's son": the owner is a description of someone
                            described = cast.person_at(owner_start, owner_end)
                            other = described.id if described is not None and described.id != person.id else None
                        if other is None and owner is not None:
                            other = _person_by_word(cast, match.group(owner), exclude=person.id)
                        if other is None and owner == 1 and offices:
                            # "the minister's younger brother, Kieran Furlong": the one minister
                            lead = before[: match.start(owner)]
                            if re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}$", lead):
                                other = _office_holder(offices, match.group(owner), person.id)
                    elif match.group(3):
                        pronoun = cast.person_at(start - len(match.group(3)) - 1, start - 1)
                        other = pronoun.id if pronoun is not None else None
                        gender = "male" if match.group(3).lower() == "his" else "female"
                        if other is None:
                            other = same_owner_as_before(start, gender) or coordinated_owner(start, gender)
                            if other is None:
                                other = previous_subject(start, gender)
                            if other is None:
                                other = only_named_of_gender(start, gender, exclude=person.id)
                            if other is not None:
                                owner_pronoun = (gender, start - len(match.group(3)) - 1, start - 1)
                        if other is not None:
                            opened_by_owner[sentence_start(start)] = (gender, other)
                            owned_here.append((start, gender, other))
                    else:
                        other = sentence_subject(mention.start)
                    if other is not None:
                        add(person.id, noun, other, start, mention.end, owner_pronoun)
                        plural = _relation_key(match.group(5)) != match.group(5).lower().split()[-1]
                        second = _coordinated_name(text, cast, person.id, mention.start) if plural else None
                        if second is not None and second != other:
                            add(second, noun, other, start, mention.end)
            # "The Belgian, whose father Luc was a rider": of the clause's antecedent
            whose = _WHOSE_BEFORE.search(before)
            if whose is not None and _relation_key(whose.group(1)) in relations:
                start = mention.start - len(before) + whose.start(1)
                other = whose_antecedent(mention.start - len(before) + whose.start(), person.id)
                if other is not None:
                    add(person.id, _relation_key(whose.group(1)), other, start, mention.end)
            # "X, the son of Y" / "X, Y's lawyer,"
            after = text[mention.end : mention.end + 60]
            # "X, the son of Y" / "Tom Hanley, 31, a special adviser to Mr Ashworth" / "X is the
            # son of Y" (_REL_AFTER_LEADS, _REL_AFTER)
            after = text[mention.end : mention.end + 140]
            for lead in _REL_AFTER_LEADS:
                match = re.match(lead + _REL_AFTER, after)
                if not match or _relation_key(match.group(1)) not in relations:
                    continue
                found = _named_after(text, cast, mention.end + match.end())
                if found is None and offices and re.search(r"\bthe\s+$", match.group(0)):
                    found = _office_after(text, offices, mention.end + match.end(), person.id)
                if found is not None:
                    target, at = found
                    noun = _relation_key(match.group(1))
                    add(person.id, noun, target, mention.end + match.start(1), at)
                    # "the son of Marjorie and Arne Haugen": of both
                    second = _coordinated_name(text, cast, target, at)
                    if second is not None and second != person.id:
                        add(person.id, noun, second, mention.end + match.start(1), at)
                    break
            # "seconded by Cr Lena Dunstan, his sister-in-law": of the person the his/her stands for
            owned_after = re.match(r"\s*,\s*(?:\d{1,3}\s*,\s*)?([Hh]is|[Hh]er)\s+(" + _REL_WORD + r")\b", after)
            if owned_after is not None and _relation_key(owned_after.group(2)) in relations:
                pronoun_at = mention.end + owned_after.start(1)
                owner_person = cast.person_at(pronoun_at, pronoun_at + len(owned_after.group(1)))
                owner_id = owner_person.id if owner_person is not None else None
                pronoun_span: tuple[str, int, int] | None = None
                if owner_id is None:
                    # "Ruan Botha kicked the winner. Wian Botha, his brother, scored": a his/her
                    # left open is the subject of the sentence before one the name opens
                    gender = "male" if owned_after.group(1).lower() == "his" else "female"
                    owner_id = subject_before_opening(mention, gender, person.id) or only_named_of_gender(
                        mention.start, gender, exclude=person.id
                    )
                    pronoun_span = (gender, pronoun_at, pronoun_at + len(owned_after.group(1)))
                if owner_id is not None and owner_id != person.id:
                    start = mention.end + owned_after.start(2)
                    add(
                        person.id,
                        _relation_key(owned_after.group(2)),
                        owner_id,
                        start,
                        mention.end + owned_after.end(),
                        pronoun_span,
                    )
            # "X, Y's lawyer", "Jason, 41, who is Emma's father", "X is Y's sister": the owner is
            # a name or description within the apposition, never across a clause
            match = re.match(
                r"(?:\s*,\s*(?:\d{1,3}\s*,\s*)?(?:who\s+(?:is|was)\s+)?|\s+(?:is|was)\s+)([^,.;:!?]{1,40}?)['’]s\s+("
                + _REL_WORD
                + r")\b",
                after,
            )
            shared = match is not None and _shared_surname(cast, match.group(1), person.id)
            if match and _relation_key(match.group(2)) in relations and not shared:
                owner_at = mention.end + match.start(1)
                owner_person = cast.person_at(owner_at, mention.end + match.end(1))
                if owner_person is not None and not any(m.evidence.start == owner_at for m in owner_person.mentions):
                    # "Amanda Pruitt, had stayed on shore with the couple's younger son": the
                    # owner is the whole phrase, not a person inside a clause
                    owner_person = None
                owner_id = owner_person.id if owner_person is not None else None
                by_office = re.fullmatch(r"[Tt]he\s+((?:[\w-]+\s+){0,3}?[a-z]+)", match.group(1))
                if owner_id is None and by_office is not None and offices:
                    # "Adam Tattersall, 44, the former deputy leader's son": the one deputy leader
                    owner_id = _office_holder(offices, by_office.group(1), person.id)
                if owner_id is not None:
                    add(
                        person.id,
                        _relation_key(match.group(2)),
                        owner_id,
                        mention.end + match.start(1),
                        mention.end + match.end(),
                    )
    # "the victims were a couple in their 70s, Howard and June Pritchett": partners
    for match in _COUPLE_NAMED.finditer(text):
        named_pair = _named_pair(text, cast, match.end())
        related = _held(facts)
        if named_pair is not None and named_pair not in related:
            add(named_pair[0], "partner", named_pair[1], match.start(1), match.end(1))
    # "brothers Jake and Connor Ellery", "The sisters, Ruth and Ann Kell": each the other's
    for match in _SIBLING_GROUP.finditer(text):
        named_pair = _named_pair(text, cast, match.end())
        if named_pair is None:
            continue
        kin = {"brothers": "brother", "sisters": "sister", "cousins": "cousin"}.get(match.group(1).lower(), "sibling")
        related = _held(facts)
        for one, other in itertools.permutations(named_pair, 2):
            if (one, other) not in related:
                add(one, kin, other, match.start(1), match.end(1))
    # "Mr Penrose married Morwenna Hocking in 1962", "Jo and Tom Reid married in 1990"
    for verb in doc:
        if verb.lemma_.lower() == "marry" and verb.pos_ == "VERB":
            wed = _married(cast, verb)
            related = _held(facts)
            if wed is not None and wed not in related:
                husband_or_wife, spouse = wed
                stated = cast.draft_of(husband_or_wife).gender
                spouse_noun = "husband" if stated == "male" else "wife" if stated == "female" else "spouse"
                add(husband_or_wife, spouse_noun, spouse, verb.idx, verb.idx + len(verb.text))
    # "His wife, Denise, ... and their son, Luke": the couple's child, of both
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            owned = _COUPLE_OWNED.search(text[max(0, mention.start - 50) : mention.start])
            if owned is None or _relation_key(owned.group(1)) not in relations:
                continue
            couple = _couple_before(facts, cast, mention.start, person.id)
            noun = _relation_key(owned.group(1))
            if (
                not couple
                and relation_group(relations[noun].label) == "parent of"
                and owned.group(0).lower().startswith("their")
            ):
                # "brothers Jake and Connor Ellery ... Their father, Paul Ellery": no couple, but
                # one set of siblings, whose parent he is; else the people of his surname named
                # before him ("Ruan Botha ... Wian Botha ... Their father, Johan Botha")
                couple = tuple(i for i in _siblings(facts) if i != person.id)
                if not couple and len(draft.words()) >= 2:
                    parents = {parent for parent, _ in _parent_pairs(facts)}
                    named_before = [
                        i
                        for at, i in _with_surname(cast, draft.words()[-1], (person.id,))
                        if at < mention.start and i not in parents
                    ]
                    couple = tuple(named_before) if len(named_before) >= 2 else ()
            start = mention.start - len(text[max(0, mention.start - 50) : mention.start]) + owned.start(1)
            for parent in couple:
                add(person.id, _relation_key(owned.group(1)), parent, start, mention.end)
    # "The sisters' mother, Lucía Duarte": of each of the siblings the text has related (else of
    # each of the people of her surname named before her)
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            window = text[max(0, mention.start - 50) : mention.start]
            owned = _SIBLINGS_OWNED.search(window)
            if owned is None or _relation_key(owned.group(1)) not in relations:
                continue
            parents = {
                f.subject for f in facts if f.attribute == "relation" and relation_group(str(f.value)) == "parent of"
            }
            siblings = _siblings(facts) or [
                i
                for at, i in _with_surname(cast, draft.words()[-1], (person.id,))
                if at < mention.start and i not in parents
            ]
            start = mention.start - len(window) + owned.start(1)
            for sibling in siblings if len(siblings) >= 2 else []:
                add(person.id, _relation_key(owned.group(1)), sibling, start, mention.end)
            # "the Fahy brothers": each is the others' brother
            kind = re.search(r"\b(brother|sister)s\b(?!\s+and)", owned.group(0))
            if kind is None or len(siblings) < 2:
                continue
            related = _held(facts)
            group_start = mention.start - len(window) + owned.start()
            for one, other in itertools.permutations(siblings, 2):
                if (one, other) not in related:
                    add(one, kind.group(1), other, group_start, start)
    # "Her daughter, Julie ... Julie's brother, Stephen": a sibling's parent is one's own
    parent_of = _parent_pairs(facts)
    held = _held(facts)
    for pair in [f for f in facts if f.attribute == "relation" and f.value in _SIBLING_LABELS and f.qualifier]:
        one, other = pair.subject, str(pair.qualifier)
        for parent, child in parent_of:
            if child == other and parent != one and (parent, one) not in held:
                add(parent, _parent_noun(cast.draft_of(parent).gender), one, pair.start, pair.end)
                held.add((parent, one))
    found_relatives = relatives(doc)
    _kin_by_surname(text, cast, facts, found_relatives, add)
    # "Emma's mother, Amanda Pruitt ... Jason, who is Emma's father ... Amanda Pruitt said her
    # husband was awake": a spouse noun no name stands beside is the one co-parent
    for rel in found_relatives:
        if (
            rel.plural
            or not rel.owner_pronoun
            or relation_group(relations[rel.noun].label) not in {"spouse of", "partner of"}
        ):
            continue  # (an owner by name is read above, with the surname rules)
        owning_spouse = _mentioned_exactly(cast, rel.owner_start, rel.owner_end)
        if owning_spouse is None:
            continue
        holder = cast.person_at(max(rel.start, rel.owner_end + 1), rel.end)
        held = _held(facts)
        if holder is not None:
            # the noun is a description of someone already: of that person
            if holder.id != owning_spouse.id and (holder.id, owning_spouse.id) not in held:
                add(holder.id, rel.noun, owning_spouse.id, rel.start, rel.end)
            continue
        coparent = _one_coparent(facts, owning_spouse.id)
        if coparent is not None and (coparent, owning_spouse.id) not in held:
            add(coparent, rel.noun, owning_spouse.id, rel.start, rel.end)
    _survivors(doc, cast, facts, add)
    _parents_by_spouse(cast, facts, add)
    # "their sons, Alan and Peter, their daughter, Susan": children of one parent are siblings
    _siblings_by_parent(cast, facts, add)
    _grandparents(cast, facts, add)
    # unnamed relatives ("her sister"): the relation to the person who owns the noun
    ids = {id(d): p.id for p, d in zip(cast.people, cast.drafts, strict=True)}
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        if draft.kin is not None and id(draft.kin[1]) in ids and draft.descriptions:
            first = draft.descriptions[0]
            add(person.id, draft.kin[0], ids[id(draft.kin[1])], first.start, first.end)
            if draft.kin_also is not None and id(draft.kin_also) in ids:
                add(person.id, draft.kin[0], ids[id(draft.kin_also)], first.start, first.end)
    return facts


def stated_relations(doc: Doc, cast: Cast) -> set[tuple[int, int, str]]:
    """(holder, other, relation group) draft indices of the relations the text states between
    people of ``cast``: ``Mosley's mother, Loretta Mosley`` gives Loretta parent of Mosley
    and Mosley child of Loretta."""
    index = {p.id: i for i, p in enumerate(cast.people)}
    return {
        (index[f.subject], index[str(f.qualifier)], relation_group(str(f.value)))
        for f in find_relations(doc, cast)
        if f.attribute == "relation" and f.qualifier in index
    }
