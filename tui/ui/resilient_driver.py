"""Textual's Linux driver, made safe for a terminal that can go away at any moment (SSH)."""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

from tui.ui.terminal_writer import TerminalWriter


class ResilientLinuxDriver(LinuxDriver):
    """LinuxDriver whose output never blocks and whose loss of the terminal ends the app.

    - Frames go through `TerminalWriter`, which drops output once a write fails and never makes
      the app wait, so shutdown cannot hang on a closed pty (Textual 8.2.8's writer can).
    - A failed read of the terminal is a lost terminal too, not a crash with a traceback.
    - The app is told through its `terminal_lost(reason)` method, called on its event loop.
    - SIGCONT resumes application mode only after a suspend (Ctrl+Z). Textual resumes on every
      SIGCONT, and the kernel sends one with SIGHUP when the terminal hangs up: on the dead tty
      `isatty` is false, so Textual skipped its own check and started a second writer and key
      thread, which is how its writer queue filled up and shutdown hung.
    """

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._output: TerminalWriter | None = None
        self._lost_once = threading.Lock()
        self.terminal_lost = False
        self._suspended = False

    def write(self, data: str) -> None:
        """Queue a frame for the terminal; never waits, dropped once the terminal is gone."""
        if self._output is None:
            assert self._file is not None, "genai-tui needs a terminal on stderr"
            self._output = TerminalWriter(self._file, self._lose, self._repaint)
            self._output.start()
        self._output.write(data)

    def close(self) -> None:
        """Stop the output thread without waiting on the terminal for more than a moment."""
        if self._output is not None:
            self._output.stop()
        # Textual's own writer thread was never given anything, so stopping it cannot block.
        super().close()

    def suspend_application_mode(self) -> None:
        """Give the terminal back (Ctrl+Z), remembering to take it again on resume."""
        self._suspended = True
        super().suspend_application_mode()

    def resume_application_mode(self) -> None:
        """Resume after a suspend (Ctrl+Z, then fg), unless the terminal has gone away."""
        if not self._suspended or self.terminal_lost:
            return
        if not os.isatty(self.fileno):
            self._lose("the terminal hung up")
            return
        self._suspended = False
        super().resume_application_mode()

    def _run_input_thread(self) -> None:
        """Read keys; a failed read means the terminal is gone, which ends the app cleanly."""
        try:
            self.run_input_thread()
        except OSError as error:
            self._lose(f"reading the terminal failed: {error.strerror or error}")
        except BaseException:
            import rich.traceback

            self._app.call_later(self._app.panic, rich.traceback.Traceback())

    def _lose(self, reason: str) -> None:
        """Report, once and from any thread, that the terminal is gone."""
        with self._lost_once:
            if self.terminal_lost:
                return
            self.terminal_lost = True
        report = getattr(self._app, "terminal_lost", None)
        if report is not None:
            # RuntimeError: the loop has already closed, so the app is ending anyway.
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(report, reason)

    def _repaint(self) -> None:
        """Ask for a full repaint once a terminal that fell behind has caught up."""
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._repaint_all)

    def _repaint_all(self) -> None:
        """Lay out and repaint the whole screen (on the app's loop): skipped frames are lost."""
        self._app.refresh(repaint=True, layout=True)
