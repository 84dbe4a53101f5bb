"""People: which mentions in a report refer to whom.

Resolution, in order, each step deterministic:

1. Names cluster by their words, case-folded (``Mccaskie`` = ``McCaskie``): a full name
   opens a person; a single name or title+surname joins the one person whose surname or
   forename it is (a gendered title breaks a tie between relatives: ``Mrs Loades`` goes to
   the woman named beside ``Mr Loades's wife`` or ``and his wife Beryl``, and not to one a
   trial pronoun pass makes a man; else the most recently mentioned). A lone name that later
   appears inside a full name joins it.
2. Descriptions join a person only when the text links them: apposition (``the motorist -
   'Abraham' -``, ``Abraham, a Chechen electrician``, ``the driver of the car, a 26-year-old
   man``); or, for a definite description (``the 26-year-old driver``, ``the motorist``), when
   exactly one person already carries that noun, its group (driver = motorist) or that age.
3. A description no-one was linked to becomes an unnamed person when it is specific: it
   gives an age (``a 41-year-old man``) or is a definite role (``the attacker``). Indefinite
   role nouns in a lede (``a knifeman``) are not people on their own: the text names them
   later or never, and storydesk does not guess. A bare age (``the 38-year-old``) refers back
   to the named subject of the sentence before, else the last named person. A group whose
   members' ages the text gives (``Two men, aged 52 and 47,``) is that many unnamed people.
4. Pronouns (``extract.pronouns``).
5. Unnamed people the text then names join their named person: ``identified the man as X``,
   ``the arrested man is X``, a later name with the same age, and the unnamed person a
   paragraph opens with when the next paragraph opens by naming someone no age or gender
   sets apart (or, when the lede has no such person, its subject by trade: ``A roofing
   contractor ... was sentenced``).

Forenames nearly always given to one gender (``forenames``) only rule candidates out; they
never state a gender or make a link on their own.

Not done here: attributes, relations and fates (``extract.attributes``, ``extract.fates``).
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storydesk import conventions
from storydesk.extract.drafts import PersonDraft, named_at
from storydesk.extract.forenames import is_forename
from storydesk.extract.mentions import (
    NUMBER_WORDS,
    Description,
    NameMention,
    PronounMention,
    speaking_by_trade,
)
from storydesk.extract.occupation_nouns import is_occupation
from storydesk.extract.pronouns import REPORTING_VERBS, quotation_before, resolve_pronouns
from storydesk.extract.spans import doc_text, evidence
from storydesk.model import Article, Mention, MentionKind, Person

# Definite descriptions that become an unnamed person when no named person carries them.
_SPECIFIC_GROUPS = {"driver", "attacker", "victim", "suspect", "cyclist", "pedestrian", "passenger", "hero"}
# "36-year-old Timothy Bunn", "34-year-old Danville Officer Thomas Cottrell": up to two
# capitalised words (a place, an agency) between the age and the titled name.
# "36-year-old Timothy Bunn", "19-year-old corner-forward Darragh Fahy" (not "the 19-year-old
# son of John Smith": no function word between)
_AGE_KIN_BEFORE = re.compile(r"(?<![\w-])(\d{1,3})-year-old\s+([a-z-]+),\s*$")
_AGE_BEFORE = re.compile(
    r"(?<![\w-])(\d{1,3})-year-old\s+(?:(?!(?:of|and|for|with|to|by|from|at|in|on|the|a|an|his|her|their)\s)"
    r"[A-Za-z][\w'’-]*\s+){0,2}$"
)
_AS_BEFORE = re.compile(r"\bas\s+$")
_COMMA_AGE = re.compile(
    r"\s*(?:,|\()\s*(?:aged\s+|now\s+)?(\d{1,3})\s*(?=[,);]|\.(?!\d)|\s+(?:and|who|from|of|was|is)\b)"
)  # not a time or a score: "Omari Clarke (10.01)"


# Words that open a surname of several words ("Le Goff", "van der Berg", "de Vries")
_SURNAME_PARTICLES = frozenset(
    "le la de du des van von der den da di del della dos das ten ter st al el bin ibn".split()
)


@dataclass
class Cast:
    """The people of one report while they are being resolved, and the result."""

    drafts: list[PersonDraft]
    people: list[Person]

    def draft_of(self, person_id: str) -> PersonDraft:
        return self.drafts[int(person_id[1:]) - 1]

    def person_at(self, start: int, end: int) -> Person | None:
        """The person with a mention overlapping [start, end)."""
        for person in self.people:
            for mention in person.mentions:
                if mention.evidence.start < end and start < mention.evidence.end:
                    return person
        return None


def _cluster_names(
    doc: Doc, names: list[NameMention], pronouns: list[PronounMention], descs: list[Description]
) -> list[PersonDraft]:
    """Full names first, then genders known from them, then one-word names and titles."""
    text = doc_text(doc)
    drafts: list[PersonDraft] = []
    full = [m for m in names if len(m.name.split()) >= 2]
    single = [m for m in names if len(m.name.split()) < 2]
    _assign_names(drafts, full, text)
    _assign_names(drafts, single, text, _provisional_genders(doc, drafts, pronouns, descs))
    return _merge_lone_names(drafts)


def _provisional_genders(
    doc: Doc, drafts: list[PersonDraft], pronouns: list[PronounMention], descs: list[Description]
) -> Callable[[], dict[int, str]]:
    """The genders pronouns give the people named in full, from a trial resolution on copies
    (``Darren Hollis ... is accused of stabbing Nicola Hollis. He is also charged with wounding
    her brother``): which of them a ``Mrs Hollis`` can be, before the titled names join anyone.
    Keyed by ``id`` of the draft. The copies are taken now; the trial runs only when a title
    first has two people to choose between (most reports never need it)."""
    originals, trial = [(d, d.gender is None) for d in drafts], copy.deepcopy(drafts)

    @functools.cache
    def genders() -> dict[int, str]:
        for _ in range(3):
            before = sum(len(d.pronouns) for d in trial)
            resolve_pronouns(doc, trial, pronouns, descs)
            if sum(len(d.pronouns) for d in trial) == before:
                break
        return {id(d): t.gender for (d, unknown), t in zip(originals, trial, strict=True) if unknown and t.gender}

    return genders


def _assign_names(
    drafts: list[PersonDraft],
    names: list[NameMention],
    text: str,
    provisional: Callable[[], dict[int, str]] | None = None,
) -> None:
    """Each name joins the person it names (or a new one); ``provisional`` genders (see
    ``_provisional_genders``) decide between people a gendered title could name."""
    for mention in names:
        words = [w.casefold() for w in mention.name.split()]
        target: PersonDraft | None = None
        if len(words) >= 2:
            for draft in drafts:
                known = draft.words()
                if known == words or (len(known) == 1 and known[0] in (words[-1], words[0])):
                    target = draft
                    break
            if target is None and len(_without_initials(words)) >= 2:
                # "Dustin R. Pruitt ... Dustin Pruitt": one name with or without the initial
                same = [d for d in drafts if _without_initials(d.words()) == _without_initials(words)]
                target = same[0] if len(same) == 1 else None
            if target is None and (mention.title or words[0] in _SURNAME_PARTICLES):
                # "Yannick Le Goff ... Mr Le Goff": a surname of several words
                ending = [d for d in drafts if len(d.words()) > len(words) and d.words()[-len(words) :] == words]
                target = ending[0] if len(ending) == 1 else None
        else:
            word = words[0]
            candidates = [d for d in drafts if word in d.nicknames()] or [
                d
                for d in drafts
                if (d.words() and word in (d.words()[-1], d.words()[0]))
                # "his wife Beryl ... Mrs Petchey": a surname she has been called by
                or (mention.title_gender and any(m.title and m.name.casefold() == word for m in d.names))
            ]
            if not candidates:
                # "Mr Muhammad Firdaus Rahman ... Mr Firdaus": a given name inside one full name
                inside = [d for d in drafts if len(d.words()) >= 3 and word in d.words()[1:-1]]
                candidates = inside if len(inside) == 1 else []
            if mention.title_gender and candidates:
                # "Mr Ashdown's wife of 40 years, Carol ... Mrs Ashdown said": the first-named
                # woman introduced beside the surname (in the last few sentences) before anyone
                # of unknown gender with it; a title of the other gender is never that man
                # "Thomas Wilkin ... His wife, Eileen, raised the alarm ... Mrs Wilkin": when
                # everyone called by the surname is of the other gender, a spouse introduced by
                # forename after his or her is the one the title names
                other_gender = all(d.likely_gender() not in (None, mention.title_gender) for d in candidates)
                spouse = r"(?:his|her)\s+(?:wife|husband|partner|widow|widower),?\s+"
                beside = [
                    d
                    for d in drafts
                    if len(d.words()) == 1
                    and d.gender == mention.title_gender
                    and not any(m.title and m.name.casefold() != word for m in d.names)
                    and 0 <= mention.start - d.last_mention(mention.start) <= 400
                    and re.search(
                        # "Mr Loades's wife, Jennifer"; "Ronald Petchey, 78, and his wife Beryl"
                        re.escape(word)
                        + r"(?:['’]s?\s+(?:[\w-]+,?\s+){1,4}"
                        + r"|\b[^.;!?]{0,40}?\b"
                        + spouse
                        + ")$"
                        + (r"|\b" + spouse + "$" if other_gender else ""),
                        text[max(0, d.names[0].start - 80) : d.names[0].start].casefold(),
                    )
                    is not None
                ]
                # "Mr Penrose married Morwenna Hocking in 1962 ... Mrs Penrose, 83,": the one
                # the surname's bearer married
                married = re.compile(r"\b" + re.escape(word) + r"\b[^.;!?]{0,40}?\bmarried\s+$")
                beside = beside or [
                    d
                    for d in drafts
                    if d.likely_gender() == mention.title_gender
                    and d.names
                    and married.search(text[max(0, d.names[0].start - 60) : d.names[0].start].casefold())
                ]
                gendered = [d for d in candidates if d.gender in (None, mention.title_gender)]
                # "Catherine Pennock ... Her cousin Alistair Pennock ... Ms Pennock": not the one
                # whose forename is nearly always the other gender's
                by_forename = [d for d in gendered if d.likely_gender() in (None, mention.title_gender)]
                gendered = by_forename or gendered
                # "Mrs Hollis" with Darren and Nicola Hollis named: the one the pronouns make
                # a woman, when the pronouns make the other a man
                if len(gendered) > 1 and provisional is not None:
                    trial_genders = provisional()
                    trial = [d for d in gendered if trial_genders.get(id(d), d.gender) in (None, mention.title_gender)]
                    gendered = trial or gendered
                candidates = (beside if len(beside) == 1 else []) or gendered or beside
            if mention.title and len(candidates) > 1:
                # "State Sen. Marcus Hale ... his wife, Carol Hale ... Senator Hale": the one
                # already called by this title
                # ("State Senator Marcus Hale ... Senator Hale": the same title, shortened)
                titled = [
                    d
                    for d in candidates
                    if any(
                        m.title in (mention.title, *_longer(m.title, mention.title)) and m.start < mention.start
                        for m in d.names
                    )
                ]
                if len(titled) > 1:
                    # "Chief Obi ... Chief (Mrs) Ada Obi ... Chief Obi said": the one already
                    # called by this very form
                    same_form = [
                        d
                        for d in titled
                        if any(
                            m.title == mention.title and m.name == mention.name and m.start < mention.start
                            for m in d.names
                        )
                    ]
                    titled = same_form or titled
                candidates = titled if len(titled) == 1 else candidates
            if not mention.title and len(candidates) > 1:
                # "Chief Ikenna Nwafor ... Nwafor, who held the title ... his first son, Dr
                # Chinedu Nwafor ... Nwafor was one of three pupils": the one the report already
                # calls by the bare surname goes on being called so
                called = [d for d in candidates if any(not m.title and m.name.casefold() == word for m in d.names)]
                speaks = _SPEECH_BEFORE.search(text[max(0, mention.start - 8) : mention.start]) or _SPEECH_AFTER.match(
                    text[mention.end : mention.end + 10]
                )
                if not called and not speaks:
                    # "Walter Ferrante ... died. His son, Michael Ferrante, said ... Ferrante was
                    # the youngest of five": a bare surname no one is called by yet is not the
                    # bearer the report brought in as another's relative, unless it speaks
                    # ("Her mother, Kayla Vogt, said ... 'She's on a machine,' Vogt said")
                    called = [
                        d for d in candidates if d.last_mention(mention.start) >= 0 and not _introduced_as_kin(text, d)
                    ]
                candidates = called if len(called) == 1 else candidates
            if candidates:
                target = max(candidates, key=lambda d: d.last_mention(mention.start))
        if target is None:
            target = PersonDraft()
            drafts.append(target)
            stated = _relation_noun_gender(text, mention)
            if stated is not None and mention.title_gender is None:
                target.gender, target.gender_span = stated
        target.names.append(mention)
        target.names.sort(key=lambda m: m.start)
        if mention.title_gender and target.gender is None:
            target.gender, target.gender_span = mention.title_gender, (mention.start, mention.end)


_KIN_BEFORE_NAME = re.compile(
    r"\b(?:his|her|their|[A-Z][\w-]+['’]s?)\s+(?:[\w-]+\s+)?(?:son|daughter|brother|sister|wife|husband|father|mother"
    r"|nephew|niece|cousin|grandson|granddaughter|widow|widower),?\s+$",
    re.IGNORECASE,
)


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added)\s+$")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added)\b")


def _introduced_as_kin(text: str, draft: PersonDraft) -> bool:
    """``His son, Michael Ferrante, said``: the person's first full name follows a kin noun."""
    full = [m for m in draft.names if len(m.name.split()) >= 2]
    if not full:
        return False
    first = min(full, key=lambda m: m.start)
    return _KIN_BEFORE_NAME.search(text[max(0, first.start - 40) : first.start]) is not None


