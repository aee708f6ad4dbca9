"""More classes of wording from blind-written drafts (heldout8 analysis), tested with invented drafts.

Each test names a family of wording and checks both sides: the class is reported where it starts, and near-miss
wordings a hospital comms team writes every day are not. No text here comes from a labeled set.
"""
from __future__ import annotations

import pytest

from test_generalize_advice_ethics import codes, findings     # one engine for the advice and ethics packs


def span_of(text: str, code: str) -> tuple[int, int, str]:
    """(line, column, matched text) of the first finding with ``code``; fails when there is none."""
    hits = sorted((f for f in findings(text) if f.code == code), key=lambda f: f.start)
    assert hits, f"{code} not reported for {text!r}"
    first = hits[0]
    assert text[first.start:first.end] == first.match
    return first.line, first.column, first.match


def expect(text: str, code: str, starts_with: str) -> None:
    """``code`` is reported at the line and column of the first ``starts_with`` (both count from 1)."""
    got_line, got_column, match = span_of(text, code)
    line = text[:text.index(starts_with)].count("\n") + 1
    line_start = sum(len(row) + 1 for row in text.split("\n")[:line - 1])
    assert (got_line, got_column) == (line, text.index(starts_with) - line_start + 1)
    assert match.startswith(starts_with)


# ---------------------------------------------------------------------------------------------- disclaimers
# Referrals to clinicians outside the doctor/-ist/-ian lists (chiropractor, therapist, podiatrist), alone or paired
# ("ask your dermatologist or pharmacist whether ..."), a clinician's orders said to take priority, "not an
# individualized care plan", "go over these steps with your own nurse", "general tips only", "discuss it with your
# GP", "not intended to diagnose", "contact your provider with questions", "ask a pharmacist before", "we're not
# able to give individual advice", "don't use this to self-diagnose". Near misses name a clinician or say
# "general" without referring the reader to anyone.

ADVICE = ("Shin splints after a new running plan? Ice the sore spot for 15 minutes, rest it for a few days, and "
          "swap one run a week for a bike ride.")


@pytest.mark.parametrize(("suffix", "accepted"), [
    ("Check with your podiatrist if it still hurts next week.", True),
    ("Talk to your physical therapist before you add mileage.", True),
    ("Ask your sports-medicine physician or pharmacist whether an anti-inflammatory suits you.", True),
    ("Your own clinician's instructions for you always take priority.", True),
    ("These are general tips only.", True),
    ("This is not an individualized care plan.", True),
    ("Please go over these steps with your own nurse practitioner.", True),
    ("Discuss any new brace or insert with your GP.", True),
    ("Not intended to diagnose or treat any injury.", True),
    ("Please see your doctor for personal medical advice.", True),
    ("Contact your healthcare provider with questions about your own recovery.", True),
    ("Ask a pharmacist before combining pain relievers.", True),
    ("Reach out to your care team with any concerns.", True),
    ("Check in with your primary care provider before running again.", True),
    ("We're not able to give individual advice in the comments.", True),
    ("Please don't use this post to self-diagnose.", True),
    ("Here are some general tips for race day.", False),
    ("Ask your chiropractor for our spring class schedule.", False),
    ("Our therapist team welcomes two new hires this month.", False),
    ("The coach's schedule comes first on Saturdays.", False),
    ("Discuss the race schedule with your coach.", False),
    ("Reach out to your care team with the good news!", False),
    ("Call your doctor's office for appointment times.", False),
])
def test_referrals_to_more_clinicians_are_disclaimers(suffix: str, accepted: bool) -> None:
    assert "DIS001" in codes(ADVICE)
    assert ("DIS001" in codes(f"{ADVICE} {suffix}")) != accepted


