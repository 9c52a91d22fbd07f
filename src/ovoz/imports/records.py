"""What one submission becomes: a participant (new, or linked by code or key) with her consent, a source, and
incidents with their acts, victims and labour claim. Part of the checker (``ovoz.imports.checker``)."""

from django.utils.translation import gettext as _

from ovoz.evidence.models import DatePrecision, Incident, IncidentSource, Source
from ovoz.imports import values as conv
from ovoz.imports.mapping import Spec
from ovoz.imports.plan import WARNING, NewIncident, NewParticipant, NewSource


class Records:
    """The record builders of ``Checker``: they read through its ``read``, ``texts``, ``_raw`` and ``issue``."""

    def _participant(self, ctx, language: str, when) -> NewParticipant | None:
        specs = self.mapping.participant
        code = self.read(ctx, "code", specs.get("code"), "code") or ""
        external = self.read(ctx, "external_id", specs.get("external_id"), "key") or ""
        if code:
            taken = self.existing.codes.get(code.casefold())
            if taken and self.table:
                self.issue(ctx, specs["code"].fields[0] if specs["code"].fields else "code",
                             _("The code %(code)s belongs to another participant already.") % {"code": code})
                return None
            if taken:
                return NewParticipant(ctx.row, external or ctx.key, code=code, existing_id=taken)
            if code.casefold() in self.new_codes:
                return self.new_codes[code.casefold()]
        if external:
            if external in self.existing.participant_ids:
                pk, existing_code = self.existing.participant_ids[external]
                return NewParticipant(ctx.row, external, code=existing_code, existing_id=pk)
            if external in self.new_keys:
                return self.new_keys[external]
        person = NewParticipant(ctx.row, external or ctx.key, code=code)
        kinds = {"migrant_status": "term:migrant_status", "age_band": "age_band", "region_of_origin": "term:region",
                 "destination": "text:120", "work_sector": "term:work_sector", "household_role": "term:household_role"}
        for target, kind in kinds.items():
            value = self.read(ctx, target, specs.get(target), kind)
            if value not in (None, ""):
                person.values[target] = value
        for attr_key, spec in self.mapping.attributes.items():
            definition = self.definitions.get(attr_key)
            raw, path = self._raw(spec, ctx.answers)
            if definition is None:
                self.issue(ctx, f"attributes.{attr_key}",
                             _("The programme has no attribute “%(key)s”.") % {"key": attr_key})
                continue
            if conv.empty(raw):
                continue
            value, message = conv.attribute(definition, self._mapped(spec, raw))
            if message:
                self.issue(ctx, path or attr_key, message)
            else:
                person.attributes[attr_key] = value
        if "consent_scopes" in specs:
            person.consent = self._consent(ctx, specs, language, when)
        return person

    def _consent(self, ctx, specs, language, when) -> dict | None:
        scopes = self.read(ctx, "consent_scopes", specs.get("consent_scopes"), "scopes") or []
        day = self.read(ctx, "consent_date", specs.get("consent_date"), "date") or when or self.today
        method = self.read(ctx, "consent_method", specs.get("consent_method"), "choice:consent_method") or "oral"
        lang = self.read(ctx, "consent_language", specs.get("consent_language"), "language") or language
        if method == "written":
            self.issue(ctx, "consent_method", _(
                "A written consent needs its signed form: import her as oral consent, or record the written "
                "consent with its form on her page."))
        if not scopes:
            self.issue(ctx, (specs["consent_scopes"].fields or ["consent_scopes"])[0], _(
                "No consent scope: she is registered, but nothing of hers can be used until her consent is "
                "recorded."), WARNING)
            return None
        return {"scopes": sorted(scopes), "date": day, "method": method, "language": lang or ""}

    def _source(self, ctx, language, when, participant) -> NewSource | None:
        specs = self.mapping.source
        values = {"kind": Source.Kind.SURVEY, "language": language}
        title = self.read(ctx, "title", specs.get("title"), "text:200")
        values["title"] = title or (self.title or _("Survey"))[:185] + f" – {ctx.key[:8]}"
        values["date"] = self.read(ctx, "date", specs.get("date"), "date") or when
        place = self.read(ctx, "place", specs.get("place"), "text:200")
        if place:
            values["place"] = place
        values["transcript"] = self.texts(ctx, specs.get("transcript"), language)
        notes = self.texts(ctx, specs.get("notes"), language)
        if notes:
            values["notes"] = notes
        return NewSource(ctx.row, ctx.key, values, [participant] if participant else [])

    def _incident(self, ctx, external_id: str, participant, source) -> NewIncident | None:
        specs, m = self.mapping.incidents, self.mapping
        if m.only_if is not None:
            answer = ctx.answers.get(m.only_if.field)
            if not set(conv.split_many(answer) if not conv.empty(answer) else []) & set(m.only_if.equals):
                return None
        before = len(self.plan.problems)
        acts = self.read(ctx, "act_types", specs.get("act_types"), "terms:violation") or []
        if not acts and len(self.plan.problems) == before:
            self.issue(ctx, self._where(ctx, specs["act_types"]),
                       _("Required, and not answered: every incident needs at least one type of act."))
        perpetrator = self.read(ctx, "perpetrator_type", specs.get("perpetrator_type"), "term:perpetrator")
        description = self.read(ctx, "perpetrator_description", specs.get("perpetrator_description"), "text:200")
        values = {}
        day = self.read(ctx, "date", specs.get("date"), "date")
        precision = self.read(ctx, "date_precision", specs.get("date_precision"), "choice:date_precision")
        if day is not None:
            raw, _path = self._raw(specs["date"], ctx.answers)
            hint = conv.parse_date(raw)[1]
            precision = precision or hint or DatePrecision.DAY
            if precision == DatePrecision.MONTH:
                day = day.replace(day=1)
            elif precision == DatePrecision.YEAR:
                day = day.replace(month=1, day=1)
            values["date"] = day
        values["date_precision"] = precision or DatePrecision.DAY
        region = self.read(ctx, "region", specs.get("region"), "term:region")
        country = self.read(ctx, "country", specs.get("country"), "country") or ""
        if region is not None:
            if country and region.country and region.country != country:
                self.issue(ctx, self._where(ctx, specs["region"]),
                             _("The region is not in the country given (%(country)s).") % {"country": country})
            country = country or region.country
            values["region"] = region
        values["country"] = country
        for target in ("city",):
            value = self.read(ctx, target, specs.get(target), "text:120")
            if value:
                values[target] = value
        values["narrative"] = self.texts(ctx, specs.get("narrative"), (source.values["language"] if source else ""))
        values["status"] = self.read(ctx, "status", specs.get("status"), "choice:status") or Incident.Status.UNKNOWN
        title = self.read(ctx, "title", specs.get("title"), "text:200")
        values["title"] = title or (", ".join(t.label_en for t in acts)[:200] if acts else _("Incident"))
        connection = self.read(ctx, "connection", specs.get("connection"), "choice:connection")
        reliability = self.read(ctx, "reliability", specs.get("reliability"), "choice:reliability")
        victims = [participant] if participant else []
        victims += self._victims(ctx, specs.get("victims"))
        labour = self._labour(ctx, specs)
        return NewIncident(
            ctx.row, external_id, values,
            [{"act_type": t, "perpetrator_type": perpetrator, "perpetrator_description": description or ""}
             for t in acts],
            labour, victims, source, connection or IncidentSource.Connection.VICTIM,
            reliability or IncidentSource.Reliability.UNKNOWN,
        )

    def _victims(self, ctx, spec) -> list[NewParticipant]:
        if spec is None:
            return []
        raw, path = self._raw(spec, ctx.answers)
        out = []
        for code in conv.split_many(raw) if not conv.empty(raw) else []:
            pk = self.existing.codes.get(code.casefold())
            if pk is None:
                self.issue(ctx, path or "victims",
                             _("No participant of this partnership has the code %(code)s.") % {"code": code})
            else:
                out.append(NewParticipant(ctx.row, "", code=self.existing.code_of.get(pk, code), existing_id=pk))
        return out

    def _where(self, ctx, spec: Spec) -> str:
        return spec.fields[0] if spec.fields else "incidents"

    def _labour(self, ctx, specs) -> dict | None:
        kinds = {"employer_type": "choice:employer_type", "contract": "choice:contract", "wages_owed": "decimal",
                 "currency": "currency", "wages_period": "text:120", "hours_per_week": "hours",
                 "documents_confiscated": "bool", "documents_confiscated_by": "text:120",
                 "recovered_amount": "decimal"}
        labour = {}
        for target, kind in kinds.items():
            value = self.read(ctx, target, specs.get(target), kind)
            if value not in (None, ""):
                labour[target] = value
        meaningful = {k: v for k, v in labour.items() if k != "currency" and v is not False}
        if not meaningful:
            return None
        if ("wages_owed" in labour or "recovered_amount" in labour) and not labour.get("currency"):
            self.issue(ctx, self._where(ctx, specs["currency"]) if "currency" in specs else "currency",
                         _("Give the currency of the amounts as a three-letter code, e.g. KGS, TJS, UZS, RUB."))
        if not labour.get("documents_confiscated"):
            labour.pop("documents_confiscated_by", None)
        return labour
