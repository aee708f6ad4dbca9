"""Pack validation: every error names the file, the line, the rule and the key; hostile YAML is refused
before it can run code, blow up memory or hang a check."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from policylint import yamlsafe
from policylint.packs import PackError, builtin_names, load_packs, parse_pack, resolve

BASE = """\
pack: custom
title: Custom pack
lexicons:
  words: [alpha, beta]
rules:
  - code: CUS001
    name: custom.thing
    kind: forbid
    category: claims
    severity: error
    patterns: ["@words"]
    message: m
    why: w
    examples:
      fail: ["alpha"]
      pass: ["gamma"]
"""
RULE_LINE = 6        # "- code: CUS001"


def write(tmp_path: Path, text: str, name: str = "custom.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str, name: str = "custom.yaml") -> PackError:
    path = write(tmp_path, text, name)
    with pytest.raises(PackError) as info:
        load_packs([str(path)])
    error = info.value
    assert "\n" not in str(error), "pack errors are one line"
    return error


def replace_line(number: int, new: str, text: str = BASE) -> str:
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def test_base_pack_is_valid(tmp_path: Path) -> None:
    (pack,) = load_packs([str(write(tmp_path, BASE))])
    (rule,) = pack.rules
    assert (pack.name, rule.code, rule.kind, rule.line) == ("custom", "CUS001", "forbid", RULE_LINE)
    assert rule.params["patterns"] == ("@words",)


@pytest.mark.parametrize(("line", "new", "key"), [
    (10, "    severty: error", "severty"),                            # unknown key (typo)
    (8, "    kind: forbidd", "kind"),                                # unknown kind
    (9, "    category: marketing", "category"),                       # unknown category
    (10, "    severity: critical", "severity"),                       # unknown severity
    (11, '    patterns: ["@nope"]', "patterns"),                      # unknown lexicon reference
    (11, '    patterns: ["(unclosed"]', "patterns"),                  # regex does not compile
    (11, '    patterns: ["(a+)+$"]', "patterns"),                     # catastrophic backtracking
    (11, '    patterns: ["((\\\\w+)-?)+x"]', "patterns"),             # ... hidden one level deeper
    (11, '    patterns: ["(?:\\\\w+\\\\s?)*$"]', "patterns"),
    (11, "    patterns: 5", "patterns"),                              # wrong type
    (11, "    patterns: [1, 2]", "patterns"),
    (12, "    message: 42", "message"),
    (13, "    why: ''", "why"),
    (7, "    name: Not A Dotted Name", "name"),
    (15, "      fails: [alpha]", "fails"),
    (15, "      fail: [{txt: alpha}]", "fail"),
    (15, "      fail: [{text: alpha, format: docx}]", "format"),
])
def test_rule_errors_name_file_line_rule_and_key(tmp_path: Path, line: int, new: str, key: str) -> None:
    error = load_error(tmp_path, replace_line(line, new))
    assert error.source.endswith("custom.yaml")
    assert error.line == line
    assert error.rule == "CUS001"
    assert key in str(error)
    assert str(error).startswith(f"{error.source}:{line}: rule CUS001: ")


def test_wrong_type_for_kind_parameter(tmp_path: Path) -> None:
    text = BASE.replace("    kind: forbid\n", "    kind: require\n").replace(
        '    patterns: ["@words"]\n', '    trigger: ["@words"]\n    accept: ["ok"]\n    min_signals: "3"\n')
    error = load_error(tmp_path, text)
    assert (error.line, error.rule) == (13, "CUS001") and "min_signals" in str(error)


def test_missing_required_kind_key(tmp_path: Path) -> None:
    error = load_error(tmp_path, BASE.replace('    patterns: ["@words"]\n', ""))
    assert error.rule == "CUS001" and error.line == RULE_LINE and "patterns" in str(error)


def test_bad_code(tmp_path: Path) -> None:
    error = load_error(tmp_path, replace_line(RULE_LINE, "  - code: lowercase1"))
    assert error.line == RULE_LINE and "code" in str(error)


def test_duplicate_code(tmp_path: Path) -> None:
    rule = BASE[BASE.index("  - code: CUS001"):]
    error = load_error(tmp_path, BASE + rule.replace("name: custom.thing", "name: custom.other"))
    assert error.rule == "CUS001" and error.line == RULE_LINE + 11


def test_duplicate_code_across_packs(tmp_path: Path) -> None:
    a = write(tmp_path, BASE, "a.yaml")
    b = write(tmp_path, BASE.replace("pack: custom", "pack: other"), "b.yaml")
    with pytest.raises(PackError) as info:
        load_packs([str(a), str(b)])
    assert info.value.rule == "CUS001" and info.value.source.endswith("b.yaml")


@pytest.mark.parametrize(("line", "new", "key"), [
    (2, "titel: typo", "titel"),
    (4, "  words: alpha", "words"),
    (4, "  words: ['re:(a+)+']", "words"),
])
def test_pack_level_errors(tmp_path: Path, line: int, new: str, key: str) -> None:
    error = load_error(tmp_path, replace_line(line, new))
    assert error.line == line and key in str(error)


def test_examples_must_be_a_mapping(tmp_path: Path) -> None:
    text = BASE[:BASE.index("    examples:")] + "    examples: [alpha]\n"
    error = load_error(tmp_path, text)
    assert (error.line, error.rule) == (14, "CUS001") and "examples" in str(error)


def test_rules_must_be_a_list(tmp_path: Path) -> None:
    error = load_error(tmp_path, BASE[:BASE.index("rules:")] + "rules: {CUS001: x}\n")
    assert error.line == 5 and "rules" in str(error)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, BASE.replace("    message: m\n", "    message: [unclosed\n"))
    assert error.line is not None and 12 <= error.line <= 14


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    error = load_error(tmp_path, BASE.replace("    why: w\n", "    why: w\n    why: again\n"))
    assert error.line == 14 and "why" in str(error)


@pytest.mark.parametrize("text", ["", "just a string\n", "- a\n- list\n", "title: no pack name\nrules: []\n"])
def test_not_a_pack(tmp_path: Path, text: str) -> None:
    error = load_error(tmp_path, text)
    assert error.source.endswith("custom.yaml")


# ---------------------------------------------------------------------------------------------------------
# hostile YAML
# ---------------------------------------------------------------------------------------------------------

def test_python_tags_rejected_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = BASE.replace("    message: m\n", f"    message: !!python/object/apply:os.system ['touch {marker}']\n")
    error = load_error(tmp_path, text)
    assert error.line == 12 and not marker.exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!python/object:collections.OrderedDict",
                                 "!custom", "!!binary"])
def test_other_tags_rejected(tmp_path: Path, tag: str) -> None:
    error = load_error(tmp_path, BASE.replace("    message: m\n", f"    message: {tag} x\n"))
    assert error.line == 12


BILLION_LAUGHS = """\
pack: lol
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
rules: *i
"""


def test_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    error = load_error(tmp_path, BILLION_LAUGHS)
    assert time.perf_counter() - start < 2
    assert error.line == 2


def test_merge_keys_refused(tmp_path: Path) -> None:
    with pytest.raises(yamlsafe.YamlError):
        yamlsafe.load("a: {x: 1}\nb:\n  <<: {x: 2}\n")


def test_huge_document_refused_before_parsing(tmp_path: Path) -> None:
    big = BASE + "# " + "x" * (yamlsafe.MAX_YAML_BYTES + 10) + "\n"
    start = time.perf_counter()
    error = load_error(tmp_path, big)
    assert time.perf_counter() - start < 2 and error.line == 1


def test_too_many_nodes_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_NODES", 100)
    with pytest.raises(yamlsafe.YamlError):
        yamlsafe.load("[" + ", ".join("1" for _ in range(500)) + "]")


@pytest.mark.parametrize("text", ["a: " + "[" * 5000 + "]" * 5000, "a: " + "{b: " * 3000 + "1" + "}" * 3000,
                                  "\n".join("  " * i + f"k{i}:" for i in range(500)) + " 1"])
def test_deep_nesting_refused_without_recursion_error(text: str) -> None:
    with pytest.raises(yamlsafe.YamlError) as info:
        yamlsafe.load(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text", ["a: \x00", "a: \x07bell", "a: 'x\ud800'", "a: 2024-13-45", "\t- tab"])
def test_odd_yaml_values_give_one_line_errors(text: str) -> None:
    try:
        yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        assert "\n" not in str(error)


def test_non_utf8_pack(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("pack: caf\xe9\n".encode("latin-1"))
    with pytest.raises(PackError) as info:
        load_packs([str(path)])
    assert info.value.source.endswith("latin.yaml")


# ---------------------------------------------------------------------------------------------------------
# extends
# ---------------------------------------------------------------------------------------------------------

def test_cyclic_extends(tmp_path: Path) -> None:
    write(tmp_path, "pack: a\nextends: [b.yaml]\nrules: []\n", "a.yaml")
    write(tmp_path, "pack: b\ntitle: B\nextends: [c.yaml]\nrules: []\n", "b.yaml")
    write(tmp_path, "pack: c\nextends: a.yaml\nrules: []\n", "c.yaml")
    with pytest.raises(PackError) as info:
        load_packs([str(tmp_path / "a.yaml")])
    assert info.value.source.endswith("c.yaml") and info.value.line == 2
    assert "extends" in str(info.value)


def test_self_extends(tmp_path: Path) -> None:
    write(tmp_path, "pack: a\nrules: []\nextends: [a.yaml]\n", "a.yaml")
    with pytest.raises(PackError) as info:
        load_packs([str(tmp_path / "a.yaml")])
    assert info.value.line == 3


def test_extends_unknown_pack_names_the_referrer(tmp_path: Path) -> None:
    write(tmp_path, "pack: a\nrules: []\nextends: [no-such-builtin]\n", "a.yaml")
    with pytest.raises(PackError) as info:
        load_packs([str(tmp_path / "a.yaml")])
    assert info.value.source.endswith("a.yaml") and info.value.line == 3
    write(tmp_path, "pack: a\nrules: []\nextends: [missing.yaml]\n", "a.yaml")
    with pytest.raises(PackError) as info:
        load_packs([str(tmp_path / "a.yaml")])
    assert info.value.source.endswith("a.yaml") and info.value.line == 3


def test_extends_loads_parents_first_and_shares_lexicons(tmp_path: Path) -> None:
    child = BASE.replace("pack: custom\n", "pack: custom\nextends: [hipaa]\n").replace(
        '["@words"]', '["@words", "@care_event"]')
    packs = load_packs([str(write(tmp_path, child))])
    assert [p.name for p in packs] == ["hipaa", "custom"]


def test_extends_unknown_lexicon_still_caught(tmp_path: Path) -> None:
    child = BASE.replace("pack: custom\n", "pack: custom\nextends: [hipaa]\n").replace(
        '["@words"]', '["@not_in_any_pack"]')
    error = load_error(tmp_path, child)
    assert (error.line, error.rule) == (12, "CUS001")


def test_builtins_resolve_by_name() -> None:
    for name in builtin_names():
        assert resolve(name).is_file()
    with pytest.raises(PackError):
        resolve("definitely-not-a-pack")


def test_parse_pack_without_extends_checks_lexicons() -> None:
    with pytest.raises(PackError) as info:
        parse_pack(BASE.replace('["@words"]', '["@nope"]'), "inline.yaml")
    assert info.value.line == 11


def test_packs_are_frozen(tmp_path: Path) -> None:
    (pack,) = load_packs([str(write(tmp_path, BASE))])
    with pytest.raises(Exception):
        pack.rules[0].code = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        pack.lexicons["words"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        pack.rules[0].params["patterns"] = ()  # type: ignore[index]


# ---------------------------------------------------------------------------------------------------------
# patterns cannot hang a check
# ---------------------------------------------------------------------------------------------------------

def test_backtracking_pattern_that_slips_through_is_time_bounded(tmp_path: Path, nlp: Any) -> None:
    from policylint.config import Config
    from policylint.engine import Engine

    from conftest import check_text

    text = BASE.replace('["@words"]', '["(a|aa)+$"]')
    packs = load_packs([str(write(tmp_path, text))])
    engine = Engine(packs, Config(packs=()))
    start = time.perf_counter()
    check_text(engine, "a" * 3000 + "!")
    assert time.perf_counter() - start < 10


def test_unicode_and_odd_characters_in_packs(tmp_path: Path) -> None:
    text = BASE.replace("alpha, beta", "'ñandú', '😀 emoji', 'zero\u200bwidth', 'rtl \u05e9\u05dc\u05d5\u05dd'")
    (pack,) = load_packs([str(write(tmp_path, text))])
    assert "ñandú" in pack.lexicons["words"]


# ---------------------------------------------------------------------------------------------------------
# fuzzed packs: every input is a Pack or one PackError line, never another exception
# ---------------------------------------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KEYS = ["pack", "title", "version", "references", "lexicons", "rules", "extends", "code", "name", "kind",
        "category", "severity", "message", "why", "link", "aliases", "examples", "enabled", "fail", "pass",
        "patterns", "trigger", "accept", "unless", "min_signals", "entities", "max_chars", "require_keys", "text",
        "metadata", "format", "avoid", "use", "words"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True),
                    st.sampled_from(["CUS001", "custom.thing", "forbid", "require", "phi", "claims", "error",
                                     "@words", "(a+)+", "(", "re:x", "", "x" * 300, "\x00", "\ud800"]),
                    st.text(max_size=20))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
                      max_leaves=25)


def _parse_or_error(text: str) -> None:
    try:
        parse_pack(text, "fuzz.yaml")
    except PackError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.yaml")


@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8))
def test_fuzzed_pack_structures(data: dict[str, Any]) -> None:
    import yaml

    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    _parse_or_error(text)


@given(st.lists(st.tuples(st.integers(0, len(BASE)), st.integers(0, 8),
                          st.text(alphabet=st.sampled_from(list(": -[]{}'\"&*!|>#@\n\t\\%`,?x1")), max_size=4)),
                max_size=4))
def test_mutated_pack_text(edits: list[tuple[int, int, str]]) -> None:
    text = BASE
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    _parse_or_error(text)


@given(st.binary(max_size=400))
def test_random_bytes_as_pack(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.yaml"
    path.write_bytes(data)
    try:
        load_packs([str(path)])
    except PackError as error:
        assert "\n" not in str(error)


@pytest.mark.parametrize("source, ok", [
    (r"\bheart\s+attack\b", True),                 # read by the standard parser: not compiled again
    (r"\p{Lu}\p{Ll}+", True),                      # regex-only syntax: compiled with `regex` to vet it
    (r"(unclosed", False),
    (r"\p{NoSuchProperty}", False),
    (r"(a+)+b", False),                            # nested quantifiers
    (r"(?:x|(?:y+))+z", False),                    # nested unbounded repeats through groups
    ("x" * 2001, False),
])
def test_vet_regex(source: str, ok: bool) -> None:
    from policylint.packs import vet_regex
    from policylint.patterns import PatternError

    if ok:
        vet_regex(source)
    else:
        with pytest.raises(PatternError):
            vet_regex(source)
