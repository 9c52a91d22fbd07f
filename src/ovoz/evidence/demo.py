"""Fictional demo evidence for the five partnerships of the demo programme, as of mid-2024.

Every participant, source and incident here is invented, marked ``is_fictional`` and titled "(fictional)".
They follow the issues of the five country briefers (seed 002): labour rights of internal migrants in
Ak-Zhar (Ravnye Prava), reintegration of returned migrants in Fergana (AWA Fergana), protection from
domestic violence in Khatlon (Ghamkhori), decent work for returned migrants in Sughd (Dunyoi Muhabbat), and
registration and municipal services for internal migrants (HRAC). Interviews are written in the partners'
languages, some with an English translation. Nothing here names a real person.

``demo_load`` is idempotent: every record carries an ``external_id`` starting with ``demo:``, and a record
that exists already is left as it is.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from ovoz.accounts.roles import Role
from ovoz.evidence.demo_data import PARTNERS, D
from ovoz.evidence.models import Participant, Source, Term
from ovoz.evidence.services.consent import consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create
from ovoz.evidence.services.vocabulary import vocabulary_seed
from ovoz.programmes.models import Membership

# --- Loading ----------------------------------------------------------------------------------------------------


def _fictional_pdf(text: str) -> bytes:
    """A one-page PDF saying what it is: the 'scan' of a written consent in the demo."""
    content = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code, programme__isnull=True)


def _researcher(partnership):
    membership = Membership.objects.filter(partnership=partnership, role=Role.RESEARCHER).select_related("user")
    first = membership.order_by("pk").first()
    return first.user if first else None


def _participants(key, partnership, specs) -> tuple[list[Participant], list[bool]]:
    people, created = [], []
    for n, spec in enumerate(specs, start=1):
        external_id = f"demo:{key}:participant:{n}"
        existing = Participant.objects.filter(partnership=partnership, external_id=external_id).first()
        if existing is not None:
            people.append(existing)
            created.append(False)
            continue
        person = participant_create(
            actor=None, partnership=partnership, is_fictional=True, external_id=external_id,
            name=f"(fictional) participant {n}", migrant_status=_term("migrant_status", spec["status"]),
            age_band=spec["age"], region_of_origin=_term("region", spec["region"]), destination=spec["destination"],
            work_sector=_term("work_sector", spec["sector"]), household_role=_term("household_role", spec["role"]),
        )
        form = None
        if spec["method"] == "written":
            form = ContentFile(_fictional_pdf(f"Fictional consent form (demo) - {person.code}"),
                               name=f"consent-{person.code}.pdf")
        consent_record(actor=None, participant=person, date=D(2023, 3, 1) + datetime.timedelta(days=3 * n),
                       method=spec["method"], language=spec["language"], scopes=spec["scopes"], form=form,
                       note="(fictional) Consent explained in her language; a copy of the information sheet given.")
        people.append(person)
        created.append(True)
    return people, created


def _source(key, partnership, facilitator, people, n, kind, spec) -> Source:
    external_id = f"demo:{key}:source:{n}"
    existing = Source.objects.filter(partnership=partnership, external_id=external_id).first()
    if existing is not None:
        return existing
    participants = [people[i] for i in spec["participants"]]
    values = {k: spec.get(k, "") for k in ("title", "place", "language", "transcript", "translation_en", "notes",
                                            "stakeholders_present", "outcomes")}
    values.update(kind=kind, date=spec["date"], facilitator=facilitator,
                  shared_with_programme=all(x.consent_coordinators for x in participants))
    if kind == Source.Kind.CONSULTATION:
        values["women_only"] = True
    try:
        from ovoz.evidence.services.sources import source_create
    except ImportError:  # the sources part is not installed: write the rows as its service would
        return _source_without_service(partnership, participants, external_id, values)
    return source_create(actor=None, partnership=partnership, participants=participants, is_fictional=True,
                         external_id=external_id, **values)


def _source_without_service(partnership, participants, external_id, values) -> Source:
    from ovoz.audit.services import audit_write

    source = Source.objects.create(partnership=partnership, is_fictional=True, external_id=external_id, **values)
    source.participants.set(participants)
    audit_write(actor=None, action="source.create", obj=source, partnership=partnership)
    return source


def _incident(key, partnership, people, sources, n, spec):
    from ovoz.evidence.models import Incident

    external_id = f"demo:{key}:incident:{n}"
    existing = Incident.objects.filter(partnership=partnership, external_id=external_id).first()
    if existing is not None:
        return existing
    acts = [{"act_type": _term("violation", act), "victims": [people[i] for i in victims],
             "perpetrator_type": _term("perpetrator", perpetrator)} for act, victims, perpetrator in spec["acts"]]
    interventions = [
        {"intervention_type": _term("intervention", kind), "date": day, "by_whom": by_whom, "response": response,
         "outcome": outcome, "status": status}
        for kind, day, by_whom, response, outcome, status in spec["interventions"]
    ]
    links = [{"source": sources[which], "connection": connection, "reliability": reliability}
             for which, connection, reliability in spec["links"]]
    victims = {v.pk: v for act in acts for v in act["victims"]}.values()
    values = {k: spec[k] for k in ("title", "narrative", "date", "date_precision", "country", "city", "status")}
    values.update(end_date=spec.get("end_date"), region=_term("region", spec["region"]) if spec.get("region") else None,
                  shared_with_programme=all(v.consent_coordinators for v in victims))
    rights = [_term("right", code) for code in spec["rights"]]
    try:
        from ovoz.evidence.services.incidents import incident_create
    except ImportError:
        return _incident_without_service(partnership, external_id, values, rights, acts, interventions, links,
                                         spec.get("labour"))
    return incident_create(actor=None, partnership=partnership, rights=rights, acts=acts,
                           interventions=interventions, links=links, labour=spec.get("labour"), is_fictional=True,
                           external_id=external_id, **values)


def _incident_without_service(partnership, external_id, values, rights, acts, interventions, links, labour):
    from ovoz.audit.services import audit_write
    from ovoz.evidence.models import Act, Incident, IncidentSource, Intervention, LabourClaim

    incident = Incident.objects.create(partnership=partnership, is_fictional=True, external_id=external_id, **values)
    incident.rights.set(rights)
    for act in acts:
        victims = act.pop("victims")
        Act.objects.create(incident=incident, **act).victims.set(victims)
    for item in interventions:
        Intervention.objects.create(incident=incident, **item)
    for link in links:
        IncidentSource.objects.create(incident=incident, **link)
    if labour:
        LabourClaim.objects.create(incident=incident, **labour)
    audit_write(actor=None, action="incident.create", obj=incident, partnership=partnership)
    return incident


@transaction.atomic
def demo_load(*, programme, partnerships, coordinator) -> None:
    """Create (or complete) the fictional evidence of each demo partnership; running it again adds nothing."""
    vocabulary_seed()
    for key, spec in PARTNERS.items():
        partnership = partnerships.get(key)
        if partnership is None:
            continue
        facilitator = _researcher(partnership)
        people, created = _participants(key, partnership, spec["participants"])
        sources = {"consultation": _source(key, partnership, facilitator, people, 1, Source.Kind.CONSULTATION,
                                           spec["consultation"])}
        for n, interview in enumerate(spec["interviews"]):
            sources[n] = _source(key, partnership, facilitator, people, n + 2, Source.Kind.INTERVIEW, interview)
        for n, incident in enumerate(spec["incidents"], start=1):
            _incident(key, partnership, people, sources, n, incident)
        # Withdrawals come last, as in life: what was recorded before stays, new outputs leave her material out.
        for index, scopes, day in spec["withdrawals"]:
            if created[index]:
                consent_withdraw(actor=None, participant=people[index], date=day, scopes=scopes,
                                 language=spec["participants"][index]["language"],
                                 note="(fictional) She asked the researcher in person.")
