"""People and their attributes against the hand-written gold casts in benchmarks/gold/reports.

Matching: a gold person matches the system person (named or not) that shares a name form
with it, compared case-folded without titles (gold ``name`` and ``variants`` against the
system's ``name`` and ``variants``); a gold person the text never names (``name`` null)
matches an unnamed system person when one of its descriptions is a word prefix of one of
the gold descriptions or the reverse (``a jogger`` ~ ``A jogger who found Mr Ashdown``);
each system person matches at most one gold person.
Person precision counts named system people only (descriptions of unnamed people are
judged through their attributes). Attributes are compared on matched pairs, as sets of
normalised values per kind: age, gender, title (full form), occupation, nationality,
relation (label plus the other person, by matched name; labels without modifiers such as
``older`` or ``estranged``, which gold writers give or leave out, and with ``to`` or ``for``
read as ``of``: ``deputy to`` is ``deputy of``). An attribute the system states
for an unmatched person counts against precision. An occupation or title that is a
whole-word part of a gold phrase is that phrase; so is an occupation whose content words are
all in it, in another order (``council president``, ``president of the common council``). A
relation the gold states only from the other person's side (``lawyer of X`` on the lawyer)
is not counted against its inverse (``client of`` the lawyer, on X).

Reports 001-035 are where rule errors are looked at and fixed; 036-050 are read less (their
scores are given apart under ``split`` as the less-seen part). Reports 051-062
(``gold/holdout``), 063-070 (``gold/holdout2``) and 071-078 (``gold/holdout3``) were written
later by writers who saw neither the rules nor their output, as are 079-086 (``gold/holdout4``),
087-094 (``gold/holdout5``), 095-102 (``gold/holdout6``), 103-110 (``gold/holdout7``),
111-118 (``gold/holdout8``), 119-126 (``gold/holdout9``), 127-134 (``gold/holdout10``),
135-142 (``gold/holdout11``), 143-150 (``gold/holdout12``), 151-158 (``gold/holdout13``),
159-166 (``gold/holdout14``), 167-174 (``gold/holdout15``), 175-182 (``gold/holdout16``),
183-190 (``gold/holdout17``) and 191-198 (``gold/holdout18``); their scores are given apart
under ``held_out``, not in the totals (see ``HOLDOUT_DIRS`` for which were read since).

    python benchmarks/people_gold.py [--json benchmarks/results/people_gold.json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storydesk import analyze, conventions
from storydesk.model import CaseFile

sys.path.insert(0, str(Path(__file__).resolve().parent))

from people_gvdb import use_model

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "reports"
# Reports written on 2026-11-26 by writers who saw neither the rules nor their output, scored
# apart from the totals. 051-062 were measured once unread (3516b61: attributes P 0.861
# R 0.598), then their misses were read and rules fixed. 063-070 were measured unread
# (3516b61: P 0.894 R 0.544), then read to find what a later commit made worse there, then
# for rule work. 071-078 and 079-086 are not read for rule work (their misses are not printed).
# 087-094 and 095-102 were written on 2026-11-26 by two more writers; both were measured unread
# at 9a22042 (attributes P 0.867 R 0.627 and P 0.855 R 0.678), then 087-094 was read for rule
# work and 095-102 was not. The aggregate scores of the unread sets were looked at after
# changes, and one change was narrowed after them (see the 2026-11-26 issue note), so 103-118,
# written last by two more writers and scored only at the end, are the cleanest measure:
# at 9a22042 attributes P 0.865 R 0.589. 119-126 (a fifth writer) was measured unread
# (9a22042: P 0.817 R 0.550; at d6b4ffe: P 0.850 R 0.610), then read for rule work. On
# 2026-11-26 three more writers wrote 127-134 (British), 135-142 (American) and 143-150 (Irish,
# Scottish, Australian, New Zealand, Canadian outlets): all three were measured unread at
# 20c5595 (127-134 attributes P 0.837 R 0.559; 135-142 P 0.854 R 0.496; 143-150 P 0.937
# R 0.636), then 127-134 was read for rule work and 135-150 were scored only at 24e9c79 and at
# the end of that day's work. On 2026-11-26 (a new session, from 7556705) three more writers
# wrote 151-158 (British), 159-166 (American) and 167-174 (Indian, South African, Singaporean,
# Kenyan and Nigerian outlets): all three were measured unread at 7556705 (151-158 attributes
# P 0.892 R 0.650; 159-166 P 0.842 R 0.532; 167-174 P 0.784 R 0.413), then 159-174 were read
# for rule work and 151-158 joined the unread sets.
HOLDOUT_DIRS = {
    "051-062": Path(__file__).resolve().parent / "gold" / "holdout",
    "063-070": Path(__file__).resolve().parent / "gold" / "holdout2",
    "071-078": Path(__file__).resolve().parent / "gold" / "holdout3",
    "079-086": Path(__file__).resolve().parent / "gold" / "holdout4",
    "087-094": Path(__file__).resolve().parent / "gold" / "holdout5",
    "095-102": Path(__file__).resolve().parent / "gold" / "holdout6",
    "103-110": Path(__file__).resolve().parent / "gold" / "holdout7",
    "111-118": Path(__file__).resolve().parent / "gold" / "holdout8",
    "119-126": Path(__file__).resolve().parent / "gold" / "holdout9",
    "127-134": Path(__file__).resolve().parent / "gold" / "holdout10",
    "135-142": Path(__file__).resolve().parent / "gold" / "holdout11",
    "143-150": Path(__file__).resolve().parent / "gold" / "holdout12",
    "151-158": Path(__file__).resolve().parent / "gold" / "holdout13",
    "159-166": Path(__file__).resolve().parent / "gold" / "holdout14",
    "167-174": Path(__file__).resolve().parent / "gold" / "holdout15",
    "175-182": Path(__file__).resolve().parent / "gold" / "holdout16",
    "183-190": Path(__file__).resolve().parent / "gold" / "holdout17",
    "191-198": Path(__file__).resolve().parent / "gold" / "holdout18",
}
# The held-out sets no rule work has read: their pooled score is the one the goal is judged on
# (051-062, 063-070, 087-094, 119-126, 127-134, 159-166, 167-174 and 183-190 were measured
# unread, then read for rules).
UNREAD = (
    "071-078",
    "079-086",
    "095-102",
    "103-110",
    "111-118",
    "135-142",
    "143-150",
    "151-158",
    "175-182",
    "191-198",
)
KINDS = ("age", "gender", "title", "occupation", "nationality", "relation")
# Whether an occupation that repeats a title the gold gives the person counts (see score_report)
COUNT_TITLE_OCCUPATIONS = False
# Reports up to this number are where rule errors are read and fixed; the rest are seen less.
LOOKED_AT = 35


def _norm(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip().strip("'\"‘’“”"))
    return re.sub(r"\s+", " ", name).casefold()


def _forms(names: Iterable[str]) -> set[str]:
    return {_norm(n) for n in names if n}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], system: set[Any]) -> None:
        self.tp += len(gold & system)
        self.fp += len(system - gold)
        self.fn += len(gold - system)

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }


@dataclass
class Results:
    people: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    misses: list[str] = field(default_factory=list)

    def merge(self, other: Results) -> None:
        for mine, theirs in [(self.people, other.people), *((self.kinds[k], other.kinds[k]) for k in KINDS)]:
            mine.tp, mine.fp, mine.fn = mine.tp + theirs.tp, mine.fp + theirs.fp, mine.fn + theirs.fn
        self.misses.extend(other.misses)

    def summary(self) -> dict[str, Any]:
        return {
            "people": self.people.scores(),
            "attributes": self.all_attributes().scores(),
            "by_kind": {k: t.scores() for k, t in self.kinds.items()},
        }

    def all_attributes(self) -> Tally:
        total = Tally()
        for t in self.kinds.values():
            total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
        return total


# Words that say which of a relation, not what relation: gold writers write "older brother of"
# for one report and "brother of" for the next, so both sides are compared without them.
_RELATION_MODIFIERS = re.compile(
    r"^(?:(?:older|younger|elder|eldest|big|little|twin|estranged|late|college|long-time|longtime|close|best|childhood|lifelong)\s+)+"
)


# "deputy to" and "deputy of", "adviser to" and "adviser of": one relation, whichever
# preposition the gold writer or storydesk joins it with
_RELATION_PREPOSITION = re.compile(r"\s+(?:to|for)$")


# "attorney of", "solicitor for", "barrister of", "advocate of": the one relation storydesk
# calls "lawyer of" (the word), whichever the gold writer's newsroom uses (scorer change
# of 2026-11-26)
_LAWYER = re.compile(r"^(?:defen[cs]e\s+)?(?:attorney|solicitor|barrister|advocate|counsel|lawyer)\s+of$")


def _relation_label(label: str) -> str:
    label = _RELATION_PREPOSITION.sub(" of", _RELATION_MODIFIERS.sub("", label.casefold()))
    return "lawyer of" if _LAWYER.match(label) else label


def _system_values(case: CaseFile, pid: str, kind: str, names: dict[str, str]) -> set[Any]:
    values: set[Any] = set()
    for fact in case.facts_about(pid, kind):
        if kind == "relation":
            other = fact.qualifier or ""
            values.add((_relation_label(str(fact.value)), names.get(_norm(other), _norm(other))))
        elif kind == "age":
            values.add(int(fact.value))
        else:
            values.add(str(fact.value).casefold())
    return values


def _gold_values(person: dict[str, Any], kind: str, names: dict[str, str]) -> set[Any]:
    if kind == "age":
        return {person["age"]} if person.get("age") is not None else set()
    if kind == "gender":
        return {person["gender"]} if person.get("gender") else set()
    if kind == "relation":
        return {
            (_relation_label(r["relation"]), names.get(_norm(r["other"]), _norm(r["other"])))
            for r in person.get("relations", [])
        }
    key = {"title": "titles", "occupation": "occupations", "nationality": "nationalities"}[kind]
    values = {str(v).casefold() for v in person.get(key, [])}
    return values


_DETERMINERS = {"a", "an", "the", "one", "her", "his", "their", "its"}


def _description_tokens(text: str) -> tuple[str, ...]:
    tokens = re.findall(r"[\w'-]+", text.casefold())
    while tokens and tokens[0] in _DETERMINERS:
        tokens = tokens[1:]
    return tuple(tokens)


def _same_description(system: Iterable[str], gold: Iterable[str]) -> bool:
    """An unnamed person matches when one description is a word prefix of the other
    (``a jogger`` ~ ``A jogger who found Mr Ashdown``), determiners aside."""
    for s in system:
        st = _description_tokens(s)
        for g in gold:
            gt = _description_tokens(g)
            shorter, longer = sorted((st, gt), key=len)
            if shorter and longer[: len(shorter)] == shorter:
                return True
    return False


def _repeats_title(occupation: str, titles: set[str]) -> bool:
    """The occupation is one of the titles, or ends with one (``tillman county coroner``)."""
    return any(occupation == t or occupation.endswith(" " + t) for t in titles)


def _contains(longer: str, shorter: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(shorter) + r"(?!\w)", longer) is not None


_LINKING = frozenset({"of", "the", "a", "an", "at", "for", "to", "on", "in"})


def _inverse_labels() -> dict[str, set[str]]:
    """Relation label -> the labels of the same relation seen from the other person."""
    found: dict[str, set[str]] = {}
    for relation in conventions.relations().values():
        label = _relation_label(relation.label)
        for inverse in {relation.inverse_male, relation.inverse_female, relation.inverse_unknown}:
            found.setdefault(label, set()).add(_relation_label(inverse))
            found.setdefault(_relation_label(inverse), set()).add(label)
    return found


_INVERSES = _inverse_labels()


def _content_words(phrase: str) -> set[str]:
    return {re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’&-]+", phrase.casefold())} - _LINKING


def _reordered(shorter: str, longer: str) -> bool:
    """``council president`` is ``president of the common council``: every content word of
    the shorter phrase is in the longer, its head (last word) among them. ``company president``
    is not ``president of Keystone Heritage Coaches``: ``company`` is not in it."""
    words = _content_words(shorter)
    return bool(words) and words <= _content_words(longer)


def _phrase_for(value: Any, phrases: set[Any], reordered: bool = False) -> Any:
    for phrase in sorted(phrases, key=str):
        if _contains(str(phrase), str(value)) or _contains(str(value), str(phrase)):
            return phrase
    for phrase in sorted(phrases, key=str) if reordered else ():
        if _reordered(str(value), str(phrase)) or _reordered(str(phrase), str(value)):
            return phrase
    return value


def score_report(text: str, gold: dict[str, Any], results: Results, name: str) -> None:
    case = analyze(text, published=gold.get("published"), check_language=False)
    system = [(p, _forms([p.name, *p.variants])) for p in case.people]
    gold_people = [(g, _forms([g["name"], *g.get("variants", [])])) for g in gold.get("people", [])]
    pairs: dict[int, str] = {}
    used: set[str] = set()
    for gi, (_, gforms) in enumerate(gold_people):
        for person, sforms in system:
            if person.id not in used and gforms & sforms:
                pairs[gi] = person.id
                used.add(person.id)
                break
    # Unnamed gold people (name null) match an unnamed system person by description.
    for gi, (g, _) in enumerate(gold_people):
        if gi in pairs or g.get("name"):
            continue
        for person, _ in system:
            if person.id in used or person.named:
                continue
            described = [person.name, *(str(f.value) for f in case.facts_about(person.id, "description"))]
            if _same_description(described, g.get("descriptions", [])):
                pairs[gi] = person.id
                used.add(person.id)
                break
    # canonical names so relation targets compare across gold and system
    canon: dict[str, str] = {}
    for gi, (g, gforms) in enumerate(gold_people):
        key = _norm(g["name"] or (g.get("descriptions") or [""])[0])
        for form in gforms:
            canon[form] = key
        if gi in pairs:
            person = next(p for p, _ in system if p.id == pairs[gi])
            for form in _forms([person.name, *person.variants]):
                canon[form] = key
    named_system = {p.id for p, _ in system if p.named}
    results.people.tp += len(pairs)
    results.people.fn += len(gold_people) - len(pairs)
    results.people.fp += len(named_system - used)
    for person, _ in system:
        if person.id in named_system - used:
            results.misses.append(f"{name}: extra person {person.name}")
    for gi, (g, _) in enumerate(gold_people):
        if gi not in pairs:
            described = "" if g["name"] else f" {g.get('descriptions', [])[:3]}"
            results.misses.append(f"{name}: missed person {g['name']}{described}")
    # A relation the gold states from the other person's side ("Gavin Thorne: lawyer of Paul
    # Renshaw") is the same fact as its inverse on this side ("Paul Renshaw: client of Gavin
    # Thorne"); storydesk states both, the gold often one. Such a value is neither right nor
    # wrong here: it is left out of this side's comparison (the other side scores the fact).
    implied: dict[str, set[tuple[str, str]]] = {}
    for g, _ in gold_people:
        holder = _norm(g["name"] or (g.get("descriptions") or [""])[0])
        for label, other in _gold_values(g, "relation", canon):
            for inverse in _INVERSES.get(label, ()):
                implied.setdefault(other, set()).add((inverse, holder))
    for gi, (g, _) in enumerate(gold_people):
        for kind in KINDS:
            gold_values = _gold_values(g, kind, canon)
            system_values = _system_values(case, pairs[gi], kind, canon) if gi in pairs else set()
            if kind == "relation":
                key = _norm(g["name"] or (g.get("descriptions") or [""])[0])
                system_values -= implied.get(key, set()) - gold_values
            if kind in {"occupation", "title"}:
                # Gold and storydesk both give phrases ("chief executive of Pemberton Foods",
                # "local MP"); a value that is a whole-word part of the other side's phrase, either
                # way round, is that phrase; so is one whose content words all are, in another
                # order ("finance committee chairwoman", "chairwoman of the finance committee").
                system_values = {_phrase_for(v, gold_values, kind == "occupation") for v in system_values}
            if kind == "occupation" and not COUNT_TITLE_OCCUPATIONS:
                # "Mayor Diane Featherstone", "Tillman County Coroner Dale Hutchins": storydesk
                # gives the title and the office it names (occupation "mayor", "tillman county
                # coroner"); a gold that records the office as a title only has the fact already,
                # so that occupation is neither right nor wrong here (scorer change of 2026-11-26;
                # --count-title-occupations scores it as before)
                titles = {_norm(t) for t in g.get("titles") or []}
                system_values = {v for v in system_values if v in gold_values or not _repeats_title(_norm(v), titles)}
            results.kinds[kind].add(gold_values, system_values)
            for v in system_values - gold_values:
                results.misses.append(f"{name}: {g['name']} {kind}: extra {v}")
            for v in gold_values - system_values:
                results.misses.append(f"{name}: {g['name']} {kind}: missed {v}")
    for person, _ in system:
        if person.id in used:
            continue
        for kind in KINDS:
            extra = _system_values(case, person.id, kind, canon)
            results.kinds[kind].fp += len(extra)
            for v in extra:
                results.misses.append(f"{name}: unmatched {person.name} {kind}: extra {v}")


def run_gold(files: list[Path]) -> Results:
    """Score the gold reports ``files`` (``NNN-slug.gold.json`` paths)."""
    results = Results()
    for path in files:
        text_path = path.with_name(path.name.replace(".gold.json", ".txt"))
        if not text_path.exists():
            continue
        score_report(text_path.read_text("utf-8"), json.loads(path.read_text("utf-8")), results, path.stem)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "people_gold.json")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--model", help="measure with another installed spaCy model package (import name)")
    parser.add_argument(
        "--count-title-occupations",
        action="store_true",
        help="score an occupation that repeats a gold title as an extra (the scorer before 2026-11-26)",
    )
    args = parser.parse_args()
    global COUNT_TITLE_OCCUPATIONS
    COUNT_TITLE_OCCUPATIONS = args.count_title_occupations
    if args.model:
        use_model(args.model)
    files = sorted(GOLD_DIR.glob("*.gold.json"))[: args.limit]
    looked_at = [f for f in files if int(f.name[:3]) <= LOOKED_AT]
    less_seen = [f for f in files if int(f.name[:3]) > LOOKED_AT]
    parts = {f"001-{LOOKED_AT:03d}": run_gold(looked_at), f"{LOOKED_AT + 1:03d}-050": run_gold(less_seen)}
    results = Results()
    for part in parts.values():
        results.merge(part)
    out: dict[str, Any] = {"reports": len(files), **results.summary()}
    out["split"] = {
        label: {"reports": n, **part.summary()}
        for (label, part), n in zip(parts.items(), (len(looked_at), len(less_seen)), strict=True)
    }
    out["held_out"] = {}
    unread = Results()
    for label, folder in HOLDOUT_DIRS.items():
        held = sorted(folder.glob("*.gold.json"))
        scored = run_gold(held)
        out["held_out"][label] = {"reports": len(held), **scored.summary()}
        if label in UNREAD:
            unread.merge(scored)
    out["unread"] = {"sets": list(UNREAD), **unread.summary()}
    print(f"reports: {len(files)}")
    print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for label, s in [("people", out["people"]), ("attributes", out["attributes"]), *out["by_kind"].items()]:
        print(f"{label:12} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for label, part_out in out["split"].items():
        for kind in ("people", "attributes"):
            s = part_out[kind]
            print(f"{label} {kind:12} P {s['precision']:.3f} R {s['recall']:.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for label, part_out in out["held_out"].items():
        for kind in ("people", "attributes"):
            s = part_out[kind]
            print(f"{label} {kind:12} P {s['precision']:.3f} R {s['recall']:.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for kind in ("people", "attributes"):
        s = out["unread"][kind]
        print(f"unread  {kind:12} P {s['precision']:.3f} R {s['recall']:.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    if args.show_misses:
        for line in results.misses:
            print("  " + line)
        print(Counter(m.split(": ", 2)[1].split()[-2] if "kind" in m else "x" for m in results.misses))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
