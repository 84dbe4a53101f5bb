"""Shared pieces of the quote benchmarks: articles from plain text, a fallback cast, scoring.

The fallback cast is used until ``storydesk.analyze.analyze`` exists and returns people:
people are spaCy PERSON entities clustered by surname (the last word; a one-word name
joins the person whose surname or forename it equals), organisations are ORG entities
clustered by exact text. Pronoun mentions are not added, so ``he said`` is resolved by the
quotes module's own antecedent rule.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from storydesk import nlp
from storydesk.extract.quotes import find_quotes
from storydesk.ingest import make_article, source_from_text
from storydesk.ingest.article import article_id
from storydesk.model import Article, Evidence, Mention, Organisation, Person, Quote, QuotedTerm

_TITLES = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Sir ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ")


def article_from_text(text: str, *, clean: bool = True, published: dt.date | None = None) -> Article:
    """An Article for ``text``, made as ``storydesk analyze`` makes it (``make_article``:
    cleaned, no language check).

    ``clean=False`` keeps ``text`` exactly as given, for gold data whose character offsets
    point into the raw text (PolNeAR: cleaning changes 639 of its 924 texts, mostly
    whitespace and quotation marks, which would shift every offset after the first change).
    """
    if clean:
        return make_article(source_from_text(text, fmt="text"), published=published, check_language=False)
    return Article(id=article_id(text), text=text, raw=text, published=published)


def _strip_title(name: str) -> str:
    for title in _TITLES:
        if name.startswith(title):
            return name[len(title) :]
    return name


def fallback_cast(doc: Doc, article: Article) -> tuple[list[Person], list[Organisation]]:
    """People from PERSON entities (surname clusters) and organisations from ORG entities."""
    clusters: dict[str, list[tuple[str, int, int]]] = {}
    order: list[str] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _strip_title(ent.text.strip().rstrip("'’s").strip("'\"‘’“” "))
        parts = name.split()
        if not parts:
            continue
        key = parts[-1].lower()
        if len(parts) == 1:
            key = next((k for k in order if key == k or any(p[0].split()[0].lower() == key for p in clusters[k])), key)
        if key not in clusters:
            clusters[key] = []
            order.append(key)
        clusters[key].append((name, ent.start_char, ent.end_char))
    people: list[Person] = []
    for index, key in enumerate(order, 1):
        items = clusters[key]
        names = sorted({n for n, _, _ in items}, key=lambda n: (-len(n), n))
        people.append(
            Person(
                id=f"p{index}",
                name=names[0],
                variants=names,
                mentions=[
                    Mention(
                        kind="name",
                        evidence=Evidence(article_id=article.id, start=s, end=e, text=article.text[s:e]),
                    )
                    for _, s, e in items
                ],
            )
        )
    orgs: dict[str, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        if ent.label_ in ("ORG", "NORP") and ent.label_ == "ORG":
            orgs.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
    organisations = [
        Organisation(
            id=f"o{index}",
            name=name,
            variants=[name],
            mentions=[
                Mention(kind="name", evidence=Evidence(article_id=article.id, start=s, end=e, text=article.text[s:e]))
                for s, e in spans
            ],
        )
        for index, (name, spans) in enumerate(orgs.items(), 1)
    ]
    return people, organisations


@dataclass(frozen=True)
class Analysed:
    article: Article
    doc: Doc
    people: list[Person]
    organisations: list[Organisation]
    quotes: list[Quote]
    terms: list[QuotedTerm]
    cast_source: str

    def entities(self) -> list[Person | Organisation]:
        return [*self.people, *self.organisations]


def analyse(article: Article, *, cast: str = "auto") -> Analysed:
    """Quotes of ``article``.

    ``cast``: ``auto`` uses ``storydesk.analyze.analyze_article`` when it exists and finds
    people, else the fallback; ``fallback`` always uses the fallback; ``analyze`` requires
    the lead's pipeline.
    """
    doc = nlp.parse(article.text)
    people: list[Person] | None = None
    organisations: list[Organisation] = []
    source = "fallback: spaCy PERSON/ORG entities, surname clusters"
    if cast != "fallback":
        try:
            analyze_module = importlib.import_module("storydesk.analyze")
        except ImportError:
            if cast == "analyze":
                raise
            analyze_module = None
        if analyze_module is not None and hasattr(analyze_module, "analyze_article"):
            case = analyze_module.analyze_article(article)
            if case.people or cast == "analyze":
                people, organisations = list(case.people), list(case.organisations)
                source = "storydesk.analyze.analyze_article"
    if people is None:
        people, organisations = fallback_cast(doc, article)
    quotes, terms = find_quotes(doc, article, people, organisations)
    return Analysed(article, doc, people, organisations, quotes, terms, source)


def jaccard(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]], text: str) -> float:
    """|A ∩ B| / |A ∪ B| over character positions, ignoring spaces and quotation marks."""
    sa, sb = _chars(a, text), _chars(b, text)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


_IGNORED = set(" \n\t\u00a0'\"‘’“”")


def _chars(spans: Sequence[tuple[int, int]], text: str) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(i for i in range(start, end) if text[i] not in _IGNORED)
    return chars
