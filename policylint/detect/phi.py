"""PHI candidates: identifiers read in context (who is this person; is health information tied to them)."""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Mapping, Sequence

from policylint.detect import recognizers as R

Span = tuple[int, int]
DIRECT_TYPES = {"SSN", "MRN", "ACCOUNT", "HEALTH_PLAN_ID", "LICENSE", "VEHICLE", "DEVICE_ID", "PHONE", "EMAIL",
                "ADDRESS", "IP"}
PRONOUN_START = re.compile(r"^\W*(?:he|she|they|his|her|their|him|it)\b", re.I)
ORG_WORDS = re.compile(r"\b(?:Center|Centre|Hospital|Clinic|Unit|Team|Department|Lab|Laboratory|Foundation|Institute|Program|"
                       r"Pharmacy|Health|Medical|Care|Wing|Suite|Office|Services?|Group|Association|Society|Partners|"
                       r"Network|System|University|College|School|Church|Parish|Park|Street|Avenue|Road|Award|Month|Week|"
                       r"Day|Walk|Run|Gala|Lounge|Pavilion|Library|County|City|Room|Floor|Hall|Campus|Insurance|Plan|Orchestra|"
                       r"Inc|LLC|Ltd|Corp|Company|Band|Choir|Club|Squares?|Box|St|Rd|Ave|Blvd|Lane|Drive|Regional|Memorial|"
                       r"General|Surgical|Orthopedics|Pediatrics|Dental|Dentistry|Urgent|Building|Tower|Garage|Entrance|High|Middle|Elementary|Academy|Medicare|Medicaid)\b")
TITLE_NAME_LOWER = re.compile(r"\b(?:mr|mrs|ms)\.\s+([a-z][a-z'’-]{2,})\b")
LIST_NAME = re.compile(r"(?m)^[ \t]*(?:[-*•·▪◦][ \t]*)?([A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?,[ \t]+[A-Z][a-zá-ÿ'’-]+)[ \t]*(?:[—–:]|-\s|\()"
                       r"|\(([A-Z][a-zá-ÿ'’-]+(?:[ -][A-Z][a-zá-ÿ'’-]+)?,[ \t]+[A-Z][a-zá-ÿ'’-]+)\)")
APPOSITIVE_PATIENT = re.compile(r"\b([A-Z][a-z'’-]{2,}(?:\s[A-Z][a-z'’-]+)?),\s+(?:one\s+of\s+our|our|a|an)\s+(?:[\w-]+\s+){0,3}?"
                                r"(?:patients?|clients?|participants?|graduates?)\b")
HASHTAG_PART = re.compile(r"[A-Z]+[a-z]*|[a-z]+|\d+")
# "our NICU graduate Amara", "our little patient Mateo", "a two-time cancer survivor Ines": a word naming a
# patient right before a capitalised name (the model often labels such a name ORG or NORP)
DESCRIPTOR_NAME = re.compile(r"\b(?i:our|this|a|the)\s+(?:(?!(?i:nursing|residency|fellowship|medical|school|new)\b)[\w-]+\s+){0,2}?"
                             r"(?:patient|graduate|grad|survivor|warrior|fighter|preemie|miracle\s+baby)\s+"
                             r"([A-Z][a-zà-ÿ'’-]{2,}(?:\s[A-Z][a-zà-ÿ'’-]+)?)\b")
# a regular of the clinic, named: "our Tuesday group regular Marlon", "our favorite regular at the infusion center,
# dario" (a lowercase name only after a comma and before an emoji or the end)
REGULAR_NAME = re.compile(r"\b(?i:our|my)\s+(?:[\w-]+\s+){0,3}?(?i:regular)\b(?:\s+(?:at|from|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                          r"[\w-]+)?(?:,\s+|\s+)(?:((?:Coach|Mr\.?|Mrs\.?|Ms\.?|Miss)\s+[A-Z][a-z'’-]+|[A-Z][a-z'’-]{2,}(?:\s[A-Z][a-z'’-]+)?)"
                          r"|(?<=,\s)([a-z]{3,12})(?=\s*(?:[^\w\s,]|$)))")
# a line that is only "Surname, Given" (a roster, one per line, without a separator after the name)
STAFF_ROSTER = re.compile(r"(?i:\b(?:residency|residents|fellowship|fellows|new\s+hires?|hires|orientation|preceptors?|employees|"
                          r"staff|nurses|physicians|team\s+members|volunteers|honorees|award\s+winners|scholarship|"
                          r"retirees|promotions?)\b)")
_SURNAME = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zà-ÿ'’-]+"       # O'Brien, McAllister
ROSTER_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•·▪◦][ \t]*)?(" + _SURNAME + r"(?:[ -]" + _SURNAME +
                         r")?,[ \t]+[A-Z][a-zà-ÿ'’-]+)[ \t]*$")
# "<Name>'s <up to three words> <health term>": a possessive the model did not take for a person
POSSESSIVE_NAME = re.compile(r"(?<![\w@#])([A-Z][a-zà-ÿ'’-]{2,})['’]s\s+(?=(?:[\w-]+\s+){0,2}[\w-]+)")
# "Coffee's on us", "Maria's back": the 's of "is"/"has", not a possessive
CONTRACTION_NEXT = re.compile(r"(?i:on|in|at|a|an|the|back|here|there|been|got|not|going|gonna|so|all|just|still|now|always|"
                              r"never|finally|really|our|my|your|his|her|their|what|about|up|out|off|over|home|ready|done|"
                              r"open|closed|officially|also|very|too|why|how|when|where|who)\b")
IMAGE_TARGET = re.compile(r"\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")    # ](path "title")
# a capitalised span followed by an institutional noun is an organisation's thing: "our Healing Arts gallery"
ORG_NAME = re.compile(r"\b((?:[A-Z][a-z]{2,}\s+){0,2}[A-Z][a-z]{2,})(?:['’]s)?\s+(?=" + ORG_WORDS.pattern + ")")
INSTITUTIONAL_NEXT = re.compile(r"\s+(?:gallery|team|program|programme|garden|room|center|centre|unit|clinic|wing|fund|series|"
                                r"class|lounge|caf[eé]|shop|store|campaign|initiative|project|award|walk|gala|festival|fair|"
                                r"committee|council|network|lab|studio|library|collection|exhibit|exhibition|suite|office|"
                                r"desk|line|app|portal|newsletter|podcast|blog|scholarship|foundation|institute|house|"
                                r"hospice|campus|residence|lodge|cottage|ICU|NICU|PICU|CCU|SICU|MICU|CVICU)\b")
# "Oakmoor's rehab referral team": the care word names a service of the organisation, not someone's care
SERVICE_NEXT = re.compile(r"(?:\s+[\w-]+){0,2}?" + INSTITUTIONAL_NEXT.pattern)
# a first name alone as the subject of a strong receipt of care: "Terrence went home", "Bao finally got ..."
CLAUSE_WORD = r"(?:^|[.!?]\s+|\n|,\s+)([A-Z][a-zà-ÿ'’-]{2,})\s+(?:just\s+|finally\s+)?"     # a capitalised word opening a clause
SINGLE_SUBJECT = re.compile(CLAUSE_WORD + r"(?=(?:went\s+home|rang\s+the\s+bell|"
                            r"was\s+discharged|was\s+admitted|got\s+(?:(?:his|her|their|those|the|a|an|new|both)\s+)+|"
                            r"had\s+(?:(?:his|her|their|those|the|a|an|both)\s+)+|underwent|beat)\b)")
# a capitalised word doing something to "his"/"her" is a person, whatever the model says: "Hank heard his granddaughter"
SUBJECT_PRONOUN = re.compile(CLAUSE_WORD + r"(?:[a-z]{3,}ed|heard|got|went|came|had|took|made|saw|felt|left|ran|won|beat|rang|brought|wore|"
                             r"threw|held|met|lost|kept|found|gave|told)\s+(?:his|her)\b")
# a lowercase first name after "little"/"baby"/"sweet" doing something: "little mateo came in at 27 weeks"
LITTLE_LOWER = re.compile(r"\b(?i:little|baby|sweet)\s+(?:(?:miss|mister|man)\s+)?([a-z]{3,}(?:\s+[a-z]{3,})?)\s*,?\s+(?=(?:who|came|went|is|was|has|had|got|turned|finally|just|"
                          r"arrived|weighed|rang|graduated|spent|stayed|left|celebrated|beat|took|visited|walked|learned)\b)")
# a lowercase name and initial addressed after a comma: "so glad you trusted your gut, jess m. 🙏" (not "vitamin d.")
LOWER_VOCATIVE_INITIAL = re.compile(r",[ \t]+([a-z]{3,12}[ \t]+[a-z]\.)(?=[\s!,]|$)")
NOT_GIVEN_WITH_LETTER = {"vitamin", "plan", "hep", "hepatitis", "type", "strep", "group", "part", "option", "grade", "class",
                         "section", "room", "bed", "bay", "unit", "wing", "step", "phase", "level", "appendix", "exhibit",
                         "figure", "table", "schedule", "tier", "stage", "zone", "lot", "building", "floor", "door", "gate"}
# a lowercase name (and initial) after a cheer and "our girl", "our guy": "congrats to our girl sofia m. from ..."
LOWER_CUE_NAME = re.compile(r"\b(?i:shout-?out\s+to|congrats\s+to|congratulations\s+to|so\s+proud\s+of|proud\s+of|welcome\s+home,?|"
                            r"pray(?:ers|ing)?\s+for|way\s+to\s+go,?|cheering\s+(?:for|on)|go)\s+(?i:our|my)\s+"
                            r"(?:girl|boy|guy|gal|friend|buddy|kiddo|man|lady|warrior|champ|fighter)\s+"
                            r"([a-z]{3,12}(?:\s+[a-z]\.)?)(?=[\s,!.:;]|$)")
# a room number right after a named or described patient: "Mr. Dombrowski in 418", "the guy in 12B"
LITTLE_NOT_NAMES = {"ones", "one", "guy", "guys", "girl", "girls", "boy", "boys", "bit", "man", "lady", "kids", "baby", "babies",
                    "bear", "fighter", "warrior", "star", "steps", "bump", "brother", "sister", "patient", "patients"}
# words after "#Team" that name a team, a colour or a cause, not a person
TEAM_WORDS = {"work", "spirit", "player", "building", "effort", "pink", "blue", "red", "gold", "green", "teal", "purple",
              "heart", "strong", "health", "care", "nurse", "nurses", "nursing", "doctor", "doctors", "rehab", "radiology",
              "oncology", "cardiology", "surgery", "pharmacy", "dental", "lab", "night", "day", "ortho", "peds", "life",
              "love", "hope", "family", "kindness", "wellness", "fitness", "recovery", "sober", "smile", "smiles",
              "america", "usa", "medicine", "hospital", "clinic", "unit", "floor", "shift", "goals", "first", "together"}
# a room named rather than numbered ("passed peacefully in the Willow Room"), or a numbered suite of care
NAMED_ROOM = re.compile(r"\b(?:the\s+(?-i:[A-Z][a-z]+)\s+(?-i:Room|Suite)|(?i:birthing|birth|labor|delivery|LDR|recovery|"
                        r"procedure|infusion|family|hospice|comfort)\s+(?i:suite|room)\s*#?\s*\d{1,3})\b")
ROOM_AFTER = re.compile(r"\s+in\s+(\d{3,4}[A-Z]?|\d{1,2}[A-Z])\b(?!\s*(?:%|am\b|pm\b|mg|ml|min|hours?|days?|weeks?|patients?))")
# an occupation with a place, an age or "retired" singles out one person when care is told about them: "the dairy
# farmer from Millbrook Township", "a 96-year-old retired schoolteacher from Fennimore", "Stained-glass artist from
# Dunmore, mid-40s" (clinical roles are left out: those are the organisation's staff)
PATIENT_OCCUPATIONS = (r"teacher|schoolteacher|professor|principal|librarian|farmer|rancher|fisherman|logger|miner|trucker|"
               r"truck\s+driver|bus\s+driver|driver|pilot|firefighter|police\s+officer|officer|deputy|sheriff|mail\s+carrier|"
               r"mechanic|electrician|plumber|carpenter|welder|lineworker|lineman|roofer|baker|barber|butcher|chef|cook|"
               r"waitress|waiter|bartender|artist|painter|sculptor|musician|singer|dancer|author|writer|poet|journalist|"
               r"reporter|photographer|pastor|priest|minister|rabbi|imam|coach|athlete|quarterback|pitcher|goalie|"
               r"veteran|marine|soldier|sailor|engineer|architect|accountant|lawyer|attorney|judge|mayor|councilwoman|"
               r"councilman|grandmother|grandfather|great-grandmother|great-grandfather|student|freshman|sophomore|"
               r"valedictorian|cheerleader|lifeguard|crossing\s+guard|janitor|custodian|contractor|landscaper|beekeeper")
DESCRIBED_PERSON = re.compile(
    r"(?<![\w-])(?:\d{1,3}-year-old\s+)?(?:(?:retired|former|longtime|local|beloved|favorite|favourite|young|veteran|"
    r"part-time|volunteer|[\w-]+-grade)\s+)*(?:[\w-]+\s+)?(?i:" + PATIENT_OCCUPATIONS + r")\b"
    r"(?P<where>\s+(?:from|at|in|of)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s+in\s+[A-Z][\w'’-]+)?)?"
    r"(?P<age>,?\s*(?:mid|late|early)-\d0s)?")
# the last word of every occupation: a post none of whose words is one is not searched (speed only)
OCCUPATION_LAST = frozenset(alt.replace("\\s+", " ").split()[-1] for alt in PATIENT_OCCUPATIONS.split("|"))
ARRIVAL = re.compile(r"\b(?:came|come|comes|drove|walked|rolled|was\s+brought|flown|airlifted)\s+(?:himself\s+|herself\s+)?"
                     r"(?:in|into|through|here|to\s+(?:us|our))\b", re.I)
COMPASS_UNIT = re.compile(r"\d+\s*$")
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def hashtag_words(tag: str) -> set[str]:
    """The words a hashtag may be made of, both ways of reading a capital run ("HIVawareness": HIV + awareness,
    or HI + Vawareness; "StrokeRecovery": stroke + recovery), lowercased."""
    words: set[str] = set()
    for part in HASHTAG_PART.findall(tag):
        caps = len(part) - len(part.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        if caps >= 2 and len(part) > caps:
            words.update((part[:caps], part[caps:], part[:caps - 1], part[caps - 1:]))
        else:
            words.add(part)
    return {w.lower() for w in words}
PLACE_ABBREVIATIONS = {"U.S.", "U.K.", "U.S.A.", "E.U.", "D.C.", "U.N.", "N.Y.", "L.A.", "N.Y.C."}
LOWER_NAME_CUE = re.compile(r"shout|proud|congrat|pray|welcome|way to go|birthday")
NICKNAME_ADJECTIVE = re.compile(r"^(?:Big|Little|Lil)\s+(?=[A-Z])")
LEAD_VERB = re.compile(r"^(?:Meet|Welcome|Welcoming|Congratulations|Congrats|Thanks|Thank|Hi|Hello|Hey|Dear|Join|Say|Help|"
                       r"Please|Celebrate|Introducing|Happy|Tell|Wish|Send|Give)\s+(?=[A-Z])")
TITLE_NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Master|Sra?|Srta)\.?|(?i:do[nñ]a|don)|Nurse|Officer|Deputy|Sgt\.?|Sergeant|Captain|Coach|Pastor|"
                        r"Ambassador|Firefighter|Professor|Judge)\s+(?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]+)*")
U, L = "[A-ZÀ-ÖØ-Þ]", "[a-zß-öø-ÿ'’-]"
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NAME_POSITION = re.compile(
    r"(?:\*\*|__)?(" + U + L + r"+(?:[ \t]+" + U + r"\.)?(?:[ \t]+" + U + L + r"+){1,2})(?:\*\*|__)?"
    r"(?=\s*,\s*(?:\d{1,3}\s*,|(?:an?|the|our|my|his|her)\s|who\s|you\b|of\s+" + U + r")|"
    r"\s+(?:was|is|has|had|rang|finished|completed|received|underwent|spent|celebrated|beat|went|came|got|left|"
    r"delivered|welcomed|walked|arrived|turns|turned)\b)")
INITIALS_NAME = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w])")
# a job title right before a name is a member of staff: "Kudos to medical assistant Imani B." (not "retired pharmacist X")
ROLE_TITLE = re.compile(r"(?<!retired )(?<!former )\b(?:(?i:medical assistant|nurse practitioner|physician assistant|pharmacist|"
                        r"pharmacy tech(?:nician)?|(?:physical|occupational|speech|respiratory|massage) therapist|dietitian|"
                        r"midwife|paramedic|social worker|hygienist|receptionist|phlebotomist|sonographer|technologist|"
                        r"case manager|care coordinator|patient advocate|unit clerk|"
                        r"(?:nurse|clinical|care|patient|program|research|intake|charge|unit|practice)\s+(?:lead|manager|coordinator|"
                        r"navigator|educator|supervisor|director|specialist|liaison)|[a-z]{3,}ologist)|EMT|CNA|LPN)\s+$")
# a recovery wished to someone, or "one of our <patients>," before a name or handle: the person is a patient
WISHED = re.compile(r"(?:\b(?i:feel better|get well(?: soon)?|heal up|speedy recovery|(?:pt|patient)\s+(?:lil['’]?|little))|\bone of our (?:[\w-]+\s+){0,2}(?i:patients|"
                    r"mamas|moms|dads|families|graduates|warriors|survivors|babies|residents))[,:!]?\s*$")
REPLY_OPEN = re.compile(r"\W{0,3}(?i:thanks?\b|thank you|congratulations|congrats|we(?:'re| are) (?:so )?sorry|dear\b|hi\b|"
                        r"hello\b|we appreciate|gracias|estimad[oa])")
