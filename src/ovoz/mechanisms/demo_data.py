"""The demo's recommendations: the resolution of the National Training of Trainers on Women's Rights (Bishkek,
28–30 April 2022, seed 004) word for word, each with the institution it names and the theme it is listed under.
The resolution gives no theme heading for the Jogorku Kenesh and for the donors: those two themes are ours.
Their SDG targets and their statuses (the monitoring) are fictional, for the demonstration.
"""

RESOLUTION = ("Resolution of participants of the National Training of Trainers on Women's Rights, Bishkek, "
              "28–30 April 2022")
RESOLUTION_DATE = (2022, 4, 30)

JK = ("Jogorku Kenesh of the Kyrgyz Republic", "parliament")
STATE = ("State bodies, local self-government and CSOs", "government")

# (addressee, addressee kind, theme, SDG targets, text)
RECOMMENDATIONS = [
    (*JK, "Parliamentary oversight and participation", "5.5, 16.7",
     "Improve the parliamentary control of the Jogorku Kenesh of the KR via the Ombudsman Institution of the KR "
     "with the inclusion of equal participation of women community leaders."),
    (*JK, "Parliamentary oversight and participation", "5.1, 16.7",
     "Introduce the principle of assessing the impact of adopted laws and state programs on equality, with the "
     "participation of all groups of society in Kyrgyzstan."),
    (*JK, "Parliamentary oversight and participation", "16.6, 16.7",
     "Promote the creation of civic Transparency Committees in communities from the national to global level."),
    (*JK, "Parliamentary oversight and participation", "16.3",
     "Promote equal access to justice and fight impunity."),
    (*JK, "Parliamentary oversight and participation", "8.3, 5.5",
     "Develop the creative economy from the level of communities to global with equal participation of women and "
     "youth, in accordance with the Decree of the President of the KR on supporting the creative economy."),
    (*STATE, "Women's rights, peace and security", "5.1",
     "Comply with the international legal norms on the protection of women and girls ratified by the KR."),
    (*STATE, "Women's rights, peace and security", "5.1, 10.2",
     "Ensure the protection of women and girls from multiple discrimination."),
    (*STATE, "Women's rights, peace and security", "5.2",
     "Take special measures to protect women and girls from all other forms of violence during disasters, crises "
     "and military conflicts."),
    (*STATE, "Women's rights, peace and security", "16.1",
     "Take into account the special needs of women and girls during post–conflict reconstruction, take all "
     "necessary efforts to restore peaceful life."),
    (*STATE, "Women's rights, peace and security", "16.1, 5.5",
     "Support peace initiatives of women in local communities."),
    (*STATE, "Women's rights, peace and security", "5.5, 16.7",
     "Implement the Action Plan on UN Security Council Resolution 1325, adopted on 29 April, 2022 from the level of "
     "communities to the global level, strengthening civil monitoring and participation."),
    ("Secretariat of the National Platform for Disaster Risk Reduction under the Ministry of Emergency Situations "
     "of the KR, with the National Advisory Committee", "government", "Women's rights, risks and disasters",
     "1.5, 13.1, 5.5",
     "Expand the participation of women leaders of local communities in the development of National Action Plans "
     "for the prevention of disaster risks and threats."),
    ("Deputies of the Jogorku Kenesh of the KR", "parliament", "Women's rights, risks and disasters", "5.5",
     "Give priority attention to the problems and recommendations coming from women deputies at the local level "
     "in promoting communities from local to global."),
    ("International financial institutions and donor organizations", "donors", "Women's rights, risks and disasters",
     "17.3, 10.2",
     "Increase the amount of grant allocation and increase transparency in providing information on projects to "
     "reduce gaps between communities."),
    ("Cabinet of Ministers of the KR", "government", "Women's rights, risks and disasters", "13.1, 5.1",
     "Strengthen coordination and coherence of the activities of government departments for the sustainable "
     "development, taking into account new risks and disasters, and recognize that gender inequality is a "
     "significant risk factor for the society."),
    (*STATE, "Freedom of expression, communication and security", "16.10",
     "Restore the right of citizens to freedom of association, freedom of speech and freedom of expression in the "
     "KR, promote gender equality and support women's initiatives for positive change."),
    (*STATE, "Freedom of expression, communication and security", "16.10, 5.5",
     "Encourage freedom of expression, strategic and peacemaking communication skills among women leaders to "
     "strengthen their interaction with communities, partners and decision makers, especially in times of "
     "crisis."),
    (*STATE, "Freedom of expression, communication and security", "5.b, 16.10",
     "Develop the skills of women leaders and activists in the field of speech and information security, media "
     "literacy, combating hate speech and bullying, ensuring their stability in the public sphere."),
    (*STATE, "Freedom of expression, communication and security", "13.1, 5.5",
     "Ensure crisis communications in disaster and conflict zones: launch a training program for women leaders, "
     "representatives of local authorities and the media to create a close partnership during crises, conflicts "
     "as well as in peacetime."),
    (*STATE, "Women's rights, justice and equality", "5.a, 13.1",
     "Ensure equal access of women in rural areas to economic and information resources, taking into account the "
     "specifics of each region of the country and taking into consideration the risks associated with climate "
     "change."),
    ("Local self-government, with the Ministry of Labour, Social Security and Migration and the Domestic Violence "
     "Prevention Committee", "local", "Women's rights, justice and equality", "5.2, 16.6",
     "Strengthen control over the implementation of the Law on Protection from Family Violence in the KR through "
     "strengthening coordination by the structural units of the Ministry of Labour, Social Security and Migration "
     "(MLSSM) and the Domestic Violence Prevention Committee (DVPC), ensuring budgeting and accountability of "
     "funding provided from the local budget to implement plans to counteract family violence."),
    (*STATE, "Women's rights, justice and equality", "5.a, 8.3",
     "Support women's economic initiatives in the regions, particularly through the inclusion of 30% quotas for "
     "women's business within the framework of the state concessional lending to rural businesses in 2022."),
    (*STATE, "Women's rights, justice and equality", "5.2, 3.8",
     "Ensure the availability of psychological and social support for women who have experienced various types of "
     "violence, as well as women who have experienced crises, at the level of district social protection "
     "services, including via training of crisis consultants from among women leaders in communities."),
    ("International and donor organizations", "donors", "Localisation of aid and civil monitoring", "17.3, 16.7",
     "When providing assistance, localize aid centers with the distribution and equal participation of community "
     "leaders in available languages, ensuring civil monitoring and evaluation of development projects."),
]

