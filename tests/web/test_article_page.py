"""The article page in real headless Chromium (Debian's), against a real `storydesk serve`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from fixture_reports import report

pytestmark = pytest.mark.slow


def analyse_in_form(page: Page, server: str, name: str, published: str, title: str) -> None:
    page.goto(f"{server}/")
    page.fill("#f-text", report(name))
    page.fill("#f-title", title)
    page.fill("#f-outlet", "Fenwick Gazette")
    page.fill("#f-published", published)
    page.select_option("#f-format", "text")
    page.click("button[type=submit]")
    expect(page.locator("#report-title")).to_have_text(title)


def highlighted_text(page: Page) -> str:
    return "".join(page.locator("#report-text .seg.hl").all_text_contents())


def test_clicking_a_fact_highlights_its_sentence(page: Page, server: str) -> None:
    analyse_in_form(page, server, "quayside-stabbing.txt", "2025-06-12", "Man charged after quayside stabbing")
    card = page.locator(".card.person", has=page.locator("button.ref", has_text="Tom Reddaway"))
    expect(card).to_have_count(1)
    age = card.locator("dt:text-is('Age') + dd a.ev")
    expect(age).to_have_text("52")
    evidence = age.get_attribute("title") or ""
    age.click()
    expect(page.locator("#report-text .seg.hl").first).to_be_in_viewport()
    shown = highlighted_text(page)
    assert "52" in shown
    assert shown == evidence.strip("“”"), "the highlight must be exactly the fact's evidence span"
    assert re.fullmatch(r".*#ev-\d+-\d+", page.url)
    expect(age).to_have_attribute("aria-current", "true")
    # The sentence it came from is shown around it.
    expect(page.locator("#report-text .sent.hl-sent")).to_have_text(
        "The victim, Tom Reddaway, 52, was taken to Southmead Hospital with wounds to his arm and chest. "
    )

    # A quote highlights its own words, and only them.
    quote = page.locator(".quote-group", has_text="Carla Munro").locator("a.ev").first
    quote.click()
    assert highlighted_text(page).startswith("This was a frightening attack")
    assert "52" not in highlighted_text(page)


def test_evidence_link_opens_with_the_span_highlighted(page: Page, server: str) -> None:
    analyse_in_form(page, server, "quayside-stabbing.txt", "2025-06-12", "Man charged after quayside stabbing")
    link = page.locator(".times a.ev", has_text="Tuesday night")
    href = link.get_attribute("href") or ""
    assert href.startswith("#ev-")
    # Going to the anchor directly (as a link from another page does) highlights on load.
    page.evaluate("h => { location.hash = h; }", href)
    expect(page.locator("#report-text .seg.hl")).not_to_have_count(0)
    assert highlighted_text(page) == "Tuesday night"


def test_person_button_marks_every_mention_and_text_click_finds_the_card(page: Page, server: str) -> None:
    analyse_in_form(page, server, "quayside-stabbing.txt", "2025-06-12", "Man charged after quayside stabbing")
    page.locator("button.ref", has_text="Megan Reddaway").click()
    marked = page.locator("#report-text .seg.hl")
    expect(marked).not_to_have_count(0)
    assert "Megan Reddaway" in marked.all_text_contents()
    page.locator("#report-text .seg.k-person", has_text="Carla Munro").first.click()
    expect(page.locator(".card.person.flash")).to_contain_text("Carla Munro")


def test_hostile_report_renders_inert(page: Page, server: str) -> None:
    analyse_in_form(
        page, server, "council-hostile-markup.txt", "2025-03-04", '<script>window.__storydeskPwned = 3</script>"><b>x'
    )
    assert page.evaluate("typeof window.__storydeskPwned") == "undefined"
    text = page.locator("#report-text")
    expect(text).to_contain_text("<script>window.__storydeskPwned = 1</script>")
    expect(text).to_contain_text('"><img src=x onerror="window.__storydeskPwned = 2">')
    assert page.locator("#report-text img, #report-text script, main b").count() == 0
    expect(page.locator("#report-title")).to_contain_text("<script>")
    # Every script on the page is the page's own file.
    sources = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
    assert sources == ["/static/storydesk.js"]


def test_page_fits_a_phone(browser: object, server: str) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        analyse_in_form(page, server, "quayside-stabbing.txt", "2025-06-12", "Man charged after quayside stabbing")
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than a phone screen"
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.report-text')).fontSize)")
        assert size >= 15
        page.locator(".card.person a.ev").first.tap()
        expect(page.locator("#report-text .seg.hl").first).to_be_in_viewport()
    finally:
        context.close()
