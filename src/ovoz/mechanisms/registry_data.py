"""The registry's starting facts, from ``un-mechanisms.md`` (public sources named on each row).

Plain data: the seed migration (0002_registry_seed) reads it. A cell the source marks "unverified" is stored
as unknown, with the words kept in the note, until a coordinator checks it in the OHCHR treaty body database
or ILO NORMLEX and records what she found. Years are of ratification or accession; ✔ rows carry the exact date
and the UN document it was checked in.
"""

import datetime

UNTC = "UN Treaty Collection extract of Aug 2022 (world-politics-datalab/humanrights-treaties-ratification-status)"
UNTC_AS_OF = datetime.date(2022, 8, 1)
ILO_C189 = "ILO NORMLEX ratifications list (2020)"
ILO_C189_AS_OF = datetime.date(2020, 1, 1)
ILO_C190 = "ILO NORMLEX ratifications of C190 (June 2024)"
ILO_C190_AS_OF = datetime.date(2024, 6, 3)
OHCHR = "OHCHR"
SP_AS_OF = datetime.date(2023, 1, 1)  # the year of the latest resolution cited (HRC res. 52/20)

# code, kind, short name, name, basis, source
MECHANISMS = [
    ("cerd", "treaty_body", "CERD", "Committee on the Elimination of Racial Discrimination", "", OHCHR),
    ("ccpr", "treaty_body", "Human Rights Committee", "Human Rights Committee (CCPR)", "", OHCHR),
    ("cescr", "treaty_body", "CESCR", "Committee on Economic, Social and Cultural Rights", "", OHCHR),
    ("cedaw", "treaty_body", "CEDAW Committee", "Committee on the Elimination of Discrimination against Women",
     "", OHCHR),
    ("cat", "treaty_body", "Committee against Torture", "Committee against Torture", "", OHCHR),
    ("crc", "treaty_body", "CRC Committee", "Committee on the Rights of the Child", "", OHCHR),
    ("cmw", "treaty_body", "CMW", "Committee on Migrant Workers", "", OHCHR),
    ("crpd", "treaty_body", "CRPD Committee", "Committee on the Rights of Persons with Disabilities", "", OHCHR),
    ("ced", "treaty_body", "CED", "Committee on Enforced Disappearances", "", OHCHR),
    ("ilo", "ilo", "ILO supervisory bodies",
     "ILO Committee of Experts on the Application of Conventions and Recommendations and the Conference Committee",
     "", "ILO"),
    ("upr", "upr", "UPR", "Universal Periodic Review (Human Rights Council)", "", OHCHR),
    ("sr-migrants", "special_procedure", "SR on migrants", "Special Rapporteur on the human rights of migrants",
     "CHR res. 1999/44; renewed by HRC res. 52/20 (2023); asked to give special attention to violence against "
     "migrant women", OHCHR),
    ("sr-vaw", "special_procedure", "SR on violence against women",
     "Special Rapporteur on violence against women and girls, its causes and consequences", "Established 1994",
     OHCHR),
    ("wg-discrimination", "special_procedure", "WG on discrimination against women",
     "Working Group on discrimination against women and girls",
     "HRC res. 15/23 (2010), renamed by res. 41/6 (2019); report A/HRC/44/51 on women in the changing world of work",
     OHCHR),
    ("sr-poverty", "special_procedure", "SR on extreme poverty",
     "Special Rapporteur on extreme poverty and human rights",
     "CHR res. 1998/25; HRC res. 8/11 and 35/19; visited Kyrgyzstan in 2022", OHCHR),
    ("sr-slavery", "special_procedure", "SR on slavery", "Special Rapporteur on contemporary forms of slavery",
     "HRC res. 6/14 (2007); report A/HRC/39/52 on migrant women domestic workers", OHCHR),
]

