"""Context-free identifier recognizers (regex). Each returns (type, start, end, label_found)."""
from __future__ import annotations

import re
from typing import Iterator

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
ORD = r"(?:st|nd|rd|th)?"
# a weekday on its own: the full name in any case, or a capitalised abbreviation used in a date ("Sat. 3/9",
# "Tue, Oct 4"), never the words "sun", "sat", "wed" or "c'mon"
WEEKDAY_ALONE = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                 r"(?-i:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))(?=\.|,?\s+(?:\d|" + MONTHS + r")))")
ORD_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
             r"(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")

PHONE_END = r"(?!\w|[.-]\d)"        # a sentence period or a "-Fax"/"-Office" tag may follow a number
PHONE_CUES = "|".join(
    r"(?<=\b" + cue.replace(" ", r"\s") + r"\s)" for cue in
    [f"(?i:{label}){join}" for label in ("phone", "telephone", "tel", "mobile", "cell", "fax", "desk", "phone number",
                                         "cell number", "mobile number", "contact number", "callback number")
     for join in (":", " is", " #", " at", "")] +
    [f"(?i:{verb}{who} {prep})" for verb in ("call", "text", "reach") for who in ("", " me", " her", " him", " them")
     for prep in ("at", "on")])
PHONE = re.compile(
    r"(?=[+(\d])(?:"                 # cheap first-character test before any branch (the cue look-behinds are many)
    # North American: +1 / 1 / 001, area code in parentheses or followed by a separator, optional extension
    r"(?<![\w/.+-])(?:(?:\+?1|001)[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?" + PHONE_END +
    r"|(?<![\w/.+-])\d{10}" + PHONE_END +
    # international: +CC, optional (0) trunk, 8-15 digits in groups
    r"|(?<![\w+])\+(?=(?:[ .()-]{0,3}\d){8,15}(?!\d))[1-9]\d{0,2}(?: ?\(0\))?(?:[ .-]?\d{1,5}){1,6}" + PHONE_END +
    # national numbers with a trunk 0 (0AA BBB CCCC), one separator throughout, 9-11 digits
    r"|(?<![\w/.+-])(?=(?:[ .-]?\d){9,11}(?!\d))0\d{1,4}([ .-])\d{2,8}(?:\1\d{2,4}){0,3}" + PHONE_END +
    # two-digit area code in parentheses: (NN) NNNN-NNNN
    r"|(?<![\w/])\(0?\d{2}\)\s?\d{3,5}[ -]\d{3,4}" + PHONE_END +
    # digit pairs: NN-NN-NN-NN(-NN)
    r"|(?<![\w/.-])\d{2}-\d{2}-\d{2}-\d{2}(?:-\d{2})?" + PHONE_END +
    # any grouping of 7-15 digits right after a phone label ("Phone:", "cell") or "call me at"
    r"|(?<=\s)(?:" + PHONE_CUES + r")(?!(?:19|20)\d\d-\d\d-\d\d\b)\+?(?=(?:[ \t().-]{0,3}\d){7,15}(?!\d))\(?\d[\d \t().-]{5,22}\d" + PHONE_END + ")")
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([- .])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
SSN_MASKED = re.compile(r"(?<![\w-])[xX*•]{3}-[xX*•]{2}-\d{4}(?![\w-])")       # "xxx-xx-4471": the last four still identify
# a lifespan "(1931–2025)": over 89 years between birth and death (ending recently: a historical figure's is not PHI)
LIFESPAN = re.compile(r"\b((?:18|19|20)\d\d)\s?[–—-]\s?((?:19|20)\d\d)\b")
SSN_LABELLED = re.compile(r"\b(?:SSN|SS#|social security(?: number| no\.?| #)?)\s*[:#]?\s*"
                          r"(\d{3}[\s.-]?\d{2}[\s.-]?\d{4}|\d{9})\b", re.I)
