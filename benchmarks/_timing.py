"""The timing helper every benchmark script shares."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(action: Callable[[], object], runs: int, *, warm_up: bool = True) -> float:
    """Median wall time of ``runs`` calls of ``action``, in milliseconds.

    One untimed call first (``warm_up``) so imports and caches are not counted.
    """
    if warm_up:
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