def _without_initials(words: list[str]) -> list[str]:
    """``dustin r. pruitt`` -> ``dustin pruitt``: the words of a name without middle initials."""
    return [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not re.fullmatch(r"\w\.?", w)]


def _longer(title: str | None, short: str) -> list[str]:
    """``[title]`` when ``title`` is a longer form of ``short`` (``State Senator``, ``Senator``)."""
    return [title] if title and title.endswith(" " + short) else []


def _merge_lone_names(drafts: list[PersonDraft]) -> list[PersonDraft]:
    """A one-word person whose word is the surname of exactly one full-name person joins it,
    as does one whose word begins or shortens the forename of exactly one (``Vince``,
    ``Vincent Abela``; ``Tom``, ``Thomas Wilkin``: ``data/short_forenames.json``)."""
    result = list(drafts)
    for lone in drafts:
        if len(lone.words()) != 1:
            continue
        word = lone.words()[0]
        owners = [d for d in result if d is not lone and len(d.words()) >= 2 and d.words()[-1] == word]
        if not owners and len(word) >= 3 and not any(m.title for m in lone.names):
            # "Vincent Abela ... 'Vince was sitting against the wall'": a short form of one
            # person's forename (and not the forename of anyone else)
            owners = [
                d
                for d in result
                if d is not lone
                and len(d.words()) >= 2
                and d.words()[0] != word
                and (d.words()[0].startswith(word) or word in conventions.short_forenames().get(d.words()[0], ()))
                and lone.gender in (None, d.likely_gender())
            ]
            if any(len(d.words()) >= 2 and d.words()[0] == word for d in result):
                owners = []
        if len(owners) == 1:
            owners[0].names.extend(lone.names)
            owners[0].names.sort(key=lambda m: m.start)
            if owners[0].gender is None:
                owners[0].gender, owners[0].gender_span = lone.gender, lone.gender_span
            result.remove(lone)
    return result


