"""Every built-in rule's `examples`: each `fail` example must be flagged with the rule's code, each `pass`
example must not be. Collected as one parametrized test per example (id: CODE-kind-index)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from policylint.config import Config
from policylint.engine import Engine
from policylint.packs import Pack, builtin_names, load_packs
from policylint.runner import example_documents

from conftest import check_documents


@lru_cache(maxsize=1)
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_packs(builtin_names()))


@lru_cache(maxsize=1)
def builtin_engine() -> Engine:
    return Engine(builtin_packs(), Config(packs=()))


def _cases() -> list[Any]:
    cases = []
    for pack in builtin_packs():
        for rule in pack.rules:
            for kind, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
                for index, example in enumerate(examples):
                    cases.append(pytest.param(rule.code, kind, example, id=f"{rule.code}-{kind}-{index}"))
    return cases


@pytest.mark.parametrize(("code", "kind", "example"), _cases())
def test_builtin_example(code: str, kind: str, example: Any, nlp: Any) -> None:
    doc = example_documents(example.text, example.metadata, example.format)
    codes = {f.code for f in check_documents(builtin_engine(), [doc], nlp)}
    if kind == "fail":
        assert code in codes, f"{code} fail example not flagged"
    else:
        assert code not in codes, f"{code} pass example flagged"


@pytest.mark.parametrize("pack", builtin_names())
def test_every_rule_has_fail_and_pass_examples(pack: str) -> None:
    (loaded,) = [p for p in builtin_packs() if p.source.endswith(f"{pack}.yaml")]
    assert loaded.rules, f"pack {pack} has no rules"
    for rule in loaded.rules:
        assert rule.fail_examples, f"{rule.code} has no fail example"
        assert rule.pass_examples, f"{rule.code} has no pass example"


def test_builtin_packs_have_at_least_30_rules() -> None:
    rules = [r for p in builtin_packs() for r in p.rules]
    assert len(rules) >= 30
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes)), "rule codes must be unique across built-in packs"
    names = [r.name for r in rules]
    assert len(names) == len(set(names)), "rule names must be unique across built-in packs"


def test_required_packs_are_built_in() -> None:
    assert {"hipaa", "medical-advice", "ethics", "language"} <= set(builtin_names())


def test_builtin_rules_use_the_fixed_vocabulary() -> None:
    from policylint.findings import CATEGORIES

    for pack in builtin_packs():
        for rule in pack.rules:
            assert rule.category in CATEGORIES
            assert rule.why and rule.message
