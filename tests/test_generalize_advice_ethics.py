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


# ================================================================================ round 4 (heldout4 classes)
# ---------------------------------------------------------------------------------------------- disclaimer

@pytest.mark.parametrize("text", [
    "Adults 50 and older should get a colon cancer screening every few years. Schedule online.",
    "Men over 45 should check their blood pressure at least once a year, even if they feel fine.",
])
def test_recommendation_to_an_age_group_needs_a_disclaimer(text: str) -> None:
    assert "DIS001" in codes(text)
    assert "DIS001" not in codes(text + " General information only; talk to your doctor about your own risk.")


@pytest.mark.parametrize("text", [
    "Our flu shot clinic for adults 65 and older is this Saturday in the main lobby.",
    "Kids 12 and under eat free at the cafeteria during Heart Month.",
])
def test_age_group_in_an_event_notice_is_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


def test_keeping_a_rescue_medicine_on_hand_is_advice() -> None:
    text = "An EpiPen only works if it's with you. Parents should keep a spare dose at school too."
    assert "DIS001" in codes(text)
    text = "Naloxone reverses an opioid overdose. Everyone should carry it, or keep one in the car."
    assert "DIS001" in codes(text)


def test_personal_product_recommendation_for_a_condition() -> None:
    text = ("My new glucose patch pings me to hydrate and walk every hour, and my sugars are steadier. "
            "Highly recommend it for anyone with diabetes!")
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text, code", [
    ("Lasting relief from back pain: our spinal program gets every patient back to the gym in 10 days. Guaranteed.",
     "DIS001"),
    ("Our acne peel clears skin with zero side effects and is totally safe, miracle results in one visit!", "DIS001"),
    ("Clients lose 30 pounds in 8 weeks on our medical weight program. Ask us about it at your consult!", "DIS001"),
])
def test_promoted_treatment_outcomes_need_a_disclaimer(text: str, code: str) -> None:
    assert code in codes(text)


def test_one_patients_weight_loss_story_is_not_advice() -> None:
    assert "DIS001" not in codes("Big congratulations to our own Coach Lee, who lost 40 pounds training for the city marathon!")


@pytest.mark.parametrize("text", [
    "Thank you, Mr. Castillo! We're so glad your knee replacement went well and that our staff put you at ease.",
    "Our volunteer firefighter neighbor stopped by after a minor burn on her hand. Heal up fast, we're rooting for you!",
    "Join us in loving memory of Dr. Ellis, founder of our family medicine clinic, at Saturday's garden dedication.",
])
def test_well_wishes_and_tributes_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


# ---------------------------------------------------------------------------------------------- endorsement

@pytest.mark.parametrize("text", [
    "Huge thanks to the Apex Ortho reps for lunch today! Our surgeons love their new knee system.",
    "Thank you to the NovaDerm team for free samples of their new retinol serum. Grab one at checkout!",
])
def test_vendor_gifts_and_samples_need_disclosure(text: str) -> None:
    assert "END001" in codes(text)
    assert "END001" not in codes("#ad " + text)


@pytest.mark.parametrize("text", [
    "Thanks to our union reps for the pizza at tonight's staff meeting!",
    "Thank you to everyone who stopped by the health fair for free samples of our heart-healthy chili.",
    "Thanks to the county library for lending us their community room for Tuesday's class.",
])
def test_community_thanks_are_not_endorsements(text: str) -> None:
    assert "END001" not in codes(text)


def test_employee_reviewing_the_employer() -> None:
    text = "Best mammogram experience I've ever had at Northside Imaging. Give them a try! #LifeAtNorthside"
    assert at(text, "END006") == [(1, 1, "END006")]
    assert "END006" not in codes("I work at Northside Imaging, and I'd still say: give them a try! #LifeAtNorthside")
    assert "END006" not in codes("Best mammogram experience I've ever had at Northside Imaging. Give them a try!")
    assert "END006" not in codes("Meet our new mammography techs! #LifeAtNorthside #TeamNorthside")


# ---------------------------------------------------------------------------------------------- claims