def _comma_ages(text: str, drafts: list[PersonDraft]) -> None:
    """``Leon Mccaskie, 41,`` and ``Dana Whitcombe (34)``: an age right after a name;
    ``36-year-old Timothy Bunn``: an age right before one."""
    for draft in drafts:
        for mention in draft.names:
            match = _COMMA_AGE.match(text, mention.end)
            if match and 0 < int(match.group(1)) < 120:
                draft.ages.append((int(match.group(1)), match.start(1), match.end(1)))
            before = _AGE_BEFORE.search(text, max(0, mention.start - 50), mention.start)
            # "Fenn's 9-year-old son, Mason": the age of a kin noun the name stands beside
            kin = _AGE_KIN_BEFORE.search(text, max(0, mention.start - 50), mention.start)
            before = before or (kin if kin and kin.group(2).lower() in conventions.relations() else None)
            if before and 0 < int(before.group(1)) < 120:
                draft.ages.append((int(before.group(1)), before.start(1), before.end(1)))


# "He was 88." / "She is 34.": a sentence that only gives its he or she an age
_PRONOUN_AGE = re.compile(r"\s+(?:was|is)\s+(\d{1,3})\s*\.(?!\d)")


def _pronoun_ages(text: str, drafts: list[PersonDraft]) -> None:
    """``Eugene Ostrowski ... died Sunday at his home. He was 88.``: the age of the person a
    resolved he/she stands for, when the sentence says nothing else."""
    for draft in drafts:
        for pronoun in draft.pronouns:
            if pronoun.text not in {"He", "She"}:
                continue
            match = _PRONOUN_AGE.match(text, pronoun.end)
            if match and 0 < int(match.group(1)) < 120:
                draft.ages.append((int(match.group(1)), match.start(1), match.end(1)))


def _ages_at_death(doc: Doc, drafts: list[PersonDraft]) -> None:
    """``Jack Penrose, the former coxswain ..., has died aged 84``: the age a named person
    died at (not ``left school aged 14``: an age only with die or pass away)."""
    for token in doc:
        if token.lower_ != "aged":
            continue
        verb = token.head
        if verb.lemma_.lower() not in {"die", "pass"}:
            continue
        number = next((c for c in [*token.children, *verb.children] if c.like_num and c.i == token.i + 1), None)
        if number is None or not number.text.isdigit() or not 0 < int(number.text) < 120:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
            subject = verb.head  # "Jack Penrose, who died aged 84"
        owner = named_at(drafts, subject.idx) if subject is not None else None
        if owner is not None:
            owner.ages.append((int(number.text), number.idx, number.idx + len(number.text)))


def _apposition_links(doc: Doc, drafts: list[PersonDraft], descs: list[Description]) -> dict[int, int]:
    """Map description index -> draft index for descriptions in apposition with a name."""
    text = doc_text(doc)
    links: dict[int, int] = {}
    name_owner = [(m, i) for i, d in enumerate(drafts) for m in d.names]
    separators = re.compile(r"\s*[,–—-]?\s*['‘\"“]?\s*$")
    # "A neighbour, who asked to be known only as 'Sarah'": the description is the name.
    known_as = re.compile(
        r",?\s*who\s+(?:gave\s+(?:his|her|their)\s+name\s+(?:only\s+)?as|(?:asked|wished|wanted)\s+to\s+be\s+"
        r"(?:known|named|identified|called)\s+(?:only\s+)?as|is\s+known\s+(?:only\s+)?as|was\s+named\s+(?:only\s+)?as)"
        r"\s*['‘\"“]?$"
        # "the 42-year-old man, identified as Rodney Jones, / later identified by police as"
        r"|^,?\s*(?:who\s+(?:was|has\s+been)\s+|was\s+|since\s+)?(?:later\s+)?(?:identified|named)"
        r"(?:\s+by\s+(?:police|officers|the\s+[\w ]{1,30}?))?\s+as\s*$"
    )
    # "Elena Ruiz, 38, an emergency room nurse": an age between commas may stand between
    after_name = re.compile(r"^['’\"”]?\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*)?[,–—-]\s*$")
    for di, desc in enumerate(descs):
        if desc.plural:
            continue
        for mention, owner in name_owner:
            gap = text[desc.end : mention.start]
            # "a police officer, Mr Kilbride's mother": the description is the mother, not him.
            owned = text[mention.end : mention.end + 2] in {"'s", "’s"}
            if (
                (0 <= mention.start - desc.end <= 4 and separators.match(gap) and not owned)
                or (0 <= mention.start - desc.end <= 70 and known_as.match(gap))
            ) or (
                0 <= desc.start - mention.end <= 14
                and after_name.match(text[mention.end : desc.start])
                and (
                    not desc.definite
                    or re.sub(r",\s*(?:aged\s+)?\d{1,3}\s*,", ",", text[mention.end : desc.start]).strip()
                    in {",", "-", "–", "—"}
                )
            ):
                links[di] = owner
    # Description in apposition with another description: the parse says so, or the text
    # has "D1[ of the car], D2" with D2 indefinite ("the driver of the car, a 26-year-old man";
    # en_core_web_sm often parses D2 there as a second subject).
    desc_after = re.compile(r"^(?:\s+(?:of|in|at|from|on)\s+(?:the|a|an|his|her|their)\s+[\w-]+)?\s*,\s*$")
    for di, desc in enumerate(descs):
        if di in links or desc.plural:
            continue
        span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
        head_char = span.root.head.idx if span is not None and span.root.dep_ == "appos" else None
        for dj, other in enumerate(descs):
            if dj == di or other.plural:
                continue
            by_parse = head_char is not None and other.start <= head_char < other.end
            by_text = (
                not desc.definite and other.end <= desc.start and bool(desc_after.match(text[other.end : desc.start]))
            )
            # "Cr Cutajar, 41, a pharmacist and mother of three,": a second noun joined to one in
            # apposition to a name
            by_text = by_text or (
                not desc.definite
                and links.get(dj, -1) >= 0
                and other.end <= desc.start
                and re.fullmatch(r"\s+and\s+", text[other.end : desc.start]) is not None
            )
            if by_parse or by_text:
                links.setdefault(di, links.get(dj, -1 - dj))
    return links


