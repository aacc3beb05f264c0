"""The installed console script finds the bundled bank and migrations from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def installed_script() -> str | None:
    """The `genai-tui` script of the environment running the tests."""
    beside = Path(sys.executable).parent / "genai-tui"
    return str(beside) if beside.exists() else shutil.which("genai-tui")


@pytest.mark.skipif(installed_script() is None, reason="genai-tui is not installed")
def test_installed_script_runs_from_another_directory(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    script = installed_script()
    assert script is not None
    validate = subprocess.run(
        [script, "validate"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    ok = validate.stdout.strip().splitlines()[-1]
    topics = int(ok.split()[1])
    assert ok.startswith("OK: ") and topics >= 15
    stats = subprocess.run(
        [script, "stats", "--json", "--db", str(tmp_path / "p.db")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert stats.returncode == 0, stats.stderr
    assert '"reviews": 0' in stats.stdout
