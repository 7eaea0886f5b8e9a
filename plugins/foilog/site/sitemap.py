"""sitemap.xml of every page of the log, and robots.txt pointing at it.

Both are written once every page is, so the sitemap lists every HTML page that any part of
the log wrote. With FOILOG_URL_PREFIX the sitemap lists the log's pages only, at
<prefix>sitemap.xml, and robots.txt (which belongs to the site's root) is left to the site.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from foilog.settings import SiteSettings
from foilog.site.output import site_files, write_text
from foilog.site.withdrawn import REDIRECTS_FILE, gone_addresses

XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_text(
    base: str, addresses: list[str], alternates: dict[str, list[tuple[str, str]]] | None = None
) -> str:
    """`alternates`: for an address, every language's (code, address) of the same page."""
    alternates = alternates or {}
    entries = "".join(
        f"<url><loc>{escape(f'{base}/{a}')}</loc>"
        + "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(f"{base}/{other}")}"/>'
            for code, other in alternates.get(a, [])
        )
        + "</url>\n"
        for a in addresses
    )
    xhtml = f' xmlns:xhtml="{XHTML}"' if alternates else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{xhtml}>\n'
        f"{entries}</urlset>\n"
    )


def language_alternates(
    site: SiteSettings, addresses: list[str]
) -> dict[str, list[tuple[str, str]]]:
    """Each address written in more than one language, with every language's address of
    the same page (the main language's at the root, the others under their folders)."""
    folders = [(code, path) for code, path in site.language_paths.items() if path]
    pages: dict[str, list[tuple[str, str]]] = {}
    for address in addresses:
        code, page = next(
            ((c, address.removeprefix(path)) for c, path in folders if address.startswith(path)),
            (site.main_language, address),
        )
        pages.setdefault(page, []).append((code, address))
    return {a: langs for langs in pages.values() if len(langs) > 1 for _, a in langs}


def write_sitemap(site: SiteSettings, output: Path) -> None:
    """Every page but the notices of withdrawn records (see foilog.site.withdrawn)."""
    prefix = site.url_prefix
    redirects = output / REDIRECTS_FILE
    gone = gone_addresses(redirects.read_text(encoding="utf-8")) if redirects.is_file() else set()
    addresses = sorted(
        address.removeprefix(prefix)
        for path in site_files(output)
        if path.startswith(prefix) and path.endswith(".html")
        if (address := path.removesuffix("index.html")) not in gone
    )
    alternates = language_alternates(site, addresses)
    write_text(
        output / prefix / "sitemap.xml", sitemap_text(site.absolute_url, addresses, alternates)
    )
    if not prefix:
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute_url}/sitemap.xml\n"
        write_text(output / "robots.txt", robots)
