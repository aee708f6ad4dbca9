"""Classes of PHI reading found by error analysis on a fresh held-out set (benchmarks/heldout3), each with
both sides. Every draft here is invented for the tests; none is copied from an eval set."""
from __future__ import annotations

from conftest import check_text, positions


CLASS_FLAGGED = [
    # surname-first names in a list about patients' care
    ("Going home today from 4 East:\n- Lindqvist, Petra — new knee\n- Abara, Tobi — pneumonia beaten",
     "PHI001", "Lindqvist, Petra"),
    # lowercase title + surname
    ("can't stop smiling: mr. haldane on 6 south finally ate a full breakfast after his stroke #nurselife",
     "PHI001", "mr. haldane"),
    # quoted nickname with an adjective, and graduating from a treatment program
    ('Huge shoutout to "Little Theo" who graduated from our outpatient rehab program this week!', "PHI001",
     "Little Theo"),
    # appositive "NAME, one of our ... patients" after a dash is not a signature
    ('"Walking again feels unreal." — Imelda, one of our spine surgery patients', "PHI001", "Imelda"),
    # "our friend NAME" as a cue
    ("Cheering for our friend Oswaldo as he starts dialysis with our kidney team on Monday!", "PHI001", "Oswaldo"),
    # being on a list / in a unit for care, "lives with", "tested positive"
    ("Marguerite Toland spent five months on the lung transplant list before her call came.", "PHI001",
     "Marguerite Toland"),
    ("So proud of the Varga brothers, who both tested positive for Lynch syndrome through our clinic.", "PHI001",
     "the Varga brothers"),
    # a unique role of a town or school singles a person out
    ("Prayers for the school's head coach, admitted to our ICU last night after a collapse.", "PHI008",
     "the school's head coach"),
    # a bed number in a post mocking a repeat visitor
    ("Guess who's in Bay 4 again with the same mystery stomach ache 🙄 #ERlife", "PHI008", "Bay 4"),
    # hashtags naming a baby
    ("Our tiniest fighter went home today! #TeamBabyOrla", "PHI001", "#TeamBabyOrla"),
    # review replies: "your <procedure>" and a vocative greeting
    ("Thanks for the five stars, @m.quinlan! Glad your tonsillectomy recovery went so smoothly.", "PHI010",
     "your tonsillectomy recovery"),
    ("Sorry about the wait, Harold. Your daughter's wrist fracture needed an X-ray first.", "PHI001", "Harold"),
    # devices and genetics as health information; possessive care with a plural
    ("Priya Raman got her new prosthetic arm fitted by our team and waved at everyone on the way out.", "PHI001",
     "Priya Raman"),
    ("Swipe to see Marisol's X-rays from week one to week ten.", "PHI001", "Marisol"),
    # dates a review reply confirms, a day of the month alone, a holiday, and a date next to a bed number
    ("Hi Ruth, we're glad your filling on 3/9 went well!", "PHI002", "3/9"),
    ("Rosa Delgado was discharged from our rehab unit on the 21st and is walking again.", "PHI002", "the 21st"),
    ("The man in Bed 7 who has been with us since Thanksgiving finally went home.", "PHI002", "Thanksgiving"),
    ("The lady in Bay 2 got her new hip last night and is already walking.", "PHI002", "last night"),
    # an emoji "sentence" does not cut a name off from the care that follows
    ("so proud of tavi today!! 🎈 After 12 weeks of radiation he rang our bell this morning.", "PHI001", "tavi"),
    # a lowercase title is not the end of a sentence
    ("ms. okonjo from our monday infusion chair knitted hats for the whole unit again", "PHI001", "ms. okonjo"),
    # a local number after "cell at", a name next to a record number, surname-first in parentheses
    ("Left in our MRI waiting room: a pair of glasses. We'll try your son's cell at 555-0148.", "PHI005",
     "555-0148"),
    ("Reminder to check wristbands: MRN 00917734 (Ms. Ottilie Brandvold) printed with the wrong unit.", "PHI001",
     "Ms. Ottilie Brandvold"),
    ("Prior auth for member ID ZRT55104922 (Szabo, Imre) was approved for his insulin pump.", "PHI001",
     "Szabo, Imre"),
    ("Happy birthday to our NICU graduate, Wrenley! Born at 24 weeks, she spent 98 days with us.", "PHI001",
     "Wrenley"),
    # a condition named only inside a compound hashtag is still health information (and a sensitive category)
    ("So proud of our friend Tobias from the Thursday circle, 3 years strong! #HIVawareness", "PHI009", "Tobias"),
    # (heldout4 classes) medications, eating disorders, eyes, teeth and "-itis/-osis" conditions are health
    # information: a room with an opioid, a lowercase name in an eating-disorder program
    ("the one in 14A wants her oxycodone early again, third night running 🙄", "PHI008", "14A"),
    ("so proud of tamsin in our eating disorder program this week, first full meal plan done!", "PHI001", "tamsin"),
    # (heldout4 classes) a patient descriptor right before a name the model calls an organisation
    ("This week our PICU graduate Tevita finally heads home with his mom! 💙", "PHI001", "Tevita"),
    # a possessive name with health information a few words on
    ("Anaïs's new braces come off next month and she is counting the days!", "PHI001", "Anaïs"),
    # a family by surname with a numeral or "both"
    ("Both Abernathy brothers came to our sleep lab this fall and now sleep with CPAP.", "PHI001",
     "Both Abernathy brothers"),
    # a birth after fertility treatment is care
    ("After two years of fertility treatment, Priyanka and Dev Raman welcomed a baby boy on June 9!", "PHI001",
     "Dev Raman"),
    # a case presented at grand rounds is a patient's
    ("Grand rounds today: our residents presented the case of a 96-year-old man with heart failure.", "PHI003",
     "96-year-old"),
    # a birth announced by the hospital; a name after a member id and a dash, addressed with "your"; a review
    # reply that thanks "for" something before the name
    ("Welcome to the world, Keoni Akana! 🌺 Born at 4:02 a.m. in our birth center, 8 lb 1 oz of sweetness.",
     "PHI001", "Keoni Akana"),
    ("Member ID QZP55120 — Mr. Varga, your infusions are approved and start Thursday.", "PHI001", "Mr. Varga"),
    ("Thanks for waiting, Ms. Okonjo. We called about your MRI results twice this week.", "PHI001", "Ms. Okonjo"),
    # (heldout5 classes) a lowercase name after "little" doing something; a "#Team<Name>" hashtag inside a sentence
    # about a child's treatment; a room number right after a named patient; a named patient with an initial when
    # "our pharmacist" is someone else; a name the model calls ORG that does something to "her"
    ("little sofia came in at 29 weeks and today she went home from our NICU!", "PHI001", "sofia"),
    ("Our infusion center went purple today for #TeamAurelio 💜 Nine years old and two years into his leukemia "
     "treatment.", "PHI001", "#TeamAurelio"),
    ("Eight hours with Mrs. Albescu in 514, who unplugged her telemetry box twice before lunch 🙃 #nurselife",
     "PHI008", "514"),
    ("Big congrats to Dario V. from our Thursday HIV clinic on a full year undetectable! Dario says our pharmacist "
     "kept him on track.", "PHI001", "Dario V."),
    ("Ines heard her grandson laugh for the first time in years 🥹 Her new hearing aids were fit by our audiology "
     "team.", "PHI001", "Ines"),
    ("After 23 days in our trauma unit, Desmond went home this afternoon to a driveway full of balloons.", "PHI001",
     "Desmond"),
    # an occupation with a place, an age or "retired" when care is told about that person
    ("The retired lineman from Cedar Bluff who came through our ED Sunday with a shoulder fracture is already asking "
     "to go fishing.", "PHI008", "retired lineman from Cedar Bluff"),
    ("A guy rolled in at 3 a.m. with a fishhook laceration on his thumb. Beekeeper from Orchard Hill, late-50s, very calm.",
     "PHI008", "Beekeeper from Orchard Hill, late-50s"),
    # Spanish posts: titles (doña, Sra.), cues (felicidades a), treatments, "nuestro" and a reply's "su tratamiento"
    ("¡Felicidades a doña Rosario Quintanilla! 🎉 Hoy terminó sus 28 sesiones de radioterapia en nuestro centro de "
     "Weslaco. ¡Todo el equipo te aplaudió!", "PHI001", "doña Rosario Quintanilla"),
    ("¡Muchas gracias, Evaristo! Nos alegra que su tratamiento de conducto con la Dra. Salinas haya salido sin dolor.",
     "PHI001", "Evaristo"),
    # a support-staff member receiving care is still a patient
    ("Our unit clerk Rosa Delgado was admitted to our ICU after a stroke on Sunday; send her your prayers.",
     "PHI001", "Rosa Delgado"),
    # "Coach X" is a school's or a team's coach, not a member of staff
    ("Coach Ray Delgado from Westbrook High was admitted to our cardiac unit Friday after collapsing at practice.",
     "PHI001", "Coach Ray Delgado"),
    # a review reply greeting with a title, confirming a plan's payment
    ("Mr. Pellegrino, to be clear: your Crescent Shield plan paid 60% of the bridge, and we explained the balance "
     "before treatment began.", "PHI001", "Mr. Pellegrino"),
    ("Ms. Aziz, we hear your frustration. Your Harborview HMO covered the cleaning but not the night guard.",
     "PHI010", "Your Harborview HMO"),
    # a short form of the first name is the same patient; the full name, the named room and the date follow
    ("Our hospice team is remembering Theodora Vance, who passed in the Magnolia Suite on June 2 surrounded by family. "
     "Thank you for trusting us with your care, Theo.", "PHI001", "Theodora Vance"),
    ("Our hospice team is remembering Theodora Vance, who passed in the Magnolia Suite on June 2 surrounded by family. "
     "Thank you for trusting us with your care, Theo.", "PHI008", "Magnolia Suite"),
    ("Our hospice team is remembering Theodora Vance, who passed in the Magnolia Suite on June 2 surrounded by family. "
     "Thank you for trusting us with your care, Theo.", "PHI002", "June 2"),
    # a room in the same record line as a patient named next to their record number
    ("[screenshot: Martinez, Gloria | MRN 7781234 | Dx: sepsis | Rm 402]", "PHI008", "Rm 402"),
    # a single name with an age in commas
    ("Thinking of Maisie today. Maisie, 6, has been with our oncology team since her diagnosis in April.", "PHI001",
     "Maisie"),
    ("Cheering on Tobiah, 9, who rang the bell after his last round of chemo!", "PHI001", "Tobiah"),
    # a team hashtag opening a post about one person's treatment
    ("#TeamMarcus 💪 Day 12 in our inpatient rehab program and this guy just walked to the nurses' station.", "PHI001",
     "#TeamMarcus"),
    # a place's only member of an occupation; an age with a school
    ("Riverton County's only female firefighter is recovering in our burn unit after Saturday's warehouse blaze.",
     "PHI008", "Riverton County's only female firefighter"),
    ("Long night. 15yo from Eastfield High, dirt bike crash on Old Mill Road. We worked on his fractures for two hours.",
     "PHI008", "15yo from Eastfield High"),
    # a recovery wished to a handle; "one of our ... mamas," before a handle
    ("Sprained wrist? Ice, rest, and a splint help. (Feel better, @sam_skates_atl, and thanks for trusting us with that "
     "cast yesterday!)", "PHI001", "@sam_skates_atl"),
    ('Reposting from one of our birth center mamas, @the.lindqvist.den: "Twelve hours of labor and this team never left '
     'my side!"', "PHI001", "@the.lindqvist.den"),
    # replies: "our counselors worked on your ...", a relative's last days, no name but a date of the confirmed care
    ("Riley, we hear you. Our counselors worked hard on your anxiety plan and we hope you come back to group.", "PHI001",
     "Riley"),
    ("Congratulations on your new arrival! We're so glad your c-section on the 9th went smoothly.", "PHI002", "the 9th"),
    ("Dear Mrs. Okoro-Bell, thank you for your words about your father's last days with us. It was a privilege to care "
     "for Emeka in our hospice.", "PHI001", "Emeka"),
    # lowercase names after "little miss"
    ("so proud of little miss ava brooks, who was brave for her allergy shots today! 💜", "PHI001", "ava brooks"),
    # Spanish replies and births: Sra./Sr. greetings, "Estimado ...:", dates "12 de mayo", "la familia X"
    ("Sra. Quintero, lamentamos la demora. Su receta de insulina estaba pendiente de autorización de su seguro.",
     "PHI001", "Sra. Quintero"),
    ("Estimado Sr. Arellano: nos alegra que su prótesis de cadera, colocada el 12 de mayo, funcione tan bien.", "PHI002",
     "12 de mayo"),
    ("¡Bienvenido, Mateo! Felicidades a la familia Ruiz-Olmos por el nacimiento de su bebé el 3 de junio en nuestra sala "
     "de partos.", "PHI001", "la familia Ruiz-Olmos"),
    # a pharmacy's customer picking up his medicine, even under an award
    ("Our Customer of the Year award goes to Mr. Halvorsen, who has picked up his insulin from us every month since 2009!",
     "PHI001", "Mr. Halvorsen"),
    # a bed in a named unit with a person in the sentence, in a first-person vent
    ("Dear dad in NICU bed 4 who yelled at my new grad tonight: we are all doing our best. #nicunurse", "PHI008",
     "NICU bed 4"),
    # a licence number in parentheses; the room and the day in its sentence are that person's
    ("Lost & found: a driver's license (#D12-884-3310) was left in Exam Room 5 at our Eastside clinic Monday morning. "
     "Call us to pick it up.", "PHI005", "D12-884-3310"),
    ("Lost & found: a driver's license (#D12-884-3310) was left in Exam Room 5 at our Eastside clinic Monday morning. "
     "Call us to pick it up.", "PHI008", "Room 5"),
    # "the <school> principal" is one person; "our Mr. X" is one of ours
    ("Our favorite Monday regular, the Northgate Middle principal, says the shoulder exercises fixed his rotator cuff pain.",
     "PHI008", "the Northgate Middle principal"),
    ("Knowing what to expect at the end of life helps families. Our Mr. Anton Petrov in the Birch Room is in his final "
     "days, and his sons say it helped.", "PHI001", "Mr. Anton Petrov"),
    # the person the organisation cared for, in a reply; the named suite of that sentence
    ("Dear Mr. Lindahl, thank you for your note about your wife's final days with us. It was a privilege to care for "
     "Ingrid in the Juniper Suite.", "PHI001", "Ingrid"),
    ("Dear Mr. Lindahl, thank you for your note about your wife's final days with us. It was a privilege to care for "
     "Ingrid in the Juniper Suite.", "PHI008", "Juniper Suite"),
    # a named room in a sentence already pointing at one resident (an age over 89)
    ("Our oldest resident turned 101 this week in the Lilac Room, surrounded by her grandchildren. Hospice is about "
     "living, too.", "PHI008", "Lilac Room"),
    # "the only number we have for him": a patient's own phone, despite "our social work team" nearby
    ("Please share: our social work team is trying to reach relatives of Anselm Ruiz, 81, admitted to our hospice on "
     "Friday. The only phone number we have for him, (608) 555-0133, is disconnected.", "PHI005", "(608) 555-0133"),
    ("our pt lil' @maxi.the.trex turned 4 in the oncology unit yesterday and the nurses threw a party 🎂", "PHI001",
     "@maxi.the.trex"),
    # a volunteer's late husband, named after a comma, who spent his last days in our care
    ("She started volunteering after her husband, Walther, spent his last days in our hospice.", "PHI001", "Walther"),
    # a recent lifespan over 89 years; a masked SSN's last four; a prescription number; a Spanish age over 89
    ("In loving memory of Edna Fairweather (1931–2025), a resident of our memory care unit for six years.", "PHI003",
     "1931–2025"),
    ("Statement for the billing office: account holder SSN xxx-xx-4471 was admitted on 3/2 for pneumonia.", "PHI005",
     "xxx-xx-4471"),
    ("Your refill for Rx #6032291 (lisinopril 10 mg) is ready, Mr. Abernathy!", "PHI005", "6032291"),
    ("Doña Inés cumplió 95 años hoy en nuestra unidad de cuidados paliativos.", "PHI003", "95 años"),
    # a surname that is also a health word is still a name (only a leading health word or a weekday is not)
    ("Janet Burns was admitted to our ICU after a fall on the ice.", "PHI001", "Janet Burns"),
    # a member of staff who was a patient, told in the words after the name
    ("Welcome back, Dr. Ingrid Solberg! Two months ago our own anesthesiologist was on the other side of the bed in our "
     "cardiac ICU after a stroke. Today she's back in the OR.", "PHI001", "Ingrid Solberg"),
    # a support group member with an HIV result; imaging of a named child; a home visit's street address
    ("Cheering for our friend Marcus from the Thursday support group: 3 years undetectable! #HIVawareness", "PHI009",
     "Marcus"),
    ("Look at 12-year-old Keisha's X-rays before and after 10 weeks of bracing with us!", "PHI001", "Keisha"),
    ("Every week last spring our home-health aides drove out to 77 Sorrel Court to change the dressings on his leg "
     "wound.", "PHI004", "77 Sorrel Court"),
    # a person known for a public act
    ("Prayers for the crossing guard who pulled two kids out of the path of a truck Monday; she is in our trauma ICU "
     "tonight.", "PHI008", "the crossing guard who pulled"),
    # (heldout7 classes) an age, a few words of description and a town single one patient out, whatever the
    # occupation ("volunteer" inside the description is still the patient's)
    ("Last spring our stroke team treated a 52-year-old pottery teacher from Linden Falls within 20 minutes of arrival.",
     "PHI008", "52-year-old pottery teacher from Linden Falls"),
    ("Our first gene therapy patient, a 29-year-old volunteer paramedic from Osprey Point, got her infusion Friday.",
     "PHI008", "29-year-old volunteer paramedic from Osprey Point"),
    # a markdown heading in the reader's voice ("my child") does not make the post a first-person story
    ("# When can my kid swim again?\n\nOn Saturday, Pine Ridge Middle's star goalie came to our urgent care with a "
     "broken wrist.", "PHI008", "Pine Ridge Middle's star goalie"),
    # someone driven or taken to care is the patient; the relative named twice, and her phone
    ("Could someone drive Mr. Ostrowski to chemo on Wednesdays? His son Piotr works days. Text Piotr at (555) 014-2298.",
     "PHI001", "Mr. Ostrowski"),
    ("Could someone drive Mr. Ostrowski to chemo on Wednesdays? His son Piotr works days. Text Piotr at (555) 014-2298.",
     "PHI005", "(555) 014-2298"),
    ("Big thanks to our parking crew: when Mrs. Haverford was rushed into the cath lab, they kept her car safe.",
     "PHI001", "Mrs. Haverford"),
    # the owner of medicine left with us
    ("Left at our pharmacy counter: a blue tote with an inhaler and a bottle of metformin. If you're Otto Brenner, give "
     "us a call.", "PHI001", "Otto Brenner"),
    # a reply to a handle with an emoji before "your", the addressee's skin or joint, a relative's fall
    ("Over the moon for @the.okafor.pair 🥰 your egg retrieval on 5/2 gave you nine embryos!", "PHI002", "5/2"),
    ("Hi @bright.skin.dee! Your skin has healed beautifully since you started the tretinoin plan in March.", "PHI001",
     "@bright.skin.dee"),
    ("Perhaps if you did the stretches Dr. Amos gave you, your knee would feel better by now, Kyle.", "PHI001", "Kyle"),
    ("Ms. Varga, your mother's fall on the 3rd was reviewed with our charge nurse and documented in her chart.",
     "PHI001", "Ms. Varga"),
    ("Thank you, Mr. Lindqvist-Ward! See you at your next appointment.", "PHI001", "Mr. Lindqvist-Ward"),
    # skin conditions and before-and-after photos are health information
    ("Nothing cleared Priscilla's rosacea until our laser series; swipe for her before & after!", "PHI001", "Priscilla"),
    # a name next to their own SSN, date of birth or IP address in a post with health information
    ("Faster check-in! [screenshot: kiosk showing Ulla Brandvik, DOB 02/17/1964, SSN 318-44-9027, Dept: Dialysis]",
     "PHI001", "Ulla Brandvik"),
    ("Portal tip: Mr. Achterberg, the sign-ins from 73.14.201.9 were yours, and your biopsy results are posted.",
     "PHI001", "Mr. Achterberg"),
    # a newborn's parents named as a pair; a relative whose given name is also a month; "Dad X" capitalised
    ("Welcome to the world, Ione Keawe, born 6/2 in our birth center to Kalani and Noe!", "PHI001", "Kalani and Noe"),
    ("Congratulations to Farah & Idris on the arrival of baby Zayn, born 4/30 in our birth suite!", "PHI001",
     "Farah & Idris"),
    ("Remembering Otis Fairweather, who died in our hospice unit on March 4. His wife, April, asks that donations go "
     "to the patient fund.", "PHI001", "April"),
    ("Our L&D team caught baby Rowan 20 minutes after Mia Santos arrived in active labor.\n\nDad Julian made it from "
     "the parking lot just in time.", "PHI001", "Julian"),
    # where someone now in our care was hurt: a road named without a number, a highway mile marker
    ("Thank you to the trauma team who saved the jogger struck on Alder Creek Road Sunday. She is out of the ICU!",
     "PHI004", "Alder Creek Road"),
    ("Our flight crew flew a man, 61, from mile marker 40 on Hwy 12 after this morning's rollover. He is in our ICU.",
     "PHI004", "mile marker 40 on Hwy 12"),
    # a bed number in a sentence with a condition; a bed with a letter; a NICU bed space
    ("Another unworked-up sepsis (bed 22, 4 North) dumped on us at shift change. #nightshift", "PHI008", "bed 22"),
    ("Bed C on 6 East turned 98 today after her hip fracture and we threw her a party!", "PHI008", "Bed C"),
    ("Our NICU graduates this month: twins Ari and Lev from Bed Space 9, finally off oxygen!", "PHI008", "Bed Space 9"),
    # a volunteer whose own husband was our patient identifies him
    ("Volunteer spotlight: Edna Kowal\n\nEdna has knitted 400 blankets for our NICU. She began after her husband, "
     "Arvid, spent his final weeks in our hospice unit.", "PHI001", "Edna Kowal"),
    # a former physician's own death in our care, and a surname that is an institutional word after a title
    ("We mourn Dr. Helen Park, our chief of surgery for 25 years, who died peacefully in our ICU on Friday after a "
     "stroke.", "PHI001", "Helen Park"),
    ("Farewell, Dr. Ezra Lund. He set half the bones in this county, and in his final weeks our hospice team cared for "
     "him. He died Sunday, May 4.", "PHI002", "Sunday, May 4"),
    # a lowercase name with an initial after "our girl", "our guy"; a sports injury repair
    ("shoutout to our guy milo t. from the ridgeway swim team, back in the pool 8 wks after his rotator cuff repair!",
     "PHI001", "milo t"),
    # a photo caption line without brackets
    ("Nobody rocks a tutu in the infusion chair like this girl.\n\n📸: full-face photo of a smiling 6-year-old girl "
     "with her IV pole and chemo pump", "PHI006", "full-face photo of a smiling 6-year-old girl with her IV pole and chemo "
     "pump"),
    # lowercase names: after "little" with "spent"; a name and initial addressed after a comma, the diagnosis told in
    # the sentence before
    ("guess who came back to say hi 🥹 little ines spent 71 days in our NICU after arriving at 25 weeks", "PHI001", "ines"),
    ("she came in for a mole check and left with an early melanoma diagnosis. so glad you listened to your gut, "
     "tamsin r. 💛", "PHI001", "tamsin r"),
    # the owner named on a lost item's tag at a care station
    ("Lost & found: a blue knit scarf left at infusion chair 3 after Monday's session. The tag says 'If found call "
     "Wilhelmina 555-0163.'", "PHI001", "Wilhelmina"),
    # the road a patient lives on without a house number; a date in the next sentence that opens with the
    # patient's pronoun
    ("Our home-health crew got Mr. Anselm Fairley settled back home on Quarry Hill Rd after his hip surgery. His "
     "walker and shower chair were delivered by noon Thursday.", "PHI004", "Quarry Hill Rd"),
    ("Our home-health crew got Mr. Anselm Fairley settled back home on Quarry Hill Rd after his hip surgery. His "
     "walker and shower chair were delivered by noon Thursday.", "PHI002", "Thursday"),
]

