"""Rebuilds over a warm cache: what they keep must be exactly what a clean build makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from conftest import PROJECT, build, good_record, write_site
from pelican.settings import read_settings as read_pelican_settings

from foilog.checks.record_log import load_log
from foilog.core.cache_files import KeptValues, read_pickle
from foilog.search.record_index import index_folder
from foilog.search.related import (
    LISTS_FILE,
    RELATED_LIMIT,
    TERMS_FOLDER,
    TermTable,
    similar_records,
)
from foilog.settings import read_settings

RECORDS: dict[str, Any] = {
    "2025/dogs.yaml": good_record(related=["000002-25", "000009-24"]),
    "2025/handlers.yaml": good_record(
        reference="000002-25",
        title="Police dog handlers",
        responded="2025-03-21",
        topics=["police dogs", "staffing"],
    ),
    "2025/horses.yaml": good_record(
        reference="000003-25", title="Police horses", topics=["mounted police"]
    ),
}


def site_pages(output: Path) -> dict[str, bytes]:
    """Every file but the search index, whose file names Pagefind picks anew on each run."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in output.rglob("*")
        if path.is_file() and "pagefind" not in path.relative_to(output).parts
    }


def edit(root: Path, name: str, **changes: Any) -> None:
    path = root / "disclosures" / name
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(changes)
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")


def matches_a_clean_build(warm: Path, clean: Path) -> Any:
    """Rebuild `warm` over its cache, build a copy of its records from nothing in `clean`,
    and check that both made the same files; the rebuild's Build is returned."""
    rebuilt = build(warm)
    assert rebuilt.ok, rebuilt.result.stderr
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(warm / "disclosures", clean / "disclosures")
    write_site(clean, {})
    fresh = build(clean)
    assert fresh.ok, fresh.result.stderr
    assert site_pages(rebuilt.output) == site_pages(fresh.output)
    return rebuilt


def test_rebuilds_after_edits_match_a_clean_build(tmp_path: Path) -> None:
    warm, clean = tmp_path / "warm", tmp_path / "clean"
    write_site(warm, RECORDS)
    assert build(warm).ok

    # A changed title shows on the record's page, on the list pages, and in the related
    # list of the record that names it.
    edit(warm, "2025/handlers.yaml", title="Police dog handlers and their training")
    rebuilt = matches_a_clean_build(warm, clean)
    related = rebuilt.page("disclosures/2025/000001-25/").find(id="related-heading").parent
    assert "Police dog handlers and their training" in related.get_text()
    assert "000009-24 (not published in this log)" in related.get_text()

    # A new record that the first one names turns its "not published" line into a link;
    # a removed record's page goes.
    write_site(
        warm,
        {"2024/earlier.yaml": good_record(reference="000009-24", received="2024-05-01")},
    )
    (warm / "disclosures/2025/horses.yaml").unlink()
    rebuilt = matches_a_clean_build(warm, clean)
    related = rebuilt.page("disclosures/2025/000001-25/").find(id="related-heading").parent
    assert "not published" not in related.get_text()
    assert not (rebuilt.output / "disclosures/2025/000003-25").exists()


def test_a_page_changed_in_the_output_folder_is_made_again(tmp_path: Path) -> None:
    write_site(tmp_path, RECORDS)
    first = build(tmp_path)
    assert first.ok
    page = first.output / "disclosures/2025/000002-25/index.html"
    made = page.read_bytes()
    page.write_bytes(made.replace(b"Police dog handlers", b"Edited by hand"))
    (first.output / "topics/index.html").unlink()

    again = build(tmp_path)
    assert again.ok, again.result.stderr
    assert page.read_bytes() == made
    assert (first.output / "topics/index.html").is_file()


def test_the_guard_finds_the_same_on_a_rebuild_and_checks_again_when_settings_change(
    tmp_path: Path,
) -> None:
    letter = good_record(reference="000004-25", title="Letter from jane.doe@mail.example")
    write_site(tmp_path, {**RECORDS, "2025/letter.yaml": letter})

    def guard_lines(built: Any) -> list[str]:
        return [line for line in built.result.stderr.splitlines() if "email-address" in line]

    first = build(tmp_path)
    assert first.ok, first.result.stderr
    assert guard_lines(first)

    edit(tmp_path, "2025/horses.yaml", title="Police horses and their stables")
    again = build(tmp_path)
    assert again.ok, again.result.stderr
    assert guard_lines(again) == guard_lines(first)

    # The authority's own published address is allowed: the record is checked again.
    write_site(tmp_path, {}, 'FOILOG_GUARD_CONTACTS = ["jane.doe@mail.example"]')
    third = build(tmp_path)
    assert third.ok, third.result.stderr
    assert not guard_lines(third)