# code, kind, short name, name, parent, bodies, source, as of
INSTRUMENTS = [
    ("icerd", "core", "ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination",
     "", ["cerd"], UNTC, UNTC_AS_OF),
    ("iccpr", "core", "ICCPR", "International Covenant on Civil and Political Rights", "", ["ccpr"], UNTC,
     UNTC_AS_OF),
    ("icescr", "core", "ICESCR", "International Covenant on Economic, Social and Cultural Rights", "", ["cescr"],
     UNTC, UNTC_AS_OF),
    ("cedaw", "core", "CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women", "",
     ["cedaw"], UNTC, UNTC_AS_OF),
    ("op-cedaw", "protocol", "OP-CEDAW", "Optional Protocol to CEDAW (individual complaints)", "cedaw", ["cedaw"],
     UNTC, UNTC_AS_OF),
    ("cat", "core", "CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
     "", ["cat"], UNTC, UNTC_AS_OF),
    ("crc", "core", "CRC", "Convention on the Rights of the Child", "", ["crc"], UNTC, UNTC_AS_OF),
    ("icrmw", "core", "ICRMW",
     "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
     "", ["cmw"], UNTC, UNTC_AS_OF),
    ("crpd", "core", "CRPD", "Convention on the Rights of Persons with Disabilities", "", ["crpd"], UNTC, UNTC_AS_OF),
    ("icpped", "core", "ICPPED", "International Convention for the Protection of All Persons from Enforced "
     "Disappearance", "", ["ced"], UNTC, UNTC_AS_OF),
    ("ilo-c189", "ilo", "ILO C189", "Domestic Workers Convention, 2011 (No. 189)", "", ["ilo"], ILO_C189,
     ILO_C189_AS_OF),
    ("ilo-c190", "ilo", "ILO C190", "Violence and Harassment Convention, 2019 (No. 190)", "", ["ilo"], ILO_C190,
     ILO_C190_AS_OF),
]

# Instruments the special procedures draw on most when they write about women migrants.
SPECIAL_PROCEDURE_INSTRUMENTS = {
    "sr-migrants": ["icrmw", "icescr", "iccpr"],
    "sr-vaw": ["cedaw", "ilo-c190"],
    "wg-discrimination": ["cedaw", "icescr"],
    "sr-poverty": ["icescr"],
    "sr-slavery": ["iccpr", "ilo-c189"],
}

# instrument, article, title, right term code (evidence vocabulary "right")
ARTICLES = [
    ("icescr", "6", "Right to work", "icescr-6"),
    ("icescr", "7", "Just and favourable conditions of work", "icescr-7"),
    ("icescr", "9", "Social security", "icescr-9"),
    ("cedaw", "11", "Equality in employment", "cedaw-11"),
    ("cedaw", "14", "Rural women", "cedaw-14"),
    ("cedaw", "16", "Marriage and family relations", "cedaw-16"),
    ("icrmw", "21", "No confiscation of identity documents", "icrmw-21"),
    ("icrmw", "25", "Equal pay and conditions of work", "icrmw-25"),
    ("icrmw", "27", "Social security", "icrmw-27"),
    ("ilo-c189", "5", "Protection against abuse, harassment and violence", ""),
    ("ilo-c189", "9", "Keeping one's travel and identity documents", ""),
    ("ilo-c189", "10", "Hours of work and rest", ""),
    ("ilo-c190", "1", "Violence and harassment in the world of work", ""),
    ("ilo-c190", "6", "Equality and non-discrimination in employment", ""),
    ("iccpr", "9", "Liberty and security of person", "iccpr-9"),
    ("iccpr", "12", "Freedom of movement and choice of residence", "iccpr-12"),
    ("iccpr", "26", "Equality before the law and non-discrimination", "iccpr-26"),
]

