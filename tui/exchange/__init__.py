"""Data in and out of genai-tui: Anki decks, Anki text files, progress export and merge."""
