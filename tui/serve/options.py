"""The settings of one `genai-tui serve` run, checked before anything listens."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LISTEN = "127.0.0.1:2222"


class ServeError(Exception):
    """A problem that stops the server from starting; its text is the one-line message."""


@dataclass(frozen=True)
class Limits:
    """How much the server lets one client, one key and everyone together use."""

    max_sessions: int = 64
    max_per_key: int = 4
    idle_seconds: float = 30 * 60
    login_seconds: float = 30
    attempts_per_minute: int = 20
    stall_seconds: float = 60
    hangup_grace_seconds: float = 3
    max_columns: int = 300
    max_rows: int = 100
    write_buffer_bytes: int = 256 * 1024


@dataclass(frozen=True)
class ServeOptions:
    """Where to listen, which keys get in, where accounts live, and the limits."""

    host: str
    port: int
    host_key: Path
    data_dir: Path
    authorized_keys: Path | None
    open_to_all: bool
    limits: Limits = field(default_factory=Limits)
    content_dirs: tuple[Path, ...] = ()
    child_command: tuple[str, ...] = ()


def parse_listen(text: str) -> tuple[str, int]:
    """Split HOST:PORT (IPv6 as [ADDR]:PORT); raise ServeError on anything else."""
    host, sep, port_text = text.rpartition(":")
    if not sep or not host or not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise ServeError(f"--listen {text!r}: expected HOST:PORT, for example 127.0.0.1:2222")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, int(port_text)


def check_access(authorized_keys: Path | None, open_to_all: bool) -> None:
    """Refuse a server that would let strangers in by default, or that has two key policies."""
    if authorized_keys is None and not open_to_all:
        raise ServeError(
            "choose who may log in: --authorized-keys FILE (only those keys) "
            "or --open (any key, each gets its own account)"
        )
    if authorized_keys is not None and open_to_all:
        raise ServeError("--authorized-keys and --open exclude each other: choose one")
