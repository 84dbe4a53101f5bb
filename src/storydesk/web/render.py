"""The Jinja2 environment: autoescaping on for every template, and the page renderer."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storydesk import __version__

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
# The site's navigation: (href, label).
NAV: list[tuple[str, str]] = [("/stories", "Stories"), ("/articles", "Articles"), ("/", "Analyse")]


def _date(value: dt.date | None) -> str:
    return value.strftime("%-d %b %Y") if value else "date unknown"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Every template is escaped, not only *.html: report text must never become markup.
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.globals["nav"] = NAV
    env.globals["nav_search"] = False
    env.globals["token_needed"] = False
    env.filters["date"] = _date
    return env


def render_page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


def render_error_page(status: int, code: str, message: str) -> HTMLResponse:
    return render_page("error.html", status=status, status_code=status, code=code, message=message)
