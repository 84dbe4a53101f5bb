"""Person mentions: names (with titles and pseudonyms), descriptions and pronouns.

Finds the places in a report that can refer to a person; :mod:`storydesk.extract.people`
decides which refer to whom. Names come from the corrected entity layer, extended over a
title or rank written before them (``Det Ch Insp Rawlinson``, ``Miss Chkaifi``) and found
from a title alone where the model missed them. A name alone between quotation marks is a
pseudonym (``'Abraham'``). Descriptions are noun phrases headed by a person noun from
``data/person_nouns.json`` or by an age (``the 26-year-old``, ``a 41-year-old man``).

Not done here: deciding who a description or pronoun denotes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storydesk import conventions
from storydesk.extract.entities import COUNSEL_LETTERS, EntityMention, model_product, office_phrase
from storydesk.extract.forenames import is_forename
from storydesk.extract.occupation_nouns import is_occupation
from storydesk.extract.spans import doc_text

QUOTE_MARKS = "'\"‘’“”"
PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    name: str  # without the title
    title: str | None = None  # full form of the title
    title_gender: str | None = None
    title_kind: str | None = None
    pseudonym: bool = False
    nickname: str | None = None  # "Spud" in "Kevin 'Spud' Murphy"
    post_nominals: list[str] = field(default_factory=list)  # "KC" in "Sarah Quinn KC"


@dataclass
class Description:
    start: int
    end: int
    text: str
    noun: str | None  # person noun lemma from the table, if any
    age: int | None
    age_span: tuple[int, int] | None
    definite: bool
    plural: bool = False
    nationality: str | None = None
    nationality_span: tuple[int, int] | None = None
    children: int | None = None
    extra_nouns: list[str] = field(default_factory=list)


@dataclass
class PronounMention:
    start: int
    end: int
    text: str
    gender: str


def _title_regex() -> re.Pattern[str]:
    forms = sorted(conventions.titles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\.?\s+") for f in forms)
    return re.compile(r"(?<![\w.])(" + alternatives + r")\.?\s+$")


_TITLE_BEFORE = _title_regex()
_BRACKETED_TITLE = re.compile(r"\((Mrs|Mr|Ms|Miss|Dr)\.?\)\s+$")
_TITLE_AT_START = re.compile(_TITLE_BEFORE.pattern.replace("(?<![\\w.])", "^").replace("$", ""))
# a capitalised word with a lower-case letter, accents allowed ("Pádraig", "Siân", "Zoë")
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-ÖØ-Þ][a-zA-ZÀ-ÖØ-öø-ÿ'’-]*[a-zß-öø-ÿ][a-zA-ZÀ-ÖØ-öø-ÿ'’-]*"


def _inside_office_phrase(text: str, title_start: int, title: conventions.Title) -> bool:
    """``Chief Operating Officer Dana Reyes``: a one-word police rank after an office word
    (``data/titles.json``: Operating, Press, ...) is part of an office, not a rank;
    ``Danville Officer Thomas Cottrell`` keeps it. A one-word chieftaincy (``Chief``) after
    any capitalised word is part of an office too (``Assistant Chief Dale Summerfield``)."""
    if title.kind not in {"police", "noble"} or " " in title.form:
        return False
    word = re.search(r"(?<![\w.])([A-Z][a-z]+)\s+$", text[max(0, title_start - 30) : max(0, title_start)])
    if title.kind == "noble":
        # "Assistant Chief Dale Summerfield": a chieftaincy stands first, never after an office word
        return word is not None
    return word is not None and word.group(1) in conventions.office_words()


def _title_lookup(raw: str) -> conventions.Title | None:
    table = conventions.titles()
    spaced = re.sub(r"\s+", " ", raw).strip()
    # ("U.S. Attorney" is written with its full stops; "Det. Sgt." may be written without)
    return table.get(spaced.rstrip(".")) or table.get(re.sub(r"\.", "", spaced))


# "Sarah Quinn KC", "Fiona Daly BL": a rank of counsel (or an MP's or TD's letters) written
# after the name is not part of it.
_POST_NOMINAL = re.compile(rf"(?:,?\s+(?:{COUNSEL_LETTERS}|MP|MSP|MEP|TD|OBE|MBE|CBE))+$")
_OCCUPATION_LEAD = re.compile(r"([A-Z][a-z]+)\s+(?=[A-Z])")


def name_mentions(doc: Doc, entities: list[EntityMention]) -> list[NameMention]:
    text = doc_text(doc)
    result: list[NameMention] = []
    for ent in entities:
        if ent.label != "PERSON":
            continue
        start, end, name = ent.start, ent.end, ent.text
        # "Farmer Alan Whiteley" tagged whole: the occupation word is not part of the name. What
        # is left must still be a full name: in "Dean Hollis" the word is his first name.
        lead = _OCCUPATION_LEAD.match(name)
        # ("Neighbour Karen Pye said" opening a sentence: a person noun is no forename either)
        leading_nouns = conventions.occupations().nouns | {"neighbour", "neighbor", "witness", "resident", "friend"}
        while lead and lead.group(1).lower() in leading_nouns and len(name[lead.end() :].split()) >= 2:
            if _title_lookup(lead.group(1)) is not None:
                break
            start += lead.end()
            name = name[lead.end() :]
            lead = _OCCUPATION_LEAD.match(name)
        # "Gebremariam 0.31sec" tagged whole: a name ends before a word with a digit
        digit = re.search(r"\s+\S*\d", name)
        if digit is not None and digit.start() > 0:
            end -= len(name) - digit.start()
            name = name[: digit.start()]
        # "Cllr Priya Sandhu" tagged "Sandhu": the forename between a title and the surname
        before_name = (
            re.search(r"(?<![\w'’.-])([A-Z][a-z]+)\s$", text[max(0, start - 20) : start]) if " " not in name else None
        )
        if (
            before_name is not None
            and is_forename(before_name.group(1))
            and _title_lookup(before_name.group(1)) is None
        ):
            at = start - len(before_name.group(0))
            # (the model may have tagged title and forename as an organisation: "Cllr Priya")
            overlapping = [e for e in entities if e.start < start and at < e.end]
            forename_token = doc.char_span(at, start - 1)
            # ("Poppy Larner, 12, from Ashdene," tagged "Larner" opening a paragraph: a known
            # forename the parser reads as part of the name, with nothing tagged over it)
            own_name = (
                forename_token is not None
                and forename_token[0].pos_ == "PROPN"
                and forename_token[0].head.i == forename_token[0].i + 1
                and forename_token[0].dep_ == "compound"
                and not overlapping
            )
            if (_TITLE_BEFORE.search(text[max(0, at - 40) : at]) or own_name) and all(
                e.label != "PERSON" and e.end == start - 1 for e in overlapping
            ):
                start, name = at, text[at:end]
        post = _POST_NOMINAL.search(name)
        mention = NameMention(start, end, text[start:end], name[: post.start()] if post else name)
        if post is not None:
            mention.post_nominals = re.findall(r"[A-Z][A-Z.]*[A-Z]", post.group(0))
        elif tail := re.match(rf"(?:,?\s+(?:{COUNSEL_LETTERS}|MP|TD)\b)+", text[end : end + 12]):
            mention.post_nominals = re.findall(r"[A-Z][A-Z.]*[A-Z]", tail.group(0))
        # A title inside the span ("Miss Chkaifi" tagged whole) or just before it.
        inner = _TITLE_AT_START.match(name)
        if inner and inner.end() < len(name):
            title = _title_lookup(inner.group(1))
            if title is not None:
                mention.name = name[inner.end() :]
                mention.title, mention.title_gender, mention.title_kind = title.full, title.gender, title.kind
                # "Coroner Dr Ann Kettle": an office before a courtesy title; the name is
                # "Ann Kettle" and the title the office
                second = _TITLE_AT_START.match(mention.name)
                if second and second.end() < len(mention.name) and _title_lookup(second.group(1)) is not None:
                    mention.name = mention.name[second.end() :]
        else:
            before = _TITLE_BEFORE.search(text[max(0, start - 40) : start])
            if before:
                title = _title_lookup(before.group(1))
                if title is not None and not _inside_office_phrase(text, max(0, start - 40) + before.start(), title):
                    mention.start = start - (len(text[max(0, start - 40) : start]) - before.start())
                    mention.text = text[mention.start : end]
                    mention.title, mention.title_gender, mention.title_kind = (
                        title.full,
                        title.gender,
                        title.kind,
                    )
        if not re.search(r"[A-Za-z]", mention.name):
            continue
        mention.pseudonym = _is_quoted_alone(text, start, end)
        result.append(mention)
    result = [m for m in result if not _not_a_name(text, m)]
    result = _join_nicknames(text, result)
    # a title before a name outweighs the model's guess that the name is a product ("Cole");
    # a full name outweighs its guess that the surname alone is an organisation or a place
    # ("Connor 'Bish' Bishop ... Bishop, 33, said", where it tagged both "Bishop"s ORG)
    # and on the forename alone ("Kieron's mother" with "Kieron" tagged ORG, "the son of Helen
    # and Erik Lund" with "Helen" a place), where a place is owned or joined to a name: "Jordan
    # Mellor ... flew to Jordan" keeps its place
    surnames = {m.name.split()[-1] for m in result if " " in m.name}
    forenames = {m.name.split()[0] for m in result if " " in m.name}

    def forename(e: EntityMention) -> bool:
        if e.text not in forenames:
            return False
        return e.label == "ORG" or re.match(r"['’]s\b|\s+and\s+[A-Z]", text[e.end : e.end + 8]) is not None

    taken = [(m.start, m.end) for m in result] + [
        (e.start, e.end)
        for e in entities
        if e.label != "PERSON"
        and not model_product(e)
        and not (e.label in {"ORG", "PLACE"} and e.text in surnames)
        and not (e.label in {"ORG", "PLACE"} and forename(e))
    ]
    places = frozenset((e.start, e.end) for e in entities if e.label == "PLACE")
    result.extend(_titled_names_missed(text, taken, places))
    result.extend(_aged_names_missed(text, taken))
    result.extend(_counsel_names_missed(text, taken))
    soft = frozenset((e.start, e.end) for e in entities if e.label in {"ORG", "PLACE"} and " " not in e.text)
    result.extend(_described_names_missed(text, taken, soft))
    result.extend(_related_names_missed(text, taken))
    result.extend(_identified_names_missed(text, taken))
    taken += [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in {"PERSON", "ORG", "GPE"}]
    # a surname only the passes above found in full ("Deputy Superintendent Alicia
    # Montoya-Barnes ... Montoya-Barnes, a former principal, said", the second an "organisation")
    late = {m.name.split()[-1] for m in result if " " in m.name} - surnames
    # (not a firm's name: "Harlan Brothers'")
    freed = {
        (e.start, e.end)
        for e in entities
        if e.label in {"ORG", "PLACE"} and e.text in late and not re.match(r"['’]?\s+[A-Z]", text[e.end : e.end + 3])
    }
    taken = [span for span in taken if span not in freed]
    result.extend(_known_names_again(text, result, taken))
    for mention in result:
        _drop_possessive(mention)
    result.extend(_shared_surname_forenames(text, result, taken))
    for mention in result:
        _bracketed_title(text, mention)
    # (the passes after the model's names too: "The Lady Panthers", a dateline)
    result = [m for m in result if not _not_a_name(text, m)]
    result.sort(key=lambda m: m.start)
    return result


def _bracketed_title(text: str, mention: NameMention) -> None:
    """``Chief (Mrs) Bolanle Adebayo``, ``Dr (Mrs) Ngozi Okafor``: a title, then a courtesy
    title in brackets that says the gender, before a name found without either."""
    if mention.title is not None:
        return
    bracketed = _BRACKETED_TITLE.search(text, max(0, mention.start - 12), mention.start)
    courtesy = _title_lookup(bracketed.group(1)) if bracketed is not None else None
    if bracketed is None or courtesy is None:
        return
    window = text[max(0, bracketed.start() - 40) : bracketed.start()]
    before = _TITLE_BEFORE.search(window)
    title = _title_lookup(before.group(1)) if before is not None else None
    if before is None or title is None:
        return
    mention.start = bracketed.start() - len(window) + before.start()
    mention.text = text[mention.start : mention.end]
    mention.title, mention.title_kind = title.full, title.kind
    mention.title_gender = courtesy.gender or title.gender


def _shared_surname_forenames(text: str, found: list[NameMention], taken: list[tuple[int, int]]) -> list[NameMention]:
    """``Armand and Lucille Pelletier``: the forename before ``and`` shares the surname of the
    full name after it (``Armand Pelletier``). Not after another capitalised word (``Smith
    and Jones``-style firms have no forename), nor a title or function word."""
    extra: list[NameMention] = []
    for mention in found:
        words = mention.name.split()
        if len(words) != 2 or mention.title:
            continue
        joined = re.search(r"(?<![\w'’.-])([A-Z][a-zà-ÿ]+)\s+and\s+$", text[max(0, mention.start - 30) : mention.start])
        if joined is None:
            continue
        start = max(0, mention.start - 30) + joined.start(1)
        end = start + len(joined.group(1))
        forename = joined.group(1)
        if not _loose_forename(text, start, forename):
            continue
        # the model may have taken the forename alone for an organisation or a place
        if any(s < end and start < e and (s, e) != (start, end) for s, e in taken):
            continue
        alone = next((m for m in found if m.start == start and m.end == end), None)
        if alone is not None:
            alone.name = f"{forename} {words[-1]}"  # "Marjorie and Arne Haugen": Marjorie Haugen
        elif not any(m.start < end and start < m.end for m in found):
            extra.append(NameMention(start, end, forename, f"{forename} {words[-1]}"))
    return extra


def _drop_possessive(mention: NameMention) -> None:
    """``Mr Prichard's wife``: the name is ``Prichard``, not ``Prichard's``."""
    possessive = re.search(r"['’]s?$", mention.name)
    if possessive is None or len(mention.name) - len(possessive.group(0)) < 2:
        return
    if mention.text.endswith(possessive.group(0)) and not mention.name[possessive.start() - 1].isspace():
        cut = len(possessive.group(0))
        mention.name = mention.name[:-cut]
        mention.text = mention.text[:-cut]
        mention.end -= cut


# Forms of address that the model tags as names: "'Mum was always there,' she said".
_KINSHIP_WORDS = {
    "mum",
    "mam",
    "mammy",
    "mom",
    "mummy",
    "mommy",
    "dad",
    "daddy",
    "nan",
    "nana",
    "gran",
    "granny",
    "grandad",
    "grandpa",
    "grandma",
    "auntie",
    "aunty",
    "uncle",
    "sis",
    "bro",
    "ma",
    "pa",
    "mama",
    "papa",
}


# Titles a report may put "the" before ("the Rev. Amos Lee", "the Hon. Ruth Kaye")
_ARTICLE_TITLES = {"Reverend", "Rev", "Revd", "Honourable", "Hon", "Right Reverend", "Very Reverend"}


def _not_a_name(text: str, mention: NameMention) -> bool:
    """One capitalised word that is a form of address (``Mum``), or that follows ``the``
    (``told the Herald``, ``the Hartwell branch``): people's names take no article."""
    if mention.title and " " not in mention.name and mention.title not in _ARTICLE_TITLES:
        # "the Lady Panthers": a team, not a titled person (but "the Rev. Amos Lee")
        return re.search(r"(?<![\w])[Tt]he\s+$", text[max(0, mention.start - 5) : mention.start]) is not None
    if mention.title or " " in mention.name:
        return False
    if mention.name.isupper() and len(mention.name) > 2 and (mention.start == 0 or text[mention.start - 1] == "\n"):
        return True  # a dateline: "RIVERTON, Ohio, Sept. 9 --"
    if mention.name.casefold() in _KINSHIP_WORDS:
        return True
    if re.search(r",\s+of\s+$", text[max(0, mention.start - 6) : mention.start]):
        return True  # an address: "Peter Brauer, of Madison;"
    # "A Yorkshire bakery chain": a word between an article and a noun qualifies the noun
    after = text[mention.end : mention.end + 20]
    if re.search(r"(?<![\w])[Aa]n?\s+$", text[max(0, mention.start - 4) : mention.start]) and re.match(
        r"\s+[a-z]", after
    ):
        return True
    # "The Lady Panthers", "the Drumlea Gaels": a team's plural name after a word that qualifies it
    if mention.name.endswith("s") and re.search(
        r"(?<![\w])[Tt]he\s+[A-Z][\w-]*\s+$", text[max(0, mention.start - 20) : mention.start]
    ):
        return True
    # "the Herald", "The Gazette understands"; "The Abelas' son" (a family by its plural name)
    return re.search(r"(?<![\w])[Tt]he\s+['‘\"“]?$", text[max(0, mention.start - 6) : mention.start]) is not None


