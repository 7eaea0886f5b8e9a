"""Every FOILOG_* setting is read and checked here, and nowhere else. See docs/settings.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from foilog.core.slugs import slugify
from foilog.core.translation import N_
from foilog.records.register import ExemptionRegister, RegisterError
from foilog.records.working_days import JURISDICTIONS
from foilog.settings.accessibility import AccessibilitySettings, read_accessibility
from foilog.settings.case_register import CaseRegisterSource, read_case_register
from foilog.settings.consent import (
    ESSENTIAL_COOKIES,
    WEB_ADDRESS,
    CookieCategory,
    CookieInfo,
    consent_config,
    read_cookie_categories,
)
from foilog.settings.contrast import AA_TEXT, TEXT, WHITE, contrast_ratio
from foilog.settings.languages import DEFAULT_LANGUAGES, read_language_paths, read_languages
from foilog.settings.layout import OWN_BASE_TEMPLATE, read_base_template, read_url_prefix
from foilog.settings.topic_names import read_topic_names

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHASES = {"alpha": N_("Alpha"), "beta": N_("Beta")}  # FOILOG_PHASE: the banner's tag
DEFAULT_PHASE_TEXT = N_("This is a new service. Your feedback will help us to improve it.")
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_BRAND = {
    "primary": "#1d3c6e",  # header and footer background
    "link": "#1a5ea8",
    "focus": "#ffbf47",  # focus highlight
}
# What each brand colour must stand out against: (its background or text, what that is).
BRAND_PAIRS = {
    "primary": (WHITE, "the white header text"),
    "link": (WHITE, "the white page"),
    "focus": (TEXT, "the #0b0c0c focused text"),
}
# The log's parts that a site can turn off: each is on unless its setting is False.
PARTS = {
    "feeds": "FOILOG_FEEDS",
    "open_data": "FOILOG_OPEN_DATA",
    "search": "FOILOG_SEARCH",
    "statistics": "FOILOG_STATISTICS",
    "security_headers": "FOILOG_SECURITY_HEADERS",
    "accessibility_statement": "FOILOG_ACCESSIBILITY_STATEMENT",
}
KNOWN = {
    *PARTS.values(),
    "FOILOG_DISCLOSURES_PATH",
    "FOILOG_PER_PAGE",
    "FOILOG_EXEMPTIONS",
    "FOILOG_AUTHORITY",
    "FOILOG_LOGO",
    "FOILOG_BRAND",
    "FOILOG_COOKIE_POLICY_VERSION",
    "FOILOG_COOKIE_CATEGORIES",
    "FOILOG_PHASE",
    "FOILOG_PHASE_TEXT",
    "FOILOG_FEEDBACK_LINK",
    "FOILOG_FEEDBACK_ENDPOINT",
    "FOILOG_FEEDBACK_EMAIL",
    "FOILOG_QUICK_EXIT_URL",
    "FOILOG_SENSITIVE_TOPICS",
    "FOILOG_ACCESSIBILITY",
    "FOILOG_GUARD",
    "FOILOG_GUARD_THRESHOLD",
    "FOILOG_GUARD_ALLOW_ZERO",
    "FOILOG_GUARD_CONTACTS",
    "FOILOG_GUARD_ALLOWED_TYPES",
    "FOILOG_JURISDICTION",
    "FOILOG_FEED_ITEMS",
    "FOILOG_MAX_RECORD_BYTES",
    "FOILOG_SEARCH_SHARD_PAGES",
    "FOILOG_SEARCH_FIRST_PAGES",
    "FOILOG_CASE_REGISTER",
    "FOILOG_CASE_REGISTER_MAPPING",
    "FOILOG_URL_PREFIX",
    "FOILOG_BASE_TEMPLATE",
    "FOILOG_LANGUAGES",
    "FOILOG_LANGUAGE_PATHS",
    "FOILOG_TOPIC_NAMES",
}
GUARD_MODES = ("error", "warning")
# Feeds, the sitemap and open data need absolute addresses. While SITEURL is empty (the
# development settings), they use the address `make serve` serves the site on.
DEVELOPMENT_SITEURL = "http://localhost:8000"
# A record is a page or two of text; a file far larger is a mistake (a pasted export, say)
# and is refused before it is parsed.
DEFAULT_MAX_RECORD_BYTES = 1_000_000
# Most pages in one shard of the search index: Pagefind indexes one again in a few seconds.
DEFAULT_SEARCH_SHARD_PAGES = 2500
# Pages a first search reads, newest first: about 150 KB of download for a common word.
DEFAULT_SEARCH_FIRST_PAGES = 5000


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class GuardSettings:
    """How the publish guard judges findings (see docs/publish-guard.md)."""

    mode: str = "error"  # "error" stops the build; "warning" only reports
    threshold: int = 5  # counts from 1 to threshold - 1 must be suppressed
    allow_zero: bool = True
    contacts: tuple[str, ...] = ()  # the authority's own published contact details
    allowed_types: frozenset[str] = frozenset()  # extra attachment suffixes: ".png"


@dataclass(frozen=True)
class SiteSettings:
    sitename: str
    siteurl: str
    disclosures_path: Path
    per_page: int
    authority: str
    logo: str | None
    brand: dict[str, str]
    accessibility: AccessibilitySettings
    jurisdiction: str  # a key of working_days.JURISDICTIONS: whose bank holidays count
    cache_path: Path  # Pelican's CACHE_PATH; the Whoosh index lives in it
    feed_items: int
    register: ExemptionRegister = field(repr=False)
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    search_shard_pages: int = DEFAULT_SEARCH_SHARD_PAGES
    search_first_pages: int = DEFAULT_SEARCH_FIRST_PAGES
    cookie_policy_version: str = "1"
    cookie_categories: tuple[CookieCategory, ...] = ()
    phase: str | None = None
    phase_text: str = DEFAULT_PHASE_TEXT
    feedback_link: str | None = None  # None: the site's own feedback page
    feedback_endpoint: str | None = None
    feedback_email: str | None = None
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    sensitive_topics: frozenset[str] = frozenset()  # topic slugs
    # Problems worth telling staff that do not stop the build, one line each.
    warnings: tuple[str, ...] = ()
    guard: GuardSettings = field(default_factory=GuardSettings)
    case_register: CaseRegisterSource | None = None  # every request, for the statistics
    url_prefix: str = ""  # "" (the log is the whole site) or folders ending in "/": "foi/"
    base_template: str = OWN_BASE_TEMPLATE  # the template every log page is put into
    languages: tuple[str, ...] = DEFAULT_LANGUAGES  # codes, the main language first
    # Each language's folder under the log's address: "" for the main one, "cy/".
    language_paths: dict[str, str] = field(default_factory=lambda: {"en": ""})
    language: str = "en"  # the language of the pages being made (`in_language`)
    # FOILOG_TOPIC_NAMES: language to topic slug to the topic's name on its pages.
    topic_names: dict[str, dict[str, str]] = field(default_factory=dict)

    def in_language(self, language: str) -> SiteSettings:
        """These settings for pages in `language`: `url` is that language's tree."""
        # Asked for on every page written, so the settings already in it are not copied.
        return self if language == self.language else replace(self, language=language)

    @property
    def phase_label(self) -> str | None:
        """The phase banner's tag: "Beta"."""
        return PHASES[self.phase] if self.phase else None

    def topic_name(self, slug: str, written: str) -> str:
        """A topic's name on pages in this language: its FOILOG_TOPIC_NAMES name there, or
        the topic as the records write it."""
        return self.topic_names.get(self.language, {}).get(slug, written)

    @property
    def main_language(self) -> str:
        return self.languages[0]

    @property
    def language_path(self) -> str:
        """The folder of this language's pages under the log's address: "" or "cy/"."""
        return self.language_paths[self.language]

    @property
    def files_url(self) -> str:
        """The address of the log's styles, scripts, attachments and data, which every
        language shares: the log's address in its main language."""
        return self._under(self.siteurl, self.main_language)

    @property
    def essential_cookies(self) -> tuple[CookieInfo, ...]:
        return ESSENTIAL_COOKIES

    @property
    def consent_config(self) -> dict[str, Any]:
        return consent_config(self.cookie_policy_version, self.cookie_categories)

    @cached_property
    def consent_json(self) -> Markup:
        """The consent configuration as JSON safe in an HTML attribute, made once per build."""
        return htmlsafe_json_dumps(self.consent_config)

    @property
    def url(self) -> str:
        """The log's address for links in its pages: SITEURL and the prefix, with no
        trailing slash ("" when the log is the whole site and SITEURL is empty)."""
        return self._under(self.siteurl)

    @property
    def absolute_url(self) -> str:
        """The log's address in full, for feeds, open data and the sitemap: SITEURL (or the
        development address when it is empty) and the prefix; no trailing slash."""
        return self._under(self.siteurl or DEVELOPMENT_SITEURL)

    def _under(self, root: str, language: str | None = None) -> str:
        under = self.url_prefix + self.language_paths[language or self.language]
        return f"{root}/{under.rstrip('/')}" if under else root

    def url_in(self, language: str) -> str:
        """The log's address in `language`, for links between the languages' pages."""
        return self._under(self.siteurl, language)

    def absolute_url_in(self, language: str) -> str:
        return self._under(self.siteurl or DEVELOPMENT_SITEURL, language)

    def output_path(self, relative: str) -> str:
        """Where a log file goes in the output folder: `relative` under the prefix (and the
        folder of the language of the pages being made)."""
        return self.url_prefix + self.language_path + relative


