"""Each session's dashboard process: its pty, its size, its environment, and its end."""

from __future__ import annotations

import asyncio
import fcntl
import struct
import termios
from pathlib import Path

from tests.serve.sshclient import (
    connect,
    hung_child_command,
    new_key,
    open_terminal,
    process_gone,
    serving,
)
from tui.serve.options import Limits
from tui.serve.session import DashboardSession


def only_session(sessions: set[DashboardSession]) -> DashboardSession:
    """The one running session."""
    (session,) = sessions
    return session


def pty_size(session: DashboardSession) -> tuple[int, int]:
    """The (columns, rows) the child's terminal has."""
    assert session._child is not None
    packed = fcntl.ioctl(session._child.master, termios.TIOCGWINSZ, b"\0" * 8)
    rows, columns, _, _ = struct.unpack("HHHH", packed)
    return columns, rows


async def test_a_resize_reaches_the_child_and_is_clamped(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        chan, screen = await open_terminal(conn, size=(100, 30))
        await screen.wait_for(b"Topics")
        session = only_session(served.hub.sessions)
        assert pty_size(session) == (100, 30)
        mark = len(screen.output)
        chan.change_terminal_size(120, 44)
        # The dashboard repaints for 44 rows: it moves the cursor to row 44, which a 30-row
        # screen does not have.
        await screen.wait_for(b"\x1b[44;")
        assert b"\x1b[44;" in screen.output[mark:]
        assert pty_size(session) == (120, 44)
        chan.change_terminal_size(5000, 5000)
        for _ in range(100):
            if pty_size(session) != (120, 44):
                break
            await asyncio.sleep(0.05)
        assert pty_size(session) == (300, 100)
        conn.close()
        await served.until_idle()


async def test_a_dropped_link_leaves_no_child_process(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        _, screen = await open_terminal(conn)
        await screen.wait_for(b"Topics")
        session = only_session(served.hub.sessions)
        assert session._child is not None
        pid = session._child.pid
        assert not process_gone(pid)
        conn.abort()
        await served.until_idle()
        assert process_gone(pid)  # exited and reaped: not even a zombie
        assert "reason=link-closed" in served.log_lines("disconnect")[0]


async def test_a_child_that_ignores_sighup_is_killed(tmp_path: Path) -> None:
    limits = Limits(hangup_grace_seconds=0.5)
    async with serving(tmp_path, limits, command=hung_child_command()) as served:
        conn = await connect(served, new_key())
        _, screen = await open_terminal(conn)
        await screen.wait_for(b"Topics")
        session = only_session(served.hub.sessions)
        assert session._child is not None
        pid = session._child.pid
        conn.close()
        await served.until_idle()
        assert process_gone(pid)
        assert "status=-9" in served.log_lines("disconnect")[0]


async def test_keys_typed_before_the_app_starts_are_not_echoed(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        chan, screen = await open_terminal(conn)
        chan.write(b"ZYXWVZYXWV")
        await screen.wait_for(b"Topics")
        assert b"ZYXWV" not in screen.output
        conn.close()
        await served.until_idle()


async def test_quitting_the_dashboard_restores_the_terminal_and_closes(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        chan, screen = await open_terminal(conn)
        await screen.wait_for(b"Topics")
        chan.write(b"q")
        await screen.wait_closed()
        tail = bytes(screen.output[-200:])
        assert tail.endswith(b"\x1b[?1049l")
        assert b"\x1b[?1000l" in tail and b"\x1b[?25h" in tail
        assert chan.get_exit_status() == 0
        await served.until_idle()
        assert "reason=dashboard-exited" in served.log_lines("disconnect")[0]


def child_environ(pid: int) -> dict[str, str]:
    """The environment a running process started with."""
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    pairs = [item.split(b"=", 1) for item in raw.split(b"\0") if b"=" in item]
    return {key.decode(): value.decode() for key, value in pairs}


async def test_the_child_environment_is_scrubbed_and_follows_the_client(
    tmp_path: Path, monkeypatch: object
) -> None:
    import os

    os.environ["GENAI_TEST_SECRET"] = "server-only"
    try:
        async with serving(tmp_path) as served:
            key = new_key()
            conn = await connect(served, key)
            _, screen = await open_terminal(
                conn,
                term="xterm-kitty",
                env={"COLORTERM": "truecolor", "NO_COLOR": "", "LD_PRELOAD": "/tmp/x.so"},
            )
            await screen.wait_for(b"Topics")
            session = only_session(served.hub.sessions)
            assert session._child is not None
            env = child_environ(session._child.pid)
            conn.close()
            await served.until_idle()
    finally:
        del os.environ["GENAI_TEST_SECRET"]
    assert "GENAI_TEST_SECRET" not in env and "LD_PRELOAD" not in env
    assert env["TERM"] == "xterm-kitty"
    assert env["COLORTERM"] == "truecolor" and env["NO_COLOR"] == "1"
    assert env["LANG"] == env["LC_ALL"] == "C.UTF-8"
    assert env["GENAI_TUI_DB"] == str(served.account(key).db)
