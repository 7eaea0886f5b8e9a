"""The plugin as a Pelican user meets it: installed into a site made as Pelican's quickstart
makes one (two Markdown articles, the default theme), with no path into this repository.

- With the package installed and PLUGINS unset, the site builds exactly as it does with no
  plugin at all, and prints nothing more.
- With PLUGINS = ["foilog"], FOILOG_URL_PREFIX = "foi/" and the theme's own base template,
  the blog is untouched and the whole log, its search, cookie consent and quick exit work
  under /foi/ in Chromium.
- The example site in this repository builds the same way, from a copy of its own folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import serve, wait_until
from bs4 import BeautifulSoup
from conftest import PROJECT, good_record

# What `pelican-quickstart` writes, less its comments; feeds are off while developing.
QUICKSTART_SETTINGS = """
AUTHOR = "Parish clerk"
SITENAME = "Parish news"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
STATIC_PATHS = ["static"]
"""
ARTICLES = {
    "first-post.md": "Title: First post\nDate: 2025-01-05 10:00\nCategory: News\n\nHello.\n",
    "second-post.md": "Title: Second post\nDate: 2025-02-07 10:00\nCategory: News\n\nMore.\n",
}
# An optional script served by the site itself, so the test needs no other server.
ANALYTICS = "window.testAnalytics = 'loaded';\n"
RECORDS = {
    "000001-25.yaml": good_record(reference="000001-25", title="Number of police horses"),
    "000002-25.yaml": good_record(reference="000002-25", topics=["domestic abuse"]),
}


def quickstart_site(root: Path, settings: str = "") -> Path:
    (root / "content" / "static").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    (root / "content" / "static" / "analytics.js").write_text(ANALYTICS, encoding="utf-8")
    (root / "pelicanconf.py").write_text(QUICKSTART_SETTINGS + settings, encoding="utf-8")
    return root


def pelican(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`pelican content` in the site's folder, as its owner runs it."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    return subprocess.run(
        [*command, *options], capture_output=True, text=True, cwd=root, check=False
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def page(root: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((root / "output" / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The quickstart site built with no plugin at all (PLUGINS = [])."""
    root = quickstart_site(tmp_path_factory.mktemp("no-plugin"), "PLUGINS = []\n")
    result = pelican(root)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return files_of(root / "output")


def test_installed_but_not_listed_the_plugin_changes_nothing(
    tmp_path: Path, blog: dict[str, bytes]
) -> None:
    root = quickstart_site(tmp_path)
    result = pelican(root)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.lstrip().startswith("Done: Processed 2 articles")
    assert files_of(root / "output") == blog
    # Pelican did load the plugin: it loads every installed namespace plugin when a site
    # sets no PLUGINS.
    debug = pelican(root, "--debug")
    assert "Registering plugin `pelican.plugins.foilog`" in debug.stdout + debug.stderr


@pytest.fixture(scope="module")
def log_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The quickstart site with the log under /foi/ in its own theme, served on 127.0.0.1;
    yields its folder and address. Quick exit leaves for the blog's first post."""
    root = tmp_path_factory.mktemp("log-site")
    (root / "output").mkdir()
    with serve(root / "output") as plain_server:
        quickstart_site(
            root,
            f"""
PLUGINS = ["foilog"]
FOILOG_URL_PREFIX = "foi/"
FOILOG_BASE_TEMPLATE = "base.html"
FOILOG_AUTHORITY = "Parish council"
FOILOG_SENSITIVE_TOPICS = ["domestic abuse"]
FOILOG_QUICK_EXIT_URL = "{plain_server}/first-post.html"
FOILOG_COOKIE_CATEGORIES = [{{
    "name": "analytics",
    "description": "Analytics cookies count visits.",
    "cookies": [{{"name": "_pk_id", "purpose": "Counts visits", "expiry": "1 year"}}],
    "scripts": [{{"src": "/static/analytics.js"}}],
}}]
""",
        )
        for name, record in RECORDS.items():
            path = root / "disclosures" / "2025" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
        result = pelican(root)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "WARNING" not in result.stdout
        lines = (root / "output" / "_headers").read_text(encoding="utf-8").splitlines()
        headers = dict(line.strip().split(": ", 1) for line in lines[1:])
        with serve(root / "output", headers) as address:
            yield root, address


def test_the_blog_is_untouched_and_the_log_is_all_under_its_prefix(
    log_site: tuple[Path, str], blog: dict[str, bytes]
) -> None:
    root, _ = log_site
    built = files_of(root / "output")
    assert {name: built.get(name) for name in blog} == blog  # every blog file, byte for byte
    added = set(built) - set(blog)
    assert {name for name in added if not name.startswith("foi/")} == {"_headers"}
    assert (root / "output" / "_headers").read_text().startswith("/foi/*\n")
    for expected in (
        "foi/index.html",
        "foi/disclosures/2025/000001-25/index.html",
        "foi/feeds/all.atom.xml",
        "foi/data/disclosures.csv",
        "foi/statistics/index.html",
        "foi/search/index.html",
        "foi/pagefind/shards.json",
        "foi/pagefind/2025/pagefind.js",
        "foi/foilog/css/site.css",
        "foi/foilog/css/brand.css",
        "foi/foilog/js/search.js",
        "foi/sitemap.xml",
        # The site has no pages of its own: the log writes those it links to.
        "foi/cookies/index.html",
        "foi/feedback/index.html",
        "foi/404.html",
    ):
        assert expected in built, expected
    sitemap = built["foi/sitemap.xml"].decode()
    assert "<loc>http://localhost:8000/foi/disclosures/2025/000001-25/</loc>" in sitemap
    assert "first-post" not in sitemap
    assert (
        "http://localhost:8000/foi/disclosures/2025/000001-25/"
        in built["foi/feeds/all.atom.xml"].decode()
    )
    assert (
        "http://localhost:8000/foi/disclosures/2025/000001-25/"
        in built["foi/data/disclosures.csv"].decode()
    )


