"""Inline suppression directives (in comments or plain text), each with a required reason.

    <!-- policylint-disable-next-line PHI002 -- reason: written authorization #A-113 -->
    <!-- policylint-disable PHI -- reason: ... -->   ...   <!-- policylint-enable PHI -->
    <!-- policylint-disable-file LNG -- reason: ... -->
    ... text ...  <!-- policylint-disable-line A11Y004 -- reason: ... -->

Codes match by prefix (``PHI`` covers ``PHI002``); a dotted rule name (``phi.patient-name``) matches that
rule; a directive without codes applies to every rule. The reason follows ``--`` or ``reason:``; inside an
HTML or C-style comment it may continue over several lines up to the comment's end.

* ``disable-next-line``: the line after the one where the directive ends;
* ``disable-line``: the line(s) the directive is on;
* ``disable`` ... ``enable``: from the directive to the first later ``enable`` that covers the finding's
  code (``enable`` without codes re-enables everything; without an ``enable``, to the end of the document);
* ``disable-file``: the whole document (for batch files: the record).

A directive without a reason suppresses nothing and is reported (SUP001); a directive that suppresses
nothing is reported (SUP002) when the rules it names ran on this document (or it names no known rule).
Pure: data in, data out.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from policylint.findings import Finding, Severity

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
DIRECTIVE = re.compile(r"policylint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])")
NAME_TOKEN = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
REASON_SEP = re.compile(r"--(?!>)|\breason\s*:", re.I)
COMMENTS = (("<!--", "-->"), ("/*", "*/"))

REASON_REQUIRED = "SUP001"
UNUSED = "SUP002"


@dataclass(frozen=True)
class DirectiveRule:
    """Metadata for the findings this module emits (same attributes reporters read from pack rules)."""

    code: str
    name: str
    message: str
    why: str
    category: str = "platform"
    pack: str = "policylint"
    severity: Severity = Severity.WARNING
    kind: str = "directive"
    link: str | None = None
    aliases: tuple[str, ...] = ()
    enabled: bool = True


DIRECTIVE_RULES: tuple[DirectiveRule, ...] = (
    DirectiveRule(REASON_REQUIRED, "suppress.reason-required",
                  "A suppression directive must give a reason (`-- reason: ...`); "
                  "this one suppresses nothing",
                  "Every suppression is an audit record: a reviewer must be able to see why a finding was "
                  "accepted (for PHI, e.g. the written authorization's reference). A directive without a "
                  "reason is ignored until one is added."),
    DirectiveRule(UNUSED, "suppress.unused",
                  "This suppression directive suppresses nothing; remove it",
                  "A directive that no longer matches a finding hides nothing today but would silently hide "
                  "a future problem at that place. Remove stale directives (or fix the codes they name)."),
)


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]
    reason: str
    start: int          # offset of the directive's first character
    end: int            # offset just after its body (before a closing comment marker)
    first_line: int     # 0-based logical lines of the document text
    last_line: int
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return not self.codes or any(_token_covers(c, finding.code, finding.rule) for c in self.codes)


def _token_covers(token: str, code: str, rule: str) -> bool:
    if "." in token or "-" in token:
        return token == rule
    return code.startswith(token)


def _comment_end(text: str, start: int) -> int | None:
    """If ``start`` is inside an open HTML or C-style comment, the offset of that comment's end marker."""
    for opening, closing in COMMENTS:
        begin = text.rfind(opening, 0, start)
        if begin < 0:
            continue
        if text.find(closing, begin + len(opening), start) >= 0:
            continue                             # that comment is closed before the directive
        end = text.find(closing, start)
        return len(text) if end < 0 else end
    return None


