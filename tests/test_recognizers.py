"""Context-free recognizers (policylint.detect.recognizers): each pattern, matched and not matched.

All examples are invented for these tests (fictional numbers, 555 exchanges, example domains).
"""
from __future__ import annotations

import re

import pytest

from policylint.detect import recognizers as R


def found(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group() for m in pattern.finditer(text)]


def ids(text: str) -> list[tuple[str, str]]:
    return [(kind, m.group(1)) for kind, pattern in R.LABELLED_IDS for m in pattern.finditer(text)]


# --------------------------------------------------------------------------------------------------------
# phone and fax
# --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("Call (555) 201-3344 for details", "(555) 201-3344"),
    ("her cell is 555.201.3344.", "555.201.3344"),
    ("dial +1 555 201 3344 today", "+1 555 201 3344"),
    ("from abroad use 001-555-201-3344", "001-555-201-3344"),
    ("desk line 555-201-3344 x204", "555-201-3344 x204"),
    ("(555)201-3344x17 is the direct line", "(555)201-3344x17"),
    ("5552013344-Fax", "5552013344"),                                      # a "-Fax" tag after the number
    ("our partner in Zurich: +41 (0)44 555 12 34", "+41 (0)44 555 12 34"),
    ("UK mobile +447700 900 123 works", "+447700 900 123"),
    ("national format 0491 57 01 23 please", "0491 57 01 23"),
    ("or 020.55.51.23.45 in the evening", "020.55.51.23.45"),
    ("office (08) 5550 1234", "(08) 5550 1234"),
    ("pairs 55-12-34-56 office", "55-12-34-56"),
    ("Phone:\n555 0123\n", "555 0123"),                                     # a local number after a label
    ("Mobile: 512 345 678", "512 345 678"),
    ("please call me at 555 0199 tonight", "555 0199"),
    ("Cell: 555-0142", "555-0142"),
])
def test_phone_matched(text: str, number: str) -> None:
    assert number in found(R.PHONE, text)


@pytest.mark.parametrize("text", [
    "take 500-1000 mg with food",
    "an A1C of 7.5 and 3-5 days of rest",
    "results from 2024-03-04 are in",
    "call on 2024-03-04 at noon",                       # an ISO date after a call cue
    "call 911 now",
    "ratio 10 20 30 40",
    "SSN 555-12-3456 is on file",                       # SSN shape, not a phone
    "ZIP 94110-1234",
    "server 10.20.30.40 is down",
    "in 2019 2020 and 2021",
    "the hotel 5550142 rooms",                          # no label: "tel" inside a word
    "page 0.5 of 2",
])
def test_phone_not_matched(text: str) -> None:
    assert found(R.PHONE, text) == []


# --------------------------------------------------------------------------------------------------------
# email, SSN, IP
# --------------------------------------------------------------------------------------------------------

def test_email() -> None:
    assert found(R.EMAIL, "write to jo.ames+clinic@mail.example now") == ["jo.ames+clinic@mail.example"]
    assert found(R.EMAIL, "follow @someone or see the example.org page") == []


@pytest.mark.parametrize("text, ssn", [("SSN 123-45-6789.", "123-45-6789"), ("ss 123 45 6789 on file", "123 45 6789")])
def test_ssn_matched(text: str, ssn: str) -> None:
    assert found(R.SSN, text) == [ssn]


@pytest.mark.parametrize("text", ["000-12-3456", "666-12-3456", "123-00-4567", "123-45-67890", "123-45 6789"])
def test_ssn_not_matched(text: str) -> None:
    assert found(R.SSN, text) == []


def test_ssn_labelled_without_separators() -> None:
    assert [m.group(1) for m in R.SSN_LABELLED.finditer("social security number: 123456789")] == ["123456789"]


@pytest.mark.parametrize("text, ip", [("seen at 192.0.2.15. Then", "192.0.2.15"), ("from 198.51.100.7, again", "198.51.100.7")])
def test_ipv4_matched_before_sentence_punctuation(text: str, ip: str) -> None:
    assert found(R.IPV4, text) == [ip]