ID_LABELS: tuple[tuple[str, str], ...] = (
    ("MRN", r"MRN|Rx|prescription(?: number| no\.?| #)|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)|patient (?:id|number|no\.?|#)|"
            r"(?:study|research|trial) (?:participant|subject) (?:id|code|number|#)|"
            r"(?:participant|subject|enrol(?:l)?ment|study)(?: study)? (?:id|code|number|no\.?|#)"),
    ("ACCOUNT", r"acct\.?|account(?: number| no\.?| #)?|claim(?: number| no\.?| #)|invoice(?: number| #)?"),
    ("HEALTH_PLAN_ID", r"member(?: id| number| no\.?| #)?|subscriber(?: id| number| #)|policy(?: number| no\.?| #)|"
                       r"group(?: number| no\.?| #)|health plan(?: id| number| #)|medicaid(?: id| number| #)?|"
                       r"medicare(?: id| number| #)|insurance(?: id| number| #)|MBI"),
    ("LICENSE", r"CDL|commercial driver'?s licen[cs]e|driver'?s licen[cs]e(?: number| no\.?| #)?|licen[cs]e(?: number| no\.?| #)|DL(?: number| #)?|"
                r"certificate(?: number| no\.?| #)|passport(?: number| no\.?| #)?"),
    ("VEHICLE", r"(?:licen[cs]e )?plate(?: number| no\.?| #)?|tag number|VIN"),
    ("DEVICE_ID", r"serial(?: number| no\.?| #)?|S/N|SN|UDI|device(?: id| number| #)?|lot(?: number| #)"),
    ("OTHER_ID", r"(?:voice ?print|fingerprint|retina(?:l)?(?: scan)?|iris(?: scan)?|face ?print|biometric|palm ?print)"
                 r"(?: template| id| record| scan| number| #)?"),
)
ID_VALUE = r"(?:[:#=]|\bis\b|\bof\b)?\s*\(?\s*#?\s*((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{%d,19}[A-Z0-9])\b"
MIN_ID_CHARS = {"MRN": 4}            # record numbers are often short ("MRN 2280"); other labelled ids need 5+
LABELLED_IDS = [(kind, re.compile(r"\b(?:" + label + r")\s*" + ID_VALUE % (MIN_ID_CHARS.get(kind, 5) - 2), re.I))
                for kind, label in ID_LABELS]
