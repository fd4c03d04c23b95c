"""Synthetic minutes for benchmarks and scale tests.

Three styles of minute-writing, each with its own invented templates (no text of any real
minutes is reused):

- "moderngov": text as copied from a ModernGov page: a header, attendance, timed agenda
  items with presenters ("14:05 Title - Presenter pdf icon PDF 88 KB"), "X asked ... Y
  replied ..." exchanges and "It was resolved that ..." decisions;
- "parish":    numbered parish minutes ("412/23 Title"), proposer and seconder, votes and
  "The Clerk agreed to ..." actions;
- "board":     an attendee list with initials and organisations, "AB said ... CD asked ..."
  discussion under short headings, then closing Actions and Decisions lists.

Everything is seeded, so `generate(n, folder)` writes the same n files every time.  50
bodies and 500 people are invented from syllables; each body draws its members from the
shared pool of people, so the same people turn up across bodies (cross-document
resolution is exercised).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

GIVEN = ["Alder", "Bryony", "Cassius", "Delphine", "Ewan", "Fenella", "Gideon", "Hester", "Ivo", "Juniper",
         "Kester", "Linnea", "Magnus", "Nerys", "Orrin", "Perpetua", "Quillon", "Rosalind", "Sorrel", "Tobias",
         "Ulla", "Vesper", "Wilfred", "Xanthe", "Yorick", "Zinnia", "Ambrose", "Briony", "Crispin", "Dulcie",
         "Elowen", "Florian", "Greer", "Hamish", "Isolde", "Jory", "Kerensa", "Lorcan", "Marigold", "Niamh",
         "Oswin", "Pippa", "Rafferty", "Saskia", "Tamsin", "Ulric", "Verity", "Wynn", "Yestin", "Zephyr"]
SURNAME_A = ["Ash", "Brack", "Cold", "Dun", "Elm", "Fern", "Gor", "Hal", "Ive", "Kin", "Lang", "Mar", "Nor",
             "Ock", "Pen", "Quar", "Rook", "Stan", "Thorn", "Wel"]
SURNAME_B = ["bury", "combe", "ridge", "wick", "field", "ham", "ley", "worth", "stead", "brook", "ford",
             "gate", "hurst", "more", "thwaite"]
PLACE_A = ["Amber", "Brindle", "Cinder", "Dapple", "Ember", "Fallow", "Gilder", "Harrow", "Ironwell", "Juniper",
           "Kestrel", "Lantern", "Millet", "Nettle", "Oxlip", "Pebble", "Quillet", "Russet", "Saffron", "Tansy",
           "Umber", "Vetch", "Wicken", "Yarrow", "Zestle"]
PLACE_B = ["dale", "mere", "holt", "bridge", "cross", "wold"]
BODY_KINDS = {
    "moderngov": ["Children's Partnership Board", "Health and Wellbeing Board", "Adult Care Scrutiny Committee",
                  "Housing Improvement Board", "Community Safety Partnership"],
    "parish": ["Parish Council", "Town Council", "Community Council"],
    "board": ["Data Standards Board", "Digital Health Board", "Clinical Records Board", "Estates Programme Board"],
}
ORGS = ["{p} County Council", "{p} Borough Council", "{p} Health Trust", "{p} Housing Association",
        "{p} Fire and Rescue Service", "{p} Community Trust", "{p} Digital Service", "{p} University"]
POSTS = ["Director of Children's Services", "Head of Housing", "Finance Manager", "Public Health Lead",
         "Programme Manager", "Head of Commissioning", "Data Protection Officer", "Service Manager"]
TOPICS = ["Playground Refurbishment", "Winter Gritting Arrangements", "Allotment Tenancy Review",
          "Youth Services Plan", "Annual Budget Monitoring", "Community Hub Proposal", "Flood Resilience Plan",
          "Library Opening Hours", "Cycle Path Extension", "Early Help Strategy", "School Transport Review",
          "Care Leavers Offer", "Digital Inclusion Programme", "Tree Planting Scheme", "Village Hall Lease",
          "Bus Shelter Repairs", "Workforce Recruitment Plan", "Safeguarding Audit Findings",
          "Data Sharing Agreement", "Electronic Records Standard", "Grant Funding Round",
          "Risk Register Update", "Cemetery Maintenance Contract", "Street Lighting Upgrade",
          "Carers Support Strategy", "Homelessness Prevention Plan", "Noise Complaints Protocol",
          "Performance Dashboard", "Hedge Cutting Schedule", "Website Accessibility Review"]
CONCERNS = ["the timetable was realistic", "the costs had been benchmarked", "residents had been consulted",
            "the risks were understood by partners", "the staffing would be sufficient",
            "the savings could be delivered this year", "the data could be relied upon",
            "the contract allowed for a break clause", "the scheme met accessibility rules"]
ANSWERS = ["the figures would be checked again before the next meeting", "a consultation had closed last month",
           "partners had agreed the approach in principle", "an external review would be commissioned",
           "the budget included a contingency", "officers were confident of the dates"]
ACTIONS = ["circulate the revised plan to all members", "obtain three quotations for the work",
           "write to the county highways team", "report progress at the next meeting",
           "update the risk register", "arrange a site visit with the contractor",
           "publish the summary on the website", "prepare a costed options paper",
           "meet the tenants association", "draft a response to the consultation"]
REMARKS = ["the {t} should be reviewed again in six months", "the {t} had been welcomed by residents",
           "partners should be invited to comment on the {t}", "the {t} depended on the grant being confirmed"]
RESOLUTIONS = ["approve the plan as presented", "adopt the revised policy", "defer the item to the next meeting",
               "accept the lowest quotation", "note the report", "endorse the recommendations",
               "set up a task and finish group"]
INTERESTS = ["is a trustee of a local charity that receives grants", "has a relative employed by the contractor",
             "owns land next to the proposed site", "is a member of the allotment society"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
STYLES = ("moderngov", "parish", "board")


@dataclass(frozen=True)
class Person:
    given: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def initials(self) -> str:
        return (self.given[0] + self.surname[0]).upper()

    @property
    def short(self) -> str:
        return f"{self.given[0]} {self.surname}"


@dataclass(frozen=True)
class Body:
    name: str
    style: str
    place: str
    members: tuple[Person, ...]


def people(n: int = 500, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    surnames = [a + b for a in SURNAME_A for b in SURNAME_B]  # 300
    out, seen = [], set()
    while len(out) < n:
        p = Person(rng.choice(GIVEN), rng.choice(surnames))
        if p.full not in seen:
            seen.add(p.full)
            out.append(p)
    return out


def bodies(n: int = 50, pool: list[Person] | None = None, seed: int = 11) -> list[Body]:
    rng = random.Random(seed)
    pool = pool or people()
    places = [a + b for a in PLACE_A for b in PLACE_B]
    rng.shuffle(places)
    out = []
    for i in range(n):
        style = STYLES[i % 3]
        place = places[i]
        kind = rng.choice(BODY_KINDS[style])
        members = tuple(rng.sample(pool, 14))
        out.append(Body(f"{place} {kind}", style, place, members))
    return out


def _date(rng: random.Random) -> tuple[str, int, int, int]:
    y, m, d = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(WEEKDAYS), d, m, y


def _unique_initials(members: list[Person]) -> list[Person]:
    seen, out = set(), []
    for p in members:
        if p.initials not in seen:
            seen.add(p.initials)
            out.append(p)
    return out


def moderngov(body: Body, rng: random.Random) -> str:
    wd, d, m, y = _date(rng)
    members = list(body.members)
    rng.shuffle(members)
    chair, present, apologies = members[0], members[1:9], members[9:11]
    org = rng.choice(ORGS).format(p=body.place)
    out = [body.name, "", f"Minutes of the meeting held on {wd} {d} {MONTHS[m - 1]} {y}", "",
           "Present: " + ", ".join([f"Cllr {chair.full} (Chair)"] + [p.full for p in present]), "",
           "Apologies: " + ", ".join(p.full for p in apologies), "",
           f"Cllr {chair.surname} opened the meeting and welcomed everyone.", ""]
    if rng.random() < 0.5:
        dp = rng.choice(present)
        out += [f"{dp.full} declared an interest as she {rng.choice(INTERESTS)}.", ""]
    hour, minute = 14, 0
    for _ in range(rng.randint(3, 5)):
        topic = rng.choice(TOPICS)
        presenter = rng.choice(present)
        minute += rng.choice((10, 15, 20))
        hour, minute = hour + minute // 60, minute % 60
        size = rng.randint(40, 400)
        out += [f"{hour:02d}:{minute:02d} {topic} - {presenter.full} pdf icon PDF {size} KB", "",
                f"{presenter.full} introduced the report on the {topic.lower()} prepared by {org}.", ""]
        a, b = rng.sample(present, 2)
        out += [f"{a.short} asked whether {rng.choice(CONCERNS)}.  {presenter.short} replied that "
                f"{rng.choice(ANSWERS)}.", ""]
        out += [f"{b.short} said that {rng.choice(REMARKS).format(t=topic.lower())}.", ""]
        if rng.random() < 0.7:
            owner = rng.choice(present)
            out += [f"{owner.full} will {rng.choice(ACTIONS)} by {rng.randint(1, 28)} "
                    f"{MONTHS[rng.randint(0, 11)]} {y + 1}.", ""]
        out += [f"It was resolved that the Board {rng.choice(RESOLUTIONS).replace('approve', 'approves')}.", ""]
    out += [f"Date of next meeting: {rng.randint(1, 28)} {MONTHS[m % 12]} {y}", ""]
    return "\n".join(out)


def parish(body: Body, rng: random.Random) -> str:
    wd, d, m, y = _date(rng)
    members = list(body.members)
    rng.shuffle(members)
    chair, vice, councillors, clerk = members[0], members[1], members[2:8], members[8]
    absent = members[9:11]
    n = rng.randint(100, 600)
    yy = y % 100
    village = body.place
    head = (f"{body.name.upper()} Minutes of the Ordinary Meeting held on {wd} {d} {MONTHS[m - 1]} {y} "
            f"at 7.30pm in {village} Community Centre")
    present = " ".join([f"Cllr {chair.full} (Chair)", f"Cllr {vice.full} (Vice Chair)"]
                       + [f"Cllr {p.full}" for p in councillors] + [f"{clerk.full} (Parish Clerk)"])
    out = [head, "", f"Present: {present}", "",
           f"{n}/{yy} To receive apologies for absence – Received and accepted from "
           + " and ".join(f"Cllr {p.full}" for p in absent) + ".", ""]
    n += 1
    if rng.random() < 0.6:
        dp = rng.choice(councillors)
        out += [f"{n}/{yy} Declarations of Interest – Cllr {dp.full} declared an interest in the "
                f"{rng.choice(TOPICS).lower()} as he {rng.choice(INTERESTS)}.", ""]
        n += 1
    for _ in range(rng.randint(4, 7)):
        topic = rng.choice(TOPICS)
        prop, sec = rng.sample([chair, vice] + councillors, 2)
        votes = rng.choice(["all were in favour", "five were in favour and one abstained",
                            "four were in favour and two against"])
        text = (f"{n}/{yy} To Consider the {topic} The Clerk reported that {rng.choice(ANSWERS)}. "
                f"Cllr {prop.full} proposed to {rng.choice(RESOLUTIONS)}, seconded by Cllr {sec.full}, {votes}. ")
        if rng.random() < 0.8:
            who = rng.choice(["The Clerk", f"Cllr {rng.choice(councillors).full}"])
            text += f"{who} agreed to {rng.choice(ACTIONS)}."
        out += [text, ""]
        n += 1
    out += [f"{n}/{yy} Date of the Next Meeting – {rng.choice(WEEKDAYS)} {rng.randint(1, 28)} "
            f"{MONTHS[m % 12]} {y} at 7.30 pm", "", f"Meeting closed at {rng.randint(8, 9)}.{rng.randint(10, 55)} pm", ""]
    return "\n".join(out)


def board(body: Body, rng: random.Random) -> str:
    wd, d, m, y = _date(rng)
    members = _unique_initials(list(body.members))
    rng.shuffle(members)
    chair, present, apologies = members[0], members[1:8], members[8:11]
    orgs = [o.format(p=rng.choice(PLACE_A) + rng.choice(PLACE_B)) for o in rng.sample(ORGS, 4)]
    out = [body.name, "", "Minutes of the meeting", f"{wd} {d} {MONTHS[m - 1]} {y} – 10:00-12:30", "",
           "Attendees:", f"{chair.full} ({chair.initials}) (Chair)\t\t-\t{rng.choice(orgs)}"]
    out += [f"{p.full} ({p.initials})\t\t-\t{rng.choice(orgs)}" for p in present]
    out += ["", "Apologies:"] + [f"{p.full} ({p.initials})\t\t-\t{rng.choice(orgs)}" for p in apologies] + [""]
    actions, decisions = [], []
    for topic in rng.sample(TOPICS, rng.randint(3, 5)):
        a, b, c = rng.sample(present, 3)
        out += [topic, "",
                f"{chair.initials} said that the {topic.lower()} needed a decision today. {a.initials} explained "
                f"that {rng.choice(ANSWERS)}, and that {rng.choice(CONCERNS)}.", "",
                f"{b.initials} asked whether {rng.choice(CONCERNS)}. {c.initials} said that {rng.choice(ANSWERS)}.", ""]
        if rng.random() < 0.6:
            dec = f"The Board agreed to {rng.choice(RESOLUTIONS)} for the {topic.lower()}."
            out += [dec, ""]
            decisions.append(dec)
        if rng.random() < 0.7:
            owner = rng.choice(present)
            actions.append(f"{owner.initials} to {rng.choice(ACTIONS)}.")
    out += ["Any other business", "", "No other business was raised.", ""]
    if actions:
        out += ["Actions", ""] + [f"{i}.\t{a}" for i, a in enumerate(actions, 1)] + [""]
    if decisions:
        out += ["Decisions", ""] + [f"•\t{x}" for x in decisions] + [""]
    return "\n".join(out)


WRITERS = {"moderngov": moderngov, "parish": parish, "board": board}


def document(i: int, all_bodies: list[Body]) -> tuple[str, str]:
    """(file name, text) of synthetic document number i."""
    body = all_bodies[i % len(all_bodies)]
    rng = random.Random(1_000_003 * (i + 1))
    stem = body.name.lower().replace("'", "").replace(" ", "-")
    return f"{i:06d}-{stem}.txt", WRITERS[body.style](body, rng)


def generate(n: int, folder: str | Path, *, n_bodies: int = 50, n_people: int = 500) -> list[Path]:
    """Write n synthetic minutes into folder (created); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    all_bodies = bodies(n_bodies, people(n_people))
    paths = []
    for i in range(n):
        name, text = document(i, all_bodies)
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":  # print one of each style
    bs = bodies()
    for i in range(3):
        print(document(i, bs)[1])
        print("=" * 70)
