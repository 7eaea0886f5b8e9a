"""Serve a built site on 127.0.0.1 and drive it in Debian's headless Chromium with Playwright.

Never downloads a browser: Chromium comes from the `chromium` Debian package.
"""

from __future__ import annotations

import functools
import gzip
import io
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # This machine has no network beyond localhost: stop Chromium calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Answers a single byte range (`Range: bytes=START-END`) of a file, as static hosts
    do, unless `ranges` is off (as Python's own server, which sends the whole file)."""

    extra_headers: ClassVar[dict[str, str]] = {}
    ranges: ClassVar[bool] = True

    def send_head(self):  # type: ignore[no-untyped-def]
        asked = re.fullmatch(r"bytes=(\d+)-(\d+)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not (self.ranges and asked and path.is_file()):
            return super().send_head()
        data = path.read_bytes()
        start, end = int(asked.group(1)), min(int(asked.group(2)), len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end + 1 - start))
        self.end_headers()
        return io.BytesIO(data[start : end + 1])

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Compresses text files, as static hosts do, so that downloads can be measured."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in (".js", ".css", ".html", ".json") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(
    folder: Path,
    headers: dict[str, str] | None = None,
    compress: bool = False,
    ranges: bool = True,
) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1, sending `headers` with every response
    (such as a Content-Security-Policy), with `compress` gzip-compressing text files, and
    with `ranges` answering range requests; yields the base address, without a slash."""
    base = _GzipHandler if compress else _QuietHandler
    fields = {"extra_headers": dict(headers or {}), "ranges": ranges}
    handler_class = type("Handler", (base,), fields)
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_until(page: Any, expression: str, seconds: float = 10) -> None:
    """Poll a JavaScript expression from Python until it is true.

    Playwright's wait_for_function evaluates its predicate with eval inside the page, which
    a strict Content-Security-Policy (rightly) blocks; page.evaluate is not affected.
    """
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds} s: {expression}")
        page.wait_for_timeout(50)
