"""Classes of wording found in blind-written drafts (heldout7 analysis), tested with invented drafts.

Each test names a family of wording and checks both sides: the class is reported, and near-miss wordings a
hospital comms team writes every day are not. No text here comes from a labeled set.
"""
from __future__ import annotations

import pytest

from conftest import build_engine, check_text

_ENGINE: list = []


def codes(text: str) -> set[str]:
    if not _ENGINE:
        _ENGINE.append(build_engine(["medical-advice", "ethics", "language"]))
    return {f.code for f in check_text(_ENGINE[0], text)}


# ---------------------------------------------------------------------------------------------- disclaimers
# Disclaimers phrased the way clinical teams write them: "general <kind of> information", "these tips are
# general", "your <clinician> can tailor it to you", "run it past your <clinician>", "check with them before
# changing", "this handout can't do that for you", "follow theirs if they differ", "every athlete is different".

ADVICE = ("Heat rash in toddlers? Dress them in loose cotton, keep the skin cool and dry, and skip thick creams "
          "for a few days.")


@pytest.mark.parametrize("disclaimer", [
    "This is general skin-care information; your pediatrician can tailor it to your child.",
    "These tips are general. Your care team's instructions come first.",
    "Run any new cream or remedy past your pediatrician first.",
    "Your pediatrician knows your child. Check with them before starting any new cream.",
    "This post can't tell you whether a rash needs a visit; your own clinician can.",
    "Your clinic may give different instructions; follow theirs if they differ.",
    "Every baby is different, so ask your doctor about yours.",
])
def test_clinical_team_disclaimer_wordings_are_accepted(disclaimer: str) -> None:
    assert "DIS001" in codes(ADVICE)
    assert "DIS001" not in codes(f"{ADVICE} {disclaimer}")


@pytest.mark.parametrize("not_a_disclaimer", [
    "General admission tickets for Saturday's family fun run are still available.",
    "Check with the front desk for validated parking.",
    "Our coaches can tailor the drills to your team.",
    "Every day is different on our pediatric unit!",
])
def test_near_miss_wordings_are_not_disclaimers(not_a_disclaimer: str) -> None:
    assert "DIS001" in codes(f"{ADVICE} {not_a_disclaimer}")


# ---------------------------------------------------------------------------------------------- advice signals
# A condition said to be silent until it does damage; how long to keep doing or avoiding something; an
# "Aftercare:" instruction block.

@pytest.mark.parametrize("text", [
    "Glaucoma usually has no early symptoms until vision is lost. People with diabetes are at higher risk.",
    "New tattoo? Keep it covered for 24 hours, then avoid swimming pools for two weeks while the skin heals.",
    "Aftercare: keep the treated skin clean and dry, and skip hot tubs for a week after your laser session.",
    "Put your newborn to sleep on their back on a firm mattress, and keep the crib in your room for at least "
    "the first 6 months.",
])
def test_silent_conditions_durations_and_aftercare_are_advice(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Our lobby cafe is closed for the first two weeks of March while we renovate. Flu shots are still on "
    "Saturday in the east lobby.",
    "Flu shot clinic Saturday 9 to 1 in the east lobby, no appointment needed. Bring your insurance card!",
    "No parking on Elm Street for three days while the new garage opens; use the Oak Street lot instead.",
    "Our aftercare program for kids runs until 6 p.m. on weekdays at the wellness center.",
])
def test_announcements_with_dates_and_durations_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


# ---------------------------------------------------------------------------------------------- claims

@pytest.mark.parametrize("text", [
    "Our balance program prevents falls entirely, even for the frailest residents.",
    "Our knee injections get runners back on the trail, 100% of the time.",
    "Our insomnia program works for everyone, no matter how long you've struggled.",
    "The best cardiac rehab center in the region, period.",
    "Proud to be the number one home health agency in the state!",
    "This ankle brace stops 100% of re-sprains.",
])
def test_universal_outcomes_and_organisation_superlatives_are_claims(text: str) -> None:
    found = codes(text)
    assert "CLM001" in found or "CLM002" in found


