"""`foilog migrate`, run as staff run it, on real responses and on letters made here."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT, build, good_record, write_site

from foilog.records.citations import normalise

FOILOG = str(Path(sys.executable).with_name("foilog"))


def realworld_file() -> Path | None:
    """../shared/realworld beside the project (or beside the folder of its worktrees)."""
    for folder in PROJECT.parents:
        candidate = folder / "shared" / "realworld" / "responses.jsonl"
        if candidate.is_file():
            return candidate
    return None


def realworld_entries() -> list[dict[str, Any]]:
    path = realworld_file()
    if path is None:
        pytest.skip("../shared/realworld/responses.jsonl is not beside the project")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def foilog(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FOILOG, *args, "--settings", "settings.py"],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )


def saved_page(title: str, text: str) -> str:
    """The response as a disclosure-log page: site furniture round it, tables as tables."""
    body: list[str] = []
    for line in text.split("\n"):
        if " | " in line:
            cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in line.split("|"))
            if body and body[-1].endswith("</tr></table>"):
                body[-1] = body[-1][: -len("</table>")] + f"<tr>{cells}</tr></table>"
            else:
                body.append(f"<table><tr>{cells}</tr></table>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    return (
        f"<!doctype html><html><head><title>{html.escape(title)} | Disclosure log</title>"
        "<style>p{margin:0}</style><script>var menu = 1;</script></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/foi'>FOI</a></nav></header>"
        f"<main><h1>{html.escape(title)}</h1>{''.join(body)}</main>"
        "<footer>Cookies | Accessibility | Contact us</footer></body></html>"
    )


def squashed(text: str) -> str:
    return " ".join(text.split())


def drafts(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yaml"))}


@pytest.fixture(scope="module")
def real_drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every real response saved as .txt and as a saved .html page, migrated."""
    entries = realworld_entries()
    root = tmp_path_factory.mktemp("migrate-real")
    write_site(root, {})
    for kind in ("txt", "html"):
        (root / kind).mkdir()
        for number, entry in enumerate(entries):
            text = entry["response_text"]
            content = text if kind == "txt" else saved_page(entry["title"], text)
            (root / kind / f"response-{number:02d}.{kind}").write_text(content, encoding="utf-8")
    results = {
        kind: foilog(root, "migrate", kind, "--out", f"drafts-{kind}") for kind in ("txt", "html")
    }
    return {
        "root": root,
        "entries": entries,
        "results": results,
        "txt": drafts(root / "drafts-txt"),
        "html": drafts(root / "drafts-html"),
    }


def test_every_real_response_becomes_a_draft(real_drafts: dict[str, Any]) -> None:
    count = len(real_drafts["entries"])
    for kind in ("txt", "html"):
        result = real_drafts["results"][kind]
        assert result.returncode == 0, result.stdout + result.stderr
        assert (
            f"Drafted {count} record(s) in drafts-{kind}; 0 file(s) not drafted." in result.stdout
        )
        assert len(real_drafts[kind]) == count
        for record in real_drafts[kind].values():
            assert record["legacy"] is True and record["draft"] is True
            assert record["migration_notes"]


def test_real_drafts_invent_nothing(real_drafts: dict[str, Any]) -> None:
    for number, entry in enumerate(real_drafts["entries"]):
        stem = f"response-{number:02d}"
        record = real_drafts["txt"][stem]
        letter = squashed(entry["response_text"])
        texts = [record["response"]]
        for question in record["questions"]:
            texts += [question.get("text") or "", question.get("answer") or ""]
            for part in question.get("parts", []):
                texts += [part["text"] or "", part.get("answer") or ""]
        texts += [r["body"] for r in record.get("redirections", [])]
        texts += [r["about"] for r in record.get("redirections", [])]
        for text in texts:
            for paragraph in text.split("\n\n"):
                assert squashed(paragraph) in letter, (stem, paragraph)
        # Citations: only those the response cites, as it cites them.
        cited = {normalise(e["section"]) for e in entry["exemptions"]}
        assert {e["section"] for e in record.get("exemptions", [])} <= cited, stem
        assert all(e["reason"] is None for e in record.get("exemptions", []))
        # A date is the response's own or left out, never another.
        for field, key in (("received", "date_received"), ("responded", "date_responded")):
            assert record[field] in (None, entry[key]), (stem, field)
        if record["reference"] == stem:
            assert any(n.startswith("reference:") for n in record["migration_notes"])
        else:
            assert record["reference"] == entry["reference"]
        for table in record.get("figures", []):
            for value in table["values"]:
                assert f"{value:,}" in letter or str(value) in letter, (stem, value)


