"""Trigger matching: where a catalogue event type is mentioned in the parse.

A verb trigger matches a verb (or participle adjective) whose lemma, or inflected form, is a
catalogue verb; a noun trigger a noun; a phrase a run of tokens matching the phrase's words
one by one. Longer matches win over shorter ones on the same tokens, then the earlier one.
Triggers are dropped when a ``context`` word is required and absent (8 tokens after), when a
``transitive`` type's verb has neither an object nor the form of a past participle, when a
``context_not`` word is within 3 tokens, when a noun is only a modifier (``murder inquiry``),
and when the word names an offence inside a charge (``charged with assault``,
``on suspicion of murder``): that is the charge of another event, not an event.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storydesk.extract.events.catalogue import EventType

_IRREGULAR = {
    "shoot": {"shot"}, "beat": {"beaten"}, "take": {"took", "taken"}, "find": {"found"}, "run": {"ran"},
    "lose": {"lost"}, "buy": {"bought"}, "go": {"went", "gone"}, "bring": {"brought"}, "be": {"is", "was",
    "were", "been", "being", "are", "am"}, "quit": {"quit"}, "fly": {"flew", "flown"}, "lead": {"led"},
    "stand": {"stood"}, "win": {"won"}, "shed": {"shed"}, "cut": {"cut"}, "lay": {"laid"}, "fall": {"fell"},
    "hold": {"held"}, "hurt": {"hurt"}, "set": {"set"}, "put": {"put"}, "strike": {"struck"}, "sell": {"sold"},
    "drive": {"drove", "driven"}, "smash": {"smashes"}, "free": {"freed"}, "die": {"died", "dying"},
    "lie": {"lying"}, "knife": {"knifed"}, "fine": {"fined"}, "sign": {"signed"},
}  # fmt: skip
_CHARGE_HEADS = {
    "suspicion",
    "charge",
    "convict",
    "accuse",
    "guilty",
    "count",
    "admit",
    "deny",
    "allegation",
    "offence",
}


_SKIPPABLE = {"DET", "ADJ", "NUM", "SYM"}
_MAX_SKIP = 4


@functools.cache
def forms(word: str) -> frozenset[str]:
    """Inflected forms of a catalogue word: stab -> stabs, stabbed, stabbing; injury -> injuries."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    out |= _IRREGULAR.get(word, set())
    return frozenset(out)


def _verbal(token: Token) -> bool:
    """A verb, or a participle tagged as an adjective (``seriously injured``), not ``free``."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "ADJ" and token.lower_.endswith(("ed", "en", "t"))


def _is(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ in forms(word)


@dataclass(frozen=True)
class Hit:
    """A trigger: tokens ``[start, end)`` of the doc, the type, and the syntactic head token."""

    etype: EventType
    start: int
    end: int
    head: int
    kind: str  # verb, noun or phrase

    @property
    def size(self) -> int:
        return self.end - self.start


def _phrase_at(doc: Doc, i: int, words: list[str]) -> int | None:
    """End of the phrase starting at token ``i``; up to four determiners, possessives,
    modifiers and amounts in the text between its words are skipped (``taken to a hospital``,
    ``pulled alive from``, ``released on a $50,000 unsecured bond``)."""
    position = i
    for n, word in enumerate(words):
        skipped = 0
        while (
            n > 0
            and skipped < _MAX_SKIP
            and position < len(doc)
            and (doc[position].pos_ in _SKIPPABLE or doc[position].tag_ == "PRP$")
            and not _is(doc[position], word)
        ):
            position += 1
            skipped += 1
        if position >= len(doc) or not _is(doc[position], word):
            return None
        position += 1
    return position


def _span_head(doc: Doc, start: int, end: int) -> int:
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token.i
    return start


def _context_ok(doc: Doc, hit: Hit) -> bool:
    sent = doc[hit.start].sent
    et = hit.etype
    if et.transitive and hit.kind == "verb":
        verb = doc[hit.head]
        if verb.tag_ != "VBN" and not any(child.dep_ in {"dobj", "obj"} for child in verb.children):
            return False
    if et.context:
        after = doc[hit.start : min(sent.end, hit.end + 8)]
        before = doc[max(sent.start, hit.start - 2) : hit.start]
        if not any(t.lemma_.lower() in et.context or t.lower_ in et.context for t in [*after, *before]):
            return False
    if et.context_not:
        near = [*doc[max(sent.start, hit.start - 3) : hit.start], *doc[hit.end : min(sent.end, hit.end + 3)]]
        if any(t.lemma_.lower() in et.context_not or t.lower_ in et.context_not for t in near):
            return False
    return True


def _inside_charge(token: Token) -> bool:
    """``assault`` in ``charged with assault``, ``murder`` in ``on suspicion of murder``."""
    if token.dep_ == "pobj" and token.head.lower_ == "pending":  # "bailed pending further inquiries"
        return True
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            governor = current.head.head
            if governor.lemma_.lower() in _CHARGE_HEADS or governor.lower_ in _CHARGE_HEADS:
                return True
        current = current.head
    return False


@dataclass(frozen=True)
class _Entry:
    """One catalogue entry's trigger words, split the way ``_word_hits`` tries them."""

    etype: EventType
    verbs: frozenset[str]  # one-word verbs
    nouns: frozenset[str]  # one-word nouns
    multiword: tuple[list[str], ...]  # verbs, nouns, then phrases of several words, split into words


