"""`foilog stats`: the statistics page's numbers for any period, in the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from foilog.checks.site_check import check_site
from foilog.cli.site import CommandError, load_site
from foilog.core.progress import progress_bar
from foilog.records.working_days import JURISDICTIONS
from foilog.statistics.measures import (
    Period,
    log_statistics,
    measures,
    period_statistics,
    range_period,
    section_titles,
    year_period,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2025-04-01; found {text!r}"
        ) from None


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "stats",
        help="print the section 45 statistics for a period",
        description="Print requests answered, timeliness, outcomes, exemptions cited and "
        "internal reviews for a period: a calendar year, dates of your choice, or (by "
        "default) the whole log. Responses count by their response date.",
    )
    parser.add_argument("--year", type=int, help="a calendar year, such as 2024")
    parser.add_argument("--from", dest="start", type=_date, help="first day, such as 2024-04-01")
    parser.add_argument("--to", dest="end", type=_date, help="last day, such as 2025-03-31")
    return parser


def _period(args: argparse.Namespace, whole_log: Period | None) -> Period | None:
    if args.year is not None:
        if args.start or args.end:
            raise CommandError("give --year, or --from and --to, not both")
        return year_period(args.year)
    if args.start or args.end:
        start = args.start or (whole_log.start if whole_log else dt.date.min)
        end = args.end or (whole_log.end if whole_log else dt.date.today())
        if start > end:
            raise CommandError(f"--from ({start}) is after --to ({end})")
        return range_period(start, end)
    return whole_log


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    with progress_bar("Reading records") as progress:
        result = check_site(site, progress)
    if result.problems:
        for problem in result.problems:
            print(problem)
        print(f"{len(result.problems)} problem(s): fix them (see `foilog check`) first.")
        return 1
    disclosures = result.log.disclosures
    whole = log_statistics(disclosures).total
    period = _period(args, whole.period if whole else None)
    if period is None:
        print("No response has a response date yet, so there are no statistics.")
        return 0
    stats = period_statistics(disclosures, period)
    print(f"Statistics for {site.authority}, {period.label}")
    print(f"Working days count {JURISDICTIONS[site.jurisdiction][1]} bank holidays.")
    for measure in measures([stats], section_titles(disclosures)):
        print()
        print(measure.title)
        print(f"  {measure.summary(stats)}")
        pairs = list(zip(measure.series, measure.values(stats), strict=True))
        if len(pairs) > 1:
            width = max(len(label) for (_, label), _ in pairs)
            for (_, label), value in pairs:
                print(f"  {label:<{width}}  {value:>5}")
    return 0
