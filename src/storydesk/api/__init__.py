"""``storydesk serve``: the JSON API and the web pages, on FastAPI under uvicorn.

>>> from storydesk.api import create_app
>>> app = create_app("sqlite:///desk.db")
"""

from storydesk.api.app import create_app
from storydesk.api.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
