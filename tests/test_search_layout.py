"""The search page as a citizen meets it on a phone (375 px) and a laptop (1280 px): results
first, filters that fold, counts of the current search, help when nothing is found, a date
range, and Pagefind loading before the first key is pressed."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import Build
from test_search import indexed_pages, responded, result_urls, settled

SCREENS = {"phone": (375, 667), "laptop": (1280, 800)}
by_screen = pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))


def answer_cookies(page: Any, base: str) -> None:
    """A visitor who has answered the cookie question once, as most visits are."""
    page.goto(base + "/")
    page.get_by_role("button", name="Reject analytics cookies").click()
    page.get_by_role("button", name="Hide cookie message").click()


@pytest.fixture
def screen_page(browser: Any, example_server: str, screen: str) -> Any:
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    answer_cookies(page, example_server)
    yield page
    context.close()


ON_FIRST_SCREEN = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, height: innerHeight, scrolled: scrollY};
}"""


@by_screen
def test_count_and_first_result_show_without_scrolling_once_a_query_is_typed(
    screen_page: Any, example_server: str, screen: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/")
    page.locator("#search-q").click()
    page.keyboard.type("officers")
    settled(page)
    page.wait_for_selector("#search-results li")
    for selector in ("#search-status", "#search-results li h3"):
        box = page.evaluate(ON_FIRST_SCREEN, selector)
        assert box["scrolled"] == 0 and box["top"] >= 0, (screen, selector, box)
        assert box["bottom"] <= box["height"], (screen, selector, box)
    assert "results for “officers”" in page.inner_text("#search-status")


@by_screen
def test_first_result_is_a_few_tab_stops_after_the_search_box(
    screen_page: Any, example_server: str, screen: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=officers")
    settled(page)
    page.locator("#search-q").focus()
    stops = 0
    while not page.evaluate("!!document.activeElement.closest('#search-results')"):
        stops += 1
        assert stops < 30, "Tab never reached the results"
        page.keyboard.press("Tab")
    # The search button, the filter panel's groups (folded) and the sort order come first.
    assert stops <= 12, stops


@by_screen
def test_filters_fold_beside_the_results_on_wide_screens_and_above_them_on_phones(
    screen_page: Any, example_server: str, screen: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=force")
    settled(page)
    panel = page.locator("#search-filters")
    groups = page.locator("[data-filter-group]")
    assert groups.count() == 5
    assert all(not g.evaluate("e => e.open") for g in groups.all())  # nothing chosen yet
    filters, results = (
        page.locator(s).bounding_box() for s in ("#search-filters", "#search-results-area")
    )
    if screen == "laptop":
        assert panel.evaluate("e => e.open")
        assert filters["x"] + filters["width"] <= results["x"]  # side by side
    else:
        assert not panel.evaluate("e => e.open")
        assert filters["height"] < 60 and filters["y"] < results["y"]  # one line above
        panel.locator("summary").first.click()
        assert page.locator("[data-filter-group=topic] summary").is_visible()


@pytest.mark.parametrize("screen", ["phone"])
def test_a_chosen_filter_opens_its_group_and_says_how_many_are_chosen(
    screen_page: Any, example_server: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=force&outcome=Refused&year=2024")
    settled(page)
    assert page.locator("[data-filter-group=outcome]").evaluate("e => e.open")
    assert not page.locator("[data-filter-group=topic]").evaluate("e => e.open")
    summary = page.locator("#search-filters > summary").inner_text()
    assert "(2 chosen)" in summary


@pytest.mark.parametrize("screen", ["laptop"])
def test_long_groups_show_ten_values_then_all_and_topics_narrow_by_typing(
    screen_page: Any, example_server: str, example_site: Build
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=force")
    settled(page)
    group = page.locator("[data-filter-group=topic]")
    group.locator("summary").click()
    boxes = group.locator("input[type=checkbox]")
    total = boxes.count()
    assert total > 10  # the example log has more topics than one screen should list
    visible = [b for b in boxes.all() if b.is_visible()]
    assert len(visible) == 10
    show_all = group.locator("[data-show-all]")
    assert show_all.inner_text() == f"Show all {total} topics"
    show_all.click()
    assert all(b.is_visible() for b in boxes.all())
    assert show_all.get_attribute("aria-expanded") == "true"
    show_all.click()
    # Typing narrows the whole list, not only the ten shown.
    page.get_by_label("Find a topic").fill("search")
    shown = {b.get_attribute("value") for b in boxes.all() if b.is_visible()}
    every = {b.get_attribute("value") for b in boxes.all()}
    assert shown == {value for value in every if "search" in value.lower()}
    assert shown


@pytest.mark.parametrize("screen", ["laptop"])
def test_counts_are_those_of_the_current_search(
    screen_page: Any, example_server: str, example_site: Build
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=pursuits")
    found = result_urls(page)
    page.locator("[data-filter-group=year] summary").click()
    pages = indexed_pages(example_site)
    expected = {}
    for url in found:
        year = responded(pages[url])[:4]
        expected[year] = expected.get(year, 0) + 1
    # Opening a group loads that group's counts, and the search runs again.
    page.wait_for_selector("[data-filter-group=year][data-counts=search]", state="attached")
    settled(page)
    counts = page.eval_on_selector_all(
        "[data-filter-group=year] li",
        "items => items.map(li => [li.querySelector('input').value,"
        " li.querySelector('[data-count]').textContent])",
    )
    for year, text in counts:
        assert text == f"({expected.get(year, 0)})", (year, text, expected)


# Notes each state the outcome group's counts go through.
WATCH_COUNTS = """() => {
  window.countStates = [];
  const group = document.querySelector("[data-filter-group=outcome]");
  new MutationObserver(() => window.countStates.push(group.dataset.counts))
    .observe(group, { attributes: true, attributeFilter: ["data-counts"] });
}"""


def filter_values(soup: Any, name: str) -> set[str]:
    return {span.get_text() for span in soup.find_all(attrs={"data-pagefind-filter": name})}


def group_counts(page: Any, name: str) -> dict[str, str]:
    """Each value of a filter group, with the count shown beside it."""
    return dict(
        page.eval_on_selector_all(
            f"[data-filter-group={name}] li",
            "items => items.map(li => [li.querySelector('input').value,"
            " li.querySelector('[data-count]').textContent])",
        )
    )


@pytest.mark.parametrize("screen", ["laptop"])
def test_counts_load_only_for_the_groups_a_person_opens(
    screen_page: Any, example_server: str, example_site: Build
) -> None:
    page = screen_page
    filters: list[str] = []
    page.on(
        "request",
        lambda request: filters.append(request.url) if ".pf_filter" in request.url else None,
    )
    page.goto(f"{example_server}/search/?q=officers")
    found = result_urls(page)
    # A first query loads no filter's counts, and shows none rather than the whole log's.
    assert filters == []
    assert page.locator("[data-filter-group=topic]").get_attribute("data-counts") == "none"
    assert page.locator("[data-filter-group=topic] [data-count]").first.text_content() == ""
    page.locator("[data-filter-group=outcome] summary").click()
    page.wait_for_selector("[data-filter-group=outcome][data-counts=search]", state="attached")
    settled(page)
    loaded = len(filters)
    assert loaded > 0  # the outcome filter's chunk, once a shard
    assert page.locator("[data-filter-group=topic]").get_attribute("data-counts") == "none"
    pages = indexed_pages(example_site)

    def refused(urls: set[str]) -> int:
        return sum(1 for url in urls if "Refused" in filter_values(pages[url], "outcome"))

    assert refused(found) and group_counts(page, "outcome")["Refused"] == f"({refused(found)})"
    # Typing a new search clears the counts until its own are in: never stale ones.
    page.evaluate(WATCH_COUNTS)
    page.locator("#search-q").press("End")
    page.keyboard.type(" pursuits")
    page.wait_for_selector("[data-filter-group=outcome][data-counts=search]", state="attached")
    narrowed = result_urls(page)
    assert narrowed < found
    assert page.evaluate("window.countStates")[:1] == ["none"]
    assert group_counts(page, "outcome")["Refused"] == f"({refused(narrowed)})"
    assert len(filters) == loaded  # the same chunks, not loaded again


@by_screen
def test_no_results_says_so_and_offers_to_remove_each_filter(
    screen_page: Any, example_server: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=pursuits&outcome=Neither+confirmed+nor+denied&year=2025")
    settled(page)
    assert page.locator("#search-results li").count() == 0
    assert page.inner_text("#search-status").startswith("No results for “pursuits”")
    help_text = page.inner_text("#search-none")
    assert "checking the spelling" in help_text
    for link in ("by exemption", "by topic", "by year", "by outcome"):
        assert page.get_by_role("link", name=link).is_visible()
    remove = page.locator("#search-none button")
    assert sorted(remove.all_inner_texts()) == [
        "Remove Outcome: Neither confirmed nor denied",
        "Remove Year: 2025",
    ]
    page.get_by_role("button", name="Remove Outcome: Neither confirmed nor denied").click()
    settled(page)
    assert page.locator("#search-results li").count() > 0
    assert "outcome" not in parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("screen", ["phone"])
def test_a_misspelt_search_alone_offers_spelling_and_browsing(
    screen_page: Any, example_server: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=pursooots")
    settled(page)
    assert page.inner_text("#search-status") == "No results for “pursooots”."
    assert page.locator("#search-none").is_visible()
    assert page.locator("#search-none [data-none-filters]").is_hidden()


@pytest.mark.parametrize("screen", ["laptop"])
def test_results_show_labelled_facts_and_an_excerpt_of_the_records_own_text(
    screen_page: Any, example_server: str
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=pursuits")
    settled(page)
    first = page.locator("#search-results li").first
    terms = first.locator("dt").all_inner_texts()
    assert terms[:3] == ["Reference:", "Responded:", "Outcome:"]
    reference = first.locator("dd").first.inner_text()
    excerpt = first.locator(".search-result__excerpt")
    assert excerpt.locator("mark").count() > 0
    # The key facts and the page's standard headings are not run into the excerpt.
    text = excerpt.inner_text()
    for standard in (reference, "The request and our answers", "Partially disclosed"):
        assert standard not in text, text


@pytest.mark.parametrize("screen", ["laptop"])
def test_date_range_filters_by_month_and_lives_in_the_address(
    screen_page: Any, example_server: str, example_site: Build
) -> None:
    page = screen_page
    page.goto(f"{example_server}/search/?q=force")
    everything = result_urls(page)
    page.locator("[data-filter-group=dates] summary").click()
    page.get_by_label("From", exact=True).select_option("2024-01")
    page.get_by_label("To", exact=True).select_option("2024-12")
    narrowed = result_urls(page)
    pages = indexed_pages(example_site)
    assert narrowed == {url for url in everything if responded(pages[url]).startswith("2024")}
    assert narrowed and narrowed < everything
    params = parse_qs(urlparse(page.url).query)
    assert params["from"] == ["2024-01"] and params["to"] == ["2024-12"]
    page.reload()
    assert page.get_by_label("From", exact=True).input_value() == "2024-01"
    assert result_urls(page) == narrowed


@pytest.mark.parametrize("screen", ["laptop"])
def test_pagefind_loads_when_the_box_is_focused_before_any_key(
    browser: Any, example_server: str, screen: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.goto(f"{example_server}/search/")
    page.locator("#search-q").focus()
    page.wait_for_load_state("networkidle")
    assert any(path.endswith(".pf_meta") for path in requested)
    assert any(re.match(r"/pagefind/[^/]+/wasm\.", path) for path in requested)
    assert not any(re.match(r"/pagefind/[^/]+/index/", path) for path in requested)  # no term yet
    context.close()


@by_screen
def test_without_javascript_the_header_offers_browse_the_log_instead_of_search(
    browser: Any, example_server: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{example_server}/disclosures/2023/000214-23/")
    assert page.locator("header form[role=search]").is_hidden()
    page.locator("header").get_by_role("link", name="Browse the log").click()
    for link in ("by exemption", "by topic", "by year", "by outcome"):
        assert page.get_by_role("link", name=link).is_visible()
    context.close()
    # With JavaScript the search box is there and the link is not.
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{example_server}/disclosures/2023/000214-23/")
    assert page.locator("header form[role=search] input").is_visible()
    assert page.get_by_role("link", name="Browse the log").count() == 0
    page.close()
