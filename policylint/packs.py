"""Rule packs: YAML -> validated, frozen dataclasses. Every error names file, line, rule and key."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping

from policylint import facts, yamlsafe
from policylint.checks.schema import KIND_PARAMS, PATTERN_PARAMS
from policylint.findings import CATEGORIES, Severity
from policylint.patterns import PatternError, check_regex, is_plain_term_source, regex_text_problem, term_to_regex

BUILTIN_DIR = Path(__file__).resolve().parent / "rules"
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
PACK_KEYS = {"pack", "title", "version", "references", "lexicons", "rules", "extends", "description"}
RULE_KEYS = {"code", "name", "kind", "category", "severity", "message", "why", "link", "aliases", "examples",
             "enabled"}


class PackError(Exception):
    """A pack problem: ``file:line: rule CODE: message``."""

    def __init__(self, source: str, line: int | None, message: str, rule: str | None = None) -> None:
        self.source, self.line, self.rule = source, line, rule
        where = f"{source}:{line}" if line else source
        prefix = f"rule {rule}: " if rule else ""
        super().__init__(f"{where}: {prefix}{message}")


@dataclass(frozen=True)
class Example:
    text: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    format: str = "text"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    category: str
    severity: Severity
    message: str
    why: str
    pack: str
    source: str
    line: int
    link: str | None = None
    aliases: tuple[str, ...] = ()
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    version: str
    source: str
    references: tuple[str, ...]
    lexicons: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    extends: tuple[str, ...] = ()
    extends_line: int = 0
    # (lexicon name, line, rule code, key) of every @lexicon reference, checked once `extends` are loaded
    lexicon_refs: tuple[tuple[str, int, str, str], ...] = ()


def builtin_names() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


def resolve(name_or_path: str, base: Path | None = None) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        if not candidate.is_absolute() and base is not None:
            candidate = base / candidate
        return candidate
    builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
    if builtin.exists():
        return builtin
    raise PackError(name_or_path, None, f"no built-in pack named {name_or_path!r} "
                                        f"(built-in: {', '.join(builtin_names())}; or give a .yaml path)")


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _repeat_risk(items: Any, inside_unbounded: bool) -> bool:
    """True if an unbounded repeat contains another unbounded repeat (e.g. ((a+)x?)+ or (?:\\w+\\s?)*)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
    for op, av in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            low, high, body = av
            unbounded = high == c.MAXREPEAT or high > 1000
            if unbounded and inside_unbounded and op is not getattr(c, "POSSESSIVE_REPEAT", None):
                return True
            if _repeat_risk(body, inside_unbounded or (unbounded and op is not getattr(c, "POSSESSIVE_REPEAT", None))):
                return True
        elif op is c.SUBPATTERN:
            if _repeat_risk(av[-1], inside_unbounded):
                return True
        elif op is c.BRANCH:
            if any(_repeat_risk(branch, inside_unbounded) for branch in av[1]):
                return True
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _repeat_risk(av[1], inside_unbounded):
                return True
        elif op is getattr(c, "ATOMIC_GROUP", None):
            continue                              # atomic groups do not backtrack into their body
        elif op is c.GROUPREF_EXISTS:
            if _repeat_risk(av[1], inside_unbounded) or (av[2] is not None and _repeat_risk(av[2], inside_unbounded)):
                return True
    return False


@facts.remembered("vet")
def vet_regex(source: str) -> None:
    """check_regex, plus a structural check for nested unbounded repeats at any depth of grouping.

    Remembered between runs (policylint.facts): a pure function of the pattern text (only successes are
    remembered; errors are raised each time)."""
    if is_plain_term_source(source):
        check_regex(source)
        return                              # a plain lexicon term: nothing to nest (most terms; speed only)
    try:
        try:
            from re import _parser as sre_parse  # type: ignore[attr-defined]
        except ImportError:  # pragma: no cover - Python 3.10
            import sre_parse  # type: ignore[no-redef]
        parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - syntax only the `regex` module knows: it must compile there
        check_regex(source)
        return
    # the standard parser read it: the textual checks of check_regex without compiling it again with `regex`
    # (about 2 ms a pattern, hundreds of patterns on every cold start; matchers still compile what they use)
    problem = regex_text_problem(source)
    if problem is not None:
        raise PatternError(problem)
    if _repeat_risk(parsed, False):
        raise PatternError("pattern nests unbounded repeats (e.g. (a+)+), which can hang on some input")


