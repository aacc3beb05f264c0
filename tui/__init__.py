"""genai-tui: interview preparation for Generative-AI engineers, in the terminal."""

__version__ = "0.1.0"
