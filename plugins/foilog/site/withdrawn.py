"""The addresses that withdrawals leave behind, and the `_redirects` file that makes a host
answer them with HTTP 410 Gone.

A withdrawn record's address keeps a page that says it was withdrawn, so a host that
reads no `_redirects` still shows the notice (with status 200). A withdrawn attachment's
address has no file: such a host answers 404, and one that reads `_redirects` answers 410
with the record's page, which no longer lists it.
"""

from __future__ import annotations

from pathlib import Path

from foilog.records.model import DisclosureLog

REDIRECTS_FILE = "_redirects"  # the format Netlify reads
GONE = "410!"  # "!": answer so even though a file is there (the notice)


def redirects_file(log: DisclosureLog, prefix: str) -> str:
    """One line per address gone: `FROM TO 410!`, the notice or the record's page as TO.
    `prefix` is FOILOG_URL_PREFIX: the file is read at the site's root."""
    lines = []
    for disclosure in log.withdrawn:
        page = f"/{prefix}{disclosure.url}"
        lines += [f"{page} {page} {GONE}", f"{page}index.html {page} {GONE}"]
    for disclosure in log.disclosures:
        for attachment in disclosure.attachments:
            if attachment.withdrawn and attachment.file:
                name = Path(attachment.file).name
                page = f"/{prefix}{disclosure.url}"
                lines.append(f"{page}{name} {page} {GONE}")
    return "".join(f"{line}\n" for line in lines)


def gone_addresses(redirects: str) -> set[str]:
    """The addresses, as "disclosures/2025/x/" (from the site's root), that a `_redirects`
    text answers with 410."""
    return {
        fields[0].lstrip("/").removesuffix("index.html")
        for line in redirects.splitlines()
        if len(fields := line.split()) == 3 and fields[2] == GONE
    }
