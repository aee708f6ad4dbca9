"""Config: discovery upward (.policylint.yaml, pyproject [tool.policylint], --config), disable by prefix,
severity overrides, lexicon additions, per-path settings, `policylint init`."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from policylint.config import STARTER, Config, ConfigError, load_config, parse_config
from policylint.findings import Severity

from conftest import build_engine, check_text

PACK = """\
pack: testpack
lexicons:
  planted: ["miracle cure"]
rules:
  - code: TST001
    name: test.one
    kind: forbid
    category: claims
    severity: error
    patterns: ["@planted"]
    message: m
    why: w
  - code: TST002
    name: test.two
    kind: forbid
    category: claims
    severity: warning
    patterns: ["wonder drug"]
    message: m
    why: w
  - code: OTH001
    name: other.one
    kind: forbid
    category: language
    severity: info
    patterns: ["snake oil"]
    message: m
    why: w
"""
TEXT = "A miracle cure, a wonder drug and snake oil."


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/repo (with .git) holding testpack.yaml; cwd = tmp/repo/posts/deep."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "testpack.yaml").write_text(PACK)
    deep = root / "posts" / "deep"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    return root


def codes(config: Config, path: str = "draft.txt", text: str = TEXT) -> dict[str, str]:
    engine = build_engine(None, config)
    return {f.code: f.severity.label for f in check_text(engine, text, path=path)}


# ---------------------------------------------------------------------------------------------------------
# discovery
# ---------------------------------------------------------------------------------------------------------

def test_no_config_gives_defaults(repo: Path) -> None:
    config = load_config()
    assert config.source is None and config.packs == Config().packs


def test_policylint_yaml_found_upward(repo: Path) -> None:
    (repo / ".policylint.yaml").write_text("packs: [testpack.yaml]\ndisable: [OTH]\n")
    config = load_config()
    assert Path(config.source or "").resolve() == (repo / ".policylint.yaml").resolve()
    assert config.root.resolve() == repo.resolve()
    assert config.packs == ("testpack.yaml",) and config.disable == ("OTH",)
    assert set(codes(config)) == {"TST001", "TST002"}


def test_yml_spelling(repo: Path) -> None:
    (repo / ".policylint.yml").write_text("disable: [X]\n")
    assert load_config().disable == ("X",)


def test_nearest_config_wins(repo: Path) -> None:
    (repo / ".policylint.yaml").write_text("disable: [OUTER]\n")
    (repo / "posts" / ".policylint.yaml").write_text("disable: [INNER]\n")
    assert load_config().disable == ("INNER",)


def test_discovery_stops_at_the_repository_root(repo: Path) -> None:
    (repo.parent / ".policylint.yaml").write_text("disable: [OUTSIDE]\n")
    assert load_config().disable == ()


def test_pyproject_section(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.policylint]\npacks = ["testpack.yaml"]\ndisable = ["TST002"]\n'
        'severity = {TST001 = "warning"}\norg_contacts = ["(555) 401-2000"]\n'
        '[tool.policylint.lexicons]\nplanted = ["panacea"]\n'
        '[tool.policylint.paths."posts/x/*"]\nplatform = "x"\n')
    config = load_config()
    assert config.source and config.source.endswith("pyproject.toml")
    assert config.disable == ("TST002",) and config.severity == {"TST001": Severity.WARNING}
    assert config.lexicons == {"planted": ("panacea",)}
    assert config.paths[0].platform == "x"
    assert codes(config) == {"TST001": "warning", "OTH001": "info"}


def test_pyproject_without_section_is_skipped(repo: Path) -> None:
    (repo / "posts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (repo / ".policylint.yaml").write_text("disable: [FOUND]\n")
    assert load_config().disable == ("FOUND",)


def test_policylint_yaml_beats_pyproject_in_same_folder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.policylint]\ndisable = ["TOML"]\n')
    (repo / ".policylint.yaml").write_text("disable: [YAML]\n")
    assert load_config().disable == ("YAML",)


def test_explicit_config(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.yaml"
    other.write_text("disable: [EXPLICIT]\n")
    (repo / ".policylint.yaml").write_text("disable: [DISCOVERED]\n")
    assert load_config(str(other)).disable == ("EXPLICIT",)
    toml = tmp_path / "pyproject.toml"
    toml.write_text('[tool.policylint]\ndisable = ["FROM_TOML"]\n')
    assert load_config(str(toml)).disable == ("FROM_TOML",)


def test_explicit_config_missing(repo: Path) -> None:
    with pytest.raises(ConfigError):
        load_config("no-such-config.yaml")


# ---------------------------------------------------------------------------------------------------------
# errors name the file and line
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "key"), [
    ("packs: [hipaa]\nseverty: {}\n", 2, "severty"),
    ("disable: 5\n", 1, "disable"),
    ("severity:\n  PHI001: fatal\n", 2, "fatal"),
    ("lexicons: [a]\n", 1, "lexicons"),
    ("lexicons:\n  staff_names: {a: 1}\n", 2, "staff_names"),
    ("fail_on: sometimes\n", 1, "fail_on"),
    ("model: 3\n", 1, "model"),
    ("truncation: {x: many}\n", 1, "truncation"),
    ("paths:\n  'posts/*':\n    platfrom: x\n", 3, "platfrom"),
    ("paths: [a]\n", 1, "paths"),
    ("packs: [a\n", None, None),
    ("a: &x 1\nb: *x\n", 1, None),
    ("disclaimer: !!python/object/apply:os.system ['true']\n", 1, None),
    ("- a\n- b\n", 1, None),
])
def test_config_errors(repo: Path, text: str, line: int | None, key: str | None) -> None:
    (repo / ".policylint.yaml").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config()
    error = info.value
    assert error.source.endswith(".policylint.yaml")
    if line is not None:
        assert error.line == line
    if key is not None:
        assert key in str(error)
    assert "\n" not in str(error)


def test_bad_toml(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.policylint\n")
    with pytest.raises(ConfigError) as info:
        load_config()
    assert info.value.source.endswith("pyproject.toml")


def test_toml_errors_without_lines(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.policylint.paths."x/*"]\nplatfrom = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config()
    assert "platfrom" in str(info.value)


def test_undecodable_config(repo: Path) -> None:
    (repo / ".policylint.yaml").write_bytes(b"disable: [\xff]\n")
    with pytest.raises(ConfigError):
        load_config()


# ---------------------------------------------------------------------------------------------------------
# what the settings do
# ---------------------------------------------------------------------------------------------------------

def config_for(repo: Path, text: str) -> Config:
    (repo / ".policylint.yaml").write_text("packs: [testpack.yaml]\n" + text)
    return load_config()


def test_disable_by_prefix(repo: Path) -> None:
    assert set(codes(config_for(repo, "disable: [TST]\n"))) == {"OTH001"}
    assert set(codes(config_for(repo, "disable: [TST00, OTH001]\n"))) == set()
    assert set(codes(config_for(repo, "disable: TST002\n"))) == {"TST001", "OTH001"}


def test_enable_overrides_disable(repo: Path) -> None:
    assert set(codes(config_for(repo, "disable: [TST]\nenable: [TST002]\n"))) == {"TST002", "OTH001"}


def test_severity_overrides_longest_prefix_wins(repo: Path) -> None:
    config = config_for(repo, "severity:\n  TST: info\n  TST002: error\n")
    assert codes(config) == {"TST001": "info", "TST002": "error", "OTH001": "info"}


def test_lexicon_additions(repo: Path) -> None:
    config = config_for(repo, "lexicons:\n  planted: [panacea]\n")
    assert set(codes(config, text="A panacea.")) == {"TST001"}
    assert set(codes(config, text="A miracle cure.")) == {"TST001"}        # pack terms are kept


def test_org_contacts_and_staff_names_reach_the_engine(repo: Path) -> None:
    config = config_for(repo, "org_contacts: ['(555) 401-2000', '@lakeview.example']\n"
                              "staff_names: [Dr. Ana Ruiz]\nlexicons:\n  staff_names: [Sam Okafor]\n")
    engine = build_engine(None, config)
    assert "(555) 401-2000" in engine.context.org_contacts
    assert {"Dr. Ana Ruiz", "Sam Okafor"} <= set(engine.context.staff_names)


def test_per_path_settings(repo: Path) -> None:
    config = config_for(repo, "paths:\n  'posts/strict/*':\n    severity: {OTH: error}\n"
                              "  'posts/relaxed/*':\n    disable: [TST]\n    platform: X\n")
    strict = str(repo / "posts" / "strict" / "a.txt")
    relaxed = str(repo / "posts" / "relaxed" / "a.txt")
    assert codes(config, strict) == {"TST001": "error", "TST002": "warning", "OTH001": "error"}
    assert set(codes(config, relaxed)) == {"OTH001"}
    assert set(codes(config, str(repo / "posts" / "other.txt"))) == {"TST001", "TST002", "OTH001"}
    settings = config.for_path(relaxed)
    assert settings is not None and settings.platform == "x"


def test_config_is_frozen(repo: Path) -> None:
    config = config_for(repo, "severity: {TST: info}\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.disable = ("X",)  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.severity["X"] = Severity.INFO  # type: ignore[index]


def test_parse_config_of_plain_dict() -> None:
    config = parse_config({"packs": "hipaa", "paths": {"a/*": {"disable": ["X"]}},
                           "lexicons": {"staff_names": ["A"]}}, "inline", Path("."))
    assert config.packs == ("hipaa",) and config.paths[0].disable == ("X",)


# ---------------------------------------------------------------------------------------------------------
# policylint init
# ---------------------------------------------------------------------------------------------------------

def test_starter_config_parses_and_loads_packs(tmp_path: Path) -> None:
    path = tmp_path / ".policylint.yaml"
    path.write_text(STARTER)
    config = load_config(str(path))
    assert config.packs and config.disclaimer
    build_engine(None, config)


def test_init_writes_a_config_that_parses(cli: Any, isolated: Path) -> None:
    result = cli("init")
    assert result.code == 0
    config = load_config()
    assert config.source and Path(config.source).name == ".policylint.yaml"
    again = cli("init")
    assert again.code == 2 and again.err.count("\n") == 1
    assert cli("init", "--force").code == 0


# ---------------------------------------------------------------------------------------------------------
# fuzzed config: a Config or one ConfigError line
# ---------------------------------------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CONFIG_KEYS = ["packs", "extends", "disable", "enable", "severity", "exclude", "include", "lexicons",
               "disclaimer", "model", "platform", "truncation", "paths", "org_contacts", "staff_names", "fail_on",
               "PHI", "x", "posts/*", "error", "warning"]
CONFIG_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 10**6), st.text(max_size=12),
              st.sampled_from(["error", "info", "hipaa", "PHI", "none"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(CONFIG_KEYS), inner, max_size=4)),
    max_leaves=15)


@given(st.dictionaries(st.sampled_from(CONFIG_KEYS), CONFIG_VALUES, max_size=6))
def test_fuzzed_config(data: dict[str, Any]) -> None:
    try:
        parse_config(data, "fuzz.toml", Path("."))
    except ConfigError as error:
        assert "\n" not in str(error)
