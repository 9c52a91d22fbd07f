"""Recommendations tracking: the status history only grows and each change is audited with its evidence; the
tracker shows recommendations by addressee, theme, mechanism and status, and exports CSV and XLSX."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.mechanisms.models import Recommendation, StatusChange
from ovoz.mechanisms.services import recommendation_delete, recommendation_status_record
from tests.mechanisms.conftest import mechanism

DAY = datetime.date(2023, 5, 1)


def _record(cast, rec, status, day=DAY, evidence="The ministry's order no. 12."):
    return recommendation_status_record(actor=cast.coordinator, recommendation=rec, status=status, observed_on=day,
                                        evidence=evidence)


def test_a_status_change_is_appended_with_its_evidence_and_audited(recs, as_user):
    rec = recs.rec_programme
    response = as_user(recs.coordinator).post(reverse("mechanisms:recommendation_status", args=[rec.pk]), {
        "status": "in_progress", "observed_on": "2023-05-01", "evidence": "A draft law was registered."})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.status_on) == ("in_progress", DAY)
    entry = rec.history.get()
    assert (entry.previous_status, entry.status, entry.evidence) == ("not_started", "in_progress",
                                                                     "A draft law was registered.")
    audit = AuditEntry.objects.get(action="recommendation.status", object_id=str(rec.pk))
    assert audit.changes["status"] == {"old": "not_started", "new": "in_progress"}
    assert audit.actor == recs.coordinator


def test_the_status_history_cannot_be_changed_or_deleted(recs):
    entry = _record(recs, recs.rec_programme, "in_progress")
    entry.status = "implemented"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        StatusChange.objects.filter(pk=entry.pk).update(status="implemented")
    with pytest.raises(ValidationError):
        StatusChange.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.status == "in_progress"


def test_a_recommendation_with_history_cannot_be_deleted_but_one_without_can(recs, as_user):
    _record(recs, recs.rec_programme, "in_progress")
    with pytest.raises(ValidationError):
        recommendation_delete(actor=recs.coordinator, recommendation=recs.rec_programme)
    client = as_user(recs.coordinator)
    assert client.post(reverse("mechanisms:recommendation_delete", args=[recs.rec_programme.pk])).status_code == 200
    assert Recommendation.objects.filter(pk=recs.rec_programme.pk).exists()
    assert client.post(reverse("mechanisms:recommendation_delete", args=[recs.rec_a.pk])).status_code == 302
    assert not Recommendation.objects.filter(pk=recs.rec_a.pk).exists()
    assert AuditEntry.objects.filter(action="recommendation.delete").count() == 1


def test_changes_are_recorded_in_order_with_evidence_and_not_repeated(recs):
    rec = recs.rec_programme
    _record(recs, rec, "in_progress", DAY)
    with pytest.raises(ValidationError, match="later observation"):
        _record(recs, rec, "implemented", DAY - datetime.timedelta(days=10))
    with pytest.raises(ValidationError, match="already"):
        _record(recs, rec, "in_progress", DAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="evidence"):
        _record(recs, rec, "implemented", DAY + datetime.timedelta(days=1), evidence=" ")
    _record(recs, rec, "regressed", DAY + datetime.timedelta(days=30))
    assert [h.status for h in rec.history.order_by("observed_on")] == ["in_progress", "regressed"]
    assert rec.history.last().previous_status == "in_progress"


def test_there_is_no_page_or_api_to_edit_a_history_entry():
    from django.urls import get_resolver

    names = [n for n in get_resolver().reverse_dict if isinstance(n, str)]
    assert not [n for n in names if "history" in n or ("status" in n and ("edit" in n or "delete" in n))]


def test_a_upr_recommendation_keeps_its_response_and_recommending_state(recs, as_user):
    response = as_user(recs.coordinator).post(reverse("mechanisms:recommendation_create", args=[recs.programme.pk]), {
        "origin": "upr", "mechanism": mechanism("upr").pk, "country": "KG", "text": "Ratify ILO C189.",
        "addressee": "Government", "addressee_kind": "government", "upr_response": "noted",
        "recommending_state": "Iceland", "sdg_targets": "8.8"})
    assert response.status_code == 302, response.content.decode()[:2000]
    rec = Recommendation.objects.get(text="Ratify ILO C189.")
    assert (rec.upr_response, rec.recommending_state, rec.partnership) == ("noted", "Iceland", None)


def test_supported_or_noted_is_refused_for_a_recommendation_that_is_not_from_the_upr(recs, as_user):
    response = as_user(recs.coordinator).post(reverse("mechanisms:recommendation_create", args=[recs.programme.pk]), {
        "origin": "concluding", "text": "X.", "addressee": "Y", "addressee_kind": "government",
        "upr_response": "supported"})
    assert response.status_code == 200
    assert not Recommendation.objects.filter(text="X.").exists()


def test_the_tracker_filters_by_addressee_theme_mechanism_and_status_and_counts_by_theme(recs, as_user):
    _record(recs, recs.rec_programme, "partial")
    client = as_user(recs.coordinator)
    url = reverse("mechanisms:tracker", args=[recs.programme.pk])
    page = client.get(url, {"status": "partial"}).content.decode()
    assert "multiple discrimination" in page and "labour-rights desk" not in page
    page = client.get(url, {"addressee": "City hall"}).content.decode()
    assert "labour-rights desk" in page and "multiple discrimination" not in page
    page = client.get(url, {"theme": "Labour rights", "by": "theme"}).content.decode()
    assert "labour-rights desk" in page and "multiple discrimination" not in page
    page = client.get(url, {"by": "status"}).content.decode()
    assert "Partially implemented" in page


def test_the_tracker_list_takes_a_fixed_number_of_queries(recs, as_user, django_assert_max_num_queries):
    from ovoz.mechanisms.services import recommendation_create

    for i in range(20):
        recommendation_create(actor=recs.coordinator, programme=recs.programme, origin="upr", text=f"R{i}",
                              addressee=f"A{i % 3}", mechanism=mechanism("upr"), upr_response="supported")
    client = as_user(recs.coordinator)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("mechanisms:tracker", args=[recs.programme.pk])).status_code == 200


def test_the_tracker_exports_csv_and_xlsx_with_the_status_history(recs, as_user):
    from openpyxl import load_workbook

    _record(recs, recs.rec_programme, "in_progress")
    client = as_user(recs.coordinator)
    csv_text = client.get(reverse("mechanisms:tracker_export", args=[recs.programme.pk, "csv"])).content.decode()
    assert "multiple discrimination" in csv_text and "2023-05-01: In progress" in csv_text
    assert "labour-rights desk" in csv_text
    response = client.get(reverse("mechanisms:tracker_export", args=[recs.programme.pk, "xlsx"]),
                          {"status": "in_progress"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][1].startswith("Ensure the protection")
    assert AuditEntry.objects.filter(action="recommendation.export").count() == 2


def test_a_partnerships_proposal_is_hidden_from_another_partnership_and_from_viewers(recs, as_user):
    url = reverse("mechanisms:recommendation", args=[recs.rec_a.pk])
    assert as_user(recs.researcher_a).get(url).status_code == 200
    assert as_user(recs.coresearcher_a).get(url).status_code == 200
    assert as_user(recs.researcher_b).get(url).status_code == 404
    assert as_user(recs.viewer).get(url).status_code == 404
    page = as_user(recs.researcher_b).get(reverse("mechanisms:tracker", args=[recs.programme.pk])).content.decode()
    assert "multiple discrimination" in page and "labour-rights desk" not in page


def test_researcher_b_cannot_record_a_status_on_partnership_as_proposal(recs, as_user):
    url = reverse("mechanisms:recommendation_status", args=[recs.rec_a.pk])
    data = {"status": "implemented", "observed_on": "2023-05-01", "evidence": "x"}
    assert as_user(recs.researcher_b).post(url, data).status_code == 404
    assert as_user(recs.coresearcher_a).post(url, data).status_code == 404
    assert as_user(recs.researcher_a).post(url, data).status_code == 302
    assert recs.rec_a.history.count() == 1


def test_a_researcher_proposes_for_her_own_partnership_only(recs, as_user):
    url = reverse("mechanisms:recommendation_create", args=[recs.programme.pk])
    data = {"origin": "findings", "text": "Proposal B.", "addressee": "Hukumat", "addressee_kind": "local"}
    assert as_user(recs.researcher_b).post(url, {**data, "partnership": recs.a.pk}).status_code == 200
    assert not Recommendation.objects.filter(text="Proposal B.").exists()
    assert as_user(recs.researcher_b).post(url, {**data, "partnership": recs.b.pk}).status_code == 302
    assert Recommendation.objects.get(text="Proposal B.").partnership == recs.b
