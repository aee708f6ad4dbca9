"""Run pack examples (used by `policylint packs test` and the test suite)."""
from __future__ import annotations

from typing import Any, Sequence

from policylint.analysis import analyze
from policylint.config import Config
from policylint.engine import Engine
from policylint.packs import Pack, Rule
from policylint.runner import example_documents


def example_findings(engine: Engine, nlp: Any, rule: Rule, examples: Sequence[Any]) -> list[list[str]]:
    docs = [example_documents(ex.text, ex.metadata, ex.format) for ex in examples]
    out = []
    for analysis in analyze(docs, nlp, engine.context):
        out.append([f.code for f in engine.check(analysis)])
    return out


def run_examples(packs: Sequence[Pack], config: Config, nlp: Any) -> tuple[list[str], int]:
    engine = Engine(packs, config)
    failures: list[str] = []
    total = 0
    for pack in packs:
        for rule in pack.rules:
            if not rule.enabled:
                continue
            for kind, examples, want in (("fail", rule.fail_examples, True), ("pass", rule.pass_examples, False)):
                for example, codes in zip(examples, example_findings(engine, nlp, rule, examples)):
                    total += 1
                    if (rule.code in codes) != want:
                        failures.append(f"{pack.source}: {rule.code} {kind} example "
                                        f"{'not flagged' if want else 'flagged'}: {example.text[:80]!r}")
    return failures, total
