"""Where a person's name begins and ends: the span a name finding highlights.

Every draft here is invented for the tests. Two levels:
- ``name_bounds``: the boundary rules on a span a recognizer proposed (no model involved);
- whole drafts through the strict profile (PII001, every identifier) and the hipaa pack: expected
  (line, column, code, matched text), and what is not reported.

Policy kept on purpose: a form of address before a name (Mr., Mrs., Ms., Dr., Nurse, Coach...) stays in the
highlighted span ("Mr. Delacroix"): it is how the post refers to the person and a reviewer rewrites the whole
reference. Occupations written as a descriptor ("Producer Anneke Vos") are not part of the name.
"""
from __future__ import annotations

from typing import Any

import pytest

from conftest import check_text
from policylint.detect.phi import name_bounds
from test_phi_context import engine as hipaa_engine
from test_strict_age import strict  # noqa: F401  (the strict-profile fixture: PII001 only)


def bounds(text: str, proposed: str, *, ner: bool = True, stop: frozenset[str] = frozenset({"the", "our"})) -> list[str]:
    s = text.index(proposed)
    return [text[a:b] for a, b in name_bounds(text, s, s + len(proposed), set(stop), ner)]


@pytest.mark.parametrize("text, proposed, expected", [
    # a name is one line: the next line of an address block or form is another field
    ("Ship to:\nLena Wirth\nAddress: 14 Birch Lane", "Lena Wirth\nAddress", ["Lena Wirth"]),
    ("Teodora Vass\nAccounts payable\n221 Birch Lane", "Teodora Vass\nAccounts", ["Teodora Vass"]),
    ("> Odile Ferrand\n> Brightline Freight", "Odile Ferrand\n>", ["Odile Ferrand"]),
    # a speaker's colon ends a name; "I'm" is not part of the next one
    ("Rowan: \"Who is it?\"\nTamsin:\"I'm Odile's sister\".", "Tamsin:\"I'm Odile's", ["Tamsin", "Odile"]),
    # an address unit or form label after the name
    ("Mail it to Mrs. Ilse Varga Apt. 4, 22 Elm Street.", "Mrs. Ilse Varga Apt", ["Mrs. Ilse Varga"]),
    ("Mail it to Ilse Varga Suite 210.", "Ilse Varga Suite", ["Ilse Varga"]),
    # possessive 's and trailing punctuation are not part of the name
    ("We loved Priya Raman's poem!", "Priya Raman's", ["Priya Raman"]),
    ("Thank you, Priya Raman!", "Priya Raman!", ["Priya Raman"]),
    # an occupation written before the name, a function word at the start of a sentence
    ("Producer Anneke Vos explained the edit.", "Producer Anneke Vos", ["Anneke Vos"]),
    ("Yesterday Okafor went home.", "Yesterday Okafor", ["Okafor"]),
    ("Go Okafor! You did it.", "Go Okafor", ["Okafor"]),
    ("Shoutout Brannigan for finishing rehab!", "Shoutout Brannigan", ["Brannigan"]),
    # a middle initial, with or without its period, and the surname after it
    ("We need to add Tobiah R Lindqvist as guardian.", "Tobiah", ["Tobiah R Lindqvist"]),
    ("Directed by Marit J. Oksanen", "Marit J.", ["Marit J. Oksanen"]),
    ("Juno K Halvorsen lives nearby.", "Halvorsen", ["Juno K Halvorsen"]),
    # the first name before a surname the model tagged alone
    ("Name: Oskari Ruuth", "Ruuth", ["Oskari Ruuth"]),
    ("Cormac Allan\nEchocardiographer", "Allan\nEchocardiographer", ["Cormac Allan"]),
    # a hyphenated surname runs on; a word glued to a lowercase prefix is not a first name
    ("\"It starts Monday,\" says Kivi-aho.", "Kivi", ["Kivi-aho"]),
    ("This song by ex-Band Lindqvist is great.", "Band Lindqvist", ["Lindqvist"]),
    # a quoted nickname between first name and surname
    ("Our volunteer is Winifred \"Winnie\" Achterberg.", "Achterberg", ["Winifred \"Winnie\" Achterberg"]),
    ("Our volunteer is Winifred \"Winnie\" Achterberg.", "Winifred", ["Winifred \"Winnie\" Achterberg"]),
])
def test_boundaries(text: str, proposed: str, expected: list[str]) -> None:
    assert bounds(text, proposed) == expected


