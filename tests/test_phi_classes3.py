"""Classes of PHI reading found by error analysis on benchmarks/heldout8, each with both sides. Every draft here is
invented for the tests (names, towns, wording); none is copied from an eval set."""
from __future__ import annotations

import pytest

from conftest import check_text, positions
from test_phi_context import engine, phi

FLAGGED = [
    # a thank-you to a team, an emoji, then the patient: the team is not said of the patient
    ("Big thanks to our Level II trauma crew 🙌 Ignacio Ferreyra, the cyclist flown in after Sunday's pileup, is "
     "out of the ICU.", "PHI001", "Ignacio Ferreyra"),
    # a name right after an age (the model often calls it an organisation or a facility)
    ("So brave! 6-year-old Oluwadamilare had his adenoidectomy on Friday and asked for two popsicles.", "PHI001",
     "Oluwadamilare"),
    ("[Photo: Nine-year-old Kasia Wolniak laughing in exam room 3 after her allergy shots]", "PHI001",
     "Kasia Wolniak"),
    # a quoted nickname after a possessive or a patient word
    ('Our tiniest warrior "Bean" in bed 22 finally came off the ventilator tonight! #NICU', "PHI001", "Bean"),
    ('Our memory care residents threw a party for their "Disco Duchess" who turned 94 today!', "PHI003",
     "turned 94"),
    # the second name of a pair
    ("Congratulations, Marisol and Teodoro! Caring for your triplets during their NICU stay was a joy.", "PHI001",
     "Teodoro"),
    # a patient board or census entry: a room number and "Surname, I"
    ("[Photo: our PACU crew by the board that reads 'Bay 5 – Marchetti, D – R hip 0900']", "PHI001",
     "Marchetti, D"),
    ("[Photo: our PACU crew by the board that reads 'Bay 5 – Marchetti, D – R hip 0900']", "PHI008", "Bay 5"),
    # hemodialysis and memory care are health information
    ("This spring Mr. Teodor Babic marks 12 years of hemodialysis with us, always in the corner chair.", "PHI001",
     "Mr. Teodor Babic"),
]

NOT_FLAGGED = [
    # a service of the organisation after a possessive is not anyone's care
    "Knee pain after a fall? Rest and ice help. Willowbrook's rehab intake team is here for you.",
    # a heading in capitals and a sign-off with the organisation's name
    "HARBORLINE DIALYSIS CENTER — FAMILY CORNER\n\nAsk your care team about home dialysis training.",
    "Ask us about home dialysis. Info night Tuesday 6 p.m., Harborline Kidney Care.",
    "Falls send many older adults to the hospital each year. Clear your walkways and add night lights.",
    # "our <Name> family" is the organisation's community
    "Our memory care garden party was a hit! We love our Pinecrest family. #MemoryCare",
    # an age before a people word is a description, not a name (and without care told, not a patient)
    "Our volunteers include a 91-year-old Lakota elder who knits hats for the gift shop.",
    # a thank-you to a team after an emoji, with a staff member named in her role
    "Thanks to our oncology nurses 💜 Nurse Delphine Okoro led this year's chemo-education class.",
]


@pytest.mark.parametrize("text,code,match", FLAGGED)
def test_class_flagged(text: str, code: str, match: str) -> None:
    assert (code, match) in phi(text)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_class_not_flagged(text: str) -> None:
    found = {f for f in check_text(engine(), text) if f.category == "phi" and f.severity == "error"}
    assert not found, [(f.code, f.match) for f in found]


def test_pair_names_point_at_each_name() -> None:
    text = "Congratulations, Marisol and Teodoro! Caring for your triplets during their NICU stay was a joy."
    found = [p for p in positions(check_text(engine(), text)) if p[2] == "PHI001"]
    assert found == [(1, 18, "PHI001"), (1, 30, "PHI001")]