_NICKNAME = re.compile(
    r"(?<![\w'’.-])("
    + _NAME_WORD
    + r")\s+(['‘\"“])("
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r")?)(['’\"”])\s+("
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r")?)(?![\w'’-])"
)
_PAIRED = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"'}


def _join_nicknames(text: str, found: list[NameMention]) -> list[NameMention]:
    """``Kevin 'Spud' Murphy`` and ``Marcus "Moose" Delacroix``: a forename, a nickname in
    quotation marks and a surname are one name, however the model split them. The name is
    the forename and surname; the nickname stays with it, for later ``Spud``."""
    joined: list[NameMention] = []
    for match in _NICKNAME.finditer(text):
        if match.group(4) not in _PAIRED[match.group(2)]:
            continue
        forename, surname = match.group(1), match.group(5)
        if forename.casefold() in _FUNCTION_WORDS or _title_lookup(forename) is not None:
            continue
        start, end = match.span()
        inside = [m for m in found if start <= m.start and m.end <= end]
        before = [m for m in found if m.start < start < m.end and m.end <= end and m.title]
        # The model must have seen a person in the span, or the first word must be a forename
        # ('Eugene "Gene" Ostrowski') or the surname a person's elsewhere: a quoted title between
        # two capitalised words ("in the 'Morwenna Rose' when") is not a name.
        seen = is_forename(forename) or any(m.name.split()[-1] == surname.split()[-1] for m in found)
        if not inside and not before and not seen:
            continue
        mention = NameMention(start, end, text[start:end], f"{forename} {surname}", nickname=match.group(3))
        for m in before:
            mention.start, mention.text = m.start, text[m.start : end]
            mention.title, mention.title_gender, mention.title_kind = m.title, m.title_gender, m.title_kind
        title = _TITLE_BEFORE.search(text[max(0, start - 40) : start])
        if not before and title and (found_title := _title_lookup(title.group(1))) is not None:
            mention.start = start - (len(text[max(0, start - 40) : start]) - title.start())
            mention.text = text[mention.start : end]
            mention.title, mention.title_gender, mention.title_kind = (
                found_title.full,
                found_title.gender,
                found_title.kind,
            )
        joined.append(mention)
    if not joined:
        return found
    spans = [(m.start, m.end) for m in joined]
    kept = [m for m in found if not any(s < m.end and m.start < e for s, e in spans)]
    return sorted(kept + joined, key=lambda m: m.start)


