"""The example log, built with `pelican`: every record has a full, linked page."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from conftest import Build

OUTCOME_LABELS = {
    "disclosed": "Disclosed",
    "partially-disclosed": "Partially disclosed",
    "refused": "Refused",
    "not-held": "Information not held",
    "neither-confirm-nor-deny": "Neither confirmed nor denied",
}


def page_of(site: Build, record: dict[str, Any]) -> BeautifulSoup:
    year = str(record["responded"] or record["received"])[:4]
    slug = re.sub(r"[^a-z0-9]+", "-", str(record["reference"]).lower()).strip("-")
    return site.page(f"disclosures/{year}/{slug}/")


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def squash(text: str) -> str:
    """Markdown text as it reads once rendered."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def test_every_record_has_a_page_with_its_questions(
    example_site: Build, example_records: list
) -> None:
    assert len(example_records) >= 15
    for record in example_records:
        soup = page_of(example_site, record)
        main = soup.find("main")
        assert soup.find("h1").get_text(strip=True) == record["title"]
        text = text_of(main)
        assert str(record["reference"]) in text
        for number, question in enumerate(record["questions"], 1):
            item = main.find(id=f"question-{number}")
            assert item is not None, (record["reference"], number)
            assert squash(question["text"])[:40] in text_of(item)
            assert OUTCOME_LABELS[question["outcome"]] in text_of(item)
            for letter in "abcdefgh"[: len(question.get("parts", []))]:
                assert main.find(id=f"question-{number}{letter}") is not None


def test_exemptions_show_explanation_reason_and_legislation_link(
    example_site: Build, example_records: list
) -> None:
    cited = set()
    for record in example_records:
        soup = page_of(example_site, record)
        for exemption in record.get("exemptions", []):
            section = str(exemption["section"])
            cited.add(section)
            headings = [h for h in soup.select(".exemption h3") if section in h.get_text()]
            assert headings, (record["reference"], section)
            block = headings[0].parent
            assert squash(exemption["reason"])[:30] in text_of(block)
            links = [a["href"] for a in block.find_all("a")]
            assert any(link.startswith("https://www.legislation.gov.uk/") for link in links)
            if exemption.get("public_interest"):
                assert "Public interest test" in text_of(block)
            if exemption.get("ncnd"):
                assert "neither confirm nor deny" in text_of(block)
    assert len({re.match(r"\d+", s).group() for s in cited}) >= 10


def test_figure_tables_are_real_tables(example_site: Build, example_records: list) -> None:
    two_dimensional = 0
    for record in example_records:
        soup = page_of(example_site, record)
        tables = soup.select("main table")
        assert len(tables) == len(record.get("figures", []))
        for table, figure in zip(tables, record.get("figures", []), strict=True):
            assert table.caption.get_text(" ", strip=True).startswith(figure["caption"])
            row_headers = [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")]
            assert row_headers == figure["rows"]
            if figure.get("columns"):
                two_dimensional += 1
                column_headers = [
                    th.get_text(strip=True) for th in table.select("thead th[scope=col]")
                ]
                assert column_headers[: len(figure["columns"])] == figure["columns"]
            region = table.find_parent(attrs={"role": "region"})
            assert region["tabindex"] == "0" and region["aria-labelledby"] == table.caption["id"]
            for marker in table.select("td.suppressed"):
                assert "fewer than" in marker.get_text() or "suppressed" in marker.get_text()
    assert two_dimensional >= 1


def test_redirections_attachments_and_related_links(
    example_site: Build, example_records: list
) -> None:
    by_reference = {str(r["reference"]): r for r in example_records}
    for record in example_records:
        soup = page_of(example_site, record)
        text = text_of(soup.find("main"))
        for redirection in record.get("redirections", []):
            assert redirection["body"] in text
        for attachment in record.get("attachments", []):
            link = soup.find("a", string=attachment["title"])
            assert link is not None
            if "file" in attachment:
                target = example_site.output / link["href"].lstrip("/")
                assert target.is_file()
                assert re.search(
                    r"\((CSV spreadsheet|[A-Za-z ]+), [0-9.]+ (bytes|KB|MB)\)",
                    link.parent.get_text(),
                )
        for reference in record.get("related", []):
            if str(reference) in by_reference:
                related = by_reference[str(reference)]
                assert soup.find("a", string=related["title"]) is not None


def test_index_is_paginated_newest_first(example_site: Build, example_records: list) -> None:
    dates = []
    url = "/"
    pages = 0
    while url:
        soup = example_site.page(url)
        pages += 1
        for item in soup.select(".disclosure-summary time"):
            dates.append(item["datetime"])
        following = soup.find("a", rel="next")
        url = following["href"] if following else None
    assert pages >= 2
    assert len(dates) == len(example_records)
    assert dates == sorted(dates, reverse=True)


def test_standing_pages_linked_from_footer(example_site: Build) -> None:
    footer = example_site.page("/").find("footer")
    titles = {a.get_text(strip=True) for a in footer.find_all("a")}
    assert {
        "How to make a request",
        "Privacy notice",
        "Accessibility statement",
        "Cookies",
        "Feedback",
    } <= titles
    for link in footer.find_all("a"):
        assert (example_site.output / link["href"].strip("/") / "index.html").is_file()


def test_records_are_not_published_as_articles(example_site: Build) -> None:
    names = {p.name for p in example_site.output.iterdir()}
    assert not names & {"category", "tag", "author", "archives.html"}
    assert not list(example_site.output.rglob("*.yaml"))


def test_every_page_has_skip_link_and_landmarks(example_site: Build) -> None:
    for path in example_site.output.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        first_link = soup.body.find("a")
        assert first_link["href"] == "#main", path
        assert soup.find("main", id="main") and soup.find("header") and soup.find("footer"), path
        assert soup.html["lang"].lower() == "en-gb"
        assert not soup.find_all("script", src=re.compile("^(https?:)?//")), path
        assert not soup.find_all("link", href=re.compile("^(https?:)?//")), path


def test_brand_colours_come_from_settings(make_site, tmp_path) -> None:
    from conftest import good_record

    site = make_site(
        {"a.yaml": good_record()},
        'FOILOG_BRAND = {"primary": "#123456"}\nSITENAME = "Testshire Council log"',
    )
    assert site.ok, site.result.stderr
    assert "--brand-primary: #123456;" in (site.output / "foilog/css/brand.css").read_text()
    assert "Testshire Council log" in site.page("/").find("header").get_text()
