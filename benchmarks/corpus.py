#!/usr/bin/env python3
"""Deterministic corpus of realistic hospital social-media posts for the speed benchmark.

    .venv/bin/python benchmarks/corpus.py                 # writes benchmarks/data/ (skips files already there)
    .venv/bin/python benchmarks/corpus.py --force         # rewrite everything

Writes, under ``benchmarks/data/`` (gitignored; generated on demand by ``benchmarks/run.py``):

- ``posts-5k/`` 5,000 posts, one ``.txt`` file each (what a content repository looks like);
- ``posts-1k.jsonl``, ``posts-5k.jsonl``, ``posts-10k.jsonl``, ``posts-100k.jsonl`` (scheduled-post exports;
  the first N posts of one seeded stream, so ``posts-5k.jsonl`` holds the same posts as ``posts-5k/``).

The mix: marketing and events, health education with and without a disclaimer, patient shout-outs with
identifiers (names, dates, rooms, phone numbers, towns, ages), staff welcomes, review replies, community
news; hashtags, @mentions and links; mostly short posts, some medium, a few long multi-paragraph ones.
Every post is generated from ``random.Random(SEED + index)``, so any post can be regenerated on its own
and the output is byte-identical on every machine and Python version.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Callable, Iterator

SEED = 20240611
DATA = Path(__file__).resolve().parent / "data"
SIZES = {"1k": 1_000, "5k": 5_000, "10k": 10_000, "100k": 100_000}

FIRST = ["Maria", "James", "Aisha", "Wei", "Priyanka", "Mateo", "Eleanor", "Gordon", "Fatima", "Liam", "Sofia",
         "Noah", "Chloe", "Diego", "Hannah", "Kenji", "Amara", "Lucas", "Grace", "Omar", "Isabella", "Ethan",
         "Zoe", "Mohammed", "Ava", "Daniel", "Leah", "Andre", "Mei", "Samuel", "Nadia", "Caleb", "Yara", "Oliver",
         "Ruth", "Tomas", "Imani", "Arjun", "Peggy", "Frank", "Dolores", "Harold", "Beatrice", "Kwame", "Elena"]
LAST = ["Gonzalez", "Nguyen", "Patel", "Smith", "Johnson", "Okafor", "Kowalski", "Li", "Vasquez", "Brown",
        "Garcia", "Kim", "Rossi", "Haddad", "Murphy", "Schmidt", "Tanaka", "Williams", "Cohen", "Dubois",
        "Martinez", "O'Brien", "Singh", "Andersen", "Mensah", "Lopez", "Fischer", "Walker", "Hughes", "Reyes"]
TOWNS = ["Maple Falls", "Cedar Grove", "Riverton", "Lakeview", "Oak Hill", "Brookside", "Pine Ridge",
         "Harbor City", "Millbrook", "Westfield", "Fairhaven", "Elm Park"]
ORGS = ["Brookside Health", "Lakeview Regional", "Harborview Medical Center", "Oakview Clinic",
        "Maplewood Family Medicine", "Riverton Children's Hospital", "Cedar Grove Cancer Center"]
UNITS = ["ICU", "PICU", "NICU", "5 East", "cardiac step-down unit", "oncology floor", "birthing center",
         "rehab unit", "burn unit", "emergency department", "surgical floor", "infusion center"]
CARE = ["finished her last round of chemo", "rang the bell after radiation", "was discharged this morning",
        "walked the halls for the first time after his knee replacement", "came off the ventilator",
        "went home after 94 days in the NICU", "celebrated one year cancer-free", "had open-heart surgery",
        "got his new kidney", "beat COVID after three weeks on oxygen", "finished physical therapy",
        "was admitted with pneumonia", "took her first steps after the stroke", "completed dialysis training"]
CONDITIONS = ["diabetes", "high blood pressure", "asthma", "the flu", "heart disease", "migraines", "insomnia",
              "seasonal allergies", "back pain", "depression", "anxiety", "COPD", "arthritis", "strep throat"]
TIPS = [
    "Wash your hands for at least 20 seconds, especially before eating and after coughing or sneezing.",
    "Everyone 6 months and older should get a flu shot every year. It takes about two weeks to build protection.",
    "Keep the same wake time every day, limit caffeine after noon, and dim screens an hour before bed.",
    "Know the signs of a stroke: face drooping, arm weakness, speech trouble. Time matters, so call 911.",
    "Aim for 150 minutes of moderate activity a week. A brisk 30-minute walk five days a week counts!",
    "Drink water before you feel thirsty, and more on hot days or when you exercise.",
    "Sunscreen every day, SPF 30 or higher, reapplied every two hours outdoors, even when it is cloudy.",
    "Check your blood pressure at home at the same time each day and bring the log to your next visit.",
    "Take antibiotics exactly as prescribed and never share them; leftover pills are not a treatment plan.",
    "Fill half your plate with vegetables and fruit, and choose whole grains when you can.",
    "If you have asthma, keep your rescue inhaler with you and know your triggers.",
    "Try ibuprofen and rest for a few days if your back hurts; most back pain gets better on its own.",
    "Stop taking your blood thinner a week before any dental work so you don't bleed.",
    "Feeling down for more than two weeks? Talk to someone. Depression is common and treatable.",
]
DISCLAIMERS = [
    "This post is for general information only and is not a substitute for professional medical advice. "
    "Talk to your doctor about your own situation.",
    "General information only, not medical advice: talk to your doctor about your own health.",
    "Not medical advice. Please consult your healthcare provider.",
    "Educational content only; it does not replace a visit with your care team.",
]
EVENTS = ["free blood pressure screenings", "a community health fair", "a blood drive", "a diabetes support group",
          "a new-parent class", "a CPR class", "flu shot clinics", "a 5K fun run for heart health",
          "a farmers market", "a teddy bear clinic for kids"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TAGS = ["#HealthyLiving", "#FluSeason", "#NurseLife", "#HeartHealth", "#CancerSurvivor", "#NICUGrad",
        "#CommunityHealth", "#WellnessWednesday", "#MentalHealthMatters", "#Vaccines", "#TeamBrookside",
        "#HealthcareHeroes", "#StrokeAwareness", "#DiabetesAwarenessMonth", "#ThankfulThursday", "#Hiring"]
ROLES = ["cardiologist", "pediatric nurse practitioner", "orthopedic surgeon", "family physician",
         "oncology nurse", "physical therapist", "midwife", "dermatologist", "pharmacist", "chaplain"]
PLATFORMS = ["facebook", "instagram", "x", "linkedin", "tiktok", "review-reply"]
EMOJI = ["🎉", "💜", "🔔", "🙏", "❤️", "👏", "💪", "🩺", "🌞", "💉", "🏥", "👶"]
STARS = ["5 stars", "kind review", "lovely words", "feedback", "review"]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _date(r: random.Random) -> str:
    style = r.randrange(4)
    if style == 0:
        return f"{r.choice(MONTHS)} {r.randint(1, 28)}"
    if style == 1:
        return f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.choice(['2023', '2024', '25'])}"
    if style == 2:
        return f"{r.choice(DAYS)}, {r.choice(MONTHS)} {r.randint(1, 28)}"
    return f"last {r.choice(DAYS)}"


def _phone(r: random.Random) -> str:
    a, b = r.randint(200, 989), r.randint(1000, 9999)
    return r.choice([f"(555) {a}-{b}", f"555-{a}-{b}", f"555.{a}.{b}"])


def _tags(r: random.Random, k: int | None = None) -> str:
    return " ".join(r.sample(TAGS, k if k is not None else r.randint(0, 4)))


def _org(r: random.Random) -> str:
    return r.choice(ORGS)


def _url(r: random.Random) -> str:
    slug = r.choice(["flu", "events", "careers", "heart", "screenings", "classes", "giving", "news"])
    return r.choice([f"https://brooksidehealth.example/{slug}", f"www.lakeviewregional.example/{slug}",
                     f"bit.ly/bh-{slug}{r.randint(1, 99)}"])


def marketing(r: random.Random) -> str:
    options = [
        lambda: f"Our new parking garage opens {r.choice(DAYS)} with {r.randint(100, 500)} more spaces. "
                f"See you soon! {r.choice(EMOJI)} {_tags(r, 1)}",
        lambda: f"Join us {r.choice(DAYS)} for {r.choice(EVENTS)} at {_org(r)}, 9am to 1pm. Everyone welcome, "
                f"no appointment needed. Details: {_url(r)} {_tags(r)}",
        lambda: f"We're hiring! {_org(r)} is looking for compassionate {r.choice(ROLES)}s to join our "
                f"{r.choice(UNITS)} team. Apply at {_url(r)} #Hiring {_tags(r, 1)}",
        lambda: f"Proud to be named one of the top hospitals in the region for {r.choice(['cardiac care', 'maternity care', 'patient safety', 'stroke care'])} "
                f"for the {r.choice(['second', 'third', 'fifth'])} year in a row! Thank you to every nurse, doctor "
                f"and volunteer who makes it happen. {r.choice(EMOJI)} {_tags(r)}",
        lambda: f"Thank you to @{r.choice(['RivertonRotary', 'maplefallsfire', 'cedargrovePTA', 'localbakery'])} "
                f"for donating {r.randint(20, 300)} {r.choice(['teddy bears', 'care packages', 'meals', 'blankets'])} "
                f"to our {r.choice(UNITS)}! {r.choice(EMOJI)}",
        lambda: f"Our {r.choice(['urgent care', 'walk-in clinic', 'pharmacy', 'imaging center'])} in {r.choice(TOWNS)} "
                f"now opens at 7am on weekdays. Call {_phone(r)} or book online at {_url(r)}.",
    ]
    return r.choice(options)()


def education(r: random.Random, disclaimer: bool) -> str:
    tips = r.sample(TIPS, r.choice([1, 1, 1, 2, 2, 3]))
    lead = r.choice(["", f"{r.choice(EMOJI)} ", "Quick tip: ", "Did you know? ", f"{r.choice(['Flu', 'Allergy', 'Heat'])} season is here! "])
    body = lead + " ".join(tips)
    if r.random() < 0.35:
        body += f" People living with {r.choice(CONDITIONS)} should talk to their care team about a plan."
    if disclaimer:
        body += ("\n\n" if r.random() < 0.5 else " ") + r.choice(DISCLAIMERS)
    tags = _tags(r)
    return body + (("\n" + tags) if tags else "")


def shoutout(r: random.Random) -> str:
    name = _name(r)
    first = name.split()[0]
    parts = [
        r.choice([f"Huge congratulations to {name}, who {r.choice(CARE)} on {_date(r)}!",
                  f"Shout-out to {name} from {r.choice(TOWNS)}, who {r.choice(CARE)}!",
                  f"Prayers for little {first} in {r.choice(['PICU', 'NICU'])} bed {r.randint(1, 30)} tonight {r.choice(EMOJI)}",
                  f"Meet {name}, {r.randint(34, 101)}, who {r.choice(CARE)} in room {r.randint(100, 950)}.",
                  f"Welcome to the world, baby {first}! Born {_date(r)} at {r.randint(5, 9)} lbs {r.randint(0, 15)} oz."]),
    ]
    if r.random() < 0.5:
        parts.append(f"{first}, the whole {r.choice(UNITS)} team is cheering for you! {r.choice(EMOJI)}")
    if r.random() < 0.2:
        parts.append(f"Family asks that cards be sent to room {r.randint(100, 950)} or call {_phone(r)}.")
    if r.random() < 0.3:
        parts.append(f"Thank you Dr. {r.choice(LAST)} and Nurse {r.choice(FIRST)} for the amazing care.")
    tags = r.choice(["", _tags(r, 1), f"#{first}Strong", f"#PrayersFor{first} {_tags(r, 1)}"])
    return " ".join(parts) + ((" " + tags) if tags else "")


def staff(r: random.Random) -> str:
    name = _name(r)
    return r.choice([
        f"Please welcome Dr. {name}, our new {r.choice(ROLES)}! Dr. {name.split()[1]} joins us from "
        f"{r.choice(TOWNS)} and is now seeing patients at {_org(r)}. Call {_phone(r)} to schedule. {_tags(r, 1)}",
        f"Congratulations to {name}, RN, our {r.choice(MONTHS)} DAISY Award winner from the {r.choice(UNITS)}! "
        f"{r.choice(EMOJI)} #NurseLife",
        f"{r.choice(['Happy Nurses Week', 'Happy Doctors Day', 'Happy Pharmacy Week'])} to our incredible team! "
        f"{r.choice(EMOJI) * r.randint(1, 3)} {_tags(r)}",
    ])


def review_reply(r: random.Random) -> str:
    first = r.choice(FIRST)
    sign = f"— {_org(r)}"
    return r.choice([
        f"Thanks so much for the {r.choice(STARS)}! We'll share your kind words with the team. {sign}",
        f"Hi {first}, so glad your {r.choice(['crown prep', 'colonoscopy', 'knee surgery', 'delivery', 'MRI'])} went "
        f"smoothly! See you at your {r.choice(['6-month cleaning', 'follow-up', 'next visit'])}. {sign}",
        f"Hi {first}, we're sorry you waited so long for your {r.choice(['MRI', 'appointment', 'lab results', 'prescription'])} "
        f"{_date(r)}. Please call our patient relations team at {_phone(r)} so we can make it right. {sign}",
        f"We're sorry to hear about your experience. Please contact us privately at {_phone(r)} or "
        f"feedback@brooksidehealth.example so we can look into it. {sign}",
    ])


def community(r: random.Random) -> str:
    return r.choice([
        f"Heads up, {r.choice(TOWNS)}: road work on Main St near our {r.choice(['north', 'south', 'east'])} entrance "
        f"starts {r.choice(DAYS)}. Please allow extra time. {_url(r)}",
        f"Our {r.choice(['volunteers', 'auxiliary', 'chaplains', 'therapy dogs'])} logged {r.randint(1000, 20000):,} hours "
        f"this year. We couldn't do it without you! {r.choice(EMOJI)} @{r.choice(['BrooksideVolunteers', 'lakeview_aux'])} {_tags(r)}",
        f"Visitor hours are changing on {_date(r)}: {r.randint(7, 10)}am to {r.randint(6, 9)}pm daily. Masks are "
        f"{r.choice(['optional', 'required in patient rooms', 'available at every entrance'])}.",
        f"Miracle cure? No. But our new {r.choice(['robotic surgery', 'cancer screening', 'sleep lab'])} program is "
        f"{r.choice(['the best in the state', 'guaranteed to help', 'helping patients every day'])}. Learn more: {_url(r)}",
    ])


def long_post(r: random.Random) -> str:
    paragraphs = [education(r, r.random() < 0.5) for _ in range(r.randint(2, 4))]
    if r.random() < 0.5:
        paragraphs.insert(1, shoutout(r))
    paragraphs.append(marketing(r))
    return "\n\n".join(paragraphs)


KINDS: list[tuple[float, Callable[[random.Random], str]]] = [
    (0.18, marketing),
    (0.14, lambda r: education(r, True)),
    (0.14, lambda r: education(r, False)),
    (0.17, shoutout),
    (0.09, staff),
    (0.12, review_reply),
    (0.10, community),
    (0.06, long_post),
]


def post(index: int) -> dict[str, str]:
    """The index-th post of the stream: ``{"id", "platform", "text"}``."""
    r = random.Random(SEED + index)
    pick = r.random()
    total = 0.0
    make = KINDS[-1][1]
    for weight, kind in KINDS:
        total += weight
        if pick < total:
            make = kind
            break
    text = make(r)
    platform = "review-reply" if make is review_reply else r.choice(PLATFORMS[:5])
    return {"id": f"p{index:06d}", "platform": platform, "text": text}


def posts(count: int) -> Iterator[dict[str, str]]:
    for index in range(count):
        yield post(index)


def write_jsonl(path: Path, count: int) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for record in posts(count):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)


def write_folder(folder: Path, count: int) -> None:
    tmp = folder.with_name(folder.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    for record in posts(count):
        (tmp / f"{record['id']}.txt").write_text(record["text"] + "\n", encoding="utf-8")
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    tmp.rename(folder)


def ensure(data: Path = DATA, *, force: bool = False, quiet: bool = False) -> dict[str, Path]:
    """Write whatever is missing (or everything with ``force``); return the paths by name."""
    data.mkdir(parents=True, exist_ok=True)
    paths = {f"jsonl-{k}": data / f"posts-{k}.jsonl" for k in SIZES}
    paths["folder-5k"] = data / "posts-5k"
    for key, path in paths.items():
        if path.exists() and not force:
            continue
        if not quiet:
            sys.stderr.write(f"corpus: writing {path}\n")
        if key == "folder-5k":
            write_folder(path, SIZES["5k"])
        else:
            write_jsonl(path, SIZES[key.split("-", 1)[1]])
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="rewrite files that already exist")
    parser.add_argument("--out", type=Path, default=DATA, help="output folder (default benchmarks/data)")
    parser.add_argument("--sample", type=int, default=0, help="print N posts to stdout and exit")
    args = parser.parse_args(argv)
    if args.sample:
        for record in posts(args.sample):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    for key, path in ensure(args.out, force=args.force).items():
        sys.stdout.write(f"{key}: {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