# ---------------------------------------------------------------------------------------------- advice signals
# A change to what the reader eats or takes ("you need to cut back on", "should watch their sodium"), a
# suggestion put as "try <verb>ing", habits that help healing, timing before bed or meals, "updated guidelines
# recommend", "tell the pharmacists about", a group defined by a condition and told what to do, what a group can
# expect to regain, Spanish "acuda a urgencias", medicine-safety rules ("exactly as prescribed", "never share"), an
# effect on a health measure ("raises blood pressure"), a situation or complaint asked as the opening hook ("New to
# insulin?", "Nosebleed?"), heat and smoke warnings as a topic, telling conditions apart ("is it a cold or
# allergies?", "usually brings"), "common signs", "is recommended for adults 50+", "pharmacists say", storing
# medicines. Logistics use the same words without health advice, and
# "blood pressure checks" at an event name one topic, not a condition and a body part.

ADVICE_SIGNALS = [
    ("DIS001", "Gout flaring again? You need to cut back on beer and red meat, and sip water through the day.",
     "flaring again?"),
    ("DIS001", "Reflux at night? Try elevating the head of the bed and finish eating two hours before bedtime.", "? Try"),
    ("DIS001", "Sore throat season: adults with strep should finish every antibiotic dose even once they feel fine.",
     "adults with strep"),
    ("DIS001", "Updated guidelines recommend the shingles vaccine at 50; tell the pharmacists about any past reaction.",
     "Updated guidelines recommend"),
    ("DIS001", "After a burn, gentle stretching and moisturizing help healing, and burn patients often regain full "
     "motion.", "stretching"),
    ("DIS001", "Señales de golpe de calor: piel caliente, mareos y confusión. Si no mejora, acuda a urgencias.",
     "Señales de"),
    ("DIS001", "Antibiotics 101: Take every dose exactly as prescribed, even once you feel better, and never share your "
     "pills.", ": Take"),
    ("DIS001", "Late-night screens and stress both raise blood pressure, so aim for 7 hours of sleep.",
     "raise blood pressure"),
    ("DIS001", "New to insulin? Rotate your injection sites and keep a log of your readings.", "New to insulin?"),
    ("DIS001", "Nosebleed? Lean forward and pinch the soft part of your nose for 10 minutes.", "Nosebleed?"),
    ("DIS001", "Heat warning! Check on older neighbors, drink water often, and stay in air conditioning.", "! Check"),
    ("DIS001", "Is it a cold or allergies? Colds usually bring a sore throat and body aches; allergies bring itchy eyes.",
     "Is it a cold or allergies?"),
    ("DIS001", "Shingles vaccine is recommended for adults 50+. Two doses, 2 to 6 months apart.", "is recommended for"),
    ("DIS001", "Ear infections often follow a cold. Pulling at ears and fussiness are common signs in babies.",
     "are common"),
    ("DIS001", "Our pharmacists say: store medicines in a cool, dry place, not the bathroom.", "Our pharmacists say"),
]
LOGISTICS = [
    ("DIS001", "Patients with appointments should arrive 15 minutes early; parking is free in Lot B."),
    ("DIS001", "People with diabetes can get a free foot exam at our health fair on Friday. Check in at booth 4."),
    ("DIS001", "Your gift helps recovery programs for veterans across the county. Thank you!"),
    ("DIS001", "Try visiting our new rooftop garden, open every day from 7 a.m."),
    ("DIS001", "Our lobby cafe closes an hour before dinner service on Fridays."),
    ("DIS001", "Is it Friday yet? Our cafeteria has tacos today!"),
    ("DIS001", "Early signs of spring at our healing garden: tulips are up!"),
    ("DIS001", "Don't ignore our parking signs: Lot C closes Friday for repaving."),
    ("DIS001", "Volunteers are recommended for the 5K water stations; sign up by Thursday."),
    ("DIS001", "Our nurses say the new break room is the best upgrade yet."),
    ("DIS001", "Starting a new job? We're hiring nurses on all shifts. Apply today!"),
    ("DIS001", "New to our clinic? Check in at the front desk and bring your insurance card."),
    ("DIS001", "Heat wave this week: our cooling center in the lobby is open 9 to 7. Stay cool!"),
    ("DIS001", "Fever pitch at the charity game tonight? Cheer on our docs vs. the firefighters at 7!"),
    ("DIS001", "Run for Hearts 5K on Saturday at Lake Park! Free blood pressure checks and a healthy snack table for "
     "runners."),
]

