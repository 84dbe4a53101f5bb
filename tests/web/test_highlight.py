"""Cutting report text into sentences and segments: full coverage, exact spans, escaping left to templates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixture_reports import report
from storydesk import analyze
from storydesk.model import Article, CaseFile, Evidence, Span
from storydesk.web.casefile_view import article_view
from storydesk.web.highlight import Marks, segment
from storydesk.web.sentences import sentence_bounds


def _case(text: str, paragraphs: list[tuple[int, int]] | None = None) -> CaseFile:
    spans = [Span(start=s, end=e) for s, e in paragraphs or [(0, len(text))]]
    return CaseFile(article=Article(id="a1", text=text, raw=text, paragraphs=spans))


def _ev(text: str, start: int, end: int) -> Evidence:
    return Evidence(article_id="a1", start=start, end=end, text=text[start:end])


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One. ", "Two."]),
        ('He said: "Go home." Then he left.', ['He said: "Go home." ', "Then he left."]),
        ("Det Insp. Carla Munro spoke. She left.", ["Det Insp. Carla Munro spoke. ", "She left."]),
        ("Mr. Reddaway, 52, is stable. No change.", ["Mr. Reddaway, 52, is stable. ", "No change."]),
        ("John F. Kennedy airport shut at 9 p.m. on Friday.", ["John F. Kennedy airport shut at 9 p.m. on Friday."]),
        ("It fell 4.5% in 2024. Shares rose.", ["It fell 4.5% in 2024. ", "Shares rose."]),
        ("Really? Yes! 'Fine,' she said.", ["Really? ", "Yes! ", "'Fine,' she said."]),
    ],
)
def test_sentence_bounds(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_bounds(text, 0, len(text))] == sentences


def test_overlapping_spans_keep_every_kind() -> None:
    text = 'Munro said: "Carla Munro was there on Friday."'
    case = _case(text)
    marks = Marks()
    quote = text.index("Carla")
    marks.add(_ev(text, quote, len(text) - 2), "quote", "q1")
    marks.add(_ev(text, quote, quote + len("Carla Munro")), "person", "p1")
    marks.add(_ev(text, text.index("Friday"), text.index("Friday") + 6), "time", "t1")
    pieces = [seg for sent in segment(case, marks)[0] for seg in sent.segments]
    by_text = {p.text: p for p in pieces}
    assert by_text["Carla Munro"].kinds == ("person", "quote")
    assert by_text["Carla Munro"].refs == ("p1", "q1")  # innermost first: a click finds the person
    assert by_text["Friday"].kinds == ("quote", "time")
    assert by_text[" was there on "].kinds == ("quote",)
    assert by_text['Munro said: "'].kinds == ()


@given(
    st.text(alphabet="ab .\n<>&\"'", min_size=1, max_size=80),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=8),
)
def test_segments_cover_each_paragraph_exactly(text: str, raw_spans: list[tuple[int, int]]) -> None:
    case = _case(text)
    marks = Marks()
    for a, b in raw_spans:
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        marks.add(_ev(text, start, end), "person", f"p{start}")
    for sentences in segment(case, marks):
        joined = "".join(seg.text for sent in sentences for seg in sent.segments)
        assert joined == text
        position = 0
        for sent in sentences:
            assert sent.start == position
            for seg in sent.segments:
                assert (seg.start, seg.text) == (position, text[seg.start : seg.end])
                assert seg.end > seg.start
                position = seg.end
            assert sent.end == position


def test_every_evidence_span_is_a_run_of_whole_segments() -> None:
    case = analyze(report("quayside-stabbing.txt"), published="2025-06-12")
    view = article_view(case)
    starts = {seg.start for para in view.paragraphs for sent in para for seg in sent.segments}
    ends = {seg.end for para in view.paragraphs for sent in para for seg in sent.segments}
    for fact in case.facts:
        assert fact.evidence.start in starts and fact.evidence.end in ends, fact
    for quote in case.quotes:
        assert quote.evidence.start in starts and quote.evidence.end in ends, quote
    card = next(c for c in view.people if c.name == "Tom Reddaway")
    age = next(row for row in card.attributes if row.label == "Age")
    assert [v.label for v in age.values] == ["52"]
    assert age.values[0].href(case.article.id) == f"#ev-{age.values[0].start}-{age.values[0].end}"
    assert age.values[0].href("another") == f"/articles/{case.article.id}#ev-{age.values[0].start}-{age.values[0].end}"
    groups = {g.speaker for g in view.quote_groups}
    assert any("Munro" in g for g in groups)


def test_paragraphs_found_at_blank_lines_when_none_recorded() -> None:
    text = "First line.\n\nSecond para.\n \n\nThird."
    case = CaseFile(article=Article(id="a1", text=text, raw=text))
    paragraphs = segment(case)
    assert ["".join(s.text for sent in p for s in sent.segments) for p in paragraphs] == [
        "First line.",
        "Second para.",
        "Third.",
    ]
