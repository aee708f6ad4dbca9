"""What a long-lived ``policylint server`` remembers between checks (docs/speed.md).

A pre-commit run with ``--all-files`` over a content repository, or an editor re-checking a folder, sends
the same few thousand unchanged files again and again. Through the server such a run neither reads nor
hashes them:

- **files**: the documents (and notices) read from a file are kept with the file's signature (device,
  inode, size, modification and change times, nanoseconds). A file whose signature is unchanged gives back
  the same documents without being opened. As in git's index, an entry is trusted only if the file had
  not been modified for ``RACY_SECONDS`` before it was read: a write landing in the same timestamp tick
  as the read could otherwise go unseen. The change time (which no user can set) guards against tools
  that restore modification times.
- **findings**: a document's (kept, suppressed) findings are kept under the findings cache's engine key
  (packs, configuration, selection, model, policylint's code, today's date, the working directory), so a
  remembered document under the same key skips the document hash and the database lookup.

Only used when the findings cache is on (``--no-cache`` means nothing is remembered). Memory is bounded:
files larger than ``MAX_FILE_BYTES`` are not kept, and the oldest files are forgotten beyond ``MAX_CHARS``
characters of text. Everything stays in the server's memory (owner-only process; nothing is written).
"""
from __future__ import annotations

import os
import stat
import time
from collections import OrderedDict
from typing import Any, Callable, Iterator, Sequence

RACY_SECONDS = 2.0
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_CHARS = 64_000_000

Signature = tuple[int, int, int, int, int]


def signature(st: os.stat_result) -> Signature:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class Memo:
    def __init__(self, *, max_chars: int = MAX_CHARS, clock: Callable[[], float] = time.time) -> None:
        self.max_chars = max_chars
        self.clock = clock
        self.chars = 0
        # (working directory, path as shown, source options) -> (signature, items, characters)
        self._files: OrderedDict[tuple[str, str, Any], tuple[Signature, list[Any], int]] = OrderedDict()
        self._engine_key: str | None = None
        self._outcomes: dict[int, tuple[Any, Any]] = {}     # id(document) -> (document, outcome)
        self._held: set[int] = set()                        # ids of the items of remembered files
        self.file_hits = 0
        self.outcome_hits = 0

    # -- files ------------------------------------------------------------------------------------------
    def read(self, path: Any, options: Any, reader: Callable[[], Iterator[Any]], cwd: str | None = None) -> Iterator[Any]:
        """The items of ``reader()`` (documents and notices of one file), remembered while the file is unchanged.
        ``cwd``: the working directory (relative paths are kept per working directory)."""
        shown = str(path)
        try:
            st = os.stat(shown)
        except OSError:
            yield from reader()
            return
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
            yield from reader()
            return
        key = (cwd if cwd is not None else os.getcwd(), shown, options)
        sig = signature(st)
        entry = self._files.get(key)
        if entry is not None and entry[0] == sig:
            self._files.move_to_end(key)
            self.file_hits += 1
            yield from entry[1]
            return
        read_at = self.clock()
        items = list(reader())
        self._forget(key)
        if read_at - st.st_mtime_ns / 1e9 > RACY_SECONDS:
            size = sum(len(getattr(item, "text", "")) for item in items)
            self._files[key] = (sig, items, size)
            self._held.update(id(item) for item in items)
            self.chars += size
            while self.chars > self.max_chars and self._files:
                self._forget(next(iter(self._files)))
        yield from items

    def _forget(self, key: tuple[str, str, Any]) -> None:
        entry = self._files.pop(key, None)
        if entry is not None:
            self.chars -= entry[2]
            for item in entry[1]:
                self._outcomes.pop(id(item), None)
                self._held.discard(id(item))

    # -- findings ---------------------------------------------------------------------------------------
    def _use_key(self, engine_key: str) -> None:
        if engine_key != self._engine_key:
            self._engine_key = engine_key
            self._outcomes.clear()

    def outcomes(self, documents: Sequence[Any], engine_key: str) -> list[Any]:
        """The remembered outcome of each document under ``engine_key``, or None."""
        self._use_key(engine_key)
        found: list[Any] = []
        for doc in documents:
            entry = self._outcomes.get(id(doc))
            if entry is not None and entry[0] is doc:
                self.outcome_hits += 1
                found.append(entry[1])
            else:
                found.append(None)
        return found

    def remember(self, doc: Any, engine_key: str, outcome: Any) -> None:
        """Keep a document's outcome; only documents held by a remembered file (their id stays theirs)."""
        self._use_key(engine_key)
        if id(doc) in self._held:
            self._outcomes[id(doc)] = (doc, outcome)


CURRENT: Memo | None = None        # set by the server process (policylint.server); None in a plain CLI run
