"""Topic names in Welsh (FOILOG_TOPIC_NAMES, docs/welsh.md#topic-names): a bilingual site
built with names for some of its topics, read from its Welsh and English pages and feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, build, good_record, write_site

BILINGUAL = 'FOILOG_LANGUAGES = ["en", "cy"]'
# "lanes" and "Floods" are keyed otherwise than the records write them: matched by slug.
TOPIC_NAMES = (
    'FOILOG_TOPIC_NAMES = {"cy": {"stop and search": "Stopio a chwilio", '
    '"lanes": "Lonydd", "Floods": "Llifogydd"}}'
)
RECORDS = {
    "a.yaml": good_record(reference="000001-25", topics=["Stop and search", "Lanes"]),
    "b.yaml": good_record(
        reference="000002-25", title="Flood patrols", topics=["Floods", "Drones"]
    ),
}
MISSING = "Warning: settings: FOILOG_TOPIC_NAMES['cy']: "


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("welsh-topics")
    settings = f'{BILINGUAL}\n{TOPIC_NAMES}\nFOILOG_SENSITIVE_TOPICS = ["floods"]'
    write_site(root, RECORDS, settings)
    site = build(root)
    assert site.ok, site.result.stderr
    return site


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [element.get_text(strip=True) for element in soup.select(selector)]


def test_the_welsh_topic_page_is_headed_with_its_welsh_name(named_site: Build) -> None:
    welsh = named_site.page("/cy/topics/stop-and-search/")
    assert welsh.h1.get_text(strip=True) == "Ymatebion am Stopio a chwilio"
    assert welsh.title.get_text().startswith("Ymatebion am Stopio a chwilio")
    # The same address in both trees: the language link goes to the same topic.
    assert (
        welsh.select_one('.language-links a[hreflang="en"]')["href"] == "/topics/stop-and-search/"
    )
    english = named_site.page("/topics/stop-and-search/")
    assert english.h1.get_text(strip=True) == "Responses about Stop and search"


def test_the_welsh_a_to_z_is_lettered_and_ordered_by_welsh_names(named_site: Build) -> None:
    welsh = named_site.page("/cy/topics/")
    # Welsh "ll" is a letter after "l": Lonydd, then Llifogydd under a letter of its own.
    assert texts(welsh, "main h2[id^=letter-]") == ["D", "L", "Ll", "S"]
    assert texts(welsh, ".count-list a") == ["Drones", "Lonydd", "Llifogydd", "Stopio a chwilio"]
    assert texts(welsh, ".letter-links a") == ["D", "L", "Ll", "S"]
    english = named_site.page("/topics/")
    assert texts(english, "main h2[id^=letter-]") == ["D", "F", "L", "S"]
    assert texts(english, ".count-list a") == ["Drones", "Floods", "Lanes", "Stop and search"]


def test_a_welsh_disclosure_page_links_its_topics_by_their_welsh_names(
    named_site: Build,
) -> None:
    welsh = named_site.page("/cy/disclosures/2025/000001-25/")
    links = {str(a["href"]): a.get_text() for a in welsh.select('a[href*="/topics/"]')}
    assert links["/cy/topics/stop-and-search/"] == "Stopio a chwilio"
    assert links["/cy/topics/lanes/"] == "Lonydd"
    record = json.loads(welsh.select_one('script[type="application/ld+json"]').string)
    assert record["keywords"] == ["Stopio a chwilio", "Lonydd"]


def pagefind_topics(site: Build, url: str) -> list[str]:
    return texts(site.page(url), '[data-pagefind-filter="topic"]')


def test_welsh_search_filters_use_the_welsh_names(named_site: Build) -> None:
    assert pagefind_topics(named_site, "/cy/disclosures/2025/000001-25/") == [
        "Stopio a chwilio",
        "Lonydd",
    ]
    assert pagefind_topics(named_site, "/disclosures/2025/000001-25/") == [
        "Stop and search",
        "Lanes",
    ]
    form = named_site.page("/cy/search/")
    boxes = {str(box["value"]) for box in form.select('input[name="topic"]')}
    assert boxes == {"Stopio a chwilio", "Lonydd", "Llifogydd", "Drones"}
    # A Welsh search filtered by the sensitive topic's Welsh name shows quick exit.
    exit_area = form.select_one("[data-quick-exit-topics]")
    assert json.loads(str(exit_area["data-quick-exit-topics"])) == ["Floods", "Llifogydd"]
    assert named_site.page("/cy/topics/floods/").select_one("[data-quick-exit]")


def test_the_welsh_feed_of_a_topic_is_titled_with_its_welsh_name(named_site: Build) -> None:
    feed = BeautifulSoup(
        (named_site.output / "cy/feeds/topics/stop-and-search.atom.xml").read_text("utf-8"),
        "xml",
    )
    assert feed.find("title").get_text().startswith("Ymatebion am Stopio a chwilio – ")
    terms = {str(category["term"]) for category in feed.find_all("category")}
    assert {"Stopio a chwilio", "Lonydd"} <= terms and "Stop and search" not in terms
    english = (named_site.output / "feeds/topics/stop-and-search.atom.xml").read_text("utf-8")
    assert "<title>Responses about Stop and search – " in english


def test_a_topic_with_no_welsh_name_is_shown_as_written_with_one_warning(
    named_site: Build,
) -> None:
    warnings = [line for line in named_site.error_lines() if line.startswith(MISSING)]
    assert warnings == [
        f"{MISSING}no name for 1 topic(s), shown as written on the 'cy' pages: Drones"
    ]
    assert named_site.page("/cy/topics/drones/").h1.get_text(strip=True) == "Ymatebion am Drones"
    assert pagefind_topics(named_site, "/cy/disclosures/2025/000002-25/") == ["Llifogydd", "Drones"]


def test_a_site_in_english_only_has_no_warning(tmp_path: Path) -> None:
    write_site(tmp_path, RECORDS, TOPIC_NAMES)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert not [line for line in site.error_lines() if "FOILOG_TOPIC_NAMES" in line]
    assert not (site.output / "cy").exists()


@pytest.mark.parametrize(
    ("names", "fault"),
    [
        ('["stop and search"]', "settings: FOILOG_TOPIC_NAMES: expected a mapping of language"),
        ('{"fr": {"noise": "bruit"}}', "settings: FOILOG_TOPIC_NAMES: expected a mapping of"),
        ('{"cy": {"noise": ""}}', "settings: FOILOG_TOPIC_NAMES['cy']: expected a topic and"),
        (
            '{"cy": {"ANPR": "ANPR", "anpr": "adnabod rhifau"}}',
            "settings: FOILOG_TOPIC_NAMES['cy']: 'ANPR' and 'anpr' are one topic",
        ),
    ],
)
def test_bad_topic_names_stop_the_build_with_one_line(
    tmp_path: Path, names: str, fault: str
) -> None:
    write_site(tmp_path, RECORDS, f"{BILINGUAL}\nFOILOG_TOPIC_NAMES = {names}")
    site = build(tmp_path)
    assert not site.ok
    lines = site.error_lines()
    assert lines[0].startswith(fault), lines
    assert lines[1:] == ["The build stopped: fix the settings above. Nothing was published."]