@pytest.mark.parametrize("text", [
    "Our balance program can help prevent falls; results vary from person to person.",
    "Keep pressing on the cut until the bleeding stops completely.",
    "Our nurse line is answered by a real person 100% of the time.",
    "Pick a class time that works for everyone in your household.",
    "Best tacos in town at Friday's food truck lunch!",
    "Ranked the best children's hospital in the state by a national report.",
])
def test_qualified_or_non_health_wordings_are_not_claims(text: str) -> None:
    found = codes(text)
    assert "CLM001" not in found and "CLM002" not in found


# ---------------------------------------------------------------------------------------------- endorsements

@pytest.mark.parametrize("text", [
    "Can't say enough good things about the physical therapy team at Lakeview. #LakeviewProud",
    "Lakeview Pediatrics is the only practice I'd trust with my own kids. #TeamLakeview",
])
def test_employee_vouching_with_employer_hashtag_needs_disclosure(text: str) -> None:
    assert "END006" in codes(text)


@pytest.mark.parametrize("text", [
    "Can't say enough good things about the physical therapy team at Lakeview. I work there, so I'm biased! "
    "#LakeviewProud",
    "Can't say enough good things about the volunteers who ran our coat drive!",
])
def test_disclosed_or_untagged_vouching_passes(text: str) -> None:
    assert "END006" not in codes(text)


# ---------------------------------------------------------------------------------------------- professionalism

def test_directive_to_a_handle_mid_post_is_individual_advice() -> None:
    assert "PRO001" in codes("Saw your post, @runner_jo: you should stop the naproxen and ice it twice a day.")
    assert "PRO001" not in codes("Big thanks to @CityYMCA and everyone who came out; you should try the "
                                 "Tuesday stretch class too!")


@pytest.mark.parametrize("text", [
    "haha caught Mrs. B drooling on her lunch tray during bingo 😂 #CNAlife",
    "this lady called about her lab results nine times before noon, the lab isn't even open 🙄",
])
def test_laughing_at_someone_in_care(text: str) -> None:
    assert "PRO003" in codes(text)


@pytest.mark.parametrize("text", [
    "Our therapy dog Biscuit fell asleep snoring during story time 😂",
    "This patient celebrated her last chemo with cupcakes for the whole unit 🥳",
])
def test_warm_moments_are_not_mockery(text: str) -> None:
    assert "PRO003" not in codes(text)


def test_former_patients_invited_to_a_personal_account() -> None:
    assert "PRO005" in codes("Calling all my old patients from 4 North: follow me on TikTok for nurse life!")
    assert "PRO005" not in codes("Follow our hospital page for news; patients can reach us through the portal.")


def test_insult_adjective_before_colleagues() -> None:
    assert "PRO007" in codes("Useless doesn't even begin to cover the night techs on this unit.")
    assert "PRO007" not in codes("Useless tip of the day: the vending machine on 3 still eats quarters.")


def test_selfie_in_a_care_area() -> None:
    assert "PRO010" in codes("Quick selfie in the ICU right after my patient was extubated 💪")
    assert "PRO010" not in codes("Selfie in the lobby with our new volunteers and patients' families!")


def test_reply_blaming_the_patient_from_the_chart() -> None:
    assert "PRO009" in codes("Ms. Harlan, your mother fell because she refused to wait for help, as noted in "
                             "her chart.")
    assert "PRO009" not in codes("Ms. Harlan, thank you for sharing this. Please call our patient advocate so "
                                 "we can talk.")


def test_contempt_for_reviewers() -> None:
    assert "PRO002" in codes("Reviewers who post one star over a parking ticket are the worst. Grow up.")
    assert "PRO002" not in codes("Kids grow up so fast! Book back-to-school checkups this month.")


