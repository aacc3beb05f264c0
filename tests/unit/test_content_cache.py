"""The validated-bank cache: reused while files are unchanged, rebuilt when they change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui import content_cache
from tui.content_cache import load_bank_cached


def copy_bank(source: Path, target: Path) -> Path:
    """A private, editable copy of the fixture bank."""
    shutil.copytree(source, target)
    return target


def test_second_load_comes_from_the_cache(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = copy_bank(fixture_bank_dir, tmp_path / "bank")
    calls: list[int] = []
    real = content_cache.load_bank
    monkeypatch.setattr(content_cache, "load_bank", lambda dirs: calls.append(1) or real(dirs))
    first = load_bank_cached([bank], tmp_path / "cache")
    second = load_bank_cached([bank], tmp_path / "cache")
    assert calls == [1]
    assert second.bank.question_count == first.bank.question_count == 4
    assert [t.id for t in second.bank.topics] == [t.id for t in first.bank.topics]


def test_editing_a_file_invalidates_the_cache(tmp_path: Path, fixture_bank_dir: Path) -> None:
    bank = copy_bank(fixture_bank_dir, tmp_path / "bank")
    load_bank_cached([bank], tmp_path / "cache")
    topic = bank / "retrieval.yaml"
    topic.write_text(topic.read_text().replace("A second fixture topic.", "Edited summary."))
    os.utime(topic, ns=(1, 1))
    again = load_bank_cached([bank], tmp_path / "cache")
    edited = again.bank.topic("retrieval")
    assert edited is not None and edited.summary == "Edited summary."


def test_corrupt_index_is_ignored(tmp_path: Path, fixture_bank_dir: Path) -> None:
    cache = tmp_path / "cache"
    load_bank_cached([fixture_bank_dir], cache)
    (index,) = cache.glob("bank-*/index.pickle")
    index.write_bytes(b"not a pickle")
    assert load_bank_cached([fixture_bank_dir], cache).bank.question_count == 4


def test_cached_bank_holds_only_an_index_and_reads_details_on_demand(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    cache = tmp_path / "cache"
    fresh = load_bank_cached([fixture_bank_dir], cache)
    cached = load_bank_cached([fixture_bank_dir], cache)
    question = cached.bank.question("retrieval/rrf")
    assert question is not None and question.loaded is None, "details are not in memory"
    original = fresh.bank.question("retrieval/rrf")
    assert original is not None
    assert question.answer == original.answer
    assert question.key_points == original.key_points
    assert question.to_dict() == original.to_dict()


def test_missing_details_file_falls_back_to_the_content_files(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    cache = tmp_path / "cache"
    load_bank_cached([fixture_bank_dir], cache)
    cached = load_bank_cached([fixture_bank_dir], cache)
    for topic_file in cache.glob("bank-*/attention.pickle"):
        topic_file.write_bytes(b"garbage")
    question = cached.bank.question("attention/compute")
    assert question is not None
    assert "softmax" in question.answer


def test_loading_from_the_cache_imports_neither_yaml_nor_pydantic(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    cache = tmp_path / "cache"
    load_bank_cached([fixture_bank_dir], cache)
    code = (
        "import sys\nfrom pathlib import Path\nfrom tui.content_cache import load_bank_cached\n"
        f"r = load_bank_cached([Path({str(fixture_bank_dir)!r})], Path({str(cache)!r}))\n"
        "print(r.bank.question_count, 'yaml' in sys.modules, 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4", "False", "False"]
