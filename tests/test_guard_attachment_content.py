"""The publish guard reads what every attachment says and holds, through a real build.

Each file is made here with the library that staff's programs would use to write it; each
expectation is the exact rule and place the build names, and a clean file names none.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import guard_docx_files as docx_files
import guard_pdf_files as pdf_files
import guard_sheet_files as sheet_files
import pytest
from conftest import Build, build, good_record, write_site

FOILOG = str(Path(sys.executable).with_name("foilog"))
CONTACTS = f'FOILOG_GUARD_CONTACTS = ["{sheet_files.AUTHORITY_EMAIL}", "01632 960000"]'
EMBEDDED = "embedded word/embeddings/Microsoft_Excel_Worksheet.xlsx"

Maker = Callable[[Path], Path]
# (family, file name, maker, [(rule, place inside the file)]); an empty list means clean.
CASES: list[tuple[str, str, Maker, list[tuple[str, str]]]] = [
    (
        "xlsx content",
        "people.xlsx",
        sheet_files.people_xlsx,
        [
            ("xlsx-hidden-sheet", 'sheet "Sheet2"'),
            ("email-address", "Data!B2"),
            ("date-of-birth", "Data!C2"),
            ("national-insurance-number", "Sheet2!A1"),
        ],
    ),
    (
        "small numbers",
        "counts.xlsx",
        sheet_files.counts_xlsx,
        [("small-number", "Sheet2!B3"), ("small-number", "Sheet2!C7")],
    ),
    ("xlsx content, small numbers", "clean-tables.xlsx", sheet_files.clean_tables_xlsx, []),
    (
        "small numbers",
        "counts.csv",
        sheet_files.csv_counts,
        [("small-number", "cell B3"), ("small-number", "cell B5")],
    ),
    ("csv content", "people.csv", sheet_files.csv_people, [("uk-phone-number", "cell C2")]),
    ("csv content", "clean.csv", sheet_files.csv_clean, []),
    (
        "xlsx unseen cells",
        "unseen.xlsx",
        sheet_files.unseen_xlsx,
        [
            ("xlsx-invisible-text", "Figures!D2"),
            ("xlsx-invisible-text", "Figures!H2"),
            ("xlsx-hidden-format", "Figures!E2"),
            ("xlsx-hidden-columns", 'sheet "Figures" column F'),
            ("xlsx-validation-list", "Figures!G2"),
            ("xlsx-name-constant", 'name "reviewer"'),
            ("xlsx-header-footer", 'sheet "Figures" odd header center'),
        ],
    ),
    (
        "office parts",
        "parts.xlsx",
        sheet_files.parts_xlsx,
        [
            ("xlsx-pivot-cache", "part xl/odd/cache.xml"),
            ("xlsx-persons", "part xl/people/who.xml"),
            ("office-macros", "part xl/vbaProject.bin"),
            ("xlsx-power-query", "part customXml/item1.xml"),
            ("xlsx-external-link", "part xl/connections.xml"),
            ("uk-phone-number", "part xl/charts/chart1.xml line 1"),
            ("xlsx-property", "property title"),
            ("xlsx-property", "property Company"),
            ("xlsx-property", 'custom property "Owner"'),
        ],
    ),
    ("office parts", "clean-parts.xlsx", sheet_files.clean_parts_xlsx, []),
    (
        "docx content",
        "content.docx",
        docx_files.content_docx,
        [
            ("email-address", "paragraph 1"),
            ("national-insurance-number", "paragraph 2"),
            ("uk-phone-number", "paragraph 4"),
            ("docx-hidden-text", "paragraph 5"),
            ("docx-invisible-text", "paragraph 6"),
            ("docx-formatting-change", "paragraph 7"),
            ("postcode", "header1 paragraph 1"),
            ("street-address", "header1 paragraph 1"),
            ("docx-tracked-change", "footer1 paragraph 1"),
            ("email-address", "footnotes paragraph 1"),
            ("vehicle-registration", "image 1 alt text"),
        ],
    ),
    ("docx content", "letter.docx", docx_files.clean_letter_docx, []),
    (
        "docx small numbers",
        "counts.docx",
        docx_files.counts_docx,
        [
            ("small-number-in-text", "paragraph 2"),
            ("small-number", "table 1 row 2 column 3"),
            ("small-number", "table 2 row 4 column 3"),
            ("name-column", "table 4 row 2 column 1"),
        ],
    ),
    (
        "names in tables",
        "staff.xlsx",
        sheet_files.staff_list_xlsx,
        [
            ("name-column", "Staff!B2"),
            ("name-column", "Staff!C2"),
            ("name-column", "Staff!F2"),
            ("name-column", "Staff!B7"),
        ],
    ),
    ("names in tables", "names.csv", sheet_files.csv_names, [("name-column", "cell B2")]),
    ("names in tables", "labels.csv", sheet_files.csv_labels, []),
    (
        "office parts",
        "macro.docx",
        docx_files.macro_docx,
        [("office-macros", "part word/document.xml")],
    ),
    (
        "pdf text",
        "annex.pdf",
        pdf_files.text_pdf,
        [("email-address", "page 2 line 2")],
    ),
    (
        "pdf redaction",
        "covered.pdf",
        pdf_files.covered_pdf,
        [("pdf-covered-text", "page 1 box (100, 136, 193, 144)")],
    ),
    (
        "pdf redaction",
        "whited.pdf",
        pdf_files.whited_out_pdf,
        [("pdf-covered-text", "page 1 box (100, 136, 193, 144)")],
    ),
    ("pdf redaction", "shaded.pdf", pdf_files.shaded_pdf, []),
    ("pdf redaction", "scanned.pdf", pdf_files.scanned_pdf, []),
    (
        "pdf redaction",
        "invisible.pdf",
        pdf_files.invisible_pdf,
        [
            ("pdf-invisible-text", "page 1"),
            ("pdf-text-outside-page", "page 1"),
            ("national-insurance-number", "page 1 line 2"),
        ],
    ),
    (
        "pdf redaction",
        "marked.pdf",
        pdf_files.annotated_pdf,
        [
            ("pdf-unapplied-redaction", "page 1 annotation 1"),
            ("pdf-black-highlight", "page 1 annotation 2"),
            ("pdf-annotation", "page 1 annotation 3"),
        ],
    ),
    ("pdf parts", "layers.pdf", pdf_files.layered_pdf, [("pdf-hidden-layer", 'layer "Names"')]),
    (
        "pdf parts",
        "described.pdf",
        pdf_files.described_pdf,
        [
            ("pdf-metadata", "metadata Title"),
            ("pdf-metadata", "metadata Subject"),
            ("pdf-metadata", "metadata Keywords"),
            ("pdf-metadata", "metadata Creator"),
            ("pdf-xmp-metadata", "XMP dc:creator"),
            ("email-address", "bookmark 1"),
            ("email-address", "page 1 link 1"),
        ],
    ),
    (
        "pdf parts",
        "attached.pdf",
        pdf_files.embedded_counts_pdf,
        [
            ("pdf-embedded-file", 'embedded file "counts.csv"'),
            ("small-number", 'embedded file "counts.csv" cell B3'),
        ],
    ),
    ("pdf parts", "plain.pdf", pdf_files.plain_letter_pdf, []),
    (
        "pdf small numbers",
        "counts.pdf",
        pdf_files.counts_pdf,
        [
            ("small-number", "page 1 table 1 row 2 column 3"),
            ("small-number", "page 1 table 2 row 3 column 3"),
            ("small-number", "page 1 table 3 row 3 column 2"),
            ("small-number-in-text", "page 1 line 16"),
        ],
    ),
    ("pdf small numbers", "numbered.pdf", pdf_files.numbered_letter_pdf, []),
    (
        "pdf small numbers",
        "long.pdf",
        pdf_files.long_table_pdf,
        [("small-number", "page 2 table 1 row 19 column 3")],
    ),
    (
        "names in tables",
        "staff.pdf",
        pdf_files.staff_list_pdf,
        [
            ("name-column", "page 1 table 1 row 2 column 1"),
            ("name-column", "page 1 table 1 row 2 column 2"),
            ("name-column", "page 1 table 2 row 2 column 1"),
        ],
    ),
    ("names in tables", "ranks.pdf", pdf_files.rank_list_pdf, []),
    (
        "pdf parts",
        "linearised.pdf",
        pdf_files.linearised_update_pdf,
        [("pdf-revisions", "revisions")],
    ),
]
# Files whose makers need the folder to write other files in.
FOLDER_CASES = [
    (
        "office parts",
        "parts.docx",
        docx_files.parts_docx,
        [
            ("docx-people", "part word/people.xml"),
            ("office-embedded-object", "part word/embeddings/Microsoft_Excel_Worksheet.xlsx"),
            ("xlsx-hidden-sheet", f'{EMBEDDED} sheet "Sheet2"'),
            ("email-address", f"{EMBEDDED} Data!B2"),
            ("date-of-birth", f"{EMBEDDED} Data!C2"),
            ("national-insurance-number", f"{EMBEDDED} Sheet2!A1"),
            ("office-sharepoint-metadata", "part customXml/item1.xml"),
            ("email-address", "link 1 in word/document.xml"),
            ("docx-attached-template", "link 1 in word/settings.xml"),
        ],
    ),
]


def _record(number: int, name: str) -> dict:
    return good_record(
        reference=f"{number:06d}-25", attachments=[{"title": "The file", "file": name}]
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One record per file, built once with the development (warning) settings."""
    root = tmp_path_factory.mktemp("content")
    folder = root / "disclosures" / "2025"
    folder.mkdir(parents=True)
    scratch = tmp_path_factory.mktemp("scratch")
    records = {}
    for number, (_, name, make, _) in enumerate(CASES):
        make(folder / name)
        records[f"2025/{name}.yaml"] = _record(number, name)
    for number, (_, name, make_in, _) in enumerate(FOLDER_CASES, 100):
        make_in(folder / name, scratch)
        records[f"2025/{name}.yaml"] = _record(number, name)
    sheet_files.people_xlsx(folder / "workbook.csv")  # an xlsx with a CSV's name
    records["2025/workbook.csv.yaml"] = _record(200, "workbook.csv")
    write_site(root, records, CONTACTS)
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def found_in(site: Build, name: str) -> list[tuple[str, str]]:
    lines = [
        line
        for line in site.error_lines()
        if line.startswith(f"warning: disclosures/2025/{name}.yaml:")
    ]
    for line in lines:
        assert "Fix: " in line, line
    return [(line.split(": ")[2], line.split(": ")[3]) for line in lines]


