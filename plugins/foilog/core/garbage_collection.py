"""Python's cycle collector, tuned for a build that holds the whole log in memory.

By default the collector runs after every 700 new container objects, and each full run
walks every object alive. A build keeps tens of thousands of records (and millions of
objects) alive while it makes hundreds of thousands more, so the default spends more time
collecting than building, and the time grows faster than the log. Collecting after 100,000
new objects instead keeps the cost in proportion; memory still stays bounded, because
cycles are still collected.

The log and everything made from it end as garbage in cycles. Python's own shutdown goes
through such garbage more than once, which took a second at 10,000 records, and one
collection of it just before took 5.8 s at 100,000. Instead every object still alive is
frozen at exit: the shutdown's collections pass over frozen objects, and the memory goes
back when the process ends. (Every file the build writes is closed as it is written, so
nothing waits on a collection to be flushed.)

The records read back from the cache last the whole build, and reading 100,000 of them
made the collector pass over them again and again as they were made, and at every later
full run: three to four seconds of a rebuild. So each is put out of its reach as it is
read (`LongLived`), as the objects alive at exit are; a record that had to be checked may
leave garbage in cycles, which is collected first. The next load of records in the same
process gives them back to the collector.
"""

from __future__ import annotations

import atexit
import gc

THRESHOLDS = (100_000, 50, 100)  # new objects; young collections; middle collections


def collect_less_often() -> None:
    gc.set_threshold(*THRESHOLDS)
    atexit.register(_freeze_before_shutdown)


def _freeze_before_shutdown() -> None:
    gc.freeze()


class LongLived:
    """Puts the objects alive now out of the cycle collector's reach, for the rest of the
    process (gc.freeze), once any garbage in cycles made since it last did is collected."""

    def __init__(self) -> None:
        # What an earlier build in this process kept (a server that builds again on each
        # change, or a test run) may be collected again.
        gc.unfreeze()
        self._garbage_since = False

    def made_garbage(self) -> None:
        """Objects made since the last `keep` may be garbage in cycles."""
        self._garbage_since = True

    def keep(self) -> None:
        if self._garbage_since:
            # Once anything is frozen, only what was made since is passed over.
            gc.collect()
            self._garbage_since = False
        gc.freeze()
