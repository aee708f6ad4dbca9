"""Classes of advice, endorsement, claim, language and conduct problems (invented drafts, both sides).

Each case names a family of wording rather than one sentence: a disclaimer phrased as "we can't give medical
advice", cut-offs stated as rules, loaned equipment and referral links, reversal/detox claims, diagnoses used
as metaphors, filming during care, colleague insults and gossip, and blaming replies.
"""
from __future__ import annotations

import pytest

from conftest import build_engine, check_text, positions

_ENGINE: list = []


def findings(text: str, metadata: dict | None = None) -> list:
    if not _ENGINE:
        _ENGINE.append(build_engine(["medical-advice", "ethics", "language"]))
    return check_text(_ENGINE[0], text, metadata=metadata)


def codes(text: str) -> set[str]:
    return {f.code for f in findings(text)}


def at(text: str, code: str) -> list[tuple[int, int, str]]:
    return [p for p in positions(findings(text)) if p[2] == code]


# ---------------------------------------------------------------------------------------------- disclaimer

@pytest.mark.parametrize("disclaimer", [
    "We can't give medical advice on social media.",
    "We cannot provide individual medical advice here.",
    "Our team is unable to offer personal health advice online.",
    "Education use only; this does not replace an appointment with your own doctor.",
])
def test_cannot_give_advice_is_a_disclaimer(disclaimer: str) -> None:
    text = f"Sorry about the sore ankle! {disclaimer} If it swells or you can't walk on it, see a doctor right away."
    assert "DIS001" not in codes(text)
    assert "DIS001" in codes("Sorry about the sore ankle! If it swells or you can't walk on it, see a doctor right away.")


def test_stated_cutoffs_are_health_advice() -> None:
    text = "Fasting glucose of 126 mg/dL or higher counts as diabetes range. Track yours before breakfast."
    assert at(text, "DIS001") == [(1, 20, "DIS001")]


def test_one_patients_reading_is_not_a_cutoff() -> None:
    assert "DIS001" not in codes("Mr. Abara's pressure is under 140/90 now and he walks every morning. Go team!")


def test_swallowed_objects_with_when_to_go() -> None:
    text = "Parents: if your child swallows a battery, head to the ER right away."
    assert at(text, "DIS001") == [(1, 10, "DIS001")]


@pytest.mark.parametrize("text", [
    "Welcome back, Dr. Huang! Back to the clinic after leave, and our Internal Medicine team is thrilled.",
    "Happy discharge day to our heart surgery grads! Two sets of triplets visited the NICU too.",
    "Welcome Baby Amara, 6 lb 9 oz! No need to wait for visiting hours, grandparents: come anytime.",
    "We've got your back this flu season: walk-in hours all weekend at the Elm Street clinic.",
])
def test_everyday_words_are_not_health_topics(text: str) -> None:
    assert "DIS001" not in codes(text)


def test_measured_fluids_and_intervals_are_dosing() -> None:
    text = "Heat wave tips: drink 8 oz of water every 20 minutes outdoors to prevent dehydration."
    assert "DIS001" in codes(text)


# ---------------------------------------------------------------------------------------------- endorsement

@pytest.mark.parametrize("text", [
    "Thanks to PulseView for loaning our unit three new monitors! Book your heart check today.",
    "Loving this posture brace for long clinic days. Get yours: braceup.example/p?ref=DRLENA",
])
def test_loaned_gear_and_referral_links_need_disclosure(text: str) -> None:
    assert "END001" in codes(text)
    assert "END001" not in codes("#ad " + text)


def test_org_tracking_link_is_not_a_referral() -> None:
    assert "END001" not in codes("Read the full guide: brookside.example/heat?utm_source=instagram")


# ---------------------------------------------------------------------------------------------- claims

def test_reversal_of_any_named_disease() -> None:
    text = "Our new diet program reverses osteoporosis in twelve weeks."
    assert at(text, "CLM001") == [(1, 22, "CLM001")]


def test_qualified_reversal_and_naloxone_pass() -> None:
    assert "CLM001" not in codes("In a clinical trial, the program may reverse early fibrosis for some patients.")
    assert "CLM001" not in codes("Naloxone reverses an opioid overdose within minutes.")


def test_detox_and_fat_burning_claims() -> None:
    assert "CLM001" in codes("This herbal tea cleanses your liver and burns belly fat.")


@pytest.mark.parametrize("text, flagged", [
    ("The #1 children's hospital in the state, period.", True),
    ("Best family dentist in town, hands down.", True),
    ("Named the #1 children's hospital in the state by a national report.", False),
    ("Best tacos in town are at the food truck outside our lobby on Fridays.", False),
])
def test_local_and_numbered_superlatives(text: str, flagged: bool) -> None:
    assert ("CLM002" in codes(text)) == flagged


# ---------------------------------------------------------------------------------------------- language

def test_diagnosis_as_metaphor() -> None:
    text = "Our schedule this week is so bipolar, but the flu clinic is open until 6."
    assert at(text, "LNG011") == [(1, 27, "LNG011")]
    assert "LNG011" not in codes("Our support group for adults living with bipolar disorder meets Wednesdays.")


# ---------------------------------------------------------------------------------------------- professionalism

def test_health_detail_named_in_previous_sentence() -> None:
    text = "Worried about your ultrasound report? Message us a snapshot of it and we'll explain."
    assert "PRO004" in codes(text)
    assert "PRO004" not in codes("Lost a scarf at the gala? Message us a photo of it and we'll check lost and found.")


def test_filming_during_care() -> None:
    text = "Recording from the OR again, patient is prepped and we're about to start 🎬"
    assert at(text, "PRO010") == [(1, 1, "PRO010")]
    assert "PRO010" not in codes("Live from the cafeteria: our chili cook-off for the children's fund starts now!")


@pytest.mark.parametrize("text", [
    "Shoutout to the resident who took forever to answer my page tonight. Stellar work.",
    "The so-called doctors across town are at it again.",
    "Our radiology techs are a bunch of clowns today.",
    "Rumor of the week: the new attending and the float nurse are secretly dating 👀",
])
def test_disparaging_or_gossiping_about_colleagues(text: str) -> None:
    assert "PRO007" in codes(text)


@pytest.mark.parametrize("text", [
    "Thanks to the resident who took time to answer every family's questions tonight.",
    "Congratulations to two of our nurses who are getting married this weekend!",
])
def test_colleague_praise_passes(text: str) -> None:
    assert "PRO007" not in codes(text)


def test_blaming_reply_with_adverbs() -> None:
    text = "Mr. Ruiz, you repeatedly refused to take the antibiotics as prescribed. We stand by our care."
    assert at(text, "PRO009") == [(1, 11, "PRO009")]
    assert "PRO009" not in codes("Mr. Ruiz, thank you for your feedback. Please call our patient relations line.")
