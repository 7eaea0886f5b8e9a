"""Cookie banner, cookies page, phase banner, feedback form, quick exit and security headers,
as the build writes them from the settings."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Build, good_record

ANALYTICS = """
FOILOG_COOKIE_CATEGORIES = [{
    "name": "analytics",
    "description": "Counts visits.",
    "cookies": [{"name": "_ga_*", "purpose": "Counts visits", "expiry": "2 years"}],
    "scripts": [
        {"src": "https://stats.example.org/a.js", "attributes": {"data-id": "7"}},
        {"src": "/static/loader.js"},
    ],
    "hosts": ["https://collect.example.org"],
}]
"""


def headers(site: Build) -> dict[str, str]:
    lines = (site.output / "_headers").read_text(encoding="utf-8").splitlines()
    return dict(line.strip().split(": ", 1) for line in lines[1:])


def test_no_page_has_inline_script_or_handler(example_site: Build) -> None:
    for path in example_site.output.rglob("*.html"):
        soup = example_site.page(str(path.relative_to(example_site.output)))
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue  # structured data: never run, so allowed under the policy
            assert script.get("src", "").startswith("/foilog/js/"), path
            assert not script.get_text(strip=True), path
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on") or a == "style"], path


def test_example_banner_offers_a_choice_only_to_javascript(example_site: Build) -> None:
    banner = example_site.page("/").find(attrs={"data-cookie-banner": True})
    noscript = banner.find("noscript")
    assert "only essential cookies" in noscript.get_text()
    assert noscript.find("a")["href"] == "/cookies/"
    question = banner.find(attrs={"data-cookie-question": True})
    assert question.has_attr("hidden")  # cookie-consent.js shows it
    assert [b.get_text() for b in question.find_all("button")] == [
        "Accept analytics cookies",
        "Reject analytics cookies",
    ]


def test_no_optional_categories_no_banner_and_no_script(
    make_site: Callable[..., Build],
) -> None:
    site = make_site({"a.yaml": good_record()}, "FOILOG_COOKIE_CATEGORIES = []")
    assert site.ok, site.result.stderr
    home = site.page("/")
    assert not home.find(attrs={"data-cookie-banner": True})
    # The page's own script (menu, table cues) stays; no consent script is loaded.
    scripts = [s["src"] for s in home.find_all("script")]
    assert scripts == ["/foilog/js/site.js"]
    cookies = site.page("/cookies/")
    assert "cookie_consent" in cookies.find("table").get_text()
    assert not cookies.find("main").find("form")


def test_cookies_page_and_headers_come_from_the_settings(
    make_site: Callable[..., Build],
) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        ANALYTICS + 'FOILOG_FEEDBACK_ENDPOINT = "https://feedback.example.org/send"',
    )
    assert site.ok, site.result.stderr
    page = site.page("/cookies/")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.select("tbody tr")]
    assert ["_ga_*", "Counts visits", "2 years"] in rows
    assert "stands for every cookie" in page.get_text()
    assert page.find("input", attrs={"name": "analytics", "value": "yes"})
    policy = headers(site)["Content-Security-Policy"]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' https://stats.example.org 'wasm-unsafe-eval'"
    assert directives["connect-src"] == (
        "'self' https://stats.example.org https://collect.example.org https://feedback.example.org"
    )
    assert directives["form-action"] == "'self' https://feedback.example.org"
    form = site.page("/feedback/").find("main").find("form")
    assert form["action"] == "https://feedback.example.org/send"
    assert form.has_attr("data-background")


def test_feedback_falls_back_to_email(make_site: Callable[..., Build]) -> None:
    site = make_site({"a.yaml": good_record()}, 'FOILOG_FEEDBACK_EMAIL = "web@example.org"')
    form = site.page("/feedback/").find("main").find("form")
    assert form["action"] == "mailto:web@example.org"
    assert form["enctype"] == "text/plain"
    assert not form.has_attr("data-background")
    assert "form-action 'self' mailto:" in headers(site)["Content-Security-Policy"]


def test_phase_banner_follows_the_settings(make_site: Callable[..., Build]) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        'FOILOG_PHASE = "alpha"\nFOILOG_PHASE_TEXT = "Try it out."\n'
        'FOILOG_FEEDBACK_LINK = "https://survey.example.org/foi"',
    )
    banner = site.page("/").find(class_="phase-banner")
    assert banner.find("strong").get_text() == "Alpha"
    assert "Try it out." in banner.get_text()
    assert banner.find("a")["href"] == "https://survey.example.org/foi"
    site = make_site({"a.yaml": good_record()}, "FOILOG_PHASE = None")
    assert not site.page("/").find(class_="phase-banner")


def test_quick_exit_on_sensitive_records_and_topics(make_site: Callable[..., Build]) -> None:
    site = make_site(
        {
            "a.yaml": good_record(reference="000001-25"),
            "b.yaml": good_record(reference="000002-25", sensitive=True),
            "c.yaml": good_record(reference="000003-25", topics=["Sexual Offences"]),
        },
        'FOILOG_SENSITIVE_TOPICS = ["sexual offences"]\n'
        'FOILOG_QUICK_EXIT_URL = "https://weather.example.org/"',
    )
    assert site.ok, site.result.stderr
    for number, sensitive in ((1, False), (2, True), (3, True)):
        page = site.page(f"/disclosures/2025/00000{number}-25/")
        exit_link = page.find("a", attrs={"data-quick-exit": True})
        assert bool(exit_link) == sensitive, number
        if exit_link:
            links = page.body.find_all("a")
            assert links[0]["href"] == "#main" and links[1] is exit_link
            assert exit_link["href"] == "https://weather.example.org/"
            assert page.find("script", src="/foilog/js/quick-exit.js")
    assert not site.page("/").find(attrs={"data-quick-exit": True})


def test_bad_settings_stop_the_build(make_site: Callable[..., Build]) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        """
FOILOG_COOKIE_CATEGORIES = [{
    "name": "Analytics!",
    "description": "x",
}, {
    "name": "stats",
    "description": "Counts visits.",
    "cookies": [{"name": "_x"}],
    "scripts": [
        {"src": "javascript:alert(1)"},
        {"src": "https://a.example", "attributes": {"onload": "x"}},
    ],
}]
FOILOG_PHASE = "gamma"
FOILOG_FEEDBACK_ENDPOINT = "feedback.php"
FOILOG_FEEDBACK_EMAIL = "not an address"
FOILOG_QUICK_EXIT_URL = "weather"
""",
    )
    assert not site.ok
    errors = "\n".join(site.error_lines())
    for expected in (
        "FOILOG_COOKIE_CATEGORIES[0].name: expected lower-case letters",
        "FOILOG_COOKIE_CATEGORIES[1].cookies[0]: expected name, purpose and expiry",
        "FOILOG_COOKIE_CATEGORIES[1].scripts[0].src: expected a script address",
        "FOILOG_COOKIE_CATEGORIES[1].scripts[1].attributes: expected data-* attributes",
        "FOILOG_PHASE: expected alpha, beta or None; found 'gamma'",
        "FOILOG_FEEDBACK_ENDPOINT: expected an address",
        "FOILOG_FEEDBACK_EMAIL: expected an email address",
        "FOILOG_QUICK_EXIT_URL: expected an address",
    ):
        assert expected in errors, expected