# "Two men, aged 52 and 47," / "Three boys, aged 14, 15 and 16,": the ages of a group's members
_GROUP_AGES = re.compile(
    r"\s*,\s*aged\s+((?:\d{1,2}|[a-z]+)(?:\s*,\s*(?:\d{1,2}|[a-z]+))*,?\s+and\s+(?:\d{1,2}|[a-z]+))\b"
)
_GROUP_SIZE = re.compile(r"^(?:the\s+)?(two|three|four|five|six|\d)\b", re.I)


def _group_members(
    text: str, desc: Description, table: dict[str, conventions.PersonNoun], drafts: list[PersonDraft]
) -> list[PersonDraft]:
    """``Two men, aged 52 and 47, were arrested``: a group of people whose ages the text gives
    one by one is that many unnamed people, each with an age (and the gender of the noun, if it
    states one). The number of ages must be the group's size when the text gives one. A member
    is the unnamed person described before with that age and no other gender (``A 16-year-old
    boy has been charged ... Three boys, aged 14, 15 and 16, were arrested``)."""
    match = _GROUP_AGES.match(text, desc.end)
    if match is None:
        return []
    words = re.split(r"\s*,\s*|\s+and\s+", match.group(1))
    ages = [int(w) if w.isdigit() else NUMBER_WORDS.get(w.lower()) for w in words if w]
    size = _GROUP_SIZE.match(desc.text)
    stated = (NUMBER_WORDS.get(size.group(1).lower()) or int(size.group(1))) if size else None
    if any(a is None or not 0 < a < 120 for a in ages) or (stated is not None and stated != len(ages)):
        return []
    gender = table[desc.noun].gender if desc.noun in table else None
    members = []
    for age, (start, end) in zip(ages, _spans(match, words), strict=True):
        member = Description(
            start=desc.start,
            end=match.end(),
            text=text[desc.start : match.end()],
            noun=desc.noun,
            age=age,
            age_span=(start, end),
            definite=False,
            plural=True,  # the group's words: a member's own description names it first
        )
        earlier = [
            d
            for d in drafts
            if not d.named and d.age_values() == {age} and d.gender in (None, gender) and d.kin is None
        ]
        if len(earlier) == 1:
            earlier[0].descriptions.append(member)
            continue
        draft = PersonDraft(descriptions=[member])
        if gender is not None:
            draft.gender, draft.gender_span = gender, (desc.start, desc.end)
        members.append(draft)
    return members


def _spans(match: re.Match[str], words: list[str]) -> list[tuple[int, int]]:
    """Where each of ``words`` (in order) stands in group 1 of ``match``."""
    spans, at = [], match.start(1)
    for word in (w for w in words if w):
        start = match.string.index(word, at)
        spans.append((start, start + len(word)))
        at = start + len(word)
    return spans


def _link_descriptions(doc: Doc, drafts: list[PersonDraft], descs: list[Description]) -> list[PersonDraft]:
    text = doc_text(doc)
    links = _apposition_links(doc, drafts, descs)
    for di, owner in sorted(links.items()):
        if owner >= 0:
            drafts[owner].descriptions.append(descs[di])
    table = conventions.person_nouns()
    # Description-to-description links whose partner got a person in the same pass.
    pending = {di: -1 - o for di, o in links.items() if o < 0}
    for di in sorted(range(len(descs)), key=lambda i: descs[i].start):
        if di in links and links[di] >= 0:
            continue
        desc = descs[di]
        if desc.plural:
            drafts.extend(_group_members(text, desc, table, drafts))
            continue
        partner = pending.get(di)
        if partner is not None and partner in links and links[partner] >= 0:
            drafts[links[partner]].descriptions.append(desc)
            links[di] = links[partner]
            continue
        # "the president of her fan club" is some other president than President Obama
        # and "the leader of the council" no leader named before: an office with its complement
        owned = re.match(r"\s+(?:of|for|at)\s", text[desc.end : desc.end + 5]) is not None
        office = owned and desc.noun is not None and desc.noun in conventions.occupations().offices
        target = _definite_match(desc, drafts, table, by_title=not owned) if desc.definite and not office else None
        if target is None and desc.definite and not office:
            target = _named_just_before(doc, desc, drafts, table)
        if target is not None and _acted_on_by(doc, desc, target):
            target = None  # "Ms Adebayo reported it to the authority's monitoring officer": another
        if target is not None:
            target.descriptions.append(desc)
            links[di] = drafts.index(target)
            continue
        group = table[desc.noun].group if desc.noun in table else None
        if _AS_BEFORE.search(text, max(0, desc.start - 4), desc.start):
            continue  # "started at the factory as a 16-year-old apprentice": what someone was
        if desc.age is not None or (desc.definite and group in _SPECIFIC_GROUPS) or _indefinite_speaker(doc, desc):
            draft = PersonDraft(descriptions=[desc])
            drafts.append(draft)
            links[di] = len(drafts) - 1
            if partner is not None and partner not in links:
                draft.descriptions.append(descs[partner])
                links[partner] = links[di]
    for draft in drafts:
        draft.descriptions.sort(key=lambda d: d.start)
    return drafts


# ", now 19, who asked to be called 'Sam'": the description is the person of that name
_CALLED = re.compile(r",\s+(?:now\s+\d{1,3},\s+)?who\s+asked\s+to\s+be\s+(?:called|named|identified)")


def _indefinite_speaker(doc: Doc, desc: Description) -> bool:
    """``A spokesman for the department said``, ``One neighbour, who asked not to be named,
    told``: an indefinite person who speaks is someone in the story, named or not."""
    if desc.definite:
        return False
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None or span[0].lower_ not in {"a", "an", "one"}:
        return False
    head = span.root
    text = doc_text(doc)
    if _CALLED.match(text, desc.end):
        return False  # "One former runner, now 19, who asked to be called 'Sam', told": Sam speaks
    if desc.noun is None:
        return speaking_by_trade(head)  # "A tea vendor whose stall faces the shop told"
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS


