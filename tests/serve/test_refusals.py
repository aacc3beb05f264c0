"""Only an interactive shell with a pty: exec, no-pty, forwarding and sftp are refused."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import asyncssh
import pytest

from tests.serve.sshclient import WAIT, Screen, connect, new_key, open_terminal, serving

GENAI = Path(sys.executable).parent / "genai-tui"


async def test_exec_gets_one_line_on_how_to_connect_and_is_closed(tmp_path: Path) -> None:
    key = new_key()
    async with serving(tmp_path) as served:
        conn = await connect(served, key)
        result = await asyncio.wait_for(conn.run("cat /etc/passwd; echo \x1b[2J"), WAIT)
        assert result.exit_status == 1
        assert f"ssh -t -p {served.port} HOST" in str(result.stderr)
        assert str(result.stderr).count("\n") == 1
        assert result.stdout == ""
        await asyncio.wait_for(conn.wait_closed(), WAIT)
        assert not served.hub.sessions
        refused = served.log_lines("refused")
        assert "why=exec" in refused[0] and "\x1b" not in served.log.getvalue()
        assert "command=cat\\x20/etc/passwd" in refused[0]


async def test_a_session_without_a_pty_is_refused(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        process = await conn.create_process()
        stderr = await asyncio.wait_for(process.stderr.read(), WAIT)
        await asyncio.wait_for(process.wait_closed(), WAIT)
        assert process.exit_status == 1
        assert "interactive terminal only" in stderr
        assert "why=no-pty" in served.log_lines("refused")[0]


async def test_port_forwarding_and_sftp_are_refused(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        with pytest.raises(asyncssh.ChannelOpenError):
            await conn.create_connection(asyncssh.SSHTCPSession, "127.0.0.1", served.port)
        with pytest.raises(asyncssh.ChannelListenError):
            await conn.forward_remote_port("127.0.0.1", 0, "127.0.0.1", served.port)
        with pytest.raises((asyncssh.SFTPError, asyncssh.ChannelOpenError)):
            await conn.start_sftp_client()
        conn.close()


async def test_agent_and_x11_forwarding_requests_are_refused(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(
            served,
            new_key(),
            agent_forwarding=True,
            agent_path=str(tmp_path / "agent.sock"),
            x11_forwarding="ignore_failure",
            x11_display="127.0.0.1:0",
            x11_auth_path=str(tmp_path / "Xauthority"),
        )
        _chan, screen = await conn.create_session(
            Screen, term_type="xterm", term_size=(80, 24), encoding=None
        )
        await screen.wait_for(b"Topics")
        # The server advertises no agent or X11 forwarding: asyncssh's server channel
        # records neither for this session.
        server_chan = next(iter(served.hub.sessions))._chan
        assert server_chan is not None
        assert server_chan.get_x11_display() is None
        assert server_chan.get_agent_path() is None
        conn.close()
        await served.until_idle()


def test_serve_refuses_to_start_without_authorized_keys_or_open(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(GENAI), "serve", "--data-dir", str(tmp_path / "serve"), "--listen", "127.0.0.1:0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "--authorized-keys FILE" in result.stderr and "--open" in result.stderr
    assert not (tmp_path / "serve").exists()


def start_cli_server(data_dir: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """Start `genai-tui serve --open` on an ephemeral port; return it and its first lines."""
    server = subprocess.Popen(
        [str(GENAI), "serve", "--open", "--listen", "127.0.0.1:0", "--data-dir", str(data_dir)],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    lines = []
    while True:
        line = server.stderr.readline()
        assert line, "server ended before listening"
        lines.append(line)
        if " listening " in line:
            return server, lines


def stop_cli_server(server: subprocess.Popen[str]) -> int:
    """SIGTERM the server and reap it."""
    server.send_signal(signal.SIGTERM)
    return server.wait(timeout=30)


def test_host_key_is_generated_private_and_reused(tmp_path: Path) -> None:
    data_dir = tmp_path / "serve"
    server, first = start_cli_server(data_dir)
    assert stop_cli_server(server) == 0
    host_key = data_dir / "host_ed25519"
    assert (host_key.stat().st_mode & 0o777) == 0o600
    assert "new host key" in first[0]
    printed = first[0].rsplit(" ", 1)[1].strip()
    assert f"host_key={printed}" in first[-1]
    server, second = start_cli_server(data_dir)
    assert stop_cli_server(server) == 0
    assert not any("new host key" in line for line in second)
    assert f"host_key={printed}" in second[-1]


def test_a_host_key_others_can_read_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "serve"
    server, _ = start_cli_server(data_dir)
    stop_cli_server(server)
    os.chmod(data_dir / "host_ed25519", 0o644)
    result = subprocess.run(
        [str(GENAI), "serve", "--open", "--listen", "127.0.0.1:0", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "chmod 600" in result.stderr and "Traceback" not in result.stderr


async def test_the_client_sees_the_same_host_key_on_every_start(tmp_path: Path) -> None:
    seen = []
    for _ in range(2):
        async with serving(tmp_path) as served:
            conn = await connect(served, new_key())
            seen.append(conn.get_server_host_key().get_fingerprint())
            conn.close()
    assert seen[0] == seen[1]


async def test_open_terminal_helper_reports_a_weird_term_safely(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        conn = await connect(served, new_key())
        _chan, screen = await open_terminal(conn, term="xterm\x1b]52;c;aGk=\x07")
        await screen.wait_for(b"Topics")
        conn.close()
        await served.until_idle()
        line = served.log_lines("connect")[0]
        assert "term=xterm " in line and "\x1b" not in served.log.getvalue()
