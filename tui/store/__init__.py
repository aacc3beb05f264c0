"""Progress storage in SQLite through sqlite-utils. No Textual here."""
