"""Production settings: `make publish` uses these on top of pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The address the site is published at, with no trailing slash. Override with SITEURL=...
SITEURL = os.environ.get("SITEURL", "https://foi.northshire.example")
RELATIVE_URLS = False

# Security headers: the build writes output/_headers (read as-is by Netlify and Cloudflare
# Pages) with the headers every page must be served with. On another host, set them in the
# server's configuration; for example, for the example settings, in nginx:
#   add_header Content-Security-Policy
#     "default-src 'self'; script-src 'self' … 'wasm-unsafe-eval'; …" always;
#   add_header Referrer-Policy "same-origin" always;
#   add_header X-Content-Type-Options "nosniff" always;
# Copy the exact policy from output/_headers: it follows FOILOG_COOKIE_CATEGORIES and
# FOILOG_FEEDBACK_ENDPOINT. See docs/settings.md, "Security headers".

# Every publish-guard finding stops the build unless a record's review accepts it.
FOILOG_GUARD = "error"
