"""Browse pages, feeds, open data and related disclosures, read from built sites."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
from conftest import PROJECT, Build, build, good_record, write_site
from pelican.settings import read_settings as read_pelican_settings
from test_example_site import page_of

from foilog.checks.record_log import load_log
from foilog.search.related import MIN_LIKENESS, MIN_SHARED, RELATED_LIMIT, KeptTerms, TermTable
from foilog.settings import read_settings

DEV_SITE = "http://localhost:8000"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def exemption_slug(record: dict[str, Any], citation: str) -> str:
    if record.get("act") == "eir":
        return "eir-regulation-" + slug(citation)
    return "section-" + re.match(r"\d+", citation).group()


def outcomes_of(record: dict[str, Any]) -> set[str]:
    found = {record.get("outcome")} if record.get("outcome") else set()
    for question in record["questions"]:
        found.add(question["outcome"])
        found.update(p.get("outcome", question["outcome"]) for p in question.get("parts", []))
    return found


def listed(site: Build, url: str) -> list[str]:
    """Every reference listed on a paginated list, following its 'next' links."""
    references = []
    while url:
        soup = site.page(url)
        for item in soup.select(".disclosure-summary"):
            references.append(item.select_one(".inline-facts dd").get_text(strip=True))
        following = soup.find("a", rel="next")
        url = following["href"] if following else None
    return references


def count_on_index(site: Build, index_url: str, page_url: str) -> int:
    link = site.page(index_url).find("a", href=page_url)
    assert link is not None, (index_url, page_url)
    return int(re.match(r"\d+", link.find_next_sibling("span").get_text()).group())


def test_every_exemption_page_lists_exactly_the_records_citing_it(
    example_site: Build, example_records: list
) -> None:
    expected: dict[str, set[str]] = {}
    citations: dict[str, set[str]] = {}
    for record in example_records:
        for exemption in record.get("exemptions", []):
            page = exemption_slug(record, str(exemption["section"]))
            expected.setdefault(page, set()).add(str(record["reference"]))
            citations.setdefault(page, set()).add(str(exemption["section"]))
    pages = {p.name for p in (example_site.output / "exemptions").iterdir() if p.is_dir()}
    assert pages == set(expected)
    for page, references in expected.items():
        url = f"/exemptions/{page}/"
        found = listed(example_site, url)
        assert sorted(found) == sorted(references), page
        assert count_on_index(example_site, "/exemptions/", url) == len(references)
        soup = example_site.page(url)
        shown = {th.get_text(" ", strip=True) for th in soup.select("main tbody th")}
        assert {c.split(" ")[-1] for c in shown} == citations[page]
        assert soup.find("a", href=re.compile(r"^https://www\.legislation\.gov\.uk/"))
        cited_here = " ".join(dd.get_text() for dd in soup.select(".inline-facts dd"))
        for citation in citations[page]:
            assert citation in cited_here
    # Sub-paragraph citations list under their section, exactly as cited.
    assert "31(1)(a)(b)" in citations["section-31"]


def test_topic_year_and_outcome_pages_match_the_records(
    example_site: Build, example_records: list
) -> None:
    topics: dict[str, set[str]] = {}
    years: dict[str, set[str]] = {}
    months: dict[str, set[str]] = {}
    outcomes: dict[str, set[str]] = {}
    for record in example_records:
        reference = str(record["reference"])
        for topic in record.get("topics", []):
            topics.setdefault(slug(str(topic)), set()).add(reference)
        date = str(record["responded"] or record["received"])
        years.setdefault(date[:4], set()).add(reference)
        months.setdefault(f"{date[:4]}/{date[5:7]}", set()).add(reference)
        for outcome in outcomes_of(record):
            outcomes.setdefault(outcome, set()).add(reference)
    for base, groups in (
        ("topics", topics),
        ("years", years),
        ("years", months),
        ("outcomes", outcomes),
    ):
        for key, references in groups.items():
            url = f"/{base}/{key}/"
            assert sorted(listed(example_site, url)) == sorted(references), url
            if "/" not in key:
                assert count_on_index(example_site, f"/{base}/", url) == len(references)
    # An outcome page includes records where only one question had that outcome.
    assert any(len(outcomes_of(r)) > 1 for r in example_records)


def test_each_disclosure_page_links_to_its_browse_pages(
    example_site: Build, example_records: list
) -> None:
    for record in example_records:
        soup = page_of(example_site, record)
        links = {a["href"] for a in soup.select("main a[href]")}
        date = str(record["responded"] or record["received"])
        wanted = {f"/years/{date[:4]}/", f"/years/{date[:4]}/{date[5:7]}/"}
        wanted |= {f"/topics/{slug(str(t))}/" for t in record.get("topics", [])}
        wanted |= {f"/outcomes/{o}/" for o in outcomes_of(record)}
        wanted |= {
            f"/exemptions/{exemption_slug(record, str(e['section']))}/"
            for e in record.get("exemptions", [])
        }
        assert wanted <= links, (record["reference"], wanted - links)


def test_pagination_addresses_never_collide_with_slugs(make_site) -> None:
    records = {
        f"t1-{n}.yaml": good_record(
            reference=f"00010{n}-25", responded=f"2025-03-2{n}", topics=["t1"]
        )
        for n in range(3)
    }
    records["t13.yaml"] = good_record(reference="000200-25", topics=["t13"])
    site = make_site(records, "FOILOG_PER_PAGE = 1")
    assert site.ok, site.result.stderr
    # The newest on the list's own page; older pages numbered from the oldest.
    pages = [
        site.page("/topics/t1/"),
        site.page("/topics/t1/page/2/"),
        site.page("/topics/t1/page/1/"),
    ]
    found = [p.select_one(".inline-facts dd").get_text(strip=True) for p in pages]
    assert found == ["000102-25", "000101-25", "000100-25"]  # newest first
    assert listed(site, "/topics/t13/") == ["000200-25"]
    assert listed(site, "/topics/t1/") == found
    assert not (site.output / "topics/t1/3").exists()
    assert not (site.output / "topics/t1/page/3").exists()
    assert count_on_index(site, "/topics/", "/topics/t13/") == 1


def list_pages(site: Build, url: str) -> list[tuple[str, list[str]]]:
    """Each page of a list, following its 'next' links: its address and references."""
    pages = []
    while url:
        soup = site.page(url)
        references = [
            dd.get_text(strip=True) for dd in soup.select(".inline-facts div:first-child dd")
        ]
        pages.append((url, references))
        following = soup.find("a", rel="next")
        url = following["href"] if following else None
    return pages


def test_every_list_holds_each_record_once_newest_first_whatever_its_length(make_site) -> None:
    # Topic 'n<count>' has `count` records: lists of 1 to 7 at 2 a page cross every edge.
    records = {}
    for count in range(1, 8):
        for n in range(count):
            reference = f"00{count}{n:03d}-25"
            records[f"{reference}.yaml"] = good_record(
                reference=reference,
                responded=f"2025-03-{n + 10}",
                topics=[f"n{count}"],
            )
    site = make_site(records, "FOILOG_PER_PAGE = 2")
    assert site.ok, site.result.stderr
    for count in range(1, 8):
        pages = list_pages(site, f"/topics/n{count}/")
        expected = [f"00{count}{n:03d}-25" for n in reversed(range(count))]
        assert [r for _, references in pages for r in references] == expected
        newest, *older = pages
        assert newest[0] == f"/topics/n{count}/"
        # The list's own page is never a stub; every older page holds exactly a page's worth,
        # numbered down to page 1, the oldest.
        assert min(count, 2) <= len(newest[1]) <= 3
        assert [len(references) for _, references in older] == [2] * len(older)
        numbers = [int(url.rstrip("/").rsplit("/", 1)[1]) for url, _ in older]
        assert numbers == list(range(len(older), 0, -1))
        lead = site.page(f"/topics/n{count}/").select_one(".lead").get_text(" ", strip=True)
        assert lead.startswith(f"{count} response")


def test_a_new_response_leaves_the_older_list_pages_as_they_were(make_site) -> None:
    def record(n: int) -> dict[str, Any]:
        return good_record(reference=f"0001{n:02d}-25", responded=f"2025-03-{n + 10}")

    site = make_site({f"r{n}.yaml": record(n) for n in range(12)}, "FOILOG_PER_PAGE = 1")
    assert site.ok, site.result.stderr

    def made(folder: str) -> dict[str, tuple[int, int, bytes]]:
        return {
            p.relative_to(site.output).as_posix(): (
                p.stat().st_ino,
                p.stat().st_mtime_ns,
                p.read_bytes(),
            )
            for p in (site.output / folder).rglob("index.html")
        }

    before = {**made("page"), **made("topics/police-dogs/page")}
    write_site(site.root, {"r12.yaml": record(12)}, "FOILOG_PER_PAGE = 1")
    rebuilt = build(site.root)
    assert rebuilt.ok, rebuilt.result.stderr
    after = {**made("page"), **made("topics/police-dogs/page")}
    changed = {name for name in after if before.get(name) != after[name]}
    # One new older page, and the few that link to the newest pages by number.
    assert changed == {
        f"{folder}page/{n}/index.html"
        for folder in ("", "topics/police-dogs/")
        for n in range(9, 13)
    }
    assert listed(rebuilt, "/") == [f"0001{n:02d}-25" for n in reversed(range(13))]
    assert listed(rebuilt, "/topics/police-dogs/") == listed(rebuilt, "/")


def test_feeds_are_valid_atom_and_match_the_records(
    example_site: Build, example_records: list
) -> None:
    by_reference = {str(r["reference"]): r for r in example_records}
    feed = feedparser.parse(example_site.output / "feeds/all.atom.xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(example_records)
    for entry in feed.entries:
        reference = re.search(r"\(([^()]+)\)$", entry.title).group(1)
        record = by_reference[reference]
        assert entry.title == f"{record['title']} ({reference})"
        assert f"Reference: {reference}." in entry.summary
        assert entry.link.startswith(DEV_SITE + "/disclosures/")
        target = example_site.output / entry.link.removeprefix(DEV_SITE + "/") / "index.html"
        assert target.is_file()
        for exemption in record.get("exemptions", []):
            assert str(exemption["section"]) in entry.summary
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    feeds = list((example_site.output / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 20
    for path in feeds:
        parsed = feedparser.parse(path)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    topic = feedparser.parse(example_site.output / "feeds/topics/stop-and-search.atom.xml")
    expected = {
        str(r["reference"]) for r in example_records if "stop and search" in r.get("topics", [])
    }
    assert {re.search(r"\(([^()]+)\)$", e.title).group(1) for e in topic.entries} == expected
    page = example_site.page("/topics/stop-and-search/")
    assert page.find("link", rel="alternate", href="/feeds/topics/stop-and-search.atom.xml")
    page = example_site.page("/exemptions/section-40/")
    assert page.find("link", rel="alternate", href="/feeds/exemptions/section-40.atom.xml")


def test_open_data_round_trips_the_records(example_site: Build, example_records: list) -> None:
    data = example_site.output / "data"
    rows = list(csv.DictReader(io.StringIO((data / "disclosures.csv").read_text("utf-8"))))
    document = json.loads((data / "disclosures.json").read_text("utf-8"))
    schema = json.loads((PROJECT / "schema/open-data.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    assert document["version"] == 1
    by_reference = {str(r["reference"]): r for r in example_records}
    assert {row["reference"] for row in rows} == set(by_reference)
    records = {r["reference"]: r for r in document["disclosures"]}
    assert set(records) == set(by_reference)
    for row in rows:
        record = by_reference[row["reference"]]
        full = records[row["reference"]]
        assert row["title"] == full["title"] == record["title"]
        assert row["responded"] == str(record["responded"] or "")
        assert row["topics"] == ";".join(slug(str(t)) for t in record.get("topics", []))
        cited = [str(e["section"]) for e in record.get("exemptions", [])]
        assert row["exemptions"].split(";") if cited else row["exemptions"] == ""
        assert [e["citation"] for e in full["exemptions"]] == cited
        assert set(row["outcomes_present"].split(";")) >= outcomes_of(record)
        assert [q["text"] for q in full["questions"]] == [q["text"] for q in record["questions"]]
        assert len(full["figures"]) == int(row["figure_tables"]) == len(record.get("figures", []))
    cells = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text("utf-8"))))
    expected = Counter()
    for record in example_records:
        for number, figure in enumerate(record.get("figures", []), 1):
            values = figure["values"]
            flat = [v for row in values for v in row] if figure.get("columns") else values
            for value in flat:
                expected[(str(record["reference"]), str(number), str(value).strip())] += 1
    found = Counter(
        (c["reference"], c["table"], c["value"]) for c in cells if c["total"] == "false"
    )
    assert found == expected
    suppressed = [c for c in cells if c["suppressed"] == "true"]
    assert suppressed and all(
        c["value"] in ("*",) or c["value"].startswith("<") for c in suppressed
    )


def test_open_data_fields_are_documented(example_site: Build) -> None:
    docs = (PROJECT / "schema/open-data.md").read_text("utf-8")
    page = example_site.page("/data/")
    documented = {code.get_text() for code in page.select("main th code")}
    for name in ("disclosures.csv", "figures.csv"):
        header = (example_site.output / "data" / name).read_text("utf-8").splitlines()[0]
        for column in header.split(","):
            assert column in documented, column
            assert f"`{column}`" in docs, column


def test_json_ld_sitemap_and_robots(example_site: Build, example_records: list) -> None:
    for record in example_records:
        script = page_of(example_site, record).find("script", type="application/ld+json")
        data = json.loads(script.string)
        assert data["@type"] == "Report"
        assert data["reportNumber"] == str(record["reference"])
        assert data["name"] == record["title"]
    sitemap = (example_site.output / "sitemap.xml").read_text("utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for path in example_site.output.rglob("*.html"):
        relative = path.relative_to(example_site.output).as_posix()
        assert f"{DEV_SITE}/{relative.removesuffix('index.html')}" in locations
    robots = (example_site.output / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {DEV_SITE}/sitemap.xml" in robots


def test_published_site_uses_siteurl(make_site) -> None:
    site = make_site({"a.yaml": good_record()}, 'SITEURL = "https://foi.example.org"')
    assert site.ok, site.result.stderr
    assert (
        "Sitemap: https://foi.example.org/sitemap.xml" in (site.output / "robots.txt").read_text()
    )
    feed = feedparser.parse(site.output / "feeds/all.atom.xml")
    assert feed.entries[0].link == "https://foi.example.org/disclosures/2025/000001-25/"


def similar(reference: str, title: str, question: str, topics: list[str], **more: Any) -> Any:
    return good_record(
        reference=reference,
        title=title,
        topics=topics,
        questions=[{"text": question, "outcome": "disclosed"}],
        **more,
    )


RECORDS = {
    "dogs.yaml": similar(
        "000001-25",
        "Police dogs and their handlers",
        "How many police dogs and dog handlers does the force employ?",
        ["police dogs"],
    ),
    "drones.yaml": similar(
        "000002-25",
        "Drone flights over football matches",
        "How many drone flights were made over football stadiums?",
        ["drones"],
    ),
    "budget.yaml": similar(
        "000003-25",
        "Spending on office stationery",
        "What did the force spend on paper and printer toner?",
        ["finance"],
    ),
    "dogs-again.yaml": similar(
        "000004-25",
        "Police dog handlers and dog training",
        "How many dog handlers look after police dogs, and what training do the dogs get?",
        ["police dogs"],
    ),
}


def related_on(site: Build, url: str) -> list[str]:
    items = site.page(url).select("#related-heading + ul li")
    return [re.search(r"\((\d{6}-\d\d)", li.get_text()).group(1) for li in items]


def test_related_disclosures_put_named_first_then_the_most_similar(make_site) -> None:
    site = make_site(RECORDS)
    assert site.ok, site.result.stderr
    assert related_on(site, "/disclosures/2025/000004-25/")[0] == "000001-25"
    assert related_on(site, "/disclosures/2025/000001-25/")[0] == "000004-25"
    # A record that names another lists it first, whatever its likeness.
    records = {**RECORDS, "dogs.yaml": {**RECORDS["dogs.yaml"], "related": ["000003-25"]}}
    site = make_site(records)
    assert site.ok, site.result.stderr
    assert related_on(site, "/disclosures/2025/000001-25/")[:2] == ["000003-25", "000004-25"]


def test_related_responses_follow_changed_and_removed_records(make_site, tmp_path: Path) -> None:
    site = make_site(RECORDS)
    assert related_on(site, "/disclosures/2025/000001-25/")[0] == "000004-25"
    (tmp_path / "disclosures/dogs-again.yaml").unlink()
    closer = similar(
        "000005-25",
        "Police dogs and their handlers in 2024",
        "How many police dogs and dog handlers did the force employ?",
        ["police dogs"],
    )
    site = make_site({"dogs-2024.yaml": closer})
    assert site.ok, site.result.stderr
    related = related_on(site, "/disclosures/2025/000001-25/")
    assert related[0] == "000005-25" and "000004-25" not in related


def test_search_index_api_finds_records_with_filters(make_site, tmp_path: Path) -> None:
    from foilog.search import record_index as search_index
    from foilog.settings import read_settings

    records = {
        **RECORDS,
        "refused.yaml": good_record(
            reference="000006-25",
            title="Names of police dog handlers",
            topics=["police dogs"],
            received="2025-03-25",
            responded="2025-04-02",
            questions=[{"text": "What are the names of the dog handlers?", "outcome": "refused"}],
            exemptions=[{"section": "40(2)", "reason": "Personal information."}],
            figures=[],
        ),
    }
    assert make_site(records).ok
    site = read_settings(
        {
            "FOILOG_DISCLOSURES_PATH": str(tmp_path / "disclosures"),
            "CACHE_PATH": str(tmp_path / "cache"),
        }
    )
    log, problems = load_log(site)
    assert problems == []
    changes = search_index.update_index(site, log)
    assert (changes.added, changes.changed, changes.unchanged) == (len(log.disclosures), 0, 0)
    index = search_index.open_index(site)
    found = search_index.search(index, "dog handlers")
    assert {hit.reference for hit in found} == {"000001-25", "000004-25", "000006-25"}
    refused = search_index.search(index, "dog", exemption="40", outcome="refused", year="2025")
    assert [(h.reference, h.exemptions, h.outcomes) for h in refused] == [
        ("000006-25", ["40"], ["refused"])
    ]
    assert [h.reference for h in search_index.search(index, exemption="section-40")] == [
        "000006-25"
    ]


def test_related_requests_leave_out_records_with_little_in_common(make_site) -> None:
    # Drone flights share no subject with dogs or stationery: no related list at all,
    # rather than the least unlike records.
    site = make_site(RECORDS)
    assert site.ok, site.result.stderr
    assert related_on(site, "/disclosures/2025/000002-25/") == []
    assert site.page("/disclosures/2025/000002-25/").find(id="related-heading") is None
    assert related_on(site, "/disclosures/2025/000001-25/") == ["000004-25"]


def every_pair_compared(table: TermTable) -> dict[str, list[str]]:
    """The records most like each, found by scoring every record against every other."""
    has = [{term for term, _ in table.terms_of(n)} for n in range(len(table.references))]
    found = {}
    for position, reference in enumerate(table.references):
        key_terms = table.key_terms(position)
        own = 0.0
        for _, weight in key_terms:
            own += weight
        scored = []
        for other in range(len(table.references)):
            score, shared = 0.0, 0
            for term, weight in key_terms:
                if term in has[other]:
                    score, shared = score + weight, shared + 1
            if other != position and shared >= MIN_SHARED and score >= MIN_LIKENESS * own:
                scored.append((score, other))
        # Highest score first; among equal scores, the later reference.
        best = sorted(scored, reverse=True)[:RELATED_LIMIT]
        found[reference] = [table.references[other] for _, other in best]
    return found


def test_related_requests_are_those_a_comparison_of_every_pair_finds(tmp_path: Path) -> None:
    # A generated log, big enough that most records share key terms with many others.
    disclosures = tmp_path / "disclosures"
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "400"]
    subprocess.run([*generate, str(disclosures)], check=True)
    write_site(tmp_path, {})
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    settings = read_settings(read_pelican_settings(str(tmp_path / "settings.py")))
    log, problems = load_log(settings)
    assert problems == [] and len(log.disclosures) == 400
    table = TermTable.of_log(settings, log, KeptTerms(tmp_path / "terms.pickle"))  # none kept
    expected = every_pair_compared(table)
    shown = {d.reference: related_on(site, d.url) for d in log.disclosures}
    assert shown == expected
    assert sum(1 for found in shown.values() if len(found) == RELATED_LIMIT) > 100
