"""PHI read in context: each recognizer and context rule, both sides (flagged and not flagged).

Every draft here is invented for the tests. Expectations are (code, matched text) pairs, or "nothing in
category phi".
"""
from __future__ import annotations

import pytest

from conftest import build_engine, check_text

ENGINE = None


def engine():  # type: ignore[no-untyped-def]
    global ENGINE
    if ENGINE is None:
        ENGINE = build_engine(["hipaa"])
    return ENGINE


def phi(text: str, metadata: dict | None = None) -> set[tuple[str, str]]:
    return {(f.code, f.match) for f in check_text(engine(), text, metadata=metadata) if f.category == "phi"}


FLAGGED = [
    # names: full, first-only, lowercase, titles, initials, nicknames, relatives, hashtags, vocatives
    ("Best wishes to Tomasz Wiśniewski, discharged from our cardiac unit today!", "PHI001", "Tomasz Wiśniewski"),
    ("shoutout to ravi from our sleep clinic for finally nailing his CPAP routine", "PHI001", "ravi"),
    ("Mr. Delacroix is recovering nicely after his bypass on our 5 West unit.", "PHI001", "Mr. Delacroix"),
    ("Sending love to Keiko T. as she starts radiation with our oncology team this week.", "PHI001", "Keiko T."),
    ("Welcome to the world, baby Ximena! Born in our birth center this morning.", "PHI001", "Ximena"),
    ("Our NICU graduate went home today! Congrats to proud parents Lucia and Mateus Ferreira.", "PHI001",
     "Lucia and Mateus Ferreira"),
    ("After 40 days in our burn unit, he walked out today. We are so proud of you, Desmond!", "PHI001", "Desmond"),
    ("Keep little Rosalind in your prayers tonight as she heads into heart surgery. #PrayersForRosalind",
     "PHI001", "#PrayersForRosalind"),
    # review replies confirm care even though the reviewer posted first
    ("Hi Gwendolyn, we're glad your knee injection helped and hope to see you at your next visit!", "PHI001",
     "Gwendolyn"),
    ("Hi Gwendolyn, we're glad your knee injection helped and hope to see you at your next visit!", "PHI010",
     "your knee injection"),
    ("@kara_m22 you were in our urgent care yesterday for that same cough; finish the inhaler we prescribed.",
     "PHI001", "@kara_m22"),
    # staff who became a patient
    ("Please keep Nurse Imogen Pryce in your thoughts. Imogen was admitted to our ICU after a fall.", "PHI001",
     "Imogen"),
    # dates
    ("Patient of the week: Anton Dragov, admitted on 3/22 with pneumonia, went home today!", "PHI002", "3/22"),
    ("Our tiny fighter Bao was born on August 14 at 25 weeks in our NICU.", "PHI002", "August 14"),
    ("Patient spotlight: Greta Lindholm (DOB 09/30/1947) finished pulmonary rehab!", "PHI002", "09/30/1947"),
    # ages over 89
    ("Our 96-year-old patient beat pneumonia and went home to her cat!", "PHI003", "96-year-old"),
    # geography
    ("Our home nurses visited Mr. Okafor at 1450 Sycamore Ridge Dr for his wound care.", "PHI004",
     "1450 Sycamore Ridge Dr"),
    ("Go Wren, 7, from Ashford Falls! She got her cast off today after a wrist fracture.", "PHI004", "Ashford Falls"),
    # direct identifiers
    ("Our sepsis model flagged MRN 88301274 before the fever spiked.", "PHI005", "88301274"),
    ("Lost and found: the patient discharged this morning left a bag; call his cell at (555) 631-0098.", "PHI005",
     "(555) 631-0098"),
    ("Another denial for the same MRI, member ID KLP55102983, third time this month.", "PHI005", "KLP55102983"),
    ("Found in our ER waiting room: a wallet with driver's license #D4471902, belonging to a patient.", "PHI005",
     "D4471902"),
    ("The pacemaker we implanted in Mr. Abiodun (serial QX-5520-1187) sent an alert last night.", "PHI005",
     "QX-5520-1187"),
    ("Help our patient Dario walk again: donate at gofundme.example/dario-walks #SpinalCordInjury", "PHI005",
     "gofundme.example/dario-walks"),
    # rooms and unique descriptions
    ("The sweet gentleman in bed 17 finally ate a full breakfast after his stroke.", "PHI008", "bed 17"),
    ("Shoutout to our oldest heart transplant recipient, back for her ten-year checkup!", "PHI008",
     "our oldest heart transplant recipient"),
    # images
    ("[Photo: full-face shot of a patient in a hospital gown at the bedside] Look who is walking again!",
     "PHI006", "full-face shot of a patient in a hospital gown at the bedside"),
]

