"""Bad content files of every kind are reported with file and line, and never crash the loader."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.bank import load_bank, load_topic_file
from tui.core.sanitize import sanitize

GOOD = (Path(__file__).parents[1] / "fixtures" / "bank" / "attention.yaml").read_text()


def only_problem(folder: Path) -> str:
    """The single problem reported for a folder, as printed by validate."""
    result = load_bank([folder])
    assert len(result.errors) == 1, result.errors
    return str(result.errors[0])


def test_ten_megabyte_file(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * 1_100_000)
    assert only_problem(tmp_path).startswith(f"{big}:1: file too large (11.0 MB")


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    os.symlink(loop, loop)
    assert only_problem(tmp_path).startswith(f"{loop}:1: cannot read file: ")


def test_wrong_types(tmp_path: Path) -> None:
    (tmp_path / "attention.yaml").write_text(GOOD.replace("question: How", "question: 42 #", 1))
    message = only_problem(tmp_path)
    assert ":8: question 'attention/compute': question: Input should be a valid string" in message


def test_top_level_list_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("- 1\n- 2\n")
    (tmp_path / "b.yaml").write_text("")
    messages = sorted(str(problem) for problem in load_bank([tmp_path]).errors)
    assert all("must be a YAML mapping" in message for message in messages)
    assert len(messages) == 2


def test_good_files_still_load_beside_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "attention.yaml").write_text(GOOD)
    (tmp_path / "broken.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = load_bank([tmp_path])
    assert [topic.id for topic in result.bank.topics] == ["attention"]
    assert len(result.errors) == 1


yamlish = st.text(
    alphabet=st.sampled_from(list("abcdefgijkmnopqrstuvwxyz:-[]{}'\"#&*!|>%@`$\\ \n\t0123456789")),
    max_size=300,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(yamlish, st.text(max_size=200)))
def test_loader_never_raises_on_arbitrary_input(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    topic, problems = load_topic_file(path)
    assert topic is None or not [p for p in problems if not p.warning]
    for problem in problems:
        assert problem.path == path and problem.line >= 1 and problem.message


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    extra=st.dictionaries(
        st.sampled_from(["id", "title", "section", "summary", "questions", "order", "x"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=8), inner, max_size=3)
            ),
            max_leaves=8,
        ),
    )
)
def test_loader_never_raises_on_structured_nonsense(
    tmp_path: Path, extra: dict[str, object]
) -> None:
    path = tmp_path / "attention.yaml"
    data = yaml.safe_load(GOOD)
    data.update(extra)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    topic, problems = load_topic_file(path)
    assert (topic is None) == bool([p for p in problems if not p.warning])


@settings(max_examples=500, deadline=None)
@given(text=st.text())
def test_sanitizer_leaves_no_escape_or_control_character(text: str) -> None:
    clean = sanitize(text)
    assert "\x1b" not in clean
    assert not any((ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in clean)


@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cc",)), max_size=100))
def test_sanitizer_keeps_ordinary_text(text: str) -> None:
    assert sanitize(text) == text


def test_sanitizer_removes_known_attacks() -> None:
    attack = (
        "a\x1b]52;c;aGVsbG8=\x07b\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\"
        "\x1b[2J\x1b[31mred\x1bP1$r\x1b\\\x1b_apc\x1b\\\x9b2J\x9d0;title\x9c\x07\x08z"
    )
    assert sanitize(attack) == "ablinkredz"