@pytest.mark.parametrize(
    ("name", "expected"),
    [pytest.param(c[1], c[3], id=f"{c[0]}: {c[1]}") for c in [*CASES, *FOLDER_CASES]],
)
def test_each_rule_names_the_file_and_the_exact_place(
    site: Build, name: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(found_in(site, name)) == sorted(
        (rule, f"{name} {place}") for rule, place in expected
    )


def test_a_file_is_judged_by_its_content_not_its_name(site: Build) -> None:
    assert found_in(site, "workbook.csv") == [("attachment-type-mismatch", "workbook.csv")]
    line = next(line for line in site.error_lines() if "workbook.csv.yaml" in line)
    assert "the file is named .csv but holds an Excel workbook" in line


def test_findings_mask_what_they_found(site: Build) -> None:
    assert "j.smith@example.org" not in site.result.stderr
    assert "AB 12 34 56 C" not in site.result.stderr


def _small_site(root: Path, files: dict[str, Maker], settings: str = "") -> None:
    folder = root / "disclosures" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    records = {}
    for number, (name, make) in enumerate(files.items(), 1):
        make(folder / name)
        records[f"2025/{name}.yaml"] = _record(number, name)
    write_site(root, records, settings)


def test_production_settings_stop_the_build_and_foilog_check_fails(tmp_path: Path) -> None:
    _small_site(tmp_path, {"covered.pdf": pdf_files.covered_pdf}, 'FOILOG_GUARD = "error"')
    result = build(tmp_path)
    assert not result.ok
    assert "pdf-covered-text: covered.pdf page 1 box (100, 136, 193, 144)" in result.result.stderr
    assert not (tmp_path / "output" / "index.html").exists()
    check = subprocess.run(
        [FOILOG, "check", "--settings", "settings.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 1, check.stdout + check.stderr
    assert "A build would stop: 1 publish-guard finding(s) in 1 record(s)." in check.stdout


def test_threshold_and_zero_settings_apply_to_attachment_tables(tmp_path: Path) -> None:
    def counts(path: Path) -> Path:
        path.write_text("Offence,Arrests\nBurglary,12\nFireworks,7\nArson,0\n", encoding="utf-8")
        return path

    _small_site(
        tmp_path,
        {"counts.csv": counts},
        "FOILOG_GUARD_THRESHOLD = 10\nFOILOG_GUARD_ALLOW_ZERO = False",
    )
    result = build(tmp_path)
    lines = [line for line in result.error_lines() if "small-number: counts.csv" in line]
    assert len(lines) == 2, result.result.stderr
    assert 'counts.csv cell B3: 7 in the column "Arrests" is below the threshold of 10' in lines[0]
    assert "counts.csv cell B4: 0 in the column" in lines[1]
    assert "does not allow zero" in lines[1]


def test_an_attachment_is_checked_again_when_its_bytes_change(tmp_path: Path) -> None:
    _small_site(tmp_path, {"counts.csv": sheet_files.csv_counts})
    assert "counts.csv cell B3" in build(tmp_path).result.stderr
    # Unchanged: the kept findings are shown again.
    assert "counts.csv cell B3" in build(tmp_path).result.stderr
    shutil.copy(tmp_path / "disclosures/2025/counts.csv", tmp_path / "counts.bak")
    (tmp_path / "disclosures/2025/counts.csv").write_text(
        "Offence,Arrests\nBurglary,12\nFireworks,<5\nTotal,15\n", encoding="utf-8"
    )
    result = build(tmp_path)
    assert "small-number" not in result.result.stderr, result.result.stderr


def test_a_review_accepts_an_attachment_finding_by_its_place(tmp_path: Path) -> None:
    record = _record(1, "counts.csv")
    record["review"] = [
        {
            "rule": "small-number",
            "place": "counts.csv cell B3",
            "by": "Head of Information Management",
            "date": "2025-03-19",
            "reason": "The three are publicly reported incidents, not people.",
        }
    ]
    write_site(tmp_path, {"counts.yaml": record}, 'FOILOG_GUARD = "error"')
    (tmp_path / "disclosures" / "counts.csv").write_text(
        "Offence,Arrests\nBurglary,12\nFireworks,3\n", encoding="utf-8"
    )
    result = build(tmp_path)
    assert result.ok, result.result.stderr
    assert "accepted: disclosures/counts.yaml:" in result.result.stderr
    assert (tmp_path / "output" / "index.html").exists()


def test_an_allowed_text_type_is_published_but_still_read(tmp_path: Path) -> None:
    def notes(path: Path) -> Path:
        path.write_text("Meeting notes\nCall Sam on 07700 900123\n", encoding="utf-8")
        return path

    _small_site(tmp_path, {"notes.txt": notes}, 'FOILOG_GUARD_ALLOWED_TYPES = [".txt"]')
    result = build(tmp_path)
    assert ": uk-phone-number: notes.txt line 2: " in result.result.stderr


def test_a_file_made_to_fill_memory_is_refused_unread(tmp_path: Path) -> None:
    _small_site(tmp_path, {"bomb.docx": docx_files.bomb_docx})
    result = build(tmp_path)
    assert result.ok, result.result.stderr
    (line,) = [line for line in result.error_lines() if line.startswith("warning: ")]
    assert ": unreadable-attachment: bomb.docx: the file is too large to check: " in line
    assert "word/media/filler.bin unpacks to 80 MiB" in line
