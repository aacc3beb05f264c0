"""Parse YAML while remembering where each value sits, so errors can name a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader is several times faster when libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

NodePath = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """A YAML document's data plus the node of every value, keyed by its path."""

    data: Any
    nodes: dict[NodePath, yaml.Node] = field(default_factory=dict)
    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)

    def line_of(self, path: NodePath) -> int:
        """1-based line of the value at `path`, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            node = self.nodes.get(path[:end])
            if node is not None:
                return int(node.start_mark.line) + 1
        return 1

    def line_in_text(self, path: NodePath, offset: int) -> int:
        """1-based line of a character offset inside the string value at `path`."""
        node = self.nodes.get(path)
        if node is None or not isinstance(node, yaml.ScalarNode):
            return self.line_of(path)
        first = int(node.start_mark.line) + 1
        if node.style in ("|", ">"):
            return first + 1 + str(node.value)[:offset].count("\n")
        return first


def load_located(text: str) -> Located:
    """Parse one YAML document once; raises yaml.YAMLError on bad syntax."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Located(None)
        nodes: dict[NodePath, yaml.Node] = {}
        duplicates: list[tuple[str, int]] = []
        _index(root, (), nodes, duplicates)
        data = loader.construct_document(root)
    finally:
        loader.dispose()
    return Located(data, nodes, duplicates)


def _index(
    node: yaml.Node,
    path: NodePath,
    nodes: dict[NodePath, yaml.Node],
    duplicates: list[tuple[str, int]],
) -> None:
    """Record `node` and its children under their paths."""
    nodes[path] = node
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append((key, int(key_node.start_mark.line) + 1))
            seen.add(key)
            _index(value_node, (*path, key), nodes, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*path, index), nodes, duplicates)
