"""What a number counts, read from the parse and said in the text's own words.

``more than 75,000 people signed a petition`` -> ``people who signed a petition``;
``stabbed ten times`` -> ``times stabbed``; ``officers made 14 arrests for knife offences``
-> ``arrests for knife offences made``; ``a fine of £5,000`` -> ``fine``; ``which had raised
more than £8,000`` -> ``raised by an online fundraiser`` (a relative pronoun stands for its
antecedent). The words are the report's (as written, in their order inside each phrase);
only ``who``/``that`` and ``by`` are added to join them. Nothing is paraphrased.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storydesk import conventions
from storydesk.extract.numbers.values import table

_NOUN_POS = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
_RELATIVE = {"which", "who", "that", "whom"}
_MAX_TOKENS = 7


def counted_noun(root: Token, core: Span) -> Token | None:
    """The noun the number stands before (``75,000 people``), or after ``of`` (``two of the men``)."""
    inside = {t.i for t in core}
    head = root.head
    if root.dep_ in {"nummod", "quantmod", "compound", "nmod", "amod", "det", "predet"} and head.i not in inside:
        if head.pos_ in _NOUN_POS or head.tag_ == "NN":
            return head
        if head.pos_ == "NUM" and head.head.pos_ in _NOUN_POS:
            return head.head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in _NOUN_POS | {"PRON"}:
                return objects[0]
    return None


def _phrase(tokens: list[Token]) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def noun_phrase(noun: Token, skip: set[int]) -> str:
    """The noun with its modifiers and its first prepositional phrase, without the number."""
    tokens = [noun]
    for child in noun.lefts:
        if child.dep_ in _MODIFIER_DEPS and child.i not in skip and child.pos_ not in {"NUM", "SYM"}:
            tokens += [t for t in child.subtree if t.i not in skip]
    for child in noun.rights:
        if child.dep_ == "prep":
            sub = [t for t in child.subtree if t.i not in skip and t.dep_ not in {"relcl", "punct"}]
            if len(sub) <= _MAX_TOKENS and not any(t.dep_ in {"relcl", "acl"} for t in sub):
                tokens += sub
            break
    return _phrase(tokens)


def _is_person(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (
        lemma in conventions.person_nouns()
        or lemma in table()["person_words"]
        or noun.lower_ in table()["person_words"]
    )


def _short_object(verb: Token, exclude: Token) -> list[Token]:
    """The verb's particle and object as a short noun chunk (``signed a petition``)."""
    tokens: list[Token] = []
    for child in verb.rights:
        if child.i == exclude.i:
            continue
        if child.dep_ == "prt":
            tokens.append(child)
        elif child.dep_ in {"dobj", "attr", "acomp", "oprd"}:
            tokens += [t for t in child.subtree if t.i <= child.i or t.dep_ in {"compound"}]
            break
    return tokens


def _subject_text(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "agent"}:
            subject = child
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    return None
                subject = objects[0]
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head
            if subject.pos_ == "PRON":
                return None
            return _phrase([t for t in subject.subtree if t.i <= subject.i and t.dep_ != "punct"])
    return None


def describe(root: Token, core: Span, *, kind: str) -> str | None:
    """What the number at ``core`` (syntactic head ``root``) counts, or None when the parse says nothing."""
    skip = {t.i for t in core} | {t.i for t in root.subtree if t.dep_ in {"quantmod", "advmod"} or t.pos_ == "SYM"}
    noun = counted_noun(root, core)
    anchor = noun if noun is not None else root
    head = anchor.head
    thing = noun_phrase(noun, skip) if noun is not None else ""
    if noun is not None and noun.lower_ in {"times", "time"} and head.pos_ in {"VERB", "AUX"}:
        return f"times {head.text}"
    if noun is not None and noun.pos_ == "PRON":
        return None
    if anchor.dep_ == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        rest = _phrase([head, *_short_object(head, anchor)])
        if not thing:
            return None
        joiner = "who" if noun is not None and _is_person(noun) else "that"
        return f"{thing} {joiner} {rest}"
    if anchor.dep_ in {"nsubjpass", "dobj"} and head.pos_ == "VERB":
        verb = _phrase([head, *[c for c in head.children if c.dep_ == "prt"]])
        subject = _subject_text(head)
        if head.tag_ in {"VBD", "VBN"}:
            by = f" by {subject}" if subject and anchor.dep_ == "dobj" else ""
            return f"{thing} {verb}{by}".strip()
        return f"{thing} {subject} {verb}".strip() if subject else (f"{thing} {verb}".strip())
    if not thing and anchor.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
        owner = head.head
        if owner.pos_ in _NOUN_POS:
            return noun_phrase(owner, skip | {head.i, *(t.i for t in head.subtree)})
    if not thing and kind in {"money", "percent"} and anchor.dep_ == "appos" and head.pos_ in _NOUN_POS:
        return noun_phrase(head, skip | {t.i for t in anchor.subtree})
    if not thing and head.pos_ == "VERB" and anchor.dep_ in {"npadvmod", "pobj", "attr", "advmod"}:
        # "shares fell 6.2%", "sales rose by 4%": what moved, and the verb
        subject = _subject_text(head)
        return f"{subject} {head.text}" if subject else None
    return thing or None
