"""The publish guard opens every listed attachment and names what a reader cannot see."""

from __future__ import annotations

from pathlib import Path

import guard_files
import pytest
from conftest import Build, build, good_record, write_site

# (file name, maker, [(rule, place inside the file), ...]); an empty list means clean.
ATTACHMENTS = [
    ("clean.xlsx", guard_files.clean_xlsx, []),
    ("clean.docx", guard_files.clean_docx, []),
    ("clean.pdf", guard_files.clean_pdf, []),
    (
        "staff.xlsx",
        guard_files.very_hidden_sheet_xlsx,
        [("xlsx-hidden-sheet", 'sheet "Staff"'), ("xlsx-hidden-name", 'name "staff_list"')],
    ),
    (
        "rows.xlsx",
        guard_files.hidden_rows_xlsx,
        [
            ("xlsx-hidden-rows", 'sheet "Figures" row 5'),
            ("xlsx-hidden-columns", 'sheet "Figures" column D'),
            ("xlsx-hidden-name", 'name "raw"'),
            ("postcode", "Figures!B5"),  # what the hidden row says is read too
        ],
    ),
    ("noted.xlsx", guard_files.comment_xlsx, [("xlsx-comment", "Figures!B3")]),
    (
        "pivot.xlsx",
        guard_files.pivot_cache_xlsx,
        [
            ("xlsx-pivot-cache", "part xl/pivotCache/pivotCacheDefinition1.xml"),
            ("xlsx-external-link", "part xl/externalLinks/externalLink1.xml"),
            ("xlsx-data-model", "part xl/model/item.data"),
        ],
    ),
    ("authored.xlsx", guard_files.author_xlsx, [("xlsx-author", "property creator")]),
    (
        "letter.docx",
        guard_files.marked_up_docx,
        [
            ("docx-author", "property creator"),
            ("docx-comment", "comment 1"),
            ("docx-tracked-change", "paragraph 2"),
            ("docx-hidden-text", "paragraph 3"),
        ],
    ),
    ("revised.pdf", guard_files.two_revision_pdf, [("pdf-revisions", "revisions")]),
    (
        "embedded.pdf",
        guard_files.embedded_file_pdf,
        [("pdf-embedded-file", 'embedded file "names.csv"')],
    ),
    ("script.pdf", guard_files.javascript_pdf, [("pdf-javascript", "document")]),
    (
        "form.pdf",
        guard_files.annotated_pdf,
        [
            ("pdf-metadata", "metadata Author"),
            ("pdf-annotation", "page 1 annotation 1"),
            ("pdf-form-field", 'form field "requester"'),
        ],
    ),
]


def _write(folder: Path, name: str, text: str | bytes) -> None:
    path = folder / name
    path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One record per attachment, built once with the development (warning) settings."""
    root = tmp_path_factory.mktemp("attachments")
    folder = root / "disclosures" / "2025"
    folder.mkdir(parents=True)
    records = {}
    for number, (name, make, _) in enumerate(ATTACHMENTS):
        make(folder / name)
        records[f"2025/{name}.yaml"] = good_record(
            reference=f"{number:06d}-25", attachments=[{"title": "The file", "file": name}]
        )
    _write(folder, "extra.csv", "month,searches\nJanuary,699\nFebruary,638,Smith\n")
    _write(folder, "clean.csv", "month,searches\nJanuary,699\n")
    _write(folder, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old workbook")
    _write(folder, "photo.png", b"\x89PNG\r\n")
    _write(folder, "notes.txt", "Meeting notes")
    _write(folder, "broken.xlsx", b"not a zip file")
    guard_files.corrupt_xlsx(folder / "corrupt.xlsx")
    guard_files.clean_pdf(folder / "truncated.pdf")
    whole = (folder / "truncated.pdf").read_bytes()
    _write(folder, "truncated.pdf", whole[: len(whole) // 2])  # cut off as a failed upload
    for number, name in enumerate(
        [
            "extra.csv",
            "clean.csv",
            "old.xls",
            "photo.png",
            "notes.txt",
            "broken.xlsx",
            "corrupt.xlsx",
            "truncated.pdf",
        ],
        50,
    ):
        records[f"2025/{name}.yaml"] = good_record(
            reference=f"{number:06d}-25", attachments=[{"title": "The file", "file": name}]
        )
    write_site(root, records, 'FOILOG_GUARD_ALLOWED_TYPES = ["txt"]')
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def lines_about(site: Build, name: str) -> list[str]:
    return [
        line
        for line in site.error_lines()
        if line.startswith(f"warning: disclosures/2025/{name}.yaml:")
    ]


@pytest.mark.parametrize(("name", "expected"), [(a[0], a[2]) for a in ATTACHMENTS])
def test_each_attachment_rule_names_file_and_place(site: Build, name: str, expected: list) -> None:
    lines = lines_about(site, name)
    found = [(line.split(": ")[2], line.split(": ")[3]) for line in lines]
    assert sorted(found) == sorted((rule, f"{name} {place}") for rule, place in expected), lines
    for line in lines:
        assert "Fix: " in line


def test_csv_rows_wider_than_the_header(site: Build) -> None:
    (line,) = lines_about(site, "extra.csv")
    assert ": csv-extra-columns: extra.csv line 3: 3 values under a header of 2 columns." in line
    assert lines_about(site, "clean.csv") == []


def test_old_xls_is_refused_with_advice_to_save_as_xlsx_or_csv(site: Build) -> None:
    (line,) = lines_about(site, "old.xls")
    assert ": old-excel-format: old.xls: " in line
    assert "save it as .xlsx or CSV" in line


def test_other_types_are_refused_unless_allow_listed(site: Build) -> None:
    (line,) = lines_about(site, "photo.png")
    assert ": attachment-type: photo.png: files of type .png are not checked" in line
    assert "FOILOG_GUARD_ALLOWED_TYPES" in line
    assert lines_about(site, "notes.txt") == []


def test_a_file_that_cannot_be_opened_is_a_finding(site: Build) -> None:
    (line,) = lines_about(site, "corrupt.xlsx")
    assert ": unreadable-attachment: corrupt.xlsx: " in line
    (line,) = lines_about(site, "truncated.pdf")
    assert ": unreadable-attachment: truncated.pdf: the file could not be opened as pdf" in line
    # The readers' own warnings about the damage are not shown besides the finding.
    assert all(line.startswith(("warning: ", "Publish guard: ")) for line in site.error_lines())


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(site: Build) -> None:
    (line,) = lines_about(site, "broken.xlsx")
    assert ": attachment-type-mismatch: broken.xlsx: the file is named .xlsx but holds " in line


def test_attachment_findings_point_at_the_attachment_line(site: Build) -> None:
    (line,) = lines_about(site, "noted.xlsx")
    record = (site.root / "disclosures/2025/noted.xlsx.yaml").read_text().splitlines()
    file_line = next(n for n, text in enumerate(record, 1) if "file: noted.xlsx" in text)
    assert line.startswith(f"warning: disclosures/2025/noted.xlsx.yaml:{file_line}: ")


def test_findings_are_published_anyway_under_warnings_but_counted(site: Build) -> None:
    expected = sum(len(a[2]) for a in ATTACHMENTS) + 6  # csv, xls, png, broken, corrupt, truncated
    assert f"Publish guard: {expected} warning(s), 0 finding(s) accepted by review." in (
        site.result.stderr
    )
    assert site.error_lines()[-1].startswith("Publish guard: ")
