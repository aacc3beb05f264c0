"""Public-key login over a real SSH connection: identity is the key that signed."""

from __future__ import annotations

from pathlib import Path

import asyncssh
import pytest

from tests.serve.sshclient import (
    connect,
    new_key,
    open_terminal,
    rate_first_question,
    serving,
)
from tui.serve.auth import fingerprint


async def test_pubkey_login_lands_in_its_account_and_a_rating_is_saved_there(
    tmp_path: Path,
) -> None:
    key, other = new_key(), new_key()
    async with serving(tmp_path) as served:
        conn = await connect(served, key, username="root")
        chan, screen = await open_terminal(conn)
        await rate_first_question(served, key, chan, screen, expected=1)
        conn.close()
        await served.until_idle()
        assert served.reviews(key) == 1
        assert not served.account(other).home.exists()
        account = served.account(key)
        assert (account.home.stat().st_mode & 0o777) == 0o700
        assert (account.db.stat().st_mode & 0o777) == 0o600
        connects, disconnects = served.log_lines("connect"), served.log_lines("disconnect")
        assert len(connects) == 1 and len(disconnects) == 1
        assert f"key={fingerprint(key)}" in connects[0]
        assert "term=xterm-256color size=100x30" in connects[0]
        assert "ratings=1" in disconnects[0] and "duration=" in disconnects[0]


async def test_the_user_name_does_not_choose_the_account(tmp_path: Path) -> None:
    key = new_key()
    async with serving(tmp_path) as served:
        for name in ("alice", "bob"):
            conn = await connect(served, key, username=name)
            chan, screen = await open_terminal(conn)
            await rate_first_question(served, key, chan, screen, expected=1)
            conn.close()
            await served.until_idle()
        homes = list((served.hub.data_dir / "users").iterdir())
        assert homes == [served.account(key).home]


async def test_password_login_is_refused(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        with pytest.raises(asyncssh.PermissionDenied):
            await connect(served, password="secret")


class KbdIntClient(asyncssh.SSHClient):
    """A client that would answer keyboard-interactive prompts if the server offered them."""

    challenged = False

    def kbdint_auth_requested(self) -> str:
        return ""

    def kbdint_challenge_received(
        self, name: str, instructions: str, lang: str, prompts: object
    ) -> list[str]:
        KbdIntClient.challenged = True
        return ["secret"]


async def test_keyboard_interactive_login_is_refused(tmp_path: Path) -> None:
    async with serving(tmp_path) as served:
        with pytest.raises(asyncssh.PermissionDenied):
            await connect(served, client_factory=KbdIntClient, kbdint_auth=True)
        assert not KbdIntClient.challenged


def query_only(key: asyncssh.SSHKey) -> asyncssh.SSHKeyPair:
    """A key pair that offers `key`'s public half but cannot sign, as if the private key were
    missing: the client sends only the unsigned query offer."""
    pair = asyncssh.load_keypairs([key])[0]

    def refuse(data: bytes) -> bytes:
        raise ValueError("no private key")

    pair.sign = refuse  # type: ignore[method-assign]
    return pair


async def test_offering_someone_elses_key_first_still_lands_in_the_signers_account(
    tmp_path: Path,
) -> None:
    victim, own = new_key(), new_key()
    async with serving(tmp_path) as served:
        conn = await connect(served, query_only(victim), own)
        chan, screen = await open_terminal(conn)
        await rate_first_question(served, own, chan, screen, expected=1)
        conn.close()
        await served.until_idle()
        # The server was asked about the victim's key first, and accepted the offer (--open) ...
        assert served.policy.asked[0] == fingerprint(victim)
        assert served.policy.asked[-1] == fingerprint(own)
        # ... but the account is the one of the key that signed.
        assert served.reviews(own) == 1
        assert not served.account(victim).home.exists()
        assert f"key={fingerprint(own)}" in served.log_lines("connect")[0]


async def test_authorized_keys_lets_in_only_the_listed_keys(tmp_path: Path) -> None:
    member, stranger = new_key(), new_key()
    keys_file = tmp_path / "authorized_keys"
    keys_file.write_bytes(member.export_public_key())
    async with serving(tmp_path, authorized_keys=keys_file) as served:
        with pytest.raises(asyncssh.PermissionDenied):
            await connect(served, stranger)
        conn = await connect(served, member)
        _chan, screen = await open_terminal(conn)
        await screen.wait_for(b"Topics")
        conn.close()
        await served.until_idle()
        assert served.account(member).home.exists()
        assert not served.account(stranger).home.exists()
