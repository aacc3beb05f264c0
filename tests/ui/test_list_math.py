"""Questions with inline LaTeX read as formulas in the question list and in search results."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.widgets import OptionList

from tui.ui.widgets.question_list import QuestionList


def math_pack(folder: Path) -> Path:
    """A one-topic content folder whose only question holds inline math."""
    folder.mkdir()
    topic = {
        "id": "diffusion",
        "title": "Diffusion",
        "section": "Generation",
        "summary": "Forward noising in closed form.",
        "order": -1,
        "questions": [
            {
                "id": "diffusion/closed-form",
                "difficulty": "mid",
                "question": r"Derive the closed form of $q(x_t\mid x_0)$ for training.",
                "answer": "Because Gaussians compose, the noised sample is a scaled mix.",
                "key_points": ["Gaussians compose", "One step to any t", "Cheap training"],
                "follow_ups": ["Why does that matter?"],
                "pitfalls": ["Sampling every step"],
                "references": ["Ho et al. (2020), Denoising Diffusion Probabilistic Models."],
                "tags": ["diffusion"],
            }
        ],
    }
    (folder / "diffusion.yaml").write_text(yaml.safe_dump(topic), encoding="utf-8")
    return folder


async def test_question_list_and_search_render_inline_math(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    pack = math_pack(tmp_path / "pack")
    app = make_app([fixture_bank_dir, pack], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(QuestionList)
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert any("q(xₜ ∣ x₀)" in label for label in labels), labels
        assert not any("$" in label or "\\mid" in label for label in labels), labels
        await pilot.press("slash", *"closed form")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert shown and "q(xₜ ∣ x₀)" in shown[0], shown
        assert "$" not in shown[0] and "\\mid" not in shown[0]
