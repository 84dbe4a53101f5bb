"""Extractive summaries on CNN/DailyMail (SummEval's 100 test articles): storydesk against
Lead-3 and TextRank (sumy), in one run, on the same sentences.

Data: ``../shared/data/cnndm/summeval.jsonl.gz`` (or under ``STORYDESK_SHARED``). It is
development data: storydesk's summary weights were tuned on its first 50 articles (``--tune``
repeats the grid search), so scores are given for that half (``dev``), for the other half
(``held_out``) and for all 100.

Pre-tokenised text: the articles come with spaces around punctuation (``team 's``,
``( CNN )``, ``$ 137,000``). Each article is detokenised with a few fixed rules (attach
punctuation, clitics and currency symbols; straighten ```` `` '' ```` quotes) before it is
cleaned and parsed, so that spaCy sees ordinary text. All three systems pick from the same
spaCy sentences of that text (Lead-3 is its first three; TextRank ranks the same sentences),
so only the choice of sentences differs.

Scoring: ROUGE-1, ROUGE-2 and ROUGE-L F1 from ``rouge-score`` with the Porter stemmer, each
summary against the article's ``reference`` (its highlights); rouge-score's own tokeniser
lower-cases and drops punctuation, so the detokenising does not change the tokens scored.
Also given: the mean over the 11 SummEval references (``references_all``).

    python benchmarks/summary_cnndm.py [--json benchmarks/results/summary_cnndm.json] [--limit N] [--tune]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import os
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from storydesk import nlp
from storydesk.extract import summary
from storydesk.ingest import make_article, source_from_text

ROOT = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("STORYDESK_SHARED") or ROOT.parent.parent / "shared")
DATA = SHARED / "data" / "cnndm" / "summeval.jsonl.gz"
METRICS = ("rouge1", "rouge2", "rougeL")
SENTENCES = 3
DEV = 50  # the first 50 articles are the tuning half


def detokenise(text: str) -> str:
    """Undo the corpus's spaces around punctuation: ``team 's`` -> ``team's``."""
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r"\s+([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$£€])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r'"\s+([^"]*?)\s+"', r'"\1"', text)
    return re.sub(r"\s{2,}", " ", text).strip()


class _Words:
    """A sumy tokenizer that needs no downloaded data: sentences are given, words by regex."""

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9']+", sentence)

    @staticmethod
    def to_sentences(paragraph: str) -> list[str]:  # not used: sentences are passed in
        return [paragraph]


@dataclass
class Article:
    doc_id: str
    reference: str
    references: list[str]
    sentences: list[str]
    features: list[summary.SentenceFeatures]


def load(limit: int | None = None, start: int = 0) -> list[Article]:
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines][start:][:limit]
    out = []
    for row in rows:
        article = make_article(source_from_text(detokenise(row["article"])), check_language=False)
        doc = nlp.parse(article.text)
        features = summary.sentence_features(doc)
        out.append(
            Article(
                doc_id=row["doc_id"],
                reference=detokenise(row["reference"]),
                references=[detokenise(r) for r in row["references_all"]],
                sentences=[article.text[f.start : f.end].strip() for f in features],
                features=features,
            )
        )
    return out


def lead(a: Article) -> list[str]:
    return a.sentences[:SENTENCES]


def textrank(a: Article) -> list[str]:
    tokenizer = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in a.sentences])])
    ranker = TextRankSummarizer(Stemmer("english"))
    ranker.stop_words = get_stop_words("english")
    return [str(s) for s in ranker(document, SENTENCES)]


def storydesk_with(weights: summary.Weights) -> Callable[[Article], list[str]]:
    def pick(a: Article) -> list[str]:
        return [a.sentences[f.index] for f in summary.choose(a.features, SENTENCES, weights)]

    return pick


_SCORER = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
_CACHE: dict[tuple[str, tuple[str, ...]], dict[str, float]] = {}


def rouge(reference: str, sentences: Sequence[str]) -> dict[str, float]:
    key = (reference, tuple(sentences))
    if key not in _CACHE:
        scores = _SCORER.score(reference, " ".join(sentences))
        _CACHE[key] = {m: scores[m].fmeasure for m in METRICS}
    return _CACHE[key]


def evaluate(
    articles: list[Article], system: Callable[[Article], list[str]], *, all_refs: bool = False
) -> dict[str, float]:
    rows = []
    for a in articles:
        picked = system(a)
        if all_refs:
            per_ref = [rouge(r, picked) for r in a.references]
            rows.append({m: statistics.mean(s[m] for s in per_ref) for m in METRICS})
        else:
            rows.append(rouge(a.reference, picked))
    return {m: round(100 * statistics.mean(r[m] for r in rows), 2) for m in METRICS}


def tune(articles: list[Article]) -> tuple[summary.Weights, float]:
    """Grid search on ``articles``: the weights with the best mean of ROUGE-1/2/L F1."""
    grid = {
        "position_decay": [0.2, 0.35, 0.5, 0.8],
        "centrality": [0.0, 0.25, 0.5, 1.0],
        "entities": [0.0, 0.2, 0.4],
        "numbers": [0.0, 0.1],
        "quote": [0.0, 0.3, 0.6],
        "long_words": [35, 45, 60],
    }
    best, best_score = summary.DEFAULT_WEIGHTS, -1.0
    for values in itertools.product(*grid.values()):
        weights = dataclasses.replace(summary.DEFAULT_WEIGHTS, **dict(zip(grid, values, strict=True)))
        scores = evaluate(articles, storydesk_with(weights))
        mean = statistics.mean(scores.values())
        if mean > best_score:
            best, best_score = weights, mean
    return best, round(best_score, 2)


def run(limit: int | None = None) -> dict[str, Any]:
    articles = load(limit)
    halves = {"dev": articles[:DEV], "held_out": articles[DEV:], "all": articles}
    systems = {
        "storydesk": storydesk_with(summary.DEFAULT_WEIGHTS),
        "lead3": lead,
        "textrank": textrank,
    }
    out: dict[str, Any] = {}
    for name, part in halves.items():
        if part:
            out[name] = {"articles": len(part), **{s: evaluate(part, f) for s, f in systems.items()}}
    out["all_references"] = {s: evaluate(articles, f, all_refs=True) for s, f in systems.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--tune", action="store_true", help="grid-search the weights on the dev half and print them")
    args = parser.parse_args(argv)
    if args.tune:
        weights, score = tune(load(args.limit)[:DEV])
        print(json.dumps({"weights": dataclasses.asdict(weights), "dev_mean_rouge_f1": score}, indent=2))
        return 0
    out = {
        "data": "cnndm/summeval.jsonl.gz (SummEval's 100 CNN/DM test articles; development data)",
        "metric": "ROUGE F1 x100, rouge-score with Porter stemming, against `reference`; "
        "all_references: mean over the 11 references",
        "sentences": SENTENCES,
        "weights": dataclasses.asdict(summary.DEFAULT_WEIGHTS),
        "tuned_on": f"first {DEV} articles (dev)",
        **run(args.limit),
    }
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
