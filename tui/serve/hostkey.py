"""The server's ed25519 host key: generated once (mode 0600), then reused on every start."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import asyncssh

from tui.serve.accounts import make_private_dir
from tui.serve.options import ServeError


def load_or_create_host_key(path: Path) -> tuple[asyncssh.SSHKey, bool]:
    """The host key at `path`, and whether it was just generated."""
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise ServeError(
                f"host key {path} is readable by others (mode {mode:04o}); run: chmod 600 {path}"
            )
        try:
            return asyncssh.read_private_key(path), False
        except (asyncssh.KeyImportError, OSError) as error:
            raise ServeError(f"host key {path}: cannot read it: {error}") from None
    key = asyncssh.generate_private_key("ssh-ed25519")
    make_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise ServeError(f"host key {path}: cannot create it: {error.strerror}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.export_private_key())
    return key, True
