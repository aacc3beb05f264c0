"""The server's small parts without a network: limits, log escaping, environment, options."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.serve.accounts import account_for, account_id, list_accounts, open_account
from tui.serve.child import child_environment, safe_term
from tui.serve.limits import AttemptLimiter, SessionSlots, clamp_size
from tui.serve.log import EventLog, escape
from tui.serve.options import ServeError, check_access, parse_listen
from tui.store.progress import Progress

GENAI = Path(sys.executable).parent / "genai-tui"


def test_attempts_are_limited_per_address_within_a_sliding_minute() -> None:
    now = [0.0]
    limiter = AttemptLimiter(2, clock=lambda: now[0])
    assert limiter.allow("10.0.0.1") and limiter.allow("10.0.0.1")
    assert not limiter.allow("10.0.0.1")
    assert limiter.allow("10.0.0.2")
    now[0] = 61.0
    assert limiter.allow("10.0.0.1")


def test_session_slots_count_per_key_and_in_all() -> None:
    slots = SessionSlots(max_sessions=3, max_per_key=2)
    assert slots.take("a") is None and slots.take("a") is None
    assert "already has 2 sessions" in (slots.take("a") or "")
    assert slots.take("b") is None
    assert "server is full" in (slots.take("c") or "")
    slots.give_back("a")
    assert slots.take("c") is None
    assert slots.total == 3


def test_sizes_are_clamped() -> None:
    assert clamp_size(5000, 5000, 300, 100) == (300, 100)
    assert clamp_size(0, -3, 300, 100) == (1, 1)
    assert clamp_size(80, 24, 300, 100) == (80, 24)


def test_log_values_are_escaped() -> None:
    assert escape("a b\x1b[2J\n") == "a\\x20b\\x1b[2J\\x0a"
    assert escape("key=value") == "key\\x3dvalue"
    assert escape("é") == "\\xe9" and escape("\u202e") == "\\u202e"
    assert escape("x" * 200).endswith("...") and len(escape("x" * 200)) == 83
    stream = io.StringIO()
    EventLog(stream).event("connect", term="evil\r\nfake line")
    assert stream.getvalue().count("\n") == 1
    assert "term=evil\\x0d\\x0afake\\x20line" in stream.getvalue()


def test_terminal_names_are_checked() -> None:
    assert safe_term("xterm-256color") == "xterm-256color"
    for bad in ("", None, "../../etc/passwd", "x" * 70, "xterm\x1b", "-xterm"):
        assert safe_term(bad) == "xterm"


def test_the_child_environment_takes_nothing_else_from_the_client(tmp_path: Path) -> None:
    account = account_for(tmp_path, "SHA256:abc")
    env = child_environment(
        "screen",
        {"COLORTERM": "rainbow", "PATH": "/evil", "PYTHONPATH": "/evil"},
        account,
        tmp_path / "cache",
    )
    assert env["PATH"] == "/usr/local/bin:/usr/bin:/bin" and "PYTHONPATH" not in env
    assert "COLORTERM" not in env and "NO_COLOR" not in env
    assert env["HOME"] == str(account.home) and env["TERM"] == "screen"


def test_listen_addresses() -> None:
    assert parse_listen("127.0.0.1:2222") == ("127.0.0.1", 2222)
    assert parse_listen("[::1]:22") == ("::1", 22)
    for bad in ("2222", "host:", "host:99999", ":22"):
        with pytest.raises(ServeError):
            parse_listen(bad)


def test_either_authorized_keys_or_open_is_required() -> None:
    with pytest.raises(ServeError, match="--open"):
        check_access(None, False)
    check_access(None, True)
    check_access(Path("keys"), False)


def test_serve_users_lists_each_account(tmp_path: Path) -> None:
    data_dir = tmp_path / "serve"
    account = account_for(data_dir, "SHA256:someone")
    open_account(account)
    progress = Progress.open(account.db)
    try:
        progress.rate("attention/self-attention", 3)
    finally:
        progress.close()
    assert account.home.name == account_id("SHA256:someone")
    assert [summary.reviews for summary in list_accounts(data_dir)] == [1]
    result = subprocess.run(
        [str(GENAI), "serve", "users", "--data-dir", str(data_dir), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (listed,) = json.loads(result.stdout)
    assert listed["fingerprint"] == "SHA256:someone"
    assert listed["db"] == str(account.db) and listed["reviews"] == 1
    assert listed["last_seen"].startswith("20")


def test_the_log_never_blocks_the_server_and_counts_what_it_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from tui.serve import log as log_module

    release = threading.Event()
    written: list[str] = []

    class StuckStderr:
        """A stderr whose reader has stalled until `release` is set."""

        def write(self, text: str) -> None:
            release.wait(30)
            written.append(text)

        def flush(self) -> None:
            pass

    monkeypatch.setattr(log_module, "MAX_QUEUED_LINES", 10)
    monkeypatch.setattr(log_module.sys, "stderr", StuckStderr())
    event_log = EventLog()
    for number in range(50):  # returns at once although nothing can be written
        event_log.event("connect", n=number)
    release.set()
    event_log.flush(timeout=10)
    event_log.event("disconnect", n=50)
    event_log.flush(timeout=10)
    assert len(written) < 50
    assert any(" log-dropped lines=" in line for line in written)
    assert written[-1].split()[1] == "disconnect"
