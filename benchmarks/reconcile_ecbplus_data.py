"""ECB+ documents for the reconcile benchmark: text without the URL line, mentions, chains.

``text_detok`` is used (the readable reconstruction). When sentence 0 is the document's
source URL it is cut off (a URL slug would hand the clusterer the answer), and every mention
offset (``dstart``/``dend``) is shifted by the cut.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reconcile_cache import shared_dir

DATA = shared_dir() / "data" / "ecbplus" / "ecbplus_train_dev.jsonl.gz"


@dataclass(frozen=True)
class EcbMention:
    m_id: str
    start: int
    end: int
    text: str
    tag: str
    is_event: bool
    chain: str  # cross-document chain id, or a singleton id
    cross: bool
    selected: bool  # in a sentence whose coreference is complete


@dataclass(frozen=True)
class EcbDoc:
    doc_id: str
    topic: str
    subtopic: str
    text: str
    mentions: tuple[EcbMention, ...]
    split: str = "train"  # ECB+ split: weights are chosen on ``train``, ``dev`` is reported apart


def _cut(raw: dict[str, object]) -> int:
    text = str(raw["text_detok"])
    first_line, _, _ = text.partition("\n")
    if first_line.startswith("http") or "www." in first_line.split(" ")[0]:
        return len(first_line) + 1
    return 0


def load(path: Path = DATA, limit: int | None = None) -> list[EcbDoc]:
    docs: list[EcbDoc] = []
    for raw in _records(path):
        cut = _cut(raw)
        text = str(raw["text_detok"])[cut:]
        sentences = raw["sentences"]
        assert isinstance(sentences, list)
        selected = {s["sent"] for s in sentences if s.get("coref_selected")}
        mentions_raw = raw["mentions"]
        assert isinstance(mentions_raw, list)
        mentions = tuple(
            EcbMention(
                m_id=str(m["m_id"]),
                start=int(m["dstart"]) - cut,
                end=int(m["dend"]) - cut,
                text=str(m["text"]),
                tag=str(m["tag"]),
                is_event=bool(m["is_event"]),
                chain=str(m["cluster_id"]),
                cross=m["cluster_kind"] == "cross",
                selected=m["sent"] in selected,
            )
            for m in mentions_raw
            if int(m["dstart"]) >= cut
        )
        docs.append(
            EcbDoc(
                doc_id=str(raw["doc_id"]),
                topic=str(raw["topic"]),
                subtopic=str(raw["subtopic"]),
                text=text,
                mentions=mentions,
                split=str(raw.get("split") or "train"),
            )
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _records(path: Path) -> Iterator[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
