"""Turning one answer (text from a CSV, a value from JSON) into what an Ovoz field holds, or a problem.

Every function returns ``(value, message)``: ``message`` is None when the answer was understood, otherwise a
sentence saying what is wrong with it (unknown choice, bad date, amount…). Terms are found by their code or
by their label in any of the five languages; choices by their value or label.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.evidence.forms.sources import SOURCE_LANGUAGES
from ovoz.evidence.models import (
    AgeBand,
    ConsentRecord,
    ConsentScope,
    DatePrecision,
    Incident,
    IncidentSource,
    LabourClaim,
)
from ovoz.evidence.services.vocabulary import LABEL_FIELDS, fold, terms_for

CHOICES = {
    "consent_method": ConsentRecord.Method,
    "date_precision": DatePrecision,
    "status": Incident.Status,
    "connection": IncidentSource.Connection,
    "reliability": IncidentSource.Reliability,
    "employer_type": LabourClaim.EmployerType,
    "contract": LabourClaim.Contract,
}
YES = {"1", "true", "yes", "y", "да", "ооба", "ha", "ҳа", "бале", "ҳо", "x", "✓"}
NO = {"0", "false", "no", "n", "нет", "жок", "yoʻq", "yo'q", "йўқ", "не", "", "-"}
LANGUAGE_NAMES = {
    "kyrgyz": "ky", "кыргызча": "ky", "кыргызский": "ky", "russian": "ru", "русский": "ru", "uzbek": "uz",
    "oʻzbekcha": "uz", "o'zbekcha": "uz", "узбекский": "uz", "tajik": "tg", "тоҷикӣ": "tg", "таджикский": "tg",
    "kazakh": "kk", "қазақша": "kk", "казахский": "kk", "english": "en", "английский": "en",
}
_LOOKUPS: dict[tuple[str, str], dict[str, str]] = {}


def _lookup(name: str, options) -> dict[str, str]:
    """Folded value and label (in the active language) -> value, built once per language."""
    key = (name, translation.get_language() or "")
    if key not in _LOOKUPS:
        table = {}
        for option in options:
            table.setdefault(fold(str(option.label)), option.value)
        for option in options:
            table[fold(option.value)] = option.value
        _LOOKUPS[key] = table
    return _LOOKUPS[key]


YES_FOLDED = frozenset(fold(x) for x in YES)
NO_FOLDED = frozenset(fold(x) for x in NO)


def empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class Terms:
    """The terms a programme uses, found by code or by any label (case and marks folded). Loaded once."""

    def __init__(self, programme):
        self.programme = programme
        self._cache: dict[str, dict[str, object]] = {}

    def _index(self, vocabulary: str) -> dict:
        if vocabulary not in self._cache:
            index: dict[str, object] = {}
            terms = list(terms_for(vocabulary, self.programme).order_by("order", "pk"))
            for term in terms:  # labels first, so that a code always wins over a label
                for name in LABEL_FIELDS:
                    label = getattr(term, name)
                    if label:
                        index.setdefault(fold(label), term)
            for term in terms:
                index[fold(term.code)] = term
                if term.huridocs_code:
                    index.setdefault(term.huridocs_code, term)
            self._cache[vocabulary] = index
        return self._cache[vocabulary]

    def find(self, vocabulary: str, value):
        return self._index(vocabulary).get(fold(text_of(value)))


def term(terms: Terms, vocabulary: str, value):
    found = terms.find(vocabulary, value)
    if found is None:
        return None, _("“%(value)s” is not a choice of this list: give its code or its label.") % {
            "value": text_of(value)}
    return found, None


def age_band(value):
    text = text_of(value).replace("–", "-").replace(" ", "")
    codes = {c.value: c.value for c in AgeBand if c.value}
    if text in codes:
        return text, None
    aliases = {"<18": "u18", "under18": "u18", "60plus": "60+", "60-": "60+"}
    if text.lower() in aliases:
        return aliases[text.lower()], None
    if text.isdigit():
        age = int(text)
        if age < 10 or age > 110:
            return None, _("An age of %(age)s years is not plausible.") % {"age": age}
        if age < 18:
            return AgeBand.UNDER_18.value, None
        for band in (AgeBand.B18_24, AgeBand.B25_29, AgeBand.B30_39, AgeBand.B40_49, AgeBand.B50_59):
            low, high = (int(x) for x in band.value.split("-"))
            if low <= age <= high:
                return band.value, None
        return AgeBand.B60_PLUS.value, None
    return None, _("“%(value)s” is not an age band (18-24, 25-29, 30-39, …) nor an age in years.") % {"value": text}


def parse_date(value):
    """A date and the precision the answer gave: 2024-03-05 (day), 2024-03 (month), 2024 (year), 05.03.2024."""
    if isinstance(value, datetime.datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    text = text_of(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
            return datetime.date.fromisoformat(text[:10]), DatePrecision.DAY
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return datetime.date.fromisoformat(text + "-01"), DatePrecision.MONTH
        if re.fullmatch(r"\d{4}", text):
            return datetime.date(int(text), 1, 1), DatePrecision.YEAR
        match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day), DatePrecision.DAY
    except ValueError:
        pass
    return None, None


def date(value, *, allow_future: bool = False):
    day, precision = parse_date(value)
    if day is None:
        return None, _("“%(value)s” is not a date: write it as YYYY-MM-DD (or DD.MM.YYYY).") % {
            "value": text_of(value)}
    if day.year < 1950:
        return None, _("%(date)s is too far in the past to be right.") % {"date": day.isoformat()}
    if not allow_future and day > timezone.localdate():
        return None, _("%(date)s is in the future.") % {"date": day.isoformat()}
    return day, None


def text(value, max_length: int):
    out = text_of(value)
    if len(out) > max_length:
        return None, _("The answer is %(length)s characters long; this field holds at most %(max)s.") % {
            "length": len(out), "max": max_length}
    return out, None


def decimal(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    raw = text_of(value).replace("\u00a0", "").replace(" ", "").replace("'", "")
    if raw.count(",") == 1 and raw.count(".") == 0:
        raw = raw.replace(",", ".")
    else:
        raw = raw.replace(",", "")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return None, _("“%(value)s” is not an amount.") % {"value": text_of(value)}
    if not amount.is_finite() or amount < 0:
        return None, _("Amounts cannot be negative.") if amount < 0 else _("“%(value)s” is not an amount.") % {
            "value": text_of(value)}
    if amount >= Decimal("1e10"):
        return None, _("%(value)s is too large an amount.") % {"value": text_of(value)}
    return amount.quantize(Decimal("0.01")), None


def hours(value):
    raw = text_of(value)
    try:
        number = int(Decimal(raw.replace(",", ".")))
    except (InvalidOperation, ValueError):
        return None, _("“%(value)s” is not a number of hours.") % {"value": raw}
    if not 0 <= number <= 168:
        return None, _("A week has 168 hours: give the hours worked per week between 0 and 168.")
    return number, None


def boolean(value):
    if isinstance(value, bool):
        return value, None
    raw = fold(text_of(value))
    if raw in YES_FOLDED:
        return True, None
    if raw in NO_FOLDED:
        return False, None
    return None, _("“%(value)s” is neither yes nor no.") % {"value": text_of(value)}


def choice(kind: str, value):
    choices = CHOICES[kind]
    found = _lookup(kind, choices).get(fold(text_of(value)))
    if found is not None:
        return found, None
    return None, _("“%(value)s” is not one of: %(choices)s.") % {
        "value": text_of(value), "choices": ", ".join(choices.values)}


def language(value):
    raw = fold(text_of(value))
    codes = {code for code, _label in SOURCE_LANGUAGES}
    if raw in codes:
        return raw, None
    if raw[:2] in codes and re.fullmatch(r"[a-z]{2}[-_][a-z]+", raw):
        return raw[:2], None
    for code, label in SOURCE_LANGUAGES:
        if raw == fold(str(label)):
            return code, None
    if raw in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[raw], None
    return None, _("“%(value)s” is not a language Ovoz knows (ky, ru, uz, tg, kk, en).") % {"value": text_of(value)}


def country(value):
    raw = text_of(value).upper()
    if re.fullmatch(r"[A-Z]{2}", raw):
        return raw, None
    return None, _("“%(value)s” is not a two-letter country code (KG, KZ, RU, TJ, UZ…).") % {"value": text_of(value)}


def currency(value):
    raw = text_of(value).upper()
    if re.fullmatch(r"[A-Z]{3}", raw):
        return raw, None
    aliases = {"СОМ": "KGS", "SOM": "KGS", "РУБ": "RUB", "RUBL": "RUB", "СОМОНӢ": "TJS", "SOMONI": "TJS",
               "СУМ": "UZS", "SUM": "UZS", "SO'M": "UZS", "ТЕНГЕ": "KZT", "TENGE": "KZT", "$": "USD"}
    if raw in aliases:
        return aliases[raw], None
    return None, _("Give the currency as a three-letter code, e.g. KGS, TJS, UZS, RUB.")


def split_many(value) -> list[str]:
    """A select_multiple answer: space-separated (KoBo, ODK) or a list; in tables, labels (which may hold spaces)
    separated by commas, semicolons or lines."""
    if isinstance(value, (list, tuple)):
        return [text_of(v) for v in value if not empty(v)]
    text = text_of(value)
    separators = r"[,;|\n]+" if re.search(r"[,;|\n]", text) else r"\s+"
    return [part.strip() for part in re.split(separators, text) if part.strip()]


def scope(value):
    found = _lookup("scope", ConsentScope).get(fold(text_of(value)))
    if found is not None:
        return found, None
    return None, _("“%(value)s” is not a consent scope (%(scopes)s).") % {
        "value": text_of(value), "scopes": ", ".join(ConsentScope.values)}


def attribute(definition, value):
    """A programme's own attribute (text, number, choice, yes or no)."""
    kind = definition.kind
    if kind == "number":
        amount, problem = decimal(value)
        if problem:
            return None, _("“%(value)s” is not a number.") % {"value": text_of(value)}
        return (int(amount) if amount == amount.to_integral_value() else float(amount)), None
    if kind == "yes_no":
        return boolean(value)
    if kind == "choice":
        raw = text_of(value)
        options = [str(c) for c in definition.choices or []]
        for option in options:
            if fold(option) == fold(raw):
                return option, None
        return None, _("“%(value)s” is not one of: %(choices)s.") % {"value": raw, "choices": ", ".join(options)}
    return text(value, 500)
