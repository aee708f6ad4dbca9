"""Configuration: .policylint.yaml (found upward) or [tool.policylint] in pyproject.toml, or --config."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from policylint import yamlsafe
from policylint.findings import Severity

DEFAULT_PACKS = ("hipaa", "medical-advice", "ethics", "language", "accessibility")
CONFIG_NAMES = (".policylint.yaml", ".policylint.yml")
TOP_KEYS = {"packs", "extends", "disable", "enable", "severity", "exclude", "include", "lexicons", "disclaimer",
            "model", "platform", "truncation", "paths", "org_contacts", "staff_names", "fail_on", "timeout"}
PATH_KEYS = {"disable", "enable", "severity", "platform", "packs"}


class ConfigError(Exception):
    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line = source, line
        super().__init__(f"{source}:{line}: {message}" if line else f"{source}: {message}")


@dataclass(frozen=True)
class PathSettings:
    pattern: str
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    platform: str | None = None


@dataclass(frozen=True)
class Config:
    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    packs: tuple[str, ...] = DEFAULT_PACKS
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    lexicons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    disclaimer: str | None = None
    model: str | None = None
    platform: str | None = None
    truncation: Mapping[str, int] = field(default_factory=dict)
    paths: tuple[PathSettings, ...] = ()
    org_contacts: tuple[str, ...] = ()
    staff_names: tuple[str, ...] = ()
    fail_on: str | None = None
    timeout: float | None = None          # seconds of checks per document (--timeout); None: no limit

    def for_path(self, path: str) -> PathSettings | None:
        """Merged per-path settings for a file (all matching patterns, in order)."""
        rel = path
        try:
            rel = str(Path(path).resolve().relative_to(self.root.resolve()))
        except (ValueError, OSError):
            pass
        matched = [p for p in self.paths if fnmatch.fnmatch(rel, p.pattern) or fnmatch.fnmatch(path, p.pattern)]
        if not matched:
            return None
        merged = PathSettings("*")
        for p in matched:
            merged = replace(merged, disable=merged.disable + p.disable, enable=merged.enable + p.enable,
                             severity={**merged.severity, **p.severity}, platform=p.platform or merged.platform)
        return merged


def _line(mapping: Any, key: Any, default: int | None = None) -> int | None:
    """The line of ``key`` in a YAML mapping (None for TOML tables, which carry no lines)."""
    line_of = getattr(mapping, "line_of", None)
    return line_of(key) if line_of is not None else default


def _strs(value: Any, source: str, line: int, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ConfigError(source, line, f"{key!r} must be a list of text")
    return tuple(str(v) for v in value)


def _severities(value: Any, source: str, line: int) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(source, line, "'severity' must map rule codes to error, warning or info")
    result = {}
    for code, sev in value.items():
        try:
            result[str(code)] = Severity.parse(str(sev))
        except ValueError as error:
            raise ConfigError(source, _line(value, code, line), str(error)) from None
    return result


def parse_config(data: Any, source: str, root: Path) -> Config:
    if data is None:
        return Config(source=source, root=root)
    if not isinstance(data, dict):
        raise ConfigError(source, 1, "configuration must be a mapping of keys to values")

    def line_of(key: str) -> int | None:
        return _line(data, key)

    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(source, line_of(key), f"unknown key {key!r} (known: {', '.join(sorted(TOP_KEYS))})")
    kwargs: dict[str, Any] = {"source": source, "root": root}
    if "packs" in data or "extends" in data:
        packs = _strs(data.get("packs", DEFAULT_PACKS), source, line_of("packs"), "packs")
        packs += _strs(data.get("extends", []), source, line_of("extends"), "extends")
        kwargs["packs"] = tuple(dict.fromkeys(packs))
    for key in ("disable", "enable", "exclude", "include", "org_contacts", "staff_names"):
        if key in data:
            kwargs[key] = _strs(data[key], source, line_of(key), key)
    if "severity" in data:
        kwargs["severity"] = MappingProxyType(_severities(data["severity"], source, line_of("severity")))
    if "lexicons" in data:
        lex = data["lexicons"]
        if not isinstance(lex, dict):
            raise ConfigError(source, line_of("lexicons"), "'lexicons' must map lexicon names to lists of terms")
        kwargs["lexicons"] = MappingProxyType({str(k): _strs(v, source, _line(lex, k, line_of("lexicons")),
                                                             f"lexicons.{k}") for k, v in lex.items()})
    for key in ("disclaimer", "model", "platform", "fail_on"):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(source, line_of(key), f"{key!r} must be text")
            kwargs[key] = data[key].strip()
    if kwargs.get("fail_on") and kwargs["fail_on"] not in ("error", "warning", "info", "none"):
        raise ConfigError(source, line_of("fail_on"), "'fail_on' must be error, warning, info or none")
    if "timeout" in data:
        value = data["timeout"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(source, line_of("timeout"), "'timeout' must be a positive number of seconds")
        kwargs["timeout"] = float(value)
    if "truncation" in data:
        trunc = data["truncation"]
        if not isinstance(trunc, dict) or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0
                                                  for v in trunc.values()):
            raise ConfigError(source, line_of("truncation"), "'truncation' must map platforms to character counts")
        kwargs["truncation"] = MappingProxyType({str(k).lower(): v for k, v in trunc.items()})
    if "paths" in data:
        raw = data["paths"]
        if not isinstance(raw, dict):
            raise ConfigError(source, line_of("paths"), "'paths' must map glob patterns to settings")
        settings = []
        for pattern, body in raw.items():
            pline = _line(raw, pattern, line_of("paths"))
            if not isinstance(body, dict):
                raise ConfigError(source, pline, f"paths.{pattern} must be a mapping")
            for key in body:
                if key not in PATH_KEYS:
                    raise ConfigError(source, _line(body, key, pline), f"unknown key {key!r} in paths.{pattern}")
            settings.append(PathSettings(
                pattern=str(pattern),
                disable=_strs(body.get("disable", []), source, pline, "disable"),
                enable=_strs(body.get("enable", []), source, pline, "enable"),
                severity=MappingProxyType(_severities(body.get("severity", {}), source, pline)),
                platform=str(body["platform"]).lower() if body.get("platform") else None))
        kwargs["paths"] = tuple(settings)
    return Config(**kwargs)


def _from_pyproject(path: Path) -> Any:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(str(path), None, f"cannot read ({error})") from None
    return data.get("tool", {}).get("policylint")


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """The config to use: --config FILE, else the nearest .policylint.yaml or pyproject [tool.policylint]."""
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise ConfigError(explicit, None, "config file not found")
        if path.name == "pyproject.toml":
            return parse_config(_from_pyproject(path), explicit, path.resolve().parent)
        return _load_yaml(path, explicit)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return _load_yaml(candidate, str(candidate))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            section = _from_pyproject(pyproject)
            if section is not None:
                return parse_config(section, str(pyproject), folder)
        if (folder / ".git").exists():
            break
    return Config(root=here)


def _load_yaml(path: Path, shown: str) -> Config:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(shown, None, f"cannot read config ({error})") from None
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        raise ConfigError(shown, error.line, str(error)) from None
    return parse_config(data, shown, path.resolve().parent)


STARTER = """\
# policylint configuration (https://github.com/ -> see README "Configuration")
# Packs to use: built-in names or paths to your own pack files (which may `extends:` built-ins).
packs: [hipaa, medical-advice, ethics, language, accessibility]

# Turn rules off by code prefix (as with flake8), e.g. all accessibility info rules:
disable: []

# Change a rule's severity (error, warning, info):
severity: {}
#   A11Y003: warning

# Files and folders not to check (glob patterns, relative to this file):
exclude: []

# Your organisation's own contact details: never reported as PHI.
org_contacts: []
#   - "(555) 401-2000"
#   - "@lakeviewregional.example"

# Staff names (clinicians, spokespeople) who appear in posts in professional roles:
staff_names: []

# Your approved disclaimer; `policylint check --fix` inserts it where one is missing.
disclaimer: "This post is for general information only and is not a substitute for professional medical advice. Talk to your doctor about your own situation."

# Default platform when a draft does not say (front matter `platform:` or a CSV/JSONL column wins):
# platform: instagram

# Characters shown before a platform's "...more" cut:
# truncation: {instagram: 125, facebook: 477, linkedin: 210}

# Per-path settings, e.g. a stricter profile for one account:
# paths:
#   "posts/x/**": {platform: x, severity: {DIS001: error}}

# spaCy pipeline name or path (default: the best installed English pipeline):
# model: en_core_web_sm
"""
