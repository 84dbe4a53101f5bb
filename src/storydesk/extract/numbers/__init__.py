"""Numbers of a report with what they count and how they are qualified, as Numbers and Facts.

Finds counts (``more than 75,000 people signed a petition``, ``stabbed ten times``, ``both
deaths`` = 2, ``shot twice``, ``a mother-of-two`` = 2 children of that person), money with its
currency (``£1.2m`` = 1,200,000 GBP), percentages, measures with a unit (``55mph``), vague
plurals (``hundreds of people``: at least 200) and ranges. What a number counts comes from
the parse, in the report's words (``counted``).

Deliberately not numbers here: ages (person facts), dates, years, clock times and durations
(time expressions), ordinals (``the 21st homicide``), scores (``3-1``), and numbers inside
names and addresses (``exclude``). The span of every age fact and time expression is passed
in so that nothing is read twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from storydesk.extract.numbers.counted import describe, noun_phrase
from storydesk.extract.numbers.exclude import counts_time, is_excluded
from storydesk.extract.numbers.values import Quantity, find_quantities, words_value
from storydesk.extract.spans import doc_text, evidence
from storydesk.model import Article, Fact, Number, Person, TimeRef

__all__ = ["blocked_spans", "find_numbers", "find_quantities", "number_facts"]

_PARENT = re.compile(r"\b(mother|father|mum|dad|parent|grandmother|grandfather|grandparent)-of-(\w+)\b", re.IGNORECASE)


def _root(core: Span) -> Token:
    return core.root


def _core_span(doc: Doc, q: Quantity) -> Span | None:
    """The number with its unit (``40 per cent``, ``55mph``, ``450,000 euros``): the unit is no counted thing."""
    return doc.char_span(q.core[0], max(q.core[1], q.end), alignment_mode="expand")


def _from_quantity(doc: Doc, q: Quantity, blocked: list[tuple[int, int]]) -> tuple[Quantity, str | None] | None:
    core = _core_span(doc, q)
    if core is None or len(core) == 0:
        return None
    root = _root(core)
    # "£8,000": the parser often makes the symbol the head; the number is what it governs.
    if root.pos_ == "SYM" and any(t.pos_ == "NUM" for t in core):
        root = next(t for t in reversed(core) if t.pos_ == "NUM")
    if is_excluded(doc_text(doc), q, core, root, blocked):
        return None
    if q.kind == "count" and counts_time(root):
        return None
    if q.kind == "count" and q.words and not q.range_part:
        # number words stand for a count only before a noun or with "of": not "one of", "the two"
        attached = root.dep_ in {"nummod", "quantmod", "compound"} or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in root.children
        )
        if not attached or (q.value == 1 and root.dep_ != "nummod"):
            return None
    return q, describe(root, core, kind=q.kind)


def _both(doc: Doc, blocked: list[tuple[int, int]]) -> Iterable[tuple[Quantity, str | None]]:
    """``both deaths`` = 2 deaths; not ``both ... and`` (a conjunction)."""
    for token in doc:
        if token.lower_ == "both" and token.dep_ in {"det", "predet"} and token.head.tag_ in {"NNS", "NNPS"}:
            start, end = token.idx, token.idx + len(token.text)
            if any(start < b_end and b_start < end for b_start, b_end in blocked):
                continue
            q = Quantity(start, end, (start, end), 2.0, "count", None, "exact", words=True)
            yield q, noun_phrase(token.head, {token.i})


_TIMES_WORDS = {"twice": 2.0, "once": 1.0, "thrice": 3.0}


def _times_adverbs(doc: Doc) -> Iterable[tuple[Quantity, str | None]]:
    """``shot twice``, ``stabbed once in the neck``: times the verb happened."""
    for token in doc:
        value = _TIMES_WORDS.get(token.lower_)
        if value is None or token.dep_ != "advmod" or token.head.pos_ != "VERB":
            continue
        if token.i < token.head.i or token.nbor(1).lower_ in {"more", "again", "before", "a", "as", "the"}:
            continue  # "once worked", "once more", "twice a week", "twice as many"
        start, end = token.idx, token.idx + len(token.text)
        yield Quantity(start, end, (start, end), value, "count", None, "exact", words=True), f"times {token.head.text}"


def _parents(doc: Doc, people: list[Person]) -> Iterable[tuple[Quantity, str | None]]:
    """``a mother-of-two`` = 2 children of the person it describes."""
    for match in _PARENT.finditer(doc_text(doc)):
        number = match.group(2)
        value = float(number) if number.isdigit() else words_value(number)
        if value is None:
            continue
        start, end = match.span()
        owner = next(
            (p.name for p in people for m in p.mentions if m.evidence.start <= start and end <= m.evidence.end),
            None,
        )
        kind = "grandchildren" if match.group(1).lower().startswith("grand") else "children"
        counts = f"{kind} of {owner}" if owner else f"{kind} of the {match.group(0).lower()}"
        yield Quantity(start, end, match.span(2), value, "count", None, "exact", words=True), counts


def find_numbers(
    doc: Doc,
    article: Article,
    *,
    people: list[Person],
    blocked: list[tuple[int, int]],
) -> list[Number]:
    """Every number of the report that counts something, with ids ``n1``, ``n2``...

    ``blocked``: spans already read as something else (age facts, time expressions).
    """
    found: list[tuple[Quantity, str | None]] = []
    for q in find_quantities(doc_text(doc)):
        read = _from_quantity(doc, q, blocked)
        if read is not None:
            found.append(read)
    taken = [(q.start, q.end) for q, _ in found]
    for q, counts in [*_both(doc, blocked), *_times_adverbs(doc), *_parents(doc, people)]:
        if not any(q.start < end and start < q.end for start, end in taken):
            found.append((q, counts))
    found.sort(key=lambda item: item[0].start)
    return [
        Number(
            id=f"n{i}",
            value=q.value,
            unit=q.unit,
            counts=counts,
            qualifier=q.qualifier,
            kind=q.kind,
            evidence=evidence(article, q.start, q.end),
        )
        for i, (q, counts) in enumerate(found, start=1)
    ]


def _fact_value(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def number_facts(article: Article, numbers: list[Number], first_id: int) -> list[Fact]:
    """One fact per number: attribute = its kind, subject = its id, subject_name = what it counts."""
    return [
        Fact(
            id=f"f{first_id + i}",
            subject=n.id,
            subject_name=n.counts or (f"{n.unit} amount" if n.unit else "number"),
            attribute=n.kind,
            value=_fact_value(n.value),
            qualifier=n.qualifier,
            evidence=n.evidence,
            published=article.published,
        )
        for i, n in enumerate(numbers)
    ]


def blocked_spans(facts: list[Fact], times: list[TimeRef]) -> list[tuple[int, int]]:
    """The spans numbers must not be read from: every age fact and every time expression."""
    spans = [(f.evidence.start, f.evidence.end) for f in facts if f.attribute == "age"]
    return spans + [(t.evidence.start, t.evidence.end) for t in times]