def test_log_pages_sit_in_the_sites_theme_and_link_under_the_prefix(
    log_site: tuple[Path, str],
) -> None:
    root, _ = log_site
    for relative in (
        "foi/index.html",
        "foi/disclosures/2025/000001-25/index.html",
        "foi/cookies/index.html",
        "foi/topics/index.html",
    ):
        soup = page(root, relative)
        assert soup.find(id="banner"), relative  # the default theme's own header
        assert soup.find("link", href="/theme/css/main.css"), relative  # and its styles
        assert soup.find("link", href="/foi/foilog/css/site.css"), relative
        assert soup.find("nav", attrs={"aria-label": "Main"}), relative  # the log's menu
        links = [a["href"] for a in soup.select(".foilog a[href^='/']")]
        assert links and all(link.startswith("/foi/") for link in links), (relative, links)
        assert len(soup.find_all("title")) == 1
    assert "Number of police horses" in page(root, "foi/index.html").get_text()
    cookies = page(root, "foi/cookies/index.html")
    assert "one essential cookie" in cookies.get_text()
    assert cookies.find("form", attrs={"data-cookie-form": True})


def test_search_consent_and_quick_exit_work_under_the_prefix(
    log_site: tuple[Path, str], browser: Any
) -> None:
    _, address = log_site
    context = browser.new_context()
    violations: list[str] = []
    tab = context.new_page()
    tab.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    try:
        tab.goto(address + "/foi/")
        tab.fill("#site-search-q", "horses")
        tab.press("#site-search-q", "Enter")
        wait_until(tab, "document.querySelectorAll('#search-results li').length > 0")
        hrefs = tab.eval_on_selector_all(
            "#search-results h3 a", "links => links.map(a => new URL(a.href).pathname)"
        )
        assert hrefs == ["/foi/disclosures/2025/000001-25/"]
        tab.click("#search-results h3 a")
        assert tab.url == address + "/foi/disclosures/2025/000001-25/"

        assert tab.evaluate("typeof window.testAnalytics") == "undefined"
        tab.get_by_role("button", name="Accept analytics cookies").click()
        wait_until(tab, "window.testAnalytics === 'loaded'")
        cookie = {c["name"]: c for c in context.cookies()}["cookie_consent"]
        assert cookie["path"] == "/"
        tab.goto(address + "/foi/topics/")
        wait_until(tab, "window.testAnalytics === 'loaded'")
        assert not tab.locator("[data-cookie-banner]").is_visible()

        tab.goto(address + "/foi/disclosures/2025/000002-25/")
        tab.get_by_role("link", name="Leave this site").click()
        tab.wait_for_url("**/first-post.html")
        assert tab.title().startswith("First post")
        assert violations == []
    finally:
        context.close()


def test_the_example_site_builds_from_its_own_folder(tmp_path: Path) -> None:
    root = tmp_path / "example"
    for name in ("content", "theme", "disclosures", "case-register"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy(PROJECT / "pelicanconf.py", root)
    result = pelican(root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    output = root / "output"
    assert (output / "foilog" / "css" / "site.css").is_file()
    assert (output / "pagefind" / "shards.json").is_file()
    assert (output / "_headers").read_text().startswith("/*\n")
    # The site's own cookies page (content/pages/cookies.md) uses the log's template.
    cookies = page(root, "cookies/index.html")
    assert cookies.find("form", attrs={"data-cookie-form": True})
    assert cookies.find("link", href="/foilog/css/site.css")
    privacy = page(root, "privacy/index.html")  # a page of the site's own theme
    assert privacy.find("nav", attrs={"aria-label": "Main"})
    assert privacy.find("footer").find("a", href="/accessibility/")


def test_a_wrong_prefix_or_base_template_stops_the_build_with_one_line(make_site: Any) -> None:
    site = make_site({"2025/a.yaml": good_record()}, 'FOILOG_URL_PREFIX = "foi log/"')
    assert not site.ok
    assert site.error_lines()[0] == (
        "settings: FOILOG_URL_PREFIX: expected a path such as foi/ (letters, digits, '.', '-' "
        "and '_' between slashes); found 'foi log/'"
    )
    site = make_site({"2025/a.yaml": good_record()}, 'FOILOG_BASE_TEMPLATE = "nothing.html"')
    assert not site.ok
    assert site.error_lines()[0].startswith(
        "settings: FOILOG_BASE_TEMPLATE: expected a template of the theme "
    )
    assert site.error_lines()[0].endswith("found no template 'nothing.html'")
    assert "Traceback" not in site.result.stderr


def test_a_prefix_is_read_with_or_without_slashes(make_site: Any) -> None:
    site = make_site({"2025/a.yaml": good_record()}, 'FOILOG_URL_PREFIX = "/records/foi"')
    assert site.ok, site.result.stderr
    index = site.page("records/foi/")
    assert index.find("link", href="/records/foi/foilog/css/site.css")
    # The log's own base: its header's site name still leads to the site's root.
    assert index.find("a", class_="site-header__name")["href"] == "/"
    assert index.find("a", href="/records/foi/disclosures/2025/000001-25/")
    assert (site.output / "records/foi/pagefind/2025/pagefind.js").is_file()
    assert not (site.output / "robots.txt").exists()
