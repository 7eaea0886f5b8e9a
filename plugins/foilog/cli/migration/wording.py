"""What a letter's wording states: outcomes, the Act, NCND, the reference and redirections.

Each rule reads a form of words that UK responses use; where no rule matches, nothing is
stated and the field stays null for a reviewer, never guessed from the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NCND = re.compile(r"neither\s+(?:to\s+)?confirm\s+(?:n|o)or\s+deny|\bNCND\b", re.I)
_NOT_HELD = re.compile(
    r"\b(?:(?:does|do|did)\s+not\s+hold|(?:is|are|was|were)\s+not\s+held|not\s+held\s+by|"
    r"no\s+(?:recorded\s+)?information\s+(?:is\s+)?held|holds?\s+no\s+(?:recorded\s+)?"
    r"information)\b",
    re.I,
)
_WITHHELD = re.compile(
    r"\b(?:exempt(?:ed)?\b|withh[eo]ld|will\s+not\s+be\s+disclosed|not\s+obliged\s+to|"
    r"refus(?:e|ed|al)|vexatious|exceed(?:s|ed)?\s+the\s+(?:appropriate|cost|fees?)\s+limit|"
    r"unable\s+to\s+(?:provide|disclose|confirm))",
    re.I,
)
_RELEASED = re.compile(
    r"\b(?:(?:am|are|is)\s+able\s+to\s+disclose|please\s+find|is\s+(?:attached|disclosed)|"
    r"(?:decided|able)\s+to\s+disclose\s+some|disclose\s+some|as\s+follows|"
    r"(?:please\s+)?see\s+(?:the\s+)?(?:table|attached|enclosed|below|spreadsheet))\b",
    re.I,
)
_SOME = re.compile(
    r"\b(?:disclose\s+some|some\s+(?:of\s+the\s+)?(?:data|information)\s+has\s+been\s+withheld|partially)\b",
    re.I,
)
# A figure given: a count, money or a percentage, not a year, a citation ("S16") or an address.
_FIGURE = re.compile(
    r"(?<![\w/.(:-])(?!(?:19|20)\d\d(?![\d,.]))£?\s?\d[\d,]*(?:\.\d+)?%?(?![\w/(]|\.\w)"
)
_COST_LIMIT = re.compile(
    r"\b(?:appropriate\s+(?:\(cost\)\s+)?limit|cost\s+limit|fees?\s+(?:limit|regulations))\b", re.I
)
_EIR = re.compile(r"Environmental\s+Information\s+Regulations|\bEIRs?\b")
_FOISA = re.compile(r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOIS\(?A\)?\b")
_FOIA = re.compile(r"Freedom\s+of\s+Information\s+Act|\bFOIA?\b|\bFoIA\b")

_REFERENCE = re.compile(
    r"^\s*(?:our\s+ref(?:erence)?(?:\s+(?:no\.?|number))?|ref(?:erence)?(?:\s+(?:no\.?|number))?|"
    r"(?:foi|foia|eir|request|case|customer\s+request)\s+(?:ref(?:erence)?|no\.?|number|id)|"
    r"freedom\s+of\s+information\s+(?:request\s+)?(?:ref(?:erence)?|number))"
    r"\s*[:.#|]?\s*(?P<ref>[A-Za-z]{0,8}[\s_/-]?[0-9][\w/.\-]*)\s*$",
    re.I,
)
_HEADED_REFERENCE = re.compile(
    r"^\s*(?P<ref>(?:FOI|FOIA|EIR|FOISA)[\s_/-]?[0-9][\w/.\-]*)(?:\s*[-–:|]\s*\S.*)?$"
)
_TITLE = re.compile(
    r"^\s*(?:re|subject|request|title)\s*:\s*(?:your\s+request\s+for\s+information\s+"
    r"(?:concerning|about|regarding|on)\s*:?\s*)?(?P<title>.*)$",
    re.I,
)

# "submit this part of your request to NPCC", "contact the DVLA", "held by the Home Office"
_BODY = (
    r"(?:the\s+)?(?P<body>[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&|the|[A-Z][\w&'’.-]*|\([A-Z]+\)))*)"
)
_REDIRECT = [
    re.compile(
        rf"\b(?:submit|direct|redirect|send|forward|address|make)\s+(?:this\s+part\s+of\s+|"
        rf"that\s+part\s+of\s+|this\s+|the\s+relevant\s+part\s+of\s+)?(?:your\s+|the\s+|this\s+)?"
        rf"(?:request|question)s?\s+(?:directly\s+)?to\s+{_BODY}"
    ),
    re.compile(rf"\b(?:may|might|would|should)\s+wish\s+to\s+contact\s+{_BODY}"),
    re.compile(
        rf"\b(?:information|this|it)\s+(?:is|may\s+be|would\s+be|might\s+be)\s+held\s+by\s+{_BODY}"
    ),
    re.compile(rf"\b(?:is|are)\s+the\s+responsibility\s+of\s+{_BODY}"),
]
_URL = re.compile(r"https?://[^\s)<>\]]+")


@dataclass
class RedirectionDraft:
    body: str
    about: str
    url: str | None


def stated_outcome(text: str) -> str | None:
    """The outcome the words state, or None: NCND, not held, withheld, figures given."""
    if not text.strip():
        return None
    if _NCND.search(text):
        return "neither-confirm-nor-deny"
    if _NOT_HELD.search(text):
        return "not-held"
    if _WITHHELD.search(text):
        return "partially-disclosed" if _FIGURE.search(_WITHHELD.split(text)[0]) else "refused"
    if _RELEASED.search(text) or _FIGURE.search(text):
        return "disclosed"
    return None


def letter_outcome(text: str, cites_exemptions: bool) -> str | None:
    """The whole response's outcome, where the letter states one in so many words."""
    if _SOME.search(text):
        return "partially-disclosed"
    if _NOT_HELD.search(text) and not _RELEASED.search(text) and not cites_exemptions:
        return "not-held"
    return None


