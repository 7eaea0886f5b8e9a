"""Development settings: `make html` and `make devserver` use these. See docs/settings.md."""

from pathlib import Path

ROOT = Path(__file__).parent

SITENAME = "Northshire Police disclosure log"
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

PATH = "content"
THEME = "theme"
# The foilog plugin, installed with the project (`pip install`), as any site would use it.
PLUGINS = ["foilog"]

# The log -------------------------------------------------------------------------------
FOILOG_DISCLOSURES_PATH = str(ROOT / "disclosures")
FOILOG_AUTHORITY = "Northshire Police"
FOILOG_PER_PAGE = 5
FOILOG_BRAND = {"primary": "#1d3c6e", "link": "#1a5ea8", "focus": "#ffbf47"}
# Every request received, from the case-management system, for the statistics page
# (docs/statistics.md): an invented register beside the example log.
FOILOG_CASE_REGISTER = str(ROOT / "case-register" / "requests.csv")
FOILOG_CASE_REGISTER_MAPPING = str(ROOT / "case-register" / "mapping.yaml")
FOILOG_ACCESSIBILITY = {"contact_email": "foi@northshire.example", "prepared_on": "2025-06-30"}

# Cookies, phase banner, feedback and quick exit --------------------------------------------
FOILOG_COOKIE_POLICY_VERSION = "1"
FOILOG_COOKIE_CATEGORIES = [
    {
        "name": "analytics",
        "description": "Analytics cookies count visits and the pages people read, "
        "so that we can improve the website. The counts are anonymous.",
        "cookies": [
            {
                "name": "_pk_id.*",
                "purpose": "Tells visits by the same browser apart",
                "expiry": "13 months",
            },
            {
                "name": "_pk_ses.*",
                "purpose": "Groups the pages read in one visit",
                "expiry": "30 minutes",
            },
        ],
        "scripts": [
            {
                "src": "https://analytics.northshire.example/tracker.js",
                "attributes": {"data-site-id": "3"},
            }
        ],
    }
]
FOILOG_PHASE = "beta"
FOILOG_FEEDBACK_EMAIL = "web@northshire.example"
FOILOG_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
FOILOG_SENSITIVE_TOPICS = ["sexual offences", "domestic abuse"]

# The topics' names on the Welsh pages, when the log is built with FOILOG_LANGUAGES =
# ["en", "cy"] (docs/welsh.md); an English-only log does not use them.
FOILOG_TOPIC_NAMES = {
    "cy": {
        "ANPR": "ANPR (adnabod rhifau cerbydau)",
        "arrests": "arestiadau",
        "children": "plant",
        "complaints": "cwynion",
        "cost limit": "terfyn costau",
        "custody": "dalfa",
        "domestic abuse": "cam-drin domestig",
        "drones": "dronau",
        "environment": "amgylchedd",
        "ethnicity": "ethnigrwydd",
        "facial recognition": "adnabod wynebau",
        "finance": "cyllid",
        "firearms": "drylliau",
        "noise": "sŵn",
        "personal information": "gwybodaeth bersonol",
        "police officers": "swyddogion heddlu",
        "police pursuits": "ymlidiau heddlu",
        "road safety": "diogelwch ar y ffyrdd",
        "safeguarding": "diogelu",
        "sex work": "gwaith rhyw",
        "sexual offences": "troseddau rhywiol",
        "stop and search": "stopio a chwilio",
        "surveillance": "gwyliadwriaeth",
        "vehicles": "cerbydau",
        "vexatious requests": "ceisiadau blinderus",
        "violent crime": "troseddau treisgar",
        "workforce": "gweithlu",
    }
}

# The publish guard (docs/publish-guard.md): findings are warnings while drafting here, and
# errors that stop the build in publishconf.py.
FOILOG_GUARD = "warning"
FOILOG_GUARD_THRESHOLD = 5
FOILOG_GUARD_CONTACTS = [
    "foi@northshire.example",
    "dpo@northshire.example",
    "web@northshire.example",
    "NS1 0AA",
]

# Pelican: records are not articles, and the log index replaces the blog index.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["static"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
ARCHIVES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DELETE_OUTPUT_DIRECTORY = True
CACHE_PATH = str(ROOT / ".cache")