@pytest.mark.parametrize("text", [
    "Drop your fasting glucose reading below and we'll tell you how you're doing!",
    "Email me your ultrasound reports and I'll give you a second opinion.",
])
def test_soliciting_readings_and_reports(text: str) -> None:
    assert "PRO004" in codes(text)


def test_soliciting_questions_is_fine() -> None:
    assert "PRO004" not in codes("Drop your questions below and we'll answer them in Friday's live Q&A.")


# ---------------------------------------------------------------------------------------------- second round
# Siblings of the classes above that a comms team or a clinician's personal account writes.

@pytest.mark.parametrize("disclaimer", [
    "Only your pediatrician can say what's right for your child.",
    "We're not your doctor, and this doesn't create a provider-patient relationship.",
    "Talk with a licensed health professional about your own situation.",
])
def test_more_disclaimer_wordings(disclaimer: str) -> None:
    assert "DIS001" not in codes(f"{ADVICE} {disclaimer}")


@pytest.mark.parametrize("text", [
    "Pink eye? Put two drops in each eye every morning and wash your hands often.",
    "Dry cough at night? A teaspoon of honey before bed can soothe it in kids over one.",
    "After a tetanus shot, wait at least 24 hours before swimming and keep the arm moving to ease soreness.",
])
def test_counted_doses_spoonfuls_and_waits_are_advice(text: str) -> None:
    assert "DIS001" in codes(text)


def test_condition_sufferers_label() -> None:
    assert "LNG005" in codes("Allergy sufferers, pollen counts peak this week.")
    assert "LNG005" not in codes("People with allergies, pollen counts peak this week.")


@pytest.mark.parametrize("text", [
    "Another attention seeker in triage tonight, fourth visit this month.",
    "Pretty sure bed 4 is faking her seizures again so she can stay the weekend.",
])
def test_patients_accused_of_faking(text: str) -> None:
    assert "PRO002" in codes(text)


def test_naming_stigma_to_counter_it_is_fine() -> None:
    assert "PRO002" not in codes("Self-harm is not attention seeking. It's a sign someone needs support.")


def test_management_disparaged() -> None:
    assert "PRO007" in codes("Admin is clueless as usual: four nurses for thirty beds tonight.")
    assert "PRO007" in codes("Management couldn't care less about the night shift.")
    assert "PRO007" not in codes("Our nurse manager is hosting a coffee chat for night shift on Friday.")


def test_a_patients_imaging_shown_from_the_shift() -> None:
    assert "PRO010" in codes("Check out this x-ray from tonight: the guy swallowed a whole spoon 😳")
    assert "PRO010" not in codes("Check out this x-ray of a healthy knee next to an arthritic one; patients "
                                 "often ask us about the difference.")


def test_patients_doing_great_on_a_product_is_a_typical_result() -> None:
    assert "CLM003" in codes("Our patients are doing amazing on Slimvora! One lost 20 lb in a month.")
    assert "CLM003" not in codes("Our patients are doing amazing on the new rehab floor, thanks to our PTs.")


@pytest.mark.parametrize("text", [
    "Our cold laser sessions are scientifically proven to regrow cartilage.",
    "Instant relief for back pain with our spinal decompression table!",
    "With our immune drip you'll never get sick again this winter.",
])
def test_proven_instant_and_never_again_claims(text: str) -> None:
    assert "CLM001" in codes(text)


def test_discount_codes_need_disclosure() -> None:
    assert "END001" in codes("My go-to compression socks for 12-hour shifts! Enter code NURSE15 at checkout.")
    assert "END001" not in codes("Overhead page: Code Blue, 4 West. Staff only, please keep the hallway clear.")


def test_greeting_then_directive_is_individual_advice() -> None:
    assert "PRO001" in codes("Hi Renee, you should stop the metformin for a few days if your stomach is upset.")
    assert "PRO001" not in codes("Hi Renee, thanks for asking! Please call your care team about any "
                                 "medication changes.")


