"""The feedback page of a site with only an email address (the example site): errors in
the page title, and a message to copy rather than a mail client opened with raw fields."""

from __future__ import annotations

from typing import Any


def test_feedback_without_an_endpoint_shows_a_message_to_copy(
    browser: Any, example_server: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(example_server + "/feedback/")
    title = page.title()
    page.get_by_role("button", name="Send feedback").click()
    assert page.title() == "Error: " + title
    page.get_by_label("Yes").check()
    page.get_by_label("What can we improve? (optional)").fill("Bigger tables, please.")
    page.get_by_role("button", name="Send feedback").click()
    assert page.title() == title
    ready = page.locator("[data-feedback-copy]")
    assert ready.is_visible() and page.evaluate(
        "document.activeElement.hasAttribute('data-feedback-copy')"
    )
    text = ready.locator("pre").inner_text()
    assert text == "Was this page useful? Yes\nWhat can we improve? Bigger tables, please."
    assert "useful=" not in ready.inner_text()
    assert ready.get_by_role("link", name="web@northshire.example").get_attribute("href") == (
        "mailto:web@northshire.example"
    )
    ready.get_by_role("button", name="Copy the message").click()
    page.wait_for_selector("[data-feedback-copied]:text('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == text
    context.close()
