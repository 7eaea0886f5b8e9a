"""A person reading a disclosure in Chromium, with and without JavaScript."""

from __future__ import annotations

from typing import Any


def test_disclosure_page_reads_and_works_by_keyboard(browser: Any, example_server: str) -> None:
    page = browser.new_page()
    page.goto(f"{example_server}/disclosures/2025/000341-25/")
    assert page.title().startswith("Attacks on sex workers")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_pages_fit_320_pixels_without_javascript(browser: Any, example_server: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    for url in ("/", "/disclosures/2023/000214-23/", "/how-to-make-a-request/", "/statistics/"):
        page.goto(example_server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
    context.close()
