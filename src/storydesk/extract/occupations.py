"""Occupations and nationalities stated beside a named person.

Four places a report says what someone does, each read from the parse around the name:

- after the name, in apposition: ``Daniel Okafor, 27, a delivery driver,``;
  ``Demelza Hosking, chief executive of the Cornish Fish Producers' Organisation, said``;
  ``Agnieszka Nowak, 36, a Polish national`` (a nationality, not an occupation);
- before the name: ``store owner Vincent Castellano``, ``Prosecutor Hywel Morgan``,
  ``Prentiss' attorney, Dana Kowalczyk``, ``Its chairman, Ken Oduya``;
- an office title on the name: ``Mayor Linda Carver``, ``Circuit Judge Franklin Beaumont``;
- ``works as`` / ``served as``: ``Dell, a father of three who worked as a forklift operator``;
  a post taken, held or left: ``will step down as managing director``, ``stay on as chairman``;
  and the copula ``Hale is a roofer``.

An occupation is accepted only when the phrase's head is in the occupation table
(``data/occupations.json`` plus the occupation nouns of ``data/person_nouns.json``), except
after ``works as``, which states an occupation whatever the noun. The value is the phrase
as written without its article, lower case except acronyms and names (``NTSB
spokeswoman``, ``Linn County attorney``); office heads keep their ``of``/``for``
complement. Nationalities come only from the demonym table (``data/demonyms.json``), so a
party (``Conservative``) is never a nationality.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from storydesk import conventions
from storydesk.extract.drafts import OFFICE_TITLE_KINDS as _OFFICE_TITLE_KINDS
from storydesk.extract.drafts import OFFICE_TITLES as _OFFICE_TITLES
from storydesk.extract.mentions import Description, NameMention
from storydesk.extract.occupation_nouns import is_occupation
from storydesk.extract.people import Cast
from storydesk.extract.pronouns import open_quotation
from storydesk.extract.rawfact import RawFact
from storydesk.extract.spans import doc_text

_PHRASE_POS = {"ADJ", "NOUN", "PROPN", "VERB"}
_STOP = {"who", "whose", "which", "that", "from", "in", "and", "with", "on", "after", "when", "since", "but"}
_COMPLEMENT = {"of", "for", "at"}
_ENTITY_KEEP_CASE = {"ORG", "GPE", "NORP", "LOC", "FAC"}
_PROPER = {"NNP", "NNPS"}
# King's, Queen's and (in Ireland) Senior Counsel and barristers-at-law are barristers (a judge
# who is one is a judge)
_COUNSEL_POST_NOMINALS = {"KC", "QC", "SC", "BL"}
_JUDGE_TITLES = {"Mr Justice": "judge", "Mrs Justice": "judge", "Justice": "judge"}
_WORK_VERBS = {"work", "serve", "employ"}
# Verbs of taking, holding or leaving a post: ``will step down as managing director``, ``said he
# would stay on as chairman``, ``was appointed as head coach``. Unlike the work verbs they
# state an occupation only when the noun after ``as`` is one (``returned as a hero`` is none).
_POST_VERBS = set(
    """
    step stand resign quit retire stay remain continue return take appoint elect reelect act
    re-elect hire install swear confirm join start succeed replace promote reappoint remove
    sack oust dismiss
    """.split()
)
_MAX_PHRASE = 6
# Verbs that say someone holds an office over what they govern (``Rachel Dorsey, who chairs
# the Senate Finance Committee``): verb lemma -> the office, which takes the organisation. Only
# with a named object (or, for chair and head, a body: ``chairs the local medical committee``):
# ``who owns a dog`` or ``who founded the charity after her son died`` state no occupation.
_OFFICE_VERBS = {
    "chair": "chair",
    "head": "head",
    "lead": "leader",
    "found": "founder",
    "co-found": "co-founder",
    "cofound": "co-founder",
    "own": "owner",
    "coach": "coach",
    "manage": "manager",
    "captain": "captain",
    "edit": "editor",
    "direct": "director",
    "start": "founder",
    "run": "owner",  # only a business: "who runs a bicycle repair business"
}
_BUSINESS_POSTS = {"owner", "manager", "founder", "co-founder"}
# Businesses a person owns, manages or started (``who manages the grocery store`` -> ``grocery
# store manager``): an object of these verbs that is no proper name still gives the post
_BUSINESSES = {
    "business",
    "company",
    "firm",
    "shop",
    "store",
    "showroom",
    "stall",
    "restaurant",
    "diner",
    "cafe",
    "café",
    "pub",
    "bar",
    "hotel",
    "salon",
    "bakery",
    "garage",
    "farm",
    "factory",
    "practice",
    "pharmacy",
    "takeaway",
    "dealership",
}
# Businesses whose runner is taken to own them ("who runs a bicycle repair business")
_SMALL_BUSINESSES = {"business", "shop", "stall", "store", "restaurant", "diner", "cafe", "café", "pub", "bar"} | {
    "salon",
    "bakery",
    "takeaway",
    "garage",
    "farm",
}
# Adjectives that say which post, not how well it is held: after ``be`` only these may qualify
# an occupation (``was a professional rider``; not ``is a decent and hardworking mayor``).
_POST_ADJECTIVES = set(
    """
    former retired professional senior junior chief deputy assistant interim acting qualified
    trainee part-time full-time principal executive independent local national regional general
    medical financial legal federal international private public special head managing new
    longtime
    """.split()
)
_MAX_COMPLEMENT = 9


def find_occupations(doc: Doc, cast: Cast) -> list[RawFact]:
    """Occupation and nationality facts for the named people of ``cast``."""
    starts = {t.idx: t.i for t in doc}
    offsets = list(starts)  # token start offsets, ascending: token i starts at offsets[i]
    facts: list[RawFact] = []
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            facts += _after_name(doc, offsets, person.id, mention)
            facts += _before_name(doc, starts, person.id, mention)
            facts += _from_title(doc, starts, person.id, mention)
        facts += _counsel(person.id, draft.names)
        facts += _prosecuting(doc_text(doc), person.id, draft.names)
        for description in draft.descriptions:
            facts += _from_description(doc, person.id, description)
    facts += _works_as(doc, cast)
    facts += _made_to(doc, cast)
    facts += _copula(doc, cast)
    facts += _office_verbs(doc, cast)
    facts += _sits_on(doc, cast)
    return facts


def _qualified_office(tokens: list[Token], complement: list[Token]) -> bool:
    """An office head the occupation table leaves out alone (``leader``, ``head``, ``founder``:
    the leader of a walk, the head of the queue) is an occupation when a name or noun qualifies
    it: ``Kelsford Borough Council leader``, ``opposition leader``, ``head of Carrowmore
    Capital``, ``director of rugby``; not ``former leader`` or ``owner of the dog``."""
    if not _is_office(tokens[-1]):
        return False
    # "interim leader", "acting head": a post held for now is a post
    qualified = any(t.pos_ in {"NOUN", "PROPN"} or t.lower_ in {"interim", "acting", "caretaker"} for t in tokens[:-1])
    return (
        qualified
        or any(t.pos_ == "PROPN" for t in complement)
        or (len(complement) == 2 and complement[-1].pos_ == "NOUN")
    )


def _is_office(token: Token) -> bool:
    return token.text.lower() in conventions.occupations().offices or token.lemma_.lower() in (
        conventions.occupations().offices
    )


def demonym(text: str) -> str | None:
    """The nationality ``text`` states: itself when it is an adjective from the table (or two
    joined by a hyphen); ``Welsh`` for the noun ``Welshman``; ``Polish`` for ``Polish-born``."""
    table = conventions.demonyms()
    if text in table:
        return text
    if text in conventions.nationality_nouns():
        return conventions.nationality_nouns()[text]
    parts = text.split("-")
    if len(parts) > 1 and all(p in table for p in parts):
        return text
    if len(parts) == 2 and parts[1] == "born" and parts[0] in table:
        return parts[0]  # "Polish-born taxi driver Tomasz Wrobel": Polish
    return None


def _value(tokens: list[Token]) -> str:
    words: list[str] = []
    inside = {t.i for t in tokens}
    for token in tokens:
        # names keep their capitals; a sentence's first word only inside a longer name of the
        # phrase ("Harbury Saints winger"; not "Farmer" of "Farmer Neville Hask", one entity)
        following = token.doc[token.i + 1] if token.i + 1 in inside else None
        in_longer_name = following is not None and (
            following.ent_iob_ == "I" or (token.tag_ in _PROPER and following.tag_ in _PROPER)
        )
        named = token.ent_type_ in _ENTITY_KEEP_CASE or token.tag_ in _PROPER
        keep = (token.text.isupper() and len(token.text) > 1) or (named and (not token.is_sent_start or in_longer_name))
        words.append(token.text if keep else token.text.lower())
        if token.whitespace_:
            words.append(" ")
    return "".join(words).strip().replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def _phrase_forward(doc: Doc, i: int) -> tuple[list[Token], int]:
    """Modifier and head tokens from ``i``: stops at punctuation (hyphens aside) and stop words."""
    tokens: list[Token] = []
    sent_end = doc[i].sent.end if i < len(doc) else len(doc)
    while i < sent_end and len(tokens) < _MAX_PHRASE:
        token = doc[i]
        if token.text == "-" and tokens and i + 1 < sent_end and not doc[i + 1].is_punct:
            tokens.append(token)
            i += 1
            continue
        # the first part of a hyphenated word, whatever its tag ("off-duty", "part-time")
        hyphened = i + 1 < sent_end and doc[i + 1].text == "-" and not token.whitespace_ and token.is_alpha
        if token.is_punct or (token.lower_ in _STOP and not hyphened) or (token.lower_ in _COMPLEMENT and not hyphened):
            break
        if not hyphened and (
            token.pos_ not in _PHRASE_POS or (token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"})
        ):
            break
        tokens.append(token)
        i += 1
    while tokens and tokens[-1].text == "-":
        tokens.pop()
    return tokens, i


def _complement(doc: Doc, i: int) -> list[Token]:
    """``of the Cornish Fish Producers' Organisation`` after an office head, up to a comma."""
    if i >= len(doc) or doc[i].lower_ not in _COMPLEMENT:
        return []
    sent_end = doc[i].sent.end
    out: list[Token] = []
    while i < sent_end and len(out) < _MAX_COMPLEMENT:
        token = doc[i]
        if token.text in {",", ";", ".", ":", "(", ")"} or token.lower_ in _STOP or token.pos_ in {"VERB", "AUX"}:
            break
        if token.like_num or token.ent_type_ in {"DATE", "TIME"}:
            break  # "head of St Aidan's for 19 years"
        out.append(token)
        i += 1
    # a complement must end on a noun: "of operations", "for the trust"
    while out and out[-1].pos_ not in {"NOUN", "PROPN"}:
        out.pop()
    return out if len(out) >= 2 else []


