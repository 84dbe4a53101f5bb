"""One long-running process reads the same HTML page many times: its body must come back
every time (trafilatura's ``deduplicate`` keeps a process-wide memory of paragraphs seen and
drops them on later reads, so a page read a few times came back empty, error E105)."""

from __future__ import annotations

from storydesk.ingest.html import extract_html

PARAGRAPHS = [
    "Volunteers at the Thornbury lifeboat station launched twice on Saturday to help walkers cut off by the tide.",
    "The first call came just after ten in the morning, when two people were seen on a sandbank off Gull Point.",
    "Crew member Aled Prosser said both walkers were cold but unhurt and were brought back to the slipway.",
    "The second launch, in the afternoon, was to a dog that had run after a ball and could not climb back up.",
    "The station reminded visitors to check the tide tables before setting out across the bay on foot.",
]
PAGE = (
    "<!doctype html><html><head><title>Lifeboat launched twice in one day</title>"
    '<meta property="og:site_name" content="Thornbury Echo"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Lifeboat launched twice in one day</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer>© Thornbury Echo</footer></body></html>"
)


def test_the_same_page_read_many_times_keeps_its_body() -> None:
    bodies = []
    for _ in range(8):
        found = extract_html(PAGE, url="https://echo.example/lifeboat")
        assert found is not None
        bodies.append(found.body)
    assert bodies[0].endswith("\n\n".join(PARAGRAPHS))
    assert all(body == bodies[0] for body in bodies)
