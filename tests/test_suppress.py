"""Inline suppression directives (pure, on synthetic findings) and end to end through the CLI; per-path
rule settings from config."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policylint.document import Document
from policylint.findings import Finding, Severity
from policylint.suppress import apply_directives, parse

# ------------------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------------------


def test_parse_codes_reason_and_kinds() -> None:
    text = ("<!-- policylint-disable-next-line PHI002, phi001 -- reason: written authorization #A-113 -->\n"
            "policylint-disable LNG reason: quoting a 1990s headline\n"
            "policylint-enable\n"
            "<!-- policylint-disable-file phi.patient-name\n     -- reason: spans\n     two lines -->\n"
            "<!-- policylint-disable-line -->\n")
    got = [(d.kind, d.codes, d.reason, d.first_line, d.last_line) for d in parse(text)]
    assert got == [
        ("disable-next-line", ("PHI002", "PHI001"), "written authorization #A-113", 0, 0),
        ("disable", ("LNG",), "quoting a 1990s headline", 1, 1),
        ("enable", (), "", 2, 2),
        ("disable-file", ("phi.patient-name",), "spans two lines", 3, 5),
        ("disable-line", (), "", 6, 6),
    ]


def test_parse_ignores_lookalikes_and_splits_two_directives() -> None:
    assert parse("policylint-disabled PHI -- reason: no") == []
    assert parse("see policylint-disable-next-lines") == []
    two = parse("<!-- policylint-enable PHI --> <!-- policylint-disable LNG -- reason: x -->")
    assert [(d.kind, d.codes, d.reason) for d in two] == [("enable", ("PHI",), ""), ("disable", ("LNG",), "x")]


# ------------------------------------------------------------------------------------------------------
# applying directives to findings (no NLP: findings are placed by hand)
# ------------------------------------------------------------------------------------------------------


def doc(text: str, path: str = "post.md") -> Document:
    return Document(path=path, text=text, prose=text, directives=text)


def at(d: Document, needle: str, code: str, nth: int = 0, rule: str = "x.rule") -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(needle, start + 1)
    line, col = d.position(start)
    end_line, end_col = d.position(start + len(needle))
    return Finding(path=d.path, record=d.record, line=line, column=col, end_line=end_line, end_column=end_col,
                   start=start, end=start + len(needle), code=code, rule=rule, pack="p", category="phi",
                   severity=Severity.ERROR, message="m", match=needle, context="")


def triples(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return sorted((f.line, f.column, f.code) for f in findings)


def test_disable_next_line_only_covers_the_next_line() -> None:
    d = doc("<!-- policylint-disable-next-line PHI -- reason: consent on file -->\nMaria here\nMaria again\n")
    first, second = at(d, "Maria", "PHI001"), at(d, "Maria", "PHI001", 1)
    kept, suppressed, problems = apply_directives(d, [first, second])
    assert triples(suppressed) == [(2, 1, "PHI001")]
    assert triples(kept) == [(3, 1, "PHI001")]
    assert problems == []


def test_prefix_and_rule_name_matching() -> None:
    d = doc("policylint-disable-next-line PHI00 -- reason: r\nMaria LNG\n"
            "policylint-disable-next-line phi.patient-name -- reason: r\nMaria\n")
    findings = [at(d, "Maria", "PHI002"), at(d, "LNG", "LNG001"), at(d, "Maria", "PHI001", 1, "phi.patient-name")]
    kept, suppressed, problems = apply_directives(d, findings)
    assert triples(suppressed) == [(2, 1, "PHI002"), (4, 1, "PHI001")]
    assert triples(kept) == [(2, 7, "LNG001")]
    assert problems == []


def test_disable_enable_ranges_with_partial_enable() -> None:
    text = ("a Maria\n"
            "<!-- policylint-disable PHI -- reason: authorized campaign -->\n"
            "b Maria 555\n"
            "<!-- policylint-enable PHI005 -->\n"
            "c Maria 555\n"
            "<!-- policylint-enable -->\n"
            "d Maria\n")
    d = doc(text)
    findings = [at(d, "Maria", "PHI001", i) for i in range(4)] + [at(d, "555", "PHI005", i) for i in range(2)]
    kept, suppressed, _ = apply_directives(d, findings)
    assert triples(suppressed) == [(3, 3, "PHI001"), (3, 9, "PHI005"), (5, 3, "PHI001")]
    assert triples(kept) == [(1, 3, "PHI001"), (5, 9, "PHI005"), (7, 3, "PHI001")]


def test_unclosed_disable_runs_to_the_end_and_disable_file_covers_all() -> None:
    d = doc("Maria\npolicylint-disable -- reason: r\nMaria\nMaria\n")
    kept, suppressed, _ = apply_directives(d, [at(d, "Maria", "PHI001", i) for i in range(3)])
    assert triples(kept) == [(1, 1, "PHI001")] and len(suppressed) == 2
    d = doc("Maria\n\n<!-- policylint-disable-file LNG -- reason: a quoted headline -->\nMaria addicts\n")
    kept, suppressed, _ = apply_directives(d, [at(d, "Maria", "PHI001"), at(d, "addicts", "LNG001")])
    assert triples(kept) == [(1, 1, "PHI001")] and triples(suppressed) == [(4, 7, "LNG001")]


def test_disable_line_and_multiline_comment_next_line() -> None:
    d = doc("Maria <!-- policylint-disable-line PHI -- reason: r -->\n"
            "<!-- policylint-disable-next-line PHI\n  -- reason: long\n  explanation -->\nMaria\nMaria\n")
    kept, suppressed, problems = apply_directives(d, [at(d, "Maria", "PHI001", i) for i in range(3)])
    assert triples(suppressed) == [(1, 1, "PHI001"), (5, 1, "PHI001")]
    assert triples(kept) == [(6, 1, "PHI001")]
    assert problems == []


def test_reason_is_required_sup001() -> None:
    d = doc("<!-- policylint-disable-next-line PHI001 -->\nMaria\n<!-- policylint-disable-file LNG --  -->\n")
    kept, suppressed, problems = apply_directives(d, [at(d, "Maria", "PHI001")])
    assert triples(kept) == [(2, 1, "PHI001")] and suppressed == []      # no reason: suppresses nothing
    assert triples(problems) == [(1, 6, "SUP001"), (3, 6, "SUP001")]
    assert all(p.severity == Severity.WARNING for p in problems)


def test_unused_directive_sup002_and_reasoned_beats_reasonless() -> None:
    d = doc("policylint-disable-next-line LNG -- reason: stale\nMaria\n"
            "policylint-disable-next-line PHI\nMaria <!-- policylint-disable-line PHI -- reason: ok -->\n")
    kept, suppressed, problems = apply_directives(d, [at(d, "Maria", "PHI001"), at(d, "Maria", "PHI001", 1)])
    assert triples(kept) == [(2, 1, "PHI001")]
    assert triples(suppressed) == [(4, 1, "PHI001")]
    assert triples(problems) == [(1, 1, "SUP002"), (3, 1, "SUP001")]


def test_directives_in_a_batch_record_apply_to_that_record() -> None:
    body = "policylint-disable-file PHI -- reason: consented testimonial\nMaria"
    d = Document(path="export.jsonl", text=body, prose=body, record="p1", first_line=4, format="jsonl",
                 directives=body)
    kept, suppressed, problems = apply_directives(d, [at(d, "Maria", "PHI001")])
    assert kept == [] and len(suppressed) == 1 and problems == []


class _Rule:
    def __init__(self, code: str, name: str) -> None:
        self.code, self.name, self.aliases = code, name, ()


class _Engine:
    """What apply_directives reads from an engine: rules known, rules run on a path, selection, config."""

    def __init__(self, *, active: tuple[str, ...], ignore: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> None:
        from policylint.config import Config
        from policylint.engine import Selection

        self._all = [_Rule("PHI001", "phi.patient-name"), _Rule("LNG001", "language.addict")]
        self._active = [r for r in self._all if r.code in active]
        self.selection = Selection((), ignore)
        self.config = Config(disable=disable)

    def all_rules(self) -> list[Any]:
        return self._all

    def rules_for(self, path: str) -> list[Any]:
        return self._active


def test_unused_only_reported_when_the_named_rules_ran() -> None:
    d = doc("policylint-disable-next-line LNG -- reason: r\nnothing\n"
            "policylint-disable-next-line XYZ9 -- reason: typo\nnothing\n")
    _, _, problems = apply_directives(d, [], _Engine(active=("PHI001",)))     # LNG ignored for this path
    assert triples(problems) == [(3, 1, "SUP002")]                          # unknown code: always reported
    _, _, problems = apply_directives(d, [], _Engine(active=("PHI001", "LNG001")))
    assert triples(problems) == [(1, 1, "SUP002"), (3, 1, "SUP002")]
    _, _, problems = apply_directives(d, [], _Engine(active=("PHI001", "LNG001"), ignore=("SUP002",)))
    assert problems == []
    _, _, problems = apply_directives(d, [], _Engine(active=("PHI001", "LNG001"), disable=("SUP",)))
    assert problems == []


# ------------------------------------------------------------------------------------------------------
# end to end: the CLI (real detection)
# ------------------------------------------------------------------------------------------------------

POST = """\
# Ward news