def _known_names_again(text: str, found: list[NameMention], taken: list[tuple[int, int]]) -> list[NameMention]:
    """Words of names already found, where the model missed them elsewhere in the report
    (``Macleod`` after ``Leon MacLeod``; ``'Sam'`` before ``Sam, 30,``). Case-insensitive
    beyond the first letter, which must be a capital."""
    words = {w.casefold() for m in found for w in m.name.split() if len(w) >= 3 and w[0].isupper()}
    surnames = {m.name.split()[-1].casefold() for m in found if " " in m.name}
    words |= {m.nickname.casefold() for m in found if m.nickname and " " not in m.nickname}
    if not words:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?<!\w['’])(" + "|".join(re.escape(w) for w in sorted(words)) + r")(?![\w-])", re.I
    )
    extra: list[NameMention] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if not text[start].isupper() or any(s < end and start < e for s, e in taken):
            continue
        if re.search(r"&\s*$", text[max(0, start - 3) : start]) or re.match(r"\s*&", text[end : end + 3]):
            continue  # "Harlow & Finch": a firm, whoever Finch is
        name = match.group(0)
        forename = _forename_before(text, start, taken) if name.casefold() in surnames else None
        if forename is not None:
            start, name = forename, text[forename:end]
        extra.append(NameMention(start, end, text[start:end], name, pseudonym=_is_quoted_alone(text, start, end)))
        taken.append((start, end))
    return extra


