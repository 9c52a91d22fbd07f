"""The demo's advocacy planning for two partners and the programme. Fictional, written for the demonstration from
the partners' research topics; the international days are real dates."""

import datetime

D = datetime.date

# Per partner: Theory of Change (goal; elements as (key, kind, text, leads-to key)), actors (name, kind, level,
# influence, stance, notes), a critical pathway, and an advocacy plan.
PARTNERS = {
    "ravnyeprava": {
        "toc": {
            "title": "Decent work for women internal migrants in Ak-Zhar (demonstration)",
            "goal": "Women internal migrants in Ak-Zhar work with written contracts, are paid on time and can claim "
                    "their rights without fear.",
            "nodes": [
                ("o1", "outcome", "The labour inspection visits small sewing workshops, not only large factories.",
                 None),
                ("o2", "outcome", "Women in new settlements can register their residence and reach social services.",
                 None),
                ("p1", "precondition", "The city council and the labour inspection know the women's evidence.", "o1"),
                ("p2", "precondition", "Women know their labour rights and where to complain.", "o1"),
                ("p3", "precondition", "Parliament's social policy committee considers simpler registration for new "
                                       "settlements.", "o2"),
                ("i1", "intervention", "Present the briefer at a hearing of the city council.", "p1"),
                ("i2", "intervention", "Legal literacy sessions and a weekly consultation point in Ak-Zhar.", "p2"),
                ("i3", "intervention", "Submit the evidence to the committee with the women's demands.", "p3"),
                ("a1", "assumption", "The inspection may visit small workshops once a complaint is filed.", "o1"),
                ("a2", "assumption", "Women can come to sessions in the evening without losing a day's pay.", "i2"),
                ("m1", "indicator", "Inspections of small workshops in Ak-Zhar per quarter.", "o1"),
                ("m2", "indicator", "Women who used the consultation point.", "p2"),
            ],
        },
        "actors": [
            ("City council (demonstration)", "local_government", "local", 4, 0, "Decides the settlement's services."),
            ("State labour inspection (demonstration)", "state", "national", 4, -1,
             "Says small workshops are outside its plan."),
            ("Parliamentary committee on social policy (demonstration)", "parliament", "national", 5, 0, ""),
            ("Owners of sewing workshops", "employer", "local", 3, -2, ""),
            ("Women's council of Ak-Zhar (demonstration)", "cso", "local", 2, 2, "Hosts the consultation point."),
            ("Ombudsperson's office (demonstration)", "state", "national", 3, 1, ""),
            ("Online and TV journalists", "media", "national", 2, 1, ""),
            ("ILO country office (demonstration)", "un", "international", 3, 2, ""),
        ],
        "pathway": {
            "title": "From the briefer to inspections in Ak-Zhar (demonstration)",
            "objective": "The labour inspection includes Ak-Zhar's small workshops in its plan for 2025.",
            "steps": [
                ("Validate the findings with the women of Ak-Zhar", D(2024, 1, 10), D(2024, 1, 31), "Researcher",
                 "done"),
                ("Publish the briefer in Russian and Kyrgyz", D(2024, 2, 1), D(2024, 3, 15), "Mentor", "done"),
                ("Hearing with the city council", D(2024, 4, 1), D(2024, 4, 30), "Researcher and women's council",
                 "done"),
                ("Meeting with the labour inspection", D(2024, 5, 1), D(2024, 6, 15), "Mentor", "in_progress"),
                ("Inspection plan for 2025 includes small workshops", D(2024, 9, 1), D(2024, 12, 20),
                 "Labour inspection (target)", "planned"),
            ],
        },
        "plan": {
            "title": "Advocacy plan 2024: decent work in Ak-Zhar (demonstration)",
            "summary": "Bring the women's evidence to the city, the labour inspection and parliament.",
            "objectives": [
                ("local", "The city council opens a consultation point and supports legal literacy in Ak-Zhar.",
                 "The council gave a room for the consultation point from May 2024."),
                ("national", "The labour inspection includes small workshops in its inspection plan.", ""),
                ("regional", "Share the Ak-Zhar evidence with partners in Uzbekistan and Tajikistan.", ""),
                ("international", "Bring the evidence to the CEDAW Committee's next review of Kyrgyzstan.", ""),
            ],
            "asks": [
                (0, "Open a consultation point in Ak-Zhar and fund evening legal literacy sessions.",
                 ["City council (demonstration)"]),
                (1, "Visit small sewing workshops and publish what the visits find.",
                 ["State labour inspection (demonstration)",
                  "Parliamentary committee on social policy (demonstration)"]),
            ],
            "activities": [
                (0, "Hearing with the city council", D(2024, 4, 18), D(2024, 4, 18), "Researcher", 600, "advocacy",
                 "done", "The council agreed to a consultation point.", ["City council (demonstration)"]),
                (0, "Legal literacy sessions in Ak-Zhar", D(2024, 5, 1), D(2024, 7, 31), "Women's council", 1800,
                 "consultations", "in_progress", "", []),
                (1, "Round table with the labour inspection and journalists", D(2024, 6, 12), D(2024, 6, 12),
                 "Mentor", 1200, "advocacy", "planned", "",
                 ["State labour inspection (demonstration)", "Online and TV journalists"]),
                (2, "Exchange visit with the Fergana partner", D(2024, 7, 20), D(2024, 7, 22), "Researcher", 900,
                 "travel", "planned", "", []),
                (3, "Written input for the CEDAW review", D(2024, 8, 1), D(2024, 8, 30), "Mentor", 300,
                 "translation", "planned", "", ["ILO country office (demonstration)"]),
            ],
        },
    },
    "ghamkhori": {
        "toc": {
            "title": "Protection from violence for women who return (demonstration)",
            "goal": "Women returned migrants in Tajikistan live free from violence at home and reach protection "
                    "when they need it.",
            "nodes": [
                ("o1", "outcome", "Every district has a funded crisis centre.", None),
                ("o2", "outcome", "Police register complaints of domestic violence and issue protection orders.",
                 None),
                ("p1", "precondition", "District budgets include crisis centres.", "o1"),
                ("p2", "precondition", "Police officers are trained on the law on domestic violence.", "o2"),
                ("p3", "precondition", "Women who return know where to turn.", "o2"),
                ("i1", "intervention", "Present the evidence to district councils at budget time.", "p1"),
                ("i2", "intervention", "Joint training with the police academy.", "p2"),
                ("i3", "intervention", "Peer networks of returned women in three districts.", "p3"),
                ("a1", "assumption", "Districts have room in their budgets once the need is shown.", "p1"),
                ("m1", "indicator", "Districts with a funded crisis centre.", "o1"),
                ("m2", "indicator", "Protection orders issued per year.", "o2"),
            ],
        },
        "actors": [
            ("Committee on Women and Family Affairs (demonstration)", "state", "national", 4, 1, ""),
            ("Ministry of Internal Affairs (demonstration)", "state", "national", 5, -1, ""),
            ("District councils (demonstration)", "local_government", "local", 3, 0, ""),
            ("Crisis centres' network (demonstration)", "cso", "national", 2, 2, ""),
            ("Religious leaders in the districts", "other", "local", 3, -1, ""),
            ("Development partner funding crisis centres (demonstration)", "donor", "international", 3, 2, ""),
            ("UN Women office (demonstration)", "un", "international", 3, 2, ""),
        ],
        "pathway": {
            "title": "Crisis centres in every district (demonstration)",
            "objective": "Three more districts fund a crisis centre in their 2025 budgets.",
            "steps": [
                ("Share the briefer with the Committee on Women and Family Affairs", D(2024, 3, 1), D(2024, 3, 31),
                 "Researcher", "done"),
                ("Peer networks meet in three districts", D(2024, 4, 1), D(2024, 6, 30), "Mentor", "in_progress"),
                ("Budget hearings in the districts", D(2024, 9, 1), D(2024, 10, 31), "Researcher", "planned"),
            ],
        },
        "plan": {
            "title": "Advocacy plan 2024: protection after return (demonstration)",
            "summary": "Crisis centres in the districts and police who register complaints.",
            "objectives": [
                ("local", "District councils fund crisis centres.", ""),
                ("national", "The police register complaints and issue protection orders.", ""),
                ("international", "Raise returned women's protection in the UPR of Tajikistan.", ""),
            ],
            "asks": [
                (0, "Include a crisis centre in the district budget for 2025.", ["District councils (demonstration)"]),
                (1, "Instruct district police to register every complaint of domestic violence.",
                 ["Ministry of Internal Affairs (demonstration)",
                  "Committee on Women and Family Affairs (demonstration)"]),
            ],
            "activities": [
                (0, "Peer network meetings in three districts", D(2024, 4, 1), D(2024, 6, 30), "Mentor", 1500,
                 "consultations", "in_progress", "", []),
                (1, "Joint training with the police academy", D(2024, 6, 20), D(2024, 6, 21), "Researcher", 1400,
                 "advocacy", "planned", "", ["Ministry of Internal Affairs (demonstration)"]),
                (2, "UPR stakeholder submission", D(2024, 7, 1), D(2024, 7, 31), "Mentor", 400, "translation",
                 "planned", "", ["UN Women office (demonstration)"]),
            ],
        },
    },
}

