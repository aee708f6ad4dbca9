"""Medical-advice, ethics and language rules on invented drafts: both sides of each decision."""
from __future__ import annotations

import pytest

from conftest import build_engine, check_text

_ENGINE = []


def codes(text: str, metadata: dict | None = None) -> set[str]:
    if not _ENGINE:
        _ENGINE.append(build_engine(["medical-advice", "ethics", "language"]))
    return {f.code for f in check_text(_ENGINE[0], text, metadata=metadata)}


ADVICE = ("Pink eye season 👀 Wash hands often, don't share towels, and replace eye makeup. "
          "If your eye is painful or your vision changes, see a doctor right away.")


@pytest.mark.parametrize("text", [
    ADVICE,
    "Sunburn relief: cool showers, aloe, and plenty of water. Take ibuprofen for the sting, 200 mg every 6 hours.",
    "Managing gout 🦶 Limit red meat and beer, drink plenty of water, and keep your flare medicine handy.",
])
def test_advice_without_disclaimer_is_flagged(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("disclaimer", [
    "This is general information, not medical advice.",
    "Not a substitute for professional medical advice; talk to your doctor about your own care.",
    "Consult your healthcare provider about your situation.",
    "#NotMedicalAdvice",
    "This post does not replace professional medical care.",
])
def test_disclaimer_wordings_are_recognised(disclaimer: str) -> None:
    assert "DIS001" not in codes(f"{ADVICE} {disclaimer}")


@pytest.mark.parametrize("near_miss", [
    "Learn more at brookside.example/eyes",
    "Results may vary.",
    "Ask us anything in the comments!",
    "Call 911 in an emergency.",
    "Link in bio.",
])
def test_near_misses_are_not_disclaimers(near_miss: str) -> None:
    assert "DIS001" in codes(f"{ADVICE} {near_miss}")


@pytest.mark.parametrize("text", [
    "Our new outpatient surgery center opens Monday with free parking and a family lounge.",
    "Congratulations to our respiratory therapy team on their national award!",
    "We're hiring night-shift nurses for our cardiac unit. Apply today!",
    "Thank you to everyone who ran in our 5K: together we raised $48,000 for the cancer center.",
])
def test_news_events_hiring_need_no_disclaimer(text: str) -> None:
    assert not codes(text) & {"DIS001", "DIS004"}


def test_disclaimer_only_in_trailing_hashtags_is_reported_as_placement() -> None:
    text = ("Pink eye season 👀 Wash hands often, don't share towels, and replace eye makeup. "
            "If your eye is painful, see a doctor right away.\n#EyeHealth #TalkToYourDoctor")
    found = codes(text)
    assert "DIS002" in found and "DIS001" not in found


def test_disclaimer_after_instagram_cut_is_reported() -> None:
    text = (ADVICE + " Keep kids home until the discharge clears and wash pillowcases in hot water. "
            "This is general information, not medical advice.")
    assert "DIS003" in codes(text, {"platform": "instagram"})
    assert "DIS003" not in codes(text)                       # platform unknown: no truncation rule


def test_emergency_content_needs_911() -> None:
    assert "DIS004" in codes("Signs of a heart attack include chest pain and shortness of breath. Don't wait.")
    assert "DIS004" not in codes("Signs of a heart attack include chest pain. Call 911 right away.")


def test_individual_advice_is_an_error_even_with_a_disclaimer() -> None:
    text = "@miko_88 sounds like you have strep, just take the leftover amoxicillin. Not medical advice!"
    assert "PRO001" in codes(text)
    assert "PRO001" not in codes("@miko_88 so sorry you're sick! We can't advise here; please call your doctor.")


@pytest.mark.parametrize("text,code", [
    ("Thanks @GlowLab for sending our team these serums! Use code GLOW10 for 10% off.", "END001"),
    ("These wrist braces from @FlexiFit changed my shifts #collab #nurselife", "END002"),
    ("Our laser clinic cures back pain for good, guaranteed!", "CLM001"),
    ("The best spine surgeons in the world, hands down.", "CLM002"),
    ("Marco lost 50 pounds on our plan, and you will too!", "CLM003"),
    ("Ozempic changed my patients' lives. Ask about it today!", "CLM005"),
    ("Our favorite frequent flyer is back in bay 3 again 🙄", "PRO002"),
    ("DM us a photo of your rash and we'll tell you what it is!", "PRO004"),
    ("Wine o'clock after that ICU shift 🍷 #nightshift", "PRO006"),
    ("Free support group for addicts every Monday.", "LNG001"),
    ("He committed suicide last spring.", "SUI001"),
    ("Our ramp helps wheelchair-bound visitors reach the garden.", "LNG006"),
])
def test_ethics_and_language_fail(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text,code", [
    ("#ad Paid partnership with @GlowLab: our team tried these serums. Use code GLOW10 for 10% off.", "END001"),
    ("We received these braces free from @FlexiFit for our therapy gym. Thank you!", "END001"),
    ("Tail wags guaranteed when our therapy dogs visit!", "CLM001"),
    ("Laser therapy may help some people with back pain; ask your doctor.", "CLM001"),
    ("In a clinical trial of 1,200 adults, the vaccine was 89% effective.", "CLM001"),
    ("Narcotics Anonymous meets Mondays in Room 4.", "LNG001"),
    ('Swap "addict" for "person with a substance use disorder".', "LNG001"),
    ("This week has been crazy busy!", "LNG009"),
    ("We honor the 30 veterans in our county who died by suicide. Call or text 988 any time.", "SUI001"),
    ("Send us a photo from your first 5K after rehab!", "PRO004"),
])
def test_ethics_and_language_pass(text: str, code: str) -> None:
    assert code not in codes(text)


def test_prefer_rules_carry_a_fix() -> None:
    eng = build_engine(["language"])
    (finding,) = [f for f in check_text(eng, "Free support group for addicts every Monday.") if f.code == "LNG001"]
    assert finding.fix and "substance use disorder" in finding.fix
    assert (finding.line, finding.column) == (1, 24)


def test_disclosure_buried_in_trailing_hashtags() -> None:
    buried = "Our nurses love these socks from @LegUp on long shifts! #nurselife #comfy #shiftlife #ad"
    upfront = "#ad Our nurses love these socks from @LegUp on long shifts! #nurselife #comfy #shiftlife"
    plain = "Paid partnership with @LegUp: our nurses love these socks! #nurselife #comfy #shiftlife #ad"
    assert "END005" in codes(buried)
    assert "END005" not in codes(upfront) and "END005" not in codes(plain)
