"""The browser index in shards: the same results as one index of the whole log, and a
rebuild that indexes again only the shards whose pages changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from browser import serve, wait_until
from conftest import PROJECT, Build, build, good_record, write_site
from test_search import result_urls, settled

from foilog.search.browser_index import IndexStoppedError, build_browser_index

# Words found in one year and not another, misspelt, cut short, with a filter, and none.
QUERIES = [
    "pursuits",
    "officers pursuits",
    "000642-23",
    "offic",
    "polise",
    "stop and search",
    "police horses",
    "zzyzx",
    "force&exemption=Section+40%3A+Personal+information",
]

# Every result of one search of a Pagefind bundle, by address.
ONE_INDEX_SEARCH = """async ([bundle, term, filters]) => {
  const pagefind = await import(`${bundle}pagefind.js`);
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  const found = await pagefind.search(term, { filters });
  const data = await Promise.all(found.results.map((result) => result.data()));
  return data.map((page) => page.url);
}"""


def sharded_with_one_index(root: Path, settings: str) -> Path:
    """The example log built in shards with these settings, with, beside them, one Pagefind
    index of all its pages, made by Pagefind itself as the build did before the index was
    split (in `one-index/`)."""
    shutil.copytree(PROJECT / "disclosures", root / "disclosures")
    write_site(root, {}, settings)
    built = build(root)
    assert built.ok, built.result.stderr
    command = [sys.executable, "-m", "pagefind", "--site", str(built.output), "--silent"]
    command += ["--glob", "disclosures/**/*.html", "--output-subdir", "one-index"]
    subprocess.run(command, check=True)
    return built.output


@pytest.fixture(scope="module")
def one_index_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example log in shards of about three pages (two a year, mostly), every one read
    by a first search."""
    site = sharded_with_one_index(tmp_path_factory.mktemp("sharded"), SMALL_SHARDS)
    shards = json.loads((site / "pagefind/shards.json").read_text())["shards"]
    assert len(shards) > 3  # more than one a year
    return site


SMALL_SHARDS = "FOILOG_SEARCH_SHARD_PAGES = 3"


def test_shards_find_the_same_results_as_one_index(browser: Any, one_index_site: Path) -> None:
    page = browser.new_page()
    with serve(one_index_site) as address:
        page.goto(f"{address}/404.html")
        for query in QUERIES:
            expected = one_index_results(page, query)
            search = browser.new_page()
            search.goto(f"{address}/search/?q={query}")
            assert result_urls(search) == expected, query
            search.close()
    page.close()


def one_index_results(page: Any, query: str) -> set[str]:
    """The addresses one index of the whole log finds for a query of the search page."""
    term, _, rest = query.partition("&")
    filters = {}
    if rest:
        name, _, value = rest.partition("=")
        filters[name] = {"any": [value.replace("+", " ").replace("%3A", ":")]}
    return set(page.evaluate(ONE_INDEX_SEARCH, ["/one-index/", term, filters]))


@pytest.fixture(scope="module")
def newest_first_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example log in small shards, of which a first search reads five pages' worth."""
    root = tmp_path_factory.mktemp("newest-first")
    return sharded_with_one_index(root, f"{SMALL_SHARDS}\nFOILOG_SEARCH_FIRST_PAGES = 5")


def shards_read(requests: list[str], primary: str) -> tuple[set[str], set[str]]:
    """The shards whose index chunks these requests fetched, and the others they fetched
    anything of but the code and metadata of `primary`, whose script searches them all."""
    paths = [urlparse(url).path.split("/") for url in requests]
    shards = [parts for parts in paths if parts[1] == "pagefind" and len(parts) > 3]
    searched = {parts[2] for parts in shards if parts[3] == "index"}
    return searched, {parts[2] for parts in shards if parts[2] != primary} - searched


