"""Python's cycle collector, tuned for a build that holds the whole log in memory.

By default the collector runs after every 700 new container objects, and each full run
walks every object alive. A build keeps tens of thousands of records (and millions of
objects) alive while it makes hundreds of thousands more, so the default spends more time
collecting than building, and the time grows faster than the log. Collecting after 100,000
new objects instead keeps the cost in proportion; memory still stays bounded, because
cycles are still collected.

The log and everything made from it end as garbage in cycles. Python's own shutdown goes
through such garbage more than once, which took a second at 10,000 records; one
collection just before it leaves the shutdown nothing to do.
"""

from __future__ import annotations

import atexit
import gc

THRESHOLDS = (100_000, 50, 100)  # new objects; young collections; middle collections


def collect_less_often() -> None:
    gc.set_threshold(*THRESHOLDS)
    atexit.register(_collect_before_shutdown)


def _collect_before_shutdown() -> None:
    gc.collect()
    gc.freeze()  # what is left lives until the process ends: nothing to go through again
