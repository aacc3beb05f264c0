"""Entry points of `genai-tui serve` and `genai-tui serve users`."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import asyncssh

from tui.serve.accounts import list_accounts, make_private_dir
from tui.serve.auth import KeyPolicy, fingerprint
from tui.serve.child import dashboard_command
from tui.serve.hostkey import load_or_create_host_key
from tui.serve.hub import Hub
from tui.serve.log import EventLog
from tui.serve.options import ServeError, ServeOptions, check_access
from tui.serve.server import serve_until_stopped, start_server


def run_serve(options: ServeOptions) -> int:
    """Check the options, then serve until stopped; a bad option is one line and exit 1."""
    check_access(options.authorized_keys, options.open_to_all)
    policy = KeyPolicy.load(options.authorized_keys)
    make_private_dir(options.data_dir)
    host_key, created = load_or_create_host_key(options.host_key)
    key_print = fingerprint(host_key)
    if created:
        print(f"genai-tui serve: new host key {options.host_key}: {key_print}", file=sys.stderr)
    command = options.child_command or tuple(dashboard_command(options.content_dirs))
    hub = Hub.create(options.data_dir, policy, options.limits, command, EventLog())
    return asyncio.run(_serve(hub, options, host_key, key_print))


async def _serve(hub: Hub, options: ServeOptions, host_key: asyncssh.SSHKey, key_print: str) -> int:
    """Listen, announce, and serve until a stop signal."""
    try:
        acceptor = await start_server(hub, options.host, options.port, host_key)
    except OSError as error:
        raise ServeError(
            f"cannot listen on {options.host}:{options.port}: {error.strerror or error}"
        ) from None
    port = acceptor.get_port() or options.port
    access = "open" if hub.policy.open_to_all else f"authorized-keys:{options.authorized_keys}"
    await serve_until_stopped(
        hub,
        acceptor,
        lambda: hub.log.event(
            "listening", address=f"{options.host}:{port}", host_key=key_print, access=access
        ),
    )
    hub.log.event("stopped")
    hub.log.flush()
    return 0


def run_users(data_dir: Path, as_json: bool) -> int:
    """Print every account: fingerprint, db, reviews, last_seen."""
    accounts = list_accounts(data_dir)
    if as_json:
        print(json.dumps([account.to_dict() for account in accounts], indent=2))
        return 0
    if not accounts:
        print(f"no accounts in {data_dir}")
        return 0
    for account in accounts:
        print(
            f"{account.fingerprint:<52} {account.reviews:>6} reviews  "
            f"last seen {account.last_seen or '-'}  {account.db}"
        )
    return 0
