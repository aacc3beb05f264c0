"""ASCII mode follows the locale the user set, not the one Python coerced it to (PEP 538)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.terminal import locale_can_draw_boxes, process_start_environ, user_environ

COERCED = {"LANG": "C", "LC_CTYPE": "C.UTF-8", "TERM": "xterm"}


def test_start_environment_wins_over_coerced_values() -> None:
    user = user_environ(COERCED, started_with={"LANG": "C", "TERM": "xterm"})
    assert "LC_CTYPE" not in user and user["TERM"] == "xterm"
    assert not locale_can_draw_boxes(user)


def test_a_ctype_the_user_set_is_kept() -> None:
    started = {"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}
    user = user_environ({**started, "TERM": "xterm"}, started_with=started)
    assert locale_can_draw_boxes(user)


@pytest.mark.parametrize(
    ("environ", "boxes"),
    [
        (COERCED, False),
        ({"LC_CTYPE": "C.UTF-8"}, False),
        ({"LANG": "en_GB.UTF-8", "LC_CTYPE": "C.UTF-8"}, True),
        ({"LC_ALL": "C.UTF-8", "LC_CTYPE": "C.UTF-8"}, True),
        ({"LANG": "C.UTF-8"}, True),
    ],
)
def test_without_the_start_environment_a_coerced_ctype_is_ignored(
    environ: dict[str, str], boxes: bool
) -> None:
    assert locale_can_draw_boxes(user_environ(environ, started_with=None)) is boxes


def test_start_environment_is_read_from_a_nul_separated_file(tmp_path: Path) -> None:
    snapshot = tmp_path / "environ"
    snapshot.write_bytes(b"LANG=C\x00TERM=xterm\x00EMPTY=\x00")
    assert process_start_environ(str(snapshot)) == {"LANG": "C", "TERM": "xterm", "EMPTY": ""}
    assert process_start_environ(str(tmp_path / "missing")) is None