@pytest.mark.parametrize("text, code", [
    ("Our volunteers can't say enough good things about the NICU cuddler program. #TeamRiverside", "END006"),
    ("Couldn't ask for a better team to ring in the new year with! #RiversideProud", "END006"),
    ("Our resident cat Whiskers was found asleep on the nurses' station keyboard again 😂", "PRO003"),
    ("Attention seekers wanted: our PR team needs volunteers for the hospital's dance video!", "PRO002"),
    ("Our new class schedule works for everyone's calendar: evenings and weekends.", "CLM001"),
    ("Selfie in the OR hallway with our new surgical residents on orientation day!", "PRO010"),
    ("Instant results! Our online bill pay posts your payment the same day.", "CLM001"),
    ("Enter code PARK2024 at the garage gate for free parking during the health fair.", "END001"),
    ("@jlee thanks for the shoutout! You should try our Saturday yoga class too.", "PRO001"),
])
def test_everyday_posts_near_the_new_classes_pass(text: str, code: str) -> None:
    assert code not in codes(text)


# ---------------------------------------------------------------------------------------------- other languages
# Community posts in Vietnamese and Haitian Creole: advice, its disclaimer, a plain announcement, and claims.

@pytest.mark.parametrize("advice, disclaimer", [
    ("Trẻ bị sốt? Hãy cho bé uống nhiều nước và nghỉ ngơi. Nếu bé co giật, hãy đến phòng cấp cứu ngay.",
     "Thông tin này chỉ mang tính tham khảo, không thay thế lời khuyên của bác sĩ."),
    ("Si ou gen lafyèv ak tous plis pase twa jou, ale nan klinik la. Bwè anpil dlo epi repoze.",
     "Sa a pa konsèy medikal; pale ak doktè ou."),
])
def test_vietnamese_and_haitian_creole_advice_needs_a_disclaimer(advice: str, disclaimer: str) -> None:
    assert "DIS001" in codes(advice)
    assert "DIS001" not in codes(f"{advice} {disclaimer}")


@pytest.mark.parametrize("text", [
    "Tiêm phòng cúm miễn phí tại bệnh viện vào thứ Bảy, từ 9 giờ sáng đến 1 giờ chiều. Không cần hẹn trước.",
    "Vaksen grip gratis nan klinik nou an samdi, 9è pou 1è. Pa bezwen randevou.",
])
def test_clinic_announcements_in_other_languages_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


@pytest.mark.parametrize("text", [
    "Thuốc nam của chúng tôi chữa khỏi hoàn toàn bệnh tiểu đường, không có tác dụng phụ!",
    "Te fèy nou an geri dyabèt nèt, garanti!",
])
def test_absolute_claims_in_other_languages(text: str) -> None:
    assert "CLM001" in codes(text)


def test_qualified_claim_in_haitian_creole_passes() -> None:
    assert "CLM001" not in codes("Te fèy sa a ka ede kèk moun dòmi pi byen; mande doktè ou anvan.")


# ---------------------------------------------------------------------------------------------- third round

@pytest.mark.parametrize("text", [
    "Myth: you can't get sunburned on a cloudy day. Fact: up to 80% of UV rays pass through clouds, so wear "
    "sunscreen.",
    "It's important to finish every dose of your antibiotic, even when your throat feels better.",
    "Remember to reapply sunscreen every two hours at the pool, and more often after swimming.",
    "5 simple ways to lower your blood pressure: cut back on salt, move every day, limit alcohol, sleep well "
    "and manage stress.",
    "Most adults need 7 to 9 hours of sleep. Poor sleep raises blood pressure and blood sugar.",
])
def test_health_education_formats_are_advice(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "It's important to us that every family feels welcome. Our new visitor lounge opens Monday on 3 West.",
    "Remember to wear your badge in the building, team! Security checks start Monday.",
    "Myth: hospitals are boring. Fact: our volunteers run a weekly trivia night in the cafeteria!",
    "5 tips for a stress-free visit: park in Garage B, check in at the kiosk, bring your ID and arrive early.",
    "Our balance class for older adults meets weekly at the senior center. It can help lower the risk of falls.",
])
def test_everyday_posts_in_those_formats_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


