"""`genai-tui serve`: an SSH server that gives each public key its own dashboard and progress."""