@pytest.mark.parametrize("text", [
    "Our elderberry gummies keep colds away and are completely safe for the whole family.",
    "These collagen capsules have zero side effects and rebuild cartilage in a month.",
])
def test_safety_absolutes_and_plural_subjects(text: str) -> None:
    assert "CLM001" in codes(text)


def test_qualified_safety_statement_passes() -> None:
    assert "CLM001" not in codes("Most people have mild side effects from the shingles vaccine, like a sore arm for a day.")


@pytest.mark.parametrize("text, flagged", [
    ("Voted the best urgent care in the city by our own staff!", True),
    ("Rated the #1 heart hospital in the state by our own patients this year.", True),
    ("Rated the #1 heart hospital in the state by a national quality report.", False),
])
def test_self_sourced_rankings_are_not_substantiation(text: str, flagged: bool) -> None:
    assert ("CLM002" in codes(text)) == flagged


def test_results_presented_as_routine() -> None:
    assert "CLM003" in codes("Members are dropping 15 lbs in their first month on our coaching plan!")
    assert "CLM003" not in codes("Every patient gets a warm blanket and a snack after their infusion.")


# ---------------------------------------------------------------------------------------------- professionalism

@pytest.mark.parametrize("text", [
    "Shoutout to the orientee who couldn't figure out how to work the bed scale 🙃 med school isn't what it used to be",
    "Whoever made this month's call schedule is a complete idiot.",
])
def test_mocking_colleagues(text: str) -> None:
    assert "PRO007" in codes(text)


def test_praising_new_colleagues_passes() -> None:
    assert "PRO007" not in codes("Our new grads didn't know how to chart in Epic in June; now they teach it! So proud.")


def test_stigmatizing_label_for_a_repeat_patient() -> None:
    text = "That crackhead is back again for the fourth time this week 🙄 #nightshift"
    assert "PRO002" in codes(text)
    assert "PRO002" not in codes("Words matter: say \"person who uses drugs\", not \"crackhead\" or \"addict\".")


@pytest.mark.parametrize("text", [
    "Pt in bed 7 just asked if the ICU has room service 😂 can't make it up",
    "Long night. 34yo motorcyclist, no helmet. We coded him for forty minutes. Wear your helmets.",
])
def test_shift_stories_about_one_patient(text: str) -> None:
    assert "PRO003" in codes(text)


def test_unit_gratitude_is_not_venting() -> None:
    assert "PRO003" not in codes("Our patient in room 4 rang the bell today after her last chemo 😭💕 so proud of our team.")


@pytest.mark.parametrize("text", [
    "Ms. Hale, perhaps next time read the consent form before signing. We followed policy.",
    "Tom R., maybe try taking some responsibility before posting a one-star review.",
    "K.L., skipping your insulin is what led to the ER visit you describe, not our scheduling.",
])
def test_condescending_or_blaming_replies(text: str) -> None:
    assert "PRO009" in codes(text)


@pytest.mark.parametrize("text", [
    "Thanks, Jen! Maybe next time take the shuttle from the garage; it's free and runs every 10 minutes.",
    "Hi Sam, we take full responsibility for the billing mix-up and have refunded the charge.",
    "Mr. Ortiz, thank you! If you still haven't scheduled your follow-up, call 555-0142 and we'll help.",
])
def test_courteous_replies_pass(text: str) -> None:
    assert "PRO009" not in codes(text)


def test_public_clinical_judgment_in_a_reply() -> None:
    text = "Dana P., we hear you. Your torn meniscus simply doesn't need surgery right now. Call us to talk."
    assert at(text, "PRO011") == [(1, 23, "PRO011")]
    assert "PRO011" not in codes("Reminder: your cold doesn't need antibiotics. Rest and fluids help most people.")
    assert "PRO011" not in codes("Hi everyone, your cold doesn't need antibiotics; ask us about symptom relief.")


def test_reply_opening_with_a_dash_is_a_reply() -> None:
    text = "Hey Priya — sounds like strep, take the leftover amoxicillin tonight."
    assert "PRO001" in codes(text)


@pytest.mark.parametrize("text", [
    "Tell us in the comments what your last A1C was! 👇",
    "Which meds are you taking for migraines? Share below and let's compare!",
    "Reply with a photo of the rash and our nurse will take a look.",
    "Diagnosed with PCOS this year? Drop a 💜 and tell us your story below.",
])
def test_asking_followers_to_post_health_details(text: str) -> None:
    assert "PRO004" in codes(text)


