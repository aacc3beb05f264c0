"""`genai-tui grade` asks the configured LLM judge (a real server on 127.0.0.1) and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from fake_server import completion, judge_server

QUESTION = "decoding/temperature"
ANSWER = "Temperature divides every logit by T before the softmax is applied."


def run_grade(env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """`genai-tui grade QUESTION - --json` with the answer on stdin and extra environment."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "grade", QUESTION, "-", "--json"],
        capture_output=True,
        input=ANSWER.encode(),
        env={**os.environ, **env},
        timeout=120,
    )


def every_point(body: dict[str, Any]) -> tuple[int, str, float]:
    """A reply that quotes the answer for point 1 and calls the others missing."""
    total = len(json.loads(body["messages"][1]["content"])["key_points"])
    entries = [{"index": 1, "verdict": "covered", "evidence": "divides every logit by T"}]
    entries += [{"index": i, "verdict": "missing", "evidence": None} for i in range(2, total + 1)]
    return 200, completion(json.dumps({"key_points": entries})), 0.0


def test_grade_uses_the_judge_when_the_environment_names_one() -> None:
    with judge_server(every_point) as server:
        result = run_grade({"GENAI_TUI_JUDGE_URL": server.url, "GENAI_TUI_JUDGE_MODEL": "m"})
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["grader"] == "llm"
    assert document["covered"] == 1 and document["key_points"][0]["evidence"] in ANSWER
    assert len(server.requests) == 1


def test_grade_falls_back_offline_when_the_judge_fails() -> None:
    with judge_server(lambda _body: (500, "{}", 0.0)) as server:
        result = run_grade({"GENAI_TUI_JUDGE_URL": server.url, "GENAI_TUI_JUDGE_MODEL": "m"})
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["grader"] == "offline"
    assert "HTTP 500" in document["notice"]
