"""Tense and clause structure from the parse, and the anchoring rule for events and facts.

The anchoring rule (issue 5, point 5), for a trigger spanning ``[start, end)``:

1. an offset expression (``one week after arresting him``) whose value dates the clause the
   trigger is in (the clause after ``after``/``before``, or the main clause);
2. else a DATE/TIME expression in the trigger's own clause: its governing clause head (the
   first verb above it in the parse) is the trigger's clause head, or a ``when``/``as``
   clause hanging from it; a time that ends a reported clause just before the comma of its
   attribution (``resigned today, the company said``) is that clause's;
3. else the only DATE/TIME expression of the trigger's sentence, when there is exactly one
   and it is not inside a subordinate clause (``after``, ``when``, relative) that leaves the
   trigger out: ``A man has been charged after a woman was stabbed on Sunday`` leaves the
   charge undated;
4. else nothing. A date in a neighbouring sentence is never used, however close.

A date that ends a period (``released on bail until 9 April``) never dates an event.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

from storydesk.extract.times.lexicon import lexicon
from storydesk.model import TimeRef

Tense = Literal["past", "present", "future"]

_CLAUSE_POS = {"VERB", "AUX"}
_LINKING_MARKS = {"when", "as", "while", "after", "before", "once"}
# Notes written by the resolver for offsets; ``time_for_span`` reads them back.
LINKED_SIDE = "dates the linked clause"
MAIN_SIDE = "dates the main clause"


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


def clause_head(token: Token) -> Token:
    """The first verb at or above ``token`` (auxiliaries climb to their verb)."""
    current = token
    for _ in range(40):
        if current.pos_ in _CLAUSE_POS and current.dep_ not in {"aux", "auxpass"}:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def governing_head(doc: Doc, start: int, end: int) -> Token | None:
    """The clause head that a time expression modifies (starting above its own root)."""
    span = span_of(doc, start, end)
    if span is None:
        return None
    root = span.root
    if root.pos_ in _CLAUSE_POS and root.dep_ not in {"aux", "auxpass"}:
        return root
    return clause_head(root.head) if root.head.i != root.i else root


def offset_head(doc: Doc, start: int, end: int) -> Token | None:
    """The clause an offset (``three weeks after ...``) dates: when ``after`` marks a clause,
    the parser hangs the amount on that clause; the offset belongs to the clause above it."""
    span = span_of(doc, start, end)
    if span is None:
        return None
    signal = span[-1]
    if signal.dep_ == "mark" and signal.head.head.i != signal.head.i:
        return clause_head(signal.head.head)
    return governing_head(doc, start, end)


def tense_of(doc: Doc, start: int, end: int) -> Tense | None:
    """Past, present or future of the clause a time expression sits in, from the parse."""
    span = span_of(doc, start, end)
    if span is None:
        return None
    root = span.root
    if (
        root.head.i != root.i
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.dep_ in {"compound", "nmod", "amod", "poss", "nummod"}
    ):
        return None  # a modifier of a noun ("the Jan. 14 deadline"): the verb's tense says nothing
    if root.dep_ == "pobj" and root.head.head.pos_ in {"NOUN", "PROPN"} and root.head.dep_ == "prep":
        return None  # "a cutback in September": the time belongs to the noun
    if root.head.i != root.i and root.head.pos_ in {"ADJ", "NOUN", "PROPN"} and root.dep_ not in {"prep", "pobj"}:
        return None  # "payable Dec. 1", "a deadline of Friday": no verb governs it
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    head = governing_head(doc, start, end)
    if head is None:
        return None
    if before in {"until", "till", "by", "before", "to", "through", "effective", "from"}:
        # The end of a state or a deadline: a past verb says nothing of it ("released until
        # 9 April"), but a future one does ("will double its flights by August").
        return "future" if _clause_tense(head) == "future" else None
    return _clause_tense(head)


def _clause_tense(head: Token) -> Tense | None:
    cues = lexicon().future_cues
    current: Token | None = head
    for _ in range(3):
        if current is None:
            break
        aux = [c for c in current.children if c.dep_ in {"aux", "auxpass"}]
        lowers = {c.lower_ for c in aux}
        if lowers & {"will", "shall", "'ll", "wo"}:
            return "future"
        if current.lower_ in {"going"} and any(c.lower_ == "to" for c in current.children):
            return "future"
        if current.lemma_.lower() in {"due", "expect", "schedule", "plan", "set", "intend", "aim", "hope"} and (
            current.tag_ in {"VBN", "JJ", "VBZ", "VBP"}
            and any(c.lower_ in {"is", "are", "'s", "'re", "am"} for c in current.children)
        ):
            return "future"
        if any(c.tag_ == "VBD" for c in aux) or current.tag_ == "VBD":
            return "past"
        if lowers & {"could", "might", "may", "would", "should", "must", "can", "ca"}:
            return "future"
        if current.tag_ == "VBN" and lowers & {"has", "have", "'ve"} and not lowers & {"been"}:
            return "present"  # present perfect: "has invited them to a ceremony on March 12"
        if current.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "was", "were", "been"}:
            return "past"
        if current.tag_ == "VBG" and not lowers:
            return None  # a bare participle: "closing unchanged Friday"
        if current.tag_ in {"VBZ", "VBP"} or lowers & {"is", "are", "am", "'s", "'re"}:
            if current.lemma_.lower() in cues and current.lemma_.lower() not in {"until", "by"}:
                return "future"
            return "present"
        if current.lemma_.lower() in {"plan", "schedule", "expect", "due", "intend"}:
            return "future"
        if current.tag_ in {"VB", "VBN"} and any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children):
            # an infinitive (``to resume``, ``to be published``) looks ahead when what governs
            # it does ("planned to drive ... on Monday", "an agreement to acquire", "is to
            # resume"); "failed to appear on January 4" does not, and a plan in the past
            # perfect ("had been due to expire Friday") may lie either side: no tense
            parent = current.head
            carrier = parent.head if parent.dep_ == "acomp" else parent  # "had been due to"
            parent_aux = {c.lower_ for c in carrier.children if c.dep_ in {"aux", "auxpass"}}
            if parent.i != current.i and parent_aux & {"had", "'d"}:
                return None  # the nearest date: "had been set to expire Nov. 6" may be ahead
            if parent.lemma_.lower() == "be" and parent.tag_ in {"VBZ", "VBP"}:
                return "future"
            if (
                parent.i == current.i
                or parent.pos_ in {"NOUN", "PROPN"}
                or parent.lemma_.lower() in lexicon().prospective_verbs
            ):
                return "future"
            current = parent
            continue
        if current.tag_ == "VBN":  # reduced relative: "the man arrested on Monday"
            return "past"
        current = current.head if current.head.i != current.i else None
    return None


def _linked_range(doc: Doc, ref: TimeRef) -> tuple[int, int] | None:
    """Characters of the clause an offset's ``after``/``before`` introduces."""
    span = span_of(doc, ref.evidence.start, ref.evidence.end)
    if span is None:
        return None
    signal = span[-1]
    following = [t for t in signal.subtree if t.i > signal.i]
    if not following:
        nxt = signal.i + 1
        if nxt >= len(doc):
            return None
        following = list(clause_head(doc[nxt]).subtree)
    return following[0].idx, following[-1].idx + len(following[-1].text)


