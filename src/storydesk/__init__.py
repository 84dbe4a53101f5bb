"""storydesk: news reports in, source-linked case files and reconciled stories out.

>>> from storydesk import analyze
>>> case = analyze(text, published="2022-02-01")
"""

from storydesk.analyze import analyze, analyze_article
from storydesk.errors import InputError, StorydeskError
from storydesk.model import CaseFile

__all__ = ["CaseFile", "InputError", "StorydeskError", "analyze", "analyze_article"]
__version__ = "0.1.0"
