"""Brand colours checked for contrast at build time, and the statement built from settings."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import good_record

from foilog.settings.contrast import contrast_ratio


def test_contrast_ratio_follows_wcag() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#ffffff", "#767676"), 2) == 4.54  # the lightest AA grey
    assert contrast_ratio("#1d3c6e", "#1d3c6e") == 1.0


def test_default_brand_colours_build_without_warnings(make_site) -> None:
    site = make_site({"a.yaml": good_record()})
    assert site.ok, site.result.stderr
    assert "Warning" not in site.result.stderr


def test_a_brand_colour_failing_aa_warns_and_still_builds(make_site) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        'FOILOG_BRAND = {"link": "#7fa7d9", "focus": "#1d3c6e"}',
    )
    assert site.ok, site.result.stderr
    assert site.error_lines() == [
        "Warning: settings: FOILOG_BRAND['link']: #7fa7d9 has a contrast of 2.49:1 against "
        "the white page; WCAG AA needs at least 4.5:1",
        "Warning: settings: FOILOG_BRAND['focus']: #1d3c6e has a contrast of 1.79:1 against "
        "the #0b0c0c focused text; WCAG AA needs at least 4.5:1",
    ]
    assert "--brand-link: #7fa7d9;" in (site.output / "foilog/css/brand.css").read_text()


def text_of(site, url: str) -> str:
    return " ".join(site.page(url).find("main").get_text().split())


def test_statement_follows_the_required_structure_with_the_build_date(make_site) -> None:
    site = make_site({"a.yaml": good_record()})
    assert site.ok, site.result.stderr
    soup = site.page("accessibility/")
    headings = [h.get_text(strip=True) for h in soup.find("main").find_all("h2")]
    assert headings == [
        "Compliance status",
        "Non-accessible content",
        "Feedback and contact information",
        "Enforcement procedure",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ]
    text = text_of(site, "accessibility/")
    assert "partially compliant" in text
    assert "attachments" in text
    assert "Equality and Human Rights Commission" in text
    today = dt.date.today()
    assert f"The last automated check was on {today.day} {today:%B %Y}." in text
    assert soup.find("time", datetime=today.isoformat())
    footer = soup.find("footer").find("a", string="Accessibility statement")
    assert footer["href"] == "/accessibility/"


def test_statement_settings_change_what_it_says(make_site) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        """FOILOG_ACCESSIBILITY = {
    "status": "not",
    "issues": ["Maps of incident locations have no text alternative."],
    "contact_email": "access@testshire.example",
    "contact_phone": "0100 000 0000",
    "reply_days": 10,
    "enforcement": "northern-ireland",
    "prepared_on": "2025-04-01",
    "tested_on": "2025-05-02",
    "tested_by": "an external auditor",
}""",
    )
    assert site.ok, site.result.stderr
    text = text_of(site, "accessibility/")
    assert "is not compliant" in text
    assert "Maps of incident locations have no text alternative." in text
    assert "attachments" not in text
    assert site.page("accessibility/").find("a", href="mailto:access@testshire.example")
    assert "call 0100 000 0000" in text and "within 10 working days" in text
    assert "Equality Commission for Northern Ireland" in text
    assert "prepared on 1 April 2025" in text
    assert "tested by hand on 2 May 2025 by an external auditor" in text


def test_wrong_statement_settings_stop_the_build(make_site) -> None:
    site = make_site(
        {"a.yaml": good_record()},
        'FOILOG_ACCESSIBILITY = {"status": "mostly", "tested_on": "May", "colour": 1}',
    )
    assert not site.ok
    lines = site.error_lines()
    assert "settings: FOILOG_ACCESSIBILITY: unknown field 'colour'" in lines[0]
    assert (
        "settings: FOILOG_ACCESSIBILITY['status']: expected one of full, partial, not; "
        "found 'mostly'"
    ) in lines
    assert (
        "settings: FOILOG_ACCESSIBILITY['tested_on']: expected a date such as 2025-06-30; "
        "found 'May'"
    ) in lines


def test_not_found_page_links_back_to_the_log(example_site) -> None:
    soup = example_site.page("404.html")
    assert soup.h1.get_text(strip=True) == "Page not found"
    links = {a.get_text(strip=True): a["href"] for a in soup.find("main").find_all("a")}
    assert links["browse the disclosure log"] == "/"
    assert links["make a Freedom of Information request"] == "/how-to-make-a-request/"
    # Hidden from the footer: it is not a page anyone looks for.
    assert not example_site.page("/").find("footer").find("a", href="/404/")


@pytest.mark.parametrize("languages", ['["en", "fr"]', '["cy", "cy"]', "[]", '"cy"'])
def test_wrong_languages_stop_the_build(make_site, languages: str) -> None:
    site = make_site({"a.yaml": good_record()}, f"FOILOG_LANGUAGES = {languages}")
    assert not site.ok
    assert any(
        line.startswith("settings: FOILOG_LANGUAGES: expected a list of languages")
        for line in site.error_lines()
    ), site.error_lines()
