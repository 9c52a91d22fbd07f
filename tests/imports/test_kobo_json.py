"""Submissions exported from KoBoToolbox as JSON, with repeat groups and select_multiple answers, become
participants with their consent, survey sources with a transcript, and incidents with acts and labour claims."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import ConsentRecord, Incident, LabourClaim, Participant, Source
from ovoz.imports.models import ImportJob
from tests.imports import builders


def upload(client, survey, content, name="export.json"):
    return client.post(reverse("imports:submissions_import", args=[survey.instrument.pk]), {
        "mapping": survey.mapping.pk, "version": survey.version.pk,
        "file": SimpleUploadedFile(name, content, content_type="application/json"),
    })


def two_submissions():
    return [
        builders.submission("aaaa-1111"),
        builders.submission("bbbb-2222", status="abroad", age=22, region="osh", consent="analysis",
                            incidents=[
                                {"act_types": "docs", "incident_date": "2023-02", "narrative": "Паспорт забрали."},
                                {"act_types": "unpaid", "incident_date": "2023-06-01", "wages": "25 000,50",
                                 "currency": "RUB"},
                            ]),
    ]


def test_the_dry_run_counts_what_would_be_created_and_writes_nothing(survey, as_user):
    client = as_user(survey.researcher_a)
    response = upload(client, survey, builders.kobo_json(two_submissions()))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:job_detail", args=[job.pk])
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 0, job.problems
    assert job.counts == {"rows": 2, "skipped": 0, "participants": 2, "participants_linked": 0, "consents": 2,
                          "sources": 2, "incidents": 3, "acts": 4, "labour_claims": 2}
    assert not Participant.objects.exists() and not Source.objects.exists() and not Incident.objects.exists()
    page = client.get(reverse("imports:job_detail", args=[job.pk]))
    assert b"Import now" in page.content and b"What the import would create" in page.content
    assert AuditEntry.objects.filter(action="import.check", object_id=str(job.pk)).count() == 1


def test_the_real_run_maps_repeats_select_multiple_terms_and_consent(survey, as_user):
    client = as_user(survey.researcher_a)
    upload(client, survey, builders.kobo_json(two_submissions()))
    job = ImportJob.objects.get()
    response = client.post(reverse("imports:job_run", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.error
    assert not job.file  # the uploaded copy of the testimonies is not kept once imported

    first = Participant.objects.get(external_id="aaaa-1111")
    assert first.partnership == survey.a and first.code.startswith("KG-")
    assert first.migrant_status.code == "returned" and first.age_band == "30-39"
    assert first.region_of_origin.code == "kg-chuy" and first.destination == "Bishkek"
    assert first.consent_analysis and first.consent_quotes and first.consent_statistics
    assert not first.consent_coordinators
    record = ConsentRecord.objects.get(participant=first)
    assert record.scopes == ["analysis", "quotes", "statistics"] and record.method == "oral"
    assert str(record.date) == "2024-05-06" and record.language == "ru" and record.recorded_by == survey.researcher_a

    second = Participant.objects.get(external_id="bbbb-2222")
    assert second.migrant_status.code == "cross-border" and second.age_band == "18-24"
    assert second.region_of_origin.code == "kg-osh-region"
    assert second.code != first.code

    source = Source.objects.get(external_id="aaaa-1111")
    assert source.kind == "survey" and source.language == "ru" and list(source.participants.all()) == [first]
    # labelled in the language of the answers (Russian), from the form's Russian labels
    assert source.transcript == "Расскажите о работе\nЯ работала на швейной фабрике."
    assert str(source.date) == "2024-05-06" and source.title.startswith("Women migrants survey")

    incident = Incident.objects.get(external_id="aaaa-1111#1")
    assert sorted(a.act_type.code for a in incident.acts.all()) == ["no-contract", "unpaid-wages"]
    assert all(a.perpetrator_type.code == "employer" for a in incident.acts.all())
    assert all(list(a.victims.all()) == [first] for a in incident.acts.all())
    assert incident.labour_claim.wages_owed == Decimal("18000.00") and incident.labour_claim.currency == "KGS"
    assert incident.source_links.get().source == source and incident.source_links.get().connection == "victim"
    assert incident.narrative == "Не заплатили." and str(incident.date) == "2023-11-15"

    month = Incident.objects.get(external_id="bbbb-2222#1")
    assert month.date_precision == "month" and str(month.date) == "2023-02-01"
    assert not LabourClaim.objects.filter(incident=month).exists()
    rouble = Incident.objects.get(external_id="bbbb-2222#2")
    assert rouble.labour_claim.wages_owed == Decimal("25000.50") and rouble.labour_claim.currency == "RUB"


def test_every_record_is_audited_and_the_job_has_one_row_with_its_counts(survey, as_user):
    client = as_user(survey.researcher_a)
    upload(client, survey, builders.kobo_json(two_submissions()))
    job = ImportJob.objects.get()
    client.post(reverse("imports:job_run", args=[job.pk]))
    actions = list(AuditEntry.objects.filter(partnership=survey.a).values_list("action", flat=True))
    assert actions.count("participant.create") == 2 and actions.count("consent.record") == 2
    assert actions.count("source.create") == 2 and actions.count("incident.create") == 3
    run = AuditEntry.objects.get(action="import.run")
    assert run.actor == survey.researcher_a and run.changes["counts"]["new"]["incidents"] == 3
    source_row = AuditEntry.objects.get(action="source.create", object_id=str(Source.objects.first().pk))
    assert "швейной" not in str(source_row.changes)  # testimony is sealed in the log


def test_importing_the_same_export_again_creates_no_duplicates(survey, as_user):
    client = as_user(survey.researcher_a)
    for _round in range(2):
        upload(client, survey, builders.kobo_json(two_submissions()))
        job = ImportJob.objects.latest("pk")
        client.post(reverse("imports:job_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.counts["skipped"] == 2 and job.counts["participants"] == 0 and job.counts["incidents"] == 0
    assert Participant.objects.count() == 2 and Source.objects.count() == 2 and Incident.objects.count() == 3


def test_a_new_submission_in_a_later_export_is_added_and_the_old_ones_skipped(survey, as_user):
    client = as_user(survey.researcher_a)
    upload(client, survey, builders.kobo_json(two_submissions()[:1]))
    client.post(reverse("imports:job_run", args=[ImportJob.objects.get().pk]))
    upload(client, survey, builders.kobo_json(two_submissions()))
    job = ImportJob.objects.latest("pk")
    assert job.counts["skipped"] == 1 and job.counts["participants"] == 1 and job.counts["incidents"] == 2
    client.post(reverse("imports:job_run", args=[job.pk]))
    assert Participant.objects.count() == 2 and Incident.objects.count() == 3


def test_imported_sources_and_incidents_are_in_the_search_index(survey, as_user):
    from ovoz.search.models import Entry

    client = as_user(survey.researcher_a)
    upload(client, survey, builders.kobo_json(two_submissions()))
    client.post(reverse("imports:job_run", args=[ImportJob.objects.get().pk]))
    assert Entry.objects.filter(object_type="source").count() == 2
    assert Entry.objects.filter(object_type="incident").count() == 3