@pytest.mark.parametrize("disclaimer", [
    "Always follow your own pediatrician's advice.",
    "Seek professional medical advice for your child's situation.",
    "Questions about your own child? Your pediatrician is the best person to ask.",
])
def test_follow_your_clinician_wordings(disclaimer: str) -> None:
    assert "DIS001" not in codes(f"{ADVICE} {disclaimer}")


def test_review_reply_calling_the_reviewer_a_liar() -> None:
    assert "PRO009" in codes("Hi Tom, your review is completely false and our attorneys have a copy.")
    assert "PRO009" not in codes("Hi Tom, thank you for the review. Please call our patient advocate at "
                                 "555-0100 so we can talk.")


def test_asking_followers_to_post_photos_or_numbers() -> None:
    assert "PRO004" in codes("Post a photo of your rash in the comments and our dermatologist will weigh in!")
    assert "PRO004" in codes("What's your latest A1C? Comment below and we'll tell you how you're doing!")
    assert "PRO004" not in codes("Post a photo of your pet in the comments for National Pet Day!")
    assert "PRO004" not in codes("What's your favorite healthy snack? Comment below!")


def test_filming_for_social_media_during_care() -> None:
    assert "PRO010" in codes("Made a TikTok during rounds with my patient in bed 12 lol")
    assert "PRO010" not in codes("Shared with his family's permission: our ICU team made a TikTok with Mr. "
                                 "Lopez at the bedside on his birthday.")


def test_patients_from_hell() -> None:
    assert "PRO002" in codes("Night shift with the family from hell in room 8. Pray for me.")


def test_personal_brand_deals_need_disclosure() -> None:
    assert "END001" in codes("I've partnered with @GlowLabs to bring you my favorite retinol routine!")
    assert "END001" in codes("As a proud @StrideFit ambassador, these are the only running shoes I wear.")
    assert "END001" not in codes("Proud to welcome @RiversideFC goalkeeper Ana Ruiz to our pediatric floor!")


@pytest.mark.parametrize("text", [
    "The region's best heart team is right here in Millbrook.",
    "The most advanced cancer care in the state, close to home.",
])
def test_regional_superlatives(text: str) -> None:
    assert "CLM002" in codes(text)


def test_regional_facts_are_not_superlatives() -> None:
    assert "CLM002" not in codes("Our hospital is the region's largest employer, with 4,000 staff.")


@pytest.mark.parametrize("text", [
    "Had my first colonoscopy at 45 and the prep was easier than the stories. Schedule yours! Early detection "
    "saves lives.",
    "October reminder: book your overdue mammogram this month. Early detection is key for breast cancer.",
])
def test_screening_promoted_to_the_reader_is_advice(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Welcome Dr. Ames, who leads our new cancer screening program and has made early detection her life's work.",
    "Our new mammography suite opens Monday with 3D imaging and a cozy waiting room. Tours at 10 and 2.",
    "Flu shot clinic Saturday in the east lobby: get your flu shot in five minutes, no appointment needed.",
])
def test_screening_news_is_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


# ---------------------------------------------------------------------------------------------- fourth round

def test_brand_gifts_credited_need_disclosure() -> None:
    assert "END001" in codes("Lunch today courtesy of @NovaPharma! Ask us about their new allergy spray.")
    assert "END001" in codes("Giveaway! Three whitening kits for followers, thanks to @BrightSmile. Comment to "
                             "enter.")
    assert "END001" not in codes("Photo courtesy of @CityPhotoClub: our rooftop garden in full bloom!")
    assert "END001" not in codes("Giveaway time! Thanks to our volunteers, we're giving away 50 bike helmets.")


