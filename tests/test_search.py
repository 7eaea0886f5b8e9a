"""Citizens' search in headless Chromium over the example log's Pagefind index."""

from __future__ import annotations

import functools
import gzip
import json
import re
import struct
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from browser import serve, wait_until
from bs4 import BeautifulSoup
from conftest import Build

from foilog.search.pagefind_bundle import PACK_SLOTS


def indexed_pages(site: Build) -> dict[str, BeautifulSoup]:
    """Every page Pagefind indexes, by its address."""
    pages = {}
    for path in site.output.glob("disclosures/*/*/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find(attrs={"data-pagefind-body": True}):
            pages["/" + str(path.parent.relative_to(site.output)) + "/"] = soup
    return pages


def indexed_text(soup: BeautifulSoup) -> str:
    """The words Pagefind indexes: the body, less what it is told to ignore."""
    body = soup.find(attrs={"data-pagefind-body": True})
    for ignored in body.find_all(attrs={"data-pagefind-ignore": True}):
        ignored.decompose()
    return body.get_text(" ")


def pages_with_word(site: Build, word: str) -> set[str]:
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return {url for url, soup in indexed_pages(site).items() if pattern.search(indexed_text(soup))}


def responded(soup: BeautifulSoup) -> str:
    """A page's response date (ISO), or "0000" when it is not recorded: that sorts first."""
    time = soup.find("dt", string="Responded").find_next("dd").time
    return str(time["datetime"]) if time else "0000"


def citing(site: Build, section: str) -> set[str]:
    return {
        url
        for url, soup in indexed_pages(site).items()
        if any(h.get_text().startswith(f"Section {section}") for h in soup.select(".exemption h3"))
    }


def settled(page: Any) -> None:
    """Wait until the page has finished updating its results."""
    page.wait_for_selector("#search-results-area[aria-busy=false]", state="attached")


def result_urls(page: Any) -> set[str]:
    """Every result of the current search, showing more until all are listed."""
    settled(page)
    while page.locator("#search-more").is_visible():
        page.click("#search-more")
        settled(page)
    return {
        urlparse(a).path
        for a in page.eval_on_selector_all(
            "#search-results h3 a", "links => links.map(a => a.href)"
        )
    }


def choose(page: Any, name: str, value_prefix: str) -> None:
    """Tick a filter as a person does: open the filter panel and the group first."""
    box = page.locator(f"input[name={name}][value^='{value_prefix}']")
    panel = page.locator("#search-filters")
    if not panel.evaluate("e => e.open"):
        panel.locator("summary").first.click()
    group = page.locator(f"[data-filter-group={name}]")
    if not group.evaluate("e => e.open"):
        group.locator("summary").click()
    if not box.is_visible():
        group.locator("[data-show-all]").click()
    box.check()


@pytest.fixture
def search_page(browser: Any, example_server: str) -> Any:
    page = browser.new_page()
    yield page
    page.close()


def test_a_word_finds_exactly_the_records_that_contain_it(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    expected = pages_with_word(example_site, "pursuits")
    assert 0 < len(expected) < len(indexed_pages(example_site))
    search_page.goto(f"{example_server}/search/?q=pursuits")
    assert result_urls(search_page) == expected


def note_response(answered: list[tuple[str, int]], response: Any) -> None:
    answered.append((urlparse(response.url).path, response.status))


def test_results_are_read_from_fragment_packs_with_or_without_range_requests(
    browser: Any, example_site: Build
) -> None:
    """Each result's fragment is one range of its pack; a server that sends whole files
    instead gives the same results, each pack fetched once."""
    expected = pages_with_word(example_site, "pursuits")
    for ranges in (True, False):
        with serve(example_site.output, ranges=ranges) as address:
            page = browser.new_page()
            answered: list[tuple[str, int]] = []
            page.on("response", functools.partial(note_response, answered))
            page.goto(f"{address}/search/?q=pursuits")
            assert result_urls(page) == expected
            page.close()
        packs = [(path, status) for path, status in answered if path.endswith(".pf_pack")]
        assert packs
        assert not [path for path, _ in answered if path.endswith(".pf_fragment")]
        if ranges:  # the pack's offsets, then each fragment shown
            assert {status for _, status in packs} == {206}
            assert len(packs) > len({path for path, _ in packs})
        else:
            assert {status for _, status in packs} == {200}
            assert len(packs) == len({path for path, _ in packs})


def test_a_reference_finds_its_record(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    # Another record that mentions the reference in its own text is found too.
    expected = pages_with_word(example_site, "000642-23")
    assert "/disclosures/2023/000642-23/" in expected
    search_page.goto(f"{example_server}/search/?q=000642-23")
    assert result_urls(search_page) == expected


def test_exemption_filter_narrows_to_records_citing_it(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    search_page.goto(f"{example_server}/search/?q=force")
    everything = result_urls(search_page)
    choose(search_page, "exemption", "Section 40:")
    narrowed = result_urls(search_page)
    assert narrowed == everything & citing(example_site, "40")
    assert narrowed and narrowed < everything
    params = parse_qs(urlparse(search_page.url).query)
    assert params["q"] == ["force"] and params["exemption"][0].startswith("Section 40:")


def test_the_address_holds_the_search_and_reload_restores_it(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    search_page.goto(f"{example_server}/search/")
    search_page.fill("#search-q", "officers")
    search_page.select_option("#search-sort", "newest")
    first = result_urls(search_page)
    search_page.wait_for_function("location.search.includes('sort=newest')")
    shared_address = search_page.url
    search_page.goto(shared_address)
    assert search_page.input_value("#search-q") == "officers"
    assert search_page.input_value("#search-sort") == "newest"
    assert result_urls(search_page) == first
    ordered = search_page.eval_on_selector_all(
        "#search-results h3 a", "links => links.map(a => new URL(a.href).pathname)"
    )
    pages = indexed_pages(example_site)
    dates = [responded(pages[url]) for url in ordered]
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


def test_sorting_oldest_first_orders_results_by_response_date(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    search_page.goto(f"{example_server}/search/?q=officers&sort=oldest")
    settled(search_page)
    ordered = search_page.eval_on_selector_all(
        "#search-results h3 a", "links => links.map(a => new URL(a.href).pathname)"
    )
    pages = indexed_pages(example_site)
    dates = [responded(pages[url]) for url in ordered]
    assert len(dates) > 1 and dates == sorted(dates)


def test_a_first_query_loads_the_date_order_only_when_sorting(
    search_page: Any, example_server: str
) -> None:
    requested: list[str] = []
    search_page.on("request", lambda request: requested.append(urlparse(request.url).path))
    search_page.goto(f"{example_server}/search/?q=officers")
    settled(search_page)
    assert search_page.locator("#search-results li").count() > 0
    assert any(path.endswith(".pf_meta") for path in requested)
    # Neither Pagefind's web worker nor the date order is part of a first query's download.
    assert not {"/pagefind/pagefind-worker.js", "/pagefind/date-order.json"} & set(requested)
    search_page.select_option("#search-sort", "newest")
    search_page.wait_for_function("location.search.includes('sort=newest')")
    settled(search_page)
    assert "/pagefind/date-order.json" in requested


def fragment(bundle: Path, page_id: str) -> dict[str, Any]:
    """The stored data of one indexed page (gzip: Pagefind's signature, then JSON), in its
    pack in whichever shard holds it: the offsets of the pack's fragments, then them."""
    tag, _, number = page_id.rpartition("_")
    pack, slot = divmod(int(number), PACK_SLOTS)
    (path,) = bundle.glob(f"*/fragment/{tag}_{pack}.pf_pack")
    data = path.read_bytes()
    start, end = struct.unpack_from("<2I", data, 4 * slot)
    return json.loads(gzip.decompress(data[start:end]).removeprefix(b"pagefind_dcd"))


def test_date_order_lists_every_indexed_page_oldest_first(example_site: Build) -> None:
    bundle = example_site.output / "pagefind"
    ids = json.loads((bundle / "date-order.json").read_text(encoding="utf-8"))
    urls = [fragment(bundle, page_id)["url"] for page_id in ids]
    pages = indexed_pages(example_site)
    assert sorted(urls) == sorted(pages)
    dates = [responded(pages[url]) for url in urls]
    assert dates == sorted(dates)


def test_keyboard_only_search_filter_and_open(
    search_page: Any, example_server: str, example_site: Build
) -> None:
    search_page.goto(f"{example_server}/search/")
    focused = ""
    for _ in range(40):  # Tab from the top of the page to the search box
        search_page.keyboard.press("Tab")
        focused = search_page.evaluate("document.activeElement.id")
        if focused == "search-q":
            break
    assert focused == "search-q"
    search_page.keyboard.type("force")
    for _ in range(10):  # on to the exemption filters, opening them
        search_page.keyboard.press("Tab")
        if search_page.evaluate("document.activeElement.textContent.trim()") == "Exemption":
            break
    search_page.keyboard.press("Enter")
    search_page.keyboard.press("Tab")
    box = search_page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert box[0] == "exemption"
    search_page.keyboard.press("Space")
    assert search_page.evaluate("document.activeElement.checked")
    search_page.wait_for_function("location.search.includes('exemption=')")
    settled(search_page)
    for _ in range(40):  # on past the other filters to the first result
        search_page.keyboard.press("Tab")
        if search_page.evaluate("!!document.activeElement.closest('#search-results')"):
            break
    target = search_page.evaluate("document.activeElement.getAttribute('href')")
    assert target.startswith("/disclosures/")
    search_page.keyboard.press("Enter")
    search_page.wait_for_url(f"**{target}")
    assert search_page.locator("h1").count() == 1


def test_filters_without_a_term_go_to_the_browse_page(
    search_page: Any, example_server: str
) -> None:
    search_page.goto(f"{example_server}/search/")
    choose(search_page, "outcome", "Refused")
    search_page.click("#search-form button[type=submit]")
    search_page.wait_for_url("**/outcomes/refused/")


def test_without_javascript_the_page_offers_browse_links(browser: Any, example_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{example_server}/search/")
    assert page.locator("#search-form").is_hidden()
    notice = page.locator("#search-no-js")
    assert "needs JavaScript" in notice.inner_text()
    links = notice.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/exemptions/", "/topics/", "/years/", "/outcomes/", "/data/disclosures.csv"} <= set(
        links
    )
    context.close()


def test_header_search_box_on_every_page_leads_to_search(example_site: Build) -> None:
    for path in example_site.output.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        form = soup.select_one("header form[role=search]")
        assert form is not None and form["action"] == "/search/", path
        assert form.find("input", attrs={"name": "q"}) is not None


def test_only_disclosure_content_is_indexed(example_site: Build) -> None:
    for path in example_site.output.rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.find(attrs={"data-pagefind-body": True})
        if "/disclosures/" in str(path):
            assert body is not None and body.name == "article", path
            for part in body.find_all(["header", "footer", "nav"]):
                assert part.has_attr("data-pagefind-ignore"), path  # navigation is not content
        else:
            assert body is None, path
    bundle = example_site.output / "pagefind"
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert shards and all((bundle / shard / "pagefind.js").is_file() for shard in shards)


def test_search_works_under_the_sites_content_security_policy(
    browser: Any, example_site: Build
) -> None:
    lines = (example_site.output / "_headers").read_text(encoding="utf-8").splitlines()
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    with serve(example_site.output, headers=headers) as address:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text))
        page.goto(f"{address}/search/?q=force")
        wait_until(page, "document.querySelectorAll('#search-results li').length > 0")
        page.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
