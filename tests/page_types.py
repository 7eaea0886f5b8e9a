"""Every kind of page that the accessibility checks visit (tests/test_accessibility.py).

Adding a page type is one line in PAGE_TYPES: a name, the address in the example site, and
optionally a setup step that puts the page into the state to check (a banner open, an
error shown) once it has loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Setup = Callable[[Any], None]  # takes a loaded Playwright page


@dataclass(frozen=True)
class PageType:
    name: str
    url: str
    setup: Setup | None = None

    def open(self, page: Any, base: str) -> None:
        page.goto(base + self.url)
        if self.setup:
            self.setup(page)


def show_cookie_banner(page: Any) -> None:
    """A first visit: no consent stored yet, so the banner asks."""
    page.context.clear_cookies()
    page.reload()
    page.wait_for_selector(".cookie-banner [data-cookie-question]:not([hidden])")


def save_cookie_choices(page: Any) -> None:
    page.locator("[data-cookie-form] [type=submit]").click()
    page.wait_for_selector("[data-cookie-saved]:not([hidden])")


def search_with_results(page: Any) -> None:
    page.wait_for_selector("#search-results li")


def search_settled(page: Any) -> None:
    page.wait_for_selector("#search-results-area[aria-busy=false]", state="attached")


def submit_empty_feedback(page: Any) -> None:
    page.locator("[data-feedback-form] [type=submit]").click()
    page.wait_for_selector("[data-error-summary]:not([hidden])")


PAGE_TYPES = [
    PageType("log index", "/"),
    PageType("log index page 2", "/page/2/"),
    PageType("disclosure with a 2-D table", "/disclosures/2023/000214-23/"),
    PageType("sensitive disclosure", "/disclosures/2025/000341-25/"),
    PageType("how to make a request", "/how-to-make-a-request/"),
    PageType("privacy notice", "/privacy/"),
    PageType("cookies", "/cookies/"),
    PageType("cookies, choices saved", "/cookies/", save_cookie_choices),
    PageType("cookie banner on the log index", "/", show_cookie_banner),
    PageType("feedback", "/feedback/"),
    PageType("feedback with errors", "/feedback/", submit_empty_feedback),
    PageType("statistics", "/statistics/"),
    PageType("search, empty", "/search/"),
    PageType("search with results", "/search/?q=force", search_with_results),
    PageType(
        "search with filters",
        "/search/?q=force&outcome=Partially+disclosed&year=2025",
        search_with_results,
    ),
    PageType("exemptions", "/exemptions/"),
    PageType("one exemption", "/exemptions/section-40/"),
    PageType("topics", "/topics/"),
    PageType("one topic", "/topics/stop-and-search/"),
    PageType("sensitive topic", "/topics/domestic-abuse/"),
    PageType("search about a sensitive topic", "/search/?q=domestic+abuse", search_with_results),
    PageType("search with no results", "/search/?q=pursooots", search_settled),
    PageType("disclosure refused for cost", "/disclosures/2023/000642-23/"),
    PageType("years", "/years/"),
    PageType("one year", "/years/2024/"),
    PageType("one month", "/years/2024/03/"),
    PageType("outcomes", "/outcomes/"),
    PageType("one outcome", "/outcomes/refused/"),
    PageType("open data", "/data/"),
    PageType("accessibility statement", "/accessibility/"),
    # Static hosts serve /404.html for any missing address; the test server does not.
    PageType("page not found", "/404.html"),
]

# Parts of every page that print does not need: the print test checks each one it finds.
# A page's own contents list (such as the statistics page's) may print.
HIDDEN_IN_PRINT = [
    ".skip-link",
    ".site-header",
    ".site-nav",
    ".breadcrumbs",
    ".pagination",
    ".site-footer",
    ".quick-exit",
    ".cookie-banner",
    ".phase-banner",
]