def states_ncnd(text: str) -> bool:
    return bool(_NCND.search(text))


def cost_limit(text: str) -> bool:
    """The letter refuses on cost (section 12) without citing the section."""
    return bool(_COST_LIMIT.search(text))


def act_of(text: str) -> tuple[str, bool]:
    """(act, whether the wording names it)."""
    if _FOISA.search(text):
        return "foisa", True
    if _EIR.search(text):
        return "eir", True
    return "foia", bool(_FOIA.search(text))


def reference_of(lines: list[str], title: str | None) -> str | None:
    """The reference as the letter writes it: after a label, or heading the page."""
    for line in lines:
        match = _REFERENCE.match(line)
        if match and re.search(r"\d", match.group("ref")):
            return match.group("ref").strip()
    for line in [title or "", *lines[:3]]:
        match = _HEADED_REFERENCE.match(line)
        if match:
            return match.group("ref").strip()
    return None


def title_of(lines: list[str], page_title: str | None) -> str | None:
    """The page's heading, or the letter's "Re:" line (or the line after "concerning:")."""
    if page_title:
        return page_title
    for index, line in enumerate(lines[:20]):
        match = _TITLE.match(line)
        if not match:
            continue
        title = match.group("title").strip(" :")
        if not title and index + 1 < len(lines):
            title = lines[index + 1].strip()
        if title:
            return title
    return None


def redirections(lines: list[str]) -> list[RedirectionDraft]:
    """Each body the letter sends the requester to, with the sentence that says so."""
    found: dict[str, RedirectionDraft] = {}
    for index, line in enumerate(lines):
        for rule in _REDIRECT:
            match = rule.search(line)
            if not match:
                continue
            body = re.sub(r"\s+(?:and|of|for|the|&)$", "", match.group("body").strip(" .,"))
            if body in found or len(body) < 2:
                continue
            nearby = " ".join(lines[index : index + 3])
            url = _URL.search(nearby)
            found[body] = RedirectionDraft(
                body, _sentence(line, match.start()), url.group().rstrip(".,") if url else None
            )
    return list(found.values())


def _sentence(line: str, at: int) -> str:
    """The sentence of `line` around offset `at`."""
    start = max(line.rfind(". ", 0, at) + 2, 0) if line.rfind(". ", 0, at) >= 0 else 0
    end = line.find(". ", at)
    return line[start : end + 1 if end >= 0 else len(line)].strip()