CLASS_NOT_FLAGGED = [
    # a model's verb-initial span ("Meet X") with credentials: staff, and the repeats are the same staff member
    "Meet Orla Byrne, RN, BSN, our Preceptor of the Year! Orla has worked on our cardiac step-down unit for 9 years.",
    # a staff member's start date, even after "her ... fellowship" (training, not her own health)
    "Dr. Samir Haddad finished his pediatric cardiology fellowship and starts seeing patients Tuesday, March 3.",
    # the organisation's own address with walk-in hours in a sensitive-service announcement
    "Our recovery clinic now takes walk-ins Monday–Friday, 9am–5pm, at 41 Alder Street. No judgment, ever.",
    # country abbreviations and condition names are not people
    "About 1 in 4 U.S. adults lives with a chronic condition. Lupus is one of them. #Awareness",
    # a photo described as showing no patients, with a technician role
    "![ultrasound tech Marco Ruiz and Dr. Ivy Chen in the new imaging suite; no patients present](img/suite.jpg)",
    # third-party thanks is not a review reply
    "Thanks to @BrightBlend for donating a blender! Try a smoothie on your next visit to our cafe.",
    # generic plural nouns the model takes for names
    "Children's fever reducers are dosed by weight, so check the chart before each dose.",
    # a clinician's own number is not a patient's (a professionalism matter, not PHI)
    "Patients, honestly the portal is slow. Just text me on my personal cell (555) 781-0099 about your refill.",
    # an imperative that opens a health tip is not a name
    "💪 Aim for 150 minutes of activity a week. Swap soda for water. #CommunityHealth",
    # the author as the patient, in the first person
    "I work at Fernbrook Hospital, and I was a patient in our ER last month. The care was outstanding.",
    # a holiday event, and an ordinal that is not a date
    "Join us for the Thanksgiving potluck in the cafeteria! This is the 14th year we have hosted it.",
    # an event date for a new building
    "Our new cancer pavilion opening in May will bring infusion and imaging under one roof.",
    # (heldout4 classes) support staff in their role: clerks, secretaries, transporters, aides
    "Happy work anniversary to our unit secretary extraordinaire, Tomasz Wierzbicki! Ten years keeping 5 East "
    "running, and still the best snack drawer on the floor.",
    "Shout-out to our patient transporter Kalani Akana, who walked 14 miles of hallway this week without losing a "
    "single wheelchair!",
    # a founder visiting, with an age over 89
    "A special guest today: Father Anselm Riordan, 96, who founded our hospice chaplaincy in 1982, blessed the new "
    "chapel.",
    # a room number without health information; a specialist named with a condition word
    "Whoever is in 14A: the cafeteria closes at 7 tonight.",
    "Dr. Ilse Moreno, our new glaucoma specialist, starts seeing patients Monday at the Eastgate clinic.",
    # the aggregate Safe Harbor prescribes ("90 and older") is not a person's age
    "Last year, patients aged 90 and older made up 4% of our joint replacements.",
    # an age over 89 that belongs to a volunteer named in the post
    "Meet Winifred Oyelaran, our longest-serving gift shop volunteer! Winifred turned 93 this month and still runs "
    "the register every Friday for our cancer center.",
    # an organisation's department with "Patient" in its name; the 's of "is"; a staff member's own baby
    "Questions about a bill? Our Patient Experience team is here for you weekdays.",
    "Coffee's on us in the recovery lounge this Friday! ☕",
    "Congratulations to our charge nurse Ximena and her wife Paula on the arrival of baby Teo! The 6 West crew is "
    "thrilled.",
    # thanks to a town, and a staff sign-off after a dash
    "Thanks for coming out, Springfield! Our flu clinic served 400 neighbors today.",
    "Questions about your plan? Member services — Ms. Ortega, our benefits lead, can help at the front desk.",
    # a surgeon's career count; a gallery named like a person; a role mailbox; a hospital name without "Hospital";
    # a vent without identifiers; a building letter before "Blood pressure"; public self-disclosure; the
    # organisation's "#Team" hashtag in a run of hashtags
    "Milestone: Dr. Priya Natarajan performed her 1,000th cataract surgery at our Eastgate center this month!",
    "Our Healing Garden opens Friday with sculptures made by kids in our oncology and rehab programs. Artists' names "
    "aren't shown.",
    "Questions about your bill? Our patient advocate is glad to help at advocate@eastgatehealth.example.",
    "Come see why Comfort Regional is the place to trust with your heart. #ComfortProud",
    "Just had a patient tell me their smartwatch diagnosed them with AFib 🙄 #ERlife",
    "Spring health fair in Building C. Blood pressure checks and flu shots, 9am–1pm.",
    "Novelist Wren Adair has been open about living with type 1 diabetes. Small swaps add up: water instead of soda.",
    "Proud to be named a top hospital for patient safety again! Thank you, nurses. #Hiring #TeamMaplewood #HeartHealth",
    # occupations in announcements, volunteering, plurals and a public speaker's own story
    "Meet our new chef from Napa Valley, cooking heart-healthy lunches in our cafe!",
    "A retired teacher from Oak Grove volunteers at our front desk every Tuesday.",
    "Firefighters from Station 9 came to our ED to thank the trauma team.",
    "Our speaker, a retired police officer from Dayton, shares his recovery story at our town hall Thursday.",
    # an honoree a building is named for
    "The Vera Lindqvist Cancer Pavilion opens Monday! Named for the retired Elmwood librarian and philanthropist who "
    "chaired its capital campaign.",
    # Spanish: a compliant reply, an event, a new dentist
    "¡Gracias por su reseña! Por leyes de privacidad no podemos hablar de la atención de ningún paciente. Llame a "
    "nuestra oficina al (555) 010-2200.",
    "Únase a nosotros el sábado para la feria de salud en nuestro centro comunitario. ¡Vacunas gratis!",
    "La Dra. Salinas se une a nuestro equipo de odontología. ¡Bienvenida!",
    # a roster of staff graduates; an executive hire "as our new Director"; a staff member's own baby and husband
    "Congratulations to our 2025 Nurse Residency graduates!\nAlvarez, Marta\nKowalski, Jan\nEach completed 12 "
    "months of training in critical care.",
    "Excited to welcome Tomasz Ferreira as our new Director of Patient Experience! Tomasz brings 10 years of hospital "
    "leadership.",
    "Congratulations to our respiratory therapist Ana and her husband Rui on the arrival of baby Tiago! The 4 East "
    "family can't wait for the cuddle visit.",
    # numbered units and holidays are not names
    "The 5 East family says thank you for the pizza! 🍕 Happy Valentine's Day from everyone in our cardiology unit!",
    # a public person known for funding research into their own condition
    "Novelist Teodora Vance was diagnosed with MS at 31 and has spent two decades funding research into relapse "
    "prevention. Learn the early signs.",
    # a sports coach at a blood drive, a health coach on staff
    "Coach Ray Delgado from Westbrook High brought his team to our blood drive Saturday.",
    "Big congratulations to our own health coach, Coach Priya, who leads our diabetes prevention class!",
    # a compliant reply with a title
    "Mr. Pellegrino, thank you for your feedback. Privacy laws prevent us from discussing anyone's care; please call "
    "our main line.",
    # a member of staff "from our ... team" is not the patient beside them
    "Chris from our pharmacy team answered questions about flu shots at the library fair.",
    # an age with a staff credential, a suite on a floor
    "Welcome Dr. Renata Ilves, 38, to our cardiology team!",
    "Suite 4, 2nd floor, is where our new sleep lab lives.",
    # a team hashtag for a unit; a place's only trauma center; volunteers from a school
    "#TeamNorth crushed the hand-hygiene audit again this month!",
    "Riverton County's only Level II trauma center is right here, and we are proud of our team.",
    "Our 15yo volunteers from Eastfield High packed 300 hygiene kits for the shelter this weekend!",
    # a procedure day and a blog category are not names
    "Colonoscopy Tuesday is here again and our GI team is ready for you! Book a screening today.",
    "---\ntitle: Two brothers, one gene\ncategory: Cancer Genetics\n---\n\nOur genetics clinic offers testing for "
    "inherited cancer risk. Talk to your doctor about whether it is right for you.",
    # a partner's handle; a compliant Spanish reply with the organisation's line
    "Thanks to our friends at @city_parks_dept for hosting the blood pressure screening at Elm Park!",
    "Gracias por su comentario. Las leyes de privacidad nos impiden hablar de la atención de cualquier persona. Llame a "
    "nuestra línea al (505) 555-0190.",
    # staff: a role title before a name, a list after "our techs", a patient advocate; the organisation's own CEO
    "Our Employee of the Year award goes to pharmacist Dana Ruiz, who launched our vaccine clinic.",
    "Kudos to our techs Minh, Shauna and Rafiq, who kept the pharmacy counter running through the flu surge.",
    "Shoutout to medical assistant Leila Haddad, who noticed a patient looked pale and got a nurse right away.",
    "Please call our Patient Advocate, Tobias Lindahl, at (555) 201-3300 about any concern with your care.",
    "Thanks to the Brightwater Health CEO for joining our heart walk this Saturday!",
    # a composite persona, every mention of her; a group addressed; words of the organisation's name
    'Meet "Rosa": Rosa is a composite character based on many families we serve, not a real patient. Rosa lives with '
    "heart failure and sees our nurses weekly.",
    "Vets, stop by our clinic for a free flu shot this Friday! Talk to your doctor about which vaccines you need.",
    "# Cedar Hollow Health News: Flu season is here. Cedar Hollow nurses say get your shot.",
    # a toll-free line recommended in a first-person recovery post
    "Two years sober today. Their family program saved me. If you're struggling, call them: 1-800-555-0142. #recovery",
    # a historical founder's lifespan; the organisation's named house; years of experience in Spanish
    "Our founder Eliza Crane (1850–1945) opened the first ward for tuberculosis patients here.",
    "Thanks to our Willowbrook hospice house volunteers for 2,000 hours this year!",
    "Dr. Yusuf Amari tiene 30 años de experiencia en cardiología.",
    # staff back from a posting, not from being a patient; volunteers driving to a donation address
    "Welcome back, Dr. Ingrid Solberg! She spent six months at a partner hospital's cardiac ICU as visiting faculty and "
    "is back in our OR.",
    "Our volunteer drivers go to 77 Sorrel Court every Friday to pick up the food bank donations.",
    # (heldout7 classes) a volunteer described with an age and a town; a state is not a town
    "Our volunteer of the year, a 71-year-old retired machinist from Linden Falls, has given 900 hours in our cancer "
    "center lounge.",
    "A 40-year-old man from Ohio asked us how often adults need a tetanus shot. Every 10 years!",
    # compound staff titles before a name; an agency name before a staff title
    "Thank you to surgical nurse lead Ana Pereira-Lind and clinical nurse educator Joss Brant for our new sepsis "
    "training!",
    "IVF info night Thursday with nurse coordinator Kelsey Marr. Register at our website.",
    "Our embryologist Tomas Ruud explains how embryo grading works in this week's video.",
    # driving staff or volunteers to a class is not care; medicine in an education post with no one named
    "Our volunteers drive to the senior center every Monday to teach chair yoga.",
    "Lost your inhaler? Most pharmacies can replace it the same day; ask about a 90-day supply of your metformin too.",
    # a greeting in an education post about skin, with no confirmation of anyone's care
    "Hey Phoenix! Your skin needs SPF 30 every day, even in winter. #SkinCancerAwareness",
    # the employer before a staff title; an acronym the model takes for a name; the author's own handle
    "Milestone! Brightline nurse Dana Ochoa made her 2,000th home visit this month. Thank you, Dana!",
    "Our NHSN infection report is out: zero central-line infections in our ICU this quarter.",
    "To my former patients from the cardiac unit: follow me on Instagram @rn.tessa.k for heart-healthy recipes!",
    # a religious title is not a relative; a donor's husband; a team that saved someone is not a patient
    "A special visitor today: Sister Agnes Rooney, 93, who founded our hospice program, blessed the new wing.",
    "Thank you to donor Helen Marsh and her husband Carl for the gift that funded our new infusion suite.",
    # a road in a safety tip or an event, and the unit's beds as fittings
    "Most crashes on Route 9 happen after dark. Join our bike safety class on Elm Street Saturday.",
    "Our renovated unit has 24 beds, and bed 1 through bed 24 all have new cardiac monitors.",
    # a volunteer with a husband who was never a patient; a physician and a team who cared for someone else
    "Thank you to our volunteer Rosa Lind for 1,000 hours at the welcome desk! Rosa and her husband Tom love to dance.",
    "Dr. Ana Ruiz and our ICU team cared for him around the clock after his heart attack.",
    "Welcome Dr. Helen Park to our cardiology team! She starts seeing patients Monday.",
    # a cheer for a staff group; a photographer's credit
    "shoutout to our girl squad at the front desk for surviving flu season!",
    "Our new healing garden opened today!\n\n📷: Jordan Ellis Photography",
    # a letter after a vitamin is not an initial; a lost item with no one's care
    "Feeling run down all winter? Ask your doctor about vitamin d. Most adults need 600 IU a day.",
    "Lost & found: a black umbrella left in our lobby Tuesday. If found call the front desk.",
    # volunteers out on a road; a date after a patient story in a sentence about someone else
    "Our Meals on Wheels volunteers are out on County Rd 9 every Thursday. Join them!",
]


