"""What every connection and session of one server shares: options, policy, limits, log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.serve.auth import KeyPolicy
from tui.serve.limits import AttemptLimiter, SessionSlots
from tui.serve.log import EventLog
from tui.serve.options import Limits

if TYPE_CHECKING:
    from tui.serve.session import DashboardSession


@dataclass
class Hub:
    """The server-wide state, created once per `serve` run."""

    data_dir: Path
    policy: KeyPolicy
    limits: Limits
    command: tuple[str, ...]
    log: EventLog
    slots: SessionSlots
    attempts: AttemptLimiter
    sessions: set[DashboardSession] = field(default_factory=set)

    @classmethod
    def create(
        cls,
        data_dir: Path,
        policy: KeyPolicy,
        limits: Limits,
        command: tuple[str, ...],
        log: EventLog,
    ) -> Hub:
        """A hub with fresh counters."""
        return cls(
            data_dir,
            policy,
            limits,
            command,
            log,
            SessionSlots(limits.max_sessions, limits.max_per_key),
            AttemptLimiter(limits.attempts_per_minute),
        )

    @property
    def cache_dir(self) -> Path:
        """The validated-bank cache the sessions share (the bank is the same for everyone)."""
        return self.data_dir / "cache"
