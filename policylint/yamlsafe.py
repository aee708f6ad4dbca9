"""Bounded, line-aware YAML loading for packs and config (safe tags only, no aliases)."""
from __future__ import annotations

from typing import Any

import yaml

MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000


class YamlError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]


SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}


def load(text: str) -> Any:
    """Parse YAML text into plain values with line information; raise YamlError with a line."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlError(f"file is larger than {MAX_YAML_BYTES // 1024} KB", 1)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlError("YAML aliases (*name) are not allowed", event.start_mark.line + 1)
            anchor = getattr(event, "anchor", None)
            if anchor:
                raise YamlError("YAML anchors (&name) are not allowed", event.start_mark.line + 1)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlError(f"YAML syntax error: {getattr(error, 'problem', None) or error}",
                        mark.line + 1 if mark else None) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlError(f"YAML syntax error: {getattr(error, 'problem', None) or error}",
                        mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
    if node is None:
        return None
    counter = [0]
    return _convert(node, loader, counter)


def _convert(node: yaml.Node, loader: yaml.SafeLoader, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise YamlError("document is too large", node.start_mark.line + 1)
    line = node.start_mark.line + 1
    if node.tag not in SAFE_TAGS:
        raise YamlError(f"tag {node.tag!r} is not allowed", line)
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("mapping keys must be plain scalars", key_node.start_mark.line + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not allowed", key_node.start_mark.line + 1)
            key = str(loader.construct_scalar(key_node))
            if key in result:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            result.key_lines[key] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, loader, counter)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList()
        items.line = line
        items.item_lines = []
        for child in node.value:
            items.item_lines.append(child.start_mark.line + 1)
            items.append(_convert(child, loader, counter))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise YamlError(f"bad value: {getattr(error, 'problem', None) or error}", line) from None