# FLAGGED and NOT_FLAGGED run through test_phi_context's parametrized tests (it imports them).


def test_hashtag_words() -> None:
    from policylint.detect.phi import hashtag_words

    assert {"hiv", "awareness"} <= hashtag_words("HIVawareness")
    assert hashtag_words("StrokeRecovery") == {"stroke", "recovery"}
    assert {"icu", "nurse"} <= hashtag_words("ICUnurse") and "er" not in hashtag_words("CancerSurvivor")


def test_emotive_openers_are_not_names() -> None:
    from test_phi_context import phi          # here, not at the top: test_phi_context imports this module

    assert ("PHI001", "Glad") not in phi("Thanks for the five stars, @m.quinlan! Glad your tonsillectomy went well.")


def test_list_names_point_at_each_line() -> None:
    text = "Discharged this week from our ortho floor:\n• Brandt, Ilse — new hip\n• Osei, Kwame — new shoulder"
    from test_phi_context import engine

    found = [p for p in positions(check_text(engine(), text)) if p[2] == "PHI001"]
    assert found == [(2, 3, "PHI001"), (3, 3, "PHI001")]


def test_roster_lines_are_names() -> None:
    """One "Surname, Given" per line (O'Brien, McAllister included) next to another such line is a roster."""
    from test_phi_context import engine

    text = "Pulmonary rehab graduates, spring session:\nMcAllister, Jonah\nO'Brien, Emi\nWell done, everyone!"
    found = [p for p in positions(check_text(engine(), text)) if p[2] == "PHI001"]
    assert found == [(2, 1, "PHI001"), (3, 1, "PHI001")]
    single = "Visiting from Springfield, Illinois\nOur pulmonary rehab class meets Mondays."
    assert not [p for p in positions(check_text(engine(), single)) if p[2] == "PHI001"]