def uses_log(settings: dict[str, Any]) -> bool:
    """Whether a site uses the log: it has a FOILOG_ setting or a disclosures folder. A site
    that merely has the package installed builds exactly as it would without it."""
    return any(name.startswith("FOILOG_") for name in settings) or Path("disclosures").is_dir()


def enabled_parts(settings: dict[str, Any]) -> frozenset[str]:
    """The parts of the log this site builds (read_settings refuses a setting that is not
    True or False)."""
    return frozenset(part for part, name in PARTS.items() if settings.get(name, True) is not False)


def read_settings(settings: dict[str, Any]) -> SiteSettings:
    """Check the site's settings and return them typed; raise SettingsError listing every fault."""
    faults: list[str] = []
    unknown = sorted(k for k in settings if k.startswith("FOILOG_") and k not in KNOWN)
    faults += [f"{k}: unknown setting (known: {', '.join(sorted(KNOWN))})" for k in unknown]

    def get(name: str, default: Any, kind: type | tuple[type, ...], what: str) -> Any:
        value = settings.get(name, default)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            faults.append(f"{name}: expected {what}; found {value!r}")
            return default
        return value

    def count(name: str, default: int) -> int:
        value: int = get(name, default, int, "a whole number of at least 1")
        if value < 1:
            faults.append(f"{name}: expected a whole number of at least 1; found {value}")
        return value

    sitename = get("SITENAME", "Disclosure log", str, "text")
    per_page = count("FOILOG_PER_PAGE", 20)
    feed_items = count("FOILOG_FEED_ITEMS", 50)
    brand = {**DEFAULT_BRAND, **get("FOILOG_BRAND", {}, dict, "a mapping of colour names")}
    for name, colour in brand.items():
        if name not in DEFAULT_BRAND:
            faults.append(
                f"FOILOG_BRAND: unknown colour {name!r} (known: {', '.join(DEFAULT_BRAND)})"
            )
        elif not isinstance(colour, str) or not _COLOUR.match(colour):
            faults.append(
                f"FOILOG_BRAND[{name!r}]: expected a colour such as #1d3c6e; found {colour!r}"
            )
    colours_ok = all(isinstance(c, str) and _COLOUR.match(c) for c in brand.values())
    warnings = brand_warnings(brand) if colours_ok and set(brand) == set(DEFAULT_BRAND) else []
    accessibility = read_accessibility(
        get("FOILOG_ACCESSIBILITY", {}, dict, "a mapping of statement fields"), faults
    )
    jurisdiction = get("FOILOG_JURISDICTION", "england-and-wales", str, "text")
    if jurisdiction not in JURISDICTIONS:
        known = ", ".join(JURISDICTIONS)
        faults.append(f"FOILOG_JURISDICTION: expected one of {known}; found {jurisdiction!r}")
        jurisdiction = "england-and-wales"
    try:
        register = ExemptionRegister.load(
            get("FOILOG_EXEMPTIONS", {}, dict, "a mapping of act to sections")
        )
    except RegisterError as error:
        faults.append(f"FOILOG_EXEMPTIONS: {error}")
        register = ExemptionRegister.load()
    version = get("FOILOG_COOKIE_POLICY_VERSION", "1", (str, int), "a version such as 1 or 2025-06")
    categories = read_cookie_categories(
        get("FOILOG_COOKIE_CATEGORIES", [], (list, tuple), "a list of cookie categories"), faults
    )
    phase = get("FOILOG_PHASE", None, (str, type(None)), "alpha, beta or None")
    if phase is not None and phase not in PHASES:
        faults.append(f"FOILOG_PHASE: expected alpha, beta or None; found {phase!r}")
        phase = None
    feedback_link = _web_address(settings, "FOILOG_FEEDBACK_LINK", None, faults)
    endpoint = _web_address(settings, "FOILOG_FEEDBACK_ENDPOINT", None, faults)
    email = get("FOILOG_FEEDBACK_EMAIL", None, (str, type(None)), "an email address, or None")
    if email is not None and not _EMAIL.match(email):
        faults.append(f"FOILOG_FEEDBACK_EMAIL: expected an email address; found {email!r}")
    topics = get("FOILOG_SENSITIVE_TOPICS", [], (list, tuple), "a list of topics")
    if not all(isinstance(topic, str) for topic in topics):
        faults.append(f"FOILOG_SENSITIVE_TOPICS: expected a list of topics; found {topics!r}")
        topics = []
    guard = _read_guard(get, faults)
    case_register = read_case_register(settings, faults)
    for name in PARTS.values():
        get(name, True, bool, "True or False")
    languages = read_languages(settings, faults)
    result = SiteSettings(
        sitename=sitename,
        siteurl=get("SITEURL", "", str, "an address such as https://foi.example.org").rstrip("/"),
        disclosures_path=Path(get("FOILOG_DISCLOSURES_PATH", "disclosures", str, "a folder path")),
        per_page=per_page,
        authority=get("FOILOG_AUTHORITY", sitename, str, "text"),
        logo=get("FOILOG_LOGO", None, (str, type(None)), "a path under the site, or None"),
        brand=brand,
        accessibility=accessibility,
        jurisdiction=jurisdiction,
        cache_path=Path(get("CACHE_PATH", "cache", str, "a folder path")),
        feed_items=feed_items,
        register=register,
        max_record_bytes=count("FOILOG_MAX_RECORD_BYTES", DEFAULT_MAX_RECORD_BYTES),
        search_shard_pages=count("FOILOG_SEARCH_SHARD_PAGES", DEFAULT_SEARCH_SHARD_PAGES),
        search_first_pages=count("FOILOG_SEARCH_FIRST_PAGES", DEFAULT_SEARCH_FIRST_PAGES),
        cookie_policy_version=str(version).strip() or "1",
        cookie_categories=categories,
        phase=phase,
        phase_text=get("FOILOG_PHASE_TEXT", DEFAULT_PHASE_TEXT, str, "text"),
        feedback_link=feedback_link,
        feedback_endpoint=endpoint,
        feedback_email=email,
        quick_exit_url=_web_address(
            settings, "FOILOG_QUICK_EXIT_URL", DEFAULT_QUICK_EXIT_URL, faults
        )
        or DEFAULT_QUICK_EXIT_URL,
        sensitive_topics=frozenset(slugify(topic) for topic in topics),
        warnings=tuple(warnings),
        guard=guard,
        case_register=case_register,
        url_prefix=read_url_prefix(settings, faults),
        base_template=read_base_template(settings, faults),
        languages=languages,
        language_paths=read_language_paths(settings, languages, faults),
        language=languages[0],
        topic_names=read_topic_names(settings, faults),
    )
    if not result.disclosures_path.is_dir():
        faults.append(
            "FOILOG_DISCLOSURES_PATH: expected a folder of records; "
            f"found no folder {result.disclosures_path}"
        )
    if faults:
        raise SettingsError("\n".join(faults))
    return result


