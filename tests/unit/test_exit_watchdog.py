"""The exit watchdog closes the store, then ends the process, only once armed and past its grace."""

from __future__ import annotations

import threading
import time

from tui.exit_watchdog import EXIT_FORCED, ExitWatchdog


class Ending:
    """Records the order of the watchdog's last actions instead of ending the test process."""

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.done = threading.Event()

    def close_store(self) -> None:
        self.steps.append("close store")

    def end_process(self, code: int) -> None:
        self.steps.append(f"exit {code}")
        self.done.set()


def test_nothing_happens_until_armed() -> None:
    ending = Ending()
    ExitWatchdog(ending.close_store, grace_s=0.01, end_process=ending.end_process)
    time.sleep(0.1)
    assert ending.steps == []


def test_armed_it_closes_the_store_then_exits_after_the_grace() -> None:
    ending = Ending()
    watchdog = ExitWatchdog(ending.close_store, grace_s=0.2, end_process=ending.end_process)
    started = time.monotonic()
    watchdog.arm("SIGHUP")
    watchdog.arm("terminal lost")  # the first reason is kept; one timer only
    assert ending.done.wait(5)
    assert time.monotonic() - started >= 0.2
    assert ending.steps == ["close store", f"exit {EXIT_FORCED}"]
    assert watchdog.reason == "SIGHUP"


def test_a_failing_close_still_exits() -> None:
    ending = Ending()

    def broken_close() -> None:
        raise RuntimeError("connection in use")

    watchdog = ExitWatchdog(broken_close, grace_s=0.01, end_process=ending.end_process)
    watchdog.arm("SIGTERM")
    assert ending.done.wait(5)
    assert ending.steps == [f"exit {EXIT_FORCED}"]
