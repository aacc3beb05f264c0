"""The dashboard: topic table, progress pane, question list and question detail."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from tui.config import Settings
from tui.core.cards import CardState
from tui.core.mastery import TopicMastery
from tui.core.models import Question
from tui.core.sanitize import sanitize
from tui.store.errors import StoreError
from tui.store.progress import RATING_NAMES
from tui.study import Overview
from tui.ui.typed_attempts import attempt_lines
from tui.ui.widgets.progress_panel import ProgressPanel
from tui.ui.widgets.question_detail import DetailView, QuestionDetail
from tui.ui.widgets.question_list import QuestionList, QuestionRow
from tui.ui.widgets.topic_table import TopicTable

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI

RATING_KEYS = {"1": 1, "2": 2, "3": 3, "4": 4}
"""Keys 1-4 and the fsrs rating each gives (Again, Hard, Good, Easy)."""

DUE_REFRESH_SECONDS = 30.0
"""How often the dashboard checks, while idle, whether cards have fallen due."""


class DashboardScreen(Screen[None]):
    """Browse topics and questions, reveal answers and rate them in place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Reveal", id="reveal"),
        Binding("1", "rate('1')", "Again", id="rate-again"),
        Binding("2", "rate('2')", "Hard", id="rate-hard"),
        Binding("3", "rate('3')", "Good", id="rate-good"),
        Binding("4", "rate('4')", "Easy", id="rate-easy"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("r", "review(False)", "Review due", id="review-all"),
        Binding("R", "review(True)", "Review topic", id="review-topic"),
        Binding("m", "mock", "Mock", id="mock"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("slash", "search", "Search", id="search"),
        Binding("e", "note", "Note", show=False, id="note"),
        Binding("b", "bookmark", "Bookmark", show=False, id="bookmark"),
        Binding("x", "flag", "Flag wrong/unclear", show=False, id="flag"),
        Binding("c", "cram", "Cram", show=False, id="cram"),
        Binding("F", "filter_flagged", "Flagged only", show=False, id="filter-flagged"),
        Binding("d", "filter_difficulty", "Filter difficulty", show=False, id="filter-difficulty"),
        Binding("t", "filter_tag", "Filter tag", show=False, id="filter-tag"),
        Binding("B", "bookmarks", "Bookmarked questions", show=False, id="bookmarks"),
        Binding("N", "noted", "Questions with notes", show=False, id="noted"),
        Binding("comma", "settings", "Settings", show=False, id="settings"),
        Binding("f", "zoom", "Zoom", show=False, id="zoom"),
        Binding("escape", "back", "Back", show=False, id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topic_id: str | None = None
        self._question_id: str | None = None
        self._revealed_id: str | None = None
        self.shown_at = time.monotonic()
        self.difficulty_filter: str | None = None
        self.tag_filter: str | None = None
        self.flagged_filter = False
        self._flagged: set[str] = set()
        self._shown_once = False
        self._offered: tuple[bool, bool] | None = None
        self._figures: tuple[object, ...] | None = None
        """What the topic table and progress pane show, as last drawn (see refresh_due)."""

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def question_id(self) -> str | None:
        """The question the detail pane is about."""
        return self._question_id

    @question_id.setter
    def question_id(self, question_id: str | None) -> None:
        """Show another question: whatever caused the change, its answer starts hidden."""
        if question_id != self._question_id:
            self._question_id = question_id
            self._revealed_id = None
            self.shown_at = time.monotonic()

    @property
    def revealed(self) -> bool:
        """Whether the answer shown is that of the current question, revealed with Space."""
        return self._question_id is not None and self._revealed_id == self._question_id

    @revealed.setter
    def revealed(self, revealed: bool) -> None:
        """Reveal (or hide) the current question's answer."""
        self._revealed_id = self._question_id if revealed else None

    def compose(self) -> ComposeResult:
        """Two rows: topics beside progress, questions beside detail."""
        ascii = self.tui.ascii
        with Horizontal(id="top-row"):
            yield TopicTable(ascii=ascii, id="topics")
            yield ProgressPanel(ascii=ascii, id="progress")
        with Horizontal(id="bottom-row"):
            yield QuestionList(ascii=ascii, id="questions")
            yield QuestionDetail(ascii=ascii, id="detail")

    def on_mount(self) -> None:
        """Fill the panes and focus the topic table."""
        self.query_one("#topics").border_title = "Topics"
        self.query_one("#progress").border_title = "Progress"
        self.query_one("#questions").border_title = "Questions"
        self.query_one("#detail").border_title = "Question"
        self.query_one(TopicTable).on_highlight = self.select_topic
        self.query_one(QuestionList).on_highlight = self.select_question
        rows = self.tui.study.topic_rows()
        self.query_one(TopicTable).show_rows(rows)
        if rows:
            self.topic_id = rows[0].topic_id
        self.query_one(TopicTable).focus()
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """Fill what the first frame does not need: the question panes and the Footer.

        The Footer lists keys only when told the bindings changed, and it hears that only once
        mounted: so it is mounted first, then told.
        """
        await self.mount(Footer(compact=True))
        self.refresh_progress()
        self.set_interval(DUE_REFRESH_SECONDS, self.refresh_due)
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        """Coming back from a review: figures may have changed (not on the first show)."""
        if self._shown_once:
            self.refresh_progress()
        self._shown_once = True

    # Showing -----------------------------------------------------------------

    def refresh_progress(self) -> None:
        """Recompute figures and redraw the table, progress pane, question list and detail."""
        study = self.tui.study
        cards = study.cards()
        rows = study.topic_rows(cards)
        overview = study.overview(rows)
        self._figures = _figures(overview, rows)
        self.query_one(TopicTable).show_rows(rows)
        self.query_one(ProgressPanel).show(overview, rows)
        if self.topic_id is None and rows:
            self.topic_id = rows[0].topic_id
        self._show_questions(cards)
        self._show_detail()

    def refresh_due(self) -> None:
        """While idle, time passes: redraw what it changed (cards falling due, mastery fading),
        and nothing when the figures on screen are still right."""
        if not self.is_current:
            return
        study = self.tui.study
        cards = study.cards()
        rows = study.topic_rows(cards)
        overview = study.overview(rows)
        figures = _figures(overview, rows)
        if figures != self._figures:
            self._figures = figures
            self.query_one(TopicTable).show_rows(rows)  # repaints only the rows that changed
            self.query_one(ProgressPanel).show(overview, rows)
        self._show_questions(cards)  # the list, too, repaints only changed rows
        self._show_detail()  # the header repaints only when the status line changed

    def _show_questions(self, cards: dict[str, CardState] | None = None) -> None:
        """List the selected topic's questions with their states, after the filters."""
        study = self.tui.study
        topic = study.bank.topic(self.topic_id) if self.topic_id else None
        question_list = self.query_one(QuestionList)
        marked = study.progress.notes.bookmarked()
        self._flagged = study.progress.flags.flagged()
        rows = [
            QuestionRow(question, state, question.id in marked, question.id in self._flagged)
            for question, state in study.question_states(topic.id if topic else "", cards)
            if self._passes_filters(question)
        ]
        # The title names the filters, not the topic (the topic table's cursor shows that):
        # a new title repaints the whole pane, a new topic only its rows.
        flagged = "flagged" if self.flagged_filter else None
        filters = [f for f in (self.difficulty_filter, self.tag_filter, flagged) if f]
        title = sanitize(" · ".join(["Questions", *filters]))
        if str(question_list.border_title) != title:
            question_list.border_title = Text(title)
        question_list.show_rows(rows, keep=self.question_id)
        self.question_id = question_list.highlighted_id

    def _passes_filters(self, question: Question) -> bool:
        """Whether a question matches the difficulty and tag filters."""
        if self.difficulty_filter and question.difficulty.value != self.difficulty_filter:
            return False
        if self.flagged_filter and question.id not in self._flagged:
            return False
        return not self.tag_filter or self.tag_filter in question.tags

    def _show_detail(self) -> None:
        """Show the current question in the detail pane."""
        question = self.current_question
        detail = self.query_one(QuestionDetail)
        offered = (question is not None, self.revealed)
        if offered != self._offered:  # the Footer rebuilds itself: only when its keys change
            self._offered = offered
            self.refresh_bindings()
        if question is None:
            detail.show(None, self._empty_list_hint())
            return
        study = self.tui.study
        topic = study.bank.topic(question.topic_id)
        footer = "Rate: 1 Again · 2 Hard · 3 Good · 4 Easy" if self.revealed else ""
        notes = study.progress.notes
        detail.show(
            DetailView(
                question=question,
                topic_title=topic.title if topic else question.topic_id,
                status=study.card_status(question.id),
                revealed=self.revealed,
                footer=footer,
                note=notes.note(question.id) if self.revealed else "",
                bookmarked=notes.is_bookmarked(question.id),
                attempts=attempt_lines(
                    study.progress.typed_answers.attempts(question.id), study.tz
                ),
            )
        )

    def _empty_list_hint(self) -> str:
        """Why the question list is empty under the filters, and how to clear them."""
        if self.topic_id is None or not (
            self.difficulty_filter or self.tag_filter or self.flagged_filter
        ):
            return ""
        keys = []
        if self.flagged_filter:
            keys.append("F shows unflagged questions again")
        if self.difficulty_filter:
            keys.append(f"d cycles the difficulty ({self.difficulty_filter} now) back to all")
        if self.tag_filter:
            keys.append(f"t picks another tag or all tags ({self.tag_filter} now)")
        return sanitize("No question of this topic passes the filters: " + "; ".join(keys) + ".")

    @property
    def current_question(self) -> Question | None:
        """The question the detail pane is about."""
        return self.tui.study.bank.question(self.question_id) if self.question_id else None

    # Events ------------------------------------------------------------------

    def select_topic(self, topic_id: str) -> None:
        """A new topic under the cursor: list its questions."""
        if topic_id == self.topic_id:
            return
        self.topic_id = topic_id
        self.question_id = None
        self.revealed = False
        self._drop_filters_matching_nothing()
        self._show_questions()
        self._show_detail()

    def _drop_filters_matching_nothing(self) -> None:
        """On a new topic, clear the tag (then the difficulty) filter if it hides every question."""
        topic = self.tui.study.bank.topic(self.topic_id) if self.topic_id else None
        if topic is None or any(self._passes_filters(q) for q in topic.questions):
            return
        cleared = []
        if self.tag_filter and not any(self.tag_filter in q.tags for q in topic.questions):
            cleared.append(f"tag {self.tag_filter}")
            self.tag_filter = None
        if not any(self._passes_filters(q) for q in topic.questions) and self.difficulty_filter:
            cleared.append(f"difficulty {self.difficulty_filter}")
            self.difficulty_filter = None
        if cleared:
            shown = sanitize(" and ".join(cleared))
            self.notify(f"Filter cleared ({shown}): nothing in this topic matched.", timeout=3)

    @on(DataTable.RowSelected, "#topics")
    def open_topic(self) -> None:
        """Enter on a topic: go to its questions."""
        self.query_one(QuestionList).focus()

    def select_question(self, question_id: str) -> None:
        """A new question under the cursor: show it, answer hidden."""
        if question_id == self.question_id:
            return
        self.question_id = question_id
        self.revealed = False
        self.shown_at = time.monotonic()
        self._show_detail()

    @on(DataTable.RowSelected, "#questions")
    def open_question(self) -> None:
        """Enter on a question: move to the detail pane to read it."""
        self.query_one(QuestionDetail).focus()

    # Actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer Reveal before the answer is shown and the ratings after."""
        if action == "reveal":
            return self.current_question is not None and not self.revealed
        if action == "rate":
            return self.revealed
        return True

    def action_reveal(self) -> None:
        """Show the answer of the current question."""
        if self.current_question is None:
            self.notify("Choose a question first (Enter on a topic).", severity="warning")
            return
        self.revealed = True
        self._show_detail()

    def action_rate(self, key: str) -> None:
        """Record a rating for the revealed question and move to the next one."""
        question = self.current_question
        if question is None:
            return
        if not self.revealed:
            self.notify("Reveal the answer first (Space), then rate it.", severity="warning")
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        study = self.tui.study
        try:
            card = study.rate(question.id, RATING_KEYS[key], duration)
        except StoreError as error:
            self.notify(f"Not saved: {error.reason}", severity="error", timeout=10, markup=False)
            return
        if card is not None:
            from tui.ui.wording import saved_message  # imported on the first rating

            self.notify(
                saved_message(RATING_NAMES[RATING_KEYS[key]], card.due - study.clock()), timeout=3
            )
        self._advance()

    def _advance(self) -> None:
        """Highlight the next question of the list (the last one stays put)."""
        self.revealed = False
        following = self.query_one(QuestionList).id_after(self.question_id)
        if following is not None:
            self.question_id = following
        self.shown_at = time.monotonic()
        self.refresh_progress()

    def action_undo(self) -> None:
        """Take back this run's last rating and go to that question, answer hidden."""
        try:
            undone = self.tui.study.undo()
        except StoreError as error:
            self.notify(f"Undo failed: {error.reason}", severity="error", timeout=10, markup=False)
            return
        from tui.ui.wording import NOTHING_TO_UNDO, undone_message  # imported on first undo

        if undone is None:
            self.notify(NOTHING_TO_UNDO, severity="warning")
            return
        question = self.tui.study.bank.question(undone.question_id)
        self.notify(undone_message(undone.rating_name, question, self.tui.ascii), markup=False)
        if question is None:
            self.refresh_progress()
            return
        self.show_question(question.topic_id, question.id)
        self.revealed = False
        self._show_detail()

    def _move_topic_cursor(self, topic_id: str) -> None:
        """Put the topic table's cursor on a topic without re-triggering selection."""
        table = self.query_one(TopicTable)
        table.move_cursor(row=table.get_row_index(topic_id))

    def action_review(self, topic_only: bool) -> None:
        """Start a review session of everything due, or of the selected topic only."""
        from tui.ui.screens.review import ReviewScreen

        topic_id = self.topic_id if topic_only else None
        queue = self.tui.study.review_queue(topic_id)
        if not queue:
            where = "in this topic" if topic_only else "anywhere"
            self.notify(f"Nothing due {where}, and no new questions left today.")
            return
        self.app.push_screen(ReviewScreen(queue, topic_id))

    def action_stats(self) -> None:
        """Open the statistics screen."""
        from tui.insights import snapshot
        from tui.ui.screens.stats import StatsScreen

        self.app.push_screen(
            StatsScreen(snapshot(self.tui.study, self.tui.settings.interview_date))
        )

    def action_mock(self) -> None:
        """Set up and run a mock interview."""
        from tui.ui.screens.mock import MockSetupScreen

        self.app.push_screen(MockSetupScreen())

    def action_mock_history(self) -> None:
        """The list of past mock interviews and their reports."""
        from tui.ui.screens.mock_history import MockHistoryScreen

        self.app.push_screen(MockHistoryScreen())

    def show_question(self, topic_id: str, question_id: str | None) -> None:
        """Select a topic (and a question in it), clearing filters that would hide it."""
        self.topic_id, self.question_id = topic_id, question_id
        self.difficulty_filter = self.tag_filter = None
        self.revealed = False
        self._move_topic_cursor(topic_id)
        self.refresh_progress()
        self.query_one(QuestionDetail if question_id else QuestionList).focus()

    def action_search(self) -> None:
        """Search every question and note; open the one chosen."""
        self._open_search()

    def action_bookmarks(self) -> None:
        """List the bookmarked questions of every topic; open the one chosen."""
        self._open_search(
            self.tui.study.progress.notes.bookmarked(),
            "Bookmarked questions",
            "No bookmarks yet: b on a question bookmarks it",
        )

    def action_noted(self) -> None:
        """List the questions that have a note; open the one chosen."""
        self._open_search(
            set(self.tui.study.progress.notes.all_notes()),
            "Questions with notes",
            "No notes yet: e on a question adds one",
        )

    def _open_search(self, only: set[str] | None = None, title: str = "", empty: str = "") -> None:
        """The search screen, over every question or limited to `only`; opens the one chosen."""
        from tui.ui.screens.search import SearchScreen

        study = self.tui.study

        def open_result(question_id: str | None) -> None:
            question = study.bank.question(question_id) if question_id else None
            if question is not None:
                self.show_question(question.topic_id, question.id)

        if only is not None:
            only = {qid for qid in only if study.bank.question(qid) is not None}
        screen = SearchScreen(
            study.bank,
            study.progress.notes.all_notes(),
            only=only,
            title=title,
            empty=empty,
            ascii=self.tui.ascii,
        )
        self.app.push_screen(screen, open_result)

    def action_note(self) -> None:
        """Edit the note of the current question."""
        from tui.ui.question_actions import edit_note  # imported on first use

        if self.current_question is not None:
            edit_note(self, self.tui.study, self.current_question, self._show_detail)

    def action_bookmark(self) -> None:
        """Bookmark the current question, or remove its bookmark."""
        from tui.ui.question_actions import toggle_bookmark  # imported on first use

        if self.current_question is not None:
            toggle_bookmark(self, self.tui.study, self.current_question)
            self._show_questions()
            self._show_detail()

    def action_flag(self) -> None:
        """Flag the current question as wrong or unclear (asking why), or unflag it."""
        from tui.ui.question_actions import toggle_flag  # imported on first use

        if self.current_question is not None:
            toggle_flag(self, self.tui.study, self.current_question, self._redraw_questions)

    def _redraw_questions(self) -> None:
        """Redraw the question list and the detail pane."""
        self._show_questions()
        self._show_detail()

    def action_filter_flagged(self) -> None:
        """Show only flagged questions, or every question again."""
        self.flagged_filter = not self.flagged_filter
        self.notify(
            "Flagged questions only." if self.flagged_filter else "All questions.", timeout=2
        )
        self._redraw_questions()

    def action_cram(self) -> None:
        """Pick what to cram (topic, tag, difficulty, bookmarks, flags) and start the session."""
        from tui.ui.screens.cram import cram_choices, start_cram
        from tui.ui.screens.pick import PickScreen

        study = self.tui.study
        choices = cram_choices(study.bank, self.topic_id)

        def start(choice: str | None) -> None:
            if choice:
                start_cram(self, study, choice)

        self.app.push_screen(PickScreen("Cram: no schedule changes", choices), start)

    def action_filter_difficulty(self) -> None:
        """Cycle the difficulty filter: all, junior, mid, senior."""
        cycle = [None, "junior", "mid", "senior"]
        self.difficulty_filter = cycle[(cycle.index(self.difficulty_filter) + 1) % len(cycle)]
        self.notify(f"Difficulty: {self.difficulty_filter or 'all'}", timeout=2)
        self._show_questions()
        self._show_detail()

    def action_filter_tag(self) -> None:
        """Pick a tag to filter the question list by (or all tags)."""
        from tui.ui.screens.pick import PickScreen

        topic = self.tui.study.bank.topic(self.topic_id) if self.topic_id else None
        if topic is None:
            return
        tags = sorted({tag for question in topic.questions for tag in question.tags})
        choices = [("", "(all tags)"), *[(tag, tag) for tag in tags]]

        def apply(tag: str | None) -> None:
            if tag is None:
                return
            self.tag_filter = tag or None
            self._show_questions()
            self._show_detail()

        self.app.push_screen(PickScreen("Filter by tag", choices, self.tag_filter or ""), apply)

    def action_settings(self) -> None:
        """Edit the settings."""
        from tui.ui.screens.settings import SettingsScreen

        def apply(settings: Settings | None) -> None:
            if settings is not None:
                self.tui.apply_settings(settings)
                self.notify("Settings saved.", timeout=2)
                self.refresh_progress()

        themes = sorted(self.app.available_themes)
        study = self.tui.study
        today = study.clock().astimezone(study.tz).date()
        self.app.push_screen(SettingsScreen(replace(self.tui.settings), themes, today), apply)

    def action_zoom(self) -> None:
        """Maximise the detail pane, or restore the layout."""
        if self.maximized is not None:
            self.minimize()
        else:
            detail = self.query_one(QuestionDetail)
            detail.focus()
            self.maximize(detail)

    def action_back(self) -> None:
        """Escape: leave zoom, or step focus back towards the topic table."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is self.query_one(QuestionDetail):
            self.query_one(QuestionList).focus()
        else:
            self.query_one(TopicTable).focus()


def _figures(overview: Overview, rows: list[TopicMastery]) -> tuple[object, ...]:
    """The numbers the topic table and progress pane show, as rounded as they are shown."""
    shown = tuple((row.due, round(row.mastery * 100)) for row in rows)
    return (
        round(overview.mastery * 100),
        overview.reviews_today,
        overview.due_now,
        overview.new_left_today,
        overview.total_reviews,
        shown,
    )
