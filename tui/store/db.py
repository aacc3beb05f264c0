"""Open progress.db safely: refuse foreign or newer files, then apply schema/ migrations."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tui.paths import schema_dir
from tui.store.busy import Deadline, retry_while_busy
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
        # check_same_thread=False: the exit watchdog (tui/exit_watchdog.py) closes the connection
        # from its own thread when shutdown hangs; otherwise only the main thread uses it.
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
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
    """Check the version, set pragmas and migrate; raise StoreError on any problem.

    Several processes may open the same file at the same moment (two terminals, a reconnect
    while the old session is closing). Every step that can meet another's lock waits for it,
    and the migration re-reads the version under the write lock, so the process that loses
    the race finds the work done and goes on. A database that needs no migration is only read.
    """
    deadline = Deadline(BUSY_TIMEOUT_MS / 1000)
    try:
        version = retry_while_busy(lambda: _user_version(conn), deadline)
        # Whether a version-0 file is foreign is decided in _migrate, under the write lock:
        # read here, another process's migration could commit between two statements.
        if version > latest_version():
            _check_version(conn, path, version)
        conn.execute("PRAGMA foreign_keys = ON")
        if version < latest_version():
            _migrate(conn, path, deadline)
        # After the migration, which refuses a foreign file untouched: switching the journal
        # mode writes to the file.
        notices = _journal_mode(conn, deadline)
    except sqlite3.OperationalError as error:
        raise StoreError(path, _explain(error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(path, f"not a usable SQLite database ({error})") from error
    return notices


def _user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _check_version(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a database genai-tui did not create, or one from a newer genai-tui."""
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


def _journal_mode(conn: sqlite3.Connection, deadline: Deadline | None = None) -> tuple[str, ...]:
    """Turn on WAL; where the filesystem cannot, keep a rollback journal and say so.

    The mode is kept in the file, so a database already in WAL is left alone (switching needs
    an exclusive lock, and SQLite does not wait for it: the switch is retried until `deadline`).
    """
    mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if mode != "wal":

        def switch() -> str:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()

        mode = retry_while_busy(switch, deadline or Deadline(BUSY_TIMEOUT_MS / 1000))
    if mode == "wal":
        conn.execute("PRAGMA synchronous = NORMAL")
        return ()
    conn.execute("PRAGMA synchronous = FULL")
    return (f"WAL is not available here; using the {mode} journal instead",)


def _migrate(conn: sqlite3.Connection, path: Path, deadline: Deadline) -> None:
    """Apply every pending migration in one write transaction, after a backup copy.

    The version is read again once the write lock is held: another process may have
    migrated (or created) the database since this one first looked.
    """
    retry_while_busy(lambda: conn.execute("BEGIN IMMEDIATE"), deadline)
    try:
        version = _user_version(conn)
        _check_version(conn, path, version)
        pending = [migration for migration in migrations() if migration.version > version]
        if pending:
            if version > 0:
                _backup(path, path.with_name(f"{path.name}.bak-{version}"), deadline)
            for migration in pending:
                for statement in sql_statements(migration.path.read_text(encoding="utf-8")):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {pending[-1].version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def sql_statements(script: str) -> list[str]:
    """The complete statements of an SQL script, in order (comments and blanks dropped).

    `executescript` would commit the open transaction first, so migrations run statement by
    statement inside the transaction that holds the write lock.
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            if _has_code(statement):
                statements.append(statement)
            pending = ""
    if _has_code(pending):
        statements.append(pending.strip())
    return statements


def _has_code(sql: str) -> bool:
    """Whether `sql` holds more than comments and a semicolon."""
    lines = (line.split("--", 1)[0] for line in sql.splitlines())
    return bool("".join(lines).strip(" \t\n;"))


def _has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the database already holds tables (so it is not a new, empty file)."""
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _backup(path: Path, target: Path, deadline: Deadline) -> None:
    """Copy the whole database at `path`, WAL included, to `target` (mode 0600).

    The copy is read through its own read-only connection: the migrating connection holds the
    write lock, and a backup from it would wait on itself. Readers are not blocked by that lock
    (WAL, or a rollback journal's RESERVED lock), so the copy sees the last committed state.
    """
    _create_private(target)
    source = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    copy = sqlite3.connect(target)
    try:
        retry_while_busy(lambda: source.backup(copy, pages=0, sleep=0.01), deadline)
    finally:
        copy.close()
        source.close()


def _explain(error: sqlite3.OperationalError) -> str:
    """Say in plain words why SQLite refused."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"database is locked by another process (waited {BUSY_TIMEOUT_MS // 1000} s)"
    if "readonly" in text or "read-only" in text:
        return "database is read-only; genai-tui needs to write progress"
    return text


def backup_database(path: Path, target: Path) -> None:
    """Copy the committed state of the database at `path` to `target`, as migrations do."""
    try:
        _backup(path, target, Deadline(BUSY_TIMEOUT_MS / 1000))
    except sqlite3.Error as error:
        raise StoreError(path, f"cannot back up to {target}: {error}") from error