# a record-number label glued to a field name or to the value: patientMRN=123456, chartMRN04857211
LABELLED_IDS.append(("MRN", re.compile(r"(?<=[a-z])MRN\s*[:#=]?\s*(\d{4,12})\b")))
VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b")
UDI = re.compile(r"\(01\)\d{14}(?:\(\d{2}\)[\w-]+)*")
IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|example|health|care|io|me|us|co)(?:/[^\s<>()\"']*)?", re.I)
STREET_SUFFIX = (r"(?:St(?:reet)?|Rd|Road|Ave(?:nue)?|Blvd|Boulevard|Lane|Ln|Dr(?:ive)?|Ct|Court|Way|Pl(?:ace)?|"
                 r"Pkwy|Parkway|Terrace|Ter|Cir(?:cle)?|Hwy|Highway|Trail|Trl|Loop|Row|Sq(?:uare)?|Alley|Aly|Crescent|Cres|"
                 r"Crossing|Xing|Turnpike|Tpke|Pike|Expressway|Expy|Freeway|Fwy|Heights|Hts|Plaza|Plz|Ridge|Mews)")
NOT_STREET = r"(?!\d{1,6}\s+(?:[A-Z][\w'-]*\s+){0,2}(?:Blood|Food|Toy|Coat|Book|Fund|Supply|Donation|Clothing|Diaper|Sock|" \
             r"Backpack|Pantry|Voter|Recruitment|Membership)\s+Drive\b)"      # "our 2024 Blood Drive"
PO_BOX = r"(?i:\b(?:P\.\s?O\.|PO|Post Office)\s+Box\s+\d{1,6}\b)"
MILITARY = (r"(?i:\b(?:PSC|CMR|Unit)\s+\d{1,5},?\s+Box\s+\d{1,5}(?:,?\s+(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5})?"
            r"|\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}\b)")
ADDRESS = re.compile(r"\b(?=\d)" + NOT_STREET + r"\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'-]*\s+){1,3}" + STREET_SUFFIX +
                     r"\b\.?(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Bldg|Building|Floor|Fl|#)\.?\s*\w+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,?\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
                     r"|(?=[PpUuCcAaFfDd])(?:" + PO_BOX + "|" + MILITARY + ")")
ADDRESS_LOWER = re.compile(r"\b(?=\d)" + NOT_STREET + r"\d{1,6}\s+(?:[a-z]+\s+){1,3}(?:street|road|avenue|lane|drive|court|boulevard)\b", re.I)
ZIP_CUES = "|".join(r"(?<=\b(?i:" + label + ")" + join + ")" for label in ("zip", "zip code", "zipcode", "postal code",
                                                                         "postcode", "post code")
                    for join in (r":\s", r"\s", r"\sis\s", r":"))
ZIP = re.compile(r"(?=[A-Z0-9])(?:(?<![\w$#.,-])\d{5}(?:-\d{4})?(?![\w%-]|,\d)"
                 r"|(?<=[\s:])(?:" + ZIP_CUES + r")(?=[A-Z0-9]{0,4}\d)[A-Z0-9]{3,5}(?:[ -](?=[A-Z]{0,3}\d)[A-Z0-9]{2,4}|[ ][A-Z]{2})?\b)")
AGE_OVER_89 = re.compile(r"\b(?:(?:9\d|1[0-1]\d)[- ](?:years?|yrs?)[- ]old|(?:9\d|1[0-1]\d)[- ]?(?:yo|y/o|y\.o\.)|"
                         r"age[sd]?\s+(?:of\s+)?(?:9\d|1[0-1]\d)\b|(?:9\d|1[0-1]\d)(?:st|nd|rd|th) birthday|"
                         r"turn(?:s|ed|ing)?\s+(?:9\d|1[0-1]\d)\b(?!\s*(?:%|percent|degrees|miles))|(?:9\d|1[0-1]\d)\s+years\s+(?:young|old)|"
                         r"(?:9\d|1[0-1]\d)\s+years?\s+of\s+age|(?:9\d|1[0-1]\d)\s+a[ñn]os\b(?!\s+(?:de\s+)?(?:servicio|experiencia))|"
                         r"(?:ninety|one hundred)(?:[- ](?:and[- ])?\w+)?[- ]years?[- ]old)"
                         # "aged 90 and older", "90+": the aggregate Safe Harbor itself prescribes, not a person's age
                         r"(?!s?\s*(?:\+|and\s+(?:older|over|up|above)|or\s+(?:older|over|above)))", re.I)
# "born in 1931", "born March 3, 1931": a birth year says the age (an age over 89 when it is 90+ years ago)
BIRTH_YEAR = re.compile(r"\b(?i:born)\s+(?:in\s+|on\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?((?:18|19|20)\d\d)\b")
# Any stated age of a person ("a 45-year-old", "aged 45", "turned 45", "I'm 45", "45 y/o"): group 1 or 2 is
# the number. Only the strict profile reports these (type AGE); hipaa reports ages over 89 (AGE_OVER_89).
AGE_ANY = re.compile(
    r"\b(\d{1,3})(?=[- ](?:years?|yrs?)[- ]old\b|\s*(?:yo|y/o|y\.o\.)(?!\w))"
    r"|\b(?:aged?(?:\s+of)?|turn(?:s|ed|ing)?|(?:I|he|she|they)(?:'m|’m| am| is| was| are| were))\s+(\d{1,3})\b"
    r"(?![-/:.,]?\d|\s*(?:%|percent|am\b|pm\b|a\.m\.|p\.m\.|o'clock|minutes?|hours?|days?|weeks?|months?|times?))",
    re.I)
AGE_APPOSITIVE = re.compile(r"(?<=[A-Za-z.]),\s*(9\d|1[0-1]\d),")
DATE = re.compile(
    r"\b(?:"                         # every form starts at a word boundary: test it once, not once per branch
    r"\b(?:" + WEEKDAYS + r",?\s+)?" + MONTHS + r"\.?\s+\d{1,2}" + ORD + r"(?:,?\s+\d{4})?\b"
    r"|\b\d{1,2}" + ORD + r"\s+(?:of\s+)?" + MONTHS + r"\.?(?:,?\s+\d{4})?\b"
    r"|\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre)"
    r"(?:\s+(?:de\s+|del\s+)?\d{4})?\b"                  # Spanish: "el 2 de abril"
    r"|(?<![\d/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:19|20)?\d{2}(?![\d/-]|\.\d)|(?![\d/-]|\.\d)"
    r"(?!\s*(?:cups?|c\.|tsp|tbsp|teaspoons?|tablespoons?|inch(?:es)?|in\.|oz|ounces?|lbs?|pounds?|miles?|mi\b|of\b|mg|ml|"
    r"tabs?|tablets?|pills?|doses?|hours?|hrs?|min(?:ute)?s?)\b))"      # not a fraction: "1/2 cup", "3/4 of"
    r"|(?<![\d/.-])(?:0?[1-9]|1[0-2])([.-])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d{2}(?![\d/-]|\.\d)"
    r"|\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)(?:T\d{2}:\d{2}(?::\d{2})?Z?)?"
    # day first when the day cannot be a month (21/05/2021, 21.5.21); month and year (5/2021, March 2023, 5-May-2021)
    r"|(?<![\d/.-])(?:1[3-9]|2\d|3[01])([/.])(?:0?[1-9]|1[0-2])\2(?:19|20)?\d{2}(?![\d/-]|\.\d)"
    r"|(?<![\d/.-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/-]|\.\d)"
    r"|\b(?:\d{1,2}-)?" + MONTHS + r"-(?:(?:19|20)?\d{2}|\d{1,2})\b|\b\d{1,2}-" + MONTHS + r"\b"
    r"|\b(?!(?-i:may)\b)" + MONTHS + r"\.?,?\s+(?:19|20)\d{2}\b"
    r"|\b" + WEEKDAY_ALONE + r"\b(?:\s+(?:morning|afternoon|evening|night))?"
    # spelled-out days: "the third of July", "July the twenty-first"
    r"|\b(?:the\s+)?" + ORD_WORDS + r"\s+of\s+" + MONTHS + r"\b(?!\s+(?:be|have|not|also|need|want|help)\b)(?:,?\s+\d{4})?"
    r"|\b" + MONTHS + r"\s+the\s+" + ORD_WORDS + r"\b"
    # a day of the month alone after "on"/"since": "discharged on the 14th"
    r"|(?:(?<=\bon\s)|(?<=\bsince\s))the\s+(?:\d{1,2}(?:st|nd|rd|th)|" + ORD_WORDS + r")\b"
    r"(?!\s+(?:of\b|time|floor|grade|round|anniversary|birthday|century|annual|place|day|week|month|year|try|attempt))"
    r"|\b(?:Thanksgiving|Christmas(?:\s+(?:Eve|Day|morning))?|New\s+Year['’]s(?:\s+(?:Eve|Day))?|Easter(?:\s+Sunday)?|"
    r"Halloween|Valentine['’]s\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|Memorial\s+Day|Labor\s+Day|"
    r"Independence\s+Day|the\s+Fourth\s+of\s+July)\b(?!\s+(?:party|parties|dinner|lunch|potluck|drive|parade|"
    r"sale|card|cards|break|season|spirit|tree|decorations?|celebration|event|gala|basket|baskets)\b)"
    r"|\b(?:last|this) (?:night|morning|afternoon|evening|week|weekend|month)\b|\byesterday\b|\b(?:today|tonight|tomorrow|overnight)\b"
    # Spanish: today, last night, yesterday, this morning
    r"|\b(?:hoy|anoche|ayer|esta\s+(?:mañana|tarde|noche|semana))\b"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?:last night|this morning|yesterday|today))?)", re.I)
