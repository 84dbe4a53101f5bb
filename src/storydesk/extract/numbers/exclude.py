"""Numbers that are not quantities of the story: ages, dates, years, clock times, durations,
and numbers that are part of a name or an address (``Flat 3``, ``14 Cobb Street``,
``Apollo 11``, ``call 999``).

Ages are person facts (``extract.attributes``) and times are time expressions
(``extract.times``): their spans are passed in and every number inside them is left out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storydesk.extract.numbers.values import Quantity, table

_NAME_ENTITIES = {"PERSON", "ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"}
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s+(?:" + _MONTHS + r")\b", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s?(?:am|pm|a\.m\.|p\.m\.|o['’]clock|gmt|bst|hrs|hours\b(?!\s+of))", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^[\s-]+years?[\s-]+old|^[\s-]*-year-old|^s\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\baged?\s+$", re.IGNORECASE)
_TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "weekend",
    "season",
}


def _overlaps(q: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(q.core[0] < end and start < q.core[1] for start, end in spans)


def is_excluded(text: str, q: Quantity, core: Span, root: Token, blocked: list[tuple[int, int]]) -> bool:
    """True when the number at ``q`` is an age, a date or time, a label or part of a name."""
    if _overlaps(q, blocked):
        return True
    before, after = text[max(0, q.core[0] - 30) : q.core[0]], text[q.end : q.end + 30]
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(text[q.core[1] : q.core[1] + 12]):
        return True
    if q.kind == "count" and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _CLOCK_AFTER.match(after)):
        return True
    if q.kind == "count" and not q.words and q.value.is_integer() and 1800 <= q.value <= 2100 and "," not in core.text:
        head = root.head
        if not (root.dep_ == "nummod" and head.tag_ in {"NNS", "NNPS"} and head.lemma_ not in _TIME_UNITS):
            return True  # a year
    if any(t.ent_type_ in _NAME_ENTITIES for t in core):
        return True
    previous = re.search(r"(\w+)\.?\s*$", text[max(0, q.start - 20) : q.start])
    if previous and previous.group(1).lower() in table()["label_before"] and q.kind == "count":
        return True
    # "14 Cobb Street", "12 Lindow Road": up to three capitalised words, then a street word
    following = re.match(r"(?:\s+[A-Z][\w'’-]*){1,4}", text[q.end : q.end + 60])
    if following and following.group(0).split()[-1].lower() in table()["street_after"]:
        return True
    if q.kind == "count" and q.start > 0 and root.dep_ != "nummod":
        before_token = core.doc[core.start - 1] if core.start > 0 else None
        if before_token is not None and before_token.pos_ == "PROPN" and not before_token.is_sent_start:
            return True  # Apollo 11, Boeing 737
    return False


def counts_time(root: Token) -> bool:
    """``three weeks``, ``12 months``: a duration, which belongs to the times."""
    noun = root.head if root.dep_ == "nummod" else None
    return noun is not None and noun.lemma_.lower() in _TIME_UNITS
