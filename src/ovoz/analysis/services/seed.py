"""The programme codebook's starting point: the programme's focus areas and the violation vocabulary."""

# The five focus areas of the decent-work agenda the programme researches (seed 001), in the five languages.
FOCUS_AREAS = [
    {
        "key": "focus:rights-at-work",
        "colour": "#e4572e",
        "en": "Rights at work", "ru": "Права в сфере труда", "ky": "Эмгек укуктары",
        "uz": "Mehnat huquqlari", "tg": "Ҳуқуқҳо дар ҷои кор",
        "definition": "Respect of workers' rights: contracts, working hours, safety, freedom from forced labour "
                      "and discrimination.",
    },
    {
        "key": "focus:living-wage",
        "colour": "#f3a712",
        "en": "Living wage", "ru": "Прожиточная заработная плата", "ky": "Жашоого жетиштүү айлык акы",
        "uz": "Yashash uchun yetarli ish haqi", "tg": "Музди кофӣ барои зиндагӣ",
        "definition": "Pay that covers a decent life for the worker and her family; unpaid or withheld wages.",
    },
    {
        "key": "focus:full-employment",
        "colour": "#29335c",
        "en": "Full employment", "ru": "Полная занятость", "ky": "Толук иш менен камсыз болуу",
        "uz": "Toʻliq bandlik", "tg": "Шуғли пурра",
        "definition": "Access to decent work and jobs, at home and abroad; reasons for migrating.",
    },
    {
        "key": "focus:social-protection",
        "colour": "#669bbc",
        "en": "Social protection", "ru": "Социальная защита", "ky": "Социалдык коргоо",
        "uz": "Ijtimoiy himoya", "tg": "Ҳифзи иҷтимоӣ",
        "definition": "Pensions, child allowances, health care, maternity benefits and their denial.",
    },
    {
        "key": "focus:social-dialogue",
        "colour": "#8cb369",
        "en": "Social dialogue", "ru": "Социальный диалог", "ky": "Социалдык диалог",
        "uz": "Ijtimoiy muloqot", "tg": "Муколамаи иҷтимоӣ",
        "definition": "Women's voice with employers, unions, local authorities and the state.",
    },
]

# Colours for the violation codes, cycled; chosen to stay readable as a background under dark text.
PALETTE = ["#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff", "#ffadad"]