def _reported_clause(doc: Doc, ref: TimeRef, governing: Token) -> Token | None:
    """``X resigned with immediate effect today, the company said this morning``: a time that
    ends a reported clause, just before the comma of the attribution after it, dates that
    clause, though the parse may hang it on the reporting verb. Returns the reported clause's
    head (the reporting verb's ``ccomp`` whose words end just before the time), else None."""
    span = span_of(doc, ref.evidence.start, ref.evidence.end)
    if span is None or governing.i < span.end or span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for child in governing.children:
        if child.dep_ == "ccomp" and child.i < span.start and max(t.i for t in child.subtree) == span.start - 1:
            return child
    return None


def _in_clause(doc: Doc, ref: TimeRef, head: Token) -> bool:
    if is_offset(ref):
        governing = offset_head(doc, ref.evidence.start, ref.evidence.end)
    else:
        governing = governing_head(doc, ref.evidence.start, ref.evidence.end)
        if governing is not None:
            governing = _reported_clause(doc, ref, governing) or governing
    for _ in range(4):
        if governing is None:
            return False
        if governing.i == head.i:
            return True
        marks = {c.lower_ for c in governing.children if c.dep_ in {"mark", "advmod"}}
        if governing.dep_ == "advcl" and marks & _LINKING_MARKS - {"after", "before"}:
            governing = clause_head(governing.head)
            continue
        if governing.dep_ == "xcomp":  # "failed to appear on January 4": one event time
            governing = clause_head(governing.head)
            continue
        return False
    return False


