"""The server's limits: connection attempts per address, sessions in all and per key, size."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0
MAX_TRACKED_ADDRESSES = 10_000


class AttemptLimiter:
    """Allows at most N connection attempts per address in any minute."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        """`per_minute` attempts per address per sliding minute."""
        self._per_minute = per_minute
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, address: str) -> bool:
        """Record an attempt from `address`; False if it is over the limit."""
        now = self._clock()
        if len(self._seen) > MAX_TRACKED_ADDRESSES:
            self._forget_before(now - WINDOW_SECONDS)
        times = self._seen.setdefault(address, deque())
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        if len(times) >= self._per_minute:
            return False
        times.append(now)
        return True

    def _forget_before(self, cutoff: float) -> None:
        """Drop addresses whose last attempt is older than `cutoff`, so memory stays bounded."""
        for address in [a for a, times in self._seen.items() if not times or times[-1] <= cutoff]:
            del self._seen[address]


class SessionSlots:
    """Counts running sessions, in all and per key, against the two maxima."""

    def __init__(self, max_sessions: int, max_per_key: int) -> None:
        """Limits for the whole server and for one key."""
        self.max_sessions = max_sessions
        self.max_per_key = max_per_key
        self.total = 0
        self._per_key: dict[str, int] = {}

    def take(self, key: str) -> str | None:
        """Take a slot for `key`; returns why not (a message for the client) or None."""
        if self.total >= self.max_sessions:
            return (
                f"the server is full ({self.max_sessions} sessions are running); "
                "please try again later"
            )
        if self._per_key.get(key, 0) >= self.max_per_key:
            return (
                f"this key already has {self.max_per_key} sessions open; "
                "close one and connect again"
            )
        self.total += 1
        self._per_key[key] = self._per_key.get(key, 0) + 1
        return None

    def give_back(self, key: str) -> None:
        """Release a slot taken for `key`."""
        self.total -= 1
        left = self._per_key.get(key, 1) - 1
        if left:
            self._per_key[key] = left
        else:
            self._per_key.pop(key, None)


def clamp_size(columns: int, rows: int, max_columns: int, max_rows: int) -> tuple[int, int]:
    """A terminal size the server accepts: at least 1x1, at most max_columns x max_rows."""
    return max(1, min(columns, max_columns)), max(1, min(rows, max_rows))
