"""Ingest: files, stdin, HTML pages and JSON Lines in; :class:`Source` records out.

A :class:`Source` is one report as received (decoded text plus whatever metadata came with
it). :func:`storydesk.ingest.article.make_article` cleans it into an Article.
"""

from storydesk.ingest.article import make_article
from storydesk.ingest.read import Source, read_bytes, read_path, read_stdin, source_from_text

__all__ = ["Source", "make_article", "read_bytes", "read_path", "read_stdin", "source_from_text"]
