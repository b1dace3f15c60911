"""Run one function over many items in worker processes, results in the items' order.

``aidlint check --jobs N`` checks files this way: each file is independent, so the output is the same
bytes whatever N is, as long as results are put back in order (they are: ``Executor.map`` keeps it).
Small runs stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Sequence

#: Below this many items per worker, the work stays in this process.
MIN_ITEMS_PER_WORKER = 4

_worker_state: tuple[Callable, Any] | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_in_order(
    work: Callable[[Any, Any], Any],
    items: Sequence[Any],
    shared: Any,
    jobs: int,
    on_done: Callable[[int], None] | None = None,
) -> list[Any]:
    """``[work(item, shared) for item in items]``, spread over up to ``jobs`` processes.

    ``work`` must be a module-level function; ``shared`` is sent to each worker once."""
    workers = min(jobs, len(items) // MIN_ITEMS_PER_WORKER)
    if workers <= 1:
        results = []
        for item in items:
            results.append(work(item, shared))
            if on_done:
                on_done(len(results))
        return results
    # Several small batches per worker: a slow file does not hold up the others, and progress moves.
    size = max(1, len(items) // (workers * 8))
    batches = [items[start : start + size] for start in range(0, len(items), size)]
    results: list[Any] = []
    with _start_pool(workers, work, shared) as pool:
        for batch_results in pool.map(_run_batch, batches):
            results.extend(batch_results)
            if on_done:
                on_done(len(results))
    return results


def _start_pool(workers: int, work: Callable, shared: Any):
    # Imported here: multiprocessing costs start-up time that a run of a few files never needs.
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(work, shared))


def _context():
    import multiprocessing

    # fork starts a worker in milliseconds with everything already imported; elsewhere (macOS, Windows)
    # the platform's default is the safe choice.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def _start_worker(work: Callable, shared: Any) -> None:
    global _worker_state
    _worker_state = (work, shared)


def _run_batch(batch: Sequence[Any]) -> list[Any]:
    work, shared = _worker_state
    return [work(item, shared) for item in batch]
