"""A mapping: which answers of a survey export become which participant, source and incident fields.

A mapping is JSON with up to three sections, each optional (a missing section creates nothing of that kind)::

    {
      "participant": {"migrant_status": "respondent/status", "age_band": "respondent/age",
                      "consent_scopes": {"field": "consent", "values": {"yes_quotes": "quotes"}}},
      "source": {"language": {"value": "ky"}, "transcript": ["story", "comments"]},
      "incidents": {"repeat": "incidents", "act_types": "incidents/acts", "date": "incidents/when"}
    }

Each target takes a field path ("group/question"), a list of paths (texts are joined), or an object with
``field`` (or ``fields``), ``values`` (the form's answer -> our code), ``value`` (a constant), ``default``
and ``required``. ``TARGETS`` lists every target and what it expects.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ovoz.imports import xlsform

# kind of each target: how its answers are read and checked (see ovoz.imports.values)
PARTICIPANT = {
    "code": ("code", gettext_lazy("Her pseudonym code: an existing participant with this code is linked, "
                                  "a new one is created with it; leave out for automatic codes")),
    "external_id": ("key", gettext_lazy("A respondent ID that finds her again in later imports "
                                        "(default: the submission's UUID)")),
    "migrant_status": ("term:migrant_status", gettext_lazy("Migrant status (term code or label)")),
    "age_band": ("age_band", gettext_lazy("Age band (18-24, 25-29, … or an age in years)")),
    "region_of_origin": ("term:region", gettext_lazy("Region of origin (term code or label)")),
    "destination": ("text:120", gettext_lazy("Destination country or city")),
    "work_sector": ("term:work_sector", gettext_lazy("Work sector (term code or label)")),
    "household_role": ("term:household_role", gettext_lazy("Household role (term code or label)")),
    "consent_scopes": ("scopes", gettext_lazy("Consent scopes given (several, e.g. a select_multiple)")),
    "consent_date": ("date", gettext_lazy("Date of consent (default: the submission's date)")),
    "consent_language": ("language", gettext_lazy("Language of consent (default: the source's language)")),
    "consent_method": ("choice:consent_method", gettext_lazy("oral (default) or written")),
    "attributes": ("attributes", gettext_lazy("The programme's own attributes: {\"key\": field}")),
}
SOURCE = {
    "title": ("text:200", gettext_lazy("Title (default: the instrument and the submission)")),
    "date": ("date", gettext_lazy("Date (default: the submission's date)")),
    "language": ("language", gettext_lazy("Language of the answers (ky, ru, uz, tg, kk, en)")),
    "place": ("text:200", gettext_lazy("Place")),
    "transcript": ("texts", gettext_lazy("Free-text answers assembled into the transcript, question by question")),
    "notes": ("texts", gettext_lazy("Answers kept as notes")),
}
INCIDENTS = {
    "repeat": ("repeat", gettext_lazy("The repeat group with one incident per item (leave out: one incident "
                                      "per submission)")),
    "only_if": ("condition", gettext_lazy("Create the incident only if {\"field\": …, \"equals\": …}")),
    "title": ("text:200", gettext_lazy("Title (default: the types of act)")),
    "act_types": ("terms:violation", gettext_lazy("Types of act (several; one act each) — required")),
    "perpetrator_type": ("term:perpetrator", gettext_lazy("Type of perpetrator")),
    "perpetrator_description": ("text:200", gettext_lazy("Perpetrator (description)")),
    "date": ("date", gettext_lazy("When it happened (YYYY-MM-DD, YYYY-MM or YYYY)")),
    "date_precision": ("choice:date_precision", gettext_lazy("day, month, year or approximate")),
    "country": ("country", gettext_lazy("Country (ISO code, e.g. RU)")),
    "region": ("term:region", gettext_lazy("Region (term code or label)")),
    "city": ("text:120", gettext_lazy("City or place")),
    "narrative": ("texts", gettext_lazy("What happened (answers joined)")),
    "status": ("choice:status", gettext_lazy("Violation status (confirmed, likely, possible, unlikely, unknown)")),
    "connection": ("choice:connection", gettext_lazy("The survey's connection to it (default: victim)")),
    "reliability": ("choice:reliability", gettext_lazy("Reliability (high, medium, low, unknown)")),
    "employer_type": ("choice:employer_type", gettext_lazy("Employer type")),
    "contract": ("choice:contract", gettext_lazy("Contract (none, oral, written)")),
    "wages_owed": ("decimal", gettext_lazy("Wages owed (amount)")),
    "currency": ("currency", gettext_lazy("Currency of the amounts (KGS, RUB, …)")),
    "wages_period": ("text:120", gettext_lazy("Period the wages cover")),
    "hours_per_week": ("hours", gettext_lazy("Hours worked per week")),
    "documents_confiscated": ("bool", gettext_lazy("Documents confiscated (yes or no)")),
    "documents_confiscated_by": ("text:120", gettext_lazy("Confiscated by")),
    "recovered_amount": ("decimal", gettext_lazy("Amount recovered")),
    "victims": ("codes", gettext_lazy("Codes of participants already registered who suffered it")),
}
SECTIONS = {"participant": PARTICIPANT, "source": SOURCE, "incidents": INCIDENTS}
TOP = {"submission_id", "submission_date", "version"}
SPEC_KEYS = {"field", "fields", "values", "value", "default", "required"}


class MappingError(ValueError):
    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class Spec:
    """Where one target's value comes from."""

    fields: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    constant: Any = None
    default: Any = None
    required: bool = False

    @property
    def is_constant(self) -> bool:
        return not self.fields and self.constant is not None