def _expect(cond: bool, source: str, line: int, message: str, rule: str | None = None) -> None:
    if not cond:
        raise PackError(source, line, message, rule)


def _examples(value: Any, source: str, line: int, code: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    _expect(isinstance(value, dict), source, line, "'examples' must be a mapping with 'fail' and 'pass' lists", code)
    result: dict[str, list[Example]] = {"fail": [], "pass": []}
    for key in value:
        _expect(key in result, source, value.line_of(key), f"unknown key {key!r} in examples", code)
    for key in ("fail", "pass"):
        items = value.get(key, [])
        _expect(isinstance(items, list), source, value.line_of(key), f"'examples.{key}' must be a list", code)
        for i, item in enumerate(items):
            item_line = items.item_lines[i] if hasattr(items, "item_lines") else value.line_of(key)
            if isinstance(item, str):
                result[key].append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                extra = set(item) - {"text", "metadata", "format"}
                if extra:
                    raise PackError(source, item_line, f"unknown key {sorted(extra)[0]!r} in example", code)
                meta = item.get("metadata", {})
                _expect(isinstance(meta, dict), source, item_line, "example 'metadata' must be a mapping", code)
                fmt = item.get("format", "text")
                _expect(fmt in ("text", "markdown"), source, item_line, "example 'format' must be text or markdown",
                        code)
                result[key].append(Example(item["text"], _freeze(dict(meta)), str(fmt)))
            else:
                raise PackError(source, item_line, f"each 'examples.{key}' item must be text or {{text: ...}}", code)
    return tuple(result["fail"]), tuple(result["pass"])


def _check_param(kind: str, key: str, value: Any, spec: str, source: str, line: int, code: str,
                 refs: list[tuple[str, int, str, str]]) -> None:
    def fail(what: str) -> None:
        raise PackError(source, line, f"key {key!r} {what}", code)

    if spec == "str":
        if not isinstance(value, str):
            fail("must be text")
    elif spec == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            fail("must be a non-negative whole number")
    elif spec == "bool":
        if not isinstance(value, bool):
            fail("must be true or false")
    elif spec == "strlist":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail("must be a list of text")
    elif spec == "map_int":
        if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
            fail("must map names to whole numbers")
    elif spec.startswith("choice:"):
        options = spec[7:].split("|")
        if value not in options:
            fail(f"must be one of {', '.join(options)}")
    elif spec == "patterns":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail("must be a list of patterns (regex text or @lexicon)")
        for i, item in enumerate(value):
            item_line = value.item_lines[i] if hasattr(value, "item_lines") else line
            if item.startswith("@"):
                for part in item.split("|"):      # "@a|@b": one signal that either lexicon gives
                    if not part.startswith("@"):
                        raise PackError(source, item_line, f"key {key!r}: '{item}' mixes lexicons and regex", code)
                    refs.append((part[1:], item_line, code, key))
                continue
            try:
                vet_regex(item)
            except PatternError as error:
                raise PackError(source, item_line, f"key {key!r}: {error}", code) from None
    else:  # pragma: no cover - schema typo
        raise AssertionError(spec)


def parse_pack(text: str, source: str, *, lexicon_overrides: Mapping[str, Iterable[str]] | None = None) -> Pack:
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        raise PackError(source, error.line, str(error)) from None
    _expect(isinstance(data, dict), source, 1, "a pack must be a mapping with 'pack' and 'rules'")
    for key in data:
        _expect(key in PACK_KEYS, source, data.line_of(key), f"unknown key {key!r}")
    name = data.get("pack")
    _expect(isinstance(name, str) and bool(name.strip()), source, data.line, "missing 'pack' name")
    lexicons_raw = data.get("lexicons", {}) or {}
    _expect(isinstance(lexicons_raw, dict), source, data.line_of("lexicons"), "'lexicons' must be a mapping")
    lexicons: dict[str, tuple[str, ...]] = {}
    for lex, terms in lexicons_raw.items():
        line = lexicons_raw.line_of(lex)
        _expect(isinstance(lex, str) and bool(lex.strip()), source, line, "lexicon names must be text")
        _expect(isinstance(terms, list) and all(isinstance(t, str) for t in terms), source, line,
                f"lexicon {lex!r} must be a list of text")
        for i, term in enumerate(terms):
            try:
                vet_regex(term_to_regex(term))
            except PatternError as error:
                raise PackError(source, terms.item_lines[i], f"lexicon {lex!r}: {error}") from None
        lexicons[lex] = tuple(terms)
    for lex, extra in (lexicon_overrides or {}).items():
        lexicons[lex] = lexicons.get(lex, ()) + tuple(extra)
    rules_raw = data.get("rules", [])
    _expect(isinstance(rules_raw, list), source, data.line_of("rules"), "'rules' must be a list")
    rules: list[Rule] = []
    refs: list[tuple[str, int, str, str]] = []
    seen: dict[str, int] = {}
    for position, item in enumerate(rules_raw):
        line = getattr(item, "line", 0) or (rules_raw.item_lines[position] if hasattr(rules_raw, "item_lines")
                                            else data.line_of("rules"))
        _expect(isinstance(item, dict), source, line, "each rule must be a mapping")
        code = item.get("code")
        _expect(isinstance(code, str) and bool(CODE_RE.match(code)), source, item.line_of("code"),
                f"'code' must look like ABC123 (got {code!r})")
        assert isinstance(code, str)
        _expect(code not in seen, source, item.line_of("code"), f"duplicate code (first at line {seen.get(code)})", code)
        seen[code] = item.line_of("code")
        kind = item.get("kind")
        _expect(kind in KIND_PARAMS, source, item.line_of("kind"),
                f"unknown kind {kind!r} (use {', '.join(sorted(KIND_PARAMS))})", code)
        params_spec = KIND_PARAMS[kind]
        for key in item:
            _expect(key in RULE_KEYS or key in params_spec, source, item.line_of(key), f"unknown key {key!r}", code)
        for key in ("name", "message", "why"):
            _expect(isinstance(item.get(key), str) and bool(item[key].strip()), source, item.line_of(key),
                    f"missing or empty {key!r}", code)
        _expect(bool(NAME_RE.match(item["name"])), source, item.line_of("name"),
                f"'name' must be dotted lowercase like phi.person-with-health-info (got {item['name']!r})", code)
        category = item.get("category")
        _expect(category in CATEGORIES, source, item.line_of("category"),
                f"'category' must be one of {', '.join(CATEGORIES)} (got {category!r})", code)
        try:
            severity = Severity.parse(str(item.get("severity", "")))
        except ValueError as error:
            raise PackError(source, item.line_of("severity"), str(error), code) from None
        params: dict[str, Any] = {}
        for key, spec in params_spec.items():
            required = spec.endswith("!")
            spec = spec.rstrip("!")
            if key not in item:
                _expect(not required, source, item.line, f"kind {kind!r} needs key {key!r}", code)
                continue
            _check_param(kind, key, item[key], spec, source, item.line_of(key), code, refs)
            value = item[key]
            if key in PATTERN_PARAMS and isinstance(value, str):
                value = [value]
            params[key] = value
        fail_ex, pass_ex = ((), ())
        if "examples" in item:
            fail_ex, pass_ex = _examples(item["examples"], source, item.line_of("examples"), code)
        aliases = item.get("aliases", [])
        _expect(isinstance(aliases, list) and all(isinstance(a, str) for a in aliases), source,
                item.line_of("aliases"), "'aliases' must be a list of codes", code)
        link = item.get("link")
        _expect(link is None or isinstance(link, str), source, item.line_of("link"), "'link' must be text", code)
        enabled = item.get("enabled", True)
        _expect(isinstance(enabled, bool), source, item.line_of("enabled"), "'enabled' must be true or false", code)
        rules.append(Rule(code=code, name=item["name"], kind=kind, category=category, severity=severity,
                          message=item["message"].strip(), why=" ".join(item["why"].split()), pack=name,
                          source=source, line=line, link=link, aliases=tuple(str(a) for a in aliases),
                          fail_examples=fail_ex, pass_examples=pass_ex, params=_freeze(params), enabled=enabled))
    extends = data.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    _expect(isinstance(extends, list) and all(isinstance(e, str) and e.strip() for e in extends), source,
            data.line_of("extends"), "'extends' must be a list of pack names or paths")
    references = data.get("references", []) or []
    _expect(isinstance(references, list) and all(isinstance(r, (str, int, float)) for r in references), source,
            data.line_of("references"), "'references' must be a list of text")
    for key in ("title", "version", "description"):
        _expect(key not in data or isinstance(data[key], (str, int, float)), source, data.line_of(key),
                f"{key!r} must be text")
    if not extends:                      # otherwise checked by load_packs against the extended packs too
        _check_lexicon_refs(refs, lexicons, source)
    return Pack(name=name, title=str(data.get("title", name)), version=str(data.get("version", "0")),
                source=source, references=tuple(str(r) for r in references), lexicons=MappingProxyType(lexicons),
                rules=tuple(rules), extends=tuple(str(e) for e in extends),
                extends_line=data.line_of("extends") if "extends" in data else 0, lexicon_refs=tuple(refs))


BUILTIN_SIGNALS = {":imperative"}     # computed by the analysis (sentences opening with a base-form verb)


def _check_lexicon_refs(refs: Iterable[tuple[str, int, str, str]], known: Iterable[str], source: str) -> None:
    names = set(known) | BUILTIN_SIGNALS
    for name, line, code, key in refs:
        if name not in names:
            raise PackError(source, line, f"key {key!r}: unknown lexicon '@{name}'", code)


def load_pack(path: Path, *, display: str | None = None) -> Pack:
    source = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PackError(source, None, f"cannot read pack ({error.strerror or error})") from None
    if len(data) > yamlsafe.MAX_YAML_BYTES:
        raise PackError(source, 1, f"pack is larger than {yamlsafe.MAX_YAML_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(source, None, "pack is not UTF-8 text") from None
    return parse_pack(text, source)


def load_packs(names: Iterable[str], base: Path | None = None) -> list[Pack]:
    """Load packs and everything they ``extends`` (depth first, each once; cycles are errors).

    A pack that ``extends`` others may use their lexicons; its @lexicon references are checked once the
    packs it extends are loaded."""
    loaded: dict[Path, Pack] = {}
    parents: dict[Path, list[Path]] = {}
    order: list[Pack] = []

    def ancestors(path: Path) -> Iterator[Pack]:
        todo, seen_paths = list(parents.get(path, [])), set()
        while todo:
            current = todo.pop()
            if current in seen_paths:
                continue
            seen_paths.add(current)
            yield loaded[current]
            todo.extend(parents.get(current, []))

    def visit(name: str, origin: Path | None, stack: tuple[Path, ...], referrer: Pack | None) -> Path:
        where = (referrer.source, referrer.extends_line or None) if referrer else None
        try:
            path = resolve(name, origin).resolve()
        except PackError as error:
            if where is None:
                raise
            raise PackError(*where, f"key 'extends': {str(error).split(': ', 1)[-1]}") from None
        except (OSError, RuntimeError) as error:     # RuntimeError: symlink loop on some Pythons
            raise PackError(*(where or (name, None)), f"cannot resolve pack path ({type(error).__name__})") from None
        if path in stack:
            chain = " -> ".join(p.name for p in stack + (path,))
            raise PackError(*(where or (str(path), None)), f"key 'extends': cyclic 'extends': {chain}")
        if path in loaded:
            return path
        if where is not None and not path.is_file():
            raise PackError(*where, f"key 'extends': pack file {name!r} not found")
        pack = load_pack(path, display=_display(path))
        parents[path] = [visit(parent, path.parent, stack + (path,), pack) for parent in pack.extends]
        if pack.extends:
            known = set(pack.lexicons)
            for ancestor in ancestors(path):
                known.update(ancestor.lexicons)
            _check_lexicon_refs(pack.lexicon_refs, known, pack.source)
        loaded[path] = pack
        order.append(pack)
        return path

    for name in names:
        visit(name, base, (), None)
    codes: dict[str, str] = {}
    for pack in order:
        for rule in pack.rules:
            if rule.code in codes and codes[rule.code] != pack.source:
                raise PackError(pack.source, rule.line, f"code also defined in {codes[rule.code]}", rule.code)
            codes[rule.code] = pack.source
    return order


def _display(path: Path) -> str:
    try:
        if path.is_relative_to(BUILTIN_DIR):
            return f"rules/{path.name}"
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
