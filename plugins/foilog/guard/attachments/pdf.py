"""PDF: earlier revisions, embedded files (checked as what they are), JavaScript,
annotations and form values; with the text layer read by the text rules, tables of counts
(pdf_tables.py), failed redactions (pdf_redaction.py) and metadata, bookmarks, links and
layers (pdf_metadata.py)."""

from __future__ import annotations

import io
import logging
import re
from pathlib import PurePath
from typing import Any

import pdfplumber
import pypdfium2
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.kinds import MAX_DEPTH
from foilog.guard.attachments.pdf_metadata import metadata_issues
from foilog.guard.attachments.pdf_redaction import (
    RenderedPage,
    covered_text,
    hidden_text,
    may_cover_text,
    page_objects,
)
from foilog.guard.attachments.pdf_tables import PageTables, cells_apart, may_hold_tables
from foilog.guard.attachments.text_scan import text_issues
from foilog.settings import GuardSettings

# A damaged file is one finding in the guard's words; the readers' own warnings about it
# would be build-log lines staff cannot act on.
for _library in ("pypdf", "pdfminer", "pdfplumber"):
    logging.getLogger(_library).setLevel(logging.ERROR)
_EOF = re.compile(rb"%%EOF")
_SCRIPT = re.compile(rb"/(?:JavaScript|JS)(?![A-Za-z0-9])")
# A linearised file starts with a dictionary holding /Linearized and /L, the file's length.
_LINEARISED = re.compile(
    rb"^%PDF-[^\n\r]*[\r\n]+(?:%[^\r\n]*[\r\n]+)*\s*\d+\s+\d+\s+obj\s*<<(.*?)>>", re.S
)
_LENGTH = re.compile(rb"/L\s+(\d+)")
_FIX_SAVE = (
    "print it to a new PDF, or save it with the PDF tool's Sanitise or Remove Hidden Information"
)
# Link annotations are the ordinary kind in a letter; widgets are form fields, checked apart.
_ORDINARY_ANNOTATIONS = {"/Link", "/Widget"}
_DARK = 0.25  # colour components at or below this read as black


