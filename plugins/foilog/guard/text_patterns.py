"""The personal-data rules for text: one pattern each, with what it finds, how serious a
leak it would be, the one fix to suggest, and a check that tells a real detail from a
look-alike (a checksum, a word before it, a word list). See docs/publish-guard.md."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from foilog.guard import checksums
from foilog.guard.name_words import (
    COLLAR_RANKS,
    COURTESY_TITLES,
    NO_NAME_WORDS,
    NOT_NAMES,
    RANKS,
    ROLE_WORDS,
    SHORT_WORDS,
)

HIGH = "high"  # identifies or reaches a person on its own: contact, account or ID numbers
MEDIUM = "medium"  # identifies a person with what else is known: a name, an age and place

REMOVE = "remove or redact it"
CONTACT = "; if it is the authority's own published contact, add it to FOILOG_GUARD_CONTACTS"
NAME_FIX = 'remove the name, or write the role instead ("the officer", "the requester")'

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_SURNAME = r"(?:Mc|Mac|O'|O’|D'|Fitz)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_DOT = r"\s*(?:[(\[{]\s*dot\s*[)\]}]|\s+dot\s+|\.)\s*"
_SPELLED_OUT = re.compile(r"\bdot\b|[(\[{]\s*at\s*[)\]}]", re.IGNORECASE)
_BIRTH = r"(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+(?:on|in))?)\s*(?:is|was|:|-)?\s*"


def _alternation(words: tuple[str, ...]) -> str:
    """Longest first, so "Ch Insp" wins over "Insp"; "Mr." and "Det  Sgt" as well."""
    spelled = (r"\s+".join(re.escape(w) for w in t.split()) for t in words)
    return "|".join(sorted(spelled, key=len, reverse=True))


@dataclass(frozen=True)
class Pattern:
    rule: str
    what: str
    severity: str
    fix: str
    regex: re.Pattern[str]
    # Whether a match is the real thing; without one every match counts.
    check: Callable[[re.Match[str]], bool] | None = None

    def found(self, match: re.Match[str]) -> str:
        """The detail itself: the `found` group where the pattern has context around it."""
        return match.group("found") if "found" in self.regex.groupindex else match.group()


def _before(match: re.Match[str], words: str, reach: int = 40) -> bool:
    """Whether `words` come just before the match, in the same paragraph."""
    start = match.start()
    before = match.string[max(0, start - reach) : start].rpartition("\n")[2]
    return re.search(words, before, re.IGNORECASE) is not None


def _national_insurance(match: re.Match[str]) -> bool:
    """With its suffix letter, or written in pairs, it is one; bare, only when named as one."""
    text = match.group()
    return text[-1].isalpha() or text.count(" ") >= 3 or _before(match, r"\bN\.?I\b|insurance|NINO")


def _nhs(match: re.Match[str]) -> bool:
    text = match.group()
    spaced = bool(re.fullmatch(r"\d{3}[ -]\d{3}[ -]\d{4}", text))
    named = _before(match, r"\b(?:NHS|CHI|patient|health)\b")
    return checksums.nhs_number(text) and (spaced or named)


def _card(match: re.Match[str]) -> bool:
    text = match.group()
    return checksums.luhn(text) and checksums.card_grouping(text)


def _postcode(match: re.Match[str]) -> bool:
    """Capitals as written on letters; in lower case only with its space, and not '2nd'."""
    text = match.group()
    if text.isupper():
        return True
    return " " in text and text[-2:].lower() not in ("st", "nd", "rd", "th")


def _registration(match: re.Match[str]) -> bool:
    """In capitals as printed on plates; in lower case only a current plate ("ab12 cde")
    with a real age identifier, not "fy23 and"."""
    text = match.group()
    if text.isupper():
        return text[-3:] not in _NOT_PLATES
    current = re.fullmatch(r"([a-z]{2})(\d{2}) ([a-z]{3})", text.lower())
    if not current:
        return False
    letters, age, tail = current.groups()
    real_age = 2 <= int(age) <= 29 or 51 <= int(age) <= 79
    # "fy", "cy", "py", "ly": financial, calendar, previous and last year.
    return real_age and tail not in SHORT_WORDS and letters not in ("fy", "cy", "py", "ly")


_NUMBERED_PARTS = (
    r"\b(?:section|para(?:graph)?|clause|version|v|reg(?:ulation)?|schedule|rule|figure|"
    r"table|page|chapter|part|item)\.?\s*$"
)


def _ip_address(match: re.Match[str]) -> bool:
    """Not a numbered part of a document ("section 1.2.3.4") or a version."""
    return not _before(match, _NUMBERED_PARTS, 20)


def _named(match: re.Match[str]) -> bool:
    """A name follows the title: not a common word ("PC Equipment"), not a single letter
    used to anonymise ("Mr X"); a rank with a collar number alone also counts."""
    name = match.group("name")
    if not name:
        number = match.group("collar")
        return bool(number) and _collar_rank(match) and not _a_year(number)
    first = name.split()[0].rstrip(".")
    if first in NOT_NAMES or first.upper() in NOT_NAMES or name.split()[-1] in _TITLE_WORDS:
        return False
    if name.isupper() and match.group("title").rstrip(".") not in COURTESY_TITLES:
        return False  # "DC CID" or "PC HQ": capitals are names only after Mr, Mrs, Dr …
    return len(name.replace(".", "").replace(" ", "")) > 1


def _collar_rank(match: re.Match[str]) -> bool:
    return " ".join(match.group("title").rstrip(".").split()) in COLLAR_RANKS


def _a_year(number: str) -> bool:
    return len(number) == 4 and 1900 <= int(number) <= 2099


def _salutation(match: re.Match[str]) -> bool:
    first = match.group("found").split()[0]
    return first not in NOT_NAMES and first not in ROLE_WORDS


def _signed(match: re.Match[str]) -> bool:
    """The words after "Yours sincerely" are a name unless they are a team or job."""
    first = match.group("found").split()[0].rstrip(".")
    return first not in NOT_NAMES and first not in ROLE_WORDS


def _labelled(match: re.Match[str]) -> bool:
    """A name, not a team, a job or a word such as "Male" or "Unknown": after a label
    that says who ("Victim:"), a name of two words, or an initial and a name."""
    words = match.group("found").replace(".", " ").replace(",", " ").split()
    if any(w.title() in _NOT_LABELLED_NAMES for w in words):
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) < 4:
        return False  # "Name: CID" is more often an acronym than a surname
    return match.group("name_label") is not None or len(words) >= 2


# Labels of a form or a letter's heading that a person's name follows: "Name: Sam Smith",
# "Case officer: Priya Shah", "Prepared by: J. Bloggs".
_WHO = (
    r"(?:(?:case|investigating|reporting|attending|arresting|dealing|handling)\s+officer|"
    r"officer\s+(?:in\s+charge|dealing|in\s+the\s+case)|officer|contact|caller|victim|"
    r"suspect|offender|complainant|witness|requester|requestor|applicant|author)"
)
_NAME_LABEL = rf"(?i:(?:{_WHO}(?:'s)?\s+)?(?:full\s+|first\s+|last\s+|sur|fore)?name)"
_WHO_LABEL = (
    rf"(?i:{_WHO}|(?:prepared|completed|signed|reviewed|approved|created|written|reported)"
    r"\s+by)"
)
_LABELLED_WORD = rf"(?:{_SURNAME}|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)"
_NOT_LABELLED_NAMES = NOT_NAMES | ROLE_WORDS | NO_NAME_WORDS | {"Male", "Female", "Yes", "No"}
_TITLE = _alternation(COURTESY_TITLES + RANKS)
_TITLE_WORDS = frozenset(word for title in COURTESY_TITLES + RANKS for word in title.split())
_NAME = rf"(?:[A-Z]\.?\s+){{0,2}}(?:{_SURNAME}|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)"
_STREET_WORDS = (
    "Road Rd Street St Avenue Ave Lane Close Drive Way Crescent Court Place Gardens Grove "
    "Terrace Hill Square Mews Walk Rise Row Parade Green Vale Wharf Yard Park View Gate "
    "Grange Meadows Croft Fold Chase Approach Boulevard Embankment Broadway Circus Dr Cl "
    "Cres Gdns Pl Sq Ter"
)
# Courts and parks that are places of business or public land, not someone's home.
_NOT_HOMES = re.compile(
    r"\b(?:Crown|Magistrates'?|County|High|Youth|Family|Coroners'?|Supreme|Car|Country|"
    r"National|Skate|Business|Retail|Theme|Science|Industrial)\s+(?:Court|Park)$"
)
# Acronyms that follow a letter and number in FOI letters ("S40 FOI"), not a plate's letters.
_NOT_PLATES = frozenset({"FOI", "EIR", "DPA", "ICO", "NHS", "CPS", "PSD", "GDP", "FOS", "HMG"})
_SIGN_OFF = (
    r"(?:(?i:yours\s+(?:sincerely|faithfully|truly))|(?:With\s+)?(?:Kind|Best|Warm|Many)\s+"
    r"(?i:regards|thanks|wishes)|Regards|Thanks)"
)

PATTERNS = [
    Pattern(
        "email-address",
        "an email address",
        HIGH,
        REMOVE + CONTACT,
        re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ),
    Pattern(
        "email-address",
        "an email address written out",
        HIGH,
        REMOVE + CONTACT,
        re.compile(
            rf"(?<![\w.+-])(?:[\w+-]+{_DOT})*[\w+-]+\s*(?:[(\[{{]\s*at\s*[)\]}}]|\s+at\s+)\s*"
            rf"(?:[A-Za-z0-9-]+{_DOT})+(?:uk|com|org|net|gov|nhs|police|ac|info|io|me|eu|scot|wales)\b",
            re.IGNORECASE,
        ),
        # " at " and "." are everyday words and stops; a spelled-out "dot" or "(at)" is not.
        lambda m: _SPELLED_OUT.search(m.group()) is not None,
    ),
    Pattern(
        "uk-phone-number",
        "a UK phone number",
        HIGH,
        REMOVE + CONTACT,
        re.compile(
            r"(?<![\w+.])(?:(?:\+|00)44[ .-]?(?:\(0\)[ .-]?)?|\(?0)[1-9](?:[ .)-]{0,2}\d){8,9}"
            r"(?![\d-]|\.\d)"
        ),
    ),
    Pattern(
        "national-insurance-number",
        "a National Insurance number",
        HIGH,
        REMOVE,
        re.compile(
            r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            r" ?\d{2} ?\d{2} ?\d{2}(?: ?[A-D])?\b",
            re.IGNORECASE,
        ),
        _national_insurance,
    ),
    Pattern(
        "nhs-number",
        "an NHS number",
        HIGH,
        REMOVE,
        re.compile(r"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])"),
        _nhs,
    ),
    Pattern(
        "bank-details",
        "a bank sort code or account number",
        HIGH,
        REMOVE,
        re.compile(
            r"\b(?:sort\s*code|s/c)\s*(?:is|:|-|no\.?)?\s*\d{2}[ -]?\d{2}[ -]?\d{2}\b"
            r"|\b\d{2}-\d{2}-\d{2}[ ,]+(?:a/c\s*|account\s*(?:no\.?|number)?\s*)?\d{8}\b"
            r"|\b(?:account\s*(?:no\.?|number)|a/c(?:\s*no\.?)?)\s*(?:is|:|-)?\s*\d{8}\b",
            re.IGNORECASE,
        ),
    ),
    Pattern(
        "passport-number",
        "a passport number",
        HIGH,
        REMOVE,
        re.compile(
            r"\bpassport\b[^.\n]{0,30}?\b(?P<found>[A-Z]{0,2}\d{9}|\d{9}[A-Z]{0,3})\b",
            re.IGNORECASE,
        ),
    ),
    Pattern(
        "postcode",
        "a full postcode",
        HIGH,
        REMOVE + CONTACT,
        # A full postcode has its inward part ("1AB"); a district alone ("NS1") is allowed.
        re.compile(
            r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE
        ),
        _postcode,
    ),
    Pattern(
        "street-address",
        "a street address",
        HIGH,
        REMOVE + CONTACT,
        re.compile(
            rf"\b\d{{1,3}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}"
            rf"(?:{'|'.join(_STREET_WORDS.split())})\b(?!['’-])"
        ),
        lambda m: _NOT_HOMES.search(m.group()) is None,
    ),
    Pattern(
        "vehicle-registration",
        "a vehicle registration",
        MEDIUM,
        REMOVE,
        re.compile(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-HJ-PR-Y]\d{1,3} ?[A-Z]{3})\b", re.IGNORECASE),
        _registration,
    ),
    Pattern(
        "date-of-birth",
        "a date of birth",
        HIGH,
        REMOVE,
        re.compile(
            rf"\b{_BIRTH}(?:\d{{1,2}}(?:st|nd|rd|th)?[\s/.-]+(?:\d{{1,2}}|{_MONTH})[\s/.,-]+\d{{2,4}}"
            rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
            rf"|{_MONTH},?\s+\d{{4}}|\d{{1,2}}[/.-]\d{{4}})",
            re.IGNORECASE,
        ),
    ),
    Pattern(
        "age-and-place",
        "an age with a place or date",
        MEDIUM,
        "remove the age, or the place or date beside it",
        re.compile(
            r"\b(?i:aged)\s+\d{1,3},?\s+(?:of|from)\s+[A-Z][a-z]+"
            r"|\b\d{1,3}[- ]years?[- ]old(?:\s+[a-z]+){0,2},?\s+(?:of|from)\s+[A-Z][a-z]+"
            r"|\(\d{1,3}\),?\s+(?:of|from)\s+[A-Z][a-z]+"
            rf"|\b(?i:aged)\s+\d{{1,3}},?\s+(?:on|at|in)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH})\s+\d{{4}}"
        ),
    ),
    Pattern(
        "ip-address",
        "an IP address",
        MEDIUM,
        REMOVE,
        re.compile(
            r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)"
            r"(?!\d|\.\d)"
            r"|(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
            r"|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?![\w:])",
            re.IGNORECASE,
        ),
        _ip_address,
    ),
    Pattern(
        "card-number",
        "a payment card number",
        HIGH,
        REMOVE,
        re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])"),
        _card,
    ),
    Pattern(
        "name-after-title",
        "a name after a title or rank",
        MEDIUM,
        NAME_FIX + CONTACT,
        re.compile(
            rf"(?<![\w-])(?P<found>(?P<title>{_TITLE})\.?"
            rf"(?:\s+(?P<collar>\d{{2,5}}))?(?:\s+(?P<name>{_NAME}))?)(?![\w-])"
        ),
        _named,
    ),
    Pattern(
        "salutation-name",
        "a name in a salutation",
        MEDIUM,
        NAME_FIX + CONTACT,
        re.compile(rf"\bDear\s+(?P<found>{_SURNAME}(?:\s+{_SURNAME})?)\b"),
        _salutation,
    ),
    Pattern(
        "labelled-name",
        "a name after a label such as Name: or Case officer:",
        MEDIUM,
        NAME_FIX + CONTACT,
        re.compile(
            rf"(?:(?m:^)[ \t]*|(?<=[.;,|] ))(?:(?P<name_label>{_NAME_LABEL})|{_WHO_LABEL})"
            rf"\s*:[ \t]*(?P<found>(?:[A-Z]\.?[ \t]+){{0,2}}{_LABELLED_WORD}"
            rf"(?:(?<=[A-Z]{{2}}),?[ \t]+{_LABELLED_WORD}|[ \t]+{_LABELLED_WORD}){{0,2}})"
            r"(?![\w'’-])"
        ),
        _labelled,
    ),
    Pattern(
        "sign-off-name",
        "a name under a sign-off",
        MEDIUM,
        NAME_FIX + CONTACT,
        re.compile(
            rf"\b{_SIGN_OFF}[,.!]?\s+(?P<found>(?:[A-Z]\.?\s+)?{_SURNAME}(?:\s+{_SURNAME})?)"
        ),
        _signed,
    ),
]
