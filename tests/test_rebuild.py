"""Rebuilds over a warm cache: what they keep must be exactly what a clean build makes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT, build, good_record, write_site
from pelican.settings import read_settings as read_pelican_settings

from foilog.checks.record_log import load_log
from foilog.core import cache_files
from foilog.core.cache_files import read_pickle, write_pickle
from foilog.records import parsed_records
from foilog.records.parsed_records import ParsedRecords
from foilog.search import related
from foilog.search.record_index import index_folder
from foilog.search.related import (
    LISTS_FILE,
    RELATED_LIMIT,
    TABLE_FILE,
    KeptTerms,
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


def site_pages(output: Path) -> dict[str, bytes | None]:
    """Every file but the search index, whose file names Pagefind picks anew on each run,
    and every folder (as None), so that a folder left empty shows."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes() if path.is_file() else None
        for path in output.rglob("*")
        if "pagefind" not in path.relative_to(output).parts
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


def test_the_staff_search_follows_the_records_whatever_hashes_the_cache_holds(
    tmp_path: Path,
) -> None:
    """The index keeps, beside it, the hash of each record in it; a copy of that file from
    an earlier state of the index (a cache restored in part) must not be believed."""
    write_site(tmp_path, RECORDS)
    assert build(tmp_path).ok

    def search(words: str) -> subprocess.CompletedProcess[str]:
        foilog = str(Path(sys.executable).with_name("foilog"))
        command = [foilog, "search", words, "--settings", "settings.py"]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    # The build leaves the staff index alone (no page is made from it); a search makes it.
    assert not list(tmp_path.glob("cache/**/indexed-hashes.pickle"))
    assert "000002-25  Police dog handlers\n" in search("handlers").stdout
    (hashes,) = tmp_path.glob("cache/**/indexed-hashes.pickle")
    earlier, record = hashes.read_bytes(), tmp_path / "disclosures/2025/handlers.yaml"
    first_text = record.read_bytes()
    edit(tmp_path, "2025/handlers.yaml", title="Police dog handlers and their kennels")
    assert "000002-25  Police dog handlers and their kennels\n" in search("kennels").stdout
    # The record as it was, and the file that says the index holds it as it was.
    record.write_bytes(first_text)
    hashes.write_bytes(earlier)

    found = search("kennels")
    assert (found.returncode, found.stdout.strip()) == (1, "No record matches."), found.stdout
    found = search("handlers")
    assert "000002-25  Police dog handlers\n" in found.stdout, found.stdout + found.stderr


def test_a_new_response_with_other_topics_leaves_the_pages_it_does_not_touch(
    tmp_path: Path,
) -> None:
    """Whichever topics the newest response has, the pages it does not change are not made
    again. Seen by a hand edit that keeps a page's size and modification time, which the
    build believes (test_a_page_changed_in_the_output_folder_is_made_again): it stays
    only while the build keeps the page instead of making it again."""
    horses = {
        "title": "Horses of the mounted section",
        "questions": [
            {"text": "How many horses does the mounted section keep?", "outcome": "refused"}
        ],
        "figures": [],
        "topics": ["mounted section"],
    }
    write_site(
        tmp_path,
        {
            "2025/dogs.yaml": good_record(),
            "2025/stables.yaml": good_record(
                reference="000002-25", received="2025-03-01", responded="2025-03-10", **horses
            ),
        },
    )
    assert build(tmp_path).ok
    page = tmp_path / "output/disclosures/2025/000001-25/index.html"
    made, status = page.read_bytes(), page.stat()
    edited = made.replace(b"</html>", b"</HTML>")
    assert edited != made
    page.write_bytes(edited)
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))

    # The newest response now has the other topic: the log's topics are listed in another order.
    write_site(
        tmp_path,
        {"2025/farrier.yaml": good_record(reference="000003-25", responded="2025-03-25", **horses)},
    )
    rebuilt = build(tmp_path)
    assert rebuilt.ok, rebuilt.result.stderr
    assert "000003-25" in (rebuilt.output / "index.html").read_text(encoding="utf-8")
    assert page.read_bytes() == edited


def test_a_removed_record_takes_its_files_and_the_folders_they_leave_empty(
    tmp_path: Path,
) -> None:
    """The rebuild removes the files the last build noted that it left, and no longer
    makes: the only record of 2024 takes its page, its year's pages and their folders."""
    warm = tmp_path / "warm"
    earlier = good_record(reference="000009-24", received="2024-05-01", responded="2024-05-20")
    write_site(warm, {**RECORDS, "2024/earlier.yaml": earlier})
    first = build(warm)
    assert first.ok, first.result.stderr
    assert (first.output / "disclosures/2024/000009-24/index.html").is_file()
    assert (first.output / "years/2024/index.html").is_file()

    (warm / "disclosures/2024/earlier.yaml").unlink()
    rebuilt = matches_a_clean_build(warm, tmp_path / "clean")
    assert not (rebuilt.output / "disclosures/2024").exists()
    assert not (rebuilt.output / "years/2024").exists()


