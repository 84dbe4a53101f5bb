"""Reconcile benchmark on ECB+ (train and dev topics, ../shared/data/ecbplus).

- Story assignment: every document added to one :class:`StoryDesk` in a deterministic
  shuffled order (seed 0); B³ against ECB+ subtopics (one subtopic = one story). ECB+ has no
  publication dates, so the time window and damping never apply. Baseline in the same run:
  connected components of documents sharing a person surname.
- Cross-document person merging, CoNLL F1 (mean of MUC, B³, CEAF-e) over the ECB+
  ``HUMAN_PART_PER`` mentions in sentences whose coreference is complete (``coref_selected``),
  gold = ECB+ chains (cross and within). Mapping: ECB+ offsets are into ``text_detok``;
  storydesk's cleaned text can differ, so a mention is placed by finding its text in the
  cleaned article nearest its original offset (within 60 characters), then it takes the
  cast member (in the story storydesk assigned) of the person whose name or description
  mention overlaps it; unmatched mentions stay singletons. Baseline (same run, same
  stories): mentions with the same folded text within one predicted story. Both are also
  scored on only the mentions storydesk places on one of its people
  (``on_mentions_storydesk_finds``), which separates merging from mention coverage
  (ECB+ counts pronouns and bare nominals such as ``the actress`` as person mentions).
- Cross-document event merging: the same scoring over ECB+ event mentions. storydesk's case
  files have no events until extract/events lands, so storydesk's response is all singletons;
  the same-lemma baseline (same folded trigger text within one predicted story) is reported
  beside it.

    python benchmarks/reconcile_ecbplus.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from reconcile_cache import case_file  # noqa: E402
from reconcile_ecbplus_data import EcbMention, load  # noqa: E402
from reconcile_scoring import b_cubed, conll  # noqa: E402
from storydesk.model import CaseFile  # noqa: E402
from storydesk.reconcile import names  # noqa: E402
from storydesk.reconcile.desk import StoryDesk  # noqa: E402

RESULT = HERE / "results" / "reconcile_ecbplus.json"
_NEAR = 60


def _place(case: CaseFile, m: EcbMention) -> tuple[int, int] | None:
    text = case.article.text
    best: int | None = None
    start = text.find(m.text, max(0, m.start - _NEAR))
    while start != -1 and start <= m.start + _NEAR:
        if best is None or abs(start - m.start) < abs(best - m.start):
            best = start
        start = text.find(m.text, start + 1)
    return None if best is None else (best, best + len(m.text))


def run(limit: int | None = None) -> dict[str, Any]:
    docs = load(limit=limit)
    cases = {d.doc_id: case_file(d.text) for d in docs}
    by_article = {cases[d.doc_id].article.id: d for d in docs}
    gold_story = {a: d.subtopic for a, d in by_article.items()}
    order = list(docs)
    random.Random(0).shuffle(order)
    desk = StoryDesk()
    start = time.perf_counter()
    for d in order:
        desk.add(cases[d.doc_id])
    add_seconds = time.perf_counter() - start
    stories = desk.stories()
    predicted = {m.article_id: s.id for s in stories for m in s.members}
    baseline = _surname_components(list(cases.values()))

    person_gold: dict[tuple[str, str], str] = {}
    person_pred: dict[tuple[str, str], Any] = {}
    person_base: dict[tuple[str, str], Any] = {}
    event_gold: dict[tuple[str, str], str] = {}
    event_pred: dict[tuple[str, str], Any] = {}
    event_base: dict[tuple[str, str], Any] = {}
    matched = total = 0
    covered: set[tuple[str, str]] = set()
    for story in stories:
        cast_of: dict[tuple[str, str], str] = {}
        for member in story.cast:
            for ref in member.members:
                cast_of[(ref.article_id, ref.item_id)] = member.id
        for sm in story.members:
            doc = by_article[sm.article_id]
            case = cases[doc.doc_id]
            for m in doc.mentions:
                if not m.selected:
                    continue
                key = (doc.doc_id, m.m_id)
                if m.is_event:
                    event_gold[key] = m.chain
                    event_pred[key] = ("single", key)
                    event_base[key] = (story.id, names.fold(m.text))
                elif m.tag == "HUMAN_PART_PER":
                    total += 1
                    person_gold[key] = m.chain
                    person_base[key] = (story.id, names.fold(m.text))
                    cast = _person_at(case, m, cast_of)
                    matched += cast is not None
                    if cast is not None:
                        covered.add(key)
                    person_pred[key] = (story.id, cast) if cast else ("single", key)
    return {
        "data": "ECB+ train+dev (../shared/data/ecbplus/ecbplus_train_dev.jsonl.gz), development scores",
        "documents": len(docs),
        "assignment": {
            "b3": b_cubed(predicted, gold_story).__dict__,
            "baseline_shared_surname_b3": b_cubed(baseline, gold_story).__dict__,
            "stories_predicted": len(stories),
            "stories_gold": len(set(gold_story.values())),
            "seconds_to_add_all": round(add_seconds, 2),
        },
        "person_merge": {
            "mentions": total,
            "mentions_matched_to_storydesk_people": matched,
            "storydesk": conll(person_pred, person_gold),
            "baseline_same_name": conll(person_base, person_gold),
            "on_mentions_storydesk_finds": {
                "storydesk": conll({k: person_pred[k] for k in covered}, {k: person_gold[k] for k in covered}),
                "baseline_same_name": conll(
                    {k: person_base[k] for k in covered}, {k: person_gold[k] for k in covered}
                ),
            },
        },
        "event_merge": {
            "mentions": len(event_gold),
            "storydesk": conll(event_pred, event_gold),
            "baseline_same_lemma": conll(event_base, event_gold),
            "note": "case files carry no events until extract/events lands: storydesk's events are singletons",
        },
    }


def _person_at(case: CaseFile, m: EcbMention, cast_of: dict[tuple[str, str], str]) -> str | None:
    span = _place(case, m)
    if span is None:
        return None
    for person in case.people:
        for mention in person.mentions:
            e = mention.evidence
            if e.start < span[1] and span[0] < e.end:
                return cast_of.get((case.article.id, person.id))
    return None


def _surname_components(cases: list[CaseFile]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for case in cases:
        find(case.article.id)
        for p in case.people:
            found = names.parts(p.name) if p.named else None
            if found is None or not found.given:
                continue
            if found.surname in owner:
                parent[find(case.article.id)] = find(owner[found.surname])
            else:
                owner[found.surname] = case.article.id
    return {a: find(a) for a in parent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()
    result = run(args.limit)
    text = json.dumps(result, indent=2)
    if args.limit is None:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
