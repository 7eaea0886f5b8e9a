"""Pages on phones and laptops: nothing wider than the screen, tables that say they scroll,
labels that wrap between words, a header that leaves the heading on the first screen."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Build

HEADINGS_TO_SEE = ["/", "/disclosures/2023/000214-23/", "/search/", "/statistics/", "/topics/"]


def every_page(site: Build) -> list[str]:
    return sorted(
        "/" + str(path.relative_to(site.output)).removesuffix("index.html")
        for path in site.output.rglob("*.html")
        if "pagefind" not in path.parts
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_of_the_site_scrolls_sideways_at_320px(
    browser: Any, example_server: str, example_site: Build, javascript: bool
) -> None:
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=javascript
    )
    page = context.new_page()
    urls = every_page(example_site)
    assert "/disclosures/2024/000118-24/" in urls and len(urls) > 50
    wide = []
    for url in urls:
        page.goto(example_server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            wide.append(f"{url}: {overflow}px")
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("width", [375, 1280])
def test_a_table_that_scrolls_says_so(browser: Any, example_server: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    scrolling = 0
    for url in ("/disclosures/2023/000214-23/", "/disclosures/2024/000118-24/", "/statistics/"):
        page.goto(example_server + url)
        for folded in page.locator("main details > summary").all():
            if not folded.evaluate("s => s.parentElement.open"):
                folded.click()  # tables folded away (statistics) are measured once opened
        for region in page.locator(".table-region").all():
            scrolls = region.evaluate("r => r.scrollWidth > r.clientWidth + 1")
            cue = region.locator("xpath=preceding-sibling::*[1][@data-scroll-cue]")
            assert cue.is_visible() == scrolls, url
            if scrolls:
                scrolling += 1
                assert cue.inner_text() == "Scroll sideways to see all columns"
                assert region.get_attribute("aria-describedby") == cue.get_attribute("id")
    page.close()
    assert scrolling > 0 or width == 1280


WORDS_ON_ONE_LINE = """(element) => {
  const broken = [];
  const text = element.firstChild;
  let start = 0;
  for (const word of text.textContent.split(" ")) {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + word.length);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size > 1) broken.push(word);
    start += word.length + 1;
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_key_fact_labels_never_break_inside_a_word(
    browser: Any, example_server: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(example_server + "/disclosures/2025/000402-25/")
    labels = page.locator(".key-facts dt").all()
    assert len(labels) >= 6
    for label in labels:
        assert label.evaluate(WORDS_ON_ONE_LINE) == [], label.inner_text()
    page.close()


def test_header_menu_is_one_row_at_1280(browser: Any, example_server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(example_server + "/")
    tops = page.eval_on_selector_all(
        ".site-nav li", "items => items.map(li => li.getBoundingClientRect().top)"
    )
    assert len(tops) >= 7 and len(set(tops)) == 1
    assert page.get_by_role("button", name="Menu").is_hidden()
    page.close()


def test_menu_folds_on_a_phone_and_opens(browser: Any, example_server: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(example_server + "/")
    menu = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    assert menu.is_visible() and nav.is_hidden()
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert nav.is_visible() and menu.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Statistics").is_visible()
    page.close()


@pytest.mark.parametrize("url", HEADINGS_TO_SEE)
def test_heading_is_on_the_first_screen_of_a_phone_with_the_cookie_banner(
    browser: Any, example_server: str, url: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(example_server + url)
    assert page.locator("[data-cookie-question]").is_visible()  # a first visit
    # Its first line, at least: a long title may run on below.
    line = page.locator("h1").evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
    box = page.locator("h1").bounding_box()
    assert box["y"] + line <= 667, box
    context.close()


def test_sub_headings_are_not_smaller_than_the_text(browser: Any, example_server: str) -> None:
    page = browser.new_page()
    page.goto(example_server + "/disclosures/2025/000402-25/")
    sizes = page.evaluate(
        """() => ({
          body: parseFloat(getComputedStyle(document.querySelector("main p")).fontSize),
          headings: [...document.querySelectorAll("main h2, main h3, main h4")]
            .map(h => parseFloat(getComputedStyle(h).fontSize)),
        })"""
    )
    assert sizes["headings"] and min(sizes["headings"]) >= sizes["body"]
    page.close()


def test_hide_cookie_message_moves_focus_on_not_to_the_page_start(
    browser: Any, example_server: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(example_server + "/")
    page.get_by_role("button", name="Reject analytics cookies").click()
    page.get_by_role("button", name="Hide cookie message").click()
    focused = page.evaluate("document.activeElement.closest('header') !== null")
    assert focused and page.evaluate("document.activeElement !== document.body")
    context.close()