# violation term code (evidence vocabulary "violation") -> articles it engages ("instrument:article")
TERM_ARTICLES = {
    "labour-rights": ["icescr:7", "cedaw:11"],
    "unpaid-wages": ["icescr:7", "icrmw:25", "cedaw:11"],
    "no-contract": ["icescr:7", "icrmw:25", "cedaw:11"],
    "excessive-hours": ["icescr:7", "icrmw:25", "ilo-c189:10"],
    "unsafe-work": ["icescr:7", "cedaw:11"],
    "unfair-dismissal": ["icescr:6", "cedaw:11"],
    "confiscated-documents": ["icrmw:21", "ilo-c189:9", "iccpr:12"],
    "social-protection": ["icescr:9", "icrmw:27", "cedaw:11"],
    "child-allowance": ["icescr:9", "cedaw:11"],
    "pension": ["icescr:9", "icrmw:27"],
    "health-care": ["icescr:9", "cedaw:14"],
    "registration-services": ["iccpr:12", "cedaw:14"],
    "police-abuse": ["iccpr:9"],
    "police-extortion": ["iccpr:9"],
    "arbitrary-detention": ["iccpr:9"],
    "discrimination": ["iccpr:26", "cedaw:11", "ilo-c190:6"],
    "reintegration-barriers": ["icescr:6", "cedaw:14"],
    "gbv": ["cedaw:16", "ilo-c190:1", "ilo-c189:5"],
    "rape": ["cedaw:16", "ilo-c190:1"],
    "sexual-assault": ["cedaw:16", "ilo-c190:1", "ilo-c189:5"],
    "physical-assault": ["cedaw:16", "ilo-c190:1", "ilo-c189:5"],
    "forced-marriage": ["cedaw:16"],
    "denial-of-resources": ["cedaw:16", "cedaw:14"],
    "psychological-abuse": ["cedaw:16", "ilo-c190:1"],
}


def r(status, year=None, *, date=None, verified=False, reference="", note=""):
    return {"status": status, "year": year, "date": date, "verified": verified, "reference": reference, "note": note}


P, NP, U = "party", "not_party", "unknown"

# instrument -> country -> ratification
RATIFICATIONS = {
    "icerd": {"KZ": r(P, 1998), "KG": r(P, 1997), "TJ": r(P, 1995), "UZ": r(P, 1995)},
    "iccpr": {"KZ": r(P, 2006), "KG": r(P, 1994), "TJ": r(P, 1999), "UZ": r(P, 1995)},
    "icescr": {"KZ": r(P, 2006), "KG": r(P, 1994), "TJ": r(P, 1999), "UZ": r(P, 1995)},
    "cedaw": {"KZ": r(P, 1998), "KG": r(P, 1997), "TJ": r(P, 1993), "UZ": r(P, 1995)},
    "op-cedaw": {"KZ": r(P, 2001),
                 "KG": r(P, 2002, date=datetime.date(2002, 7, 22), verified=True, reference="CCPR/C/KGZ/CO/2"),
                 "TJ": r(P, 2014), "UZ": r(NP, note="not party (2022)")},
    "cat": {"KZ": r(P, 1998), "KG": r(P, 1997), "TJ": r(P, 1995), "UZ": r(P, 1995)},
    "crc": {"KZ": r(P, 1994), "KG": r(P, 1994), "TJ": r(P, 1993), "UZ": r(P, 1994)},
    "icrmw": {"KZ": r(NP, note="not party (2022)"),
              "KG": r(P, 2003, date=datetime.date(2003, 9, 29), verified=True),
              "TJ": r(P, 2002), "UZ": r(NP, note="not party (2022)")},
    "crpd": {"KZ": r(P, 2015),
             "KG": r(P, 2019, date=datetime.date(2019, 5, 16), verified=True, reference="A/HRC/46/57/Add.1"),
             "TJ": r(U, note="signed 2018; ratification unverified"), "UZ": r(P, 2021)},
    "icpped": {"KZ": r(P, 2009), "KG": r(NP, verified=True), "TJ": r(NP), "UZ": r(NP)},
    "ilo-c189": {c: r(NP, note="not party (2020 list)") for c in ("KZ", "KG", "TJ", "UZ")},
    "ilo-c190": {"KZ": r(NP, note="not ratified as of June 2024"),
                 "KG": r(P, 2024, date=datetime.date(2024, 6, 3), note="ratified, deposited 3 June 2024"),
                 "TJ": r(NP, note="not ratified as of June 2024"), "UZ": r(NP, note="not ratified as of June 2024")},
}

