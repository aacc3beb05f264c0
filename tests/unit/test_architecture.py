"""Layering: the domain knows no Textual or SQLite; the store knows no Textual; the CLI imports
no Textual before it has decided the colour system."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(
    "tui.core."
    + path.relative_to(ROOT / "tui" / "core").with_suffix("").as_posix().replace("/", ".")
    for path in (ROOT / "tui" / "core").rglob("*.py")
    if path.name != "__init__.py"
)


def loaded_after(imports: str) -> set[str]:
    """Top-level packages in sys.modules after running `imports` in a fresh interpreter."""
    code = (
        f"{imports}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_imports_neither_textual_nor_sqlite(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert not loaded & {"textual", "sqlite3", "sqlite_utils", "rich"}, module


def test_store_does_not_import_textual() -> None:
    loaded = loaded_after("import tui.store.progress, tui.store.db, tui.insights, tui.study")
    assert "textual" not in loaded


def test_cli_and_launch_import_no_textual_before_the_colour_is_set() -> None:
    loaded = loaded_after("import tui.cli, tui.commands, tui.launch, tui.terminal, tui.config")
    assert "textual" not in loaded and "rich" not in loaded


def test_widgets_never_open_files_or_databases() -> None:
    import re

    forbidden = re.compile(
        r"sqlite3|sqlite_utils|(?<![\w.])open\(|\.read_text\(|\.write_text\(|Path\("
    )
    for path in (ROOT / "tui" / "ui").rglob("*.py"):
        found = forbidden.search(path.read_text())
        assert found is None, (path.name, found and found.group())


def test_pure_grading_loads_no_model_library_and_no_grading_io() -> None:
    modules = ", ".join(name for name in CORE_MODULES if name.startswith("tui.core.grading"))
    loaded = loaded_after(f"import {modules}")
    assert not loaded & {"rapidfuzz", "wordllama", "numpy", "openai", "textual", "sqlite3"}


def test_core_never_imports_the_grading_io_package() -> None:
    for path in (ROOT / "tui" / "core").rglob("*.py"):
        assert "tui.grading" not in path.read_text(), path.name


def test_dashboard_start_path_loads_no_grader() -> None:
    loaded = loaded_after("import tui.cli, tui.commands, tui.launch, tui.ui.app")
    assert not loaded & {"rapidfuzz", "wordllama"}


SERVE_MODULES = sorted(
    "tui.serve." + path.stem
    for path in (ROOT / "tui" / "serve").glob("*.py")
    if path.stem != "__init__"
)


@pytest.mark.parametrize("module", SERVE_MODULES)
def test_serve_never_imports_the_ui_or_textual(module: str) -> None:
    code = f"import {module}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    loaded = set(result.stdout.split())
    assert not {name for name in loaded if name.startswith("tui.ui")}, module
    assert "textual" not in loaded and "rich" not in loaded, module


def test_the_dashboard_path_does_not_import_asyncssh() -> None:
    loaded = loaded_after("import tui.cli, tui.commands, tui.launch, tui.terminal, tui.config")
    assert "asyncssh" not in loaded


EXCHANGE_MODULES = sorted(
    "tui.exchange." + path.stem
    for path in (ROOT / "tui" / "exchange").glob("*.py")
    if path.stem != "__init__"
)


def test_core_never_imports_the_exchange_package() -> None:
    for path in (ROOT / "tui" / "core").rglob("*.py"):
        assert "tui.exchange" not in path.read_text(), path.name
    loaded = loaded_after(f"import {', '.join(CORE_MODULES)}")
    assert "genanki" not in loaded


@pytest.mark.parametrize("module", EXCHANGE_MODULES)
def test_exchange_never_imports_the_ui(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert not loaded & {"textual", "rich"}, module


def test_dashboard_start_path_loads_no_anki_or_pydantic() -> None:
    loaded = loaded_after(
        "import tui.cli, tui.commands, tui.launch, tui.ui.app, tui.study, tui.store.progress"
    )
    assert not loaded & {"genanki", "pydantic"}
