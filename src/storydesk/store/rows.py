"""A case file as the rows the desk stores: pure data, built in the worker processes.

Building rows (and the case file's JSON) is done where the analysis ran, so the process that
writes to the database only writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from storydesk.model import CaseFile, FactValue
from storydesk.reconcile.sketch import text_keys
from storydesk.store.names import fold, tokens
from storydesk.store.story_rows import story_index_rows


@dataclass(frozen=True)
class ArticleRows:
    """Everything stored for one article version, except what the writer decides
    (``version``, ``previous_id``, ``added_at``)."""

    article: dict[str, object]
    case_json: str
    schema_version: str
    people: list[dict[str, object]]
    names: list[dict[str, object]]
    tokens: list[dict[str, object]]
    facts: list[dict[str, object]]
    story_keys: list[dict[str, object]]
    story_features: dict[str, object]
    copy_keys: tuple[int, ...] = ()  # LSH band keys of the text (store/copies.py)

    @property
    def id(self) -> str:
        return str(self.article["id"])

    @property
    def url(self) -> str | None:
        url = self.article["url"]
        return url if isinstance(url, str) else None


def host_of(url: str | None) -> str | None:
    """``https://www.example.org/a`` -> ``example.org``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _value(value: FactValue) -> tuple[str, str]:
    if isinstance(value, bool):
        return ("true" if value else "false"), "bool"
    if isinstance(value, int):
        return str(value), "int"
    if isinstance(value, float):
        return repr(value), "float"
    return value, "str"


def typed_value(text: str, value_type: str) -> FactValue:
    """The inverse of how a fact value is stored."""
    if value_type == "bool":
        return text == "true"
    if value_type == "int":
        return int(text)
    if value_type == "float":
        return float(text)
    return text


def case_rows(case: CaseFile) -> ArticleRows:
    article = case.article
    article_id = article.id
    people: list[dict[str, object]] = []
    names: dict[tuple[str, str], dict[str, object]] = {}
    name_tokens: dict[tuple[str, str], dict[str, object]] = {}
    for person in case.people:
        people.append({"article_id": article_id, "person_id": person.id, "name": person.name, "named": person.named})
        if not person.named:
            continue
        for variant in [person.name, *person.variants]:
            folded = fold(variant)
            if folded and (person.id, folded) not in names:
                names[(person.id, folded)] = {
                    "article_id": article_id,
                    "person_id": person.id,
                    "folded": folded,
                    "variant": variant,
                }
            for token in tokens(variant):
                name_tokens[(person.id, token)] = {"token": token, "article_id": article_id, "person_id": person.id}
    facts: list[dict[str, object]] = []
    for fact in case.facts:
        value, value_type = _value(fact.value)
        facts.append(
            {
                "article_id": article_id,
                "fact_id": fact.id,
                "subject": fact.subject,
                "subject_name": fact.subject_name,
                "attribute": fact.attribute,
                "value": value,
                "value_type": value_type,
                "qualifier": fact.qualifier,
                "modality": fact.modality,
                "time_id": fact.time_id,
                "published": fact.published,
                "start": fact.evidence.start,
                "end": fact.evidence.end,
                "evidence": fact.evidence.text,
            }
        )
    published: dt.date | None = article.published
    keys, story_features = story_index_rows(case)
    return ArticleRows(
        article={
            "id": article_id,
            "url": article.url,
            "host": host_of(article.url),
            "outlet": article.outlet,
            "title": article.title,
            "published": published,
            "text": article.text,
            "source_format": article.source_format,
        },
        case_json=case.model_dump_json(),
        schema_version=case.schema_version,
        people=people,
        names=list(names.values()),
        tokens=list(name_tokens.values()),
        facts=facts,
        story_keys=keys,
        story_features=story_features,
        copy_keys=tuple(text_keys(article.text)),
    )