def _dates_linked(ref: TimeRef) -> bool:
    """An offset whose value dates the clause after its ``after``/``before``."""
    return ref.offset_side == "linked" or (ref.offset_side is None and LINKED_SIDE in (ref.note or ""))


def is_offset(ref: TimeRef) -> bool:
    return ref.note is not None and "offset:" in ref.note


def is_date_like(ref: TimeRef) -> bool:
    return ref.type in {"DATE", "TIME"} and ref.value is not None


def time_for_span(doc: Doc, times: list[TimeRef], start: int, end: int) -> TimeRef | None:
    """The time of an event or fact whose trigger spans ``[start, end)``; see the module rule."""
    trigger = span_of(doc, start, end)
    if trigger is None:
        return None
    sent = trigger.sent
    in_sentence = [
        t for t in times if sent.start_char <= t.evidence.start < sent.end_char and not _bounds_an_end(doc, t)
    ]
    # 1. offsets that date this side of their sentence
    for ref in in_sentence:
        if not is_offset(ref):
            continue
        linked = _linked_range(doc, ref)
        inside = linked is not None and linked[0] <= start < linked[1]
        if inside and _dates_linked(ref):
            return ref
    head = clause_head(trigger.root)
    own: list[TimeRef] = []
    for ref in in_sentence:
        if is_offset(ref):
            linked = _linked_range(doc, ref)
            inside = linked is not None and linked[0] <= start < linked[1]
            if inside or _dates_linked(ref):
                continue
        if is_date_like(ref) and _in_clause(doc, ref, head):
            own.append(ref)
    if own:
        return min(own, key=lambda r: (r.type != "DATE" and r.type != "TIME", abs(r.evidence.start - start)))
    # 3. the sentence's only date-like expression, unless it sits in a subordinate clause
    # that does not hold the trigger ("charged ... after she was stabbed on Sunday night")
    dated = [r for r in in_sentence if is_date_like(r)]
    if len(dated) == 1 and not _in_other_subordinate_clause(doc, dated[0], trigger.root):
        return dated[0]
    return None


_SUBORDINATE_DEPS = {"advcl", "relcl", "acl"}
_END_BOUND = {"until", "till", "pending"}


def _bounds_an_end(doc: Doc, ref: TimeRef) -> bool:
    """``released on bail until 9 April``: the date ends a period; it does not date the event."""
    span = span_of(doc, ref.evidence.start, ref.evidence.end)
    if span is None or span.start == 0:
        return False
    return doc[span.start - 1].lower_ in _END_BOUND or span[0].lower_ in _END_BOUND


def _in_other_subordinate_clause(doc: Doc, ref: TimeRef, trigger: Token) -> bool:
    head = governing_head(doc, ref.evidence.start, ref.evidence.end)
    current = head
    for _ in range(40):
        if current is None:
            return False
        if current.dep_ in _SUBORDINATE_DEPS:
            return trigger.i not in {t.i for t in current.subtree}
        if current.head.i == current.i:
            return False
        current = current.head
    return False