def test_a_first_search_reads_the_newest_responses_and_offers_the_rest(
    browser: Any, newest_first_site: Path
) -> None:
    listed = json.loads((newest_first_site / "pagefind/shards.json").read_text())
    shards, months = listed["shards"], listed["months"]
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(newest_first_site) as address:
        page.goto(f"{address}/404.html")
        everything = one_index_results(page, "police")
        page.goto(f"{address}/search/?q=police")
        found = result_urls(page)
        # The newest shards of five pages at most: 2025's (two shards of its months).
        read, other = shards_read(requests, shards[-1])
        assert read == {name for name in shards if name.startswith("2025")} and not other
        assert found == {url for url in everything if url.startswith("/disclosures/2025/")}
        assert found < everything
        note = page.locator("#search-scope")
        first, last = min(months[name][0] for name in read), max(months[n][1] for n in read)
        assert first == "2025-01" and last == "2025-09"
        status = page.locator("#search-status")
        assert status.inner_text() == (
            f"{len(found)} results for “police”. "
            "Only responses from January 2025 to September 2025 were searched."
        )
        assert note.is_visible()

        # The year group counts the years searched, and leaves the others uncounted.
        if not page.locator("#search-filters").evaluate("panel => panel.open"):
            page.locator("#search-filters > summary").click()
        page.locator("[data-filter-group=year] summary").click()
        # Opening the group counts it again, once the search it starts has run.
        wait_until(
            page, "document.querySelector('[data-filter-group=year]').dataset.counts == 'search'"
        )
        settled(page)
        count = "li:has(input[name=year][value='{}']) [data-count]"
        assert page.locator(count.format(2025)).inner_text() == f"({len(found)})"
        assert page.locator(count.format(2023)).inner_text() == ""

        page.get_by_role("button", name="Search all responses").click()
        assert result_urls(page) == everything
        assert note.is_hidden()
        assert status.inner_text() == f"{len(everything)} results for “police”."
        assert page.locator(count.format(2023)).inner_text() not in ("", "(0)")
        assert "all=1" in page.url
        assert page.evaluate("document.activeElement.closest('#search-results') !== null")
        page.reload()  # the address keeps the choice
        assert result_urls(page) == everything and note.is_hidden()

        # Sorted oldest first, the oldest shards are read first.
        requests.clear()
        page.goto(f"{address}/search/?q=police&sort=oldest")
        oldest = result_urls(page)
        assert oldest and all(url.startswith("/disclosures/2023/") for url in oldest)
        read, other = shards_read(requests, shards[-1])
        assert all(name.startswith("2023") for name in read) and not other
        assert "Only responses from March 2023 to October 2023" in status.inner_text()

        # A year chosen: only the shards of that year, all of them when they hold five pages
        # or fewer (2024), else its newest (2023), and all once asked.
        requests.clear()
        page.goto(f"{address}/search/?q=police&year=2024")
        expected = one_index_results(page, "police&year=2024")
        assert expected and result_urls(page) == expected and note.is_hidden()
        read, other = shards_read(requests, shards[-1])
        assert read == {name for name in shards if name.startswith("2024")} and not other
        requests.clear()
        page.goto(f"{address}/search/?q=police&year=2023")
        newest = result_urls(page)
        assert "Only responses from August 2023 to November 2023" in status.inner_text()
        read, other = shards_read(requests, shards[-1])
        assert read == {"2023-08-to-10", "2023-11"} and not other
        page.get_by_role("button", name="Search all responses").click()
        expected = one_index_results(page, "police&year=2023")
        assert newest < result_urls(page) == expected

        # Nothing in the newest responses: every response is searched without asking.
        page.goto(f"{address}/search/?q=000642-23")
        assert result_urls(page) == one_index_results(page, "000642-23") != set()
        assert note.is_hidden()
    page.close()


def files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file under `folder` with its inode and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def shard_files(site: Build) -> dict[str, dict[str, tuple[int, int]]]:
    bundle = site.output / "pagefind"
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))["shards"]
    return {shard: files(bundle / shard) for shard in shards}


RECORDS = {
    "2023/a.yaml": good_record(
        reference="000001-23", received="2023-02-01", responded="2023-02-20", related=["000002-24"]
    ),
    "2024/b.yaml": good_record(
        reference="000002-24", received="2024-02-01", responded="2024-02-20"
    ),
    "2025/c.yaml": good_record(reference="000003-25"),
}


def test_a_rebuild_that_changes_one_record_rewrites_only_its_shard(tmp_path: Path) -> None:
    write_site(tmp_path, RECORDS, "FOILOG_SEARCH_SHARD_PAGES = 1")
    first = build(tmp_path)
    assert first.ok, first.result.stderr
    before = shard_files(first)
    assert set(before) == {"2023", "2024", "2025"}
    everything = files(first.output / "pagefind")

    again = build(tmp_path)  # nothing changed: nothing written
    assert again.ok, again.result.stderr
    assert files(first.output / "pagefind") == everything

    # The 2024 record's new title shows on its own page and in the 2023 record's related
    # list; only the 2024 shard is indexed again.
    edit = {"2024/b.yaml": {**RECORDS["2024/b.yaml"], "title": "Horse patrols"}}
    write_site(tmp_path, edit, "FOILOG_SEARCH_SHARD_PAGES = 1")
    edited = build(tmp_path)
    assert edited.ok, edited.result.stderr
    assert "Horse patrols" in edited.page("disclosures/2023/000001-23/").get_text()
    after = shard_files(edited)
    assert after["2023"] == before["2023"] and after["2025"] == before["2025"]
    assert after["2024"] != before["2024"]

    # A year's last record removed: its shard goes, and the others stay as they were.
    (tmp_path / "disclosures/2025/c.yaml").unlink()
    removed = build(tmp_path)
    assert removed.ok, removed.result.stderr
    final = shard_files(removed)
    assert set(final) == {"2023", "2024"}
    assert final == {"2023": before["2023"], "2024": after["2024"]}
    assert not (removed.output / "pagefind" / "2025").exists()