@dataclass(frozen=True)
class _TriggerIndex:
    """The catalogue looked up from the token side, so that a token is compared only with
    the entries one of its words can trigger instead of with every word of every entry."""

    entries: tuple[_Entry, ...]
    words_of_form: dict[str, frozenset[str]]  # inflected form -> catalogue words it is a form of
    entries_of_word: dict[str, frozenset[int]]  # catalogue word -> entries it starts a trigger of
    object_entries: frozenset[int]  # entries with object nouns (checked on every noun)

    def words_of(self, token: Token) -> frozenset[str]:
        """The catalogue words ``token`` is (``_is``), plus its own lemma."""
        return self.words_of_form.get(token.lower_, frozenset()) | {token.lemma_.lower()}

    def candidates(self, token: Token, words: frozenset[str]) -> list[int]:
        """Entries that may have a trigger at ``token``, in catalogue order."""
        found: set[int] = set()
        for word in words:
            found |= self.entries_of_word.get(word, frozenset())
        if token.pos_ in {"NOUN", "PROPN"}:
            found |= self.object_entries
        return sorted(found)


_last_index: tuple[tuple[EventType, ...], _TriggerIndex] | None = None


def _trigger_index(catalogue: tuple[EventType, ...]) -> _TriggerIndex:
    """The index of ``catalogue``, kept for the last catalogue seen (the built-in one is the
    same object from report to report; entries hold dicts, so it cannot key a cache)."""
    global _last_index
    last = _last_index
    if last is not None and last[0] is catalogue:
        return last[1]
    index = _build_index(catalogue)
    _last_index = (catalogue, index)
    return index


def _build_index(catalogue: tuple[EventType, ...]) -> _TriggerIndex:
    entries: list[_Entry] = []
    words_of_form: dict[str, set[str]] = {}
    entries_of_word: dict[str, set[int]] = {}
    for number, et in enumerate(catalogue):
        single = [w for w in (*et.verbs, *et.nouns) if " " not in w]
        multiword = tuple(w.split() for w in (*et.verbs, *et.nouns, *et.phrases) if " " in w)
        entries.append(
            _Entry(
                et,
                frozenset(v for v in et.verbs if " " not in v),
                frozenset(n for n in et.nouns if " " not in n),
                multiword,
            )
        )
        for word in [*single, *(parts[0] for parts in multiword)]:
            entries_of_word.setdefault(word, set()).add(number)
        for word in [*single, *(part for parts in multiword for part in parts)]:
            for form in forms(word):
                words_of_form.setdefault(form, set()).add(word)
    return _TriggerIndex(
        tuple(entries),
        {form: frozenset(words) for form, words in words_of_form.items()},
        {word: frozenset(numbers) for word, numbers in entries_of_word.items()},
        frozenset(number for number, et in enumerate(catalogue) if et.object_nouns),
    )