def _line_index(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def logical_line_starts(text: str) -> list[int]:
    """0-based offsets where each line of ``text`` starts (\\n, \\r\\n and \\r all end a line)."""
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def parse(text: str, starts: Sequence[int] | None = None) -> list[Directive]:
    """Every directive in ``text``, in order."""
    if "policylint-" not in text:
        return []
    starts = starts if starts is not None else logical_line_starts(text)
    result: list[Directive] = []
    for m in DIRECTIVE.finditer(text):
        limit = _comment_end(text, m.start())
        if limit is None:
            newline = re.compile(r"\r|\n").search(text, m.end())
            limit = newline.start() if newline else len(text)
        nxt = DIRECTIVE.search(text, m.end(), limit)   # two directives in one comment/line: split them
        if nxt:
            limit = nxt.start()
        body = text[m.end():limit]
        reason = ""
        sep = REASON_SEP.search(body)
        if sep:
            reason = body[sep.end():].strip()
            reason = re.sub(r"^reason\s*:\s*", "", reason, flags=re.I)
            reason = re.sub(r"\s+", " ", reason).strip(" -")
            body = body[:sep.start()]
        codes: list[str] = []
        for token in re.split(r"[\s,]+", body.strip()):
            if not token:
                continue
            codes.append(token if NAME_TOKEN.match(token) and ("." in token) else token.upper())
        end = m.start() + len(m.group(0)) + len(text[m.end():limit].rstrip())
        result.append(Directive(m.group(1), tuple(codes), reason, m.start(), end,
                                _line_index(starts, m.start()), _line_index(starts, max(m.start(), end - 1))))
    return result


def _suppressing(directives: Sequence[Directive], finding: Finding, line: int) -> list[Directive]:
    """The directives (with or without a reason) whose scope covers ``finding`` on logical ``line``."""
    hits: list[Directive] = []
    for i, d in enumerate(directives):
        if d.kind == "enable" or not d.covers(finding):
            continue
        if d.kind == "disable-file":
            hits.append(d)
        elif d.kind == "disable-next-line" and line == d.last_line + 1:
            hits.append(d)
        elif d.kind == "disable-line" and d.first_line <= line <= d.last_line:
            hits.append(d)
        elif d.kind == "disable" and d.end <= finding.start:
            closed = any(e.kind == "enable" and d.start < e.start <= finding.start and e.covers(finding)
                         for e in directives[i + 1:])
            if not closed:
                hits.append(d)
    return hits


def _known(token: str, rules: Iterable[Any]) -> bool:
    return any(_token_covers(token, r.code, r.name) or any(a.startswith(token) for a in r.aliases)
               for r in rules)


def apply_directives(doc: Any, findings: list[Finding],
                     engine: Any = None) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(kept, suppressed, directive problems) for one document.

    ``engine`` (optional) tells which rules exist and which ran on this document, so that a directive
    naming a rule that was not run (``--ignore``, per-path settings) is not reported as unused, and so
    that ``--select``/``--ignore``/``disable`` also apply to SUP001/SUP002.
    """
    text = doc.directives or ""
    if "policylint-" not in text:
        return list(findings), [], []
    starts = logical_line_starts(text)
    directives = parse(text, starts)
    if not directives:
        return list(findings), [], []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        covering = _suppressing(directives, f, _line_index(starts, f.start))
        with_reason = [d for d in covering if d.reason]
        for d in with_reason:
            d.used = True
        (suppressed if with_reason else kept).append(f)
    return kept, suppressed, _problems(doc, text, directives, engine)


def _problems(doc: Any, text: str, directives: Sequence[Directive], engine: Any) -> list[Finding]:
    all_rules = list(engine.all_rules()) if engine is not None else []
    active = list(engine.rules_for(doc.path)) if engine is not None else []
    pos_starts = doc.line_starts()
    problems: list[Finding] = []
    for d in directives:
        if d.kind == "enable":
            continue
        if not d.reason:
            rule = DIRECTIVE_RULES[0]
        elif d.used:
            continue
        else:
            if engine is not None:
                unknown = any(not _known(c, all_rules) for c in d.codes)
                ran = not d.codes or any(_known(c, active) for c in d.codes)
                if not (unknown or ran):
                    continue                      # names only rules that did not run here: cannot tell
            rule = DIRECTIVE_RULES[1]
        if engine is not None and not _reportable(engine, rule.code):
            continue
        line, col = doc.position(d.start, pos_starts)
        end_line, end_col = doc.position(d.end, pos_starts)
        problems.append(Finding(path=doc.path, record=doc.record, line=line, column=col, end_line=end_line,
                                end_column=end_col, start=d.start, end=d.end, code=rule.code, rule=rule.name,
                                pack=rule.pack, category=rule.category, severity=rule.severity,
                                message=rule.message, match=text[d.start:d.end],
                                context=" ".join(re.findall(r"\w+", text[d.start:d.end].lower()))))
    return problems


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(p and code.startswith(p) for p in prefixes)


def _reportable(engine: Any, code: str) -> bool:
    selection = getattr(engine, "selection", None)
    config = getattr(engine, "config", None)
    if config is not None and _matches(code, config.disable) and not _matches(code, config.enable):
        return False
    if selection is not None:
        if selection.select and not _matches(code, selection.select):
            return False
        if _matches(code, selection.ignore):
            return False
    return True
