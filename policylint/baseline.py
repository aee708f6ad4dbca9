"""Baselines: findings accepted on review, stored as content fingerprints (never line numbers or plaintext).

A fingerprint is ``sha256(code, normalised matched text, surrounding words)``. The surrounding words are
the few words before and after the match *on the same line* of the document's text (when the text is at
hand; else ``Finding.context``), so moving a paragraph or editing other lines keeps the fingerprint, and
rewording the sentence around a finding makes it a new finding that needs a new review.

The baseline file is JSON, sorted, one entry per accepted finding (identical findings appear once each)::

    {"policylint_baseline": 1,
     "entries": [{"path": "posts/a.md", "code": "PHI001", "rule": "phi.patient-name",
                  "fingerprint": "9f2c...", "note": "authorization #A-113 on file (J. Doe)"}]}

Paths are relative to the baseline file's folder. An entry matches a finding with the same fingerprint in
the same file; an entry whose file no longer exists (renamed or moved) matches the same fingerprint in
any file. Pure except for ``load``/``save`` and the default ``exists`` check.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from policylint.findings import Finding

FORMAT = 1
FORMAT_KEY = "policylint_baseline"
CONTEXT_WORDS = 4
HEX64 = re.compile(r"^[0-9a-f]{64}$")
ENTRY_KEYS = {"path", "code", "rule", "fingerprint", "note"}
WORD = re.compile(r"\w+")
LINE_BREAK = re.compile(r"\r\n|\r|\n")

Texts = Mapping[tuple[str, Any], str]


class BaselineError(Exception):
    """A baseline file that cannot be read or used: one line naming the file (and entry)."""


# ------------------------------------------------------------------------------------------------------
# fingerprints (shared with the SARIF and GitLab reporters)
# ------------------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Case-folded, NFKC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def context_words(finding: Finding, text: str | None) -> str:
    """Up to ``CONTEXT_WORDS`` words either side of the match, on its own line(s) of ``text``."""
    if text is None:
        return normalise(finding.context)
    start = max(0, min(finding.start, len(text)))
    end = max(start, min(finding.end, len(text)))
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    brk = LINE_BREAK.search(text, end)
    line_end = brk.start() if brk else len(text)
    before = WORD.findall(normalise(text[line_start:start]))[-CONTEXT_WORDS:]
    after = WORD.findall(normalise(text[end:line_end]))[:CONTEXT_WORDS]
    return " ".join(before) + " | " + " ".join(after)


def fingerprint(finding: Finding, text: str | None = None) -> str:
    """sha256 hex of the rule code, the normalised match and its surrounding words."""
    parts = ("policylint-v1", finding.code, normalise(finding.match), context_words(finding, text))
    material = "\x00".join(parts)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def text_for(finding: Finding, texts: Texts | None) -> str | None:
    return (texts or {}).get((finding.path, finding.record))


def unique_fingerprints(findings: Sequence[Finding], texts: Texts | None = None, *,
                        with_path: bool = False) -> list[str]:
    """One fingerprint per finding, unique within a file: the n-th identical finding gets ``sha256(fp:n)``.

    ``with_path`` mixes the path in as well (for consumers that need report-wide unique fingerprints).
    """
    seen: Counter[tuple[str, str]] = Counter()
    out: list[str] = []
    for f in findings:
        fp = fingerprint(f, text_for(f, texts))
        n = seen[(f.path, fp)]
        seen[(f.path, fp)] += 1
        base = hashlib.sha256(f"{f.path}\x00{fp}".encode("utf-8")).hexdigest() if with_path else fp
        out.append(base if n == 0 else hashlib.sha256(f"{base}:{n}".encode("ascii")).hexdigest())
    return out


# ------------------------------------------------------------------------------------------------------
# the baseline file
# ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    rule: str
    fingerprint: str
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "code": self.code, "rule": self.rule, "fingerprint": self.fingerprint,
                "note": self.note}


@dataclass(frozen=True)
class Baseline:
    entries: tuple[Entry, ...] = ()
    root: Path = field(default_factory=Path.cwd)     # folder that entry paths are relative to

    def relative(self, path: str, cwd: Path) -> str:
        """A finding's path as stored in the baseline: relative to ``root``, POSIX separators."""
        if path.startswith("<") and path.endswith(">"):      # <stdin>
            return path
        full = (cwd / path).resolve()
        try:
            return full.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return full.as_posix()

    def exists(self, rel: str) -> bool:
        return (self.root / rel).exists()


