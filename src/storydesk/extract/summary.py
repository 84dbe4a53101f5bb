"""An extractive summary of a report and a headline line built only from what it says.

Summary: the report's own sentences, ``n`` of them (three by default), chosen by a score
that combines the sentence's position (news puts the point first), its centrality (tf-idf
cosine with the whole report), the names and numbers it carries, and a length preference,
with quotations, very short sentences and near-repeats held back. Chosen sentences come back
in report order, each as an Evidence span. The weights were tuned on half of the CNN/DM
SummEval development set (benchmarks/summary_cnndm.py; scores there and in
benchmarks/results/summary_cnndm.json).

Headline: from the main event (the first of the case file's events) as
``agent trigger patient (charge), place, date``, every part a name, a trigger or a value
as the report has it, read from the event's facts (or its arguments where no facts are given).
Without events, the report's title; without a title, the main clause of the first summary
sentence (its subordinate and relative clauses dropped, nothing added). ``headline_source``
says which.

Not done: abstractive rewriting, sentence compression beyond the lead clause, ordering
by anything but the report's own order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storydesk.extract.spans import doc_text, evidence
from storydesk.model import Article, Event, Evidence, Fact, Summary, TimeRef

DEFAULT_SENTENCES = 3
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
_NUMBER_LABELS = {"MONEY", "PERCENT", "CARDINAL"}
_QUOTED = re.compile(r"[‘“\"][^’”\"]{3,}[’”\"]|(?<!\w)'[^']{12,}'(?!\w)")
_QUOTE_MARKS = "'\"‘’“”"


@dataclass(frozen=True)
class Weights:
    """Weights of the sentence score, tuned by grid search (benchmarks/summary_cnndm.py --tune)
    on the first 50 articles of the CNN/DM SummEval set (development data), maximising the mean
    of ROUGE-1/2/L F1 of 3-sentence summaries against the reference: 31.15 there (Lead-3 30.45).
    Names, numbers and quotation share earned no weight on that data (0.0 was best); they stay
    as features so that other data can weigh them. Scores on the other half and on all 100 are
    in benchmarks/results/summary_cnndm.json."""

    position: float = 1.0
    position_decay: float = 0.2
    centrality: float = 0.5
    entities: float = 0.0
    numbers: float = 0.0
    quote: float = 0.0
    short_words: int = 8
    long_words: int = 35
    redundancy: float = 0.6


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class SentenceFeatures:
    """What the score reads about one sentence; computed once, scored under any weights."""

    start: int
    end: int
    index: int
    words: int
    centrality: float
    entities: float
    numbers: float
    quoted: float
    vector: dict[str, float]


@dataclass(frozen=True)
class _SentenceTokens:
    """What the features count in one sentence, read in a single pass over its tokens."""

    sentence: Span
    content: list[str]  # lemmas of its content words (alphabetic, not stop words, longer than 1)
    words: int  # alphabetic tokens
    entity_tokens: int
    number_tokens: int


def _read_tokens(sentence: Span) -> _SentenceTokens:
    content: list[str] = []
    words = entity_tokens = number_tokens = 0
    for t in sentence:
        if t.is_alpha:
            words += 1
            if not t.is_stop and len(t) > 1:
                content.append(t.lemma_.lower())
        entity = t.ent_type_
        if entity in _ENTITY_LABELS:
            entity_tokens += 1
        if t.like_num or entity in _NUMBER_LABELS:
            number_tokens += 1
    return _SentenceTokens(sentence, content, words, entity_tokens, number_tokens)


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def _cosine(a: dict[str, float], b: dict[str, float], b_norm: float | None = None) -> float:
    """Cosine of ``a`` and ``b``; ``b_norm``, when given, is ``_norm(b)`` worked out once."""
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = _norm(a)
    nb = _norm(b) if b_norm is None else b_norm
    return dot / (na * nb) if na and nb else 0.0


def _quoted_share(text: str) -> float:
    spans = _QUOTED.findall(text)
    return min(1.0, sum(len(s) for s in spans) / max(1, len(text)))


def sentence_features(doc: Doc) -> list[SentenceFeatures]:
    """Features of every sentence of ``doc`` with at least one word."""
    text = doc_text(doc)
    sentences = [read for read in map(_read_tokens, doc.sents) if read.words]
    bags = [Counter(read.content) for read in sentences]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    total = len(sentences)
    vectors = [{w: c * (math.log((1 + total) / (1 + df[w])) + 1) for w, c in bag.items()} for bag in bags]
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    centroid_vector: dict[str, float] = dict(centroid)
    centroid_norm = _norm(centroid_vector)
    out = []
    for i, (read, vector) in enumerate(zip(sentences, vectors, strict=True)):
        start, end = read.sentence.start_char, read.sentence.end_char
        out.append(
            SentenceFeatures(
                start=start,
                end=end,
                index=i,
                words=read.words,
                centrality=_cosine(vector, centroid_vector, centroid_norm),
                entities=min(1.0, read.entity_tokens / max(1, read.words) * 3),
                numbers=1.0 if read.number_tokens else 0.0,
                quoted=_quoted_share(text[start:end]),
                vector=vector,
            )
        )
    return out


def score(f: SentenceFeatures, w: Weights) -> float:
    value = (
        w.position * math.exp(-w.position_decay * f.index)
        + w.centrality * f.centrality
        + w.entities * f.entities
        + w.numbers * f.numbers
        - w.quote * f.quoted
    )
    if f.words < w.short_words:
        value -= 1.0  # headings, bylines, picture credits: a fragment is never a summary sentence
    if f.words > w.long_words:
        value *= w.long_words / f.words  # run-on sentences, glued captions
    return value


def choose(features: list[SentenceFeatures], n: int, w: Weights = DEFAULT_WEIGHTS) -> list[SentenceFeatures]:
    """The ``n`` best sentences, none a near-repeat of one chosen before, in report order."""
    ranked = sorted(features, key=lambda f: (-score(f, w), f.index))
    chosen: list[SentenceFeatures] = []
    for f in ranked:
        if len(chosen) >= n:
            break
        if any(_cosine(f.vector, c.vector) > w.redundancy for c in chosen):
            continue
        chosen.append(f)
    return sorted(chosen, key=lambda f: f.index)


def _trim(article: Article, start: int, end: int) -> tuple[int, int]:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def summary_sentences(doc: Doc, article: Article, n: int = DEFAULT_SENTENCES) -> list[Evidence]:
    """The extractive summary: ``n`` sentences of the report as Evidence spans."""
    if n < 1:
        return []
    return [evidence(article, *_trim(article, f.start, f.end)) for f in choose(sentence_features(doc), n)]


# --- headline ---------------------------------------------------------------------------

_DROPPED_CLAUSES = {"advcl", "relcl", "acl", "appos", "parataxis"}


def main_clause(sentence: Span) -> str:
    """The sentence's main clause: subject, verb and complements, with subordinate, relative
    and coordinated clauses dropped, and, after a reporting verb (``police said``), its
    trailing adjuncts. Words as written, in their order; nothing added."""
    root = sentence.root
    reporting = any(c.dep_ == "ccomp" for c in root.children)
    drop: set[int] = set()

    def prune(token: Token) -> None:
        subjects = 0
        for child in token.children:
            subjects += child.dep_ in {"nsubj", "nsubjpass"}
            trailing = token is root and reporting and child.i > root.i and child.dep_ in {"prep", "npadvmod"}
            if child.dep_ in _DROPPED_CLAUSES or trailing or (subjects > 1 and child.dep_ in {"nsubj", "nsubjpass"}):
                drop.update(t.i for t in child.subtree)
            elif child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
                drop.update(t.i for t in child.subtree)
                drop.update(c.i for c in token.children if c.dep_ == "cc" and c.i < child.i)
            else:
                prune(child)

    prune(root)
    kept = [t for t in sentence if t.i not in drop]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept.pop()
    while kept and kept[0].is_punct and kept[0].text not in _QUOTE_MARKS:
        kept.pop(0)
    text = "".join(t.text_with_ws for t in kept).strip()
    return re.sub(r"\s+,", ",", re.sub(r",\s*,", ",", text))


def _event_parts(event: Event, facts: list[Fact]) -> dict[str, str]:
    parts: dict[str, str] = {}
    for fact in facts:
        if fact.subject == event.id and fact.attribute in {"agent", "patient", "charge", "place", "date"}:
            parts.setdefault(fact.attribute, str(fact.value))
    for argument in event.arguments:
        if argument.role in {"agent", "patient", "charge", "place"}:
            parts.setdefault(argument.role, argument.text)
    return parts


def event_headline(event: Event, facts: list[Fact], times: list[TimeRef]) -> str:
    """``agent trigger patient (charge), place, date``: names and trigger as the report has them."""
    parts = _event_parts(event, facts)
    if "date" not in parts and event.time_id:
        when = next((t for t in times if t.id == event.time_id), None)
        if when is not None and when.value:
            parts["date"] = when.value
    line = " ".join(p for p in (parts.get("agent"), event.trigger.text, parts.get("patient")) if p)
    if parts.get("charge"):
        line += f" ({parts['charge']})"
    tail = [parts[k] for k in ("place", "date") if parts.get(k)]
    if event.modality != "asserted":
        tail.append(event.modality)
    return ", ".join([line, *tail])


def _clause_of(doc: Doc, event: Event) -> str | None:
    """The main clause of the sentence stating ``event``, when the trigger is in it."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    clause = main_clause(span.sent).rstrip(" .,;:")
    return clause if event.trigger.text in clause else None


def main_event(events: list[Event]) -> Event | None:
    """The case file's main event: the first one the report states (events come in report order)."""
    return events[0] if events else None


def summarize(
    doc: Doc,
    article: Article,
    *,
    events: list[Event] | None = None,
    facts: list[Fact] | None = None,
    times: list[TimeRef] | None = None,
    n: int = DEFAULT_SENTENCES,
) -> Summary:
    """Summary sentences and a headline line, with ``headline_source`` naming where it came from."""
    sentences = summary_sentences(doc, article, n)
    event = main_event(events or [])
    if event is not None:
        headline = event_headline(event, facts or [], times or [])
        if "agent" not in _event_parts(event, facts or []):
            # "stabbed A delivery rider" reads wrong: with no agent, the clause that states
            # the event says it in the report's own words
            clause = _clause_of(doc, event)
            headline = clause or headline
        return Summary(headline=headline, headline_source="event", sentences=sentences)
    if article.title:
        return Summary(headline=article.title, headline_source="title", sentences=sentences)
    first = sentences[0] if sentences else None
    if first is None:
        return Summary(sentences=sentences)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    clause = main_clause(span) if span is not None else first.text
    return Summary(headline=clause or first.text, headline_source="lead_clause", sentences=sentences)
