"""Start the dashboard: check the terminal, load the bank, open the store, run the app."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from tui.config import Settings, SettingsFile
from tui.terminal import (
    apply_color,
    locale_can_draw_boxes,
    locale_name,
    process_start_environ,
    resolve_color,
    terminal_problem,
    user_environ,
)

EXIT_USAGE = 2


def launch(
    content_dirs: list[Path],
    db: Path,
    settings_file: SettingsFile,
    settings: Settings,
    color: str | None = None,
    ascii: bool | None = None,
) -> int:
    """Run the interactive app; returns the process exit code."""
    problem = terminal_problem(os.environ)
    if problem:
        print(f"genai-tui: {problem}", file=sys.stderr)
        return EXIT_USAGE
    apply_color(resolve_color(color, os.environ), os.environ)
    user = user_environ(os.environ, process_start_environ())
    boxes = locale_can_draw_boxes(user)
    use_ascii = bool(ascii) or not boxes
    locale_warnings = []
    if not ascii and not boxes:
        locale_warnings.append(
            f"ASCII mode: the locale {locale_name(user)!r} cannot show box-drawing "
            "characters; set LANG=C.UTF-8 (or another UTF-8 locale) for full glyphs"
        )
    # Importing Textual and the app, and loading the bank, make many objects but hardly any
    # garbage cycles (a few hundred objects), yet the collector's passes over them cost start-up
    # about 15 ms. So it is off until the app's first frame (and on again when the app is done).
    gc.disable()
    try:
        return _load_and_run(content_dirs, db, settings_file, settings, use_ascii, locale_warnings)
    finally:
        gc.enable()


def _load_and_run(
    content_dirs: list[Path],
    db: Path,
    settings_file: SettingsFile,
    settings: Settings,
    use_ascii: bool,
    locale_warnings: list[str],
) -> int:
    """Load the bank and the store, then run the app until it exits; returns the exit code."""
    from tui.content_cache import load_bank_cached
    from tui.paths import cache_dir
    from tui.store.progress import Progress
    from tui.study import Study

    result = load_bank_cached(content_dirs, cache_dir())
    warnings = [f"Skipped {problem}" for problem in result.errors]
    if settings_file.problem:
        warnings.append(settings_file.problem)
    progress = Progress.open(db, desired_retention=settings.desired_retention)
    warnings += [*progress.notices, *locale_warnings]
    try:
        if sys.__stderr__ is not None and hasattr(sys.__stderr__, "reconfigure"):
            sys.__stderr__.reconfigure(encoding="utf-8")
        from tui.exit_watchdog import ExitWatchdog
        from tui.ui.app import GenAITUI

        study = Study(result.bank, progress, new_per_day=settings.new_per_day)
        app = GenAITUI(
            study,
            settings=settings,
            settings_file=settings_file,
            warnings=warnings,
            ascii=use_ascii,
            handle_signals=True,
            watchdog=ExitWatchdog(progress.close),
        )
        # Everything loaded so far (Textual, the bank index) lives as long as the process. Moving
        # it out of the collector's sight spares the first frame a full collection of ~25 ms,
        # during which Textual's writer thread would wait for the GIL to send the frame.
        gc.freeze()
        app.run()  # the app switches the collector back on after its first frame
        return app.return_code or 0
    finally:
        progress.close()
