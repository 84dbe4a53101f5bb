from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storydesk import errors
from storydesk.ingest import make_article, read_bytes, read_path, source_from_text
from storydesk.ingest.article import article_id

ROOT = Path(__file__).resolve().parents[2]
REPORT = (
    "Firefighters spent the night tackling a blaze at a timber yard in Halewood, the fire service said "
    "on Tuesday. Nobody was hurt, but residents of nearby streets were told to keep their windows shut "
    "while crews damped down the site. The cause of the fire is not yet known and an investigation "
    "has begun, a spokeswoman for the brigade said."
)


def test_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    [source] = read_path(path)
    assert source.text == REPORT
    assert source.format == "text"


def test_other_encoding_is_detected(tmp_path: Path) -> None:
    text = REPORT.replace("Halewood", "Halewood café") + " Costs reached £2,000."
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("cp1252"))
    [source] = read_path(path)
    assert "café" in source.text and "£2,000" in source.text


def test_bom_is_dropped() -> None:
    [source] = read_bytes(b"\xef\xbb\xbf" + REPORT.encode(), "r.txt")
    assert source.text.startswith("Firefighters")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", errors.EmptyInputError),
        (b"   \n\n  ", errors.EmptyInputError),
        (bytes(range(256)) * 20, errors.BinaryInputError),
        (b"%PDF-1.4\x00\x01\x02\x03binary", errors.BinaryInputError),
    ],
)
def test_bad_bytes(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        read_bytes(data, "input")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1_200_001)
    with pytest.raises(errors.InputTooLargeError, match="over the 5 MB limit"):
        read_path(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.UnreadableSourceError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(errors.UnreadableSourceError, match="directory"):
        read_path(tmp_path)


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        {
            "text": REPORT,
            "title": "Fire at timber yard",
            "url": "https://example.org/a",
            "outlet": "Wirral Post",
            "published": "2023-05-02",
        },
        {"text": REPORT + " Extra line.", "published": "2023-05-03T10:00:00Z"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read_path(path)
    assert first.title == "Fire at timber yard" and first.outlet == "Wirral Post"
    assert first.published == dt.date(2023, 5, 2)
    assert second.published == dt.date(2023, 5, 3)
    assert second.name.endswith(":2")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"title": "no text"}', "has no 'text'"),
        ('{"text": "x", "published": "yesterday"}', "not a date"),
    ],
)
def test_bad_jsonl(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(errors.BadRecordError, match=message):
        read_path(path)


def test_html_article_and_metadata() -> None:
    [source] = read_path(ROOT / "examples" / "report.html")
    assert source.format == "html"
    assert source.title and source.outlet and source.published
    assert "Cookie" not in source.text and "cookie" not in source.text
    assert source.text.count("\n\n") >= 5


def test_html_without_body() -> None:
    page = "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(errors.NoArticleBodyError):
        source_from_text(page, name="front.html")


def test_article_id_is_content_hash_of_cleaned_text() -> None:
    a = make_article(source_from_text(REPORT))
    b = make_article(source_from_text(REPORT.replace(". ", ".  ")))
    assert a.id == b.id == article_id(a.text)
    assert a.raw != b.raw


def test_not_english() -> None:
    german = (
        "Der Stadtrat hat am Donnerstag beschlossen, die Buslinie im Norden der Stadt bis zum Sommer "
        "zu verlängern. Die Anwohner hatten seit Jahren eine bessere Anbindung gefordert und sind mit dem "
        "Ergebnis zufrieden, sagte die Sprecherin der Initiative."
    )
    with pytest.raises(errors.NotEnglishError):
        make_article(source_from_text(german))
    assert make_article(source_from_text(german), check_language=False).text


def test_published_given_beats_metadata() -> None:
    source = source_from_text(REPORT)
    assert make_article(source).published is None
    article = make_article(source, published=dt.date(2023, 5, 2))
    assert article.published == dt.date(2023, 5, 2) and article.published_source == "given"