@pytest.mark.parametrize("text", [
    "Tell us in the comments which nurse made your stay special! DAISY nominations close Friday.",
    "Share below: what's your favorite way to stay active this winter?",
    "Recently diagnosed with diabetes? Our free class covers meal planning. Post below with questions about the class.",
])
def test_ordinary_engagement_prompts_pass(text: str) -> None:
    assert "PRO004" not in codes(text)


# ------------------------------------------------------------------------------ disclaimer: blind-set classes
# Classes of health education that need a disclaimer, each with its near misses (invented drafts).

@pytest.mark.parametrize("text", [
    # recovery course and what to expect before a procedure
    "Thinking about a hip replacement? Most patients go home the next day and return to light work in about "
    "six weeks. You'll need a pre-op clearance visit first.",
    "After carpal tunnel release, many people regain full grip strength by three months. Keep your wrist "
    "raised for the first few days.",
    # who should be tested / screened, groups by risk, start ages
    "Who should consider a lung cancer screening? Adults at high risk, such as long-time smokers, starting at 50.",
    "Breast cancer screening now begins at 40 for women at average risk. Ask us how to book your mammogram.",
    "Who might consider genetic testing? People with close relatives who had ovarian cancer.",
    # drug and food interactions, generic drug names by their stems
    "On warfarin? Leafy greens can change your INR levels. Keep your portions steady week to week.",
    "St. John's wort interacts with many medications, including birth control. Skip it unless your pharmacist okays it.",
    "Taking atorvastatin? Grapefruit can raise your drug levels. Skip it at breakfast.",
    # a target stated as the usual goal
    "Blood sugar check: under 180 mg/dL two hours after a meal is the usual target. Log yours this week.",
    # onset of a product and daily-use instructions
    "Dry eyes? These drops start working in under 10 minutes. Use them daily through the winter.",
    # a changing spot, get it checked; caring for someone else
    "If a mole is growing or bleeding, get it checked. Melanoma caught early is very treatable.",
    "Learn the warning signs of depression in teens: withdrawal, sleep changes. If you're worried about your "
    "teen, reach out to someone you trust.",
    # injury prevention at home and timing after an exposure
    "Grill season! Keep a fire extinguisher within reach and treat burns with cool running water.",
    "Do a tick check after every hike, and shower within two hours of coming indoors to wash off ticks.",
])
def test_health_education_classes_need_a_disclaimer(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Our new low-dose CT scanner is open at the Westside campus. Call 555-0100 to book your appointment.",
    "Lower radiation dose, same clear images: our imaging suite now uses the latest technology. Book today.",
    "Who should attend? Nurses and therapists interested in leadership. Register by Friday.",
    "Most of our residents return to practice in the region within five years. Proud of this program!",
    "If you're worried about parking, we've added 200 spaces by the main entrance.",
    "Dr. Lee works in a busy ICU and still finds time to coach Little League. Thank you, Dr. Lee!",
    "Keep your phone handy on race day: the course map is in the app.",
    "The foundation rebuilds the pediatric wing this spring. Thank you to every donor!",
])
def test_near_misses_of_those_classes_pass(text: str) -> None:
    assert "DIS001" not in codes(text)


def test_where_the_recovery_course_finding_lands() -> None:
    text = "Knee replacement FAQ: most patients walk again the same day. You'll need someone to drive you home."
    assert at(text, "DIS001") == [(1, 23, "DIS001")]


NEWBORN_FEVER = "Fever in a newborn (100.4°F or higher) means call your pediatrician right away. Keep them hydrated."


@pytest.mark.parametrize("disclaimer", [
    "Check with your child's doctor about your own child's situation.",
    "Talk to your baby's pediatrician before starting anything new.",
    "Ask your doctor how often you should be checked.",
    "Ask your care team which option fits your goals.",
])
def test_caregiver_and_question_referrals_are_disclaimers(disclaimer: str) -> None:
    assert "DIS001" in codes(NEWBORN_FEVER)
    assert "DIS001" not in codes(f"{NEWBORN_FEVER} {disclaimer}")