@pytest.mark.parametrize("text", ["version 1.2.3.4.5", "256.1.1.1", "3.14"])
def test_ipv4_not_matched(text: str) -> None:
    assert found(R.IPV4, text) == []


# --------------------------------------------------------------------------------------------------------
# addresses and ZIP codes
# --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, address", [
    ("lives at 42 Maple Street, Apt 3", "42 Maple Street, Apt 3"),
    ("near 1200 N Old Mill Rd by the park", "1200 N Old Mill Rd"),
    ("the house at 9 Juniper Crossing", "9 Juniper Crossing"),
    ("our office, 300 Elm Ave Suite 210, is", "300 Elm Ave Suite 210"),
    ("mail it to P.O. Box 4412 please", "P.O. Box 4412"),
    ("send to PSC 1234, Box 5678\nAPO AE 09012 soon", "PSC 1234, Box 5678\nAPO AE 09012"),
    ("stationed at Unit 2050 Box 4190", "Unit 2050 Box 4190"),
])
def test_address_matched(text: str, address: str) -> None:
    assert found(R.ADDRESS, text) == [address]


@pytest.mark.parametrize("text", [
    "join our 2024 Blood Drive on Friday",
    "the 2025 Holiday Toy Drive starts",
    "we saw 3 patients today",
    "Suite dreams",
])
def test_address_not_matched(text: str) -> None:
    assert found(R.ADDRESS, text) == [] and found(R.ADDRESS_LOWER, text) == []


@pytest.mark.parametrize("text, code", [
    ("from 94110.", "94110"),
    ("ZIP 94110-1234 on the form", "94110-1234"),
    ("my zip code is 941", "941"),                      # ZIP3 after a label
    ("Postal code: K1A 0B1", "K1A 0B1"),
    ("ZIP: 1234 AB", "1234 AB"),
])
def test_zip_matched(text: str, code: str) -> None:
    assert found(R.ZIP, text) == [code]


@pytest.mark.parametrize("text", ["a $12345 bill", "zip it up", "up 12345%", "MRN#12345", "3.14159"])
def test_zip_not_matched(text: str) -> None:
    assert found(R.ZIP, text) == []


# --------------------------------------------------------------------------------------------------------
# dates and ages
# --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("admitted March 3rd, 2023 for", "March 3rd, 2023"),
    ("seen on 4/15/2022.", "4/15/2022"),
    ("discharged 04-16-2022.", "04-16-2022"),
    ("surgery on the fifth of June", "the fifth of June"),
    ("born June the twenty-second", "June the twenty-second"),
    ("see you Saturday morning", "Saturday morning"),
    ("open Sat. 9/14 only", "Sat"),
    ("Tue, Nov 12 at the clinic", "Tue, Nov 12"),
    ("the 2nd of May 2021 visit", "2nd of May 2021"),
    ("admitted in October 2022 with", "October 2022"),                  # month and year
    ("follow-up 7/2023 booked", "7/2023"),
    ("dated 9-Oct-2021 in the chart", "9-Oct-2021"),
    ("seen 23/04/2021 abroad", "23/04/2021"),                           # day first when the day is > 12
    ("stamp 2022-11-05T08:30Z logged", "2022-11-05T08:30Z"),
])
def test_date_matched(text: str, date: str) -> None:
    assert date in found(R.DATE, text)


@pytest.mark.parametrize("text", [
    "wear sunscreen in the sun",
    "she sat by the window",
    "we were wed in a garden",
    "C'mon, let's go",
    "an A1C of 6.5",
    "rest 3-5 days",
    "the first of may be best",
    "add 1/2 cup of oats",                              # fractions, not dates
    "about 3/4 of adults",
    "may 2025 bring you joy",
    "a 12/24 hour shift",
])
def test_date_not_matched(text: str) -> None:
    assert found(R.DATE, text) == []


@pytest.mark.parametrize("text", [
    "a 93-year-old veteran", "our 101 yo patient", "aged 95 and thriving", "celebrating her 100th birthday",
    "turned 92 last week", "a ninety-three-year-old reader", "she is 96 years of age",
    "retired at the age of 91",
])
def test_age_over_89_matched(text: str) -> None:
    assert found(R.AGE_OVER_89, text)


