"""Provenance: copies grouped into source families, each with its origin named.

A *source family* is a set of reports that carry one text (an agency story run by five
sites, a mirrored page, a trimmed reprint; see :mod:`storydesk.reconcile.copies`); a report
that copies nothing is a family of one. Its *origin* is named from what the texts say:

- a wire credit (``wire``): the agency in a byline (``By PA Reporter``, ``By a Press
  Association reporter``), a dateline (``ELKINS, W.Va. (AP) —``, ``LONDON, March 3
  (Reuters) -``) or a credit line (``(Reporting by ... Reuters ...)``, ``Additional reporting
  by AFP``, ``The Associated Press contributed to this report``). Agency names are matched
  case-sensitively as whole words, so ``Lancaster, Pa.`` is not PA and ``AP`` inside a word
  is nothing. Bylines and datelines are looked for in the first paragraphs, credit lines in
  the last ones, never in the body, where ``Reuters reported`` is a citation, not a credit;
- a named first publisher (``named``): ``first published by``, ``originally appeared in``;
- else the earliest published member (``earliest``), by its outlet.

Facts count *independent sources*, families, beside reports: ``age 41: 9 reports,
3 independent sources``. :func:`families` and :func:`independent_count` are what the fact
verdicts call.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from storydesk.model import Article
from storydesk.reconcile.copies import Reports, originals, publication_order

# Wire agencies: the name a family's origin is given, and the forms a text credits it by.
AGENCIES: dict[str, tuple[str, ...]] = {
    "PA": ("PA Media", "Press Association", "PA"),
    "AP": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Thomson Reuters", "Reuters"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
}
_CANONICAL = {form: name for name, forms in AGENCIES.items() for form in forms}
_AGENCY = "|".join(re.escape(f) for f in sorted(_CANONICAL, key=len, reverse=True))
_WORD_AGENCY = rf"(?<![\w-])(?P<agency>{_AGENCY})(?![\w-])"
HEAD_PARAGRAPHS = 2  # bylines and datelines: the first paragraphs
TAIL_PARAGRAPHS = 3  # credit lines: the last paragraphs
_BYLINE_MAX = 100  # characters: a byline is a short paragraph starting "By "

_BYLINE = re.compile(r"^By\s")
_DATELINE = re.compile(rf"^[^\n()]{{0,60}}\((?P<agency>{_AGENCY})\)\s*[-—–]")
_CREDIT_LINES = (
    re.compile(rf"^\([^()]*{_WORD_AGENCY}[^()]*\)\s*$"),  # (Reporting by ...; Editing by Reuters staff)
    re.compile(rf"^(?:Additional reporting by|Reporting by|Writing by)\s+(?:the\s+|The\s+)?{_WORD_AGENCY}"),
    re.compile(rf"^(?:Copyright|©)[^\n]{{0,40}}?{_WORD_AGENCY}"),
    re.compile(rf"^[-—–]\s*(?:the\s+|The\s+)?{_WORD_AGENCY}\s*$"),
    re.compile(rf"{_WORD_AGENCY}\s+contributed to this (?:report|story)"),
)
_NAME = r"(?:[A-Z][\w&'’.-]*|of|the|and)(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and)){0,5}"
_FIRST_PUBLISHED = re.compile(
    rf"\b(?:first|originally)\s+(?:published|appeared|ran)\s+(?:by|in|on)\s+(?:the\s+)?(?P<name>{_NAME})"
)

CreditKind = Literal["byline", "dateline", "credit_line", "first_published"]
OriginKind = Literal["wire", "named", "earliest"]


@dataclass(frozen=True)
class Credit:
    """Who a text says it comes from, and where it says so (a span of the text)."""

    name: str
    kind: CreditKind
    start: int
    end: int

    @property
    def wire(self) -> bool:
        return self.name in AGENCIES


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if match.group().strip():
            found.append((match.start(), match.group()))
    return found


def credits(text: str) -> list[Credit]:
    """Every credit the text gives, first paragraphs first."""
    paragraphs = _paragraphs(text)
    found: list[Credit] = []
    for offset, para in paragraphs[:HEAD_PARAGRAPHS]:
        stripped = para.strip()
        if _BYLINE.match(stripped) and len(stripped) <= _BYLINE_MAX:
            match = re.search(_WORD_AGENCY, para)
            if match:
                found.append(_credit(match, "agency", "byline", offset))
        dateline = _DATELINE.match(para)
        if dateline:
            found.append(_credit(dateline, "agency", "dateline", offset))
    tail = paragraphs[HEAD_PARAGRAPHS:][-TAIL_PARAGRAPHS:]
    for offset, para in tail:
        for pattern in _CREDIT_LINES:
            match = pattern.search(para.strip())
            if match:
                found.append(_credit(match, "agency", "credit_line", offset + para.index(para.strip())))
                break
    for offset, para in paragraphs[:HEAD_PARAGRAPHS] + tail:
        match = _FIRST_PUBLISHED.search(para)
        if match:
            name = match.group("name").rstrip(".")
            found.append(
                Credit(
                    _CANONICAL.get(name, name),
                    "first_published",
                    offset + match.start("name"),
                    offset + match.start("name") + len(name),
                )
            )
    return found


def _credit(match: re.Match[str], group: str, kind: CreditKind, offset: int) -> Credit:
    return Credit(_CANONICAL[match.group(group)], kind, offset + match.start(group), offset + match.end(group))


def wire_credit(text: str) -> str | None:
    """The wire agency the text credits (``PA``, ``AP``, ``Reuters``, ``AFP``), if any."""
    return next((c.name for c in credits(text) if c.wire), None)


@dataclass(frozen=True)
class Family:
    """Reports that carry one text. ``id`` is the original's article id."""

    id: str
    original: str
    members: tuple[str, ...]  # in publication order, the original first
    origin: str  # the agency, the named first publisher, or the original's outlet
    origin_kind: OriginKind
    credits: tuple[tuple[str, Credit], ...] = ()  # (article id, credit) for every credit found

    @property
    def copies(self) -> tuple[str, ...]:
        return self.members[1:]


def families(cases: Reports) -> dict[str, str]:
    """Every report (case files or articles) -> its source family's id: the article id of
    the family's original."""
    return originals(cases)


def independent_count(article_ids: Iterable[str], family_of: Mapping[str, str]) -> int:
    """How many source families the reports come from (a report not in ``family_of``: its own)."""
    return len({family_of.get(a, a) for a in article_ids})


def source_families(reports: Reports) -> list[Family]:
    """The source families of the reports, with origins named, in order of first publication."""
    ordered = publication_order(reports)
    family_of = originals(ordered)
    by_id = {a.id: a for a in ordered}
    grouped: dict[str, list[str]] = {}
    for article in ordered:
        grouped.setdefault(family_of[article.id], []).append(article.id)
    result = []
    for family_id, members in grouped.items():
        found = tuple((a, c) for a in members for c in credits(by_id[a].text))
        origin, kind = _origin(found, by_id[family_id])
        result.append(Family(family_id, family_id, tuple(members), origin, kind, found))
    return result


def _origin(found: tuple[tuple[str, Credit], ...], original: Article) -> tuple[str, OriginKind]:
    wires = Counter(c.name for _, c in found if c.wire)
    if wires:
        return wires.most_common(1)[0][0], "wire"
    named = Counter(c.name for _, c in found if c.kind == "first_published")
    if named:
        return named.most_common(1)[0][0], "named"
    return original.outlet or original.id, "earliest"