def _words(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped into words: ``Ghanaian - American`` written without spaces is one word."""
    words: list[list[Token]] = []
    for token in tokens:
        if words and not words[-1][-1].whitespace_ and (token.text == "-" or words[-1][-1].text == "-"):
            words[-1].append(token)
        else:
            words.append([token])
    return words


def _split_nationality(tokens: list[Token]) -> tuple[list[tuple[str, int, int]], list[Token]]:
    """Nationalities (value, start, end) and the remaining tokens of a phrase."""
    nationals: list[tuple[str, int, int]] = []
    rest: list[Token] = []
    for word in _words(tokens):
        text = "".join(t.text for t in word)
        nationality = demonym(text)
        if nationality is not None:
            nationals.append((nationality, word[0].idx, word[-1].idx + len(word[-1].text)))
        else:
            rest.extend(word)
    return nationals, rest


def _owner_before(doc: Doc, i: int) -> list[Token]:
    """The proper name that owns the phrase starting at token ``i`` (``Fellside District
    Council's leader``), or nothing."""
    if i < 2 or doc[i - 1].tag_ != "POS":
        return []
    owner: list[Token] = []
    k = i - 2
    while k >= doc[i].sent.start and doc[k].pos_ == "PROPN" and len(owner) < 5:
        owner.insert(0, doc[k])
        k -= 1
    return owner


def _facts_from_phrase(
    person_id: str, tokens: list[Token], doc: Doc, next_i: int, span_start: int, span_end: int
) -> Iterator[RawFact]:
    nationals, rest = _split_nationality(tokens)
    for value, start, end in nationals:
        yield RawFact(person_id, "nationality", value, start, end)
    if not rest:
        return
    complement = _complement(doc, next_i) if _is_office(rest[-1]) else []
    # "Fellside District Council's leader, Cllr Bernard Oates": a named owner qualifies an office
    owner = _owner_before(doc, rest[0].i) if _is_office(rest[-1]) and not complement else []
    if owner and not is_occupation(rest) and not _qualified_office(rest, complement):
        end = rest[-1].idx + len(rest[-1].text)
        value = f"{_value(owner)} {_value(rest)}"
        yield RawFact(person_id, "occupation", value, min(span_start, owner[0].idx), max(span_end, end))
        return
    if is_occupation(rest) or _qualified_office(rest, complement):
        phrase = rest + complement
        end = phrase[-1].idx + len(phrase[-1].text)
        yield RawFact(person_id, "occupation", _value(phrase), min(span_start, phrase[0].idx), max(span_end, end))


def _after_name(doc: Doc, offsets: list[int], person_id: str, mention: NameMention) -> list[RawFact]:
    i = bisect.bisect_left(offsets, mention.end)  # the first token starting at or after the name's end
    if i >= len(doc) or doc[i].text != ",":
        return []
    i += 1
    # an age between commas: "Daniel Okafor, 27, a delivery driver"; "Ana Duarte, now 26 and a
    # graduate student"
    if i + 1 < len(doc) and doc[i].lower_ == "now" and doc[i + 1].like_num:
        i += 1
    comma_age = i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ","
    and_age = i + 2 < len(doc) and doc[i].like_num and doc[i + 1].lower_ == "and" and doc[i + 2].lower_ in {"a", "an"}
    if comma_age or and_age:
        i += 2
    if i >= len(doc):
        return []
    one_of = _one_of(doc, i)
    if one_of is not None:
        # "Priya Raman, one of the two obstetricians,": what each of them is
        kinds = [t.lower_ for t in doc[i : one_of.i] if t.pos_ == "ADJ" and not t.like_num]
        value = " ".join([*kinds, one_of.lemma_.lower()])
        return [RawFact(person_id, "occupation", value, mention.start, one_of.idx + len(one_of.text))]
    if doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    # an owner: "the trust's director of operations"
    for k in range(i, min(i + 5, len(doc))):
        if doc[k].tag_ == "POS" or doc[k].lower_ in {"its", "his", "her", "their"}:
            i = k + 1
            break
        if doc[k].is_punct:
            break
    if i >= len(doc):
        return []
    tokens, next_i = _phrase_forward(doc, i)
    if not tokens:
        return []
    return list(_facts_from_phrase(person_id, tokens, doc, next_i, mention.start, mention.end))


def _one_of(doc: Doc, i: int) -> Token | None:
    """The plural occupation of ``one of the (two) obstetricians`` starting at token ``i``."""
    if i + 3 >= len(doc) or doc[i].lower_ != "one" or doc[i + 1].lower_ != "of":
        return None
    k = i + 2
    if doc[k].lower_ in {"the", "its", "their", "his", "her"}:
        k += 1
    if k + 1 < len(doc) and doc[k + 1].tag_ == "POS":
        k += 2  # "one of the hospital's senior nurses"
    while k < len(doc) and k < i + 6 and (doc[k].like_num or doc[k].pos_ == "ADJ"):
        k += 1
    if k >= len(doc) or doc[k].tag_ != "NNS" or doc[k].lemma_.lower() not in conventions.occupations().nouns:
        return None
    follows = doc[k + 1] if k + 1 < len(doc) else None
    return doc[k] if follows is None or follows.is_punct or follows.lower_ in {"at", "in", "on", "for", "who"} else None


def _before_name(doc: Doc, starts: dict[int, int], person_id: str, mention: NameMention) -> list[RawFact]:
    first = starts.get(mention.start)
    if first is None or first == 0:
        return []
    after = next((doc[j] for j in range(first, len(doc)) if doc[j].idx >= mention.end), None)
    if after is not None and after.tag_ == "POS":
        return []  # "a police officer, Mr Kilbride's mother": the phrase is the mother's, not his
    k = first - 1
    comma = doc[k].text == ","
    if comma:
        k -= 1
    sent_start = doc[first].sent.start
    tokens, k = _phrase_backward(doc, k, sent_start)
    head_end = first
    if tokens and comma and k > sent_start and doc[k].pos_ == "DET" and doc[k - 1].lower_ in {"of", "for"}:
        k -= 1  # "of the Drovers Arms"; not "a second deputy at the scene"
    # "Saints' director of rugby, Mike Pardew", "The landlord of the Drovers Arms, Gary Whitlow":
    # an office or occupation with its complement before the name
    if (
        tokens
        and comma
        and k > sent_start
        and doc[k].lower_ in _COMPLEMENT
        and (_is_office(doc[k - 1]) or is_occupation([doc[k - 1]]))
    ):
        head_end = k
        tokens, k = _phrase_backward(doc, k - 1, sent_start)
    if not tokens or tokens[-1].text == "-":
        return []
    phrases = [(tokens, head_end)]
    if comma and k > sent_start and doc[k].lower_ in {"and", "&"}:
        # "VitalPath's co-founder and former chief operating officer, Jenna Albright": both
        earlier, k = _phrase_backward(doc, k - 1, sent_start)
        if earlier:
            phrases.insert(0, (earlier, earlier[-1].i + 1))
    if comma:
        # an apposition before the name needs its own determiner or owner: "Its chairman, X"
        before = doc[k] if k >= sent_start else None
        if before is not None and not (before.pos_ in {"DET", "PRON"} or before.tag_ in {"POS", "PRP$"}):
            return []
        if before is not None and k - 1 >= sent_start and doc[k - 1].lower_ in {"to", "of", "and", "or"}:
            return []  # "Born ... to a farmer and a petty trader, Nwafor won": the trade is another's
    return [
        fact
        for phrase, end in phrases
        for fact in _facts_from_phrase(person_id, phrase, doc, end, phrase[0].idx, mention.end)
    ]


def _phrase_backward(doc: Doc, k: int, sent_start: int) -> tuple[list[Token], int]:
    """Modifier and head tokens ending at ``k``, read backwards; and where the reading stopped.
    An occupation noun right before the name counts whatever its tag (``Saints prop Tevita
    Fonua``, where ``prop`` is parsed as a verb)."""
    nouns = conventions.occupations().nouns
    tokens: list[Token] = []
    while k >= sent_start and len(tokens) < _MAX_PHRASE:
        token = doc[k]
        listed_head = not tokens and token.lower_ in nouns
        if token.is_punct and token.text != "-":
            break
        if token.pos_ not in _PHRASE_POS and token.text != "-" and not listed_head:
            break
        if token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"} and not listed_head:
            break
        if token.tag_ == "POS" or (token.ent_type_ == "PERSON" and token.lower_ not in nouns):
            break
        if token.pos_ == "PROPN" and token.text[:1].islower() and k > 0 and doc[k - 1].lower_ == "to":
            break  # "voted to impeach county Health executive Dr Mary Kamau": a verb mis-tagged
        if token.lower_ == "old" and k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ in {"year", "years"}:
            break  # "19-year-old corner-forward Darragh Fahy": the age is no part of the job
        tokens.insert(0, token)
        k -= 1
    return tokens, k


def _from_title(doc: Doc, starts: dict[int, int], person_id: str, mention: NameMention) -> list[RawFact]:
    """``Mayor Linda Carver``: an office title is also the person's occupation."""
    if not mention.title or not (mention.title_kind in _OFFICE_TITLE_KINDS or mention.title in _OFFICE_TITLES):
        return []
    first = starts.get(mention.start)
    qualifiers: list[Token] = []
    if first is not None:
        k = first - 1
        sent_start = doc[first].sent.start
        while k >= sent_start and len(qualifiers) < 3 and doc[k].text[:1].isupper() and doc[k].pos_ in {"PROPN", "ADJ"}:
            qualifiers.insert(0, doc[k])
            k -= 1
    value = _JUDGE_TITLES.get(mention.title, mention.title.lower())
    start = mention.start
    if qualifiers:
        value = f"{_value(qualifiers)} {value}"
        start = qualifiers[0].idx
    return [RawFact(person_id, "occupation", value, start, mention.end)]


def _counsel(person_id: str, names: list[NameMention]) -> list[RawFact]:
    """``Sarah Quinn KC``: a barrister, unless a judicial title says the person sits as a judge."""
    if any(m.title_kind == "judicial" for m in names):
        return []
    for mention in names:
        if _COUNSEL_POST_NOMINALS & {p.replace(".", "") for p in mention.post_nominals}:
            return [RawFact(person_id, "occupation", "barrister", mention.start, mention.end)]
    return []


# "Sophie Aldridge, prosecuting, told the court", "Prosecuting, Sarah Idowu said": the
# prosecutor (who defends is read as a lawyer of the defendant, in ``counsel``)
_PROSECUTING_AFTER = re.compile(r"(?:,?\s*(?:K\.?C|Q\.?C|S\.?C)\b)?\s*,\s*prosecuting\b")
_PROSECUTING_BEFORE = re.compile(r"\bProsecuting,\s*$")


def _prosecuting(text: str, person_id: str, names: list[NameMention]) -> list[RawFact]:
    for mention in names:
        after = _PROSECUTING_AFTER.match(text, mention.end)
        if after is not None:
            return [RawFact(person_id, "occupation", "prosecutor", mention.start, after.end())]
        before = _PROSECUTING_BEFORE.search(text, max(0, mention.start - 14), mention.start)
        if before is not None:
            return [RawFact(person_id, "occupation", "prosecutor", before.start(), mention.end)]
    return []


def _works_as(doc: Doc, cast: Cast) -> list[RawFact]:
    """``who worked as a forklift operator`` / ``Mercer served as a deputy`` / ``Tate will step
    down as managing director``."""
    facts: list[RawFact] = []
    for verb in doc:
        if verb.lemma_ not in _WORK_VERBS and verb.lemma_.lower() not in _POST_VERBS:
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        phrase = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in {"det", "poss"} and t.i > prep.i]
        if not phrase:
            continue
        if verb.lemma_ not in _WORK_VERBS:
            phrase = _stated_post(doc, phrase)
            if not phrase:
                continue
        person = _clause_subject(verb, cast)
        if person is None:
            continue
        end = phrase[-1].idx + len(phrase[-1].text)
        facts.append(RawFact(person, "occupation", _value(phrase), min(verb.idx, phrase[0].idx), end))
    return facts + _held_as(doc, cast)


# Nouns of holding a post (``his position as managing director``, ``her time as mayor``)
_POST_NOUNS = {"position", "role", "post", "job", "time", "tenure", "stint", "term", "years", "capacity"}


def _held_as(doc: Doc, cast: Cast) -> list[RawFact]:
    """``Lindiwe Mahlangu, who as municipal manager signed off on the payment``, ``will
    relinquish his position as managing director``: an ``as`` before the verb it qualifies,
    or after a noun of holding a post, names a post of the verb's subject (or of the noun's
    his/her)."""
    facts: list[RawFact] = []
    for prep in doc:
        if prep.lower_ != "as" or prep.dep_ not in {"prep", "mark"}:
            continue
        head = prep.head
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ != "NOUN":
            continue
        person: str | None = None
        if head.pos_ == "NOUN" and head.lemma_.lower() in _POST_NOUNS:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            found = cast.person_at(owner.idx, owner.idx + len(owner.text)) if owner is not None else None
            person = found.id if found is not None else None
        elif head.pos_ == "VERB" and prep.i < head.i and head.lemma_ not in _WORK_VERBS:
            person = _clause_subject(head, cast)
        if person is None:
            continue
        phrase = _stated_post(doc, [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in {"det", "poss"}])
        if not phrase:
            continue
        end = phrase[-1].idx + len(phrase[-1].text)
        facts.append(RawFact(person, "occupation", _value(phrase), prep.idx, end))
    return facts


# Verbs that put someone in a post named right after them, with no ``as`` (``was elected
# Mayor of Calderbrook``, ``was appointed chief constable``, ``was named chief executive``).
_MADE_VERBS = {"elect", "re-elect", "reelect", "appoint", "reappoint", "name", "make", "install", "vote", "confirm"}
# ``named player of the match``: an award, not a post
_AWARD = re.compile(r"\bof the (?:match|day|year|season|month|tournament|series|game|race)\b", re.I)


def _made_to(doc: Doc, cast: Cast) -> list[RawFact]:
    """``Bernadette Quayle has been elected Mayor of Calderbrook and Ayre``, ``Ann Bell, who
    was named chief executive in May``: the post the verb puts its subject in (the parser's
    object predicate), when it names an occupation or a qualified office."""
    facts: list[RawFact] = []
    for verb in doc:
        if verb.lemma_.lower() not in _MADE_VERBS:
            continue
        if not any(c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lower_ in {"who", "that"}) for c in verb.children):
            continue  # "The board appointed Ann Bell chief executive": whose post is not the subject's
        noun = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN"}), None)
        if noun is None:
            continue
        phrase = [t for t in noun.subtree if verb.i < t.i <= noun.i and t.dep_ not in {"det", "poss"}]
        while phrase[:-1] and phrase[0].lower_ in {"new", "next"}:
            phrase = phrase[1:]  # "was named the new manager of Ashby Rovers"
        phrase = _stated_post(doc, phrase) if phrase else []
        if not phrase or _AWARD.search(doc[phrase[0].i : phrase[-1].i + 4].text):
            continue
        person = _clause_subject(verb, cast)
        if person is None:
            continue
        end = phrase[-1].idx + len(phrase[-1].text)
        facts.append(RawFact(person, "occupation", _value(phrase), verb.idx, end))
    return facts


