"""Quick exit across a sensitive journey: topic pages and searches about sensitive topics,
history that keeps no page of the journey, and Shift presses that are announced.

Uses the sites and the stand-in outside server of tests/test_consent_browser.py."""

from __future__ import annotations

from typing import Any

from test_consent_browser import BY_TOPIC, PLAIN, Outside, Visit, outside, site_v1, visit

__all__ = ["outside", "site_v1", "visit"]  # fixtures shared with test_consent_browser

SENSITIVE_TOPIC = "/topics/domestic-abuse/"
EXIT = "Leave this site"


def exit_shown(page: Any) -> bool:
    button = page.get_by_role("link", name=EXIT)
    return button.count() == 1 and button.is_visible()


def test_quick_exit_on_sensitive_topic_pages_only(visit: Visit, site_v1: str) -> None:
    visit.page.goto(site_v1 + SENSITIVE_TOPIC)
    assert exit_shown(visit.page)
    visit.page.goto(site_v1 + "/topics/police-dogs/")
    assert visit.page.get_by_role("link", name=EXIT).count() == 0


def test_quick_exit_on_searches_about_a_sensitive_topic(visit: Visit, site_v1: str) -> None:
    page = visit.page
    page.goto(site_v1 + "/search/?q=police+dogs")
    page.wait_for_selector("#search-results li")
    assert not exit_shown(page)
    page.fill("#search-q", "abuse")  # one word of the topic's name is enough
    page.wait_for_selector("[data-quick-exit-area]:not([hidden])")
    page.fill("#search-q", "dogs")
    page.wait_for_selector("[data-quick-exit-area][hidden]", state="attached")
    page.goto(site_v1 + "/search/?q=dogs&topic=Domestic+abuse")
    assert exit_shown(page)


def test_back_after_exit_returns_to_no_page_of_the_journey(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    page = visit.page
    page.goto(outside.address + "/start/")
    page.goto(site_v1 + "/topics/")
    page.get_by_role("link", name="Domestic abuse").click()
    page.wait_for_url(site_v1 + SENSITIVE_TOPIC)
    page.locator("main .disclosure-summary a").first.click()
    page.wait_for_url(site_v1 + BY_TOPIC)
    page.get_by_role("link", name="Responses about Domestic abuse").or_(
        page.locator("main a[href='/topics/domestic-abuse/']").last
    ).first.click()
    page.wait_for_url(site_v1 + SENSITIVE_TOPIC)
    page.get_by_role("link", name=EXIT).click()
    page.wait_for_url(outside.address + "/weather/")
    page.go_back()
    assert page.url == site_v1 + "/topics/"  # the page before the journey
    page.go_back()
    assert page.url == outside.address + "/start/"


def test_back_after_exit_from_a_search_result(visit: Visit, site_v1: str, outside: Outside) -> None:
    page = visit.page
    page.goto(site_v1 + PLAIN)
    page.fill("#site-search-q", "domestic abuse")
    page.press("#site-search-q", "Enter")
    page.wait_for_selector("#search-results li")
    assert exit_shown(page)
    page.locator("#search-results h3 a").first.click()
    page.wait_for_url(site_v1 + BY_TOPIC)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(outside.address + "/weather/")
    page.go_back()
    assert page.url == site_v1 + PLAIN  # neither the search nor the record


def test_shift_presses_are_counted_aloud(visit: Visit, site_v1: str, outside: Outside) -> None:
    page = visit.page
    page.goto(site_v1 + BY_TOPIC)
    status = page.locator("[data-quick-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift pressed. Press Shift 2 more times to leave this site."
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift pressed. Press Shift 1 more time to leave this site."
    page.keyboard.press("a")  # any other key starts the count again
    assert status.inner_text() == ""
    page.keyboard.press("Shift")
    assert "2 more times" in status.inner_text()
