"""How an overall outcome relates to the outcomes of the questions (or parts) under it."""

from __future__ import annotations

from collections.abc import Collection
from itertools import combinations

OUTCOMES = (
    "disclosed",
    "partially-disclosed",
    "refused",
    "not-held",
    "neither-confirm-nor-deny",
)
# A legacy record's null outcome: the original response did not say. Never guessed.
NOT_RECORDED = "not-recorded"
_SOME_RELEASED = {"disclosed", "partially-disclosed"}
_WITHHELD = {"refused", "neither-confirm-nor-deny"}


def derive(outcomes: Collection[str]) -> str:
    """The overall outcome of a set of question outcomes; not recorded when any is not."""
    distinct = set(outcomes)
    if NOT_RECORDED in distinct:
        return NOT_RECORDED
    if len(distinct) == 1:
        return next(iter(distinct))
    if distinct & _SOME_RELEASED:
        return "partially-disclosed"
    return "refused"


def consistent(overall: str, outcomes: Collection[str]) -> bool:
    """Whether `overall` is a fair summary of `outcomes` (see docs/record-format.md). Where
    some outcomes were not recorded, whether any outcomes they might have had would fit."""
    known = set(outcomes) - {NOT_RECORDED}
    unknown = sum(1 for outcome in outcomes if outcome == NOT_RECORDED)
    if overall == NOT_RECORDED or (not known and not unknown):
        return True
    if not unknown:
        return _fits(overall, known)
    return any(
        _fits(overall, known | set(filled))
        for size in range(1, min(unknown, len(OUTCOMES)) + 1)
        for filled in combinations(OUTCOMES, size)
    )


def _fits(overall: str, distinct: set[str]) -> bool:
    if overall in ("disclosed", "not-held", "neither-confirm-nor-deny"):
        return distinct == {overall}
    if overall == "partially-disclosed":
        return bool(distinct & _SOME_RELEASED) and distinct != {"disclosed"}
    # refused
    return not distinct & _SOME_RELEASED and bool(distinct & _WITHHELD)
