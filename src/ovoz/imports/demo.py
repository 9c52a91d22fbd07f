"""Demo imports, as of mid-2024: Ravnye Prava's survey of women workers in Ak-Zhar (a fictional XLSForm in
English, Russian and Kyrgyz), its mapping, an export of six fictional submissions checked and waiting for
*Import now* (so that a visitor sees the dry run, presses the button and watches the progress bar), and a later
export whose check found an answer that is not in the form's lists (to show what a dry run reports).

Nothing is imported by the demo itself: the demo's evidence (ovoz.evidence.demo) stays exactly as written
there. Everything is fictional and marked so ("(fictional)" starts the titles an import would give). It is
idempotent: the instrument is found by its form_id and the jobs by their file names.
"""

import datetime
import io
import json

from django.db import transaction
from django.utils import timezone

from ovoz.accounts.roles import Role
from ovoz.imports import services
from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping
from ovoz.programmes.models import Membership

PARTNER = "ravnyeprava"
FORM_ID = "akzhar_women_workers_2024"
TITLE = "(fictional) Ak-Zhar women workers' survey"
FILES = ("kobo-akzhar-2024-06-12.json", "kobo-akzhar-2024-06-28.json")

SURVEY = [
    ["type", "name", "label::English (en)", "label::Russian (ru)", "label::Kyrgyz (ky)", "required"],
    ["begin_group", "respondent", "About you", "О вас", "Өзүңүз жөнүндө", ""],
    ["select_one status", "migrant_status", "Migration", "Миграция", "Миграция", "yes"],
    ["integer", "age", "Age", "Возраст", "Жашыңыз", ""],
    ["select_one region", "region", "Where are you from?", "Откуда вы?", "Кайсы жерденсиз?", ""],
    ["select_one sector", "sector", "Where do you work?", "Где вы работаете?", "Кайда иштейсиз?", ""],
    ["end_group", "", "", "", "", ""],
    ["select_one language", "language", "Language of the interview", "Язык интервью", "Маектин тили", "yes"],
    ["select_multiple scopes", "consent", "She agrees to", "Она согласна на", "Ал макул", "yes"],
    ["text", "work", "Tell us about your work", "Расскажите о своей работе", "Ишиңиз жөнүндө айтып бериңиз", ""],
    ["text", "change", "What should change?", "Что должно измениться?", "Эмне өзгөрүшү керек?", ""],
    ["begin_repeat", "problems", "Problems at work", "Проблемы на работе", "Иштеги көйгөйлөр", ""],
    ["select_multiple acts", "acts", "What happened?", "Что произошло?", "Эмне болду?", "yes"],
    ["date", "when", "When?", "Когда?", "Качан?", ""],
    ["text", "what", "Describe it", "Опишите", "Сүрөттөп бериңиз", ""],
    ["decimal", "owed", "Wages owed (som)", "Долг по зарплате (сом)", "Карыз эмгек акы (сом)", ""],
    ["end_repeat", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Russian (ru)", "label::Kyrgyz (ky)"],
    ["status", "internal", "Moved within Kyrgyzstan", "Переехала внутри страны", "Өлкө ичинде көчүп келген"],
    ["status", "returned", "Came back from abroad", "Вернулась из-за рубежа", "Чет өлкөдөн кайтып келген"],
    ["region", "kg-naryn", "Naryn", "Нарын", "Нарын"],
    ["region", "kg-osh-region", "Osh region", "Ошская область", "Ош облусу"],
    ["region", "kg-batken", "Batken", "Баткен", "Баткен"],
    ["region", "kg-talas", "Talas", "Талас", "Талас"],
    ["sector", "garment", "Sewing workshop", "Швейный цех", "Тигүү цехи"],
    ["sector", "trade", "Market", "Рынок", "Базар"],
    ["sector", "cleaning", "Cleaning", "Уборка", "Тазалоо"],
    ["language", "ky", "Kyrgyz", "Кыргызский", "Кыргызча"],
    ["language", "ru", "Russian", "Русский", "Орусча"],
    ["scopes", "analysis", "Use in the research", "Использование в исследовании", "Изилдөөдө колдонуу"],
    ["scopes", "quotes", "Quotes without her name", "Цитаты без имени", "Атын атабай цитата"],
    ["scopes", "statistics", "Statistics", "Статистика", "Статистика"],
    ["scopes", "coordinators", "Sharing with the network", "Передача сети", "Тармакка берүү"],
    ["acts", "unpaid-wages", "Not paid", "Не заплатили", "Акы төлөнгөн жок"],
    ["acts", "no-contract", "No contract", "Без договора", "Келишимсиз"],
    ["acts", "excessive-hours", "Too many hours", "Слишком долгий день", "Өтө узак иш күнү"],
    ["acts", "unfair-dismissal", "Dismissed", "Уволили", "Жумуштан айдашты"],
]
SETTINGS = [["form_title", "form_id", "version", "default_language"], [TITLE, FORM_ID, "2024-05", "English (en)"]]

MAPPING = {
    "participant": {
        "migrant_status": "respondent/migrant_status",
        "age_band": "respondent/age",
        "region_of_origin": "respondent/region",
        "work_sector": "respondent/sector",
        "consent_scopes": "consent",
    },
    "source": {"language": "language", "place": {"value": "Ak-Zhar, Bishkek"}, "transcript": ["work", "change"]},
    "incidents": {
        "repeat": "problems",
        "act_types": "problems/acts",
        "date": "problems/when",
        "title": "problems/what",
        "narrative": ["problems/what"],
        "wages_owed": "problems/owed",
        "currency": {"value": "KGS"},
        "perpetrator_type": {"value": "employer"},
        "country": {"value": "KG"},
        "city": {"value": "Bishkek"},
        "status": {"value": "likely"},
    },
}


def _submission(n, day, status, age, region, sector, language, consent, work, change, problems):
    uuid = f"5e1f0a2b-de40-4c7a-9b00-{n:012d}"
    when = datetime.datetime(2024, 6, day, 11, 30)
    data = {
        "_id": 5100 + n, "_uuid": uuid, "meta/instanceID": f"uuid:{uuid}", "_submission_time": when.isoformat(),
        "start": when.isoformat(), "respondent/migrant_status": status, "respondent/age": age,
        "respondent/region": region, "respondent/sector": sector, "language": language, "consent": consent,
        "work": work, "change": change,
    }
    if problems:
        data["problems"] = [{f"problems/{k}": v for k, v in p.items()} for p in problems]
    return data


FIRST = [
    _submission(1, 3, "internal", 31, "kg-naryn", "garment", "ky", "analysis quotes statistics coordinators",
                "(fictional) Тигүү цехинде күнүгө он эки саат иштейбиз, келишим жок.",
                "(fictional) Жазуу жүзүндө келишим жана убагында акы керек.",
                [{"acts": "unpaid-wages no-contract", "when": "2024-03",
                  "what": "(fictional) Үч айлык акы берилген жок.", "owed": "21000"}]),
    _submission(2, 4, "internal", 24, "kg-osh-region", "garment", "ru", "analysis quotes statistics",
                "(fictional) Работаем без выходных, хозяин говорит: не нравится — уходи.",
                "(fictional) Чтобы трудовая инспекция приходила и в маленькие цеха.",
                [{"acts": "excessive-hours", "when": "2024-05-20", "what": "(fictional) Смены по 13 часов."}]),
    _submission(3, 5, "returned", 38, "kg-batken", "trade", "ru", "analysis statistics",
                "(fictional) После Москвы торгую на рынке, место снимаю у перекупщика.",
                "(fictional) Регистрация по месту жительства без документов на землю.", []),
    _submission(4, 7, "internal", 45, "kg-talas", "cleaning", "ky", "analysis quotes statistics coordinators",
                "(fictional) Кеңседе тазалоочу болуп иштейм, акыны кечиктирип беришет.",
                "(fictional) Айлык убагында берилсин.",
                [{"acts": "unpaid-wages", "when": "2024-04-15", "what": "(fictional) Эки айлык карыз.",
                  "owed": "14000"},
                 {"acts": "unfair-dismissal", "when": "2024-05", "what": "(fictional) Даттангандан кийин айдашты."}]),
    _submission(5, 10, "internal", 19, "kg-naryn", "garment", "ky", "analysis statistics",
                "(fictional) Окуудан кийин цехке келдим, азыр үйрөнүп жатам.", "", []),
    _submission(6, 11, "returned", 52, "kg-osh-region", "garment", "ru", "analysis quotes statistics",
                "(fictional) Вернулась из Казахстана, шью дома на заказ цеха.",
                "(fictional) Пенсионный стаж за годы работы без договора.",
                [{"acts": "no-contract", "when": "2023", "what": "(fictional) Все годы без договора."}]),
]
SECOND = FIRST[:2] + [  # the first two again (they would be skipped once the first export is imported)
    _submission(7, 24, "internal", 27, "kg-chui-valley", "garment", "ru", "analysis",
                "(fictional) Новая участница.", "", []),
]


def _researcher(partnership):
    membership = Membership.objects.filter(partnership=partnership, role=Role.RESEARCHER).select_related("user")
    first = membership.order_by("pk").first()
    return first.user if first else None


def _xlsform() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for title, rows in (("survey", SURVEY), ("choices", CHOICES), ("settings", SETTINGS)):
        sheet = book.active if title == "survey" else book.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _job(actor, partnership, instrument, mapping, name, submissions, *, day: datetime.date):
    if ImportJob.objects.filter(partnership=partnership, original_name=name, is_fictional=True).exists():
        return
    job = services.import_job_create(
        actor=actor, partnership=partnership, kind=ImportJob.Kind.SUBMISSIONS, name=name, mapping=mapping,
        content=json.dumps(submissions, ensure_ascii=False).encode("utf-8"), version=instrument.latest,
        is_fictional=True,
    )
    services.import_job_check(job=job)
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))
    ImportJob.objects.filter(pk=job.pk).update(created_at=at, updated_at=at)