# a lowercase word inside a model's name that is not a name particle: "Nos importa su" is a clause
NOT_PARTICLE = re.compile(r"\s(?!(?:de|del|la|las|los|van|von|der|den|bin|bint|al|el|da|di|du|dos|das|le|y|ter|ten|ibn|abu|"
                          r"e|do|des|st)\b)[a-zß-ÿ]")
TOLL_FREE = re.compile(r"^\+?1?[\s.-]*\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]")
STAFF_AS_PATIENT = re.compile(r"\b(?:he|she|they|our\s+own\s+[\w-]+)\s+(?:was|were|has\s+been|spent\s+[\w\s]{0,20}?)\s*"
                              r"(?:on\s+the\s+other\s+side\s+of\s+the\s+(?:bed|stretcher|table|rail)|a\s+patient\b|admitted|"
                              r"hospitalized|in\s+our\s+(?:[\w-]+\s+)?(?:ICU|unit|care))"
                              # "back at work after finishing her own chemo"
                              r"|\b(?:finish(?:ed|ing)|complet(?:ed|ing)|after|during|through|beat(?:ing)?|surviv(?:ed|ing))\s+"
                              r"(?:his|her|their)\s+own\s+(?:[\w-]+\s+){0,3}?(?:treatment|chemo\w*|radiation|surgery|cancer|"
                              r"diagnosis|transplant|recovery|battle|fight)\b"
                              # a former physician's own death in our care: "who died peacefully in our ICU", "in his last
                              # weeks our hospice team cared for him"
                              r"|\b(?:who|he|she)\s+(?:died|passed(?:\s+away)?)\s+(?:peacefully\s+|quietly\s+)?(?:in|at|under)\s+our\b"
                              r"|\bin\s+(?:his|her)\s+(?:last|final)\s+(?:days|weeks|months|hours),?\s+our\s+(?:[\w-]+\s+){0,2}"
                              r"(?:team|nurses|staff)\s+(?:cared|caring)\s+for\s+(?:him|her)\b", re.I)
ORG_OWN = re.compile(r"\b(?:Hospital|Health|Medical|Clinic|Center|Centre|Foundation|Institute|Pharmacy|Healthcare)\b")
ONE_PERSON_ROLES = (r"(?:starting\s+|head\s+|star\s+|lead\s+|only\s+|longtime\s+)?(?:quarterback|pitcher|goalie|captain|coach|"
                    r"principal|mayor|pastor|priest|rabbi|imam|fire chief|police chief|anchor|ceo|owner|founder|valedictorian|"
                    r"sheriff|superintendent|linebacker|point\s+guard|shortstop|striker|setter|drum\s+major)\b")
# "the town's mayor", "Lincoln High's head coach", and without the possessive "the Fremont High principal"
UNIQUE_ROLE = re.compile(r"(?:\b" + U + r"[\w.]*(?:\s" + U + r"[\w.]*){0,3}|\b(?i:the|our)\s+(?i:town|city|village|county|"
                         r"school|team|church|parish|tribe|district))['’]s\s+" + ONE_PERSON_ROLES +
                         r"|\b(?i:the)\s+(?:\d{1,3}-year-old\s+)?" + U + r"[\w.]*(?:\s" + U + r"[\w.]*){0,3}\s+" + ONE_PERSON_ROLES)
# (heldout8 classes) one person singled out without a name:
# a milestone count of patients or procedures: "our 2,500th knee replacement patient", "the 100th baby born here"
MILESTONE = re.compile(r"\b(?i:our|the)\s+(?:very\s+)?\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?P<noun>patient|baby|birth|delivery|screening|mammogram|transplant|recipient|surgery|procedure|"
                       r"client|graduate|donor\s+recipient)\b", re.I)
MILESTONE_PEOPLE = {"patient", "baby", "recipient", "client", "graduate", "donor recipient"}
MILESTONE_CARE = {"birth", "delivery", "screening", "mammogram", "transplant", "surgery", "procedure"}
# the only or first of an occupation: "the only sophomore pitcher", "our first lineman"
ONLY_ONE = re.compile(r"\b(?:the|our)\s+(?:only|lone|first)\s+(?:[\w-]+\s+){0,2}(?:" + PATIENT_OCCUPATIONS + r")\b", re.I)
# someone notable: "a well-known weatherman on our local station", "who also happens to be the county clerk"
NOTABLE = re.compile(r"\b(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:weather\s+|news\s+|morning\s+|evening\s+)?(?:anchor|anchorwoman|anchorman|"
                     r"meteorologist|weatherman|weatherwoman|radio\s+host|talk\s+show\s+host)\b(?:\s+(?:at|on|for|with)\s+(?:one\s+of\s+)?"
                     r"(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:news|stations?|show|channel|radio)\b)?"
                     r"|\b(?:(?:a|an|the)\s+(?:well-known|famous|prominent|popular|beloved)|happens\s+to\s+be\s+(?:a|an|the|our))\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:anchor|meteorologist|weatherman|weatherwoman|host|deejay|dj|clerk|councilor|"
                     r"selectman|trustee|" + PATIENT_OCCUPATIONS + r")\b(?:\s+(?:on|at|for|in|with)\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:news|station|show|paper|radio|team|school|church|board|council))?)", re.I)
# a relative of a named or notable person: "Pastor Obi's daughter", "our board president's nephew"
KIN_OF = re.compile(r"(?:\b(?:Coach|Mr|Mrs|Ms|Pastor|Mayor|Judge|Officer|Principal|Sheriff|Chief|Rabbi|Father|Reverend)\.?\s+"
                    r"[A-Z][\w'’-]+|\b(?i:our|the|my)\s+(?:[\w-]+\s+){0,2}?(?i:chair|chairman|chairwoman|ceo|president|mayor|"
                    r"principal|coach|pastor|superintendent|sheriff|senator|director|owner|founder))['’]s\s+"
                    r"(?:(?i:little|baby|youngest|oldest|eldest|teenage|teen)\s+)?(?i:son|daughter|wife|husband|mom|mother|dad|"
                    r"father|brother|sister|grandson|granddaughter|grandmother|grandfather|nephew|niece|[\w-]+-in-law|kid|"
                    r"child|twins|baby|boy|girl)\b")
# a person by what they did or looked like: "the 5th grader with the purple cast who came in Monday"
PERSON_WHO = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:grader|student|boy|girl|man|woman|teen|teenager|kid|guy|lady|gentleman|"
                        r"toddler|freshman|sophomore|junior|senior|cyclist|runner|rider|driver|hiker|swimmer|skateboarder|golfer)"
                        r"\s+(?:(?:with|in|from)\s+(?:the|a|an|his|her)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+)?who\s+"
                        r"(?:came|walked|rolled|limped|was|got|fainted|passed\s+out|collapsed|broke|needed|showed\s+up)\b", re.I)
# an age, a description and a ZIP code: "a 52-year-old father of three from ZIP 60614"
AGE_ZIP = re.compile(r"\b\d{1,3}(?:\s?(?:yo|y/o)|-year-old)\s+(?:[\w-]+\s+){1,4}?from\s+(?:the\s+)?(?i:zip)(?:\s+code)?\s+\d{5}\b")
UNIQUE_EVENT = re.compile(r"\b(?:first|only)(?:-ever)?\s+(?:set\s+of\s+)?(?:quadruplets|quintuplets|sextuplets|"
                          r"conjoined twins|face transplant|hand transplant|uterus transplant)\b", re.I)
POSSESSIVE_CARE = re.compile(r"\b(" + U + L + r"+)['’]s\s+(?:[\w-]+\s+){0,3}(?i:visit|surgery|diagnosis|treatment|recovery|stay|"
                             r"procedure|appointment|results|chemo|transplant|delivery|birth|biopsy|scan|mri|x-ray|"
                             r"stitches|cast|fracture|injury|prescription|medication|therapy|rehab|admission|discharge)s?\b")
STORY_NAME = re.compile(r"\b(?i:read|hear|watch|see|follow)\s+(" + U + L + r"+)(?=['’]s\s+(?:[\w-]+\s+)?(?i:story|journey)\b)")
STORY_NEXT = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:story|journey)\b", re.I)
QUOTED_NAME = re.compile(r"(?:\b(?i:to|for|of|meet|remember|from|called|goes\s+by|known\s+as|nicknamed|call\s+(?:him|her|me))\s+|\()[\"“‘']((?:Big|Little|Miss|Mr\.?|Ms\.?)?\s?" + U + L +
                         r"+(?:\s" + U + L + r"+)?)[,.!]?[\"”’']")
# a first name (or first and last) with an age in commas and then a verb: "Maisie, 6, has been with us since her diagnosis"
NAME_WITH_AGE = re.compile(r"(?<![\w'’@#])(" + U + L + r"{2,}(?:[ \t]+" + U + L + r"{2,})?)(?=,\s*\d{1,3},\s+(?:who|has|is|was|had|spent|went|came|rang|"
                            r"just|finally|and|got|received|underwent|finished|completed|beat)\b)")
# a name alone after a spotlight heading's colon ("VOLUNTEER SPOTLIGHT: Marge Pettit"): the model often misses it
SPOTLIGHT_NAME = re.compile(r"(?m)^[ \t#*]*(?i:[^\n:]{0,30}\b(?:spotlight|meet|honou?ring|remembering|in\s+memoriam|featured|"
                            r"volunteer|donor|patient|story|celebrating)\b[^\n:]{0,20}):[ \t]*\**(" + U + L + r"+(?:[ \t]+" + U +
                            r"\.)?[ \t]+" + U + L + r"+)\**[ \t]*$")
# a name as the first field of a record: "Ulla Brandvik, DOB 02/17/1964", "Ortiz, Ana | MRN ..."
NAME_BEFORE_RECORD = re.compile(r"(?<![\w'’@#])(" + U + L + r"+(?:[ \t]+" + U + r"\.)?[ \t]+" + U + L + r"+)(?=[ \t]*[,|;:][ \t]*"
                                r"(?:DOB|D\.O\.B\.|(?i:date of birth)|SSN|MRN|MBI|(?i:member id)|(?i:born)\b))")
BABY_NAME = re.compile(r"\bBaby\s+(?:Boy|Girl)\s+" + U + L + r"+")
# verbs whose object is the person cared for ("It was an honor to care for Gloria"); OBJECT_NAME adds weaker ones
CARED_FOR = r"(?:treated|discharged|admitted|operated\s+on|car(?:ed|e|ing)\s+for|intubated|resuscitated)"
CARED_FOR_BEFORE = re.compile(r"\b" + CARED_FOR + r"\s+$", re.I)
# a member of staff giving care to someone else, before the care words that follow: "cared for him ... his stroke"
CARE_OF_OTHER = re.compile(r"\b(?:cared\s+for|treated|operated\s+on|saw|helped|stabilized|discharged|admitted|intubated|"
                           r"delivered|resuscitated|sat\s+with|stayed\s+with)\s+(?:him|her|them)\b", re.I)
# someone driven or taken to care is the patient: "can anyone drive Mrs. X to dialysis?", "took Walt to his chemo"
TAKEN_BEFORE = re.compile(r"\b(?:drive|drives|drove|driving|take|takes|took|taking|bring|brings|brought|bringing|walk|walked|"
                          r"wheel|wheeled|escort|escorted|give|gave|giving)\s+$", re.I)
TAKEN_TO = re.compile(r"\s+(?:a\s+(?:ride|lift)\s+)?(?:to|into|for)\s+(?:(?:his|her|their|the|our|a|an|every)\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:dialysis|chemo\w*|radiation|infusions?|treatments?|appointments?|therapy|rehab|surgery|"
                      r"(?-i:ER|ED|ICU|OR|PT)|emergency\s+(?:room|department)|cath\s+lab|cancer\s+center|wound\s+care|"
                      r"follow-?ups?|check-?ups?|doctor|dentist|specialist|cardiologist|oncologist)\b", re.I)
# the owner of a patient's belongings or medicine left with us: "If you're Hector Salinas, please call us"
OWNER_BEFORE = re.compile(r"\b(?:if\s+you(?:['’]re|\s+are)|belongs?\s+to|belonging\s+to|owner,?|prescribed\s+to|"
                          r"labell?ed\s+for|made\s+out\s+to|if\s+found,?\s+(?:please\s+)?(?:call|text|contact|return\s+(?:it\s+)?to))\s+$",
                          re.I)
OWNER_NAME = re.compile(r"(?i:if\s+found,?\s+(?:please\s+)?(?:call|text|contact|return\s+(?:it\s+)?to)|if\s+you(?:['’]re|\s+are)|"
                        r"belongs?\s+to|prescribed\s+to|labell?ed\s+for)\s+((?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+))?)")
LOST_FOUND = re.compile(r"\b(?:found|lost|left\s+(?:behind|at|in|on)|forgot|forgotten|turned\s+in|lost[- ]and[- ]found)\b", re.I)
OBJECT_NAME = re.compile(r"\b(?:" + CARED_FOR + r"|gave|helped|welcomed|transported|airlifted|delivered|stabilized)\s+(" +
                         U + L + r"+(?:[ \t]+" + U + L + r"+){0,2})\b")
SUBJECT_NAME = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?)\s+"
                          r"(?=(?:just\s+|finally\s+)?(?:rang|was|is|has|had|finished|completed|received|went|came|underwent|"
                          r"celebrated|beat|got|left|delivered|welcomed|spent)\b)")
INITIAL_NAME = re.compile(r"\b(?!P\.?\s?O\.?\s+Box)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[A-Z]\.(?!\w)|(?<!P\.\s)(?<!P\.)\b[A-Z]\.\s?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b")
QUOTED_NICK_WORD = r'[\"“«][A-Z][a-z]+[\"”»]'       # a nickname in quotes: "Winnie", «Lola»
QUOTED_NICK = re.compile(r"\s+" + QUOTED_NICK_WORD + r"\s+(" + U + L + r"+)(?!\w)")      # Winifred "Winnie" Achterberg
# a full name with a quoted nickname inside: Javiera «Javi» Soto, Margaret "Peggy" Lund (the model often calls it a
# product or a work of art)
NICK_FULL = re.compile(r"(?<![\w'’.-])" + U + L + r"+\s+" + QUOTED_NICK_WORD + r"\s+" + U + L + r"+(?!\w)")
NAME_BEFORE_NICK = re.compile(r"(?<![\w'’.-])(" + U + L + r"+)\s+" + QUOTED_NICK_WORD + r"\s+$")
GREETING = re.compile(r"^\W{0,3}(?:(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening)|estimad[oa]|querid[oa]|hola)[ ,]+)?"
                      r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Sra?|Srta|Dra)\.?\s+)?[A-ZÀ-Þ][a-zß-ÿ'’-]+(?:\s+[A-Z]\.|\s+[A-ZÀ-Þ][a-zß-ÿ'’-]+)?"
                      r"|[A-Z]\.\s?[A-Z]\.)\s*(?:[,!]|\s[—–-]\s)", re.M)     # (or initials: "R.T., we're sorry ...")
# "Estimado Sr. Villalobos:" a letter's salutation (a title is required before a colon: "Reminder:" is no greeting)
GREETING_TITLED = re.compile(r"^\W{0,3}(?:(?i:dear|estimad[oa]|querid[oa])\s+)?((?:Mr|Mrs|Ms|Miss|Dr|Sra?|Srta|Dra)\.?\s+"
                             r"[A-ZÀ-Þ][a-zß-ÿ'’-]+(?:\s+[A-ZÀ-Þ][a-zß-ÿ'’-]+)?)\s*:")
THANKS_NAME = re.compile(r"^\W{0,3}(?i:thank(?:s| you)|(?:muchas\s+)?gracias)(?: so much| again)?(?:\s+(?i:for)\s+[^,.!?\n]{1,40})?,?\s+"
                         r"((?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\s*[!,.]")
CUE_NAME = re.compile(r"\b(?:(?i:shout-?out to|shoutout to|congrats to|congratulations to|prayers for|praying for|"
                      r"welcome home,?|welcome to the world,?|way to go,?|so proud of|proud of|our (?:friend|buddy|hero|warrior|champ)|"
                      r"happy (?:\d+(?:st|nd|rd|th)\s+)?birthday,?(?:\s+to)?|felicidades,?(?:\s+a)?|feliz cumplea[nñ]os,?|"
                      r"bienvenid[oa](?: a casa)?,?|feel better,?|get well soon,?|heal up,?|speedy recovery,?)|"
                      r"Go|is|Meet|Remember|"
                      r"(?:our|his|her|their|the) patient,?|patient|(?i:baby|little))\s+"
                      r"([A-Za-zÀ-Þ][a-zß-ÿ'’-]{1,20}(?:[ \t](?-i:[A-ZÀ-Þ])[a-zß-ÿ'’-]{1,20})?)(?=[\s,!.:;]|$)")
# (capitalised "Sister", "Father", "Mother", "Brother" before a name are religious titles: "Sister Mary Clement")
RELATIVE_NAME = re.compile(r"\b(?:(?i:parents?|mom|dad|husband|wife|son|daughter|grandparents?|grandma|grandpa|twins|triplets|"
                           r"siblings|grandson|granddaughter)|mother|father|sister|brother)(?:\s+|,\s+(?=[A-Z][a-z'’-]+,))([A-Z][a-z'’-]+(?:\s+(?:&|and)\s+[A-Z][a-z'’-]+)?(?:\s+[A-Z][a-z'’-]+)?)")
