"""Reading and checking a design without the cyclic garbage collector looking on.

A parse or a check builds many small objects that all stay alive until it ends and form almost no
reference cycles; the collector would rescan the growing heap again and again, and make a big file's
time grow faster than its size. The ``aidlint`` program runs without it (cli.run); library callers get
it paused only around that work.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """Pause automatic collection inside the block, and restore it as it was."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
