"""Production settings: `make publish` uses these on top of pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The address the site is published at, with no trailing slash. Override with SITEURL=...
SITEURL = os.environ.get("SITEURL", "https://foi.northshire.example")
RELATIVE_URLS = False

# Every publish-guard finding stops the build unless a record's review accepts it.
FOILOG_GUARD = "error"
