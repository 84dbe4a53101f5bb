"""Copies: near-duplicate detection, wire origins and what copies changed, on the gold stories;
and the near-duplicate index at scale.

1. **Gold pairs.** All 65 reports of ``benchmarks/gold/stories/`` pooled (so pairs across
   stories are negatives too: 2,080 pairs), added one by one in publication order to the
   LSH index. A pair is found when the two reports end up in one source family; gold pairs
   are the reports sharing a ``copy_of`` family. Pairwise precision, recall, F1; the share of
   text of the gold copies and the largest share of any other pair.
2. **Wire origins.** ``wire_credit`` of each report against its gold ``wire`` (accuracy over
   the 65), and the origin named for each gold family with a wire against that wire.
3. **Synthetic copies of the gold.** Every gold original gets five copies
   (``copies_synthetic.py``: re-headlined, trimmed, wrapped in boilerplate, excerpted,
   edited with an update); pairwise P/R/F1 over the pooled set, recall per kind, and how
   often the changes found (headline, trimmed / added paragraphs, edited sentences) are
   exactly the ones made.
4. **Scale.** ``corpus.py`` reports plus a synthetic copy of every twentieth, written to a
   SQLite desk through the same code that writes articles (``store/copies.py``): candidates
   verified against all pairs, time per added report (and for the last thousand, to show it
   does not grow with the desk), and pairwise P/R/F1 of the copies found.

Usage: ``python benchmarks/copies_gold.py [--scale 10000] [--out benchmarks/results/copies_gold.json]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from copies_synthetic import KINDS, make_copy  # noqa: E402
from storydesk.ingest import make_article, source_from_text  # noqa: E402
from storydesk.model import Article  # noqa: E402
from storydesk.reconcile import changes, sketch  # noqa: E402
from storydesk.reconcile.copies import CopyIndex, originals  # noqa: E402
from storydesk.reconcile.provenance import source_families, wire_credit  # noqa: E402

STORIES = HERE / "gold" / "stories"
RESULTS = HERE / "results" / "copies_gold.json"
Pair = tuple[str, str]


def article(text: str, title: str | None, outlet: str | None, published: dt.date | None, url: str | None) -> Article:
    return make_article(
        source_from_text(text), published=published, title=title, outlet=outlet, url=url, check_language=False
    )


def load_gold() -> tuple[list[Article], dict[str, str], dict[str, str | None], dict[str, str]]:
    """Articles, gold family of each (story/rNN of the family's original), gold wire, and
    a readable key (story prefix + report id) of each article id."""
    articles: list[Article] = []
    family: dict[str, str] = {}
    wire: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for folder in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        rows = json.loads((folder / "reports.json").read_text(encoding="utf-8"))
        copy_of = {r["id"]: r.get("copy_of") for r in rows}
        for row in rows:
            text = (folder / row["file"]).read_text(encoding="utf-8")
            found = article(
                text, row.get("headline"), row.get("outlet"), dt.date.fromisoformat(row["published"]), row.get("url")
            )
            # Reports are the unit here, not article ids: two outlets running a byte-identical
            # body share one article id (the desk stores that text once).
            found = found.model_copy(update={"id": f"{folder.name[:2]}/{row['id']}"})
            root = row["id"]
            while copy_of.get(root):
                root = str(copy_of[root])
            articles.append(found)
            family[found.id] = f"{folder.name}/{root}"
            wire[found.id] = row.get("wire")
            names[found.id] = f"{folder.name[:2]}/{row['id']}"
    return articles, family, wire, names


def same_family_pairs(family: dict[str, str]) -> set[Pair]:
    groups: dict[str, list[str]] = {}
    for article_id, root in family.items():
        groups.setdefault(root, []).append(article_id)
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(members, 2)}  # type: ignore[misc]


def prf(found: set[Pair], gold: set[Pair]) -> dict[str, float | int]:
    tp = len(found & gold)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "found": len(found),
        "gold": len(gold),
        "true_positives": tp,
    }


def detect(articles: Iterable[Article]) -> tuple[set[Pair], int]:
    """Pairs in one detected family, and the candidates the index verified."""
    ordered = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    index = CopyIndex()
    for a in ordered:
        index.add(a.id, a.text)
    return same_family_pairs(originals(ordered)), index.candidates


def shares(articles: list[Article], gold: set[Pair]) -> dict[str, float]:
    """The larger share of text of the gold copy pairs (lowest) and of all other pairs (highest)."""
    shingled = {a.id: sketch.shingles(a.text) for a in articles}
    copy_min, other_max = 1.0, 0.0
    for a, b in itertools.combinations(sorted(shingled), 2):
        share = sketch.overlap(shingled[a], shingled[b]).larger_share
        if (a, b) in gold:
            copy_min = min(copy_min, share)
        else:
            other_max = max(other_max, share)
    return {"copies_lowest_share": round(copy_min, 4), "others_highest_share": round(other_max, 4)}


def gold_benchmark() -> dict[str, Any]:
    articles, family, wire, names = load_gold()
    gold = same_family_pairs(family)
    found, candidates = detect(articles)
    wrong_wire = [
        {"report": names[a.id], "found": wire_credit(a.text), "gold": wire[a.id]}
        for a in articles
        if wire_credit(a.text) != wire[a.id]
    ]
    by_id = {a.id: a for a in articles}
    origins = []
    for f in source_families(articles):
        gold_wire = wire[f.original]
        if gold_wire:
            origins.append({"family": names[f.original], "origin": f.origin, "gold": gold_wire, "kind": f.origin_kind})
    return {
        "reports": len(articles),
        "pairs": len(articles) * (len(articles) - 1) // 2,
        "candidates_verified": candidates,
        "pairwise": prf(found, gold),
        "missed": sorted(f"{names[a]} ~ {names[b]}" for a, b in gold - found),
        "false": sorted(f"{names[a]} ~ {names[b]}" for a, b in found - gold),
        **shares(articles, gold),
        "wire_accuracy": round(1 - len(wrong_wire) / len(articles), 4),
        "wire_reports_credited": sum(1 for a in articles if wire[a.id]),
        "wire_wrong": wrong_wire,
        "family_origin_accuracy": round(sum(o["origin"] == o["gold"] for o in origins) / len(origins), 4)
        if origins
        else None,
        "family_origins": origins,
        "_articles": by_id,
    }


def synthetic_benchmark(seed: int = 0) -> dict[str, Any]:
    articles, family, _, names = load_gold()
    pool = list(articles)
    family = dict(family)
    made: dict[str, tuple[str, Article, Counter[str]]] = {}  # copy id -> (kind, original, expected)
    for original in articles:
        if family[original.id].split("/")[1] != names[original.id].split("/")[1]:
            continue  # gold copies are not copied again
        for kind in KINDS:
            synthetic = make_copy(original.text, original.title or "", kind, seed, source=original.outlet or "")
            published = (original.published or dt.date(2024, 1, 1)) + dt.timedelta(days=1)
            copy = article(synthetic.text, synthetic.title, "The Copying Site", published, None)
            if copy.id in family:
                continue
            pool.append(copy)
            family[copy.id] = family[original.id]
            made[copy.id] = (kind, original, synthetic.expected)
    gold = same_family_pairs(family)
    found, candidates = detect(pool)
    per_kind: dict[str, list[bool]] = {k: [] for k in KINDS}
    changes_right: dict[str, list[bool]] = {k: [] for k in KINDS}
    for copy_id, (kind, original, expected) in made.items():
        per_kind[kind].append(tuple(sorted((copy_id, original.id))) in found)
        copy = next(a for a in pool if a.id == copy_id)
        seen = Counter(c.kind for c in changes.changes(original.text, copy.text, original.title, copy.title))
        changes_right[kind].append(seen == expected)
    return {
        "reports": len(pool),
        "synthetic_copies": len(made),
        "pairs": len(pool) * (len(pool) - 1) // 2,
        "candidates_verified": candidates,
        "pairwise": prf(found, gold),
        "recall_by_kind": {k: round(sum(v) / len(v), 4) for k, v in per_kind.items() if v},
        "changes_exact_by_kind": {k: round(sum(v) / len(v), 4) for k, v in changes_right.items() if v},
        "changes_exact": round(sum(sum(v) for v in changes_right.values()) / max(1, len(made)), 4),
    }


def scale_benchmark(n: int, seed: int = 0, every: int = 20) -> dict[str, Any]:
    from sqlalchemy import insert

    from storydesk.store import Desk
    from storydesk.store import tables as t
    from storydesk.store.copies import index_article

    rows: list[tuple[Article, str]] = []  # (article, family)
    kinds = itertools.cycle(KINDS)
    for i, report in enumerate(corpus.generate(n, seed)):
        original = article(report.text, report.title, report.outlet, report.published, report.url)
        rows.append((original, original.id))
        if i % every == every - 1:
            synthetic = make_copy(report.text, report.title, next(kinds), seed, "Mirror Site", report.outlet)
            copy = article(synthetic.text, synthetic.title, "Mirror Site", report.published, None)
            rows.append((copy, original.id))
    family: dict[str, str] = {}
    for a, root in rows:
        family.setdefault(a.id, root)
    with tempfile.TemporaryDirectory() as folder, Desk.open(str(Path(folder) / "scale.db")) as desk:
        times: list[float] = []
        candidates = 0
        found: set[Pair] = set()
        now = dt.datetime.now(dt.UTC)
        stored: set[str] = set()
        with desk.engine.connect().execution_options(storydesk_write=True) as connection:
            for start in range(0, len(rows), 50):
                with connection.begin():
                    for a, _ in rows[start : start + 50]:
                        if a.id in stored:
                            continue
                        stored.add(a.id)
                        began = time.perf_counter()
                        connection.execute(
                            insert(t.articles).values(
                                id=a.id,
                                url=a.url,
                                outlet=a.outlet,
                                title=a.title,
                                published=a.published,
                                text=a.text,
                                source_format="text",
                                version=1,
                                superseded=False,
                                added_at=now,
                            )
                        )
                        indexed = index_article(connection, a.id, a.text, a.url, sketch.text_keys(a.text))
                        times.append(time.perf_counter() - began)
                        candidates += indexed.candidates
                        found.update(tuple(sorted((k.article_id, k.other_id))) for k in indexed.links)  # type: ignore[misc]
    total = len(stored)
    gold = same_family_pairs({a: family[a] for a in stored})
    last = times[-1000:]
    return {
        "reports": total,
        "synthetic_copies": total - len({family[a] for a in stored}),
        "all_pairs": total * (total - 1) // 2,
        "candidates_verified": candidates,
        "candidates_share_of_all_pairs": round(candidates / max(1, total * (total - 1) // 2), 6),
        "candidates_per_report": round(candidates / max(1, total), 3),
        "ms_per_added_report": round(1000 * statistics.fmean(times), 3),
        "ms_per_added_report_p95": round(1000 * statistics.quantiles(times, n=20)[-1], 3),
        "ms_per_added_report_last_1000": round(1000 * statistics.fmean(last), 3),
        "pairwise": prf(found, gold),
        "backend": "sqlite",
    }


def run(scale: int = 10_000) -> dict[str, Any]:
    gold = gold_benchmark()
    gold.pop("_articles")
    return {
        "benchmark": "copies_gold",
        "method": {
            "shingle_words": sketch.SHINGLE,
            "num_perm": sketch.NUM_PERM,
            "bands": sketch.BANDS,
            "rows": sketch.ROWS,
        },
        "gold": gold,
        "synthetic": synthetic_benchmark(),
        "scale": scale_benchmark(scale) if scale else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="corpus reports for the scale check (0: skip)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    result = run(args.scale)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