@dataclass
class Condition:
    field: str
    equals: list[str]


@dataclass
class Mapping:
    participant: dict[str, Spec] | None
    source: dict[str, Spec] | None
    incidents: dict[str, Spec] | None
    attributes: dict[str, Spec] = field(default_factory=dict)
    repeat: str = ""
    only_if: Condition | None = None
    submission_id: str = ""
    submission_date: str = ""

    def fields(self):
        """(section, target, field path) for every field the mapping reads."""
        for section in ("participant", "source", "incidents"):
            specs = getattr(self, section) or {}
            for target, spec in specs.items():
                for path in spec.fields:
                    yield section, target, path
        for key, spec in self.attributes.items():
            for path in spec.fields:
                yield "participant", f"attributes.{key}", path
        if self.only_if:
            yield "incidents", "only_if", self.only_if.field


def _spec(raw, where: str, errors: list[str]) -> Spec | None:
    if isinstance(raw, str):
        return Spec(fields=[raw.strip()]) if raw.strip() else None
    if isinstance(raw, list):
        if not all(isinstance(x, str) and x.strip() for x in raw):
            errors.append(_("%(where)s: a list holds field names only.") % {"where": where})
            return None
        return Spec(fields=[x.strip() for x in raw]) if raw else None
    if isinstance(raw, dict):
        unknown = set(raw) - SPEC_KEYS
        if unknown:
            errors.append(_("%(where)s: unknown keys %(keys)s (use field, fields, values, value, default, required).")
                          % {"where": where, "keys": ", ".join(sorted(unknown))})
            return None
        fields = raw.get("fields", raw.get("field", []))
        fields = [fields] if isinstance(fields, str) else fields
        if not isinstance(fields, list) or not all(isinstance(x, str) for x in fields):
            errors.append(_("%(where)s: “field” is a field name.") % {"where": where})
            return None
        values = raw.get("values", {})
        if not isinstance(values, dict):
            errors.append(_("%(where)s: “values” pairs each answer with our code.") % {"where": where})
            return None
        spec = Spec(fields=[f.strip() for f in fields if f.strip()], values={str(k): v for k, v in values.items()},
                    constant=raw.get("value"), default=raw.get("default"), required=bool(raw.get("required")))
        if not spec.fields and spec.constant is None and spec.default is None:
            errors.append(_("%(where)s: give a field or a value.") % {"where": where})
            return None
        return spec
    if raw is None:
        return None
    errors.append(_("%(where)s: give a field name, a list of field names or an object.") % {"where": where})
    return None


def _section(name: str, raw, errors: list[str]) -> dict[str, Spec] | None:
    if raw is None or raw is False:
        return None
    if raw is True:
        return {}
    if not isinstance(raw, dict):
        errors.append(_("“%(section)s” must be an object.") % {"section": name})
        return None
    targets = SECTIONS[name]
    out = {}
    for target, value in raw.items():
        if target in ("attributes", "repeat", "only_if"):
            continue
        if target not in targets:
            errors.append(_("“%(section)s” has no field “%(target)s”; it has: %(known)s.")
                          % {"section": name, "target": target, "known": ", ".join(targets)})
            continue
        spec = _spec(value, f"{name}.{target}", errors)
        if spec is not None:
            out[target] = spec
    return out