def test_a_saved_page_drafts_as_its_letter_does(real_drafts: dict[str, Any]) -> None:
    for number, entry in enumerate(real_drafts["entries"]):
        stem = f"response-{number:02d}"
        text, page = real_drafts["txt"][stem], real_drafts["html"][stem]
        # The page's heading is its title; its menus, scripts and footer are not the letter.
        assert page["title"] == entry["title"]
        assert "Cookies" not in page["response"] and "menu" not in page["response"]
        for field in ("reference", "received", "responded", "questions", "exemptions", "figures"):
            assert page.get(field) == text.get(field), (stem, field)
        assert squashed(page["response"].replace("|", " ")) == squashed(
            text["response"].replace("|", " ")
        )


def test_real_drafts_are_valid_and_reported_as_drafts(real_drafts: dict[str, Any]) -> None:
    """In the disclosures folder, each draft is valid 1.1 and one line says it is a draft."""
    root: Path = real_drafts["root"]
    for path in (root / "drafts-txt").glob("*.yaml"):
        (root / "disclosures" / path.name).write_text(path.read_text("utf-8"), "utf-8")
    count = len(real_drafts["entries"])
    check = foilog(root, "check")
    assert check.returncode == 1
    problems = [line for line in check.stdout.splitlines() if line.startswith("disclosures/")]
    assert len(problems) == count, check.stdout
    assert all(": draft: a draft record, not yet reviewed" in line for line in problems)
    assert f"A build would stop: {count} draft(s) in {count} record(s)." in check.stdout
    site = build(root)
    assert not site.ok
    lines = [line for line in site.error_lines() if "disclosures/" in line]
    assert len(lines) == count and all("draft:" in line for line in lines)
    # Once reviewed (the flag deleted), each builds and renders as a legacy record.
    for path in (root / "disclosures").glob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    site = build(root)
    assert site.ok, site.result.stderr
    pages = list(site.output.glob("disclosures/*/*/index.html"))
    assert len(pages) == count


# -- letters made here, as Word and PDF files --------------------------------------------

LETTER = """Our ref: EIR-2025/0412
Information Governance Team
12th May 2025

Request under the Environmental Information Regulations 2004

Thank you for your request dated 14/04/2025 about noise complaints.

1. How many noise complaints did the council receive about the ring road in each year?
2. How many abatement notices were served, broken down by a) notices served and b) notices appealed?
3. Please give the home addresses of the people who complained.

Our answers

1. Please see the table below.

Year | Complaints | Resolved
2023 | 41 | 30
2024 | 37 | more than 20
Total | 78 |

2.
a) 6
b) fewer than 5

3. This information is withheld under Regulation 13, as it is personal data of third parties.

Some of the information has been withheld. Regulation 12(5)(b) and (d) also apply to the \
enforcement files.

Information about road surfaces is held by National Highways. You may wish to contact \
National Highways at https://nationalhighways.co.uk/contact-us/ for it.
"""


def write_docx(path: Path, text: str) -> None:
    from docx import Document

    document = Document()
    rows: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if " | " in line:
            rows.append([cell.strip() for cell in line.split("|")])
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            rows = []
        document.add_paragraph(line)
    document.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 50
    for line in text.split("\n"):
        if y < 50:
            canvas.showPage()
            y = height - 50
        if " | " in line:
            for column, cell in enumerate(line.split("|")):
                canvas.drawString(60 + column * 140, y, cell.strip())
        else:
            # Long lines wrap on the page as a word processor would wrap them.
            words, current = line.split(), ""
            for word in words:
                if canvas.stringWidth(f"{current} {word}".strip()) > width - 120:
                    canvas.drawString(60, y, current)
                    y -= 14
                    current = word
                else:
                    current = f"{current} {word}".strip()
            canvas.drawString(60, y, current)
        y -= 14
    canvas.save()


@pytest.fixture(scope="module")
def letter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("migrate-letters")
    write_site(root, {})
    letters = root / "letters"
    letters.mkdir()
    (letters / "noise.txt").write_text(LETTER, encoding="utf-8")
    write_docx(letters / "noise-word.docx", LETTER)
    write_pdf(letters / "noise-pdf.pdf", LETTER)
    return root


