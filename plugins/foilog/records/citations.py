"""Exemption citations as people write them, in the register's form.

Case systems and letters write the same citation many ways: `s40(2)`, `S.40(2)`,
`Section 40(2)`, `s.43 (2)`, `Section 31 (1) (a) (b) (c)`, `Regulation 12(5)(b)`. The
register's form is the bare citation with no spaces, `40(2)`, `31(1)(a)(b)(c)`,
`12(5)(b)`. "Section 38(1)(a) and (b)" cites two sub-paragraphs, `38(1)(a)` and `38(1)(b)`;
"sections 40(2) and 43(2)" cites two sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BRACKET = r"\(\s*[0-9]{1,3}[A-Za-z]?\s*\)|\(\s*[a-z]{1,4}\s*\)"
_NUMBER = rf"[0-9]{{1,3}}[A-Z]?(?:\s?(?:{_BRACKET}))*"
# The word before a citation: section, sections, s, s., ss., regulation, reg., r.
_WORD = r"(?:sections?|ss?\.?|regulations?|regs?\.?|r\.)"
_CITED = re.compile(
    rf"(?<![A-Za-z'’])(?P<word>{_WORD})\s*(?P<first>{_NUMBER})"
    rf"(?P<more>(?:\s*(?:,|and|&|or)\s*(?:{_BRACKET}|{_NUMBER}))*)",
    re.IGNORECASE,
)
_MORE = re.compile(rf"(?:,|and|&|or)\s*(?P<item>{_BRACKET}|{_NUMBER})", re.IGNORECASE)
_FORM = re.compile(r"^[0-9]+[A-Z]?(\([0-9A-Za-z]+\))*$")


def normalise(citation: str) -> str:
    """`s.43 (2)` -> `43(2)`; `Section 31 (1) (a)` -> `31(1)(a)`; `Reg 12(5)(B)` -> `12(5)(b)`.

    Text that is not a citation comes back with only its spaces removed."""
    text = re.sub(rf"^\s*{_WORD}\s*", "", citation.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s+", "", text)
    # Sub-paragraph letters are lower case in the Acts; a section's own letter ("22A") is not.
    return re.sub(r"\(([A-Za-z]+)\)", lambda m: f"({m.group(1).lower()})", text)


def is_citation(text: str) -> bool:
    return bool(_FORM.match(text))


def find_citations(text: str) -> Iterator[tuple[int, str]]:
    """(offset, citation) of every citation in running text, in the register's form."""
    for match in _CITED.finditer(text):
        first = normalise(match.group("first"))
        yield match.start(), first
        previous = first
        plural = match.group("word").lower().rstrip(".") in (
            "sections",
            "ss",
            "regulations",
            "regs",
        )
        for more in _MORE.finditer(match.group("more")):
            item = more.group("item")
            if item.lstrip().startswith("("):
                # "38(1)(a) and (b)": a sibling of the last sub-paragraph cited.
                parent = re.sub(r"\([^()]*\)$", "", previous)
                previous = parent + normalise(item)
            elif plural or "(" in item:
                previous = normalise(item)  # "sections 40(2) and 43(2)"
            else:
                break  # "section 40 and 12 months": the number is not a citation
            yield match.start("more") + more.start(), previous