def check_pdf(data: bytes, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    reader = PdfReader(io.BytesIO(data))
    issues = []
    revisions = _revisions(data)
    if revisions > 1:
        issues.append(
            Issue(
                "revisions",
                "pdf-revisions",
                f"the file holds {revisions} revisions, and earlier ones can be read back",
                _FIX_SAVE,
            )
        )
    issues += _embedded_files(reader, guard, depth)
    if _has_javascript(reader, data):
        issues.append(Issue("document", "pdf-javascript", "the PDF contains JavaScript", _FIX_SAVE))
    issues += metadata_issues(reader, guard)
    issues += _annotations(reader)
    issues += _form_fields(reader)
    issues += _pages(data, guard)
    return issues


def _pages(data: bytes, guard: GuardSettings) -> list[Issue]:
    """What each page's text layer says, and text that is there but not seen. pdfium reads
    every page; pdfplumber opens the file only for pages where something covers text."""
    issues = []
    document = pypdfium2.PdfDocument(data)
    plumber: Any = None
    tables = PageTables()
    try:
        for index, page in enumerate(document):
            number = index + 1
            text_page = page.get_textpage()
            try:
                text = cells_apart(text_page)
                objects = page_objects(page, text_page)
                if may_hold_tables(text, guard):
                    issues += tables.issues(number, text_page, guard)
            finally:
                text_page.close()
            issues += text_issues([(f"page {number}", text)], guard)
            rendered = RenderedPage(page)
            issues += hidden_text(number, page, objects, rendered)
            if may_cover_text(objects):
                plumber = plumber or pdfplumber.open(io.BytesIO(data))
                issues += covered_text(number, plumber.pages[index], rendered)
    finally:
        if plumber is not None:
            plumber.close()
        document.close()
    return issues


def _revisions(data: bytes) -> int:
    """Each incremental update ends with its own %%EOF; a linearised file has one extra.
    A file changed after it was linearised no longer has the length /L says, so it has at
    least two revisions whatever its markers say."""
    count = len(_EOF.findall(data))
    start = _LINEARISED.match(data[:4096])
    if start is None or b"/Linearized" not in start.group(1):
        return max(1, count)
    length = _LENGTH.search(start.group(1))
    changed = length is None or int(length.group(1)) != len(data)
    return max(2 if changed else 1, count - 1)


def _embedded_files(reader: PdfReader, guard: GuardSettings, depth: int) -> list[Issue]:
    # Imported here: the dispatcher imports this module.
    from foilog.guard.attachments import check_bytes

    issues = []
    for name, contents in sorted(reader.attachments.items()):
        place = f'embedded file "{name}"'
        issues.append(
            Issue(
                place,
                "pdf-embedded-file",
                "a file is embedded in the PDF",
                "remove the embedded file, or publish it as its own checked attachment",
            )
        )
        if depth < MAX_DEPTH:
            for content in contents:
                for inner in check_bytes(content, PurePath(name).suffix.lower(), guard, depth + 1):
                    issues.append(inner._replace(place=f"{place} {inner.place}".rstrip()))
    return issues


def _dark(colour: Any) -> bool:
    values = [float(v) for v in colour or []]
    if len(values) == 4:  # CMYK: black is a high K
        return values[3] >= 1 - _DARK
    return bool(values) and all(v <= _DARK for v in values)


def _annotations(reader: PdfReader) -> list[Issue]:
    issues = []
    for number, page in enumerate(reader.pages, 1):
        annotations = [a.get_object() for a in page.get("/Annots") or []]
        counted = [a for a in annotations if a.get("/Subtype") not in _ORDINARY_ANNOTATIONS]
        for index, annotation in enumerate(counted, 1):
            place = f"page {number} annotation {index}"
            kind = str(annotation.get("/Subtype", "/annotation"))
            if kind == "/Redact":
                issues.append(
                    Issue(
                        place,
                        "pdf-unapplied-redaction",
                        "a redaction marked but never applied: the text under it is still there",
                        "apply the redactions (Redact > Apply), then save",
                    )
                )
            elif (kind == "/Highlight" and _dark(annotation.get("/C"))) or (
                kind == "/Square" and _dark(annotation.get("/IC"))
            ):
                issues.append(
                    Issue(
                        place,
                        "pdf-black-highlight",
                        f"a black {kind[1:].lower()} annotation drawn over the page: the text "
                        "under it is still there",
                        "delete the annotation and redact with a tool that removes the text",
                    )
                )
            else:
                issues.append(
                    Issue(
                        place,
                        "pdf-annotation",
                        f"a {kind[1:]} annotation",
                        "delete or flatten the annotations, then save",
                    )
                )
    return issues


def _form_fields(reader: PdfReader) -> list[Issue]:
    issues = []
    for name, field in (reader.get_fields() or {}).items():
        value = field.get("/V")
        if value is not None and str(value).strip() and str(value) != "/Off":
            issues.append(
                Issue(
                    f'form field "{name}"',
                    "pdf-form-field",
                    "a form field holds a value",
                    "flatten the form or clear the field, then save",
                )
            )
    return issues


def _has_javascript(reader: PdfReader, data: bytes) -> bool:
    if _SCRIPT.search(data):  # found directly when not inside a compressed stream
        return True
    root: Any = reader.trailer["/Root"]
    names = root.get("/Names")
    if isinstance(names, DictionaryObject) and "/JavaScript" in names:
        return True
    actions = [root.get("/OpenAction"), root.get("/AA")]
    for page in reader.pages:
        actions.append(page.get("/AA"))
        actions += [a.get_object().get("/A") for a in page.get("/Annots") or []]
    return any("/JavaScript" in str(_resolve(a)) for a in actions if a is not None)


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value
