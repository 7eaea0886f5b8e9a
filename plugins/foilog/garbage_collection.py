"""Python's cycle collector, tuned for a build that holds the whole log in memory.

By default the collector runs after every 700 new container objects, and each full run
walks every object alive. A build keeps tens of thousands of records (and millions of
objects) alive while it makes hundreds of thousands more, so the default spends more time
collecting than building, and the time grows faster than the log. Collecting after 100,000
new objects instead keeps the cost in proportion; memory still stays bounded, because
cycles are still collected.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 50, 100)  # new objects; young collections; middle collections


def collect_less_often() -> None:
    gc.set_threshold(*THRESHOLDS)
