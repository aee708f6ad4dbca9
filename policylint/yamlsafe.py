"""Bounded, line-aware YAML loading for packs and config (safe tags only, no aliases)."""
from __future__ import annotations

from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (same safe constructor, several times faster)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader_for(text: str) -> type:
    """The C loader for text libyaml can take; the pure-Python one (clear errors) for the rest."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return yaml.SafeLoader
    return _FAST_LOADER

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


MAX_DEPTH = 64


def _one_line(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    if not problem and isinstance(error, yaml.reader.ReaderError):
        problem = f"unacceptable character #x{error.character:04x}" if isinstance(error.character, int) \
            else "unacceptable character"
    text = str(problem or error)
    return " ".join(text.split())[:200]


def _error_line(error: yaml.YAMLError, text: str) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(error, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1
    return None


def load(text: str) -> Any:
    """Parse YAML text into plain values with line information; raise YamlError with a line.

    Bounded before anything is built: at most MAX_YAML_BYTES, MAX_NODES nodes and MAX_DEPTH levels of
    nesting, no anchors or aliases (so no billion-laughs), only the standard scalar/collection tags."""
    if len(text) > MAX_YAML_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlError(f"file is larger than {MAX_YAML_BYTES // 1024} KB", 1)
    depth = 0
    events = 0
    try:
        for event in yaml.parse(text, Loader=_loader_for(text)):
            events += 1
            if events > 2 * MAX_NODES:
                raise YamlError("document is too large", event.start_mark.line + 1)
            if isinstance(event, yaml.AliasEvent):
                raise YamlError("YAML aliases (*name) are not allowed", event.start_mark.line + 1)
            anchor = getattr(event, "anchor", None)
            if anchor:
                raise YamlError("YAML anchors (&name) are not allowed", event.start_mark.line + 1)
            tag = getattr(event, "tag", None)
            if tag and tag not in ("!", "?") and _resolve_tag(tag) not in SAFE_TAGS:
                shown = f" {tag!r}" if tag.startswith(("tag:yaml.org,2002:python/", "!!python/")) else ""
                raise YamlError(f"tag{shown} is not allowed (only plain YAML values)", event.start_mark.line + 1)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        raise YamlError(f"YAML syntax error: {_one_line(error)}", _error_line(error, text)) from None
    except RecursionError:
        raise YamlError("YAML is nested too deeply", None) from None
    loader = _loader_for(text)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        counter = [0]
        return _convert(node, loader, counter)
    except yaml.YAMLError as error:
        raise YamlError(f"YAML syntax error: {_one_line(error)}", _error_line(error, text)) from None
    except RecursionError:
        raise YamlError("YAML is nested too deeply", None) from None
    finally:
        loader.dispose()


def _resolve_tag(tag: str) -> str:
    if tag.startswith("!!"):
        return "tag:yaml.org,2002:" + tag[2:]
    return tag


def _convert(node: yaml.Node, loader: yaml.SafeLoader, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise YamlError("document is too large", node.start_mark.line + 1)
    line = node.start_mark.line + 1
    if node.tag not in SAFE_TAGS:
        raise YamlError("tag is not allowed (only plain YAML values)", line)
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
        raise YamlError(f"bad value: {_one_line(error)}", line) from None
    except (ValueError, OverflowError) as error:      # e.g. a timestamp such as 2024-13-45
        raise YamlError(f"bad value ({type(error).__name__})", line) from None