MOMENTS = [
    ("International Women's Day", "international_day", "international", D(2024, 3, 8)),
    ("International Domestic Workers' Day", "international_day", "international", D(2024, 6, 16)),
    ("World Day for Decent Work", "international_day", "international", D(2024, 10, 7)),
    ("International Migrants Day", "international_day", "international", D(2024, 12, 18)),
    ("World Day for Decent Work", "international_day", "international", D(2025, 10, 7)),
]

CAMPAIGN = {
    "title": "Decent work for women migrants: 7 October 2024 (demonstration)",
    "moment": ("World Day for Decent Work", D(2024, 10, 7)),
    "starts_on": D(2024, 9, 23),
    "ends_on": D(2024, 10, 14),
    "objective": "One message in five languages, from the five partners' findings: women migrants' work is work, "
                 "and it must be paid, safe and protected.",
    "channels": ["social", "messenger", "radio", "event"],
    "messages": [
        ("en", "Women migrants' work is work. Pay it on time, put it in a contract, protect it. #DecentWork"),
        ("ru", "Труд женщин-мигранток — это труд. Платите вовремя, заключайте договор, защищайте. #ДостойныйТруд"),
        ("ky", "Мигрант аялдардын эмгеги — бул эмгек. Убагында төлөгүлө, келишим түзгүлө, коргогула."),
        ("tg", "Меҳнати занони муҳоҷир меҳнат аст. Саривақт пардохт кунед, шартнома бандед, ҳимоя кунед."),
        ("uz", "Migrant ayollarning mehnati — bu mehnat. Oʻz vaqtida toʻlang, shartnoma tuzing, himoya qiling."),
    ],
    "materials": [
        ("Social media cards in five languages", "card", ""),
        ("Radio spot script", "other", "ru"),
    ],
    "reach": [
        ("social", D(2024, 10, 8), 12400, "Views of the cards across the partners' pages"),
        ("radio", D(2024, 10, 8), 3000, "Estimated listeners of one regional station"),
        ("event", D(2024, 10, 7), 140, "Participants in the partners' events"),
    ],
}