def dumps(baseline: Baseline) -> str:
    entries = sorted(baseline.entries, key=lambda e: (e.path, e.code, e.fingerprint, e.note or ""))
    data = {FORMAT_KEY: FORMAT,
            "about": "Findings accepted on review: `policylint check --baseline FILE` reports only others. "
                     "Fingerprints are sha256 of the rule code and normalised text (no plaintext, no line "
                     "numbers). Add a reviewer `note` to any entry; `policylint baseline update` keeps it.",
            "entries": [e.as_dict() for e in entries]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, source: str, root: Path) -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"{source}:{error.lineno}: not a valid baseline file ({error.msg})") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT:
        raise BaselineError(f"{source}: not a policylint baseline (expected \"{FORMAT_KEY}\": {FORMAT}); "
                            f"create one with `policylint baseline create`")
    raw = data.get("entries", [])
    if not isinstance(raw, list):
        raise BaselineError(f"{source}: 'entries' must be a list")
    entries = []
    for index, item in enumerate(raw):
        where = f"{source}: entries[{index}]"
        if not isinstance(item, dict):
            raise BaselineError(f"{where}: must be an object")
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            known = ", ".join(sorted(ENTRY_KEYS))
            raise BaselineError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {known})")
        for key in ("path", "code", "fingerprint"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise BaselineError(f"{where}: {key!r} must be text")
        if not HEX64.match(item["fingerprint"]):
            raise BaselineError(f"{where}: 'fingerprint' must be 64 lowercase hex digits")
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            raise BaselineError(f"{where}: 'note' must be text or null")
        entries.append(Entry(item["path"], item["code"], str(item.get("rule") or ""), item["fingerprint"],
                             note or None))
    return Baseline(tuple(entries), root)


def load(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with `policylint baseline create "
                            f"{path} PATH...`)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read baseline ({error})") from None
    return loads(text, str(path), path.resolve().parent)


def save(baseline: Baseline, path: Path) -> None:
    try:
        path.write_text(dumps(baseline), encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline ({error.strerror})") from None


# ------------------------------------------------------------------------------------------------------
# matching findings against a baseline
# ------------------------------------------------------------------------------------------------------


def _match(keys: Sequence[tuple[str, str]], baseline: Baseline,
           exists: Callable[[str], bool]) -> tuple[list[int | None], list[int]]:
    """For each (path, fingerprint): the index of the entry it consumes (or None); unused entry indexes."""
    same: dict[tuple[str, str], list[int]] = defaultdict(list)
    moved: dict[str, list[int]] = defaultdict(list)
    present: dict[str, bool] = {}
    for i, entry in enumerate(baseline.entries):
        same[(entry.path, entry.fingerprint)].append(i)
        if entry.path not in present:
            present[entry.path] = exists(entry.path)
        if not present[entry.path]:
            moved[entry.fingerprint].append(i)
    used = [False] * len(baseline.entries)

    def take(pool: list[int]) -> int | None:
        while pool:
            i = pool.pop(0)
            if not used[i]:
                used[i] = True
                return i
        return None

    matched: list[int | None] = [take(same.get(key, [])) for key in keys]
    for n, key in enumerate(keys):                 # second pass: files renamed or moved since
        if matched[n] is None:
            matched[n] = take(moved.get(key[1], []))
    return matched, [i for i, u in enumerate(used) if not u]


@dataclass(frozen=True)
class Split:
    new: list[Finding]
    baselined: list[Finding]
    stale: list[Entry]          # entries for checked (or vanished) files that matched nothing


def _keys(findings: Sequence[Finding], texts: Texts | None, baseline: Baseline,
          cwd: Path) -> list[tuple[str, str]]:
    rel: dict[str, str] = {}
    keys = []
    for f in findings:
        if f.path not in rel:
            rel[f.path] = baseline.relative(f.path, cwd)
        keys.append((rel[f.path], fingerprint(f, text_for(f, texts))))
    return keys


def split(findings: Sequence[Finding], baseline: Baseline, *, texts: Texts | None = None,
          cwd: Path | None = None, checked: Iterable[str] = (),
          exists: Callable[[str], bool] | None = None) -> Split:
    """Findings not in the baseline, findings it accepts, and its stale entries.

    ``checked`` are the paths (as the findings spell them) of every document that was checked, so that
    entries for files not part of this run are not called stale.
    """
    cwd = cwd or Path.cwd()
    exists = exists or baseline.exists
    keys = _keys(findings, texts, baseline, cwd)
    matched, unused = _match(keys, baseline, exists)
    new = [f for f, m in zip(findings, matched, strict=True) if m is None]
    accepted = [f for f, m in zip(findings, matched, strict=True) if m is not None]
    checked_rel = {baseline.relative(p, cwd) for p in checked} | {k[0] for k in keys}
    stale = [baseline.entries[i] for i in unused
             if baseline.entries[i].path in checked_rel or not exists(baseline.entries[i].path)]
    return Split(new, accepted, stale)


@dataclass(frozen=True)
class Update:
    baseline: Baseline
    added: int
    kept: int
    removed: int


def build(findings: Sequence[Finding], *, root: Path, texts: Texts | None = None, cwd: Path | None = None,
          previous: Baseline | None = None, checked: Iterable[str] = (),
          exists: Callable[[str], bool] | None = None) -> Update:
    """A baseline accepting ``findings``; with ``previous``, keep its notes, and its entries for files
    that were not checked this time and still exist."""
    cwd = cwd or Path.cwd()
    target = replace(previous, root=root) if previous is not None else Baseline((), root)
    exists = exists or target.exists
    keys = _keys(findings, texts, target, cwd)
    matched, unused = _match(keys, target, exists) if previous is not None else ([None] * len(keys), [])
    entries: list[Entry] = []
    for f, key, m in zip(findings, keys, matched, strict=True):
        note = target.entries[m].note if m is not None else None
        entries.append(Entry(key[0], f.code, f.rule, key[1], note))
    checked_rel = {target.relative(p, cwd) for p in checked} | {k[0] for k in keys}
    removed = 0
    for i in unused:
        entry = target.entries[i]
        if entry.path in checked_rel or not exists(entry.path):
            removed += 1
        else:
            entries.append(entry)                  # a file this run did not look at: keep as it was
    kept = sum(1 for m in matched if m is not None)
    return Update(Baseline(tuple(entries), root), added=len(findings) - kept, kept=kept, removed=removed)
