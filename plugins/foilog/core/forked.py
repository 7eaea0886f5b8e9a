"""Work done in a child process forked from the build, on another core, beside the build.

The publish guard reads the whole log the build has just loaded, and nothing the build
does next needs what it finds until the first page is written. So a build forks a child
with the log already in memory, which runs the guard while the build goes on preparing
its pages, and sends back only what the guard found, pickled, through a pipe. The child
shares the build's memory until either of them writes to it, so it costs the memory it
touches, not a copy of the log.

Pelican shows its "Generating..." status from a thread of its own, so the build has more
than one thread when it forks, and a lock another thread held at that moment stays held
in the child. The child therefore touches none of what such a thread uses: its messages
go through streams of its own onto the same output, not through the parent's streams or
logging handlers (whose locks may be held), and it ends without the parent's exit
handlers (one of them removes the build's folder). Where `os.fork` does not exist
(Windows), and when asked not to fork, the work runs in the build's own process when its
result is asked for.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

Result = TypeVar("Result")


class ForkedWorkError(RuntimeError):
    """The child ended without sending a result (it was killed, or ran out of memory)."""


class Forked(Generic[Result]):
    """`work()` run in a forked child, or in this process when forking is not safe."""

    def __init__(self, work: Callable[[], Result], name: str, fork: bool = True) -> None:
        """`name` is the child's, as `ps` and `top` show it (up to 15 characters)."""
        self._work = work
        self._child: tuple[int, int] | None = None  # the child's pid and its pipe's end
        self.forked = fork and hasattr(os, "fork")  # whether the work runs in a child
        if not self.forked:
            return
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(readable)
            _run_child(work, name, writable)
        os.close(writable)
        self._child = (pid, readable)

    def result(self) -> Result:
        """What the work returned; what it raised is raised here."""
        if self._child is None:
            return self._work()
        pid, readable = self._child
        self._child = None
        with os.fdopen(readable, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(pid, 0)
        if not sent:
            raise ForkedWorkError(
                f"a process of the build ended without a result (wait status {status}); "
                "it may have run out of memory"
            )
        ok, value = pickle.loads(sent)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value


def _run_child(work: Callable[[], Result], name: str, writable: int) -> None:
    """Run `work` and send its result or its error; never returns, and runs none of the
    parent's exit handlers (one of them removes the build's folder)."""
    try:
        with contextlib.suppress(OSError):  # Linux only; the name is for people to see
            Path("/proc/self/comm").write_text(name[:15], encoding="utf-8")
        _own_streams()
        # The inherited objects are the parent's: the child's collector passes over none of
        # them, which would copy the memory of every one.
        gc.freeze()
        try:
            reply: tuple[bool, object] = (True, work())
        except BaseException as error:
            reply = (False, error)
        try:
            sent = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an error that cannot be pickled: its words
            sent = pickle.dumps((False, ForkedWorkError(f"{reply[1]!r} ({error})")))
        with os.fdopen(writable, "wb") as pipe:
            pipe.write(sent)
    finally:
        os._exit(0)


def _own_streams() -> None:
    """Standard output and error, and logging, through objects of the child's own."""
    for name, descriptor in (("stdout", 1), ("stderr", 2)):
        with contextlib.suppress(OSError, ValueError):
            stream = open(descriptor, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
            stream.reconfigure(line_buffering=True)
            setattr(sys, name, stream)
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.propagate = True
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, force=True)