# mechanism, country, session, review date, when (if no date), status, source, as of, notes
REVIEWS = [
    ("upr", "UZ", "4th cycle, Working Group session 44", datetime.date(2023, 11, 8), "", "held",
     "Tashkent Times; ILGA deadlines page", datetime.date(2023, 11, 8), ""),
    ("upr", "KZ", "4th cycle, Working Group session 48", datetime.date(2025, 1, 23), "", "held",
     "Kazinform; APO", datetime.date(2025, 1, 23), "294 recommendations, 259 supported."),
    ("upr", "KG", "4th cycle, Working Group session 49", datetime.date(2025, 4, 28), "", "held",
     "UK statement at UPR 49", datetime.date(2025, 4, 28), "Earlier reviews: May 2010, January 2015, January 2020."),
    ("upr", "TJ", "3rd cycle, Working Group session 39", datetime.date(2021, 11, 4), "", "held", "UPR Info",
     datetime.date(2021, 11, 4), ""),
    ("upr", "TJ", "4th cycle", None, "date unverified", "expected", "UPR Info", datetime.date(2021, 11, 4),
     "Check the date on the OHCHR UPR calendar."),
    ("cmw", "KG", "Second periodic report", None, "November 2023", "held", OHCHR, datetime.date(2023, 11, 30), ""),
]


def load(apps) -> None:
    """Create what is missing; leave rows a coordinator has edited alone. ``apps``: the migration's registry."""
    Mechanism = apps.get_model("mechanisms", "Mechanism")
    Instrument = apps.get_model("mechanisms", "Instrument")
    Article = apps.get_model("mechanisms", "Article")
    Ratification = apps.get_model("mechanisms", "Ratification")
    Review = apps.get_model("mechanisms", "Review")
    RightsMapping = apps.get_model("mechanisms", "RightsMapping")
    Term = apps.get_model("evidence", "Term")
    mechanisms = {}
    for order, (code, kind, short, name, basis, source) in enumerate(MECHANISMS, start=1):
        as_of = SP_AS_OF if kind == "special_procedure" else UNTC_AS_OF
        mechanisms[code], _ = Mechanism.objects.get_or_create(code=code, defaults={
            "kind": kind, "short_name": short, "name": name, "basis": basis, "source": source, "as_of": as_of,
            "order": order * 10})
    instruments = {}
    for order, (code, kind, short, name, parent, bodies, source, as_of) in enumerate(INSTRUMENTS, start=1):
        inst, created = Instrument.objects.get_or_create(code=code, defaults={
            "kind": kind, "short_name": short, "name": name, "parent": instruments.get(parent), "source": source,
            "as_of": as_of, "order": order * 10})
        if created:
            inst.bodies.set([mechanisms[b] for b in bodies])
        instruments[code] = inst
    for sp, codes in SPECIAL_PROCEDURE_INSTRUMENTS.items():
        for code in codes:
            instruments[code].bodies.add(mechanisms[sp])
    articles = {}
    for order, (inst, number, title, right) in enumerate(ARTICLES, start=1):
        term = Term.objects.filter(vocabulary="right", code=right).first() if right else None
        articles[f"{inst}:{number}"], _ = Article.objects.get_or_create(
            instrument=instruments[inst], number=number,
            defaults={"title": title, "right_term": term, "order": order * 10})
    for inst, by_country in RATIFICATIONS.items():
        instrument = instruments[inst]
        for country, values in by_country.items():
            Ratification.objects.get_or_create(instrument=instrument, country=country, defaults={
                **values, "source": instrument.source, "as_of": instrument.as_of})
    for code, country, session, on, when, status, source, as_of, notes in REVIEWS:
        Review.objects.get_or_create(mechanism=mechanisms[code], country=country, session=session, defaults={
            "review_on": on, "when_text": when, "status": status, "source": source, "as_of": as_of, "notes": notes})
    for term_code, keys in TERM_ARTICLES.items():
        term = Term.objects.filter(vocabulary="violation", code=term_code, programme=None).first()
        if term is None:
            continue
        for key in keys:
            RightsMapping.objects.get_or_create(article=articles[key], term=term)
