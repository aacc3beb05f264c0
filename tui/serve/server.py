"""The asyncssh server: public-key login, identity by the signing key, one session per channel."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

import asyncssh

from tui.serve.auth import fingerprint
from tui.serve.hub import Hub
from tui.serve.session import DashboardSession, Identity


class StudyServer(asyncssh.SSHServer):
    """One SSH connection: rate limit, login timer, public-key auth, then dashboard sessions."""

    def __init__(self, hub: Hub) -> None:
        """A handler for one incoming connection."""
        self._hub = hub
        self._conn: asyncssh.SSHServerConnection | None = None
        self._peer_host = ""
        self._peer = "?"
        self._validated: asyncssh.SSHKey | None = None
        self._fingerprint: str | None = None
        self._login_timer: asyncio.TimerHandle | None = None
        self._sessions: list[DashboardSession] = []

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        """Count the attempt against the peer's address; start the login clock."""
        self._conn = conn
        peername = conn.get_extra_info("peername") or ("?", 0)
        self._peer_host = str(peername[0])
        self._peer = f"{peername[0]}:{peername[1]}"
        loop = asyncio.get_running_loop()
        if not self._hub.attempts.allow(self._peer_host):
            self._hub.log.event("refused", peer=self._peer, why="attempt-rate")
            loop.call_soon(
                self._disconnect,
                asyncssh.DISC_TOO_MANY_CONNECTIONS,
                "too many connection attempts from your address; wait a minute and try again",
            )
            return
        self._login_timer = loop.call_later(self._hub.limits.login_seconds, self._login_expired)

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop the login clock."""
        self._cancel_login_timer()
        self._conn = None

    def begin_auth(self, username: str) -> bool:
        """Always require authentication; the user name is the client's choice and is ignored."""
        return True

    def password_auth_supported(self) -> bool:
        """No passwords."""
        return False

    def kbdint_auth_supported(self) -> bool:
        """No keyboard-interactive."""
        return False

    def public_key_auth_supported(self) -> bool:
        """Public keys are the only way in."""
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        """Whether the key may log in; remember it as the candidate identity.

        asyncssh calls this for unsigned "query" offers as well as for the signed request. It
        runs synchronously, and for a signed request asyncssh verifies the signature and calls
        auth_completed with no await in between, so the key seen last here when auth_completed
        runs is the key that signed, never an earlier offer.
        """
        allowed = self._hub.policy.allows(key, self._peer_host, self._peer_host)
        self._validated = key if allowed else None
        return allowed

    def auth_completed(self) -> None:
        """The signed key is the identity; a session must now be opened in the login time."""
        self._cancel_login_timer()
        if self._validated is not None:
            self._fingerprint = fingerprint(self._validated)
        self._login_timer = asyncio.get_running_loop().call_later(
            self._hub.limits.login_seconds, self._no_session
        )

    def session_requested(self) -> DashboardSession | bool:
        """A dashboard session for the key that signed."""
        self._cancel_login_timer()
        if self._fingerprint is None:
            return False
        session = DashboardSession(
            self._hub, Identity(self._fingerprint, self._peer), self._session_refused
        )
        self._sessions.append(session)
        return session

    def _session_refused(self) -> None:
        """A session was refused: close the connection soon, unless another session runs on it.

        OpenSSH closes by itself once its only channel closes; this is for clients that don't.
        """
        asyncio.get_running_loop().call_later(1.0, self._close_if_unused)

    def _close_if_unused(self) -> None:
        """Close a connection that has no running session."""
        self._sessions = [session for session in self._sessions if session.running]
        if self._conn is not None and not self._sessions:
            self._conn.close()

    def _no_session(self) -> None:
        """Logged in but opened no session (`ssh -N`): nothing to serve, so disconnect."""
        self._login_timer = None
        self._hub.log.event("refused", peer=self._peer, key=self._fingerprint, why="no-session")
        self._disconnect(
            asyncssh.DISC_BY_APPLICATION,
            "no session opened; connect with `ssh -t` to get the dashboard",
        )

    def _login_expired(self) -> None:
        """No accepted key in time: say so and disconnect."""
        self._login_timer = None
        seconds = self._hub.limits.login_seconds
        self._hub.log.event("refused", peer=self._peer, why="login-timeout")
        self._disconnect(
            asyncssh.DISC_NO_MORE_AUTH_METHODS_AVAILABLE,
            f"login timeout: no accepted public key within {seconds:g} seconds",
        )

    def _disconnect(self, code: int, reason: str) -> None:
        """Send a disconnect with a reason the client's ssh prints."""
        if self._conn is not None:
            self._conn.disconnect(code, reason)

    def _cancel_login_timer(self) -> None:
        """Stop the login clock if it runs."""
        if self._login_timer is not None:
            self._login_timer.cancel()
            self._login_timer = None


async def start_server(
    hub: Hub, host: str, port: int, host_key: asyncssh.SSHKey
) -> asyncssh.SSHAcceptor:
    """Listen for SSH connections; everything but an interactive pty session is refused."""
    return await asyncssh.create_server(
        lambda: StudyServer(hub),
        host,
        port,
        server_host_keys=[host_key],
        encoding=None,
        line_editor=False,
        allow_pty=True,
        agent_forwarding=False,
        x11_forwarding=False,
        allow_scp=False,
        sftp_factory=None,
        password_auth=False,
        kbdint_auth=False,
        host_based_auth=False,
        gss_host=None,
        public_key_auth=True,
        login_timeout=hub.limits.login_seconds + 10,
        keepalive_interval=30,
        keepalive_count_max=4,
        reuse_address=True,
    )


async def stop_sessions(hub: Hub) -> None:
    """End every session and wait (bounded) until each child has been reaped."""
    sessions = list(hub.sessions)
    for session in sessions:
        session.end("server-stopping", "the server is shutting down; your ratings are saved")
    for _ in range(int((hub.limits.hangup_grace_seconds + 2) / 0.1)):
        if not hub.sessions:
            return
        await asyncio.sleep(0.1)


async def serve_until_stopped(
    hub: Hub, acceptor: asyncssh.SSHAcceptor, announce: Callable[[], None]
) -> None:
    """Announce once signals are handled; run until SIGTERM, SIGINT or SIGHUP; then stop
    accepting and end the sessions."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(signum, stop.set)
    try:
        announce()
        await stop.wait()
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            with contextlib.suppress(ValueError, RuntimeError):
                loop.remove_signal_handler(signum)
        acceptor.close()
        await stop_sessions(hub)
        with contextlib.suppress(Exception):
            await acceptor.wait_closed()
