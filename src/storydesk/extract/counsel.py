"""Lawyer and client, from the ways court reports say who speaks for whom.

Finds ``lawyer of`` (and ``client of`` on the other person) where the text says it:

- ``Sarah Quinn KC, for Ellison, said`` / ``Ellen Sorensen, representing Mercer,``;
- ``appointed to represent Mercer ..., Ellen Sorensen,``: a sentence that names exactly
  one person besides the one represented;
- ``Jonathan Pask, defending, said`` / ``Defending, Rhiannon Beddoe said`` / ``defence
  attorney Paul Lindqvist``: the client is the report's one defendant, the only person the
  text has plead, admit, deny, be charged, convicted, sentenced, jailed, acquitted or
  remanded. With no such person, or two, no relation is stated.

Not done here: ``Abraham's lawyer Mohammed Akunjee`` (``extract.attributes`` reads relation
nouns); prosecutors (they act for the state, not a person).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storydesk.extract.people import Cast
from storydesk.extract.rawfact import RawFact
from storydesk.extract.spans import doc_text

_FOR_CLIENT = re.compile(
    r"\s*(?:,?\s*(?:K\.?C|Q\.?C|S\.?C)\b)?\s*,\s*(?:for|representing|defending|who\s+represents|on\s+behalf\s+of)\s+"
    r"(?:Mr|Mrs|Ms|Miss|Dr)?\.?\s*"
)
_DEFENDING_AFTER = re.compile(r"\s*(?:,?\s*(?:K\.?C|Q\.?C|S\.?C)\b)?\s*,\s*(?:defending|mitigating)\b")
_DEFENDING_BEFORE = re.compile(
    r"(?:\b[Dd]efending\s*,\s*|\b[Dd]efen[cs]e\s+(?:attorney|lawyer|counsel|barrister|solicitor)\s*,?\s*)$"
)
_REPRESENT = re.compile(r"\brepresent(?:s|ed|ing)?\s+(?:Mr|Mrs|Ms|Miss|Dr)?\.?\s*", re.I)
_DEFENDANT_VERBS = {"plead", "admit", "deny", "charge", "convict", "sentence", "jail", "acquit", "remand", "indict"}


def _defendants(doc: Doc, cast: Cast) -> set[str]:
    """People the text has plead, admit, deny, or be charged, convicted, sentenced..."""
    found: set[str] = set()
    for token in doc:
        if token.lemma_.lower() not in _DEFENDANT_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        active_subject = token.lemma_.lower() in {"plead", "admit", "deny"}
        for child in token.children:
            wanted = (
                child.dep_ == "nsubjpass"
                or (child.dep_ == "nsubj" and active_subject)
                or (child.dep_ == "dobj" and not passive and not active_subject)
            )
            if not wanted:
                continue
            for each in (child, *child.conjuncts):  # "Dean and Pryce admitted": both
                person = cast.person_at(each.idx, each.idx + len(each.text))
                if person is not None and cast.draft_of(person.id).named:
                    found.add(person.id)
    return found


def find_counsel(doc: Doc, cast: Cast) -> list[RawFact]:
    text = doc_text(doc)
    facts: list[RawFact] = []
    defendants: set[str] | None = None

    def add(lawyer: str, client: str, start: int, end: int) -> None:
        if lawyer != client:
            facts.append(RawFact(lawyer, "relation", "lawyer of", start, end, qualifier=client))
            facts.append(RawFact(client, "relation", "client of", start, end, qualifier=lawyer))

    for person, draft in zip(cast.people, cast.drafts, strict=True):
        for mention in draft.names:
            after = _FOR_CLIENT.match(text, mention.end)
            if after is not None:
                client = cast.person_at(after.end(), after.end() + 1)
                if client is not None and cast.draft_of(client.id).named:
                    add(person.id, client.id, mention.start, after.end())
                    continue
            before = _DEFENDING_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            defending = _DEFENDING_AFTER.match(text, mention.end)
            if before is None and defending is None:
                continue
            if defendants is None:
                defendants = _defendants(doc, cast)
            others = defendants - {person.id}
            if len(others) == 1:
                start = before.start() if before is not None else mention.start
                end = defending.end() if defending is not None else mention.end
                add(person.id, next(iter(others)), start, end)
    for sent in doc.sents:
        for match in _REPRESENT.finditer(text, sent.start_char, sent.end_char):
            client = cast.person_at(match.end(), match.end() + 1)
            if client is None or not cast.draft_of(client.id).named:
                continue
            named = {
                p.id
                for p in cast.people
                if p.id != client.id
                and cast.draft_of(p.id).named
                and any(sent.start_char <= m.start < sent.end_char for m in cast.draft_of(p.id).names)
            }
            if len(named) == 1:
                add(next(iter(named)), client.id, match.start(), match.end())
    return facts