def test_a_file_added_to_the_output_folder_by_hand_stays_until_the_folder_is_made_anew(
    tmp_path: Path,
) -> None:
    """A rebuild removes only files that the last build left; in an output folder it does
    not know (here a copy put in its place), it looks at every file."""
    write_site(tmp_path, RECORDS)
    first = build(tmp_path)
    assert first.ok, first.result.stderr
    added = first.output / "disclosures/2025/000003-25/notes.txt"
    added.write_text("added by hand", encoding="utf-8")

    edit(tmp_path, "2025/horses.yaml", title="Police horses and their stables")
    again = build(tmp_path)
    assert again.ok, again.result.stderr
    assert added.read_text(encoding="utf-8") == "added by hand"

    shutil.copytree(first.output, tmp_path / "copy")
    shutil.rmtree(first.output)
    (tmp_path / "copy").rename(first.output)
    edit(tmp_path, "2025/horses.yaml", title="Police horses")
    matches_a_clean_build(tmp_path, tmp_path / "clean")
    assert not added.exists()


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


@pytest.mark.parametrize("damage", ["a byte changed", "lengths that do not add up"])
def test_a_damaged_table_of_kept_terms_is_not_believed(tmp_path: Path, damage: str) -> None:
    """A kept table that is not whole, or whose arrays do not fit together, is made again
    from the records, and the site is the one a clean build makes."""
    warm, clean = tmp_path / "warm", tmp_path / "clean"
    write_site(warm, RECORDS)
    assert build(warm).ok
    table_file = warm / "cache/whoosh" / TABLE_FILE
    kept = KeptTerms(table_file)
    assert len(kept.hashes) == len(RECORDS)
    if damage == "a byte changed":
        written = read_pickle(table_file)
        assert isinstance(written, dict)
        body = bytearray(written["body"])
        body[-40] ^= 1  # in the weights: every part still fits, so only the hash tells
        written["body"] = bytes(body)
        write_pickle(table_file, written)
    else:  # written whole, with one record given one term too many
        lengths = kept.lengths.copy()
        lengths[0] += 1
        related._write_table(
            table_file, (kept.hashes, kept.vocabulary, kept.terms, kept.weights, lengths)
        )
    assert KeptTerms(table_file).hashes == []
    edit(warm, "2025/horses.yaml", title="Police horses and their stables")
    matches_a_clean_build(warm, clean)
    assert len(KeptTerms(table_file).hashes) == len(RECORDS)  # made again


def test_an_edit_works_out_again_only_the_related_lists_it_can_touch(tmp_path: Path) -> None:
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "300"]
    subprocess.run([*generate, str(tmp_path / "disclosures")], check=True)
    write_site(tmp_path, {})
    site = read_settings(read_pelican_settings(str(tmp_path / "settings.py")))
    log, _ = load_log(site)
    table_file = index_folder(site) / TABLE_FILE
    before_table = TermTable.of_log(site, log, KeptTerms(table_file))
    similar_records(site, log, RELATED_LIMIT)

    edited = log.disclosures[10]
    edited.title = "Retired police dogs rehomed"
    edited.content_hash = "edited"  # as a changed file has
    table = TermTable.of_log(site, log, KeptTerms(table_file))
    kept = read_pickle(index_folder(site) / LISTS_FILE)
    assert isinstance(kept, dict)
    touched = table.touched_by(kept["records"], KeptTerms(table_file))
    assert touched is not None

    # Records sharing no term with the record, as it was or is, keep their lists.
    position = table.references.index(edited.reference)
    its_terms = {t for t, _ in table.terms_of(position)} | {
        t for t, _ in before_table.terms_of(position)
    }
    apart = {
        n for n in range(len(table.references)) if not its_terms & {t for t, _ in table.terms_of(n)}
    }
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


def test_an_edit_just_after_a_build_that_keeps_the_size_is_in_the_rebuild(
    tmp_path: Path,
) -> None:
    """The edit lands in the same second as the build read the file: its new stat, not
    its size, and the racily clean rule make the rebuild read it again."""
    warm = tmp_path / "warm"
    write_site(warm, RECORDS)
    assert build(warm).ok
    record = warm / "disclosures/2025/horses.yaml"
    size = record.stat().st_size
    edit(warm, "2025/horses.yaml", title="Police ponies")
    assert record.stat().st_size == size
    rebuilt = matches_a_clean_build(warm, tmp_path / "clean")
    assert rebuilt.page("disclosures/2025/000003-25/").h1.get_text(strip=True) == "Police ponies"


