"""The demo's analysis: a seeded codebook, coded interviews, memos and one double-coded interview.

Codings are made the way a researcher would, sentence by sentence where a sentence speaks of a theme; the
keywords below only stand in for her reading so that the demo can be built without hand-placed offsets.
Everything here is fictional, like the evidence it codes.
"""

import re

from ovoz.analysis.models import Code, Coding, Memo
from ovoz.analysis.services.codes import code_create, codebook_seed
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.services.memos import memo_create
from ovoz.evidence.models import Source
from ovoz.programmes.models import Membership

# Which stems make a sentence speak of which code (seed keys), across the partners' languages and scripts.
THEMES = {
    "term:unpaid-wages": ["акча", "эмгек акы", "зарплат", "ish haqi", "иш ҳақи", "музд", "карыз", "не заплат",
                          "не плат", "pul bermad", "пул бермад", "maosh", "маош"],
    "term:no-contract": ["келишим", "договор", "shartnoma", "шартнома", "аҳднома"],
    "term:excessive-hours": ["часов", "саат", "soat", "соат", "до ночи", "тогузга"],
    "term:child-allowance": ["пособи", "nafaqa", "нафақа", "жөлөкпул", "болалар пули", "bolalar puli", "кумакпул"],
    "term:police-extortion": ["милици", "полици", "militsiya", "милитсия", "участков", "взятк", "pora"],
    "term:registration-services": ["прописк", "регистрац", "каттоо", "ro'yxat", "roʻyxat", "рўйхат", "бақайдгир"],
    "term:physical-assault": ["бил", "зад", "urdi", "урди", "задан", "лат хӯрд", "мезад"],
    "focus:social-dialogue": ["инспекци", "юрист", "жалоб", "ariza", "ариза", "шикоят", "арз", "кризисн",
                              "crisis", "омбудсмен"],
    "focus:full-employment": ["жумуш жок", "работы нет", "ish yo'q", "ish yoʻq", "иш йўқ", "кор нест"],
}
SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]?")
OWN_CODES = {
    "ravnyeprava": ("Fear of dismissal", "Women keep silent because asking for a contract costs the job."),
    "hrac": ("Municipal services refused", "A service or document refused by a local office."),
    "awa-fergana": ("Return and reintegration", "What coming back from abroad meant for her and her family."),
    "ghamkhori": ("Safety in the in-laws' house", "Where she lives, who controls money and documents at home."),
    "dunyoi-muhabbat": ("Intermediaries", "Recruiters and intermediaries between women and employers."),
}


def _spans(text: str, stems: list[str]) -> list[tuple[int, int]]:
    out = []
    lowered = text.lower()
    for m in SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] in " \t":
            start += 1
        sentence = lowered[start:end]
        if end > start and any(stem in sentence for stem in stems):
            out.append((start, end))
    return out


def _team(partnership):
    members = {m.role: m.user for m in Membership.objects.filter(partnership=partnership).select_related("user")}
    return members.get("researcher"), members.get("mentor")


def demo_load(*, programme, partnerships, coordinator) -> None:
    codebook_seed(actor=coordinator, programme=programme)
    codes = {c.seed_key: c for c in Code.objects.filter(programme=programme, partnership__isnull=True)}
    if not Memo.objects.filter(programme=programme, partnership__isnull=True).exists():
        memo_create(actor=coordinator, programme=programme, title="(fictional) Reading across the five countries",
                    text="Unpaid wages and the absence of written contracts come up in every partnership; the "
                         "child allowance after return only in Uzbekistan and Tajikistan. Let us compare how "
                         "women describe the labour inspection.")
        memo_create(actor=coordinator, programme=programme, code=codes["term:unpaid-wages"],
                    text="(fictional) Code the whole turn where a woman says what she is owed, including the "
                         "amount, so that quotes keep the figure.")
    for key, partnership in partnerships.items():
        researcher, mentor = _team(partnership)
        if researcher is None:
            continue
        name, definition = OWN_CODES.get(key, ("Our own theme", ""))
        own = Code.objects.filter(partnership=partnership, name_en=name).first() or code_create(
            actor=researcher, programme=programme, partnership=partnership, name_en=name, definition=definition,
            colour="#b8e0d2",
        )
        sources = list(Source.objects.filter(partnership=partnership, is_fictional=True)
                       .exclude(transcript="").exclude(participants__consent_analysis=False).order_by("pk"))
        if not sources or Coding.objects.filter(source__in=sources).exists():
            continue
        for source in sources:
            for seed_key, stems in THEMES.items():
                code = codes.get(seed_key)
                for start, end in _spans(source.transcript, stems)[:4]:
                    coding_create(actor=researcher, source=source, codes=[code], start=start, end=end)
        first = sources[0]
        lines = [m for m in re.finditer(r"[^\n]+", first.transcript)]
        if len(lines) > 3:
            line = lines[3]
            (coding,) = coding_create(actor=researcher, source=first, codes=[own], start=line.start(), end=line.end())
            memo_create(actor=researcher, programme=programme, coding=coding,
                        text="(fictional) She links her silence to what happened to a colleague; ask in the next "
                             "consultation whether others felt the same.")
        memo_create(actor=researcher, programme=programme, source=first,
                    text="(fictional) A long, calm interview; she chose the place. Translation checked by the mentor.")
        memo_create(actor=researcher, programme=programme, partnership=partnership,
                    title="(fictional) First reading of our interviews",
                    text="Wages, contracts and fear of losing the job run through every interview. The women ask "
                         "for a consultation point close to where they live.")
        _double_coded(programme, partnership, sources[-1], researcher, mentor, codes)


def _double_coded(programme, partnership, source, researcher, mentor, codes) -> None:
    """One interview coded independently by the researcher and the mentor, both finished, for comparison."""
    if mentor is None:
        return
    try:
        from ovoz.analysis.services.agreement import double_coding_finish, double_coding_start
    except ImportError:  # the agreement part not installed: nothing to demonstrate
        return
    round_ = double_coding_start(actor=mentor, source=source, coder_a=researcher, coder_b=mentor)
    for n, (seed_key, stems) in enumerate(THEMES.items()):
        spans = _spans(source.transcript, stems)
        for i, (start, end) in enumerate(spans[:3]):
            coding_create(actor=researcher, source=source, codes=[codes[seed_key]], start=start, end=end,
                          double_coding=round_)
            # The mentor reads a little differently: she skips some sentences and codes others more tightly.
            if (i + n) % 3 != 2:
                cut = max(start + 1, end - (5 if n % 2 else 0))
                coding_create(actor=mentor, source=source, codes=[codes[seed_key]], start=start, end=cut,
                              double_coding=round_)
    double_coding_finish(actor=researcher, double_coding=round_)
    double_coding_finish(actor=mentor, double_coding=round_)