def test_exasperation_about_a_patient_from_the_shift() -> None:
    assert "PRO003" in codes("This lady asked for a warm blanket, ice water and a sandwich at 3 a.m. 🙄")
    assert "PRO003" not in codes("Ugh, the patient portal is down again 🙄 Call 555-0100 for refills.")
    assert "PRO003" not in codes("Smh, the snow is back. Our clinics open at 10 a.m.; the patient shuttle "
                                 "runs on time.")


def test_post_opening_with_a_name_and_a_directive() -> None:
    assert "PRO001" in codes("Marisol, you should stop the ibuprofen and take 500 mg of Tylenol instead.")
    assert "PRO001" not in codes("Parents, you should know our pediatric urgent care is open until 10 p.m. "
                                 "Take the Oak Street entrance.")


@pytest.mark.parametrize("text, code", [
    ("Nuestro programa ayuda a los drogadictos a encontrar tratamiento.", "LNG001"),
    ("Grupo de apoyo para familias de alcohólicos los martes.", "LNG002"),
    ("Mi abuela sufre de diabetes desde hace diez años.", "LNG005"),
    ("Recetas saludables para diabéticos cada semana.", "LNG008"),
    ("Cada año miles de jóvenes cometen suicidio. Llame o envíe un texto al 988.", "SUI001"),
])
def test_spanish_stigmatizing_terms(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "Alcohólicos Anónimos se reúne en la sala B los jueves.",
    "Evite las bebidas alcohólicas si toma este medicamento.",
    "Recetas saludables para personas con diabetes cada semana.",
])
def test_spanish_person_first_terms_pass(text: str) -> None:
    assert not codes(text) & {"LNG001", "LNG002", "LNG005", "LNG008"}


def test_spanish_and_vietnamese_discount_codes_need_disclosure() -> None:
    assert "END001" in codes("¡Mis cepillos favoritos! Usa mi código SONRISA15 para un descuento.")
    assert "END001" not in codes("#publicidad ¡Mis cepillos favoritos! Usa mi código SONRISA15 para un descuento.")
    assert "END001" in codes("Kem chống nắng yêu thích của tôi! Nhập mã giảm giá DAVN20 nhé.")


# ---------------------------------------------------------------------------------------------- fifth round
# Advice written as plain statements or as a run of instructions, which the signal lexicons read as a single
# signal before: several instructions in a row, a symptom asked as a hook, the natural course of a condition,
# when symptoms start, dose schedules, habits that change a risk, "experts say".

@pytest.mark.parametrize("text", [
    "Heartburn after dinner? Eat smaller meals, stay upright for 3 hours after eating, and raise the head of "
    "your bed.",
    "Hiking this weekend? Check for ticks after every walk, especially behind the knees. Remove them with "
    "fine tweezers.",
    "Dizzy when you stand up? Rise slowly, sit on the edge of the bed first, and drink enough fluids.",
    "Spring allergies hitting hard? Saline rinses and keeping windows shut on high-pollen days can make a real "
    "difference.",
    "Ear infections in toddlers often clear on their own in 2 to 3 days. Pain relievers help with the "
    "discomfort while you wait.",
    "Gout flares often start at night in the big toe. Cutting back on beer and red meat lowers the chance of "
    "another one.",
    "Shingles vaccine: two doses, 2 to 6 months apart, even if you've had shingles before.",
    "Expecting and curious whether caffeine is OK? Most experts say one cup of coffee a day is fine for pregnancy.",
    "Postpartum depression can start weeks after delivery. Crying spells or trouble bonding are signs to tell "
    "your OB.",
    "Head lice aren't a sign of a dirty home. Comb wet hair with a fine-toothed comb every few days.",
])
def test_advice_as_statements_and_instruction_runs(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Flu shot clinic Saturday: use the Oak Street entrance, bring your insurance card, and join us for cocoa "
    "after.",
    "Join our 5K for heart health! Register by Friday, pick up your bib Saturday, and meet us at the lake.",
    "Hospital-acquired infections on our surgical floor fell by a third this year thanks to our nurses. "
    "Keep it up, team!",
    "Our new sleep lab opens Monday. Patients can often start their study the same week as the referral.",
])
def test_logistics_and_news_are_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)


