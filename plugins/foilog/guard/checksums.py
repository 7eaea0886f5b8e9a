"""Check digits and shapes that tell a real identifier from a number that only looks like one."""

from __future__ import annotations

import re

_GROUPS = re.compile(r"\d+")


def digits_of(text: str) -> list[int]:
    return [int(d) for d in text if d.isdigit()]


def luhn(text: str) -> bool:
    """The check every payment card number passes (and nine in ten other numbers fail)."""
    total = 0
    for position, digit in enumerate(reversed(digits_of(text))):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def nhs_number(text: str) -> bool:
    """NHS (and CHI-style) numbers: ten digits whose last is a modulus-11 check digit."""
    digits = digits_of(text)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    remainder = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def card_grouping(text: str) -> bool:
    """Card numbers are written whole or in the groups printed on cards (4-4-4-4, 4-6-5,
    4-4-4-4-3); a run of other groups is a row of figures."""
    groups = [len(g) for g in _GROUPS.findall(text)]
    if len(groups) == 1:
        return True
    if groups[:-1] == [4] * (len(groups) - 1) and 1 <= groups[-1] <= 4:
        return not years_in_a_row(text)
    return groups in ([4, 6, 5], [4, 6, 4])


def years_in_a_row(text: str) -> bool:
    """'2017 2018 2019 2020': column headings, not a card number."""
    groups = _GROUPS.findall(text)
    return len(groups) > 1 and all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)