def test_feeds_kept_from_the_last_build_match_a_clean_build(tmp_path: Path) -> None:
    """A feed whose newest entries did not change is taken from the last build; one whose
    entries changed is made again."""
    write_site(tmp_path, RECORDS)
    first = build(tmp_path)
    assert first.ok, first.result.stderr
    feeds = first.output / "feeds"
    kept, changed = feeds / "topics/staffing.atom.xml", feeds / "topics/mounted-police.atom.xml"
    made = kept.read_bytes()

    edit(tmp_path, "2025/horses.yaml", title="Police horses and their stables")
    rebuilt = matches_a_clean_build(tmp_path, tmp_path / "clean")
    assert kept.read_bytes() == made
    for feed in (changed, rebuilt.output / "feeds/all.atom.xml"):
        assert "Police horses and their stables" in feed.read_text(encoding="utf-8")


def test_related_lists_kept_from_the_last_build_match_a_clean_build(tmp_path: Path) -> None:
    """Only the lists an edit can change are worked out again; the rest are kept, and the
    site is still the one a clean build makes: after an edited title, a new record, a
    removed one and changed topics."""
    warm, clean = tmp_path / "warm", tmp_path / "clean"
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "300"]
    subprocess.run([*generate, str(warm / "disclosures")], check=True)
    write_site(warm, {})
    assert build(warm).ok
    records = sorted((warm / "disclosures").rglob("*.yaml"))
    name = lambda path: path.relative_to(warm / "disclosures").as_posix()  # noqa: E731

    edit(warm, name(records[10]), title="Police dogs retired from the dog section")
    matches_a_clean_build(warm, clean)

    new = yaml.safe_load(records[20].read_text(encoding="utf-8"))
    new.update(reference="999999-24", title="Police dogs and their handlers' training")
    write_site(warm, {"2024/new.yaml": new})
    records[30].unlink()
    edit(warm, name(records[40]), topics=["police dogs", "firearms"])
    matches_a_clean_build(warm, clean)


def test_an_edit_works_out_again_only_the_related_lists_it_can_touch(tmp_path: Path) -> None:
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "300"]
    subprocess.run([*generate, str(tmp_path / "disclosures")], check=True)
    write_site(tmp_path, {})
    site = read_settings(read_pelican_settings(str(tmp_path / "settings.py")))
    log, _ = load_log(site)
    terms_folder = index_folder(site) / TERMS_FOLDER
    before_table = TermTable.of_log(site, log, KeptValues(terms_folder))
    similar_records(site, log, RELATED_LIMIT)

    edited = log.disclosures[10]
    edited.title = "Retired police dogs rehomed"
    edited.content_hash = "edited"  # as a changed file has
    table = TermTable.of_log(site, log, KeptValues(terms_folder))
    kept = read_pickle(index_folder(site) / LISTS_FILE)
    assert isinstance(kept, dict)
    touched = table.touched_by(kept["records"], KeptValues(terms_folder))
    assert touched is not None

    # Records sharing no term with the record, as it was or is, keep their lists.
    position = table.references.index(edited.reference)
    its_terms = {t for t, _ in table.doc_terms[position]} | {
        t for t, _ in before_table.doc_terms[position]
    }
    apart = {n for n, terms in enumerate(table.doc_terms) if not its_terms & {t for t, _ in terms}}
    assert position in touched and not apart & touched
    assert 0 < len(touched) < len(log.disclosures) / 2


def test_a_record_kept_as_checked_is_checked_again_when_what_it_depends_on_changes(
    tmp_path: Path,
) -> None:
    """A rebuild takes a record that passed from the cache, but not once its attachment file
    or the exemption register has changed: then the record's problem is found."""
    refused = good_record(
        reference="000005-25",
        questions=[{"text": "Names?", "outcome": "refused"}],
        figures=[],
        exemptions=[{"section": "31(1)(a)", "reason": "Why.", "public_interest": "Weighed."}],
        attachments=[{"title": "Data", "file": "data.csv"}],
    )
    write_site(tmp_path, {**RECORDS, "2025/refused.yaml": refused})
    attachment = tmp_path / "disclosures/2025/data.csv"
    attachment.write_text("year,count\n2024,120\n", encoding="utf-8")
    assert build(tmp_path).ok

    attachment.unlink()
    missing = build(tmp_path)
    assert not missing.ok
    assert "attachments[1].file" in missing.result.stderr and "data.csv" in missing.result.stderr

    attachment.write_text("year,count\n2024,120\n", encoding="utf-8")
    assert build(tmp_path).ok
    # The register now lists the subsections of section 31, and (1)(a) is not among them.
    write_site(tmp_path, {}, 'FOILOG_EXEMPTIONS = {"foia": {"31": {"subsections": ["(2)"]}}}')
    stopped = build(tmp_path)
    assert not stopped.ok
    assert "exemptions[1].section: expected a subsection of Section 31" in stopped.result.stderr
