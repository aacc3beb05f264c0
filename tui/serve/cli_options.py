"""Turn the parsed `serve` arguments into ServeOptions, with the default paths filled in."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui import paths
from tui.serve.options import Limits, ServeOptions, parse_listen

HOST_KEY_NAME = "host_ed25519"


def default_data_dir() -> Path:
    """Where `serve` keeps its host key and accounts unless told otherwise."""
    return paths.data_dir() / "serve"


def serve_options(args: argparse.Namespace, content_dirs: list[Path]) -> ServeOptions:
    """The options of one `genai-tui serve` run."""
    host, port = parse_listen(args.listen)
    data_dir = (args.data_dir or default_data_dir()).expanduser()
    limits = Limits(
        max_sessions=args.max_sessions,
        max_per_key=args.max_per_key,
        idle_seconds=args.idle_timeout * 60,
        attempts_per_minute=args.max_attempts_per_minute,
    )
    return ServeOptions(
        host=host,
        port=port,
        host_key=(args.host_key or data_dir / HOST_KEY_NAME).expanduser(),
        data_dir=data_dir,
        authorized_keys=args.authorized_keys.expanduser() if args.authorized_keys else None,
        open_to_all=bool(args.open),
        limits=limits,
        content_dirs=tuple(content_dirs),
    )


def users_data_dir(args: argparse.Namespace) -> Path:
    """The data dir `serve users` reads: its own --data-dir, then serve's, then the default."""
    chosen = args.users_data_dir or args.data_dir or default_data_dir()
    return Path(chosen).expanduser()
