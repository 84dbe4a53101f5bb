"""Evidence and span helpers shared by every extractor."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from storydesk.model import Article, Evidence
from storydesk.nlp import TEXT_KEY


def evidence(article: Article, start: int, end: int) -> Evidence:
    """Evidence for ``article.text[start:end]``; offsets must lie inside the cleaned text.

    Whitespace at either end is left out (a sentence span carries its paragraph break), so
    evidence always starts and ends on text."""
    if not 0 <= start <= end <= len(article.text):
        raise ValueError(f"span {start}:{end} outside article of length {len(article.text)}")
    text = article.text
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Evidence(article_id=article.id, start=start, end=end, text=article.text[start:end])


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (or kept by ``nlp.parse``) in ``doc.user_data``: spaCy
    rebuilds ``doc.text`` from every token on each access, which made it a third of analysis time."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_evidence(article: Article, span: Span) -> Evidence:
    return evidence(article, span.start_char, span.end_char)


def sentence_of(doc: Doc, char: int) -> Span | None:
    """The sentence containing character offset ``char``."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    return token[0].sent


def paragraph_index(article: Article, char: int) -> int:
    for index, para in enumerate(article.paragraphs):
        if para.start <= char <= para.end:
            return index
    return max(0, len(article.paragraphs) - 1)
