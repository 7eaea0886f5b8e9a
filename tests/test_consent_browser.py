"""Cookie consent, feedback and quick exit in Chromium, on sites served on 127.0.0.1 with
the Content-Security-Policy the build wrote into `_headers`.

A second server on 127.0.0.1 (another port, so another origin) stands in for the world
outside the site: the analytics host, the feedback endpoint and the neutral site.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import serve, wait_until
from conftest import Build, build, good_record, write_site

ANALYTICS_SCRIPT = b"""
document.cookie = "_test_analytics=1; Path=/; Max-Age=3600; SameSite=Lax";
window.testAnalytics = document.currentScript.getAttribute("data-site");
"""


@dataclass
class Outside:
    """What the stand-in outside server was asked, and how it answers feedback."""

    address: str = ""
    feedback_status: int = 200
    feedback_posts: list[dict[str, list[str]]] = field(default_factory=list)


def _outside_handler(outside: Outside) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path.startswith("/analytics.js"):
                self._answer(200, "text/javascript", ANALYTICS_SCRIPT)
            else:  # /start/ and /weather/: ordinary pages of another site
                title = self.path.strip("/").capitalize()
                html = f"<!DOCTYPE html><title>{title}</title><h1>{title}</h1>"
                self._answer(200, "text/html", html.encode())

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            outside.feedback_posts.append(parse_qs(self.rfile.read(length).decode()))
            self._answer(outside.feedback_status, "application/json", b"{}")

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def outside() -> Iterator[Outside]:
    state = Outside()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _outside_handler(state))
    state.address = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state
    server.shutdown()
    server.server_close()


RECORDS = {
    "2025/plain.yaml": good_record(reference="000001-25"),
    "2025/marked.yaml": good_record(reference="000002-25", sensitive=True),
    "2025/topic.yaml": good_record(reference="000003-25", topics=["Domestic abuse"]),
}
PLAIN, MARKED, BY_TOPIC = (f"/disclosures/2025/00000{n}-25/" for n in (1, 2, 3))


def consent_site(root: Path, outside: Outside, version: str) -> Build:
    category = {
        "name": "analytics",
        "description": "Analytics cookies count visits.",
        "cookies": [{"name": "_test_analytics", "purpose": "Counts visits", "expiry": "1 hour"}],
        "scripts": [
            {"src": f"{outside.address}/analytics.js", "attributes": {"data-site": "foi-test"}}
        ],
    }
    write_site(
        root,
        RECORDS,
        f"""