def _copula(doc: Doc, cast: Cast) -> list[RawFact]:
    """``Hale is a roofer``, ``Ms Quayle, who was head of St Aidan's Primary School``, ``whose
    father Luc was a professional rider``, ``will become chief executive on 1 June``: an
    occupation said of a named person by ``be`` or ``become``."""
    facts: list[RawFact] = []
    text = doc_text(doc)
    for noun in doc:
        # "was a retired coal miner and a deacon at ...": each of coordinated complements
        attr = noun
        while attr.dep_ == "conj" and attr.head.i != attr.i:
            attr = attr.head
        if attr.dep_ != "attr" or noun.pos_ not in {"NOUN", "PROPN"} or attr.head.lemma_ not in {"be", "become"}:
            continue
        verb = attr.head
        phrase = [t for t in doc[noun.left_edge.i : noun.i + 1] if t.dep_ not in {"det", "poss"} and not t.is_punct]
        if not phrase or any(t.i < verb.i for t in phrase) or phrase[0].tag_ == "POS":
            continue
        judged = [
            t
            for t in phrase[:-1]
            if t.pos_ in {"ADJ", "ADV", "CCONJ"}
            and t.lower_ not in _POST_ADJECTIVES
            and demonym(t.text) is None
            and not (t.pos_ == "ADJ" and t.text[:1].isupper() and not t.is_sent_start)  # "a Conservative councillor"
        ]
        if judged or open_quotation(text, verb.idx) is not None:
            continue  # an opinion, or a speaker's own words
        phrase = _stated_post(doc, phrase)
        person = _clause_subject(verb, cast) if phrase else None
        if person is None:
            continue
        end = phrase[-1].idx + len(phrase[-1].text)
        facts.append(RawFact(person, "occupation", _value(phrase), min(verb.idx, phrase[0].idx), end))
    return facts


