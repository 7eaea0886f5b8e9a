"""What kind of file an attachment is, decided by its content, never by its name."""

from __future__ import annotations

import io
import zipfile

MAX_DEPTH = 3  # files inside files inside files are checked; deeper ones are not opened
# The kind each checked suffix promises.
EXPECTED = {
    ".csv": "text",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".xls": "ole",
}
DESCRIBED = {
    "text": "plain text",
    "xlsx": "an Excel workbook",
    "docx": "a Word document",
    "pdf": "a PDF",
    "ole": "an old Office file (.xls or .doc)",
    "zip": "a zip archive",
    "binary": "binary data",
}


def kind_of(data: bytes) -> str:
    """One of the keys of DESCRIBED."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _package_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if b"\0" in data[:8192]:
        return "binary"
    return "text"


def _package_kind(data: bytes) -> str:
    """An Office file is a zip whose [Content_Types].xml names its main part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return "zip"
    if b"spreadsheetml.sheet.main" in types or b"ms-excel.sheet.macroEnabled.main" in types:
        return "xlsx"
    if b"wordprocessingml.document.main" in types or b"ms-word.document.macroEnabled.main" in types:
        return "docx"
    if (
        b"wordprocessingml.template.main" in types
        or b"ms-word.template.macroEnabledTemplate" in types
    ):
        return "docx"
    return "zip"


def decode_text(data: bytes) -> str:
    """CSV and text files as staff save them: UTF-8 (with or without a BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
