"""Command palette entries (Ctrl+P): review, mock interview, stats, search, settings, topics."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class GenAICommands(Provider):
    """genai-tui's own commands, plus one 'Jump to topic' per topic."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """Every command: name, what it runs, help text."""
        app: GenAITUI = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                "Review due questions",
                partial(app.run_dashboard_action, "review(False)"),
                "Everything due, across all topics",
            ),
            (
                "Review this topic",
                partial(app.run_dashboard_action, "review(True)"),
                "Due and new questions of the selected topic",
            ),
            (
                "Cram",
                partial(app.run_dashboard_action, "cram"),
                "A topic, tag, difficulty, bookmarks or flags, due or not; schedule unchanged",
            ),
            (
                "Flagged questions only",
                partial(app.run_dashboard_action, "filter_flagged"),
                "Show only the questions you flagged (x) in the list, or all again",
            ),
            (
                "Mock interview",
                partial(app.run_dashboard_action, "mock"),
                "Timed questions graded with the rubric",
            ),
            (
                "Past mock interviews",
                partial(app.run_dashboard_action, "mock_history"),
                "Scores of earlier mock interviews; open any report",
            ),
            (
                "Statistics",
                partial(app.run_dashboard_action, "stats"),
                "Heatmap, forecast, retention, streak, readiness",
            ),
            (
                "Search questions",
                partial(app.run_dashboard_action, "search"),
                "Find a question by its text, answer, tags or your note",
            ),
            (
                "Bookmarked questions",
                partial(app.run_dashboard_action, "bookmarks"),
                "Every question you bookmarked (b), across topics",
            ),
            (
                "Questions with notes",
                partial(app.run_dashboard_action, "noted"),
                "Every question you wrote a note on (e), with the note",
            ),
            (
                "Settings",
                partial(app.run_dashboard_action, "settings"),
                "Theme, new questions a day, retention, interview date",
            ),
        ]
        for topic in app.study.bank.topics:
            commands.append(
                (
                    f"Jump to topic: {topic.title}",
                    partial(app.jump_to_topic, topic.id),
                    topic.section,
                )
            )
        return commands

    async def discover(self) -> Hits:
        """Shown before anything is typed."""
        for name, run, help_text in self._commands():
            yield DiscoveryHit(Content(name), run, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches the query."""
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
