"""The pure domain: content models, bank loading, mastery arithmetic. No Textual, no SQLite."""
