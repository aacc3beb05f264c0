"""A cache of the validated bank, so start-up skips YAML parsing and validation.

The key covers genai-tui's version and every content file's path, size and modification time;
any change to a file (or a new or removed file) makes a new key. The cache holds plain
dataclasses, so loading it imports neither PyYAML nor pydantic.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.core.bank import CONTENT_SUFFIXES, LoadResult, load_bank

CACHE_FORMAT = 1
KEEP = 4


def cache_key(directories: Sequence[Path]) -> str:
    """A digest of the version and of each content file's identity (path, size, mtime)."""
    digest = hashlib.sha256(f"{__version__}:{CACHE_FORMAT}".encode())
    for directory in directories:
        digest.update(f"dir:{directory.resolve()}".encode())
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            digest.update(b"unreadable")
            continue
        for entry in entries:
            if not entry.name.lower().endswith(CONTENT_SUFFIXES):
                continue
            try:
                info = entry.stat()
                digest.update(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}".encode())
            except OSError:
                digest.update(f"{entry.name}:unreadable".encode())
    return digest.hexdigest()[:32]


def load_bank_cached(directories: Sequence[Path], cache_dir: Path) -> LoadResult:
    """The validated bank from the cache when nothing changed, else loaded and cached."""
    path = cache_dir / f"bank-{cache_key(directories)}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, LoadResult):
            return cached
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    result = load_bank(directories)
    _store(path, result)
    return result


def _store(path: Path, result: LoadResult) -> None:
    """Write the cache atomically and drop old entries; a failure only costs speed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = path.with_suffix(f".tmp{os.getpid()}")
        with temporary.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        old = sorted(path.parent.glob("bank-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