def _named_just_before(
    doc: Doc, desc: Description, drafts: list[PersonDraft], table: dict[str, conventions.PersonNoun]
) -> PersonDraft | None:
    """``For Kayla Brunner, 29, who is due in January, the news meant rearranging everything.
    The mother of three, who works as a cashier, said``: a definite description of no trade or
    part (mother of three, the pensioner) opening a sentence, as its subject, is the one person
    named in the sentence before whose gender it does not contradict."""
    noun = table.get(desc.noun or "")
    if noun is None or noun.occupation or noun.group is not None:
        return None
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None or span.start != span.sent.start or span.sent.start == 0:
        return None
    if span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    previous = doc[span.sent.start - 1].sent
    named = [d for d in drafts if d.named and any(previous.start_char <= m.start < previous.end_char for m in d.names)]
    if len(named) != 1 or named[0].likely_gender() not in (None, noun.gender):
        return None
    if desc.age is not None and named[0].age_values() and desc.age not in named[0].age_values():
        return None
    return named[0]


def _acted_on_by(doc: Doc, desc: Description, draft: PersonDraft) -> bool:
    """``desc`` is the object of a verb (or of a preposition on it) whose subject names
    ``draft``: no-one is the object of their own sentence."""
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ not in {"dobj", "pobj", "dative", "iobj"}:
        return False
    for _ in range(3):
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            break
    else:
        return False
    subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and any(m.start <= subject.idx < m.end for m in draft.names)


def _definite_match(
    desc: Description, drafts: list[PersonDraft], table: dict[str, conventions.PersonNoun], by_title: bool = True
) -> PersonDraft | None:
    """The one person who already carries this description's noun, group or age."""
    noun = desc.noun
    group = table[noun].group if noun in table else None
    candidates: list[PersonDraft] = []
    for draft in drafts:
        if not draft.descriptions and not draft.ages and not (by_title and draft.title_nouns()):
            continue
        nouns, groups, ages = draft.nouns(), draft.groups(), draft.age_values()
        if desc.age is not None and ages and desc.age not in ages:
            continue
        # "Mayor Dwight Lennox ... the 63-year-old mayor": the title's head is the noun
        if by_title and noun is not None and noun in draft.title_nouns():
            candidates.append(draft)
            continue
        same_kind = noun is not None and (noun in nouns or (group is not None and group in groups))
        generic = noun is None or (table[noun].group is None and not table[noun].occupation)
        # "the 29-year-old cyclist" -> "Tomasz Nowak, 29,": the age links when the noun is
        # generic or the person carries no other noun
        if same_kind or (desc.age is not None and desc.age in ages and (generic or not nouns)):
            candidates.append(draft)
    return candidates[0] if len(candidates) == 1 else None


_WORD = r"(?!(?:as|is|was)\b)[a-z][\w-]*"  # a word of a description before "as"/"is"
_IDENTIFIERS = r"(?:(?:his|her|their|the)\s+)?(?:police|officers|relatives|family|friends|coroner)"
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NAMED_AS = re.compile(
    r"(?:\b(?:He|She|he|she|[Tt]he\s+(?:" + _WORD + r"\s+){0,2}" + _WORD + r")"
    r"\s+(?:has\s+(?:since\s+)?been|had\s+been|was|is)\s+(?:since\s+|later\s+|now\s+)?"
    r"(?:named|identified)|\b(?:named|identified)\s+(?:him|her|the\s+(?:" + _WORD + r"\s+){0,2}" + _WORD + ")"
    r"|\b[Tt]he\s+(?:" + _WORD + r"\s+){0,2}" + _WORD + r"\s+(?:is|was)(?=\s+$)"
    # "The teenager, named locally as Kian Raddle, was found"
    r"|\b[Tt]he\s+(?:" + _WORD + r"\s+){0,2}" + _WORD + r",\s+(?:who\s+(?:was|has\s+been)\s+)?(?:named|identified))"
    r"(?:\s+(?:locally|publicly|on\s+\w+|yesterday|today|" + _WEEKDAYS + r"|by\s+" + _IDENTIFIERS + r"))*"
    # "named locally as retired shearer Doug McInnes": a trade may stand before the name
    r"(?:\s+as(?:\s+(?!(?:and|or|the|a|an)\b)[a-z][\w-]*){0,3})?\s+$"
)


# Nouns that say what kind of person, not what part in the story, for "The teenager, named as"
_GENERAL_NOUNS = {"man", "woman", "boy", "girl", "teenager", "teen", "youth", "pensioner", "child", "person"}


def _link_named_as(text: str, drafts: list[PersonDraft]) -> list[PersonDraft]:
    """``A 19-year-old man was arrested ... He has since been named locally as Kieran Lusk``;
    ``Police named him on Saturday as Kieran Lusk``; ``identified the man as Dwayne Pickett``;
    ``the arrested man is Curtis Vane``: the unnamed person of the pronoun or description is
    the named one. Only where the pronoun itself was resolved (one candidate of its gender), or
    the description is already that unnamed person's, and no age or gender differs."""
    result = list(drafts)
    for named in drafts:
        for mention in named.names:
            match = _NAMED_AS.search(text, max(0, mention.start - 80), mention.start)
            if match is None:
                continue
            owner = next(
                (
                    d
                    for d in result
                    if not d.named and any(match.start() <= x < match.end() for x in d.mention_starts())
                ),
                None,
            )
            said = re.match(r"\s*(He|She|he|she)\b", match.group(0))
            if owner is None and said is not None:
                # "His body was found ... He has been named locally as": the one unnamed person
                # of the pronoun's gender mentioned (by description or pronoun) just before
                gender = "male" if said.group(1).lower() == "he" else "female"
                near = [
                    d
                    for d in result
                    if not d.named
                    and d.kin is None
                    and d.gender in (None, gender)
                    and any(match.start() - 400 <= x < match.start() for x in d.mention_starts())
                ]
                owner = near[0] if len(near) == 1 else None
            described = re.search(r"\b[Tt]he\s+(?:" + _WORD + r"\s+){0,2}(" + _WORD + ")", match.group(0))
            if owner is None and described is not None:
                # "identified the man as": the unnamed person last described by that noun
                same = [d for d in result if not d.named and described.group(1) in d.nouns()]
                seen = [d for d in same if d.last_mention(match.start()) >= 0]
                owner = max(seen, key=lambda d: d.last_mention(match.start())) if seen else None
            if owner is None and described is not None and described.group(1) in _GENERAL_NOUNS:
                # "A 17-year-old boy was taken to hospital ... The teenager, named locally as Kian
                # Raddle": the one unnamed person of a fitting gender in the paragraph before
                noun = conventions.person_nouns().get(described.group(1))
                allowed = {None, noun.gender} if noun is not None and noun.gender else {None, "male", "female"}
                fitting = [
                    d
                    for d in result
                    if not d.named
                    and d.kin is None
                    and not any(x.plural for x in d.descriptions)
                    and d.gender in allowed
                    and any(match.start() - 400 <= x < match.start() for x in d.mention_starts())
                ]
                owner = fitting[0] if len(fitting) == 1 else None
            if owner is None or owner not in result or named not in result or not _compatible(owner, named):
                continue
            named.absorb(owner)
            result.remove(owner)
    return result


