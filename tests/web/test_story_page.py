"""The story page in Debian's headless Chromium: a desk of fictional stories loaded through the
API, a story opened, a fact clicked, its evidence highlighted in its report."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from desk_fixture import STORY_REPORTS
from live_server import live_server

# A fictional agency story, a trimmed and extended copy of it under a new (hostile) headline,
# and a byte-identical mirror of the original at another outlet's URL.
WIRE = [
    "By PA Reporter",
    "A swan that wandered on to the runway at Carrowmoor airport delayed six flights on Monday morning.",
    "Ground staff spent forty minutes coaxing the bird towards the perimeter fence, an airport spokesman said.",
    "One passenger, Irene Castellane, said the crew kept everyone informed and the delay was handled calmly.",
    "The swan was later released unharmed on the Carrow estuary by volunteers from a local wildlife rescue.",
    "The airport said it would review its wildlife procedures with the rescue group next month.",
]
WIRE_REPORTS = [
    {"text": "\n\n".join(WIRE), "published": "2025-05-05", "outlet": "Carrow Bulletin", "format": "text",
     "title": "Swan delays six flights at Carrowmoor", "url": "https://carrow-bulletin.example/swan"},
    {"text": "\n\n".join([*WIRE[:-1], "Read more local news in our weekend edition, out on Saturday."]),
     "published": "2025-05-06", "outlet": "Estuary Times", "format": "text",
     "title": 'Runway swan <img src=x onerror="window.__storydeskPwned = 3">', "url": "https://estuary.example/swan"},
    {"text": "\n\n".join(WIRE), "published": "2025-05-06", "outlet": "Moor Mirror", "format": "text",
     "title": "Swan delays six flights at Carrowmoor", "url": "https://moor-mirror.example/swan"},
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("story-desk")
    with live_server("--db", str(folder / "desk.db"), log=folder / "serve.log") as base:
        added = httpx.post(f"{base}/api/reports", json={"reports": STORY_REPORTS}, timeout=300)
        assert added.status_code == 201, added.text
        assert len(added.json()["stored"]) == len(STORY_REPORTS)
        wire = httpx.post(f"{base}/api/reports", json={"reports": WIRE_REPORTS}, timeout=300)
        assert wire.status_code == 201, wire.text
        assert [s["new_appearance"] for s in wire.json()["stored"]] == [False, False, True]  # the mirror
        yield base


def open_story(page: Page, base: str, headline: str) -> None:
    page.goto(f"{base}/stories")
    page.locator("ul.stories a", has_text=headline).click()
    expect(page.locator("h1")).to_have_text(headline)


def test_stories_are_listed_with_their_conflicts(page: Page, desk_server: str) -> None:
    page.goto(f"{desk_server}/stories")
    items = page.locator("ul.stories > li")
    expect(items).to_have_count(3)
    quayside = items.filter(has_text="Man charged after quayside stabbing")
    expect(quayside).to_contain_text("3 reports")
    expect(quayside.locator(".verdict.conflicting")).to_be_visible()


def test_story_puts_the_disagreement_first_and_links_each_value_to_its_sentence(page: Page, desk_server: str) -> None:
    open_story(page, desk_server, "Man charged after quayside stabbing")
    first = page.locator("section.first")
    # Tom Reddaway has more than one fact in this section (his age, what happened to him)
    age = first.locator(".fact", has=page.locator(".fact-head", has_text=re.compile(r"Tom Reddaway · age\b")))
    expect(age.locator(".verdict")).to_have_text("conflicting")
    expect(age.locator(".value")).to_have_text(["52", "51", "53"])
    # The section comes before the cast.
    order = page.evaluate(
        "[...document.querySelectorAll('main > section')].map(s => s.getAttribute('aria-labelledby'))"
    )
    assert order.index("h-first") < order.index("h-cast")

    # Severn Courier (R2) says 51: clicking it opens that report with the span highlighted.
    source = age.locator("li", has_text="51").locator("a.src")
    expect(source).to_have_text("R2")
    source.click()
    expect(page.locator("#report-title")).to_have_text("Quayside stabbing accused remanded in custody")
    assert "#ev-" in page.url
    marked = page.locator("#report-text .seg.hl")
    expect(marked.first).to_be_in_viewport()
    assert "".join(marked.all_text_contents()) == "51"
    expect(page.locator("#report-text .sent.hl-sent")).to_contain_text("attempted murder of Tom Reddaway, 51")
    expect(page.locator(".in-story a")).to_have_text("Man charged after quayside stabbing")


def test_cast_cards_quotes_and_reports(page: Page, desk_server: str) -> None:
    open_story(page, desk_server, "Man charged after quayside stabbing")
    tom = page.locator(".cast-card", has=page.locator("h3", has_text="Tom Reddaway"))
    expect(tom).to_have_count(1)
    expect(tom.locator(".variants")).to_contain_text("Tom Reddaway")
    full_name = tom.locator(".variants li").filter(has_text="Tom Reddaway")
    expect(full_name.locator(".src")).to_have_text(["R1", "R2", "R3"])
    munro = page.locator(".quote-group", has=page.locator("h3", has_text="Carla Munro"))
    expect(munro.locator("li")).to_have_count(2)
    rows = page.locator("table.reports tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Fenwick Gazette")
    expect(rows.nth(2)).to_contain_text("Portlow Post")

    # A quote opens its report with the quoted words highlighted.
    munro.locator("a.ev").nth(1).click()
    expect(page.locator("#report-title")).to_have_text("Quayside stabbing accused remanded in custody")
    assert "".join(page.locator("#report-text .seg.hl").all_text_contents()).startswith("We continue to ask")


def test_hostile_report_is_inert_on_story_and_article_pages(page: Page, desk_server: str) -> None:
    open_story(page, desk_server, "Old library to close after four-hour meeting")
    page.locator("table.reports a", has_text="Old library to close").click()
    expect(page.locator("#report-text")).to_contain_text("<script>window.__storydeskPwned = 1</script>")
    expect(page.locator("#report-text")).to_contain_text('"><img src=x onerror="window.__storydeskPwned = 2">')
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("typeof window.__storydeskPwned") == "undefined"


def test_search_page_finds_people_and_reports(page: Page, desk_server: str) -> None:
    page.goto(f"{desk_server}/")
    page.fill("#site-q", "Reddaway")
    page.keyboard.press("Enter")
    expect(page.locator(".people-hits")).to_contain_text("Tom Reddaway")
    expect(page.locator("ul.hits > li")).to_have_count(3)


def test_story_page_fits_a_phone(browser: object, desk_server: str) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        open_story(page, desk_server, "Man charged after quayside stabbing")
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the story page is {overflow}px wider than a phone screen"
    finally:
        context.close()


def test_sources_section_shows_a_wire_copy_as_a_copy_of_its_original(page: Page, desk_server: str) -> None:
    open_story(page, desk_server, "Swan delays six flights at Carrowmoor")
    expect(page.locator(".story-head .kicker")).to_contain_text("Moor Mirror")
    sources = page.locator("section.sources-section")
    expect(sources.locator("h2")).to_contain_text("1 independent of 2 reports")
    family = sources.locator(".family")
    expect(family).to_have_count(1)
    expect(family.locator(".origin")).to_have_text("PA")
    expect(family.locator(".family-head")).to_contain_text("original R1 Carrow Bulletin 2025-05-05")
    copy, mirror = family.locator("li.copy").nth(0), family.locator("li.copy").nth(1)
    expect(copy).to_contain_text("R2 Estuary Times 2025-05-06")
    expect(copy.locator(".share")).to_contain_text("of R1")
    changes = copy.locator(".changes li")
    hostile = 'Runway swan <img src=x onerror="window.__storydeskPwned = 3">'
    expect(changes.nth(0)).to_contain_text(f"new headline “{hostile}”")
    expect(changes.filter(has_text="trimmed ¶6")).to_contain_text("review its wildlife procedures")
    expect(changes.filter(has_text="added ¶6")).to_contain_text("weekend edition")
    expect(mirror).to_contain_text("Moor Mirror 2025-05-06")
    expect(mirror.locator(".share")).to_have_text("the same text as R1")
    expect(mirror.locator(".changes")).to_have_text("no change")
    expect(page.locator("table.reports tbody tr").nth(0).locator("small.mirror")).to_contain_text(
        "also at Moor Mirror"
    )
    # every fact the copy repeats is one independent source, and says so
    note = page.locator(".fact .independence, .cast-card .independence").first
    expect(note).to_have_text("2 reports, 1 independent source")
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("typeof window.__storydeskPwned") == "undefined"
    copy.locator("a.src").click()
    expect(page.locator("#report-title")).to_contain_text("Runway swan <img")
