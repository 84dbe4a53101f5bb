"""Sentence boundaries storydesk adds to the model's: fictional sentences."""

from __future__ import annotations

import pytest

from storydesk import nlp


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Two deputies knocked on the door shortly after 6 a.m. Gambrell opened fire through the door.",
            2,
        ),
        ("Police were called at 11 p.m. Officers found a man with head injuries.", 2),
        ("The crash happened at 6 a.m. Monday on Route 9.", 1),
        ("The polls close at 8 p.m. Eastern time.", 1),
        ("First paragraph.\n\nsecond paragraph without a capital.", 2),
    ],
)
def test_sentences_after_a_clock_time_and_a_blank_line(text: str, sentences: int) -> None:
    assert len(list(nlp.parse(text).sents)) == sentences
