"""Split a newest-first list into pages that stay the same as newer items arrive.

The newest items are on the list's own address. Older ones are on pages numbered from the
oldest, at '<base>page/N/', each holding exactly `per_page` items: page 1 the oldest. A
new response therefore changes the list's own page, and once in `per_page` responses the
few older pages beside the one it fills; every other page, and its address, stays as it
was, so a rebuild rewrites (and a host is sent) a handful of list pages, not all of them.
The list's own page holds from `per_page` up to twice as many less one, never a stub.

A slug never contains '/', so 'topics/t1/page/3/' can never be mistaken for the topic 't13'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

NEWEST = 0  # the number of the list's own page, which holds the newest items
NEIGHBOURS = 2  # pages linked either side of the one shown


@dataclass(frozen=True)
class Page(Generic[T]):
    # Only what the page shows: a page is rewritten when any of this changes.
    number: int  # NEWEST, or from 1 (the oldest page) up
    items: Sequence[T]
    base: str  # the list's address, such as 'topics/anpr/' or ''
    total: int | None  # items in the whole list: on the newest page only
    window: tuple[int | None, ...]  # page numbers to link, newest first; None for a gap
    newer: int | None  # the page of the items just newer, if any
    older: int | None  # the page of the items just older, if any

    def url_of(self, number: int) -> str:
        return self.base if number == NEWEST else f"{self.base}page/{number}/"

    @property
    def url(self) -> str:
        return self.url_of(self.number)

    @property
    def previous_url(self) -> str | None:
        return None if self.newer is None else self.url_of(self.newer)

    @property
    def next_url(self) -> str | None:
        return None if self.older is None else self.url_of(self.older)


def paginate(items: Sequence[T], per_page: int, base: str) -> list[Page[T]]:
    """The pages of `items` (newest first), the list's own page first."""
    older_pages = max(0, len(items) // per_page - 1)
    newest_count = len(items) - older_pages * per_page
    # In reading order: the newest page, then older pages down to page 1.
    order = [NEWEST, *range(older_pages, 0, -1)]
    pages = []
    for position, number in enumerate(order):
        start = 0 if number == NEWEST else newest_count + (older_pages - number) * per_page
        end = newest_count if number == NEWEST else start + per_page
        pages.append(
            Page(
                number=number,
                items=items[start:end],
                base=base,
                total=len(items) if number == NEWEST else None,
                window=_window(order, position),
                newer=order[position - 1] if position else None,
                older=order[position + 1] if position + 1 < len(order) else None,
            )
        )
    return pages


def _window(order: list[int], position: int) -> tuple[int | None, ...]:
    """The newest page, the oldest, and NEIGHBOURS either side of `position`, in reading
    order with None where pages are left out; nothing when there is one page. Away from the
    newest pages it does not depend on how many there are, so it stays the same."""
    if len(order) == 1:
        return ()
    near = range(max(0, position - NEIGHBOURS), min(len(order), position + NEIGHBOURS + 1))
    shown = sorted({0, len(order) - 1, *near})
    window: list[int | None] = []
    for index, shown_position in enumerate(shown):
        if index and shown_position - shown[index - 1] > 1:
            window.append(None)
        window.append(order[shown_position])
    return tuple(window)