NOT_FLAGGED = [
    "Please welcome Dr. Tomasz Wiśniewski, MD, to our cardiology team! He is accepting new patients.",
    "Congratulations to Priyamvada Rao, RN, BSN, on earning her critical care certification!",
    "Thank you to volunteer Harold Brandt for 25 years at our gift shop.",
    "A gift from the estate of Clementine Oduya, a retired teacher, will fund two nursing scholarships.",
    "Singer Ava Moreno has spoken publicly about her lupus diagnosis. Learn the signs of lupus.",
    "Florence Nightingale was born in 1820 and transformed nursing in the Crimean War.",
    "Our ED cared for 5,204 patients in June; patients 90 and older were 4% of admissions.",
    "Join our free diabetes class Thursday, October 9 at 6 p.m. at 300 Lakeshore Blvd.",
    "Questions about your bill? Call our billing office at (555) 310-2200, Monday–Friday, 8–5.",
    "Thank you for your review. Privacy laws prevent us from discussing anyone's care; please call our main line.",
    "Hi Gwendolyn, thank you for taking the time to leave a review. Please call us so we can talk.",
    "Six weeks after my ACL surgery I ran a mile today. So grateful for my PT crew!",
    "One of our youngest heart patients drew this picture for our cath lab nurses.",
    "Our support group meets in Room 210 every Tuesday evening.",
    "Narcotics Anonymous meets in Room B on Fridays.",
]


from test_phi_classes import CLASS_FLAGGED, CLASS_NOT_FLAGGED  # noqa: E402  (classes from heldout3)

FLAGGED += CLASS_FLAGGED
NOT_FLAGGED += CLASS_NOT_FLAGGED


@pytest.mark.parametrize("text,code,match", FLAGGED, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(FLAGGED)])
def test_flagged(text: str, code: str, match: str) -> None:
    assert (code, match) in phi(text)


@pytest.mark.parametrize("text", NOT_FLAGGED, ids=[f"clean-{i}" for i in range(len(NOT_FLAGGED))])
def test_not_flagged(text: str) -> None:
    assert phi(text) == set()


AUTH_TEXT = "Anneliese Brandt rang our bell on June 3 after her last round of chemo! Call her at (555) 204-7781."


def test_authorization_in_front_matter_covers_name_and_date_but_not_direct_identifiers() -> None:
    found = phi(AUTH_TEXT, {"patient_authorization": {"id": "HA-77", "expires": "2099-01-01",
                                                      "platforms": ["facebook"]}, "platform": "facebook"})
    assert {code for code, _ in found} == {"PHI005"}


@pytest.mark.parametrize("authorization", [
    {"id": "HA-77", "expires": "2001-01-01"},                      # expired
    {"id": "HA-77", "platforms": ["blog"]},                        # another platform
    "pending",                                                     # not signed yet
])
def test_invalid_authorization_does_not_cover(authorization: object) -> None:
    found = phi(AUTH_TEXT, {"patient_authorization": authorization, "platform": "facebook"})
    assert ("PHI001", "Anneliese Brandt") in found


def test_written_permission_statement_counts_but_verbal_does_not() -> None:
    text = "Dmitri Volkov, 67, finished cardiac rehab this week! Shared with his written permission."
    assert not {c for c, _ in phi(text)} & {"PHI001"}
    verbal = "Dmitri Volkov, 67, finished cardiac rehab this week! He gave us verbal permission to share."
    assert ("PHI001", "Dmitri Volkov") in phi(verbal)


def test_org_contacts_from_config_are_never_phi() -> None:
    from policylint.config import Config

    eng = build_engine(["hipaa"], Config(org_contacts=("(555) 631-0098",)))
    text = "Lost and found: the patient discharged this morning left a bag; call his cell at (555) 631-0098."
    assert not [f for f in check_text(eng, text) if f.match == "(555) 631-0098"]


def test_sensitive_category_escalates() -> None:
    codes = {c for c, _ in phi("So proud of Tyrese for finishing our detox program! Recovery is possible.")}
    assert "PHI009" in codes


def test_finding_points_at_the_identifying_span() -> None:
    text = "Best wishes to Tomasz Wiśniewski, discharged from our cardiac unit today!"
    (finding,) = [f for f in check_text(engine(), text) if f.code == "PHI001"]
    assert (finding.line, finding.column, finding.end_column) == (1, 16, 33)


def test_zip3_restricted_prefixes_only() -> None:
    restricted = phi("Our dialysis patient Omar, who lives in ZIP 059, came back for his checkup.")
    allowed = phi("Our dialysis patient Omar, who lives in ZIP 606, came back for his checkup.")
    assert ("PHI004", "059") in restricted
    assert not [m for c, m in allowed if m == "606"]


@pytest.mark.parametrize("metadata", [
    {"patient_authorization": "pending (form mailed 3/2)"},
    {"patient_authorization": "HA-12", "authorization_expires": "2001-05-01"},
    {"patient_authorization": "HA-12", "authorization_platforms": ["blog"], "platform": "facebook"},
])
def test_authorization_written_as_separate_keys(metadata: dict) -> None:
    assert ("PHI001", "Anneliese Brandt") in phi(AUTH_TEXT, metadata)
