"""The text of a published response, whatever file it was saved as.

Every reader gives the same plain text: one paragraph a line, and a table as one line per
row with its cells between " | ", so that the rules that follow read every format alike.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

READABLE = (".txt", ".html", ".htm", ".docx", ".pdf")
CELL_SEPARATOR = " | "


class LetterError(Exception):
    """The file cannot be read as a letter: the message says why, in a few words."""


@dataclass
class Letter:
    text: str
    title: str | None  # a saved page's heading, where it has one


def read_letter(path: Path) -> Letter:
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise LetterError(f"expected one of {', '.join(READABLE)}; found a {suffix or 'bare'} file")
    try:
        if suffix == ".txt":
            return Letter(_unwrap(_tidy(_decode(path.read_bytes()))), None)
        if suffix in (".html", ".htm"):
            return _read_html(_decode(path.read_bytes()))
        if suffix == ".docx":
            return Letter(_read_docx(path), None)
        return Letter(_unwrap(_read_pdf(path)), None)
    except LetterError:
        raise
    except OSError as error:
        raise LetterError(f"cannot be read: {error.strerror or error}") from None
    except (ValueError, KeyError, zipfile.BadZipFile) as error:
        raise LetterError(f"is not a readable {suffix[1:].upper()} file ({error})") from None
    except Exception as error:  # a damaged file: PDF and Word readers raise their own kinds
        raise LetterError(f"is not a readable {suffix[1:].upper()} file ({error})") from None


def _decode(data: bytes) -> str:
    """UTF-8, or Windows-1252 as older systems saved text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _tidy(text: str) -> str:
    """Lines stripped, runs of blank lines made one, non-breaking spaces made spaces."""
    lines = [line.replace("\xa0", " ").rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return tidy.strip()


_ITEM_START = re.compile(r"^\s*(?:\(?[a-z]{1,3}[.)]\s|\(?\d{1,2}[.),]|(?:question|q)\s*\d)", re.I)
_WRAPPED = 0.75  # a line this close to the longest is one the page or mail wrapped


def _unwrap(text: str) -> str:
    """Lines wrapped to the page or an email's width joined again. A line continues the
    one before it when that one does not end a sentence or clause, the line is not a
    numbered or lettered item, and it starts in lower case or the one before it is as
    long as the page allows."""
    raw = text.split("\n")
    width = max((len(line) for line in raw if CELL_SEPARATOR not in line), default=0)
    lines: list[str] = []
    for line in raw:
        previous = lines[-1] if lines else ""
        if (
            previous.strip()
            and line.strip()
            and (line[:1].islower() or len(previous) >= _WRAPPED * width)
            and not _ITEM_START.match(line)
            and not previous.rstrip().endswith((".", "?", "!", ":", ";"))
            and CELL_SEPARATOR not in previous + line
        ):
            lines[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------------

_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "main", "blockquote", "dd", "dt", "ul", "ol", "pre", "hr",
}  # fmt: skip
_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "template", "svg", "form"}


class _PageText(HTMLParser):
    """The text of a saved page: blocks as lines, table rows as cells, page furniture left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.skipping = 0
        self.heading: list[str] | None = None
        self.title: str | None = None
        self.in_main = False
        self.main_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in ("main", "article") and self.main_parts is None:
            self.main_parts = []
            self.in_main = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "h1" and self.title is None:
            self.heading = []
        if tag in _BLOCKS:
            self._write("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            row, self.row = self.row, None
            if any(row):  # one line a row, the rows of a table together
                self._write(CELL_SEPARATOR.join(row) + "\n")
        elif tag == "h1" and self.heading is not None:
            self.title = " ".join("".join(self.heading).split()) or None
            self.heading = None
        elif tag in ("main", "article"):
            self.in_main = False
        if tag in _BLOCKS:
            self._write("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.heading is not None:
            self.heading.append(data)
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self._write(" ".join(data.split("\n")))

    def _write(self, text: str) -> None:
        self.parts.append(text)
        if self.in_main and self.main_parts is not None:
            self.main_parts.append(text)

    def text(self) -> str:
        chosen = self.main_parts if self.main_parts else self.parts
        lines = [" ".join(line.split()) for line in "".join(chosen).split("\n")]
        # The page's heading is its title, not part of the letter.
        heading = next((i for i, line in enumerate(lines) if line), None)
        if heading is not None and lines[heading] == self.title:
            del lines[heading]
        return _tidy("\n".join(lines))


def _read_html(html: str) -> Letter:
    parser = _PageText()
    parser.feed(html)
    parser.close()
    return Letter(parser.text(), parser.title)


# -- Word ---------------------------------------------------------------------------------


def _read_docx(path: Path) -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                lines.append(CELL_SEPARATOR.join(dict.fromkeys(cells) if _merged(cells) else cells))
    return _tidy("\n".join(lines))


def _merged(cells: list[str]) -> bool:
    """A merged cell repeats across the row in python-docx; a heading row spanning all."""
    return len(set(cells)) == 1 and len(cells) > 1


# -- PDF ----------------------------------------------------------------------------------


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        raise LetterError("is an encrypted PDF")
    pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    text = "\n".join(pages)
    if not text.strip():
        raise LetterError("has no text layer (a scanned PDF needs OCR first)")
    # Layout mode keeps the columns of a table apart with runs of spaces: cells, as in HTML.
    lines = []
    for line in text.split("\n"):
        cells = [c for c in re.split(r"\s{3,}", line.strip()) if c]
        lines.append(
            CELL_SEPARATOR.join(cells)
            if len(cells) > 1 and _tabular(cells)
            else " ".join(line.split())
        )
    return _tidy("\n".join(lines))


def _tabular(cells: list[str]) -> bool:
    """A row of a table, not a line of prose spread out: a figure in every cell but the first."""
    return all(re.search(r"\d|^[-–*]$|^<\s*\d", cell) for cell in cells[1:]) or all(
        len(cell) < 30 for cell in cells
    )
