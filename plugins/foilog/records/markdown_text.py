"""Markdown for free-text fields: raw HTML is shown as text and only safe link schemes survive."""

from __future__ import annotations

from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "/", "#")


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not value.strip().lower().startswith(_SAFE_SCHEMES):
                    del element.attrib[attribute]


def _converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Staff text is Markdown only: markup such as <script> is escaped, never passed through.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_SafeLinks(converter), "safe_links", 0)
    return converter


_CONVERTER = _converter()


@lru_cache(maxsize=65536)
def render_markdown(text: str | None) -> Markup:
    """Render one field once; the same text (a standard paragraph, say) is rendered only once."""
    if not text:
        return Markup("")
    html = _CONVERTER.reset().convert(text)
    return Markup(html)  # raw HTML was escaped by the converter above