def pages_of(year: int, count: int, month: int = 1, start: int = 0) -> dict[str, str]:
    """Log pages of a year, each with its date sort key."""
    return {
        f"disclosures/{year}/{n:06}-{year % 100}/index.html": f"{year}-{month:02}-01"
        for n in range(start, start + count)
    }


def test_quiet_years_share_a_shard_and_a_busy_one_is_split_by_its_months() -> None:
    from foilog.search.shards import plan_shards

    most = 100
    undated = {f"disclosures/undated/{n}/index.html": "0000" for n in range(5)}
    pages = {**undated, **pages_of(2019, 30), **pages_of(2020, 60), **pages_of(2021, 50)}
    busy = {**pages_of(2022, 40), **pages_of(2022, 50, 2, 100), **pages_of(2022, 30, 3, 200)}
    busy |= {**pages_of(2022, 230, 4, 300), "cy/disclosures/2022/000101-22/index.html": "2022-02"}
    pages |= {**busy, **pages_of(2023, 10)}
    shards = plan_shards(pages, most)
    assert list(shards) == [
        "undated-2020",
        "2021",
        "2022-01-to-02",  # with the Welsh page of a February record
        "2022-03",
        "2022-04-1",
        "2022-04-2",
        "2022-04-3",
        "2023",
    ]
    assert all(len(paths) <= most * 1.5 for paths in shards.values())  # dealt by a hash
    assert sorted(p for paths in shards.values() for p in paths) == sorted(pages)
    # The same pages in another order, or with a new record, stay in the same shards.
    again = plan_shards(dict(reversed(pages.items())) | pages_of(2023, 1, 5, 50), most)
    for name, paths in shards.items():
        assert set(paths) <= set(again[name])


LATE_PAGE = """<!doctype html><html lang="en-GB"><head><title>Kennel costs</title></head>
<body><main data-pagefind-body><h1>Kennel costs</h1><p>Kennels for the dog section.</p>
</main></body></html>"""


def test_a_response_page_made_after_the_index_started_is_indexed_too(tmp_path: Path) -> None:
    """The index starts once the log's generators have written the response pages; a page
    under disclosures/<year>/ that comes later (here a static file, which Pelican copies
    last) is indexed all the same, as by a build that indexed only at the end."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    (content / "late").mkdir()
    (content / "late/page.data").write_text(LATE_PAGE, encoding="utf-8")
    settings = f"""
PATH = {str(content)!r}
STATIC_PATHS = ["late"]
EXTRA_PATH_METADATA = {{"late/page.data": {{"path": "disclosures/2024/late/index.html"}}}}
"""
    write_site(tmp_path, RECORDS, settings)
    built = build(tmp_path)
    assert built.ok, built.result.stderr
    assert (built.output / "disclosures/2024/late/index.html").is_file()
    state = json.loads((tmp_path / "cache/search-shards.json").read_text(encoding="utf-8"))
    ids = {url for shard in state["shards"].values() for url in shard["ids"]}
    assert "/disclosures/2024/late/" in ids
    assert {"/disclosures/2023/000001-23/", "/disclosures/2025/000003-25/"} <= ids


def test_an_index_asked_to_stop_indexes_no_more_shards(tmp_path: Path) -> None:
    write_site(tmp_path, RECORDS, "FOILOG_SEARCH_SHARD_PAGES = 1")
    built = build(tmp_path)
    assert built.ok, built.result.stderr
    site = tmp_path / "copy"
    shutil.copytree(built.output, site)
    stop = threading.Event()
    stop.set()
    with pytest.raises(IndexStoppedError):
        build_browser_index(site, shard_pages=1, stop=stop)
    assert [p.name for p in (site / "pagefind").iterdir()] == []
