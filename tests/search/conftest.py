"""A small multilingual evidence base, indexed: the `evidence` cast plus sources in Uzbek (both scripts),
Russian, Kyrgyz, Tajik and English, an incident and an attached file."""

import datetime

import pytest

from ovoz.evidence.models import Act, Attachment, Incident, IncidentSource, Source, Term
from ovoz.search.index import index_object
from tests.evidence.conftest import evidence  # noqa: F401

DAY = datetime.date(2023, 3, 1)


def term(vocabulary: str, code: str, label: str, parent=None) -> Term:
    """A term of the tests' own (its code is prefixed, apart from any seeded vocabulary)."""
    return Term.objects.create(vocabulary=vocabulary, code=f"test-{code}", label_en=label, label_ru=f"{label} (ru)",
                               parent=parent)


def source(partnership, title: str, transcript: str, *, participants=(), language="", date=DAY, shared=False,
           kind="interview", **values) -> Source:
    s = Source.objects.create(partnership=partnership, kind=kind, title=title, transcript=transcript,
                              language=language, date=date, shared_with_programme=shared, **values)
    s.participants.add(*participants)
    index_object(s)
    return s


@pytest.fixture
def corpus(evidence):  # noqa: F811
    """``evidence`` (s1 "Иш ҳақи тўланмади." of a1, s2 of a2, sb of b1) and, indexed with it:

    * uz_latin (A, a1, shared): "ish haqi" in Latin; ru (A, a2): Russian with capitals and ё;
    * ky (A, a1), tg (A, a1), en (A, no participant, with notes), b_latin (B, b1): "ish haqi" too;
    * an incident of A (wage theft, victim a1, citing uz_latin) and a scan attached to ru.
    """
    c = evidence
    c.returned = term("migrant_status", "returned", "Returned migrant")
    c.internal = term("migrant_status", "internal", "Internal migrant")
    c.labour = term("violation", "labour", "Labour rights violations")
    c.wage_theft = term("violation", "wage_theft", "Wages withheld", parent=c.labour)
    c.police = term("violation", "police", "Police extortion")
    for participant, status in ((c.a1, c.returned), (c.a2, c.internal), (c.b1, c.returned)):
        participant.migrant_status = status
        participant.save(update_fields=["migrant_status"])
    for s in (c.s1, c.s2, c.sb):
        s.date, s.language = DAY, "uz" if s == c.s1 else "ru"
        s.save(update_fields=["date", "language"])
        index_object(s)
    c.uz_latin = source(c.a, "Suhbat Farg'onada", "Ish beruvchi ish haqi to'lamadi. Pasportimni olib qo'yishdi.",
                        participants=[c.a1], language="uz", shared=True, date=datetime.date(2023, 5, 10))
    c.ru = source(c.a, "Интервью в Бишкеке", "РАБОТОДАТЕЛЬ не выплатил зарплату. Её паспорт забрал посредник.",
                  participants=[c.a2], language="ru", date=datetime.date(2023, 8, 20))
    c.ky = source(c.a, "Маек Ошто", "Эмгек акымды төлөгөн жок. Милиция акча талап кылды.", participants=[c.a1],
                  language="ky", date=datetime.date(2024, 1, 15))
    c.tg = source(c.a, "Суҳбат дар Хуҷанд", "Музди меҳнати маро напардохт. Шиносномаамро гирифтанд.",
                  participants=[c.a1], language="tg", date=datetime.date(2024, 2, 2))
    c.en = source(c.a, "Consultation in Ak-Zhar", "", language="en", kind="consultation",
                  notes="Women said the employer kept their wages.", outcomes="A complaint to the labour inspection.")
    c.b_latin = source(c.b, "Suhbat B", "Ish haqi berilmadi.", participants=[c.b1], language="uz")
    c.incident = Incident.objects.create(partnership=c.a, title="Wages withheld at the market",
                                         narrative="The employer did not pay three months of wages.",
                                         date=datetime.date(2023, 6, 1), country="KG")
    act = Act.objects.create(incident=c.incident, act_type=c.wage_theft)
    act.victims.add(c.a1)
    IncidentSource.objects.create(incident=c.incident, source=c.uz_latin, connection="victim")
    index_object(c.incident)
    c.scan = Attachment.objects.create(source=c.ru, file="sources/scan.pdf", original_name="receipt-scan.pdf",
                                       content_type="application/pdf", size=10,
                                       extracted_text="Расписка: долг по зарплате 30000 рублей.")
    index_object(c.scan)
    return c


def titles(results) -> set[str]:
    return {str(h.obj.original_name if h.object_type == "attachment" else h.obj.title) for h in results.hits}
