"""Failed redactions in a PDF: text still in the text layer under a box or an image that
hides it, invisible text, text outside the page, and redaction or highlight annotations
that only cover text.

pdfplumber gives each character's box and each filled rectangle and image; pypdfium2
renders the covered area, which must show one colour and no glyph for the text to be
hidden, and reads each text object's render mode and position.
"""

from __future__ import annotations

import ctypes
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c
from PIL import Image

from foilog.guard.attachments.issue import Issue

SCALE = 2  # pixels per point when rendering: enough to see any glyph over 2 points tall
_REDACT_FIX = (
    "redact with a tool that removes the text (such as Acrobat's Redact > Apply), or print "
    "the redacted original to a new PDF, then check the text cannot be selected"
)
_INVISIBLE_MODES = {3, 7}  # neither filled nor stroked (7 also clips)


def _masked(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 4 else f"{text[:2]}…{text[-2:]}"


class RenderedPage:
    """A page rendered once, when the first covered area is looked at."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.image: Image.Image | None = None

    def one_colour(self, box: tuple[float, float, float, float]) -> str | None:
        """ "dark", "light" or "coloured" when the area (x0, top, x1, bottom, in points from
        the top left) shows one colour only; None when anything is drawn on it."""
        if self.image is None:
            self.image = self.page.render(scale=SCALE).to_pil().convert("L")
        x0, top, x1, bottom = (round(v * SCALE) for v in box)
        area = self.image.crop((x0, top, max(x1, x0 + 1), max(bottom, top + 1)))
        counts = area.histogram()
        peak = max(range(256), key=counts.__getitem__)
        near = sum(counts[max(0, peak - 12) : peak + 13])
        if near < 0.995 * sum(counts):
            return None
        return "dark" if peak < 80 else "light" if peak > 200 else "coloured"


def _inside(char: dict[str, Any], box: dict[str, Any]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box["x0"] <= x <= box["x1"] and box["top"] <= y <= box["bottom"]


def covered_text(number: int, page: Any, rendered: RenderedPage) -> list[Issue]:
    """Characters under a filled rectangle or an image that shows one colour where they are."""
    covers = [r for r in page.rects if r.get("fill")] + list(page.images)
    if not covers:
        return []
    groups: dict[int, list[dict[str, Any]]] = {}
    for char in page.chars:
        if char["text"].strip():
            index = next((i for i, box in enumerate(covers) if _inside(char, box)), None)
            if index is not None:
                groups.setdefault(index, []).append(char)
    issues = []
    for index, chars in sorted(groups.items()):
        cover = covers[index]
        box = (
            max(cover["x0"], min(c["x0"] for c in chars)),
            max(cover["top"], min(c["top"] for c in chars)),
            min(cover["x1"], max(c["x1"] for c in chars)),
            min(cover["bottom"], max(c["bottom"] for c in chars)),
        )
        colour = rendered.one_colour(box)
        if colour is None:
            continue  # the text shows through: shading behind it, not a cover
        kind = "an image" if "stream" in cover else f"a {colour} box"
        text = "".join(c["text"] for c in chars)
        issues.append(
            Issue(
                f"page {number} box ({box[0]:.0f}, {box[1]:.0f}, {box[2]:.0f}, {box[3]:.0f})",
                "pdf-covered-text",
                f'{len(text)} characters of text ("{_masked(text)}") are under {kind} that '
                "hides them, and can still be selected and copied",
                _REDACT_FIX,
            )
        )
    return issues


def _object_text(obj: Any, text_page: Any) -> str:
    size = pdfium_c.FPDFTextObj_GetText(obj.raw, text_page.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFTextObj_GetText(
        obj.raw, text_page.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size
    )
    return buffer.raw.decode("utf-16-le", errors="replace").rstrip("\0")


Bounds = tuple[float, float, float, float]  # left, bottom, right, top, in PDF points


class PageObjects(NamedTuple):
    """What pdfium finds on a page: each text object (bounds, text, render mode), and
    what could cover text: filled paths and images."""

    texts: list[tuple[Bounds, str, int]]
    covers: list[Bounds]
    images: list[Bounds]


def page_objects(page: Any, text_page: Any) -> PageObjects:
    kinds = [pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]
    found = PageObjects([], [], [])
    for obj in page.get_objects(filter=kinds):
        bounds = obj.get_bounds()
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            text = _object_text(obj, text_page)
            if text.strip():
                mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                found.texts.append((bounds, text, mode))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.images.append(bounds)
            found.covers.append(bounds)
        else:
            fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
            if fill.value != pdfium_c.FPDF_FILLMODE_NONE:
                found.covers.append(bounds)
    return found


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def may_cover_text(objects: PageObjects) -> bool:
    """Whether a filled path or image overlaps text: only then is the page read character
    by character (with pdfplumber, which is slower)."""
    return any(_overlap(t, c) for t, _, _ in objects.texts for c in objects.covers)


def hidden_text(
    number: int, page: Any, objects: PageObjects, rendered: RenderedPage
) -> list[Issue]:
    """Invisible text (render mode 3 or 7) and text placed outside the page's visible box.
    Invisible text over an image that shows something there is a scan's OCR layer, which
    says what the image shows, and is not reported."""
    left, bottom, right, top = page.get_cropbox()
    height = page.get_height()
    invisible, outside = [], []
    for (x0, y0, x1, y1), text, mode in objects.texts:
        if x1 < left or x0 > right or y1 < bottom or y0 > top:
            outside.append(text)
        elif mode in _INVISIBLE_MODES:
            over_image = any(_overlap((x0, y0, x1, y1), image) for image in objects.images)
            box = (x0, height - y1, x1, height - y0)
            if not over_image or rendered.one_colour(box) is not None:
                invisible.append(text)
    issues = []
    if invisible:
        shown = "".join(invisible)
        issues.append(
            Issue(
                f"page {number}",
                "pdf-invisible-text",
                f'{len(shown)} characters of invisible text ("{_masked(shown)}"), not drawn '
                "but still in the text layer",
                _REDACT_FIX,
            )
        )
    if outside:
        shown = "".join(outside)
        issues.append(
            Issue(
                f"page {number}",
                "pdf-text-outside-page",
                f'{len(shown)} characters of text ("{_masked(shown)}") placed outside the '
                "visible page, still in the text layer",
                "delete the text, or print the document to a new PDF, then save",
            )
        )
    return issues
