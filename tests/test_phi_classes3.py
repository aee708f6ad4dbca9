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
    # a person named or shown in a photo's description in a post about their care; a number on their card
    ("Ten laps of the unit today after his new hip! 🎉\n\n[Alt text: Anselmo Prieto in a hospital gown waving from "
     "his walker]", "PHI001", "Anselmo Prieto"),
    ("Ten laps of the unit today after his new hip! 🎉\n\n[Image description: full-face photo of a grinning man in "
     "a gown by the nurses' station]", "PHI006", "full-face photo of a grinning man in a gown by the nurses' station"),
    ("Our 300th infusion patient this spring! 💐\n\n[Photo: a woman in a recliner holding her wristband that reads "
     "KX-55213]", "PHI005", "KX-55213"),
    # a milestone count of patients or of care told of a person
    ("Cheers to our 2,500th joint replacement patient, who walked out the same afternoon!", "PHI008",
     "our 2,500th joint replacement patient"),
    # the only one of an occupation; a notable person; a relative of a named or notable person
    ("Get well soon to the only senior pitcher on the Hollins High roster, recovering from elbow surgery with us.",
     "PHI008", "the only senior pitcher"),
    ("Busy night in L&D: our patient, who happens to be a beloved weatherman on the morning news, delivered a "
     "healthy girl.", "PHI008", "a beloved weatherman on the morning news"),
    ("Sending love to Pastor Adeyemi's daughter, who had her appendectomy with us last night. 🙏", "PHI008",
     "Pastor Adeyemi's daughter"),
    ("Smooth intubation today on a tricky airway: the patient is our board president's nephew.", "PHI008",
     "our board president's nephew"),
    # a person by what they did or looked like, in a sentence about their care
    ("High five to the 4th grader with the glow-in-the-dark cast who came to our clinic Tuesday with a wrist "
     "fracture!", "PHI008", "the 4th grader with the glow-in-the-dark cast who came"),
    ("A reminder why we teach water safety: the sophomore who was rushed to the ER from swim practice is now stable.",
     "PHI008", "the sophomore who was"),
    # an age and a description with a ZIP code; a school's role with an age
    ("Among this year's finds: a 61-year-old mother of five from ZIP 84021 whose colonoscopy caught a polyp.",
     "PHI008", "61-year-old mother of five from ZIP 84021"),
    ("Prayers for the 17-year-old Lakemont Academy captain, admitted to our ICU after Saturday's match.", "PHI008",
     "the 17-year-old Lakemont Academy captain"),
    # names in hashtags: a cause, and a given name with a middle name
    ("Long night in the trauma bay. Holding space for the family behind #JusticeForMalik; he is still in our ICU.",
     "PHI001", "#JusticeForMalik"),
    ("#TeamLunaMae 💕 She came off oxygen today in our NICU and her nurses cried happy tears.", "PHI001",
     "#TeamLunaMae"),
    # a full name with a quoted nickname inside
    ("Teodoro «Teo» Barragán sigue en nuestra unidad de quemados y se recupera poco a poco. ¡Fuerza, Teo!", "PHI001",
     "Teodoro «Teo» Barragán"),
    # a review reply opening with the reviewer's initials
    ("J.M., thanks for the feedback. Your knee arthroscopy was coded correctly, and our billing team will call you.",
     "PHI001", "J.M."),
    # "<name>, whose <condition>": a testimonial
    ("Our laser sessions work wonders. Just ask Renata P., whose melasma faded after four visits!", "PHI001",
     "Renata P."),
    # the next sentence goes on about the person with "her"/"his"; a course of care
    ("Patient of the month: Odalys Ferrer from Brightwater! After ten sessions of physical therapy for her frozen "
     "shoulder, she's back to gardening.", "PHI001", "Odalys Ferrer"),
    ("Survivor spotlight: Marguerite Lindqvist never thought she needed a colonoscopy. Her sister drove her to our "
     "clinic on May 14, 2024, and the scope found an early tumor.", "PHI002", "May 14, 2024"),
    # a member of staff after her own treatment
    ("So proud of our unit secretary, Janet Morrow, who is back at the desk after finishing her own chemo this spring!",
     "PHI001", "Janet Morrow"),
    # the speaker credited after a quotation about their own care
    ('From a comment card: "The night my sugar crashed in bay 6, the nurses never left my side." — Mrs. R. Okonjo',
     "PHI001", "Mrs. R. Okonjo"),
    # a cheer with an accented given name and a surname (the model calls it a place)
    ("¡Felicidades a Débora Quiñones, de la secundaria Roosevelt, por terminar su quimioterapia!", "PHI001",
     "Débora Quiñones"),
    ("Shout-out to Tomasina Reyes from Millbury, who beat pneumonia after two weeks with us!", "PHI001",
     "Tomasina Reyes"),
    # a patient story to read in a post about a milestone of care, and the link that carries the name
    ("Cheers to our 500th bariatric surgery patient! Read Odile's story: lakeshoremed.example/stories/odile-brandt",
     "PHI001", "Odile"),
    ("Cheers to our 500th bariatric surgery patient! Read Odile's story: lakeshoremed.example/stories/odile-brandt",
     "PHI005", "lakeshoremed.example/stories/odile-brandt"),
    # the apartments a named patient lives in
    ("Our nurses checked on Mr. Halloran at the Brookfield Terrace apartments today; his wound is healing well.",
     "PHI004", "Brookfield Terrace apartments"),
    # a chair next to a named patient's story
    ("so happy for mrs. abernathy, who had her kidney transplant yesterday!! 🎉 chair 11 misses you already "
     "#DialysisLife", "PHI008", "chair 11"),
    # the first of a procedure, done on someone described
    ("Proud to have done the first same-day hip replacement at our center on a 93-year-old retired pilot.", "PHI008",
     "the first same-day hip replacement"),
    # a regular of the clinic, named (a lowercase name after a comma too)
    ("we miss our thursday circle regular Octavio this week 😔 hope rehab is treating you well.", "PHI001", "Octavio"),
    ("one year today for our favorite regular at the Northside suboxone clinic, rafferty 🙌 proud of you.", "PHI001",
     "rafferty"),
    # a media role singles a person out
    ("Interesting Mohs case this morning: the morning traffic anchor at one of our local stations, with a melanoma on "
     "her cheek.", "PHI008", "the morning traffic anchor at one of our local stations"),
    # a vehicle incident is health information with a teen and his school
    ("Long shift. 17yo from Delmont High, rollover on County Road 4 around midnight. Buckle up, everyone.", "PHI008",
     "17yo from Delmont High"),
    # a camera emoji mid-line before what the picture shows; an operating room number
    ("First solo lap chole today!! 📸 selfie in OR 3 with the patient's chart still open on the screen behind me",
     "PHI008", "OR 3"),
    ("First solo lap chole today!! 📸 selfie in OR 3 with the patient's chart still open on the screen behind me",
     "PHI006", "selfie in OR 3 with the patient's chart still open on the screen behind me"),
    # a baby's name in a "Strong" hashtag; a school team position with an age
    ("Baby Orsolya is on day 40 in our NICU and still fighting 💪 #BabyOrsolyaStrong", "PHI001", "#BabyOrsolyaStrong"),
    ("Prayers for the 16-year-old Carver High linebacker we admitted Friday night.", "PHI008",
     "the 16-year-old Carver High linebacker"),
    # a titled regular ("our regular, Coach X") is the client, not a member of staff
    ("Our IV hydration drips work! Just ask our regular, Coach Benny from Westlake Prep, who swears by them for his "
     "migraines.", "PHI001", "Coach Benny"),
    # a picture of a named patient said in words
    ("So proud of Roswitha Kell, who finished 12 weeks of wound care on her diabetic ulcer! Swipe for her before & "
     "after 👉", "PHI006", "Swipe for her before & after"),
    ("Selfie with my favorite patient! Mr. Ilunga in bed 3 got extubated this morning 🥰 #ICUnurse", "PHI006",
     "Selfie with my favorite patient"),
    # a player by jersey number, wished well after care
    ("Welcome back to the court, #23 — six weeks after your ACL repair with our sports medicine team! 🏀", "PHI008",
     "#23"),
    # a Spanish relative date in a named patient's sentence
    ("¡Felicidades a doña Eulalia Paredes, que hoy terminó su quimioterapia en nuestro centro!", "PHI011", "hoy"),
    # a person named with their own age over 89 in a care post
    ("Memory care news: welcome to our new residents!\n\nBirthdays: Edda Marsh turns 102 on May 3! Cake in the "
     "sunroom.", "PHI001", "Edda Marsh"),
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
    # people in a photo of a health event, without care told of anyone
    "Heart Month kickoff! Free blood pressure checks all week.\n\n[Photo: Jamie Ruiz and Sam Cole from marketing at "
    "the welcome table]",
    # a milestone without a person, a career count, the only one of an occupation without health
    "Our 500th blood drive is this Saturday. Thank you, donors!",
    "Dr. Hallie Voss performed her 1,000th cataract surgery this month. Congratulations!",
    "Meet the only lineman on our volunteer board, Greg, who fixes the garden lights.",
    # a public figure's own story; a staff member's family news
    "A famous singer has spoken publicly about her lupus diagnosis; here's what lupus is.",
    "Congratulations to our ICU charge nurse and our CEO's daughter on the arrival of baby Juniper!",
    # a hashtag cause without a person or health; a staff member's research, introduced with "whose"
    "Join our 5K this Saturday! #TeamSpiritWeek #GoRedForWomen",
    "Welcome Dr. Anika Sorensen, whose research on asthma in kids earned a national award.",
    # a quotation credited to a member of staff; a staff member's own fellowship
    '"Every patient deserves dignity." — Nurse Ofelia Ramos, our Nurse of the Year',
    "Congratulations to Dr. Brennan Hale on completing his own fellowship in cardiology!",
    # a guest contributor's own story, in the first person
    "I'm Rosalind, and I was diagnosed with celiac disease at 30.\n\n*Editor's note: Rosalind's story reflects her "
    "own experience. Talk with your care team.*",
    # a hospital first without a patient; apartments in an event
    "Our surgeons performed the first robotic knee replacement in the county in 2019. Ask us about it!",
    "Free blood pressure checks at the Brookfield Terrace apartments community room this Saturday!",
    # a symptom table's cells and a greeting to a town
    "| Symptom | Cold | Flu |\n|---|---|---|\n| Fever | Rare | Common |\n| Aches | Mild | Severe |",
    "Heat stroke is an emergency: call 911. Stay cool out there, Pinecrest Valley! #SummerSafety",
    # a regular of a café, without health; a weather anchor hosting a gala
    "Say hi to our coffee cart regular Bernadette, who never misses a Friday latte!",
    "Thanks to the evening weather anchor at one of our local stations for hosting our gala!",
    # an animal after an age; a quoted menu or program name after "our"
    "Our 6-year-old Golden Retriever, Maple, visits the pediatric oncology floor every Tuesday.",
    'Heart month special: try our "Heart Healthy" menu in the cafeteria, lower in salt for blood pressure.',
    # a milestone of the organisation, not of a patient
    "Celebrating our 75th anniversary of caring for cancer patients in the valley!",
    # before-and-after said of a renovation, without a patient
    "Our infusion suite renovation is done! Swipe for the before & after of the new waiting room.",
    # a jersey number at a game without care; a ranking
    "Congrats to #23, scoring 30 points in Friday's game! 🏀 Go team!",
    "Proud to be ranked #1 for patient experience in the region this season!",
    # a Spanish "today" for an event
    "¡Vacunas contra la gripe gratis hoy en nuestra clínica, de 9 a 5!",
    # a volunteer's own age over 89
    "Our hospice volunteer Idris Coleman turns 94 this week and still reads to patients every Friday!",
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
