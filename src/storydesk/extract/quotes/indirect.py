"""Reported speech without quotation marks, from the dependency parse.

Finds:

- a cue verb with a clausal complement: ``said he did not see why...``, ``told Sky News
  that...``, ``confirmed the driver will...`` (content: the clause, without ``that``);
- a cue verb after the clause it reports: ``The driver will face no action, police said.``
  (content: the sentence up to the cue's subject);
- ``according to X``: content is the rest of the sentence.

Deliberately not done: reported speech whose content is a noun phrase (``denied the
charges``), ``urged X to...`` (a request, not a statement), and clauses that are inside
quotation marks (those are direct or partial quotes, found from the marks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storydesk.extract.quotes.cues import CueTable
from storydesk.extract.quotes.marks import MarkedSpan
from storydesk.extract.quotes.resolve import SpeakerSpan
from storydesk.extract.quotes.speakers import channel_of, cue_frame, is_cue, speaker_of_cue, speaker_span

_CLAUSE_DEPS = frozenset({"ccomp"})
# Reported content shorter than this many words is rarely speech (``said so``).
_MIN_WORDS = 3


@dataclass(frozen=True)
class Reported:
    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: SpeakerSpan | None
    channel: str | None


def _edges(tokens: Sequence[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if words and words[0].dep_ == "mark" and words[0].lower_ in ("that", "whether", "if"):
        words = words[1:]
    if len(words) < _MIN_WORDS:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _quoted(char: int, quoted: Sequence[MarkedSpan]) -> bool:
    return any(s.content_start <= char < s.content_end for s in quoted)


def find_reported(doc: Doc, quoted: Sequence[MarkedSpan], table: CueTable) -> list[Reported]:
    """Every reported-speech clause in ``doc`` outside quotation marks."""
    found: list[Reported] = []
    for token in doc:
        if _quoted(token.idx, quoted):
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            reported = _according(token, quoted, table)
        elif is_cue(token, table):
            reported = _with_clause(token, quoted, table)
        else:
            reported = None
        if reported is not None:
            found.append(reported)
    return found


def _with_clause(cue: Token, quoted: Sequence[MarkedSpan], table: CueTable) -> Reported | None:
    clause = next((c for c in cue.children if c.dep_ in _CLAUSE_DEPS), None)
    if clause is not None:
        tokens = list(clause.subtree)
    elif (
        cue.dep_ in ("parataxis", "ccomp")
        and cue.head.i < cue.i
        and cue.lemma_.lower() not in table.cue_verbs_need_clause
    ):
        # "X happened, police said": the cue hangs off the clause it reports.
        cue_subtree = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in cue_subtree and t.i < cue.i]
    else:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in tokens) is False:
        return None
    edges = _edges(tokens)
    if edges is None:
        return None
    speaker = speaker_of_cue(cue, quoted, table)
    if speaker is None:
        return None
    content = {x.i for x in tokens}
    frame = [t for t in cue_frame(cue, quoted) if t.i not in content]
    return Reported(edges[0], edges[1], cue.idx, cue.idx + len(cue.text), speaker, channel_of(frame, cue, table))


def _according(according: Token, quoted: Sequence[MarkedSpan], table: CueTable) -> Reported | None:
    to = according.nbor(1)
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in according.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_tokens = list(according.subtree) if according.head != according else [according, *to.subtree]
    phrase = {t.i for t in phrase_tokens} | {t.i for t in to.subtree} | {according.i}
    source_tokens = [t for t in source.subtree if not _quoted(t.idx, quoted)]
    cut = next(
        (k for k, t in enumerate(source_tokens) if t.i > source.i and t.dep_ in ("relcl", "appos", "punct")), None
    )
    speaker = speaker_span(source_tokens[:cut], source, table)
    sentence = [t for t in according.sent if t.i not in phrase]
    edges = _edges(sentence)
    if edges is None:
        return None
    return Reported(
        edges[0],
        edges[1],
        according.idx,
        to.idx + len(to.text),
        speaker,
        channel_of(phrase_tokens, None, table),
    )