_SUSPECT_WORDS = re.compile(r"\b(?:arrested|charged|accused|suspect(?:ed)?|custody|detained|held|remanded)\b")


def _suspected(text: str, position: int) -> bool:
    """The sentence around ``position`` speaks of an arrest or a charge."""
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    end = min((i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0), default=len(text))
    return _SUSPECT_WORDS.search(text, start, end) is not None


def _link_aged_unnamed(text: str, drafts: list[PersonDraft]) -> list[PersonDraft]:
    """``A 19-year-old man was stabbed ...`` then ``Kieran Lusk, 19, ...``: an unnamed person
    made from an indefinite description with an age joins the one named person stated later
    to have that age, when no other person of the report has it and both have the same
    gender (run before pronouns, so that the two are one candidate for them, and again after,
    when "his mother" has stated more genders).
    A definite description is left to ``_definite_match``; an unnamed person without an age,
    or an age two people share, is never linked."""
    result = list(drafts)
    for draft in drafts:
        if draft.named or not draft.descriptions or draft.descriptions[0].definite:
            continue
        ages = draft.age_values()
        if len(ages) != 1:
            continue
        age = next(iter(ages))
        holders = [d for d in result if d is not draft and age in d.age_values()]
        named_holders = [d for d in holders if d.named]
        if len(named_holders) != 1:
            continue
        named = named_holders[0]
        named_from = min(m.start for m in named.names)
        if named_from < draft.first_position:
            continue
        # another unnamed person of that age described only after the name may be the named
        # one again ("it ended with a 19-year-old dead in a driveway"); one described before
        # it is a second candidate
        if any(
            not d.named and (d.first_position < named_from or not _same_gender_or_open(d.gender, draft.gender))
            for d in holders
        ):
            continue
        # The same gender: "A 19-year-old woman died" and "Kieran Lusk, 19, was arrested" are
        # two people. A named person whose gender the text has not yet stated is taken by the
        # forename ("A 14-year-old girl ..." then "Amelia Hart, 14,"), as the name alone
        # chooses between candidates (``likely_gender``).
        if draft.gender is None or draft.gender != named.likely_gender():
            continue
        if named.gender is None and _suspected(text, draft.first_position) != _suspected(text, named_from):
            continue  # "A 19-year-old man was stabbed ... Kieran Lusk, 19, was arrested": by forename alone, two
        named.descriptions = sorted(named.descriptions + draft.descriptions, key=lambda d: d.start)
        named.pronouns = sorted(named.pronouns + draft.pronouns, key=lambda p: p.start)
        result.remove(draft)
    return result


def _link_aged_definite(doc: Doc, drafts: list[PersonDraft], bare: bool) -> list[PersonDraft]:
    """``... their top scorer, Jamal Okonjo. The 24-year-old striker was carried off``: a
    definite description with an age never brings in a new person (that is ``a 24-year-old
    striker``), so one no earlier person carries (``_definite_match``) refers back: to the
    named subject of the sentence before (``Kenya's Beatrice Chelimo ... holding off Hiwot
    Gebremariam. The 22-year-old crossed the line``), else to the named person mentioned last
    before it (by name or resolved pronoun): the first of these that has no other age and no
    other stated gender. ``bare``: only descriptions that are an age alone (``the 38-year-old``),
    linked before pronouns so that none takes a pronoun of its own; the others after, when
    genders are known."""
    result = list(drafts)
    for draft in drafts:
        if draft.named or not draft.descriptions:
            continue
        first = draft.descriptions[0]
        if not first.definite or first.age is None or len(draft.age_values()) != 1:
            continue
        if re.search(r"['’]s?\s", first.text):
            continue  # "the couple's 15-year-old daughter": someone's relative, not a named person
        if bare != (first.noun is None and first.text.lower().endswith("year-old")):
            continue

        def last_seen(d: PersonDraft, before: int = first.start) -> int:
            spans = [m.start for m in d.names if m.start < before] + [p.start for p in d.pronouns if p.start < before]
            return max(spans, default=-1)

        # "two men, aged 19 and 22, ... the 22-year-old remains in custody": the member of a
        # group named before with that age
        members = [
            d
            for d in result
            if d is not draft
            and not d.named
            and d.age_values() == {first.age}
            and any(x.plural and x.start < first.start for x in d.descriptions)
            and _same_gender_or_open(draft.gender, d.gender)
        ]
        if len(members) == 1:
            members[0].absorb(draft)
            result.remove(draft)
            continue
        named = [d for d in result if d.named and last_seen(d) >= 0]
        if not named:
            continue
        # "'I told him to wait,' the 52-year-old said": the sentence before the quotation
        opened = quotation_before(doc_text(doc), first.start)
        subject = _previous_subject(doc, first.start if opened is None else opened + 1, named)
        fitting = [
            d
            for d in [subject, max(named, key=last_seen)]
            if d is not None
            and not d.age_values() - {first.age}
            and _same_gender_or_open(draft.gender, d.likely_gender())
        ]
        if not fitting:
            continue
        target = fitting[0]
        target.absorb(draft)
        result.remove(draft)
    return result


_COMPARED_MEMBER = re.compile(
    r"\b[Tt]he\s+(younger|youngest|older|oldest|elder|eldest)\s+(man|woman|boy|girl|teenager|teen|one)\b"
)


def _link_compared_members(text: str, drafts: list[PersonDraft], descs: list[Description]) -> None:
    """``Police have arrested two men, aged 19 and 22 ... The younger man was released on
    bail``: of the last group before it whose members' ages the text gives, the youngest (or
    the oldest)."""
    for match in _COMPARED_MEMBER.finditer(text):
        groups: dict[int, list[PersonDraft]] = {}
        for draft in drafts:
            for x in draft.descriptions:
                if not draft.named and x.plural and x.age is not None and x.end <= match.start():
                    groups.setdefault(x.start, []).append(draft)
        if not groups:
            continue
        members = groups[max(groups)]
        ages = {id(d): min(d.age_values()) for d in members if d.age_values()}
        if len(members) < 2 or len(ages) != len(members) or len(set(ages.values())) != len(members):
            continue
        young = match.group(1).lower() in {"younger", "youngest"}
        chosen = (min if young else max)(members, key=lambda d: ages[id(d)])
        noun = match.group(2).lower()
        gender = conventions.person_nouns()[noun].gender if noun in conventions.person_nouns() else None
        if not _same_gender_or_open(gender, chosen.gender):
            continue
        found = next((x for x in descs if x.start < match.end() and match.start() < x.end), None)
        if found is not None and any(found in d.descriptions for d in drafts):
            continue
        chosen.descriptions.append(
            found
            or Description(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                noun=None,
                age=None,
                age_span=None,
                definite=True,
            )
        )
        chosen.descriptions.sort(key=lambda x: x.start)


