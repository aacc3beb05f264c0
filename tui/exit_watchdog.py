"""The last line of defence: end the process if a shutdown does not finish in time."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable

EXIT_GRACE_S = 3.0
"""Seconds a shutdown may take after a hang-up, SIGTERM or a lost terminal before the
process is ended anyway. Every acknowledged rating is already committed by then (each one is
committed before the screen moves on), so the forced exit only skips tidying up."""

EXIT_FORCED = 1
"""The exit status of a forced exit."""


class ExitWatchdog:
    """Once armed, closes the store and ends the process if it is still running after a grace."""

    def __init__(
        self,
        close_store: Callable[[], None],
        grace_s: float = EXIT_GRACE_S,
        end_process: Callable[[int], object] = os._exit,
    ) -> None:
        self._close_store = close_store
        self._grace_s = grace_s
        self._end_process = end_process
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self.reason: str | None = None

    @property
    def armed(self) -> bool:
        """Whether a forced exit is pending."""
        return self._timer is not None

    def arm(self, reason: str) -> None:
        """Start the grace period (the first call wins; later calls change nothing)."""
        with self._lock:
            if self._timer is not None:
                return
            self.reason = reason
            self._timer = threading.Timer(self._grace_s, self._fire)
            self._timer.daemon = True
            self._timer.name = "genai-tui-exit-watchdog"
            self._timer.start()

    def _fire(self) -> None:
        """Close the database connection, then end the process without further clean-up."""
        with contextlib.suppress(Exception):
            self._close_store()
        self._end_process(EXIT_FORCED)
