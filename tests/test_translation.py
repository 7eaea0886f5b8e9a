"""The interface's catalogues: read from the package's .po files and compiled in memory."""

from __future__ import annotations

import datetime as dt

from jinja2 import DictLoader, Environment

from foilog.core.translation import (
    catalogue_files,
    install,
    long_date,
    month_name,
    read_catalogue,
    translate,
    translate_plural,
)


def test_the_welsh_catalogue_ships_as_po_files_and_translates() -> None:
    files = catalogue_files("cy")
    assert files and all(path.suffix == ".po" for path in files)
    assert translate("Skip to main content", "cy") == "Neidio i'r prif gynnwys"
    assert translate("Skip to main content", "en") == "Skip to main content"
    assert translate("A message no catalogue has", "cy") == "A message no catalogue has"


def test_every_welsh_message_is_translated_and_none_is_fuzzy() -> None:
    catalogue = read_catalogue("cy")
    untranslated = [m.id for m in catalogue if m.id and not m.string]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_every_welsh_plural_message_has_each_of_the_languages_forms() -> None:
    # A missing form falls back to English for the counts that take it (Welsh has six).
    catalogue = read_catalogue("cy")
    assert catalogue.num_plurals == 6
    short = [
        m.id[0]
        for m in catalogue
        if m.pluralizable and sum(1 for form in m.string if form) != catalogue.num_plurals
    ]
    assert short == []
    for count in range(25):
        assert translate_plural(
            "We will reply within %(num)s working day.",
            "We will reply within %(num)s working days.",
            count,
            "cy",
        ).startswith("Byddwn")


def test_templates_speak_the_language_installed() -> None:
    env = Environment(loader=DictLoader({"t": "{{ _('Skip to main content') }}"}))
    install(env, "cy")
    assert env.get_template("t").render() == "Neidio i'r prif gynnwys"
    install(env, "en")
    assert env.get_template("t").render() == "Skip to main content"


def test_dates_in_welsh() -> None:
    assert long_date(dt.date(2025, 4, 3), "cy") == "3 Ebrill 2025"
    assert long_date(dt.date(2025, 4, 3), "en") == "3 April 2025"
    assert month_name(2025, 2, "cy") == "Chwefror 2025"
