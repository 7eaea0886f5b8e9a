"""The interface's catalogues: read from the package's .po files and compiled in memory."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from conftest import PROJECT
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
from foilog.records.model import (
    ACT_LABELS,
    EVENT_LABELS,
    OUTCOME_LABELS,
    REVIEW_RESULT_LABELS,
    STATUS_LABELS,
)
from foilog.records.register import ACT_SHORT

LOCALE = PROJECT / "plugins" / "foilog" / "locale"


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


def test_the_documented_extract_finds_every_message_of_the_catalogue(tmp_path: Path) -> None:
    """docs/welsh.md's `pybabel extract` finds each message foilog.po translates, the
    records' labels among them (marked N_ where they are defined), so that `pybabel update`
    keeps them all; and the shipped foilog.pot is what it makes."""
    template = tmp_path / "foilog.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    command = [str(pybabel), "extract", "-F", "babel.cfg", "--no-location", "--sort-output"]
    run = subprocess.run(
        [*command, "-o", str(template), "."], cwd=PROJECT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    with template.open("rb") as file:
        extracted = {message.id for message in read_po(file) if message.id}
    with (LOCALE / "cy" / "LC_MESSAGES" / "foilog.po").open("rb") as file:
        welsh = read_po(file, locale="cy")
    assert [message.id for message in welsh if message.id not in extracted] == [""]  # header
    assert not welsh.obsolete
    labels = [ACT_LABELS, EVENT_LABELS, OUTCOME_LABELS, REVIEW_RESULT_LABELS, STATUS_LABELS]
    assert {label for table in labels for label in table.values()} <= extracted
    assert set(ACT_SHORT.values()) <= extracted
    with (LOCALE / "foilog.pot").open("rb") as file:
        assert {message.id for message in read_po(file) if message.id} == extracted


def test_welsh_statistics_sentences_take_each_plural_form() -> None:
    """The noun after a number mutates in Welsh: 2 gais, 3 chais, 6 chais, 5 cais."""
    from foilog.statistics.measure_list import requests_summary
    from foilog.statistics.measures import PeriodStatistics
    from foilog.statistics.periods import quarter_period, short_period_label

    quarter = quarter_period(2025, 2)
    for count, noun in ((1, "cais"), (2, "gais"), (3, "chais"), (5, "cais"), (6, "chais")):
        text = requests_summary(PeriodStatistics(quarter, received=count), "cy")
        assert text.startswith(f"Derbyniwyd {count} {noun} yn ystod Ebrill i Fehefin 2025: ")
    english = requests_summary(PeriodStatistics(quarter, received=1), "en")
    assert english.startswith("1 request was received in April to June 2025: 0 answered")
    assert short_period_label(quarter_period(2025, 4), "cy") == "Hyd i Rag 2025"
    assert short_period_label(quarter_period(2025, 1), "en") == "Jan to Mar 2025"