# ---------------------------------------------------------------------------------------------- individual advice
# A dose doubled or a food cut out, or a guess at what one person has ("sounds like a sinus infection"), told to
# one person in public (an invitation or a pleasantry to one person is not advice).

INDIVIDUAL = [
    ("PRO001", "@marco_runs you should cut out salt this week and double up on the water pills before the race.",
     "you should cut out"),
    ("DIS001", "@marco_runs you should cut out salt this week and double up on the water pills before the race.",
     "you should cut out"),
]
INDIVIDUAL += [
    ("PRO001", "@kayla_b that sounds like a sinus infection, you need antibiotics. Ask for a Z-pack.",
     "that sounds like a sinus infection"),
]
INVITATIONS = [
    ("PRO001", "@marco_runs you should cut the ribbon at our new clinic on Friday!"),
    ("PRO001", "@marco_runs that sounds like a fun weekend! See you at the 5K."),
]

# ---------------------------------------------------------------------------------------------- endorsements
# A brand handle followed by its display name and thanked for demo units, "my invite link" or referral code
# without the code, a brand's products that arrived at the office, equipment "thanks to @brand" praised as
# market-leading, a customer-style rave in a draft written for a staff member's personal account, a praised
# brand's gift box, "my discount on @brand", "shop my favorite @brand ... % off", a trip "all expenses covered".

STAFF_NOTE = "[Note: to run on Priya's personal page, as a scheduler on our team]\n"

CONNECTIONS = [
    ("END001", "Our GI team loves the new scopes! Thanks to @Orvane Medical for lending us three demo units this "
     "month.", "Thanks to @Orvane"),
    ("END001", "Loving my new standing desk setup. Ask me for my invite link and your first month is free!",
     "my invite link"),
    ("END001", "The @CrispStep clogs that arrived at our office today are unreal. Twelve-hour shifts, no sore feet!",
     "@CrispStep"),
    ("END001", "Our lab got a new analyzer thanks to @Vireon and it gives the fastest results on the market.",
     "thanks to @Vireon"),
    ("END001", "Huge thanks to Zentro Diagnostics for the two loaner analyzers! Best on the market.", "Huge thanks"),
    ("END001", "Our staff is loving the new scrubs from @FlexWear. They sent a box for every nurse on 4 West!",
     "loving"),
    ("END001", "Swipe up for my discount on @SleepWell pillows, the only ones I recommend.", "my discount on"),
    ("END001", "Tap the link in my bio to shop my favorite @GlowDerm serums (15% off for followers!).",
     "shop my favorite"),
    ("END001", "Our chief of surgery spoke at @Medix's summit in Cabo, all expenses covered. What a trip!", "@Medix"),
    ("END006", STAFF_NOTE + "Finally found my go-to derm! One session with @GlowPoint and my skin is glowing.",
     "Finally found my go-to derm"),
]
NO_HIDDEN_CONNECTION = [
    ("END001", "Thanks to @CountyFoundation, our mobile van now visits six towns every month."),
    ("END001", "Our new MRI arrived at the hospital today, and scans start Monday."),
    ("END001", "Thanks to the Rotary Club for the free flu shots at Saturday's fair!"),
    ("END001", "Thanks @CityLibrary! They sent a box of books for every child in our pediatric unit."),
    ("END001", "Our nurses attended the national conference, all expenses covered by our foundation grant."),
    ("END001", "#ad Thanks to @Orvane Medical for lending us three demo units this month."),
    ("END001", "Your insurer may ask for the referral code printed on your card."),
    ("END001", "Share our referral code with a friend and you both get a free flu-season kit."),
    ("END001", "The @CountyRedCross cots arrived at our clinic this morning for the storm shelter."),
    ("END006", STAFF_NOTE + "Finally found my go-to derm! I work at @GlowPoint, and I'm proud of our team."),
    ("END006", "Finally found my go-to derm! One session with @GlowPoint and my skin is glowing."),
]

