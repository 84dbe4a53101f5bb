"""Readable views of a case file: plain text and Markdown, from one outline."""

from storydesk.render.views import render_markdown, render_text

__all__ = ["render_markdown", "render_text"]
