"""END007: an employee (front matter names the author's employer) praising that employer without saying so."""
from __future__ import annotations

import pytest

from conftest import build_engine, check_text
from policylint.checks import names_organisation, organisation_word

PERSONAL = {"account": "personal", "author": "Dana Whitfield", "author_employer": "Brookfield Family Clinic"}


@pytest.mark.parametrize(("value", "word"), [
    ("Brookfield Family Clinic", "Brookfield"),
    ("Cedar Ridge Health (IT)", "Cedar"),
    ("St. Anselm Regional Medical Center", "Anselm"),
    ("Memorial Hospital", None),             # nothing but generic words: no way to tell it is named
])
def test_organisation_word(value: str, word: str | None) -> None:
    assert organisation_word(value) == word


@pytest.mark.parametrize(("text", "named"), [
    ("the new Brookfield urgent care on Main", True),
    ("so proud of #TeamBrookfield today", True),            # inside a hashtag
    ("shout out to @brookfieldclinic", True),                # inside a handle
    ("just got the MyBrookfield app", True),                 # a hump of a brand name
    ("the Oakbrookfield mall", False),                       # inside another word
    ("a walk by the brook in the field", False),
])
def test_names_organisation(text: str, named: bool) -> None:
    assert names_organisation(text, "Brookfield Family Clinic") is named


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return build_engine(["ethics"])


def codes(engine, text: str, metadata=None) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in check_text(engine, text, metadata=metadata)]


@pytest.mark.parametrize("text", [
    "Honestly Brookfield has the friendliest front desk in the county. Go see them, you won't regret it!",
    "Booked my flu shot on the new MyBrookfield app in under a minute. Everyone needs this app!",
    "Brookfield Family Clinic is hands down the best place for a physical around here. 10/10 would go again.",
])
def test_employee_praising_the_employer_is_flagged(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    found = check_text(engine, text, metadata=PERSONAL)
    (finding,) = [f for f in found if f.code == "END007"]
    assert "Brookfield Family Clinic" in finding.message


@pytest.mark.parametrize(("text", "metadata"), [
    # says so
    ("Full disclosure, I work at Brookfield, but their front desk really is the friendliest in the county!", PERSONAL),
    # speaks as the organisation ("our"): readers see who is talking
    ("Our Brookfield front desk team is the friendliest in the county. Come see us!", PERSONAL),
    # praises someone else
    ("The new trail at Harmon Park is the best walk in the county. Go see it!", PERSONAL),
    # names the employer without praise
    ("Brookfield's lab closes at noon on Friday for the holiday.", PERSONAL),
    # no employer in the front matter
    ("Honestly Brookfield has the friendliest front desk in the county. Go see them!", {"account": "personal"}),
])
def test_not_flagged(engine, text: str, metadata) -> None:  # type: ignore[no-untyped-def]
    assert "END007" not in codes(engine, text, metadata)
