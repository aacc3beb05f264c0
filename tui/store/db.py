"""Open progress.db safely: refuse foreign or newer files, then apply schema/ migrations."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tui.paths import schema_dir
from tui.store.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file of schema/."""

    version: int
    path: Path


@dataclass(frozen=True)
class OpenedDatabase:
    """A ready database plus what the user should be told about opening it."""

    db: sqlite3.Connection
    notices: tuple[str, ...]


def migrations(directory: Path | None = None) -> list[Migration]:
    """The migrations in schema/, in version order."""
    folder = directory or schema_dir()
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    return found


def latest_version() -> int:
    """The schema version this build of genai-tui knows."""
    return max((migration.version for migration in migrations()), default=0)


def open_database(path: Path) -> OpenedDatabase:
    """Open or create the database at `path`, migrated to the latest version."""
    _check_header(path)
    _check_writable(path)
    _create_private(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(path, f"cannot open database: {error}") from error
    try:
        notices = _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return OpenedDatabase(conn, notices)


def _check_header(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, without touching it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError as error:
        raise StoreError(path, "is a directory, not a database file") from error
    except OSError as error:
        raise StoreError(path, f"cannot read database: {error.strerror}") from error
    if header and header != SQLITE_HEADER:
        raise StoreError(path, "not an SQLite database; refusing to touch it")


def _check_writable(path: Path) -> None:
    """Refuse a database (or its folder) the user cannot write: progress could not be saved."""
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(path, "database is read-only; genai-tui needs to write progress")
    if path.parent.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(path, f"folder {path.parent} is read-only; genai-tui needs to write there")


def _create_private(path: Path) -> None:
    """Create the directory (0700) and an empty database file (0600) if they do not exist."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise StoreError(path, f"cannot create database: {error.strerror}") from error


def _prepare(conn: sqlite3.Connection, path: Path) -> tuple[str, ...]:
    """Check the version, set pragmas and migrate; raise StoreError on any problem."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError as error:
        raise StoreError(path, _explain(error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(path, f"not a usable SQLite database ({error})") from error
    known = latest_version()
    if version == 0 and _has_tables(conn):
        raise StoreError(
            path, "an SQLite database that genai-tui did not create; refusing to touch it"
        )
    if version > known:
        raise StoreError(
            path,
            f"schema version {version} is newer than this genai-tui knows ({known}); "
            "upgrade genai-tui",
        )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        notices = _journal_mode(conn)
        _migrate(conn, path, version)
    except sqlite3.OperationalError as error:
        raise StoreError(path, _explain(error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(path, f"damaged database ({error})") from error
    return notices


def _journal_mode(conn: sqlite3.Connection) -> tuple[str, ...]:
    """Turn on WAL; where the filesystem cannot, keep a rollback journal and say so."""
    mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
    if mode == "wal":
        conn.execute("PRAGMA synchronous = NORMAL")
        return ()
    conn.execute("PRAGMA synchronous = FULL")
    return (f"WAL is not available here; using the {mode} journal instead",)


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Apply every newer migration, each in one transaction, after a backup copy."""
    pending = [migration for migration in migrations() if migration.version > version]
    if not pending:
        return
    if version > 0:
        _backup(conn, path.with_name(f"{path.name}.bak-{version}"))
    import sqlite_utils  # only when migrating: it costs start-up time on every other launch

    db = sqlite_utils.Database(conn)
    for migration in pending:
        script = migration.path.read_text(encoding="utf-8")
        try:
            db.executescript(
                f"BEGIN;\n{script}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the database already holds tables (so it is not a new, empty file)."""
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the whole database, WAL included, to `target` (mode 0600)."""
    _create_private(target)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()


def _explain(error: sqlite3.OperationalError) -> str:
    """Say in plain words why SQLite refused."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"database is locked by another process (waited {BUSY_TIMEOUT_MS // 1000} s)"
    if "readonly" in text or "read-only" in text:
        return "database is read-only; genai-tui needs to write progress"
    return text