def count_reads(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[Path]:
    """The files in `folder` read through Path.read_bytes from now on, as they are read."""
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.parent == folder:
            reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


def read_title(cache: Path, path: Path, status: Any = None) -> Any:
    """The record's title, as a build over `cache` reads it (with `status` for its stat)."""
    with ParsedRecords(cache) as parsed:
        return parsed.read(path, status or path.stat()).document.data["title"]


def test_a_record_file_whose_stat_did_not_change_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without waiting out the racily clean margin: the file was written just now.
    monkeypatch.setattr(parsed_records, "RACY_NANOSECONDS", 0)
    path, cache = tmp_path / "dogs.yaml", tmp_path / "cache"
    path.write_text(yaml.safe_dump(good_record()), encoding="utf-8")
    reads = count_reads(monkeypatch, tmp_path)
    assert read_title(cache, path) == "Number of police dogs"
    assert read_title(cache, path) == "Number of police dogs"
    assert reads == [path]

    path.write_text(yaml.safe_dump(good_record(title="Police dogs")), encoding="utf-8")
    assert read_title(cache, path) == "Police dogs"
    assert reads == [path, path]


def test_a_record_file_changed_just_before_its_stat_was_kept_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system whose clock did not tick between two edits of the same size, the
    file's stat stays the same: a stat taken that soon after a change is not trusted."""
    path, cache = tmp_path / "dogs.yaml", tmp_path / "cache"
    path.write_text(yaml.safe_dump(good_record(title="Police dogs")), encoding="utf-8")
    status = path.stat()
    assert read_title(cache, path, status) == "Police dogs"

    path.write_text(yaml.safe_dump(good_record(title="Police cats")), encoding="utf-8")
    reads = count_reads(monkeypatch, tmp_path)
    assert read_title(cache, path, status) == "Police cats"  # the same stat as before
    assert reads == [path]


def test_records_checked_before_are_taken_without_reading_their_parsed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild takes unchanged records from the checked records alone, and still keeps
    their parsed files: when every record must be checked again, none is read again."""
    monkeypatch.setattr(parsed_records, "RACY_NANOSECONDS", 0)
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "200"]
    subprocess.run([*generate, str(tmp_path / "disclosures")], check=True)
    write_site(tmp_path, {})
    site = read_settings(read_pelican_settings(str(tmp_path / "settings.py")))
    first, _ = load_log(site)
    parsed_folder = site.cache_path / parsed_records.CACHE_FOLDER
    opened: list[Path] = []
    read_pickle_file, read_bytes = cache_files.read_pickle, Path.read_bytes

    def counted_pickle(file: Path) -> object:
        opened.append(file)
        return read_pickle_file(file)

    def counted_bytes(path: Path) -> bytes:
        opened.append(path)
        return read_bytes(path)

    monkeypatch.setattr(cache_files, "read_pickle", counted_pickle)
    monkeypatch.setattr(Path, "read_bytes", counted_bytes)
    edited = first.disclosures[100].source_path
    record = yaml.safe_load(edited.read_text(encoding="utf-8"))
    edited.write_text(yaml.safe_dump({**record, "title": "Police ponies"}), encoding="utf-8")
    again, _ = load_log(site)
    # Of the parsed files only the one the edited record's new bytes go into is read, to be
    # written again with the others it holds, and of the records only the one edited.
    assert len([file for file in opened if file.parent == parsed_folder]) == 1
    assert [path for path in opened if path.suffix == ".yaml"] == [edited]
    assert [d.title for d in again.disclosures] == [
        "Police ponies" if d.source_path == edited else d.title for d in first.disclosures
    ]

    shutil.rmtree(site.cache_path / "checked-records")  # so every record is checked again
    opened.clear()
    checked_again, _ = load_log(site)
    assert [path for path in opened if path.suffix == ".yaml"] == []
    assert [d.title for d in checked_again.disclosures] == [d.title for d in again.disclosures]


def test_open_data_is_written_again_from_the_files_the_last_build_left(tmp_path: Path) -> None:
    """A rebuild copies the unchanged records' bytes from the output folder's data files,
    trusting a file whose stat is as the build that wrote it left it; a file changed since
    is made whole, and a file whose records are as they were is kept as it is."""
    warm, clean = tmp_path / "warm", tmp_path / "clean"
    generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", "60"]
    subprocess.run([*generate, str(warm / "disclosures")], check=True)
    write_site(warm, {})
    assert build(warm).ok
    data = warm / "output/data/disclosures.json"
    first = data.read_bytes()
    document = json.loads(first)
    edited = sorted((warm / "disclosures").rglob("*.yaml"))[5]
    edited_reference = yaml.safe_load(edited.read_text(encoding="utf-8"))["reference"]
    # A byte of a record the edit leaves alone (nor is it related to the edited one),
    # changed in place with the file's stat put back: what the rebuild copies shows it (a
    # record's text made again would not).

    def page_text(record: dict[str, Any]) -> str:
        page = record["url"].split("/", 3)[3] + "index.html"
        return (warm / "output" / page).read_text(encoding="utf-8")

    unchanged = next(
        d["title"]
        for d in reversed(document["disclosures"])
        if edited_reference not in page_text(d)
        and first.count(json.dumps(d["title"])[1:-1].encode()) == 1
    )
    marked = unchanged[:-1] + ("X" if unchanged[-1] != "X" else "Y")
    before = data.stat()
    data.write_bytes(first.replace(json.dumps(unchanged)[1:-1].encode(), marked.encode()))
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (data.stat().st_size, data.stat().st_ino) == (before.st_size, before.st_ino)

    edit(warm, edited.relative_to(warm / "disclosures").as_posix(), title="Police ponies")
    rebuilt = build(warm)
    assert rebuilt.ok, rebuilt.result.stderr
    titles = [d["title"] for d in json.loads(data.read_bytes())["disclosures"]]
    assert marked in titles and unchanged not in titles
    assert "Police ponies" in titles

    # Changed by hand, with a new modification time: made whole, as a clean build makes it.
    data.write_bytes(data.read_bytes().replace(b"Police ponies", b"Police horses"))
    edit(warm, edited.relative_to(warm / "disclosures").as_posix(), title="Police ponies again")
    matches_a_clean_build(warm, clean)
    # A new record, newest first, and one gone: the other records' bytes move.
    sorted((warm / "disclosures").rglob("*.yaml"))[20].unlink()
    write_site(
        warm,
        {
            "2026/new.yaml": good_record(
                reference="000100-26", received="2026-01-05", responded="2026-01-20"
            )
        },
    )
    matches_a_clean_build(warm, clean)

    # Nothing changed: every data file is kept as it was, not written again.
    files = sorted((warm / "output/data").iterdir())
    stats = [(f.stat().st_ino, f.stat().st_mtime_ns) for f in files]
    assert build(warm).ok
    assert [(f.stat().st_ino, f.stat().st_mtime_ns) for f in files] == stats


def test_an_attachment_copied_before_is_kept_until_its_file_changes(tmp_path: Path) -> None:
    """A rebuild keeps the output folder's copy of an attachment whose file has the same
    place and stat, without copying it again; a changed file, or a copy changed by hand,
    is copied again."""
    warm, clean = tmp_path / "warm", tmp_path / "clean"
    published = good_record(
        reference="000005-25", attachments=[{"title": "Data", "file": "data.csv"}]
    )
    write_site(warm, {**RECORDS, "2025/published.yaml": published})
    attachment = warm / "disclosures/2025/data.csv"
    attachment.write_text("year,count\n2024,120\n", encoding="utf-8")
    # Past the margin in which a file's stat is not trusted (it could change in the same tick).
    time.sleep(parsed_records.RACY_NANOSECONDS / 1e9 + 0.2)
    assert build(warm).ok
    copy = warm / "output/disclosures/2025/000005-25/data.csv"
    assert copy.read_text(encoding="utf-8") == "year,count\n2024,120\n"

    # A byte of the copy changed with its stat put back: a rebuild that keeps the copy
    # leaves it (one that copied the file again would not).
    before = copy.stat()
    copy.write_text("year,count\n2024,121\n", encoding="utf-8")
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert build(warm).ok
    assert copy.read_text(encoding="utf-8") == "year,count\n2024,121\n"

    # The copy changed by hand, with a new modification time: copied again.
    copy.write_text("year,count\n2024,122\n", encoding="utf-8")
    assert build(warm).ok
    assert copy.read_text(encoding="utf-8") == "year,count\n2024,120\n"

    # The attachment changed (a record names its file, not its bytes): copied again, as a
    # clean build copies it.
    attachment.write_text("year,count\n2024,130\n", encoding="utf-8")
    matches_a_clean_build(warm, clean)
    assert copy.read_text(encoding="utf-8") == "year,count\n2024,130\n"