# ---------------------------------------------------------------------------------------------- sixth round
# Shift posts about patients and colleagues in the voices staff actually use: an eye-roll emoji, a mocking open
# letter, "shouldn't be allowed to reproduce", the "couldn't find a vein if it glowed" idiom, a colleague as a
# "total nightmare", department sarcasm, a reel filmed in a care area, and a clinical verdict read from
# someone's own numbers in a reply.

@pytest.mark.parametrize("text, code", [
    ("When the patient in 14 asks again why he can't have a cheeseburger after his bypass 🙃", "PRO003"),
    ("Patient asked if I was old enough to be a doctor. Sir, you're drunk at 2 p.m. 💀", "PRO003"),
    ("To the guy who came in with a 'sprained ankle' that was clearly a weekend bender: we see you", "PRO003"),
    ("Some people shouldn't be allowed to have kids. Third NICU admit from the same mom.", "PRO002"),
    ("Our new grad couldn't find a vein if it was glowing. Bless her heart.", "PRO007"),
    ("Charge nurse tonight is a total nightmare. Counting the days until I transfer.", "PRO007"),
    ("Love when pharmacy takes 3 hours to verify a Tylenol order 🙄", "PRO007"),
    ("Filmed a quick reel in the trauma bay between patients 🎬 follow for more", "PRO010"),
    ("Hey Tom, your A1C of 9.2 means you definitely need insulin now.", "PRO011"),
])
def test_shift_posts_about_patients_and_colleagues(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "To the patient who sent our nurses flowers: thank you! We all cried 😂❤️",
    "To the family who donated 50 books to our pediatric playroom: you made our week! 👀📚",
    "Night shift was a total nightmare with three ambulances at once, but our team pulled together.",
    "Love when the day shift brings donuts! 🙃🍩",
    "The patient in room 4 taught our whole unit to knit this week 🧶❤️",
    "Our pharmacy takes 2 hours to prepare chemo safely, and here's why: every dose is checked twice.",
    "Hi everyone! You definitely need to try the cafeteria's new soup bar.",
])
def test_warm_and_neutral_shift_posts_pass(text: str) -> None:
    assert not {c for c in codes(text) if c.startswith("PRO")}


# ---------------------------------------------------------------------------------------------- seventh round
# Brand perks as staff and clinicians post them: gifted gear, "hooked us up with", "use my link", a referral
# path, a partnership with a discount, a trip with a drug maker, "link in bio for a free trial".

@pytest.mark.parametrize("text", [
    "Obsessed with the new @ComfyStep clogs they sent our whole unit! Best shoes for 12-hour shifts 👟",
    "Been using the Zenly meditation app for a month and my patients love it too. Link in my bio for a free "
    "trial!",
    "Amazing weekend in Napa with the team at Corvia Pharma, learning about their new statin!",
    "Our favorite sunscreen is SunGuard Mineral; we've partnered with them to offer patients 15% off this month!",
    "The team at Vitaflex hooked us up with free foam rollers for our PT gym. Check them out!",
    "Shoutout to @GlowRx for the skincare goodies in our staff lounge! Their retinol serum is a game changer.",
    "My go-to protein bar on night shift is FuelUp. Use my link for a free sample pack: fuelup.example/r/nursejen",
])
def test_brand_perks_need_disclosure(text: str) -> None:
    assert "END001" in codes(text)


@pytest.mark.parametrize("text", [
    "Thank you @RiversideSchool third graders for the cards you sent our unit this week!",
    "We've partnered with the Riverton YMCA to offer free swim lessons for kids with asthma.",
    "Welcome Dr. Lee to our pediatrics team! She's amazing with kids. #TeamRiverside",
    "Retreat weekend for our nurse residents at the lake, hosted by our nursing leadership.",
])
def test_community_partners_and_staff_welcomes_pass(text: str) -> None:
    assert not codes(text) & {"END001", "END006"}


