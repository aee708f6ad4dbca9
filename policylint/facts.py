"""Pattern facts remembered between runs, like Python's bytecode cache.

Vetting a pack's regexes (do they compile, can they backtrack for ever) and finding their prefilter needles
are pure functions of a pattern's text, and a cold one-file run used to re-derive them for ~1,400 terms
(about 0.3 s, a sixth of a hook run). They are kept in one small JSON file,
``$POLICYLINT_CACHE_DIR`` or ``$XDG_CACHE_HOME/policylint`` (``~/.cache/policylint``), named after a digest of
the code that computes them (this package's pattern modules, Python's and the `regex` module's versions), so
a code change never reuses old facts. Only facts about patterns are stored: no document text, no findings.
The file is written at exit when new facts were learnt (atomically: a temporary file renamed over it;
concurrent runs may drop each other's additions, which only costs recomputation); a file that cannot be read
or does not parse counts as empty. ``POLICYLINT_NO_PATTERN_CACHE=1`` turns it off.
"""
from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, TypeVar

_PACKAGE = Path(__file__).resolve().parent
_CODE = ("facts.py", "patterns.py", "prefilter.py", "packs.py")   # the modules whose functions are remembered
_MAX_BYTES = 16 * 1024 * 1024
_state: dict[str, Any] = {}          # "tables": {kind: {key: value}}, "dirty": bool, "path": Path | None

T = TypeVar("T")


def _enabled() -> bool:
    return os.environ.get("POLICYLINT_NO_PATTERN_CACHE", "").lower() in ("", "0", "false", "no")


def _path() -> Path | None:
    try:
        import regex

        h = hashlib.blake2b(digest_size=12)
        h.update(f"{sys.version}|{getattr(regex, '__version__', '')}".encode())
        for name in _CODE:
            h.update((_PACKAGE / name).read_bytes())
        folder = os.environ.get("POLICYLINT_CACHE_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "policylint")
    except (OSError, RuntimeError):
        return None
    return Path(folder) / f"patterns-{h.hexdigest()}.json"


def _tables() -> dict[str, dict[str, Any]]:
    tables = _state.get("tables")
    if tables is None:
        tables = {}
        path = _path() if _enabled() else None
        if path is not None:
            try:
                if path.stat().st_size <= _MAX_BYTES:
                    loaded = json.loads(path.read_text(encoding="utf-8"))
                    if isinstance(loaded, dict):
                        tables = {k: v for k, v in loaded.items() if isinstance(v, dict)}
            except (OSError, ValueError, UnicodeDecodeError):
                pass
        _state.update(tables=tables, path=path, dirty=False)
    return tables


def save() -> None:
    """Write the learnt facts (at exit; also callable directly). Never raises."""
    path = _state.get("path")
    if not _state.get("dirty") or path is None:
        return
    _state["dirty"] = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=".patterns-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(_state["tables"], handle, separators=(",", ":"))
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
        for old in path.parent.glob("patterns-*.json"):       # facts of other code versions
            if old != path:
                old.unlink()
    except OSError:
        pass


def remembered(kind: str, encode: Callable[[Any], Any] = lambda v: v,
               decode: Callable[[Any], Any] = lambda v: v) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Remember ``fn(key)`` (a pure function of one string) here and on disk. ``encode`` turns a result into
    JSON, ``decode`` turns it back. A call that raises is not remembered."""
    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        @functools.wraps(fn)
        def remember(key: str) -> T:
            table = _tables().get(kind)
            if table is None:
                table = _state["tables"][kind] = {}
            if key in table:
                return decode(table[key])    # type: ignore[no-any-return]
            value = fn(key)
            table[key] = encode(value)
            if not _state["dirty"] and _state["path"] is not None:
                _state["dirty"] = True
                if not _state.get("registered"):
                    _state["registered"] = True
                    atexit.register(save)
            return value
        return remember
    return wrap


def as_tuple(value: Any) -> Any:
    """decode for a tuple of strings or None (JSON has lists)."""
    return None if value is None else tuple(value)


def reset() -> None:
    """Forget the loaded facts (tests; the next lookup reads the file again)."""
    _state.pop("tables", None)
    _state["dirty"] = False
