"""The demo programme's trainings and meetings, from seeds 000 and 001 (sections 7.1 to 7.6).

Titles, months, the Almaty dates of October 2023 and the expected outputs come from the public
programme documents. Exact days and venues not given there, the agendas' details, attendance, the
outcome notes and every evaluation answer are illustrative and marked so.
"""

import datetime

D = datetime.date
T = datetime.time

ILLUSTRATIVE = "Demo: days, venue and agenda details are illustrative; the programme documents give the month."
GTG = "APWLD Grounding the Global team"
FICTIONAL_ANSWERS = "Demo: attendance, outcome notes and evaluation answers are fictional."

EVENTS = [
    {
        "key": "rt1",
        "kind": "regional_training",
        "title": (
            "First Regional Feminist Participatory Action Research Training on Central Asian Women Migrants' "
            "Rights: Methodology and Approach"
        ),
        "starts_on": D(2022, 11, 14),
        "ends_on": D(2022, 11, 18),
        "city": "Bishkek",
        "country": "KG",
        "format": "in_person",
        "status": "held",
        "description": (
            "Participants gain skills and knowledge on the framework of feminist development justice and feminist "
            "participatory action research, particularly in relation to human rights of women migrants. The "
            "training encourages young women researchers to build their leadership. Its methodology is simple, "
            "clear and participatory.\n\n" + ILLUSTRATIVE + " " + FICTIONAL_ANSWERS
        ),
        "agenda": [
            (0, T(9, 30), T(11, 0), "Opening, introductions and expectations", "APWLD secretariat"),
            (0, T(11, 30), T(13, 0), "Feminist development justice", "APWLD secretariat"),
            (1, T(9, 30), T(13, 0), "FPAR: objectives, framework, approach and time frame", "APWLD FPAR team"),
            (1, T(14, 0), T(17, 0), "Human rights-based approach and the rights of women migrants", "APWLD FPAR team"),
            (2, T(9, 30), T(13, 0), "Theory of Change, power mapping and critical pathway", "APWLD FPAR team"),
            (3, T(9, 30), T(17, 0), "Drafting research plans with the community in mind", "Mentors and researchers"),
            (4, T(9, 30), T(12, 30), "Research plans presented; ways forward", "All participants"),
        ],
        "outputs": [
            (
                "Participants understand about the objectives, framework, approach, and time frame of the Feminist "
                "Participatory Action Research.",
                "met",
                "",
            ),
            (
                "Participants gain skills and capacity on the key concepts and framework on feminist participatory "
                "approach, human rights-based approach, and international human rights framework - particularly in "
                "relation to human rights of women migrants.",
                "met",
                "",
            ),
            (
                "Participating organisations developed detailed research plans in their respective communities.",
                "partly_met",
                "Draft plans made at the training; completed after the community consultations (demo note).",
            ),
            (
                "Participants gain skills and capacity on the tools of Theory of Change, Power Mapping and Critical "
                "Pathway to be used together with the community to plan the research and the impact objectives.",
                "met",
                "",
            ),
        ],
        "absent": [],
        "topics": [
            "FPAR methodology",
            "Feminist development justice",
            "Human rights-based approach",
            "Theory of Change, power mapping and critical pathway",
        ],
    },
    {
        "key": "rt2",
        "kind": "regional_training",
        "title": (
            "Second Regional Training on Feminist Participatory Action Research on Central Asian Women Migrants' "
            "Rights: Research Design and Analysis"
        ),
        "starts_on": D(2023, 2, 20),
        "ends_on": D(2023, 2, 24),
        "city": "Tashkent",
        "country": "UZ",
        "format": "in_person",
        "status": "held",
        "description": (
            "Young women researchers present the research design and advocacy plan formulated with the community "
            "and gain feedback from facilitators and other participants. The training builds skills on the "
            "framework and methodology of FPAR, data analysis and reporting, and participatory monitoring and "
            "evaluation with the community.\n\n" + ILLUSTRATIVE + " " + FICTIONAL_ANSWERS
        ),
        "agenda": [
            (0, T(9, 30), T(12, 30), "Feminism and feminist frameworks", "APWLD secretariat"),
            (0, T(14, 0), T(17, 0), "Research designs presented by the partners (I)", "Researchers"),
            (1, T(9, 30), T(12, 30), "Research designs presented by the partners (II)", "Researchers"),
            (1, T(14, 0), T(17, 0), "Feedback and peer review of research designs", "Mentors"),
            (2, T(9, 30), T(17, 0), "Research methods and feminist analysis", "APWLD FPAR team"),
            (3, T(9, 30), T(17, 0), "Data analysis and reporting", "APWLD FPAR team"),
            (4, T(9, 30), T(12, 30), "Participatory monitoring and evaluation with the community", "APWLD FPAR team"),
        ],
        "outputs": [
            (
                "Participants gain their capacity on feminism and feminist framework – as a core concept to practise "
                "and analyse the research in their respective community.",
                "met",
                "",
            ),
            (
                "Participants gain skills and capacity on the framework and methodology on feminist participatory "
                "action research – including research designs, methods and feminist analysis.",
                "met",
                "Every partner left with a revised research design (demo note).",
            ),
        ],
        "absent": ["mentor.dunyoi-muhabbat"],
        "topics": [
            "Feminist frameworks",
            "Research design and methods",
            "Feminist data analysis",
            "Participatory monitoring and evaluation",
        ],
    },
    {
        "key": "rt3",
        "kind": "regional_training",
        "title": (
            "Third Regional Training on Feminist Participatory Action Research on Human Rights of Central Asian "
            "Women Migrants: Reflections and Ways Forward for Advocacy"
        ),
        "starts_on": D(2023, 10, 3),
        "ends_on": D(2023, 10, 7),
        "city": "Almaty",
        "country": "KZ",
        "format": "in_person",
        "status": "held",
        "description": (
            "A collective learning space for participants to share their experiences in analysing qualitative "
            "data, identify gaps and challenges and improve their research reports; to reflect on the impact of "
            "the research at personal, organisational and community level; and to discuss ways forward for "
            "advocacy and campaigns at local, national, regional and international level. On the International "
            "Day of Decent Work the partners joined APWLD's online campaign amplifying the voices of internal "
            "women migrants.\n\n" + FICTIONAL_ANSWERS
        ),
        "agenda": [
            (0, T(9, 30), T(13, 0), "Our FPAR journeys: personal, organisational and community impact", "Everyone"),
            (1, T(9, 30), T(17, 0), "Qualitative data analysis: experiences, challenges, solutions", "APWLD FPAR team"),
            (2, T(9, 30), T(17, 0), "FPAR narratives with feminist and human-rights perspectives", "APWLD FPAR team"),
            (3, T(9, 30), T(13, 0), "Theory of Change: the impacts so far", "APWLD FPAR team"),
            (3, T(14, 0), T(17, 0), "Campaign and advocacy tools", "APWLD secretariat"),
            (4, T(9, 30), T(11, 0), "Solidarity action for the International Day of Decent Work", "All participants"),
            (4, T(11, 30), T(17, 0), "Advocacy plans: local, national, regional and international", "Mentors"),
        ],
        "outputs": [
            (
                "Participants gain their capacity and skills on data analysis, particularly qualitative data analysis "
                "and able to share their experience on analysing the data, identifying the challenges and ways to "
                "address the challenges.",
                "met",
                "",
            ),
            (
                "Participants are able to identify the gaps in their research report and gain concrete "
                "recommendations for the improvement of their research report.",
                "met",
                "",
            ),
            (
                "Participants are able to refine their evidence-based advocacy plans and strategy, in particular to "
                "work with the workers to advocate their human rights in the local and national level; and also have "
                "a concrete plan with APWLD for advocacy in the regional and international level.",
                "partly_met",
                "National plans refined; the regional plan with APWLD is to be finished online (demo note).",
            ),
        ],
        "absent": [],
        "topics": [
            "Qualitative data analysis",
            "Writing the FPAR narrative",
            "Theory of Change",
            "Campaign and advocacy tools",
        ],
    },
    {
        "key": "un",
        "kind": "un_mechanisms_training",
        "title": "Training on UN Human Rights Mechanisms",
        "starts_on": D(2023, 10, 8),
        "ends_on": D(2023, 10, 9),
        "city": "Almaty",
        "country": "KZ",
        "format": "in_person",
        "status": "held",
        "description": (
            "A capacity-building initiative on UN human rights mechanisms, with the support of APWLD's Grounding "
            "the Global Programme, for the FPAR partners and APWLD's member organisations from Uzbekistan, "
            "Kazakhstan and Kyrgyzstan, following the third regional training.\n\n" + FICTIONAL_ANSWERS
        ),
        "agenda": [
            (0, T(9, 30), T(12, 30), "International human rights law", GTG),
            (0, T(14, 0), T(17, 0), "The nine core treaty bodies and their optional protocols", GTG),
            (1, T(9, 30), T(12, 30), "Special Procedures and the Universal Periodic Review", GTG),
            (1, T(14, 0), T(17, 0), "NGOs in country reviews: strategies for Central Asia", "All participants"),
        ],
        "outputs": [
            (
                "Participants deepen their understanding of International Human Rights Law, the roles of the nine "
                "major Treaty Bodies and Optional Protocols, Special Procedures, and the Universal Periodic Review.",
                "met",
                "",
            ),
            (
                "Participants understand how treaty body monitoring committees work and how non-governmental "
                "organisations take part in the countries' review processes.",
                "met",
                "",
            ),
            (
                "Participants identify strategies for Central Asian NGOs to engage with UN human rights mechanisms, "
                "and the treaty bodies and special procedures pertinent to the promotion of women migrants' rights.",
                "met",
                "",
            ),
        ],
        "absent": ["mentor.awa-fergana"],
        "topics": ["UN treaty bodies", "Special Procedures", "Universal Periodic Review", "Engaging as an NGO"],
    },
    {
        "key": "rm",
        "kind": "reflection_meeting",
        "title": "Fourth Regional Reflection Meeting on CA FPAR on Migration: From Personal to Structural Change",
        "starts_on": D(2024, 9, 24),
        "ends_on": D(2024, 9, 27),
        "city": "",
        "country": "",
        "format": "in_person",
        "status": "planned",
        "description": (
            "A chance for young women researchers and mentors to showcase their FPAR results and impact, and to "
            "reflect, self-assess, evaluate and appreciate the journey of FPAR, documenting the changes at "
            "personal, organisational, community or structural level that they have created and experienced.\n\n"
            "Demo: planned for the end of September 2024; days and venue to be confirmed."
        ),
        "agenda": [
            (0, None, None, "Welcome and the FPAR journey so far", "APWLD secretariat"),
            (1, None, None, "Showcase of FPAR results and impact by each partner", "Researchers and mentors"),
            (2, None, None, "Advocacy: progress in local, regional and international spaces", "All participants"),
            (3, None, None, "Self-assessment, evaluation and celebration", "All participants"),
        ],
        "outputs": [
            (
                "Participants are able to self-reflect on the impact of the FPAR, from the personal to "
                "organisational and community levels.",
                "not_assessed",
                "",
            ),
            (
                "Participants are able to share their progress of implementing their evidence-based advocacy plans "
                "and strategies in the local, regional and international levels.",
                "not_assessed",
                "",
            ),
        ],
        "absent": [],
        # Planned: the researchers have confirmed; the mentors not all yet.
        "confirmed": [
            "researcher.ravnyeprava",
            "researcher.awa-fergana",
            "researcher.ghamkhori",
            "researcher.dunyoi-muhabbat",
            "researcher.hrac",
            "mentor.ravnyeprava",
            "mentor.hrac",
        ],
        "topics": [],
    },
]

# Fictional comments, one per some participants, labelled as such in the text.
COMMENTS = [
    "[fictional demo comment] The power-mapping exercise finally made the research plan concrete for our team.",
    "[fictional demo comment] More time for interpretation into Russian would help.",
    "[fictional demo comment] Hearing the other partners' stories gave me courage to continue.",
    "[fictional demo comment] I would like a follow-up session online on the same topics.",
]