@pytest.mark.parametrize("near_miss", [
    "Ask your doctor.",
    "Your child's doctor is on call tonight.",
    "Check with your insurance about coverage.",
])
def test_bare_mentions_of_a_doctor_are_not_disclaimers(near_miss: str) -> None:
    assert "DIS001" in codes(f"{NEWBORN_FEVER} {near_miss}")


# ------------------------------------------------------------------ claims, endorsement, conduct: blind-set classes

@pytest.mark.parametrize("text", [
    "Our PRP injections regrow torn ligaments in weeks. Book a consult!",
    "Laser therapy for back pain, with no downtime and no risk.",
    "This supplement is completely safe for you and baby. Try it today!",
])
def test_regeneration_no_risk_and_pregnancy_safety_claims(text: str) -> None:
    assert "CLM001" in codes(text)


@pytest.mark.parametrize("text", [
    "Palliative care can be given alongside treatment aimed at a cure.",
    "Our researchers are one step closer in the search for a cure for ALS.",
    "There's no risk of catching the flu from the flu shot.",
    "Join the walk for a cure this Saturday!",
])
def test_cure_as_a_goal_and_stated_no_risk_facts_pass(text: str) -> None:
    assert "CLM001" not in codes(text)


def test_cure_as_a_claim_still_fires() -> None:
    assert at("Our new drip cures migraines in one visit.", "CLM001") == [(1, 14, "CLM001")]


@pytest.mark.parametrize("text", [
    "After two years of trying, the Okafors are expecting! Your success story could be next. Book a consult.",
    "Clients leave 10 years younger after one session, every single time.",
    "His story shows that anyone can beat chronic pain with our program.",
    "With our coaching, every new mom can make a full recovery from birth injuries.",
])
def test_results_presented_as_typical(text: str) -> None:
    assert "CLM003" in codes(text)


@pytest.mark.parametrize("text", [
    "Our lab delivers accurate results, every time.",
    "Her story shows that you can ask for help, and it's never too late to call.",
    "Your turn could be next: the raffle drawing is at noon!",
    "Every new mom can join our free support group on Tuesdays.",
])
def test_ordinary_every_time_and_story_wordings_pass(text: str) -> None:
    assert "CLM003" not in codes(text)


def test_employer_pride_hashtags_mark_an_employee_review() -> None:
    text = "Had my flu shot at Maple Clinic today, in and out in 10 minutes. Highly recommend! #WeAreMaple #MapleProud"
    assert "END006" in codes(text)
    assert "END006" not in codes(text.replace("Highly recommend!", "Highly recommend! I work at Maple Clinic."))
    assert "END006" not in codes("Finished chemo today and I highly recommend Dr. Lee. #SurvivorStrong #PinkOctober")


@pytest.mark.parametrize("text", [
    "Every crazy in town showed up at triage tonight.",
    "Some crazy came in at 3 a.m. demanding a sandwich.",
    "Guess who's back in bed 4 for the third time this week 🙄 #FrequentFlyer",
])
def test_mocking_labels_for_patients(text: str) -> None:
    assert "PRO002" in codes(text)


@pytest.mark.parametrize("text", [
    "What a crazy week at the clinic! Thanks, team.",
    "It was a crazy in-between season for the flu.",
    "Our volunteers are back for the fourth time this year to knit NICU hats!",
    "Frequent flyer miles donated by our staff flew two families to the transplant center.",
])
def test_crazy_busy_and_returning_volunteers_pass(text: str) -> None:
    assert "PRO002" not in codes(text)


def test_crazy_as_a_noun_is_a_language_finding_too() -> None:
    assert at("Every crazy in town showed up at triage tonight.", "LNG009") == [(1, 1, "LNG009")]
    assert "LNG009" not in codes("What a crazy week at the clinic! Thanks, team.")


def test_patient_arrival_retold_for_laughs() -> None:
    text = "Night shift: a guy came in with a 'gardening injury' that was not from gardening 😂 #nightshift"
    assert "PRO003" in codes(text)
    assert "PRO003" not in codes("A guy came in to donate blood for the first time today, and brought donuts for the team!")


