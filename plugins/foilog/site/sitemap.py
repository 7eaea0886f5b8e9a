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


def sitemap_text(base: str, addresses: list[str]) -> str:
    entries = "".join(f"<url><loc>{escape(f'{base}/{a}')}</loc></url>\n" for a in addresses)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


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
    write_text(output / prefix / "sitemap.xml", sitemap_text(site.absolute_url, addresses))
    if not prefix:
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute_url}/sitemap.xml\n"
        write_text(output / "robots.txt", robots)