FOILOG_COOKIE_POLICY_VERSION = {version!r}
FOILOG_COOKIE_CATEGORIES = [{category!r}]
FOILOG_FEEDBACK_ENDPOINT = {outside.address + "/feedback"!r}
FOILOG_QUICK_EXIT_URL = {outside.address + "/weather/"!r}
FOILOG_SENSITIVE_TOPICS = ["domestic abuse"]
""",
    )
    site = build(root)
    assert site.ok, site.result.stderr
    return site


def headers_of(site: Build) -> dict[str, str]:
    """The headers the build asks the host to send, read back from `_headers`."""
    lines = (site.output / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


@pytest.fixture(scope="module")
def site_v1(tmp_path_factory: pytest.TempPathFactory, outside: Outside) -> Iterator[str]:
    site = consent_site(tmp_path_factory.mktemp("consent-v1"), outside, "1")
    with serve(site.output, headers_of(site)) as address:
        yield address


@pytest.fixture(scope="module")
def site_v2(tmp_path_factory: pytest.TempPathFactory, outside: Outside) -> Iterator[str]:
    site = consent_site(tmp_path_factory.mktemp("consent-v2"), outside, "2")
    with serve(site.output, headers_of(site)) as address:
        yield address


class Visit:
    """A fresh browser context that records every request and any CSP violation."""

    def __init__(self, browser: Any, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript)
        self.requests: list[str] = []
        self.violations: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def cookies(self) -> dict[str, Any]:
        return {cookie["name"]: cookie for cookie in self.context.cookies()}

    def consent(self) -> dict[str, Any]:
        from urllib.parse import unquote

        return json.loads(unquote(self.cookies()["cookie_consent"]["value"]))

    def requested_from(self, address: str) -> list[str]:
        return [url for url in self.requests if url.startswith(address)]


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    opened = Visit(browser)
    yield opened
    assert opened.violations == []  # every page works under the site's own CSP
    opened.context.close()


def banner_text(visit: Visit) -> str:
    return " ".join(visit.page.locator("[data-cookie-banner]").inner_text().split())


def test_first_visit_shows_banner_and_nothing_optional(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    for url in ("/", PLAIN, MARKED, "/feedback/"):
        visit.page.goto(site_v1 + url)
        assert visit.page.get_by_role("button", name="Accept analytics cookies").is_visible()
        assert visit.page.get_by_role("button", name="Reject analytics cookies").is_visible()
        assert visit.page.evaluate("typeof window.testAnalytics") == "undefined"
    assert visit.cookies() == {}
    # Before consent, no request leaves the site, let alone 127.0.0.1.
    assert visit.requests
    assert all(url.startswith(site_v1 + "/") for url in visit.requests), visit.requests


def test_reject_records_the_choice_and_sets_no_optional_cookie(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    visit.page.goto(site_v1 + PLAIN)
    visit.page.get_by_role("button", name="Reject analytics cookies").click()
    assert "Your cookie preferences have been saved" in banner_text(visit)
    assert "You have rejected analytics cookies" in banner_text(visit)
    assert visit.page.evaluate("document.activeElement.dataset.cookieConfirmation") == ""
    consent = visit.consent()
    assert consent["version"] == "1" and consent["choices"] == {"analytics": False}
    assert consent["date"].startswith(date.today().isoformat())
    assert set(visit.cookies()) == {"cookie_consent"}
    assert visit.cookies()["cookie_consent"]["sameSite"] == "Lax"
    visit.page.get_by_role("button", name="Hide cookie message").click()
    assert not visit.page.locator("[data-cookie-banner]").is_visible()
    visit.page.goto(site_v1 + "/")
    assert not visit.page.locator("[data-cookie-banner]").is_visible()
    assert visit.requested_from(outside.address) == []


def test_accept_loads_the_analytics_script_and_stores_the_version(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    visit.page.goto(site_v1 + PLAIN)
    assert visit.requested_from(outside.address) == []
    visit.page.get_by_role("button", name="Accept analytics cookies").click()
    wait_until(visit.page, "window.testAnalytics === 'foi-test'")
    assert "You have accepted analytics cookies" in banner_text(visit)
    assert visit.requested_from(outside.address) == [f"{outside.address}/analytics.js"]
    assert visit.consent()["version"] == "1"
    assert visit.consent()["choices"] == {"analytics": True}
    assert set(visit.cookies()) == {"cookie_consent", "_test_analytics"}
    # The next page loads the script straight away, with no banner.
    visit.page.goto(site_v1 + "/")
    wait_until(visit.page, "window.testAnalytics === 'foi-test'")
    assert not visit.page.locator("[data-cookie-banner]").is_visible()


def test_changed_policy_version_asks_again(
    visit: Visit, site_v1: str, site_v2: str, outside: Outside
) -> None:
    visit.page.goto(site_v1 + "/")
    visit.page.get_by_role("button", name="Accept analytics cookies").click()
    wait_until(visit.page, "window.testAnalytics === 'foi-test'")
    loaded = len(visit.requested_from(outside.address))
    # Both sites are on 127.0.0.1, so they share cookies: version 2 sees version 1's consent.
    visit.page.goto(site_v2 + "/")
    assert visit.page.get_by_role("button", name="Accept analytics cookies").is_visible()
    assert visit.page.evaluate("typeof window.testAnalytics") == "undefined"
    assert len(visit.requested_from(outside.address)) == loaded
    assert "_test_analytics" not in visit.cookies()  # consent lapsed: its cookies go too
    visit.page.get_by_role("button", name="Reject analytics cookies").click()
    assert visit.consent()["version"] == "2"


def test_cookies_page_form_saves_choices_and_confirms(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    visit.page.goto(site_v1 + "/cookies/")
    page = visit.page
    assert not page.locator("[data-cookie-banner]").count()  # the form does its job here
    tables = page.locator("table").all_inner_texts()
    assert any("cookie_consent" in table for table in tables)
    assert any("_test_analytics" in table and "1 hour" in table for table in tables)
    assert page.get_by_label("No").is_checked()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save cookie settings").click()
    saved = page.locator("[data-cookie-saved]")
    assert saved.is_visible() and "Your cookie preferences have been saved" in saved.inner_text()
    assert page.evaluate("document.activeElement.dataset.cookieSaved") == ""
    wait_until(page, "window.testAnalytics === 'foi-test'")
    assert visit.consent()["choices"] == {"analytics": True}
    # Withdrawing consent removes the category's cookies.
    page.reload()
    assert page.get_by_label("Yes").is_checked()
    page.get_by_label("No").check()
    page.get_by_role("button", name="Save cookie settings").click()
    assert page.locator("[data-cookie-saved]").is_visible()
    assert visit.consent()["choices"] == {"analytics": False}
    assert set(visit.cookies()) == {"cookie_consent"}


def test_without_javascript_only_essential_cookies_and_a_link(
    browser: Any, site_v1: str, outside: Outside
) -> None:
    visit = Visit(browser, javascript=False)
    for url in ("/", MARKED):
        visit.page.goto(site_v1 + url)
        banner = visit.page.locator("[data-cookie-banner]")
        assert "uses only essential cookies" in banner.inner_text()
        link = banner.get_by_role("link", name="Read about cookies on this website")
        assert link.get_attribute("href") == "/cookies/"
        assert not banner.get_by_role("button").count()  # no consent buttons that do nothing
    visit.page.goto(site_v1 + "/cookies/")
    assert "JavaScript is not running" in visit.page.locator("main").inner_text()
    assert not visit.page.get_by_role("button", name="Save cookie settings").is_visible()
    assert visit.cookies() == {}
    assert visit.requested_from(outside.address) == []
    visit.context.close()


def test_feedback_shows_errors_then_failure_then_success(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    page = visit.page
    page.goto(site_v1 + PLAIN)
    page.get_by_role("link", name="Give feedback").click()
    assert page.url == site_v1 + "/feedback/"
    before = len(outside.feedback_posts)
    # The form's script has run, turning off the browser's own checks: a click before it
    # would meet those instead of the error summary.
    page.locator("[data-feedback-form][novalidate]").wait_for(state="attached")
    # Nothing chosen: an error summary whose link leads to the question.
    page.get_by_role("button", name="Send feedback").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert "There is a problem" in summary.inner_text()
    summary.get_by_role("link", name="Select yes if this page was useful").click()
    assert page.evaluate("document.activeElement.id") == "useful"
    assert page.locator("#useful-error").is_visible()
    assert len(outside.feedback_posts) == before
    # The endpoint fails: say so and keep what was written.
    outside.feedback_status = 500
    page.get_by_label("Yes").check()
    page.get_by_label("What can we improve?").fill("Bigger tables, please.")
    page.get_by_role("button", name="Send feedback").click()
    failed = page.locator("[data-feedback-failed]")
    failed.wait_for()
    assert "Sorry, there was a technical problem. Please try again." in failed.inner_text()
    assert not summary.is_visible()
    assert page.get_by_label("What can we improve?").input_value() == "Bigger tables, please."
    assert page.get_by_label("Yes").is_checked()
    # It works the second time.
    outside.feedback_status = 200
    page.get_by_role("button", name="Send feedback").click()
    page.locator("[data-feedback-sent]").wait_for()
    assert "Thank you for your feedback" in page.locator("main").inner_text()
    assert not page.locator("[data-feedback-form]").is_visible()
    sent = outside.feedback_posts[-2:]
    assert sent[0] == sent[1]
    assert sent[1] == {"useful": ["yes"], "improve": ["Bigger tables, please."], "page": [PLAIN]}


def test_quick_exit_only_on_sensitive_pages(visit: Visit, site_v1: str) -> None:
    for url, sensitive in (
        (MARKED, True),
        (BY_TOPIC, True),
        (PLAIN, False),
        ("/", False),
        ("/cookies/", False),
    ):
        visit.page.goto(site_v1 + url)
        button = visit.page.get_by_role("link", name="Leave this site")
        assert button.count() == (1 if sensitive else 0), url


def test_quick_exit_is_first_after_skip_link_and_replaces_history(
    visit: Visit, site_v1: str, outside: Outside
) -> None:
    page = visit.page
    page.goto(outside.address + "/start/")
    page.goto(site_v1 + MARKED)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Leave this site"
    assert page.get_by_text("Or press Shift 3 times").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(outside.address + "/weather/")
    page.go_back()
    assert page.url == outside.address + "/start/"  # the sensitive page left no trace


def test_triple_shift_leaves_the_site(visit: Visit, site_v1: str, outside: Outside) -> None:
    page = visit.page
    page.goto(outside.address + "/start/")
    page.goto(site_v1 + BY_TOPIC)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url == site_v1 + BY_TOPIC
    page.keyboard.press("Shift")
    page.wait_for_url(outside.address + "/weather/")
    page.go_back()
    assert page.url == outside.address + "/start/"


def test_quick_exit_is_a_plain_link_without_javascript(
    browser: Any, site_v1: str, outside: Outside
) -> None:
    visit = Visit(browser, javascript=False)
    visit.page.goto(site_v1 + MARKED)
    visit.page.get_by_role("link", name="Leave this site").click()
    visit.page.wait_for_url(outside.address + "/weather/")
    visit.context.close()


def test_example_site_makes_no_outside_request_before_consent(
    browser: Any, example_server: str
) -> None:
    visit = Visit(browser)
    for url in ("/", "/disclosures/2025/000341-25/", "/cookies/", "/feedback/"):
        visit.page.goto(example_server + url)
    assert {urlsplit(url).hostname for url in visit.requests} == {"127.0.0.1"}
    visit.context.close()
