"""Arguments of a trigger from the dependency parse, linked to the items mentioned there.

Verbs: the active subject fills the type's ``subject`` role (``police arrested him``: agent;
``she died``: patient) and the object the patient; a passive subject is the patient and the
``by`` phrase the agent; a reduced relative (``the man arrested on Monday``) makes its noun the
patient. A verb without a subject borrows the subject of the verb it hangs from
(``was arrested and charged``, ``failed to appear``, ``is due to appear``). Relative pronouns
stand for their noun. Nouns: the possessor (``his arrest``) fills the ``possessor`` role,
``of``/``by``/``on`` phrases their catalogue roles, and the subject of the verb that takes the
noun fills the ``subject`` role (``suffered injuries``, ``launched an investigation``,
``said in a statement``). Prepositional phrases fill the roles the catalogue gives them,
including multi-word ones (``on suspicion of``, ``in connection with``). A ``place`` must be a
known place, a thing in a place slot (``in a Renault Clio``) is an instrument, and a known place
in an instrument slot (``into him in Maida Vale``) is the place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storydesk.extract.events.catalogue import EventType
from storydesk.extract.events.entities_index import EntityIndex, Mentioned
from storydesk.extract.events.triggers import Hit
from storydesk.extract.spans import doc_text

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_HYPHENS = {"-", "–"}
_HARM_PREPS = {"after", "in", "during", "following", "from"}
_HARM_VERBS = {
    "die", "injure", "hurt", "wound", "suffer", "sustain", "kill", "hospitalise", "hospitalize", "need", "treat",
    "recover", "take",
}  # fmt: skip
_RELATIVE = {"who", "whom", "that", "which"}
_CLIMB = {"xcomp", "conj", "acomp", "advcl"}
_LIGHT_NOUN_DEPS = {"dobj", "attr", "pobj", "nsubjpass", "oprd"}
# Verbs whose subject takes part in the event their object noun names ("suffered injuries",
# "launched an investigation", "said in a statement"); "investigating the death" is not one.
_LIGHT_VERBS = {
    "suffer", "sustain", "receive", "have", "face", "make", "issue", "release", "launch", "open", "begin",
    "announce", "carry", "conduct", "lead", "say", "tell", "post", "give", "deliver", "read", "file",
    "submit", "sign", "start", "take", "win", "record", "lose", "attend", "complete", "hand", "tweet",
    "publish", "put", "write", "be", "get", "avoid", "escape", "serve", "order", "agree", "seal", "treat", "need",
    "require",
}  # fmt: skip


@dataclass(frozen=True)
class Arg:
    role: str
    start: int
    end: int
    text: str
    entity_id: str | None
    name: str


def _hyphen_split(token: Token) -> bool:
    """``ex`` or ``-`` of ``ex-partner`` that the parser split into siblings with one role."""
    doc = token.doc
    if token.text in _HYPHENS:
        before = doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.head.i == token.head.i and before.dep_ == token.dep_
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        after is not None
        and after.text in _HYPHENS
        and after.head.i == token.head.i
        and after.dep_ == token.dep_
        and token.head.i != token.i
    )


def _dehyphen(tokens: list[Token]) -> list[Token]:
    """Siblings of one role, without the ``ex`` and ``-`` of a split ``ex-husband``."""
    return [t for t in tokens if not _hyphen_split(t)]


def _np(token: Token) -> tuple[int, int]:
    """Characters of the noun phrase headed by ``token``, without clauses after it; a
    hyphenated head split by the parser (``Her ex - partner``) is taken whole."""
    left = token.left_edge
    doc = token.doc
    while left.i >= 2 and _hyphen_split(doc[left.i - 1]) and doc[left.i - 1].head.i == token.head.i:
        left = doc[left.i - 2].left_edge
    end_token = token
    for child in token.rights:
        if child.dep_ in {"compound", "flat", "nummod"} or (child.dep_ == "appos" and child.pos_ == "PROPN"):
            end_token = max(end_token, child.right_edge, key=lambda t: t.i)
    return left.idx, end_token.idx + len(end_token.text)


# Words that open what happened around a charge, not the charge: "causing death by dangerous
# driving after a crash on the A614 that killed ...", "murder following a fight"
_CHARGE_ENDS = {"after", "following", "when", "while", "because", "before", "since", "which", "that", "who"}


def _until_date(token: Token) -> tuple[int, int]:
    """Characters of ``token``'s whole phrase, stopping before a date or time in it
    (``suspicion of arson on Thursday`` -> ``suspicion of arson``) or a clause about the
    circumstances (``... after a crash on the A614``)."""
    tokens = list(token.subtree)
    end = tokens[-1]
    for t in tokens:
        if t.i > token.i and (t.ent_type_ in {"DATE", "TIME"} or t.lower_ in _CHARGE_ENDS):
            before = [x for x in tokens if x.i < t.i and x.i >= token.i]
            while len(before) > 1 and before[-1].pos_ in {"ADP", "DET", "PUNCT", "CCONJ"}:
                before.pop()
            end = before[-1]
            break
    return tokens[0].idx, end.idx + len(end.text)


def _referent(token: Token) -> Token:
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _make(doc: Doc, index: EntityIndex, role: str, token: Token, full: bool = False) -> list[Arg]:
    """One argument per conjunct (``Smith and Jones were arrested``)."""
    token = _referent(token)
    args: list[Arg] = []
    for part in [token, *[c for c in token.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON"}]]:
        if full:
            start, end = _until_date(part)
        else:
            start, end = _np(part)
        head = (part.idx, part.idx + len(part.text))
        linked = index.at(head[0], head[1], head)
        if linked is None or not linked.entity_id.startswith("p"):
            linked = _through_apposition(index, part) or linked or index.at(start, end, head)
        text = doc_text(doc)[start:end]
        if linked is None and role == "agent":
            linked = index.police(text)
        args.append(Arg(role, start, end, text, linked.entity_id if linked else None, linked.name if linked else text))
    return args


def _through_apposition(index: EntityIndex, token: Token) -> Mentioned | None:
    """A person named beside a description: ``Her ex-partner, Gareth Lyle, 47`` or
    ``company spokesman Gary Lutz`` (the description's appositive or name compound)."""
    for child in token.children:
        if child.dep_ in {"appos", "compound"} and child.pos_ == "PROPN":
            found = index.at(child.idx, child.idx + len(child.text), (child.idx, child.idx + len(child.text)))
            if found is not None and found.entity_id.startswith("p"):
                return found
    return None


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` or of the verb it hangs from, and whether that clause is passive."""
    current = verb
    passive = _is_passive(verb)
    for _ in range(4):
        subjects = _dehyphen([c for c in current.children if c.dep_ in _SUBJECTS])
        if subjects:
            subject = subjects[0]
            return subject, passive or subject.dep_ == "nsubjpass"
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head, current.tag_ == "VBN"
        if current.dep_ == "relcl":
            return current.head, passive
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            return None, passive
        if current.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in current.children):
            passive = passive or _is_passive(current.head)
        current = current.head
    return None, passive


def _prep_key(prep: Token) -> tuple[str, Token] | None:
    """(``on suspicion of``, the object) or (``with``, the object)."""
    objects = _dehyphen([c for c in prep.children if c.dep_ in {"pobj", "pcomp"}])
    if not objects:
        return None
    obj = objects[0]
    inner = [c for c in obj.children if c.dep_ == "prep"]
    if inner:
        deeper = [c for c in inner[0].children if c.dep_ in {"pobj", "pcomp"}]
        if deeper:
            return f"{prep.lower_} {obj.lemma_.lower()} {inner[0].lower_}", obj
    return prep.lower_, obj


def _harmed_by(doc: Doc, index: EntityIndex, et: EventType, token: Token) -> list[Arg]:
    """``X died after the attack``, ``X suffered a broken jaw in the assault``, ``X died after
    being stabbed``: the one harmed in the governing clause is the attack's patient."""
    if et.family != "attack" or token.dep_ not in {"pobj", "pcomp"}:
        return []
    prep = token.head
    if prep.dep_ != "prep" or prep.lower_ not in _HARM_PREPS:
        return []
    governor = prep.head
    if governor.pos_ not in {"VERB", "AUX"} or governor.lemma_.lower() not in _HARM_VERBS:
        return []
    subject, passive = _subject(governor)
    if subject is None or subject.pos_ in {"VERB", "AUX"}:
        return []
    if not passive and governor.lemma_.lower() in {"kill", "injure", "wound", "hurt"}:
        return []
    return _make(doc, index, "patient", subject)


def _possessed_event(index: EntityIndex, obj: Token) -> bool:
    """``his arrest``, ``Banks' release``: an unlinked noun with a possessor stands for the possessor."""
    return (
        obj.pos_ == "NOUN"
        and any(c.dep_ == "poss" for c in obj.children)
        and index.at(obj.idx, obj.idx + len(obj.text), (obj.idx, obj.idx + len(obj.text))) is None
    )


def _prep_args(doc: Doc, index: EntityIndex, et: EventType, heads: list[Token]) -> list[Arg]:
    args: list[Arg] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "agent":  # the passive "by"
                objs = _dehyphen([c for c in child.children if c.dep_ == "pobj"])
                for obj in objs:
                    args += _make(doc, index, "agent", obj)
                continue
            if child.dep_ != "prep":
                continue
            found = _prep_key(child)
            if found is None:
                continue
            key, obj = found
            role = et.preps.get(key)
            if role is None and " " in key:
                role = et.preps.get(key.split()[0])
                if role == "charge" or role is None:
                    role = et.preps.get(key.split()[0]) if role is None else role
            if role is None:
                continue
            if obj.ent_type_ in {"DATE", "TIME"}:
                continue
            if key.startswith("on suspicion"):
                start, end = _until_date(obj)
                text = doc_text(doc)[start:end]
                args.append(Arg("charge", start, end, text, None, text))
                continue
            if role in {"charge", "theme"}:
                if " " in key and key in et.preps:  # "in connection with the fraud": the inner object
                    inner = next(c for c in obj.children if c.dep_ == "prep")
                    obj = next(c for c in inner.children if c.dep_ in {"pobj", "pcomp"})
                args += _make(doc, index, role, obj, full=True)
                continue
            if role == "patient" and _possessed_event(index, obj):  # "a warrant for his arrest": him
                obj = next(c for c in obj.children if c.dep_ == "poss")
            made = _make(doc, index, role, obj)
            for arg in made:
                if role == "place":
                    if arg.entity_id and arg.entity_id.startswith("l"):
                        args.append(arg)
                    elif arg.entity_id and arg.entity_id.startswith("x"):
                        args.append(Arg("instrument", arg.start, arg.end, arg.text, arg.entity_id, arg.name))
                    continue
                if role == "instrument" and arg.entity_id and arg.entity_id.startswith("l"):
                    # "ploughing into him in Maida Vale": a known place in an instrument slot is the place
                    args.append(Arg("place", arg.start, arg.end, arg.text, arg.entity_id, arg.name))
                    continue
                if role in {"agent", "patient"} and arg.entity_id and arg.entity_id[0] in {"l", "x"}:
                    continue
                args.append(arg)
    return args


def _verb_args(doc: Doc, index: EntityIndex, et: EventType, verb: Token, inside: range) -> list[Arg]:
    """Subject and object. A type whose subject is its patient (``X died``) used with an
    object (``the lorry killed a cyclist``, ``the blast injured four people``) is transitive
    there: the subject is the agent and the object the patient."""
    args: list[Arg] = []
    subject, passive = _subject(verb)
    objects = _dehyphen([c for c in verb.children if c.dep_ in {"dobj"}])
    objects = [o for o in objects if o.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and o.i not in inside]
    if subject is not None and subject.pos_ not in {"VERB", "AUX"}:
        if passive:
            args += _make(doc, index, "patient", subject)
        elif et.subject == "patient" and objects:
            args += _make(doc, index, "agent", subject)
        else:
            args += _make(doc, index, et.subject, subject)
    if objects and (et.subject == "agent" or not passive):
        args += _make(doc, index, "patient", objects[0])
    if subject is None and not objects:
        args += _harmed_by(doc, index, et, verb)
    return args


def _noun_args(doc: Doc, index: EntityIndex, et: EventType, noun: Token) -> list[Arg]:
    args: list[Arg] = []
    if noun.lemma_.lower() in et.agent_nouns or noun.lower_ in et.agent_nouns:
        itself = [a for a in _make(doc, index, "agent", noun) if a.entity_id is not None]
        args += itself
    for child in noun.children:
        if child.dep_ == "poss":
            args += _make(doc, index, et.possessor, child)
        elif child.dep_ == "compound":
            linked = index.at(child.idx, child.idx + len(child.text))
            if linked and linked.entity_id.startswith("l"):
                args.append(Arg("place", linked.start, linked.end, linked.name, linked.entity_id, linked.name))
    if not any(a.role == "patient" for a in args):
        args += _harmed_by(doc, index, et, noun)
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    if (
        noun.dep_ in _LIGHT_NOUN_DEPS
        and governor.pos_ in {"VERB", "AUX"}
        and governor.i != noun.i
        and governor.lemma_.lower() in _LIGHT_VERBS
    ):
        subject, passive = _subject(governor)
        if subject is not None and subject.i != noun.i and subject.pos_ not in {"VERB", "AUX"}:
            role = et.subject
            if passive and noun.dep_ != "pobj":
                role = "patient" if et.subject == "agent" else et.subject
            args += _make(doc, index, role, subject)
    return args


def find_arguments(doc: Doc, index: EntityIndex, hit: Hit) -> list[Arg]:
    """Arguments of one trigger, deduplicated; unlinked pronouns are dropped."""
    et = hit.etype
    head = doc[hit.head]
    if head.pos_ in {"NOUN", "PROPN"}:
        args = _noun_args(doc, index, et, head)
        preps = _prep_args(doc, index, et, [head])
    else:
        args = _verb_args(doc, index, et, head, range(hit.start, hit.end))
        preps = _prep_args(doc, index, et, list(doc[hit.start : hit.end]))
    seen: set[tuple[str, str]] = set()
    result: list[Arg] = []
    for arg in [*args, *preps]:
        if arg.role in {"agent", "patient"} and (arg.entity_id or "")[:1] in {"l", "x"}:
            continue  # a place or a thing is never an agent or patient (a dateline: "DETROIT")
        if arg.entity_id is None and doc.char_span(arg.start, arg.end, alignment_mode="expand") is not None:
            span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is not None and len(span) == 1 and span[0].pos_ == "PRON":
                continue
        key = (arg.role, arg.entity_id or arg.text.casefold())
        if key in seen:
            continue
        seen.add(key)
        result.append(arg)
    return result


def passive_pronoun_subject(doc: Doc, hit: Hit) -> str | None:
    """``he`` or ``she`` when it is the passive subject of the trigger verb (``He was remanded``)."""
    head = doc[hit.head]
    if head.pos_ not in {"VERB", "AUX"} and head.tag_ != "VBN":
        return None
    subject, passive = _subject(head)
    if subject is None or not passive or subject.lower_ not in {"he", "she"}:
        return None
    return subject.lower_