# ---------------------------------------------------------------------------------------------- review replies
# Arguing with a reviewer: "the chart speaks for itself", "we stand behind our surgeon's judgment", "if you had
# not skipped", "despite repeated reminders", "when clients actually follow the plan", an apology that names
# the reviewer before the "but", "your account of events is inaccurate", "don't blame us", "you knew the policy".
# Courteous replies and staff praise are not arguments.

ARGUMENTS = [
    ("PRO009", "Mr. Osei, we hear you, but we stand behind our surgeon's judgment and wish you well.",
     "we stand behind"),
    ("PRO009", "Leah, if you had not skipped the follow-up, the stitches would have come out on time.",
     "if you had not skipped"),
    ("PRO009", "Hi Ravi, you were asked to fast, and despite repeated reminders you ate lunch.",
     "despite repeated reminders"),
    ("PRO009", "Dana P., the chart speaks for itself here.", "the chart speaks for itself"),
    ("PRO009", "I'm sorry it went that way, Teodora, but our therapy works when clients actually follow the plan.",
     "when clients actually follow"),
    ("PRO009", "Jen, as your records show, you no-showed three times. Please don't blame us.", "Please don't blame us"),
    ("PRO009", "Kim, you knew the policy when you signed the forms. We won't be refunding anything.",
     "you knew the policy"),
    ("PRO009", "Hi Lou, your account of events is inaccurate and misleading.", "your account of events"),
]
COURTEOUS = [
    ("PRO009", "Hi Dana, thank you for the feedback. We're sorry the wait was long; please call our patient line."),
    ("PRO009", "I'm sorry it went that way, Teodora. Please call our office manager at 555-0100 so we can talk."),
    ("PRO009", "We stand behind our nurses every day. Happy Nurses Week!"),
    ("PRO009", "We're sorry for the confusion, Lou. Please don't hesitate to call us."),
    ("PRO009", "Hi Maria, thank you for the kind words! We stand behind our nurses, and we'll pass this along."),
]

# ---------------------------------------------------------------------------------------------- patients and colleagues
# A patient's words "overheard" or made "quote of the night" and laughed at; a patient named by age, as "a grown
# man" or as "the same lady" with an eye-roll; patients lumped in with
# something called pointless; a colleague's training questioned, a sarcastic shout-out to a person or department; management said to care
# more about money than patients; followers asked to send a medication list or visit summary or to post a rash
# photo below; patients invited to a personal Insta or to text a clinician's cell after discharge.

MOCKING = [
    ("PRO003", "Overheard at triage tonight: 'can I get a sandwich with my x-ray?' 😂", "Overheard"),
    ("PRO003", "Explaining to a 16-year-old for the third time why antibiotics won't fix a cold 🙄", "a 16-year-old"),
    ("PRO002", "Parent night was pointless, and so are half of these parents.", "pointless"),
    ("PRO007", "Three wrong doses on one chart. Who hired this intern?", "Who hired"),
    ("PRO007", "Shout-out to the night resident who wrote the wrong dose again 🙃", "Shout-out to the night resident"),
    ("PRO007", "Management cares more about parking fees than patients. Again.", "Management"),
    ("PRO004", "Worried about your baby's meds? Text me your medication list tonight and I'll look it over.",
     "Text me your medication list"),
    ("PRO004", "Post your kid's rash photo below and I'll tell you if it's serious!", "Post your kid's rash photo"),
    ("PRO005", "Former patients, hit me up on my personal Insta! Would love to stay in touch.", "my personal Insta"),
    ("PRO005", "Feel free to text my cell anytime after discharge, 555-0199.", "text my cell"),
    ("PRO003", "Quote of the night from room 12: 'is the jello gluten free?' 🤣", "Quote of the night"),
    ("PRO003", "Explained to a grown man for 20 min that his 'flu' was a hangover 🙄", "a grown man"),
    ("PRO003", "Same lady from last week, back asking for 'the good stuff' 🙄", "Same lady"),
    ("PRO007", "Shoutout to the pharmacy for taking 3 hours on a simple order. Stellar work. 🙃", "Shoutout"),
    ("PRO007", "Nurses, who taught you to chart like this? Unreal. 🙄", "who taught you"),
]
FRIENDLY = [
    ("PRO003", "Overheard at our career fair: nursing students are excited about residency!"),
    ("PRO003", "Congrats to our 16-year-old volunteer Maya on 100 hours of service! 🎉"),
    ("PRO002", "We're thrilled with the new wing, and so are our patients!"),
    ("PRO007", "Shout-out to the night nurses who stayed late to help! 💙"),
    ("PRO007", "Our new grads aced skills day. Guess who trained them? Our clinical educators!"),
    ("PRO007", "Our hospital cares more about patients than profits, and it shows."),
    ("PRO004", "Text me your questions about the NICU tour and I'll answer them Friday."),
    ("PRO004", "Post your pet pics here for National Pet Day!"),
    ("PRO005", "Interested in travel nursing? Text my cell and I'll share my recruiter's info."),
    ("PRO003", "Quote of the day from our volunteer: 'Kindness is free.' 💙"),
    ("PRO003", "Same family back for their annual photo with the NICU team! 😍"),
    ("PRO007", "Thanks to the lab for the lightning-fast turnaround today! 🙌"),
]

