"""Test material: an XLSForm made with openpyxl, KoBoToolbox-style JSON and CSV exports, and their mapping."""

import csv
import io
import json

import openpyxl

SURVEY = [
    ["type", "name", "label::English (en)", "label::Russian (ru)", "required"],
    ["begin_group", "respondent", "Respondent", "Респондентка", ""],
    ["select_one status", "migrant_status", "Migrant status", "Статус", "yes"],
    ["integer", "age", "Age", "Возраст", ""],
    ["select_one region", "region", "Region of origin", "Регион", ""],
    ["text", "destination", "Where did you work?", "Где вы работали?", ""],
    ["end_group", "", "", "", ""],
    ["select_multiple scopes", "consent", "Consent given for", "Согласие на", ""],
    ["text", "story", "Tell us about your work", "Расскажите о работе", ""],
    ["text", "needs", "What do you need?", "Что вам нужно?", ""],
    ["begin_repeat", "incidents", "Incidents", "Случаи", ""],
    ["select_multiple acts", "act_types", "What happened", "Что случилось", ""],
    ["date", "incident_date", "When", "Когда", ""],
    ["text", "narrative", "Describe it", "Опишите", ""],
    ["decimal", "wages", "Wages owed", "Долг по зарплате", ""],
    ["select_one currency", "currency", "Currency", "Валюта", ""],
    ["end_repeat", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Russian (ru)"],
    ["status", "internal", "Internal", "Внутренняя"],
    ["status", "returned", "Returned", "Вернувшаяся"],
    ["status", "abroad", "Abroad", "За рубежом"],
    ["region", "chuy", "Chüy", "Чуйская"],
    ["region", "osh", "Osh", "Ошская"],
    ["scopes", "analysis", "Analysis", "Анализ"],
    ["scopes", "quotes", "Quotes", "Цитаты"],
    ["scopes", "statistics", "Statistics", "Статистика"],
    ["acts", "unpaid", "Unpaid wages", "Невыплата"],
    ["acts", "nocontract", "No contract", "Нет договора"],
    ["acts", "docs", "Documents taken", "Забрали документы"],
    ["currency", "KGS", "Som", "Сом"],
    ["currency", "RUB", "Rouble", "Рубль"],
]
SETTINGS = [["form_title", "form_id", "version", "default_language"],
            ["Women migrants survey", "migrant_survey", "2024-05", "English (en)"]]

MAPPING = {
    "participant": {
        "migrant_status": {"field": "respondent/migrant_status", "values": {"abroad": "cross-border"}},
        "age_band": "respondent/age",
        "region_of_origin": {"field": "respondent/region", "values": {"chuy": "kg-chuy", "osh": "kg-osh-region"}},
        "destination": "respondent/destination",
        "consent_scopes": "consent",
    },
    "source": {"language": {"value": "ru"}, "transcript": ["story", "needs"]},
    "incidents": {
        "repeat": "incidents",
        "act_types": {"field": "incidents/act_types", "values": {
            "unpaid": "unpaid-wages", "nocontract": "no-contract", "docs": "confiscated-documents"}},
        "date": "incidents/incident_date",
        "narrative": ["incidents/narrative"],
        "wages_owed": "incidents/wages",
        "currency": "incidents/currency",
        "perpetrator_type": {"value": "employer"},
    },
}


def workbook(*sheets) -> bytes:
    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets:
        sheet = book.active if first else book.create_sheet(title)
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsform(survey=None, choices=None, settings=None) -> bytes:
    sheets = [("survey", survey or SURVEY), ("choices", choices or CHOICES)]
    if settings is not False:
        sheets.append(("settings", settings or SETTINGS))
    return workbook(*sheets)


def submission(uuid: str, *, status="returned", age=34, region="chuy", consent="analysis quotes statistics",
               story="Я работала на швейной фабрике.", incidents=None, **extra) -> dict:
    """One submission as KoBoToolbox exports it in JSON: group paths, repeats as lists, select_multiple spaced."""
    data = {
        "_id": abs(hash(uuid)) % 10**6, "_uuid": uuid, "meta/instanceID": f"uuid:{uuid}",
        "_submission_time": "2024-05-06T10:22:33", "start": "2024-05-06T10:00:00.000+06:00",
        "respondent/migrant_status": status, "respondent/age": age, "respondent/region": region,
        "respondent/destination": "Bishkek", "consent": consent, "story": story,
    }
    if incidents is None:
        incidents = [{"act_types": "unpaid nocontract", "incident_date": "2023-11-15", "narrative": "Не заплатили.",
                      "wages": "18000", "currency": "KGS"}]
    if incidents:
        data["incidents"] = [{f"incidents/{k}": v for k, v in item.items()} for item in incidents]
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def kobo_json(submissions) -> bytes:
    return json.dumps(submissions, ensure_ascii=False).encode("utf-8")


def kobo_csv(submissions, *, delimiter=";", split_select=False, encoding="utf-8", separator="/") -> bytes:
    """KoBo's CSV: one row per submission, group/question headers, no repeats."""
    rows = []
    for sub in submissions:
        row = {k.replace("/", separator) if not k.startswith("_") and k != "meta/instanceID" else k: v
               for k, v in sub.items() if not isinstance(v, list)}
        if split_select and "consent" in row:
            for option in ("analysis", "quotes", "statistics"):
                row[f"consent{separator}{option}"] = "1" if option in row["consent"].split() else "0"
            del row["consent"]
        rows.append(row)
    headers = []
    for row in rows:
        headers += [h for h in row if h not in headers]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
