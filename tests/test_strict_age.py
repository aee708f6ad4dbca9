"""Stated ages: the strict profile reports any age (type AGE); the hipaa pack only ages over 89."""
from __future__ import annotations

from typing import Any

import pytest

from conftest import build_engine, check_text


@pytest.fixture(scope="module")
def strict() -> Any:
    return build_engine(["pii-strict"], select=["PII001"])


@pytest.fixture(scope="module")
def hipaa() -> Any:
    return build_engine(["hipaa"])


def ages(findings: list[Any], text: str) -> list[str]:
    return [text[f.start:f.end] for f in findings if kind(f) == "age"]


def kind(finding: Any) -> str:
    return finding.message.split(" (strict")[0]


@pytest.mark.parametrize("text, expected", [
    ("My neighbour just turned 47 and ran the whole race.", ["47"]),
    ("The 8-year-old from the third floor waved at us.", ["8"]),
    ("She is a 61 year old teacher.", ["61"]),
    ("He retired at the age of 61.", ["61"]),
    ("I'm 31 y/o and new in town.", ["31"]),
    ("Patients aged 65 and up can get the shot.", ["65"]),
    ("She is 45 minutes away.", []),
    ("He was 5 when he learned to swim.", ["5"]),
    ("The clinic turns 100 percent solar next year; we are 30 days from opening.", []),
    ("Our team had a wonderful time at the picnic.", []),
])
def test_any_stated_age_in_the_strict_profile(strict: Any, text: str, expected: list[str]) -> None:
    assert ages(check_text(strict, text), text) == expected


def test_age_over_89_is_reported_once_as_over_89(strict: Any) -> None:
    text = "She just turned 102."
    found = check_text(strict, text)
    assert [kind(f) for f in found] == ["age over 89"]
    assert text[found[0].start:found[0].end] == "turned 102"


def test_hipaa_never_reports_ages_under_90(hipaa: Any) -> None:
    text = "Maria Lopez, a 47-year-old mother of two, had her knee replaced here on Monday."
    found = check_text(hipaa, text)
    assert [text[f.start:f.end] for f in found if f.code.startswith("PHI")][:1] == ["Maria Lopez"]   # still PHI
    assert not any("47" in text[f.start:f.end] for f in found)
