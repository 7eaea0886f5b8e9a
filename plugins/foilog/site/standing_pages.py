"""The standing pages: the site's own pages, listed in the log's footer, and the pages the log
links to from every page (cookies, feedback, and 'page not found').

A site may write any of the log's pages itself, as a Pelican page saved at the same place
(for example content/pages/cookies.md with `Template: foilog/cookies`); the log writes the
others, with the text below, so a site with no pages of its own still has all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from foilog.core.translation import N_
from foilog.site.output import output_relative


class StandingPage(NamedTuple):
    title: str
    slug: str
    url: str  # from the site's root


@dataclass(frozen=True)
class LogPage:
    """A page the log writes when the site has none in its place."""

    slug: str  # also its template: foilog/<slug>.html
    url: str  # under the log's prefix
    title: str
    content: Markup
    listed: bool = True  # in the footer


LOG_PAGES = (
    LogPage(
        "cookies",
        "cookies/",
        N_("Cookies"),
        Markup(
            N_(
                "<p>Cookies are small files saved on your device when you visit a website.</p>\n"
                "<p>This website uses one essential cookie, which remembers the choices you make "
                "about cookies. No other cookie is set, and no other script is loaded, unless you "
                "agree to it. If you change your mind later, the change takes effect from the next "
                "page you open.</p>"
            )
        ),
    ),
    LogPage(
        "feedback",
        "feedback/",
        N_("Feedback"),
        Markup(
            N_(
                "<p>Tell us what you think of this website, so that we can improve it. We cannot "
                "reply to feedback sent with this form.</p>"
            )
        ),
    ),
    LogPage("404", "404.html", N_("Page not found"), Markup(""), listed=False),
)


def log_pages_to_write(url_prefix: str, site_pages: Iterable[Any]) -> list[LogPage]:
    """The log's pages that no page of the site (Pelican's, with a `save_as`) replaces."""
    taken = {page.save_as for page in site_pages}
    return [p for p in LOG_PAGES if output_relative(url_prefix + p.url) not in taken]


def standing_pages(
    site_pages: Iterable[Any], written: Iterable[LogPage], url_prefix: str
) -> list[StandingPage]:
    """The footer's pages, A to Z: the site's (read once rather than on every page written,
    as each attribute of a Pelican page is worked out when it is read) and the log's own."""
    pages = [StandingPage(p.title, p.slug, p.url) for p in site_pages]
    pages += [StandingPage(p.title, p.slug, url_prefix + p.url) for p in written if p.listed]
    return sorted(pages, key=lambda p: p.title)
