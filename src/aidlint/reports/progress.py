"""A progress bar on standard error for long checks, and nothing at all otherwise.

It appears only when standard error is a terminal and the run has already taken a second (a short
run, a pipe or a CI log never sees it), redraws at most ten times a second, and erases itself at the
end so the report starts on a clean line.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

SHOW_AFTER_SECONDS = 1.0
_REDRAW_SECONDS = 0.1
_WIDTH = 30


class ProgressBar:
    def __init__(self, total: int, stream: TextIO, clock=time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None

    def __call__(self, done: int) -> None:
        now = self.clock()
        if now - self.started < SHOW_AFTER_SECONDS or (self.drawn_at is not None and now - self.drawn_at < _REDRAW_SECONDS and done < self.total):
            return
        filled = _WIDTH * done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{self.total} files")
        self.stream.flush()
        self.drawn_at = now

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def terminal_progress(total: int, stream: TextIO | None = None) -> ProgressBar | None:
    stream = stream or sys.stderr
    return ProgressBar(total, stream) if total > 1 and stream.isatty() else None
