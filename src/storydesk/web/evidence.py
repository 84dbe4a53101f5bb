"""Links from a statement to the sentence it came from.

Every fact on a page is a link to its evidence: ``#ev-START-END`` within the article shown,
``/articles/ID#ev-START-END`` for a span in another report. The page's script highlights the
span; without the script the link still lands on the right article.
"""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.model import Evidence


@dataclass(frozen=True)
class EvidenceLink:
    label: str
    article_id: str
    start: int
    end: int
    text: str
    note: str = ""

    @classmethod
    def of(cls, label: object, evidence: Evidence, note: str = "") -> EvidenceLink:
        return cls(str(label), evidence.article_id, evidence.start, evidence.end, evidence.text, note)

    @property
    def anchor(self) -> str:
        return f"ev-{self.start}-{self.end}"

    def href(self, current_article: str | None = None) -> str:
        if current_article == self.article_id:
            return f"#{self.anchor}"
        return f"/articles/{self.article_id}#{self.anchor}"
