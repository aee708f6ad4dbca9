"""The engine: selected rules over analyses -> stamped findings (code, pack, severity, position)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from policylint.analysis import Analysis, RunContext
from policylint.checks import CHECKS
from policylint.config import Config
from policylint.findings import Finding, Hit, Severity
from policylint.packs import Pack, Rule

TYPE_WORDS = {"NAME": "a name", "AGE_OVER_89": "an age over 89", "DATE": "a date", "LOCATION": "a place", "RELATIVE_DATE": "a relative date",
              "ADDRESS": "a street address", "ZIP": "a ZIP code", "PHONE": "a phone number", "EMAIL": "an email address",
              "SSN": "a Social Security number", "MRN": "a medical record number", "ACCOUNT": "an account number",
              "HEALTH_PLAN_ID": "a health plan ID", "LICENSE": "a licence number", "VEHICLE": "a vehicle identifier",
              "DEVICE_ID": "a device identifier", "URL": "a web address", "IP": "an IP address",
              "ROOM": "a room or bed number", "OTHER_ID": "a unique description", "PHOTO": "an image description"}


class _DocumentTimeout(Exception):
    pass


def matches_prefix(code: str, prefixes: Iterable[str], aliases: Sequence[str] = ()) -> bool:
    return any(code.startswith(p) or any(a.startswith(p) for a in aliases) for p in prefixes if p)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


class Engine:
    """Holds the selected rules and the compiled run context; checks one analysis at a time."""

    def __init__(self, packs: Sequence[Pack], config: Config, selection: Selection = Selection()) -> None:
        self.packs = list(packs)
        self.config = config
        self.selection = selection
        self._path_settings: dict[tuple[str, str], Any] = {}
        lexicons: dict[str, tuple[str, ...]] = {}
        for pack in self.packs:
            for name, terms in pack.lexicons.items():
                lexicons[name] = lexicons.get(name, ()) + tuple(terms)
        for name, terms in config.lexicons.items():
            lexicons[name] = lexicons.get(name, ()) + tuple(terms)
        cuts = dict(RunContext(lexicons={}).cuts)
        cuts.update(config.truncation)
        self.context = RunContext(lexicons=lexicons, org_contacts=config.org_contacts + lexicons.get("org_contacts", ()),
                                  staff_names=config.staff_names + lexicons.get("staff_names", ()),
                                  disclaimer_text=config.disclaimer, cuts=cuts, platform=config.platform,
                                  path_platforms=self._path_platform if config.paths else None)
        self.rules: list[Rule] = [r for p in self.packs for r in p.rules if self._selected(r, config.disable, config.enable)]

    def precompile(self) -> None:
        """Compile every pattern the selected rules use (once; `rules`/`explain` never need it)."""
        refs: list[str] = []
        for rule in self.rules:
            for value in rule.params.values():
                if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                    for v in value:
                        refs.extend(v.split("|") if v.startswith("@") else [v])
        self.context.precompile(r for r in refs if r and r != "@:imperative")

    def _for_path(self, path: str) -> Any:
        """config.for_path, remembered per working directory and path (it resolves the path: slow)."""
        key = (os.getcwd(), path)
        if key not in self._path_settings:
            self._path_settings[key] = self.config.for_path(path)
        return self._path_settings[key]

    def _path_platform(self, path: str) -> str | None:
        settings = self._for_path(path)
        return settings.platform if settings else None

    def all_rules(self) -> list[Rule]:
        return [r for p in self.packs for r in p.rules]

    def _selected(self, rule: Rule, disable: Sequence[str], enable: Sequence[str]) -> bool:
        if matches_prefix(rule.code, enable, rule.aliases):
            return self._cli_selected(rule)
        if not rule.enabled or matches_prefix(rule.code, disable, rule.aliases):
            return False
        return self._cli_selected(rule)

    def _cli_selected(self, rule: Rule) -> bool:
        sel = self.selection
        if sel.select and not matches_prefix(rule.code, sel.select, rule.aliases):
            return False
        return not matches_prefix(rule.code, sel.ignore, rule.aliases)

    def rules_for(self, path: str) -> list[Rule]:
        settings = self._for_path(path)
        if settings is None:
            return self.rules
        return [r for r in self.all_rules() if self._selected(r, self.config.disable + settings.disable,
                                                              self.config.enable + settings.enable)]

    def severity(self, rule: Rule, path: str) -> Severity:
        settings = self._for_path(path)
        for table in ((settings.severity if settings else {}), self.config.severity):
            for prefix in sorted(table, key=len, reverse=True):
                if rule.code.startswith(prefix):
                    return table[prefix]
        return rule.severity

    def check(self, analysis: Analysis) -> list[Finding]:
        """Findings for one analysis; with ``config.timeout`` a document whose checks run too long is
        reported as not checked (TMO001) instead of holding up the run."""
        limit = self.config.timeout
        if not limit:
            return self._check(analysis)
        import signal
        import threading

        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return self._check(analysis)

        def on_alarm(signum: int, frame: object) -> None:
            raise _DocumentTimeout

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return self._check(analysis)
        except _DocumentTimeout:
            return [self._timeout_finding(analysis, limit)]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _timeout_finding(self, analysis: Analysis, limit: float) -> Finding:
        doc = analysis.document
        end = min(len(doc.text), max(1, len(doc.text.split("\n", 1)[0])))
        line, column = doc.position(0)
        end_line, end_column = doc.position(end)
        return Finding(path=doc.path, record=doc.record, line=line, column=column, end_line=end_line,
                       end_column=end_column, start=0, end=end, code="TMO001", rule="policylint.not-checked",
                       pack="policylint", category="platform", severity=Severity.ERROR,
                       message=f"Not checked: the checks took longer than {limit:g} s (--timeout); split the "
                               f"document or raise the limit", match=doc.text[0:end])

    def _check(self, analysis: Analysis) -> list[Finding]:
        doc = analysis.document
        starts = doc.line_starts()
        findings: list[Finding] = []
        for rule in self.rules_for(doc.path):
            for hit in CHECKS[rule.kind](rule, analysis):
                findings.append(self._finding(rule, hit, analysis, starts))
        findings.sort(key=lambda f: (f.start, f.code))
        return findings

    def _finding(self, rule: Rule, hit: Hit, analysis: Analysis, starts: list[int]) -> Finding:
        doc = analysis.document
        start = max(0, min(hit.start, len(doc.text)))
        end = max(start, min(hit.end, len(doc.text)))
        line, column = doc.position(start, starts)
        end_line, end_column = doc.position(end, starts)
        detail = dict(hit.detail)
        if "type" in detail:
            detail.setdefault("what", TYPE_WORDS.get(str(detail["type"]), "an identifier"))
        message = hit.message or rule.message
        try:
            message = message.format(**detail) if detail else message
        except (KeyError, IndexError, ValueError):
            pass
        words = re.findall(r"\w+", doc.text[max(0, start - 40):min(len(doc.text), end + 40)].lower())
        return Finding(path=doc.path, record=doc.record, line=line, column=column, end_line=end_line,
                       end_column=end_column, start=start, end=end, code=rule.code, rule=rule.name, pack=rule.pack,
                       category=rule.category, severity=self.severity(rule, doc.path), message=message,
                       match=doc.text[start:end], fix=hit.fix, context=" ".join(words))


def check_documents(engine: Engine, analyses: Iterable[Analysis]) -> Iterator[tuple[Analysis, list[Finding]]]:
    for analysis in analyses:
        yield analysis, engine.check(analysis)
