"""Quote accuracy on the project's fictional gold reports (``benchmarks/gold/reports``).

Format: ``benchmarks/gold/FORMAT.md``. A gold quote gives the speaker's gold name (or a
group such as ``friends of X``, or null), the first words of the quoted content
(``starts``) and the kind (direct, partial, indirect).

Matching: text is normalised (case folded, curly quotes and apostrophes straightened,
whitespace collapsed); a predicted quote matches a gold quote when its text contains the
gold ``starts``, or the gold ``starts`` begins with the first eight words of the predicted
text (a shorter prediction of the same quote); one-to-one, in text order, a prediction of
the gold kind first. Predicted quotes sharing a cue are one quotation (``'...,' she said.
'...'``, or sentences running on from an attributed one), as PolNeAR's one attribution with
several spans: once one part matches a gold quote, the other parts are not counted as
predictions (neither hits nor false quotes).
Speaker (names compared after ``norm`` and without a leading ``the``): correct when the
predicted speaker entity's name or a variant equals the gold speaker's name or one of its
gold variants; when no entity was given (the cast lacks the speaker), when the speaker text
itself equals one of those gold forms, as in the PolNeAR benchmark, where the speaker span
alone may match the source; for an unnamed speaker outside the gold cast (``a witness``),
when one speaker text starts with the other and the entity given, if any, is an unnamed
person (``named`` false: the description itself, not someone else) or one the gold words
name (``a spokesman for the Department for Business``); for a group speaker
(``friends of X``), when the predicted speaker text starts with the same group word, also
after a determiner or a possessor (``his family``, ``Ms Nowak's family``), and no entity was
given; an unnamed person of the cast the quote was resolved to counts by its name as well as
by the speaker text (``she`` resolved to the unnamed ``one employee``); for a null gold
speaker, when none was predicted. Not-quotes: kept apart when a quoted term has the same text
(marks stripped) and no quote has it.

The cast comes from ``storydesk.analyze.analyze_article`` when it exists and finds
people, else from spaCy entities (the output says which).

Usage: ``PYTHONPATH=src python benchmarks/quotes_gold.py [--show-misses K]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_common import analyse, article_from_text
from storydesk.model import Quote

REPORTS = Path(__file__).resolve().parent / "gold" / "reports"
RESULTS = Path(__file__).resolve().parent / "results" / "quotes_gold.json"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_GROUP_WORD = re.compile(r"^(\w+) of ")


def norm(text: str | None) -> str:
    text = (text or "").translate(_QUOTES).lower()
    text = re.sub(r"[\"']", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None
    starts: str
    kind: str


@dataclass
class Totals:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_checked: int = 0
    speaker_correct: int = 0
    kind_correct: int = 0
    not_quotes: int = 0
    not_quotes_kept_apart: int = 0
    not_quotes_leaked: int = 0


def _names(gold: dict[str, object]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for group in ("people", "organisations"):
        items = gold.get(group) or []
        assert isinstance(items, list)
        for item in items:
            if not item.get("name"):
                continue
            forms = {norm(item["name"]), *(norm(v) for v in item.get("variants", []) or [])}
            names[norm(item["name"])] = forms
    return names


def _speaker_ok(
    quote: Quote,
    gold: GoldQuote,
    names: dict[str, set[str]],
    entity_names: dict[str, set[str]],
    unnamed: set[str],
) -> bool:
    if gold.speaker is None:
        return quote.speaker_id is None and quote.speaker_text is None
    wanted, said = norm(gold.speaker), norm(quote.speaker_text)
    group = _GROUP_WORD.match(wanted)
    if group and wanted not in names:
        word, head = group.group(1), _group_head((quote.speaker_text or "").translate(_QUOTES).lower())
        same_group = said.startswith(word) or head == word or head.startswith(f"{word} of ")
        return quote.speaker_id is None and same_group
    if wanted not in names:
        # an unnamed speaker outside the cast (a witness, officials): the same words, and
        # no entity or only the unnamed person those words describe
        same_words = bool(said) and (wanted.startswith(said) or said.startswith(wanted))
        if quote.speaker_id in unnamed:
            # 'she said' resolved to the unnamed person 'one employee': that person's words
            return same_words or any(
                n and (wanted.startswith(n) or n.startswith(wanted)) for n in entity_names.get(quote.speaker_id, set())
            )
        if quote.speaker_id is None:
            return same_words
        # a spokesman for the Department for Business -> the Department for Business: the
        # entity is one the gold words name
        padded = f" {wanted} "
        return same_words and any(f" {_bare(n)} " in padded for n in entity_names.get(quote.speaker_id, set()))
    forms = {_bare(f) for f in names[wanted]}
    if quote.speaker_id is None:
        return _bare(said) in forms
    return bool({_bare(n) for n in entity_names.get(quote.speaker_id, set())} & forms)


_GROUP_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "one"})


def _group_head(said: str) -> str:
    """The speaker text (lower case, apostrophes kept) from its group word on: ``his
    family``, ``ms nowak's family``, ``the friends of the driver`` -> ``family``, ``family``,
    ``friends of the driver``."""
    words = said.split()
    while words and words[0] in _GROUP_DETERMINERS:
        words = words[1:]
    possessor = next((i for i, w in enumerate(words[:3]) if w.endswith("'s")), None)
    if possessor is not None:
        words = words[possessor + 1 :]
    return norm(" ".join(words))


def _bare(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _cue(quote: Quote) -> tuple[int, int] | None:
    return (quote.cue.start, quote.cue.end) if quote.cue is not None else None


def _matches(quote: Quote, gold: GoldQuote) -> bool:
    text, starts = norm(quote.evidence.text), norm(gold.starts)
    head = " ".join(text.split()[:8])
    return bool(starts) and (starts in text or (len(head) >= 12 and starts.startswith(head)))


def evaluate(paths: Sequence[Path], *, cast: str, misses: list[str]) -> tuple[Totals, Counter[str], str]:
    totals = Totals()
    by_kind: Counter[str] = Counter()
    cast_source = ""
    for gold_path in paths:
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        analysed = analyse(article_from_text(text_path.read_text(encoding="utf-8"), published=published), cast=cast)
        cast_source = analysed.cast_source
        names = _names(gold)
        entity_names = {e.id: {norm(e.name), *(norm(v) for v in e.variants)} for e in analysed.entities()}
        unnamed = {p.id for p in analysed.people if not p.named}
        golds = [
            GoldQuote(q.get("speaker"), q.get("starts", ""), q.get("kind", "direct")) for q in gold.get("quotes") or []
        ]
        used: set[int] = set()
        totals.gold += len(golds)
        totals.predicted += len(analysed.quotes)
        for g in golds:
            by_kind[f"gold/{g.kind}"] += 1
            candidates = [i for i, q in enumerate(analysed.quotes) if i not in used and _matches(q, g)]
            # a clause with a partial quote inside is two quotes: each gold takes its own kind first
            hit = next(
                (i for i in candidates if analysed.quotes[i].kind == g.kind), candidates[0] if candidates else None
            )
            if hit is None:
                misses.append(f"MISS {gold_path.name} {g.kind} {g.speaker!r}: {g.starts!r}")
                continue
            used.add(hit)
            quote = analysed.quotes[hit]
            totals.matched += 1
            by_kind[f"matched/{g.kind}"] += 1
            totals.kind_correct += quote.kind == g.kind
            if g.speaker is not None:
                totals.speaker_checked += 1
                ok = _speaker_ok(quote, g, names, entity_names, unnamed)
                totals.speaker_correct += ok
                if not ok:
                    misses.append(
                        f"SPKR {gold_path.name}: gold {g.speaker!r} predicted {quote.speaker_text!r}"
                        f" -> {quote.speaker_id} for {g.starts!r}"
                    )
        matched_cues = {_cue(analysed.quotes[i]) for i in used} - {None}
        for i, q in enumerate(analysed.quotes):
            if i in used:
                continue
            if _cue(q) in matched_cues:
                # the rest of a matched quotation ('...,' she said. '...'): one quote, not two
                totals.predicted -= 1
                continue
            misses.append(f"FP   {gold_path.name} {q.kind} {q.speaker_text!r}: {q.evidence.text[:100]!r}")
        quote_texts = {norm(q.evidence.text) for q in analysed.quotes}
        term_texts = {norm(t.evidence.text) for t in analysed.terms}
        for item in gold.get("not_quotes") or []:
            wanted = norm(item["text"])
            totals.not_quotes += 1
            kept = wanted in term_texts and wanted not in quote_texts
            totals.not_quotes_kept_apart += kept
            totals.not_quotes_leaked += wanted in quote_texts
            if not kept:
                misses.append(f"TERM {gold_path.name}: not-quote {item['text']!r} not kept apart")
    return totals, by_kind, cast_source


def summary(totals: Totals, by_kind: Counter[str], reports: int, cast_source: str) -> dict[str, object]:
    p = totals.matched / totals.predicted if totals.predicted else 0.0
    r = totals.matched / totals.gold if totals.gold else 0.0
    return {
        "reports": reports,
        "cast": cast_source,
        "gold_quotes": totals.gold,
        "predicted_quotes": totals.predicted,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "recall_by_kind": {
            kind: round(by_kind[f"matched/{kind}"] / by_kind[f"gold/{kind}"], 4)
            for kind in ("direct", "partial", "indirect")
            if by_kind[f"gold/{kind}"]
        },
        "kind_accuracy": round(totals.kind_correct / totals.matched, 4) if totals.matched else 0.0,
        "speaker_accuracy": round(totals.speaker_correct / totals.speaker_checked, 4)
        if totals.speaker_checked
        else 0.0,
        "speaker_checked": totals.speaker_checked,
        "not_quotes": totals.not_quotes,
        "not_quotes_kept_apart": totals.not_quotes_kept_apart,
        "not_quotes_leaked_as_quotes": totals.not_quotes_leaked,
    }


# reports 001-035 are the ones speaker rules were studied on; 036-050 are the less-seen part
_SEEN_LAST = 35
_PART_KEYS = ("reports", "gold_quotes", "predicted_quotes", "f1", "speaker_accuracy", "speaker_checked")


def _parts(paths: Sequence[Path]) -> dict[str, list[Path]]:
    def number(path: Path) -> int:
        head = path.name.split("-", 1)[0]
        return int(head) if head.isdigit() else 0

    seen = [p for p in paths if number(p) <= _SEEN_LAST]
    rest = [p for p in paths if number(p) > _SEEN_LAST]
    last = max((number(p) for p in rest), default=_SEEN_LAST + 1)
    return {f"001-{_SEEN_LAST:03d}": seen, f"{_SEEN_LAST + 1:03d}-{last:03d}": rest}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cast", choices=("auto", "fallback", "analyze"), default="auto")
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    paths = sorted(REPORTS.glob("*.gold.json"))
    misses: list[str] = []
    totals, by_kind = Totals(), Counter[str]()
    parts: dict[str, dict[str, object]] = {}
    cast_source = ""
    for label, part in _parts(paths).items():
        part_totals, part_kinds, cast_source = evaluate(part, cast=args.cast, misses=misses)
        parts[label] = summary(part_totals, part_kinds, len(part), cast_source)
        for field in fields(Totals):
            setattr(totals, field.name, getattr(totals, field.name) + getattr(part_totals, field.name))
        by_kind.update(part_kinds)
    result = summary(totals, by_kind, len(paths), cast_source)
    for key, value in result.items():
        print(f"{key:30} {value}")
    for label, part_result in parts.items():
        print(
            f"part {label:25} reports {part_result['reports']}  f1 {part_result['f1']}"
            f"  speaker_accuracy {part_result['speaker_accuracy']} ({part_result['speaker_checked']})"
        )
    result["parts"] = {label: {key: part_result[key] for key in _PART_KEYS} for label, part_result in parts.items()}
    for line in misses[: args.show_misses]:
        print(line)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