def _stated_post(doc: Doc, phrase: list[Token]) -> list[Token]:
    """The phrase (with an office's ``of`` complement) when it names an occupation, else
    nothing: not ``a 16-year-old apprentice`` (what someone was then), not ``a hero``."""
    complement = _complement(doc, phrase[-1].i + 1) if _is_office(phrase[-1]) else []
    if not (is_occupation(phrase) or _qualified_office(phrase, complement)):
        return []
    if re.search(r"\byears?-old\b", doc[phrase[0].i : phrase[-1].i + 1].text.lower()):
        return []
    return phrase + complement


def _clause_subject(verb: Token, cast: Cast) -> str | None:
    """The named person who is the subject of ``verb``; a ``who`` clause's is the person the
    clause describes."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        # "Margaret Harlow has run the company and will stay on as chair": the first verb's
        return _clause_subject(verb.head, cast)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if subject is None and infinitive and verb.dep_ in {"xcomp", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        # "she will resign next month to become president of Calloway Community College"
        return _clause_subject(verb.head, cast)
    if subject is None:
        return None
    person = None
    if subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        # "Nowak, 36, a Polish national who worked as...": the clause hangs on the
        # apposition; climb to the name it describes.
        node = verb.head
        for _ in range(3):
            person = cast.person_at(node.idx, node.idx + len(node.text))
            # "Mr Whitby's wife, Pauline, who chairs the trust": the name beside the noun
            for name in (c for c in node.children if c.dep_ == "appos") if person is None else ():
                person = cast.person_at(name.idx, name.idx + len(name.text))
            if person is not None or node.dep_ not in {"appos", "npadvmod", "attr"} or node.head is node:
                break
            node = node.head
    else:
        person = cast.person_at(subject.idx, subject.idx + len(subject.text))
        # "Her father Luc was a professional rider": the name in apposition to the subject
        named = (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN")
        for name in named if person is None else ():
            person = cast.person_at(name.idx, name.idx + len(name.text))
    if person is None or not cast.draft_of(person.id).named:
        return None
    return person.id


# What someone leads as its leader (not an inquiry, a search or a team of rescuers)
_LED_BODIES = {
    "council",
    "authority",
    "party",
    "group",
    "union",
    "government",
    "administration",
    "opposition",
    "club",
    "board",
    "company",
    "firm",
    "organisation",
    "organization",
    "association",
    "coalition",
}


def _office_verbs(doc: Doc, cast: Cast) -> list[RawFact]:
    """``who chairs the Senate Finance Committee`` -> ``chair of the Senate Finance Committee``;
    ``Dan Webb, who founded Quillstone in 2014`` -> ``founder of Quillstone``."""
    facts: list[RawFact] = []
    for verb in doc:
        office = _OFFICE_VERBS.get(verb.lemma_.lower())
        if office is None or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        body = obj.lemma_.capitalize() in conventions.org_words().org_heads and office in {"chair", "head"}
        if office == "leader":
            # "who has led the authority since 2018", "who leads the Green Party group"; not "led
            # police to the body" or "led the inquiry"
            guided = any(
                c.dep_ == "prep" and c.lower_ in {"to", "into", "through", "towards", "onto", "out"}
                for c in verb.children
            )
            if obj.lemma_.lower() not in _LED_BODIES or guided:
                continue
        elif obj.lemma_.lower() in _BUSINESSES and office in _BUSINESS_POSTS:
            if verb.lemma_.lower() == "run" and obj.lemma_.lower() not in _SMALL_BUSINESSES:
                continue  # who runs a company or a practice need not own it
            pass  # "who manages the grocery store"
        elif verb.lemma_.lower() == "run":
            continue  # "runs the council", "runs the company", "ran a marathon": no owner
        elif obj.pos_ != "PROPN" and obj.ent_type_ not in _ENTITY_KEEP_CASE and not body:
            continue  # "who owns a dog"; but "who chairs the local medical committee" is an office
        elif office == "founder" and verb.lemma_.lower() == "start":
            continue  # "started Quillstone" may be a day's work; "started the business" is founding
        person = _clause_subject(verb, cast)
        if person is None:
            continue
        phrase = [t for t in obj.subtree if not t.is_punct]
        value = f"{office} of {doc[phrase[0].i : phrase[-1].i + 1].text}"
        if obj.pos_ != "PROPN" and obj.lemma_.lower() in _BUSINESSES and office in _BUSINESS_POSTS:
            # "the family's second showroom in Varunagar": the kind of business, then the post
            kind = [*_compound_before(obj), obj]
            value = f"{' '.join(t.lower_ for t in kind)} {office}"
        if verb.tag_ == "VBD" and any(c.lower_ in {"until", "till"} for c in verb.children):
            value = f"former {value}"  # "who chaired the company until 2015"
        facts.append(RawFact(person, "occupation", value, verb.idx, phrase[-1].idx + len(phrase[-1].text)))
    return facts


def _compound_before(noun: Token) -> list[Token]:
    """``bicycle repair`` of ``a bicycle repair business``: the nouns compounded before it."""
    found: list[Token] = []
    for child in noun.lefts:
        # (not "12-stool" of "a 12-stool diner")
        if child.dep_ == "compound" and child.is_alpha and not (child.i > 0 and child.doc[child.i - 1].text == "-"):
            found += [*_compound_before(child), child]
    return found


# "who sits on the board", "has sat on the planning committee since 2019": a member of it
_SAT_ON = {"board": "board member", "council": "council member", "committee": "committee member"}


def _sits_on(doc: Doc, cast: Cast) -> list[RawFact]:
    facts: list[RawFact] = []
    for verb in doc:
        if verb.lemma_.lower() != "sit" or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        body = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if body is None or body.lemma_.lower() not in _SAT_ON:
            continue
        person = _clause_subject(verb, cast)
        if person is not None:
            facts.append(
                RawFact(person, "occupation", _SAT_ON[body.lemma_.lower()], verb.idx, body.idx + len(body.text))
            )
    return facts


def _from_description(doc: Doc, person_id: str, description: Description) -> list[RawFact]:
    """``A roofing contractor ... was sentenced`` (or ``The deputy leader of ... has resigned``)
    linked to the person the next paragraph names (``people._occupation_subject``), or ``A
    41-year-old counter assistant`` who is never named: the occupation it is headed by, without
    its article and age. Only such descriptions: the others carry a person noun the attributes
    read (``the nurse``)."""
    if description.noun is not None:
        return []
    span = doc.char_span(description.start, description.end, alignment_mode="contract")
    # ("The deputy leader of Ashcombe Borough Council has resigned": a lede by office)
    if span is None or span[0].lower_ not in ({"the"} if description.definite else {"a", "an"}):
        return []
    words = list(span[1:])
    # "A 41-year-old counter assistant": what follows the age
    aged = next(
        (i for i, t in enumerate(words) if t.lower_ == "old" and i >= 2 and words[i - 2].lower_ == "year"), None
    )
    if description.age is not None:
        if aged is None:
            return []
        words = words[aged + 1 :]
    following = span.end
    of = next((t for t in words if t.lower_ == "of"), None)
    if of is not None:
        # "The deputy leader of Ashcombe Borough Council": the office, then its body
        words, following = [t for t in words if t.i < of.i], of.i
    if not words:
        return []
    return list(_facts_from_phrase(person_id, words, doc, following, description.start, description.end))
