"""A content pack whose answer holds fenced code and a diagram, for the rendering tests."""

from __future__ import annotations

from pathlib import Path

import yaml

LONG_LINE = "    return softmax_with_a_really_long_name(scores_of_every_query_against_every_key)"
ANSWER = f"""Code first: $x$ is math out here.

```python
def attend(q, k):  # $not math$ **not bold**
{LONG_LINE}
```

```text
┌────────┐     ┌─────┐
│ client │────▶│ LLM │
└────────┘     └─────┘
```

After the fences, prose goes on with enough words to look like a real answer that an author
would write, and it wraps at the pane's width like any paragraph does."""


def code_pack(folder: Path, answer: str = ANSWER) -> Path:
    """Write a one-question topic whose answer is `answer`; returns the folder."""
    folder.mkdir()
    topic = {
        "id": "code",
        "title": "Code topic",
        "section": "Tests",
        "summary": "Fenced blocks.",
        "questions": [
            {
                "id": "code/q",
                "difficulty": "junior",
                "question": "Write attention.",
                "answer": answer,
                "key_points": ["one", "two", "three"],
                "follow_ups": ["why?"],
                "pitfalls": ["none"],
                "references": ["Vaswani et al. (2017)"],
                "tags": ["code"],
            }
        ],
    }
    (folder / "code.yaml").write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")
    return folder
