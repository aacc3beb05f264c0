"""The dashboard of one session: a child process on its own pty, hung up and reaped at the end."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import tty
from collections.abc import Mapping, Sequence
from pathlib import Path

from tui.serve.accounts import Account

TERM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
FALLBACK_TERM = "xterm"
TRUECOLOR = ("truecolor", "24bit")
# What a terminal needs after an app died without restoring it: attributes, mouse and paste
# reporting off, focus events off, cursor shown, back to the main screen.
RESET_TERMINAL = (
    b"\x1b[0m\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"
    b"\x1b[?1004l\x1b[?2004l\x1b[?25h\x1b[?1049l"
)


def dashboard_command(content_dirs: Sequence[Path]) -> list[str]:
    """The command that runs the normal `genai-tui` dashboard with this interpreter."""
    command = [sys.executable, "-m", "tui"]
    for folder in content_dirs:
        command += ["--content", str(folder)]
    return command


def safe_term(term: str | None) -> str:
    """The client's TERM if it is a plain terminal name, else a safe generic one."""
    return term if term and TERM_NAME.fullmatch(term) else FALLBACK_TERM


def child_environment(
    term: str | None, client_env: Mapping[str, str], account: Account, cache_dir: Path
) -> dict[str, str]:
    """A fresh environment for the dashboard: nothing from the server's, little from the client."""
    home = account.home
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "TERM": safe_term(term),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "GENAI_TUI_DB": str(account.db),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(cache_dir),
    }
    colorterm = client_env.get("COLORTERM", "").lower()
    if colorterm in TRUECOLOR:
        env["COLORTERM"] = colorterm
    if "NO_COLOR" in client_env:
        env["NO_COLOR"] = "1"
    return env


def set_size(fd: int, columns: int, rows: int) -> None:
    """Set a pty's window size; the kernel sends SIGWINCH to its foreground process group."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def make_quiet(fd: int) -> None:
    """Raw mode without echo, so keys typed before the app starts are never echoed back.

    Output processing stays on, so a one-line error printed before the app starts still ends
    its line properly.
    """
    tty.setraw(fd)
    attributes = termios.tcgetattr(fd)
    attributes[1] |= termios.OPOST | termios.ONLCR
    termios.tcsetattr(fd, termios.TCSANOW, attributes)


def _take_terminal() -> None:
    """In the child, after setsid: make the pty on stdin the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyChild:
    """A process running on the slave side of a pty whose master this server holds."""

    def __init__(self, process: subprocess.Popen[bytes], master: int) -> None:
        """Wrap a started process and the pty master (non-blocking)."""
        self.process = process
        self.master = master
        self._hung_up = False

    @classmethod
    def spawn(
        cls, command: Sequence[str], env: Mapping[str, str], cwd: Path, size: tuple[int, int]
    ) -> PtyChild:
        """Start `command` in a new session on a fresh pty of `size` (columns, rows)."""
        master, slave = os.openpty()
        try:
            set_size(slave, *size)
            make_quiet(slave)
            process = subprocess.Popen(
                list(command),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=dict(env),
                cwd=cwd,
                start_new_session=True,
                preexec_fn=_take_terminal,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        os.set_blocking(master, False)
        return cls(process, master)

    @property
    def pid(self) -> int:
        """The child's process id (also its process group and session id)."""
        return self.process.pid

    def resize(self, columns: int, rows: int) -> None:
        """Pass a new window size to the child."""
        if not self._hung_up:
            set_size(self.master, columns, rows)

    def hang_up(self) -> None:
        """Close the master and send SIGHUP, as a dropped terminal line would."""
        self.close_master()
        self.signal(signal.SIGHUP)

    def close_master(self) -> None:
        """Close the server's side of the pty (once)."""
        if not self._hung_up:
            self._hung_up = True
            with contextlib.suppress(OSError):
                os.close(self.master)

    def signal(self, signum: int) -> None:
        """Signal the child's process group, unless the child has already been reaped."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signum)

    async def wait(self) -> int:
        """Wait without blocking the event loop until the child exits; reap it."""
        loop = asyncio.get_running_loop()
        try:
            pidfd = os.pidfd_open(self.process.pid)
        except (OSError, AttributeError):
            while self.process.poll() is None:
                await asyncio.sleep(0.2)
            return self.process.returncode
        exited: asyncio.Future[None] = loop.create_future()

        def on_exit() -> None:
            """The pidfd became readable: the child has exited."""
            if not exited.done():
                exited.set_result(None)

        loop.add_reader(pidfd, on_exit)
        try:
            if self.process.poll() is None:
                await exited
        finally:
            loop.remove_reader(pidfd)
            os.close(pidfd)
        return self.process.wait()