def test_celebrating_with_alcohol_between_cases() -> None:
    text = "Popping the champagne in the surgeons' lounge between cases! #ORlife"
    assert "PRO006" in codes(text)
    assert "PRO006" not in codes("Congratulations to our OR team on 1,000 robotic cases! #ORlife")


@pytest.mark.parametrize("text", [
    "Replying to Dana's question: based on your photo, that rash is definitely eczema.",
    "In reply to @jlee: that lump is probably just a cyst, no need to see anyone.",
])
def test_verdicts_in_a_reply_that_says_so(text: str) -> None:
    assert "PRO011" in codes(text)


@pytest.mark.parametrize("text", [
    "Responding to the storm, our teams stayed overnight. That rash of closures is definitely over.",
    "Based on your feedback, the new parking garage is a hit. Thank you!",
    "Hi Sam, no need to worry: your appointment is confirmed. Call us with any questions.",
])
def test_replies_without_a_clinical_verdict_pass(text: str) -> None:
    assert "PRO011" not in codes(text)


# ------------------------------------------------------------------------- heldout6 classes: disclaimer

@pytest.mark.parametrize("disclaimer", [
    "This isn't a replacement for a visit with your own doctor.",
    "Nothing in this guide substitutes for an exam.",
    "Think of this list as a starting point, but this guide is not a treatment plan.",
    "A sports medicine physician or therapist should individualize your routine.",
])
def test_disclaimer_wordings_contractions_nothing_here_and_tailoring(disclaimer: str) -> None:
    text = "Sore heel in the morning? Stretch your calves 30 seconds per side before you stand, and ice it after runs."
    assert "DIS001" in codes(text)
    assert "DIS001" not in codes(f"{text} {disclaimer}")


@pytest.mark.parametrize("text", [
    "Jammed a finger at volleyball? Tape it to the next finger and rest it. If it's numb or crooked, come in.",
    "Bursitis in your hip? Use a heating pad for 15 minutes, then walk gently. Avoid lying on that side.",
    "Tartar builds up fast. Brush 2x daily with a dime-sized dab of toothpaste and floss along the gum line.",
    "Sunscreen lowers your risk of melanoma by half. Use a nickel-sized amount on the face, rain or shine.",
    "Earache with a cold? A warm compress and rest help many kids. Give fluids often.",
])
def test_injuries_named_inflammations_amounts_and_home_remedies_need_a_disclaimer(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Our blood bank needs O-negative donors this week; walk in any time before 6.",
    "Blood drive Thursday! Every donor gets a free cookie and a thank-you card.",
    "Rolled out our new ankle-friendly flooring in the rehab gym lobby this week.",
    "The 5K raised $12,000 for the cancer center. Thank you, runners!",
])
def test_events_and_equipment_news_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


def test_spanish_advice_needs_a_spanish_disclaimer() -> None:
    text = ("Consejos para la gripe: tome mucho líquido y descanse. La fiebre puede causar deshidratación en los "
            "niños. Busque atención si tiene dificultad para respirar.")
    assert "DIS001" in codes(text)
    assert "DIS001" not in codes(text + " Esta información es general; hable con su médico.")
    assert "DIS001" not in codes("¡Clínica de vacunas contra la gripe este sábado de 9 a 12! Traiga su tarjeta de seguro.")


def test_spanish_frequencies_and_imperatives_are_advice() -> None:
    text = "¿Le sangran las encías? Use hilo dental cada noche y cepille los dientes dos veces al día."
    assert "DIS001" in codes(text)
    assert "DIS001" not in codes(text + " Este consejo no reemplaza la visita con su dentista.")
    assert "DIS001" not in codes("Nuestra clínica dental abre dos veces por semana en el centro comunitario. ¡Los esperamos!")


# ------------------------------------------------------------------------ heldout6 classes: endorsement

