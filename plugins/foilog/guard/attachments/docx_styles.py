"""How a run of a Word document looks: hidden, or coloured like what is behind it, by its
own formatting, its character style, its paragraph's style (or the default paragraph
style) and the styles they are based on, or the document's defaults."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from foilog.guard.attachments.docx_story import W
from foilog.guard.attachments.package import PARSER, Package

_OFF = {"0", "false", "off"}
_THEME_WHITE = {"background1", "light1"}


class Look(NamedTuple):
    """What one layer of formatting says; None where it says nothing."""

    hidden: bool | None
    colour: str | None  # RRGGBB


class StyleSheet(NamedTuple):
    defaults: Look
    styles: dict[str, tuple[str | None, Look]]  # style id: (based on, look)
    default_paragraph: str | None


class RunLook(NamedTuple):
    hidden: bool
    invisible: bool  # its colour is that of the shading or page behind it


@lru_cache(maxsize=64)
def _style_sheet(data: bytes) -> StyleSheet:
    """Read once for each distinct styles part: an authority's letters share a template,
    and parsing it is most of the time a letter takes to check."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError:
        return StyleSheet(Look(None, None), {}, None)
    styles: dict[str, tuple[str | None, Look]] = {}
    default_paragraph = None
    for style in root.iter(f"{W}style"):
        identifier = style.get(f"{W}styleId", "")
        based = style.find(f"{W}basedOn")
        styles[identifier] = (_val(based), _look(style.find(f"{W}rPr")))
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
            default_paragraph = identifier
    defaults = _look(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
    return StyleSheet(defaults, styles, default_paragraph)


def _look(properties: etree._Element | None) -> Look:
    if properties is None:
        return Look(None, None)
    vanish = properties.find(f"{W}vanish")
    colour = properties.find(f"{W}color")
    hidden = None if vanish is None else (_val(vanish) or "true").lower() not in _OFF
    return Look(hidden, _colour(colour) if colour is not None else None)


class Styles:
    def __init__(self, package: Package) -> None:
        names = package.parts_of_type("wordprocessingml.styles+xml")
        self.sheet = _style_sheet(package.read(names[0]) if names else b"<styles/>")

    def _chain(self, style_id: str | None) -> list[Look]:
        """The looks of a style and the styles it is based on, the base first."""
        looks: list[Look] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.sheet.styles:
            seen.add(style_id)
            style_id, look = self.sheet.styles[style_id]
            looks.insert(0, look)
        return looks

    def look(self, run: etree._Element, paragraph: etree._Element) -> RunLook:
        paragraph_style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))
        looks = [self.sheet.defaults]
        looks += self._chain(paragraph_style or self.sheet.default_paragraph)
        looks += self._chain(_val(run.find(f"{W}rPr/{W}rStyle")))
        looks.append(_look(run.find(f"{W}rPr")))
        hidden, colour = False, None
        for look in looks:
            hidden = look.hidden if look.hidden is not None else hidden
            colour = look.colour or colour
        return RunLook(hidden, colour is not None and colour == _behind(run, paragraph))


def _val(element: etree._Element | None) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def _colour(element: etree._Element) -> str | None:
    if element.get(f"{W}themeColor") in _THEME_WHITE:
        return "FFFFFF"
    value = (_val(element) or "").upper()
    return value if len(value) == 6 else None  # "auto" contrasts with what is behind


def _behind(run: etree._Element, paragraph: etree._Element) -> str:
    """The colour behind the run: its shading, its paragraph's or cell's, or the page's."""
    holders = [run.find(f"{W}rPr"), paragraph.find(f"{W}pPr")]
    holders += [cell.find(f"{W}tcPr") for cell in paragraph.iterancestors(f"{W}tc")]
    for holder in holders:
        shading = holder.find(f"{W}shd") if holder is not None else None
        fill = (shading.get(f"{W}fill") or "").upper() if shading is not None else ""
        if len(fill) == 6:
            return fill
    background = paragraph.getroottree().getroot().find(f"{W}background")
    colour = (background.get(f"{W}color") or "").upper() if background is not None else ""
    return colour if len(colour) == 6 else "FFFFFF"
