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