@pytest.mark.parametrize("text", [
    "Our hygienists swear by this water flosser. Order one from flosspro.example/drmaya for 10% off.",
    "The knee sleeve I give every runner: sleeveco.example/?ref=coachlee7",
    "Loved my visit! Mention my name at check-in for a free teeth-whitening session.",
    "Team, we need 100 reviews by Monday. Write a review on your personal pages and don't say that you work here.",
    "Thrilled to be collaborating with Veridan Pharma to introduce a new asthma inhaler at our pharmacy.",
])
def test_personal_discounts_referral_perks_staff_reviews_and_maker_partnerships(text: str) -> None:
    assert "END001" in codes(text)


@pytest.mark.parametrize("text", [
    "Our hygienists like this water flosser (affiliate link; we may earn a commission): flosspro.example/?ref=smile5",
    "Tickets for the spring gala are at gala.example/tickets, and every dollar supports the NICU.",
    "We're collaborating with the county health department on free blood pressure checks this month.",
    "Tell them we said congratulations on the new baby!",
])
def test_disclosed_links_and_community_partners_pass(text: str) -> None:
    assert "END001" not in codes(text)


def test_first_person_outcome_with_an_employee_hashtag() -> None:
    text = "Lakeview Physical Therapy healed my tendinitis in a month 💪 #EmployeeLife"
    assert "END006" in codes(text)
    assert "END006" not in codes("Lakeview Physical Therapy healed my tendinitis in a month 💪 #PTWorks")


# ----------------------------------------------------------------------------- heldout6 classes: claims

@pytest.mark.parametrize("text", [
    "Our light therapy clears rosacea 100%, no creams needed.",
    "The new scan detects 100% of early tumors. Book yours today!",
    "Our IV drip reverses kidney damage in weeks.",
    "Our PT program cured my sciatica in one week, and it'll cure yours too.",
    "¡Nuestro suplemento alivia el dolor de espalda para siempre, 100% natural y garantizado!",
])
def test_hundred_percent_results_reversals_and_spanish_absolutes(text: str) -> None:
    assert "CLM001" in codes(text)


@pytest.mark.parametrize("text", [
    "Quitting smoking can reverse some lung damage over time; ask us about our program.",
    "100% of ticket sales from the gala support free cancer screenings.",
    "Our nurses work hard so that 100% of surgery patients get a call the next day.",
    "Esta pomada puede ayudar a aliviar el dolor de rodilla.",
])
def test_qualified_reversals_fundraising_and_service_percentages_pass(text: str) -> None:
    assert "CLM001" not in codes(text)


# -------------------------------------------------------------------- heldout6 classes: professionalism

@pytest.mark.parametrize("text, code", [
    ("Charting at 3 a.m. and honestly, some patients just don't want to get well. #burnout", "PRO002"),
    ("Cute review. We don't respond to trolls, so maybe go bug some other dentist.", "PRO002"),
    ("Night shift again. The dude in bed 12 is here for his third overdose in a month 🙄", "PRO003"),
    ("Maybe if you'd worn the brace like we asked, your wrist would be healed. Nobody can wear it for you, Tara.",
     "PRO009"),
    ("Shoutout to the day tech who still can't draw blood after a year on the unit.", "PRO007"),
    ("Funny how our newest NP somehow gets paid more than the rest of us. #NurseLife", "PRO007"),
    ("Fever tonight? Post your kid's weight and temperature below and our pharmacist will reply with a dose.",
     "PRO004"),
    ("So sorry your knee flared up again, Priya! Double up on the naproxen and skip tomorrow's class.", "PRO001"),
])
def test_conduct_classes(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text, code", [
    ("Some families don't want to talk about hospice yet, and that's okay. We're here when you're ready.",
     "PRO002"),
    ("Report scam accounts and don't feed online trolls: get vaccine facts from your pediatrician.", "PRO002"),
    ("Welcome back to our volunteers, here for their third season this year!", "PRO003"),
    ("Thank you for the kind words, Tara. We hope to see you at the open house.", "PRO009"),
    ("Shoutout to our day tech, who still can't stop smiling after winning Employee of the Month!", "PRO007"),
    ("Post your favorite healthy recipe below for a chance to win a cookbook!", "PRO004"),
    ("Hi Priya, glad you're feeling better! Take it easy and enjoy the long weekend.", "PRO001"),
])
def test_conduct_near_misses_pass(text: str, code: str) -> None:
    assert code not in codes(text)
