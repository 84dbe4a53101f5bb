"""The modality of a trigger: asserted, negated, alleged, suspected, denied, reported, planned.

Read from the trigger's own clause and the verbs it hangs from (at most three steps up):
``not``/``never``/``no`` (negated: ``has not been charged``, ``no injuries``), a verb of denial
above it (denied: ``denied assaulting``), ``allegedly``/``alleged``/``accused of`` (alleged),
``suspected``/``believed to`` (suspected), ``reportedly``/``is said to`` (reported), and a
future or schedule (planned: ``will be sentenced``, ``is due to appear``, ``due in court``,
``is expected to``). Words inside the trigger itself do not count (``no further action`` is
not a negation of itself), and a ``decision`` type stays asserted in the future tense
(``will face no further action`` is a decision taken now).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storydesk.extract.events.triggers import Hit
from storydesk.model import Modality

_NEG = {"not", "n't", "never", "no", "nobody", "without"}
_DENY = {"deny", "dispute", "reject"}
_ALLEGE = {"allegedly", "alleged", "allege", "accuse", "claim"}
_SUSPECT = {
    "suspected",
    "believe",
    "suspect",
    "think",
    "probably",
    "likely",
    "possible",
    "possibly",
    "apparent",
    "apparently",
}
_REPORT = {"reportedly", "report", "understand", "say"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_SCHEDULE = {"due", "expect", "schedule", "set", "plan", "intend", "going", "propose", "to"}


def _chain(doc: Doc, hit: Hit) -> list[Token]:
    """The trigger's head, then the words it hangs from up to the clause that states it."""
    token = doc[hit.head]
    chain = [token]
    for _ in range(3):
        if token.head.i == token.i:
            break
        if token.dep_ in {"ROOT", "ccomp", "relcl", "advcl", "parataxis"} and token.pos_ in {"VERB", "AUX"}:
            break
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            break
        token = token.head
        chain.append(token)
    return chain


def modality_of(doc: Doc, hit: Hit) -> Modality:
    inside = set(range(hit.start, hit.end))
    chain = _chain(doc, hit)
    words: list[Token] = []
    for token in chain:
        words.append(token)
        words += [
            c
            for c in token.children
            if c.i not in inside and c.dep_ in {"neg", "aux", "auxpass", "advmod", "amod", "det", "acomp"}
        ]
    above = chain[-1]
    governors: list[Token] = []
    current = above
    for _ in range(2):
        if current.head.i == current.i:
            break
        if current.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep", "acomp"}:
            current = current.head
            governors.append(current)
        else:
            break
    lemmas = {t.lemma_.lower() for t in words if t.i not in inside} | {t.lower_ for t in words if t.i not in inside}
    gov = {t.lemma_.lower() for t in governors}
    head = doc[hit.head]
    if (gov | {t.lemma_.lower() for t in chain[1:]}) & _DENY:
        return "denied"
    negs = [t for t in words if t.i not in inside and (t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no"))]
    if negs:
        return "negated"
    if lemmas & _ALLEGE or gov & {"accuse", "allege"}:
        return "alleged"
    if lemmas & {"suspected"} or gov & {"believe", "suspect", "think"}:
        return "suspected"
    if lemmas & {"reportedly"} or (gov & {"report", "understand"} and head.pos_ != "NOUN"):
        return "reported"
    if hit.etype.decision:
        return "asserted"
    phrase = {t.lower_ for t in doc[hit.start : hit.end]}
    if "due" in phrase or lemmas & _FUTURE_AUX or (lemmas | gov) & (_SCHEDULE - {"to", "set"}):
        return "planned"
    if gov & {"set"} and any(c.lower_ == "to" for c in head.children):
        return "planned"
    return "asserted"


def conditional(doc: Doc, hit: Hit) -> bool:
    """The trigger stands in a clause of condition (``If convicted, he faces 20 years``,
    ``unless he is charged``): what it names has not happened."""
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for t in _chain(doc, hit) for c in t.children)
