"""Extractive summary and headline, on fictional reports and hand-built case files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

from storydesk import analyze, nlp
from storydesk.cli import main
from storydesk.extract import summary
from storydesk.ingest import make_article, source_from_text
from storydesk.model import Argument, Article, Event, Evidence, Fact, TimeRef
from storydesk.render import render_markdown, render_text

REPORT = (
    "A delivery rider was stabbed ten times outside a takeaway in Brennock town centre on Friday night, "
    "and police have arrested a teenager on suspicion of attempted murder.\n\n"
    "Tomasz Wierzbicki, 29, was found with wounds to his chest in Gale Street shortly after 11pm.\n\n"
    "He remains in a critical but stable condition in Brennock General Hospital.\n\n"
    "'It was horrible,' one neighbour said.\n\n"
    "A 17-year-old boy from Brennock was arrested on Saturday and released on bail pending further inquiries.\n\n"
    "Detective Inspector Ruth Amesbury of Wessex Vale Police appealed for anyone with phone footage of the "
    "attack on Gale Street to contact the force.\n\n"
    "The street has been the scene of several violent incidents in recent months, residents said."
)


def _prepared(text: str) -> tuple[Doc, Article]:
    article = make_article(source_from_text(text))
    return nlp.parse(article.text), article


@pytest.mark.parametrize("n", [1, 3, 5])
def test_n_sentences_in_report_order_as_evidence(n: int) -> None:
    doc, article = _prepared(REPORT)
    sentences = summary.summary_sentences(doc, article, n)
    assert len(sentences) == n
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    for s in sentences:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text[-1] in ".'\""


def test_more_sentences_than_the_report_has_gives_them_all() -> None:
    doc, article = _prepared("Two men were arrested in Haldon. Both were later released.")
    assert len(summary.summary_sentences(doc, article, 10)) == 2


def test_the_lead_is_chosen_and_a_bare_quotation_is_not() -> None:
    doc, article = _prepared(REPORT)
    chosen = [s.text for s in summary.summary_sentences(doc, article, 3)]
    assert chosen[0].startswith("A delivery rider was stabbed ten times")
    assert not any(s.startswith("'It was horrible") for s in chosen)


def test_a_short_fragment_is_never_chosen() -> None:
    doc, article = _prepared("By staff reporter.\n\n" + REPORT)
    assert all("staff reporter" not in s.text for s in summary.summary_sentences(doc, article, 3))


def _ev(article_id: str, text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(article_id=article_id, start=start, end=start + len(phrase), text=phrase)


def test_headline_from_the_main_event_uses_only_its_facts_and_trigger() -> None:
    doc, article = _prepared(REPORT)
    at = lambda phrase: _ev(article.id, article.text, phrase)  # noqa: E731
    time = TimeRef(id="t2", type="DATE", value="2024-06-08", granularity="day", evidence=at("on Saturday"))
    arrest = Event(
        id="e1",
        type="arrest",
        trigger=at("arrested"),
        arguments=[
            Argument(role="agent", text="police", evidence=at("police")),
            Argument(role="patient", text="a teenager", evidence=at("a teenager")),
        ],
        time_id="t2",
        evidence=at("police have arrested a teenager on suspicion of attempted murder"),
    )
    facts = [
        Fact(
            id="f1",
            subject="e1",
            subject_name="arrest",
            attribute="agent",
            value="Wessex Vale Police",
            evidence=at("police"),
        ),
        Fact(
            id="f2",
            subject="e1",
            subject_name="arrest",
            attribute="charge",
            value="attempted murder",
            evidence=at("attempted murder"),
        ),
        Fact(
            id="f3", subject="e1", subject_name="arrest", attribute="place", value="Brennock", evidence=at("Brennock")
        ),
    ]
    result = summary.summarize(doc, article, events=[arrest], facts=facts, times=[time])
    assert result.headline == "Wessex Vale Police arrested a teenager (attempted murder), Brennock, 2024-06-08"
    assert result.headline_source == "event"
    alleged = arrest.model_copy(update={"modality": "alleged"})
    assert summary.summarize(doc, article, events=[alleged], facts=facts, times=[time]).headline.endswith(", alleged")


def test_without_events_the_title_is_the_headline() -> None:
    article = make_article(source_from_text(REPORT), title="Rider stabbed in Brennock")
    result = summary.summarize(nlp.parse(article.text), article)
    assert (result.headline, result.headline_source) == ("Rider stabbed in Brennock", "title")


def test_without_events_or_title_the_lead_clause_adds_no_words() -> None:
    doc, article = _prepared(REPORT)
    result = summary.summarize(doc, article)
    assert result.headline_source == "lead_clause"
    assert (
        result.headline == "A delivery rider was stabbed ten times outside a takeaway in Brennock town centre on "
        "Friday night"
    )
    words = re.findall(r"\w+", result.sentences[0].text)
    assert all(w in words for w in re.findall(r"\w+", result.headline or ""))


def test_main_clause_drops_the_reporting_tail_and_relative_clause() -> None:
    doc = nlp.parse(
        "The cyclist who was hit on the ring road will not face charges, prosecutors said today after a review."
    )
    assert summary.main_clause(next(doc.sents)) == "The cyclist will not face charges, prosecutors said"


def test_analyze_cli_and_renderings_carry_the_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = analyze(REPORT, published="2024-06-09", summary_sentences=2)
    assert len(case.summary.sentences) == 2
    text, markdown = render_text(case), render_markdown(case)
    # the stabbing has no agent: the headline is the clause that states it, as written
    assert "headline (event): A delivery rider was stabbed ten times" in text
    assert "## Summary" in markdown and "## Numbers" in markdown
    assert "10 times stabbed" in text
    path = tmp_path / "report.txt"
    path.write_text(REPORT, "utf-8")
    assert main(["analyze", str(path), "--format", "json", "--summary-sentences", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)["summary"]["sentences"]) == 1
    with pytest.raises(SystemExit):
        main(["analyze", str(path), "--summary-sentences", "-1"])
