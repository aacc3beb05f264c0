"""Limits, each with a message to the client: sessions, per key, attempts, login, idle, stall."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncssh
import pytest

from tests.serve.sshclient import (
    WAIT,
    connect,
    new_key,
    open_terminal,
    rate_first_question,
    serving,
)
from tui.serve.options import Limits


async def refusal_of(conn: asyncssh.SSHClientConnection) -> str:
    """Open a pty session that the server should refuse; return what it said on stderr."""
    process = await conn.create_process(term_type="xterm", term_size=(80, 24))
    said = await asyncio.wait_for(process.stderr.read(), WAIT)
    await asyncio.wait_for(process.wait_closed(), WAIT)
    assert process.exit_status == 1
    return str(said)


async def test_sessions_per_key_and_in_all_are_limited(tmp_path: Path) -> None:
    alice, bob, carol = new_key(), new_key(), new_key()
    async with serving(tmp_path, Limits(max_sessions=2, max_per_key=1)) as served:
        first = await connect(served, alice)
        _, screen = await open_terminal(first)
        await screen.wait_for(b"Topics")

        again = await connect(served, alice)
        assert "this key already has 1 sessions open" in await refusal_of(again)

        second = await connect(served, bob)
        _, screen = await open_terminal(second)
        await screen.wait_for(b"Topics")

        third = await connect(served, carol)
        assert "the server is full (2 sessions are running)" in await refusal_of(third)

        first.close()
        await asyncio.sleep(0)
        for _ in range(int(WAIT / 0.05)):
            if served.hub.slots.total < 2:
                break
            await asyncio.sleep(0.05)
        later = await connect(served, carol)
        _, screen = await open_terminal(later)
        await screen.wait_for(b"Topics")
        for conn in (second, later):
            conn.close()
        await served.until_idle()
        assert served.hub.slots.total == 0


async def test_connection_attempts_per_address_are_limited(tmp_path: Path) -> None:
    key = new_key()
    async with serving(tmp_path, Limits(attempts_per_minute=2)) as served:
        for _ in range(2):
            conn = await connect(served, key)
            conn.close()
        with pytest.raises(asyncssh.DisconnectError) as refused:
            await connect(served, key)
        assert "too many connection attempts from your address" in refused.value.reason


class SlowClient(asyncssh.SSHClient):
    """A client that takes its time choosing a key."""

    async def public_key_auth_requested(self) -> None:
        await asyncio.sleep(WAIT)


async def test_a_login_that_takes_too_long_is_told_so(tmp_path: Path) -> None:
    async with serving(tmp_path, Limits(login_seconds=0.5)) as served:
        with pytest.raises(asyncssh.DisconnectError) as refused:
            await connect(served, client_factory=SlowClient)
        assert "login timeout" in refused.value.reason


async def test_an_idle_session_is_closed_with_a_message_and_keeps_its_ratings(
    tmp_path: Path,
) -> None:
    key = new_key()
    async with serving(tmp_path, Limits(idle_seconds=6)) as served:
        conn = await connect(served, key)
        chan, screen = await open_terminal(conn)
        await rate_first_question(served, key, chan, screen, expected=1)
        await screen.wait_closed()
        assert b"no key pressed for 0.1 minutes" in screen.output
        assert b"Your ratings are saved" in screen.output
        await served.until_idle()
        assert served.reviews(key) == 1
        assert "reason=idle" in served.log_lines("disconnect")[0]


async def test_a_client_that_stops_reading_is_disconnected(tmp_path: Path) -> None:
    limits = Limits(stall_seconds=0.5, write_buffer_bytes=4096)
    async with serving(tmp_path, limits) as served:
        conn = await connect(served, new_key(), window=2048, max_pktsize=1024)
        chan, screen = await open_terminal(conn)
        chan.pause_reading()
        await asyncio.wait_for(conn.wait_closed(), WAIT)
        await served.until_idle()
        assert "reason=client-stopped-reading" in served.log_lines("disconnect")[0]
        assert len(screen.output) < 64 * 1024


async def test_a_login_that_opens_no_session_is_disconnected(tmp_path: Path) -> None:
    async with serving(tmp_path, Limits(login_seconds=0.5)) as served:
        conn = await connect(served, new_key())
        await asyncio.wait_for(conn.wait_closed(), WAIT)
        assert "why=no-session" in served.log_lines("refused")[0]


async def test_a_refused_second_session_leaves_the_first_on_the_same_connection(
    tmp_path: Path,
) -> None:
    key = new_key()
    async with serving(tmp_path, Limits(max_per_key=1)) as served:
        conn = await connect(served, key)
        chan, screen = await open_terminal(conn)
        await screen.wait_for(b"Topics")
        assert "this key already has 1 sessions open" in await refusal_of(conn)
        await asyncio.sleep(1.5)  # past the moment a refused-only connection would be closed
        await rate_first_question(served, key, chan, screen, expected=1)
        conn.close()
        await served.until_idle()