@pytest.mark.parametrize("text, proposed, expected", [
    # forms of address stay in the span (policy, see the module docstring)
    ("Mr. Delacroix is recovering.", "Mr. Delacroix", ["Mr. Delacroix"]),
    ("Coach Darnell Price ran the clinic.", "Coach Darnell Price", ["Coach Darnell Price"]),
    # a title, relation or function word is never taken in as a first name
    ("Dr Okafor saw us today.", "Okafor", ["Okafor"]),
    ("Uncle Okafor visited.", "Okafor", ["Okafor"]),
    ("Meet Okafor today.", "Okafor", ["Okafor"]),
    ("Finally Okafor went home.", "Okafor", ["Okafor"]),
    ("5 Myths About Cholesterol", "Cholesterol", ["Cholesterol"]),
    ("Awarded Salesperson of the month", "Salesperson", ["Salesperson"]),
    ("Vsevolod: \"Who are you?\"\nHeather:\"I'm Daniel's daughter\".", "Daniel's", ["Daniel"]),
    # only a surname the model tagged alone takes the word before it; other recognizers keep their span
    ("Name: Oskari Ruuth", "Ruuth", ["Ruuth"]),
    # the first name is not found after a line break, and a stopword is no first name
    ("Oskari\nRuuth", "Ruuth", ["Ruuth"]),
    ("the Ruuth family", "Ruuth", ["Ruuth"]),
    # a capital "I" is the pronoun, not a middle initial
    ("When Maria I think", "Maria", ["Maria"]),
])
def test_boundaries_left_alone(text: str, proposed: str, expected: list[str]) -> None:
    ner = not text.startswith("Name: ")
    assert bounds(text, proposed, ner=ner) == expected


# ---- whole drafts ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hipaa() -> Any:
    return hipaa_engine()


def found(engine: Any, text: str) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.code, f.match) for f in check_text(engine, text) if f.category == "phi"]


@pytest.mark.parametrize("text, expected", [
    ("Name: Oskari Ruuth\nPhone: (555) 201-3344",
     [(1, 7, "PII001", "Oskari Ruuth"), (2, 8, "PII001", "(555) 201-3344")]),
    ("Ship to:\nLena Wirth\nAddress: 14 Birch Lane, Springfield",
     [(2, 1, "PII001", "Lena Wirth"), (3, 10, "PII001", "14 Birch Lane")]),
    ("Billing contact:\nTeodora Vass\nAccounts payable\n221 Birch Lane",
     [(2, 1, "PII001", "Teodora Vass"), (4, 1, "PII001", "221 Birch Lane")]),
    ("Producer Anneke Vos explained the edit to the crew.", [(1, 10, "PII001", "Anneke Vos")]),
    ("Directed By:    Marit J. Oksanen", [(1, 17, "PII001", "Marit J. Oksanen")]),
    ("Sent to Quill R. Ambrose.", [(1, 9, "PII001", "Quill R. Ambrose")]),
    ("Our volunteer of the month is Winifred \"Winnie\" Achterberg, who has knitted 300 hats.",
     [(1, 31, "PII001", "Winifred \"Winnie\" Achterberg")]),
    ("Questions to ask before surgery. — Dr. Anneliese Brandt, General Surgery",
     [(1, 40, "PII001", "Anneliese Brandt")]),          # the department after the name is not a name
    ("# 4 Myths About Migraine\nMigraine is more than a headache.", []),
    ("Go Okafor! You finished chemo today.", [(1, 4, "PII001", "Okafor"), (1, 31, "PII001", "today")]),
    ("Love Okafor's smile after her surgery.", [(1, 6, "PII001", "Okafor")]),
])
def test_strict_profile_spans(strict: Any, text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert found(strict, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sentence adverb is a date, not part of the patient's name
    ("Yesterday Okafor went home after his knee surgery at our clinic.",
     [(1, 1, "PHI002", "Yesterday"), (1, 11, "PHI001", "Okafor")]),
    ("Later Brannigan went home after her hip surgery.", [(1, 7, "PHI001", "Brannigan")]),
    # the form of address stays highlighted with the name
    ("Mrs. Okonkwo was discharged from our cardiac unit on Friday.",
     [(1, 1, "PHI001", "Mrs. Okonkwo"), (1, 54, "PHI002", "Friday")]),
])
def test_hipaa_name_spans(hipaa: Any, text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert found(hipaa, text) == expected