def _same_gender_or_open(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


def _previous_subject(doc: Doc, position: int, candidates: list[PersonDraft]) -> PersonDraft | None:
    """The candidate named as the subject of the sentence before the one at ``position``."""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None or span[0].sent.start == 0:
        return None
    previous = doc[span[0].sent.start - 1].sent
    root = previous.root
    if root.lemma_.lower() in _FINDING_VERBS:
        # "Creaven confirmed that Shane Concannon had been taken to hospital. The 25-year-old
        # was stretchered off": who the report is about, not who reports it
        clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
        reported = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if clause else None
        found = named_at(candidates, reported.idx) if reported is not None else None
        if found is not None:
            return found
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and root.pos_ in {"NOUN", "PROPN"}:
        subject = root  # a sentence parsed as a fragment headed by its subject
    if subject is None:
        return None
    # "His father, Mick Brennan, watched ...": the name in apposition to the subject
    appositions = [c for c in subject.children if c.dep_ == "appos"]
    for token in [subject, *appositions]:
        found = named_at(candidates, token.idx)
        if found is not None:
            return found
    return None


# Titles of people who report on a story rather than take part in it (an inspector, a mayor):
# such a person is never the unnamed person of the lede.
_REPORTER_TITLE_KINDS = {"police", "political", "judicial", "military", "emergency"}


def _link_lede_unnamed(doc: Doc, drafts: list[PersonDraft]) -> list[PersonDraft]:
    """``A 34-year-old man was shot and killed ...`` then, opening the next paragraph,
    ``Marcus Dell of Dayton was pronounced dead``: the news convention that names in the
    paragraph after it the unnamed person a paragraph opens with (or describes them there and
    names them in that sentence: ``The retired teacher, who asked to be identified only as
    'Elsie'``). The unnamed person (an
    indefinite description with an age or a gender, in the paragraph's first sentence) joins
    the person whose first mention opens the next paragraph, when that person is not speaking
    there, holds no official title, and states no other age or gender, and no other unnamed
    person of that sentence could be them (by age and gender)."""
    text = doc_text(doc)
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n\s*", text)]
    first_sentence: dict[int, Span] = {}
    for sent in doc.sents:
        if sent.start_char in starts:
            first_sentence[sent.start_char] = sent
    result = list(drafts)
    for here, after in itertools.pairwise(starts):
        opener, next_opener = first_sentence.get(here), first_sentence.get(after)
        if opener is None or next_opener is None:
            continue
        named = next((d for d in result if d.named and d.kin is None and d.first_position == after), None)
        if named is None or _speaks(doc, named, next_opener):
            continue
        unnamed = [
            d
            for d in result
            if not d.named
            and d.kin is None
            and d.descriptions
            and not d.descriptions[0].definite
            and not d.descriptions[0].plural
            and opener.start_char <= d.descriptions[0].start < opener.end_char
            and (d.age_values() or d.gender)
        ]
        # "A man has been charged with robbing an 87-year-old widow. Darren Pask, 41, ...": the
        # one unnamed person whose age and gender the named one does not contradict
        fitting = [d for d in unnamed if _compatible(d, named)]
        if len(fitting) > 1:
            # "A father-of-two who punched a bus driver ... has been jailed": the lede's subject
            subject = [c for c in opener.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
            fitting = [
                d for d in fitting if any(d.descriptions[0].start == c.left_edge.idx for c in subject)
            ] or fitting
        if any(m.title_kind in _REPORTER_TITLE_KINDS for m in named.names):
            # an official may report on the unnamed person; one by office may be the story's
            # subject ("The deputy leader of ... has resigned" then "Cllr Geoff Tattersall")
            fitting = []
        if len(fitting) == 1:
            named.absorb(fitting[0])
            result.remove(fitting[0])
        elif not unnamed and _opens_as_subject(doc, named, next_opener):
            # "A roofing contractor ... was sentenced on Tuesday" then "Bradley Koenig, 34, of
            # Cedar Hollow, pleaded guilty": the lede's subject, when it is someone by trade
            described = _occupation_subject(doc, opener, result)
            if described is not None:
                named.descriptions.append(described)
                named.descriptions.sort(key=lambda d: d.start)
    return result


# Verbs by which a lede reports what someone found or said (the report is about what they say)
_FINDING_VERBS = REPORTING_VERBS | {"conclude", "rule", "find", "hear", "reveal", "learn"}


def _opens_as_subject(doc: Doc, draft: PersonDraft, sentence: Span) -> bool:
    """``draft`` is named as the subject of ``sentence``'s main verb."""
    subject = next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and any(m.start <= subject.idx < m.end for m in draft.names)


_PARENT_OF_HEAD = re.compile(r"(?:grand)?(?:father|mother|dad|mum|mom)-of-\w+\b", re.IGNORECASE)


def _occupation_subject(doc: Doc, sentence: Span, drafts: list[PersonDraft]) -> Description | None:
    """The subject of ``sentence``'s main verb when it is an indefinite, singular noun phrase
    headed by an occupation (``A retired cane farmer``) that no-one of ``drafts`` holds."""
    verb = sentence.root
    if verb.lemma_.lower() in _FINDING_VERBS:
        # "An apprentice scaffolder ... died because ..., a coroner has concluded": what was said
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ != "NN":
        return None
    compounds = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    of = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    # "The deputy leader of Ashcombe Borough Council": an office head with its body
    office = of is not None and subject.lower_ in conventions.occupations().offices
    # "A father-of-two who punched a bus driver has been jailed": a parent by the number of
    # children is a description of someone too
    parent_of = of is not None and _PARENT_OF_HEAD.match(doc_text(doc), subject.idx) is not None
    if not is_occupation([*compounds, subject]) and not office and not parent_of:
        return None
    noun = conventions.person_nouns().get(subject.lemma_.lower())
    if noun is not None and noun.role in {"official", "lawyer"}:
        return None  # a judge or an inspector reports on a story, and is not its subject
    first = subject.left_edge
    # "The deputy leader of Ashcombe Borough Council has resigned" opening the report: the
    # story's subject, by office (a definite description anywhere later may be anyone's)
    definite = first.lower_ == "the" and sentence.start == 0
    if not definite and (first.lower_ not in {"a", "an"} or office):
        return None
    start, end = first.idx, subject.idx + len(subject.text)
    if parent_of and of is not None:
        end = of.right_edge.idx + len(of.right_edge.text)
    if definite and of is not None:
        # "The deputy leader of Ashcombe Borough Council": the office with its body
        end = of.right_edge.idx + len(of.right_edge.text)
    spans = [(m.start, m.end) for d in drafts for m in d.names] + [
        (x.start, x.end) for d in drafts for x in d.descriptions
    ]
    if any(a < end and start < b for a, b in spans):
        return None
    text = doc_text(doc)
    return Description(
        start=start, end=end, text=text[start:end], noun=None, age=None, age_span=None, definite=definite
    )


def _unsupported_word(doc: Doc, draft: PersonDraft) -> bool:
    """A lone capitalised word the model took for a name and nothing in the text makes a
    person: no forename, title, age, description, pronoun or stated gender, and it never acts
    (``the people of Hollinsby``, ``Turnout was 41.3%``, ``an outbreak of Legionnaires'
    disease``). A surname with no forename that does something (``Mercer said``, ``Whitmire
    questioned why``) or owns a person noun (``Heller's client``) stays."""
    if not draft.names or draft.descriptions or draft.pronouns or draft.ages or draft.gender:
        return False
    for mention in draft.names:
        words = mention.name.split()
        # ("residents of Mandela Park", "at Pell Crossing": a place word after a word no forename)
        placed = len(words) == 2 and words[1] in _PLACE_WORDS
        if (len(words) != 1 and not placed) or mention.title or mention.pseudonym or mention.nickname:
            return False
        if mention.post_nominals or is_forename(words[0]) or not words[0][:1].isupper() or "." in words[0]:
            return False
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _acts(span.root):
            return False
    return True


# Last words of two-word place names that are surnames too often to be read as places anywhere
# ("Park", "Hall", "Ward"), but are places when nothing else makes the two words a person
_PLACE_WORDS = {
    "Park",
    "Hall",
    "Ward",
    "Crossing",
    "Beck",
    "Green",
    "Common",
    "Bridge",
    "Moor",
    "Heath",
    "Cross",
    "Gate",
    "Lodge",
    "Mill",
}


def _acts(token: Token) -> bool:
    """``Whitmire questioned why``, ``said Zadan and Meron``, ``Heller's client``: a word that
    is the subject of a verb (not of ``be``: ``Turnout was 41.3%``), joined to one, or owns a
    person noun."""
    if token.dep_ == "conj" and token.head.dep_ in {"nsubj", "nsubjpass"}:
        token = token.head
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ == "VERB":
        return True
    if token.dep_ == "poss":
        owned = token.head.lemma_.lower()
        return owned in conventions.person_nouns() or owned in conventions.relations()
    return False


def _compatible(unnamed: PersonDraft, named: PersonDraft) -> bool:
    ages, named_ages = unnamed.age_values(), named.age_values()
    if ages and named_ages and not ages & named_ages:
        return False
    return _same_gender_or_open(unnamed.gender, named.likely_gender())


def _speaks(doc: Doc, draft: PersonDraft, sentence: Span) -> bool:
    """A name of ``draft`` is the subject of a reporting verb in ``sentence``."""
    for mention in draft.names:
        if not sentence.start_char <= mention.start < sentence.end_char:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


def _genders_from_descriptions(drafts: list[PersonDraft]) -> None:
    table = conventions.person_nouns()
    relations = conventions.relations()
    for draft in drafts:
        if draft.gender is not None:
            continue
        for desc in draft.descriptions:
            gender = table[desc.noun].gender if desc.noun in table else None
            # "the couple's 15-year-old daughter": a kin noun states it too
            head = desc.text.split()[-1].lower() if desc.text.split() else ""
            gender = gender or (relations[head].gender if head in relations else None)
            if gender:
                draft.gender, draft.gender_span = gender, (desc.start, desc.end)
                break


def _genders_from_relation_nouns(text: str, drafts: list[PersonDraft]) -> None:
    """``ex-husband Leon Mccaskie``: a gendered relation noun right before a name."""
    for draft in drafts:
        if draft.gender is not None:
            continue
        for mention in draft.names:
            stated = _relation_noun_gender(text, mention)
            if stated is not None:
                draft.gender, draft.gender_span = stated
                break


_NOUN_BEFORE_NAME = re.compile(r"([\w-]+)(?:\s+of\s+(?:\d+|[a-z]+)\s+years)?,?\s+$")


def _relation_noun_gender(text: str, mention: NameMention) -> tuple[str, tuple[int, int]] | None:
    """The gender a relation noun beside a name states, and the noun's span: ``Leon Mccaskie,
    her ex-husband``; ``ex-husband Leon Mccaskie``; ``his wife of 40 years, Carol``."""
    relations = conventions.relations()
    after = re.match(r",\s*(?:his|her|their|the)\s+([\w-]+)\b(?!,\s+[A-Z])", text[mention.end : mention.end + 40])
    # (not "their sons, Alan and Peter, their daughter, Susan": that noun is the next name's)
    if after is not None and (relation := relations.get(after.group(1).lower())) and relation.gender:
        return relation.gender, (mention.end + after.start(1), mention.end + after.end(1))
    window = max(0, mention.start - 40)
    before = _NOUN_BEFORE_NAME.search(text[window : mention.start])
    if before is not None and (relation := relations.get(before.group(1).lower())) and relation.gender:
        start = window + before.start(1)
        return relation.gender, (start, start + len(before.group(1)))
    return None


def relation_group(label: str) -> str:
    """``mother of`` and ``father of`` -> ``parent of``: the gender-free form of a label."""
    for relation in conventions.relations().values():
        if label in {relation.inverse_male, relation.inverse_female, relation.inverse_unknown}:
            return relation.inverse_unknown
    return label


def _mention_kind(mention: NameMention) -> MentionKind:
    if mention.pseudonym:
        return "pseudonym"
    if mention.title:
        return "titled_name"
    if len(mention.name.split()) >= 2:
        return "name"
    return "surname"


def resolve_people(
    doc: Doc,
    article: Article,
    names: list[NameMention],
    descs: list[Description],
    pronouns: list[PronounMention],
) -> Cast:
    text = doc_text(doc)
    drafts = _cluster_names(doc, names, pronouns, descs)
    _comma_ages(text, drafts)
    _ages_at_death(doc, drafts)
    drafts = _link_descriptions(doc, drafts, descs)
    _genders_from_descriptions(drafts)
    _genders_from_relation_nouns(text, drafts)
    _link_compared_members(text, drafts, descs)
    drafts = _link_aged_definite(doc, drafts, bare=True)
    drafts = _link_aged_unnamed(text, drafts)
    # genders each pass finds rule out candidates for pronouns it left open
    for _ in range(3):
        before = sum(len(d.pronouns) for d in drafts)
        resolve_pronouns(doc, drafts, pronouns, descs)
        if sum(len(d.pronouns) for d in drafts) == before:
            break
    _pronoun_ages(text, drafts)
    drafts = _link_named_as(text, drafts)
    drafts = _link_aged_unnamed(text, drafts)
    drafts = _link_aged_definite(doc, drafts, bare=False)
    drafts = _link_lede_unnamed(doc, drafts)
    return build_cast(article, [d for d in drafts if not _unsupported_word(doc, d)])


def build_cast(article: Article, drafts: list[PersonDraft]) -> Cast:
    drafts.sort(key=lambda d: d.first_position)
    people: list[Person] = []
    for index, draft in enumerate(drafts, start=1):
        mentions = [Mention(kind=_mention_kind(m), evidence=evidence(article, m.start, m.end)) for m in draft.names]
        mentions += [
            Mention(kind="description", evidence=evidence(article, d.start, d.end)) for d in draft.descriptions
        ]
        mentions += [Mention(kind="pronoun", evidence=evidence(article, p.start, p.end)) for p in draft.pronouns]
        mentions.sort(key=lambda m: m.evidence.start)
        variants = list(dict.fromkeys(m.text for m in draft.names))
        people.append(
            Person(
                id=f"p{index}",
                name=draft.full_name(),
                named=draft.named,
                variants=variants,
                mentions=mentions,
            )
        )
    return Cast(drafts=drafts, people=people)