def _web_address(
    settings: dict[str, Any], name: str, default: str | None, faults: list[str]
) -> str | None:
    value = settings.get(name, default)
    if value is None or (isinstance(value, str) and WEB_ADDRESS.match(value)):
        return value
    faults.append(f"{name}: expected an address such as https://example.org/…; found {value!r}")
    return default


def brand_warnings(brand: dict[str, str]) -> list[str]:
    """One line for each brand colour that fails WCAG AA against what it sits behind or under."""
    lines = []
    for name, (other, what) in BRAND_PAIRS.items():
        ratio = contrast_ratio(brand[name], other)
        if ratio < AA_TEXT:
            lines.append(
                f"FOILOG_BRAND[{name!r}]: {brand[name]} has a contrast of {ratio:.2f}:1 against "
                f"{what}; WCAG AA needs at least {AA_TEXT}:1"
            )
    return lines


def _read_guard(get: Any, faults: list[str]) -> GuardSettings:
    mode = get("FOILOG_GUARD", "error", str, '"error" or "warning"')
    if mode not in GUARD_MODES:
        faults.append(f'FOILOG_GUARD: expected "error" or "warning"; found {mode!r}')
        mode = "error"
    threshold = get("FOILOG_GUARD_THRESHOLD", 5, int, "a whole number of at least 1")
    if threshold < 1:
        faults.append(
            f"FOILOG_GUARD_THRESHOLD: expected a whole number of at least 1; found {threshold}"
        )
        threshold = 5
    contacts = get("FOILOG_GUARD_CONTACTS", [], (list, tuple), "a list of contact details")
    if not all(isinstance(c, str) and c.strip() for c in contacts):
        faults.append(
            "FOILOG_GUARD_CONTACTS: expected a list of email addresses, phone numbers or "
            f"postcodes as text; found {contacts!r}"
        )
        contacts = []
    types = get("FOILOG_GUARD_ALLOWED_TYPES", [], (list, tuple), 'a list of suffixes like ".png"')
    if not all(isinstance(t, str) and re.fullmatch(r"\.?[A-Za-z0-9]+", t) for t in types):
        faults.append(
            'FOILOG_GUARD_ALLOWED_TYPES: expected a list of file suffixes such as ".png"; '
            f"found {types!r}"
        )
        types = []
    return GuardSettings(
        mode=mode,
        threshold=threshold,
        allow_zero=get("FOILOG_GUARD_ALLOW_ZERO", True, bool, "True or False"),
        contacts=tuple(c.strip() for c in contacts),
        allowed_types=frozenset("." + t.lower().lstrip(".") for t in types),
    )