def test_birth_year_of_someone_over_89() -> None:
    """'born in <year>' says the age: over 89 years ago it is PHI with care, like '91-year-old'."""
    import datetime

    from test_phi_context import phi

    old = datetime.date.today().year - 93
    assert ("PHI003", f"born in {old}") in phi(f"Our newest hip replacement patient was born in {old} and walked "
                                                "the hallway on day one.")
    young = datetime.date.today().year - 60
    assert not any(code == "PHI003" for code, _ in phi(f"Our newest hip replacement patient was born in {young}."))


def test_image_file_named_after_the_patient() -> None:
    """The link target of an image whose file name carries a patient's name is itself an identifier (the alt
    text can be fixed and the name still ships in the URL); other file names are not."""
    from test_phi_context import phi

    named = ("![Ottoline smiling after her hip surgery](photos/ottoline-hip-day2.jpg)\n\n"
             "Ottoline Brandt walked the whole hallway today after her hip replacement!")
    assert ("PHI006", "photos/ottoline-hip-day2.jpg") in phi(named)
    plain = named.replace("photos/ottoline-hip-day2.jpg", "photos/IMG_2041.jpg")
    assert not any(match == "photos/IMG_2041.jpg" for _code, match in phi(plain))
    staff_only = "![Our new infusion chairs](img/infusion-chairs.jpg)\n\nCome see the new infusion suite!"
    assert not any(code.startswith("PHI") for code, _match in phi(staff_only))


def test_lowercase_nurse_title_is_staff() -> None:
    from test_phi_context import phi

    found = phi("![Ilse laughing with nurse Abby beside her dialysis chair](ilse.jpg)\n\n"
                "Ilse Marchetti has been coming to our dialysis unit for six years!")
    assert ("PHI001", "Ilse Marchetti") in found and not any(match == "Abby" for _code, match in found)