_CALENDAR_WORDS = {
    "yesterday",
    "today",
    "tonight",
    "later",
    "now",
    "then",
    "meanwhile",
    "so",
    "also",
    "afterwards",
    "however",
    "instead",
    "earlier",
    "there",
    "here",
    "where",
    "while",
    "as",
    "if",
    "though",
    "although",
    "since",
    "until",
    "because",
    "once",
    "with",
    "from",
    "to",
    "says",
    "said",
    "told",
    "asked",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Words (case-folded) that head organisation or place names: no name is made of them."""
    heads = conventions.org_words()
    return frozenset(w.casefold() for w in heads.org_heads | heads.unit_heads | heads.institution_heads) | _PLACE_WORDS


def _loose_forename(text: str, start: int, word: str) -> bool:
    """Whether ``word``, starting at ``start`` and tagged as nothing, may be a forename: not a
    title, a function word, a time or linking adverb, a day or month, nor the end of a longer
    capitalised run ("Port Talbot Morgan", a place or firm)."""
    if word.casefold() in _FUNCTION_WORDS | _CALENDAR_WORDS or _title_lookup(word) is not None:
        return False
    return re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, start - 20) : start]) is None


def _forename_before(text: str, start: int, taken: list[tuple[int, int]]) -> int | None:
    """``Cerys Morgan collapsed``, which the model tagged as nothing, where ``Dylan Morgan`` is
    named elsewhere: a capitalised word right before a known surname (not a title, a function
    word, a time or linking adverb, a day or month, nor a word of another name or entity) is a
    forename; where it starts."""
    before = re.search(r"(?<![\w'’.-])([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s+$", text[max(0, start - 30) : start])
    if before is None:
        return None
    word = before.group(1)
    begin = max(0, start - 30) + before.start(1)
    if not _loose_forename(text, begin, word):
        return None
    if any(s < start and begin < e for s, e in taken):
        return None
    return begin


def _is_quoted_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and before in QUOTE_MARKS and bool(after) and after in QUOTE_MARKS


def _aged_names_missed(text: str, taken: list[tuple[int, int]]) -> list[NameMention]:
    """``Ethan Park, 22,``: two or three capitalised words followed by an age between commas
    name a person even where the model saw a place or nothing. Words that head organisation
    or place names (``Court``, ``Council``, ``Street``) rule a span out."""
    pattern = re.compile(r"(?<![\w.'’-])(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,2}),\s+(\d{1,3}),")
    not_names = _not_name_words()
    found: list[NameMention] = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        words = match.group(1).split()
        if not 0 < int(match.group(2)) <= 110 or any(w.casefold() in not_names for w in words):
            continue
        if words[0].casefold() in _FUNCTION_WORDS:
            continue
        # "Deputy Superintendent Alicia Montoya-Barnes, 49,": titles before the name are not it
        # (and "Firefighter Dakota Hale, 22,": nor is a trade written as one)
        while len(words) > 2 and (
            _title_lookup(words[0]) is not None or words[0].lower() in conventions.occupations().nouns
        ):
            start += len(words[0]) + len(text[start + len(words[0]) :]) - len(text[start + len(words[0]) :].lstrip())
            words = words[1:]
        if _title_lookup(words[0]) is not None:
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(NameMention(start, end, text[start:end], " ".join(words)))
        taken.append((start, end))
    return found


def _counsel_names_missed(text: str, taken: list[tuple[int, int]]) -> list[NameMention]:
    """``Conor Breslin SC, defending, said``, ``Conor Walsh BL said``: two or three capitalised
    words before a barrister's letters name a person even where the model saw nothing."""
    pattern = re.compile(
        r"(?<![\w.'’-])(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,2})\s+(" + COUNSEL_LETTERS + r")\b"
        # "Conor Breslin SC, defending, said"; "Defending, Conor Walsh BL said his client ..."
        r"(?=\s*,|\s+(?:said|told|argued|added|asked|submitted|urged|described|accepted|conceded|for)\b)"
    )
    not_names = _not_name_words()
    found: list[NameMention] = []
    for match in pattern.finditer(text):
        start = match.start(1)
        words = match.group(1).split()
        if any(w.casefold() in not_names or w.casefold() in _FUNCTION_WORDS for w in words):
            continue
        if _title_lookup(words[0]) is not None or any(s < match.end() and start < e for s, e in taken):
            continue
        mention = NameMention(start, match.end(), text[start : match.end()], " ".join(words))
        mention.post_nominals = [match.group(2)]
        found.append(mention)
        taken.append((start, match.end()))
    return found


def _described_names_missed(
    text: str, taken: list[tuple[int, int]], soft: frozenset[tuple[int, int]]
) -> list[NameMention]:
    """``Morgan Feld, an analyst at Brantley Securities, said``: a forename and surname followed
    by an apposition headed by an occupation (``a|an`` and up to three words before it) name a
    person even where the model saw nothing or took one of the words alone for an organisation
    or a place (``soft``). Organisation and place words rule a span out."""
    pattern = re.compile(
        r"(?<![\w.'’-])(" + _NAME_WORD + r"\s+" + _NAME_WORD + r"),\s+(?:a|an)\s+((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
        r"(?=\s+(?:at|of|for|with|who|from|in|and)\b|\s*[,.;])"
    )
    not_names = _not_name_words()
    jobs = conventions.occupations().nouns
    found: list[NameMention] = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        words = match.group(1).split()
        head = match.group(2).split()[-1]
        if head not in jobs and head.rstrip("s") not in jobs:
            continue
        if any(w.casefold() in not_names | _FUNCTION_WORDS | _CALENDAR_WORDS for w in words):
            continue
        if _title_lookup(words[0]) is not None:
            continue
        if any(s < end and start < e and (s, e) not in soft for s, e in taken):
            continue
        found.append(NameMention(start, end, text[start:end], " ".join(words)))
        taken.append((start, end))
    return found


_IDENTIFIED_AS = re.compile(
    r"\b(?:be|been|being|was|is|were)\s+(?:identified|named)(?:\s+(?:only|locally|publicly|simply))?\s+as\s+(['‘\"“]?)"
    r"((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)"
    r"(['’\"”]?)(?![\w-])"
)


def _identified_names_missed(text: str, taken: list[tuple[int, int]]) -> list[NameMention]:
    """``who asked to be identified only as 'Agnes'``, ``was named locally as Kieran Lusk``: the
    words after ``be identified/named as`` name a person even where the model missed them.
    Not ``known as 'Heartland Forward'`` (things are known as much as people are), and not
    ``was named as Oakdene House``: organisation and place words rule a span out."""
    not_names = _not_name_words()
    found: list[NameMention] = []
    for match in _IDENTIFIED_AS.finditer(text):
        start, end = match.span(2)
        words = match.group(2).split()
        if bool(match.group(1)) != bool(match.group(3)) or any(w.casefold() in not_names for w in words):
            continue
        if _title_lookup(words[0]) is not None or any(s < end and start < e for s, e in taken):
            continue
        found.append(NameMention(start, end, match.group(2), match.group(2), pseudonym=bool(match.group(1))))
        taken.append((start, end))
    return found


def _related_names_missed(text: str, taken: list[tuple[int, int]]) -> list[NameMention]:
    """``Her mother, Nicola Hart, said``: a name in apposition to a relation or occupation noun
    owned by someone (``her``, ``Mr Treloar's``) names a person even where the model missed it;
    after a kinship noun the comma may be absent (``her daughter Sofia, 6,``); a length of
    years may follow the noun (``his wife of 40 years, Carol``)."""
    nouns = sorted(set(conventions.relations()) | set(conventions.occupations().nouns), key=len, reverse=True)
    pattern = re.compile(
        r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|['’]s?)\s+"
        # "The couple's eldest daughter, Maisie"
        + r"(?:(?:eldest|oldest|youngest|younger|older|elder|late|only|first|second|twin|former)\s+)?(?:"
        + "|".join(re.escape(n) for n in nouns)
        # "his wife of 40 years, Carol"
        + r")(?:\s+of\s+(?:\d+|[a-z]+)\s+years(?=,))?(\s*,)?\s+("
        + _NAME_WORD
        + r"(?:\s+"
        + _NAME_WORD
        + r"){0,2})(?=\s*[,.;:])"
    )
    relations = conventions.relations()
    found: list[NameMention] = []
    for match in pattern.finditer(text):
        start, end = match.span(2)
        words = match.group(2).split()
        if _title_lookup(words[0]) is not None or any(s < end and start < e for s, e in taken):
            continue
        # "her daughter Sofia, 6,": without the comma only a kinship noun names
        # ("his lawyer Monday" is no name)
        noun = text[match.start() : match.start(1) if match.group(1) else start].split()[-1].casefold()
        if match.group(1) is None and noun not in relations:
            continue
        found.append(NameMention(start, end, text[start:end], match.group(2)))
        taken.append((start, end))
    return found


_PLACE_WORDS = {
    "street",
    "road",
    "lane",
    "avenue",
    "drive",
    "close",
    "square",
    "bridge",
    "county",
    "city",
    "town",
    "village",
    "district",
    "borough",
    "estate",
    "centre",
    "center",
    "station",
    "airport",
}
_FUNCTION_WORDS = {"the", "a", "an", "in", "on", "at", "of", "and", "but", "when", "after", "before", "by", "for"}


def _chain_title(chain: str) -> conventions.Title | None:
    """``Deputy Superintendent``: titles in a row, read as one with the last one's kind."""
    last = _TITLE_BEFORE.search(chain + " ")
    title = _title_lookup(last.group(1)) if last else None
    if title is None or last is None or last.start() == 0:
        return None
    full = re.sub(r"\.", "", re.sub(r"\s+", " ", chain)).strip()
    return conventions.Title(form=full, full=full, gender=title.gender, kind=title.kind)


def _titled_names_missed(
    text: str, taken: list[tuple[int, int]], places: frozenset[tuple[int, int]] = frozenset()
) -> list[NameMention]:
    """``Mr Akunjee`` or ``DCI Rawlinson`` that the model did not tag as a person; also where it
    took the name for a place (``Detective Sergeant Imran Qureshi`` with ``Qureshi`` a place:
    ``places`` are such spans, which a title before them outweighs)."""
    forms = sorted(conventions.titles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\.?\s+") for f in forms)
    # "Deputy Superintendent Alicia Montoya-Barnes": titles in a row are one title
    chain = r"(?:" + alternatives + r")(?:\.?\s+(?:" + alternatives + r"))*"
    # (up to three name words: "Madam Goh Ah Lian")
    pattern = re.compile(r"(?<![\w.])(" + chain + r")\.?\s+(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2})")
    found: list[NameMention] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        name_start = match.start(2)
        if any(not (end <= s or name_start >= e) and (s, e) not in places for s, e in taken):
            continue
        if any(not (end <= s or start >= e) for s, e in taken if (s, e) in places and s < name_start):
            continue  # the title itself inside a place name
        title = _title_lookup(match.group(1)) or _chain_title(match.group(1))
        # Bare office words ("Secretary Smith" is rare; "Chair Person" is a heading) need
        # the model to have seen a person.
        if title is None or title.form in {"Secretary", "Chair", "President"}:
            continue
        if _inside_office_phrase(text, start, title) or office_phrase(match.group(2).split()):
            continue
        found.append(
            NameMention(
                start=start,
                end=end,
                text=text[start:end],
                name=match.group(2),
                title=title.full,
                title_gender=title.gender,
                title_kind=title.kind,
                pseudonym=False,
            )
        )
        taken.append((start, end))
    return found


_AGE = re.compile(r"\b(\d{1,3})-year-old\b")
_PARENT_OF = re.compile(r"\b((?:grand)?(?:mother|father|mum|dad))-of-(\w+)\b", re.I)
_AGED_AFTER = re.compile(
    r",\s*(?:aged\s+(\d{1,3}|[a-z]+)(?=\s*[,;.)]|\s+(?:and|who|from|of|was|is)\b)|(\d{1,3})(?=,\s))"
)  # "A second man, aged 41, suffered"; "The second-term lawmaker, 41, is"
_PARENT_OF_TAIL = re.compile(r"-of-\w+\b")
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def descriptions(
    doc: Doc, names: list[NameMention], organisations: list[tuple[int, int]] | None = None
) -> list[Description]:
    """Noun phrases describing a person: a person noun or an age at their head. Not one in
    apposition to an organisation (``Harlow & Finch, the 92-year-old maker of boots``)."""
    nouns = conventions.person_nouns()
    text = doc_text(doc)
    found: list[Description] = []
    name_spans = [(m.start, m.end) for m in names]
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.lower_.endswith("ing") and root.i > chunk.start and doc[root.i - 1].lemma_.lower() in nouns:
            root = doc[root.i - 1]  # "the cyclist kneeling beside her": a participle parsed as the head
        lemma = root.lemma_.lower()
        compound = f"{doc[root.i - 1].lower_} {lemma}" if root.i > chunk.start else ""
        noun = compound if compound in nouns else (lemma if lemma in nouns else None)
        # the chunk ends at its head noun ("the 29-year-old cyclist kneeling" is a slip)
        start, end = chunk.start_char, min(chunk.end_char, root.idx + len(root.text))
        tail = _PARENT_OF_TAIL.match(text, end)
        if tail:
            end = tail.end()
        if any(s < end and start < e for s, e in name_spans):
            continue  # a chunk that contains a name is handled as the name
        age_match = _AGE.search(text, start, end)
        if age_match and noun is None and re.match(r"['’]s\b", text[age_match.end() : age_match.end() + 3]):
            continue  # "the 23-year-old's ninth goal": the goal is no person (the owner is read elsewhere)
        age_value = int(age_match.group(1)) if age_match else None
        age_span = age_match.span(1) if age_match else None
        if age_match is None and noun is not None and root.tag_ == "NN":
            # "A second man, aged 41, suffered a cut": the age in apposition is the description's
            aged = _AGED_AFTER.match(text, end)
            if aged is not None:
                group = 1 if aged.group(1) is not None else 2
                word = aged.group(group).lower()
                age_value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
                age_span = aged.span(group) if age_value is not None else None
        parent = _PARENT_OF.search(text, start, end)
        if noun is None and age_match is None and parent is None and not speaking_by_trade(root):
            continue
        owner_words = {"his", "her", "their", "its", "my", "your", "our", "whose"}
        if chunk[0].lower_ in owner_words and noun in conventions.relations():
            continue  # "her ex-husband": a relation, handled by attributes
        determiner = chunk[0].lower_
        definite = determiner in {"the", "this", "that"}
        plural = root.tag_ in {"NNS", "NNPS"}
        # "the Polish driver"; "the 26-year-old Irishman" (a noun that names a nationality)
        nationality = next((t for t in chunk if t.ent_type_ == "NORP" and t.i < root.i), None)
        if nationality is None and root.text in conventions.nationality_nouns():
            nationality = root
        children = None
        if parent is not None:
            noun = f"{parent.group(1).lower()}-of-n"
            children = NUMBER_WORDS.get(parent.group(2).lower()) or (
                int(parent.group(2)) if parent.group(2).isdigit() else None
            )
        found.append(
            Description(
                start=start,
                end=end,
                text=text[start:end],
                noun=noun,
                age=age_value,
                age_span=age_span,
                definite=definite,
                plural=plural,
                nationality=nationality.text if nationality is not None else None,
                nationality_span=(nationality.idx, nationality.idx + len(nationality.text))
                if nationality is not None
                else None,
                children=children,
            )
        )
    found += _bare_aged(doc, found, name_spans)
    org_ends = {end for _, end in organisations or []}
    found = [d for d in found if not _after_organisation(text, d.start, org_ends)]
    found.sort(key=lambda d: d.start)
    return found


def speaking_by_trade(root: Token) -> bool:
    """``A tea vendor whose stall faces the shop told this newspaper``: the head of an
    indefinite noun phrase that is an occupation and the subject of a reporting verb."""
    first = root.left_edge
    if root.tag_ != "NN" or root.dep_ != "nsubj" or first.lower_ not in {"a", "an", "one"}:
        return False
    if root.head.lemma_.lower() not in {"say", "tell", "add", "explain", "describe", "recall"}:
        return False
    compounds = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return is_occupation([*compounds, root])


def _after_organisation(text: str, start: int, org_ends: set[int]) -> bool:
    """A description right after an organisation's name and a comma."""
    gap = re.search(r"['’]?s?,\s*$", text[max(0, start - 6) : start])
    return gap is not None and max(0, start - 6) + gap.start() in org_ends


_BARE_AGED = re.compile(r"\b(the|a|an|this)\s+(\d{1,3})-year-old\b(?![-\w])", re.I)
# dependency labels of a word standing as a noun phrase of its own
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj", "ROOT"}


def _bare_aged(doc: Doc, found: list[Description], name_spans: list[tuple[int, int]]) -> list[Description]:
    """``The 15-year-old has been released``: an age adjective standing as its own noun phrase
    (the parser gives it no noun chunk). Not ``the 15-year-old boy`` (a chunk already) nor
    ``the 15-year-old's mother``."""
    text = doc_text(doc)
    taken = [(d.start, d.end) for d in found] + name_spans
    bare: list[Description] = []
    for match in _BARE_AGED.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or re.match(r"['’]s\b", text[end : end + 3]):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        last = span[-1] if span is not None else None
        # "..., the 29-year-old said": the parser may hang the adjective on the verb
        if last is None or not (last.dep_ in _NOMINAL_DEPS or (last.dep_ == "amod" and last.head.pos_ == "VERB")):
            continue
        bare.append(
            Description(
                start=start,
                end=end,
                text=match.group(0),
                noun=None,
                age=int(match.group(2)),
                age_span=match.span(2),
                definite=match.group(1).lower() in {"the", "this"},
            )
        )
    return bare


def pronouns(doc: Doc) -> list[PronounMention]:
    return [
        PronounMention(t.idx, t.idx + len(t.text), t.text, PRONOUNS[t.lower_])
        for t in doc
        if (t.lower_ in PRONOUNS and t.pos_ == "PRON") or (t.lower_ in PRONOUNS and t.tag_ in {"PRP", "PRP$"})
    ]


@dataclass
class Relative:
    """``her sister``, ``Keller's girlfriend``: a kin noun owned by a pronoun or a name.

    ``owner_start``/``owner_end`` is the owning pronoun or name; ``noun`` the key in the
    relation table (``ex-husband``)."""

    start: int
    end: int
    text: str
    noun: str
    owner_start: int
    owner_end: int
    owner_pronoun: bool
    age: int | None = None
    age_span: tuple[int, int] | None = None
    # "his two children", "her four grandchildren": a group, one unnamed person of the cast
    plural: bool = False


# Words that make a kin noun something else: "his business partner", "her tennis partner"
NOT_KIN_MODIFIERS = {
    "business",
    "trading",
    "tennis",
    "doubles",
    "dance",
    "dancing",
    "sparring",
    "training",
    "coalition",
}


# "Her son, 15, and her daughter, 11,", "his wife, aged 62.": an age straight after the kin noun
_AGE_AFTER_KIN = re.compile(r",\s*(?:aged\s+)?(\d{1,2}|1[01]\d)\s*[,;.)](?!\d)")


def _whose_antecedent(noun: Token) -> list[Token] | None:
    """The name (its tokens) a ``whose`` clause containing ``noun`` hangs on, by the parse."""
    node = noun
    for _ in range(4):
        if node.dep_ == "relcl":
            break
        if node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    if node.dep_ != "relcl":
        return None
    antecedent = node.head
    if antecedent.pos_ != "PROPN":
        return None
    return [*(t for t in antecedent.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), antecedent]


def relatives(doc: Doc) -> list[Relative]:
    """Singular kin nouns (``kin`` in the relation table) with a possessive owner: ``his``,
    ``her``, a capitalised name (``Rolando's wife``) or ``whose`` after a name. ``their``,
    ``my`` and owners that are descriptions (``the couple's son``) are left alone: who owns
    them needs more than the phrase."""
    kin = conventions.kin_nouns()
    text = doc_text(doc)
    found: list[Relative] = []
    for token in doc:
        plural = token.tag_ == "NNS" and token.lemma_.lower() in PLURAL_RELATIVES
        if (token.tag_ != "NN" and not plural) or token.pos_ != "NOUN":
            continue
        noun = token.lemma_.lower() if plural else token.lower_
        if text[max(0, token.idx - 3) : token.idx].lower() == "ex-":
            noun = "ex-" + noun
        if (noun not in kin and not plural) or text[
            token.idx + len(token.text) : token.idx + len(token.text) + 1
        ] == "-":
            continue  # "brother-in-law" is read whole, not as "brother"
        if any(c.dep_ in {"compound", "amod"} and c.lower_ in NOT_KIN_MODIFIERS for c in token.children):
            continue  # "his business partner" is no family
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        if poss is None:
            continue
        if poss.tag_ == "PRP$" and poss.lower_ in {"his", "her"}:
            owner_start, owner_end, pronoun = poss.idx, poss.idx + len(poss.text), True
        elif poss.pos_ == "PROPN" and poss.text[:1].isupper():
            owner = [t for t in poss.subtree if t.dep_ != "case"]
            owner_start, owner_end, pronoun = owner[0].idx, owner[-1].idx + len(owner[-1].text), False
        elif poss.lower_ == "whose" and (named := _whose_antecedent(token)) is not None:
            # "Gunnar Halvorsen, 63, whose father founded the company in 1971": the name the
            # clause hangs on owns the noun
            owner_start, owner_end, pronoun = named[0].idx, named[-1].idx + len(named[-1].text), False
        else:
            continue
        if poss.i > token.i:
            continue
        start, end = (poss.idx if poss.lower_ == "whose" else owner_start), token.idx + len(token.text)
        age = _AGE.search(text, start, end) or _AGE_AFTER_KIN.match(text, end)
        found.append(
            Relative(
                start=start,
                end=end,
                text=text[start:end],
                noun=noun,
                owner_start=owner_start,
                owner_end=owner_end,
                owner_pronoun=pronoun,
                age=int(age.group(1)) if age and not plural else None,
                age_span=age.span(1) if age and not plural else None,
                plural=plural,
            )
        )
    return found


# Kin nouns whose plural owned by someone is a group the cast keeps ("his two children")
PLURAL_RELATIVES = {"child", "son", "daughter", "grandchild", "grandson", "granddaughter", "stepchild"}


# "the son of a fisherman and a net-mender", "Born in Umuezeala in 1933 to a farmer and a
# petty trader": parents the report gives only by trade
_BY_TRADE = r"(an?\s+[a-zA-Z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
PARENTS_BY_TRADE = re.compile(
    r"(?:\b(?:son|daughter|child|children)\s+of|\b[Bb]orn\b[^.;]{0,60}?\bto)\s+"
    + _BY_TRADE
    # ("of a Polish coal miner and his wife, a laundress")
    + r"(?:\s+and\s+(?:(?:his\s+wife|her\s+husband),\s+)?"
    + _BY_TRADE
    + r")?(?=\s*[,.;]|\s+(?:who|in|from|on|at)\b)"
)
