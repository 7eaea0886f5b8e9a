"""The foilog Pelican plugin: `PLUGINS = ["foilog"]` turns the whole disclosure log on.

Pelican imports every installed namespace plugin, and calls `register()` on all of them
when a site sets no PLUGINS, so nothing here acts until a build starts, and then only for
a site that uses the log (see `foilog.settings.uses_log`). The log's parts are registered
here in the one order that works: records are checked first; the search index starts once
the response pages are written, and runs beside the other pages; the end of the search
index, the sitemap and the move into the output folder come last, in that order, once
every page is written.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from foilog.core.garbage_collection import collect_less_often
from foilog.settings import enabled_parts, uses_log
from foilog.site.theme_files import add_log_templates

from .accessibility_statement import AccessibilityStatementGenerator
from .atomic_output import finish_build, finish_writes, start_build
from .browse import DisclosureBrowseGenerator
from .feeds import DisclosureFeedsGenerator
from .open_data import OpenDataGenerator, finish_sitemap
from .pages import DisclosurePagesGenerator
from .records import DisclosureRecordsGenerator
from .search import SearchPageGenerator, index_site
from .security_headers import SecurityHeadersGenerator
from .statistics import StatisticsPageGenerator
from .withdrawn import WithdrawnPagesGenerator

# Each generator with the part it belongs to (None: always built), in the order they run.
GENERATORS: tuple[tuple[type[Generator], str | None], ...] = (
    (DisclosureRecordsGenerator, None),  # loads and checks the records, for every later part
    (DisclosurePagesGenerator, None),
    (WithdrawnPagesGenerator, None),
    # Starts the search index of the response pages, written by now, beside the rest.
    (SearchPageGenerator, "search"),
    (DisclosureBrowseGenerator, None),
    (DisclosureFeedsGenerator, "feeds"),
    (StatisticsPageGenerator, "statistics"),
    (SecurityHeadersGenerator, "security_headers"),
    (AccessibilityStatementGenerator, "accessibility_statement"),
    (OpenDataGenerator, "open_data"),
)
_building: set[int] = set()  # id() of each Pelican run that builds the log


def add_templates(generator: Generator) -> None:
    """Every generator, Pelican's own too (a site's page may use a log template), finds the
    log's templates after the theme's."""
    if uses_log(generator.settings):
        add_log_templates(generator.env)


def get_generators(pelican: Any) -> tuple[type[Generator], ...]:
    if not uses_log(pelican.settings):
        return ()
    _building.add(id(pelican))
    collect_less_often()
    start_build(pelican)
    parts = enabled_parts(pelican.settings)
    return tuple(generator for generator, part in GENERATORS if part is None or part in parts)


def finalized(pelican: Any) -> None:
    if id(pelican) not in _building:
        return
    _building.discard(id(pelican))
    finish_writes(pelican)
    parts = enabled_parts(pelican.settings)
    if "search" in parts:
        index_site(pelican)  # first: the sitemap must not see the shards' folders of pages
    if "open_data" in parts:
        finish_sitemap(pelican)  # of every HTML page written
    finish_build(pelican)  # last: moves the finished build into the output folder


def register() -> None:
    signals.generator_init.connect(add_templates)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalized)