VOCATIVE = re.compile(r"(?:,|\b(?:you|it|this|done|did it|go|girl|buddy))\s+([A-Z][a-z'’-]{2,20}(?:\s[A-Z][a-z'’-]{1,20}){0,2})\s*(?:[!.]|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF])")
LEADING_TITLE = re.compile(r"^(?:Nurse|Officer|Mayor|Dr\.?|Doctor|Mr\.?|Mrs\.?|Ms\.?|Miss|Ambassador(?:\s+\(ret\.\))?|Coach|Pastor|Captain|Chef)\s+")
FAMILY = re.compile(r"\b(?i:the|both|all|two|three|four|five|six)\s([A-Z][a-z'’-]+) (?:family|twins|triplets|quadruplets|kids|"
                    r"children|sisters|brothers|siblings|cousins)\b|\b(?i:la\s+)?familia\s+[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?")
HASHTAG_NAME = re.compile(r"#(?:PrayersFor|PrayFor|PrayingFor|Praying4|HealingFor|GetWell|JusticeFor|StandWith|Team|Go|Love)"
                          r"(?:Baby|Little|Lil)?((?:Mc|Mac|De|La|Le|Di|Da|Van)[A-Z][a-z]{2,}|[A-Z][a-z]{2,})(?:[A-Z][a-z]{2,})?\b"
                          r"|#(?:Baby|Little|Lil)?([A-Z][a-z]{2,})(?:Strong|Tough|Warrior|Fights|Journey)\b")
CREDENTIAL = re.compile(r"^\**\s*,?\s*(?:MD|M\.D\.|DO|D\.O\.|RN|BSN|MSN|DNP|NP|FNP(?:-BC)?|APRN|CNS|CNM|CRNA|PA-C|PA|DDS|DMD|DPM|"
                        r"OD|PharmD|RPh|RDH|CCRN|CEN|CPN|RNC|OCN|FACS|FAAP|FACC|FACP|FAAN|FACHE|PhD|PsyD|LPN|LVN|CNA|"
                        r"CMA|MA|RRT|CRT|MPH|MBA|MHA|MSW|LCSW|LMFT|LPC|PT|DPT|OT|OTR/L|SLP|CCC-SLP|RD|RDN|EMT(?:-P)?|"
                        r"CST|ARRT|IBCLC|CDCES|BCPS|CNO|CEO|CMO|COO|CFO)\b")
PROFESSIONAL = re.compile(r"(?i:his|her|their)\s+(?:(?:[\w-]+\s+){0,3}(?:fellowship|residency|training|degree|practice|career|"
                          r"specialty|certification|board|team|patients|research|work|clinic|department|service|rotation)\b"
                          r"|\d[\d,]*(?:st|nd|rd|th)\b)")        # "his 500th prostatectomy": a career count
AGENT_BY = re.compile(r"\b(?:by|with|from|thanks to|thank you to|to)\s+$", re.I)
ONE_OF = re.compile(r"\bone of\s+$", re.I)
UNIQUE = re.compile(r"\b(?:our|the)\s+(?:very\s+)?(?:youngest|oldest|first|only|last|longest[- ]\w+)\s+"
                    r"(?:[\w-]+\s+){0,2}(?:patient|baby|recipient|survivor|resident|admission|case)\b", re.I)
INCIDENT_PERSON = re.compile(r"\bthe\s+(?!(?:[\w-]+\s+){0,4}?(?:team|crew|staff|squad|department|unit|nurses|doctors|medics|"
                             r"paramedics|firefighters|volunteers|officers|deputies|bystanders)\s+who\b)"        # a team that saved
                             r"(?:[\w-]+\s+){0,4}?[\w-]+\s+who\s+(?:collapsed|crashed|fell|drowned|nearly\s+drowned|"
                             r"overdosed|went\s+into\s+(?:cardiac\s+)?arrest|was\s+(?:hit|injured|shot|stabbed|rescued|pulled|"
                             r"struck|burned|found|airlifted|trapped|sent\s+to|rushed\s+to|taken\s+to)|pulled|saved|rescued|carried|"
                             r"dragged|shielded)", re.I)
ACQUAINTANCE = re.compile(r"\b(?:a|some|this)\s+(?:guy|girl|man|woman|lady|kid|dude|teen)\s+I\s+(?:went to|know|knew|dated|"
                          r"used to|grew up)|\bmy\s+(?:old\s+)?(?:neighbou?r|ex|classmate|coworker|co-worker|kid's teacher|"
                          r"landlord|boss|pastor)\b", re.I)
# given names that are also months or words (name stopwords), read as names right after a relative: "his wife, June"
KIN_NAMES = {"june", "april", "may", "august", "dawn", "hope", "faith", "joy", "grace", "summer", "autumn", "rose", "iris",
             "ivy", "lily", "pearl", "ruby", "holly", "olive", "jade", "amber", "star", "sky", "will", "bill", "mark", "art",
             "jack", "pat", "sue", "frank", "earl", "ray", "don", "rich", "chase", "hunter", "mason", "page", "paige"}
# a newborn's parents named as a pair: "born 3/14 ... to Makana and Pua", "Congratulations to Priya & Dev on the arrival"
_GIVEN = r"[A-Z][a-z'’-]+"
PARENTS_NAMED = re.compile(r"\b(?:born|arrived|delivered)\b[^.!?\n]{0,60}?\bto\s+(?:proud\s+(?:parents|mom|dad)\s+)?"
                           r"(" + _GIVEN + r"\s+(?:&|and)\s+" + _GIVEN + r"(?:\s+" + _GIVEN + r")?)\b"
                           r"|\b(?i:congrat\w*|felicidades)\s+(?:to\s+|a\s+)?(" + _GIVEN + r"\s+(?:&|and|y)\s+" + _GIVEN + r")"
                           r"(?=\s+(?:on|for|por)\s+(?:the\s+)?(?:arrival|birth|new\s+baby|baby|el\s+nacimiento|la\s+llegada)\b)")
POSSESSED_KIN = re.compile(r"\b(?:her|his|their)\s+(?:late\s+|beloved\s+)?(?:husband|wife|son|daughter|mom|mother|dad|father|"
                           r"partner|spouse|brother|sister|grandson|granddaughter|baby)[\s,]*$", re.I)
# "Riverton County's only female firefighter": a place's only/first/oldest member of an occupation is one person
PLACE_ONLY = re.compile(r"\b" + U + r"[\w.]*(?:\s" + U + r"[\w.]*){0,3}['’]s\s+(?:only|first|oldest|youngest|last)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?i:" + PATIENT_OCCUPATIONS + r"|woman|man|girl|boy|female\s+[\w-]+|male\s+[\w-]+)\b")
# "16yo from Eastfield High": an age and the person's school or town
# and with a few words of description between them: "a 38-year-old spin instructor from Kessler Heights" (a state
# is not smaller than a state: "a 40-year-old man from Ohio" is left alone)
US_STATES = (r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
             r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
             r"Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|"
             r"North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|"
             r"Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|Puerto\s+Rico|Guam|Canada|Mexico")
AGE_FROM = re.compile(r"\b\d{1,2}\s?(?:yo|y/o|-year-old)\s+(?:(?:boy|girl|man|woman|male|female|kid|teen|teenager)\s+)?"
                      r"from\s+(?!(?:the\s+)?(?-i:" + US_STATES + r")\b)(?:the\s+)?" + U + r"[\w'’.-]*(?:\s+(?-i:" + U + r")[\w'’.-]*){0,3}"
                      r"|\b\d{1,3}(?:\s?(?:yo|y/o)|-year-old)\s+(?:(?!(?:who|and|with|was|is|had|has)\b)[\w-]+\s+){1,3}?from\s+"
                      r"(?!(?:the\s+)?(?-i:" + US_STATES + r")\b)(?:the\s+)?(?-i:[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})", re.I)
