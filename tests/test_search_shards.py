"""The browser index in shards: the same results as one index of the whole log, and a
rebuild that indexes again only the shards whose pages changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser import serve
from conftest import PROJECT, Build, build, good_record, write_site
from test_search import result_urls

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


@pytest.fixture(scope="module")
def one_index_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example log in shards of about three pages (two a year, mostly), with, beside
    them, one Pagefind index of all its pages, made by Pagefind itself as the build did
    before the index was split."""
    root = tmp_path_factory.mktemp("sharded")
    shutil.copytree(PROJECT / "disclosures", root / "disclosures")
    write_site(root, {}, "FOILOG_SEARCH_SHARD_PAGES = 3")
    built = build(root)
    assert built.ok, built.result.stderr
    shards = json.loads((built.output / "pagefind/shards.json").read_text())["shards"]
    assert len(shards) > 3  # more than one a year
    command = [sys.executable, "-m", "pagefind", "--site", str(built.output), "--silent"]
    command += ["--glob", "disclosures/**/*.html", "--output-subdir", "one-index"]
    subprocess.run(command, check=True)
    return built.output


def test_shards_find_the_same_results_as_one_index(browser: Any, one_index_site: Path) -> None:
    page = browser.new_page()
    with serve(one_index_site) as address:
        page.goto(f"{address}/404.html")
        for query in QUERIES:
            term, _, rest = query.partition("&")
            filters = {}
            if rest:
                name, _, value = rest.partition("=")
                filters[name] = {"any": [value.replace("+", " ").replace("%3A", ":")]}
            expected = set(page.evaluate(ONE_INDEX_SEARCH, ["/one-index/", term, filters]))
            search = browser.new_page()
            search.goto(f"{address}/search/?q={query}")
            assert result_urls(search) == expected, query
            search.close()
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


def pages_of(year: int, count: int) -> list[str]:
    return [f"disclosures/{year}/{n:06}-{year % 100}/index.html" for n in range(count)]


def test_quiet_years_share_a_shard_and_a_busy_one_is_dealt_into_several() -> None:
    from foilog.search.shards import plan_shards

    most = 100
    pages = pages_of(2019, 30) + pages_of(2020, 60) + pages_of(2021, 50) + pages_of(2022, 230)
    pages += ["cy/disclosures/2022/000001-22/index.html", *pages_of(2023, 10)]
    shards = plan_shards(pages, most)
    assert set(shards) == {"2019-2020", "2021", "2022-1", "2022-2", "2022-3", "2023"}
    assert all(len(paths) <= most * 1.5 for paths in shards.values())  # dealt by a hash
    assert sorted(p for paths in shards.values() for p in paths) == sorted(pages)
    # The same pages in another order, or with a new record, stay in the same shards.
    again = plan_shards([*reversed(pages), *pages_of(2023, 11)], most)
    for name, paths in shards.items():
        assert set(paths) <= set(again[name])
