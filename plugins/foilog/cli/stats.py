"""`foilog stats`: the statistics page's figures for any period, in the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from foilog.checks.site_check import check_site
from foilog.cli.site import CommandError, load_site
from foilog.core.progress import progress_bar
from foilog.core.translation import SOURCE_LANGUAGE
from foilog.records.column_mapping import MappingError
from foilog.settings import SiteSettings
from foilog.settings.case_register import CaseRegisterSource, read_register_mapping
from foilog.statistics.case_register import RegisterCases, site_cases
from foilog.statistics.measure_list import measures, number, section_titles
from foilog.statistics.measures import log_statistics, period_statistics
from foilog.statistics.periods import (
    Period,
    quarter_period,
    range_period,
    within,
    year_period,
)

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2025-04-01; found {text!r}"
        ) from None


def _quarter(text: str) -> Period:
    match = _QUARTER.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected a quarter such as 2025-Q1; found {text!r}")
    return quarter_period(int(match.group(1)), int(match.group(2)))


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "stats",
        help="print the section 45 statistics for a period",
        description="Print the statistics page's figures for the requests received in a "
        "period: a quarter, a calendar year, dates of your choice, or (by default) every "
        "year. They come from the case register (FOILOG_CASE_REGISTER, or --register) "
        "where there is one, and otherwise from the published records.",
    )
    parser.add_argument("--year", type=int, help="a calendar year, such as 2024")
    parser.add_argument("--quarter", type=_quarter, help="a calendar quarter, such as 2025-Q1")
    parser.add_argument("--from", dest="start", type=_date, help="first day, such as 2024-04-01")
    parser.add_argument("--to", dest="end", type=_date, help="last day, such as 2025-03-31")
    parser.add_argument("--register", help="a case register (CSV or XLSX) to count instead")
    parser.add_argument(
        "--mapping", help="the register's mapping file (default: FOILOG_CASE_REGISTER_MAPPING)"
    )
    return parser


def _period(args: argparse.Namespace, whole: Period | None) -> Period | None:
    chosen = [args.year is not None, args.quarter is not None, bool(args.start or args.end)]
    if sum(chosen) > 1:
        raise CommandError("give one of --year, --quarter, or --from and --to")
    if args.year is not None:
        return year_period(args.year)
    if args.quarter is not None:
        period: Period = args.quarter
        return period
    if args.start or args.end:
        start = args.start or (whole.start if whole else dt.date.min)
        end = args.end or (whole.end if whole else dt.date.today())
        if start > end:
            raise CommandError(f"--from ({start}) is after --to ({end})")
        return range_period(start, end)
    return whole


def _source(args: argparse.Namespace, site: SiteSettings) -> CaseRegisterSource | None:
    if args.register is None:
        if args.mapping:
            raise CommandError("--mapping is for --register: give both, or neither")
        return site.case_register
    if args.mapping:
        try:
            mapping = read_register_mapping(Path(args.mapping))
        except MappingError as error:
            raise CommandError(str(error)) from None
    elif site.case_register:
        mapping = site.case_register.mapping
    else:
        raise CommandError("--register needs --mapping: no FOILOG_CASE_REGISTER_MAPPING is set")
    return CaseRegisterSource(Path(args.register), mapping)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    with progress_bar("Reading records") as progress:
        result = check_site(site, progress)
    found: RegisterCases = result.cases
    if args.register is not None:
        found = site_cases(
            _source(args, site), result.log.disclosures, site.register, site.jurisdiction
        )
    problems = [*result.problems, *found.problems] if args.register else result.problems
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s): fix them (see `foilog check`) first.")
        return 1
    for warning in found.warnings:
        print(f"warning: {warning}")
    whole = log_statistics(found.cases, found.from_register).total
    period = _period(args, whole.period if whole else None)
    if period is None:
        print("No request has a received date yet, so there are no statistics.")
        return 0
    stats = period_statistics(found.cases, period)
    source = "the case register" if found.from_register else "the published records only"
    print(f"Statistics for {site.authority}: requests received {within(period, SOURCE_LANGUAGE)}")
    print(f"Counted from {source}.")
    for measure in measures([stats], section_titles(site.register)):
        print()
        print(measure.title)
        print(f"  {measure.summary(stats, SOURCE_LANGUAGE)}")
        pairs = list(zip(measure.series, measure.values(stats), strict=True))
        if len(pairs) > 1:
            width = max(len(label) for (_, label), _ in pairs)
            for (_, label), value in pairs:
                print(f"  {label:<{width}}  {number(value) or '–':>5}")
    return 0