def test_the_letter_is_read_by_rules(letter_site: Path) -> None:
    result = foilog(letter_site, "migrate", "letters/noise.txt", "--out", "text")
    assert result.returncode == 0, result.stdout + result.stderr
    record = drafts(letter_site / "text")["noise"]
    assert record["reference"] == "EIR-2025/0412"
    assert record["act"] == "eir"
    assert (record["received"], record["responded"]) == ("2025-04-14", "2025-05-12")
    questions = record["questions"]
    assert [q["text"][:20] for q in questions] == [
        "How many noise compl",
        "How many abatement n",
        "Please give the home",
    ]
    assert [p["text"] for p in questions[1]["parts"]] == ["notices served", "notices appealed?"]
    assert [p["answer"] for p in questions[1]["parts"]] == ["6", "fewer than 5"]
    assert [q["outcome"] for q in questions] == ["disclosed", "disclosed", "refused"]
    assert [e["section"] for e in record["exemptions"]] == ["13", "12(5)(b)", "12(5)(d)"]
    assert record["outcome"] == "partially-disclosed"
    assert record["figures"] == [
        {
            "caption": "Figures by year",
            "unit": "count",
            "rows": ["2023", "2024"],
            "columns": ["Complaints", "Resolved"],
            "values": [[41, 30], [37, {"more_than": 20}]],
            "column_totals": [78, None],
        }
    ]
    assert record["redirections"][0]["body"] == "National Highways"
    assert record["redirections"][0]["url"] == "https://nationalhighways.co.uk/contact-us/"


def test_word_and_pdf_letters_draft_as_their_text_does(letter_site: Path) -> None:
    result = foilog(letter_site, "migrate", "letters", "--out", "all")
    assert result.returncode == 0, result.stdout + result.stderr
    found = drafts(letter_site / "all")
    assert sorted(found) == ["noise", "noise-pdf", "noise-word"]
    text = found["noise"]
    for name in ("noise-word", "noise-pdf"):
        for field in (
            "reference", "act", "received", "responded", "outcome", "questions",
            "exemptions", "figures", "redirections",
        ):  # fmt: skip
            assert found[name].get(field) == text.get(field), (name, field)
        # The words are the same; a PDF shows no separator for an empty cell at a row's end.
        assert squashed(found[name]["response"].replace("|", " ")) == squashed(
            text["response"].replace("|", " ")
        )


def test_unreadable_files_get_one_line_each_and_the_rest_go_on(tmp_path: Path) -> None:
    write_site(tmp_path, {})
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "good.txt").write_text(LETTER, encoding="utf-8")
    (letters / "broken.pdf").write_bytes(b"%PDF-1.7 this is not really a PDF")
    (letters / "broken.docx").write_bytes(b"PK not a zip")
    (letters / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = foilog(tmp_path, "migrate", *sorted(str(p) for p in letters.iterdir()), "--out", "out")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for name in ("broken.pdf", "broken.docx", "old.doc"):
        mine = [line for line in lines if line.startswith(f"letters/{name}: not drafted: ")]
        assert len(mine) == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "letters/old.doc: not drafted: the file expected one of .txt" in result.stdout
    assert "Drafted 1 record(s) in out; 3 file(s) not drafted." in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.yaml"]


def test_drafts_are_never_replaced_nor_written_into_disclosures(tmp_path: Path) -> None:
    write_site(tmp_path, {"r.yaml": good_record()})
    (tmp_path / "noise.txt").write_text(LETTER, encoding="utf-8")
    assert foilog(tmp_path, "migrate", "noise.txt", "--out", "out").returncode == 0
    (tmp_path / "out" / "noise.yaml").write_text("# reviewed by hand\n", encoding="utf-8")
    again = foilog(tmp_path, "migrate", "noise.txt", "--out", "out")
    assert again.returncode == 1
    assert "noise.txt: not drafted: out/noise.yaml already exists" in again.stdout
    assert (tmp_path / "out" / "noise.yaml").read_text() == "# reviewed by hand\n"
    inside = foilog(tmp_path, "migrate", "noise.txt", "--out", "disclosures/old")
    assert inside.returncode == 2
    assert re.search(r"--out disclosures/old is inside the disclosures folder", inside.stderr)
    assert not (tmp_path / "disclosures" / "old").exists()