@pytest.mark.parametrize("text", [
    "a 67-year-old runner", "aged 89 years", "in her 90s", "turned 9 today", "over 90 years of service",
    "at the age of 45", "see page 95",
])
def test_age_over_89_not_matched(text: str) -> None:
    assert found(R.AGE_OVER_89, text) == []


# --------------------------------------------------------------------------------------------------------
# labelled identifiers
# --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("chart filed under MRN 4471", ("MRN", "4471")),                   # short record numbers
    ("export row patientMRN=8812345", ("MRN", "8812345")),             # key=value with a glued field name
    ("record (chartMRN0099123) attached", ("MRN", "0099123")),
    ("mrn=5550123 in the log", ("MRN", "5550123")),
    ("participant id PX-2291 enrolled", ("MRN", "PX-2291")),
    ("the study code ALPHA-0031 links", ("MRN", "ALPHA-0031")),
    ("member ID: ZQH-55-10293", ("HEALTH_PLAN_ID", "ZQH-55-10293")),
    ("account # 55120098", ("ACCOUNT", "55120098")),
    ("licence number D1234-5678", ("LICENSE", "D1234-5678")),
    ("plate 7ABC123 reported", ("VEHICLE", "7ABC123")),
    ("serial SN-77-A0931", ("DEVICE_ID", "SN-77-A0931")),
])
def test_labelled_id_matched(text: str, expected: tuple[str, str]) -> None:
    assert expected in ids(text)


@pytest.mark.parametrize("text", [
    "the MRN is pending", "our account of 2024", "an MRI scan", "Medicaid expansion",
    "patient id 12",                                   # too short to be a record number
    "informRN 12345",                                  # not the MRN label
])
def test_labelled_id_not_matched(text: str) -> None:
    assert ids(text) == []


def test_vin_and_udi() -> None:
    assert found(R.VIN, "VIN 1FTEX1C80AFA12345 on the truck") == ["1FTEX1C80AFA12345"]
    assert found(R.VIN, "ABCDEFGHJKLMNPRST") == []                       # no digit
    assert found(R.UDI, "UDI (01)00812345678906(17)251231") == ["(01)00812345678906(17)251231"]


# --------------------------------------------------------------------------------------------------------
# rooms, handles, hashtags, images
# --------------------------------------------------------------------------------------------------------

def test_room_handle_hashtag() -> None:
    assert found(R.ROOM, "resting in Room 412B") == ["Room 412B"]
    assert found(R.ROOM, "a roomy lobby") == []
    # a NICU bed space, and a bed with a capital letter (never "went to bed a little early")
    assert found(R.ROOM, "twins from Bed Space 14 and Bed B in 3 West") == ["Bed Space 14", "Bed B"]
    assert found(R.ROOM, "went to bed a little early; Bay Area traffic") == []
    assert found(R.HANDLE, "thanks @jamie_r.k and mail x@y.example") == ["@jamie_r.k"]
    assert found(R.HASHTAG, "#GetWellSoon and C# and &#38;") == ["#GetWellSoon"]


@pytest.mark.parametrize("text, image", [
    ("![Photo of our patient](a.png)", "![Photo of our patient]"),
    ("[Photo: Jo at discharge]", "[Photo: Jo at discharge]"),
    ("file jdoe_front_2023.jpg on record", "jdoe_front_2023.jpg"),      # an image file name
    ("Cape day!\n📷: full-face photo of a boy by his IV pole", "📷: full-face photo of a boy by his IV pole"),  # a caption
])
def test_image_matched(text: str, image: str) -> None:
    assert found(R.IMAGE, text) == [image]


@pytest.mark.parametrize("text", ["see the photos below", "notes.txt", "https://example.org/a/b.jpg.txt",
                                  "Our photo: a day to remember"])
def test_image_not_matched(text: str) -> None:
    assert found(R.IMAGE, text) == []
