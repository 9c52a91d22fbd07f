"""The automatic eligibility check of an application: each rule passed or failed, with its reason.

The rules come from the call's terms (seed 001, section 5): an organisation led by women and/or
migrants, with experience in the focus areas; a young woman researcher under 35 when the programme
starts and a mentor, at least one of them from the community and at least one proficient in English;
and the application received while the call was open.
"""

import datetime
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ovoz.calls.models import PROFICIENT

AGE_LIMIT = 35

RULES = {
    "led_by": gettext_lazy("Led by women and/or migrants"),
    "experience": gettext_lazy("Experience in the focus areas"),
    "researcher_age": gettext_lazy("Researcher under 35 when the programme starts"),
    "community": gettext_lazy("Researcher or mentor from the community"),
    "english": gettext_lazy("Researcher or mentor proficient in English"),
    "on_time": gettext_lazy("Received while the call was open"),
}


@dataclass(frozen=True)
class RuleResult:
    code: str
    passed: bool
    reason: str

    @property
    def label(self) -> str:
        return str(RULES[self.code])


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def age_on(born: datetime.date, day: datetime.date) -> int:
    """Full years of age on ``day``; someone born on 29 February turns a year older on 1 March."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _led_by(women_led: bool, migrant_led: bool) -> RuleResult:
    if women_led and migrant_led:
        reason = _("The organisation is led by women and by migrants.")
    elif women_led:
        reason = _("The organisation is led by women.")
    elif migrant_led:
        reason = _("The organisation is led by migrants.")
    else:
        reason = _("The organisation says it is led neither by women nor by migrants.")
    return RuleResult("led_by", women_led or migrant_led, reason)


def _experience(text: str, n_focus_areas: int) -> RuleResult:
    if not n_focus_areas:
        return RuleResult("experience", False, _("No focus area of the call was chosen."))
    if not text.strip():
        return RuleResult("experience", False, _("The experience in the focus areas is not described."))
    return RuleResult(
        "experience", True, _("Experience described in %(n)d of the call's focus areas.") % {"n": n_focus_areas}
    )


def _researcher_age(born: datetime.date | None, starts_on: datetime.date) -> RuleResult:
    if born is None:
        return RuleResult("researcher_age", False, _("The researcher's date of birth is missing."))
    age = age_on(born, starts_on)
    values = {"age": age, "date": _date(starts_on)}
    if age < AGE_LIMIT:
        return RuleResult("researcher_age", True, _("The researcher will be %(age)d on %(date)s.") % values)
    return RuleResult(
        "researcher_age", False, _("The researcher will be %(age)d on %(date)s, not under 35.") % values
    )


def _community(researcher: bool, mentor: bool) -> RuleResult:
    if researcher and mentor:
        reason = _("Both the researcher and the mentor come from the community.")
    elif researcher:
        reason = _("The researcher comes from the community.")
    elif mentor:
        reason = _("The mentor comes from the community.")
    else:
        reason = _("Neither the researcher nor the mentor comes from the community.")
    return RuleResult("community", researcher or mentor, reason)


def _english(researcher: str, mentor: str) -> RuleResult:
    r, m = researcher in PROFICIENT, mentor in PROFICIENT
    if r and m:
        reason = _("Both the researcher and the mentor work in English.")
    elif r:
        reason = _("The researcher works in English.")
    elif m:
        reason = _("The mentor works in English.")
    else:
        reason = _("Neither the researcher nor the mentor has a working knowledge of English.")
    return RuleResult("english", r or m, reason)


def _on_time(submitted_on: datetime.date, opens_on: datetime.date, closes_on: datetime.date) -> RuleResult:
    values = {"date": _date(submitted_on)}
    if submitted_on < opens_on:
        return RuleResult("on_time", False, _("Received on %(date)s, before the call opened.") % values)
    if submitted_on > closes_on:
        return RuleResult("on_time", False, _("Received on %(date)s, after the call closed.") % values)
    return RuleResult("on_time", True, _("Received on %(date)s, while the call was open.") % values)


def check(application, *, focus_area_count: int | None = None) -> list[RuleResult]:
    """Every rule, in order, for a saved application (pass ``focus_area_count`` to spare a query)."""
    call = application.call
    if focus_area_count is None:
        focus_area_count = application.focus_areas.count()
    return [
        _led_by(application.women_led, application.migrant_led),
        _experience(application.experience, focus_area_count),
        _researcher_age(application.researcher_born_on, call.programme.starts_on),
        _community(application.researcher_from_community, application.mentor_from_community),
        _english(application.researcher_english, application.mentor_english),
        _on_time(application.submitted_on, call.opens_on, call.closes_on),
    ]


def is_eligible(results: list[RuleResult]) -> bool:
    return all(r.passed for r in results)
