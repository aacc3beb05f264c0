"""One account per public key: users/<sha256 of the key fingerprint>/ with its own progress.db."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

USERS = "users"
DB_NAME = "progress.db"
FINGERPRINT_FILE = "fingerprint"
LAST_SEEN_FILE = "last_seen"


@dataclass(frozen=True)
class Account:
    """The folder that holds one key's progress, settings and crash logs."""

    fingerprint: str
    home: Path

    @property
    def db(self) -> Path:
        """The account's progress database."""
        return self.home / DB_NAME


def account_id(fingerprint: str) -> str:
    """The folder name of a key's account: the hex SHA-256 of its fingerprint text."""
    return hashlib.sha256(fingerprint.encode("ascii")).hexdigest()


def account_for(data_dir: Path, fingerprint: str) -> Account:
    """The account of a key fingerprint (not created here)."""
    return Account(fingerprint, data_dir / USERS / account_id(fingerprint))


def open_account(account: Account) -> None:
    """Create the account's folders (0700) if new, note its fingerprint and the login time."""
    make_private_dir(account.home.parent)
    make_private_dir(account.home)
    _write_private(account.home / FINGERPRINT_FILE, account.fingerprint + "\n")
    _write_private(account.home / LAST_SEEN_FILE, datetime.now(UTC).isoformat() + "\n")


def make_private_dir(path: Path) -> None:
    """Create a folder only its owner can enter, and its parents if missing."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)


def _write_private(path: Path, text: str) -> None:
    """Replace a small file with mode 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)


def count_reviews(db: Path) -> int:
    """How many ratings a progress database holds; 0 if it does not exist yet or is unreadable."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        row = conn.execute("SELECT count(*) FROM reviews").fetchone()
        return int(row[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


@dataclass(frozen=True)
class AccountSummary:
    """One line of `serve users`."""

    fingerprint: str
    db: Path
    reviews: int
    last_seen: str

    def to_dict(self) -> dict[str, str | int]:
        """The JSON form."""
        return {
            "fingerprint": self.fingerprint,
            "db": str(self.db),
            "reviews": self.reviews,
            "last_seen": self.last_seen,
        }


def list_accounts(data_dir: Path) -> list[AccountSummary]:
    """Every account under data_dir/users, most recently seen first."""
    users = data_dir / USERS
    if not users.is_dir():
        return []
    found = []
    for home in users.iterdir():
        if not home.is_dir():
            continue
        fingerprint = _read_line(home / FINGERPRINT_FILE) or "?"
        db = home / DB_NAME
        found.append(
            AccountSummary(fingerprint, db, count_reviews(db), _read_line(home / LAST_SEEN_FILE))
        )
    return sorted(found, key=lambda summary: summary.last_seen, reverse=True)


def _read_line(path: Path) -> str:
    """The first line of a small text file, or '' if it is missing."""
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
