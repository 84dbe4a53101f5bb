"""Article in, CaseFile out: runs the extractors in order.

Each extractor is a plain function with explicit inputs; this module only wires them:

    clean text -> spaCy Doc -> entities -> people (names, descriptions, pronouns)
               -> times -> quotes -> people named in quotes -> attributes
               -> events (and their facts) -> numbers
               -> summary -> case file
"""

from __future__ import annotations

import datetime as dt
import logging

from storydesk import nlp
from storydesk.extract import attributes, entities, kin, mentions, numbers, people, relations, summary
from storydesk.extract.events import find_events
from storydesk.extract.quotes import find_quotes
from storydesk.extract.times import find_times
from storydesk.ingest import Source, make_article, source_from_text
from storydesk.ingest.read import DEFAULT_MAX_BYTES, parse_date
from storydesk.model import Article, CaseFile

log = logging.getLogger(__name__)


def analyze_article(
    article: Article, *, events_file: str | None = None, summary_sentences: int = summary.DEFAULT_SENTENCES
) -> CaseFile:
    """Extract a case file from a cleaned Article; ``events_file`` extends the event catalogue
    and the summary has ``summary_sentences`` sentences."""
    doc = nlp.parse(article.text)
    found = entities.find_entity_mentions(doc)
    names = mentions.name_mentions(doc, found)
    org_spans = [(e.start, e.end) for e in found if e.label == "ORG"]
    descriptions = mentions.descriptions(doc, names, org_spans)
    cast = people.resolve_people(doc, article, names, descriptions, mentions.pronouns(doc))
    stated = relations.stated_relations(doc, cast)
    cast = kin.with_relatives(doc, article, cast, mentions.relatives(doc), stated)
    # an entity the model tagged ORG or PLACE inside what became a person's name ("Bishop, 33,
    # said"; "Connor 'Bish' Bishop") is that person only
    named = [(m.start, m.end) for m in names]
    found = [e for e in found if e.label == "PERSON" or not any(s <= e.start and e.end <= t for s, t in named)]
    organisations = entities.build_organisations(article, found)
    times = find_times(doc, article)
    quotes, quoted_terms = find_quotes(doc, article, cast.people, organisations, times)
    # "'My mom is 78,' Brunner said": the speaker's relatives named only in their own words
    cast = kin.with_quoted_kin(doc, article, cast, quotes, stated)
    raw_facts = attributes.find_attributes(doc, cast)
    facts = attributes.to_facts(article, cast, raw_facts)
    places, things = entities.build_places(article, found), entities.build_things(article, found)
    found_events = find_events(
        doc,
        article,
        cast.people,
        organisations,
        places,
        things,
        times,
        quotes,
        events_file=events_file,
        first_fact_id=len(facts) + 1,
    )
    facts += found_events.facts
    counted = numbers.find_numbers(doc, article, people=cast.people, blocked=numbers.blocked_spans(facts, times))
    facts += numbers.number_facts(article, counted, first_id=len(facts) + 1)
    warnings: list[str] = []
    if article.published is None:
        warnings.append(
            "no publication date: relative times (today, last week) are left unresolved; "
            "give one with --published YYYY-MM-DD"
        )
    return CaseFile(
        article=article,
        people=cast.people,
        organisations=organisations,
        places=places,
        things=things,
        times=times,
        events=found_events.events,
        quotes=quotes,
        quoted_terms=quoted_terms,
        numbers=counted,
        facts=facts,
        summary=summary.summarize(
            doc, article, events=found_events.events, facts=facts, times=times, n=summary_sentences
        ),
        warnings=warnings,
    )


def analyze(
    text: str | Source,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    check_language: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    events_file: str | None = None,
    summary_sentences: int = summary.DEFAULT_SENTENCES,
) -> CaseFile:
    """Analyse one report (plain text or HTML) and return its case file.

    ``published`` (``YYYY-MM-DD`` or a date) is the date relative times are resolved
    against; without it they stay unresolved. Raises a :class:`storydesk.errors.InputError`
    subclass for input that cannot be analysed (empty, binary, too large, not English,
    HTML without an article body).
    """
    source = text if isinstance(text, Source) else source_from_text(text)
    article = make_article(
        source,
        published=parse_date(published),
        title=title,
        outlet=outlet,
        url=url,
        check_language=check_language,
        max_bytes=max_bytes,
    )
    return analyze_article(article, events_file=events_file, summary_sentences=summary_sentences)
