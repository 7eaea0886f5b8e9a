"""The HTTP headers a host should send with the site, worked out from the settings.

The site has no inline script or style, so the Content-Security-Policy allows only the
site itself, plus the origins of the optional scripts (which load only after consent)
and the feedback endpoint.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from foilog.settings import SiteSettings

HEADERS_FILE = "_headers"  # the format Netlify and Cloudflare Pages read


def _origin(address: str) -> str:
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"


def _sources(*origins: str) -> str:
    return " ".join(["'self'", *dict.fromkeys(origins)])


def content_security_policy(site: SiteSettings) -> str:
    # Scripts served from the site itself ("/static/…") are already covered by 'self'.
    scripts = [_origin(s.src) for c in site.cookie_categories for s in c.scripts if "://" in s.src]
    contacted = [*scripts, *(_origin(h) for c in site.cookie_categories for h in c.hosts)]
    endpoint = [_origin(site.feedback_endpoint)] if site.feedback_endpoint else []
    forms = endpoint or (["mailto:"] if site.feedback_email else [])
    directives = [
        "default-src 'self'",
        # Pagefind's search runs WebAssembly compiled from the site's own files.
        f"script-src {_sources(*scripts)} 'wasm-unsafe-eval'",
        f"connect-src {_sources(*contacted, *endpoint)}",
        f"img-src {_sources(*contacted)}",
        f"form-action {_sources(*forms)}",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def security_headers(site: SiteSettings) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(site),
        # Pages about sensitive subjects must not leak their address to other sites.
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
    }


def headers_file(site: SiteSettings) -> str:
    """Every page of the log gets the same headers: its path pattern (`/*`, or `/foi/*` under
    FOILOG_URL_PREFIX, leaving the site's other pages alone) and one `Name: value` line each.
    The file goes at the output folder's root, where hosts read it."""
    rule = f"/{site.url_prefix}*"
    lines = [rule, *(f"  {name}: {value}" for name, value in security_headers(site).items())]
    return "\n".join(lines) + "\n"
