"""The log's interface in each language: gettext catalogues, compiled in memory.

Every catalogue is a .po file under `locale/<language>/LC_MESSAGES/` in this package, one
file a domain (foilog.po: the templates and the Python labels; register.po: the exemption
register's titles and explanations); all of a language's domains are merged into one
catalogue. The .po files are compiled with Babel the first time a language is asked for,
once per process, so no compiled .mo file is kept anywhere. A message with no
translation, or one marked fuzzy (changed in English since it was translated), is shown
in English. See docs/welsh.md for updating the catalogues.

Python code marks an interface string with `N_` where it is defined (a label in a table
of labels) and translates it with `translate` where it is shown; templates use Jinja's
i18n extension, installed for the page's language with `install`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

LOCALE_FOLDER = Path(__file__).parent.parent / "locale"
SOURCE_LANGUAGE = "en"  # the language the messages are written in
I18N_EXTENSION = "jinja2.ext.i18n"


def N_(message: str) -> str:  # noqa: N802 (the name gettext's tools look for)
    """Marks `message` for the catalogues where it is defined; `translate` shows it."""
    return message


def catalogue_files(language: str) -> list[Path]:
    """The .po files of `language`, one a domain, in name order."""
    return sorted((LOCALE_FOLDER / language / "LC_MESSAGES").glob("*.po"))


def read_catalogue(language: str) -> Catalog:
    """Every domain of `language` as one catalogue (a message in two domains keeps the
    first's translation)."""
    merged = Catalog(locale=language, domain="foilog")
    for path in catalogue_files(language):
        with path.open("rb") as file:
            for message in read_po(file, locale=language):
                if message.id and message.id not in merged:
                    merged[message.id] = message
    return merged


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of `language` (nothing to translate for English)."""
    if language == SOURCE_LANGUAGE or not catalogue_files(language):
        return NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalogue(language), use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain="foilog")


def translate(message: str, language: str) -> str:
    """`message` in `language`, or as it is when the catalogue has no translation."""
    return translations(language).ugettext(message) if message else message


def translate_plural(singular: str, plural: str, count: int, language: str) -> str:
    return translations(language).ungettext(singular, plural, count)


def add_i18n(env: Environment) -> None:
    """Give `env` Jinja's i18n extension, before any template is read with it."""
    if I18N_EXTENSION not in env.extensions:
        env.add_extension(I18N_EXTENSION)
        env.policies["ext.i18n.trimmed"] = True


def install(env: Environment, language: str) -> None:
    """Templates rendered with `env` from now on speak `language`, which they (and filters)
    find as the global `language`, in macros too."""
    add_i18n(env)
    if env.globals.get(_INSTALLED) == (language, env.globals.get("gettext")):
        return  # each page installs its language: most are in the one installed already
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.globals["gettext"] = _remembered(env.globals["gettext"], language)
    env.globals["language"] = language
    env.globals[_INSTALLED] = (language, env.globals["gettext"])


_INSTALLED = "_foilog_installed"  # the language install gave, with the gettext it installed
# Messages without variables as Jinja's gettext gave them, by language, message and whether
# the template autoescaped (markup then, else text); the messages are the templates' own.
_TRANSLATED: dict[tuple[str, str, bool], str] = {}


def _remembered(gettext: Any, language: str) -> Callable[..., str]:
    """Jinja's new-style `gettext` for `language`, with each message that has no variables
    translated once: a page asks for a hundred such labels, and each call would format and
    escape its message again."""

    @pass_context
    def remembered(context: Context, message: str, **variables: Any) -> str:
        if variables:
            formatted: str = gettext(context, message, **variables)
            return formatted
        key = (language, message, context.eval_ctx.autoescape)
        if key not in _TRANSLATED:
            _TRANSLATED[key] = gettext(context, message)
        return _TRANSLATED[key]

    return remembered


def language_of(env: Environment) -> str:
    """The language `install` last gave `env`."""
    return str(env.globals.get("language", SOURCE_LANGUAGE))


@lru_cache(maxsize=65536)  # Babel is slow, and a log shows the same days on many pages
def long_date(value: dt.date, language: str) -> str:
    """A day as written in running text: "3 April 2025", "3 Ebrill 2025"."""
    return format_date(value, "d MMMM y", locale=Locale.parse(language))


@lru_cache(maxsize=4096)
def month_name(year: int, month: int, language: str) -> str:
    """A month as written in running text: "April 2025", "Ebrill 2025"."""
    return format_date(dt.date(year, month, 1), "MMMM y", locale=Locale.parse(language))


# The soft mutation of a Welsh word's first letters, as after "i" ("to"): "Ebrill i
# Fehefin" ("Ch" and vowels stay as they are).
_SOFT_MUTATION_CY = (
    ("Rh", "R"),
    ("Ll", "L"),
    ("Ch", "Ch"),
    ("M", "F"),
    ("G", ""),
    ("T", "D"),
    ("C", "G"),
    ("P", "B"),
    ("B", "F"),
    ("D", "Dd"),
)


def soft_mutation(word: str) -> str:
    """`word` (a capitalised Welsh word) after a word that softens it: "Mehefin", "Fehefin"."""
    for radical, mutated in _SOFT_MUTATION_CY:
        if word.startswith(radical):
            rest = word[len(radical) :]
            return mutated + rest if mutated else rest.capitalize()
    return word


def month_span(start: dt.date, end: dt.date, language: str, short: bool = False) -> str:
    """Months of one year as written in running text: "April to June 2025", "Ebrill i
    Fehefin 2025"; `short`, for narrow table rows: "Apr to Jun 2025", "Ebr i Feh 2025"."""
    locale = Locale.parse(language)
    pattern = "MMM" if short else "LLLL"
    first, last = (format_date(day, pattern, locale=locale) for day in (start, end))
    if language == "cy":
        return f"{first} i {soft_mutation(last)} {end.year}"
    return f"{first} to {last} {end.year}"


def number(value: float, language: str) -> str:
    """A number with the language's grouping: 1,234 and 12.5."""
    return format_decimal(value, locale=Locale.parse(language))
