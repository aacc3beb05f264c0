"""A cache of the validated bank, so start-up skips YAML parsing and validation.

The key covers genai-tui's version and every content file's path, size and modification time;
any change to a file (or a new or removed file) makes a new key. Each key is a folder holding
an index (topics and the short fields of each question) and one file of details per topic, read
when a question of that topic is first shown. Loading it imports neither PyYAML nor pydantic,
and a bank of thousands of questions keeps only its index in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from tui import __version__
from tui.core.bank import CONTENT_SUFFIXES, Bank, LoadResult, load_bank
from tui.core.models import QuestionDetails, Topic

CACHE_FORMAT = 4
"""Bumped when the format or the validation rules change (3: fenced code blocks are checked;
4: key-point cues for the grader)."""
KEEP = 4
_READ_ERRORS = (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError)


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


class CachedDetails:
    """Reads a topic's details file the first time one of its questions is shown."""

    def __init__(self, folder: Path, directories: Sequence[Path]) -> None:
        self.folder = folder
        self.directories = tuple(directories)
        self._fallback: dict[str, QuestionDetails] | None = None
        self._topic = lru_cache(maxsize=16)(self._read_topic)

    def details(self, question_id: str) -> QuestionDetails:
        """One question's details; if the cache vanished, the bank is loaded again from files."""
        found = self._topic(question_id.split("/", 1)[0]).get(question_id)
        return found if found is not None else self._reload()[question_id]

    def _read_topic(self, topic_id: str) -> dict[str, QuestionDetails]:
        """The details of every question of one topic, or {} if the file cannot be read."""
        try:
            with (self.folder / f"{topic_id}.pickle").open("rb") as handle:
                details = pickle.load(handle)
            return details if isinstance(details, dict) else {}
        except _READ_ERRORS:
            return {}

    def _reload(self) -> dict[str, QuestionDetails]:
        """Every question's details from the content files themselves (slow, rare)."""
        if self._fallback is None:
            bank = load_bank(self.directories).bank
            self._fallback = {q.id: q.details for q in bank.questions}
        return self._fallback


def load_bank_cached(directories: Sequence[Path], cache_dir: Path) -> LoadResult:
    """The validated bank from the cache when nothing changed, else loaded and cached."""
    folder = cache_dir / f"bank-{cache_key(directories)}"
    try:
        with (folder / "index.pickle").open("rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, LoadResult):
            return _attach(index, CachedDetails(folder, directories))
    except _READ_ERRORS:
        pass
    result = load_bank(directories)
    _store(folder, result)
    return result


def _attach(index: LoadResult, source: CachedDetails) -> LoadResult:
    """Point every question of the index at the details files."""
    for question in index.bank.questions:
        object.__setattr__(question, "source", source)
    return index


def _store(folder: Path, result: LoadResult) -> None:
    """Write the index and the per-topic details atomically; a failure only costs speed."""
    import shutil

    try:
        temporary = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(mode=0o700, parents=True)
        for topic in result.bank.topics:
            details = {question.id: question.details for question in topic.questions}
            with (temporary / f"{topic.id}.pickle").open("wb") as handle:
                pickle.dump(details, handle, protocol=pickle.HIGHEST_PROTOCOL)
        index = LoadResult(
            Bank.of(_index_topic(topic) for topic in result.bank.topics), result.problems
        )
        with (temporary / "index.pickle").open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(temporary, folder)
        _drop_stale(folder.parent)
    except OSError:
        pass


def _index_topic(topic: Topic) -> Topic:
    """A topic whose questions hold only their short fields."""
    return replace(topic, questions=tuple(q.without_details() for q in topic.questions))


def _drop_stale(cache_dir: Path) -> None:
    """Keep only the newest few cached banks."""
    import shutil

    entries = sorted(cache_dir.glob("bank-*"), key=lambda p: p.stat().st_mtime)
    for stale in entries[:-KEEP]:
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