def _word_hits(doc: Doc, catalogue: tuple[EventType, ...]) -> list[Hit]:
    index = _trigger_index(catalogue)
    hits: list[Hit] = []
    for token in doc:
        words = index.words_of(token)
        for number in index.candidates(token, words):
            entry = index.entries[number]
            et = entry.etype
            if _verbal(token) and not words.isdisjoint(entry.verbs):
                hits.append(Hit(et, token.i, token.i + 1, token.i, "verb"))
            if (
                token.pos_ in {"NOUN", "PROPN"}
                and not words.isdisjoint(entry.nouns)
                and token.dep_ != "compound"
                and not _idiom(doc, token)
            ):
                hits.append(Hit(et, token.i, token.i + 1, token.i, "noun"))
            if et.object_nouns and token.pos_ in {"NOUN", "PROPN"} and _object_noun(token, et):
                hits.append(Hit(et, token.i, token.i + 1, token.i, "noun"))
            for parts in entry.multiword:
                if parts[0] in words and (end := _phrase_at(doc, token.i, parts)) is not None:
                    hits.append(Hit(et, token.i, end, _span_head(doc, token.i, end), "phrase"))
    return hits


def _object_noun(token: Token, et: EventType) -> bool:
    """``cut`` in ``suffered a deep cut``, ``jaw`` in ``suffered burns and a broken jaw``,
    ``burns`` in ``treated for burns``: an object noun of an ``object_of`` verb."""
    words = {token.lemma_.lower(), token.lower_} | {
        c.lower_ for c in token.children if c.dep_ == "amod" and c.i < token.i
    }
    if not words & set(et.object_nouns):
        return False
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    governor = current.head
    if current.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ in {"for", "with"}:
        governor = governor.head
    elif current.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return governor.pos_ in {"VERB", "AUX"} and governor.lemma_.lower() in et.object_of


def _idiom(doc: Doc, token: Token) -> bool:
    """``in charge of``, ``on strike`` as a state is kept; ``in charge of`` is not a charge."""
    return (
        token.i > 0 and doc[token.i - 1].lower_ == "in" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"
    )


# Types whose bare plurals are talk in general ("tougher sentences", "a spate of stabbings").
# Not investigations ("investigators"), harms ("treated for burns"), business or protests.
_GENERIC_PLURAL_TYPES = {"sentence", "charge", "arrest", "stabbing", "shooting", "killing", "assault", "attack"}


def _bare_plural(doc: Doc, hit: Hit) -> bool:
    """A plural noun with no determiner, owner or number (``a campaign for tougher sentences``,
    ``a spate of shootings``): talk of such events in general, not one of them. ``Two
    stabbings``, ``the killings`` and ``their arrests`` stay events; so do harms and the
    rest (``treated for burns``, ``announced layoffs``, ``protests erupted``)."""
    token = doc[hit.head]
    if hit.kind != "noun" or token.tag_ != "NNS" or hit.etype.type not in _GENERIC_PLURAL_TYPES:
        return False
    return not any(c.dep_ in {"det", "poss", "nummod", "predet"} for c in token.children)


def find_triggers(doc: Doc, catalogue: tuple[EventType, ...]) -> list[Hit]:
    """Every trigger, longest first where they overlap, in text order."""
    hits = [
        h
        for h in _word_hits(doc, catalogue)
        if _context_ok(doc, h) and not _inside_charge(doc[h.head]) and not _bare_plural(doc, h)
    ]
    hits.sort(key=lambda h: (-h.size, h.start))
    taken: set[int] = set()
    chosen: list[Hit] = []
    for hit in hits:
        if any(i in taken for i in range(hit.start, hit.end)):
            continue
        taken.update(range(hit.start, hit.end))
        chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen
