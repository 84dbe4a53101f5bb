"""Forenames nearly always given to one gender, from the gender-extractor package's counts."""

from __future__ import annotations

import pytest

from storydesk.extract.forenames import likely_gender


@pytest.mark.parametrize(
    ("forename", "gender"),
    [("Philip", "male"), ("philip", "male"), ("Nicola", "female"), ("Jamie", None), ("Alex", None), ("Zzyzx", None)],
)
def test_likely_gender(forename: str, gender: str | None) -> None:
    assert likely_gender(forename) == gender