MONTH_ALONE = re.compile(r"\b(?:in|since|on|during|last|this)\s+(" + MONTHS + r")\b(?!\.?\s+\d)")
DOB = re.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born(?: on)?|birth ?date|b\.)\s*[:#]?\s*", re.I)
ROOM = re.compile(r"\b(?:(?:(?-i:[A-Z]{2,5})\s+)?(?:room|rm\.?|bed(?:\s*space)?|bay|pod|crib|isolette|chair|cubicle)\s*#?\s*\d{1,4}[A-Z]?|"
                  r"(?-i:OR)[ \t]?#?\d{1,2}\b|"        # an operating room: "OR 6"
                  r"(?<=\bin )\d{1,2}[A-Z](?=\b)|"
                  r"(?-i:(?:Bed|Bay)\s+[A-F])(?![\w'’.-]))", re.I)      # "Bed B in 3 West" (a letter, capitalised)
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}[A-Za-z0-9_]")
HASHTAG = re.compile(r"(?<![\w#&])#[A-Za-z][A-Za-z0-9_]*")
IMAGE = re.compile(r"!\[([^\]\n]*)\]|\[(?:(?:Image|Photo|Picture|Video)\s+(?:description|caption)|Alt(?:[- ]?text)?|"
                   r"Image|Photo|Picture|Video|Pic|Carousel|Gallery|Slides?|Reel|Clip|Selfie)\s*:\s*([^\]\n]*)\]"
                   r"|\b(?<![/.-])(?<!\]\()[\w-]+\.(?:jpe?g|png|gif|heic|tiff?|bmp|webp)\b"     # or an image file name
                   # or a caption line without brackets: "📷: full-face photo of a smiling boy by his IV pole"
                   r"|(?m:^[ \t]*(?:📷|📸|Photo|Image|Pictured)[ \t]*:[ \t]*([^\n]+))"
                   # or a camera emoji mid-line before what the picture shows: "📸 selfie in OR 6 with the patient's scan up"
                   r"|(?<=[📷📸])[ \t]*(?!:)((?:selfie|photo|pic|picture|shot)\b[^\n#]{3,200})", re.I)

# a number shown on something a patient holds or wears, in a photo's description: "her check-in card that reads
# QV-40127", "a wristband reading 88120455"
SHOWN_ID = re.compile(r"\b(?:card|wristband|bracelet|band|badge|label|sticker|tag|chart|folder|armband)\s+(?:that\s+|which\s+)?"
                      r"(?:reads|reading|says|shows|showing)\s*:?\s*['\"“‘]?((?=[A-Z0-9-]*\d)[A-Z]{0,4}-?\d{4,10})\b")


def iter_regex(kind: str, pattern: re.Pattern[str], text: str, group: int = 0) -> Iterator[tuple[str, int, int]]:
    for m in pattern.finditer(text):
        if m.group(group):
            yield kind, m.start(group), m.end(group)