# ---------------------------------------------------------------------------------------------- eighth round
# Wellness-clinic claims: immunity boosts and toxin flushes from a product, rapid weight loss with no diet,
# "completely painless", "heals twice as fast", success shares as typical results, "every patient", growth of
# tissue, "goodbye ... forever", "America's top-rated".

@pytest.mark.parametrize("text", [
    "Our vitamin drip boosts your immune system before flu season!",
    "This detox tea flushes out toxins overnight.",
    "Our weight-loss shots melt 25 pounds in 30 days. No diet, no exercise!",
    "Our laser hair removal is completely painless.",
    "Shockwave therapy heals tendon injuries twice as fast as rest alone.",
    "Nine out of 10 of our patients go home pain-free after one visit at our spine clinic!",
    "Stem cell injections regrow your knee cartilage.",
    "Say goodbye to heartburn forever with our reflux program.",
    "America's top-rated fertility clinic is right here in Millbrook.",
])
def test_wellness_clinic_claims(text: str) -> None:
    assert codes(text) & {"CLM001", "CLM002", "CLM003"}


@pytest.mark.parametrize("text", [
    "Flu shots help your immune system get ready for the season; ask us about yours.",
    "Sleep and exercise can help support your immune system, along with a balanced diet.",
    "Our nurses say the new IV pumps are quieter at night.",
    "Nine out of 10 of our nurses say they'd recommend working here, per our 2025 staff survey.",
    "Laser hair removal feels like a rubber band snap; numbing cream can help.",
])
def test_qualified_or_non_claim_wordings_pass(text: str) -> None:
    assert not codes(text) & {"CLM001", "CLM002", "CLM003"}


@pytest.mark.parametrize("disclaimer", [
    "Our tips can't replace a visit with your own clinician.",
    "Everyone's situation is different, so talk it over with your care team.",
    "If you're unsure, give your doctor's office a call.",
    "Ask your PT or doctor what's right for you.",
])
def test_casual_disclaimer_wordings(disclaimer: str) -> None:
    assert "DIS001" not in codes(f"{ADVICE} {disclaimer}")


@pytest.mark.parametrize("not_a_disclaimer", [
    "Nothing can replace a summer afternoon at the lake!",
    "Give our gift shop a call for balloon delivery.",
])
def test_casual_near_misses_are_not_disclaimers(not_a_disclaimer: str) -> None:
    assert "DIS001" in codes(f"{ADVICE} {not_a_disclaimer}")


@pytest.mark.parametrize("text", [
    "Consejos para el calor: tome agua cada 20 minutos, use ropa ligera y evite el sol del mediodía. Si siente "
    "mareos, busque sombra.",
    "Mùa cúm đang đến. Hãy tiêm phòng cúm, rửa tay thường xuyên và ở nhà nếu bị sốt.",
    "Replying to @mia_k: kids can usually go back to school 24 hours after the fever breaks without medicine.",
])
def test_more_languages_and_return_to_school_advice(text: str) -> None:
    assert "DIS001" in codes(text)


@pytest.mark.parametrize("text", [
    "Nuestro hospital celebra 50 años sirviendo a la comunidad. ¡Gracias a todos nuestros empleados!",
    "Bệnh viện chúng tôi chào đón bác sĩ Trần, chuyên khoa tim mạch, gia nhập đội ngũ từ tháng này.",
    "Lopital nou an ap selebre 30 ane sèvis nan kominote a samdi. Tout moun envite!",
    "Para su primera cita traiga:\n- una identificación\n- su tarjeta de seguro, si tiene\n- todos sus "
    "medicamentos en sus frascos",
])
def test_news_in_other_languages_is_not_advice(text: str) -> None:
    assert "DIS001" not in codes(text)
