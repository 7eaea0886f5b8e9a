"""Split a list into numbered pages with addresses that cannot collide with a slug.

Page 1 lives at the list's own address; later pages at '<base>page/N/'. A slug never
contains '/', so 'topics/t1/page/3/' can never be mistaken for the topic 't13'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    number: int
    count: int  # how many pages in all
    items: Sequence[T]
    base: str  # the list's address, such as 'topics/anpr/' or ''

    def url_of(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def url(self) -> str:
        return self.url_of(self.number)

    @property
    def window(self) -> list[int | None]:
        """The page numbers to link: the first, the last and two either side of this one,
        with None where numbers are left out. Its length does not grow with the count."""
        shown = sorted(
            {1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)}
        )
        numbers: list[int | None] = []
        previous = 0
        for number in shown:
            if previous and number - previous > 1:
                numbers.append(None)
            numbers.append(number)
            previous = number
        return numbers

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None


def paginate(items: Sequence[T], per_page: int, base: str) -> list[Page[T]]:
    count = max(1, -(-len(items) // per_page))
    return [
        Page(n + 1, count, items[n * per_page : (n + 1) * per_page], base) for n in range(count)
    ]
