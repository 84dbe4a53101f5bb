"""A desk of fictional stories for the page tests and the load check, added through the API."""

from __future__ import annotations

from typing import Any

from fixture_reports import report

# Two stories, five reports, four outlets: the quayside stabbing (three reports that disagree
# on the victim's age) and the library closure (two reports, one with hostile markup).
STORY_REPORTS: list[dict[str, Any]] = [
    {"text": report("quayside-stabbing.txt"), "published": "2025-06-12", "outlet": "Fenwick Gazette",
     "title": "Man charged after quayside stabbing", "format": "text"},
    {"text": report("quayside-court.txt"), "published": "2025-06-14", "outlet": "Severn Courier",
     "title": "Quayside stabbing accused remanded in custody", "format": "text"},
    {"text": report("quayside-followup.html"), "published": "2025-06-16", "outlet": "Portlow Post",
     "title": "Fisherman stabbed in Portlow is out of hospital", "format": "html",
     "url": "https://portlow-post.example/news/fisherman-home"},
    {"text": report("council-hostile-markup.txt"), "published": "2025-03-04", "outlet": "Wexley Echo",
     "title": "Old library to close after four-hour meeting", "format": "text"},
    {"text": report("council-library-vote.txt"), "published": "2025-03-04", "outlet": "Fenwick Gazette",
     "title": "Councillors vote to shut Wexley library", "format": "text"},
]
