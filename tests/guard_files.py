"""Attachment files for publish-guard tests, made here with openpyxl, python-docx and pypdf."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from pypdf import PdfWriter
from pypdf.annotations import Text
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _clean_workbook() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(["Month", "Searches"])
    sheet.append(["January", 699])
    sheet.append(["February", 638])
    workbook.properties.creator = None
    return workbook


def _save_workbook(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    _strip_core_creator(path)
    return path


def _strip_core_creator(path: Path) -> None:
    """openpyxl writes its own name as the author when none is set: remove it."""
    _rewrite_zip(path, {}, {"docProps/core.xml": b"<dc:creator>openpyxl</dc:creator>"})


def _rewrite_zip(path: Path, add: dict[str, bytes], drop_text: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, text in drop_text.items():
        parts[name] = parts[name].replace(text, b"")
    parts.update(add)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def clean_xlsx(path: Path) -> Path:
    return _save_workbook(_clean_workbook(), path)


def very_hidden_sheet_xlsx(path: Path) -> Path:
    workbook = _clean_workbook()
    staff = workbook.create_sheet("Staff")
    staff.append(["Officer", "Collar number"])
    staff.append(["A Person", 1234])
    staff.sheet_state = "veryHidden"
    workbook.defined_names["staff_list"] = DefinedName("staff_list", attr_text="Staff!$A$1:$B$2")
    return _save_workbook(workbook, path)


def hidden_rows_xlsx(path: Path) -> Path:
    workbook = _clean_workbook()
    sheet = workbook["Figures"]
    sheet["A5"] = "Raw record"
    sheet["B5"] = "Person at NS4 7XY"
    sheet.row_dimensions[5].hidden = True
    sheet.row_dimensions[9].hidden = True  # hidden but empty: nothing to find
    sheet["D2"] = "notes"
    sheet.column_dimensions["D"].hidden = True
    workbook.defined_names["raw"] = DefinedName("raw", attr_text="Figures!$A$5:$B$5")
    return _save_workbook(workbook, path)


def comment_xlsx(path: Path) -> Path:
    workbook = _clean_workbook()
    workbook["Figures"]["B3"].comment = Comment("Includes the search of J Smith", "Analyst")
    return _save_workbook(workbook, path)


def pivot_cache_xlsx(path: Path) -> Path:
    """openpyxl cannot make a pivot table, so the cache parts are written into the zip."""
    clean_xlsx(path)
    definition = (
        b'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" recordCount="1">'
        b'<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Raw"/></cacheSource>'
        b"</pivotCacheDefinition>"
    )
    _rewrite_zip(
        path,
        {
            "xl/pivotCache/pivotCacheDefinition1.xml": definition,
            "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
            "xl/model/item.data": b"\0model",
        },
        {},
    )
    return path


def author_xlsx(path: Path) -> Path:
    workbook = _clean_workbook()
    workbook.properties.creator = "Jane Officer"
    workbook.save(path)
    return path


def clear_properties(document: Any) -> None:
    """python-docx's template fills in the author, a description and more: clear them."""
    properties = document.core_properties
    for name in ("author", "last_modified_by", "comments", "title", "subject", "keywords"):
        setattr(properties, name, "")
    for name in ("category", "content_status", "identifier", "language", "version"):
        setattr(properties, name, "")


def clean_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("We hold 12 records.")
    clear_properties(document)
    document.save(str(path))
    return path


def corrupt_xlsx(path: Path) -> Path:
    """A real workbook package whose workbook part is not XML."""
    clean_xlsx(path)
    _rewrite_zip(path, {"xl/workbook.xml": b"<workbook"}, {})
    return path


def marked_up_docx(path: Path) -> Path:
    """A comment on paragraph 1, tracked changes in paragraph 2, hidden text in paragraph 3."""
    document = Document()
    first = document.add_paragraph("We hold 12 records.")
    document.add_comment(first.runs, text="Check with J Smith first", author="Reviewer")
    second = document.add_paragraph("The total was ")
    second._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="Editor" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>14</w:t></w:r></w:ins>"
        )
    )
    second._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="Editor" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:delText>3 named officers</w:delText></w:r></w:del>"
        )
    )
    third = document.add_paragraph("Visible text. ")
    third.add_run("Hidden: officer A Person").font.hidden = True
    clear_properties(document)
    document.core_properties.author = "Jane Officer"
    document.save(str(path))
    return path


def _blank_pdf() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.metadata = None
    return writer


def _save_pdf(writer: PdfWriter, path: Path) -> Path:
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def clean_pdf(path: Path) -> Path:
    return _save_pdf(_blank_pdf(), path)


def two_revision_pdf(path: Path) -> Path:
    """A PDF with one incremental update appended, as editing tools save them."""
    clean_pdf(path)
    update = PdfWriter(str(path), incremental=True)
    update.pages[0][NameObject("/Rotate")] = NumberObject(90)
    return _save_pdf(update, path)


def embedded_file_pdf(path: Path) -> Path:
    writer = _blank_pdf()
    writer.add_attachment("names.csv", b"name\nA Person\n")
    return _save_pdf(writer, path)


def javascript_pdf(path: Path) -> Path:
    writer = _blank_pdf()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1);"),
        }
    )
    return _save_pdf(writer, path)


def annotated_pdf(path: Path) -> Path:
    """A sticky note on page 1, an author in the metadata, and a filled form field."""
    writer = _blank_pdf()
    writer.add_annotation(0, Text(text="Named in file 12", rect=(10, 10, 40, 40)))
    writer.add_metadata({"/Author": "Jane Officer"})
    field = writer._add_object(
        DictionaryObject(
            {
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject("requester"),
                NameObject("/V"): TextStringObject("A Person"),
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            }
        )
    )
    writer.pages[0][NameObject("/Annots")].append(field)
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field])}
    )
    return _save_pdf(writer, path)