@transaction.atomic
def demo_load(*, programme, partnerships, coordinator) -> None:
    partnership = partnerships.get(PARTNER)
    if partnership is None:
        return
    actor = _researcher(partnership)
    instrument = Instrument.objects.filter(partnership=partnership, form_id=FORM_ID).first()
    if instrument is None:
        version, _created = services.instrument_upload(actor=actor, partnership=partnership, content=_xlsform(),
                                                       name="akzhar-survey.xlsx", is_fictional=True)
        instrument = version.instrument
        at = timezone.make_aware(datetime.datetime(2024, 5, 20, 10, 0))
        Instrument.objects.filter(pk=instrument.pk).update(created_at=at)
        InstrumentVersion.objects.filter(pk=version.pk).update(uploaded_at=at)
    mapping = instrument.mappings.order_by("pk").first()
    if mapping is None:
        mapping = services.mapping_create(actor=actor, partnership=partnership, instrument=instrument,
                                          name="Survey → evidence", spec=MAPPING)
        Mapping.objects.filter(pk=mapping.pk).update(
            updated_at=timezone.make_aware(datetime.datetime(2024, 5, 21, 10, 0)))
    _job(actor, partnership, instrument, mapping, FILES[0], FIRST, day=datetime.date(2024, 6, 12))
    _job(actor, partnership, instrument, mapping, FILES[1], SECOND, day=datetime.date(2024, 6, 28))
