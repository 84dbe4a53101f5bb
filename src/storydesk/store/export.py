"""Exports: every current case file as JSON Lines, or every fact as CSV.

``jsonl``: one case file per line (the JSON ``storydesk show --format json`` prints,
without indentation), newest publication first.
``csv``: one row per fact with its article's id, url, outlet and publication date and the
evidence span, for spreadsheets and pandas.
"""

from __future__ import annotations

import csv
from typing import Literal, TextIO

from sqlalchemy import select
from sqlalchemy.engine import Connection

from storydesk.store import tables as t

ExportFormat = Literal["jsonl", "csv"]

CSV_COLUMNS = (
    "article_id",
    "url",
    "outlet",
    "published",
    "fact_id",
    "subject",
    "subject_name",
    "attribute",
    "value",
    "qualifier",
    "modality",
    "time_id",
    "start",
    "end",
    "evidence",
)
_ORDER = (t.articles.c.published.desc().nulls_last(), t.articles.c.id)


def export(connection: Connection, fmt: ExportFormat, out: TextIO, *, all_versions: bool = False) -> int:
    """Write the export to ``out``; returns the number of records (case files or facts)."""
    current = t.articles.c.superseded.is_(False) if not all_versions else t.articles.c.id.is_not(None)
    if fmt == "jsonl":
        statement = (
            select(t.case_files.c.body)
            .join(t.articles, t.articles.c.id == t.case_files.c.article_id)
            .where(current)
            .order_by(*_ORDER)
        )
        written = 0
        for body in connection.execution_options(yield_per=200).scalars(statement):
            out.write(body + "\n")
            written += 1
        return written
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    statement = (
        select(
            t.facts.c.article_id,
            t.articles.c.url,
            t.articles.c.outlet,
            t.articles.c.published,
            t.facts.c.fact_id,
            t.facts.c.subject,
            t.facts.c.subject_name,
            t.facts.c.attribute,
            t.facts.c.value,
            t.facts.c.qualifier,
            t.facts.c.modality,
            t.facts.c.time_id,
            t.facts.c.start,
            t.facts.c.end,
            t.facts.c.evidence,
        )
        .join(t.articles, t.articles.c.id == t.facts.c.article_id)
        .where(current)
        .order_by(*_ORDER, t.facts.c.start, t.facts.c.fact_id)
    )
    written = 0
    for row in connection.execution_options(yield_per=1000).execute(statement):
        writer.writerow(["" if v is None else v for v in row])
        written += 1
    return written
