"""Power Query: the queries an Excel workbook keeps in a DataMashup part, and their sources.

The part is base64 text; decoded, it is a version number, the length of a zip package, and
that package, whose Formulas/Section1.m holds the queries in the M language.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import struct
import zipfile

# A data-source call and its first text argument: File.Contents("C:\Users\…\staff.xlsx").
_SOURCE = re.compile(r'\b([A-Z][A-Za-z]*\.[A-Za-z]+)\(\s*"((?:[^"]|"")*)"')


def query_sources(text: str) -> list[str] | None:
    """The sources named by the queries ("File.Contents C:\\…"), or None when `text` is not
    a DataMashup that can be read."""
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
        (length,) = struct.unpack_from("<I", data, 4)
        with zipfile.ZipFile(io.BytesIO(data[8 : 8 + length])) as package:
            formulas = [
                package.read(n).decode("utf-8-sig", errors="replace")
                for n in package.namelist()
                if n.endswith(".m")
            ]
    except (binascii.Error, struct.error, zipfile.BadZipFile, ValueError):
        return None
    return [f"{m.group(1)} {m.group(2)}" for text in formulas for m in _SOURCE.finditer(text)]