# ---------------------------------------------------------------------------------------------- typical results
# One patient's result promised to the reader: "yours can vanish like hers too", "you'll be hiking again too",
# "results you can see, every time"; absolute claims "works on 100% of patients", a hangover cure guaranteed.

PROMISES = [
    ("CLM003", "Nadia's eczema cleared in a month with our cream. Yours can vanish like hers too!", "Yours can vanish"),
    ("CLM003", "Omar was back on the trail six weeks after his ACL repair. You'll be hiking again by spring too!",
     "You'll be hiking again"),
    ("CLM003", "Her migraines vanished after one visit, and yours will too!", "yours will too"),
    ("CLM003", "Results you can see after one facial, every time.", "Results you can see"),
    ("CLM001", "Our laser treatment works on 100% of patients.", "works on 100% of"),
    ("CLM001", "Come try our new IV hydration bar! Guaranteed to cure your hangover in 30 minutes.", "Guaranteed"),
]
NO_PROMISE = [
    ("CLM003", "Our chili cook-off results are in, and the ED wins every time!"),
    ("CLM001", "Fun guaranteed for the whole family at our fall festival!"),
    ("CLM003", "School-based clinic closes for the snow day; you'll be back in class by Monday too, once roads clear."),
    ("CLM003", "Omar was back on the trail six weeks after his ACL repair. Recovery times vary; ask your surgeon."),
]


@pytest.mark.parametrize(("code", "text", "anchor"),
                         ADVICE_SIGNALS + INDIVIDUAL + CONNECTIONS + ARGUMENTS + MOCKING + PROMISES)
def test_class_is_reported_where_it_starts(code: str, text: str, anchor: str) -> None:
    expect(text, code, anchor)


@pytest.mark.parametrize(("code", "text"),
                         LOGISTICS + INVITATIONS + NO_HIDDEN_CONNECTION + COURTEOUS + FRIENDLY + NO_PROMISE)
def test_near_miss_is_not_reported(code: str, text: str) -> None:
    assert code not in codes(text)


# ---------------------------------------------------------------------------------------------- language
# One person named by a condition ("every epileptic", "as a diabetic, you ..."), not the adjective before a noun
# ("a diabetic foot exam", "an asthmatic reaction") and not someone describing themselves ("I'm a diabetic").

@pytest.mark.parametrize(("text", "anchor"), [
    ("We support every epileptic in our county with free seizure first-aid classes.", "every epileptic"),
    ("As a diabetic, you may want to check your feet every night.", "a diabetic"),
])
def test_one_person_labelled_by_a_condition(text: str, anchor: str) -> None:
    expect(text, "LNG008", anchor)


@pytest.mark.parametrize("text", [
    "Come to our free diabetic foot exam day on Friday.",
    "An asthmatic reaction can start within minutes of exposure.",
    "Each diabetic-friendly recipe is under 30 grams of carbs.",
    "I'm a diabetic and a nurse, and I love teaching this class.",
])
def test_condition_adjectives_and_self_description_are_fine(text: str) -> None:
    assert "LNG008" not in codes(text)
