"""How an overall outcome relates to the outcomes of the questions (or parts) under it."""

from __future__ import annotations

from collections.abc import Collection

OUTCOMES = (
    "disclosed",
    "partially-disclosed",
    "refused",
    "not-held",
    "neither-confirm-nor-deny",
)
_SOME_RELEASED = {"disclosed", "partially-disclosed"}
_WITHHELD = {"refused", "neither-confirm-nor-deny"}


def derive(outcomes: Collection[str]) -> str:
    """The overall outcome of a set of question outcomes."""
    distinct = set(outcomes)
    if len(distinct) == 1:
        return next(iter(distinct))
    if distinct & _SOME_RELEASED:
        return "partially-disclosed"
    return "refused"


def consistent(overall: str, outcomes: Collection[str]) -> bool:
    """Whether `overall` is a fair summary of `outcomes` (see docs/record-format.md)."""
    distinct = set(outcomes)
    if overall in ("disclosed", "not-held", "neither-confirm-nor-deny"):
        return distinct == {overall}
    if overall == "partially-disclosed":
        return bool(distinct & _SOME_RELEASED) and distinct != {"disclosed"}
    # refused
    return not distinct & _SOME_RELEASED and bool(distinct & _WITHHELD)
