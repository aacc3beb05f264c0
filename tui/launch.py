"""Start the dashboard: check the terminal, load the bank, open the store, run the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXIT_USAGE = 2


def launch(content_dirs: list[Path], db: Path) -> int:
    """Run the interactive app; returns the process exit code."""
    problem = terminal_problem()
    if problem:
        print(f"genai-tui: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from tui.core.bank import load_bank
    from tui.store.progress import Progress
    from tui.study import Study

    result = load_bank(content_dirs)
    warnings = [str(problem) for problem in result.errors]
    progress = Progress.open(db)
    warnings += list(progress.notices)
    try:
        if sys.__stderr__ is not None and hasattr(sys.__stderr__, "reconfigure"):
            sys.__stderr__.reconfigure(encoding="utf-8")
        from tui.ui.app import GenAITUI

        app = GenAITUI(Study(result.bank, progress), warnings=warnings, handle_signals=True)
        app.run()
        return app.return_code or 0
    finally:
        progress.close()


def terminal_problem() -> str | None:
    """Why the dashboard cannot run in this terminal, or None if it can."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return (
            "the dashboard needs an interactive terminal; "
            "use 'genai-tui stats', 'validate' or 'content' in pipes and scripts"
        )
    if os.environ.get("TERM", "") in ("", "dumb"):
        return (
            "TERM is 'dumb' or unset: the dashboard needs a terminal that supports cursor control"
        )
    return None