<!-- policylint-disable-next-line PHI -- reason: written authorization #A-113 -->
Congrats to Maria Gonzalez on finishing chemo at our hospital!

<!-- policylint-disable-next-line PHI001 -->
So happy for Valentina Moreau, who went home after her hip surgery!

<!-- policylint-disable-next-line LNG -- reason: quoting -->
See you at the health fair.
"""


@pytest.fixture
def repo(isolated: Path, nlp: Any) -> Path:
    # `nlp`: load the session pipeline once, up front.
    return isolated


def test_cli_suppressions_counts_and_show_suppressed(repo: Path, cli: Any) -> None:
    (repo / "post.md").write_text(POST, encoding="utf-8")
    data = cli("check", "post.md", "--format", "json", "--select", "PHI001,LNG,SUP").json()
    assert [(f["line"], f["column"], f["code"]) for f in data["findings"]] == \
        [(6, 6, "SUP001"), (7, 14, "PHI001"), (9, 6, "SUP002")]
    assert data["summary"]["suppressed"] == 1 and "suppressed" not in data
    shown = cli("check", "post.md", "--format", "json", "--select", "PHI001,LNG,SUP", "--show-suppressed").json()
    assert [(f["line"], f["column"], f["code"]) for f in shown["suppressed"]] == [(4, 13, "PHI001")]
    text = cli("check", "post.md", "--select", "PHI001,LNG,SUP", "--show-suppressed")
    assert "post.md:4:13: PHI001 suppressed" in text.out
    assert "1 suppressed." in text.out
    assert cli("check", "post.md", "--select", "PHI001").code == 1     # the reasonless one still fails


def test_cli_ignore_sup002(repo: Path, cli: Any) -> None:
    (repo / "post.md").write_text(POST, encoding="utf-8")
    data = cli("check", "post.md", "--format", "json", "--select", "PHI001,LNG,SUP", "--ignore", "SUP002").json()
    assert [f["code"] for f in data["findings"]] == ["SUP001", "PHI001"]


# ------------------------------------------------------------------------------------------------------
# per-path rule settings (config `paths:`)
# ------------------------------------------------------------------------------------------------------

CONFIG = """\
packs: [hipaa, language]
paths:
  "posts/strict/**":
    severity: {LNG: error}
  "posts/quotes/*":
    disable: [LNG001]
  "posts/legacy/*":
    disable: [PHI]
