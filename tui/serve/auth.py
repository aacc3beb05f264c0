"""Who may log in: public keys only, from an authorized_keys file or (with --open) any key."""

from __future__ import annotations

from pathlib import Path

import asyncssh

from tui.serve.options import ServeError


class KeyPolicy:
    """Decides whether a public key may log in; the SSH user name plays no part."""

    def __init__(self, authorized: asyncssh.SSHAuthorizedKeys | None) -> None:
        """`authorized` None means any key (--open)."""
        self._authorized = authorized

    @classmethod
    def load(cls, authorized_keys: Path | None) -> KeyPolicy:
        """Read an OpenSSH authorized_keys file, or allow any key when None."""
        if authorized_keys is None:
            return cls(None)
        try:
            return cls(asyncssh.read_authorized_keys(str(authorized_keys)))
        except OSError as error:
            raise ServeError(f"{authorized_keys}: {error.strerror or error}") from None
        except (ValueError, asyncssh.KeyImportError) as error:
            raise ServeError(f"{authorized_keys}: not an authorized_keys file: {error}") from None

    @property
    def open_to_all(self) -> bool:
        """Whether any key gets in."""
        return self._authorized is None

    def allows(self, key: asyncssh.SSHKey, peer_host: str, peer_addr: str) -> bool:
        """Whether this key may log in from this address (honours `from=` in the file)."""
        if self._authorized is None:
            return True
        return self._authorized.validate(key, peer_host, peer_addr) is not None


def fingerprint(key: asyncssh.SSHKey) -> str:
    """The key's SHA256 fingerprint, as `ssh-keygen -l` prints it."""
    return str(key.get_fingerprint("sha256"))