PLACE_AFTER_NAME = re.compile(r"(?:,\s*\d{1,3},?)?\s*,?\s*(?:from|of)\s+(?:right here in\s+|nearby\s+)?"
                              r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
PLACE_HOME = re.compile(r"\b(?:(?:went|go|going|headed|heading|back|returned)\s+home\s+to|home\s+in|lives\s+in|living\s+in|"
                        r"resident\s+of|moved\s+to)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
# the place of an accident, a fall or a rescue, told of someone now in our care: "the cyclist hit on Route 9 by the
# Alder Creek bridge", "injured in Tuesday's bus crash on Harbor Blvd", "flew a woman from mile marker 212 on Hwy 93"
ROAD = (r"(?:[A-Z][\w'’-]*\s+){1,3}" + R.STREET_SUFFIX + r"\b\.?"
        r"|(?:Route|Rte\.?|Highway|Hwy\.?|Interstate|County\s+(?:Road|Rd\.?)|State\s+(?:Route|Road)|US|SR|I)[\s-]?\d{1,4}[A-Z]?\b"
        r"|mile\s+marker\s+\d+(?:\s+(?:on|of)\s+(?:Route|Rte\.?|Highway|Hwy\.?|Interstate|I)[\s-]?\d{1,4})?")
LANDMARK = r"(?:\s+(?:by|near|at)\s+the\s+(?:[A-Z][\w'’-]*\s+){1,3}(?i:bridge|intersection|overpass|exit|crossing|underpass))?"
INCIDENT_PLACE = re.compile(r"\b(?i:crash|crashed|collision|wreck|rollover|accident|fire|blaze|explosion|shooting|stabbing|fell|fall|"
                            r"hit|struck|injured|collapsed|poisoning|drowning|pulled\s+from|rescued\s+from)\b[^.!?\n]{0,30}?"
                            r"\b(?:on|at|near|along|off|from)\s+(?:the\s+)?((?:" + ROAD + ")" + LANDMARK + ")")
# a home's road named without a house number: "settled back home on Maple Hollow Rd", "the X family out on County Rd 12"
HOME_ROAD = re.compile(r"\b(?i:home|lives|living|house|farm|ranch|place|out)\s+(?i:on|off)\s+(?:the\s+)?(" + ROAD + ")")
FLOWN_FROM = re.compile(r"\b(?i:flew|flown|airlifted|transported)\b[^.!?\n]{0,40}?\bfrom\s+(?:the\s+)?((?:" + ROAD + ")" + LANDMARK + ")")
# lowercase words without which a rarer pattern cannot match (a substring test per post is much cheaper than a regex
# scan): the pattern runs only where one of them occurs
CHEAP_GUARDS = {
    "parents": ("born", "arrived", "delivered", "congrat", "felicidades"),
    "record": ("dob", "d.o.b", "ssn", "mrn", "mbi", "date of birth", "member id", "born"),
    "spotlight": ("spotlight", "meet", "honor", "honour", "remember", "memoriam", "featured", "volunteer", "donor",
                  "patient", "story", "celebrat"),
    "lost": ("found", "lost", "left", "forgot", "turned in"),
    "our_kid": tuple(f"{who} {kid} " for who in ("our", "my") for kid in ("girl", "boy", "guy", "gal", "friend", "buddy",
                                                                            "kiddo", "man", "lady", "warrior", "champ",
                                                                            "fighter")),
    "incident": ("crash", "collision", "wreck", "rollover", "accident", "fire", "blaze", "explosion", "shooting",
                 "stabbing", "fell", "fall", "hit", "struck", "injured", "collapsed", "poisoning", "drowning", "pulled",
                 "rescued"),
    "flown": ("flew", "flown", "airlifted", "transported"),
    # (heldout8 classes)
    "age_name": ("old ",),
    "quote": ('"', "“", "«"),
    "board": ("rm", "room", "bed", "bay"),
    "milestone": ("0th ", "1st ", "2nd ", "3rd ", "4th ", "5th ", "6th ", "7th ", "8th ", "9th ", "1th ", "2th ", "3th "),
    "only": ("only ", "lone ", "first "),
    "notable": ("anchor", "meteorolog", "weather", "host", "well-known", "famous", "prominent", "popular", "beloved",
                "happens to be"),
    "possessive": ("'s ", "’s "),
    "who": (" who ",),
    "zip": ("zip",),
    "shown": ("read", "say", "show"),
    "photo_words": ("after", "selfie"),
    "home_road": ("home on", "home off", "lives on", "lives off", "living on", "house on", "farm on", "ranch on",
                  "out on", "place on"),
}
HISTORICAL = re.compile(r"\b(?i:in|since|during|circa|c\.)\s+(?:[A-Z][a-z]+\s+)?(?:1[6-8]\d\d|19[0-4]\d)\b")
# a birth ("welcomed twin girls", "the arrival of baby X"): for a staff member, personal news rather than care
BIRTH_WORDS = re.compile(r"\b(?i:arrival\s+of|welcom(?:ed|es|ing)|gave\s+birth)\b")
WEAK_RECEIPT = {"finished", "finishing", "completed", "received", "born", "delivered", "went home", "heading home", "graduated"}
# ---- the boundaries of a name ------------------------------------------------------------------------------
# A name is one line's worth of words: the model sometimes runs a name on into the next line of an address block
# or a form ("Lena Wirth\nAddress"), or across a speaker's colon into what is said ('Heather:"I'm Daniel').
NAME_BREAK = re.compile(r"[ \t]*(?:\r?\n|[:|]|\t|[ ]{3,})[ \t]*")     # not quotes: Margaret "Peggy" O'Brien
NAME_CONTRACTION = re.compile(r"I['’]m\s+")                # 'I'm Daniel' inside a quotation: the name is Daniel
# words that end a name: an address unit or a form label that follows it on the same line ("Cindy Holinka Apt. 117")
NAME_TAIL_WORDS = re.compile(r"(?:\s+(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Rm|Box|P\.?\s?O\.?|"
                             r"Address|Phone|Tel|Fax|Email|E-mail|Mobile|Cell|DOB)\b\.?)+$")
# occupations written before a name as a descriptor ("Producer Liviana Palerma explained"): not part of the name.
# Forms of address (Mr., Dr., Nurse, Coach, Mayor... LEADING_TITLE and TITLE_NAME) stay: they are how the
# person is referred to, and the finding highlights the whole reference.
OCCUPATIONS = (r"Producer|Director|Writer|Author|Novelist|Poet|Singer|Songwriter|Actor|Actress|Editor|Manager|Engineer|"
               r"Designer|Artist|Photographer|Reporter|Journalist|Columnist|Composer|Guitarist|Drummer|Bassist|"
               r"Vocalist|Musician|Filmmaker|Pharmacist|Physician|Surgeon|Therapist|Dietitian|Paramedic|Midwife|"
               r"Founder|Co-founder|Spokesperson|Spokesman|Spokeswoman|Analyst|Attorney|Lawyer|Architect|Scientist|"
               r"Researcher|Economist|Narrator|Illustrator|Dancer|Comedian|Student|Patient")
OCCUPATION_LEAD = re.compile(r"(?:" + OCCUPATIONS + r")\s+(?=" + U + ")")
# a middle initial with or without its period, and the surname after it ("Ryan P Costa", "Sari J. Paavolainen")
INITIAL_SURNAME_AFTER = re.compile(r"[ \t]+(?!I\b)[A-Z]\.?[ \t]+(" + U + L + r"+)(?!\w)")
SURNAME_AFTER_INITIAL = re.compile(r"[ \t]+(" + U + L + r"+)(?!\w)")
FIRST_BEFORE_INITIAL = re.compile(r"(?<![\w'’.-])(" + U + L + r"+)[ \t]+(?!I\b)[A-Z]\.?[ \t]+$")
FIRST_BEFORE = re.compile(r"(?<![\w'’.-])(" + U + L + r"+) $")
# capitalised function words, sentence adverbs and cheers that a recognizer may take in front of a name at the
# start of a sentence ("Yesterday Okafor went home", "Go Okafor!"): never part of the name
NON_NAME_WORDS = (r"Yesterday|Tomorrow|Today|Tonight|Then|Later|Also|After|Before|While|Since|Because|But|So|If|As|"
                  r"With|From|By|Like|Did|Does|Do|Was|Is|Has|Had|Can|Could|Would|Should|Let|Finally|Recently|Sadly|"
                  r"Luckily|Hopefully|Thankfully|Unfortunately|Fortunately|Meanwhile|Still|Even|Just|Now|When|And|Or|"
                  r"About|Against|Among|Around|At|For|In|Into|Of|On|Over|To|Under|Until|Via|Without|Within|Through|"
                  r"During|Near|Behind|Beyond|Upon|Go|Love|Shoutout|Shout-out|Pray|Praying|Goodnight|Goodbye|Bye|"
                  r"Cheers|Hugs")
LEADING_NON_NAME = re.compile(r"(?:" + NON_NAME_WORDS + r"),?[ \t]+(?=" + U + ")")
NOT_FIRST_NAME = re.compile(r"(?:Nurse|Officer|Mayor|Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Master|Ambassador|Coach|Pastor|Captain|"
                            r"Chef|Deputy|Sgt|Sergeant|Senator|Governor|Rep|Judge|Professor|Prof|Chaplain|Firefighter|"
                            r"President|Minister|Sir|Madam|Lady|Lord|King|Queen|Prince|Princess|General|Colonel|"
                            r"Major|Lieutenant|Lt|Admiral|Commander|Bishop|Rabbi|Reverend|Rev|Imam|Cardinal|Pope|"
                            r"Uncle|Aunt|Auntie|Grandma|Grandpa|Sister|Brother|Father|Mother|Saint|St|The|A|An|"
                            r"Poor|" + NON_NAME_WORDS + "|" + OCCUPATIONS + r")$|\w{4,}(?<!er)ly$|\w+ing$|\w{3,}(?<!fr|mm|hm|dr|ar)ed$|.*['’][a-z]{1,2}$")

# a single capitalised word right before a staff title and a name is the employer ("HearthLine nurse Priya X")
STAFF_NOUN_NEXT = re.compile(r"\s+(?:nurses?|doctors?|surgeons?|physicians?|pharmacists?|midwi(?:fe|ves)|paramedics?|"
                             r"therapists?|chaplains?|aides?|techs?|dietitians?|hospitalists?)\s+(?=[A-Z])")
ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-Z]{2,6}")       # capitals without a vowel: SRTR, CMS, NHSN
# the author's own account: "add me here or on Instagram @x", "follow me @x"
OWN_HANDLE_BEFORE = re.compile(r"(?:\b(?:me|my)\b[^.!?\n]{0,40}\b(?:on|at|via)\s+(?:Instagram|IG|Insta|TikTok|Twitter|X|Facebook|"
                               r"FB|Threads|Snapchat|LinkedIn|Bluesky)|\b(?:follow|add|find|dm|message)\s+me\b[^.!?\n]{0,40}?)[:\s]*$",
                               re.I)
PERSONAL_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?\s+$")
HYPHEN_TAIL = re.compile(r"-[a-zß-öø-ÿ]+\b")
FIRST_WORD = re.compile(r"\S+\s+(?=\S)")
NAME_LOOKBACK = 120
# a name right after an age: "4-year-old Hamza", "Seven-year-old Lucia Ferraz" (the model often calls it ORG)
NUMBER_WORDS = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_WORD = U + r"[a-zß-öø-ÿ]+(?:-" + U + r"[a-zß-öø-ÿ]+)?"
AGE_NAME = re.compile(r"\b(?i:" + NUMBER_WORDS + r")[- ](?i:years?|months?|weeks?|days?)[- ](?i:old)\s+(" + _WORD + r"(?:[ \t]+" +
                      _WORD + r")?)(?=['’]s\b|[^\w'’-]|$)")
# "a 91-year-old Navajo grandmother": a word describing the person, not a name
PERSON_NOUN_NEXT = re.compile(r"\s+(?:[a-z-]+\s+)?(?:man|men|woman|women|boy|girl|elder|patient|child|kid|baby|toddler|teen|"
                              r"dog|retriever|lab|labrador|poodle|terrier|shepherd|beagle|doodle|spaniel|collie|cat|pony|horse|"
                              r"mother|father|mom|dad|grand\w+|twins?|" + PATIENT_OCCUPATIONS + r")\b")
# a relative clause giving the person's condition: "X, whose asthma ..." (not "whose research", "whose team")
WHOSE = re.compile(r"\s*,?\s*(whose)\s+(?!(?:[\w'’-]+\s+){0,2}(?:research|work|team|practice|career|book|clinic|program|lab|"
                   r"studies|study|papers?|patients|foundation|gift|donation)\b)(?:[\w'’-]+\s+){0,2}")
IMAGE_GROUPS = (1, 2, 3, 4)            # the description groups of R.IMAGE
TABLE_CELL_BEFORE = re.compile(r"\|[ \t]*(?:\*\*)?$")
PLACE_VOCATIVE = re.compile(r"\b(?i:out\s+there|stay\s+(?:cool|safe|warm|healthy|well|dry)|everyone|y['’]all|neighbou?rs|friends)[,!]?\s+$")
PHOTO_MENTION = re.compile(r"\b(?:(?:swipe\s+(?:\W{0,3}\s*)?(?:for|to\s+see)\s+(?:his|her|their)\s+)?before\s*(?:&|and|-|/)\s*"
                           r"after(?:\s+(?:photos?|pics?|pictures?|shots?))?(?:\s*[📷📸])?"
                           r"|selfie\s+with\s+(?:my|our|a|this)\s+(?:[\w-]+\s+){0,2}patient)", re.I)
# a player by jersey number, cheered or wished well: "get-well to #12, ...", "Welcome back to the court, #3 —"
JERSEY = re.compile(r"\b(?i:to|for|go|congrats|congratulations|welcome\s+back(?:\s+to\s+the\s+\w+)?)[,:]?\s+(#\d{1,2})\b"
                    r"(?=\s*(?:[,—–!-]|$))")
SPORTS = re.compile(r"\b(?:game|field|team|season|goalie|jersey|court|practice|match|varsity|jv|coach|football|soccer|"
                    r"basketball|volleyball|hockey|baseball|softball|lacrosse|wrestling)\b|[⚽🏈🏀🏐🏒⚾🥎🥍]", re.I)
# a patient's place rather than a room: "chair 4", "bed 12", "bay 3"
SEAT = re.compile(r"(?i:chair|bed|bay|pod|crib|isolette|cubicle)\b")
# a patient's apartment complex or park: "at the Birchwood apartments"
RESIDENCE = re.compile(r"\b(?:at|in|from)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){1,3}(?i:apartments|apts\.?|trailer\s+park|"
                       r"mobile\s+home\s+park|condos|townhomes|townhouses))")
# the first of a procedure done on someone: "the first outpatient hip replacement ... on a 93-year-old"
FIRST_PROCEDURE = re.compile(r"\b(?:our|the)\s+(?:very\s+)?(?:first|only)\s+(?:[\w-]+\s+){0,3}?(?:replacement|transplant|"
                             r"surgery|procedure|implant|repair|delivery|\w+ectomy|\w+plasty)\b", re.I)
# the speaker credited after a closing quotation mark and a dash
QUOTE_CREDIT = re.compile(r"[\"”]\s*[—–-]\s*$")
# a name opening a photo's description: "[Alt text: Imre Farkas in a gown ...]"
DESC_NAME = re.compile(r"(?:(?i:" + NUMBER_WORDS + r")[- ](?i:years?|months?)[- ](?i:old)\s+)?(" + U + L + r"+(?:[ \t]+" + U + L +
                       r"+){1,2})(?=,|\s+(?:in|at|with|and|on|holding|smiling|grinning|waving|sitting|standing|lying|"
                       r"hugging|during|after|before|showing|wearing|next|by)\b)")
ANIMAL_WORDS = {"dog", "retriever", "lab", "labrador", "poodle", "terrier", "shepherd", "beagle", "doodle", "spaniel", "collie",
                "cat", "pony", "horse", "golden"}
# a patient's board or census entry: a room or bed number and "Surname, I" ("Rm 4 – Castellano, R – lap chole")
BOARD_ENTRY = re.compile(r"\b(?i:rm\.?|room|bed|bay|or)[ \t]*#?\d{1,4}[A-Z]?[ \t]*[–—:|-][ \t]*(" + _SURNAME + r",[ \t]*[A-Z]\.?)(?![\w'’])")
# a quoted nickname after a possessive or a patient word: 'our littlest fighter "Bean"', 'for their "Disco Queen"'
# (followed by what a person does or where a patient lies: "who", "is", a comma, "in bed 4")
NICKNAME_AFTER = re.compile(r"\b(?i:our|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?[\"“]((?:Big|Little|Lil|Miss|Mr\.?)?\s?" + U + L + r"+(?:\s" + U + L + r"+)?)[,.!]?[\"”]"
                            r"(?=\s*(?:[^\w\s]\s*){0,3}(?:who\b|is\b|was\b|has\b|,|in\s+(?i:bed|room|bay|pod|crib)))")
# a second name joined to a name: "Amani and Joel", "Tell Nia and Nate ..."
AND_NAME = re.compile(r"\s+(?:and|&)\s+(" + U + L + r"{2,})(?!\w|['’]s\b|\s+" + U + ")")
# an emoji or a sentence end between a role phrase and a name: the role is not said of that person
BREAK_BETWEEN = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|[.!?](?:\s|$)")


def name_bounds(text: str, s: int, e: int, stop: set[str], ner: bool, others: Sequence[Span] = (),
                not_names: set[str] | frozenset[str] = frozenset()) -> list[Span]:
    """The name (or names) inside a span a recognizer proposed: cut at line breaks and speaker colons; without
    a following address word or form label, a leading occupation or sentence adverb, or a trailing 's; with the
    rest of a hyphenated surname, a middle initial's surname and a quoted nickname. ``ner``: a span from the model, which often tags a
    surname alone after an unusual first name ("Name: Sieda Batukayev" -> "Batukayev"); ``others``: spans of
    the model's other entities (a capitalised word inside one is not a first name); ``not_names``: lowercased
    words that are not names at all in this text (its health terms): never extended."""
    def lstrip(a: int, b: int) -> int:
        while a < b and not text[a].isalnum():
            a += 1
        return a

    def rstrip(a: int, b: int) -> int:
        while b > a and not (text[b - 1].isalnum() or (text[b - 1] == "." and re.search(r"\b[A-Z]\.$", text[a:b]))):
            b -= 1
        while b > a and text[b - 1] in "'’s" and text[b - 2:b] in ("'s", "’s"):
            b -= 2
        return b

    s = lstrip(s, e)
    pieces: list[Span] = []
    cursor = s
    for m in NAME_BREAK.finditer(text, s, e):
        pieces.append((cursor, m.start()))
        cursor = m.end()
        if "\n" in m.group():
            break                   # the next line is another field (company, job title, address)
    else:
        pieces.append((cursor, e))
    out: list[Span] = []
    for a, b in pieces:
        a = lstrip(a, b)
        m = NAME_CONTRACTION.match(text, a, b)
        if m:
            a = m.end()
        m = OCCUPATION_LEAD.match(text, a, b) or LEADING_NON_NAME.match(text, a, b)
        if m:
            a = m.end()
        b = rstrip(a, b)
        m = NAME_TAIL_WORDS.search(text, a, b)
        if m and m.start() > a:
            b = rstrip(a, m.start())
        if a >= b or not any(c.isalpha() for c in text[a:b]):
            continue
        # the line before the name, at most NAME_LOOKBACK characters of it (never a scan back to the start of a
        # huge draft without line breaks)
        floor = max(0, a - NAME_LOOKBACK)
        line_start = max(floor, text.rfind("\n", floor, a) + 1)
        # a hyphenated surname runs on: "Hauta-aho"; a word glued to a lowercase prefix is not a first name:
        # "ex-Zombie Lundberg"
        m = HYPHEN_TAIL.match(text, b)
        if m and text[b - 1].isalpha():
            b = m.end()
        if a > 1 and text[a - 1] == "-" and text[a - 2].islower():
            m = FIRST_WORD.match(text, a, b)
            if m:
                a = m.end()
            else:
                continue
        last = text[a:b].split()[-1]
        first_word = text[a:b].split()[0]
        # a middle initial and the surname after it
        m = INITIAL_SURNAME_AFTER.match(text, b)
        if re.fullmatch(r"[A-Z]\.", last) and len(text[a:b].split()) > 1:
            m2 = SURNAME_AFTER_INITIAL.match(text, b)
            if m2 and m2.group(1).lower() not in stop:
                b = m2.end(1)
        elif m and m.group(1).lower() not in stop and not NAME_TAIL_WORDS.match(" " + m.group(1)) and \
                re.fullmatch(U + L + "+", last):
            b = m.end(1)
        # a quoted nickname between first name and surname: one name
        m = QUOTED_NICK.match(text, b)
        if m and m.group(1).lower() not in stop:
            b = m.end(1)
        # a first name (and middle initial) before a surname the model tagged alone
        before = text[line_start:a]
        m = NAME_BEFORE_NICK.search(before)
        if m and m.group(1).lower() not in stop and not NOT_FIRST_NAME.match(m.group(1)):
            a = line_start + m.start(1)
            before = text[line_start:a]
        m = FIRST_BEFORE_INITIAL.search(before)
        if m and re.fullmatch(U + L + "+", first_word):
            word = m.group(1)
            if word.lower() not in stop and not NOT_FIRST_NAME.match(word) and not LEAD_VERB.match(word + " X"):
                a = line_start + m.start(1)
        elif ner and len(text[a:b].split()) == 1 and text[a:b].lower() not in not_names and \
                not ORG_WORDS.search(text[a:b]):
            m = FIRST_BEFORE.search(before)
            if m:
                word = m.group(1)
                ws = line_start + m.start(1)
                if word.lower() not in stop and not NOT_FIRST_NAME.match(word) and not LEAD_VERB.match(word + " X") \
                        and not ORG_WORDS.fullmatch(word) and not any(os <= ws < oe for os, oe in others):
                    a = ws
        b = rstrip(a, b)
        if a < b:
            out.append((a, b))
    return out


PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t][^\n]*")
PATIENT_REF = re.compile(r"\b(?:\d{1,3}-year-old|frequent\s+flyers?|guess\s+who|patient|guy|gal|lady|gentleman|man|woman|boy|girl|kid|baby|toddler|teen|buddy|friend|"
                         r"(?-i:family)|mom|dad|mother|father|son|daughter|grandma|grandpa|resident|he|she|him|her|his)\b", re.I)


@dataclass(frozen=True)
class PhiCandidate:
    type: str
    start: int
    end: int
    linked: bool          # tied to health information or the fact of care of an individual
    authorized: bool      # covered by a recorded, valid patient authorization
    reason: str           # short, no plaintext: why this is PHI
    sensitive: str | None = None

    @property
    def direct(self) -> bool:
        return self.type in DIRECT_TYPES


@dataclass
class Person:
    start: int
    end: int
    source: str
    staff: bool = False
    patient: bool = False
    reason: str = ""
    public: bool = False
    receipt: bool = False


class Lex:
    """Look up lexicon matches by name (empty when a pack does not define the lexicon)."""

    def __init__(self, find: Callable[[str], list[Span]], terms: Callable[[str], Sequence[str]]) -> None:
        self._find = find
        self.terms = terms
        self._indexes: dict[str, SpanIndex] = {}

    def spans(self, name: str) -> list[Span]:
        return self._find("@" + name)

    def index(self, name: str) -> "SpanIndex":
        found = self._indexes.get(name)
        if found is None:
            found = self._indexes[name] = SpanIndex(self.spans(name))
        return found

    def any_in(self, name: str, start: int, end: int) -> bool:
        return self.index(name).overlaps((start, end))

    def first_in(self, name: str, start: int, end: int) -> Span | None:
        spans = self.index(name).spans                       # sorted: start at the first span from ``start``
        for j in range(bisect.bisect_left(spans, (start, -1)), len(spans)):
            s, e = spans[j]
            if s >= end:
                return None
            if e <= end:
                return (s, e)
        return None


def _overlaps(a: Span, spans: Iterable[Span]) -> bool:
    if isinstance(spans, SpanIndex):
        return spans.overlaps(a)
    return any(a[0] < e and s < a[1] for s, e in spans)


