"""Name folding and the search query parser: (input, expected) tables and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storydesk.store.fts import fts5_query, parse, websearch_query
from storydesk.store.names import fold, tokens


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Leon McCaskie", "leon mccaskie"),
        ("Zoë Marchetti", "zoe marchetti"),
        ("Séan O’Brien-Hughes", "sean obrien hughes"),
        ("  DET SGT  Ruth   Collins ", "det sgt ruth collins"),
        ("Ms Marchetti's", "ms marchettis"),
        ("Straße", "strasse"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_tokens_come_from_it(name: str) -> None:
    assert fold(fold(name)) == fold(name)
    assert set(tokens(name)) == set(fold(name).split())


@pytest.mark.parametrize(
    ("query", "fts5", "websearch"),
    [
        ("stalking order", '"stalking" "order"', "stalking order"),
        ('"weather presenter" jailed', '"weather presenter" "jailed"', '"weather presenter" jailed'),
        ("smoke or budget", '"smoke" OR "budget"', "smoke or budget"),
        ('or smoke or or', '"smoke"', "smoke"),
        ('" OR NEAR(', '"OR NEAR"', '"OR NEAR"'),  # an unclosed quote runs to the end
        ("o'brien", '"o" "brien"', "o brien"),
    ],
)
def test_search_queries(query: str, fts5: str, websearch: str) -> None:
    assert fts5_query(parse(query)) == fts5
    assert websearch_query(parse(query)) == websearch
