"""Grading I/O: the offline model loader (and, later, the LLM judge client)."""