"""
ADDICTS = "Our clinic now offers walk-in hours for addicts ready to start treatment.\n"
PATIENT = "Congrats to Maria Gonzalez on finishing chemo at our hospital!\n"


def test_per_path_severity_and_disable(repo: Path, cli: Any) -> None:
    (repo / ".policylint.yaml").write_text(CONFIG, encoding="utf-8")
    for folder in ("posts/strict/x", "posts/quotes", "posts/legacy", "posts/other"):
        (repo / folder).mkdir(parents=True)
        (repo / folder / "addicts.txt").write_text(ADDICTS, encoding="utf-8")
        (repo / folder / "patient.txt").write_text(PATIENT, encoding="utf-8")
    data = cli("check", "posts", "--format", "json").json()
    got = sorted((f["path"], f["code"], f["severity"]) for f in data["findings"])
    assert got == sorted([
        ("posts/strict/x/addicts.txt", "LNG001", "error"),
        ("posts/strict/x/patient.txt", "PHI001", "error"),
        ("posts/quotes/patient.txt", "PHI001", "error"),
        ("posts/legacy/addicts.txt", "LNG001", "warning"),
        ("posts/other/addicts.txt", "LNG001", "warning"),
        ("posts/other/patient.txt", "PHI001", "error"),
    ])
    # a warning fails only where the path makes it an error
    assert cli("check", "posts/other/addicts.txt").code == 0
    assert cli("check", "posts/strict/x/addicts.txt").code == 1


def test_directive_for_a_rule_disabled_by_path_is_not_unused(repo: Path, cli: Any) -> None:
    (repo / ".policylint.yaml").write_text(CONFIG, encoding="utf-8")
    (repo / "posts" / "quotes").mkdir(parents=True)
    (repo / "posts" / "quotes" / "q.txt").write_text(
        "policylint-disable-next-line LNG001 -- reason: verbatim quote\n" + ADDICTS, encoding="utf-8")
    data = cli("check", "posts", "--format", "json").json()
    assert data["findings"] == []
