"""Load topic files from content directories into an immutable Bank, with file:line problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.fences import Fence, fence_problems, split_fences
from tui.core.mathtext import formula_offsets, math_problems
from tui.core.models import Question, Topic

if TYPE_CHECKING:
    from pydantic import ValidationError

    from tui.core.yamlmap import Located, NodePath

MAX_FILE_BYTES = 2 * 1024 * 1024
CONTENT_SUFFIXES = (".yaml", ".yml")
CHECKED_TEXT_FIELDS = ("question", "answer", "key_points", "follow_ups", "pitfalls")
FENCED_FIELDS = ("answer",)
"""The fields that may hold ```-fenced code blocks; the others are shown on one line."""

MacroLinter = Callable[[str], list[str]]
"""Given a formula, the names of the macros the renderer does not know."""


@dataclass(frozen=True)
class Problem:
    """Something wrong (or suspicious, for warnings) at a line of a content file."""

    path: Path
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """The `FILE:LINE: message` form printed by `genai-tui validate`."""
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass(frozen=True)
class Bank:
    """The validated question bank: topics in display order, questions findable by id."""

    topics: tuple[Topic, ...] = ()
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, topics: Iterable[Topic]) -> Bank:
        """Build a bank from topics, indexing every question by id."""
        ordered = tuple(topics)
        index = {question.id: question for topic in ordered for question in topic.questions}
        return cls(ordered, index)

    @property
    def questions(self) -> Iterator[Question]:
        """Every question, topic by topic."""
        for topic in self.topics:
            yield from topic.questions

    @property
    def question_count(self) -> int:
        """How many questions the bank holds."""
        return len(self._by_id)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if the bank has it."""
        return self._by_id.get(question_id)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, if the bank has it."""
        return next((topic for topic in self.topics if topic.id == topic_id), None)


@dataclass(frozen=True)
class LoadResult:
    """A bank built from every good file, and the problems found in the others."""

    bank: Bank
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that made a file be skipped."""
        return tuple(problem for problem in self.problems if not problem.warning)


def content_files(directory: Path) -> list[Path]:
    """The topic files of a content directory, in name order."""
    return sorted(
        entry for entry in directory.iterdir() if entry.name.lower().endswith(CONTENT_SUFFIXES)
    )


def load_bank(directories: Sequence[Path], unknown_macros: MacroLinter | None = None) -> LoadResult:
    """Load every topic file of the directories; bad files are skipped and reported.

    With `unknown_macros`, formulas using macros the renderer does not know are warned about.
    """
    topics: list[Topic] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[Path, int]] = {}
    for directory in directories:
        try:
            files = content_files(directory)
        except OSError as error:
            problems.append(Problem(directory, 1, f"cannot read content directory: {_why(error)}"))
            continue
        for path in files:
            topic, file_problems = load_topic_file(path, seen, unknown_macros)
            problems.extend(file_problems)
            if topic is not None:
                topics.append(topic)
    topics.sort(key=lambda topic: (topic.order, topic.id))
    return LoadResult(Bank.of(topics), tuple(problems))


def load_topic_file(
    path: Path,
    seen: dict[str, tuple[Path, int]] | None = None,
    unknown_macros: MacroLinter | None = None,
) -> tuple[Topic | None, list[Problem]]:
    """Read and validate one topic file; `seen` tracks ids across files and is updated."""
    import yaml
    from pydantic import ValidationError

    from tui.core.schema import TopicSchema, to_topic
    from tui.core.yamlmap import load_located

    seen = {} if seen is None else seen
    text, problem = _read_text(path)
    if text is None:
        return None, [problem] if problem else []
    try:
        located = load_located(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = int(mark.line) + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(path, line, f"invalid YAML: {reason}")]
    problems = [
        Problem(path, line, f"duplicate key '{key}'") for key, line in located.duplicate_keys
    ]
    if not isinstance(located.data, dict):
        return None, [Problem(path, 1, "a topic file must be a YAML mapping with id, title, ...")]
    try:
        topic = to_topic(TopicSchema.model_validate(located.data))
    except ValidationError as error:
        problems.extend(_validation_problems(path, located, error))
        return None, problems
    problems.extend(_consistency_problems(path, located, topic, seen))
    problems.extend(_math_problems(path, located, topic, unknown_macros))
    problems.extend(_fence_problems(path, located, topic))
    if any(not problem.warning for problem in problems):
        return None, problems
    _remember_ids(path, located, topic, seen)
    return topic, problems


def _read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return None, Problem(path, 1, f"file too large ({size / 1e6:.1f} MB, limit {limit} MB)")
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(path, 1, f"cannot read file: {_why(error)}")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, Problem(path, line, "binary file, not YAML text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(path, line, f"not UTF-8 text (byte 0x{data[error.start]:02x})")


def _why(error: OSError) -> str:
    """A short reason for an OS error, without the path repeated."""
    return error.strerror or type(error).__name__


def _validation_problems(path: Path, located: Located, error: ValidationError) -> list[Problem]:
    """Turn pydantic errors into one readable problem per error."""
    problems = []
    for detail in error.errors():
        loc: NodePath = tuple(detail["loc"])
        problems.append(Problem(path, located.line_of(loc), _describe(located.data, loc, detail)))
    return problems


def _describe(data: Any, loc: NodePath, detail: Any) -> str:
    """Say what is wrong in words a content author understands."""
    where = _where(data, loc)
    kind = detail["type"]
    name = str(loc[-1]) if loc else "file"
    if kind == "extra_forbidden":
        return f"{where}unknown field '{name}'"
    if kind == "missing":
        return f"{where}missing field '{name}'"
    if kind == "string_too_short":
        return f"{where}empty {name}"
    if kind == "too_short":
        return f"{where}{name} must not be empty"
    if kind == "string_pattern_mismatch" and name == "id":
        return f"{where}bad id {detail['input']!r}: use lowercase kebab-case, 'topic/slug'"
    return f"{where}{name}: {detail['msg']}"


def _where(data: Any, loc: NodePath) -> str:
    """Name the question an error is in, when it is inside one."""
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        try:
            question_id = data["questions"][loc[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            question_id = None
        label = f"'{question_id}'" if isinstance(question_id, str) else f"#{loc[1] + 1}"
        return f"question {label}: "
    return ""


def _consistency_problems(
    path: Path, located: Located, topic: Topic, seen: dict[str, tuple[Path, int]]
) -> list[Problem]:
    """Ids that clash with the file name, the topic, each other, or other files."""
    problems = []
    stem = path.name.rsplit(".", 1)[0]
    if topic.id != stem:
        problems.append(
            Problem(
                path,
                located.line_of(("id",)),
                f"topic id '{topic.id}' does not match the file name '{path.name}'",
            )
        )
    ids: list[tuple[str, str, NodePath]] = [("topic", topic.id, ("id",))]
    ids += [("question", q.id, ("questions", i, "id")) for i, q in enumerate(topic.questions)]
    in_file: set[str] = set()
    for kind, item_id, loc in ids:
        line = located.line_of(loc)
        if kind == "question" and item_id.split("/", 1)[0] != topic.id:
            problems.append(
                Problem(path, line, f"question id '{item_id}' must start with '{topic.id}/'")
            )
        if item_id in in_file:
            problems.append(Problem(path, line, f"duplicate {kind} id '{item_id}'"))
        elif item_id in seen:
            other, other_line = seen[item_id]
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate {kind} id '{item_id}' (first defined at {other}:{other_line})",
                )
            )
        in_file.add(item_id)
    return problems


def _math_problems(
    path: Path, located: Located, topic: Topic, unknown_macros: MacroLinter | None
) -> list[Problem]:
    """Unbalanced `$` or braces in any text a question displays, and unknown macros."""
    problems = []
    for index, question in enumerate(topic.questions):
        for name in CHECKED_TEXT_FIELDS:
            value = getattr(question, name)
            items = [value] if isinstance(value, str) else value
            for item, text in enumerate(items):
                loc: NodePath = ("questions", index, name)
                loc = loc if isinstance(value, str) else (*loc, item)
                where = f"question '{question.id}' {name}"
                for problem in math_problems(text):
                    line = located.line_in_text(loc, problem.offset)
                    problems.append(Problem(path, line, f"{where}: {problem.message}"))
                if unknown_macros is not None:
                    problems += _macro_warnings(path, located, loc, text, where, unknown_macros)
    return problems


def _fence_problems(path: Path, located: Located, topic: Topic) -> list[Problem]:
    """Unclosed fences, unknown fence languages, and fences where only prose is shown."""
    problems = []
    for index, question in enumerate(topic.questions):
        for name in CHECKED_TEXT_FIELDS:
            value = getattr(question, name)
            items = [value] if isinstance(value, str) else value
            for item, text in enumerate(items):
                if "```" not in text:
                    continue
                loc: NodePath = ("questions", index, name)
                loc = loc if isinstance(value, str) else (*loc, item)
                where = f"question '{question.id}' {name}"
                if name in FENCED_FIELDS:
                    found = fence_problems(text)
                else:
                    message = "code fences are allowed only in the answer"
                    fences = [part for part in split_fences(text) if isinstance(part, Fence)]
                    found = [(fence.offset, message) for fence in fences]
                for offset, message in found:
                    line = located.line_in_text(loc, offset)
                    problems.append(Problem(path, line, f"{where}: {message}"))
    return problems


def _macro_warnings(
    path: Path, located: Located, loc: NodePath, text: str, where: str, lint: MacroLinter
) -> list[Problem]:
    """Warnings for formulas in `text` that use macros the renderer does not know."""
    warnings = []
    for formula, offset in formula_offsets(text):
        for macro in lint(formula):
            line = located.line_in_text(loc, offset)
            message = f"{where}: unknown macro \\{macro} (shown as '{macro}')"
            warnings.append(Problem(path, line, message, warning=True))
    return warnings


def _remember_ids(
    path: Path, located: Located, topic: Topic, seen: dict[str, tuple[Path, int]]
) -> None:
    """Record the ids of an accepted file so later files cannot reuse them."""
    seen[topic.id] = (path, located.line_of(("id",)))
    for index, question in enumerate(topic.questions):
        seen[question.id] = (path, located.line_of(("questions", index, "id")))
