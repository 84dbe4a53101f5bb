"""Time expressions on TempEval-3 (TimeBank + AQUAINT): storydesk against dateparser.

Reads ``../shared/data/tempeval3/{timebank,aquaint}.jsonl.gz`` (the DCT is the publication
date) and scores, per corpus and overall, TempEval-3 style:

- detection strict: one-to-one matches with exactly the gold character span;
- detection relaxed: one-to-one matches with any character overlap;
- value accuracy: share of relaxed matches whose TIMEX3 value equals the gold value
  (exact string, after spellings TIMEX3 treats as equal are made one: ``W7`` = ``W07``,
  the decade ``198X`` = ``198``, and an hour without minutes ``T17`` = ``T17:00``; the gold
  uses both forms); value F1: relaxed matches with the
  right value, over all system and all
  gold expressions (the TempEval-3 "value F1").

dateparser's ``search_dates`` (``RELATIVE_BASE`` = DCT, ``PREFER_DATES_FROM`` left at its
default) runs on the same texts in the same run. Its matches are located in the text in
order. It returns a datetime, not a TIMEX3 value, so its value counts as right when the
gold value equals the datetime written at the gold value's own granularity (year, month,
day, or minute): a lenient reading in its favour.

Usage: ``python benchmarks/times_tempeval.py [--limit N] [--corpus timebank|aquaint]``.
Writes ``benchmarks/results/times_tempeval.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from storydesk import nlp  # noqa: E402
from storydesk.extract.times import find_times  # noqa: E402
from storydesk.model import Article, Span  # noqa: E402

SHARED = ROOT / ".." / "shared"
DATA = SHARED / "data" / "tempeval3"
CORPORA = ("timebank", "aquaint")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    text: str = ""


@dataclass(frozen=True)
class Doc:
    corpus: str
    doc_id: str
    dct: dt.date
    text: str
    gold: list[Timex]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = f1(self.strict)
        rp, rr, rf = f1(self.relaxed)
        vp, vr, vf = f1(self.value)
        return {
            "gold": self.gold,
            "system": self.system,
            "strict_p": round(sp, 4),
            "strict_r": round(sr, 4),
            "strict_f1": round(sf, 4),
            "relaxed_p": round(rp, 4),
            "relaxed_r": round(rr, 4),
            "relaxed_f1": round(rf, 4),
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
            "type_accuracy": round(self.type / self.relaxed, 4) if self.relaxed else 0.0,
            "value_p": round(vp, 4),
            "value_r": round(vr, 4),
            "value_f1": round(vf, 4),
        }


@dataclass
class Miss:
    doc_id: str
    kind: str  # "missed", "spurious", "value"
    text: str
    gold: str | None
    system: str | None
    start: int = -1


@dataclass
class Result:
    counts: Counts = field(default_factory=Counts)
    misses: list[Miss] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load(corpora: tuple[str, ...] = CORPORA, limit: int | None = None) -> list[Doc]:
    docs: list[Doc] = []
    for corpus in corpora:
        path = DATA / f"{corpus}.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                gold = [
                    Timex(x["start"], x["end"], x.get("value"), x.get("type", "DATE"), x["text"])
                    for x in rec["timexes"]
                    if "start" in x
                ]
                docs.append(
                    Doc(corpus, rec["doc_id"], dt.date.fromisoformat(rec["dct"]["value"][:10]), rec["text"], gold)
                )
    docs.sort(key=lambda d: (d.corpus, d.doc_id))
    if limit is not None:
        docs = docs[:: max(1, len(docs) // limit)][:limit]
    return docs


def match(gold: list[Timex], system: list[Timex], doc_id: str, result: Result, *, lenient_values: bool = False) -> None:
    c = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    exact = {(s.start, s.end): n for n, s in enumerate(system)}
    pairs: list[tuple[Timex, Timex]] = []
    unmatched_gold: list[Timex] = []
    for g in gold:
        n = exact.get((g.start, g.end))
        if n is not None and n not in used:
            used.add(n)
            c.strict += 1
            pairs.append((g, system[n]))
        else:
            unmatched_gold.append(g)
    for g in unmatched_gold:
        overlap = [n for n, s in enumerate(system) if n not in used and s.start < g.end and g.start < s.end]
        if overlap:
            n = max(overlap, key=lambda k: min(system[k].end, g.end) - max(system[k].start, g.start))
            used.add(n)
            pairs.append((g, system[n]))
        else:
            result.misses.append(Miss(doc_id, "missed", g.text, g.value, None, g.start))
    for g, s in pairs:
        c.relaxed += 1
        ok = value_matches(g.value, s.value, lenient_values)
        c.value += ok
        c.type += g.type == s.type
        if not ok:
            result.misses.append(
                Miss(doc_id, "value", g.text + (" | " + s.text if s.text != g.text else ""), g.value, s.value, g.start)
            )
    for n, s in enumerate(system):
        if n not in used:
            result.misses.append(Miss(doc_id, "spurious", s.text, None, s.value, s.start))
    result.counts.add(c)


def canonical(value: str) -> str:
    """Spellings TIMEX3 treats as the same value: ``2000-W7`` = ``2000-W07``, ``198X`` = ``198``,
    and a clock hour with its minutes left out, ``1989-11-06T17`` = ``1989-11-06T17:00``."""
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    value = re.sub(r"T(\d\d)$", r"T\1:00", value)
    return re.sub(r"^(\d{2,3})X$", r"\1", value)


def value_matches(gold: str | None, system: str | None, lenient: bool) -> bool:
    if gold is None or system is None:
        return gold == system
    if canonical(gold) == canonical(system):
        return True
    if not lenient:
        return False
    # dateparser gives a full datetime: cut it to the gold value's form.
    if re.fullmatch(r"\d{4}", gold):
        return system[:4] == gold
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return system[:7] == gold
    if re.fullmatch(r"\d{4}-\d\d-\d\d", gold):
        return system[:10] == gold
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", gold):
        return system[:16] == gold
    return False


def run_storydesk(docs: list[Doc]) -> Result:
    result = Result()
    started = time.perf_counter()
    parsed = nlp.load().pipe((d.text for d in docs), batch_size=8)
    for d, doc in zip(docs, parsed, strict=True):
        article = Article(id=d.doc_id, text=d.text, raw=d.text, published=d.dct, paragraphs=_paragraphs(d.text))
        system = [
            Timex(t.evidence.start, t.evidence.end, t.value, t.type, t.evidence.text) for t in find_times(doc, article)
        ]
        match(d.gold, system, d.doc_id, result)
    result.seconds = time.perf_counter() - started
    return result


def _paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        spans.append(Span(start=m.start(), end=m.end()))
    return spans


def _locate(text: str, found: list[tuple[str, dt.datetime]]) -> Iterator[Timex]:
    pos = 0
    for sub, when in found:
        at = text.find(sub, pos)
        if at < 0:
            at = text.find(sub)
            if at < 0:
                continue
        else:
            pos = at + len(sub)
        value = when.strftime("%Y-%m-%dT%H:%M") if (when.hour or when.minute) else when.date().isoformat()
        yield Timex(at, at + len(sub), value, "DATE", sub)


def run_dateparser(docs: list[Doc]) -> Result:
    from dateparser.search import search_dates

    result = Result()
    started = time.perf_counter()
    for d in docs:
        base = dt.datetime(d.dct.year, d.dct.month, d.dct.day)
        try:
            found = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        except (ValueError, OverflowError, TypeError) as exc:  # a baseline's crash is a result
            result.failures.append(f"{d.doc_id}: {type(exc).__name__}: {exc}")
            found = []
        match(d.gold, list(_locate(d.text, found)), d.doc_id, result, lenient_values=True)
    result.seconds = time.perf_counter() - started
    return result


def evaluate(docs: list[Doc], *, baseline: bool = True) -> dict[str, object]:
    out: dict[str, object] = {"documents": len(docs)}
    for corpus in [*sorted({d.corpus for d in docs}), "all"]:
        part = [d for d in docs if corpus in {"all", d.corpus}]
        row: dict[str, object] = {"documents": len(part)}
        sd = run_storydesk(part)
        row["storydesk"] = {**sd.counts.scores(), "seconds": round(sd.seconds, 1)}
        row["_storydesk_misses"] = sd.misses
        if baseline:
            dp = run_dateparser(part)
            row["dateparser"] = {**dp.counts.scores(), "seconds": round(dp.seconds, 1), "failures": dp.failures}
            row["_dateparser_misses"] = dp.misses
        out[corpus] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score an evenly spread sample of N documents")
    parser.add_argument("--corpus", choices=CORPORA, default=None)
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    parser.add_argument("--misses", type=int, default=0, help="print N misses of storydesk")
    args = parser.parse_args()
    docs = load((args.corpus,) if args.corpus else CORPORA, args.limit)
    results = evaluate(docs, baseline=not args.no_baseline)
    header = (
        f"{'corpus':9} {'system':10} {'gold':>5} {'sys':>5} {'strictF1':>8} {'relaxF1':>8}"
        f" {'valAcc':>7} {'valF1':>6} {'secs':>6}"
    )
    print(header)
    for corpus, row in results.items():
        if not isinstance(row, dict):
            continue
        for system in ("storydesk", "dateparser"):
            if system in row:
                s = row[system]
                print(
                    f"{corpus:9} {system:10} {s['gold']:5} {s['system']:5} {s['strict_f1']:8.3f} {s['relaxed_f1']:8.3f}"
                    f" {s['value_accuracy']:7.3f} {s['value_f1']:6.3f} {s['seconds']:6.1f}"
                )
    allrow = results["all"]
    assert isinstance(allrow, dict)
    if args.misses:
        for m in allrow["_storydesk_misses"][: args.misses]:
            print(f"{m.kind:8} {m.doc_id[:18]:18} {m.text!r:40} gold={m.gold} sys={m.system}")
    serialisable = {
        k: ({kk: vv for kk, vv in v.items() if not kk.startswith("_")} if isinstance(v, dict) else v)
        for k, v in results.items()
    }
    if isinstance(allrow, dict) and "_storydesk_misses" in allrow:
        serialisable["storydesk_misses_sample"] = [asdict(m) for m in allrow["_storydesk_misses"][:300]]
    serialisable["limit"] = args.limit
    out = HERE / "results" / "times_tempeval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(serialisable, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