# index in RECOMMENDATIONS -> fictional monitoring: (status, days after the resolution, evidence)
MONITORING = {
    10: [("in_progress", 120, "Fictional demo: a local kenesh in Batken oblast adopted a local plan on resolution "
                              "1325; partners attended its first monitoring meeting."),
         ("partial", 480, "Fictional demo: local plans exist in two of seven oblasts; no budget for the others.")],
    20: [("in_progress", 200, "Fictional demo: the district social protection service in Chui named a coordinator "
                              "for family-violence plans."),
         ("regressed", 560, "Fictional demo: the local budget line for the plan was cut to zero.")],
    21: [("implemented", 300, "Fictional demo: the concessional lending programme published a 30% quota for "
                              "women's businesses.")],
    5: [("in_progress", 365, "Fictional demo: the Ombudsman's annual report cites the resolution.")],
    23: [("in_progress", 250, "Fictional demo: one donor opened a community aid centre with local leaders.")],
}

# Fictional recommendations of UN bodies, labelled as such in their text: the demo shows how they are tracked.
UN_RECOMMENDATIONS = [
    {"origin": "concluding", "mechanism": "cmw", "country": "KG", "reference": "DEMO – not a UN document",
     "source_title": "Concluding observations on the second periodic report of Kyrgyzstan (fictional text)",
     "issued_on": (2023, 12, 1), "addressee": "Cabinet of Ministers of the KR", "addressee_kind": "government",
     "theme": "Labour rights of women migrants", "sdg_targets": "8.8, 10.7", "articles": ["icrmw:25", "icrmw:27"],
     "text": "(Fictional, for the demo) Ensure that returning women migrant workers can claim unpaid wages and "
             "have their years of work abroad counted for their pensions.", "status": ("in_progress", 240)},
    {"origin": "upr", "mechanism": "upr", "country": "KG", "reference": "DEMO – not a UN document",
     "source_title": "UPR 4th cycle, Working Group session 49 (fictional text)", "issued_on": (2025, 4, 28),
     "addressee": "Government of the Kyrgyz Republic", "addressee_kind": "government",
     "theme": "Social protection of women migrants", "sdg_targets": "1.3, 5.4", "articles": ["icescr:9"],
     "upr_response": "supported", "recommending_state": "a fictional State",
     "text": "(Fictional, for the demo) Guarantee child allowances to internal migrant families without "
             "registration at the place of residence.", "status": None},
    {"origin": "upr", "mechanism": "upr", "country": "KG", "reference": "DEMO – not a UN document",
     "source_title": "UPR 4th cycle, Working Group session 49 (fictional text)", "issued_on": (2025, 4, 28),
     "addressee": "Jogorku Kenesh of the Kyrgyz Republic", "addressee_kind": "parliament",
     "theme": "Labour rights of women migrants", "sdg_targets": "8.8", "articles": ["ilo-c189:10"],
     "upr_response": "noted", "recommending_state": "another fictional State",
     "text": "(Fictional, for the demo) Ratify ILO Convention No. 189 on domestic workers.", "status": None},
]

# Partners' proposals (fictional), by partnership key.
PROPOSALS = {
    "ravnyeprava": {"addressee": "Bishkek City Hall", "addressee_kind": "local", "theme": "Labour rights",
                    "sdg_targets": "8.8", "articles": ["icescr:7", "cedaw:11"],
                    "text": "(Fictional, for the demo) Open a municipal labour-rights desk in Ak-Zhar where women "
                            "internal migrants can file wage claims without residence registration."},
    "ghamkhori": {"addressee": "Ministry of Labour, Migration and Employment of the Population", "addressee_kind":
                  "government", "theme": "Social protection", "sdg_targets": "1.3", "articles": ["icescr:9"],
                  "text": "(Fictional, for the demo) Let returned women migrants register for social assistance "
                          "in the district where they live now."},
}

# (mechanism, country, session, days from today to the review, days to the deadline)
DEMO_REVIEWS = [
    ("cedaw", "KG", "Periodic report (fictional demo dates)", 120, 25),
    ("cmw", "TJ", "Periodic report (fictional demo dates)", 90, 6),
    ("cescr", "UZ", "Periodic report (fictional demo dates)", 200, 110),
]

# code seed keys of the programme codebook -> articles
CODE_ARTICLES = {
    "focus:living-wage": ["icescr:7", "icrmw:25", "cedaw:11"],
    "focus:social-protection": ["icescr:9", "icrmw:27"],
    "focus:rights-at-work": ["icescr:7", "ilo-c190:6"],
    "focus:full-employment": ["icescr:6"],
}