class SpanIndex:
    """Spans sorted by start with a running maximum of ends: overlap queries in O(log n)."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.max_end: list[int] = []
        best = -1
        for _s, e in self.spans:
            best = max(best, e)
            self.max_end.append(best)

    def overlaps(self, a: Span) -> bool:
        i = bisect.bisect_left(self.starts, a[1]) - 1
        return i >= 0 and self.max_end[i] > a[0]

    def add(self, span: Span) -> None:        # rare after construction: rebuild the running maximum from i
        i = bisect.bisect_left(self.spans, span)
        self.spans.insert(i, span)
        self.starts.insert(i, span[0])
        self.max_end.insert(i, 0)
        best = self.max_end[i - 1] if i > 0 else -1
        for j in range(i, len(self.spans)):
            best = max(best, self.spans[j][1])
            if self.max_end[j] == best and j > i:
                break
            self.max_end[j] = best

    def within(self, start: int, end: int, longest: int = 200) -> list[Span]:
        """Spans overlapping [start, end) among those at most ``longest`` long (lexicon phrases)."""
        lo = bisect.bisect_left(self.starts, start - longest)
        hi = bisect.bisect_left(self.starts, end)
        return [sp for sp in self.spans[lo:hi] if sp[1] > start]

    def __iter__(self) -> Any:
        return iter(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


def authorization_state(metadata: Mapping[str, Any], platform: str | None, text: str, lex: Lex,
                        today: _dt.date | None = None) -> tuple[bool, str | None]:
    """(authorized, problem) from front matter ``patient_authorization`` or an on-file statement in the text."""
    today = today or _dt.date.today()
    value = metadata.get("patient_authorization", metadata.get("authorization_id"))
    if value is not None:
        if isinstance(value, Mapping):
            status = str(value.get("status", "signed")).lower()
            if status in {"pending", "verbal", "requested", "revoked", "expired"} or not value.get("id"):
                return False, f"patient authorization is {status if status != 'signed' else 'missing its id'}"
            expires = value.get("expires")
            if expires:
                try:
                    date = expires if isinstance(expires, _dt.date) else _dt.date.fromisoformat(str(expires))
                except ValueError:
                    return False, "patient authorization has an unreadable expiry date"
                if date < today:
                    return False, "patient authorization has expired"
            platforms = value.get("platforms")
            if platforms and platform and platform not in {str(p).lower() for p in platforms}:
                return False, f"patient authorization does not cover this platform ({platform})"
            return True, None
        text_value = str(value).strip().lower()
        if not text_value or text_value in {"none", "no", "false", "n/a", "na", "-"} or re.search(
                r"\b(?:pending|verbal|requested|mailed|sent|awaiting|waiting|tbd|to\s+do|todo|unsigned|expired|revoked)\b",
                text_value):
            return False, "patient authorization is not on file (pending, verbal or expired)"
        for key in ("authorization_expires", "patient_authorization_expires", "authorization_expiry", "expires"):
            expires = metadata.get(key)
            if expires:
                try:
                    date = expires if isinstance(expires, _dt.date) else _dt.date.fromisoformat(str(expires)[:10])
                except ValueError:
                    return False, "patient authorization has an unreadable expiry date"
                if date < today:
                    return False, "patient authorization has expired"
        platforms = metadata.get("authorization_platforms")
        if isinstance(platforms, (list, tuple)) and platform and platform not in {str(p).lower() for p in platforms}:
            return False, f"patient authorization does not cover this platform ({platform})"
        return True, None
    if lex.spans("authorization_void"):
        return False, "only verbal or pending permission is mentioned; HIPAA needs a written authorization"
    if lex.spans("authorization"):
        return True, None
    return False, None


def find_candidates(*, text: str, sentences: Sequence[Span], ents: Sequence[tuple[str, int, int]],
                    lex: Lex, metadata: Mapping[str, Any], platform: str | None,
                    org_contacts: Sequence[str] = (), staff_names: Sequence[str] = (),
                    original: str | None = None) -> list[PhiCandidate]:
    """Every identifier found, each marked linked (PHI in context) or not. ``text`` is the prose view (link
    targets blanked); ``original`` the document's text at the same offsets, where image file names are read."""
    if not text.strip():
        return []

    starts = [s for s, _e in sentences]
    ends = [e for _s, e in sentences]

    def sentence_of(offset: int) -> Span:
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(sentences) and sentences[i][0] <= offset < sentences[i][1]:
            return sentences[i]
        return 0, len(text)

    def next_sentence(span: Span) -> Span | None:
        i = bisect.bisect_left(starts, span[1])
        return sentences[i] if i < len(sentences) else None

    def prev_sentence(span: Span) -> Span | None:
        i = bisect.bisect_right(ends, span[0]) - 1
        return sentences[i] if i >= 0 else None

    care_setting = any(
        w.lower() in {"nurse", "nurses", "nursing", "nurselife", "er", "ed", "icu", "nicu", "picu", "ccu", "hospital",
                      "clinic", "patient", "patients", "rn", "doctor", "medic", "ems", "nightshift", "ernurse",
                      "icunurse", "hospitalist", "pharmacist", "dental", "dentist"}
        for tag in re.findall(r"#(\w+)", text) for w in [tag] + re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\b)|[A-Z]?[a-z]+", tag))
    care = lex.index("care_event")
    # hashtags are compounds ("#HIVawareness", "#StrokeRecovery"): their words count as health information too
    tag_words = [(m.start(), m.end(), hashtag_words(m.group()[1:])) for m in R.HASHTAG.finditer(text)]

    def tagged(name: str) -> list[Span]:
        terms = {t.lower() for t in lex_terms(lex, name) if not t.startswith("re:") and " " not in t}
        return [(s, e) for s, e, words in tag_words if words & terms]

    health = SpanIndex(lex.spans("health") + lex.spans("care_event") + (tagged("health") if tag_words else []))
    authorized, _auth_problem = authorization_state(metadata, platform, text, lex)
    sensitive = None
    for name in ("sensitive_sud", "sensitive_hiv", "sensitive_mental", "sensitive_repro", "sensitive_genetic"):
        if lex.spans(name) or (tag_words and tagged(name)):
            sensitive = name.split("_", 1)[1]
            break

    def has(spans: list[Span], window: Span) -> bool:
        return _overlaps(window, spans)

    hashtag_spans = [(m.start(), m.end()) for m in R.HASHTAG.finditer(text)]
    handle_spans = [(m.start(), m.end()) for m in R.HANDLE.finditer(text)]
    url_spans = [(m.start(), m.end()) for m in R.URL.finditer(text)]
    email_spans = [(m.start(), m.end()) for m in R.EMAIL.finditer(text)]
    blocked = SpanIndex(hashtag_spans + handle_spans + url_spans + email_spans)

    # ---- people -------------------------------------------------------------------------------------
    raw: list[tuple[int, int, str]] = []
    for label, s, e in ents:
        if label == "PERSON":
            lead_verb = LEAD_VERB.match(text[s:e])       # "Meet Keisha Brown": the model took the verb in
            raw.append((s + lead_verb.end() if lead_verb else s, e, "ner"))
    for m in LIST_NAME.finditer(text):
        g = 1 if m.group(1) else 2
        raw.append((m.start(g), m.end(g), "listed"))
    for m in APPOSITIVE_PATIENT.finditer(text):
        raw.append((m.start(1), m.end(1), "cue"))
    for pattern, tag in ((TITLE_NAME, "title"), (INITIAL_NAME, "initial")):
        for m in pattern.finditer(text):
            raw.append((m.start(), m.end(), tag))
    for m in FAMILY.finditer(text):
        raw.append((m.start(), m.end(), "family"))
    stop = set(t.lower() for t in lex_terms(lex, "name_stopwords"))
    for m in DESCRIPTOR_NAME.finditer(text):
        raw.append((m.start(1), m.end(1), "cue"))
    low = text.lower()              # substring tests first: the rarer patterns run only where their words are
    cues_in = {name: any(w in low for w in words) for name, words in CHEAP_GUARDS.items()}
    image_matches = list(R.IMAGE.finditer(text))        # (read once: names, descriptions and photos use them)
    for pattern in (AGE_NAME,) * cues_in["age_name"] + (NICKNAME_AFTER,) * cues_in["quote"]:
        for m in pattern.finditer(text):
            if m.group(1).split()[-1].lower() not in stop and not ORG_WORDS.search(m.group(1)) and \
                    m.group(1).split()[-1].lower() not in ANIMAL_WORDS and \
                    not (pattern is AGE_NAME and PERSON_NOUN_NEXT.match(text, m.end(1))):
                raw.append((m.start(1), m.end(1), "cue"))
    for m in image_matches:
        g = next((i for i in IMAGE_GROUPS if m.group(i) is not None), 0)
        d = DESC_NAME.match(text, m.start(g)) if g else None
        if d and d.group(1).split()[0].lower() not in stop and not ORG_WORDS.search(d.group(1)):
            raw.append((d.start(1), d.end(1), "cue"))
    for m in NICK_FULL.finditer(text) if cues_in["quote"] else ():
        if m.group().split()[0].lower() not in stop:
            raw.append((m.start(), m.end(), "nick"))
    for m in REGULAR_NAME.finditer(text) if "regular" in text.lower() else ():
        g = 1 if m.group(1) else 2
        if m.group(g).split()[-1].lower() not in stop:
            raw.append((m.start(g), m.end(g), "regular"))
    for m in STORY_NAME.finditer(text) if "story" in text or "journey" in text else ():
        if m.group(1).lower() not in stop:
            raw.append((m.start(1), m.end(1), "cue"))
    for m in BOARD_ENTRY.finditer(text) if cues_in["board"] or "OR" in text else ():
        raw.append((m.start(1), m.end(1), "board"))
    roster = list(ROSTER_LINE.finditer(text))
    if roster:                              # "our Nurse Residency graduates:", "welcome our new hires:": staff
        first = roster[0].start()
        head = text[max(0, text.rfind("\n\n", 0, first), first - 300):first]
        if STAFF_ROSTER.search(head) or lex.any_in("staff_role", max(0, first - 300), first):
            roster = []
    for i, m in enumerate(roster):          # only lines next to another such line: a roster, not one "Town, State"
        near = [o for o in roster[max(0, i - 1):i + 2] if o is not m]
        if any(text.count("\n", min(o.end(), m.end()), max(o.start(), m.start())) <= 1 for o in near):
            raw.append((m.start(1), m.end(1), "listed"))
    health_starts = health.starts
    for m in POSSESSIVE_NAME.finditer(text):
        k = bisect.bisect_left(health_starts, m.end())
        if k < len(health_starts) and health_starts[k] <= m.end() + 30 and \
                len(text[m.end():health_starts[k]].split()) <= 3 and text[health_starts[k] - 1:health_starts[k]] != "#" and \
                not CONTRACTION_NEXT.match(text, m.end()) and \
                not re.search(r"[.!?\n]", text[m.end():health_starts[k]]) and m.group(1).lower() not in stop and \
                not ORG_WORDS.search(text[m.start():health_starts[k] + 20]) and \
                not SERVICE_NEXT.match(text, health.spans[k][1]) and \
                not re.match(r"['’]s\s+(?:Day|Eve|Week|Month)\b", text[m.end(1):m.end(1) + 10]):
            raw.append((m.start(1), m.end(1), "subject"))
    for m in TITLE_NAME_LOWER.finditer(text):
        if m.group(1) not in stop:
            raw.append((m.start(), m.end(), "title"))
    pos = 0
    cue_matches = []
    while True:
        m = CUE_NAME.search(text, pos)
        if not m:
            break
        cue_matches.append(m)
        pos = m.start(1)
    kin = list(RELATIVE_NAME.finditer(text))
    for m in cue_matches + kin:
        word = m.group(1)
        cue = m.group(0)[: m.start(1) - m.start()].lower()
        if word.lower() in KIN_NAMES and m in kin:
            raw.append((m.start(1), m.end(1), "kin"))      # "His wife, June, asks ...": a name, not a month
            continue
        if word.lower() in stop or (word[0].islower() and not LOWER_NAME_CUE.search(cue)):
            continue
        raw.append((m.start(1), m.end(1), "cue"))
    for m in PARENTS_NAMED.finditer(text) if cues_in["parents"] else ():      # (the model often makes "Congratulations to X & Y" one ORG)
        g = 1 if m.group(1) else 2
        raw.append((m.start(g), m.end(g), "kin"))
    kin_starts = {s for s, _e, tag in raw if tag == "kin"} | {m.start(1) for m in kin}
    for m in VOCATIVE.finditer(text):
        if m.group(1).lower() not in stop:
            raw.append((m.start(1), m.end(1), "vocative"))
    for pattern in (NAME_POSITION, INITIALS_NAME, POSSESSIVE_CARE, QUOTED_NAME, BABY_NAME, OBJECT_NAME, NAME_WITH_AGE) + \
            ((NAME_BEFORE_RECORD,) if cues_in["record"] else ()):
        for m in pattern.finditer(text):
            g = 1 if pattern in (NAME_POSITION, POSSESSIVE_CARE, QUOTED_NAME, OBJECT_NAME, NAME_WITH_AGE, NAME_BEFORE_RECORD) else 0
            words = m.group(g).split()
            if words[-1 if pattern is QUOTED_NAME else 0].lower() not in stop and not ORG_WORDS.search(m.group(g)) and \
                    not (pattern is POSSESSIVE_CARE and (m.group(1).lower() in {"today", "yesterday", "tonight"} or
                                                         SERVICE_NEXT.match(text, m.end()))):
                raw.append((m.start(g), m.end(g), "subject"))
    for m in SUBJECT_NAME.finditer(text):
        if m.group(1).split()[0].lower() not in stop:
            raw.append((m.start(1), m.end(1), "subject"))
    for m in SUBJECT_PRONOUN.finditer(text):
        if m.group(1).lower() not in stop and not NOT_FIRST_NAME.match(m.group(1)):
            raw.append((m.start(1), m.end(1), "subject"))
    for m in SINGLE_SUBJECT.finditer(text):
        if m.group(1).lower() not in stop and not NOT_FIRST_NAME.match(m.group(1)):
            raw.append((m.start(1), m.end(1), "subject"))
    for m in SPOTLIGHT_NAME.finditer(text) if cues_in["spotlight"] else ():       # (the model often runs it into the next line as one ORG)
        raw.append((m.start(1), m.end(1), "heading"))
    for m in LOWER_VOCATIVE_INITIAL.finditer(text):
        if m.group(1).split()[0] not in stop and m.group(1).split()[0] not in NOT_GIVEN_WITH_LETTER:
            raw.append((m.start(1), m.end(1), "vocative"))
    lost_found_words = cues_in["lost"] and bool(LOST_FOUND.search(text))
    for m in OWNER_NAME.finditer(text) if lost_found_words else ():
        if m.group(1).split()[0].lower() not in stop:
            raw.append((m.start(1), m.end(1), "cue"))
    for m in LOWER_CUE_NAME.finditer(text) if cues_in["our_kid"] else ():
        if m.group(1).split()[0] not in stop and m.group(1).split()[0] not in LITTLE_NOT_NAMES:
            raw.append((m.start(1), m.end(1), "cue"))
    for m in LITTLE_LOWER.finditer(text):
        if m.group(1).split()[0] not in stop and m.group(1).split()[0] not in LITTLE_NOT_NAMES:
            raw.append((m.start(1), m.end(1), "cue"))
    first = text.lstrip()
    lead = len(text) - len(first)
    for pattern in (GREETING, GREETING_TITLED, THANKS_NAME):
        m = pattern.match(first)
        if m and not first.startswith("#") and m.group(1).split()[-1].lower() not in stop:
            raw.append((lead + m.start(1), lead + m.end(1), "greeting"))
    newlines = [m.start() for m in re.finditer("\n", text)]     # line of an offset by bisect, not by rfind

    def heading_line(offset: int) -> Span:
        k = bisect.bisect_left(newlines, offset)
        start = newlines[k - 1] + 1 if k > 0 else 0
        return start, newlines[k] if k < len(newlines) else len(text)

    def in_heading(offset: int) -> bool:
        start, end = heading_line(offset)
        first_char = re.compile(r"\s*").match(text, start, end).end()
        return first_char < end and text[first_char] == "#"

    health_words = {text[hs:he].lower() for hs, he in health}
    org_name_words = {w for m in ORG_NAME.finditer(text) for w in m.group(1).split()}
    people: list[Person] = []
    trimmed: list[tuple[int, int, str]] = []
    other_ents = [(es, ee) for label, es, ee in ents if label != "PERSON"]
    for s, e, tag in raw:
        for a, b in name_bounds(text, s, e, stop, tag == "ner", other_ents, health_words):
            trimmed.append((a, b, tag))
    widest = -1          # people are appended in start order: a span is inside one of them iff widest >= its end
    for s, e, tag in sorted(trimmed, key=lambda r: (r[0], -(r[1] - r[0]), r[2] not in ("regular", "board"))):
        if re.match(r"['’]?s?\s+(?:syndrome|disease|disorder|virus|palsy|test|scale|score|sign|maneuver|method)\b",
                    text[e:e + 14], re.I):
            continue                        # eponyms: Guillain-Barré syndrome, Apgar score
        token = NICKNAME_ADJECTIVE.sub("", LEADING_TITLE.sub("", text[s:e].strip()))
        if not token or (tag not in ("family", "kin") and token.lower().split()[0] in stop) or _overlaps((s, e), blocked):
            continue
        if widest >= e:
            continue
        if tag in ("cue", "greeting", "initial", "subject") and text[s].isupper() and any(     # (a lowercase name in a
                # model's "ORG" is no organisation: "🥹 little ines spent")
                label in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "GPE") and es < e and s < ee
                and (ee - es) > (e - s) + 2 for label, es, ee in ents):     # longer than "Name's"
            continue
        if tag == "ner" and (not text[s:e][:1].isupper() or text[s:e].lower() in health_words
                             # "Dr. Helen Park", "Mr. Lee Hall": a surname that is also an institutional word
                             or ORG_WORDS.search(text[s:e]) and not (" " in text[s:e].strip() and PERSONAL_TITLE_BEFORE.search(
                                 text, max(0, s - 6), s))
                             or NOT_PARTICLE.search(text[s:e])
                             or any(c.isdigit() for c in text[s:e])):
            continue                        # "Lupus", "ID KVB448201937": not a person
        if token in PLACE_ABBREVIATIONS:
            continue                        # "U.S.", "U.K."
        if " " in token and (token.lower().split()[0] in health_words or any(w in WEEKDAYS for w in token.lower().split())):
            continue                        # "Colonoscopy Tuesday", "category: Cancer Genetics" (not "Janet Burns")
        if tag == "ner" and re.match(r"\s+(?:family|community|crew|village)\b", text[e:e + 12]) and \
                re.search(r"\b(?i:our)\s+$", text[max(0, s - 6):s]):
            continue                        # "We love our Oakmoor family": the organisation's people
        if tag in ("ner", "subject", "cue") and INSTITUTIONAL_NEXT.match(text, e) and \
                re.search(r"\b(?i:our|the)\s+$", text[max(0, s - 6):s]):
            continue                        # "our Healing Arts gallery": the organisation's
        if tag == "initial" and ORG_WORDS.search(text[s:e]):
            continue                        # "Building C. Blood pressure checks"
        if tag in ("ner", "subject") and all(w in org_name_words for w in token.split()):
            continue                        # "Brightwater" where the post also says "Brightwater Health"
        if tag in ("ner", "subject", "cue") and " " not in token and STAFF_NOUN_NEXT.match(text, e):
            continue                        # "HearthLine nurse Priya X": the employer before a staff title
        if tag == "ner" and ACRONYM.fullmatch(token):
            continue                        # "SRTR report": an acronym, not a name
        if tag == "ner" and " " not in token and TABLE_CELL_BEFORE.search(text, max(0, s - 8), s):
            continue                        # "| Rare | Common |": a table cell, not a person
        if tag == "vocative" and PLACE_VOCATIVE.search(text, max(0, s - 30), s):
            continue                        # "Stay cool out there, Mesa Verde!": the town
        if (tag == "ner" and token.isupper() and ORG_WORDS.search(token.title()) or tag == "vocative" and
                ORG_WORDS.search(token) and not PERSONAL_TITLE_BEFORE.search(text, max(0, s - 6), s)):
            continue                        # "RIVERBEND KIDNEY CARE — NEWS", "..., Lakeside Family Dental.": a sign-off
        if token.lower() in COMPASS and COMPASS_UNIT.search(text[max(0, s - 6):s]):
            continue                        # "3 North", "4 West": a unit
        if re.match(r"['’]s\s+(?:Day|Eve)\b", text[e:e + 8]):
            continue                        # "Valentine's Day", "St. Patrick's Day": a holiday
        if tag == "ner" and in_heading(s):
            word = re.compile(r"\b" + re.escape(text[s:e].split()[-1]) + r"\b")
            line_start, line_end = heading_line(s)        # named elsewhere than in its heading line?
            if not (word.search(text, 0, line_start) or word.search(text, line_end)):
                continue
        while people and people[-1].start >= s and people[-1].end <= e:
            people.pop()
        people.append(Person(s, e, tag))
        widest = max(widest, e)
    for p in list(people):              # "Congratulations, Amani and Joel!": the second name of a pair
        m = AND_NAME.match(text, p.end) if p.source in ("ner", "cue", "vocative", "greeting", "subject", "kin") else None
        if m and m.group(1).lower() not in stop and m.group(1).lower() not in health_words and \
                not ORG_WORDS.search(m.group(1)) and not NOT_FIRST_NAME.match(m.group(1)) and \
                not any(q.start < m.end(1) and m.start(1) < q.end for q in people):
            people.append(Person(m.start(1), m.end(1), p.source))
    people.sort(key=lambda p: p.start)
    # first names mentioned alone later in the text count as the same person
    def bare(p: Person) -> list[str]:
        return LEADING_TITLE.sub("", text[p.start:p.end]).split() or [""]

    names_seen = {bare(p)[-1] for p in people if p.source in ("ner", "title", "cue", "greeting", "vocative", "subject",
                                                                "heading")}
    covered = bytearray(len(text) + 1)          # positions inside a known person: O(1) test, not O(people)
    for p in people:
        covered[p.start:p.end] = b"\x01" * max(0, p.end - p.start)
    for name in dict.fromkeys(sorted(names_seen) + [bare(p)[0] for p in people if p.source in ("ner", "title", "subject", "heading", "cue")
                                                    and len(bare(p)) > 1]):     # each name once: linear
        if len(name) < 3 or not name[0].isupper():
            continue
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if not covered[m.start()] and not _overlaps((m.start(), m.end()), blocked):
                people.append(Person(m.start(), m.end(), "repeat"))
                covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in R.HANDLE.finditer(text):
        handle = m.group()[1:]
        if _overlaps((m.start(), m.end()), email_spans + url_spans):
            continue
        if OWN_HANDLE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue                        # "add me on Instagram @nurse.ama.k": the author's own account
        if (re.search(r"[._\d]", handle) or handle.islower()) and \
                (not re.search(r"\b(?:my|our)\b[^.!?\n]{0,30}$", text[max(0, m.start() - 40):m.start()], re.I) or
                 WISHED.search(text, max(0, m.start() - 50), m.start())):
            people.append(Person(m.start(), m.end(), "handle"))
    first_words = {(text[p.start:p.end].split() or [""])[0] for p in people}
    for m in HASHTAG_NAME.finditer(text):
        name = m.group(1) or m.group(2)
        known = name in first_words or \
            any(mm.start() != m.start() for mm in re.finditer(
                r"#(?:PrayersFor|PrayFor|PrayingFor|Praying4|HealingFor)" + re.escape(name) + r"\b", text))
        line = heading_line(m.start())          # in a sentence, not in a run of hashtags
        inline = bool(re.search(r"(?:^|\s)[A-Za-z]{2,}", re.sub(r"#\w+", " ", text[line[0]:line[1]]))) and \
            not re.search(r"#\w+\W{0,3}$", text[line[0]:m.start()]) and not re.match(r"\W{0,3}#\w", text[m.end():line[1]])
        team_name = bool(m.group(1)) and m.group(0)[1:5].lower() == "team" and name.lower() not in TEAM_WORDS and \
            name.lower() not in health_words and name not in org_name_words and inline and \
            bool(re.search(r"\b(?:he|she|his|her|him|this\s+(?:guy|man|woman|lady|girl|boy|kid)|years?[- ]old|little)\b", text, re.I))
        if m.group(1) and m.group(0)[1:].lower().startswith(("prayersfor", "prayfor", "prayingfor", "praying4",
                                                              "healingfor", "getwell", "teambaby", "gobaby", "justicefor",
                                                              "teamlittle", "teamlil")) or known or team_name:
            people.append(Person(m.start(), m.end(), "hashtag"))
    people.sort(key=lambda p: p.start)
    people_starts = [p.start for p in people]
    staff_lower = {n.lower() for n in staff_names}

    # ---- roles --------------------------------------------------------------------------------------
    this_year = _dt.date.today().year
    doc_org = bool(lex.spans("org_relation"))
    vocative_starts = {s for s, _e, tag in raw if tag == "vocative"}
    for _s, _e, _tag in raw:
        if re.match(r"\s*,\s*you\b", text[_e:_e + 8]):
            vocative_starts.add(_s)
    dash = max(text.rfind("—"), text.rfind(" – "), text.rfind("\n- "))
    sig_text = text[dash + 1:].strip() if dash >= 0 else ""
    signature_from = dash if dash >= 0 and len(sig_text) <= 80 and "\n" not in sig_text and \
        not APPOSITIVE_PATIENT.match(sig_text) and not re.search(r"^[^,]{0,40},\s*(?i:you|your)\b", sig_text) and \
        not re.search(r"[!?]|(?<!Dr)(?<!Mr)(?<!Mrs)(?<!Ms)(?<!St)(?<!\b[A-Z])\.\s+[A-Z]|\(", sig_text) else len(text)
    role_index = lex.index("staff_role")
    # a birth year of someone who may be alive is not a sign of a historical figure ("Born in 1931, Mr. X ...")
    living_text = R.BIRTH_YEAR.sub(lambda m: m.group() if this_year - int(m.group(1)) > 115 else " " * len(m.group()), text)

    def staff_news(sent: Span) -> bool:
        """A staff member's own family news ("our charge nurse X and her husband Y on the arrival of baby Z")."""
        return bool(BIRTH_WORDS.search(text, sent[0], sent[1])) and (lex.any_in("staff_role", sent[0], sent[1]) or any(
            q.staff and sent[0] <= q.start < sent[1] for q in people))

    def staff_role_of(role: Span, person: Person) -> bool:
        """A role phrase describes this person: "our pharmacist Marcus", "Marcus, our pharmacist", or a verb phrase
        ("joins our team", "board-certified") in the sentence; not "our pharmacist" said of someone else."""
        gap = text[role[1]:person.start] if role[1] <= person.start else text[person.end:role[0]]
        if BREAK_BETWEEN.search(gap):
            return False                # "Thanks to our trauma team 🙏 X, the rider airlifted ...": thanks, then news
        if not re.match(r"(?i:our|new|the)\b", text[role[0]:role[1]]):
            return True
        if role[1] <= person.start:         # "our pharmacist Marcus", "our unit clerk extraordinaire, Ngozi",
            return bool(re.fullmatch(r"[\s,]*(?:[\w-]+\s*,\s*)?(?:[\w'’-]+\s*(?:,|\band\b)\s*){0,4}",  # "our techs X, Y and Z"
                                     text[role[1]:person.start]))
        return person.end <= role[0] and bool(re.fullmatch(r"[\s,]*(?:(?:is|was|has been|as|from)\s+)?(?:(?:our|the|a|an)\s+)?",
                                                            text[person.end:role[0]]))

    lost_found = lost_found_words and has(health, (0, len(text)))
    image_descriptions = SpanIndex((m.start(g), m.end(g)) for m in image_matches for g in IMAGE_GROUPS
                                   if m.group(g) is not None)
    for i, person in enumerate(people):
        sent = sentence_of(person.start)
        name_text = text[person.start:person.end]
        before = text[max(sent[0], person.start - 40):person.start]
        after = text[person.end:min(sent[1], person.end + 30)]
        k = bisect.bisect_right(people_starts, person.end)     # people are sorted by start
        nxt = people_starts[k] if k < len(people_starts) else sent[1]
        tail = (person.end, min(sent[1], nxt, person.end + 140))
        receipt = lex.first_in("care_receipt", tail[0], tail[1]) or lex.first_in("care_receipt", sent[0], person.start)
        whose = WHOSE.match(text, person.end)
        if receipt is None and whose and has(health, (whose.end(1), min(sent[1], whose.end() + 25))):
            receipt = (whose.start(1), whose.end(1))     # "Kayla M., whose hay fever is gone": her condition
        titled = bool(re.search(r"\b(?:Dr|Dra|Doctor|Doctora|[Nn]urse|[Ee]nfermer[oa]|Mayor|Senator|Governor|Rep|Chef|Chaplain)\.?\s*$", before)) or \
            bool(ROLE_TITLE.search(before)) or \
            name_text.startswith(("Dr", "Nurse", "Chef", "Chaplain")) or \
            bool(re.search(r"\b(?:health|wellness|lactation|birth|life|diabetes|fitness)\s+coach\b[\s,]*$", before, re.I))
        # "Coach X" alone is a sports coach (a school's or a team's), not a member of staff
        contact_person = bool(re.search(r"\b(?:ask\s+for|speak\s+(?:to|with)|talk\s+to|contact|reach\s+out\s+to|"
                                        r"email|call)\s+$", before, re.I)) and lex.any_in("org_contact", sent[0], sent[1])
        credentialed = bool(CREDENTIAL.match(after))
        role_near = any(staff_role_of(r, person) for r in role_index.within(max(sent[0], person.start - 60),
                                                                              min(sent[1], person.end + 60)))
        non_patient = lex.any_in("non_patient", sent[0], sent[1])
        living = living_text[sent[0]:sent[1]]
        public = lex.any_in("public_figure", sent[0], sent[1]) or bool(
            HISTORICAL.search(living) or
            re.search(r"\bborn\b[^.]{0,30}\b(?:1[6-8]\d\d|19[0-4]\d)\b", living))
        # the speaker credited after a quotation: '"My pressure crashed in chair 9 and the nurses saved me." — Mr. X'
        quoted_speaker = QUOTE_CREDIT.search(text, max(0, person.start - 8), person.start)
        quoted_own_care = False
        if quoted_speaker:
            q_end = quoted_speaker.start()
            q_start = max(text.rfind('"', 0, q_end), text.rfind("“", 0, q_end))
            quoted_own_care = q_start >= 0 and has(health, (q_start, q_end)) and \
                bool(re.search(r"\b(?:I|my|me|I'm|I've)\b", text[q_start:q_end]))
        signature = person.source != "board" and (bool(re.search(r"[—–-]\s*$", text[max(0, person.start - 3):person.start])) or
                     text[max(0, person.start - 2):person.start] == "— ") and not APPOSITIVE_PATIENT.match(text, person.start) \
            and not re.match(r"\s*,\s*(?i:you|your)\b", text[person.end:person.end + 12]) \
            and not re.search(r"(?:^|\n)[ \t]*[—–-][ \t]*$", text[max(0, person.start - 6):person.start]) \
            and not quoted_speaker      # (not a bullet; not the speaker of a quotation)
        if name_text.lower() in staff_lower or any(name_text.lower().endswith(n) for n in staff_lower if n):
            person.staff = True
        if person.start > signature_from and not quoted_own_care:
            person.staff = True
            continue
        if public:
            person.public = True
            continue
        if titled or credentialed or role_near or signature or contact_person:
            person.staff = True
        if AGENT_BY.search(text[max(sent[0], person.start - 12):person.start]) and titled:
            person.staff = True
        room_here = (bool(R.ROOM.search(text[sent[0]:sent[1]])) or bool(ROOM_AFTER.match(text, person.end))) and \
            has(health, (0, len(text)))
        health_here = has(health, sent) or room_here
        diminutive = person.source in ("cue", "ner") and bool(re.search(r"\b(?:baby|little)\s+(?:(?:miss|mister|man)\s+)?$",
                                                               text[max(0, person.start - 16):person.start], re.I))
        ours = bool(re.search(r"\b(?i:our)\s+$", before)) and bool(re.match(r"(?:Mr|Mrs|Ms|Miss)\b", name_text))  # "our Mr. Ivanov"
        wished = bool(WISHED.search(before))
        cared = bool(CARED_FOR_BEFORE.search(before))        # "It was an honor to care for Gloria"
        taken = TAKEN_TO.match(text, person.end) if TAKEN_BEFORE.search(before) else None
        if taken:                                            # driven or taken to care
            receipt, health_here = receipt or (taken.start(), taken.end()), True
        owner = bool(OWNER_BEFORE.search(before)) and lost_found
        if re.match(r"['’]s\s", text[person.end:person.end + 3]) and has(health, (person.end, person.end + 40)):
            receipt = receipt or (person.end, person.end + 2)
        nsent = next_sentence(sent)
        pronoun_next = nsent is not None and (bool(PRONOUN_START.match(text[nsent[0]:nsent[1]])) or (
            sent[1] - sent[0] < 48 and bool(re.search(r"\b(?:he|she|his|her|him|they|their|su|sus|ella|él)\b",
                                                      text[nsent[0]:nsent[0] + 40], re.I))))
        if not pronoun_next and nsent is not None and PERSON_PRONOUN.search(text, nsent[0], min(nsent[1], nsent[0] + 60)):
            j = bisect.bisect_left(people_starts, nsent[0])     # "X from Y! After 8 weeks of care for her sciatica, ..."
            pronoun_next = not (j < len(people_starts) and people_starts[j] < nsent[1])
        health_next = pronoun_next and nsent is not None and has(health, nsent)
        psent = prev_sentence(sent) if person.start in vocative_starts and not health_here else None
        if psent is not None:           # "she left with a melanoma diagnosis. so glad you trusted your gut, jess m."
            health_next = health_next or has(health, psent)
        care_here = has(care, sent) or (pronoun_next and nsent is not None and has(care, nsent)) or \
            (psent is not None and has(care, psent))
        org_here = lex.any_in("org_relation", sent[0], sent[1]) or (
            pronoun_next and nsent is not None and lex.any_in("org_relation", nsent[0], nsent[1]))
        person.receipt = receipt is not None and (health_here or has(health, (person.end, min(len(text), person.end + 140))))
        if person.staff and person.receipt and (text[receipt[0]:receipt[1]].lower() in WEAK_RECEIPT or
                                                BIRTH_WORDS.match(text, receipt[0], receipt[1])):
            person.receipt = False      # "Dr. X completed her fellowship": training, not care
        if person.staff and person.receipt and receipt is not None and receipt[0] >= person.end and \
                CARE_OF_OTHER.search(text, person.end, receipt[0]):
            person.receipt = False      # "Dr. X and our team cared for him after his heart attack": his, not hers
        if person.staff and not person.receipt and any(
                has(health, w) and STAFF_AS_PATIENT.search(text, w[0], w[1]) for w in [(person.end, sent[1])] + ([nsent] if nsent else [])):
            person.receipt = True       # "Welcome back, Dr. X! Three weeks ago our own hospitalist was on the other side of the bed"
        if person.staff:
            if person.receipt:
                person.patient, person.reason = True, "a staff member named as receiving care"
            continue
        if non_patient:
            if receipt is not None and not lex.any_in("non_patient_strong", sent[0], sent[1]):
                person.patient, person.reason = True, "named with their own care"
            continue
        if receipt is not None and (health_here or health_next):
            person.patient, person.reason = True, "named with their own care"
        elif diminutive and has(health, (0, len(text))) and not staff_news(sent):
            person.patient, person.reason = True, "a young patient named with their care"
        elif (ours or wished) and has(health, (0, len(text))) or cared and (has(health, (0, len(text))) or doc_org):
            person.patient, person.reason = True, "named as one of the organisation's patients"
        elif (health_here or health_next) and (org_here or care_here or room_here or (doc_org and bool(care))):
            person.patient, person.reason = True, "named together with health information or care"
        elif STORY_NEXT.match(text, person.end) and has(health, (0, len(text))) and \
                (bool(care) or bool(MILESTONE.search(text))) and not re.search(r"\bI(?:['’]m)?\b|\bmy\b", text):
            person.patient, person.reason = True, "the subject of a patient story"
        elif quoted_own_care:
            person.patient, person.reason = True, "credited with a quotation about their own care"
        elif owner:
            person.patient, person.reason = True, "the owner of medicine or belongings left with us"
        elif image_descriptions.overlaps((person.start, person.end)) and has(health, (0, len(text))) and \
                (bool(care) or any(lex.any_in("photo_patient", *d) for d in image_descriptions.within(person.start, person.end, 2000))):
            person.patient, person.reason = True, "named in the description of a photo in a post about care"
        elif person.source == "regular" and has(health, (0, len(text))):
            person.patient, person.reason = True, "named as a regular of the organisation's care"
        elif person.source == "board":
            person.patient, person.reason = True, "named on a patient board next to a room or bed number"
        elif person.source == "listed" and (has(health, (0, len(text))) or bool(care)):
            person.patient, person.reason = True, "named in a list about patients' care"
    # a person repeated by name (full name, first name, last name) takes the strongest role seen
    token_cache: dict[int, set[str]] = {}

    def tokens(p: Person) -> set[str]:
        key = id(p)
        if key not in token_cache:
            token_cache[key] = {w.strip(".,'’\"“”").lower() for w in bare(p) if len(w.strip(".,")) > 1}
        return token_cache[key]

    groups: list[list[Person]] = []
    group_of_token: dict[str, int] = {}
    group_of: dict[int, int] = {}
    for person in people:
        if person.source == "hashtag":
            continue
        found = next((group_of_token[t] for t in tokens(person) if t in group_of_token), None)
        if found is None and not person.staff:      # a short form of a first name: "Walt" and "Walter Szymański"
            given = (bare(person)[0].strip(".,'’\"“”").lower() if bare(person) else "")
            near = {group_of_token[t] for t in group_of_token if len(given) >= 3 and len(t) >= 3 and t != given and
                    (t.startswith(given) or given.startswith(t)) and
                    not any(q.staff for q in groups[group_of_token[t]])}
            found = near.pop() if len(near) == 1 else None
        if found is None:
            found = len(groups)
            groups.append([])
        groups[found].append(person)
        group_of[id(person)] = found
        for t in tokens(person):
            group_of_token.setdefault(t, found)
    care_doc = bool(health) and doc_org
    non_patient_group: dict[int, bool] = {}        # id(person) -> named as a volunteer, donor... somewhere
    for group in groups:
        if any(p.public for p in group):
            for p in group:
                p.patient = False
            continue
        non_patient_member = any(lex.any_in("non_patient", *sentence_of(p.start)) for p in group)
        for p in group:
            non_patient_group[id(p)] = non_patient_member
        if any(lex.any_in("non_patient_strong", *sentence_of(p.start)) for p in group):
            for p in group:                 # "Evelyn is a composite character": every mention of her, not a
                p.patient, p.public = False, True       # private individual (and not a patient's relative)
            continue
        if (any(p.staff for p in group) or non_patient_member) and not any(p.receipt for p in group):
            for p in group:
                p.patient = False
            continue
        if any(p.patient for p in group):
            for p in group:
                if not p.patient:
                    p.patient = True
                    p.reason = p.reason or "named together with health information or care"
        elif care_doc and len(group) >= 2 and not any(p.staff for p in group) and \
                any(has(health, sentence_of(p.start)) or has(health, next_sentence(sentence_of(p.start)) or (0, 0))
                    or has(health, prev_sentence(sentence_of(p.start)) or (0, 0)) for p in group) and \
                not any(lex.any_in("non_patient", *sentence_of(p.start)) for p in group):
            for p in group:
                p.patient, p.reason = True, "the post is about this patient's care"
    about_patient = any(p.patient for p in people)
    care_story = has(care, (0, len(text))) and doc_org
    if about_patient or care_story:    # relatives and household members of a patient are identifiers too
        for p in people:
            same = [q for q in groups[group_of[id(p)]] if q is not p] if id(p) in group_of else []
            # (named right after "his wife", "parents": a relative even where donations are mentioned)
            if any(q.staff or q.public for q in same) or staff_news(sentence_of(p.start)) or \
                    p.start not in kin_starts and lex.any_in("non_patient", *sentence_of(p.start)):
                continue
            if not (p.patient or p.staff or p.public) and re.search(
                    r"\b(?:(?i:parents?|mom|dad|wife|husband|son|daughter|grand(?:ma|pa|mother|father|son|daughter|kids?|"
                    r"parents?)|spouse|twins?|triplets)|mother|father|sister|brother)\b|\bfamily(?!\s+[A-Z])",
                    text[sentence_of(p.start)[0]:sentence_of(p.start)[1]]):
                p.patient, p.reason = True, "a relative of a patient"
                for q in same:              # "Her daughter Beth can't anymore. Call Beth at ...": the same relative
                    if not q.patient:
                        q.patient, q.reason = True, "a relative of a patient"
        # a volunteer or donor whose own relative was our patient is that patient's relative: "Marge has given 600
        # hours as a volunteer. She started after her husband, Clyde, spent his last days in our hospice"
        for q in people:
            if not (q.patient and q.start in kin_starts) or \
                    not POSSESSED_KIN.search(text, max(sentence_of(q.start)[0], q.start - 30), q.start):
                continue
            sent = sentence_of(q.start)
            here = [p for p in people if sent[0] <= p.start < sent[1] and p is not q]
            psent = prev_sentence(sent)
            if not here and psent is not None:
                here = [p for p in people if psent[0] <= p.start < psent[1]]
            for p in here:
                members = groups[group_of[id(p)]] if id(p) in group_of else [p]
                if q in members or any(m.staff or m.public for m in members):
                    continue
                for m in members:
                    if not m.patient:
                        m.patient, m.reason = True, "a relative of a patient (a volunteer or donor whose relative was cared for)"
    # hashtags naming a patient found elsewhere
    for person in people:
        if person.source == "hashtag" and (about_patient or has(health, (0, len(text)))):
            person.patient, person.reason = True, "a patient named in a hashtag"

    # ---- review replies and @replies ----------------------------------------------------------------
    confirm = lex.spans("reply_confirm")
    reply_target: Span | None = None
    greeting_starts = {s for s, _e, tag in raw if tag == "greeting"}
    if sentences:      # "Thanks for the 5 stars, @kenji!": a vocative in the opening sentence is the addressee
        greeting_starts |= {s for s in vocative_starts if sentences[0][0] <= s < sentences[0][1]}
        greeting_starts |= {m.start() for m in R.HANDLE.finditer(text, sentences[0][0], sentences[0][1])
                            if re.match(r"\s*[!,.]", text[m.end():m.end() + 2])}
    for p in people:
        # "Mr. X, your ...", "@jess.and.mateo 🥹 your transfer ...": an emoji may stand between name and "your"
        if re.match(r"\s*(?:[,—–:-]|\s)\s*(?:[^\w\s]{1,4}\s*)?(?:your|you(?:'re|\s+are|\s+were)?)\b", text[p.end:p.end + 16], re.I):
            greeting_starts.add(p.start)
    if confirm:
        greet = [p for p in people if p.start in greeting_starts or p.source == "greeting"]
        if greet:
            reply_target = (greet[0].start, greet[0].end)
        else:
            m = R.HANDLE.match(first)
            if m:
                reply_target = (lead + m.start(), lead + m.end())
    if reply_target is not None:
        for p in people:
            if text[p.start:p.end].split()[-1] == text[reply_target[0]:reply_target[1]].split()[-1]:
                p.staff = False
                p.patient, p.reason = True, "a review reply that confirms the reviewer's care"
        if not any(p.start == reply_target[0] for p in people):
            people.append(Person(reply_target[0], reply_target[1], "handle", patient=True,
                                 reason="a reply that confirms this person's care"))
        about_patient = True

    unquoted = re.sub(r"[\"“][^\"“”]*[\"”]", lambda m: " " * len(m.group()), text)
    # a heading asks in the reader's voice ("# Concussion: when can my athlete go back in?"): not the author's
    unquoted = MD_HEADING.sub(lambda m: " " * len(m.group()), unquoted) if "#" in unquoted else unquoted
    self_patient = re.sub(r"\bI(?:'m|’m| am| was| have been| had been)\s+(?:a|an|your|their|the|one)\s+(?:[\w-]+\s+)?patients?\b",
                          " ", unquoted)                     # "I was a patient in our ED": the author, in person
    first_person_only = bool(re.search(r"\b(?:I|I'm|I've|my|me)\b", unquoted)) and not about_patient and \
        not re.search(r"\b(?:he|she|his|him|her|patient|guy|lady)\b|(?<!\bmy )\b(?:mom|dad|kid|child|man|woman)\b", self_patient, re.I)

    candidates: list[PhiCandidate] = []
    cand_index = SpanIndex()

    def add(kind: str, start: int, end: int, linked: bool, reason: str) -> None:
        if first_person_only and kind not in DIRECT_TYPES:
            linked = False
        cand_index.add((start, end))
        candidates.append(PhiCandidate(kind, start, end, linked, authorized and kind not in DIRECT_TYPES,
                                       reason, sensitive if linked else None))

    for p in people:
        add("NAME", p.start, p.end, p.patient, p.reason or "a name")
    person_start_set = {p.start for p in people}
    for m in R.HANDLE.finditer(text):
        if m.start() not in person_start_set:
            add("NAME", m.start(), m.end(), False, "a social handle")

    patient_sentences = [sentence_of(p.start) for p in people if p.patient]
    patient_sentence_set = set(patient_sentences)
    all_ends = sorted(p.end for p in people)
    patient_ends = sorted(p.end for p in people if p.patient)

    def ends_within(ends: list[int], lo: int, hi: int) -> bool:     # some end in [lo, hi]
        k = bisect.bisect_left(ends, lo)
        return k < len(ends) and ends[k] <= hi
    unique_refs: list[Span] = []

    def not_theirs(m: re.Match[str], sent: Span, lexicon: str = "non_patient") -> bool:
        """A volunteer, donor, speaker... word in the sentence outside the description itself ("a volunteer
        firefighter" describes a patient; "our volunteer of the year, a retired teacher from X" does not)."""
        return any(not (m.start() <= ns and ne <= m.end()) for ns, ne in lex.index(lexicon).within(*sent))
    for pattern in (UNIQUE, INCIDENT_PERSON, ACQUAINTANCE, UNIQUE_ROLE, UNIQUE_EVENT, PLACE_ONLY, AGE_FROM):
        for m in pattern.finditer(text):
            if pattern is UNIQUE and ONE_OF.search(text[max(0, m.start() - 10):m.start()]):
                continue
            if pattern is UNIQUE_ROLE and ORG_OWN.search(m.group()):
                continue                    # "the Brightwater Health CEO": the organisation's own
            sent = sentence_of(m.start())
            linked = has(health, sent) or has(health, (0, len(text))) and pattern is not ACQUAINTANCE
            if pattern is AGE_FROM and not_theirs(m, sent):
                continue                    # "our volunteer of the year, a 70-year-old retired teacher from Oakdale"
            add("OTHER_ID", m.start(), m.end(), linked, "a unique description that singles out one patient")
            if linked:
                unique_refs.append(sent)
                about_patient = True
    for m in JERSEY.finditer(text) if "#" in text and SPORTS.search(text) else ():
        sent = sentence_of(m.start())
        linked = has(health, sent) or has(health, next_sentence(sent) or sent)
        add("OTHER_ID", m.start(1), m.end(1), linked, "a player's jersey number that singles out one patient")
        if linked:
            unique_refs.append(sent)
            about_patient = True
    for pattern, guard in ((MILESTONE, "milestone"), (ONLY_ONE, "only"), (NOTABLE, "notable"), (KIN_OF, "possessive"),
                           (PERSON_WHO, "who"), (AGE_ZIP, "zip"), (FIRST_PROCEDURE, "only")):
        for m in pattern.finditer(text) if cues_in[guard] else ():
            sent = sentence_of(m.start())
            nsent = next_sentence(sent) or sent
            if (lex.any_in("public_figure", *sent) if pattern is NOTABLE else not_theirs(m, sent, "public_figure")) or \
                    not_theirs(m, sent) or staff_news(sent):
                continue
            if pattern is FIRST_PROCEDURE:  # done on someone described in the sentence
                linked = has(health, sent) and bool(PATIENT_REF.search(text, m.end(), sent[1]))
            elif pattern is MILESTONE:        # told of a person, or the count is of care itself
                noun = m.group("noun").lower()
                linked = (noun in MILESTONE_PEOPLE or bool(PATIENT_REF.search(text, 0, m.start()) or
                                                            PATIENT_REF.search(text, m.end()))) and \
                    (noun in MILESTONE_CARE or has(health, (0, len(text))) or bool(care))
            else:
                linked = has(health, sent) or pattern in (KIN_OF, PERSON_WHO) and (has(health, nsent) or has(care, sent))
            lead = re.match(r"happens\s+to\s+be\s+", m.group()) if pattern is NOTABLE else None
            add("OTHER_ID", m.start() + (lead.end() if lead else 0), m.end(), linked, "a unique description that singles out one patient")
            if linked:
                unique_refs.append(sent)
                about_patient = True
    occupied = not OCCUPATION_LAST.isdisjoint(re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower()))
    for m in DESCRIBED_PERSON.finditer(text) if occupied else ():
        words = m.group().split()
        marked = bool(m.group("where") or m.group("age")) or bool(re.search(r"^\d|\b(?:retired|former)\b", m.group(), re.I))
        if not marked or lex.any_in("staff_role", m.start(), m.end()) or \
                re.search(r"\b(?i:volunteer)\b", m.group()) and not re.search(r"\d-year-old", m.group()):
            continue
        sent = sentence_of(m.start())
        prev = prev_sentence(sent) or sent
        window = (prev[0], sent[1])
        told = has(health, window) and (lex.any_in("care_receipt", *window) or bool(care and has(care, window)) or
                                      bool(ARRIVAL.search(text, window[0], window[1])) or has(health, prev))
        if not told or not_theirs(m, sent) or lex.any_in("event", sent[0], sent[1]) and not about_patient:
            continue
        start = m.start() + (len(words[0]) + 1 if words[0].lower() in ("the", "a", "an", "our") else 0)
        add("OTHER_ID", start, m.end(), True, "a distinctive description (occupation, place, age) that singles out one patient")
        unique_refs.append(sent)
        about_patient = True
    anchor_sentences = set(patient_sentences + unique_refs)
    if reply_target is not None or (confirm and REPLY_OPEN.match(first)):   # a review reply: what it confirms
        anchor_sentences.update(sentence_of(s) for s, _e in confirm)
    by_start = sorted(people, key=lambda p: p.start)
    person_starts = [p.start for p in by_start]

    def people_between(sent: Span) -> bool:       # anyone named in the sentence (then it is theirs to decide)
        return bisect.bisect_left(person_starts, sent[0]) < bisect.bisect_left(person_starts, sent[1])

    # the story goes on in the next sentence when it opens with the patient's pronoun: "Mr. X went home after his
    # stroke. His wound vac was set up by noon Tuesday, and PT starts tomorrow."
    for sent in sorted(set(patient_sentences)):
        nsent = next_sentence(sent)
        if nsent is not None and PERSON_PRONOUN.search(text, nsent[0], min(nsent[1], nsent[0] + 80)) and \
                not people_between(nsent):
            anchor_sentences.add(nsent)

    def people_in(sent: Span) -> list[Person]:
        return by_start[bisect.bisect_left(person_starts, sent[0]):bisect.bisect_left(person_starts, sent[1])]

    def tied(span: Span, *, need_care: bool = False) -> bool:
        sent = sentence_of(span[0])
        if sent in anchor_sentences:
            return True
        if lex.any_in("non_patient", sent[0], sent[1]):
            return False
        in_sentence = people_in(sent)
        if in_sentence and all(p.staff and not p.patient for p in in_sentence) and \
                not any(has(health, (sent[0] + m.end(), sent[0] + m.end() + 25)) and not PROFESSIONAL.match(text, sent[0] + m.start())
                        for m in re.finditer(r"\b(?:his|her|their)\b", text[sent[0]:sent[1]], re.I)):
            return False                    # "Dr. X starts seeing patients Monday, August 5"
        if need_care:
            return has(care, sent) and (about_patient or bool(PATIENT_REF.search(text[sent[0]:sent[1]])))
        return has(health, sent) and bool(PATIENT_REF.search(text[sent[0]:sent[1]]))

    def org_context(span: Span) -> bool:
        sent = sentence_of(span[0])
        window = (max(sent[0], span[0] - 70), min(sent[1], span[1] + 25))
        return lex.any_in("org_contact", *window) or lex.any_in("event", sent[0], sent[1])

    def org_place(span: Span) -> bool:
        sent = sentence_of(span[0])
        window = (max(sent[0], span[0] - 70), span[1] + 25)
        return lex.any_in("org_place", *window) or lex.any_in("event", sent[0], sent[1])

    allowed = {c.lower().strip() for c in org_contacts}
    zip3_restricted = {t.strip() for t in lex_terms(lex, "zip3_restricted")}

    def allow_listed(value: str) -> bool:
        v = value.lower()
        digits = re.sub(r"\D", "", v)
        return any(a == v or (digits and re.sub(r"\D", "", a) == digits and len(digits) >= 7) or
                   (a.startswith("@") and v.endswith(a)) or (a and "." in a and a in v) for a in allowed if a)

    any_health = has(health, (0, len(text)))
    # ---- direct identifiers ---------------------------------------------------------------------------
    for m in R.SSN.finditer(text):
        add("SSN", m.start(), m.end(), any_health or about_patient, "a Social Security number")
    for m in R.SSN_MASKED.finditer(text):
        add("SSN", m.start(), m.end(), any_health or about_patient, "a Social Security number (its last four digits)")
    for m in R.SSN_LABELLED.finditer(text):
        add("SSN", m.start(1), m.end(1), True, "a Social Security number")
    for kind, pattern in R.LABELLED_IDS:
        for m in pattern.finditer(text):
            add(kind, m.start(1), m.end(1), kind != "DEVICE_ID" or any_health,
                {"MRN": "a medical record or patient number", "ACCOUNT": "an account number",
                 "HEALTH_PLAN_ID": "a health plan or member number", "LICENSE": "a licence or certificate number",
                 "VEHICLE": "a vehicle plate or VIN", "DEVICE_ID": "a device serial number",
                 "OTHER_ID": "a biometric or other unique identifier"}.get(kind, "an identifying number"))
    for m in R.SHOWN_ID.finditer(text) if cues_in["shown"] else ():
        if not _overlaps((m.start(1), m.end(1)), [(c.start, c.end) for c in candidates]):
            add("MRN", m.start(1), m.end(1), any_health or about_patient, "a patient's number shown on a card or band")
    for m in R.VIN.finditer(text):
        add("VEHICLE", m.start(), m.end(), any_health, "a vehicle identification number")
    for m in R.UDI.finditer(text):
        add("DEVICE_ID", m.start(), m.end(), True, "a device identifier (UDI)")
    for m in R.PHONE.finditer(text):
        span = (m.start(), m.end())
        if _overlaps(span, [(c.start, c.end) for c in candidates if c.type in ("SSN", "MRN", "ACCOUNT", "HEALTH_PLAN_ID")]):
            continue
        personal = lex.any_in("personal_contact", max(0, span[0] - 40), span[1])
        org = allow_listed(m.group()) or org_context(span)
        toll_free = bool(TOLL_FREE.search(m.group()))          # 800/888/877... lines belong to organisations
        linked = (personal or (tied(span) and not org)) and (any_health or about_patient) and \
            not allow_listed(m.group()) and not toll_free
        add("PHONE", *span, linked, "a personal phone number")
    for m in R.EMAIL.finditer(text):
        span = (m.start(), m.end())
        local = m.group().split("@")[0].lower()
        role = bool(re.match(r"^(?:info|contact|appointments?|scheduling|schedule|patient\w*|billing|media|press|"
                             r"news|help|support|hello|office|frontdesk|care|team|admin|questions|records|hr|jobs|"
                             r"careers|feedback|privacy|compliance|marketing|communications|foundation|giving|"
                             r"donate|volunteer\w*|nurse\w*|clinic|pharmacy|referrals?|events?|advocate\w*|"
                             r"outreach|education|wellness|community|intake|registration|reception|alumni|groups?|family|"
                             r"families|program|admissions|recovery|support\w*)(?:[._-]\w+)?$", local))
        org = role or allow_listed(m.group()) or org_context(span)
        personal = lex.any_in("personal_contact", max(0, span[0] - 40), span[1]) or \
            ends_within(all_ends, span[0] - 4, span[0])
        linked = (personal or not org) and (any_health or about_patient)
        add("EMAIL", *span, linked, "a personal email address")
    for m in R.IPV4.finditer(text):
        add("IP", m.start(), m.end(), any_health, "an IP address")
    for m in R.IPV6.finditer(text):
        add("IP", m.start(), m.end(), any_health, "an IP address")
    patient_tokens = {w.lower() for p in people if p.patient for w in re.findall(r"[A-Za-z]{3,}", text[p.start:p.end])}
    for m in R.URL.finditer(text):
        url = m.group().lower()
        if "@" in text[max(0, m.start() - 1):m.start() + 1] or _overlaps((m.start(), m.end()), email_spans):
            continue
        personal_site = lex.any_in("personal_url", m.start(), m.end())
        named = any(t in url for t in patient_tokens)
        linked = (personal_site or named) and (about_patient or any_health) and not allow_listed(url)
        add("URL", m.start(), m.end(), linked, "a web address that points at a patient")
    # ---- addresses and geography -----------------------------------------------------------------------
    address_spans: list[Span] = []
    for pattern in (R.ADDRESS, R.ADDRESS_LOWER):
        for m in pattern.finditer(text):
            span = (m.start(), m.end())
            if _overlaps(span, address_spans):
                continue
            address_spans.append(span)
            sent = sentence_of(span[0])
            personal = lex.any_in("personal_contact", max(sent[0], span[0] - 50), span[0]) or \
                bool(re.search(r"\b(?:lives?|living|home|house|residence|apartment|at)\s*$", text[max(0, span[0] - 12):span[0]], re.I)) or \
                bool(re.search(r"\b(?:drove|drive|drives|driving|went|go|goes|visit(?:s|ed|ing)?)\s+(?:out\s+)?(?:to\s+)?$",
                               text[max(0, span[0] - 20):span[0]], re.I))       # a home visit: "our nurses drove out to 418 ..."
            linked = not org_place(span) and not allow_listed(m.group()) and \
                (tied(span) or personal and any_health)
            add("ADDRESS", *span, linked, "a street address tied to a patient")
    for m in R.ZIP.finditer(text):
        span = (m.start(), m.end())
        if _overlaps(span, address_spans) or _overlaps(span, cand_index):
            continue
        prefix = text[max(0, span[0] - 30):span[0]].lower()
        placeish = bool(re.search(r"\b(?:in|from|of|zip(?: code)?|lives?|near)\b[^.]{0,20}$", prefix))
        value = m.group().strip()
        if re.fullmatch(r"\d{3}", value):          # a ZIP3 is allowed unless its area has < 20,000 people
            if value in zip3_restricted:
                add("ZIP", *span, placeish and (tied(span) or any_health),
                    "a 3-digit ZIP on the restricted list (fewer than 20,000 people); use 000")
            continue
        add("ZIP", *span, placeish and tied(span), "a ZIP code tied to a patient")
    for p in people:
        if not p.patient:
            continue
        m = PLACE_AFTER_NAME.match(text, p.end)
        if m:
            add("LOCATION", m.start(1), m.end(1), True, "a town or place tied to a patient")
        sent = sentence_of(p.start)
        for m in PLACE_HOME.finditer(text, p.end, sent[1]):
            add("LOCATION", m.start(1), m.end(1), True, "a town or place tied to a patient")
    for m in RESIDENCE.finditer(text) if patient_sentence_set else ():
        if sentence_of(m.start()) in patient_sentence_set:
            add("LOCATION", m.start(1), m.end(1), True, "the apartments or park a patient lives in")
    for m in HOME_ROAD.finditer(text) if cues_in["home_road"] else ():     # "settled back home on Maple Hollow Rd"
        span = (m.start(1), m.end(1))
        if not _overlaps(span, address_spans):
            sent = sentence_of(span[0])
            add("LOCATION", *span, tied(span) or sent in patient_sentence_set and has(health, (0, len(text))),
                "the road a patient lives on")
    for pattern in (INCIDENT_PLACE,) * cues_in["incident"] + (FLOWN_FROM,) * cues_in["flown"]:
        for m in pattern.finditer(text):        # where someone now in our care was hurt
            span = (m.start(1), m.end(1))
            if _overlaps(span, address_spans):
                continue
            sent = sentence_of(span[0])
            nsent = next_sentence(sent) or sent
            told = sent in anchor_sentences or bool(PATIENT_REF.search(text, sent[0], nsent[1]))
            linked = told and (has(health, sent) or has(health, nsent)) and \
                not lex.any_in("event", sent[0], sent[1]) and not org_place(span)
            add("LOCATION", *span, linked, "the place where a patient was hurt")
    for c in list(candidates):
        if c.linked and c.type in ("AGE_OVER_89", "OTHER_ID"):
            m = re.compile(r"[^.!?\n]{0,40}?\b(?:from|of)\s+(" + U + r"[\w'’]+(?:\s" + U + r"[\w'’]+)?)").match(text, c.end)
            if m:
                add("LOCATION", m.start(1), m.end(1), True, "a town or place tied to a patient")
    location_starts = {c.start for c in candidates if c.type == "LOCATION"}
    for label, s, e in ents:
        if label not in ("GPE", "LOC", "FAC") or s in location_starts:
            continue
        location_starts.add(s)
        prefix = text[max(0, s - 25):s]
        if not re.search(r"\b(?:from|of|in)\s+(?:right here in\s+|nearby\s+|the\s+)?$", prefix, re.I):
            continue
        near_patient = ends_within(patient_ends, s - 25, s) or \
            sentence_of(s) in patient_sentence_set and \
            bool(re.search(r"\b(?:from|of)\s+$", prefix))
        add("LOCATION", s, e, near_patient, "a town or place tied to a patient")
    # ---- dates and ages ---------------------------------------------------------------------------------
    date_spans: list[Span] = []
    for m in R.DATE.finditer(text):
        span = (m.start(), m.end())
        if _overlaps(span, cand_index) or _overlaps(span, blocked):
            continue
        date_spans.append(span)
        label = R.DOB.search(text[max(0, span[0] - 16):span[0]])
        dob = bool(label) and not label.group().lower().startswith(("born", "b."))
        sent = sentence_of(span[0])
        event = lex.any_in("event", sent[0], sent[1])
        weekday_range = bool(re.match(r"\s*(?:[–-]|through|thru|to)\s*[A-Z]", text[span[1]:span[1] + 12])) or \
            bool(re.search(r"[–-]\s*$", text[max(0, span[0] - 3):span[0]]))
        recurring = weekday_range or bool(re.search(r"\b(?:every|each|most|our)\s*$", text[max(0, span[0] - 8):span[0]], re.I)) \
            and not re.search(r"\d", m.group()) or bool(re.fullmatch(r"[A-Za-z]+days", m.group()))
        historical = bool(HISTORICAL.search(text[sent[0]:sent[1]])) or bool(re.search(r"\b(?:1[6-8]\d\d|19[0-4]\d)\b", m.group()))
        relative = bool(re.fullmatch(r"(?i:today|tonight|tomorrow|overnight|hoy|esta\s+noche)", m.group()))
        linked = dob or (tied(span, need_care=True) and not event and not recurring and not historical and
                         (not relative or sent in anchor_sentences))
        add("RELATIVE_DATE" if relative else "DATE", *span, linked,
            "a date tied to a patient's care or birth" if not dob else "a date of birth")
    for m in R.MONTH_ALONE.finditer(text):
        span = (m.start(1), m.end(1))
        if _overlaps(span, date_spans):
            continue
        sent = sentence_of(span[0])
        add("DATE", *span, sent in anchor_sentences and has(health, sent), "a date tied to a patient's care")
    for pattern in (R.AGE_OVER_89, R.AGE_APPOSITIVE, R.BIRTH_YEAR, R.LIFESPAN):
        for m in pattern.finditer(text):
            if pattern is R.BIRTH_YEAR and not 90 <= this_year - int(m.group(1)) <= 115:
                continue
            if pattern is R.LIFESPAN and not (90 <= int(m.group(2)) - int(m.group(1)) <= 115 and
                                              this_year - int(m.group(2)) <= 5):
                continue
            g = 1 if pattern is R.AGE_APPOSITIVE else 0
            span = (m.start(g), m.end(g))
            sent = sentence_of(span[0])
            stext = text[sent[0]:sent[1]]
            # "grand rounds", "speaker"... do not make a presented case anyone's but a patient's
            non_patient = lex.any_in("non_patient", sent[0], sent[1]) and not re.search(r"\b(?:case|patient)\b", stext, re.I)
            here = people_in(sent)              # "Dorothy, our volunteer, turned 92": the age is hers
            theirs = bool(here) and not any(p.patient for p in here) and not re.search(r"\bpatients?\b", stext, re.I) \
                and any(p.public or non_patient_group.get(id(p), False) for p in here)
            linked = not non_patient and not theirs and (has(health, sent) or about_patient or
                                                         has(health, (0, len(text))) or sent in patient_sentence_set)
            add("AGE_OVER_89", *span, linked, "an age over 89")
    # ---- rooms, photos ----------------------------------------------------------------------------------
    for m in R.ROOM.finditer(text):
        span = (m.start(), m.end())
        sent = sentence_of(span[0])
        if lex.any_in("event", sent[0], sent[1]) and not about_patient:
            continue
        stext = text[sent[0]:sent[1]]
        person_ref = bool(PATIENT_REF.search(stext)) or sent in anchor_sentences
        # a bed, bay or crib (not a room: rooms host classes) in a sentence with a condition is a patient's:
        # "dumped another GI bleed (bed 14, 5 West) on us"
        bed_with_health = bool(re.search(r"(?i:\b(?:bed|bay|crib|isolette)\b)", m.group())) and has(health, sent) and \
            not re.search(r"\b(?:beds|bays|cribs|rooms|through|thru|each|every)\b", stext, re.I)     # not the unit's fittings
        linked = (person_ref and (has(health, sent) or about_patient or has(health, (0, len(text))) or
                                  bool(re.match(r"(?:PICU|NICU|ICU|CCU|CVICU|ER|ED|PACU|OR)\b", m.group())))) or \
            ((care_setting or bed_with_health) and not lex.any_in("event", sent[0], sent[1]))
        add("ROOM", *span, linked, "a room or bed number that points at a patient")
    rooms = SpanIndex((c.start, c.end) for c in candidates if c.type == "ROOM")
    for m in NAMED_ROOM.finditer(text):
        span = (m.start() + (4 if m.group().startswith("the") else 0), m.end())
        if rooms.overlaps(span):
            continue
        sent = sentence_of(span[0])
        pointed_here = any(c.linked and c.type in ("AGE_OVER_89", "OTHER_ID") and sentence_of(c.start) == sent
                           for c in candidates)
        if (sent in anchor_sentences or pointed_here) and not lex.any_in("event", sent[0], sent[1]):
            add("ROOM", *span, True, "a room or bed number that points at a patient")
            rooms.add(span)
    room_anchors = [(p.end, p) for p in people if not (p.staff or p.public)] + \
        [(m.end(), None) for m in re.finditer(r"\b(?:pt|patient|guy|lady|gentleman|man|woman|kid)\b", text, re.I)]
    for end, who in room_anchors:           # "Mr. Dombrowski in 418", "the guy in 12B"
        m = ROOM_AFTER.match(text, end)
        if m is None or rooms.overlaps((m.start(1), m.end(1))):
            continue
        sent = sentence_of(m.start(1))
        linked = has(health, sent) or about_patient or (who is not None and who.patient)
        add("ROOM", m.start(1), m.end(1), linked, "a room or bed number that points at a patient")
        rooms.add((m.start(1), m.end(1)))
    patient_name_words = {w.lower() for p in people if p.patient and p.source != "hashtag"
                          for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", LEADING_TITLE.sub("", text[p.start:p.end]))}
    for m in image_matches:
        g = next((i for i in IMAGE_GROUPS if m.group(i) is not None), 0)
        desc, start = (m.group(g), m.start(g)) if g else (None, m.start())
        span = (start, start + len(desc)) if desc else (m.start(), m.end())
        if re.search(r"\bno\s+(?:faces?|identifying|wristbands?|names?|patients?(?:\s+(?:present|shown|pictured))?)\b|\bstaff\s+only\b|\b(?:faces?|nothing\s+identifying)\s+(?:is\s+|are\s+)?not\s+(?:visible|shown)",
                     desc or "", re.I):
            add("PHOTO", *span, False, "an image described as showing no identifying features")
            continue
        patientish = lex.any_in("photo_patient", span[0], span[1]) or \
            any(p.patient and span[0] <= p.start < span[1] for p in people)
        add("PHOTO", *span, patientish and (any_health or about_patient),
            "an image that shows or names a patient")
        target = IMAGE_TARGET.match(original, m.end()) if original is not None and m.group(1) is not None else None
        if target is not None and patient_name_words:
            stem = target.group(1).rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
            if patient_name_words.intersection(re.split(r"[^a-zà-ÿ]+", stem)):
                add("PHOTO", target.start(1), target.end(1), True, "an image file named after a patient")
    # a picture of a patient said in words: "Swipe for her before & after", "Selfie with my favorite patient!"
    for m in PHOTO_MENTION.finditer(text) if about_patient and cues_in["photo_words"] else ():
        if not cand_index.overlaps((m.start(), m.end())):
            add("PHOTO", m.start(), m.end(), True, "an image of a named patient (a before-and-after or a selfie)")
    # ---- a person named in the same sentence as their record number (MRN, member or account id, device
    # serial) or their own linked address, phone or email is that patient ---------------------------------------
    # (a Social Security number, a date of birth or an IP address too, in a post with health information: a
    # registration screen, a portal log)
    # a person named with their own age over 89 in a post about care: "Birthdays: Edda Marsh turns 102 on May 3!"
    aged = {sentence_of(c.start) for c in candidates if c.linked and c.type == "AGE_OVER_89"}
    if aged:
        who = {(p.start, p.end): p for p in people}
        for i, c in enumerate(candidates):
            p = who.get((c.start, c.end))
            if c.type == "NAME" and not c.linked and p is not None and not (p.staff or p.public) and \
                    sentence_of(c.start) in aged and not lex.any_in("non_patient", *sentence_of(c.start)) and \
                    len([q for q in people_in(sentence_of(c.start)) if not (q.staff or q.public)]) == 1:
                candidates[i] = replace(c, linked=not first_person_only, sensitive=None if first_person_only else sensitive,
                                        reason="named with their own age over 89")
    records = {sentence_of(c.start) for c in candidates
               if c.type in ("MRN", "ACCOUNT", "HEALTH_PLAN_ID", "DEVICE_ID")
               or (c.linked and c.type in ("ADDRESS", "PHONE", "EMAIL"))
               or any_health and (c.type in ("SSN", "IP") or c.reason == "a date of birth")}
    if records:
        who = {(p.start, p.end): p for p in people}
        for i, c in enumerate(candidates):
            p = who.get((c.start, c.end))
            if c.type == "NAME" and not c.linked and p is not None and not (p.staff or p.public) and \
                    sentence_of(c.start) in records and not lex.any_in("non_patient", *sentence_of(c.start)):
                candidates[i] = replace(c, linked=not first_person_only, sensitive=None if first_person_only else sensitive,
                                        reason="named next to their own record number or contact details")
    # ---- a date in a sentence that already points at a patient (a bed, an age over 89, a unique description,
    # a plate) is that patient's date ---------------------------------------------------------------------------
    pointed = {sentence_of(c.start) for c in candidates
               if c.linked and c.type in ("ROOM", "OTHER_ID", "AGE_OVER_89", "VEHICLE", "DEVICE_ID", "PHOTO")}
    named = {sentence_of(c.start) for c in candidates      # late links too
             if c.linked and c.type in ("NAME", "MRN", "ACCOUNT", "HEALTH_PLAN_ID", "LICENSE", "SSN")}
    if pointed or named:
        for i, c in enumerate(candidates):
            if c.type == "ROOM" and not c.linked and about_patient and SEAT.match(text, c.start, c.end) and \
                    (sentence_of(c.start) in named or any(n in patient_sentence_set for n in
                                                          (prev_sentence(sentence_of(c.start)), next_sentence(sentence_of(c.start))))) and \
                    not any(not q.patient for q in people_in(sentence_of(c.start))):
                candidates[i] = replace(c, linked=not first_person_only, sensitive=None if first_person_only else sensitive,
                                        reason="a chair or bed next to a named patient's story")
            elif c.type == "ROOM" and not c.linked and sentence_of(c.start) in named:
                candidates[i] = replace(c, linked=not first_person_only, sensitive=None if first_person_only else sensitive,
                                        reason="a room or bed number of a named patient")
            if c.type in ("DATE", "RELATIVE_DATE") and not c.linked and sentence_of(c.start) in pointed | named and \
                    not lex.any_in("event", *sentence_of(c.start)):
                candidates[i] = replace(c, linked=True, sensitive=sensitive, reason="a date tied to a patient's care")
    # ---- any stated age (never PHI by itself: Safe Harbor restricts only ages over 89; the strict profile
    # reports them as personal data) -----------------------------------------------------------------------
    over_89 = [(c.start, c.end) for c in candidates if c.type == "AGE_OVER_89"]
    for m in R.AGE_ANY.finditer(text):
        g = next(i for i in (1, 2) if m.group(i) is not None)
        span = (m.start(g), m.end(g))
        if 0 < int(m.group(g)) < 125 and not _overlaps(span, over_89) and not _overlaps(span, blocked):
            candidates.append(PhiCandidate("AGE", *span, False, False, "a person's age", None))
    candidates.sort(key=lambda c: (c.start, c.end))
    return candidates


def lex_terms(lex: Lex, name: str) -> list[str]:
    terms = getattr(lex, "terms", None)
    return list(terms(name)) if callable(terms) else []
