"""Development settings: `make html` and `make devserver` use these. See docs/settings.md."""

from pathlib import Path

ROOT = Path(__file__).parent

SITENAME = "Northshire Police disclosure log"
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

PATH = "content"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# atomic_output must stay last: it swaps the finished build into OUTPUT_PATH.
PLUGINS = ["disclosure_records", "disclosure_pages", "browser_search", "atomic_output"]

# The log -------------------------------------------------------------------------------
FOILOG_DISCLOSURES_PATH = str(ROOT / "disclosures")
FOILOG_AUTHORITY = "Northshire Police"
FOILOG_PER_PAGE = 10
FOILOG_BRAND = {"primary": "#1d3c6e", "link": "#1a5ea8", "focus": "#ffbf47"}

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
