"""One SSH session: checks, then bridges the channel and the dashboard's pty both ways."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

import asyncssh

from tui.serve.accounts import Account, account_for, count_reviews, open_account
from tui.serve.child import RESET_TERMINAL, PtyChild, child_environment, safe_term
from tui.serve.hub import Hub
from tui.serve.limits import clamp_size

HOW_TO_CONNECT = (
    "this server offers an interactive terminal only: connect with `ssh -t -p {port} HOST` "
    "and no command"
)
READ_CHUNK = 65536
MAX_PENDING_INPUT = 64 * 1024


@dataclass(frozen=True)
class Identity:
    """Who is on the other end: the key that signed, and the peer address."""

    fingerprint: str
    peer: str


class DashboardSession(asyncssh.SSHServerSession[bytes]):
    """Runs one dashboard process for one SSH session channel."""

    def __init__(
        self, hub: Hub, identity: Identity, on_refused: Callable[[], None] = lambda: None
    ) -> None:
        """A session for an authenticated key; `on_refused` runs if it is refused."""
        self._hub = hub
        self._identity = identity
        self._on_refused = on_refused
        self._done = False
        self._chan: asyncssh.SSHServerChannel[bytes] | None = None
        self._term: str | None = None
        self._size = (80, 24)
        self._has_pty = False
        self._command: str | None = None
        self._child: PtyChild | None = None
        self._slot = False
        self._ending: str | None = None
        self._started = time.monotonic()
        self._last_input = time.monotonic()
        self._idle_timer: asyncio.TimerHandle | None = None
        self._stall_timer: asyncio.TimerHandle | None = None
        self._kill_timer: asyncio.TimerHandle | None = None
        self._pending = bytearray()
        self._reading = False
        self._input_paused = False
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """Whether this session is still waiting to start or running (not refused, not over)."""
        return not self._done

    # asyncssh callbacks -------------------------------------------------------------------

    def connection_made(self, chan: asyncssh.SSHServerChannel[bytes]) -> None:
        """Keep the channel and bound its output buffer."""
        self._chan = chan
        chan.set_write_buffer_limits(high=self._hub.limits.write_buffer_bytes)

    def pty_requested(
        self, term_type: str, term_size: tuple[int, int, int, int], term_modes: object
    ) -> bool:
        """Accept a pty; remember TERM and the clamped size."""
        self._has_pty = True
        self._term = safe_term(term_type)
        self._size = self._clamp(term_size[0] or 80, term_size[1] or 24)
        return True

    def shell_requested(self) -> bool:
        """Accept; the shell is the dashboard."""
        return True

    def exec_requested(self, command: str) -> bool:
        """Accept, only to answer with how to connect (see session_started)."""
        self._command = command
        return True

    def subsystem_requested(self, subsystem: str) -> bool:
        """Refuse every subsystem (sftp included)."""
        self._hub.log.event(
            "refused", peer=self._identity.peer, key=self._identity.fingerprint, subsystem=subsystem
        )
        return False

    def session_started(self) -> None:
        """Refuse exec and pty-less sessions, check the limits, then start the dashboard."""
        if self._command is not None or not self._has_pty:
            what = "exec" if self._command is not None else "no-pty"
            self._refuse(what, HOW_TO_CONNECT.format(port=self._local_port()))
            return
        refusal = self._hub.slots.take(self._identity.fingerprint)
        if refusal:
            self._refuse("limit", refusal)
            return
        self._slot = True
        self._hub.sessions.add(self)
        self._task = asyncio.get_running_loop().create_task(self._run())

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        """Keys from the client go to the dashboard's pty."""
        self._last_input = time.monotonic()
        if self._child is None or self._ending:
            return
        self._pending += data
        self._flush_input()

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        """A window-change request: resize the pty (clamped), so the child gets SIGWINCH."""
        self._size = self._clamp(width or self._size[0], height or self._size[1])
        if self._child is not None:
            with contextlib.suppress(OSError):
                self._child.resize(*self._size)

    def eof_received(self) -> bool:
        """The client will send no more keys: end the session."""
        self.end("eof")
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        """The channel or the link is gone: hang up the dashboard."""
        self._chan = None
        self.end("link-closed")

    def pause_writing(self) -> None:
        """The client is not reading: stop reading the pty and start the stall clock."""
        self._stop_reading()
        loop = asyncio.get_running_loop()
        if self._stall_timer is None:
            self._stall_timer = loop.call_later(self._hub.limits.stall_seconds, self._stalled)

    def resume_writing(self) -> None:
        """The client caught up: read the pty again."""
        if self._stall_timer is not None:
            self._stall_timer.cancel()
            self._stall_timer = None
        self._start_reading()

    # ending -------------------------------------------------------------------------------

    def _stalled(self) -> None:
        """The client has not read its output for too long: drop the whole connection.

        The channel cannot close politely while its output is stuck, so the connection is
        disconnected (an SSH message outside the channel's window) and nothing more is queued.
        """
        self._stall_timer = None
        chan, self._chan = self._chan, None
        self.end("client-stopped-reading")
        conn = chan.get_extra_info("connection") if chan is not None else None
        if conn is not None:
            conn.disconnect(
                asyncssh.DISC_BY_APPLICATION, "output not read for too long; disconnected"
            )

    def end(self, reason: str, message: str | None = None) -> None:
        """Stop the session: tell the client why (if it listens), hang up and reap the child."""
        if self._ending:
            return
        self._ending = reason
        self._stop_reading()
        self._say_goodbye(message, 0)
        child = self._child
        if child is not None and child.process.poll() is None:
            child.hang_up()
            loop = asyncio.get_running_loop()
            self._kill_timer = loop.call_later(
                self._hub.limits.hangup_grace_seconds, child.signal, signal.SIGKILL
            )

    def _say_goodbye(self, message: str | None, status: int) -> None:
        """Restore the client's terminal, print a last line, close the channel."""
        chan, self._chan = self._chan, None
        if chan is None:
            return
        with contextlib.suppress(OSError, asyncssh.Error):
            if self._child is not None:
                chan.write(RESET_TERMINAL)
            if message:
                chan.write(f"\r\ngenai-tui: {message}\r\n".encode())
            chan.exit(status)

    def _local_port(self) -> str:
        """The port the client connected to, for the how-to-connect line."""
        sockname = self._chan.get_extra_info("sockname") if self._chan is not None else None
        return str(sockname[1]) if sockname else "PORT"

    def _refuse(self, what: str, message: str) -> None:
        """Answer a session we will not run with one line, then close it."""
        self._done = True
        self._hub.log.event(
            "refused",
            peer=self._identity.peer,
            key=self._identity.fingerprint,
            why=what,
            command=self._command if self._command is not None else "",
        )
        chan, self._chan = self._chan, None
        if chan is None:
            return
        with contextlib.suppress(OSError, asyncssh.Error):
            chan.write_stderr(f"genai-tui: {message}\r\n".encode())
            chan.exit(1)
        self._on_refused()

    # the dashboard process ----------------------------------------------------------------

    async def _run(self) -> None:
        """Start the dashboard, wait for it to end, log the session, free its slot."""
        loop = asyncio.get_running_loop()
        account = account_for(self._hub.data_dir, self._identity.fingerprint)
        before = 0
        status = 1
        try:
            before = await loop.run_in_executor(None, self._prepare, account)
            if self._ending:
                return
            env = child_environment(self._term, self._client_env(), account, self._hub.cache_dir)
            self._child = PtyChild.spawn(self._hub.command, env, account.home, self._size)
            self._log("connect")
            self._start_reading()
            self._arm_idle_timer()
            status = await self._child.wait()
        except OSError as error:
            self._hub.log.event("error", peer=self._identity.peer, problem=str(error))
            self.end("server-error", "the session could not start; please try again later")
        finally:
            await self._finish(loop, account, before, status)

    def _prepare(self, account: Account) -> int:
        """Create the account if new (off the event loop); return its current rating count."""
        open_account(account)
        return count_reviews(account.db)

    async def _finish(
        self, loop: asyncio.AbstractEventLoop, account: Account, before: int, status: int
    ) -> None:
        """After the child has been reaped: flush, close, count ratings, log, free the slot."""
        for timer in (self._idle_timer, self._stall_timer, self._kill_timer):
            if timer is not None:
                timer.cancel()
        child = self._child
        if child is not None:
            self._drain_output(child)
        self._ending = self._ending or "dashboard-exited"
        if child is not None:
            self._stop_reading()
            child.close_master()
            child.signal(signal.SIGKILL)  # anything the dashboard left in its process group
        self._say_goodbye(None, status)
        after = await loop.run_in_executor(None, count_reviews, account.db)
        if child is not None:
            self._log(
                "disconnect",
                duration=f"{time.monotonic() - self._started:.1f}s",
                ratings=after - before,
                reason=self._ending,
                status=status,
            )
        if self._slot:
            self._slot = False
            self._hub.slots.give_back(self._identity.fingerprint)
        self._hub.sessions.discard(self)
        self._done = True

    def _client_env(self) -> dict[str, str]:
        """The environment variables the client sent (only COLORTERM and NO_COLOR are used)."""
        if self._chan is None:
            return {}
        try:
            return dict(self._chan.get_environment())
        except (UnicodeDecodeError, ValueError):
            return {}

    def _log(self, event: str, **extra: object) -> None:
        """One log line about this session."""
        self._hub.log.event(
            event,
            peer=self._identity.peer,
            key=self._identity.fingerprint,
            term=self._term or "",
            size=f"{self._size[0]}x{self._size[1]}",
            **extra,
        )

    # pty <-> channel ----------------------------------------------------------------------

    def _start_reading(self) -> None:
        """Forward the dashboard's output as it comes."""
        child = self._child
        if child is None or self._reading or self._ending or self._stall_timer is not None:
            return
        asyncio.get_running_loop().add_reader(child.master, self._pty_readable)
        self._reading = True

    def _stop_reading(self) -> None:
        """Stop watching the pty master."""
        if self._reading and self._child is not None:
            asyncio.get_running_loop().remove_reader(self._child.master)
        self._reading = False

    def _pty_readable(self) -> None:
        """Copy one chunk of output to the client; stop at the end of the pty."""
        child = self._child
        assert child is not None
        try:
            data = os.read(child.master, READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:  # EIO: the dashboard closed its terminal
            data = b""
        if not data:
            self._stop_reading()
            return
        self._send(data)

    def _drain_output(self, child: PtyChild) -> None:
        """Send whatever the dashboard wrote before it exited (bounded)."""
        if self._ending or self._chan is None:
            return
        for _ in range(64):
            try:
                data = os.read(child.master, READ_CHUNK)
            except OSError:
                return
            if not data:
                return
            self._send(data)

    def _send(self, data: bytes) -> None:
        """Write to the client if the channel is still open."""
        if self._chan is not None:
            with contextlib.suppress(OSError, asyncssh.Error):
                self._chan.write(data)

    def _flush_input(self) -> None:
        """Write pending keys to the pty; hold back the client if the dashboard is not reading."""
        child = self._child
        if child is None or self._ending:
            return
        loop = asyncio.get_running_loop()
        while self._pending:
            try:
                written = os.write(child.master, self._pending)
            except BlockingIOError:
                break
            except OSError:
                self._pending.clear()
                break
            del self._pending[:written]
        if self._pending:
            loop.add_writer(child.master, self._flush_input)
            if len(self._pending) > MAX_PENDING_INPUT and self._chan is not None:
                self._chan.pause_reading()
                self._input_paused = True
        else:
            loop.remove_writer(child.master)
            if self._input_paused and self._chan is not None:
                self._chan.resume_reading()
                self._input_paused = False

    # timers -------------------------------------------------------------------------------

    def _arm_idle_timer(self) -> None:
        """Check for idleness when the idle time could next have run out."""
        remaining = self._last_input + self._hub.limits.idle_seconds - time.monotonic()
        loop = asyncio.get_running_loop()
        if remaining <= 0:
            minutes = self._hub.limits.idle_seconds / 60
            self.end(
                "idle",
                f"no key pressed for {minutes:g} minutes, so the session was closed. "
                "Your ratings are saved; connect again to go on.",
            )
            return
        self._idle_timer = loop.call_later(remaining, self._arm_idle_timer)

    def _clamp(self, columns: int, rows: int) -> tuple[int, int]:
        """The terminal size limited to the server's maximum."""
        limits = self._hub.limits
        return clamp_size(columns, rows, limits.max_columns, limits.max_rows)
