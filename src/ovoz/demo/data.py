"""The demo programme, from the public documents Ovoz was created from.

The organisations, the programme and the briefer titles are public; every person is fictional,
and marked so in the database and the interface.
"""

import datetime

PASSWORD = "ovoz-demo-2024"

SECRETARIAT = {
    "name": "Asia Pacific Forum on Women, Law and Development",
    "short_name": "APWLD",
    "country": "TH",
    "women_led": True,
}

PROGRAMME = {
    "title": "Amplifying voices of Central Asian women migrants for human rights and Development Justice",
    "short_title": "Central Asia FPAR on Women Migrants 2022–2024",
    "starts_on": datetime.date(2022, 8, 1),
    "ends_on": datetime.date(2024, 9, 30),
    "focus": (
        "Feminist Participatory Action Research with internal and returned women migrants in Kyrgyzstan, "
        "Tajikistan and Uzbekistan, focused on the right to decent work: rights at work, a living wage, "
        "full employment, social protection and social dialogue."
    ),
}

# (key, organisation, country, briefer title, fictional mentor, fictional researcher)
PARTNERS = [
    (
        "ravnyeprava",
        "Ravnye Prava",
        "KG",
        "Labour Rights of Women Internal Migrants Living in the Ak-Zhar Residential Area",
        "Gulnara Asanova",
        "Aizada Toktosunova",
    ),
    (
        "awa-fergana",
        "Association of Women in Agriculture, Fergana Branch",
        "UZ",
        "Women Returned Migrants in Uzbekistan Demand Access to Effective Reintegration Mechanisms",
        "Dilfuza Karimova",
        "Nodira Yusupova",
    ),
    (
        "ghamkhori",
        "Ghamkhori",
        "TJ",
        "Tajik Women Returned Migrants Assert Their Rights and Access to Protection from Domestic Violence",
        "Manzura Rahimova",
        "Farangis Nazarova",
    ),
    (
        "dunyoi-muhabbat",
        "Dunyoi Muhabbat",
        "TJ",
        "Women Returned Migrants Fight for Access to Decent Work and Demand Fulfillment of Their Human Rights "
        "in Tajikistan",
        "Zarina Saidova",
        "Mehrangez Odinaeva",
    ),
    (
        "hrac",
        "Human Rights Advocacy Centre",
        "KG",
        "Women Internal Migrants Assert the Protection of Their Human Rights and Access to Basic State and "
        "Municipal Services in Kyrgyzstan",
        "Cholpon Abdieva",
        "Begimai Sydykova",
    ),
]

COORDINATOR = ("coordinator", "Saltanat Omarova (fictional)")
VIEWER = ("reader", "Reader (fictional)")
CO_RESEARCHER = ("coresearcher.ravnyeprava", "Nurjan Ak-Zhar resident (fictional)")
