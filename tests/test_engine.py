"""Engine behaviour: per-path settings, severity overrides, selection, stamping."""
from __future__ import annotations

from pathlib import Path

from conftest import build_engine, check_text
from policylint.config import Config, PathSettings

LONG = ("Our emergency department is open around the clock with board-certified physicians, trauma nurses, a "
        "pediatric area, imaging on site, a stroke team on call and a heart team that opens blocked arteries "
        "fast. Thank you to every one of the people who make this possible every single day and night!")


def test_per_path_platform_applies_platform_rules(tmp_path: Path) -> None:
    config = Config(root=tmp_path, paths=(PathSettings("posts/x/*", platform="x"),))
    engine = build_engine(["accessibility"], config)
    inside = check_text(engine, LONG, path=str(tmp_path / "posts" / "x" / "a.txt"))
    outside = check_text(engine, LONG, path=str(tmp_path / "posts" / "blog" / "a.txt"))
    assert [f.code for f in inside] == ["PLT001"]
    assert not [f for f in outside if f.code == "PLT001"]


def test_severity_override_by_prefix_and_path(tmp_path: Path) -> None:
    from policylint.findings import Severity

    config = Config(root=tmp_path, severity={"LNG": Severity.ERROR},
                    paths=(PathSettings("drafts/*", severity={"LNG001": Severity.INFO}),))
    engine = build_engine(["language"], config)
    text = "Free support group for addicts every Monday."
    (normal,) = [f for f in check_text(engine, text, path=str(tmp_path / "a.txt")) if f.code == "LNG001"]
    (draft,) = [f for f in check_text(engine, text, path=str(tmp_path / "drafts" / "a.txt")) if f.code == "LNG001"]
    assert (normal.severity, draft.severity) == (Severity.ERROR, Severity.INFO)


def test_findings_are_stamped_by_the_engine() -> None:
    engine = build_engine(["language"])
    (finding,) = check_text(engine, "He committed suicide last spring.\nCall or text 988.")
    assert (finding.code, finding.rule, finding.pack, finding.category) == (
        "SUI001", "language.committed-suicide", "language", "language")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 4, 1, 21)
