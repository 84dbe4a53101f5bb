from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storydesk.clean import clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The fight lasted 90 minutes â€“ a record.", "The fight lasted 90 minutes – a record."),
        ("Police were called on March 3.Neighbours said", "Police were called on March 3. Neighbours said"),
        ("â€˜It was terrifying,â€™ she said.", "‘It was terrifying,’ she said."),
        ("He arrived at 9.30am.Then", "He arrived at 9.30am. Then"),
        ("Officers said.'Nobody saw it", "Officers said.' Nobody saw it"),
        ("The U.S.A. team won.", "The U.S.A. team won."),
        ("See www.Example.Com/News for more.", "See www.Example.Com/News for more."),
        ("It cost 3.5 million pounds.", "It cost 3.5 million pounds."),
        ("Too   many\tspaces here.", "Too many spaces here."),
        ("non\u00a0breaking space", "non breaking space"),
        ("First paragraph.\r\n\r\nSecond paragraph.", "First paragraph.\n\nSecond paragraph."),
        ("One\n\n\n\nTwo", "One\n\nTwo"),
        ("A line wrapped\nin the middle.\n\nNext paragraph.", "A line wrapped in the middle.\n\nNext paragraph."),
        ("Line one.\nLine two.", "Line one.\n\nLine two."),
        ("zero\u200bwidth and bell\x07", "zerowidth and bell"),
    ],
)
def test_clean_repairs(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_repairs_are_recorded() -> None:
    cleaned = clean_text("It was 10 â€“ 2 on January 24.Friends came.")
    kinds = {r.kind for r in cleaned.repairs}
    assert kinds == {"mojibake", "paragraph_join"}


def test_clean_text_records_nothing_for_clean_input() -> None:
    assert clean_text("A clean sentence.\n\nAnother one.").repairs == []


def test_paragraph_spans_point_into_text() -> None:
    cleaned = clean_text("Alpha beta.\n\n\nGamma  delta.\n\nEpsilon.")
    assert [cleaned.text[p.start : p.end] for p in cleaned.paragraphs] == ["Alpha beta.", "Gamma delta.", "Epsilon."]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@example("Â\t0")  # a tab hid mojibake ("Â " is a mis-decoded no-break space) from the first pass
def test_clean_is_idempotent_and_spans_valid(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once.text).text == once.text
    for span in once.paragraphs:
        assert 0 <= span.start <= span.end <= len(once.text)
        assert "\n\n" not in once.text[span.start : span.end]
