"""Test helpers: a `serve` server in the test's event loop, and an asyncssh client terminal."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncssh

from tui.serve.accounts import Account, account_for, count_reviews
from tui.serve.auth import KeyPolicy, fingerprint
from tui.serve.child import dashboard_command
from tui.serve.hostkey import load_or_create_host_key
from tui.serve.hub import Hub
from tui.serve.log import EventLog
from tui.serve.options import Limits
from tui.serve.server import start_server, stop_sessions

WAIT = 60.0  # a bound against hanging, never a timing assertion


class RecordingPolicy(KeyPolicy):
    """A key policy that remembers every key it was asked about, in order."""

    def __init__(self, authorized: asyncssh.SSHAuthorizedKeys | None) -> None:
        super().__init__(authorized)
        self.asked: list[str] = []

    def allows(self, key: asyncssh.SSHKey, peer_host: str, peer_addr: str) -> bool:
        self.asked.append(fingerprint(key))
        return super().allows(key, peer_host, peer_addr)


@dataclass
class Served:
    """A running server: its hub, port, host key and what it logged."""

    hub: Hub
    port: int
    host_key: asyncssh.SSHKey
    log: io.StringIO
    policy: RecordingPolicy

    def account(self, key: asyncssh.SSHKey) -> Account:
        """The account the server keeps for a client key."""
        return account_for(self.hub.data_dir, fingerprint(key))

    def reviews(self, key: asyncssh.SSHKey) -> int:
        """Ratings recorded in a key's account."""
        return count_reviews(self.account(key).db)

    def log_lines(self, event: str) -> list[str]:
        """The log lines of one event kind."""
        return [line for line in self.log.getvalue().splitlines() if f" {event} " in line]

    async def until_idle(self) -> None:
        """Wait until every session has ended and been reaped."""
        for _ in range(int(WAIT / 0.05)):
            if not self.hub.sessions:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("sessions still running")


@asynccontextmanager
async def serving(
    tmp_path: Path,
    limits: Limits | None = None,
    authorized_keys: Path | None = None,
    command: Sequence[str] | None = None,
) -> AsyncIterator[Served]:
    """Start a server on 127.0.0.1 with an ephemeral port; stop it and its sessions after."""
    data_dir = tmp_path / "serve"
    host_key, _ = load_or_create_host_key(data_dir / "host_ed25519")
    authorized = asyncssh.read_authorized_keys(str(authorized_keys)) if authorized_keys else None
    policy = RecordingPolicy(authorized)
    log = io.StringIO()
    hub = Hub.create(
        data_dir,
        policy,
        limits or Limits(),
        tuple(command or dashboard_command(())),
        EventLog(log),
    )
    acceptor = await start_server(hub, "127.0.0.1", 0, host_key)
    try:
        yield Served(hub, acceptor.get_port(), host_key, log, policy)
    finally:
        acceptor.close()
        await stop_sessions(hub)
        await acceptor.wait_closed()


def new_key() -> asyncssh.SSHKey:
    """A fresh ed25519 client key."""
    return asyncssh.generate_private_key("ssh-ed25519")


async def connect(served: Served, *keys: Any, **options: Any) -> asyncssh.SSHClientConnection:
    """An asyncssh client connection with these keys and no agent, trusting the host key."""
    return await asyncio.wait_for(
        asyncssh.connect(
            "127.0.0.1",
            served.port,
            known_hosts=None,
            client_keys=list(keys),
            username=options.pop("username", "someone"),
            **{"agent_path": None, **options},
        ),
        WAIT,
    )


@dataclass
class Screen(asyncssh.SSHClientSession[bytes]):
    """Collects every byte the server sends on a session channel."""

    output: bytearray = field(default_factory=bytearray)
    closed: asyncio.Event = field(default_factory=asyncio.Event)

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self.output += data

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed.set()

    async def wait_for(self, text: bytes) -> None:
        """Wait until `text` has arrived (bounded)."""
        for _ in range(int(WAIT / 0.05)):
            if text in self.output:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"{text!r} never arrived; got {bytes(self.output[-300:])!r}")

    async def wait_closed(self) -> None:
        """Wait until the server closes the channel (bounded)."""
        await asyncio.wait_for(self.closed.wait(), WAIT)


async def open_terminal(
    conn: asyncssh.SSHClientConnection,
    size: tuple[int, int] = (100, 30),
    term: str = "xterm-256color",
    **options: Any,
) -> tuple[asyncssh.SSHClientChannel[bytes], Screen]:
    """An interactive session with a pty, as `ssh -t` opens."""
    chan, screen = await conn.create_session(
        Screen, term_type=term, term_size=size, encoding=None, **options
    )
    return chan, screen


async def rate_first_question(
    served: Served, key: asyncssh.SSHKey, chan: Any, screen: Screen, expected: int
) -> None:
    """Open the first topic, reveal the first answer, rate it Good; wait until it is saved."""
    await screen.wait_for(b"Topics")
    for keys in (b"\r", b" ", b"3"):
        mark = len(screen.output)
        chan.write(keys)
        for _ in range(int(WAIT / 0.05)):
            if len(screen.output) > mark:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
    for _ in range(int(WAIT / 0.05)):
        if served.reviews(key) >= expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"rating never reached {served.account(key).db}")


def process_gone(pid: int) -> bool:
    """Whether a pid no longer exists at all (not even as a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def hung_child_command() -> list[str]:
    """A stand-in dashboard that ignores SIGHUP and never exits on its own."""
    code = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "sys.stdout.write('Topics\\n'); sys.stdout.flush()\n"
        "time.sleep(600)\n"
    )
    return [sys.executable, "-c", code]
