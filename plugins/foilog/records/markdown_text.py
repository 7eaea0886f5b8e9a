"""Markdown for free-text fields: raw HTML is shown as text, only safe links survive, and
images from other sites are shown as links instead of being loaded."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = ("http", "https", "mailto")  # and addresses with no scheme: paths, fragments


def safe_address(address: str) -> bool:
    """Whether a link may point at `address`: a web or mail address, a relative path or a
    fragment. Browsers ignore spaces and control characters before a scheme, so do we."""
    try:
        scheme = urlsplit(address.lstrip("".join(map(chr, range(33))))).scheme
    except ValueError:  # such as an unclosed [ in a host
        return False
    return scheme.lower() in SAFE_SCHEMES or not scheme


def is_external(address: str) -> bool:
    """Whether `address` is on another site: it names a host, as `https://host/…` does and
    as a protocol-relative `//host/…` does too."""
    try:
        return bool(urlsplit(address.strip()).netloc)
    except ValueError:
        return True


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not safe_address(value):
                    del element.attrib[attribute]
            if element.tag == "a" and "href" not in element.attrib:
                element.tag = "span"  # its text, not something that looks like a link
            elif element.tag == "img":
                _remote_image_as_link(element)


def _remote_image_as_link(image: Element) -> None:
    """An image from another site is not loaded (it would tell that site who reads the
    page): it becomes a link to the image, named by its text. An image with no address
    left is shown as its text."""
    source = image.get("src")
    if source is not None and not is_external(source):
        return
    text = image.get("alt") or source or ""
    image.attrib.clear()
    if source is not None:
        image.tag = "a"
        image.set("href", source)
    else:
        image.tag = "span"
    image.text = text


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
