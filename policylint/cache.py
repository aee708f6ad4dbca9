"""Content-hash cache of findings: a document that has not changed is not analysed again.

A document's findings are stored under a key made of

- the document itself (path, record id, text, prose view, metadata, position anchors: every field of
  :class:`~policylint.document.Document`);
- the *run key*: policylint's version and the size/mtime of every file of the installed package (so an
  edited checkout never reuses old findings), the Python environment (mtimes of the ``site-packages`` folders on
  ``sys.path``: a ``pip install`` of spaCy or a model changes them), the loaded configuration (``repr`` of the frozen
  Config, which carries the config file's values, its path and root), ``--select``/``--ignore``/``--pack``,
  ``--model``, the working directory (per-path settings resolve against it) and today's date
  (authorizations in front matter expire);
- the *engine key*: the SHA-256 of every pack file that was loaded, built-in or not, including the packs
  they ``extends``. (The spaCy pipeline is covered by the run key: ``--model``/config, the site-packages
  mtimes, and the size/mtime of the files of a pipeline given as a folder.) It is learnt once when the engine is built and kept in a small
  manifest; later runs only re-hash those files, so a fully cached run loads neither spaCy nor the packs.

**No document text is stored.** A cached finding keeps its rule, position, message and fix; ``match`` and
the normalised ``context`` words are rebuilt from the document (which is read anyway to compute its key).
A document whose findings cannot be rebuilt exactly that way, or whose message or fix repeats matched
text of a PHI finding, is simply not cached. So the cache is safe to keep in a CI cache, and masked (``--mask``) and
unmasked runs share it.

Storage: one SQLite database (WAL journal, busy timeout) in the cache folder: concurrent runs (pre-commit
in two worktrees, parallel CI jobs) read and write it safely; a write that cannot get the lock in time is
dropped (it is a cache). The folder is created owner-only (0700), with a ``.gitignore`` and a
``CACHEDIR.TAG``. Rows from earlier days are pruned on the first write of a day. Folder choice:
``--cache-dir``, else ``$POLICYLINT_CACHE_DIR``, else ``.policylint_cache/`` at the config root if that
folder exists, else ``$XDG_CACHE_HOME/policylint`` (``~/.cache/policylint``).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from policylint import __version__

SCHEMA = 1
DB_NAME = "findings.sqlite3"
PACKAGE_DIR = Path(__file__).resolve().parent
_WORDS = re.compile(r"\w+")

Records = tuple[list[Any], list[Any]]


def default_cache_dir(root: Path | None, environ: Mapping[str, str]) -> Path:
    """Where the cache lives when ``--cache-dir`` is not given (see the module docstring)."""
    explicit = environ.get("POLICYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if root is not None and (root / ".policylint_cache").is_dir():
        return root / ".policylint_cache"
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policylint"


def _digest(*parts: Any) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def code_fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """Size and mtime of every source and pack file of the installed policylint (cheap: stat only)."""
    items: list[str] = []
    for folder, dirs, files in os.walk(package_dir):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".yml", ".json")):
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                items.append(f"{os.path.relpath(os.path.join(folder, name), package_dir)}:{st.st_size}:{st.st_mtime_ns}")
    return _digest(__version__, *items)


def environment_fingerprint() -> str:
    """mtimes of the site-packages folders: installing or removing a package (spaCy, a model) changes one."""
    items = []
    for entry in sys.path:
        if not entry.rstrip("/\\").endswith(("site-packages", "dist-packages")):
            continue                      # not the working directory or a script's folder: drafts live there
        try:
            st = os.stat(entry or ".")
        except OSError:
            continue
        items.append(f"{entry}:{st.st_mtime_ns}")
    return _digest(sys.version, *items)


def model_fingerprint(requested: str | None) -> str:
    """The pipeline part of the key, without importing spaCy or scanning installed packages: which pipeline
    ``--model`` (or the config) names, or "auto". What is installed under that name (spaCy, thinc, the
    pipeline package and their versions) is covered by environment_fingerprint, a pipeline folder's files
    by the folder fingerprint in run_key."""
    return f"model:{requested or 'auto'}"


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def pack_files(engine: Any) -> list[Path] | None:
    """Files of the packs an engine loaded (None when one cannot be found: then nothing is cached)."""
    from policylint.packs import BUILTIN_DIR

    result: list[Path] = []
    for pack in getattr(engine, "packs", ()):
        source = str(getattr(pack, "source", ""))
        candidates = []
        if source.startswith("rules/"):
            candidates.append(BUILTIN_DIR / source[len("rules/"):])
        candidates.append(Path(source))
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            return None
        result.append(found.resolve())
    return result


def run_key(*, config: Any, select: Sequence[str] = (), ignore: Sequence[str] = (),
            extra_packs: Sequence[str] = (), model: str | None = None, today: _dt.date | None = None) -> str:
    """Everything, apart from pack files and the pipeline, that the findings of a document depend on."""
    return _digest(SCHEMA, code_fingerprint(), environment_fingerprint(), repr(config), tuple(select),
                   tuple(ignore), tuple(extra_packs), model, _folder_fingerprint(model), os.getcwd(),
                   (today or _dt.date.today()).isoformat())


def _folder_fingerprint(model: str | None) -> str:
    """Size and mtime of the files of a pipeline given as a folder (a retrained model), else ''."""
    if not model or not os.path.isdir(model):
        return ""
    items = []
    for folder, dirs, files in os.walk(model):
        dirs.sort()
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            items.append(f"{os.path.relpath(os.path.join(folder, name), model)}:{st.st_size}:{st.st_mtime_ns}")
    return _digest(*items)


@functools.lru_cache(maxsize=8)
def _field_names(cls: type) -> tuple[tuple[str, bytes], ...]:
    from dataclasses import fields

    return tuple((f.name, f.name.encode()) for f in fields(cls))


def document_key(engine_key: str, doc: Any) -> str:
    h = hashlib.blake2b(engine_key.encode(), digest_size=20)
    update = h.update
    for name, encoded in _field_names(type(doc)):
        value = getattr(doc, name)
        data = (value if isinstance(value, str) else repr(value)).encode("utf-8", "surrogatepass")
        update(encoded)
        update(len(data).to_bytes(8, "little"))
        update(data)
    return h.hexdigest()


# ------------------------------------------------------------------------------------------------------
# findings <-> rows that hold no document text
# ------------------------------------------------------------------------------------------------------

def _context(source: str, a: int, b: int) -> str:
    return " ".join(_WORDS.findall(source[a:b].lower()))


def _locate(doc: Any, finding: Any) -> list[Any] | None:
    """How to rebuild ``match`` and ``context`` from the document, or None if they cannot be."""
    for tag, source in (("t", doc.text), ("d", doc.directives or "")):
        if source[finding.start:finding.end] != finding.match:
            continue
        if finding.context == "":
            return [tag, None]
        for a, b in ((max(0, finding.start - 40), min(len(source), finding.end + 40)), (finding.start, finding.end)):
            if _context(source, a, b) == finding.context:
                return [tag, [a, b]]
    return None


def _encode(doc: Any, finding: Any) -> list[Any] | None:
    if finding.path != doc.path or finding.record != doc.record:
        return None
    where = _locate(doc, finding)
    if where is None:
        return None
    if finding.category == "phi" and len(finding.match) >= 3 and (
            finding.match in finding.message or (finding.fix and finding.match in finding.fix)):
        return None                      # a message that quotes an identifier: keep it out of the cache
    return [finding.line, finding.column, finding.end_line, finding.end_column, finding.start, finding.end,
            finding.code, finding.rule, finding.pack, finding.category, int(finding.severity), finding.message,
            finding.fix, where]


def _decode(doc: Any, row: list[Any]) -> Any:
    from policylint.findings import Finding, Severity

    (line, column, end_line, end_column, start, end, code, rule, pack, category, severity, message, fix,
     (tag, window)) = row
    source = doc.text if tag == "t" else (doc.directives or "")
    return Finding(path=doc.path, record=doc.record, line=line, column=column, end_line=end_line,
                   end_column=end_column, start=start, end=end, code=code, rule=rule, pack=pack,
                   category=category, severity=Severity(severity), message=message, match=source[start:end],
                   fix=fix, context=_context(source, *window) if window else "")


def encode_findings(doc: Any, kept: Sequence[Any], suppressed: Sequence[Any]) -> str | None:
    rows: list[list[Any]] = [[], []]
    for bucket, findings in zip(rows, (kept, suppressed)):
        for finding in findings:
            row = _encode(doc, finding)
            if row is None:
                return None
            bucket.append(row)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_findings(doc: Any, value: str) -> tuple[list[Any], list[Any]]:
    kept_rows, suppressed_rows = json.loads(value)
    return [_decode(doc, r) for r in kept_rows], [_decode(doc, r) for r in suppressed_rows]


# ------------------------------------------------------------------------------------------------------
# storage
# ------------------------------------------------------------------------------------------------------

def _prepare_folder(folder: Path) -> None:
    new = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if new:
        try:
            os.chmod(folder, 0o700)
            (folder / ".gitignore").write_text("# created by policylint: the findings cache\n*\n", encoding="utf-8")
            (folder / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                                 "# policylint findings cache (see docs/speed.md)\n", encoding="utf-8")
        except OSError:
            pass


class FindingsCache:
    """Per-document findings keyed by content; see the module docstring. Never raises on I/O trouble:
    a cache that cannot be opened, read or written behaves as empty."""

    def __init__(self, folder: Path, key: str, *, model: str | None = None,
                 today: _dt.date | None = None) -> None:
        self.folder = folder
        self.run_key = key
        self.model = model
        self.today = (today or _dt.date.today()).isoformat()
        self.engine_key: str | None = None
        self.hits = 0
        self.misses = 0
        self._db: Any = None
        self._pending: list[tuple[str, str, str]] = []
        self._pruned = False
        self.disabled = False

    # -- connection -------------------------------------------------------------------------------------
    def _connect(self) -> Any:
        if self._db is not None or self.disabled:
            return self._db
        import sqlite3

        db = None
        try:
            _prepare_folder(self.folder)
            path = self.folder / DB_NAME
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            db = sqlite3.connect(str(path), timeout=3.0, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA busy_timeout = 3000")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()
            if not mode or str(mode[0]).lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS findings (key TEXT PRIMARY KEY, day TEXT NOT NULL, value TEXT NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, day TEXT NOT NULL, value TEXT NOT NULL)")
        except (OSError, sqlite3.Error):
            self.disabled = True
            if db is not None:
                db.close()
            return None
        self._db = db
        return db

    def _read_meta(self, key: str) -> Any:
        import sqlite3

        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def _write_meta(self, key: str, value: Any) -> None:
        import sqlite3

        db = self._connect()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO meta (key, day, value) VALUES (?, ?, ?)",
                       (key, self.today, json.dumps(value)))
        except sqlite3.Error:
            pass

    # -- engine key ---------------------------------------------------------------------------------------
    def known_engine(self) -> str | None:
        """The engine key from the manifest, if every pack file it names is unchanged (no pack parsing)."""
        if self.engine_key is not None:
            return self.engine_key
        manifest = self._read_meta("manifest:" + self.run_key)
        if not manifest:
            return None
        for path, digest in manifest["packs"]:
            if _sha256_file(Path(path)) != digest:
                return None
        self.engine_key = _digest(self.run_key, manifest["model"], json.dumps(manifest["packs"]))
        return self.engine_key

    def learn_engine(self, engine: Any) -> str | None:
        """Compute the engine key from a built engine and remember it; None: this run is not cacheable."""
        files = pack_files(engine)
        if files is None:
            self.disabled = True
            return None
        packs = []
        for path in files:
            digest = _sha256_file(path)
            if digest is None:
                self.disabled = True
                return None
            packs.append([str(path), digest])
        model = model_fingerprint(self.model)
        manifest = {"model": model, "packs": packs}
        self._write_meta("manifest:" + self.run_key, manifest)
        self.engine_key = _digest(self.run_key, model, json.dumps(packs))
        return self.engine_key

    # -- findings ---------------------------------------------------------------------------------------
    def keys(self, documents: Iterable[Any]) -> list[str]:
        assert self.engine_key is not None
        return [document_key(self.engine_key, doc) for doc in documents]

    def get_many(self, documents: Sequence[Any], keys: Sequence[str]) -> list[tuple[list[Any], list[Any]] | None]:
        import sqlite3

        result: list[tuple[list[Any], list[Any]] | None] = [None] * len(documents)
        db = self._connect()
        if db is None or not documents:
            self.misses += len(documents)
            return result
        found: dict[str, str] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = list(keys[i:i + 500])
                marks = ",".join("?" * len(chunk))
                for key, value in db.execute(f"SELECT key, value FROM findings WHERE key IN ({marks})", chunk):
                    found[key] = value
        except sqlite3.Error:
            found = {}
        for i, (doc, key) in enumerate(zip(documents, keys)):
            value = found.get(key)
            if value is None:
                continue
            try:
                result[i] = decode_findings(doc, value)
            except (ValueError, TypeError, KeyError, IndexError):
                result[i] = None
        hits = sum(1 for r in result if r is not None)
        self.hits += hits
        self.misses += len(documents) - hits
        return result

    def put(self, key: str, doc: Any, kept: Sequence[Any], suppressed: Sequence[Any]) -> None:
        if self.disabled:
            return
        value = encode_findings(doc, kept, suppressed)
        if value is not None:
            self._pending.append((key, self.today, value))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        import sqlite3

        if not self._pending:
            return
        rows, self._pending = self._pending, []
        db = self._connect()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                if not self._pruned:
                    self._pruned = True
                    db.execute("DELETE FROM findings WHERE day < ?", (self.today,))
                    db.execute("DELETE FROM meta WHERE day < ?", (self.today,))
                db.executemany("INSERT OR REPLACE INTO findings (key, day, value) VALUES (?, ?, ?)", rows)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass                      # locked for too long, disk full, read-only: a cache may forget

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._db is not None:
                try:
                    self._db.close()
                except Exception:  # noqa: BLE001
                    pass
                self._db = None


def open_cache(folder: Path | str | None, *, config: Any, select: Sequence[str] = (), ignore: Sequence[str] = (),
               extra_packs: Sequence[str] = (), model: str | None = None,
               environ: Mapping[str, str] | None = None) -> FindingsCache:
    """A cache for one run (nothing is opened until it is used)."""
    environ = os.environ if environ is None else environ
    where = Path(folder) if folder else default_cache_dir(getattr(config, "root", None), environ)
    key = run_key(config=config, select=select, ignore=ignore, extra_packs=extra_packs, model=model)
    return FindingsCache(where, key, model=model)