def parse(raw) -> Mapping:
    """Read a mapping (already decoded JSON); raise ``MappingError`` listing every mistake."""
    errors: list[str] = []
    if not isinstance(raw, dict):
        raise MappingError([_("A mapping is a JSON object with the sections participant, source and incidents.")])
    unknown = set(raw) - set(SECTIONS) - TOP
    if unknown:
        errors.append(_("Unknown sections: %(names)s (use participant, source, incidents).")
                      % {"names": ", ".join(sorted(unknown))})
    mapping = Mapping(
        participant=_section("participant", raw.get("participant"), errors),
        source=_section("source", raw.get("source"), errors),
        incidents=_section("incidents", raw.get("incidents"), errors),
        submission_id=str(raw.get("submission_id") or "").strip(),
        submission_date=str(raw.get("submission_date") or "").strip(),
    )
    participant = raw.get("participant")
    if isinstance(participant, dict) and participant.get("attributes") is not None:
        attributes = participant["attributes"]
        if not isinstance(attributes, dict):
            errors.append(_("participant.attributes pairs each attribute's key with a field."))
        else:
            for key, value in attributes.items():
                spec = _spec(value, f"participant.attributes.{key}", errors)
                if spec is not None:
                    mapping.attributes[str(key)] = spec
    incidents = raw.get("incidents")
    if isinstance(incidents, dict):
        repeat = incidents.get("repeat")
        if repeat is not None and not isinstance(repeat, str):
            errors.append(_("incidents.repeat is the path of a repeat group, e.g. “incidents”."))
        mapping.repeat = (repeat or "").strip() if isinstance(repeat, str) else ""
        condition = incidents.get("only_if")
        if condition is not None:
            if not isinstance(condition, dict) or not isinstance(condition.get("field"), str) \
                    or "equals" not in condition:
                errors.append(_("incidents.only_if is {\"field\": …, \"equals\": …}."))
            else:
                equals = condition["equals"]
                equals = equals if isinstance(equals, list) else [equals]
                mapping.only_if = Condition(condition["field"].strip(), [str(v) for v in equals])
        if mapping.incidents is not None and "act_types" not in mapping.incidents:
            errors.append(_("incidents.act_types is required: every incident needs at least one type of act."))
    if mapping.participant is None and mapping.source is None and mapping.incidents is None:
        errors.append(_("The mapping creates nothing: give at least one of participant, source and incidents."))
    if errors:
        raise MappingError(errors)
    return mapping


def check_against(mapping: Mapping, structure: dict) -> list[str]:
    """Mistakes of a mapping against an instrument's structure: fields it does not have, wrong repeat."""
    questions = xlsform.questions(structure)
    repeat_paths = set(xlsform.repeats(structure))
    errors = []
    if mapping.repeat and mapping.repeat not in repeat_paths:
        errors.append(_("incidents.repeat: the form has no repeat group “%(path)s” (it has: %(known)s).")
                      % {"path": mapping.repeat, "known": ", ".join(sorted(repeat_paths)) or "—"})
    names = {path.rsplit("/", 1)[-1]: path for path in questions}
    for section, target, path in mapping.fields():
        if path in questions or path in names or path in {"_submission_time", "_uuid", "today", "start", "end"}:
            continue
        if mapping.repeat and f"{mapping.repeat}/{path}" in questions:
            continue
        errors.append(_("%(section)s.%(target)s: the form has no question “%(path)s”.")
                      % {"section": section, "target": target, "path": path})
    return errors


# --- a first mapping, guessed from the form ----------------------------------------------------------------------

GUESSES = [
    ("participant", "migrant_status", ("migrant_status", "migration_status", "status")),
    ("participant", "age_band", ("age_band", "age", "age_group")),
    ("participant", "region_of_origin", ("region_of_origin", "region", "oblast")),
    ("participant", "destination", ("destination", "destination_country", "country_of_work")),
    ("participant", "work_sector", ("work_sector", "sector")),
    ("participant", "household_role", ("household_role", "hh_role", "role_in_household")),
    ("participant", "consent_scopes", ("consent_scopes", "consent")),
    ("incidents", "act_types", ("act_types", "acts", "violations", "violation_types", "what_happened")),
    ("incidents", "perpetrator_type", ("perpetrator_type", "perpetrator")),
    ("incidents", "date", ("incident_date", "date", "when")),
    ("incidents", "city", ("city", "place", "where")),
    ("incidents", "narrative", ("narrative", "description", "story")),
    ("incidents", "wages_owed", ("wages_owed", "wages", "amount_owed")),
    ("incidents", "currency", ("currency",)),
    ("incidents", "contract", ("contract",)),
    ("incidents", "documents_confiscated", ("documents_confiscated", "passport_taken")),
]


def suggest(structure: dict) -> dict:
    """A first mapping for an instrument, from its question names: a starting point to edit, not a guess to trust."""
    questions = xlsform.questions(structure)
    repeat_paths = xlsform.repeats(structure)
    repeat = repeat_paths[0] if repeat_paths else ""
    out: dict = {"participant": {}, "source": {"transcript": []}}
    incidents: dict = {"repeat": repeat} if repeat else {}
    used = set()
    for section, target, names in GUESSES:
        for name in names:
            found = [q for q in questions.values() if q["name"] == name and q["path"] not in used
                     and (section != "incidents" or not repeat or q["repeat"] == repeat)]
            if found:
                path = found[0]["path"]
                used.add(path)
                (incidents if section == "incidents" else out[section])[target] = (
                    [path] if target == "narrative" else path)
                break
    out["source"]["transcript"] = [
        q["path"] for q in questions.values()
        if q["type"] == "text" and q["path"] not in used and not q["repeat"]
    ]
    if "act_types" in incidents:
        out["incidents"] = incidents
    return out
