"""The log's templates and static files, which ship inside this package.

The templates are named foilog/<name>.html, so they never clash with a theme's own
index.html or base.html, and they are searched after the site theme's, so a site overrides
any of them by giving its theme a file of the same name. The styles and scripts are written
under the log's own folder (`STATIC_FOLDER`, under FOILOG_URL_PREFIX), whatever the theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from foilog.core.translation import SOURCE_LANGUAGE, install
from foilog.site.template_filters import FILTERS, TESTS

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
STATIC_FOLDER = "foilog/"  # the log's styles and scripts: <prefix>foilog/css/site.css


def add_log_templates(env: Environment) -> None:
    """Search the log's templates just after the site theme's, which is the first loader
    of a Pelican generator's environment (before Pelican's own fallback theme)."""
    ours = FileSystemLoader(TEMPLATES)
    if isinstance(env.loader, ChoiceLoader):
        env.loader.loaders = [env.loader.loaders[0], ours, *env.loader.loaders[1:]]
    else:
        env.loader = ChoiceLoader([env.loader, ours] if env.loader else [ours])
    # The templates' messages, in English until a page of another language is rendered, and
    # their filters, for a site's own page that uses a log template too.
    install(env, SOURCE_LANGUAGE)
    env.filters.update(FILTERS)
    env.tests.update(TESTS)


def static_files() -> Iterator[tuple[Path, str]]:
    """Each static file, with its address under the log's prefix: 'foilog/js/search.js'."""
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            yield path, STATIC_FOLDER + path.relative_to(STATIC).as_posix()
